/**
 * A run's problems as the run reports them: every problem on the Problems
 * sheet (one row each, one block written per run), and the grouped lines in
 * the run's summary for the menu, the sidebar and `npm start`, with counts
 * that equal the Run log's.
 */
import type { Language } from "../core/plan-model";
import { groupLine, problemsInGroupOrder, type ProblemGroup } from "../core/problem-groups";
import { formatProblem, type Problem, type Severity } from "../core/problems";
import { PROBLEM_COLUMNS, problemSheetBlock } from "../tables/problem-rows";
import {
  padBlock,
  prepareOutputSheet,
  writeBlock,
  writeHeaderNotes,
  type OutputSheet,
  type SheetSetup,
} from "./output-writer";

/** One grouped line of a run's summary, with what it stands for. */
interface SummaryProblemGroup {
  line: string;
  /** Problems the line stands for. */
  problems: number;
  severity: Severity;
}

/** What a run's summary says about its problems (JSON-safe). */
export interface ProblemReport {
  /** Every problem the run found: the Run log's Problems column. */
  problemCount: number;
  /** Of which errors (the rest are warnings). */
  errorCount: number;
  /** Problems as `Sheet!A1: message`, in the order found (at most MAX_SUMMARY_PROBLEMS). */
  problems: string[];
  /** Grouped lines, errors first (at most MAX_SUMMARY_GROUPS). */
  problemGroups: SummaryProblemGroup[];
  /** Every grouped line, including those past `problemGroups`. */
  problemGroupCount: number;
  /** The sheet listing every problem, or null when the run wrote none (a sheet of that name is not the add-on's). */
  problemsSheet: string | null;
}

const MAX_SUMMARY_PROBLEMS = 1000;
const MAX_SUMMARY_GROUPS = 1000;

/** The report of a run that read no input. */
export const NO_PROBLEM_REPORT: ProblemReport = {
  problemCount: 0,
  errorCount: 0,
  problems: [],
  problemGroups: [],
  problemGroupCount: 0,
  problemsSheet: null,
};

/**
 * The summary's account of a run's problems.
 *
 * @example
 * problemReport(problems, groupProblems(problems), "en", "Problems").problemGroups[0];
 * // { line: 'Sales!A21, A41, A61, …, 500 rows: ...', problems: 500, severity: "error" }
 */
export function problemReport(
  problems: readonly Problem[],
  groups: readonly ProblemGroup[],
  language: Language,
  problemsSheet: string | null,
): ProblemReport {
  return {
    problemCount: problems.length,
    errorCount: problems.filter((p) => p.severity === "error").length,
    problems: problems.slice(0, MAX_SUMMARY_PROBLEMS).map((p) => formatProblem(p, language)),
    problemGroups: groups
      .slice(0, MAX_SUMMARY_GROUPS)
      .map((g) => ({ line: groupLine(g, language), problems: g.problems.length, severity: g.severity })),
    problemGroupCount: groups.length,
    problemsSheet,
  };
}

/**
 * Rewrites the Problems sheet with every problem, in the grouped lines'
 * order: one block (formats, then values) padded over what an earlier run
 * left, whatever the number of problems, then the header notes (every run,
 * as the other output sheets: a run killed before them leaves none, and the
 * next run's language wins). Answers the sheet's name, or null when a sheet
 * of that name is someone else's and was left alone.
 *
 * @example
 * writeProblemsSheet(ss, inspectOutputSheet(ss, "problems", "Problems", { values: false }), setup, groups, "en"); // "Problems"
 */
export function writeProblemsSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  setup: SheetSetup,
  groups: readonly ProblemGroup[],
  language: Language,
): string | null {
  const sheet = prepareOutputSheet(ss, out, setup);
  if (!sheet) return null;
  const block = problemSheetBlock(problemsInGroupOrder(groups), language);
  const padded = padBlock(
    block.values,
    block.formats,
    Math.max(block.values.length, out.lastRow),
    Math.max(PROBLEM_COLUMNS.length, out.lastColumn),
    "General",
  );
  writeBlock(sheet, out, 1, 1, padded.values, padded.formats);
  writeHeaderNotes(sheet, 1, PROBLEM_COLUMNS, language);
  return out.name;
}
