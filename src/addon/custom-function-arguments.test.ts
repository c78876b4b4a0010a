import { describe, expect, it } from "vitest";
import * as functionArguments from "./custom-function-arguments";
import { shapeOf } from "./custom-function-values";
import { parseTierMode, TIER_MODES } from "../core/tiers";
import { thrownMessage } from "../../test/fixtures/thrown-message";

describe("shapes", () => {
  it("measures single values and ranges", () => {
    expect(shapeOf(5)).toEqual({ rows: 1, columns: 1 });
    expect(shapeOf("")).toEqual({ rows: 1, columns: 1 });
    expect(shapeOf([[1, 2, 3]])).toEqual({ rows: 1, columns: 3 });
    expect(shapeOf([[1], [2]])).toEqual({ rows: 2, columns: 1 });
  });

  it("finds the common shape, broadcasting single values and 1 x 1 ranges", () => {
    expect(
      functionArguments.commonShape([
        { name: "a", value: 1 },
        { name: "b", value: 2 },
      ]),
    ).toBeNull();
    expect(
      functionArguments.commonShape([
        { name: "a", value: [[1]] },
        { name: "b", value: 2 },
      ]),
    ).toEqual({ rows: 1, columns: 1 });
    expect(
      functionArguments.commonShape([
        { name: "a", value: [[1]] },
        { name: "b", value: [[1], [2]] },
      ]),
    ).toEqual({ rows: 2, columns: 1 });
    expect(
      functionArguments.commonShape([
        { name: "a", value: [[1], [2]] },
        { name: "b", value: [[1]] },
      ]),
    ).toEqual({ rows: 2, columns: 1 });
  });

  it("names both arguments when shapes differ, and rejects empty ranges", () => {
    expect(
      thrownMessage(() =>
        functionArguments.commonShape([
          { name: "actual", value: [[1, 2]] },
          { name: "target", value: [[1], [2]] },
        ]),
      ),
    ).toBe("actual (1x2) and target (2x1) must have the same shape");
    expect(thrownMessage(() => functionArguments.commonShape([{ name: "actual", value: [] }]))).toBe(
      "actual is an empty range",
    );
  });

  it("reads elements, broadcasting single values and 1 x 1 ranges, and ragged rows as blank", () => {
    expect(functionArguments.elementAt(7, 3, 4)).toBe(7);
    expect(functionArguments.elementAt([[7]], 3, 4)).toBe(7);
    expect(
      functionArguments.elementAt(
        [
          [1, 2],
          [3, 4],
        ],
        1,
        1,
      ),
    ).toBe(4);
    expect(functionArguments.elementAt([[1, 2], [3]], 1, 1)).toBe("");
  });
});

describe("mapElementwise", () => {
  const double = (values: readonly unknown[]) => Number(values[0]) * Number(values[1]);

  it("gives a single value for single values", () => {
    expect(
      functionArguments.mapElementwise(
        [
          { name: "a", value: 3 },
          { name: "b", value: 4 },
        ],
        double,
      ),
    ).toBe(12);
  });

  it("gives the range's shape, broadcasting a single value", () => {
    expect(
      functionArguments.mapElementwise(
        [
          {
            name: "a",
            value: [
              [1, 2],
              [3, 4],
            ],
          },
          { name: "b", value: 10 },
        ],
        double,
      ),
    ).toEqual([
      [10, 20],
      [30, 40],
    ]);
  });

  it("gives a 1 x 1 range for 1 x 1 ranges", () => {
    expect(
      functionArguments.mapElementwise(
        [
          { name: "a", value: [[3]] },
          { name: "b", value: 4 },
        ],
        double,
      ),
    ).toEqual([[12]]);
  });

  it("handles 500 000 cells, blanks in and blanks out (its speed is in npm run bench)", () => {
    const column = Array.from({ length: 500_000 }, (_, index) => [index % 7 === 0 ? "" : index / 1000]);
    const result = functionArguments.mapElementwise(
      [
        { name: "x", value: column },
        { name: "y", value: 2 },
      ],
      ([x, y], place) => {
        const reading = functionArguments.readElementNumber({ name: "x", value: column }, x, place);
        return reading === null ? "" : reading * Number(y);
      },
    ) as unknown[][];
    expect(result).toHaveLength(500_000);
    expect(result[0][0]).toBe("");
    expect(result[1][0]).toBeCloseTo(0.002, 12);
  });
});

