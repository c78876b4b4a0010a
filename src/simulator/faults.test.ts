import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";

describe("death at the k-th write", () => {
  it("keeps earlier writes; the k-th and every later call, reads included, throw until revive", () => {
    const sim = createSimulator();
    const sheet = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
    sim.dieAtWrite(3);
    sheet.getRange("A1").setValue("one");
    sheet.getRange("A2").getValue();
    sheet.getRange("A2").setValue("two");
    expect(() => sheet.getRange("A3").setValue("three")).toThrow("Exceeded maximum execution time");
    expect(() => sheet.getRange("A1").getValue()).toThrow("Exceeded maximum execution time");
    expect(() => sheet.getName()).toThrow("Exceeded maximum execution time");
    expect(() => sim.globals().PropertiesService.getScriptProperties()).toThrow("Exceeded maximum execution time");
    expect(sim.dead).toBe(true);
    expect(sim.sheetValues("Sheet1")).toEqual([["one"], ["two"]]);
    sim.revive();
    expect(sheet.getRange("A1").getValue()).toBe("one");
  });

  it("counts property and trigger writes too, and a finally block cannot write", () => {
    const sim = createSimulator();
    const g = sim.globals();
    sim.dieAtWrite(2);
    const props = g.PropertiesService.getScriptProperties();
    props.setProperty("checkpoint", "1");
    expect(() => {
      try {
        props.setProperty("checkpoint", "2");
      } finally {
        props.setProperty("cleanup", "yes");
      }
    }).toThrow("Exceeded maximum execution time");
    sim.revive();
    expect(props.getProperties()).toEqual({ checkpoint: "1" });
  });

  it("kills an execution past an execution time limit", () => {
    const sim = createSimulator({ now: 0, executionTimeLimitMs: 360_000, callCostMs: 1000 });
    const props = sim.globals().PropertiesService.getScriptProperties();
    let calls = 0;
    expect(() => {
      for (;;) {
        props.getProperty("x");
        calls++;
      }
    }).toThrow("Exceeded maximum execution time");
    // getScriptProperties took the first second; the 360th getProperty would end at 361 s.
    expect(calls).toBe(359);
    expect(sim.now()).toBe(360_000);
  });

  it("kills for good: the write that passes the limit does not land, nor does anything in a finally", () => {
    const sim = createSimulator({ now: 0, executionTimeLimitMs: 360_000, latency: { perCallMs: 100_000 } });
    const props = sim.globals().PropertiesService.getScriptProperties(); // ends at 100 s
    props.setProperty("a", "1"); // 200 s
    props.setProperty("b", "2"); // 300 s
    expect(() => {
      try {
        props.setProperty("c", "3"); // would end at 400 s: killed
      } finally {
        props.setProperty("cleanup", "yes");
      }
    }).toThrow("Exceeded maximum execution time");
    expect(() => props.getProperty("a")).toThrow("Exceeded maximum execution time");
    // A new execution is not affected (no revive needed), and sees only the writes before the kill.
    expect(sim.globals().PropertiesService.getScriptProperties().getProperties()).toEqual({ a: "1", b: "2" });
  });

  it("charges latency per cell moved, for writes by their arguments and reads by their results", () => {
    const sim = createSimulator({ now: 0, latency: { perCallMs: 1000, perCellMs: 2 } });
    const sheet = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0]; // 2 calls: 2 s
    const range = sheet.getRange(1, 1, 10, 5); // 3 s
    range.setValues(Array.from({ length: 10 }, () => [1, 2, 3, 4, 5])); // 4 s + 50 cells x 2 ms
    expect(sim.now()).toBe(4_100);
    range.getValues(); // 5 s + 100 ms more
    expect(sim.now()).toBe(5_200);
  });
});

describe("one-off failures", () => {
  it("fails the next matching calls only", () => {
    const sim = createSimulator();
    const sheet = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
    sim.failOn("Range", "setValues", "Service Spreadsheets failed while accessing document", 1);
    expect(() => sheet.getRange("A1").setValues([[1]])).toThrow("Service Spreadsheets failed while accessing document");
    sheet.getRange("A1").setValues([[2]]);
    expect(sim.sheetValues("Sheet1")).toEqual([[2]]);
  });
});

describe("call log", () => {
  it("counts reads and writes per service and method", () => {
    const sim = createSimulator();
    sim.setSheetValues("Sales", [
      ["a", 1],
      ["b", 2],
    ]);
    const ss = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!;
    sim.resetCalls();
    const values = ss.getSheetByName("Sales")!.getDataRange().getValues();
    const out = ss.insertSheet("Results");
    out.getRange(1, 1, values.length, 2).setValues(values);
    out.getRange(1, 1, values.length, 2).setNumberFormats([
      ["@", "0"],
      ["@", "0"],
    ]);
    expect(sim.countCalls({ kind: "read" })).toBe(1);
    expect(sim.countCalls({ service: "Range", method: "getValues" })).toBe(1);
    expect(sim.countCalls({ kind: "write" })).toBe(3);
    expect(sim.countCalls({ service: "Range", method: /^set/ })).toBe(2);
    expect(sim.callsMatching({ method: "setValues" })[0].args).toEqual(["[2 x 2]"]);
    expect(sim.calls.map((c) => `${c.service}.${c.method}`)).toEqual([
      "Spreadsheet.getSheetByName",
      "Sheet.getDataRange",
      "Range.getValues",
      "Spreadsheet.insertSheet",
      "Sheet.getRange",
      "Range.setValues",
      "Sheet.getRange",
      "Range.setNumberFormats",
    ]);
  });
});
