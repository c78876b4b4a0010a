/**
 * A recalculation run (product-spec section 7): take the guard, read every
 * input sheet once and the output sheets it merges with once, compute, then
 * write each output sheet in one block, the run state, and the Run log row.
 * Nothing is read after the first sheet write, and the number of service
 * calls does not depend on the number of rows, reps or periods.
 *
 * Order of writes, so that a run killed anywhere leaves nothing a rerun does
 * not repair: Results, Payouts, Reviews, Dashboard, then the run state (which
 * marks periods final, so only after their rows are written), then the Run
 * log row, then the lease is given back.
 */
import { spreadsheetWallClock } from "./spreadsheet-wall-clock";
import type { Language } from "../core/plan-model";
import { problemAt, formatProblem, type Problem } from "../core/problems";
import { groupProblems } from "../core/problem-groups";
import type { Period } from "../core/records";
import {
  PAYOUT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_RUN_COLUMNS,
  RUN_LOG_COLUMNS,
  headersOf,
  type OutputColumn,
} from "../tables/output-columns";
import type { FormattedRows } from "../tables/output-rows";
import { plainText, type CellValue } from "../tables/sheet-text";
import type { DashboardBlock } from "./dashboard-rows";
import { readInputSheets } from "./input-grids";
import {
  headerBlock,
  inspectOutputSheet,
  padBlock,
  prepareOutputSheet,
  writeBlock,
  writeHeaderNotes,
  type OutputRole,
  type OutputSheet,
  type SheetSetup,
} from "./output-writer";
import { RUN_TIME_BUDGET_MS, WRITE_RESERVE_MS } from "./platform-limits";
import { computeRun, type RunOutputs } from "./run-computation";
import { NO_PROBLEM_REPORT, problemReport, writeProblemsSheet, type ProblemReport } from "./problem-report";
import { runLogRow, type RunLogEntry, type RunOutcome, type StartedBy } from "./run-log-row";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import { runLanguage, settingsOf, type Settings } from "./settings";
import { readSpreadsheetState, runStateOf, writeStateEntry, type SpreadsheetState } from "./spreadsheet-state";

export interface RecalculationRequest {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  startedBy: StartedBy;
  /** "schedule" (Sheets: due at the settings' day and hour) or "local" (no schedule). */
  finality: "schedule" | "local";
  /** Final periods to restate. */
  restate?: Period[];
  /** Compute through this period (local runs). */
  throughPeriod?: Period | null;
  /** Time budget (default RUN_TIME_BUDGET_MS). */
  budgetMs?: number;
  /** Overrides the settings' language, and the plan's for the reviews (local runs). */
  language?: Language;
}

/** What a run did, JSON-safe (for the menu's message, the sidebar and the local runner). */
export interface RunSummary extends ProblemReport {
  runId: string;
  outcome: RunOutcome;
  startedBy: StartedBy;
  language: Language;
  periods: string[];
  madeFinal: string[];
  left: string[];
  rowsWritten: number;
  problemCount: number;
  /** How many of the problems are errors (rows left out), not warnings. */
  errorCount: number;
  /** Problems as `Sheet!A1: message` (at most MAX_SUMMARY_PROBLEMS). */
  problems: string[];
  changedFinal: string[];
  foreignSheets: string[];
  details: string[];
  dashboardPeriod: string | null;
  durationMs: number;
  /** Set when the run failed: the error's name (never its data). */
  error?: string;
}

const MAX_SUMMARY_PROBLEMS = 1000;

const SETUP: Record<OutputRole, SheetSetup> = {
  results: { frozenRows: 1, protectColumns: null, description: "Sales Scorecard: Results (computed)" },
  payouts: { frozenRows: 1, protectColumns: null, description: "Sales Scorecard: Payouts (computed)" },
  reviews: { frozenRows: 1, protectColumns: { first: 1, last: REVIEW_RUN_COLUMNS }, description: "Sales Scorecard: generated reviews" },
  dashboard: { frozenRows: 0, protectColumns: null, description: "Sales Scorecard: Dashboard (computed)" },
  runLog: { frozenRows: 1, protectColumns: null, description: "Sales Scorecard: Run log" },
  problems: { frozenRows: 1, protectColumns: null, description: "Sales Scorecard: Problems (computed)" },
};