describe("reading numbers", () => {
  it("reads blanks as null and text numbers by the number rules", () => {
    const argument = { name: "x", value: [[""], ["1,200"], ["12%"]] };
    expect(functionArguments.readElementNumber(argument, "", { row: 0, column: 0 })).toBeNull();
    expect(functionArguments.readElementNumber(argument, "1,200", { row: 1, column: 0 })).toBe(1200);
    expect(functionArguments.readElementNumber(argument, "12%", { row: 2, column: 0 })).toBe(0.12);
  });

  it("names the position within the argument's own range", () => {
    expect(functionArguments.elementSubject({ name: "target", value: [[1], [2]] }, { row: 1, column: 0 })).toBe(
      "target row 2, column 1",
    );
    expect(functionArguments.elementSubject({ name: "target", value: 5 }, { row: 3, column: 0 })).toBe("target row 1");
    expect(functionArguments.elementSubject({ name: "target", value: [[5]] }, { row: 3, column: 0 })).toBe(
      "target row 1, column 1",
    );
  });

  it("fails on text that is not a number", () => {
    expect(
      thrownMessage(() =>
        functionArguments.readElementNumber({ name: "target", value: [[1], ["abc"]] }, "abc", { row: 1, column: 0 }),
      ),
    ).toBe('target row 2, column 1 is not a number ("abc")');
    expect(
      thrownMessage(() => functionArguments.readElementNumber({ name: "x", value: true }, true, { row: 0, column: 0 })),
    ).toBe("x row 1 is not a number (TRUE)");
  });

  it("reads optional single numbers with their fallback", () => {
    expect(functionArguments.readOptionalNumber({ name: "growth", value: undefined }, 0)).toBe(0);
    expect(functionArguments.readOptionalNumber({ name: "growth", value: "" }, 0)).toBe(0);
    expect(functionArguments.readOptionalNumber({ name: "growth", value: [["5%"]] }, 0)).toBe(0.05);
    expect(functionArguments.readOptionalNonNegativeNumber({ name: "max_rate", value: undefined }, null)).toBeNull();
    expect(
      thrownMessage(() => functionArguments.readOptionalNonNegativeNumber({ name: "max_rate", value: -0.1 }, null)),
    ).toBe("max_rate is negative");
  });

  it("reads every number row by row, skipping blanks", () => {
    expect(
      functionArguments.readNumbersInReadingOrder({
        name: "history",
        value: [
          [1, ""],
          [3, "4"],
        ],
      }),
    ).toEqual([1, 3, 4]);
    expect(functionArguments.readNumbersInReadingOrder({ name: "history", value: 7 })).toEqual([7]);
  });
});

describe("single values and choices", () => {
  it("treats undefined, null and blank single values as omitted, never a range", () => {
    expect(functionArguments.isOmitted(undefined)).toBe(true);
    expect(functionArguments.isOmitted(null)).toBe(true);
    expect(functionArguments.isOmitted(" ")).toBe(true);
    expect(functionArguments.isOmitted(0)).toBe(false);
    expect(functionArguments.isOmitted([[""]])).toBe(false);
  });

  it("unwraps a 1 x 1 range and refuses larger ones", () => {
    expect(functionArguments.singleValue({ name: "mode", value: [["linear"]] })).toBe("linear");
    expect(thrownMessage(() => functionArguments.singleValue({ name: "mode", value: [["a"], ["b"]] }))).toBe(
      "mode (2x1) must be a single value",
    );
  });

  it("reads names trimmed and case-insensitive, with defaults", () => {
    expect(functionArguments.readTierModeArgument({ name: "mode", value: undefined })).toBe("step");
    expect(functionArguments.readTierModeArgument({ name: "mode", value: " LINEAR " })).toBe("linear");
    expect(functionArguments.readDirectionArgument({ name: "direction", value: "" })).toBe("higher");
    expect(functionArguments.readDirectionArgument({ name: "direction", value: "越低越好" })).toBe("lower");
    expect(functionArguments.readTargetMethodArgument({ name: "method", value: "Trend" })).toBe("trend");
  });

  it("lists the accepted names when a name is unknown", () => {
    expect(thrownMessage(() => functionArguments.readChoice("mode", "stepp", parseTierMode, TIER_MODES, "step"))).toBe(
      'mode "stepp" is not one of step, linear, marginal',
    );
    expect(thrownMessage(() => functionArguments.readChoice("mode", 5, parseTierMode, TIER_MODES, "step"))).toBe(
      "mode 5 is not one of step, linear, marginal",
    );
  });
});

