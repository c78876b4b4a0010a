/**
 * Private statements' work (see the README, Private statements): "Share
 * statements" creates or refreshes one statement per rep with an Email; a
 * recalculation that wrote periods refreshes the existing statements; the
 * schedule continues work a run left. Work runs under the run guard, within
 * the run's time budget, a statement at a time: before each one it checks
 * that the statement, then what must follow (replies into Reviews, the work
 * state, the Run log row), still fit. What does not fit is left in the work
 * state (the rep it continues after) for the next firing.
 *
 * Each batch reads the Reps sheet, the team's Results, Payouts and Reviews
 * and the statement index once, whatever the number of statements; then a
 * fixed number of calls per statement; then writes the replies it found
 * into Reviews' Rep reply column in one block.
 */
import type { Language } from "../core/plan-model";
import { readInputs } from "../tables/read-inputs";
import { plainText } from "../tables/sheet-text";
import { appendRunLog } from "./recalculation";
import { executionStart } from "./execution-start";
import { withRunGuard } from "./guarded-action";
import { inspectOutputSheet } from "./output-writer";
import { RUN_TIME_BUDGET_MS } from "./platform-limits";
import type { StartedBy } from "./run-log-row";
import { newRunId } from "./run-guard";
import { inputReadingOf, runLanguage, settingsOf, type Settings } from "./settings";
import { runStateOf, type SpreadsheetState } from "./spreadsheet-state";
import { spreadsheetWallClock } from "./spreadsheet-wall-clock";
import {
  indexTeamSheets,
  replyUpdates,
  statementContent,
  type ReplyUpdate,
  type StatementContent,
  type TeamSheets,
} from "./statement-rows";
import { createStatement, refreshStatement, shareStatement, STATEMENT_CALLS, statementTitle } from "./statement-sheets";
import {
  emailPrint,
  readStatementIndex,
  saveStatementIndex,
  saveStatementWork,
  statementWorkOf,
  type StatementWork,
} from "./statement-state";
import { addWork, TimeBudget, type WorkSize } from "./time-budget";

/** What a batch did and what is left, JSON-safe (menu message, sidebar, Run log). */
export interface StatementProgress {
  /** Work left for a later run: null when every statement is done. */
  left: "share" | "refresh" | null;
  /** Statements done and to do in the work under way (done = total once it ends). */
  done: number;
  total: number;
  created: number;
  refreshed: number;
  /** Replies copied from statements into Reviews by this batch. */
  replies: number;
  /** Statements that could not be opened or written (left for the next run). */
  failed: number;
  /** Statements the add-on keeps. */
  statements: number;
}

/** A rep a statement is for. */
interface StatementRep {
  key: string;
  id: string;
  name: string;
  email: string;
}

/** After this many statements fail in one batch it stops (the service is failing, not one file). */
const MAX_FAILURES = 3;

/** What follows the statements in a batch: replies into Reviews, the index, the work state. */
const BATCH_FINISH: WorkSize = { calls: 8, cells: 0 };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The reps a statement is for: an Email, and not left before today (Reps order). */
function statementReps(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, timeZone: string) {
  const sheet = ss.getSheetByName(settings.sheets.reps);
  const values = sheet ? sheet.getDataRange().getValues() : null;
  const wallClock = spreadsheetWallClock(timeZone);
  const today = wallClock(Date.now()).day;
  const none = { sheetName: "", values: null };
  const read = readInputs(
    { reps: { sheetName: settings.sheets.reps, values }, sales: none, targets: none, scores: none, adjustments: none },
    { wallClock, manualMetrics: new Set(), planMetrics: new Set(), ...inputReadingOf(settings, null) },
  );
  const reps: StatementRep[] = [];
  for (const rep of read.records.reps) {
    const email = rep.email.trim();
    if (!EMAIL.test(email) || (rep.end !== null && rep.end < today)) continue;
    reps.push({ key: rep.key, id: rep.id, name: rep.name, email });
  }
  return { reps, cells: values ? values.length * (values[0]?.length ?? 0) : 0 };
}

function readTeamSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): TeamSheets {
  const shown = (name: string) => ss.getSheetByName(name)?.getDataRange().getDisplayValues() ?? null;
  const reviews = ss.getSheetByName(settings.sheets.reviews);
  return {
    results: shown(settings.sheets.results),
    payouts: shown(settings.sheets.payouts),
    reviews: reviews ? reviews.getDataRange().getValues() : null,
  };
}

function cellsOf(values: readonly (readonly unknown[])[] | null): number {
  return values ? values.reduce((n, row) => n + row.length, 0) : 0;
}

