/**
 * The pipeline forecast of a provisional period: where it lands if the open
 * deals close. Every open deal whose close date falls in the period counts as
 * won at Amount × Probability, and the period is computed again in full by
 * the engine (metrics, score, ranks, tiers, pay), so a forecast follows every
 * rule an actual does. The actual results are never touched.
 *
 * Open deals outside the period (next month's, or without a close date, which
 * are never read as sales) are not counted: a forecast says where this period
 * lands, not what the pipeline is worth.
 */
import { aggregatesIfOpenDealsClose, contractPipeline } from "./contract-forecast";
import { computePeriods, type EngineInput } from "./engine";
import { firstDay, lastDay } from "./periods";
import { fiscalYearStart } from "./plan-lookup";
import type { DayNumber, Period, RepKey, Sale } from "./records";
import type { PeriodResult, RepPeriodResult } from "./results";
import type { SalesAggregates } from "./sales-aggregates";

/** One rep's forecast of a period. */
export interface RepForecast {
  /** Revenue won plus Amount × Split × Probability of the period's open deals. */
  revenue: number;
  /** Revenue won (Amount × Split), the actual. */
  actualRevenue: number;
  /** The rep's open deals closing in the period, which the forecast counts. */
  openDeals: number;
  /** The forecast payout (adjustments included); null when the period pays nothing or the row could not be paid. */
  payout: number | null;
  /** The full recomputed row: score, ranks, metrics and the payout's trace (tiers). */
  result: RepPeriodResult;
}

/** A period's forecast, by rep. */
export type PeriodForecast = Map<RepKey, RepForecast>;

function dayRange(period: Period, fyStart: number): { first: number; last: number } {
  return { first: firstDay(period, fyStart), last: lastDay(period, fyStart) };
}

/**
 * Whether any open deal closes in the period: without one, the forecast is
 * the actual and need not be computed again.
 *
 * @example
 * hasOpenDealsIn([{ ...sale, status: "open", day: 20530 }], "2026-03", 1); // true (2026-03-18)
 */
export function hasOpenDealsIn(sales: readonly Sale[], period: Period, fyStart: number): boolean {
  const { first, last } = dayRange(period, fyStart);
  return sales.some((sale) => sale.status === "open" && sale.day >= first && sale.day <= last);
}

/**
 * The sales as they would be if the period's open deals closed: each one won,
 * at Amount × Probability; every other sale as it is.
 *
 * @example
 * salesIfOpenDealsClose([{ ...sale, status: "open", amount: 1000, probability: 0.4, day: 20530 }], "2026-03", 1);
 * // [{ ...sale, status: "won", amount: 400, probability: 1, day: 20530 }]
 * @internal Exported for src/core/forecast.test.ts; the code uses it only inside this file.
 */
export function salesIfOpenDealsClose(sales: readonly Sale[], period: Period, fyStart: number): Sale[] {
  const { first, last } = dayRange(period, fyStart);
  return sales.map((sale) =>
    sale.status === "open" && sale.day >= first && sale.day <= last
      ? { ...sale, status: "won", amount: sale.amount * (sale.probability ?? 1), probability: 1 }
      : sale,
  );
}

/** Per rep within the period's days: revenue won (Amount × Split), and what the open deals add at their probability. */
interface PipelineSums {
  won: Map<RepKey, number>;
  open: Map<RepKey, { count: number; amount: number }>;
}

function pipelineSums(sales: readonly Sale[], period: Period, fyStart: number): PipelineSums {
  const { first, last } = dayRange(period, fyStart);
  const sums: PipelineSums = { won: new Map(), open: new Map() };
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    if (sale.day < first || sale.day > last) continue;
    if (sale.status === "won") sums.won.set(sale.rep, (sums.won.get(sale.rep) ?? 0) + sale.amount * sale.split);
    if (sale.status !== "open") continue;
    const open = sums.open.get(sale.rep) ?? { count: 0, amount: 0 };
    open.count += 1;
    open.amount += sale.amount * sale.split * (sale.probability ?? 1);
    sums.open.set(sale.rep, open);
  }
  return sums;
}

