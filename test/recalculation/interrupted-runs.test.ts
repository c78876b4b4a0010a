/**
 * Must show: for every k, a run that dies at its k-th write (every later
 * service call failing, as after the 6-minute kill), followed by a normal
 * run, leaves the sheets as an uninterrupted run does (the Run log aside);
 * and a run while another holds the guard writes only its Run log row.
 */
import { describe, expect, it } from "vitest";
import { LEASE_MS } from "../../src/addon/platform-limits";
import type { Simulator } from "../../src/simulator/index";
import { callGlobal, outputs, recalculateNow, runLogRows, sheetsSnapshot, teamSimulator } from "./fixtures";
import { fireOnce, fireUntilDone, scheduledTeam } from "./firings";

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
    expect(
      runLogRows(sim)
        .slice(-2)
        .map((row) => [row[1], row[5]]),
    ).toEqual([
      ["menu", "already running"],
      ["setup", "already running"],
    ]);
  });
});

describe("a firing killed in the middle of checkpointed work", () => {
  it("at any write, is repaired by the next firings: the same sheets as an unhurried run", () => {
    const small = { reps: 5, months: 3, salesRows: 60 };
    const latency = { perCallMs: 5000 };
    const { sim: reference, uid: referenceUid } = scheduledTeam(small, {});
    fireOnce(reference, referenceUid);
    const expected = outputs(reference, ["Results", "Payouts", "Reviews", "Dashboard", "Problems"]);
    // How many writes the second firing of the slow team makes.
    const probe = scheduledTeam(small, latency);
    expect(fireOnce(probe.sim, probe.uid).outcome).toBe("continues");
    const before = probe.sim.calls.length;
    expect(fireOnce(probe.sim, probe.uid).outcome).toBe("continues");
    const writes = probe.sim.calls.slice(before).filter((c) => c.kind === "write").length;
    expect(writes).toBeGreaterThan(3);
    for (let k = 1; k <= writes; k++) {
      const { sim, uid } = scheduledTeam(small, latency);
      fireOnce(sim, uid);
      sim.dieAtWrite(k);
      fireOnce(sim, uid); // killed (at the last write, the lease's release, the product swallows the error)
      sim.revive();
      const rest = fireUntilDone(sim, uid, 8);
      expect({ k, outcome: rest.at(-1)!.outcome }).toEqual({ k, outcome: "done" });
      expect({ k, sheets: outputs(sim, ["Results", "Payouts", "Reviews", "Dashboard", "Problems"]) }).toEqual({
        k,
        sheets: expected,
      });
    }
  });
});
