/**
 * Payout approval (README, "Payout approval"): under the Plan's `approval`
 * setting a due month is not final but awaiting approval until a person
 * approves it, from the menu ("Approve a period…") or the sidebar's Team
 * view. Approving runs the month's final recalculation under the run guard
 * (recalculation.ts), which freezes the month exactly as a final month is
 * frozen by the calendar and appends a row to the Approvals sheet
 * (approval-sheet.ts). The scheduled run never approves: only these
 * actions pass months to approve.
 *
 * "Approved by" is the name the approver types (optional) with
 * Session.getTemporaryActiveUserKey(): an opaque key that needs no scope
 * and reveals no identity (an email would need the userinfo.email scope).
 */
import { fill } from "../core/localized-text";
import { isPeriodKey, periodKind } from "../core/periods";
import type { Language } from "../core/plan-model";
import type { Period } from "../core/records";
import { approvedByText } from "./approval-sheet";
import { recalculate, type RunSummary } from "./recalculation";
import type { StartedBy } from "./run-log-row";
import { readSpreadsheetState, runStateOf, type RunState } from "./spreadsheet-state";

const TEXT = {
  approved: {
    en: "Approved {month}: it is final and recorded in the Approvals sheet.\n",
    zh: "已批准 {month}：已定稿，并记入「Approvals」表。\n",
  },
  notApproved: {
    en: "{month} is not approved yet: the run did not finish. Approve it again to continue.\n",
    zh: "{month} 尚未批准：本次运行未完成。请再次批准以继续。\n",
  },
} as const;

/** The longest name kept in the Approved by cell. */
const MAX_APPROVER_NAME = 100;

/**
 * The months the last run found awaiting approval, oldest first.
 *
 * @example
 * awaitingMonths({ ...runState, awaiting: ["2026-Q1", "2026-03", "2026-02"] }); // ["2026-02", "2026-03"]
 */
export function awaitingMonths(runState: RunState): Period[] {
  return (runState.awaiting ?? []).filter((p) => isPeriodKey(p) && periodKind(p) === "month").sort();
}

/** Why a month cannot be approved, or the month to approve. */
export type ApprovalChoice = { ok: true; month: Period } | { ok: false; reason: "none_awaiting" | "not_awaiting" };

/**
 * The month an answer names: a blank answer is the proposed month (the
 * oldest awaiting; ui.prompt has no default value); otherwise it must be a
 * month awaiting approval.
 *
 * @example
 * chooseMonth("", ["2026-02", "2026-03"]);        // { ok: true, month: "2026-02" }
 * chooseMonth(" 2026-03 ", ["2026-02", "2026-03"]); // { ok: true, month: "2026-03" }
 * chooseMonth("2026-04", ["2026-02"]);             // { ok: false, reason: "not_awaiting" }
 */
export function chooseMonth(answer: string, awaiting: readonly Period[]): ApprovalChoice {
  const typed = answer.trim();
  if (typed === "")
    return awaiting.length > 0 ? { ok: true, month: awaiting[0] } : { ok: false, reason: "none_awaiting" };
  return awaiting.includes(typed) ? { ok: true, month: typed } : { ok: false, reason: "not_awaiting" };
}

/**
 * The months awaiting approval in a spreadsheet, from its stored state.
 *
 * @example
 * awaitingInSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()); // ["2026-03"]
 */
export function awaitingInSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Period[] {
  return awaitingMonths(runStateOf(readSpreadsheetState(ss).run));
}

/** What an approval did. */
export interface ApprovalResult {
  /** The month is final now. */
  approved: boolean;
  summary: RunSummary;
}

/**
 * Approves a month: its final recalculation under the run guard, with the
 * approver (the typed name and the user's opaque key) for the Approvals
 * sheet. Approved only when the run made the month final (a run refused,
 * failed or cut short by its time budget approves nothing; approving again
 * continues its work).
 *
 * @example
 * approveMonth(SpreadsheetApp.getActiveSpreadsheet(), "2026-03", "Ana Li", "menu").approved; // true
 */
export function approveMonth(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  month: Period,
  name: string,
  startedBy: StartedBy,
): ApprovalResult {
  const by = approvedByText(name.slice(0, MAX_APPROVER_NAME), Session.getTemporaryActiveUserKey());
  const summary = recalculate({ ss, startedBy, finality: "schedule", approve: { months: [month], by } });
  return { approved: summary.madeFinal.includes(month), summary };
}

/**
 * The first line of what an approval tells the approver (before the run's
 * own message): approved, not yet (the run was cut short), or nothing.
 *
 * @example
 * approvalHead(result, "2026-03", "en"); // "Approved 2026-03: it is final and recorded in the Approvals sheet.\n"
 */
export function approvalHead(result: ApprovalResult, month: Period, language: Language): string {
  if (result.approved) return fill(TEXT.approved[language], { month });
  return result.summary.outcome === "continues" ? fill(TEXT.notApproved[language], { month }) : "";
}
