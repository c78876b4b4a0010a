/**
 * The sidebar's "Approve" (README, "Payout approval"): the Team view shows
 * the month's total payout and open problems first, then calls this with
 * the month and an optional name. The month must be one awaiting approval;
 * the approval itself is approval.ts's, the same as the menu's.
 */
import * as z from "zod/mini";
import { fill } from "../core/localized-text";
import type { ActionResult, ApproveRequest } from "../sidebar/sidebar-api";
import { approvalHead, approveMonth, awaitingMonths, chooseMonth } from "./approval";
import { runMessage } from "./menu";
import { requestSchema } from "./request-schema";
import { runLanguage, settingsOf } from "./settings";
import { readSpreadsheetState, runStateOf } from "./spreadsheet-state";

/** The longest name accepted (the Approved by cell keeps it whole). */
const MAX_NAME = 100;

// Built on first use (z.lazy): most executions, each custom-function cell among them,
// never check this, and building zod schemas was most of the script's work at load.
const ApproveRequestSchema = z.lazy(() =>
  requestSchema<ApproveRequest>()(
    z.strictObject(
      {
        period: z.string("must be text").check(z.trim(), z.maxLength(16, "must be a month such as 2026-03")),
        name: z.string("must be text").check(z.trim(), z.maxLength(MAX_NAME, `must be at most ${MAX_NAME} characters`)),
      },
      "must be an object { period, name }",
    ),
  ),
);

const TEXT = {
  notAwaiting: {
    en: "{period} is not a month awaiting approval (awaiting: {awaiting}).",
    zh: "{period} 不是待审批的月份（待审批：{awaiting}）。",
  },
  none: { en: "none", zh: "无" },
} as const;

/**
 * Approves a month awaiting approval, with the name typed (optional).
 *
 * @example
 * approveFromSidebar({ period: "2026-03", name: "Ana Li" }); // { outcome: "done", message: "Approved 2026-03: ..." }
 */
export function approveFromSidebar(request: unknown): ActionResult {
  const parsed = ApproveRequestSchema.safeParse(request);
  if (!parsed.success)
    throw new Error("sidebarApprove: argument " + (parsed.error.issues[0]?.message ?? "is not valid"));
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const state = readSpreadsheetState(ss);
  const language = runLanguage(settingsOf(state), ss.getSpreadsheetLocale());
  const awaiting = awaitingMonths(runStateOf(state.run));
  // Only a month named: the Team view always sends the one it showed, never a blank.
  const choice = parsed.data.period === "" ? null : chooseMonth(parsed.data.period, awaiting);
  if (!choice?.ok)
    throw new Error(
      fill(TEXT.notAwaiting[language], {
        period: parsed.data.period || "-",
        awaiting: awaiting.join(", ") || TEXT.none[language],
      }),
    );
  const result = approveMonth(ss, choice.month, parsed.data.name, "sidebar");
  const head = approvalHead(result, choice.month, result.summary.language);
  return { outcome: result.summary.outcome, message: head + runMessage(result.summary, result.summary.language) };
}
