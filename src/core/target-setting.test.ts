import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as targetSetting from "./target-setting";

describe("suggestTarget", () => {
  it("average: last quarter's 3 new customers a month, plus 50%, suggests 4.5", () => {
    expect(targetSetting.suggestTarget([3, 3, 3], 0.5, "average")).toBeCloseTo(((3 + 3 + 3) / 3) * 1.5, 12);
  });

  it("median: the middle value, or the mean of the two middle ones", () => {
    expect(targetSetting.suggestTarget([5, 1, 9], 0, "median")).toBe(5);
    expect(targetSetting.suggestTarget([5, 1, 9, 7], 0, "median")).toBe((5 + 7) / 2);
  });

  it("last: the newest value", () => {
    expect(targetSetting.suggestTarget([5, 1, 9, 7], 0.1, "last")).toBeCloseTo(7 * 1.1, 12);
  });

  it("trend: the least-squares line one step ahead", () => {
    expect(targetSetting.suggestTarget([10, 12, 14], 0, "trend")).toBeCloseTo(16, 12);
    // y = 1, 3, 2 at t = 0, 1, 2: slope (-1 x -1 + 0 + 1 x 0) / 2 = 0.5, mean 2; at t = 3: 2 + 0.5 x (3 - 1) = 3.
    expect(targetSetting.suggestTarget([1, 3, 2], 0, "trend")).toBeCloseTo(3, 12);
    expect(targetSetting.suggestTarget([8], 0, "trend")).toBe(8); // one point: a flat line
  });

  it("is never below 0", () => {
    expect(targetSetting.suggestTarget([30, 20, 10], 0, "trend")).toBe(0); // the line reaches 0 at t = 3
    expect(targetSetting.suggestTarget([30, 20, 5], 0, "trend")).toBe(0); // and goes below it
    expect(targetSetting.suggestTarget([10], -1.5, "average")).toBe(0);
  });

  it("fails clearly on an empty history", () => {
    expect(() => targetSetting.suggestTarget([], 0, "average")).toThrow(targetSetting.EMPTY_HISTORY_MESSAGE);
  });
});

const flatYear = () => new Array<number>(12).fill(10);

describe("seasonalSplit", () => {
  it("splits equally without a complete year", () => {
    expect(targetSetting.seasonalSplit(1200, [])).toEqual(new Array(12).fill(100));
    expect(targetSetting.seasonalSplit(1200, [5, 6, 7])).toEqual(new Array(12).fill(100));
  });

  it("follows one complete year's shape", () => {
    const year = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 13]; // total 24
    const targets = targetSetting.seasonalSplit(2400, year);
    expect(targets.slice(0, 11).every((month) => Math.abs(month - (2400 * 1) / 24) < 1e-9)).toBe(true);
    expect(targets[11]).toBeCloseTo((2400 * 13) / 24, 9);
  });

  it("averages each month's share over complete years, not the raw values", () => {
    const small = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]; // every month 1/12
    const big = [110, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10]; // January 110/120, December 10/120
    const shares = targetSetting.seasonalShares([...small, ...big]);
    expect(shares[0]).toBeCloseTo((1 / 12 + 110 / 120) / 2, 12);
    expect(shares[5]).toBeCloseTo((1 / 12 + 0) / 2, 12);
    expect(shares[11]).toBeCloseTo((1 / 12 + 10 / 120) / 2, 12);
  });

  it("ignores a partial trailing year, a year with a blank, a negative month or no sales", () => {
    const shaped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12];
    const withBlank: (number | null)[] = [...flatYear().slice(0, 11), null];
    const withNegative = [...flatYear().slice(0, 11), -5];
    const empty = new Array<number>(12).fill(0);
    const history = [...withBlank, ...withNegative, ...empty, ...shaped, 99, 99];
    expect(targetSetting.completeYears(history)).toEqual([shaped]);
    expect(targetSetting.seasonalSplit(1200, history)[11]).toBe(1200);
  });

  it("sums to the annual target", () => {
    const monthValue = fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null, freq: 10 });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.array(monthValue, { maxLength: 60 }),
        (annual, history) => {
          const targets = targetSetting.seasonalSplit(annual, history);
          expect(targets).toHaveLength(12);
          const total = targets.reduce((sum, month) => sum + month, 0);
          expect(Math.abs(total - annual)).toBeLessThanOrEqual(1e-9 * Math.max(annual, 1e-300));
          expect(targets.every((month) => month >= 0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("parseTargetMethod", () => {
  it("trims and ignores case", () => {
    expect(targetSetting.parseTargetMethod(" Trend ")).toBe("trend");
    expect(targetSetting.parseTargetMethod("MEDIAN")).toBe("median");
    expect(targetSetting.parseTargetMethod("mean")).toBeNull();
  });
});
