/**
 * Aggregation: sales and score rows to actuals per rep, period and metric.
 *
 * Kept apart from scoring on purpose: this is the part that could later run
 * where the data lives (a database query), while scoring stays the same.
 * One pass over the sales, each row feeding its month, quarter and year.
 */
import { monthOfDay, quarterOfMonth, yearOfMonth, monthsOf, periodKind } from "./periods";
import type { Period, RepKey, Sale, ScoreRecord } from "./records";

/** Running sums for one rep and one period. */
interface Accumulator {
  revenue: number;
  dealsWon: number;
  dealsLost: number;
  renewalsWon: number;
  renewalsLost: number;
  cycleDaysSum: number;
  cycleDeals: number;
  newCustomers: Set<string>;
}

/** Actual per metric key; null = no data. */
export type MetricActuals = Record<string, number | null>;

/** Actuals by period, then by rep. */
export type ActualsTable = Map<Period, Map<RepKey, MetricActuals>>;

export interface AggregationInput {
  sales: readonly Sale[];
  scores: readonly ScoreRecord[];
  /** Whether Sales has a Type column: without it, new customers are first-ever wins. */
  salesHaveType: boolean;
  /** Whether Sales has a Customer column (default true): without it new_customers has no data. */
  salesHaveCustomer?: boolean;
  /** The periods to aggregate (months, quarters, years). */
  periods: readonly Period[];
  /** Reps to aggregate for each period (those employed in it). */
  repsByPeriod: ReadonlyMap<Period, readonly RepKey[]>;
  manualMetrics: ReadonlySet<string>;
  fiscalYearStartMonth: number;
}

function emptyAccumulator(): Accumulator {
  return {
    revenue: 0,
    dealsWon: 0,
    dealsLost: 0,
    renewalsWon: 0,
    renewalsLost: 0,
    cycleDaysSum: 0,
    cycleDeals: 0,
    newCustomers: new Set(),
  };
}

/**
 * For each customer, the day of its first won deal (any rep): used for
 * new_customers when the Sales sheet has no Type column.
 */
function firstWinDays(sales: readonly Sale[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const sale of sales) {
    if (sale.status !== "won") continue;
    const known = first.get(sale.customerKey);
    if (known === undefined || sale.day < known) first.set(sale.customerKey, sale.day);
  }
  return first;
}

function isNewCustomerWin(sale: Sale, salesHaveType: boolean, firstWins: Map<string, number>): boolean {
  // A deal without a customer cannot make one new.
  if (sale.customerKey === "") return false;
  if (sale.status !== "won") return false;
  if (salesHaveType) return sale.type === "new";
  return firstWins.get(sale.customerKey) === sale.day;
}

function addSale(acc: Accumulator, sale: Sale, newCustomer: boolean): void {
  if (sale.status === "won") {
    acc.revenue += sale.amount * sale.split;
    acc.dealsWon += 1;
    if (sale.type === "renewal") acc.renewalsWon += 1;
    if (sale.opened !== null && sale.opened <= sale.day) {
      acc.cycleDaysSum += sale.day - sale.opened;
      acc.cycleDeals += 1;
    }
    if (newCustomer) acc.newCustomers.add(sale.customerKey);
  } else if (sale.status === "lost") {
    acc.dealsLost += 1;
    if (sale.type === "renewal") acc.renewalsLost += 1;
  }
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * The built-in metrics of an accumulator. Additive ones are 0 without deals;
 * ratios have no data when their denominator is 0.
 */
function builtInActuals(acc: Accumulator): MetricActuals {
  return {
    revenue: acc.revenue,
    deals_won: acc.dealsWon,
    new_customers: acc.newCustomers.size,
    avg_deal_size: ratio(acc.revenue, acc.dealsWon),
    win_rate: ratio(acc.dealsWon, acc.dealsWon + acc.dealsLost),
    sales_cycle_days: ratio(acc.cycleDaysSum, acc.cycleDeals),
    renewal_rate: ratio(acc.renewalsWon, acc.renewalsWon + acc.renewalsLost),
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

function salesAccumulators(input: AggregationInput): Map<Period, Map<RepKey, Accumulator>> {
  const wanted = new Set(input.periods);
  const periodsOfMonth = periodsOfMonthFactory(input.fiscalYearStartMonth, wanted);
  const firstWins = input.salesHaveType ? new Map<string, number>() : firstWinDays(input.sales);
  const monthOfDayCache = new Map<number, Period>();
  const byPeriod = new Map<Period, Map<RepKey, Accumulator>>();
  for (const p of input.periods) byPeriod.set(p, new Map());
  for (const sale of input.sales) {
    let month = monthOfDayCache.get(sale.day);
    if (month === undefined) {
      month = monthOfDay(sale.day);
      monthOfDayCache.set(sale.day, month);
    }
    const newCustomer = isNewCustomerWin(sale, input.salesHaveType, firstWins);
    for (const period of periodsOfMonth(month)) {
      const reps = byPeriod.get(period)!;
      let acc = reps.get(sale.rep);
      if (!acc) {
        acc = emptyAccumulator();
        reps.set(sale.rep, acc);
      }
      addSale(acc, sale, newCustomer);
    }
  }
  return byPeriod;
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
  const own = means.get(scoreKey(rep, period, metric));
  if (own !== undefined) return own;
  if (periodKind(period) === "month") return null;
  const monthly = monthsOf(period, fiscalYearStartMonth)
    .map((m) => means.get(scoreKey(rep, m, metric)))
    .filter((v): v is number => v !== undefined);
  return monthly.length === 0 ? null : monthly.reduce((a, b) => a + b, 0) / monthly.length;
}

/**
 * Computes every built-in and manual metric for each rep employed in each
 * period. A rep with no deals gets 0 for additive metrics and no data for ratios.
 *
 * @example
 * const table = aggregateActuals({ sales, scores: [], salesHaveType: true,
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
      const actuals = builtInActuals(periodAccumulators.get(rep) ?? emptyAccumulator());
      if (input.salesHaveCustomer === false) actuals.new_customers = null;
      for (const metric of input.manualMetrics) {
        actuals[metric] = manualActual(means, rep, period, metric, input.fiscalYearStartMonth);
      }
      reps.set(rep, actuals);
    }
    table.set(period, reps);
  }
  return table;
}