/** Predicted size of one statement: its calls, and its cells written (and the review rows read back). */
function statementSize(content: StatementContent, create: boolean): WorkSize {
  const cells = cellsOf(content.results) + cellsOf(content.payouts) + 3 * (content.reviews.length + 1);
  return { calls: (create ? STATEMENT_CALLS.create : STATEMENT_CALLS.refresh) + 2, cells: 2 * cells };
}

/** The work a request leaves to do, from the work stored. */
function workFor(stored: StatementWork, ask: "share" | "refresh" | "continue"): StatementWork {
  // A share asked again while one is under way continues it.
  if (ask === "share")
    return stored.kind === "share" ? stored : { ...stored, kind: "share", after: "", again: false, done: 0, total: 0 };
  if (ask === "refresh") {
    if (stored.kind !== null) return { ...stored, again: true };
    // Nothing shared yet: nothing to refresh (and no index to read).
    if (stored.shared === 0) return stored;
    return { ...stored, kind: "refresh", after: "", done: 0, total: 0 };
  }
  return stored;
}

/**
 * Does statement work within a budget: `ask` "share" starts a share of
 * every rep's statement, "refresh" asks existing statements to be
 * refreshed (after a run that wrote periods), "continue" does what is left.
 * Answers null when there is nothing to do (no service call then).
 *
 * @example
 * statementBatch(ss, state, settings, budget, reserve, "share", "en", "UTC")?.done; // 40 of 200 in a first firing
 */
export function statementBatch(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  settings: Settings,
  budget: TimeBudget,
  reserve: WorkSize,
  ask: "share" | "refresh" | "continue",
  language: Language,
  timeZone: string,
): StatementProgress | null {
  let work = workFor(statementWorkOf(state), ask);
  if (work.kind === null) return null;
  const finalPeriods = new Set(Object.keys(runStateOf(state.run).final));
  const { reps } = budget.measure(
    () => statementReps(ss, settings, timeZone),
    (r) => ({ calls: 3, cells: r.cells }),
  );
  const team = budget.measure(
    () => readTeamSheets(ss, settings),
    (t) => ({ calls: 9, cells: cellsOf(t.results) + cellsOf(t.payouts) + cellsOf(t.reviews) }),
  );
  const index = budget.measure(
    () => readStatementIndex(ss),
    (i) => ({ calls: 5 + i.chunks.length, cells: 0 }),
  );
  const teamIndex = indexTeamSheets(team);
  const candidates = reps.filter((rep) => work.kind === "share" || index.entries.has(rep.key));
  const position = new Map(reps.map((rep, i) => [rep.key, i]));
  const afterAt = work.after === "" ? -1 : (position.get(work.after) ?? -1);
  let next = candidates.findIndex((rep) => (position.get(rep.key) ?? 0) > afterAt);
  if (next < 0) next = candidates.length;
  const progress: StatementProgress = {
    left: work.kind,
    done: next,
    total: candidates.length,
    created: 0,
    refreshed: 0,
    replies: 0,
    failed: 0,
    statements: index.entries.size,
  };
  const updates: ReplyUpdate[] = [];
  const finish = addWork(reserve, BATCH_FINISH, { calls: 0, cells: 2 * (team.reviews?.length ?? 0) });
  for (; next < candidates.length; next++) {
    const rep = candidates[next];
    const entry = index.entries.get(rep.key);
    const content = statementContent(team, teamIndex, rep.key, finalPeriods);
    const size = statementSize(content, !entry);
    if (!budget.fits(size, finish)) break;
    try {
      const replies = budget.measure(
        () => {
          if (!entry) {
            const made = createStatement(statementTitle(rep.name, rep.id, language), content, language);
            index.entries.set(rep.key, { id: made.id, email: emailPrint(rep.email) });
            saveStatementIndex(ss, index);
            shareStatement(SpreadsheetApp.openById(made.id), rep.email, false);
            progress.created++;
            return made.replies;
          }
          const statement = SpreadsheetApp.openById(entry.id);
          if (entry.email !== emailPrint(rep.email)) {
            shareStatement(statement, rep.email, true);
            index.entries.set(rep.key, { id: entry.id, email: emailPrint(rep.email) });
            saveStatementIndex(ss, index);
          }
          progress.refreshed++;
          return refreshStatement(statement, content, language);
        },
        () => size,
      );
      updates.push(...replyUpdates(replies, team, teamIndex, rep.key));
    } catch (error) {
      progress.failed++;
      console.log(JSON.stringify({ event: "statement_failed", rep: rep.id, error: errorName(error) }));
      if (progress.failed >= MAX_FAILURES) break;
    }
    work = { ...work, after: rep.key };
  }
  progress.replies = writeReplies(ss, settings, team, teamIndex.reviewColumns.reply, updates);
  progress.done = next;
  progress.statements = index.entries.size;
  const ended = next >= candidates.length;
  const after: StatementWork = ended
    ? work.again
      ? { ...work, kind: "refresh", after: "", again: false, done: 0, total: 0 }
      : { ...work, kind: null, after: "", again: false, done: next, total: candidates.length, finished: Date.now() }
    : { ...work, done: next, total: candidates.length };
  saveStatementWork(ss, state, { ...after, shared: index.entries.size });
  progress.left = after.kind;
  return progress;
}

