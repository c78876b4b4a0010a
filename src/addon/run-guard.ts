/**
 * One writing action at a time per spreadsheet, in every context.
 *
 * A document lock does not exist in a time-driven trigger, so the guard is a
 * lease kept in the spreadsheet's own metadata (run ID and expiry a little
 * over the 6-minute kill), taken and checked inside a short critical section
 * under the script lock, which exists everywhere. The script lock is shared
 * by every document of the add-on, so it is held only while the lease is read
 * and written (a few service calls), never for a whole run.
 *
 * A killed run cannot release its lease (no `finally` after the kill); the
 * lease then expires. Release is a blind write of the lease entry read when
 * it was taken, so nothing is read after a run's writes.
 */
import { LEASE_MS, SCRIPT_LOCK_WAIT_MS } from "./platform-limits";
import {
  LeaseSchema,
  findStateMetadata,
  parseStored,
  readSpreadsheetState,
  writeStateEntry,
  type Lease,
  type SpreadsheetState,
} from "./spreadsheet-state";

export type GuardResult =
  | {
      ok: true;
      /** The state read inside the critical section (settings, run state, schedule). */
      state: SpreadsheetState;
      lease: Lease;
      /** Periods a killed restatement left to complete. */
      unfinishedRestatement: string[];
    }
  | { ok: false; reason: "already_running" | "lock_timeout"; state: SpreadsheetState | null };

/**
 * Whether a stored lease is held by a live run other than `runId`.
 *
 * @example
 * leaseIsLive({ run: "a", until: 2000, restate: [] }, "b", 1000); // true
 * leaseIsLive({ run: "a", until: 2000, restate: [] }, "b", 3000); // false (expired)
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function leaseIsLive(lease: Lease | null, runId: string, now: number): boolean {
  return lease !== null && lease.run !== "" && lease.run !== runId && lease.until > now;
}

/**
 * A run ID: time and randomness, so runs of different users never collide.
 *
 * @example
 * newRunId(Date.UTC(2026, 2, 1)); // e.g. "m7q1x8-4k2j"
 */
export function newRunId(now: number): string {
  return now.toString(36) + "-" + Math.floor(Math.random() * 36 ** 4).toString(36);
}

/**
 * Takes the spreadsheet's lease for a run, inside the script lock.
 *
 * @example
 * const guard = acquireLease(ss, newRunId(Date.now()), Date.now());
 * if (!guard.ok) logAlreadyRunning();
 */
export function acquireLease(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  runId: string,
  now: number,
  restate: readonly string[] = [],
): GuardResult {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(SCRIPT_LOCK_WAIT_MS)) return { ok: false, reason: "lock_timeout", state: null };
  try {
    const state = readSpreadsheetState(ss);
    const previous = state.lease.value === null ? null : parseStored(LeaseSchema, state.lease.value);
    if (leaseIsLive(previous, runId, now)) return { ok: false, reason: "already_running", state };
    const unfinished = previous && previous.run !== "" ? previous.restate : [];
    const lease: Lease = { run: runId, until: now + LEASE_MS, restate: [...new Set([...unfinished, ...restate])] };
    const created = state.lease.metadata === null;
    writeStateEntry(ss, state, "lease", lease);
    // A new entry's object is needed for the blind release at the end.
    if (created) state.lease.metadata = findStateMetadata(ss, "lease");
    return { ok: true, state, lease, unfinishedRestatement: unfinished };
  } finally {
    lock.releaseLock();
  }
}

/**
 * Gives the lease back (a blind write: the run still holds it, since it
 * ends before the lease expires). Failures are ignored: the lease expires.
 *
 * @example
 * releaseLease(ss, guard.state);
 */
export function releaseLease(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: SpreadsheetState): void {
  try {
    writeStateEntry(ss, state, "lease", { run: "", until: 0, restate: [] });
  } catch {
    // The lease expires on its own.
  }
}
