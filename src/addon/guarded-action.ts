/**
 * The guard for any writing action that is not a recalculation (saving a
 * review from the sidebar, saving settings): the same lease as a run, so an
 * action never interleaves with a run; refused actions write only their Run
 * log row, as refused runs do.
 */
import { logRefusedAction } from "./recalculation";
import type { StartedBy } from "./run-log-row";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import type { SpreadsheetState } from "./spreadsheet-state";

/** What a writing action says when another run holds the spreadsheet (menu and sidebar alike). */
export const BUSY_MESSAGE = {
  en: "Another Sales Scorecard run is working on this spreadsheet. Try again in a few minutes.",
  zh: "另一个运行正在处理此表格，请几分钟后再试。",
} as const;

export type GuardedOutcome<T> = { ok: true; value: T } | { ok: false; reason: "already_running" };

/**
 * Runs `action` while holding the spreadsheet's lease.
 *
 * @example
 * withRunGuard(ss, "sidebar", (state) => saveManagerReview(ss, period, repId, text));
 */
export function withRunGuard<T>(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  startedBy: StartedBy,
  action: (state: SpreadsheetState) => T,
): GuardedOutcome<T> {
  const now = Date.now();
  const runId = newRunId(now);
  const guard = acquireLease(ss, runId, now);
  if (!guard.ok) {
    try {
      logRefusedAction(ss, guard.state, runId, startedBy, now);
    } catch {
      // The refusal is still answered to the caller.
    }
    return { ok: false, reason: "already_running" };
  }
  try {
    return { ok: true, value: action(guard.state) };
  } finally {
    releaseLease(ss, guard.state);
  }
}
