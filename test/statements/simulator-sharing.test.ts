/**
 * The simulator's created spreadsheets, sharing and protections with
 * editors: what the statements rely on, checked against Sheets' documented
 * behaviour (a new protection mirrors the spreadsheet's editors until its
 * list changes; the owner and the running user cannot be removed).
 */
import { describe, expect, it } from "vitest";
import { createSimulator } from "../../src/simulator/index";
import { createdSheetValues, createdSpreadsheets } from "../../src/simulator/drive";
import { mayType, typeAsUser } from "../../src/simulator/drive";

const REP = "rep1@example.com";

function sharedStatement() {
  const sim = createSimulator({ user: "manager@example.com" });
  const { SpreadsheetApp } = sim.globals({ kind: "manual" });
  const ss = SpreadsheetApp.create("Statement");
  const sheet = ss.getSheets()[0];
  sheet.getRange("A1:B2").setValues([
    ["Period", "Reply"],
    ["March", ""],
  ]);
  ss.addEditor(REP);
  return { sim, SpreadsheetApp, ss, sheet, id: ss.getId() };
}

describe("created spreadsheets and sharing", () => {
  it("creates a spreadsheet owned by the user, with its ID and URL, logged", () => {
    const { sim, ss, id } = sharedStatement();
    expect(id).toHaveLength(44);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(ss.getOwner().getEmail()).toBe("manager@example.com");
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(["manager@example.com", REP]);
    expect(createdSpreadsheets(sim).map((s) => s.name)).toEqual(["Statement"]);
    expect(sim.countCalls({ service: "SpreadsheetApp", method: "create" })).toBe(1);
    expect(sim.countCalls({ service: "Spreadsheet", method: "addEditor", kind: "write" })).toBe(1);
  });

  it("opens a created spreadsheet only for its owner, editors and viewers", () => {
    const { sim, id, ss } = sharedStatement();
    expect(sim.globals({ kind: "manual", user: REP }).SpreadsheetApp.openById(id).getName()).toBe("Statement");
    expect(() => sim.globals({ kind: "manual", user: "other@example.com" }).SpreadsheetApp.openById(id)).toThrow(
      "You do not have permission to access the requested document.",
    );
    ss.addViewer("viewer@example.com");
    const asViewer = sim.globals({ kind: "manual", user: "viewer@example.com" }).SpreadsheetApp.openById(id);
    expect(() => asViewer.getSheets()[0].getRange("B2").setValue("x")).toThrow(
      "You do not have permission to edit this spreadsheet.",
    );
    ss.removeEditor(REP);
    expect(() => sim.globals({ kind: "manual", user: REP }).SpreadsheetApp.openById(id)).toThrow("permission");
    expect(() => ss.addEditor("not an email")).toThrow("Invalid email: not an email");
  });

  it("refuses create and openById where Apps Script does", () => {
    const sim = createSimulator();
    expect(() => sim.globals({ kind: "customFunction" }).SpreadsheetApp.create("x")).toThrow("permission");
    expect(() => sim.globals({ kind: "manual", authMode: "LIMITED" }).SpreadsheetApp.create("x")).toThrow("permission");
    expect(() => sim.globals({ kind: "trigger" }).SpreadsheetApp.openById("nope")).toThrow("Unexpected error");
  });
});

describe("protections in a created spreadsheet", () => {
  it("a new protection protects nothing until its editors change (it mirrors the spreadsheet's)", () => {
    const { sim, sheet, id } = sharedStatement();
    const protection = sheet.protect();
    expect(mayType(sim, REP, id, "Sheet1", "A1")).toBe(true);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(["manager@example.com", REP]);
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(["manager@example.com"]);
    expect(mayType(sim, REP, id, "Sheet1", "A1")).toBe(false);
  });

  it("lets the rep type only in the unprotected cells, as the rep", () => {
    const { sim, sheet, id } = sharedStatement();
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    protection.setUnprotectedRanges([sheet.getRange("B2")]);
    typeAsUser(sim, REP, id, "Sheet1", "B2", "Agreed");
    expect(createdSheetValues(sim, id, "Sheet1")[1]).toEqual(["March", "Agreed"]);
    expect(() => typeAsUser(sim, REP, id, "Sheet1", "A2", "2026-04")).toThrow("protected cell");
    expect(() => typeAsUser(sim, REP, id, "Sheet1", "B3", "more")).toThrow("protected cell");
    expect(protection.canEdit()).toBe(true);
    expect(
      sim.globals({ kind: "manual", user: REP }).SpreadsheetApp.openById(id).getProtections("SHEET")[0].canEdit(),
    ).toBe(false);
  });
});
