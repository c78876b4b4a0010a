import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Direction } from "../core/attainment";
import { weightedScore, type ScoreMetric } from "../core/score";
import { GOLDEN_CASES, GOLDEN_DECIMALS } from "../../test/golden/tier-cases";
import type { GoldenCase, GoldenCell } from "../../test/golden/tier-cases";
import * as customFunctions from "./custom-functions";
import { ATTAINMENT, BONUS, KPI_SCORE, NEXT_TIER_GAP, SEASONAL_SPLIT, SUGGEST_TARGET } from "./custom-functions";
import type { ResultCell, SheetArgument, SheetResult } from "./custom-function-values";
import { CUSTOM_FUNCTION_PARAMETERS } from "../../test/fixtures/custom-function-parameters";

type AnyCustomFunction = (...args: SheetArgument[]) => SheetResult;

function call(golden: GoldenCase): SheetResult {
  const fn = customFunctions[golden.fn] as AnyCustomFunction;
  return fn(...(golden.args as SheetArgument[]));
}

function expectCell(actual: unknown, expected: GoldenCell): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(actual as number).toBeCloseTo(expected, GOLDEN_DECIMALS);
  } else {
    expect(actual).toBe(expected);
  }
}

function errorMessageOf(run: () => unknown): string {
  try {
    run();
  } catch (failure) {
    expect(failure).toBeInstanceOf(Error);
    return (failure as Error).message;
  }
  throw new Error("expected the call to throw");
}

// The target-bonus tiers of the worked examples (docs/sheet-formats.md#worked-examples): (0.5, 0.5) (1.0, 1.0) (1.2, 1.5).
const BONUS_TIERS = [
  [0.5, 0.5],
  [1.0, 1.0],
  [1.2, 1.5],
];

describe("golden cases (test/golden/tier-cases.ts)", () => {
  it.each(GOLDEN_CASES.map((golden) => [golden.name, golden] as const))("%s", (_, golden) => {
    const { expected } = golden;
    if (typeof expected === "object" && !Array.isArray(expected)) {
      const message = errorMessageOf(() => call(golden));
      expect(message).toBe(expected.error);
      expect(message).not.toMatch(/[\r\n]/);
      return;
    }
    const result = call(golden);
    if (!Array.isArray(expected)) {
      expectCell(result, expected);
      return;
    }
    expect(Array.isArray(result)).toBe(true);
    const rows = result as unknown[][];
    expect(rows.map((row) => row.length)).toEqual(expected.map((row) => row.length));
    expected.forEach((row, rowIndex) => row.forEach((cell, column) => expectCell(rows[rowIndex][column], cell)));
  });
});

