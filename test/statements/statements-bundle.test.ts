/**
 * Private statements through the built bundle (run `node build/build.mjs
 * --quiet` first): Share statements makes one spreadsheet per rep with an
 * Email, owned by the manager, shared with that rep alone, holding only
 * that rep's rows; every cell but the reply cells is protected from the
 * rep; a reply typed in a statement reaches Reviews after the next run and
 * survives the run after it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../src/simulator/index";
import { createdSheetValues, createdSpreadsheets, sharingOf } from "../../src/simulator/drive";
import { assertEditable } from "../../src/simulator/protection";
import type { SpreadsheetModel } from "../../src/simulator/sheet-model";
import { mayType, typeAsUser } from "../../src/simulator/drive";
import { callGlobal, recalculateNow } from "../recalculation/fixtures";
import { MANAGER, repEmail, statementTeam } from "./fixtures";

const REP_IDS = ["R0001", "R0002", "R0003"];

function column(values: unknown[][], header: string): unknown[] {
  const at = values[0].indexOf(header);
  expect(at).toBeGreaterThanOrEqual(0);
  return values.slice(1).map((row) => row[at]);
}

function statementOf(sim: Simulator, repId: string): SpreadsheetModel {
  const found = createdSpreadsheets(sim).filter((ss) => ss.name.includes(`(${repId})`));
  expect(found).toHaveLength(1);
  return found[0];
}

/** Every cell of every sheet's grid the rep may edit, as "Sheet!row,column". */
function editableCells(statement: SpreadsheetModel, user: string): string[] {
  const cells: string[] = [];
  for (const sheet of statement.sheets)
    for (let row = 1; row <= sheet.maxRows; row++)
      for (let column = 1; column <= sheet.maxColumns; column++) {
        try {
          assertEditable(statement, sheet, { row, column, numRows: 1, numColumns: 1 }, user);
          cells.push(`${sheet.name}!${row},${column}`);
        } catch {
          // protected
        }
      }
  return cells;
}

/** The final periods in the run state (the statements show their reviews only). */
function finalPeriods(sim: Simulator): Set<string> {
  const run = sim.snapshot().metadata.find((m) => m.key === "salesScorecard.run")?.value;
  return new Set(Object.keys(JSON.parse(run ?? "{}").final ?? {}));
}

function teamReply(sim: Simulator, period: string, repId: string): unknown {
  const values = sim.sheetValues("Reviews");
  const row = values.find((r) => r[0] === period && r[1] === repId);
  expect(row).toBeDefined();
  return row![values[0].indexOf("Rep reply")];
}

