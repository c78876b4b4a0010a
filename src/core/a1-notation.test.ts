import { describe, expect, it } from "vitest";
import * as a1Notation from "./a1-notation";

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
      expect(a1Notation.columnLetters(column)).toBe(letters);
      expect(a1Notation.columnNumber(letters)).toBe(column);
      expect(a1Notation.columnNumber(letters.toLowerCase())).toBe(column);
    }
  });

  it("round-trips every column up to Sheets' 18,278", () => {
    for (let column = 1; column <= 18278; column += 1)
      expect(a1Notation.columnNumber(a1Notation.columnLetters(column))).toBe(column);
  });
});

describe("cells and ranges", () => {
  it("writes a cell's A1 reference and reads its column back", () => {
    expect(a1Notation.a1(14, 4)).toBe("D14");
    expect(a1Notation.a1(1, 27)).toBe("AA1");
    expect(a1Notation.columnOfCell("D14")).toBe(4);
    expect(a1Notation.columnOfCell("AB3")).toBe(28);
  });

  it("writes one cell as a cell and a larger rectangle as a range", () => {
    expect(a1Notation.formatA1({ row: 2, column: 2, numRows: 1, numColumns: 1 })).toBe("B2");
    expect(a1Notation.formatA1({ row: 1, column: 1, numRows: 3, numColumns: 3 })).toBe("A1:C3");
  });

  it("parses cells, ranges, whole columns, whole rows and open-ended ranges against a grid", () => {
    expect(a1Notation.parseA1("B2", 1000, 26)).toEqual({ row: 2, column: 2, numRows: 1, numColumns: 1 });
    expect(a1Notation.parseA1("$A$1:C3", 1000, 26)).toEqual({ row: 1, column: 1, numRows: 3, numColumns: 3 });
    expect(a1Notation.parseA1("A:C", 1000, 26)).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 3 });
    expect(a1Notation.parseA1("2:5", 1000, 26)).toEqual({ row: 2, column: 1, numRows: 4, numColumns: 26 });
    expect(a1Notation.parseA1("A2:C", 1000, 26)).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 3 });
    expect(a1Notation.parseA1("A0", 1000, 26)).toBeNull();
    expect(a1Notation.parseA1("A1:B2:C3", 1000, 26)).toBeNull();
  });
});

describe("sheet names", () => {
  it("quotes a sheet name only when Sheets would, doubling its apostrophes", () => {
    expect(a1Notation.quoteSheetName("Sales")).toBe("Sales");
    expect(a1Notation.quoteSheetName("Run log")).toBe("'Run log'");
    expect(a1Notation.quoteSheetName("It's")).toBe("'It''s'");
  });

  it("splits a reference into its sheet name and A1 part", () => {
    expect(a1Notation.splitSheetName("'Run log'!A1:C3")).toEqual({ sheetName: "Run log", a1: "A1:C3" });
    expect(a1Notation.splitSheetName("'It''s'!A1")).toEqual({ sheetName: "It's", a1: "A1" });
    expect(a1Notation.splitSheetName("Sales!B2")).toEqual({ sheetName: "Sales", a1: "B2" });
    expect(a1Notation.splitSheetName("B2")).toEqual({ sheetName: null, a1: "B2" });
  });
});
