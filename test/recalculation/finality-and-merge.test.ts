/**
 * Must show: running twice gives identical sheets; a final period is not
 * rewritten by a later run and a late deal for it is reported, not applied;
 * a restatement changes it and logs the difference; a rep's reply typed
 * between two runs survives, and so does a manager's edited review.
 */
import { describe, expect, it } from "vitest";
import type { Simulator } from "../../src/simulator/index";
import { callGlobal, column, recalculateNow, runLogRows, sheetsSnapshot, teamSimulator } from "./fixtures";

const TEAM = { reps: 4, months: 4, salesRows: 80 };

function rowsOf(sim: Simulator, sheet: string, period: string): unknown[][] {
  const values = sim.sheetValues(sheet);
  return values.filter((row) => row[0] === period);
}

function appendSale(sim: Simulator, row: unknown[]): void {
  const rows = sim.sheetValues("Sales").length;
  sim.setSheetValues("Sales", [row as never[]], { startRow: rows + 1 });
}

function restate(sim: Simulator, period: string): void {
  sim.queueUiResponse({ button: "OK", text: period });
  callGlobal(sim, "menuRestatePeriod");
}

describe("running again", () => {
  it("gives identical sheets", () => {
    const sim = teamSimulator(TEAM);
    recalculateNow(sim);
    const first = sheetsSnapshot(sim);
    recalculateNow(sim);
    expect(sheetsSnapshot(sim)).toEqual(first);
    expect(runLogRows(sim)).toHaveLength(2);
  });
});

describe("final periods stored before an upgrade of the fingerprint", () => {
  it("are stored again under today's scheme, with no warning that their inputs changed", () => {
    const sim = teamSimulator(TEAM);
    recalculateNow(sim);
    const entry = sim.spreadsheet.metadata.find((m) => m.key === "salesScorecard.run")!;
    const state = JSON.parse(entry.value!);
    const finals = Object.keys(state.final);
    expect(finals).toContain("2026-02");
    for (const period of finals) state.final[period] = String(state.final[period]).replace(/^p2:/, "");
    entry.value = JSON.stringify(state);
    const results = sim.sheetValues("Results");

    recalculateNow(sim);
    const log = runLogRows(sim);
    expect(String(log[log.length - 1][8])).not.toContain("inputs changed for final period");
    expect(sim.sheetValues("Results")).toEqual(results);
    const stored = JSON.parse(sim.spreadsheet.metadata.find((m) => m.key === "salesScorecard.run")!.value!);
    for (const period of finals) expect(stored.final[period]).toMatch(/^p2:/);

    appendSale(sim, [{ wallClock: "2026-02-27T16:00:00" }, "R0001", "Late Ltd", 50_000, "new", "won"]);
    recalculateNow(sim);
    expect(String(runLogRows(sim).at(-1)![8])).toContain("inputs changed for final period 2026-02");
  });
});

