import { describe, expect, it } from "vitest";
import { previousComparison, recentMeanComparison, teamComparison } from "./review-comparisons";
import { metricResult as metric } from "../../test/fixtures/metric-result";
import { resultRow as row } from "../../test/fixtures/result-row";

describe("comparisons", () => {
  it("compares with the latest earlier period, saying whether it is the one right before", () => {
    const now = row("2026-03", 0.92, [metric("revenue", 52000, 50000)]);
    const feb = row("2026-02", 0.85, [metric("revenue", 47500, 50000)]);
    const jan = row("2026-01", 0.8, [metric("revenue", 40000, 50000)]);
    const previous = previousComparison(now, [jan, feb]);
    expect(previous).toMatchObject({ period: "2026-02", immediate: true, score: 0.85, scoreChange: 0.07 });
    expect(previous?.metrics).toEqual([
      { metric: "revenue", attainment: 1.04, previousAttainment: 0.95, change: 0.09 },
    ]);
    expect(previousComparison(now, [jan])?.immediate).toBe(false);
    expect(previousComparison(now, [])).toBeNull();
  });

  it("averages the scored ones of the last three earlier periods, needing two", () => {
    const history = [row("2025-11", 2), row("2025-12", 0.8), row("2026-01", null), row("2026-02", 1.0)];
    expect(recentMeanComparison(1.0, history)).toMatchObject({ periods: 2, mean: 0.9, difference: 0.1 });
    expect(recentMeanComparison(1.0, history.slice(-2))).toBeNull();
    expect(recentMeanComparison(null, history)).toBeNull();
  });

  it("compares with the team median when the team has two scored reps", () => {
    const me = row("2026-03", 0.9);
    const mates = [row("2026-03", 0.7), row("2026-03", 1.2), row("2026-03", null)];
    expect(teamComparison(me, [me, ...mates])).toMatchObject({ teamSize: 3, median: 0.9, difference: 0 });
    expect(teamComparison(me, [me])).toBeNull();
  });
});
