/**
 * A short fingerprint of the inputs of each period, stored with the period
 * when it becomes final, so a later run can say "inputs changed for final
 * period P" (a late deal, a score, an adjustment, a target, a rep's dates or
 * the plan version) without keeping the inputs themselves.
 *
 * What a period's fingerprint covers: the Sales rows closed in it, the
 * Targets and Scores rows of the period and of its months, the Adjustments
 * of its months, the reps employed in it, and the plan version in force.
 * Sheet row numbers are left out (sorting a sheet changes nothing) and row
 * order does not matter (sales are combined by a sum of per-row hashes).
 * Not covered: for `new_customers` without a Type column, a deal before the
 * period that makes a customer no longer new.
 */
import { monthOfDay, monthsOf, daysEmployed, firstDay, lastDay } from "../core/periods";
import type { PlanBook } from "../core/plan-model";
import { versionForPeriod } from "../core/plan-lookup";
import type { InputRecords, Period, Rep, Sale } from "../core/records";
import type { SalesAggregates } from "../core/sales-aggregates";

/**
 * A 53-bit string hash (cyrb53, public domain), as 11 base-36 characters at most.
 *
 * @example
 * hashText("abc") === hashText("abc"); // true
 * hashText("abc") !== hashText("abd"); // true
 */
export function hashText(text: string, seed = 0): string {
  return hash53(text, seed).toString(36);
}

function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Order-independent sum of the sales of one month. */
interface MonthSum {
  count: number;
  low: number;
  high: number;
}

/**
 * cyrb53's mixing fed with numbers and texts one after another, so a sale is
 * hashed without a string built for it: joining its cells into one text per
 * sale was most of the cost of a million-row run. Each value is tagged with
 * its kind (and a text with its length), so two different sales never feed
 * the same words. Also hashes the input grids for a run's cycle print (run-steps.ts).
 *
 * @example
 * const hasher = new ValueHasher();
 * hasher.start(7);
 * hasher.text("R1");
 * hasher.number(1200);
 * hasher.finish(); // a 53-bit number
 */
export class ValueHasher {
  private h1 = 0;
  private h2 = 0;
  private readonly float = new Float64Array(1);
  private readonly floatWords = new Uint32Array(this.float.buffer);

  start(seed: number): void {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
  }

  private word(value: number): void {
    this.h1 = Math.imul(this.h1 ^ value, 2654435761);
    this.h2 = Math.imul(this.h2 ^ value, 1597334677);
  }

  number(value: number): void {
    if (value === (value | 0)) {
      this.word(1);
      this.word(value);
      return;
    }
    // Any other number by its exact 64 bits: 0.1 and 0.1000000001 differ.
    this.float[0] = value;
    this.word(2);
    this.word(this.floatWords[0]);
    this.word(this.floatWords[1]);
  }

