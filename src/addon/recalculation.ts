/**
 * A recalculation run (see the README): take the guard, read every
 * input sheet once and the output sheets it merges with once, compute, then
 * write each output sheet in one block, the run state, and the Run log row.
 * Nothing is read after the first sheet write, and the number of service
 * calls does not depend on the number of rows, reps or periods.
 *
 * The run times its own service calls and writes in steps (run-steps.ts):
 * Results, Dashboard, Payouts, Reviews, Problems. A run that would pass its
 * time budget stops between two steps and records the steps done; the next
 * run continues with the others, and the periods become final only once
 * every step is done.
 *
 * Order of writes, so that a run killed anywhere leaves nothing a rerun does
 * not repair: the steps, then the run state (which marks periods final, so
 * only after their rows are written), then the Run log row, then the lease
 * is given back.
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
import { comparePeriodCells, type FormattedRows } from "../tables/output-rows";
import { plainText, type CellValue } from "../tables/sheet-text";
import type { DashboardBlock } from "./dashboard-rows";
import { readInputSheets, releasedGrids } from "./input-grids";
import type { InputGrids } from "../tables/read-inputs";
import { executionStart } from "./execution-start";
import {
  headerBlock,
  inspectOutputSheet,
  inspectSize,
  padBlock,
  prepareOutputSheet,
  prepareSize,
  writeBlock,
  writeBlockSize,
  writeHeaderNotes,
  type BelowFinal,
  type InspectOptions,
  type OutputRole,
  type OutputSheet,
  type SheetSetup,
  unchangedRows,
} from "./output-writer";
import { formatRanges, wholeBlockRange, type FormatRange } from "./format-ranges";
import { FIRST_STEP_LIMIT_MS, RUN_TIME_BUDGET_MS } from "./platform-limits";
import { computeRun, type RunOutputs } from "./run-computation";
import { runWarehouseOf } from "./sales-source";
import { NO_PROBLEM_REPORT, problemReport, writeProblemsSheet, type ProblemReport } from "./problem-report";
import { runLogRow, type RunLogEntry, type RunOutcome, type StartedBy } from "./run-log-row";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import { inputReadingOf, runLanguage, settingsOf, type Settings } from "./settings";
import {
  CHART_CALLS,
  cyclePrint,
  cycleWork,
  estimateFirstWrite,
  finishSize,
  inputsPrint,
  inspections,
  planWork,
  STEPS,
  type MergedRole,
  type Step,
} from "./run-steps";
import {
  readSpreadsheetState,
  runStateOf,
  writeStateEntry,
  type OutputRecord,
  type RunState,
  type SpreadsheetState,
} from "./spreadsheet-state";
import { addWork, NO_WORK, TimeBudget, type WorkSize } from "./time-budget";
import { PROBLEM_COLUMNS } from "../tables/problem-rows";
import { recordApprovals } from "./approval-sheet";
import { statementBatch, statementLine } from "./statement-run";

export interface RecalculationRequest {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  startedBy: StartedBy;
  /** "schedule" (Sheets: due at the settings' day and hour) or "local" (no schedule). */
  finality: "schedule" | "local";
  /** Final periods to restate. */
  restate?: Period[];
  /** Months to approve, and who approves them as the Approvals sheet shows it (approval.ts). */
  approve?: { months: Period[]; by: string };
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
  reviews: {
    frozenRows: 1,
    protectColumns: { first: 1, last: REVIEW_RUN_COLUMNS },
    description: "Sales Scorecard: generated reviews",
  },
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
    logEvent({
      event: "run",
      run: runId,
      outcome: summary.outcome,
      periods: summary.periods.length,
      final: summary.madeFinal.length,
      rows: summary.rowsWritten,
      problems: summary.problemCount,
      ms: summary.durationMs,
    });
    return summary;
  } catch (error) {
    logEvent({ event: "run", run: runId, outcome: "failed", error: errorName(error) });
    return failedRun(ss, settings, runId, request.startedBy, startedAt, error);
  } finally {
    releaseLease(ss, state);
  }
}

type InspectedRole = MergedRole | "dashboard" | "problems" | "runLog";
type ReadOutputs = Partial<Record<Exclude<InspectedRole, "runLog">, OutputSheet>> & { runLog: OutputSheet };