/**
 * One line in the developer's logs: ids, codes and counts only.
 *
 * @example
 * logEvent({ event: "run", run: "m7q1x8-4k2j", outcome: "done", rows: 120 });
 */
export function logEvent(fields: Record<string, string | number | boolean | null>): void {
  console.log(JSON.stringify(fields));
}

function errorName(error: unknown): string {
  if (error !== null && typeof error === "object" && "name" in error) return String((error as { name: unknown }).name);
  return "Error";
}

/**
 * Runs a recalculation under the guard and logs it.
 *
 * @example
 * recalculate({ ss: SpreadsheetApp.getActiveSpreadsheet(), startedBy: "menu", finality: "schedule" }).outcome; // "done"
 */
export function recalculate(request: RecalculationRequest): RunSummary {
  const startedAt = Date.now();
  const runId = newRunId(startedAt);
  const ss = request.ss;
  const guard = acquireLease(ss, runId, startedAt, request.restate ?? []);
  if (!guard.ok) {
    const summary = refusedRun(ss, guard.state, runId, request.startedBy, startedAt);
    logEvent({ event: "run", run: runId, outcome: "already_running", reason: guard.reason });
    return summary;
  }
  const state = guard.state;
  const settings = settingsOf(state);
  try {
    const restate = [...(request.restate ?? []), ...guard.unfinishedRestatement];
    const summary = runUnderLease(ss, state, settings, { ...request, restate }, runId, startedAt);
    logEvent({ event: "run", run: runId, outcome: summary.outcome, periods: summary.periods.length, final: summary.madeFinal.length, rows: summary.rowsWritten, problems: summary.problemCount, ms: summary.durationMs });
    return summary;
  } catch (error) {
    logEvent({ event: "run", run: runId, outcome: "failed", error: errorName(error) });
    return failedRun(ss, settings, runId, request.startedBy, startedAt, error);
  } finally {
    releaseLease(ss, state);
  }
}

interface ReadOutputs {
  results: OutputSheet;
  payouts: OutputSheet;
  reviews: OutputSheet;
  dashboard: OutputSheet;
  runLog: OutputSheet;
  problems: OutputSheet;
}

function readOutputSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): ReadOutputs {
  const names = settings.sheets;
  return {
    results: inspectOutputSheet(ss, "results", names.results, { values: true }),
    payouts: inspectOutputSheet(ss, "payouts", names.payouts, { values: true }),
    reviews: inspectOutputSheet(ss, "reviews", names.reviews, { values: true }),
    dashboard: inspectOutputSheet(ss, "dashboard", names.dashboard, { values: false, charts: true }),
    runLog: inspectOutputSheet(ss, "runLog", names.runLog, { values: false }),
    problems: inspectOutputSheet(ss, "problems", names.problems, { values: false }),
  };
}

function runUnderLease(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  settings: Settings,
  request: RecalculationRequest,
  runId: string,
  startedAt: number,
): RunSummary {
  // ---- read
  const timeZone = ss.getSpreadsheetTimeZone();
  const language = request.language ?? runLanguage(settings, ss.getSpreadsheetLocale());
  const inputs = readInputSheets(ss, settings);
  const outputs = readOutputSheets(ss, settings);
  // ---- compute
  const budget = request.budgetMs ?? RUN_TIME_BUDGET_MS;
  const out = computeRun({
    now: startedAt,
    timeZone,
    language,
    settings,
    runState: runStateOf(state.run),
    finality: request.finality,
    restate: request.restate ?? [],
    throughPeriod: request.throughPeriod ?? null,
    reviewLanguage: request.language,
    grids: inputs.grids,
    planValues: inputs.plan.values,
    existing: { results: outputs.results.values, payouts: outputs.payouts.values, reviews: outputs.reviews.values },
    hasTime: () => Date.now() - startedAt < budget - Math.min(WRITE_RESERVE_MS, budget / 4),
    wallClock: spreadsheetWallClock(timeZone),
  });
  const foreign = Object.values(outputs).filter((o) => o.status === "foreign");
  const problems: Problem[] = [...out.problems, ...foreign.map((o) => problemAt(o.name, "A1", "foreign_output_sheet", { sheet: o.name }, "warning"))];
  // ---- write
  if (out.computed.length > 0) {
    writeTable(ss, outputs.results, out.results.columns, out.results, language);
    writeTable(ss, outputs.payouts, PAYOUT_COLUMNS, out.payouts, language);
    writeReviews(ss, outputs.reviews, out.reviews, language);
    writeDashboard(ss, outputs.dashboard, out.dashboard);
  }
  writeStateEntry(ss, state, "run", out.runState);
  const groups = groupProblems(problems);
  const problemsSheet = writeProblemsSheet(ss, outputs.problems, SETUP.problems, groups, language);
  const summary = { ...summaryOf(out, runId, request.startedBy, language, startedAt, problems, foreign.map((o) => o.name)), ...problemReport(problems, groups, language, problemsSheet) };
  appendRunLog(ss, outputs.runLog, {
    startedAt,
    startedBy: request.startedBy,
    periods: out.computed,
    madeFinal: out.madeFinal,
    rowsWritten: out.rowsWritten,
    outcome: out.outcome,
    durationMs: Date.now() - startedAt,
    problems,
    problemsSheet,
    details: out.details,
    runId,
  }, language);
  summary.durationMs = Date.now() - startedAt;
  return summary;
}