describe("private statements for 3 reps", () => {
  let sim: Simulator;
  beforeAll(() => {
    sim = statementTeam({ reps: 3, months: 3 });
    recalculateNow(sim);
    callGlobal(sim, "menuShareStatements");
  });

  it("makes one statement per rep, owned by the manager, shared with that rep alone", () => {
    expect(createdSpreadsheets(sim)).toHaveLength(3);
    REP_IDS.forEach((repId, i) => {
      const statement = statementOf(sim, repId);
      expect(statement.owner).toBe(MANAGER);
      expect([...sharingOf(statement)!.editors]).toEqual([repEmail(i + 1)]);
      expect([...sharingOf(statement)!.viewers]).toEqual([]);
      expect(statement.sheets.map((s) => s.name)).toEqual(["Results", "Payouts", "Reviews"]);
    });
    const alert = sim.ui.alerts.at(-1);
    expect(alert?.prompt).toContain("3 of 3 up to date (3 created, 0 refreshed)");
  });

  it("holds only that rep's Results rows, Payouts lines and final reviews", () => {
    const results = sim.sheetValues("Results");
    const payouts = sim.sheetValues("Payouts");
    for (const repId of REP_IDS) {
      const id = statementOf(sim, repId).id;
      const own = createdSheetValues(sim, id, "Results");
      expect(own[0]).toEqual(results[0].map(String));
      expect(new Set(column(own, "Rep ID"))).toEqual(new Set([repId]));
      expect(own.length - 1).toBe(column(results, "Rep ID").filter((r) => r === repId).length);
      const lines = createdSheetValues(sim, id, "Payouts");
      expect(new Set(column(lines, "Rep ID"))).toEqual(new Set([repId]));
      expect(lines.length - 1).toBe(column(payouts, "Rep ID").filter((r) => r === repId).length);
      const reviews = createdSheetValues(sim, id, "Reviews");
      expect(reviews[0]).toEqual(["Period", "Review", "Your reply"]);
      const teamReviews = sim
        .sheetValues("Reviews")
        .filter((r) => r[1] === repId && finalPeriods(sim).has(String(r[0])));
      expect(teamReviews.length).toBeGreaterThanOrEqual(4);
      expect(reviews.slice(1).map((r) => r[0])).toEqual(teamReviews.map((r) => r[0]));
      expect(reviews.slice(1).map((r) => r[1])).toEqual(teamReviews.map((r) => r[2]));
    }
  });

  it("leaves no cell the rep may edit but the reply cells, and lets no one else in", () => {
    REP_IDS.forEach((repId, i) => {
      const statement = statementOf(sim, repId);
      const reviews = createdSheetValues(sim, statement.id, "Reviews").length - 1;
      const replyCells = Array.from({ length: reviews }, (_, k) => `Reviews!${k + 2},3`);
      expect(editableCells(statement, repEmail(i + 1))).toEqual(replyCells);
      expect(mayType(sim, repEmail(i + 1), statement.id, "Results", "A2")).toBe(false);
      expect(mayType(sim, repEmail(((i + 1) % 3) + 1), statement.id, "Reviews", "C2")).toBe(false);
    });
  });

  it("copies a reply typed in a statement into Reviews at the next run, and keeps it at the run after", () => {
    const statement = statementOf(sim, "R0002");
    const period = String(createdSheetValues(sim, statement.id, "Reviews")[1][0]);
    typeAsUser(sim, repEmail(2), statement.id, "Reviews", "C2", "Thanks, I will push renewals");
    expect(() => typeAsUser(sim, repEmail(2), statement.id, "Reviews", "B2", "Great review")).toThrow("protected cell");
    recalculateNow(sim);
    expect(teamReply(sim, period, "R0002")).toBe("Thanks, I will push renewals");
    expect(sim.sheetValues("Run log").at(-1)?.join(" ")).toContain("1 replies copied to Reviews");
    recalculateNow(sim);
    expect(teamReply(sim, period, "R0002")).toBe("Thanks, I will push renewals");
    expect(createdSheetValues(sim, statement.id, "Reviews")[1][2]).toBe("Thanks, I will push renewals");
    expect(createdSpreadsheets(sim)).toHaveLength(3);
  });
});

describe("a rep whose Email is removed", () => {
  it("keeps their statement and gets no more refreshes", () => {
    const sim = statementTeam({ reps: 3, months: 3 });
    recalculateNow(sim);
    callGlobal(sim, "menuShareStatements");
    const kept = statementOf(sim, "R0003");
    const before = JSON.stringify(kept.sheets.map((s) => createdSheetValues(sim, kept.id, s.name)));
    sim.setSheetValues("Reps", [[""]], { startRow: 4, startColumn: 6 });
    sim.setSheetValues("Sales", [[{ wallClock: "2026-04-08T10:00:00" }, "R0003", "Late Co", 5000, "new", "won"]], {
      startRow: sim.sheetValues("Sales").length + 1,
    });
    recalculateNow(sim);
    expect(sim.sheetValues("Run log").at(-1)?.join(" ")).toContain("statements: 2 of 2 done (0 created, 2 refreshed");
    expect(createdSpreadsheets(sim)).toHaveLength(3);
    expect(JSON.stringify(kept.sheets.map((s) => createdSheetValues(sim, kept.id, s.name)))).toBe(before);
    expect([...sharingOf(kept)!.editors]).toEqual([repEmail(3)]);
  });
});
