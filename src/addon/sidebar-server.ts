/**
 * The sidebar's server calls: each a top-level function (a global in Apps
 * Script, listed in entry-points.ts) that validates its argument with zod,
 * reads what it shows from the add-on's own sheets and settings, and
 * answers JSON-safe values only (text, finite numbers or null, booleans;
 * never a Date). A failure comes back to the sidebar as an Error with a
 * one-line message in the spreadsheet's language, which the view shows.
 *
 * Actions (set up, recalculate, restate, schedule, save a review, save
 * settings) call the same functions as the menu, under the same
 * one-at-a-time guard.
 */
import * as z from "zod/mini";
import { isPeriodKey } from "../core/periods";
import type { Language } from "../core/plan-model";
import { errorMessage, errorName } from "../core/error-text";
import { catalogueText } from "../core/localized-text";
import { MAX_CELL_CHARS } from "./platform-limits";
import { requestSchema } from "./request-schema";
import type {
  ActionResult,
  ApproveRequest,
  RepRequest,
  RepView,
  RestateRequest,
  ReviewRequest,
  SaveSettingsRequest,
  ReviewView,
  SaveReviewRequest,
  SaveReviewResult,
  ScheduleRequest,
  SetupView,
  TeamRequest,
  TeamView,
} from "../sidebar/sidebar-api";
import { restateMessage, runMessage } from "./menu";
import { inspectOutputSheet, type OutputRole } from "./output-writer";
import { logEvent, recalculate } from "./recalculation";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import { installSchedule, removeSchedule, scheduleStatus } from "./schedule";
import {
  runLanguage,
  settingsOf,
  spreadsheetCurrency,
  storeSettings,
  validateSettings,
  type Settings,
} from "./settings";
import { repsFromSalesNote, setUpSheets } from "./setup-sheets";
import { readSpreadsheetState, runStateOf, type RunState, type SpreadsheetState } from "./spreadsheet-state";
import {
  generateReview,
  periodCurrency,
  planSettingsFor,
  readPlanBook,
  readReviewCells,
  resultsRowOf,
  saveManagerReview,
  sheetReviewLanguage,
} from "./sidebar-review";
import { repForecastParts } from "./sidebar-forecast";
import { scoreTraceOf } from "./sidebar-score-trace";
import { spreadsheetWallClock } from "./spreadsheet-wall-clock";
import {
  cellReader,
  cellText,
  defaultPeriod,
  latestProblems,
  numberOrNull,
  payoutLinesOf,
  periodsOf,
  readRunLogTail,
  repKey,
  resultMetrics,
  rowsOfPeriod,
  scoreTrend,
  teamRow,
  isProvisionalNote,
} from "./sidebar-sheets";
import { checkSettingsRequest, saveCheckedSettings } from "./sidebar-settings";
import { scheduleView, setupView, RUN_LOG_ROWS_READ } from "./sidebar-setup";
import { tableOf, type SheetTable } from "../tables/output-rows";
import { plainText } from "../tables/sheet-text";
import { BUSY_MESSAGE } from "./guarded-action";
import { awaitingMonths } from "./approval";
import { approveFromSidebar } from "./approval-calls";
import SERVER_TEXT from "./sidebar-server-text.json";

// ---------------------------------------------------------------- messages

// The busy message is the run guard's own, so the menu and the sidebar say it alike.
const MESSAGES = { ...SERVER_TEXT, busy: BUSY_MESSAGE };

type MessageKey = keyof typeof MESSAGES;

const message = catalogueText(MESSAGES);

/** An error the sidebar shows as it is. */
function fail(key: MessageKey, language: Language, args: Record<string, string | number> = {}): never {
  throw new Error(message(key, language, args));
}

/**
 * Runs a call and turns any failure into an Error with a one-line message
 * (no stack, no data), which `google.script.run` hands to the failure handler.
 */
export function answer<T>(call: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    const text = errorMessage(error);
    logEvent({ event: "sidebar_call_failed", call, error: errorName(error) });
    const line = text.split("\n")[0].trim() || call + " failed";
    throw new Error(line.length > 500 ? line.slice(0, 499) + "…" : line);
  }
}

