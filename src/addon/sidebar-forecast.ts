/**
 * The Rep view's forecast, computed when asked: a provisional period's
 * Results row holds the forecast revenue and payout only, while the view
 * also shows the score and the tier each pay component would reach, so the
 * period is forecast again from the current inputs (one read per input
 * sheet, the period's own sales only), as a recalculation does.
 */
import { forecastPeriod, paceOn, type RepForecast } from "../core/forecast";
import { driverText } from "../tables/output-rows";
import type { ForecastTierView, ForecastView, PaceView } from "../sidebar/sidebar-api";
import { readCurrentInputs } from "./current-inputs";
import { groupSalesByMonth, salesForPeriod } from "./period-computation";
import { tableSourceOf } from "./sales-source";
import type { Settings } from "./settings";
import { repKey } from "./sidebar-sheets";

/**
 * The forecast as the Rep view shows it: revenue, score, payout and the tier
 * of each pay component.
 *
 * @example
 * forecastView(forecast).tiers[0]; // { component: "target_bonus", kind: "target_bonus", driver: "score", tier: 1, rate: 1 }
 */
function forecastView(forecast: RepForecast): ForecastView {
  const tiers: ForecastTierView[] = (forecast.result.payout?.components ?? []).map((trace) => ({
    component: trace.key,
    kind: trace.kind,
    driver: driverText(trace),
    tier: trace.tierBound,
    rate: trace.rate,
  }));
  return {
    openDeals: forecast.openDeals,
    revenue: forecast.revenue,
    score: forecast.result.score,
    payout: forecast.payout,
    tiers,
  };
}

/** What the Rep view adds for a provisional period. */
export interface RepForecastParts {
  forecast: ForecastView | null;
  pace: PaceView | null;
}

/**
 * A rep's forecast and pace for a provisional period, from the current
 * inputs at `now`; both null when the rep has no row in the forecast (no
 * valid plan version, or not employed).
 *
 * @example
 * repForecastParts(ss, settings, "2026-03", "r01", Date.now()).forecast?.payout; // the payout if the open deals close
 */
export function repForecastParts(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  period: string,
  key: string,
  now: number,
): RepForecastParts {
  // Sales in a BigQuery table: no deals to close here (Results' forecast columns are made by the runs).
  if (tableSourceOf(settings)) return { forecast: null, pace: null };
  const { wallClock, plan, records, fyStart } = readCurrentInputs(ss, settings);
  const sales = salesForPeriod(groupSalesByMonth(records.sales), period, records.salesHaveType, fyStart);
  const forecasts = forecastPeriod({ records: { ...records, sales }, plan, periods: [] }, period);
  const forecast = [...(forecasts?.values() ?? [])].find((f) => repKey(f.result.id) === key);
  if (!forecast) return { forecast: null, pace: null };
  const target = forecast.result.metrics.find((m) => m.key === "revenue")?.target ?? null;
  return {
    forecast: forecastView(forecast),
    pace: paceOn(forecast.actualRevenue, target, period, wallClock(now).day, fyStart),
  };
}