/** A period's rows as forecasts: the revenue and open deals beside each recomputed row. */
function forecastOfRows(result: PeriodResult, sums: PipelineSums): PeriodForecast {
  const forecast: PeriodForecast = new Map();
  for (const row of result.rows) {
    const actualRevenue = sums.won.get(row.rep) ?? 0;
    const open = sums.open.get(row.rep) ?? { count: 0, amount: 0 };
    forecast.set(row.rep, {
      revenue: actualRevenue + open.amount,
      actualRevenue,
      openDeals: open.count,
      payout: row.payout?.total ?? null,
      result: row,
    });
  }
  return forecast;
}

/**
 * The forecast of one period: the engine run again over the sales with the
 * period's open deals won at Amount × Probability. Null when the period
 * cannot be computed (no valid plan version); its problems are the actual
 * run's, so none are returned.
 *
 * @example
 * const forecast = forecastPeriod({ records, plan, periods: [] }, "2026-03");
 * forecast?.get("r1")?.revenue; // March's won revenue plus r1's open March deals × their probability
 * forecast?.get("r1")?.payout;  // the payout if they close
 */
export function forecastPeriod(input: EngineInput, period: Period): PeriodForecast | null {
  const fyStart = fiscalYearStart(input.plan);
  if (input.salesAggregates) return forecastOfContract(input, input.salesAggregates, period, fyStart);
  const sales = salesIfOpenDealsClose(input.records.sales, period, fyStart);
  const out = computePeriods({ ...input, records: { ...input.records, sales }, periods: [period] });
  const result = out.results.find((r) => r.period === period);
  return result ? forecastOfRows(result, pipelineSums(input.records.sales, period, fyStart)) : null;
}

/** The forecast from Sales already aggregated (a warehouse): the same rule, applied to the contract. */
function forecastOfContract(
  input: EngineInput,
  aggregates: SalesAggregates,
  period: Period,
  fyStart: number,
): PeriodForecast | null {
  const salesAggregates = aggregatesIfOpenDealsClose(aggregates, period, fyStart);
  const out = computePeriods({ ...input, salesAggregates, periods: [period] });
  const result = out.results.find((r) => r.period === period);
  return result ? forecastOfRows(result, contractPipeline(aggregates, period, fyStart)) : null;
}

/**
 * The forecast of a period already computed, when no open deal closes in it:
 * the actual rows as they are, so no second engine run is needed.
 *
 * @example
 * forecastFromActual(result, sales, 1).get("r1")?.payout === result.rows[0].payout?.total; // true for r1's row
 */
export function forecastFromActual(result: PeriodResult, sales: readonly Sale[], fyStart: number): PeriodForecast {
  return forecastOfRows(result, pipelineSums(sales, result.period, fyStart));
}

/** Revenue to date against a straight line from 0 on the period's first day to the target on its last. */
export interface Pace {
  revenueToDate: number;
  target: number | null;
  /** Where the line is today: target × day / days; null without a target. */
  line: number | null;
  /** Today's day of the period, 1 to `days` (0 before it starts, `days` after it ends). */
  day: number;
  days: number;
}

/**
 * The pace of a period on a day: how far the straight line to the target has come.
 *
 * @example
 * paceOn(6000, 10000, "2026-03", 20528, 1); // 16 March: { revenueToDate: 6000, target: 10000, line: 5161.29…, day: 16, days: 31 }
 */
export function paceOn(
  revenueToDate: number,
  target: number | null,
  period: Period,
  today: DayNumber,
  fyStart: number,
): Pace {
  const { first, last } = dayRange(period, fyStart);
  const days = last - first + 1;
  const day = Math.max(0, Math.min(days, today - first + 1));
  return { revenueToDate, target, line: target === null ? null : (target * day) / days, day, days };
}
