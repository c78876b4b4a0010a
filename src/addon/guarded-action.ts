/**
 * The guard for any writing action that is not a recalculation (saving a
 * review from the sidebar, saving settings): the same lease as a run, so an
 * action never interleaves with a run; refused actions write only their Run
 * log row, as refused runs do.
 */
import { logRefusedAction } from "./recalculation";
import type { StartedBy } from "./run-log-row";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import { settingsOf, storeSettings, validateSettings, type Settings } from "./settings";
import type { SpreadsheetState } from "./spreadsheet-state";

export type GuardedOutcome<T> = { ok: true; value: T } | { ok: false; reason: "already_running" };

/**
 * Runs `action` while holding the spreadsheet's lease.
 *
 * @example
 * withRunGuard(ss, "sidebar", (state) => saveManagerReview(ss, period, repId, text));
 */
export function withRunGuard<T>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, startedBy: StartedBy, action: (state: SpreadsheetState) => T): GuardedOutcome<T> {
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

/**
 * Saves settings given by a person (validated with zod, merged over the
 * current ones), under the guard. JSON-safe answer for the sidebar.
 *
 * @example
 * saveSettingsGuarded(ss, { scheduleDay: 5, language: "zh" }); // { ok: true, settings: {...} }
 */
export function saveSettingsGuarded(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const outcome = withRunGuard(ss, "sidebar", (state) => {
    const checked = validateSettings(input, settingsOf(state));
    if (checked.ok) storeSettings(ss, state, checked.settings);
    return checked;
  });
  return outcome.ok ? outcome.value : { ok: false, errors: ["already_running"] };
}
