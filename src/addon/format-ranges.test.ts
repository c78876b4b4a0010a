import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRanges, formatRangesSize, type FormatRange } from "./format-ranges";

/** The grid of formats that the ranges leave on a blank block. */
function applied(ranges: readonly FormatRange[], rows: number, columns: number): string[][] {
  const grid = Array.from({ length: rows }, () => new Array<string>(columns).fill("unset"));
  for (const range of ranges) {
    for (let r = 0; r < range.rows; r++)
      for (let c = 0; c < range.columns; c++)
        grid[range.row + r][range.column + c] = typeof range.format === "string" ? range.format : range.format[r][c];
  }
  return grid;
}

/** A table like Payouts: a text header, columns of one format, and columns whose format depends on the line. */
function payoutsLike(rows: number, paddingRows: number): string[][] {
  const header = ["@", "@", "@", "@", "@", "@"];
  const body = Array.from({ length: rows }, (_, i) => ["@", "@", "0", i % 3 === 0 ? "0.0%" : "0.000", "#,##0.00", "@"]);
  const padding = Array.from({ length: paddingRows }, () => new Array<string>(6).fill("General"));
  return [header, ...body, ...padding];
}

describe("formatRanges", () => {
  it("sets every cell to the format the grid gives it", () => {
    for (const grid of [payoutsLike(1, 0), payoutsLike(7, 0), payoutsLike(50, 3), payoutsLike(0, 4)]) {
      expect(applied(formatRanges(grid), grid.length, grid[0].length)).toEqual(grid);
    }
  });

  it("sends a single format for a block of one format", () => {
    expect(
      formatRanges([
        ["@", "@"],
        ["@", "@"],
      ]),
    ).toEqual([{ row: 0, column: 0, rows: 2, columns: 2, format: "@" }]);
  });

  it("sends a row of several formats as it is", () => {
    expect(formatRanges([["@", "0"]])).toEqual([{ row: 0, column: 0, rows: 1, columns: 2, format: [["@", "0"]] }]);
  });

  it("takes as many ranges for a hundred thousand rows as for ten, and sends only the varying column as a grid", () => {
    const small = formatRanges(payoutsLike(10, 0));
    const large = formatRanges(payoutsLike(100_000, 0));
    expect(large.map(({ row, column, columns }) => [row, column, columns])).toEqual(
      small.map(({ row, column, columns }) => [row, column, columns]),
    );
    // "@" on the whole block, then "0", the varying column as a grid, and "#,##0.00".
    expect(large.map((range) => (typeof range.format === "string" ? range.format : "grid"))).toEqual([
      "@",
      "0",
      "grid",
      "#,##0.00",
    ]);
    expect(formatRangesSize(large)).toEqual({ calls: 4, cells: 100_000 });
  });

  it("clears the rows a longer earlier write left with one range across the block", () => {
    const ranges = formatRanges(payoutsLike(5, 20));
    expect(ranges[ranges.length - 1]).toEqual({ row: 6, column: 0, rows: 20, columns: 6, format: "General" });
  });

  it("gives the block the format that leaves the fewest ranges, then writes only what differs", () => {
    const grid = [
      ["@", "@", "@", "@"],
      ["0", "0", "@", "0.0%"],
      ["0", "0", "@", "0.0%"],
    ];
    // "0" would leave the header, the "@" column and the percent column to write.
    expect(formatRanges(grid)).toEqual([
      { row: 0, column: 0, rows: 3, columns: 4, format: "@" },
      { row: 1, column: 0, rows: 2, columns: 2, format: "0" },
      { row: 1, column: 3, rows: 2, columns: 1, format: "0.0%" },
    ]);
    expect(applied(formatRanges(grid), 3, 4)).toEqual(grid);
  });

  it("sets every cell of any block, whose rows may share their formats arrays, to the format the grid gives it", () => {
    const formats = fc.constantFrom("@", "0", "0.000", "0.0%", "General");
    const block = fc
      .integer({ min: 1, max: 6 })
      .chain((width) =>
        fc.tuple(
          fc.array(fc.array(formats, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 4 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 14 }),
        ),
      )
      // Rows drawn from a few arrays, as a table's rows share their columns' formats.
      .map(([shared, picks]) => picks.map((pick) => shared[pick % shared.length]));
    fc.assert(
      fc.property(block, (grid) => {
        const ranges = formatRanges(grid);
        expect(applied(ranges, grid.length, grid[0].length)).toEqual(grid);
        // The ranges depend on the columns: the whole block, at most one per column in each of two bands, the foot.
        expect(ranges.length).toBeLessThanOrEqual(Math.max(1, 2 + 2 * grid[0].length));
      }),
    );
  });
});