describe("readTierTable", () => {
  it("reads rows of (bound, rate), skipping blank rows and reading text numbers", () => {
    expect(
      functionArguments.readTierTable({
        name: "tiers",
        value: [
          ["50%", "0.5"],
          ["", ""],
          [1, 1],
        ],
      }),
    ).toEqual([
      { bound: 0.5, rate: 0.5 },
      { bound: 1, rate: 1 },
    ]);
  });

  it("accepts a column of bounds only when asked to", () => {
    expect(functionArguments.readTierTable({ name: "tiers", value: [[0.5], [1]] }, { boundsOnly: true })).toEqual([
      { bound: 0.5, rate: 0 },
      { bound: 1, rate: 0 },
    ]);
    expect(functionArguments.readTierTable({ name: "tiers", value: 1 }, { boundsOnly: true })).toEqual([
      { bound: 1, rate: 0 },
    ]);
    expect(thrownMessage(() => functionArguments.readTierTable({ name: "tiers", value: [[0.5], [1]] }))).toBe(
      "tiers (2x1) must have 2 columns: bound and rate",
    );
  });

  it("reports the first problem with its row in the range", () => {
    expect(
      thrownMessage(() =>
        functionArguments.readTierTable({
          name: "tiers",
          value: [
            [1, 1],
            ["", ""],
            [1, 2],
          ],
        }),
      ),
    ).toBe("tiers row 3 is not ascending");
    expect(thrownMessage(() => functionArguments.readTierTable({ name: "tiers", value: [["", 1]] }))).toBe(
      "tiers row 1, column 1 is blank",
    );
    expect(
      thrownMessage(() =>
        functionArguments.readTierTable({
          name: "tiers",
          value: [
            [0, 1],
            [1, -0.5],
          ],
        }),
      ),
    ).toBe("tiers row 2, column 2 is negative");
    expect(thrownMessage(() => functionArguments.readTierTable({ name: "tiers", value: undefined }))).toBe(
      "tiers is missing",
    );
  });
});

describe("readVector", () => {
  it("reads a row, a column, or one value for every metric", () => {
    expect(
      functionArguments.readVector({ name: "weights", value: [[1, 2]] }, 2, "actuals").map((cell) => cell.value),
    ).toEqual([1, 2]);
    expect(
      functionArguments.readVector({ name: "weights", value: [[1], [2]] }, 2, "actuals").map((cell) => cell.place),
    ).toEqual([
      { row: 0, column: 0 },
      { row: 1, column: 0 },
    ]);
    expect(functionArguments.readVector({ name: "weights", value: 3 }, 2, "actuals").map((cell) => cell.value)).toEqual(
      [3, 3],
    );
  });

  it("refuses a vector of the wrong length", () => {
    expect(
      thrownMessage(() => functionArguments.readVector({ name: "caps", value: [[1], [2], [3]] }, 2, "actuals")),
    ).toBe("caps (3x1) must be one row or one column with one value per column of actuals (2)");
  });
});

describe("readMonthlyHistory", () => {
  const year = (first: number) => Array.from({ length: 12 }, (_, month) => first + month);

  it("reads a row or a block of 12 columns row by row, as a row", () => {
    expect(functionArguments.readMonthlyHistory({ name: "h", value: [[1, 2, 3]] })).toEqual({
      months: [1, 2, 3],
      orientation: "row",
    });
    expect(functionArguments.readMonthlyHistory({ name: "h", value: [year(1), year(101)] })).toEqual({
      months: [...year(1), ...year(101)],
      orientation: "row",
    });
  });

  it("reads a column as a column, and a block of 12 rows column by column as a row", () => {
    expect(functionArguments.readMonthlyHistory({ name: "h", value: [[1], [""], [3]] })).toEqual({
      months: [1, null, 3],
      orientation: "column",
    });
    const twoYearsDown = year(1).map((month) => [month, month + 100]);
    expect(functionArguments.readMonthlyHistory({ name: "h", value: twoYearsDown })).toEqual({
      months: [...year(1), ...year(101)],
      orientation: "row",
    });
  });

  it("reads a 12 x 12 block a year per row", () => {
    const block = Array.from({ length: 12 }, (_, row) => year(row * 100));
    expect(functionArguments.readMonthlyHistory({ name: "h", value: block }).months.slice(0, 13)).toEqual([
      ...year(0),
      100,
    ]);
  });
});