// ---------------------------------------------------------------- requests

const PERIOD_HINT = "must be a period such as 2026-03, 2026-Q1 or 2026";

// Built on first use (z.lazy), like every schema here: most executions, each custom-function cell among them,
// never check this, and building zod schemas was most of the script's work at load.
// zod/mini carries no messages of its own ("Invalid input"): every field says what it wants.
const periodField = z.lazy(() =>
  z.string(PERIOD_HINT).check(z.trim(), z.maxLength(16, PERIOD_HINT), z.refine(isPeriodKey, PERIOD_HINT)),
);
const repIdField = z.lazy(() =>
  z
    .string("must be text")
    .check(z.trim(), z.minLength(1, "must not be blank"), z.maxLength(200, "must be at most 200 characters")),
);
const languageField = z.lazy(() => z.enum(["en", "zh"], 'must be "en" or "zh"'));

const TeamRequestSchema = z.lazy(() =>
  requestSchema<TeamRequest>()(
    z.strictObject({ period: z.nullable(periodField) }, "must be an object { period } (period may be null)"),
  ),
);
const RepRequestSchema = z.lazy(() =>
  requestSchema<RepRequest>()(
    z.strictObject({ period: periodField, repId: repIdField }, "must be an object { period, repId }"),
  ),
);
const ReviewRequestSchema = z.lazy(() =>
  requestSchema<ReviewRequest>()(
    z.strictObject(
      {
        period: periodField,
        repId: repIdField,
        language: z.optional(languageField),
        regenerate: z.optional(z.boolean("must be true or false")),
      },
      "must be an object { period, repId, language?, regenerate? }",
    ),
  ),
);
const SaveReviewRequestSchema = z.lazy(() =>
  requestSchema<SaveReviewRequest>()(
    z.strictObject(
      {
        period: periodField,
        repId: repIdField,
        text: z
          .string("must be text")
          .check(z.maxLength(MAX_CELL_CHARS, `must be at most ${MAX_CELL_CHARS} characters (the cell limit)`)),
      },
      "must be an object { period, repId, text }",
    ),
  ),
);
const RestateRequestSchema = z.lazy(() =>
  requestSchema<RestateRequest>()(z.strictObject({ period: periodField }, "must be an object { period }")),
);
const ScheduleRequestSchema = z.lazy(() =>
  requestSchema<ScheduleRequest>()(
    z.strictObject(
      {
        on: z.boolean("must be true or false"),
        day: z.optional(
          z.int("must be a whole number 1 to 28").check(z.gte(1, "must be 1 to 28"), z.lte(28, "must be 1 to 28")),
        ),
        hour: z.optional(
          z.int("must be a whole number 0 to 23").check(z.gte(0, "must be 0 to 23"), z.lte(23, "must be 0 to 23")),
        ),
      },
      "must be an object { on, day?, hour? }",
    ),
  ),
);

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return "has unknown field " + issue.keys.join(", ");
  return (issue.path.length ? issue.path.join(".") + " " : "") + issue.message;
}

/**
 * A call's argument checked against its schema; a readable one-line Error
 * naming the call and the fields otherwise.
 */
function parseRequest<T>(call: string, schema: z.ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(call + ": argument " + parsed.error.issues.slice(0, 3).map(issueText).join("; "));
}

// ---------------------------------------------------------------- reading

interface Session {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  state: SpreadsheetState;
  settings: Settings;
  runState: RunState;
  language: Language;
}

function openSession(): Session {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const state = readSpreadsheetState(ss);
  const settings = settingsOf(state);
  return {
    ss,
    state,
    settings,
    runState: runStateOf(state.run),
    language: runLanguage(settings, ss.getSpreadsheetLocale()),
  };
}

/** An output sheet's table when it is the add-on's own; null when missing or blank. */
function readOwnTable(session: Session, role: OutputRole): SheetTable | null {
  const name = session.settings.sheets[role];
  const out = inspectOutputSheet(session.ss, role, name, { values: true });
  if (out.status === "foreign") fail("foreignSheet", session.language, { sheet: name });
  return out.status === "own" ? tableOf(out.values) : null;
}

