/**
 * The Plans view's server calls: "Compare plans" and "Copy the Plan to a
 * draft", the same actions as the menu's, under the same guard. Neither
 * takes an argument. Answers are JSON-safe.
 */
import { groupCells, groupProblems } from "../core/problem-groups";
import { problemMessage } from "../core/problems";
import type { ActionResult, PlanComparisonView, PlanRepChange, ProblemLine } from "../sidebar/sidebar-api";
import type { RepChange } from "../core/plan-comparison";
import type { Language } from "../core/plan-model";
import type { Problem } from "../core/problems";
import { comparePlans, PLAN_COMPARISON_SHEET } from "./plan-comparison";
import { makePlanDraft } from "./plan-comparison-draft";
import { answer } from "./sidebar-server";

/** Winners and losers the view lists. */
const REPS_LISTED = 5;

/**
 * Problems as the sidebar lists them: one line per group, with its cells.
 *
 * @example
 * problemLines([problemAt("Plan draft", "N5", "not_a_number", { column: "Rate", value: "x" })], "en");
 * // [{ cells: "'Plan draft'!N5", rows: 1, message: 'Rate "x" is not a number; ...' }]
 */
function problemLines(problems: readonly Problem[], language: Language): ProblemLine[] {
  return groupProblems(problems).map((group) => ({
    cells: groupCells(group, language),
    rows: group.problems.length,
    message: problemMessage(group.problems[0], language),
  }));
}

function repChange(rep: RepChange): PlanRepChange {
  return { repId: rep.repId, name: rep.name, current: rep.current, draft: rep.draft, difference: rep.difference };
}

/**
 * Compares the Plan and the Plan draft over the last 12 final months, as the
 * menu's "Compare plans" does, and answers the totals and the reps who gain
 * or lose the most.
 *
 * @example
 * sidebarComparePlans(); // { outcome: "done", months: ["2025-05", ...], difference: 3100, winners: [...], ... }
 */
export function sidebarComparePlans(): PlanComparisonView {
  return answer("sidebarComparePlans", () => {
    const summary = comparePlans(SpreadsheetApp.getActiveSpreadsheet(), "sidebar");
    const comparison = summary.comparison;
    const reps = comparison?.reps ?? [];
    return {
      language: summary.language,
      currency: summary.currency,
      outcome: summary.outcome,
      message: summary.message,
      months: comparison?.months ?? [],
      current: comparison?.total.current ?? null,
      draft: comparison?.total.draft ?? null,
      difference: comparison?.total.difference ?? null,
      winners: reps
        .filter((rep) => rep.difference > 0)
        .slice(0, REPS_LISTED)
        .map(repChange),
      losers: reps
        .filter((rep) => rep.difference < 0)
        .reverse()
        .slice(0, REPS_LISTED)
        .map(repChange),
      problems: problemLines(summary.draftProblems, summary.language),
      sheet: comparison ? PLAN_COMPARISON_SHEET : null,
    };
  });
}

/**
 * Copies the Plan sheet to a new `Plan draft` sheet (refused politely when
 * one exists).
 *
 * @example
 * sidebarMakePlanDraft(); // { outcome: "done", message: 'Copied the Plan sheet to "Plan draft" (33 rows). ...' }
 */
export function sidebarMakePlanDraft(): ActionResult {
  return answer("sidebarMakePlanDraft", () => makePlanDraft(SpreadsheetApp.getActiveSpreadsheet(), "sidebar"));
}
