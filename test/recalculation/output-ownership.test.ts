/**
 * Output sheets are marked as the add-on's own and carry warning-only
 * protection on computed columns; a sheet of the same name the add-on did
 * not create is left alone and reported; the input sheets are never written.
 */
import { describe, expect, it } from "vitest";
import { createSimulator } from "../../src/simulator/index";
import { recalculateNow, runLogRows, teamSheets } from "./fixtures";

describe("output sheets", () => {
  it("are marked, warning-protected, and never replace a foreign sheet of the same name", () => {
    const sheets = {
      ...teamSheets({ reps: 3 }),
      Payouts: [
        ["my", "own"],
        ["notes", 1],
      ],
    };
    const sim = createSimulator({ now: "2026-04-10T12:00:00Z", sheets });
    const inputsBefore = sim
      .snapshot()
      .sheets.filter((s) => ["Reps", "Sales", "Targets", "Scores", "Adjustments"].includes(s.name));
    recalculateNow(sim);
    const snapshot = sim.snapshot().sheets;
    expect(sim.sheetValues("Payouts")).toEqual([
      ["my", "own"],
      ["notes", 1],
    ]);
    expect(String(runLogRows(sim).at(-1)![8])).toContain(
      "Payouts!A1: a sheet named Payouts exists and was not created by Sales Scorecard; it was left alone",
    );
    for (const name of ["Results", "Reviews", "Dashboard", "Run log"]) {
      const sheet = snapshot.find((s) => s.name === name)!;
      expect(
        sheet.metadata.map((m) => m.key),
        name,
      ).toContain("salesScorecard.output");
      expect(sheet.protections.length, name).toBe(1);
      expect(sheet.protections[0].warningOnly, name).toBe(true);
    }
    expect(snapshot.find((s) => s.name === "Reviews")!.protections[0].range).toBe("A1:C1000");
    expect(snapshot.find((s) => s.name === "Dashboard")!.charts).toHaveLength(1);
    expect(sim.snapshot().sheets.filter((s) => inputsBefore.some((i) => i.name === s.name))).toEqual(inputsBefore);
  });
});