function currencyOf(session: Session, period: string | null): string {
  const plan = readPlanBook(session.ss, session.settings, spreadsheetWallClock(session.ss.getSpreadsheetTimeZone()));
  return periodCurrency(
    planSettingsFor(plan, period ?? ""),
    spreadsheetCurrency(session.settings, session.ss.getSpreadsheetLocale()),
  );
}

// ---------------------------------------------------------------- views

/**
 * The Team view of a period (when `period` is null, the latest month in
 * which a rep has a score): every rep's score, attainments, payout and ranks from the
 * Results sheet, and the input problems of the latest run.
 *
 * @example
 * sidebarTeam({ period: "2026-03" }).rows[0];
 * // { repId: "R01", name: "Li Na", score: 1.02, rank: 1, payout: 2600.13, ... }
 */
export function sidebarTeam(request: TeamRequest): TeamView {
  return answer("sidebarTeam", () => {
    const req = parseRequest("sidebarTeam", TeamRequestSchema, request);
    const session = openSession();
    const fy = session.runState.fy;
    const results = readOwnTable(session, "results");
    const periods = periodsOf(results, fy);
    const period = req.period ?? defaultPeriod(results, periods, fy);
    if (req.period !== null && !periods.includes(req.period))
      fail("noPeriod", session.language, { period: req.period });
    const metrics = results ? resultMetrics(results.header, session.language) : [];
    const cell = cellReader(results?.header ?? []);
    const rows = results && period ? rowsOfPeriod(results, period) : [];
    const timeZone = session.ss.getSpreadsheetTimeZone();
    return {
      language: session.language,
      currency: currencyOf(session, period),
      periods,
      period,
      provisional: rows.some((row) => isProvisionalNote(plainText(cell(row, "Notes")))),
      metrics,
      rows: rows.map((row) => teamRow(row, cell, metrics)),
      problems: latestProblems(readRunLogTail(session.ss, session.settings.sheets.runLog, RUN_LOG_ROWS_READ), timeZone),
      changedFinal: [...session.runState.changed],
      awaiting: awaitingMonths(session.runState),
    };
  });
}

/**
 * "Approve" from the Team view: approves a month awaiting approval (approval-calls.ts).
 *
 * @example
 * sidebarApprove({ period: "2026-03", name: "Ana Li" }); // { outcome: "done", message: "Approved 2026-03: ..." }
 */
export function sidebarApprove(request: ApproveRequest): ActionResult {
  return answer("sidebarApprove", () => approveFromSidebar(request));
}

/**
 * The Rep view: one rep's metrics (actual, target, attainment), ranks and
 * payout from Results, the payout trace from Payouts, the score trace (the
 * stored row's figures with the plan's floors, caps and weights), and the
 * score over recent periods of the same kind. Every figure is the sheets'
 * as written, so a final period shows its final numbers.
 *
 * @example
 * sidebarRep({ period: "2026-03", repId: "R01" }).payoutLines.map((l) => l.type);
 * // ["target_bonus", "commission", "total"]
 */