/** Inspects the output sheets the planned steps need (and the Run log), learning what reads cost. */
function readOutputSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  steps: readonly Step[],
  records: Readonly<Record<string, OutputRecord>>,
  budget: TimeBudget,
  below: { step: Step; final: BelowFinal } | null,
): ReadOutputs {
  const names = settings.sheets;
  const read: Partial<Record<InspectedRole, OutputSheet>> = {};
  for (const [role, planned] of Object.entries(inspections(steps, records)) as [InspectedRole, InspectOptions][]) {
    const options = below?.step === role ? { ...planned, below: below.final } : planned;
    read[role] = budget.measure(
      () => inspectOutputSheet(ss, role, names[role], options),
      // Only an own sheet's calls are known exactly; others teach nothing.
      (out) =>
        out.status === "own" && out.id === options.knownId
          ? inspectSize(out.readBelow ? options : planned, out.cellsRead)
          : NO_WORK,
    );
  }
  return read as ReadOutputs;
}

const one = (): WorkSize => ({ calls: 1, cells: 0 });

function inputReadSize(read: ReturnType<typeof readInputSheets>): WorkSize {
  const grids = [...Object.values(read.grids), read.plan];
  return { calls: grids.reduce((n, grid) => n + (grid.values ? 3 : 1), 0), cells: read.cellsRead };
}

/** The input grids, left to computeRun alone (which lets them go once parsed): the run keeps no other reference. */
function takeGrids(inputs: ReturnType<typeof readInputSheets>): InputGrids {
  const grids = inputs.grids;
  inputs.grids = releasedGrids(grids);
  return grids;
}

