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
import { computePeriods, type EngineInput } from "./engine";
import { firstDay, lastDay } from "./periods";
import { fiscalYearStart } from "./plan-lookup";
import type { Period, RepKey, Sale } from "./records";
import type { PeriodResult, RepPeriodResult } from "./results";

/** One rep's forecast of a period. */
export interface RepForecast {
  /** Revenue won plus Amount × Split × Probability of the period's open deals. */
  revenue: number;
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
 */
export function salesIfOpenDealsClose(sales: readonly Sale[], period: Period, fyStart: number): Sale[] {
  const { first, last } = dayRange(period, fyStart);
  return sales.map((sale) =>
    sale.status === "open" && sale.day >= first && sale.day <= last
      ? { ...sale, status: "won", amount: sale.amount * (sale.probability ?? 1), probability: 1 }
      : sale,
  );
}

/** Won revenue (Amount × Split) per rep within the period's days. */
function revenueByRep(sales: readonly Sale[], period: Period, fyStart: number): Map<RepKey, number> {
  const { first, last } = dayRange(period, fyStart);
  const revenue = new Map<RepKey, number>();
  for (const sale of sales) {
    if (sale.status !== "won" || sale.day < first || sale.day > last) continue;
    revenue.set(sale.rep, (revenue.get(sale.rep) ?? 0) + sale.amount * sale.split);
  }
  return revenue;
}

/** A period's rows as forecasts: the forecast revenue beside each recomputed row. */
function forecastOfRows(result: PeriodResult, revenue: Map<RepKey, number>): PeriodForecast {
  const forecast: PeriodForecast = new Map();
  for (const row of result.rows) {
    forecast.set(row.rep, { revenue: revenue.get(row.rep) ?? 0, payout: row.payout?.total ?? null, result: row });
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
  const sales = salesIfOpenDealsClose(input.records.sales, period, fyStart);
  const out = computePeriods({ ...input, records: { ...input.records, sales }, periods: [period] });
  const result = out.results.find((r) => r.period === period);
  return result ? forecastOfRows(result, revenueByRep(sales, period, fyStart)) : null;
}

/**
 * The forecast of a period already computed, when no open deal closes in it:
 * the actual rows as they are, so no second engine run is needed.
 *
 * @example
 * forecastFromActual(result, sales, 1).get("r1")?.payout === result.rows[0].payout?.total; // true for r1's row
 */
export function forecastFromActual(result: PeriodResult, sales: readonly Sale[], fyStart: number): PeriodForecast {
  return forecastOfRows(result, revenueByRep(sales, result.period, fyStart));
}
