/**
 * Aggregation: the Sales contract and score rows to actuals per rep, period and metric.
 *
 * Kept apart from scoring on purpose: Sales arrive as the contract of
 * sales-aggregates.ts (per rep and month), made from the sheet's rows or by a
 * warehouse query, and this turns it into each period's actuals; scoring stays
 * the same whichever made it. A quarter or year is the sum of its months.
 */
import { monthsOf, periodKind, quarterOfMonth, yearOfMonth } from "./periods";
import type { Period, RepKey, ScoreRecord } from "./records";
import {
  addRepMonth,
  emptyRepMonth,
  type NewCustomerCandidate,
  type RepMonthSales,
  type SalesAggregates,
} from "./sales-aggregates";

/** Running sums for one rep and one period: a month's sums, and how many distinct customers it made new. */
interface Accumulator {
  sums: RepMonthSales;
  newCustomers: number;
}

/** Actual per metric key; null = no data. */
export type MetricActuals = Record<string, number | null>;

/** Actuals by period, then by rep. */
export type ActualsTable = Map<Period, Map<RepKey, MetricActuals>>;

export interface AggregationInput {
  /** What Sales hold, per rep and month. */
  aggregates: SalesAggregates;
  scores: readonly ScoreRecord[];
  /** The periods to aggregate (months, quarters, years). */
  periods: readonly Period[];
  /** Reps to aggregate for each period (those employed in it). */
  repsByPeriod: ReadonlyMap<Period, readonly RepKey[]>;
  manualMetrics: ReadonlySet<string>;
  fiscalYearStartMonth: number;
}

function emptyAccumulator(rep: RepKey, period: Period): Accumulator {
  return { sums: emptyRepMonth(rep, period), newCustomers: 0 };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * The built-in metrics of an accumulator. Additive ones are 0 without deals;
 * ratios have no data when their denominator is 0.
 */
function builtInActuals(acc: Accumulator): MetricActuals {
  const sums = acc.sums;
  return {
    revenue: sums.revenue,
    deals_won: sums.dealsWon,
    new_customers: acc.newCustomers,
    avg_deal_size: ratio(sums.revenue, sums.dealsWon),
    win_rate: ratio(sums.dealsWon, sums.dealsWon + sums.dealsLost),
    sales_cycle_days: ratio(sums.cycleDaysSum, sums.cycleDeals),
    renewal_rate: ratio(sums.renewalsWon, sums.renewalsWon + sums.renewalsLost),
  };
}

/** The month, quarter and year a month belongs to, cached per month. */
function periodsOfMonthFactory(fiscalYearStartMonth: number, wanted: ReadonlySet<Period>) {
  const cache = new Map<Period, Period[]>();
  return (month: Period): Period[] => {
    let periods = cache.get(month);
    if (!periods) {
      periods = [month, quarterOfMonth(month, fiscalYearStartMonth), yearOfMonth(month, fiscalYearStartMonth)].filter(
        (p) => wanted.has(p),
      );
      cache.set(month, periods);
    }
    return periods;
  };
}

function accumulatorOf(byPeriod: Map<Period, Map<RepKey, Accumulator>>, period: Period, rep: RepKey): Accumulator {
  const reps = byPeriod.get(period)!;
  let acc = reps.get(rep);
  if (!acc) {
    acc = emptyAccumulator(rep, period);
    reps.set(rep, acc);
  }
  return acc;
}

function salesAccumulators(input: AggregationInput): Map<Period, Map<RepKey, Accumulator>> {
  const periodsOfMonth = periodsOfMonthFactory(input.fiscalYearStartMonth, new Set(input.periods));
  const byPeriod = new Map<Period, Map<RepKey, Accumulator>>();
  for (const p of input.periods) byPeriod.set(p, new Map());
  for (const month of input.aggregates.months) {
    for (const period of periodsOfMonth(month.month))
      addRepMonth(accumulatorOf(byPeriod, period, month.rep).sums, month);
  }
  countNewCustomers(input.aggregates.newCustomers, periodsOfMonth, byPeriod);
  return byPeriod;
}

/**
 * Counts each rep's distinct new customers in each period. A set of keys per rep and period made most of
 * aggregation's time at a million sales; instead the candidates are put in order of rep, then month, so that each
 * rep's month, quarter and year each come as one run, and a customer (by a number) is marked per kind of period
 * with the accumulator it was last counted in.
 */
function countNewCustomers(
  candidates: readonly NewCustomerCandidate[],
  periodsOfMonth: (month: Period) => Period[],
  byPeriod: Map<Period, Map<RepKey, Accumulator>>,
): void {
  const customerNumbers = new Map<string, number>();
  const repNumbers = new Map<RepKey, number>();
  const monthNumbers = new Map<Period, number>();
  const closed: number[] = [];
  const customerOf = new Int32Array(candidates.length);
  const repOf = new Int32Array(candidates.length);
  const monthOf = new Int32Array(candidates.length);
  // By index: a for-of over hundreds of thousands of candidates allocates a result object per step.
  for (let i = 0; i < candidates.length; i += 1) {
    const candidate = candidates[i];
    // Open deals make no one new until they close (the forecast closes them first).
    if (candidate.open) continue;
    closed.push(i);
    customerOf[i] = numberOf(customerNumbers, candidate.customerKey);
    repOf[i] = numberOf(repNumbers, candidate.rep);
    monthOf[i] = numberOf(monthNumbers, candidate.month);
  }
  const lastCounted = [0, 1, 2].map(() => new Array<Accumulator | undefined>(customerNumbers.size));
  const kindOf = new Map<Period, number>();
  for (const i of inRepMonthOrder(closed, repOf, repNumbers.size, monthOf, monthNumbers)) {
    const candidate = candidates[i];
    const customer = customerOf[i];
    for (const period of periodsOfMonth(candidate.month)) {
      let kind = kindOf.get(period);
      if (kind === undefined) kindOf.set(period, (kind = PERIOD_KINDS.indexOf(periodKind(period))));
      const acc = accumulatorOf(byPeriod, period, candidate.rep);
      if (lastCounted[kind][customer] === acc) continue;
      lastCounted[kind][customer] = acc;
      acc.newCustomers += 1;
    }
  }
}

const PERIOD_KINDS = ["month", "quarter", "year"];

/** Candidate positions sorted by rep number, then month in calendar order (a counting sort). */
function inRepMonthOrder(
  positions: readonly number[],
  repOf: Int32Array,
  repCount: number,
  monthOf: Int32Array,
  monthNumbers: ReadonlyMap<Period, number>,
): Int32Array {
  // `YYYY-MM` sorts as text in calendar order.
  const rankOf = new Int32Array(monthNumbers.size);
  [...monthNumbers.keys()].sort().forEach((month, rank) => {
    rankOf[monthNumbers.get(month)!] = rank;
  });
  const keyOf = (i: number) => repOf[i] * monthNumbers.size + rankOf[monthOf[i]];
  const starts = new Int32Array(monthNumbers.size * repCount + 1);
  for (const i of positions) starts[keyOf(i) + 1] += 1;
  for (let key = 1; key < starts.length; key += 1) starts[key] += starts[key - 1];
  const sorted = new Int32Array(positions.length);
  for (const i of positions) sorted[starts[keyOf(i)]++] = i;
  return sorted;
}

/** A number per distinct key, in order of first sight. */
function numberOf<K>(numbers: Map<K, number>, key: K): number {
  let number = numbers.get(key);
  if (number === undefined) numbers.set(key, (number = numbers.size));
  return number;
}

/** Mean of the values entered per rep, period and manual metric. */
function scoreMeans(scores: readonly ScoreRecord[]): Map<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const s of scores) {
    const key = scoreKey(s.rep, s.period, s.metric);
    const entry = sums.get(key) ?? { sum: 0, count: 0 };
    entry.sum += s.value;
    entry.count += 1;
    sums.set(key, entry);
  }
  const means = new Map<string, number>();
  for (const [key, { sum, count }] of sums) means.set(key, sum / count);
  return means;
}