function errorName(error: unknown): string {
  return error !== null && typeof error === "object" && "name" in error
    ? String((error as { name: unknown }).name)
    : "Error";
}

/**
 * Writes the replies found into Reviews' Rep reply column: one block from
 * the first to the last row changed (the rows between keep their values).
 * Answers how many replies were copied.
 */
function writeReplies(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  team: TeamSheets,
  replyColumn: number,
  updates: readonly ReplyUpdate[],
): number {
  if (updates.length === 0 || !team.reviews || replyColumn < 0) return 0;
  const sheet = ss.getSheetByName(settings.sheets.reviews);
  if (!sheet) return 0;
  const column = team.reviews.map((row) => plainText(row[replyColumn]));
  for (const update of updates) column[update.row] = update.reply;
  const first = Math.min(...updates.map((u) => u.row));
  const last = Math.max(...updates.map((u) => u.row));
  const range = sheet.getRange(first + 1, replyColumn + 1, last - first + 1, 1);
  range.setNumberFormat("@");
  range.setValues(column.slice(first, last + 1).map((reply) => [reply]));
  for (const update of updates) team.reviews[update.row][replyColumn] = update.reply;
  return updates.length;
}

/**
 * The Run log's line for a batch.
 *
 * @example
 * statementLine({ left: "share", done: 40, total: 200, created: 40, refreshed: 0, replies: 0, failed: 0, statements: 40 });
 * // "statements: 40 of 200 done (40 created, 0 refreshed, 0 replies copied to Reviews); the rest continue at the next run"
 */
export function statementLine(progress: StatementProgress): string {
  const counts = `${progress.created} created, ${progress.refreshed} refreshed, ${progress.replies} replies copied to Reviews`;
  const failed = progress.failed > 0 ? `, ${progress.failed} failed` : "";
  const rest = progress.left !== null ? "; the rest continue at the next run" : "";
  return `statements: ${progress.done} of ${progress.total} done (${counts}${failed})${rest}`;
}

/** What statement work run on its own answers: the progress (null: nothing to do), or busy. */
export type ShareOutcome = { ok: true; progress: StatementProgress | null } | { ok: false; reason: "already_running" };

/**
 * Runs statement work as its own run under the guard ("Share statements"
 * from the menu or the sidebar, or the schedule continuing work left), and
 * appends its Run log row.
 *
 * @example
 * runStatements(SpreadsheetApp.getActiveSpreadsheet(), "menu", "share"); // { ok: true, progress: { done: 40, total: 200, ... } }
 */
export function runStatements(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  startedBy: StartedBy,
  ask: "share" | "continue",
): ShareOutcome {
  const startedAt = Date.now();
  const outcome = withRunGuard(ss, startedBy, (state) => {
    const settings = settingsOf(state);
    const budget = new TimeBudget(executionStart(startedAt), RUN_TIME_BUDGET_MS);
    const timeZone = budget.measure(
      () => ss.getSpreadsheetTimeZone(),
      () => ({ calls: 1, cells: 0 }),
    );
    const language = runLanguage(settings, ss.getSpreadsheetLocale());
    const runLogReserve: WorkSize = { calls: 6, cells: 44 };
    const progress = statementBatch(ss, state, settings, budget, runLogReserve, ask, language, timeZone);
    if (progress) {
      const runLog = inspectOutputSheet(ss, "runLog", settings.sheets.runLog, { values: false });
      appendRunLog(
        ss,
        runLog,
        {
          startedAt,
          startedBy,
          periods: [],
          madeFinal: [],
          rowsWritten: 0,
          outcome: progress.left === null ? "done" : "continues",
          durationMs: Date.now() - startedAt,
          problems: [],
          details: [statementLine(progress)],
          runId: newRunId(startedAt),
        },
        language,
      );
    }
    return progress;
  });
  return outcome.ok ? { ok: true, progress: outcome.value } : { ok: false, reason: "already_running" };
}
