/**
 * The input's problems as `npm start` prints them: the total (errors and
 * warnings, adding up to the Run log's Problems column), then one grouped
 * line per sheet, column, code and severity, at most
 * {@link CONSOLE_GROUPS_SHOWN} of them, then exactly what was left out and
 * where every problem cell is (the Problems sheet of the result workbook).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import type { ProblemReport } from "../../addon/problem-report";
import { DEFAULT_SHEET_NAMES } from "../../tables/sheet-roles";
import { countProblems } from "./problem-severity";
import type { StartMessages } from "./start-messages";

/** Grouped lines printed before "… and N more groups". */
const CONSOLE_GROUPS_SHOWN = 30;

/** What the console needs of a run's summary: its problem report. */
export type ConsoleProblemSummary = ProblemReport;

/**
 * The console's problem lines (none when the run found no problem).
 *
 * @example
 * consoleProblemLines(summary, START_MESSAGES.en, "result.xlsx");
 * // ["The input has 500 problems; ...", 'Sales!A21, A41, A61, …, 500 rows: ...', "Every problem, one row each: the Problems sheet of result.xlsx."]
 */
export function consoleProblemLines(summary: ConsoleProblemSummary, words: StartMessages, outFile: string): string[] {
  if (summary.problemCount === 0) return [];
  const { errors, warnings } = countProblems(summary);
  const shown = summary.problemGroups.slice(
    0,
    summary.problemGroupCount > CONSOLE_GROUPS_SHOWN ? CONSOLE_GROUPS_SHOWN : summary.problemGroups.length,
  );
  const listed = shown.reduce((total, group) => total + group.problems, 0);
  const sheet = summary.problemsSheet ?? DEFAULT_SHEET_NAMES.runLog;
  const lines = [words.problems(errors, warnings), ...shown.map((group) => group.line)];
  const moreGroups = summary.problemGroupCount - shown.length;
  if (moreGroups > 0) lines.push(words.moreGroups(moreGroups, summary.problemCount - listed, sheet, outFile));
  else if (summary.problemsSheet !== null && listed > shown.length) lines.push(words.fullList(sheet, outFile));
  return lines;
}
