/**
 * The pure parts of the time budget: what a run learns from timing its
 * calls, which steps it plans, and when it continues a cycle.
 */
import { describe, expect, it } from "vitest";
import { FIRST_STEP_LIMIT_MS, RUN_TIME_BUDGET_MS } from "../../src/addon/platform-limits";
import { cycleWork, estimateSteps, finishSize, planWork, STEPS } from "../../src/addon/run-steps";
import type { OutputRecord, RunState } from "../../src/addon/spreadsheet-state";
import { TimeBudget } from "../../src/addon/time-budget";

function clockAt(ms: number): { now: () => number; set: (value: number) => void } {
  let current = ms;
  return { now: () => current, set: (value) => (current = value) };
}

const RUN_STATE: RunState = { final: {}, pending: null, start: null, fy: 1, changed: [], lastRun: null };
const record = (cells: number): OutputRecord => ({ id: 7, cells, notes: "en", chart: "" });

describe("the time budget", () => {
  it("learns a call's cost from work that moves no cells, and a cell's from work that does", () => {
    const clock = clockAt(0);
    const budget = new TimeBudget(0, RUN_TIME_BUDGET_MS, clock.now);
    budget.measure(
      () => clock.set(2_000),
      () => ({ calls: 2, cells: 0 }),
    ); // 1 s a call
    budget.measure(
      () => clock.set(2_000 + 3_000 + 1_000),
      () => ({ calls: 3, cells: 4_000 }),
    ); // 3 s of calls + 1 s for 4,000 cells
    expect(budget.costs()).toEqual({ perCallMs: 1000, perCellMs: 0.25 });
    // 10 calls and 8,000 cells: 10 s + 2 s.
    expect(budget.predict({ calls: 10, cells: 8_000 })).toBe(12_000);
    expect(budget.fits({ calls: 10, cells: 8_000 }, { calls: 5, cells: 0 })).toBe(true);
    clock.set(260_000);
    expect(budget.fits({ calls: 10, cells: 8_000 }, { calls: 5, cells: 0 })).toBe(false); // 260 + 12 + 5 > 270
    expect(budget.fits({ calls: 10, cells: 8_000 }, { calls: 5, cells: 0 }, FIRST_STEP_LIMIT_MS)).toBe(true); // <= 340
  });

  it("keeps the largest cost seen: a slow call makes the run more careful", () => {
    const clock = clockAt(0);
    const budget = new TimeBudget(0, RUN_TIME_BUDGET_MS, clock.now);
    budget.learn({ calls: 1, cells: 0 }, 5_000);
    budget.learn({ calls: 1, cells: 0 }, 1_000);
    expect(budget.costs().perCallMs).toBe(5_000);
  });
});

describe("planning steps", () => {
  const records = {
    results: record(100_000),
    payouts: record(150_000),
    reviews: record(10_000),
    dashboard: record(2_000),
    problems: record(50),
    runLog: record(0),
  };

  it("takes the steps that fit the budget, and a first step up to its own limit", () => {
    const clock = clockAt(0);
    const budget = new TimeBudget(0, RUN_TIME_BUDGET_MS, clock.now);
    budget.learn({ calls: 1, cells: 0 }, 5_000); // 5 s a call, cells free
    clock.set(200_000);
    // Results: 6 reads + 4 writes; the Run log: 5 reads; the finish: 5 calls. 200 + 20 x 5 = 300 s: past the budget, within the first step's limit.
    expect(estimateSteps(["results"], records).calls).toBe(15);
    expect(
      planWork([...STEPS], budget, records, finishSize({ own: true, full: false }), FIRST_STEP_LIMIT_MS).steps,
    ).toEqual(["results"]);
    // From 100 s: Results and Payouts take 100 + (10 + 10 + 5) x 5 + 25 = 250 s; Reviews would add 50 s, past 270.
    clock.set(100_000);
    expect(
      planWork([...STEPS], budget, records, finishSize({ own: true, full: false }), FIRST_STEP_LIMIT_MS).steps,
    ).toEqual(["results", "payouts"]);
    clock.set(260_000);
    expect(
      planWork([...STEPS], budget, records, finishSize({ own: true, full: false }), FIRST_STEP_LIMIT_MS).steps,
    ).toEqual([]);
  });
});

describe("a cycle", () => {
  const cycle = {
    periods: ["2026-03", "2026-Q1"],
    done: ["results", "payouts"],
    inputs: "abc|2026-03",
    later: ["2026-04"],
    restate: [],
    chart: "",
  };

  it("is continued with the same inputs: the same periods, the steps left", () => {
    const work = cycleWork({ ...RUN_STATE, pending: cycle.periods, cycle }, "abc", []);
    expect(work).toMatchObject({
      continuing: true,
      pending: ["2026-03", "2026-Q1"],
      remaining: ["reviews", "dashboard", "chart", "problems"],
    });
  });

  it("starts over when the inputs changed, keeping its periods and those after it to compute", () => {
    const work = cycleWork({ ...RUN_STATE, pending: cycle.periods, cycle }, "abd", []);
    expect(work).toMatchObject({
      continuing: false,
      cycle: null,
      pending: ["2026-03", "2026-Q1", "2026-04"],
      remaining: [...STEPS],
    });
  });

  it("starts over for a restatement it is not already doing", () => {
    expect(cycleWork({ ...RUN_STATE, cycle }, "abc", ["2026-02"]).continuing).toBe(false);
  });
});
