/**
 * The Plan and the input records as a recalculation would read them now
 * (one read per input sheet), for the sidebar calls that compute one
 * period on demand instead of reading the output sheets.
 */
import type { WallClock } from "../core/calendar";
import { fiscalYearStart, manualMetricKeys, planMetricKeys } from "../core/plan-lookup";
import type { PlanBook } from "../core/plan-model";
import type { InputRecords } from "../core/records";
import { readPlan } from "../tables/plan-table";
import { readInputs } from "../tables/read-inputs";
import { readInputSheets } from "./input-grids";
import { inputReadingOf, type Settings } from "./settings";
import { spreadsheetWallClock } from "./spreadsheet-wall-clock";

interface CurrentInputs {
  wallClock: WallClock;
  plan: PlanBook;
  records: InputRecords;
  fyStart: number;
}

/**
 * Reads the Plan, then the inputs with the Plan's metrics and the settings'
 * words and columns, in the spreadsheet's time zone and locale.
 *
 * @example
 * const { plan, records, fyStart } = readCurrentInputs(ss, settings);
 */
export function readCurrentInputs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): CurrentInputs {
  const wallClock = spreadsheetWallClock(ss.getSpreadsheetTimeZone());
  const inputs = readInputSheets(ss, settings);
  const plan = readPlan(inputs.plan.values, settings.sheets.plan, { wallClock }).plan;
  const records = readInputs(inputs.grids, {
    wallClock,
    manualMetrics: manualMetricKeys(plan),
    planMetrics: new Set(planMetricKeys(plan)),
    ...inputReadingOf(settings, ss.getSpreadsheetLocale()),
  }).records;
  return { wallClock, plan, records, fyStart: fiscalYearStart(plan) };
}
