/**
 * The Review view's server side: the review cells of one (Period, Rep ID)
 * row, a review generated now in a chosen language, and saving the
 * manager's review.
 *
 * Rules:
 * - The generated review shown is the Reviews sheet's cell when it is in the
 *   language asked for (the language the recalculation writes: the plan's
 *   language setting, else the add-on's); in the other language, or when
 *   the sheet has no row yet, it is generated now by the same code the
 *   recalculation uses (`reviewForRow`), over the current inputs, with the
 *   same history (up to three earlier periods of the same kind) and the
 *   same recognition (against the previous period). The money is in the
 *   spreadsheet's currency (the plan's setting, else the spreadsheet's), so
 *   a review switched to English still says ¥ in a CNY spreadsheet.
 * - Saving writes the Manager's review cell of that row only (a row is
 *   appended with Period and Rep ID when there is none), as plain text,
 *   under the same one-at-a-time guard as runs. The generated review, the
 *   Rep reply and Acknowledged are never written.
 */
import type { WallClock } from "../core/calendar";
import { managerKeysOf, recognise } from "../core/recognition";
import { DEFAULT_SETTINGS } from "../core/default-plan";
import { currencyFor } from "../core/display-format";
import { fiscalYearStart, versionForPeriod } from "../core/plan-lookup";
import { monthOfDay, monthsOf, previousPeriod } from "../core/periods";
import type { Language, PlanBook, PlanSettings } from "../core/plan-model";
import type { RepPeriodResult } from "../core/results";
import { REVIEW_HEADERS } from "../tables/output-columns";
import { tableOf, type SheetTable } from "../tables/output-rows";
import { readPlan } from "../tables/plan-table";
import { plainText } from "../tables/sheet-text";
import { readCurrentInputs } from "./current-inputs";
import { inspectOutputSheet, writeBlock } from "./output-writer";
import { computeWithinBudget, contextPeriods, historyOf, indexResults } from "./period-computation";
import { logEvent, logRefusedAction } from "./recalculation";
import { CHANGED_AFTER_ACKNOWLEDGEMENT, isAcknowledged, safeReviewForRow, storedReview } from "./review-cells";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import type { Settings } from "./settings";
import { settingsOf, spreadsheetCurrency } from "./settings";
import { cellReader, cellText, isProvisionalNote, readSheetTable, repKey } from "./sidebar-sheets";

/**
 * The plan as the Plan sheet holds it (one read; the default plan when the
 * sheet is missing).
 *
 * @example
 * readPlanBook(ss, settings, spreadsheetWallClock("UTC")).versions.length; // 1
 */
export function readPlanBook(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  wallClock: WallClock,
): PlanBook {
  const sheet = ss.getSheetByName(settings.sheets.plan);
  return readPlan(sheet ? sheet.getDataRange().getValues() : null, settings.sheets.plan, { wallClock }).plan;
}

/**
 * The plan settings in force for a period (the defaults when no version applies).
 *
 * @example
 * planSettingsFor(plan, "2026-03").currency; // "CNY" or null
 */
export function planSettingsFor(plan: PlanBook, period: string): PlanSettings {
  return versionForPeriod(plan, period, fiscalYearStart(plan))?.settings ?? DEFAULT_SETTINGS;
}

/**
 * The language a recalculation writes a period's reviews in: the plan's
 * setting, else the add-on's (`runLanguage`).
 *
 * @example
 * sheetReviewLanguage(planSettings, "en"); // "zh" when the plan says zh
 */
export function sheetReviewLanguage(settings: PlanSettings, runLanguage: Language): Language {
  return settings.language ?? runLanguage;
}

/**
 * The currency of a period's figures, as the recalculation shows them: the
 * plan's setting, else the spreadsheet's (`spreadsheetCurrency`), in
 * whichever language the review is read.
 *
 * @example
 * periodCurrency(planSettings, "CNY"); // "CNY" for a plan without a currency
 */
export function periodCurrency(settings: PlanSettings, sheetCurrency: string): string {
  return currencyFor(settings.currency, sheetCurrency);
}

/** The cells of a Reviews row, as text (Acknowledged as a flag). */
export interface ReviewCells {
  generated: string;
  changedAfterAcknowledgement: boolean;
  managerReview: string;
  reply: string;
  acknowledged: boolean;
}

/**
 * The Reviews row of (Period, Rep ID), or null when the sheet has none (one read).
 *
 * @example
 * readReviewCells(ss, "Reviews", "2026-03", "r01")?.reply; // "Thanks, agreed."
 */
