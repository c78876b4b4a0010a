/**
 * One Run log row: when, how started, periods, rows written, outcome,
 * duration, the input problems (their count, and their grouped lines in the
 * run's language, cut below the 50,000-character cell limit with an exact
 * count of what was cut, then where the full list is), details (a
 * restatement's changes, sheets left alone) and the run ID.
 */
import { fill } from "../core/localized-text";
import type { Language } from "../core/plan-model";
import { fullListLine, groupLine, groupProblems, moreGroupsLine } from "../core/problem-groups";
import type { Problem } from "../core/problems";
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
  /** The Problems sheet the run wrote every problem to; null (or absent) when it wrote none. */
  problemsSheet?: string | null;
  details: readonly string[];
  runId: string;
}

const MORE = {
  details: { en: "... and {n} more lines", zh: "……另有 {n} 行" },
} as const;

/**
 * Problems as grouped lines in one cell, below the cell limit: one line per
 * sheet, column, code and severity (a single problem as `<Sheet>!<A1>:
 * <message>`); when they do not all fit, "… and N more groups (M problems)"
 * with exact figures; then where the full list is.
 *
 * @example
 * problemListText([problemAt("Sales", "D14", "not_a_number", { column: "Amount", value: "x" })], "en", "Problems");
 * // 'Sales!D14: Amount "x" is not a number; the row is left out\nfull list: Problems sheet'
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function problemListText(
  problems: readonly Problem[],
  language: Language,
  problemsSheet: string | null = null,
  maxChars = PROBLEM_LIST_MAX_CHARS,
): string {
  if (problems.length === 0) return "";
  const groups = groupProblems(problems);
  // Problems in the groups from index i on, so the cut's line is exact whatever it leaves out.
  const fromIndex = new Array<number>(groups.length + 1).fill(0);
  for (let i = groups.length - 1; i >= 0; i--) fromIndex[i] = fromIndex[i + 1] + groups[i].problems.length;
  const tail = problemsSheet === null ? "" : "\n" + fullListLine(problemsSheet, language);
  const listed = cutLines(
    groups.map((g) => groupLine(g, language)),
    maxChars - tail.length,
    (n) => moreGroupsLine(n, fromIndex[groups.length - n], language),
  );
  return listed + tail;
}

/**
 * A list of periods as short text.
 *
 * @example
 * periodListText(["2026-01", "2026-02", "2026-Q1"]); // "2026-01, 2026-02, 2026-Q1"
 */
function periodListText(periods: readonly string[]): string {
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
    "Problem list": problemListText(entry.problems, language, entry.problemsSheet ?? null),
    Details: cutLines(entry.details, PROBLEM_LIST_MAX_CHARS, (n) => fill(MORE.details[language], { n })),
    "Run ID": entry.runId,
  };
  return RUN_LOG_COLUMNS.map((c) => cells[c.header]);
}
