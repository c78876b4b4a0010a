/**
 * Must show: under Apps Script's 6-minute kill, a run that is slow because
 * every service call is slow (3.5 s or 5 s a call, or 1 s plus a time per
 * cell moved) never gets killed: it measures its calls, checkpoints between
 * output sheets, and the next firings continue, each saving something, until
 * the sheets are those of one unhurried run. And the kill really kills: a
 * call that passes 6 minutes and every call after it land nothing, and the
 * next firing repairs.
 *
 * The bound: every firing does at least one of the run's write steps (the
 * first step may use the time between the budget and the kill), and the
 * simulator charges no time for computing, so one firing computes every
 * period due and a run of work needs at most one firing per step.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { KILL_MESSAGE, type LatencyModel, type Simulator } from "../../src/simulator/index";
import {
  expectSavedUnderTheKill,
  fireOnce,
  fireUntilDone,
  MAX_FIRINGS,
  MONTH_MS,
  OUTPUT_SHEETS,
  PROBE_TEAM,
  scheduledTeam,
  type Firing,
} from "./firings";
import { outputs } from "./fixtures";

function chartsOf(sim: Simulator): unknown {
  return sim
    .snapshot()
    .sheets.find((s) => s.name === "Dashboard")
    ?.charts.map((c) => ({ ...c, id: null }));
}

function expectProgressWithoutKills(firings: Firing[]): void {
  expect(firings.length).toBeLessThanOrEqual(MAX_FIRINGS);
  expect(firings.at(-1)!.outcome).toBe("done");
  for (const [i, firing] of firings.entries()) {
    expectSavedUnderTheKill(firing, i);
  }
}

describe("a run slower than the 6-minute kill allows", () => {
  const reference: { catchUp: Record<string, unknown>; monthly: Record<string, unknown>; charts: unknown } = {
    catchUp: {},
    monthly: {},
    charts: null,
  };

  beforeAll(() => {
    const { sim, uid } = scheduledTeam(PROBE_TEAM, {});
    expect(fireOnce(sim, uid).outcome).toBe("done");
    reference.catchUp = outputs(sim, OUTPUT_SHEETS);
    sim.advance(MONTH_MS);
    expect(fireOnce(sim, uid).outcome).toBe("done");
    reference.monthly = outputs(sim, OUTPUT_SHEETS);
    reference.charts = chartsOf(sim);
  }, 120_000);

  const cases: [string, LatencyModel, boolean][] = [
    ["3.5 s a call", { perCallMs: 3500 }, false],
    ["5 s a call", { perCallMs: 5000 }, true],
    ["1 s a call and 0.3 ms a cell", { perCallMs: 1000, perCellMs: 0.3 }, false],
  ];
  for (const [name, latency, monthlyToo] of cases) {
    it(`at ${name}, catches up${monthlyToo ? " and runs a month" : ""} within ${MAX_FIRINGS} firings, each saving something, none killed`, () => {
      const { sim, uid } = scheduledTeam(PROBE_TEAM, latency);
      const catchUp = fireUntilDone(sim, uid, MAX_FIRINGS + 2);
      expectProgressWithoutKills(catchUp);
      expect(catchUp.length).toBeGreaterThan(1); // one firing could not do it all: the checkpoint is exercised
      expect(outputs(sim, OUTPUT_SHEETS)).toEqual(reference.catchUp);
      if (!monthlyToo) return;
      sim.advance(MONTH_MS);
      const monthly = fireUntilDone(sim, uid, MAX_FIRINGS + 2);
      expectProgressWithoutKills(monthly);
      expect(outputs(sim, OUTPUT_SHEETS)).toEqual(reference.monthly);
      expect(chartsOf(sim)).toEqual(reference.charts);
    }, 240_000);
  }
});

describe("the kill", () => {
  it("stops a run at the call that passes 6 minutes: that write and every later call land nothing; the next firing repairs", () => {
    const small = { reps: 6, months: 3, salesRows: 90 };
    const { sim: reference, uid: referenceUid } = scheduledTeam(small, {});
    fireOnce(reference, referenceUid);
    // Writing Payouts takes 400 s once: no run can foresee that.
    let spikes = 1;
    const latency: LatencyModel = (call, cells) =>
      call.method === "setValues" && cells > 100 && call.args[0].endsWith("x 19]") && spikes-- > 0 ? 400_000 : 1000;
    const { sim, uid } = scheduledTeam(small, latency);
    const killed = fireOnce(sim, uid);
    expect(killed.killed).toBe(true);
    const calls = sim.calls.slice(-killed.calls);
    const kill = calls.findIndex((c) => c.error === KILL_MESSAGE);
    expect(calls[kill].method).toBe("setValues");
    // Every later call of the execution failed too: the lease was not given back, no Run log row.
    expect(calls.slice(kill).every((c) => c.error === KILL_MESSAGE || c.service === "console")).toBe(true);
    expect(calls.slice(kill).length).toBeGreaterThan(1);
    expect(sim.sheetValues("Payouts").length).toBeLessThanOrEqual(1); // the killed write did not land
    expect(sim.sheetNames()).not.toContain("Run log");
    // The killed run's lease expires within the hour; the next firing finishes the work.
    const next = fireUntilDone(sim, uid, 3);
    expect(next.at(-1)!.outcome).toBe("done");
    expect(outputs(sim, OUTPUT_SHEETS)).toEqual(outputs(reference, OUTPUT_SHEETS));
  });
});