export function readReviewCells(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName: string,
  period: string,
  key: string,
): ReviewCells | null {
  const table = readSheetTable(ss, sheetName);
  if (!table) return null;
  const cell = cellReader(table.header);
  const row = table.rows.find(
    (r) => cellText(cell(r, REVIEW_HEADERS.period)) === period && repKey(cell(r, REVIEW_HEADERS.repId)) === key,
  );
  if (!row) return null;
  const raw = plainText(cell(row, REVIEW_HEADERS.generated));
  const generated = storedReview(raw);
  return {
    generated,
    changedAfterAcknowledgement:
      generated !== raw && Object.values(CHANGED_AFTER_ACKNOWLEDGEMENT).some((m) => raw.startsWith(m)),
    managerReview: plainText(cell(row, REVIEW_HEADERS.manager)),
    reply: plainText(cell(row, REVIEW_HEADERS.reply)),
    acknowledged: isAcknowledged(cell(row, REVIEW_HEADERS.acknowledged)),
  };
}

/** What generating one review needs. */
export interface ReviewGeneration {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Settings;
  period: string;
  /** Rep key (trimmed, case-folded Rep ID). */
  key: string;
  language: Language;
  runLanguage: Language;
}

function firstSalesMonth(days: readonly number[]): string | null {
  let first: number | null = null;
  for (const day of days) if (first === null || day < first) first = day;
  return first === null ? null : monthOfDay(first);
}

/**
 * A rep's review for a period generated now from the current inputs (one
 * read per input sheet), in `language`; null when the period has no row for
 * the rep (not employed, or no usable plan version).
 *
 * @example
 * generateReview({ ss, settings, period: "2026-03", key: "r01", language: "zh", runLanguage: "en" });
 * // "绩效评估：Li Na（R01），2026年3月 ..."
 */
export function generateReview(request: ReviewGeneration): string | null {
  const { ss, settings, period } = request;
  const { plan, records, fyStart } = readCurrentInputs(ss, settings);
  const locale = ss.getSpreadsheetLocale();
  const startMonth =
    settings.startPeriod || firstSalesMonth(records.sales.map((s) => s.day)) || monthsOf(period, fyStart)[0];
  const periods = [...contextPeriods([period], startMonth, fyStart), period];
  const computed = computeWithinBudget({
    records,
    plan,
    planSheet: settings.sheets.plan,
    fyStart,
    periods,
    hasTime: () => true,
  });
  const result = computed.results.get(period);
  const row = result?.rows.find((r) => repKey(r.id) === request.key);
  if (!result || !row) return null;
  const index = indexResults(computed.results.values());
  const previous: RepPeriodResult[] = [...(index.get(previousPeriod(period))?.values() ?? [])];
  const planSettings = planSettingsFor(plan, period);
  const reps = new Map(records.reps.map((rep) => [rep.key, rep]));
  // The same note as the sheet's cell when the row or its review could not be computed.
  return safeReviewForRow({
    result: row,
    history: historyOf(row.rep, period, index),
    periodRows: result.rows,
    recognition: recognise(
      result.rows,
      previous,
      managerKeysOf(result.rows, (rep) => reps.get(rep)?.manager),
    ),
    // The language asked for, the money in the spreadsheet's currency.
    settings: { ...planSettings, language: request.language },
    rep: reps.get(row.rep),
    reps,
    fyStart,
    language: request.language,
    currency: spreadsheetCurrency(settings, locale),
  }).text;
}

/** Whether (Period, Rep ID) has a row on the Results sheet: only computed rows may be reviewed. */
export type ResultsRowCheck = "found" | "unknown_period" | "unknown_rep";

/**
 * Looks for the Results row of (Period, rep key): `unknown_period` when the
 * period has no row at all (never computed), `unknown_rep` when the rep
 * has none in it.
 *
 * @example
 * resultsRowCheck(resultsTable, "2026-03", "r0001"); // "found"
 * resultsRowCheck(resultsTable, "2019-01", "r0001"); // "unknown_period"
 */
function resultsRowCheck(table: SheetTable | null, period: string, key: string): ResultsRowCheck {
  if (!table) return "unknown_period";
  const cell = cellReader(table.header);
  let periodSeen = false;
  for (const row of table.rows) {
    if (cellText(cell(row, "Period")) !== period) continue;
    periodSeen = true;
    if (repKey(cell(row, "Rep ID")) === key) return "found";
  }
  return periodSeen ? "unknown_rep" : "unknown_period";
}

/** The Results row of (Period, rep key) found: whether the period is final there. */
export interface ResultsRowFound {
  /** The row carries no provisional note: its figures are final. */
  final: boolean;
}