describe("KPI_SCORE", () => {
  // Two reps, three metrics: revenue, new customers, sales cycle days (lower is better).
  const actuals = [
    [120, 4, 40],
    [80, 6, 0],
  ];
  const targets = [
    [100, 5, 30],
    [100, 5, 30],
  ];
  const weights = [[0.5, 0.3, 0.2]];
  const directions = [["higher", "higher", "lower"]];

  it("scores each row, with a weight row and a direction row", () => {
    const scores = KPI_SCORE(actuals, targets, weights, directions) as number[][];
    expect(scores).toHaveLength(2);
    // Rep 1: 0.5 x 1.2 + 0.3 x 0.8 + 0.2 x (30 / 40)
    expect(scores[0][0]).toBeCloseTo(0.5 * 1.2 + 0.3 * (4 / 5) + 0.2 * (30 / 40), 12);
    // Rep 2: 0.5 x 0.8 + 0.3 x 1.2 + 0.2 x 1.5 (a lower-is-better actual of 0 achieves its cap)
    expect(scores[1][0]).toBeCloseTo(0.5 * 0.8 + 0.3 * (6 / 5) + 0.2 * 1.5, 12);
  });

  it("takes weights, directions and caps as columns too", () => {
    const scores = KPI_SCORE(
      actuals,
      targets,
      [[0.5], [0.3], [0.2]],
      [["higher"], ["higher"], ["越低越好"]],
      [[1.1], [1.1], [1.1]],
    );
    expect((scores as number[][])[1][0]).toBeCloseTo(0.5 * 0.8 + 0.3 * 1.1 + 0.2 * 1.1, 12);
  });

  it("uses higher and a cap of 1.5 by default, and blank direction or cap cells too", () => {
    const scores = KPI_SCORE([[200, 10]], [[100, 5]], [[1, 1]]) as number[][];
    expect(scores).toEqual([[(1.5 + 1.5) / 2]]);
    const withBlanks = KPI_SCORE([[200, 10]], [[100, 5]], [[1, 1]], [["", "lower"]], [["", 3]]) as number[][];
    expect(withBlanks[0][0]).toBeCloseTo((1 * 1.5 + 1 * (5 / 10)) / 2, 12);
  });

  it("spreads the weight of blank metrics and gives a blank for a row with none", () => {
    const scores = KPI_SCORE(
      [
        [120, ""],
        ["", ""],
        [90, 3],
      ],
      [
        [100, 5],
        [100, 5],
        ["", 0],
      ],
      [[0.6, 0.4]],
    );
    expect((scores as number[][])[0][0]).toBeCloseTo(1.2, 12); // only revenue counted
    expect((scores as number[][])[1][0]).toBe("");
    expect((scores as number[][])[2][0]).toBe(""); // no usable target
  });

  it("is the same when every weight is scaled", () => {
    const scores = KPI_SCORE(actuals, targets, weights, directions) as number[][];
    const scaled = KPI_SCORE(actuals, targets, [[50, 30, 20]], directions) as number[][];
    scores.forEach((row, index) => expect(scaled[index][0]).toBeCloseTo(row[0], 12));
  });

  it("gives a single value for single values", () => {
    expect(KPI_SCORE(90, 100, 1)).toBeCloseTo(0.9, 12);
    expect(KPI_SCORE("", 100, 1)).toBe("");
  });

  it("broadcasts a single direction or cap to every metric", () => {
    const scores = KPI_SCORE([[20, 40]], [[30, 30]], [[1, 1]], "lower", 2) as number[][];
    expect(scores[0][0]).toBeCloseTo((1.5 + 0.75) / 2, 12);
  });

  it("fails on bad arguments, naming the argument and the position", () => {
    expect(errorMessageOf(() => KPI_SCORE(actuals, [[100, 5, 30]], weights))).toBe(
      "KPI_SCORE: actuals (2x3) and targets (1x3) must have the same shape",
    );
    expect(errorMessageOf(() => KPI_SCORE(actuals, targets, [[0.5, 0.5]]))).toBe(
      "KPI_SCORE: weights (1x2) must be one row or one column with one value per column of actuals (3)",
    );
    expect(errorMessageOf(() => KPI_SCORE(actuals, targets, [[0.5, -0.3, 0.2]]))).toBe(
      "KPI_SCORE: weights row 1, column 2 is negative",
    );
    expect(errorMessageOf(() => KPI_SCORE(actuals, targets, [[0.5, "", 0.2]]))).toBe(
      "KPI_SCORE: weights row 1, column 2 is blank",
    );
    expect(errorMessageOf(() => KPI_SCORE(actuals, targets, weights, [["higher", "up", "lower"]]))).toBe(
      'KPI_SCORE: directions row 1, column 2 "up" is not one of higher, lower, 越高越好, 越低越好',
    );
    expect(errorMessageOf(() => KPI_SCORE(actuals, targets, weights, directions, [[1.5], [-1], [1.5]]))).toBe(
      "KPI_SCORE: caps row 2, column 1 is negative",
    );
    expect(errorMessageOf(() => KPI_SCORE([[1, "x"]], [[1, 1]], [[1, 1]]))).toBe(
      'KPI_SCORE: actuals row 1, column 2 is not a number ("x")',
    );
    // Sheets lets a formula leave out a required argument.
    expect(errorMessageOf(() => (KPI_SCORE as AnyCustomFunction)(actuals, targets))).toBe(
      "KPI_SCORE: weights is missing",
    );
  });

  it("gives weightedScore's score to the last bit, blanks, zeros and lower-is-better included (property)", () => {
    const cell = fc.oneof(
      fc.constant(""),
      fc.constant(0),
      fc.integer({ min: -50, max: 500 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    const metricCount = 4;
    const row = fc.array(cell, { minLength: metricCount, maxLength: metricCount });
    const weight = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, row), { minLength: 1, maxLength: 20 }),
        fc.array(weight, { minLength: metricCount, maxLength: metricCount }),
        fc.array(fc.constantFrom("higher", "lower"), { minLength: metricCount, maxLength: metricCount }),
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: metricCount, maxLength: metricCount }),
        (rows, weights, directions, caps) => {
          const actuals = rows.map(([actual]) => actual);
          const targets = rows.map(([, target]) => target);
          const scores = KPI_SCORE(actuals, targets, [weights], [directions], [caps]) as ResultCell[][];
          const expected = rows.map(([actual, target]) => {
            const metrics = weights.map(
              (w, column): ScoreMetric => ({
                key: String(column),
                weight: w,
                actual: actual[column] === "" ? null : (actual[column] as number),
                target: target[column] === "" ? null : (target[column] as number),
                direction: directions[column] as Direction,
                floor: 0,
                cap: caps[column],
              }),
            );
            return [weightedScore(metrics).score ?? ""];
          });
          expect(scores).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("NEXT_TIER_GAP", () => {
  it("higher is better: bound x target - actual", () => {
    expect(NEXT_TIER_GAP(110, 100, BONUS_TIERS)).toBeCloseTo(1.2 * 100 - 110, 9); // attainment 1.1, next bound 1.2
    expect(NEXT_TIER_GAP(20, 100, BONUS_TIERS)).toBeCloseTo(0.5 * 100 - 20, 9); // below the first bound
    expect(NEXT_TIER_GAP(100, 100, BONUS_TIERS)).toBeCloseTo(1.2 * 100 - 100, 9); // on a bound: the next one
  });

  it("drops float noise: 1.2 x 3 - 3 is 0.6", () => {
    expect(NEXT_TIER_GAP(3, 3, BONUS_TIERS)).toBe(0.6);
  });

  it("lower is better: the drop to target / bound, as a positive number", () => {
    // attainment 45 / 40 = 1.125, next bound 1.2: the actual must drop to 45 / 1.2 = 37.5.
    expect(NEXT_TIER_GAP(40, 45, BONUS_TIERS, "lower")).toBeCloseTo(40 - 45 / 1.2, 9);
    expect(NEXT_TIER_GAP(40, 45, BONUS_TIERS, "越低越好")).toBeCloseTo(2.5, 9);
  });

  it("is blank at the top tier, without attainment, or for a blank element", () => {
    expect(NEXT_TIER_GAP(130, 100, BONUS_TIERS)).toBe("");
    expect(NEXT_TIER_GAP(0.4 * 3, 1, BONUS_TIERS)).toBe(""); // 1.2000000000000002 is read as 1.2: the top tier
    expect(NEXT_TIER_GAP(50, 0, BONUS_TIERS)).toBe("");
    expect(NEXT_TIER_GAP(0, 30, BONUS_TIERS, "lower")).toBe("");
    expect(NEXT_TIER_GAP("", 100, BONUS_TIERS)).toBe("");
  });

  it("works element-wise on ranges and accepts a column of bounds", () => {
    const gaps = NEXT_TIER_GAP([[110], [""], [130], [45]], 100, [[0.5], [1.0], [1.2]]);
    expect(gaps).toHaveLength(4);
    const rows = gaps as (number | string)[][];
    expect(rows[0][0]).toBeCloseTo(10, 9);
    expect(rows[1][0]).toBe("");
    expect(rows[2][0]).toBe("");
    expect(rows[3][0]).toBeCloseTo(5, 9);
  });

  it("fails on bad tiers or direction", () => {
    expect(errorMessageOf(() => NEXT_TIER_GAP(1, 1, [[1.0], [0.5]]))).toBe(
      "NEXT_TIER_GAP: tiers row 2 is not ascending",
    );
    expect(errorMessageOf(() => NEXT_TIER_GAP(1, 1, [[1, 2, 3]]))).toBe(
      "NEXT_TIER_GAP: tiers (1x3) must have 1 column (bound) or 2 columns (bound and rate)",
    );
    expect(errorMessageOf(() => NEXT_TIER_GAP(1, 1, BONUS_TIERS, "down"))).toBe(
      'NEXT_TIER_GAP: direction "down" is not one of higher, lower, 越高越好, 越低越好',
    );
  });
});

describe("SUGGEST_TARGET", () => {
  it("averages by default, reading the range row by row and skipping blanks", () => {
    expect(
      SUGGEST_TARGET([
        [3, "", 3],
        [3, "", ""],
      ]),
    ).toBe(3);
  });

  it("applies growth, as a number or percent text", () => {
    expect(SUGGEST_TARGET([[3, 3, 3]], 0.5)).toBeCloseTo(4.5, 12);
    expect(SUGGEST_TARGET([[100, 100]], "10%")).toBeCloseTo(110, 9);
  });

  it("uses each method, oldest value first", () => {
    const history = [[10], [12], [""], [14]];
    expect(SUGGEST_TARGET(history, 0, "trend")).toBeCloseTo(16, 9);
    expect(SUGGEST_TARGET(history, "", " Median ")).toBe(12);
    expect(SUGGEST_TARGET(history, 0, "last")).toBe(14);
    expect(SUGGEST_TARGET(5, 0.2)).toBeCloseTo(6, 12);
  });

  it("is never below 0", () => {
    expect(SUGGEST_TARGET([[30, 20, 5]], 0, "trend")).toBe(0);
  });

  it("fails on an empty history, text in it, a bad growth or method", () => {
    expect(errorMessageOf(() => SUGGEST_TARGET([["", ""]]))).toBe("SUGGEST_TARGET: history has no numbers");
    expect(errorMessageOf(() => SUGGEST_TARGET([[1, "x"]]))).toBe(
      'SUGGEST_TARGET: history row 1, column 2 is not a number ("x")',
    );
    expect(errorMessageOf(() => SUGGEST_TARGET([[1]], "lots"))).toBe('SUGGEST_TARGET: growth is not a number ("lots")');
    expect(errorMessageOf(() => SUGGEST_TARGET([[1]], 0, "mean"))).toBe(
      'SUGGEST_TARGET: method "mean" is not one of average, median, last, trend',
    );
    expect(errorMessageOf(() => SUGGEST_TARGET([[1]], [[0.1, 0.2]]))).toBe(
      "SUGGEST_TARGET: growth (1x2) must be a single value",
    );
  });
});

describe("SEASONAL_SPLIT", () => {
  const shapedYear = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 13]; // total 24: December is 13/24
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

  it("gives a column for a column of history", () => {
    const result = SEASONAL_SPLIT(
      2400,
      shapedYear.map((value) => [value]),
    ) as number[][];
    expect(result).toHaveLength(12);
    expect(result.every((row) => row.length === 1)).toBe(true);
    expect(result[11][0]).toBeCloseTo((2400 * 13) / 24, 9);
    expect(total(result.map((row) => row[0]))).toBeCloseTo(2400, 9);
  });

  it("gives a row for a row of history", () => {
    const result = SEASONAL_SPLIT(2400, [shapedYear]) as number[][];
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(12);
    expect(result[0][0]).toBeCloseTo(2400 / 24, 9);
  });

  it("reads a block of 12 columns as a year per row, and 12 rows as a year per column", () => {
    const flat = new Array<number>(12).fill(2); // every month 1/12
    const byRow = SEASONAL_SPLIT(1200, [shapedYear, flat]) as number[][];
    const byColumn = SEASONAL_SPLIT(
      1200,
      shapedYear.map((value, month) => [value, flat[month]]),
    ) as number[][];
    const december = 1200 * ((13 / 24 + 1 / 12) / 2);
    expect(byRow).toHaveLength(1);
    expect(byRow[0][11]).toBeCloseTo(december, 9);
    expect(byColumn).toHaveLength(1);
    expect(byColumn[0][11]).toBeCloseTo(december, 9);
  });

  it("splits equally without a complete year; a partial trailing year is ignored", () => {
    expect(SEASONAL_SPLIT(1200, [[5, 6, 7]])).toEqual([new Array(12).fill(100)]);
    const withPartialYear = SEASONAL_SPLIT(2400, [[...shapedYear, 100, 100]]) as number[][];
    expect(withPartialYear[0][11]).toBeCloseTo((2400 * 13) / 24, 9);
  });

  it("gives a blank for a blank annual target", () => {
    expect(SEASONAL_SPLIT("", [shapedYear])).toBe("");
  });

  it("fails on bad arguments", () => {
    expect(errorMessageOf(() => SEASONAL_SPLIT(-1, [shapedYear]))).toBe("SEASONAL_SPLIT: annual_target is negative");
    expect(errorMessageOf(() => SEASONAL_SPLIT("lots", [shapedYear]))).toBe(
      'SEASONAL_SPLIT: annual_target is not a number ("lots")',
    );
    expect(errorMessageOf(() => SEASONAL_SPLIT([[1], [2]], [shapedYear]))).toBe(
      "SEASONAL_SPLIT: annual_target (2x1) must be a single value",
    );
    const block = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(errorMessageOf(() => SEASONAL_SPLIT(1200, block))).toBe(
      "SEASONAL_SPLIT: monthly_history (2x3) must be one row, one column, a block of 12 columns (a year per row) or of 12 rows (a year per column)",
    );
    expect(errorMessageOf(() => SEASONAL_SPLIT(1200, [[1, "x"]]))).toBe(
      'SEASONAL_SPLIT: monthly_history row 1, column 2 is not a number ("x")',
    );
    expect(errorMessageOf(() => (SEASONAL_SPLIT as AnyCustomFunction)(1200))).toBe(
      "SEASONAL_SPLIT: monthly_history is missing",
    );
  });
});

describe("errors", () => {
  it("are one-line Errors without a stack trace in the message", () => {
    const message = errorMessageOf(() => BONUS("line one\nline two", BONUS_TIERS));
    expect(message).toBe('BONUS: x row 1 is not a number ("line one line two")');
  });

  it("name a date where a number belongs", () => {
    expect(errorMessageOf(() => ATTAINMENT(new Date(2026, 2, 31), 1))).toBe(
      "ATTAINMENT: actual row 1 is not a number (a date)",
    );
  });
});

describe("the JSDoc blocks the build copies onto the stubs", () => {
  const source = readFileSync(new URL("./custom-functions.ts", import.meta.url), "utf8");
  const expectedParameters = CUSTOM_FUNCTION_PARAMETERS;

  it("exports exactly the six custom functions", () => {
    expect(Object.keys(customFunctions).sort()).toEqual(Object.keys(expectedParameters).sort());
  });

  for (const [name, parameters] of Object.entries(expectedParameters)) {
    it(`${name} has one JSDoc block right above it, with its real parameter names`, () => {
      const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nexport function ${name}\\(([^)]*)\\)`).exec(
        source,
      );
      expect(match).not.toBeNull();
      const [, doc, signature] = match as RegExpExecArray;
      const documented = [...doc.matchAll(/@param \{[^}]+\} (\w+)/g)].map((param) => param[1]);
      expect(documented).toEqual(parameters);
      const declared = signature
        .split(",")
        .map((parameter) => parameter.trim().split(/[?:]/)[0])
        .filter((parameter) => parameter !== "");
      expect(declared).toEqual(parameters);
      expect(doc).toMatch(new RegExp(`@example =${name}\\(`));
      expect(doc).toMatch(/@return \{[^}]+\} \S/);
      expect(doc).toMatch(/@customfunction/);
      const description = doc.split("\n")[1].replace(/^\s*\*\s?/, "");
      expect(description.length).toBeGreaterThan(10);
    });
  }
});
