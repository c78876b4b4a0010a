import { describe, expect, it } from "vitest";
import {
  a1,
  columnLetters,
  columnNumber,
  columnOfCell,
  formatA1,
  parseA1,
  quoteSheetName,
  splitSheetName,
} from "./a1-notation";

describe("column letters", () => {
  it("turns column numbers into letters and back, across the one-, two- and three-letter boundaries", () => {
    for (const [column, letters] of [
      [1, "A"],
      [26, "Z"],
      [27, "AA"],
      [28, "AB"],
      [702, "ZZ"],
      [703, "AAA"],
      [18278, "ZZZ"],
    ] as const) {
      expect(columnLetters(column)).toBe(letters);
      expect(columnNumber(letters)).toBe(column);
      expect(columnNumber(letters.toLowerCase())).toBe(column);
    }
  });

  it("round-trips every column up to Sheets' 18,278", () => {
    for (let column = 1; column <= 18278; column += 1) expect(columnNumber(columnLetters(column))).toBe(column);
  });
});

describe("cells and ranges", () => {
  it("writes a cell's A1 reference and reads its column back", () => {
    expect(a1(14, 4)).toBe("D14");
    expect(a1(1, 27)).toBe("AA1");
    expect(columnOfCell("D14")).toBe(4);
    expect(columnOfCell("AB3")).toBe(28);
  });

  it("writes one cell as a cell and a larger rectangle as a range", () => {
    expect(formatA1({ row: 2, column: 2, numRows: 1, numColumns: 1 })).toBe("B2");
    expect(formatA1({ row: 1, column: 1, numRows: 3, numColumns: 3 })).toBe("A1:C3");
  });

  it("parses cells, ranges, whole columns, whole rows and open-ended ranges against a grid", () => {
    expect(parseA1("B2", 1000, 26)).toEqual({ row: 2, column: 2, numRows: 1, numColumns: 1 });
    expect(parseA1("$A$1:C3", 1000, 26)).toEqual({ row: 1, column: 1, numRows: 3, numColumns: 3 });
    expect(parseA1("A:C", 1000, 26)).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 3 });
    expect(parseA1("2:5", 1000, 26)).toEqual({ row: 2, column: 1, numRows: 4, numColumns: 26 });
    expect(parseA1("A2:C", 1000, 26)).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 3 });
    expect(parseA1("A0", 1000, 26)).toBeNull();
    expect(parseA1("A1:B2:C3", 1000, 26)).toBeNull();
  });
});

describe("sheet names", () => {
  it("quotes a sheet name only when Sheets would, doubling its apostrophes", () => {
    expect(quoteSheetName("Sales")).toBe("Sales");
    expect(quoteSheetName("Run log")).toBe("'Run log'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });

  it("splits a reference into its sheet name and A1 part", () => {
    expect(splitSheetName("'Run log'!A1:C3")).toEqual({ sheetName: "Run log", a1: "A1:C3" });
    expect(splitSheetName("'It''s'!A1")).toEqual({ sheetName: "It's", a1: "A1" });
    expect(splitSheetName("Sales!B2")).toEqual({ sheetName: "Sales", a1: "B2" });
    expect(splitSheetName("B2")).toEqual({ sheetName: null, a1: "B2" });
  });
});
