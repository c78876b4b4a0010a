/**
 * The demo's deals: 18 months of them, busier in Q4 and quieter in February;
 * new, renewal and expansion deals, won, lost and open; a few shared by two
 * reps (Split 0.5); a new hire who ramps up.
 */
import { type Day, dayOf, dayParts, type Month, tenure, weekdayBetween } from "./demo-calendar";
import { customerPool } from "./demo-customers";
import { PEOPLE, type Profile } from "./demo-people";
import type { Random } from "./demo-random";
import { NEW_CUSTOMER_TARGET, revenueTarget, roundToStep, SEASON } from "./demo-targets";

/** One deal row of the Sales sheet, before it is laid out. */
export interface Deal {
  /** Close date (expected close date for open deals). */
  day: Day;
  hour: number;
  minute: number;
  rep: string;
  customer: string;
  amount: number;
  type: "new" | "renewal" | "expansion";
  status: "won" | "lost" | "open";
  opened: Day;
  split: number | null;
  /** Deals of one split share a group number; each other deal has its own. */
  group: number;
}

/** A new hire's performance in their first months (on top of the plan's ramp of targets). */
const NEW_HIRE_PERFORMANCE = [0.35, 0.6, 0.8, 0.92];

/**
 * The first won deal a rep closed alone (no split) in a month: the demo's scripted cases (a clawback, a late-night
 * close) point at a real deal this way.
 *
 * @example
 * soleWonDealIn(deals, "R04", 2026, 1)?.amount; // the January deal Marco Rossi's clawback refers to
 */
export function soleWonDealIn(deals: readonly Deal[], rep: string, year: number, month: number): Deal | undefined {
  return deals.find((d) => {
    if (d.rep !== rep || d.status !== "won" || d.split !== null) return false;
    const day = dayParts(d.day);
    return day.year === year && day.month === month;
  });
}

/**
 * The deals of the demo months, sorted by close time, with their Deal IDs
 * (the two rows of a split deal share one).
 *
 * @example
 * const { deals, dealIds } = generateDeals(new Random(42), demoMonths());
 * dealIds.get(deals[0].group); // "D-10001"
 */