function runUnderLease(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  settings: Settings,
  request: RecalculationRequest,
  runId: string,
  startedAt: number,
): RunSummary {
  const budget = new TimeBudget(executionStart(startedAt), request.budgetMs ?? RUN_TIME_BUDGET_MS);
  // ---- read
  const timeZone = budget.measure(() => ss.getSpreadsheetTimeZone(), one);
  const locale = budget.measure(() => ss.getSpreadsheetLocale(), one);
  const language = request.language ?? runLanguage(settings, locale);
  const inputs = budget.measure(() => readInputSheets(ss, settings), inputReadSize);
  const wallClock = spreadsheetWallClock(timeZone);
  // Sales in a BigQuery table: read now, within half the budget; not timed into the budget's per-call cost.
  const warehouse = runWarehouseOf(
    settings,
    timeZone,
    inputs.grids,
    { wallClock, manualMetrics: new Set(), planMetrics: new Set(), ...inputReadingOf(settings, locale) },
    budget,
    () => Date.now(),
  );
  if (warehouse)
    logEvent({
      event: "warehouse",
      run: runId,
      ok: warehouse.ok,
      ...(warehouse.ok
        ? { calls: warehouse.calls, bytes: warehouse.bytesProcessed, months: warehouse.aggregates.months.length }
        : { problem: warehouse.problem.code }),
    });
  const runStateIn = runStateOf(state.run);
  const records = runStateIn.sheets ?? {};
  const print = inputsPrint({
    grids: inputs.grids,
    plan: inputs.plan.values,
    settings,
    language,
    timeZone,
    reviewLanguage: request.language ?? null,
    // What the table gave (not how many calls it took): a cycle restarts when the table's sums change.
    warehouse: warehouse === undefined ? null : warehouse.ok ? warehouse.aggregates : warehouse.problem,
  });
  const work = cycleWork(runStateIn, print, request.restate ?? []);
  const runLogRecord = records.runLog;
  // Results and Payouts are read whole unless that leaves no time to write them: then only below their final
  // periods' rows, which no run rewrites but a restatement (its periods are then no longer final).
  const keptFinal = new Set(Object.keys(runStateIn.final).filter((p) => !work.restate.includes(p)));
  const plannedWork = planWork(
    work.remaining,
    budget,
    records,
    finishSize({ own: runLogRecord !== undefined, full: false }),
    FIRST_STEP_LIMIT_MS,
    work.restate.length === 0 ? ["results", "payouts"] : [],
  );
  const planned = plannedWork.steps;
  const below = plannedWork.below
    ? {
        step: plannedWork.below,
        final: {
          periods: keptFinal,
          header: plannedWork.below === "payouts" ? headersOf(PAYOUT_COLUMNS) : null,
          fyStart: runStateIn.fy,
        },
      }
    : null;
  const outputs = readOutputSheets(ss, settings, planned, records, budget, below);
  const runLog = outputs.runLog;
  const finish = finishSize({ own: runLog.status === "own", full: runLog.lastRow + 1 > runLog.maxRows });
  // ---- compute
  const out = computeRun({
    now: startedAt,
    timeZone,
    locale,
    language,
    settings,
    runState: { ...runStateIn, pending: work.pending },
    finality: request.finality,
    restate: work.restate,
    approve: request.approve?.months,
    throughPeriod: request.throughPeriod ?? null,
    reviewLanguage: request.language,
    grids: takeGrids(inputs),
    planValues: inputs.plan.values,
    existing: {
      results: outputs.results?.values ?? null,
      payouts: outputs.payouts?.values ?? null,
      reviews: outputs.reviews?.values ?? null,
    },
    hasTime: work.continuing ? () => true : computeTime(budget, planned, records, finish),
    wallClock,
    warehouse,
  });
  // Which periods' reviews were generated: the others were left as the sheet holds them (review-prints.ts).
  logEvent({ event: "reviews", run: runId, generated: out.reviewsGenerated, periods: out.reviewPeriods.join(",") });
  const foreign = Object.values(outputs).filter((o) => o.status === "foreign");
  const problems: Problem[] = [
    ...out.problems,
    ...foreign.map((o) => problemAt(o.name, "A1", "foreign_output_sheet", { sheet: o.name }, "warning")),
  ];
  const groups = groupProblems(problems);
  // ---- write, a step at a time
  const attempted = out.plan.compute.filter((p) => !out.left.includes(p));
  const fullPrint = cyclePrint(print, new Set(attempted.filter((p) => out.plan.becomeFinal.has(p))));
  const continued = work.continuing && work.cycle!.inputs === fullPrint;
  const done = new Set<string>(continued ? work.cycle!.done : []);
  // The chart is drawn from the Dashboard the cycle wrote (its step needs no Results read).
  const wantedChart = continued && done.has("dashboard") ? work.cycle!.chart : chartSignature(out.dashboard);
  // A run with no period to write has only its problems to write.
  if (out.computed.length === 0) for (const step of STEPS) if (step !== "problems") done.add(step);
  const newRecords: Record<string, OutputRecord> = { ...records };
  let problemsSheet: string | null = null;
  let stoppedBefore: Step | null = null;
  let partWritten: { step: Step; rows: number } | null = null;
  const stepsRun: Step[] = [];
  for (const step of STEPS) {
    if (done.has(step)) continue;
    const limit = stepsRun.length === 0 ? FIRST_STEP_LIMIT_MS : budget.budgetMs;
    const planWrite = planned.includes(step)
      ? stepWrite(step, ss, outputs, out, groups, language, records, wantedChart)
      : null;
    // A sheet read below its final rows whose rows the run would move above them is read whole next time.
    if (planned.includes(step) && !planWrite && outputs[step as MergedRole]?.readBelow)
      recordSheet(newRecords, outputs[step as MergedRole], { tail: undefined });
    let write = planWrite;
    while (write?.fallback && !budget.fits(write.size, finish, limit)) write = write.fallback;
    if (!write || !budget.fits(write.size, finish, limit)) {
      stoppedBefore = step;
      const part = planWrite?.part?.((size) => budget.fits(size, finish, limit));
      if (part) {
        budget.measure(
          () => part.write.run(),
          () => part.write.size,
        );
        partWritten = { step, rows: part.rows };
        recordSheet(newRecords, outputs[step as MergedRole], part.write.record);
      }
      break;
    }
    const result = budget.measure(
      () => write.run(),
      () => write.size,
    );
    if (step === "problems") problemsSheet = result ?? null;
    const written =
      step === "problems"
        ? outputs.problems
        : step === "dashboard" || step === "chart"
          ? outputs.dashboard
          : outputs[step];
    recordSheet(newRecords, written, write.record);
    done.add(step);
    stepsRun.push(step);
  }
  const complete = STEPS.every((step) => done.has(step));
  const later = work.continuing ? work.cycle!.later : out.left;
  if (runLog.status === "own" || runLog.status === "adopt" || runLog.status === "missing")
    newRecords.runLog = { id: runLog.id ?? -1, cells: 0, notes: "", chart: "" };
  const runState: RunState = complete
    ? { ...out.runState, pending: later.length > 0 ? later : null, cycle: null, sheets: newRecords }
    : {
        ...runStateIn,
        reviews: out.runState.reviews,
        start: out.runState.start,
        fy: out.runState.fy,
        changed: out.runState.changed,
        lastRun: out.runState.lastRun,
        pending: attempted.length > 0 ? attempted : runStateIn.pending,
        cycle: {
          periods: attempted,
          done: [...done],
          inputs: fullPrint,
          later,
          restate: work.restate,
          chart: wantedChart,
        },
        sheets: newRecords,
      };
  // Recorded before the run state makes them final: a run killed in between leaves a record, never a silent approval.
  const approvalLines = complete
    ? recordApprovals(
        ss,
        {
          approved: out.approved,
          reopened: out.reopened,
          results: { header: headersOf(out.results.columns), values: out.results.values },
        },
        { by: request.approve?.by ?? "", at: startedAt, problems: problems.length, language },
      )
    : [];
  writeStateEntry(ss, state, "run", runState);
  // Private statements: refreshed once a run has written its periods, else continued (statement-run.ts).
  const ask = out.computed.length > 0 ? "refresh" : "continue";
  const statements = complete ? statementBatch(ss, state, settings, budget, finish, ask, language, timeZone) : null;
  const outcome: RunOutcome = complete && later.length === 0 && !statements?.left ? out.outcome : "continues";
  const details = [
    ...out.details,
    ...approvalLines,
    ...(statements ? [statementLine(statements)] : []),
    ...(stoppedBefore && stepsRun.length === 0 && !partWritten
      ? [`checkpoint: no time for ${stoppedBefore} (${Math.round(budget.elapsed() / 1000)} s used)`]
      : []),
    ...(partWritten ? [`checkpoint: ${partWritten.step} written to row ${partWritten.rows}`] : []),
  ];
  const base = summaryOf(
    out,
    runId,
    request.startedBy,
    language,
    startedAt,
    problems,
    foreign.map((o) => o.name),
  );
  const summary = {
    ...base,
    outcome,
    madeFinal: complete ? out.madeFinal : [],
    left: complete ? later : [...attempted, ...later],
    rowsWritten: stepsRun.includes("results") ? out.rowsWritten : 0,
    details,
    ...problemReport(problems, groups, language, problemsSheet),
  };
  appendRunLog(
    ss,
    outputs.runLog,
    {
      startedAt,
      startedBy: request.startedBy,
      periods: out.computed,
      madeFinal: summary.madeFinal,
      rowsWritten: summary.rowsWritten,
      outcome,
      durationMs: Date.now() - startedAt,
      problems,
      problemsSheet,
      details,
      runId,
    },
    language,
  );
  summary.durationMs = Date.now() - startedAt;
  return summary;
}

