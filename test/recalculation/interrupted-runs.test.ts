/**
 * Must show: for every k, a run that dies at its k-th write (every later
 * service call failing, as after the 6-minute kill), followed by a normal
 * run, leaves the sheets as an uninterrupted run does (the Run log aside);
 * and a run while another holds the guard writes only its Run log row.
 */
import { describe, expect, it } from "vitest";
import { LEASE_MS } from "../../src/addon/platform-limits";
import type { Simulator } from "../../src/simulator/index";
import { callGlobal, recalculateNow, runLogRows, sheetsSnapshot, teamSimulator } from "./fixtures";

const TEAM = { reps: 5, months: 3, salesRows: 60 };

function tryRecalculate(sim: Simulator): void {
  try {
    recalculateNow(sim);
  } catch {
    // A killed run throws out of the script; the next run repairs.
  }
}

function writesOfOneRun(sim: Simulator): number {
  sim.resetCalls();
  recalculateNow(sim);
  return sim.countCalls({ kind: "write" });
}

describe("a run killed at any write", () => {
  for (const scenario of ["first run", "later run with a new month due"] as const) {
    it(`is repaired by the next run (${scenario})`, () => {
      const prepare = (sim: Simulator) => {
        if (scenario === "later run with a new month due") {
          recalculateNow(sim);
          sim.advance(30 * 24 * 3600_000); // 10 May: April becomes due
        }
      };
      const reference = teamSimulator(TEAM);
      prepare(reference);
      const writes = writesOfOneRun(reference);
      reference.advance(LEASE_MS + 1000);
      recalculateNow(reference);
      const expected = sheetsSnapshot(reference);
      expect(writes).toBeGreaterThan(10);
      for (let k = 1; k <= writes; k++) {
        const sim = teamSimulator(TEAM);
        prepare(sim);
        sim.dieAtWrite(k);
        tryRecalculate(sim);
        sim.revive();
        sim.advance(LEASE_MS + 1000); // the killed run's lease expires
        recalculateNow(sim);
        expect({ k, sheets: sheetsSnapshot(sim) }).toEqual({ k, sheets: expected });
      }
    });
  }
});

describe("the guard", () => {
  it("lets a run that finds a live lease write only its Run log row", () => {
    const sim = teamSimulator(TEAM);
    recalculateNow(sim);
    // A run killed after taking the lease keeps it for about six and a half minutes.
    sim.dieAtWrite(2);
    tryRecalculate(sim);
    sim.revive();
    const before = sheetsSnapshot(sim);
    const logRows = runLogRows(sim).length;
    sim.resetCalls();
    recalculateNow(sim);
    expect(sheetsSnapshot(sim)).toEqual(before);
    const rows = runLogRows(sim);
    expect(rows.length).toBe(logRows + 1);
    expect(rows[rows.length - 1][5]).toBe("already running");
    const writes = sim.callsMatching({ kind: "write" });
    expect(writes.map((c) => c.service + "." + c.method)).toEqual(["Range.setNumberFormats", "Range.setValues"]);
    expect(sim.callsMatching({ method: "getValues" })).toEqual([]);
  });

  it("refuses set-up and runs while the script lock is busy, writing only the Run log row", () => {
    const sim = teamSimulator(TEAM);
    recalculateNow(sim);
    const before = sheetsSnapshot(sim);
    sim.holdLock("script", { forMs: 60_000 });
    recalculateNow(sim);
    callGlobal(sim, "menuSetUpSheets");
    expect(sheetsSnapshot(sim)).toEqual(before);
    expect(runLogRows(sim).slice(-2).map((row) => [row[1], row[5]])).toEqual([
      ["menu", "already running"],
      ["setup", "already running"],
    ]);
  });
});
