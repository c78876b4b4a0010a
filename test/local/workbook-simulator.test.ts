/**
 * A workbook into the simulator and back: text stays text, numbers numbers,
 * dates wall clocks in the spreadsheet's zone, formats, notes and frozen rows
 * carried, sheet order kept.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryFolder } from "../fixtures/temporary-folder";
import type { CellData, WorkbookData } from "../../src/local/workbook/workbook-data";
import { checkWorkbookData } from "../../src/local/workbook/workbook-data";
import { simulatorFromWorkbook, workbookFromSimulator } from "../../src/local/workbook/workbook-simulator";
import { readXlsx, writeXlsx } from "../../src/local/workbook/xlsx-workbook";

const SALES: CellData[][] = [
  ["Date", "Rep ID", "Customer", "Amount", "Won"],
  [{ wallClock: "2026-03-31T23:30:00" }, "001", "=cmd|' /C calc'!A0", 1200, true],
  [{ wallClock: "2026-04-01T00:00:00" }, "101", "2026-03", 0.1, false],
  [{ wallClock: "2026-02-28T08:15:00" }, "R01", "+5", -3.25, null],
  [null, "王芳", "1.2万", 0, "TRUE"],
];

const WORKBOOK: WorkbookData = {
  sheets: [
    { name: "2026", values: [["Year"], [2026]], frozenRows: 0 },
    {
      name: "Sales",
      values: SALES,
      numberFormats: SALES.map((row, r) =>
        row.map((cell, c) =>
          r > 0 && c === 3 && cell !== null
            ? "#,##0.00"
            : r > 0 && c === 0 && cell !== null
              ? "yyyy-mm-dd hh:mm"
              : null,
        ),
      ),
      notes: SALES.map((row, r) => row.map((_, c) => (r === 0 && c === 1 ? "Rep ID: e.g. R01\n销售编号" : null))),
      frozenRows: 1,
    },
    { name: "Run log", values: [] },
  ],
};

describe("simulatorFromWorkbook", () => {
  it("loads every sheet in order, plain strings as text and numbers as numbers", () => {
    const sim = simulatorFromWorkbook(WORKBOOK, { timeZone: "Asia/Shanghai" });
    expect(sim.sheetNames()).toEqual(["2026", "Sales", "Run log"]);
    const { SpreadsheetApp } = sim.globals({ kind: "manual" });
    const values = SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName("Sales")!.getDataRange().getValues();
    expect(values[1][1]).toBe("001");
    expect(values[2][1]).toBe("101");
    expect(values[2][2]).toBe("2026-03");
    expect(values[1][2]).toBe("=cmd|' /C calc'!A0");
    expect(values[3][2]).toBe("+5");
    expect(values[4][2]).toBe("1.2万");
    expect(values[1][3]).toBe(1200);
    expect(values[3][3]).toBe(-3.25);
    expect(values[1][4]).toBe(true);
    expect(values[4][4]).toBe("TRUE");
    expect(values[3][4]).toBe("");
    expect(values[4][0]).toBe("");
  });

  it("reads dates as wall clocks in the spreadsheet's time zone", () => {
    for (const timeZone of ["UTC", "Asia/Shanghai", "America/Los_Angeles"]) {
      const sim = simulatorFromWorkbook(WORKBOOK, { timeZone });
      const { SpreadsheetApp, Utilities } = sim.globals({ kind: "manual" });
      const date = SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName("Sales")!.getRange(2, 1).getValue() as Date;
      expect(Utilities.formatDate(date, timeZone, "yyyy-MM-dd HH:mm")).toBe("2026-03-31 23:30");
      expect(sim.sheetValues("Sales")[1][0]).toEqual({ date: "2026-03-31T23:30:00" });
    }
  });

  it("carries number formats, notes and frozen rows", () => {
    const sim = simulatorFromWorkbook(WORKBOOK, { locale: "zh_CN" });
    const snapshot = sim.snapshot();
    const sales = snapshot.sheets.find((s) => s.name === "Sales")!;
    expect(sales.formats.D2).toBe("#,##0.00");
    expect(sales.formats.A2).toBe("yyyy-mm-dd hh:mm");
    expect(sales.notes.B1).toBe("Rep ID: e.g. R01\n销售编号");
    expect(sales.frozenRows).toBe(1);
    expect(snapshot.locale).toBe("zh_CN");
  });

  it("takes the clock from the options", () => {
    const sim = simulatorFromWorkbook(WORKBOOK, { now: "2026-11-02T09:00:00Z" });
    expect(new Date(sim.now()).toISOString()).toBe("2026-11-02T09:00:00.000Z");
  });

  it("refuses a workbook that is not well formed, naming the cell", () => {
    const bad: WorkbookData = { sheets: [{ name: "Sales", values: [["Date"], [{ wallClock: "2026-02-30" }]] }] };
    expect(() => simulatorFromWorkbook(bad)).toThrow(/Sales!A2/);
  });

  it("gives an empty workbook the simulator's one empty sheet", () => {
    const sim = simulatorFromWorkbook({ sheets: [] });
    expect(sim.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("workbookFromSimulator", () => {
  it("gives back what went in", () => {
    const back = workbookFromSimulator(simulatorFromWorkbook(WORKBOOK, { timeZone: "Asia/Shanghai" }));
    expect(checkWorkbookData(back)).toEqual([]);
    expect(back).toEqual({
      sheets: [
        { name: "2026", values: [["Year"], [2026]], frozenRows: 0 },
        { ...WORKBOOK.sheets[1] },
        { name: "Run log", values: [], frozenRows: 0 },
      ],
    });
  });

  it("returns what a script wrote: numbers with formats, text as text, dates as wall clocks", () => {
    const sim = simulatorFromWorkbook(WORKBOOK, { timeZone: "Asia/Shanghai" });
    const { SpreadsheetApp } = sim.globals({ kind: "manual" });
    const ss = SpreadsheetApp.getActiveSpreadsheet()!;
    const sheet = ss.insertSheet("Results");
    const range = sheet.getRange(1, 1, 2, 4);
    range.setNumberFormats([
      ["@", "@", "@", "@"],
      ["@", "0.0%", "#,##0.00", "General"],
    ]);
    range.setValues([
      ["Period", "Score", "Bonus", "When"],
      ["2026-03", 0.934, 1234.5, new Date(Date.UTC(2026, 2, 31, 15, 30))], // 23:30 in Shanghai
    ]);
    sheet.getRange(1, 2).setNote("得分");
    const back = workbookFromSimulator(sim);
    const results = back.sheets.find((s) => s.name === "Results")!;
    expect(results.values).toEqual([
      ["Period", "Score", "Bonus", "When"],
      ["2026-03", 0.934, 1234.5, { wallClock: "2026-03-31T23:30:00" }],
    ]);
    expect(results.numberFormats).toEqual([
      ["@", "@", "@", "@"],
      ["@", "0.0%", "#,##0.00", null],
    ]);
    expect(results.notes?.[0][1]).toBe("得分");
    expect(checkWorkbookData(back)).toEqual([]);
  });

  describe("through an .xlsx file", () => {
    const dir = temporaryFolder("workbook-simulator-");

    it("keeps text, numbers, formats and dates", async () => {
      const path = join(dir(), "round-trip.xlsx");
      await writeXlsx(workbookFromSimulator(simulatorFromWorkbook(WORKBOOK)), path);
      const read = await readXlsx(path);
      const again = workbookFromSimulator(simulatorFromWorkbook(read));
      const sales = again.sheets.find((s) => s.name === "Sales")!;
      expect(sales.values).toEqual(SALES);
      expect(sales.numberFormats?.[1][3]).toBe("#,##0.00");
    });
  });
});

describe("a long sheet into the simulator", () => {
  it("gets its data's columns only, and comes back whole, formats and notes left out when it has none", () => {
    const rows: CellData[][] = [["Rep ID", "Amount", "Customer"]];
    for (let i = 1; i <= 45_000; i++) rows.push([`R${i % 50}`, i, i % 7 === 0 ? null : `C${i}`]);
    const sim = simulatorFromWorkbook({
      sheets: [
        { name: "Sales", values: rows },
        { name: "Reps", values: [["Rep ID"]] },
      ],
    });
    expect([sim.sheetModel("Sales").maxColumns, sim.sheetModel("Sales").maxRows]).toEqual([3, 45_001]);
    expect(sim.sheetModel("Reps").maxColumns).toBe(26);
    const back = workbookFromSimulator(sim).sheets[0];
    expect(back.values).toEqual(rows);
    expect([back.numberFormats, back.notes]).toEqual([undefined, undefined]);
  });
});
