import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";

describe("trigger context", () => {
  it("has no active spreadsheet, Ui, document lock, properties or cache", () => {
    const sim = createSimulator();
    const g = sim.globals({ kind: "trigger", triggerUid: "1" });
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(g.SpreadsheetApp.getActiveSheet()).toBeNull();
    expect(() => g.SpreadsheetApp.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.PropertiesService.getDocumentProperties()).toBeNull();
    expect(g.CacheService.getDocumentCache()).toBeNull();
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(g.PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  it("opens only the simulated spreadsheet by id, and the call log records every openById", () => {
    const sim = createSimulator({ spreadsheetId: "abc123" });
    const g = sim.globals({ kind: "trigger" });
    expect(g.SpreadsheetApp.openById("abc123").getId()).toBe("abc123");
    expect(() => g.SpreadsheetApp.openById("other-file")).toThrow(
      "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
    expect(sim.callsMatching({ service: "SpreadsheetApp", method: "openById" }).map((c) => c.args)).toEqual([
      ['"abc123"'],
      ['"other-file"'],
    ]);
    expect(sim.callsMatching({ method: "openById" })[1].error).toMatch(/Unexpected error/);
  });
});

describe("manual context", () => {
  it("has the active spreadsheet, document lock and document properties", () => {
    const sim = createSimulator();
    const g = sim.globals({ kind: "manual" });
    expect(g.SpreadsheetApp.getActiveSpreadsheet()!.getId()).toBe("sim-spreadsheet-0001");
    expect(g.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    g.PropertiesService.getDocumentProperties()!.setProperty("k", "v");
    expect(sim.properties.snapshot().document).toEqual({ "sim-spreadsheet-0001": { k: "v" } });
  });

  it("in AuthMode.NONE, Ui works and Properties, Lock, ScriptApp and the document throw", () => {
    const sim = createSimulator();
    const g = sim.globals({ kind: "manual", authMode: "NONE" });
    g.SpreadsheetApp.getUi().createAddonMenu().addItem("Set up", "setUp").addToUi();
    expect(sim.ui.menus).toEqual([
      { caption: "", addon: true, entries: [{ caption: "Set up", functionName: "setUp" }] },
    ]);
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(
      "You do not have permission to call PropertiesService.getDocumentProperties",
    );
    expect(() => g.LockService.getScriptLock()).toThrow(/You do not have permission/);
    expect(() => g.ScriptApp.getProjectTriggers()).toThrow(/You do not have permission/);
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/You do not have permission/);
    expect(g.ScriptApp.AuthMode.NONE).toBe("NONE");
  });

  it("in AuthMode.LIMITED, the document works but openById and triggers throw", () => {
    const g = createSimulator().globals({ kind: "manual", authMode: "LIMITED" });
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
    expect(() => g.SpreadsheetApp.openById("sim-spreadsheet-0001")).toThrow(/permission/);
    expect(() => g.ScriptApp.newTrigger("x")).toThrow(/permission/);
  });

  it("a custom function reads but cannot write", () => {
    const sim = createSimulator();
    sim.setSheetValues("Sheet1", [[1]]);
    const g = sim.globals({ kind: "customFunction" });
    const range = g.SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0].getRange("A1");
    expect(range.getValue()).toBe(1);
    expect(() => range.setValue(2)).toThrow("You do not have permission to call Range.setValue");
    expect(() => g.SpreadsheetApp.getUi()).toThrow();
  });
});
