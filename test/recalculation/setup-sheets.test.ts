/**
 * "Set up sheets" creates the missing input sheets and the default plan,
 * with headers, notes, validation and plain-text ID and Period columns, no
 * data rows, and never touches a sheet that exists; a recalculation on the
 * result then runs with the default plan and no Plan warning.
 */
import { describe, expect, it } from "vitest";
import { createSimulator } from "../../src/simulator/index";
import { callGlobal, recalculateNow, runLogRows } from "./fixtures";

describe("Set up sheets", () => {
  it("creates what is missing, leaves what exists, and writes no data rows", () => {
    const sim = createSimulator({
      now: "2026-04-10T12:00:00Z",
      sheets: {
        Sales: [
          ["my own", "header"],
          ["keep", 1],
        ],
      },
    });
    callGlobal(sim, "menuSetUpSheets");
    expect(sim.sheetNames()).toEqual(
      expect.arrayContaining(["Reps", "Sales", "Targets", "Scores", "Adjustments", "Plan"]),
    );
    expect(sim.sheetValues("Sales")).toEqual([
      ["my own", "header"],
      ["keep", 1],
    ]);
    const reps = sim.snapshot().sheets.find((s) => s.name === "Reps")!;
    expect(reps.values).toEqual([
      ["Rep ID", "Name", "Email", "Role", "Team", "Manager", "Start date", "End date", "Target bonus"],
    ]);
    expect(reps.notes.A1).toMatch(/R101/);
    expect(reps.formats.A2).toBe("@");
    expect(reps.frozenRows).toBe(1);
    expect(Object.keys(reps.validations).length).toBeGreaterThan(0);
    const targets = sim.snapshot().sheets.find((s) => s.name === "Targets")!;
    expect(targets.formats.B2).toBe("@"); // Period column stays text
    const plan = sim.sheetValues("Plan");
    expect(plan[0].slice(0, 4)).toEqual(["Effective from", "Role", "Type", "Key"]);
    expect(plan.length).toBeGreaterThan(10);

    // Twice: nothing changes.
    const before = sim.snapshot().sheets;
    callGlobal(sim, "menuSetUpSheets");
    expect(sim.snapshot().sheets).toEqual(before);

    // Type a rep with ID 001 and a deal; a run reads the default plan from the Plan sheet.
    sim.setSheetValues("Reps", [["001", "Ann"]], { startRow: 2 });
    // A run computes nothing without a dated deal, so the manager's own Sales gets one.
    sim.setSheetValues("Sales", [
      ["Date", "Rep ID", "Amount"],
      ["2026-04-02", "001", 100],
    ]);
    recalculateNow(sim);
    expect(String(runLogRows(sim).at(-1)![8])).not.toContain("default plan is used");
    expect(sim.sheetValues("Results")[1][1]).toBe("001");
  });
});
