/**
 * The demo workbook `npm start` runs on: a made-up sales team, generated from
 * a seed so that it is the same on every machine.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 *
 * The shipped file is `src/local/demo/demo-workbook.xlsx`. Regenerate it
 * (after changing this file or the default plan) from the project root with:
 *
 *   npx esbuild src/local/generate-demo.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=.cache/generate-demo.mjs --log-level=warning \
 *     && node .cache/generate-demo.mjs [--seed 42] [--out src/local/demo/demo-workbook.xlsx]
 *
 * The same seed gives the same bytes (the file's timestamps are fixed).
 *
 * The story: three teams (East, North, South) of a company selling to
 * businesses, each with a manager (Role `manager`) whom the reps (Role `rep`)
 * report to; English and Chinese names. 18 months of deals, 2025-05 to
 * 2026-10, busier in Q4 and quieter in February; new, renewal and expansion
 * deals, won, lost and open; a few deals shared by two reps (Split 0.5); one
 * rep leaving in mid-April 2026 and one joining in mid-June 2026 who ramps
 * up; targets at every level (rep, `team:`, `role:`, `*`; months, some
 * quarters and the years); manager ratings on Scores; a spiff, an award and a
 * clawback on Adjustments; and the default plan.
 */
import { pathToFileURL } from "node:url";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { DEFAULT_PLAN_ROWS } from "../core/default-plan";
import { wallClock, type CellData, type SheetData, type WorkbookData } from "./workbook-data";
import { writeXlsx } from "./xlsx-workbook";
import { seededRandom } from "../core/seeded-random";

/** Where the demo workbook is shipped, relative to the project root. */
export const DEMO_WORKBOOK_PATH = "src/local/demo/demo-workbook.xlsx";

/** The seed of the shipped demo workbook. */
export const DEMO_SEED = 42;

/** The file's fixed creation time, so regenerating gives the same bytes. */
export const DEMO_TIMESTAMP = new Date(Date.UTC(2026, 10, 1, 0, 0, 0));

/** The first and last months with deals. */
export const DEMO_FIRST_MONTH = "2025-05";
export const DEMO_LAST_MONTH = "2026-10";

/** Someone on the demo Reps sheet. */
export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  role: "rep" | "manager";
  team: string;
  /** Rep ID of the manager, "" for managers. */
  manager: string;
  /** `YYYY-MM-DD`. */
  start: string;
  end: string | null;
  targetBonus: number | null;
}

/** How a rep sells: the hidden parameters behind the generated deals. */
interface Profile {
  /** Revenue performance against target (1 = on target). */
  skill: number;
  /** Change of skill per month (a rep improving or slipping). */
  trend: number;
  /** Monthly revenue quota before seasonality. */
  quota: number;
  /** Chance of winning a new-business deal. */
  winNew: number;
  /** Chance of keeping a customer at renewal. */
  renew: number;
  /** Mean days from Opened to close for new business. */
  cycle: number;
  /** Mean manager ratings, 1-5. */
  csat: number;
  knowledge: number;
  teamwork: number;
}

const TEAMS = ["East", "North", "South"] as const;

