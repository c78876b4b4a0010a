import { describe, expect, it } from "vitest";
import { inspectOutputSheet, unchangedRows, type BelowFinal } from "./output-writer";

describe("unchangedRows", () => {
  const block = [
    ["Period", "Score", "When"],
    ["2026-03", 1.5, new Date(Date.UTC(2026, 2, 31))],
    ["2026-04", 2, ""],
  ];

  it("counts the leading rows the sheet holds as they are, dates by their instant and blanks as blank", () => {
    const sheet = [
      ["Period", "Score", "When"],
      ["2026-03", 1.5, new Date(Date.UTC(2026, 2, 31))],
      ["2026-Q2", 2],
    ];
    expect(unchangedRows(block, sheet)).toBe(2);
    expect(unchangedRows(block, [...sheet.slice(0, 2), ["2026-04", 2]])).toBe(3); // a missing cell is blank
    expect(unchangedRows(block, [...sheet.slice(0, 2), ["2026-04", 2, null]])).toBe(3);
  });

  it("stops at a cell of another kind, another instant, or a sheet row wider than the block", () => {
    expect(unchangedRows(block, [block[0], ["2026-03", "1.5", block[1][2]]])).toBe(1); // text, not a number
    expect(unchangedRows(block, [block[0], ["2026-03", 1.5, new Date(Date.UTC(2026, 2, 30))]])).toBe(1);
    expect(unchangedRows(block, [[...block[0], "Extra"]])).toBe(0);
    expect(unchangedRows([["", ""]], [])).toBe(1); // blank rows past the sheet's values are held
  });

  it("is 0 when the sheet was not read", () => {
    expect(unchangedRows(block, null)).toBe(0);
  });
});

/** A spreadsheet of one sheet holding `values`, as much of it as inspectOutputSheet uses; answers the ranges read. */
function oneSheet(values: unknown[][]): { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; reads: string[] } {
  const reads: string[] = [];
  const range = (row: number, column: number, rows: number, columns: number) => ({
    getValues: () => {
      reads.push(`${row},${column} ${rows}x${columns}`);
      return values.slice(row - 1, row - 1 + rows).map((r) => r.slice(column - 1, column - 1 + columns));
    },
  });
  const sheet = {
    getSheetId: () => 7,
    getLastRow: () => values.length,
    getLastColumn: () => values[0].length,
    getMaxRows: () => 1000,
    getMaxColumns: () => 26,
    getRange: range,
    getDataRange: () => range(1, 1, values.length, values[0].length),
  };
  const ss = { getSheetByName: () => sheet } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return { ss, reads };
}

describe("inspectOutputSheet below final periods", () => {
  const header = ["Period", "Rep ID", "Amount"];
  const below: BelowFinal = { periods: new Set(["2026-01", "2026-02", "2026-Q1"]), header, fyStart: 1 };
  const rows = [
    ["2026-01", "r1", 1],
    ["2026-02", "r1", 2],
    ["2026-Q1", "r1", 3],
    ["2026-03", "r1", 4],
    ["2026-Q2", "r1", 5],
  ];

  it("reads the header, the Period column and the rows below the leading rows of final periods", () => {
    const { ss, reads } = oneSheet([header, ...rows]);
    const out = inspectOutputSheet(ss, "payouts", "Payouts", { values: true, knownId: 7, below });
    expect(reads).toEqual(["1,1 1x3", "2,1 5x1", "5,1 2x3"]);
    expect(out).toMatchObject({ values: [header, ...rows.slice(3)], skipped: 3, lastSkipped: "2026-Q1" });
    expect(out).toMatchObject({ readBelow: true, lastRow: 6, lastColumn: 3, cellsRead: 3 + 5 + 6 });
    expect([...out.skippedPeriods]).toEqual(["2026-01", "2026-02", "2026-Q1"]);
  });

  it("takes the sheet's own header when none is given (Results), finding its Period column", () => {
    const moved = [["Rep ID", "Period", "Amount"], ...rows.map(([period, rep, amount]) => [rep, period, amount])];
    const { ss, reads } = oneSheet(moved);
    const out = inspectOutputSheet(ss, "results", "Results", {
      values: true,
      knownId: 7,
      below: { ...below, header: null },
    });
    expect(reads).toEqual(["1,1 1x3", "2,2 5x1", "5,1 2x3"]);
    expect(out.values).toEqual([moved[0], ...moved.slice(4)]);
  });

  it("stops skipping at a row of a period not final, or out of period order", () => {
    const swapped = [rows[1], rows[0], ...rows.slice(2)];
    const out = inspectOutputSheet(oneSheet([header, ...swapped]).ss, "payouts", "Payouts", {
      values: true,
      knownId: 7,
      below,
    });
    expect(out.skipped).toBe(1); // 2026-01 after 2026-02 would be sorted again: it is read
    expect(out.values).toEqual([header, ...swapped.slice(1)]);
  });

  it("reads the whole sheet under another header or with another column", () => {
    for (const values of [
      [["Period", "Rep", "Amount"], ...rows],
      [[...header, "Note"], ...rows.map((row) => [...row, ""])],
    ]) {
      const { ss, reads } = oneSheet(values);
      const out = inspectOutputSheet(ss, "payouts", "Payouts", { values: true, knownId: 7, below });
      expect({ values: out.values, skipped: out.skipped, readBelow: out.readBelow }).toEqual({
        values,
        skipped: 0,
        readBelow: false,
      });
      expect(reads.at(-1)).toBe(`1,1 6x${values[0].length}`);
    }
  });
});