/** Records what a step wrote of an own sheet in the run state's records of its sheets. */
function recordSheet(
  records: Record<string, OutputRecord>,
  written: OutputSheet | undefined,
  record: Partial<Omit<OutputRecord, "id">>,
): void {
  if (written?.status !== "own") return;
  const before = records[written.role];
  const blank: OutputRecord = { id: -1, cells: 0, notes: "", chart: "" };
  records[written.role] = { ...blank, ...before, ...record, id: written.id ?? before?.id ?? -1 };
}

/**
 * Whether computing may go on to another period: the slowest period so far
 * again, then the first planned step and the finish, must still end by the
 * first step's limit. With no step planned, the period must end within the
 * budget; with one, it may pass the budget as the first step may: a period
 * left out now starts a cycle of its own later, every sheet written again
 * (when slow reads fill the budget, a month's run would take two cycles).
 */
function computeTime(
  budget: TimeBudget,
  planned: readonly Step[],
  records: Readonly<Record<string, OutputRecord>>,
  finish: WorkSize,
): () => boolean {
  let last = Date.now();
  let slowest = 0;
  const firstStep = estimateFirstWrite(planned, records, budget, finish, FIRST_STEP_LIMIT_MS);
  return () => {
    const now = Date.now();
    slowest = Math.max(slowest, now - last);
    last = now;
    return (
      budget.elapsed() + slowest <= (planned.length > 0 ? FIRST_STEP_LIMIT_MS : budget.budgetMs) &&
      budget.elapsed() + slowest + budget.predict(addWork(firstStep, finish)) <= FIRST_STEP_LIMIT_MS
    );
  };
}