export function sidebarRep(request: RepRequest): RepView {
  return answer("sidebarRep", () => {
    const req = parseRequest("sidebarRep", RepRequestSchema, request);
    const session = openSession();
    const results = readOwnTable(session, "results");
    if (!results) fail("noPeriod", session.language, { period: req.period });
    const cell = cellReader(results.header);
    const key = repKey(req.repId);
    const periodRows = rowsOfPeriod(results, req.period);
    const row = periodRows.find((r) => repKey(cell(r, "Rep ID")) === key);
    if (!row) fail("noRow", session.language, { repId: req.repId, period: req.period });
    const metrics = resultMetrics(results.header, session.language);
    const team = plainText(cell(row, "Team"));
    const sameTeam = (r: unknown[]) => cellText(cell(r, "Team")).toLowerCase() === team.trim().toLowerCase();
    const notes = plainText(cell(row, "Notes"));
    const score = numberOrNull(cell(row, "Score"));
    const repMetrics = metrics.map((m) => ({
      ...m,
      actual: numberOrNull(cell(row, m.key + " actual")),
      target: numberOrNull(cell(row, m.key + " target")),
      attainment: numberOrNull(cell(row, m.key + " attainment")),
    }));
    const plan = readPlanBook(session.ss, session.settings, spreadsheetWallClock(session.ss.getSpreadsheetTimeZone()));
    const provisional = isProvisionalNote(notes);
    // Only a provisional period has a forecast: a final one's figures are the sheets' as written.
    const forecast = provisional
      ? repForecastParts(session.ss, session.settings, req.period, key, Date.now())
      : { forecast: null, pace: null };
    return {
      language: session.language,
      currency: currencyOf(session, req.period),
      period: req.period,
      repId: cellText(cell(row, "Rep ID")),
      name: plainText(cell(row, "Name")),
      team,
      score,
      rank: numberOrNull(cell(row, "Rank")),
      teamRank: numberOrNull(cell(row, "Team rank")),
      rankedCount: periodRows.filter((r) => numberOrNull(cell(r, "Rank")) !== null).length,
      teamRankedCount: periodRows.filter((r) => sameTeam(r) && numberOrNull(cell(r, "Team rank")) !== null).length,
      payout: numberOrNull(cell(row, "Bonus")),
      notes,
      provisional,
      metrics: repMetrics,
      payoutLines: payoutLinesOf(readOwnTable(session, "payouts"), req.period, key),
      scoreTrace: scoreTraceOf(plan, req.period, repMetrics, score),
      trend: scoreTrend(results, key, req.period, session.runState.fy),
      forecast: forecast.forecast,
      pace: forecast.pace,
    };
  });
}

/**
 * The Review view: the generated review (from the Reviews sheet in the
 * language the recalculation writes, generated now in the other), the
 * manager's saved review, the rep's reply and Acknowledged. For a final
 * period the review is the stored one only; it is generated from today's
 * inputs when `regenerate` asks for it, since it may then differ from the
 * final Results and Payouts.
 *
 * @example
 * sidebarReview({ period: "2026-03", repId: "R01", language: "zh" }).source; // "computed" in an English spreadsheet
 */
export function sidebarReview(request: ReviewRequest): ReviewView {
  return answer("sidebarReview", () => {
    const req = parseRequest("sidebarReview", ReviewRequestSchema, request);
    const session = openSession();
    const key = repKey(req.repId);
    // Answer only for a row the last run computed, as the Rep view does.
    const check = resultsRowOf(readOwnTable(session, "results"), req.period, key);
    if (check === "unknown_period") fail("noPeriod", session.language, { period: req.period });
    if (check === "unknown_rep") fail("noRow", session.language, { repId: req.repId, period: req.period });
    const cells = readReviewCells(session.ss, session.settings.sheets.reviews, req.period, key);
    const plan = readPlanBook(session.ss, session.settings, spreadsheetWallClock(session.ss.getSpreadsheetTimeZone()));
    const sheetLanguage = sheetReviewLanguage(planSettingsFor(plan, req.period), session.language);
    const final = check.final;
    // A final period's review is the one the sheet stores: regenerating it
    // from today's inputs could contradict the final Results and Payouts.
    const storedOnly = final && req.regenerate !== true;
    const reviewLanguage = storedOnly ? sheetLanguage : (req.language ?? sheetLanguage);
    const stored = cells !== null && cells.generated !== "" ? cells.generated : null;
    const fromSheet = stored !== null && reviewLanguage === sheetLanguage && req.regenerate !== true;
    const generated = fromSheet
      ? stored
      : storedOnly
        ? ""
        : generateReview({
            ss: session.ss,
            settings: session.settings,
            period: req.period,
            key,
            language: reviewLanguage,
            runLanguage: session.language,
          });
    if (generated === null) fail("noRow", session.language, { repId: req.repId, period: req.period });
    return {
      language: session.language,
      period: req.period,
      repId: req.repId,
      generated,
      reviewLanguage,
      source: fromSheet ? "sheet" : storedOnly ? "none" : "computed",
      final,
      sheetLanguage,
      managerReview: cells?.managerReview ?? "",
      reply: cells?.reply ?? "",
      acknowledged: cells?.acknowledged ?? false,
      changedAfterAcknowledgement: cells?.changedAfterAcknowledgement ?? false,
      inputsChanged: session.runState.changed.includes(req.period),
    };
  });
}

