/**
 * Scheduled firings under a latency model and Apps Script's 6-minute kill:
 * a team with the schedule on, fired until its work is done, with what each
 * firing did (killed or not, what it left durable).
 */
import {
  fireTriggerAnHourLater,
  SCRIPT_RUN_LIMIT_MS,
  type LatencyModel,
  type Simulator,
} from "../../src/simulator/index";
import { expect } from "vitest";
import { STEPS } from "../../src/addon/run-steps";
import { callGlobal, teamSimulator, type TeamOptions } from "./fixtures";

/** The probe's team: 200 reps, 20,000 deals over 13 months (March 2025 to March 2026), on 10 April 2026. */
export const PROBE_TEAM = { reps: 200, salesRows: 20_000, months: 13, firstMonth: "2025-03" };
/** The output sheets a firing may write, the Run log aside. */
export const OUTPUT_SHEETS = ["Results", "Payouts", "Reviews", "Dashboard", "Problems"];
/** A firing writes at least one step: a run of work takes at most one firing per step. */
export const MAX_FIRINGS = STEPS.length;
export const MONTH_MS = 30 * 24 * 3600_000;

export interface Firing {
  /** Service calls of the firing (the execution's). */
  calls: number;
  /** Simulated seconds the firing took. */
  seconds: number;
  killed: boolean;
  /** The Run log's outcome of the firing ("" when it wrote none). */
  outcome: string;
  /** Whether the run state (its time of the last run aside) or an output sheet but the Run log changed. */
  savedSomething: boolean;
}

/** A team with the hard kill and a latency model, its schedule turned on (by alice); answers the simulator and the trigger's ID. */
export function scheduledTeam(team: TeamOptions, latency: LatencyModel): { sim: Simulator; uid: string } {
  const sim = teamSimulator(team, { latency, executionTimeLimitMs: SCRIPT_RUN_LIMIT_MS });
  sim.queueUiResponse({ button: "YES" });
  callGlobal(sim, "menuSchedule", { kind: "manual", user: "alice" });
  return { sim, uid: sim.triggerList()[0].uid };
}

/** The durable state a firing may change: the run state (without its last-run time) and the output sheets but the Run log. */
function durableState(sim: Simulator): string {
  const run = sim.spreadsheet.metadata.find((m) => m.key === "salesScorecard.run")?.value ?? null;
  const state = run === null ? null : { ...JSON.parse(run), lastRun: null };
  const sheets = sim.snapshot().sheets.filter((s) => OUTPUT_SHEETS.includes(s.name));
  return JSON.stringify({ state, sheets });
}

/** Fires the trigger once, as Apps Script would an hour after the last firing. */
export function fireOnce(sim: Simulator, uid: string): Firing {
  const before = durableState(sim);
  const firing = fireTriggerAnHourLater(sim, uid);
  return {
    calls: firing.calls.length,
    seconds: firing.seconds,
    killed: firing.killed,
    outcome: firing.outcome,
    savedSomething: durableState(sim) !== before,
  };
}

/** Fires until a firing ends with "done" (or `max` firings); answers every firing. */
export function fireUntilDone(sim: Simulator, uid: string, max: number): Firing[] {
  const firings: Firing[] = [];
  while (firings.length < max) {
    firings.push(fireOnce(sim, uid));
    if (firings[firings.length - 1].outcome === "done") break;
  }
  return firings;
}

/** The i-th firing (from 0) was not killed, ended before the 6-minute kill and saved something the next one keeps. */
export function expectSavedUnderTheKill(firing: Firing, i: number): void {
  expect({ firing: i + 1, killed: firing.killed, saved: firing.savedSomething }).toEqual({
    firing: i + 1,
    killed: false,
    saved: true,
  });
  expect(firing.seconds).toBeLessThan(360);
}