  text(value: string): void {
    // The same words as word(3), word(length), then word(code) for each character, with the state in locals:
    // texts (reviews of a thousand characters, a million sales' customers) are most of what is hashed.
    let h1 = Math.imul(this.h1 ^ 3, 2654435761);
    let h2 = Math.imul(this.h2 ^ 3, 1597334677);
    const length = value.length;
    h1 = Math.imul(h1 ^ length, 2654435761);
    h2 = Math.imul(h2 ^ length, 1597334677);
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  optionalNumber(value: number | null | undefined): void {
    if (value === null || value === undefined) this.word(4);
    else this.number(value);
  }

  optionalText(value: string | null | undefined): void {
    if (value === null || value === undefined) this.word(4);
    else this.text(value);
  }

  /** The 53-bit result, finished as cyrb53 finishes. */
  finish(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** Every field of a sale that a sheet cell holds (the row number excepted). */
function saleHash(hasher: ValueHasher, sale: Sale): number {
  hasher.start(7);
  hasher.number(sale.day);
  hasher.text(sale.rep);
  hasher.text(sale.customerKey);
  hasher.number(sale.amount);
  hasher.optionalText(sale.type);
  hasher.text(sale.status);
  hasher.optionalNumber(sale.opened);
  hasher.number(sale.split);
  hasher.text(sale.dealId);
  hasher.optionalNumber(sale.probability);
  return hasher.finish();
}

function monthSums(sales: readonly Sale[], months: ReadonlySet<Period>): Map<Period, MonthSum> {
  const sums = new Map<Period, MonthSum>();
  const monthOf = new Map<number, Period>();
  const hasher = new ValueHasher();
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    let month = monthOf.get(sale.day);
    if (month === undefined) {
      month = monthOfDay(sale.day);
      monthOf.set(sale.day, month);
    }
    if (!months.has(month)) continue;
    const h = saleHash(hasher, sale);
    let sum = sums.get(month);
    if (sum === undefined) {
      sum = { count: 0, low: 0, high: 0 };
      sums.set(month, sum);
    }
    sum.count += 1;
    sum.low = (sum.low + (h % 4294967296)) % 4294967296;
    sum.high = (sum.high + Math.floor(h / 4294967296)) % 2097152;
  }
  return sums;
}

/**
 * Month sums of Sales already aggregated (a BigQuery table): each rep-month's
 * sums and each new-customer candidate stand for the deals they add up, so a
 * change in the table's deals of a final month changes its print.
 */
function aggregateMonthSums(aggregates: SalesAggregates, months: ReadonlySet<Period>): Map<Period, MonthSum> {
  const sums = new Map<Period, MonthSum>();
  const hasher = new ValueHasher();
  const add = (month: Period, h: number) => {
    if (!months.has(month)) return;
    let sum = sums.get(month);
    if (sum === undefined) sums.set(month, (sum = { count: 0, low: 0, high: 0 }));
    sum.count += 1;
    sum.low = (sum.low + (h % 4294967296)) % 4294967296;
    sum.high = (sum.high + Math.floor(h / 4294967296)) % 2097152;
  };
  for (const m of aggregates.months) {
    hasher.start(11);
    hasher.text(m.rep);
    for (const value of [m.revenue, m.dealsWon, m.dealsLost, m.renewalsWon, m.renewalsLost, m.cycleDaysSum])
      hasher.number(value);
    for (const value of [m.cycleDeals, m.openDeals, m.openRevenue, m.openRenewals, m.openCycleDaysSum])
      hasher.number(value);
    hasher.number(m.openCycleDeals);
    add(m.month, hasher.finish());
  }
  for (const c of aggregates.newCustomers) {
    hasher.start(13);
    hasher.text(c.rep);
    hasher.text(c.customerKey);
    hasher.number(c.day);
    hasher.number(c.open ? 1 : 0);
    add(c.month, hasher.finish());
  }
  return sums;
}

function repText(rep: Rep): string {
  return [
    rep.key,
    rep.id,
    rep.name,
    rep.team,
    rep.role,
    rep.manager,
    rep.start ?? "",
    rep.end ?? "",
    rep.targetBonus ?? "",
  ].join("\u0001");
}

function sortedJoin(items: string[]): string {
  return items.sort().join("\u0002");
}

/**
 * The tag every period fingerprint starts with. It changes when the way a
 * fingerprint is computed changes, so that a final period stored under an
 * older scheme is taken as unknown (and quietly stored again) rather than as
 * "inputs changed" for every final period after an upgrade.
 */
const FINGERPRINT_SCHEME = "p2:";

/**
 * Whether a stored fingerprint was made by the current scheme, so that a
 * difference from today's fingerprint means the inputs changed.
 *
 * @example
 * isCurrentScheme("p2:1x3k9f0a2b"); // true
 * isCurrentScheme("1x3k9f0a2b");    // false: stored before schemes were tagged
 */
export function isCurrentScheme(stored: string | undefined): boolean {
  return stored?.startsWith(FINGERPRINT_SCHEME) === true;
}

/**
 * Fingerprints of the inputs of each period; with Sales already aggregated
 * (a BigQuery table), its months' sums stand for the deals.
 *
 * @example
 * const prints = periodFingerprints(records, plan, ["2026-03", "2026-Q1"], 1);
 * prints.get("2026-03"); // e.g. "p2:1x3k9f0a2b"
 */
export function periodFingerprints(
  records: InputRecords,
  plan: PlanBook,
  periods: readonly Period[],
  fyStart: number,
  salesAggregates?: SalesAggregates,
): Map<Period, string> {
  const monthsOfPeriod = new Map(periods.map((p) => [p, monthsOf(p, fyStart)]));
  const allMonths = new Set([...monthsOfPeriod.values()].flat());
  const sums = salesAggregates ? aggregateMonthSums(salesAggregates, allMonths) : monthSums(records.sales, allMonths);
  const prints = new Map<Period, string>();
  for (const period of periods) {
    const months = monthsOfPeriod.get(period)!;
    const own = new Set([period, ...months]);
    let count = 0;
    let low = 0;
    let high = 0;
    for (const month of months) {
      const sum = sums.get(month);
      if (!sum) continue;
      count += sum.count;
      low = (low + sum.low) % 4294967296;
      high = (high + sum.high) % 2097152;
    }
    const from = firstDay(period, fyStart);
    const to = lastDay(period, fyStart);
    const reps = records.reps.filter(
      (rep) =>
        daysEmployed(period, rep.start, rep.end, fyStart) > 0 ||
        (rep.start !== null && rep.start >= from && rep.start <= to),
    );
    const parts = [
      "s" + count + ":" + low + ":" + high + ":" + String(records.salesHaveType),
      sortedJoin(
        records.targets
          .filter((t) => own.has(t.period))
          .map((t) => JSON.stringify([t.scope, t.period, t.metric, t.target])),
      ),
      sortedJoin(
        records.scores.filter((s) => own.has(s.period)).map((s) => [s.rep, s.period, s.metric, s.value].join("\u0001")),
      ),
      sortedJoin(
        records.adjustments
          .filter((a) => own.has(a.period))
          .map((a) => [a.rep, a.period, a.amount, a.reason].join("\u0001")),
      ),
      sortedJoin(reps.map(repText)),
      JSON.stringify(versionForPeriod(plan, period, fyStart), (key, value) => (key === "row" ? undefined : value)),
    ];
    prints.set(period, FINGERPRINT_SCHEME + hashText(parts.join("\u0003")));
  }
  return prints;
}