const PEOPLE: readonly (DemoPerson & { profile?: Profile })[] = [
  person("M01", "Sarah Chen", "sarah.chen", "manager", "East", "", "2019-03-04", null, 2500),
  person("R01", "Li Na", "li.na", "rep", "East", "M01", "2021-06-07", null, 1000, {
    skill: 1.08,
    trend: 0,
    quota: 48000,
    winNew: 0.26,
    renew: 0.86,
    cycle: 38,
    csat: 4.6,
    knowledge: 4.3,
    teamwork: 4.4,
  }),
  person("R02", "Tom Becker", "tom.becker", "rep", "East", "M01", "2022-09-12", null, 1000, {
    skill: 0.78,
    trend: 0.022,
    quota: 44000,
    winNew: 0.23,
    renew: 0.8,
    cycle: 46,
    csat: 4.2,
    knowledge: 3.8,
    teamwork: 4.1,
  }),
  person("R03", "王芳", "wang.fang", "rep", "East", "M01", "2020-04-01", null, 1200, {
    skill: 1.24,
    trend: 0.004,
    quota: 52000,
    winNew: 0.32,
    renew: 0.9,
    cycle: 31,
    csat: 4.7,
    knowledge: 4.6,
    teamwork: 4.2,
  }),
  person("M02", "张伟", "zhang.wei", "manager", "North", "", "2018-08-20", null, null),
  person("R04", "Marco Rossi", "marco.rossi", "rep", "North", "M02", "2023-01-09", null, 1000, {
    skill: 1.05,
    trend: -0.018,
    quota: 45000,
    winNew: 0.24,
    renew: 0.78,
    cycle: 44,
    csat: 4.1,
    knowledge: 4.0,
    teamwork: 3.8,
  }),
  person("R05", "刘洋", "liu.yang", "rep", "North", "M02", "2021-11-15", null, 1000, {
    skill: 1.02,
    trend: 0.002,
    quota: 47000,
    winNew: 0.27,
    renew: 0.85,
    cycle: 36,
    csat: 4.5,
    knowledge: 4.4,
    teamwork: 4.6,
  }),
  person("R06", "Emma Wilson", "emma.wilson", "rep", "North", "M02", "2022-02-14", "2026-04-17", 1000, {
    skill: 0.92,
    trend: -0.004,
    quota: 43000,
    winNew: 0.24,
    renew: 0.82,
    cycle: 41,
    csat: 4.4,
    knowledge: 4.1,
    teamwork: 4.3,
  }),
  person("R07", "Kenji Sato", "kenji.sato", "rep", "North", "M02", "2024-03-18", null, null, {
    skill: 0.86,
    trend: 0.008,
    quota: 40000,
    winNew: 0.23,
    renew: 0.8,
    cycle: 48,
    csat: 4.3,
    knowledge: 3.9,
    teamwork: 4.0,
  }),
  person("M03", "David Okafor", "david.okafor", "manager", "South", "", "2020-01-06", null, 2000),
  person("R08", "陈静", "chen.jing", "rep", "South", "M03", "2019-10-08", null, 1100, {
    skill: 1.12,
    trend: 0,
    quota: 50000,
    winNew: 0.29,
    renew: 0.88,
    cycle: 34,
    csat: 4.8,
    knowledge: 4.5,
    teamwork: 4.5,
  }),
  person("R09", "Lucas Silva", "lucas.silva", "rep", "South", "M03", "2023-07-03", null, 1000, {
    skill: 0.98,
    trend: 0.003,
    quota: 45000,
    winNew: 0.25,
    renew: 0.83,
    cycle: 40,
    csat: 4.4,
    knowledge: 4.2,
    teamwork: 4.3,
  }),
  person("R10", "Aisha Khan", "aisha.khan", "rep", "South", "M03", "2026-06-15", null, 1000, {
    skill: 1.0,
    trend: 0,
    quota: 42000,
    winNew: 0.24,
    renew: 0.82,
    cycle: 42,
    csat: 4.4,
    knowledge: 3.2,
    teamwork: 4.3,
  }),
  person("R11", "赵磊", "zhao.lei", "rep", "South", "M03", "2024-09-02", null, null, {
    skill: 0.82,
    trend: 0.006,
    quota: 40000,
    winNew: 0.22,
    renew: 0.79,
    cycle: 47,
    csat: 4.2,
    knowledge: 3.9,
    teamwork: 4.4,
  }),
];

function person(
  id: string,
  name: string,
  mail: string,
  role: "rep" | "manager",
  team: string,
  manager: string,
  start: string,
  end: string | null,
  targetBonus: number | null,
  profile?: Profile,
): DemoPerson & { profile?: Profile } {
  return { id, name, email: `${mail}@example.com`, role, team, manager, start, end, targetBonus, profile };
}

/** The people on the demo Reps sheet (the same for every seed). */
export const DEMO_PEOPLE: readonly DemoPerson[] = PEOPLE.map(({ profile: _profile, ...p }) => p);

/** Monthly seasonality of quotas and activity: Q4 higher, February lower. */
const SEASON = [0.85, 0.7, 1.0, 0.95, 1.0, 1.05, 0.9, 0.85, 1.0, 1.1, 1.2, 1.35];