/**
 * Like `resultsRowCheck`, and for a row found, whether its period is final
 * (its Notes do not mark it provisional).
 *
 * @example
 * resultsRowOf(resultsTable, "2026-01", "r0001"); // { final: true }
 * resultsRowOf(resultsTable, "2019-01", "r0001"); // "unknown_period"
 */
export function resultsRowOf(
  table: SheetTable | null,
  period: string,
  key: string,
): ResultsRowFound | Exclude<ResultsRowCheck, "found"> {
  if (!table) return "unknown_period";
  const cell = cellReader(table.header);
  const row = table.rows.find((r) => cellText(cell(r, "Period")) === period && repKey(cell(r, "Rep ID")) === key);
  if (!row) return resultsRowCheck(table, period, key) === "unknown_period" ? "unknown_period" : "unknown_rep";
  return { final: !isProvisionalNote(plainText(cell(row, "Notes"))) };
}

/** The outcome of saving a manager's review. */
export type SaveOutcome =
  | { ok: true; row: number; appended: boolean }
  | {
      ok: false;
      reason:
        | "already_running"
        | "no_reviews_sheet"
        | "foreign_reviews_sheet"
        | "foreign_results_sheet"
        | "no_manager_column"
        | "unknown_period"
        | "unknown_rep";
    };

/**
 * The Results sheet's table when it is the add-on's own (null when missing),
 * or "foreign" when a sheet of that name was not made by the add-on.
 */
function ownResults(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): SheetTable | null | "foreign" {
  const out = inspectOutputSheet(ss, "results", settings.sheets.results, { values: true });
  if (out.status === "foreign") return "foreign";
  return out.status === "own" ? tableOf(out.values) : null;
}

function writeCell(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  out: ReturnType<typeof inspectOutputSheet>,
  row: number,
  column: number,
  text: string,
): void {
  // Plain-text format first: the text is stored exactly as typed, never read as a formula.
  writeBlock(sheet, out, row, column, [[text]], [["@"]]);
}

/**
 * Writes the manager's review of (Period, Rep ID) into the Reviews sheet,
 * under the run guard; the generated review, reply and Acknowledged are
 * never written.
 *
 * @example
 * saveManagerReview(ss, { period: "2026-03", repId: "R01", text: "Great quarter." });
 * // { ok: true, row: 14, appended: false }
 */
export function saveManagerReview(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  review: { period: string; repId: string; text: string },
): SaveOutcome {
  const now = Date.now();
  const runId = newRunId(now);
  const guard = acquireLease(ss, runId, now);
  if (!guard.ok) {
    logRefusedAction(ss, guard.state, runId, "sidebar", now);
    return { ok: false, reason: "already_running" };
  }
  try {
    const settings = settingsOf(guard.state);
    // Only a row the last run computed can be reviewed: a review of a rep or
    // period that does not exist would sit on the Reviews sheet for good.
    const results = ownResults(ss, settings);
    if (results === "foreign") return { ok: false, reason: "foreign_results_sheet" };
    const check = resultsRowCheck(results, review.period, repKey(review.repId));
    if (check !== "found") return { ok: false, reason: check };
    const out = inspectOutputSheet(ss, "reviews", settings.sheets.reviews, { values: true });
    if (out.status === "foreign") return { ok: false, reason: "foreign_reviews_sheet" };
    if (out.status !== "own" || !out.sheet) return { ok: false, reason: "no_reviews_sheet" };
    const table = tableOf(out.values, { keepBlankRows: true });
    const header = table?.header ?? [];
    const columns = {
      period: header.indexOf(REVIEW_HEADERS.period) + 1,
      repId: header.indexOf(REVIEW_HEADERS.repId) + 1,
      manager: header.indexOf(REVIEW_HEADERS.manager) + 1,
    };
    if (!table || columns.period === 0 || columns.repId === 0) return { ok: false, reason: "no_reviews_sheet" };
    if (columns.manager === 0) return { ok: false, reason: "no_manager_column" };
    const key = repKey(review.repId);
    const found = table.rows.findIndex(
      (r) => cellText(r[columns.period - 1]) === review.period && repKey(r[columns.repId - 1]) === key,
    );
    let row: number;
    if (found >= 0) {
      row = found + 2;
    } else {
      row = (out.values?.length ?? 1) + 1;
      writeCell(out.sheet, out, row, columns.period, review.period);
      writeCell(out.sheet, out, row, columns.repId, review.repId);
    }
    writeCell(out.sheet, out, row, columns.manager, review.text);
    logEvent({ event: "sidebar_save_review", run: runId, appended: found < 0, chars: review.text.length });
    return { ok: true, row, appended: found < 0 };
  } finally {
    releaseLease(ss, guard.state);
  }
}
