/**
 * Must show: the number of service calls per run does not depend on the
 * number of sales rows, reps or periods to catch up (the call log is the
 * evidence), and no read follows a write.
 */
import { describe, expect, it } from "vitest";
import type { CallRecord, Simulator } from "../../src/simulator/index";
import { recalculateNow, teamSimulator, type TeamOptions } from "./fixtures";

function runCalls(team: TeamOptions, now = "2026-04-10T12:00:00Z"): { calls: CallRecord[]; sim: Simulator } {
  const sim = teamSimulator(team, { now });
  sim.resetCalls();
  recalculateNow(sim);
  return { calls: sim.calls, sim };
}

const GROWTH = new Set(["insertRowsAfter", "insertColumnsAfter"]);

/**
 * The calls as "Service.method" in order: equal sequences mean equal cost,
 * whatever the data. Growing a sheet's grid (at most one call per output
 * sheet and dimension, only when the sheet must grow) is checked apart.
 */
function shape(calls: CallRecord[]): string[] {
  const growth = calls.filter((c) => GROWTH.has(c.method));
  expect(growth.length).toBeLessThanOrEqual(2 * 6);
  return calls.filter((c) => !GROWTH.has(c.method)).map((c) => c.service + "." + c.method);
}

function isSheetWrite(c: CallRecord): boolean {
  // The lease (developer metadata) is written before the reads, by design: it is what makes the reads safe.
  return (
    c.kind === "write" &&
    (["Range", "Sheet", "Protection"].includes(c.service) ||
      (c.service === "Spreadsheet" && c.method === "insertSheet"))
  );
}

describe("service calls per run", () => {
  it("are the same for 100 and 10,000 sales rows", () => {
    const small = runCalls({ salesRows: 100 });
    const large = runCalls({ salesRows: 10_000 });
    expect(shape(large.calls)).toEqual(shape(small.calls));
    // Number formats go as a range per group of columns (a getRange and a set each), not a grid of cells.
    expect(small.calls.length).toBeLessThan(180);
  });

  it("are the same for 10 and 1,000 reps", () => {
    const small = runCalls({ reps: 10, salesRows: 2000 });
    const large = runCalls({ reps: 1000, salesRows: 2000 });
    expect(shape(large.calls)).toEqual(shape(small.calls));
  });

  it("are the same for 1 and 12 periods to catch up", () => {
    // One month due (March 2026, due on 3 April) against twelve (April 2025 to March 2026).
    const one = runCalls({ months: 1, firstMonth: "2026-03", salesRows: 300 });
    const twelve = runCalls({ months: 12, firstMonth: "2025-04", salesRows: 300 });
    expect(one.sim.sheetValues("Run log")[1][3]).toBe("2026-03, 2026-Q1");
    // Twelve months, four quarters and the year 2025.
    expect(String(twelve.sim.sheetValues("Run log")[1][3]).split(", ")).toHaveLength(12 + 4 + 1);
    expect(shape(twelve.calls)).toEqual(shape(one.calls));
  });

  it("are the same on a second run, whatever the data", () => {
    const small = teamSimulator({ salesRows: 100 });
    const large = teamSimulator({ reps: 300, salesRows: 5000, months: 3 });
    for (const sim of [small, large]) recalculateNow(sim);
    for (const sim of [small, large]) sim.resetCalls();
    for (const sim of [small, large]) recalculateNow(sim);
    expect(shape(large.calls)).toEqual(shape(small.calls));
  });

  it("on later runs skip what the run state already knows: sheet markers, unchanged header notes and chart", () => {
    const sim = teamSimulator({ reps: 20, salesRows: 400 });
    recalculateNow(sim); // creates the sheets
    recalculateNow(sim); // learns their IDs
    sim.resetCalls();
    recalculateNow(sim);
    expect(sim.countCalls({ service: "Sheet", method: "getDeveloperMetadata" })).toBe(0);
    expect(sim.countCalls({ service: "Sheet", method: /^(newChart|insertChart|removeChart)$/ })).toBe(0);
    // Results, Payouts and Reviews keep their notes; only the Problems sheet rewrites its own.
    expect(sim.countCalls({ method: "setNotes" })).toBeLessThanOrEqual(1);
    // Reviews are text only: one format for the block, no grid of formats.
    expect(sim.callsMatching({ method: "setNumberFormats" }).map((c) => c.args[0])).not.toContainEqual(
      expect.stringMatching(/x 3\]$/),
    );
  });

  it("read every input sheet once, and read nothing after the first sheet write", () => {
    const { calls } = runCalls({ salesRows: 500 });
    const firstWrite = calls.findIndex(isSheetWrite);
    expect(firstWrite).toBeGreaterThan(0);
    const readsAfter = calls.slice(firstWrite).filter((c) => c.kind === "read");
    expect(readsAfter).toEqual([]);
    const valueReads = calls.filter((c) => c.method === "getValues");
    // Reps, Sales, Targets, Scores, Adjustments, (Plan missing), Results, Payouts, Reviews.
    expect(valueReads.length).toBe(5);
    // Results, Payouts, Reviews (two blocks on a first run), Dashboard, Problems, the Run log row.
    expect(calls.filter((c) => c.method === "setValues").length).toBeLessThanOrEqual(7);
  });
});