function summaryOf(
  out: RunOutputs,
  runId: string,
  startedBy: StartedBy,
  language: Language,
  startedAt: number,
  problems: Problem[],
  foreignSheets: string[],
): RunSummary {
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

/** One write step, ready: its predicted size, the write, and what the run state records of the sheet after it. */
interface StepWrite {
  size: WorkSize;
  run: () => string | null | undefined;
  record: Partial<Omit<OutputRecord, "id">>;
  /**
   * The same sheet written another way, for when this one does not fit: in
   * fewer calls (number formats as one grid), so that a step fits a run whose
   * calls are slow; or only the rows below those the sheet already holds as
   * they are, so that a step fits a run whose cells are slow.
   */
  fallback?: StepWrite;
  /**
   * When no way fits: the next rows the sheet lacks, as many as `fits`
   * allows, and the row they reach (null when not even one row fits). A
   * part-written sheet is progress the next run keeps: it reads those rows
   * as already there. Offered only when the rows left to write, on the sheet
   * and in the block, are all of periods this run recomputes: the next run
   * then merges with the same rows as this one.
   */
  part?: (fits: (size: WorkSize) => boolean) => { write: StepWrite; rows: number } | null;
}

function stepWrite(
  step: Step,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  outputs: ReadOutputs,
  out: RunOutputs,
  groups: ReturnType<typeof groupProblems>,
  language: Language,
  records: Readonly<Record<string, OutputRecord>>,
  wantedChart: string,
): StepWrite | null {
  switch (step) {
    case "results":
      return outputs.results
        ? tableWrite(ss, outputs.results, out.results.columns, out.results, language, records.results, out)
        : null;
    case "payouts":
      return outputs.payouts
        ? tableWrite(ss, outputs.payouts, PAYOUT_COLUMNS, out.payouts, language, records.payouts, out)
        : null;
    case "reviews":
      return outputs.reviews ? reviewsWrite(ss, outputs.reviews, out.reviews, language, records.reviews) : null;
    case "dashboard":
      return outputs.dashboard ? dashboardWrite(ss, outputs.dashboard, out.dashboard) : null;
    case "chart":
      return outputs.dashboard ? chartWrite(ss, outputs.dashboard, wantedChart, records.dashboard) : null;
    case "problems":
      return outputs.problems ? problemsWrite(ss, outputs.problems, groups, language) : null;
  }
}

/** Whether a sheet's header notes must be written: unless the sheet was ours, with the same header, and its notes are in this language. */
function needsNotes(
  out: OutputSheet,
  headers: readonly string[],
  language: Language,
  record: OutputRecord | undefined,
): boolean {
  const existing = out.values && out.values.length > 0 ? out.values[0].map(plainText) : [];
  return !(out.status === "own" && record?.notes === language && headers.every((h, i) => existing[i] === h));
}

function setupCalls(out: OutputSheet): WorkSize {
  return { calls: prepareSize(out, SETUP[out.role]), cells: 0 };
}

function tableWrite(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  columns: readonly OutputColumn[],
  rows: FormattedRows,
  language: Language,
  record: OutputRecord | undefined,
  run: Pick<RunOutputs, "computed" | "fyStart">,
): StepWrite | null {
  const computed = run.computed;
  const header = headerBlock(columns);
  const values = [...header.values, ...rows.values];
  const formats = [...header.formats, ...rows.formats];
  // Read below its final periods' rows, the sheet keeps those rows above the block's (see belowHolds).
  const skipped = out.skipped;
  if (out.readBelow && !belowHolds(out, values, computed, run.fyStart)) return null;
  const padded = padBlock(
    values,
    formats,
    Math.max(values.length, out.lastRow - skipped),
    Math.max(columns.length, out.lastColumn),
    "General",
  );
  const notes = needsNotes(
    out,
    columns.map((c) => c.header),
    language,
    record,
  );
  const width = padded.values[0]?.length ?? 0;
  const total = padded.values.length;
  const sheetRow = (blockRow: number) => blockRow + 1 + (blockRow > 0 ? skipped : 0);
  const sheetRecord = {
    cells: (skipped + total) * width,
    tail: belowReadCells(padded.values, new Set<string>(computed), skipped),
    notes: notes ? language : (record?.notes ?? ""),
    chart: "",
  };
  // The rows from `from` to `to`, formats by `ranges` (relative to row `from`).
  const rowsFrom = (from: number, ranges: readonly FormatRange[], to = total): StepWrite => ({
    size:
      out.status === "foreign"
        ? NO_WORK
        : addWork(
            setupCalls(out),
            writeBlockSize(out, sheetRow(from), 1, to - from, width, ranges),
            notes ? { calls: 2, cells: columns.length } : NO_WORK,
          ),
    record: sheetRecord,
    run: () => {
      const sheet = prepareOutputSheet(ss, out, SETUP[out.role]);
      if (!sheet) return;
      const whole = from === 0 && to === total;
      const values = whole ? padded.values : padded.values.slice(from, to);
      const blockFormats = whole ? padded.formats : padded.formats.slice(from, to);
      writeBlock(sheet, out, sheetRow(from), 1, values, blockFormats, ranges);
      if (notes) writeHeaderNotes(sheet, 1, columns, language);
    },
  });
  // Rows the sheet already holds as they are (a month's run changes the rows of its periods, sorted last).
  const kept = out.status === "own" ? unchangedRows(padded.values, out.values) : 0;
  // Rows skipped above the block: only writes below the header, which is then as the block's.
  if (skipped > 0 && kept === 0) return null;
  const whole =
    skipped > 0 ? [] : [rowsFrom(0, formatRanges(padded.formats)), rowsFrom(0, wholeBlockRange(padded.formats))];
  const tail = padded.formats.slice(kept);
  const ways =
    kept === 0 ? whole : [...whole, rowsFrom(kept, formatRanges(tail)), rowsFrom(kept, wholeBlockRange(tail))];
  const first = withFallbacks(ways);
  // Part of the rows may be left for the next run only when it will read the same rows as kept (see partWrite).
  const recomputed = new Set<string>(computed);
  const onlyRecomputed = (rows: readonly (readonly unknown[])[]) =>
    onlyPeriodsFrom(rows, Math.max(kept, 1), recomputed);
  if (!onlyRecomputed(padded.values) || !(out.values === null || onlyRecomputed(out.values))) return first;
  return {
    ...first,
    part: (fits) => {
      // The rows down to `to`, by format ranges or as a formats grid, whichever fits (null: neither).
      const rowsTo = (to: number): StepWrite | null => {
        const formats = padded.formats.slice(kept, to);
        const ranges = rowsFrom(kept, formatRanges(formats), to);
        if (fits(ranges.size)) return ranges;
        const grid = rowsFrom(kept, wholeBlockRange(formats), to);
        return fits(grid.size) ? grid : null;
      };
      let fitting: StepWrite | null = null;
      let reach = kept;
      for (let low = kept + 1, high = total; low <= high; ) {
        const middle = Math.floor((low + high) / 2);
        const write = rowsTo(middle);
        if (write) [fitting, reach, low] = [write, middle, middle + 1];
        else high = middle - 1;
      }
      return fitting ? { write: { ...fitting, record: first.record }, rows: reach + skipped } : null;
    },
  };
}

/**
 * Whether a block written below the rows a sheet read skipped (rows of final
 * periods, in period order) makes the sheet a whole read and write would:
 * the run recomputed none of their periods, and the block's first row sorts
 * after the last of them, as every later row of the block does.
 */
function belowHolds(
  out: OutputSheet,
  block: readonly (readonly CellValue[])[],
  computed: readonly Period[],
  fyStart: number,
): boolean {
  if (out.skipped === 0) return true;
  if (fyStart !== out.skippedFyStart || computed.some((period) => out.skippedPeriods.has(period))) return false;
  const period = block[0].indexOf("Period");
  return block.length < 2 || (period >= 0 && comparePeriodCells(out.lastSkipped, block[1][period], fyStart) < 0);
}

/**
 * Cells the next run reads of a sheet below its final periods' rows, if this
 * block's recomputed rows stay the last ones not final: the header, the
 * Period column, and the rows from the first of a recomputed period down.
 */
function belowReadCells(block: readonly (readonly CellValue[])[], computed: ReadonlySet<string>, skipped: number) {
  const width = block[0]?.length ?? 0;
  const period = width > 0 ? block[0].indexOf("Period") : -1;
  let first = 1;
  while (first < block.length && !(period >= 0 && computed.has(plainText(block[first][period]).trim()))) first++;
  return width + skipped + block.length - 1 + (block.length - first) * width;
}

/**
 * Whether every row from `from` on is blank in its Period column or of a
 * period in `periods` (a table's header row first; without a Period column,
 * false).
 */
function onlyPeriodsFrom(rows: readonly (readonly unknown[])[], from: number, periods: ReadonlySet<string>): boolean {
  const period = rows.length > 0 ? rows[0].indexOf("Period") : -1;
  if (period < 0) return rows.length <= from;
  for (let r = from; r < rows.length; r++) {
    const text = plainText(rows[r][period] as CellValue).trim();
    if (text !== "" && !periods.has(text)) return false;
  }
  return true;
}

/**
 * Ways of doing one write, the first preferred, each the next one's
 * fallback: all record the calls of the first (by format ranges), so that
 * the next run can predict it (run-steps.ts).
 */
function withFallbacks(ways: readonly StepWrite[]): StepWrite {
  const record = { ...ways[0].record, calls: ways[0].size.calls };
  return ways.reduceRight<StepWrite | undefined>((next, way) => ({ ...way, record, fallback: next }), undefined)!;
}

function reviewsWrite(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  reviews: CellValue[][],
  language: Language,
  record: OutputRecord | undefined,
): StepWrite {
  const existingHeader = out.values && out.values.length > 0 ? out.values[0].map(plainText) : [];
  const peopleHeaders = headersOf(REVIEW_COLUMNS).slice(REVIEW_RUN_COLUMNS);
  const writeHeaders = peopleHeaders.some((h, i) => existingHeader[REVIEW_RUN_COLUMNS + i] !== h);
  const notes = needsNotes(out, headersOf(REVIEW_COLUMNS), language, record);
  const width = reviews[0]?.length ?? 0;
  const textOnly = [{ row: 0, column: 0, rows: reviews.length, columns: width, format: "@" }];
  const size =
    out.status === "foreign"
      ? NO_WORK
      : addWork(
          setupCalls(out),
          writeBlockSize(out, 1, 1, reviews.length, width, textOnly),
          writeHeaders ? { calls: 3, cells: peopleHeaders.length } : NO_WORK,
          notes ? { calls: 2, cells: REVIEW_COLUMNS.length } : NO_WORK,
        );
  return {
    size,
    record: {
      cells: reviews.length * REVIEW_COLUMNS.length,
      calls: size.calls,
      notes: notes ? language : (record?.notes ?? ""),
      chart: "",
    },
    run: () => {
      const sheet = prepareOutputSheet(ss, out, SETUP.reviews);
      if (!sheet) return;
      writeBlock(sheet, out, 1, 1, reviews, [], textOnly);
      if (writeHeaders)
        writeBlock(sheet, out, 1, REVIEW_RUN_COLUMNS + 1, [peopleHeaders], [peopleHeaders.map(() => "@")]);
      if (notes) writeHeaderNotes(sheet, 1, REVIEW_COLUMNS, language);
    },
  };
}

/** The chart a Dashboard block asks for: what it is drawn from, as a signature ("" for none). */
interface ChartSpec {
  labelColumn: number;
  valueColumn: number;
  title: string;
  /** Rows of the leaderboard, its header included. */
  rows: number;
  /** Columns of the block (the chart sits right of them). */
  width: number;
}

function chartSignature(block: DashboardBlock): string {
  if (!block.chart) return "";
  const spec: ChartSpec = { ...block.chart, rows: block.tableRows + 1, width: block.values[0].length };
  return JSON.stringify(spec);
}

function dashboardWrite(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  block: DashboardBlock,
): StepWrite {
  const width = block.values[0].length;
  const padded = padBlock(
    block.values,
    block.formats,
    Math.max(block.values.length, out.lastRow),
    Math.max(width, out.lastColumn),
    "General",
  );
  const withRanges = (ranges: readonly FormatRange[]): StepWrite => ({
    size:
      out.status === "foreign"
        ? NO_WORK
        : addWork(setupCalls(out), writeBlockSize(out, 1, 1, padded.values.length, padded.values[0].length, ranges)),
    record: { cells: padded.values.length * padded.values[0].length },
    run: () => {
      const sheet = prepareOutputSheet(ss, out, SETUP.dashboard);
      if (sheet) writeBlock(sheet, out, 1, 1, padded.values, padded.formats, ranges);
    },
  });
  return withFallbacks([withRanges(formatRanges(padded.formats)), withRanges(wholeBlockRange(padded.formats))]);
}

/** The Dashboard chart: it reads its ranges live, so it is rebuilt only when it would change. */
function chartWrite(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  wanted: string,
  record: OutputRecord | undefined,
): StepWrite {
  const keep = out.status === "own" && record?.chart === wanted && out.charts.length === (wanted ? 1 : 0);
  const size =
    out.status === "foreign" || keep
      ? NO_WORK
      : addWork(setupCalls(out), { calls: out.charts.length + (wanted ? CHART_CALLS : 0), cells: 0 });
  return {
    size,
    record: { chart: wanted },
    run: () => {
      if (keep) return;
      const sheet = prepareOutputSheet(ss, out, SETUP.dashboard);
      if (sheet) insertDashboardChart(sheet, out, wanted ? (JSON.parse(wanted) as ChartSpec) : null);
    },
  };
}

function insertDashboardChart(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  out: OutputSheet,
  spec: ChartSpec | null,
): void {
  for (const chart of out.charts) sheet.removeChart(chart);
  if (!spec) return;
  const tableFirstRow = 4;
  const chart = sheet
    .newChart()
    .asBarChart()
    .setTitle(spec.title)
    .addRange(sheet.getRange(tableFirstRow, spec.labelColumn, spec.rows, 1))
    .addRange(sheet.getRange(tableFirstRow, spec.valueColumn, spec.rows, 1))
    .setNumHeaders(1)
    .setPosition(1, spec.width + 2, 0, 0)
    .build();
  sheet.insertChart(chart);
}

function problemsWrite(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  groups: ReturnType<typeof groupProblems>,
  language: Language,
): StepWrite {
  const rows = Math.max(1 + groups.reduce((n, g) => n + g.problems.length, 0), out.lastRow);
  const columns = Math.max(PROBLEM_COLUMNS.length, out.lastColumn);
  const size =
    out.status === "foreign"
      ? NO_WORK
      : addWork(setupCalls(out), writeBlockSize(out, 1, 1, rows, columns, null), { calls: 2, cells: columns });
  return {
    size,
    record: { cells: rows * columns, notes: language, chart: "" },
    run: () => writeProblemsSheet(ss, out, SETUP.problems, groups, language),
  };
}

/**
 * Appends a run's row to the Run log (with the header when the sheet is new).
 *
 * @example
 * appendRunLog(ss, inspectOutputSheet(ss, "runLog", "Run log", { values: false }), entry, "en");
 */
export function appendRunLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  entry: RunLogEntry,
  language: Language,
): void {
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

function bareSummary(
  runId: string,
  outcome: RunOutcome,
  startedBy: StartedBy,
  language: Language,
  startedAt: number,
): RunSummary {
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
  entry: {
    runId: string;
    startedBy: StartedBy;
    startedAt: number;
    outcome: "already running" | "failed";
    details: string[];
  },
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
export function logRefusedAction(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState | null,
  runId: string,
  startedBy: StartedBy,
  startedAt: number,
): Language {
  const settings = settingsOf(state ?? readSpreadsheetState(ss));
  return logWorklessRun(ss, settings, { runId, startedBy, startedAt, outcome: "already running", details: [] });
}

function refusedRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState | null,
  runId: string,
  startedBy: StartedBy,
  startedAt: number,
): RunSummary {
  let language: Language = "en";
  try {
    language = logRefusedAction(ss, state, runId, startedBy, startedAt);
  } catch (error) {
    logEvent({ event: "run_log_failed", run: runId, error: errorName(error) });
  }
  return bareSummary(runId, "already running", startedBy, language, startedAt);
}

function failedRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  runId: string,
  startedBy: StartedBy,
  startedAt: number,
  error: unknown,
): RunSummary {
  let language: Language = "en";
  try {
    const details = [errorName(error) + ": " + String((error as { message?: unknown })?.message ?? "").slice(0, 500)];
    language = logWorklessRun(ss, settings, { runId, startedBy, startedAt, outcome: "failed", details });
  } catch (logError) {
    logEvent({ event: "run_log_failed", run: runId, error: errorName(logError) });
  }
  return { ...bareSummary(runId, "failed", startedBy, language, startedAt), error: errorName(error) };
}