function summaryOf(out: RunOutputs, runId: string, startedBy: StartedBy, language: Language, startedAt: number, problems: Problem[], foreignSheets: string[]): RunSummary {
  return {
    ...NO_PROBLEM_REPORT,
    runId,
    outcome: out.outcome,
    startedBy,
    language,
    periods: out.computed,
    madeFinal: out.madeFinal,
    left: out.left,
    rowsWritten: out.rowsWritten,
    problemCount: problems.length,
    errorCount: problems.filter((p) => p.severity === "error").length,
    problems: problems.slice(0, MAX_SUMMARY_PROBLEMS).map((p) => formatProblem(p, language)),
    changedFinal: out.changedFinal,
    foreignSheets,
    details: out.details,
    dashboardPeriod: out.dashboard.period,
    durationMs: Date.now() - startedAt,
  };
}

// ---------------------------------------------------------------- sheet writes

function writeTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, out: OutputSheet, columns: readonly OutputColumn[], rows: FormattedRows, language: Language): void {
  const sheet = prepareOutputSheet(ss, out, SETUP[out.role]);
  if (!sheet) return;
  const header = headerBlock(columns);
  const values = [...header.values, ...rows.values];
  const formats = [...header.formats, ...rows.formats];
  const padded = padBlock(values, formats, Math.max(values.length, out.lastRow), Math.max(columns.length, out.lastColumn), "General");
  writeBlock(sheet, out, 1, 1, padded.values, padded.formats);
  writeHeaderNotes(sheet, 1, columns, language);
}

function writeReviews(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, out: OutputSheet, reviews: CellValue[][], language: Language): void {
  const existingHeader = out.values && out.values.length > 0 ? out.values[0].map(plainText) : [];
  const sheet = prepareOutputSheet(ss, out, SETUP.reviews);
  if (!sheet) return;
  writeBlock(sheet, out, 1, 1, reviews, reviews.map((row) => row.map(() => "@")));
  const peopleHeaders = headersOf(REVIEW_COLUMNS).slice(REVIEW_RUN_COLUMNS);
  if (peopleHeaders.some((h, i) => existingHeader[REVIEW_RUN_COLUMNS + i] !== h)) {
    writeBlock(sheet, out, 1, REVIEW_RUN_COLUMNS + 1, [peopleHeaders], [peopleHeaders.map(() => "@")]);
  }
  writeHeaderNotes(sheet, 1, REVIEW_COLUMNS, language);
}