describe("a final period", () => {
  it("is not rewritten; a late deal is reported, not applied; a restatement applies it and logs the change", () => {
    const sim = teamSimulator(TEAM); // now 10 April 2026: January to March are due
    recalculateNow(sim);
    const february = rowsOf(sim, "Results", "2026-02");
    const februaryPayouts = rowsOf(sim, "Payouts", "2026-02");
    expect(february.length).toBe(4);
    expect(String(february[0][column(sim.sheetValues("Results"), "Notes")])).not.toMatch(/Provisional/);
    expect(String(rowsOf(sim, "Results", "2026-04")[0][column(sim.sheetValues("Results"), "Notes")])).toMatch(
      /^Provisional/,
    );

    appendSale(sim, [{ wallClock: "2026-02-27T16:00:00" }, "R0001", "Late Ltd", 50_000, "new", "won"]);
    recalculateNow(sim);
    expect(rowsOf(sim, "Results", "2026-02")).toEqual(february);
    expect(rowsOf(sim, "Payouts", "2026-02")).toEqual(februaryPayouts);
    const log = runLogRows(sim);
    const problems = String(log[log.length - 1][8]);
    expect(problems).toContain("inputs changed for final period 2026-02");
    expect(problems).toContain("inputs changed for final period 2026-Q1");
    expect(problems).not.toContain("final period 2026-01");

    restate(sim, "2026-02");
    const restated = rowsOf(sim, "Results", "2026-02");
    const revenue = column(sim.sheetValues("Results"), "revenue actual");
    const r1Before = february.find((row) => row[1] === "R0001")!;
    const r1After = restated.find((row) => row[1] === "R0001")!;
    expect(r1After[revenue]).toBe((r1Before[revenue] as number) + 50_000);
    const details = String(runLogRows(sim).at(-1)![9]);
    expect(details).toContain("restated 2026-02");
    const money = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const r1Row = sim.sheetValues("Results").findIndex((row) => row[0] === "2026-02" && row[1] === "R0001") + 1;
    const cell = "Results!" + String.fromCharCode(65 + revenue) + r1Row;
    expect(details).toContain(
      `${cell}: ${money(r1Before[revenue] as number)} → ${money((r1Before[revenue] as number) + 50_000)} (2026-02 R0001 revenue actual)`,
    );
    expect(details).toContain("restated 2026-Q1");
    // Restated periods stay final, with the new inputs: no more report.
    recalculateNow(sim);
    expect(String(runLogRows(sim).at(-1)![8])).not.toContain("inputs changed");
    expect(rowsOf(sim, "Results", "2026-02")).toEqual(restated);
  });
});

describe("people's columns of Reviews", () => {
  it("survive runs and restatements; a changed acknowledged review says so", () => {
    const sim = teamSimulator(TEAM);
    recalculateNow(sim);
    const reviews = sim.sheetValues("Reviews");
    const rowOf = (period: string, rep: string) => reviews.findIndex((row) => row[0] === period && row[1] === rep) + 1;
    const aprilRow = rowOf("2026-04", "R0002");
    const februaryRow = rowOf("2026-02", "R0001");
    // A manager's edit (saved from the sidebar) and a rep's reply and tick, typed between runs.
    sim.setSheetValues("Reviews", [["Edited by the manager", "Thanks, agreed", true]], {
      startRow: aprilRow,
      startColumn: 4,
    });
    sim.setSheetValues("Reviews", [["", "Noted", true]], { startRow: februaryRow, startColumn: 4 });
    appendSale(sim, [{ wallClock: "2026-04-02T10:00:00" }, "R0002", "New Co", 7_000, "new", "won"]);
    appendSale(sim, [{ wallClock: "2026-02-03T10:00:00" }, "R0001", "Other Co", 9_000, "new", "won"]);
    recalculateNow(sim);
    restate(sim, "2026-02");
    const after = sim.sheetValues("Reviews");
    expect(after.length).toBe(reviews.length);
    expect(after[aprilRow - 1].slice(0, 2)).toEqual(["2026-04", "R0002"]);
    expect(after[aprilRow - 1].slice(3)).toEqual(["Edited by the manager", "Thanks, agreed", true]);
    expect(after[februaryRow - 1].slice(3)).toEqual(["", "Noted", true]);
    // April was provisional and acknowledged: its review changed with the new deal, and says so.
    expect(String(after[aprilRow - 1][2])).toMatch(/^⚠ Changed after acknowledgement/);
    expect(String(after[februaryRow - 1][2])).toMatch(/^⚠ Changed after acknowledgement/);
    // Unacknowledged rows change without the marker.
    const other = after.find((row) => row[0] === "2026-04" && row[1] === "R0001")!;
    expect(String(other[2])).not.toMatch(/^⚠/);
    // Once more: nothing changes (the marker is not a change).
    const snapshot = sheetsSnapshot(sim);
    recalculateNow(sim);
    expect(sheetsSnapshot(sim)).toEqual(snapshot);
  });
});
