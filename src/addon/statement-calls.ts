/**
 * The sidebar's "Share statements": the menu item's action under the same
 * guard, answered as a short message (counts only).
 */
import type { ActionResult } from "../sidebar/sidebar-api";
import { BUSY_MESSAGE } from "./guarded-action";
import { answer } from "./sidebar-server";
import { runStatements } from "./statement-run";
import { statementMessage } from "./statement-text";

/**
 * Creates or refreshes the reps' private statements (as many as fit this
 * run; later runs continue).
 *
 * @example
 * sidebarShareStatements(); // { outcome: "done", message: "Private statements: 3 of 3 up to date ..." }
 */
export function sidebarShareStatements(): ActionResult {
  return answer("sidebarShareStatements", () => {
    const language = /^zh/i.test(Session.getActiveUserLocale()) ? "zh" : "en";
    const outcome = runStatements(SpreadsheetApp.getActiveSpreadsheet(), "sidebar", "share");
    if (!outcome.ok) return { outcome: "already running", message: BUSY_MESSAGE[language] };
    const left = outcome.progress?.left ?? null;
    return { outcome: left === null ? "done" : "continues", message: statementMessage(outcome.progress, language) };
  });
}
