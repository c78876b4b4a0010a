import { describe, expect, it } from "vitest";
import { FIRST_STEP_LIMIT_MS, RUN_TIME_BUDGET_MS } from "./platform-limits";
import { estimateFirstWrite, estimateWrites, finishSize, inputsPrint, planWork, STEPS } from "./run-steps";
import type { OutputRecord } from "./spreadsheet-state";
import { TimeBudget } from "./time-budget";

function grid(rows: number, changedRow = -1): unknown[][] {
  return Array.from({ length: rows }, (_, i) => [
    "R" + i,
    i === changedRow ? 2 : 1,
    new Date(Date.UTC(2026, 0, 1 + (i % 28))),
  ]);
}

describe("inputsPrint", () => {
  it("is the same for the same inputs and differs when one cell of a large grid differs", () => {
    const print = inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000) } }, language: "en" });
    expect(inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000) } }, language: "en" })).toBe(print);
    expect(
      inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000, 3_456) } }, language: "en" }),
    ).not.toBe(print);
    expect(inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000) } }, language: "zh" })).not.toBe(
      print,
    );
  });

  it("tells dates apart", () => {
    expect(inputsPrint({ at: new Date(0) })).not.toBe(inputsPrint({ at: new Date(1) }));
  });

  it("tells apart, in a large grid, a date moved by a millisecond and values of different kinds that print alike", () => {
    const print = (last: unknown) => inputsPrint({ values: [...grid(2_000), [last]] });
    const prints = [new Date(0), new Date(1), true, "true", 1, "1", null, "", ["x"], "x"].map(print);
    expect(new Set(prints).size).toBe(prints.length);
    expect(print(new Date(5))).toBe(print(new Date(5)));
  });
});

/** A budget that has learned 1 s a call and 0.5 ms a cell, `elapsedMs` into its run. */
function slowCells(elapsedMs: number): TimeBudget {
  const budget = new TimeBudget(0, RUN_TIME_BUDGET_MS, () => elapsedMs);
  budget.learn({ calls: 1, cells: 0 }, 1_000);
  budget.learn({ calls: 2, cells: 4_000 }, 4_000);
  return budget;
}

const sheet = (cells: number, calls?: number): OutputRecord => ({ id: 7, cells, notes: "en", chart: "", calls });

describe("predicting a step's write", () => {
  it("takes the faster of the write by format ranges (its recorded calls, its cells once) and the formats grid", () => {
    const records = { payouts: sheet(100_000, 30) };
    // By ranges: 30 s + 55 s; as a grid: 4 s + 110 s.
    expect(estimateWrites(["payouts"], records, slowCells(0))).toEqual({ calls: 30, cells: 110_000 });
    // Calls of 5 s, cells free: the grid.
    const slowCalls = new TimeBudget(0, RUN_TIME_BUDGET_MS, () => 0);
    slowCalls.learn({ calls: 1, cells: 0 }, 5_000);
    expect(estimateWrites(["payouts"], records, slowCalls)).toEqual({ calls: 4, cells: 220_000 });
    // No calls recorded (a run state of an earlier version), or no costs: the grid.
    expect(estimateWrites(["payouts"], { payouts: sheet(100_000) }, slowCells(0)).cells).toBe(220_000);
    expect(estimateWrites(["payouts"], records).cells).toBe(220_000);
  });
});

describe("planning when a whole sheet does not fit", () => {
  const records = { results: sheet(130_000, 25), runLog: sheet(0) };
  const finish = finishSize({ own: true, full: false });

  it("plans the first step when writing a tenth of its sheet would fit, and predicts that write", () => {
    // From 180 s: reading Results and the Run log takes 11 s + 65 s, writing Results whole 25 s + 71.5 s, the
    // finish 5 s: 357.5 s, past 340. A tenth of it as a formats grid takes 4 s + 14.3 s (by format ranges,
    // 25 s + 7.2 s): 279 s.
    expect(planWork([...STEPS], slowCells(180_000), records, finish, FIRST_STEP_LIMIT_MS).steps).toEqual(["results"]);
    // Once read (from 260 s), the whole write would not fit: a tenth of the sheet is predicted.
    expect(estimateFirstWrite(["results"], records, slowCells(260_000), finish, FIRST_STEP_LIMIT_MS)).toEqual({
      calls: 4,
      cells: 28_600,
    });
    // With time for the whole sheet, the whole is predicted.
    expect(estimateFirstWrite(["results"], records, slowCells(100_000), finish, FIRST_STEP_LIMIT_MS).cells).toBe(
      143_000,
    );
  });

  it("plans nothing when not even a tenth would fit", () => {
    // From 245 s: 245 + 76 + 18.3 + 5 = 344 s.
    expect(planWork([...STEPS], slowCells(245_000), records, finish, FIRST_STEP_LIMIT_MS).steps).toEqual([]);
  });
});

describe("planning a sheet read below its final periods' rows", () => {
  const finish = finishSize({ own: true, full: false });
  // Payouts of 160,000 cells, of which the header, the Period column and the rows of periods not final are 16,000.
  const records = { payouts: { ...sheet(160_000, 22), tail: 16_000 }, runLog: sheet(0) };
  const remaining = STEPS.filter((step) => step !== "results");

  it("reads only below them when not even reading the whole sheet leaves time for a tenth of its write", () => {
    // From 225 s: reading Payouts whole and the Run log takes 11 s + 80 s, a tenth of the write as a formats grid
    // 4 s + 17.6 s, the finish 5 s: 342.6 s, past 340. Below the final rows, the read takes 17 s + 8.8 s: 277.4 s.
    expect(planWork(remaining, slowCells(225_000), records, finish, FIRST_STEP_LIMIT_MS)).toEqual({
      steps: [],
      below: null,
    });
    expect(planWork(remaining, slowCells(225_000), records, finish, FIRST_STEP_LIMIT_MS, ["payouts"])).toEqual({
      steps: ["payouts"],
      below: "payouts",
    });
  });

  it("reads the whole sheet when that fits, and never below without a recorded tail", () => {
    // From 100 s: reading it whole (91 s) and writing it whole by format ranges (22 s + 88 s) fit.
    expect(planWork(remaining, slowCells(100_000), records, finish, FIRST_STEP_LIMIT_MS, ["payouts"])).toEqual({
      steps: ["payouts"],
      below: null,
    });
    const unknown = { payouts: sheet(160_000, 22), runLog: sheet(0) };
    expect(planWork(remaining, slowCells(225_000), unknown, finish, FIRST_STEP_LIMIT_MS, ["payouts"]).steps).toEqual(
      [],
    );
  });
});
