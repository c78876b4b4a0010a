/**
 * "Fill Targets from history": on the manager's request, appends to the
 * Targets sheet one revenue target per rep for a month, suggested from the
 * rep's monthly revenue (see src/core/targets-from-history.ts). Runs never
 * write input sheets; this action does, because the manager asked for it,
 * and only by appending: a rep that already has a revenue target of its
 * own for the month is skipped and counted, and no existing row changes.
 * Under the run guard like every writing action.
 *
 * The inputs are read as a run reads them (the same column mapping, date
 * order and stage words), so the history is the revenue the runs compute.
 */
import * as z from "zod/mini";
import { monthOfDay } from "../core/periods";
import { planMetricKeys, manualMetricKeys } from "../core/plan-lookup";
import type { Language } from "../core/plan-model";
import { catalogueText } from "../core/localized-text";
import type { TargetRecord } from "../core/records";
import {
  HISTORY_MONTHS,
  TARGET_ROUNDING,
  targetsFromHistory,
  type TargetsFromHistory,
} from "../core/targets-from-history";
import { TARGETS_COLUMNS, type ColumnSpec } from "../tables/input-columns";
import { readPlan } from "../tables/plan-table";
import { readInputs } from "../tables/read-inputs";
import { TEXT_FORMAT } from "../tables/output-columns";
import type { ActionResult, FillTargetsDefaults, FillTargetsRequest } from "../sidebar/sidebar-api";
import { withRunGuard } from "./guarded-action";
import { checkRequest, requestSchema, type RequestCheck } from "./request-schema";
import { readInputSheets } from "./input-grids";
import { inputReadingOf, runLanguage, settingsOf, type Settings } from "./settings";
import { createInputSheet, fieldColumns, headerSearchRows } from "./setup-sheets";
import { spreadsheetWallClock } from "./spreadsheet-wall-clock";
import MESSAGES from "./fill-targets-text.json";

/** The growth the form proposes, in percent. */
const DEFAULT_GROWTH_PERCENT = 10;

/** The metric the targets are for. */
const METRIC = "revenue";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const text = catalogueText(MESSAGES);

// ---------------------------------------------------------------- request and defaults

// Built on first use (z.lazy): most executions, each custom-function cell among them,
// never check this, and building zod schemas was most of the script's work at load.
const FillTargetsSchema = z.lazy(() =>
  requestSchema<FillTargetsRequest>()(
    z.strictObject(
      {
        period: z.string("period").check(z.trim(), z.regex(MONTH, "period")),
        growthPercent: z.number("growth").check(z.gte(-90, "growth"), z.lte(1000, "growth")),
      },
      "shape",
    ),
  ),
);

/**
 * Checks the Fill Targets form: a month `YYYY-MM` and a growth from -90 to 1000 percent.
 *
 * @example
 * checkFillTargetsRequest({ period: "2026-5", growthPercent: 10 }, "en");
 * // { ok: false, message: "The month must be written as YYYY-MM, e.g. 2026-05." }
 */
export function checkFillTargetsRequest(request: unknown, language: Language): RequestCheck<FillTargetsRequest> {
  return checkRequest(FillTargetsSchema, request, ([issue]) => {
    const key = issue.message in MESSAGES ? (issue.message as keyof typeof MESSAGES) : "shape";
    return text(key, language);
  });
}

/** The month after `month`. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, "0")}`;
}

/**
 * What the form proposes: the month after today's (in the spreadsheet's time zone) and 10 %.
 *
 * @example
 * fillTargetsDefaults(Date.UTC(2026, 3, 10), "UTC"); // { period: "2026-05", growthPercent: 10 }
 */
export function fillTargetsDefaults(now: number, timeZone: string): FillTargetsDefaults {
  return {
    period: nextMonth(monthOfDay(spreadsheetWallClock(timeZone)(now).day)),
    growthPercent: DEFAULT_GROWTH_PERCENT,
  };
}

// ---------------------------------------------------------------- filling

/** Reps with a revenue target of their own for the month. */
function repsWithTarget(targets: readonly TargetRecord[], period: string): Set<string> {
  const keys = new Set<string>();
  for (const target of targets)
    if (target.scope.level === "rep" && target.period === period && target.metric === METRIC)
      keys.add(target.scope.rep);
  return keys;
}

interface Suggestions {
  proposal: TargetsFromHistory;
  existing: number;
  repIds: Map<string, string>;
}