function scoreKey(rep: RepKey, period: Period, metric: string): string {
  return rep + "\u0001" + period + "\u0001" + metric;
}

/**
 * A manual metric's actual: the mean of the period's own Scores rows; for a
 * quarter or year without any, the mean of its months' values (each month
 * counted once, by its own mean); null when nothing was entered.
 */
function manualActual(
  means: Map<string, number>,
  rep: RepKey,
  period: Period,
  metric: string,
  fiscalYearStartMonth: number,
): number | null {
  // A plan's manual metrics are asked for every rep and period, most often with no Scores rows at all.
  if (means.size === 0) return null;
  const own = means.get(scoreKey(rep, period, metric));
  if (own !== undefined) return own;
  if (periodKind(period) === "month") return null;
  let sum = 0;
  let count = 0;
  for (const month of monthsOf(period, fiscalYearStartMonth)) {
    const value = means.get(scoreKey(rep, month, metric));
    if (value === undefined) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Computes every built-in and manual metric for each rep employed in each
 * period. A rep with no deals gets 0 for additive metrics and no data for ratios.
 *
 * @example
 * const table = aggregateActuals({ aggregates: salesAggregatesOf(sales, "type"), scores: [],
 *   periods: ["2026-03"], repsByPeriod: new Map([["2026-03", ["r1"]]]),
 *   manualMetrics: new Set(), fiscalYearStartMonth: 1 });
 * table.get("2026-03")!.get("r1")!.revenue; // sum of r1's won amounts in March
 */
export function aggregateActuals(input: AggregationInput): ActualsTable {
  const accumulators = salesAccumulators(input);
  const means = scoreMeans(input.scores);
  const table: ActualsTable = new Map();
  for (const period of input.periods) {
    const reps = new Map<RepKey, MetricActuals>();
    const periodAccumulators = accumulators.get(period)!;
    for (const rep of input.repsByPeriod.get(period) ?? []) {
      const actuals = builtInActuals(periodAccumulators.get(rep) ?? emptyAccumulator(rep, period));
      if (input.aggregates.newCustomerRule === "none") actuals.new_customers = null;
      for (const metric of input.manualMetrics) {
        actuals[metric] = manualActual(means, rep, period, metric, input.fiscalYearStartMonth);
      }
      reps.set(rep, actuals);
    }
    table.set(period, reps);
  }
  return table;
}