/**
 * Saves the manager's review of (Period, Rep ID) into the Reviews sheet's
 * "Manager's review" cell, keeping the generated review, the reply and
 * Acknowledged; refused while a run holds the spreadsheet.
 *
 * @example
 * sidebarSaveReview({ period: "2026-03", repId: "R01", text: "Strong month." });
 * // { row: 14, appended: false, savedAt: "2026-04-02 09:15" }
 */
export function sidebarSaveReview(request: SaveReviewRequest): SaveReviewResult {
  return answer("sidebarSaveReview", () => {
    const req = parseRequest("sidebarSaveReview", SaveReviewRequestSchema, request);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const outcome = saveManagerReview(ss, req);
    if (!outcome.ok) {
      const language = openSession().language;
      if (outcome.reason === "already_running") fail("busy", language);
      if (outcome.reason === "foreign_reviews_sheet")
        fail("foreignSheet", language, { sheet: settingsOf(readSpreadsheetState(ss)).sheets.reviews });
      if (outcome.reason === "no_manager_column") fail("noManagerColumn", language);
      if (outcome.reason === "foreign_results_sheet")
        fail("foreignSheet", language, { sheet: settingsOf(readSpreadsheetState(ss)).sheets.results });
      if (outcome.reason === "unknown_period") fail("noPeriod", language, { period: req.period });
      if (outcome.reason === "unknown_rep") fail("noRow", language, { repId: req.repId, period: req.period });
      fail("noReviewsSheet", language);
    }
    const savedAt = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "yyyy-MM-dd HH:mm");
    return { row: outcome.row, appended: outcome.appended, savedAt };
  });
}

/**
 * The Setup view: input sheets, schedule (owner "you" or "another editor"),
 * last run, final periods, the latest input problems and Run log rows.
 *
 * @example
 * sidebarSetup().schedule; // { on: false, owner: "none", day: 3, hour: 6, canChange: true, ... }
 */
export function sidebarSetup(): SetupView {
  return answer("sidebarSetup", () => {
    const session = openSession();
    return setupView({
      ss: session.ss,
      settings: session.settings,
      runState: session.runState,
      language: session.language,
    });
  });
}

// ---------------------------------------------------------------- actions

function listText(items: readonly string[], language: Language): string {
  return items.length === 0 ? message("none", language) : items.join(", ");
}

/**
 * "Set up sheets" from the sidebar: creates the missing input sheets and the
 * default plan (existing sheets are never changed).
 *
 * @example
 * sidebarSetUpSheets(); // { outcome: "done", message: "Created: Reps, Sales, .... Left as they were: none." }
 */
export function sidebarSetUpSheets(): ActionResult {
  return answer("sidebarSetUpSheets", () => {
    const session = openSession();
    const result = setUpSheets(session.ss);
    if (!result.ok) fail("busy", session.language);
    return {
      outcome: "done",
      message:
        message("setupDone", session.language, {
          created: listText(result.created, session.language),
          kept: listText(result.kept, session.language),
        }) + repsFromSalesNote(result, session.language),
    };
  });
}

/**
 * "Recalculate now" from the sidebar: the menu's run, started by "sidebar".
 *
 * @example
 * sidebarRecalculate(); // { outcome: "done", message: "Computed: 2026-03, ..." }
 */
export function sidebarRecalculate(): ActionResult {
  return answer("sidebarRecalculate", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const summary = recalculate({ ss, startedBy: "sidebar", finality: "schedule" });
    return { outcome: summary.outcome, message: runMessage(summary, summary.language) };
  });
}

