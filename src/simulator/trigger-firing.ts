/**
 * One firing of the add-on's time-driven trigger, as Apps Script would fire
 * it an hour after the last: the built bundle loaded in the trigger context,
 * its handler run, and what the firing did. A firing killed at the 6-minute
 * limit is reported as killed, not thrown; any other error is thrown.
 */
import { KILL_MESSAGE } from "./faults";
import { loadBundle } from "./load-bundle";
import type { CallRecord } from "./call-log";
import type { Simulator } from "./simulator";

/** What one firing did. */
export interface FiringOutcome {
  /** The firing's service calls. */
  calls: CallRecord[];
  /** Simulated seconds it took. */
  seconds: number;
  /** Whether the 6-minute limit killed it. */
  killed: boolean;
  /** The Run log's outcome of the firing ("" when it wrote no Run log row). */
  outcome: string;
}

/**
 * Advances the clock an hour and fires the trigger `uid` once, as `user`.
 *
 * @example
 * const firing = fireTriggerAnHourLater(sim, uid);
 * firing.killed;  // false
 * firing.outcome; // "continues" or "done"
 */
export function fireTriggerAnHourLater(
  sim: Simulator,
  uid: string,
  options: { user?: string; distDir?: string } = {},
): FiringOutcome {
  sim.advance(3600_000);
  const first = sim.calls.length;
  const startedAt = sim.now();
  const logRows = runLogLength(sim);
  const bundle = loadBundle({
    simulator: sim,
    context: { kind: "trigger", triggerUid: uid, user: options.user ?? "alice" },
    distDir: options.distDir,
  });
  let killed = false;
  try {
    bundle.fireTrigger();
  } catch (error) {
    killed = String(error).includes(KILL_MESSAGE);
    if (!killed) throw error;
  } finally {
    bundle.end();
  }
  const log = runLogLength(sim) > logRows ? sim.sheetValues("Run log") : [];
  return {
    calls: sim.calls.slice(first),
    seconds: (sim.now() - startedAt) / 1000,
    killed,
    outcome: log.length > 0 ? String(log[log.length - 1][5]) : "",
  };
}

function runLogLength(sim: Simulator): number {
  return sim.sheetNames().includes("Run log") ? sim.sheetValues("Run log").length : 0;
}
