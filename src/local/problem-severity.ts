/**
 * Which of a run's problems are warnings, for `npm start`'s exit status
 * (problems: 2; warnings only: 0).
 *
 * The run's summary gives each problem as its text (`Sheet!A1: message`, in
 * the run's language), without its severity. Until it carries one, a problem
 * is a warning when its message is one of the messages the readers report as
 * warnings (their codes below, matched against the catalogue's templates in
 * both languages); anything else counts as a problem, so a new kind of
 * warning makes the exit status stricter, never laxer.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { PROBLEM_MESSAGES, type ProblemCode } from "../core/problems";

/** Codes reported with severity "warning" (src/tables, src/addon): the row is still used, or nothing is left out. */
export const WARNING_CODES: readonly ProblemCode[] = [
  "duplicate_column",
  "negative_target_bonus",
  "unknown_manager",
  "opened_after_close",
  "sale_outside_employment",
  "unknown_scope",
  "plan_default_used",
  "plan_decreasing_rates",
  "plan_no_target_bonus",
  "plan_fiscal_year_ignored",
  "final_inputs_changed",
  "foreign_output_sheet",
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/);
  return new RegExp("^" + parts.map(escapeRegExp).join("[\\s\\S]*?") + "$");
}

const WARNING_PATTERNS: readonly RegExp[] = WARNING_CODES.flatMap((code) => [
  templatePattern(PROBLEM_MESSAGES[code].en),
  templatePattern(PROBLEM_MESSAGES[code].zh),
]);

/** `Sheet!A1: ` or `'Run log'!A1: ` at the start of a problem line. */
const LOCATION = /^(?:'(?:[^']|'')*'|[^!'][^!]*)![A-Z]{1,3}\d+: /;

/**
 * True when a problem line (`Sheet!A1: message`) is a warning.
 *
 * @example
 * isWarning('Reps!F3: Manager "M9" is not on the Reps sheet; the rep has no manager'); // true
 * isWarning('Sales!D14: Amount "abc" is not a number; the row is left out');          // false
 */
export function isWarning(line: string): boolean {
  const location = LOCATION.exec(line);
  const message = location ? line.slice(location[0].length) : line;
  return WARNING_PATTERNS.some((pattern) => pattern.test(message));
}

/** What {@link countProblems} needs of a run summary. */
export interface ProblemSummary {
  problemCount: number;
  problems: string[];
  /** Set by a summary that counts its errors itself (preferred when present). */
  errorCount?: number;
}

/**
 * The problems (errors) and warnings of a run. Problems past the summary's
 * list (it is cut at 1000) are counted as problems.
 *
 * @example
 * countProblems({ problemCount: 2, problems: ["Sales!D14: ...not a number...", "Reps!F3: Manager ..."] });
 * // { errors: 1, warnings: 1 }
 */
export function countProblems(summary: ProblemSummary): { errors: number; warnings: number } {
  if (typeof summary.errorCount === "number") {
    return { errors: summary.errorCount, warnings: Math.max(0, summary.problemCount - summary.errorCount) };
  }
  const warnings = summary.problems.filter(isWarning).length;
  return { errors: Math.max(0, summary.problemCount - warnings), warnings };
}