export function generateDeals(random: Random, months: Month[]): { deals: Deal[]; dealIds: Map<number, string> } {
  const pool = customerPool(random);
  let nextCustomer = 0;
  const takeCustomer = (): string => pool[nextCustomer++ % pool.length];
  /** A prospect who has not bought yet (may buy later). */
  const prospect = (): string => pool[random.int(nextCustomer, pool.length - 1)];

  const reps = PEOPLE.filter((p) => p.role === "rep" && p.profile);
  const books = new Map<string, string[]>();
  for (const rep of reps) {
    // Customers won before the demo starts (a new hire inherits a few accounts).
    books.set(rep.id, Array.from({ length: rep.start < "2025-05-01" ? random.int(5, 7) : 3 }, takeCustomer));
  }

  const deals: Deal[] = [];
  let group = 0;
  for (const month of months) {
    const season = SEASON[month.month - 1];
    for (const rep of reps) {
      const profile = rep.profile as Profile;
      const t = tenure(rep, month);
      if (!t) continue;
      const isNewHire = rep.start >= "2025-05-01";
      const rampPerf = isNewHire ? (NEW_HIRE_PERFORMANCE[t.tenureMonth - 1] ?? 1) : 1;
      const book = books.get(rep.id) as string[];
      const when = (): { day: Day; hour: number; minute: number } => {
        const day = weekdayBetween(random, t.firstDay, t.lastDay);
        return random.chance(0.05)
          ? { day, hour: random.int(9, 21), minute: random.pick([0, 15, 30, 45]) }
          : { day, hour: 0, minute: 0 };
      };
      const base = { rep: rep.id, split: null };
      const monthDeals: Deal[] = [];

      // New business.
      const newLambda = NEW_CUSTOMER_TARGET[month.month - 1] * t.fraction * rampPerf * (0.6 + 0.4 * profile.skill);
      const newWon = random.poisson(newLambda);
      const newLost = random.poisson((newLambda * (1 - profile.winNew)) / profile.winNew);
      for (let i = 0; i < newWon; i++) {
        const customer = takeCustomer();
        book.push(customer);
        const w = when();
        monthDeals.push({
          ...base,
          ...w,
          customer,
          amount: random.uniform(0.9, 1.7),
          type: "new",
          status: "won",
          opened: w.day - Math.round(profile.cycle * random.uniform(0.5, 1.5)),
          group: group++,
        });
      }
      for (let i = 0; i < newLost; i++) {
        const w = when();
        monthDeals.push({
          ...base,
          ...w,
          customer: prospect(),
          amount: roundToStep(random.uniform(4000, 22000), 100),
          type: "new",
          status: "lost",
          opened: w.day - Math.round(profile.cycle * random.uniform(0.6, 1.8)),
          group: group++,
        });
      }
      // Renewals: some of the book comes up each month; a lost renewal is a lost customer.
      const due = Math.min(book.length, random.poisson(1.3 * t.fraction));
      const dueCustomers = random.shuffle(book.slice()).slice(0, due);
      for (const customer of dueCustomers) {
        const won = random.chance(profile.renew);
        const w = when();
        monthDeals.push({
          ...base,
          ...w,
          customer,
          amount: won ? random.uniform(0.7, 1.2) : roundToStep(random.uniform(6000, 18000), 100),
          type: "renewal",
          status: won ? "won" : "lost",
          opened: w.day - random.int(20, 45),
          group: group++,
        });
        if (!won) book.splice(book.indexOf(customer), 1);
      }
      // Expansions: more seats or products for existing customers.
      const expansions = book.length === 0 ? 0 : random.poisson(0.9 * t.fraction * Math.sqrt(season) * rampPerf);
      for (let i = 0; i < expansions; i++) {
        const won = random.chance(0.55);
        const w = when();
        monthDeals.push({
          ...base,
          ...w,
          customer: random.pick(book),
          amount: won ? random.uniform(0.3, 0.7) : roundToStep(random.uniform(2000, 9000), 100),
          type: "expansion",
          status: won ? "won" : "lost",
          opened: w.day - random.int(10, 35),
          group: group++,
        });
      }
      // Revenue: won amounts share what the rep sells this month.
      const perf =
        Math.min(
          1.8,
          Math.max(0.35, (profile.skill + profile.trend * (month.index - 8)) * Math.exp(0.15 * random.normal())),
        ) * rampPerf;
      const revenue = revenueTarget(profile, month) * t.fraction * perf;
      let won = monthDeals.filter((d) => d.status === "won");
      if (won.length === 0 && t.fraction > 0.25 && book.length > 0) {
        const w = when();
        const extra: Deal = {
          ...base,
          ...w,
          customer: random.pick(book),
          amount: 1,
          type: "expansion",
          status: "won",
          opened: w.day - random.int(10, 35),
          group: group++,
        };
        monthDeals.push(extra);
        won = [extra];
      }
      const weights = won.reduce((sum, d) => sum + d.amount, 0);
      for (const d of won) d.amount = Math.max(500, roundToStep((revenue * d.amount) / weights, 50));
      // Open pipeline: a stale opportunity now and then; more at the end of the data.
      const openCount = month.index >= 16 ? random.poisson(1.6) : random.chance(0.06) ? 1 : 0;
      for (let i = 0; i < openCount; i++) {
        const isNew = random.chance(0.6) || book.length === 0;
        const w = when();
        monthDeals.push({
          ...base,
          ...w,
          customer: isNew ? prospect() : random.pick(book),
          amount: roundToStep(random.uniform(3000, 20000), 100),
          type: isNew ? "new" : "expansion",
          status: "open",
          opened: w.day - random.int(15, 60),
          group: group++,
        });
      }
      // Shared deals: a teammate helped win a new customer; each gets half the credit.
      for (const d of monthDeals.filter((x) => x.status === "won" && x.type === "new")) {
        if (!random.chance(0.05)) continue;
        const mates = reps.filter(
          (m) =>
            m.id !== rep.id &&
            m.team === rep.team &&
            tenure(m, month) &&
            dayOf(m.start) <= d.day &&
            (m.end === null || dayOf(m.end) >= d.day),
        );
        if (mates.length === 0) continue;
        d.amount = roundToStep(d.amount * 2, 50);
        d.split = 0.5;
        monthDeals.push({ ...d, rep: random.pick(mates).id });
      }
      deals.push(...monthDeals);
    }
  }

  // A deal closed at 23:30 on 31 March: it belongs to March in every time zone.
  const lateDeal = soleWonDealIn(deals, "R03", 2026, 3);
  if (lateDeal) Object.assign(lateDeal, { day: dayOf("2026-03-31"), hour: 23, minute: 30 });

  deals.sort(
    (a, b) =>
      a.day - b.day ||
      a.hour * 60 + a.minute - (b.hour * 60 + b.minute) ||
      a.group - b.group ||
      (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0),
  );
  const dealIds = new Map<number, string>();
  for (const d of deals) if (!dealIds.has(d.group)) dealIds.set(d.group, `D-${10001 + dealIds.size}`);
  return { deals, dealIds };
}
