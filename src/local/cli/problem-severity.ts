/**
 * Errors and warnings of a run, for `npm start`'s exit status (errors: 2;
 * warnings only: 0). The run's summary counts its errors itself, from each
 * problem's severity, so nothing here reads a message to guess it.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */

/** What {@link countProblems} needs of a run summary. */
export interface ProblemSummary {
  problemCount: number;
  errorCount: number;
}

/**
 * The errors and warnings of a run.
 *
 * @example
 * countProblems({ problemCount: 3, errorCount: 1 }); // { errors: 1, warnings: 2 }
 */
export function countProblems(summary: ProblemSummary): { errors: number; warnings: number } {
  return { errors: summary.errorCount, warnings: Math.max(0, summary.problemCount - summary.errorCount) };
}