function writeDashboard(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, out: OutputSheet, block: DashboardBlock): void {
  const sheet = prepareOutputSheet(ss, out, SETUP.dashboard);
  if (!sheet) return;
  const width = block.values[0].length;
  const padded = padBlock(block.values, block.formats, Math.max(block.values.length, out.lastRow), Math.max(width, out.lastColumn), "General");
  writeBlock(sheet, out, 1, 1, padded.values, padded.formats);
  for (const chart of out.charts) sheet.removeChart(chart);
  if (!block.chart) return;
  const tableFirstRow = 4;
  const rows = block.tableRows + 1;
  const chart = sheet
    .newChart()
    .asBarChart()
    .setTitle(block.chart.title)
    .addRange(sheet.getRange(tableFirstRow, block.chart.labelColumn, rows, 1))
    .addRange(sheet.getRange(tableFirstRow, block.chart.valueColumn, rows, 1))
    .setNumHeaders(1)
    .setPosition(1, width + 2, 0, 0)
    .build();
  sheet.insertChart(chart);
}

function appendRunLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, out: OutputSheet, entry: RunLogEntry, language: Language): void {
  const sheet = prepareOutputSheet(ss, out, SETUP.runLog);
  if (!sheet) return;
  const row = runLogRow(entry, new Date(entry.startedAt), language);
  const formats = RUN_LOG_COLUMNS.map((c) => c.format);
  if (out.lastRow === 0) {
    const header = headerBlock(RUN_LOG_COLUMNS);
    writeBlock(sheet, out, 1, 1, [...header.values, row], [...header.formats, formats]);
    writeHeaderNotes(sheet, 1, RUN_LOG_COLUMNS, language);
  } else {
    writeBlock(sheet, out, out.lastRow + 1, 1, [row], [formats]);
  }
  out.lastRow += out.lastRow === 0 ? 2 : 1;
}

// ---------------------------------------------------------------- refused and failed runs

function bareSummary(runId: string, outcome: RunOutcome, startedBy: StartedBy, language: Language, startedAt: number): RunSummary {
  return {
    ...NO_PROBLEM_REPORT,
    runId,
    outcome,
    startedBy,
    language,
    periods: [],
    madeFinal: [],
    left: [],
    rowsWritten: 0,
    problemCount: 0,
    errorCount: 0,
    problems: [],
    changedFinal: [],
    foreignSheets: [],
    details: [],
    dashboardPeriod: null,
    durationMs: Date.now() - startedAt,
  };
}

/**
 * Appends the Run log row of a run that did no work (refused or failed) and
 * answers the run's language.
 */
function logWorklessRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  entry: { runId: string; startedBy: StartedBy; startedAt: number; outcome: "already running" | "failed"; details: string[] },
): Language {
  const language = runLanguage(settings, ss.getSpreadsheetLocale());
  const runLog = inspectOutputSheet(ss, "runLog", settings.sheets.runLog, { values: false });
  appendRunLog(
    ss,
    runLog,
    { ...entry, periods: [], madeFinal: [], rowsWritten: 0, durationMs: Date.now() - entry.startedAt, problems: [] },
    language,
  );
  return language;
}

/**
 * Writes the Run log row of an action refused because another run holds the
 * spreadsheet; answers the language it used.
 *
 * @example
 * logRefusedAction(ss, null, "r-1", "sidebar", Date.now()); // "en"
 */
export function logRefusedAction(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: SpreadsheetState | null, runId: string, startedBy: StartedBy, startedAt: number): Language {
  const settings = settingsOf(state ?? readSpreadsheetState(ss));
  return logWorklessRun(ss, settings, { runId, startedBy, startedAt, outcome: "already running", details: [] });
}

function refusedRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: SpreadsheetState | null, runId: string, startedBy: StartedBy, startedAt: number): RunSummary {
  let language: Language = "en";
  try {
    language = logRefusedAction(ss, state, runId, startedBy, startedAt);
  } catch (error) {
    logEvent({ event: "run_log_failed", run: runId, error: errorName(error) });
  }
  return bareSummary(runId, "already running", startedBy, language, startedAt);
}

function failedRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, runId: string, startedBy: StartedBy, startedAt: number, error: unknown): RunSummary {
  let language: Language = "en";
  try {
    const details = [errorName(error) + ": " + String((error as { message?: unknown })?.message ?? "").slice(0, 500)];
    language = logWorklessRun(ss, settings, { runId, startedBy, startedAt, outcome: "failed", details });
  } catch (logError) {
    logEvent({ event: "run_log_failed", run: runId, error: errorName(logError) });
  }
  return { ...bareSummary(runId, "failed", startedBy, language, startedAt), error: errorName(error) };
}