/** Monthly new-customer target of a rep, by calendar month. */
const NEW_CUSTOMER_TARGET = [2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3];

/** Monthly deals-won target of a rep, by calendar month. */
const DEALS_WON_TARGET = [4, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 6];

const WIN_RATE_TARGET = 0.35;
const RENEWAL_RATE_TARGET: Record<string, number> = { East: 0.85, North: 0.8, South: 0.8 };
const MANUAL_TARGETS: Record<string, number> = { csat: 4.5, product_knowledge: 4, teamwork: 4 };

/** A new hire's performance in their first months (on top of the plan's ramp of targets). */
const NEW_HIRE_PERFORMANCE = [0.35, 0.6, 0.8, 0.92];

// ---------------------------------------------------------------------------
// Seeded randomness

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------
// Calendar (civil days, no time zone)

/** Days since 1970-01-01. */
type Day = number;

function dayOf(text: string): Day {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

function dayParts(day: Day): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

function dayCell(day: Day, hour = 0, minute = 0): CellData {
  const p = dayParts(day);
  return wallClock(p.year, p.month, p.day, hour, minute);
}

interface Month {
  year: number;
  month: number;
  key: string;
  first: Day;
  last: Day;
  index: number;
}

function demoMonths(): Month[] {
  const months: Month[] = [];
  for (let i = 0; i < 18; i++) {
    const year = 2025 + Math.floor((4 + i) / 12);
    const month = ((4 + i) % 12) + 1;
    const first = Date.UTC(year, month - 1, 1) / 86400000;
    const last = Date.UTC(year, month, 0) / 86400000;
    months.push({ year, month, key: `${year}-${String(month).padStart(2, "0")}`, first, last, index: i });
  }
  return months;
}

function quarterOf(month: Month): string {
  return `${month.year}-Q${Math.floor((month.month - 1) / 3) + 1}`;
}

// ---------------------------------------------------------------------------
// Customers

const EN_PREFIXES = [
  "Northwind",
  "Contoso",
  "Fabrikam",
  "Blue Harbor",
  "Summit",
  "Redwood",
  "Apex",
  "Brightline",
  "Cedar",
  "Harbor Point",
  "Ironbridge",
  "Lakeside",
  "Maple",
  "Meridian",
  "Oakridge",
  "Pinnacle",
  "Riverstone",
  "Silverline",
  "Stonegate",
  "Sunrise",
  "Tidewater",
  "Westfield",
  "Evergreen",
  "Granite",
  "Highland",
  "Keystone",
  "Lighthouse",
  "Northstar",
  "Orchard",
  "Pioneer",
  "Quarry",
  "Rockport",
  "Sapphire",
  "Trailhead",
  "Union Square",
  "Valley",
  "Willow",
  "Bluebird",
  "Copperfield",
  "Driftwood",
  "Eastgate",
  "Foxglove",
  "Goldcrest",
  "Hawthorn",
  "Juniper",
  "Kingsley",
  "Larkspur",
  "Moonstone",
  "Nettle",
  "Old Mill",
];
const EN_SUFFIXES = [
  "Trading",
  "Logistics",
  "Foods",
  "Labs",
  "Retail",
  "Health",
  "Systems",
  "Partners",
  "Manufacturing",
  "Energy",
  "Media",
  "Clinics",
  "Hotels",
  "Supply",
];
const ZH_PREFIXES = [
  "华兴",
  "远航",
  "金桥",
  "东方",
  "瑞丰",
  "恒通",
  "新锐",
  "博雅",
  "天成",
  "鼎盛",
  "汇通",
  "嘉禾",
  "明德",
  "宏远",
  "盛世",
  "锦程",
  "卓越",
  "信达",
  "安泰",
  "万象",
  "启航",
  "德润",
  "永新",
  "海川",
  "中联",
  "智远",
  "泰和",
  "恒昌",
  "祥云",
  "瀚海",
];
const ZH_SUFFIXES = ["科技", "贸易", "物流", "食品", "医疗", "电子", "制造", "能源", "传媒", "酒店", "零售", "建材"];

function customerPool(random: Random): string[] {
  const names: string[] = [];
  for (const p of EN_PREFIXES) for (const s of EN_SUFFIXES) names.push(`${p} ${s}`);
  for (const p of ZH_PREFIXES) for (const s of ZH_SUFFIXES) names.push(`${p}${s}有限公司`);
  return random.shuffle(names);
}

// ---------------------------------------------------------------------------
// Generation

interface Deal {
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

interface Tenure {
  firstDay: Day;
  lastDay: Day;
  /** Share of the month employed. */
  fraction: number;
  /** Month of tenure (1 = the month of the Start date). */
  tenureMonth: number;
}

function tenure(p: DemoPerson, month: Month): Tenure | null {
  const start = dayOf(p.start);
  const end = p.end === null ? Infinity : dayOf(p.end);
  const firstDay = Math.max(month.first, start);
  const lastDay = Math.min(month.last, end);
  if (firstDay > lastDay) return null;
  const s = dayParts(start);
  const tenureMonth = (month.year - s.year) * 12 + (month.month - s.month) + 1;
  return { firstDay, lastDay, fraction: (lastDay - firstDay + 1) / (month.last - month.first + 1), tenureMonth };
}

function weekdayBetween(random: Random, first: Day, last: Day): Day {
  const weekdays: Day[] = [];
  for (let d = first; d <= last; d++) {
    const w = dayParts(d).weekday;
    if (w !== 0 && w !== 6) weekdays.push(d);
  }
  return weekdays.length > 0 ? random.pick(weekdays) : random.int(first, last);
}

function round(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function revenueTarget(profile: Profile, month: Month): number {
  return round(profile.quota * SEASON[month.month - 1] * (month.year >= 2026 ? 1.06 : 1), 1000);
}

/**
 * Generates the demo workbook: Reps, Sales, Targets, Scores, Adjustments and
 * Plan (the default plan), with English headers. Deterministic: the same seed
 * gives the same workbook.
 *
 * @example
 * const workbook = generateDemoWorkbook();
 * workbook.sheets.map((s) => s.name); // ["Reps", "Sales", "Targets", "Scores", "Adjustments", "Plan"]
 */
export function generateDemoWorkbook(seed = DEMO_SEED): WorkbookData {
  const random = new Random(seed);
  const months = demoMonths();
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
          amount: round(random.uniform(4000, 22000), 100),
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
          amount: won ? random.uniform(0.7, 1.2) : round(random.uniform(6000, 18000), 100),
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
          amount: won ? random.uniform(0.3, 0.7) : round(random.uniform(2000, 9000), 100),
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
      for (const d of won) d.amount = Math.max(500, round((revenue * d.amount) / weights, 50));
      // Open pipeline: a stale opportunity now and then; more at the end of the data.
      const openCount = month.index >= 16 ? random.poisson(1.6) : random.chance(0.06) ? 1 : 0;
      for (let i = 0; i < openCount; i++) {
        const isNew = random.chance(0.6) || book.length === 0;
        const w = when();
        monthDeals.push({
          ...base,
          ...w,
          customer: isNew ? prospect() : random.pick(book),
          amount: round(random.uniform(3000, 20000), 100),
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
        d.amount = round(d.amount * 2, 50);
        d.split = 0.5;
        monthDeals.push({ ...d, rep: random.pick(mates).id });
      }
      deals.push(...monthDeals);
    }
  }

  // A deal closed at 23:30 on 31 March: it belongs to March in every time zone.
  const lateDeal = deals.find(
    (d) =>
      d.rep === "R03" &&
      d.status === "won" &&
      d.split === null &&
      dayParts(d.day).year === 2026 &&
      dayParts(d.day).month === 3,
  );
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

  const sheets: SheetData[] = [
    repsSheet(),
    salesSheet(deals, dealIds),
    targetsSheet(months),
    scoresSheet(months, random),
    adjustmentsSheet(deals, dealIds),
    planSheet(),
  ];
  return { sheets };
}

function repsSheet(): SheetData {
  const header = ["Rep ID", "Name", "Email", "Role", "Team", "Manager", "Start date", "End date", "Target bonus"];
  const rows: CellData[][] = PEOPLE.map((p) => [
    p.id,
    p.name,
    p.email,
    p.role,
    p.team,
    p.manager === "" ? null : p.manager,
    dayCell(dayOf(p.start)),
    p.end === null ? null : dayCell(dayOf(p.end)),
    p.targetBonus,
  ]);
  return withFormats("Reps", header, rows, { "Target bonus": "#,##0" });
}

function salesSheet(deals: Deal[], dealIds: Map<number, string>): SheetData {
  const header = ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Split", "Deal ID"];
  const rows: CellData[][] = deals.map((d) => [
    dayCell(d.day, d.hour, d.minute),
    d.rep,
    d.customer,
    d.amount,
    d.type,
    d.status,
    dayCell(d.opened),
    d.split,
    dealIds.get(d.group) as string,
  ]);
  return withFormats("Sales", header, rows, { Amount: "#,##0" });
}

function targetsSheet(months: Month[]): SheetData {
  const rows: CellData[][] = [];
  const reps = PEOPLE.filter((p) => p.role === "rep" && p.profile);
  const periodsOfYear = (year: number): Month[] => months.filter((m) => m.year === year);
  for (const month of months) {
    const m = month.month - 1;
    rows.push(["*", month.key, "win_rate", WIN_RATE_TARGET]);
    for (const [metric, target] of Object.entries(MANUAL_TARGETS)) rows.push(["*", month.key, metric, target]);
    rows.push(["role:rep", month.key, "new_customers", NEW_CUSTOMER_TARGET[m]]);
    rows.push(["role:rep", month.key, "deals_won", DEALS_WON_TARGET[m]]);
    for (const team of TEAMS) rows.push([`team:${team}`, month.key, "renewal_rate", RENEWAL_RATE_TARGET[team]]);
    for (const rep of reps)
      if (tenure(rep, month)) rows.push([rep.id, month.key, "revenue", revenueTarget(rep.profile as Profile, month)]);
  }
  // Quarters and years: ratio and manual metrics need their own rows; additive
  // ones default to the sum of the months, overridden here for two quarters.
  const quarters = [...new Set(months.map(quarterOf))];
  for (const quarter of quarters) {
    rows.push(["*", quarter, "win_rate", WIN_RATE_TARGET]);
    for (const [metric, target] of Object.entries(MANUAL_TARGETS)) rows.push(["*", quarter, metric, target]);
    for (const team of TEAMS) rows.push([`team:${team}`, quarter, "renewal_rate", RENEWAL_RATE_TARGET[team]]);
  }
  rows.push(["role:rep", "2026-Q1", "new_customers", 5]);
  rows.push(["role:rep", "2026-Q2", "new_customers", 7]);
  for (const quarter of ["2026-Q1", "2026-Q2"]) {
    const qMonths = months.filter((m) => quarterOf(m) === quarter);
    for (const rep of reps) {
      if (!qMonths.every((m) => tenure(rep, m)?.fraction === 1)) continue;
      const sum = qMonths.reduce((s, m) => s + revenueTarget(rep.profile as Profile, m), 0);
      rows.push([rep.id, quarter, "revenue", Math.ceil(sum / 5000) * 5000]);
    }
  }
  for (const year of [2025, 2026]) {
    if (periodsOfYear(year).length === 0) continue;
    rows.push(["*", String(year), "win_rate", WIN_RATE_TARGET]);
    for (const [metric, target] of Object.entries(MANUAL_TARGETS)) rows.push(["*", String(year), metric, target]);
    for (const team of TEAMS) rows.push([`team:${team}`, String(year), "renewal_rate", RENEWAL_RATE_TARGET[team]]);
  }
  return withFormats("Targets", ["Rep ID", "Period", "Metric", "Target"], rows, {});
}

function scoresSheet(months: Month[], random: Random): SheetData {
  const rows: CellData[][] = [];
  const rating = (mean: number): number =>
    Math.min(5, Math.max(1, Math.round((mean + 0.22 * random.normal()) * 10) / 10));
  for (const month of months) {
    for (const p of PEOPLE) {
      const t = tenure(p, month);
      if (!t) continue;
      if (p.profile) {
        // A new hire learns the products over their first months.
        const knowledge =
          p.start >= "2025-05-01"
            ? Math.min(4.3, p.profile.knowledge + 0.3 * (t.tenureMonth - 1))
            : p.profile.knowledge;
        rows.push([p.id, month.key, "csat", rating(p.profile.csat)]);
        rows.push([p.id, month.key, "product_knowledge", rating(knowledge)]);
        rows.push([p.id, month.key, "teamwork", rating(p.profile.teamwork)]);
      } else {
        // Managers: no deals and no csat of their own, so these two ratings are
        // their whole score (their bonus follows the team); kept near target so
        // they do not top the leaderboard by default.
        rows.push([p.id, month.key, "product_knowledge", rating(4.1)]);
        rows.push([p.id, month.key, "teamwork", rating(4.0)]);
      }
    }
  }
  return withFormats("Scores", ["Rep ID", "Period", "Metric", "Value"], rows, {});
}

function adjustmentsSheet(deals: Deal[], dealIds: Map<number, string>): SheetData {
  // The clawback refers to a real won deal of Marco Rossi's in January 2026.
  const refunded = deals.find(
    (d) =>
      d.rep === "R04" &&
      d.status === "won" &&
      d.split === null &&
      dayParts(d.day).year === 2026 &&
      dayParts(d.day).month === 1,
  );
  const rows: CellData[][] = [
    ["R03", "2025-11", 200, "Spiff: November new-customer contest"],
    ["R08", "2025-12", 300, "年度销售冠军奖励（华南区）"],
    [
      "R04",
      "2026-02",
      -150,
      `Clawback: ${refunded ? `${refunded.customer} refunded deal ${dealIds.get(refunded.group)}` : "customer refund"}`,
    ],
  ];
  return withFormats("Adjustments", ["Rep ID", "Period", "Amount", "Reason"], rows, { Amount: "#,##0" });
}

function planSheet(): SheetData {
  const values: CellData[][] = DEFAULT_PLAN_ROWS.map((row) => row.map((cell) => (cell === "" ? null : cell)));
  return { name: "Plan", values };
}

/** A sheet with number formats on the named columns' data cells. */
function withFormats(name: string, header: string[], rows: CellData[][], formats: Record<string, string>): SheetData {
  const numberFormats = [header.map(() => null), ...rows.map(() => header.map((h) => formats[h] ?? null))];
  const sheet: SheetData = { name, values: [header, ...rows] };
  if (Object.keys(formats).length > 0) sheet.numberFormats = numberFormats;
  return sheet;
}

/**
 * Generates the demo workbook and writes it (by default to the shipped file,
 * relative to the current directory), with fixed timestamps.
 */
export async function writeDemoWorkbook(path = DEMO_WORKBOOK_PATH, seed = DEMO_SEED): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeXlsx(generateDemoWorkbook(seed), path, { timestamp: DEMO_TIMESTAMP });
}

// ---------------------------------------------------------------------------
// Command line: runs only when this module is the program (see the header).

/**
 * The command line: `[--seed N] [--out FILE.xlsx]`, writing the shipped file
 * by default. Exported for a wrapper script; runs by itself only when this
 * module is the program.
 */
export async function runGenerateDemo(argv: string[]): Promise<void> {
  let seed = DEMO_SEED;
  let out = DEMO_WORKBOOK_PATH;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--seed") seed = Number(argv[++i]);
    else if (argv[i] === "--out") out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (usage: generate-demo [--seed N] [--out FILE.xlsx])`);
  }
  if (!Number.isInteger(seed)) throw new Error("--seed needs a whole number");
  await writeDemoWorkbook(out, seed);
  console.log(`wrote ${out} (seed ${seed})`);
}

// Both tests matter: bundled into another program, import.meta.url is that
// program's file, so the script's own name is checked too.
const invokedDirectly =
  typeof process !== "undefined" &&
  typeof process.argv[1] === "string" &&
  /(^|[\\/])generate-demo\.(ts|mjs|js)$/.test(process.argv[1]) &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (invokedDirectly) {
  runGenerateDemo(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
