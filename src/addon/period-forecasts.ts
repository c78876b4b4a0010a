/**
 * The pipeline forecast of a run's provisional periods, for Results'
 * `Forecast revenue` and `Forecast payout` (README, "Pipeline forecast").
 * Each period is forecast over the sales it can depend on, as it was
 * computed (period-computation.ts); a period in which no open deal closes
 * needs no second engine run, its forecast being its actual.
 */
import { forecastFromActual, forecastPeriod, hasOpenDealsIn, type PeriodForecast } from "../core/forecast";
import type { PlanBook } from "../core/plan-model";
import type { InputRecords, Period } from "../core/records";
import type { PeriodResult } from "../core/results";
import type { SalesAggregates } from "../core/sales-aggregates";
import { salesForPeriod, type SalesByMonth } from "./period-computation";

export interface ForecastInput {
  records: InputRecords;
  plan: PlanBook;
  planSheet: string;
  fyStart: number;
  grouped: SalesByMonth;
  /** Sales already aggregated (a BigQuery table): each period is forecast from the contract instead. */
  salesAggregates?: SalesAggregates;
}

/**
 * The forecast of every computed period that is not final, by period.
 *
 * @example
 * const forecasts = provisionalForecasts(computed, (p) => p in runState.final, { records, plan, planSheet: "Plan", fyStart: 1, grouped });
 * forecasts.get("2026-03")?.get("r1")?.payout; // r1's payout if March's open deals close
 */
export function provisionalForecasts(
  results: ReadonlyMap<Period, PeriodResult>,
  isFinal: (period: Period) => boolean,
  input: ForecastInput,
): Map<Period, PeriodForecast> {
  const forecasts = new Map<Period, PeriodForecast>();
  for (const [period, result] of results) {
    if (isFinal(period)) continue;
    if (input.salesAggregates) {
      const forecast = forecastPeriod(
        {
          records: input.records,
          plan: input.plan,
          periods: [],
          planSheet: input.planSheet,
          salesAggregates: input.salesAggregates,
        },
        period,
      );
      if (forecast) forecasts.set(period, forecast);
      continue;
    }
    const sales = salesForPeriod(input.grouped, period, input.records.salesHaveType, input.fyStart);
    const forecast = hasOpenDealsIn(sales, period, input.fyStart)
      ? forecastPeriod(
          { records: { ...input.records, sales }, plan: input.plan, periods: [], planSheet: input.planSheet },
          period,
        )
      : forecastFromActual(result, sales, input.fyStart);
    if (forecast) forecasts.set(period, forecast);
  }
  return forecasts;
}
