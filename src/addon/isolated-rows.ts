/**
 * Turning one rep's results into sheet rows and a review, so that whatever
 * throws for one rep and period (a bug of ours) costs that row or that
 * review only: it gets a short note, a problem names the rep and the
 * period, and every other row is written.
 */
import { problemAt, type Problem } from "../core/problems";
import type { Language } from "../core/plan-model";
import type { Rep, RepKey } from "../core/records";
import { failedResult, type RepPeriodResult } from "../core/results";
import type { OutputColumn } from "../tables/output-columns";
import { payoutRows, resultRow, type FormattedRows, type ResultRowOptions } from "../tables/output-rows";
import type { CellValue } from "../tables/sheet-text";
import { reviewFailureNote, safeReviewForRow, type ReviewContext } from "./review-cells";

/** Where failures are reported: the Reps sheet row of each rep, and the run's problems. */
export interface RowGuard {
  repsSheet: string;
  repRows: Map<RepKey, number>;
  problems: Problem[];
}

/**
 * A guard over a run's reps, reporting into `problems`.
 *
 * @example
 * const guard = rowGuard("Reps", records.reps, problems);
 */
export function rowGuard(repsSheet: string, reps: readonly Rep[], problems: Problem[]): RowGuard {
  return { repsSheet, repRows: new Map(reps.map((rep) => [rep.key, rep.row])), problems };
}

function errorName(error: unknown): string {
  if (error !== null && typeof error === "object" && "name" in error)
    return String((error as { name: unknown }).name).slice(0, 40);
  return "Error";
}

function report(
  guard: RowGuard,
  row: RepPeriodResult,
  code: "rep_period_failed" | "rep_review_failed",
  error: string,
): void {
  const at = guard.repRows.get(row.rep);
  guard.problems.push(
    problemAt(guard.repsSheet, at === undefined ? "A1" : "A" + at, code, { id: row.id, period: row.period, error }),
  );
}

function asFailed(row: RepPeriodResult): RepPeriodResult {
  return failedResult({ key: row.rep, id: row.id, name: row.name, team: row.team, role: row.role }, row.period);
}

/**
 * The Results row of a result; when formatting it throws, the row of a
 * result that was not computed (who, and the note), and a problem.
 *
 * @example
 * guardedResultRow(guard, row, columns, { provisional: true, language: "en" })[0]; // "2026-03"
 */
export function guardedResultRow(
  guard: RowGuard,
  row: RepPeriodResult,
  columns: readonly OutputColumn[],
  options: ResultRowOptions,
): CellValue[] {
  try {
    return resultRow(row, columns, options);
  } catch (error) {
    report(guard, row, "rep_period_failed", errorName(error));
    return resultRow(asFailed(row), columns, { ...options, forecast: null });
  }
}

/**
 * The Payouts lines of a result; none (and a problem) when formatting them throws.
 *
 * @example
 * guardedPayoutRows(guard, row, { provisional: false, language: "en" }).values.length; // components + adjustments + total
 */
export function guardedPayoutRows(
  guard: RowGuard,
  row: RepPeriodResult,
  options: { provisional: boolean; language: Language },
): FormattedRows {
  try {
    return payoutRows(row, options);
  } catch (error) {
    report(guard, row, "rep_period_failed", errorName(error));
    return { values: [], formats: [] };
  }
}

/**
 * The generated review of a row; a short note (and a problem) when building
 * its context or its text throws.
 *
 * @example
 * guardedReview(guard, row, "en", () => ({ result: row, history, periodRows, recognition, settings, rep, fyStart: 1, language: "en" }));
 */
export function guardedReview(
  guard: RowGuard,
  row: RepPeriodResult,
  language: Language,
  context: () => ReviewContext,
): string {
  let built: ReviewContext;
  try {
    built = context();
  } catch (error) {
    report(guard, row, "rep_review_failed", errorName(error));
    return reviewFailureNote(language);
  }
  const review = safeReviewForRow(built);
  if (review.error !== null) report(guard, row, "rep_review_failed", review.error);
  return review.text;
}