/**
 * "Restate period" from the sidebar: recomputes a final period (and its
 * quarter and year) from the current inputs; the Run log lists the changes.
 *
 * @example
 * sidebarRestate({ period: "2026-02" }); // { outcome: "done", message: "Restated 2026-02: 3 cells changed ..." }
 */
export function sidebarRestate(request: RestateRequest): ActionResult {
  return answer("sidebarRestate", () => {
    const req = parseRequest("sidebarRestate", RestateRequestSchema, request);
    const session = openSession();
    if (!Object.prototype.hasOwnProperty.call(session.runState.final, req.period))
      fail("notFinal", session.language, { period: req.period });
    const summary = recalculate({ ss: session.ss, startedBy: "restate", finality: "schedule", restate: [req.period] });
    return { outcome: summary.outcome, message: restateMessage(summary, req.period, summary.language) };
  });
}

function storeScheduleTime(session: Session, day: number | undefined, hour: number | undefined): void {
  const current = session.settings;
  if ((day === undefined || day === current.scheduleDay) && (hour === undefined || hour === current.scheduleHour))
    return;
  const now = Date.now();
  const guard = acquireLease(session.ss, newRunId(now), now);
  if (!guard.ok) fail("busy", session.language);
  try {
    const validated = validateSettings(
      { scheduleDay: day ?? current.scheduleDay, scheduleHour: hour ?? current.scheduleHour },
      settingsOf(guard.state),
    );
    if (!validated.ok) throw new Error(validated.errors.join("; "));
    storeSettings(session.ss, guard.state, validated.settings);
  } finally {
    releaseLease(session.ss, guard.state);
  }
}

/**
 * Turns the schedule on (with its day and hour) or off, as the menu does;
 * takes over another editor's schedule only when it is overdue.
 *
 * @example
 * sidebarSchedule({ on: true, day: 3, hour: 6 }); // { outcome: "done", message: "Automatic recalculation is on: ..." }
 */
export function sidebarSchedule(request: ScheduleRequest): ActionResult {
  return answer("sidebarSchedule", () => {
    const req = parseRequest("sidebarSchedule", ScheduleRequestSchema, request);
    const session = openSession();
    const view = scheduleView(scheduleStatus(session.ss), String);
    if (!view.canChange) fail("scheduleOther", session.language);
    storeScheduleTime(session, req.day, req.hour);
    const change = req.on
      ? view.owner === "you"
        ? null
        : installSchedule(session.ss)
      : view.on
        ? removeSchedule(session.ss)
        : null;
    if (change && !change.ok) fail(change.reason === "already_running" ? "busy" : "scheduleOther", session.language);
    const status = change ? change.status : scheduleStatus(session.ss);
    const text = status.on
      ? message("scheduleOn", session.language, { day: status.day, hour: status.hour })
      : message("scheduleOff", session.language);
    return { outcome: "done", message: text };
  });
}

/**
 * Saves the Settings section: every sheet's name, the language and the
 * start period (the schedule's day and hour are kept), merged over the
 * stored settings under the run guard. A bad field is refused with one line
 * in the spreadsheet's language naming it, and nothing is written.
 *
 * @example
 * sidebarSaveSettings({ sheets: { ...DEFAULT_SHEET_NAMES, sales: "Deals" }, language: "auto", startPeriod: "" });
 * // { outcome: "done", message: "Settings saved: Sales sheet. Sheets are not renamed: ..." }
 * sidebarSaveSettings({ sheets: { ...DEFAULT_SHEET_NAMES, sales: "Deals/2026" }, language: "auto", startPeriod: "" });
 * // throws 'Sales sheet name "Deals/2026" contains /, which Sheets does not allow in sheet names ([ ] * ? / \ :).'
 */
export function sidebarSaveSettings(request: SaveSettingsRequest): ActionResult {
  return answer("sidebarSaveSettings", () => {
    const session = openSession();
    const checked = checkSettingsRequest(request, session.language);
    if (!checked.ok) throw new Error(checked.message);
    const saved = saveCheckedSettings(session.ss, checked.request);
    if (!saved.ok) fail("busy", session.language);
    return saved.result;
  });
}
