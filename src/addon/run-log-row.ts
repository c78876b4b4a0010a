/**
 * One Run log row: when, how started, periods, rows written, outcome,
 * duration, the input problems (formatted in the run's language and cut
 * below the 50,000-character cell limit, with their count), details (a
 * restatement's changes, sheets left alone) and the run ID.
 */
import type { Language } from "../core/plan-model";
import { formatProblem, type Problem } from "../core/problems";
import { RUN_LOG_COLUMNS } from "../tables/output-columns";
import { cutLines, type CellValue } from "../tables/sheet-text";
import { PROBLEM_LIST_MAX_CHARS } from "./platform-limits";

export type StartedBy = "schedule" | "menu" | "sidebar" | "restate" | "setup" | "local";
export type RunOutcome = "done" | "continues" | "already running" | "nothing to do" | "failed";

export interface RunLogEntry {
  /** Epoch ms the run started. */
  startedAt: number;
  startedBy: StartedBy;
  periods: readonly string[];
  madeFinal: readonly string[];
  rowsWritten: number;
  outcome: RunOutcome;
  durationMs: number;
  problems: readonly Problem[];
  details: readonly string[];
  runId: string;
}

const MORE = {
  problems: { en: "... and {n} more problems", zh: "……另有 {n} 个问题" },
  details: { en: "... and {n} more lines", zh: "……另有 {n} 行" },
} as const;

/**
 * Problems as lines `<Sheet>!<A1>: <message>` in one cell, below the cell limit.
 *
 * @example
 * problemListText([problemAt("Sales", "D14", "not_a_number", { column: "Amount", value: "x" })], "en");
 * // 'Sales!D14: Amount "x" is not a number; the row is left out'
 */
export function problemListText(problems: readonly Problem[], language: Language, maxChars = PROBLEM_LIST_MAX_CHARS): string {
  return cutLines(
    problems.map((p) => formatProblem(p, language)),
    maxChars,
    (n) => MORE.problems[language].replace("{n}", String(n)),
  );
}

/**
 * A list of periods as short text.
 *
 * @example
 * periodListText(["2026-01", "2026-02", "2026-Q1"]); // "2026-01, 2026-02, 2026-Q1"
 */
export function periodListText(periods: readonly string[]): string {
  return periods.join(", ");
}

/**
 * The Run log row of a run, aligned with RUN_LOG_COLUMNS. `when` is a Date
 * made by the caller (in the script's realm).
 *
 * @example
 * runLogRow(entry, new Date(entry.startedAt), "en")[5]; // "done"
 */
export function runLogRow(entry: RunLogEntry, when: Date, language: Language): CellValue[] {
  const cells: Record<string, CellValue> = {
    When: when,
    "Started by": entry.startedBy,
    Periods: periodListText(entry.periods),
    "Made final": periodListText(entry.madeFinal),
    "Rows written": entry.rowsWritten,
    Outcome: entry.outcome,
    "Duration (s)": Math.round(entry.durationMs / 100) / 10,
    Problems: entry.problems.length,
    "Problem list": problemListText(entry.problems, language),
    Details: cutLines(entry.details, PROBLEM_LIST_MAX_CHARS, (n) => MORE.details[language].replace("{n}", String(n))),
    "Run ID": entry.runId,
  };
  return RUN_LOG_COLUMNS.map((c) => cells[c.header]);
}
