import { describe, expect, it } from "vitest";
import { inputsPrint } from "./run-steps";

function grid(rows: number, changedRow = -1): unknown[][] {
  return Array.from({ length: rows }, (_, i) => [
    "R" + i,
    i === changedRow ? 2 : 1,
    new Date(Date.UTC(2026, 0, 1 + (i % 28))),
  ]);
}

describe("inputsPrint", () => {
  it("is the same for the same inputs and differs when one cell of a large grid differs", () => {
    const print = inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000) } }, language: "en" });
    expect(inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000) } }, language: "en" })).toBe(print);
    expect(
      inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000, 3_456) } }, language: "en" }),
    ).not.toBe(print);
    expect(inputsPrint({ grids: { sales: { sheetName: "Sales", values: grid(5_000) } }, language: "zh" })).not.toBe(
      print,
    );
  });

  it("tells dates apart", () => {
    expect(inputsPrint({ at: new Date(0) })).not.toBe(inputsPrint({ at: new Date(1) }));
  });

  it("tells apart, in a large grid, a date moved by a millisecond and values of different kinds that print alike", () => {
    const print = (last: unknown) => inputsPrint({ values: [...grid(2_000), [last]] });
    const prints = [new Date(0), new Date(1), true, "true", 1, "1", null, "", ["x"], "x"].map(print);
    expect(new Set(prints).size).toBe(prints.length);
    expect(print(new Date(5))).toBe(print(new Date(5)));
  });
});
