import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rankByScore, weightedScore } from "./score";
import type { ScoreMetric } from "./score";

const revenue = (actual: number | null, target: number | null): ScoreMetric => ({
  key: "revenue",
  weight: 0.5,
  actual,
  target,
  direction: "higher",
});

describe("weightedScore", () => {
  it("is the weighted mean of achievements", () => {
    const outcome = weightedScore([
      revenue(120, 100), // achievement 1.2
      { key: "new_customers", weight: 0.3, actual: 4, target: 5, direction: "higher" }, // 0.8
      { key: "sales_cycle_days", weight: 0.2, actual: 40, target: 30, direction: "lower" }, // 30 / 40 = 0.75
    ]);
    expect(outcome.score).toBeCloseTo((0.5 * 1.2 + 0.3 * 0.8 + 0.2 * 0.75) / (0.5 + 0.3 + 0.2), 12);
    expect(outcome.leftOut).toEqual([]);
    expect(outcome.included.map((metric) => metric.share)).toEqual([0.5, 0.3, 0.2].map((weight) => weight / 1.0));
  });

  it("does not need the weights to sum to 1", () => {
    const outcome = weightedScore([
      { ...revenue(150, 100), weight: 3 }, // 1.5
      { key: "deals_won", weight: 1, actual: 5, target: 10, direction: "higher" }, // 0.5
    ]);
    expect(outcome.score).toBeCloseTo((3 * 1.5 + 1 * 0.5) / 4, 12);
  });

  it("caps and floors each achievement", () => {
    const outcome = weightedScore([
      { ...revenue(300, 100), cap: 1.5 }, // 3.0 capped to 1.5
      { key: "win_rate", weight: 0.5, actual: 0.1, target: 0.3, direction: "higher", floor: 0.5 }, // 0.33 < floor: 0
    ]);
    expect(outcome.score).toBeCloseTo((0.5 * 1.5 + 0.5 * 0) / 1.0, 12);
  });

  it("spreads the weight of metrics without data or target over the rest, and says which and why", () => {
    const outcome = weightedScore([
      revenue(90, 100), // 0.9
      { key: "win_rate", weight: 0.3, actual: null, target: 0.3, direction: "higher" },
      { key: "renewal_rate", weight: 0.2, actual: 0.9, target: null, direction: "higher" },
    ]);
    expect(outcome.score).toBeCloseTo((0.5 * 0.9) / 0.5, 12);
    expect(outcome.included.map((metric) => metric.key)).toEqual(["revenue"]);
    expect(outcome.included[0].share).toBe(1);
    expect(outcome.leftOut).toEqual([
      { key: "win_rate", reason: "no_data" },
      { key: "renewal_rate", reason: "no_target" },
    ]);
  });

  it("reports no data before no target, and a lower-is-better actual below 0 as no data", () => {
    const outcome = weightedScore([
      { key: "a", weight: 1, actual: null, target: null, direction: "higher" },
      { key: "b", weight: 1, actual: 5, target: 0, direction: "higher" },
      { key: "c", weight: 1, actual: -2, target: 30, direction: "lower" },
    ]);
    expect(outcome.leftOut).toEqual([
      { key: "a", reason: "no_data" },
      { key: "b", reason: "no_target" },
      { key: "c", reason: "no_data" },
    ]);
  });

  it("counts a lower-is-better actual of 0 at its cap", () => {
    const outcome = weightedScore([
      revenue(100, 100), // 1.0
      { key: "sales_cycle_days", weight: 0.5, actual: 0, target: 30, direction: "lower" }, // cap 1.5
    ]);
    expect(outcome.score).toBeCloseTo((0.5 * 1.0 + 0.5 * 1.5) / 1.0, 12);
    expect(outcome.included[1]).toMatchObject({ attainment: null, achievement: 1.5 });
  });

  it("is null when no metric is left, or the weights left sum to 0", () => {
    expect(weightedScore([revenue(null, 100)]).score).toBeNull();
    expect(weightedScore([]).score).toBeNull();
    expect(weightedScore([{ ...revenue(100, 100), weight: 0 }]).score).toBeNull();
  });

  it("does not change when every weight is scaled by the same positive factor", () => {
    const metric = fc.record({
      key: fc.constantFrom("a", "b", "c", "d"),
      weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
      actual: fc.option(fc.double({ min: -10, max: 1000, noNaN: true }), { nil: null }),
      target: fc.option(fc.double({ min: -10, max: 1000, noNaN: true }), { nil: null }),
      direction: fc.constantFrom("higher" as const, "lower" as const),
    });
    fc.assert(
      fc.property(
        fc.array(metric, { maxLength: 6 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (metrics, factor) => {
          const score = weightedScore(metrics).score;
          const scaled = weightedScore(metrics.map((each) => ({ ...each, weight: each.weight * factor }))).score;
          if (score === null) {
            expect(scaled).toBeNull();
          } else {
            expect(scaled).not.toBeNull();
            expect(Math.abs((scaled as number) - score)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(score)));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("rankByScore", () => {
  it("ranks highest first, ties sharing the better rank (1, 2, 2, 4)", () => {
    const ranks = rankByScore([
      { id: "d", score: 0.5 },
      { id: "a", score: 1.1 },
      { id: "b", score: 0.9 },
      { id: "c", score: 0.9 },
    ]);
    expect([...ranks.entries()].sort()).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });

  it("compares scores rounded to 4 decimals", () => {
    const ranks = rankByScore([
      { id: "a", score: 0.90004 }, // 0.9000
      { id: "b", score: 0.89996 }, // 0.9000
      { id: "c", score: 0.90005 }, // 0.9001
    ]);
    expect(ranks.get("c")).toBe(1);
    expect(ranks.get("a")).toBe(2);
    expect(ranks.get("b")).toBe(2);
  });

  it("leaves items without a score unranked", () => {
    const ranks = rankByScore([
      { id: 1, score: null },
      { id: 2, score: 0.7 },
    ]);
    expect(ranks.has(1)).toBe(false);
    expect(ranks.get(2)).toBe(1);
    expect(rankByScore([]).size).toBe(0);
  });
});
