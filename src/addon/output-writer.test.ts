import { describe, expect, it } from "vitest";
import { unchangedRows } from "./output-writer";

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