function suggest(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  request: FillTargetsRequest,
  now: number,
): Suggestions | "no_revenue" {
  const wallClock = spreadsheetWallClock(ss.getSpreadsheetTimeZone());
  const inputs = readInputSheets(ss, settings);
  const plan = readPlan(inputs.plan.values, settings.sheets.plan, { wallClock }).plan;
  const planMetrics = new Set(planMetricKeys(plan));
  if (!planMetrics.has(METRIC)) return "no_revenue";
  const today = wallClock(now).day;
  const records = readInputs(inputs.grids, {
    wallClock,
    manualMetrics: manualMetricKeys(plan),
    planMetrics,
    ...inputReadingOf(settings, ss.getSpreadsheetLocale()),
    today,
  }).records;
  const existing = repsWithTarget(records.targets, request.period);
  const reps = records.reps.filter((rep) => !existing.has(rep.key));
  const proposal = targetsFromHistory({
    reps,
    sales: records.sales,
    period: request.period,
    currentMonth: monthOfDay(today),
    growth: request.growthPercent / 100,
  });
  return {
    proposal,
    existing: records.reps.length - reps.length,
    repIds: new Map(records.reps.map((rep) => [rep.key, rep.id])),
  };
}

/** The Targets sheet (created when missing) and where its four columns are. */
function targetsSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, language: Language) {
  const sheet =
    ss.getSheetByName(settings.sheets.targets) ??
    createInputSheet(ss, settings.sheets.targets, TARGETS_COLUMNS as readonly ColumnSpec[], language);
  const { headerRow, column } = fieldColumns(headerSearchRows(sheet), "targets", settings.columns.targets);
  const missing = TARGETS_COLUMNS.filter((c) => column[c.field] < 0).map((c) =>
    language === "zh" ? c.zhHeader : c.header,
  );
  return { sheet, headerRow, column, missing };
}

/** Appends the rows below the sheet's last row, IDs, periods and metrics as text. */
function appendTargets(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headerRow: number,
  column: Record<string, number>,
  rows: { repId: string; period: string; target: number }[],
): void {
  if (rows.length === 0) return;
  const first = Math.max(sheet.getLastRow(), headerRow) + 1;
  const write = (field: string, values: (string | number)[], asText: boolean) => {
    const range = sheet.getRange(first, column[field] + 1, values.length, 1);
    if (asText) range.setNumberFormat(TEXT_FORMAT);
    range.setValues(values.map((value) => [value]));
  };
  write(
    "scope",
    rows.map((r) => r.repId),
    true,
  );
  write(
    "period",
    rows.map((r) => r.period),
    true,
  );
  write(
    "metric",
    rows.map(() => METRIC),
    true,
  );
  write(
    "target",
    rows.map((r) => r.target),
    false,
  );
}

function fillMessage(
  period: string,
  growthPercent: number,
  added: number,
  existing: number,
  proposal: TargetsFromHistory,
  language: Language,
): string {
  const count = (reason: string) => proposal.skipped.filter((s) => s.reason === reason).length;
  let message = text("added", language, {
    period,
    added,
    months: HISTORY_MONTHS,
    growth: growthPercent,
    rounding: TARGET_ROUNDING,
  });
  if (existing > 0) message += text("skippedExisting", language, { count: existing, period });
  if (count("no_history") > 0) message += text("skippedNoHistory", language, { count: count("no_history") });
  if (count("rounds_to_zero") > 0) message += text("skippedZero", language, { count: count("rounds_to_zero") });
  if (count("left") > 0) message += text("skippedLeft", language, { count: count("left"), period });
  return message;
}

/**
 * Appends the month's revenue targets from history under the run guard.
 *
 * @example
 * fillTargetsFromHistory(ss, { period: "2026-05", growthPercent: 10 });
 * // { ok: true, result: { outcome: "done",
 * //   message: "Targets for 2026-05: 4 revenue targets added ... 1 reps already had ..." } }
 */
export function fillTargetsFromHistory(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: FillTargetsRequest,
): { ok: true; result: ActionResult } | { ok: false; reason: "already_running" } {
  const now = Date.now();
  const outcome = withRunGuard(ss, "sidebar", (state): ActionResult => {
    const settings = settingsOf(state);
    const language = runLanguage(settings, ss.getSpreadsheetLocale());
    const suggestions = suggest(ss, settings, request, now);
    if (suggestions === "no_revenue") throw new Error(text("noRevenue", language));
    const target = targetsSheet(ss, settings, language);
    if (target.missing.length > 0) throw new Error(text("noColumns", language, { columns: target.missing.join(", ") }));
    const rows = suggestions.proposal.targets.map((t) => ({
      repId: suggestions.repIds.get(t.rep) ?? t.rep,
      period: request.period,
      target: t.target,
    }));
    appendTargets(target.sheet, target.headerRow, target.column, rows);
    const message = fillMessage(
      request.period,
      request.growthPercent,
      rows.length,
      suggestions.existing,
      suggestions.proposal,
      language,
    );
    return { outcome: rows.length > 0 ? "done" : "nothing to do", message };
  });
  return outcome.ok ? { ok: true, result: outcome.value } : outcome;
}
