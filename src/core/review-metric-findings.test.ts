import { describe, expect, it } from "vitest";
import type { MetricResult } from "./results";
import { metricFindings, strengthsAndWeaknesses, type MetricFinding, weakestGapOf } from "./review-metric-findings";
import { metricResult as metric } from "../../test/fixtures/metric-result";
import { resultRow } from "../../test/fixtures/result-row";

function finding(m: MetricResult, teamMedianAttainment: number | null = null): MetricFinding {
  return { ...m, teamMedianAttainment };
}

describe("strengths and weakest areas", () => {
  const metrics = [
    finding(metric("revenue", 56000, 50000)),
    finding(metric("new_customers", 2, 5)),
    finding(metric("win_rate", 0.3, 0.4)),
    finding(metric("sales_cycle_days", 25, 30, "lower")),
    finding(metric("csat", 4.4, 4.5)),
  ];

  it("names up to two of each, best and worst first, never the same metric twice", () => {
    const split = strengthsAndWeaknesses(metrics);
    expect(split.strengths.map((s) => s.metric)).toEqual(["sales_cycle_days", "revenue"]);
    expect(split.weaknesses.map((s) => s.metric)).toEqual(["new_customers", "win_rate"]);
    expect(split.strengths[1].amount).toBe(6000);
    expect(split.weaknesses[0].amount).toBe(3);
    expect(split.closestToTarget).toBeNull();
  });

  it("names the metric closest to target when none is on target, unless it is already a weakest area", () => {
    const below = [metrics[1], metrics[2], metrics[4]];
    expect(strengthsAndWeaknesses(below).closestToTarget?.metric).toBe("csat");
    expect(strengthsAndWeaknesses(below.slice(0, 2)).closestToTarget).toBeNull();
  });

  it("skips metrics left out or weighted 0", () => {
    const split = strengthsAndWeaknesses([
      finding(metric("revenue", null, 50000)),
      finding(metric("win_rate", 0.1, null)),
      finding(metric("deals_won", 1, 10, "higher", 0)),
    ]);
    expect(split).toEqual({ strengths: [], weaknesses: [], closestToTarget: null, allOnTarget: false });
  });

  it("counts a metric exactly on target as on target", () => {
    const split = strengthsAndWeaknesses([finding(metric("win_rate", 0.4, 0.4))]);
    expect(split.strengths.map((s) => s.metric)).toEqual(["win_rate"]);
    expect(split.allOnTarget).toBe(true);
  });
});

describe("weakestGapOf", () => {
  it("is the first weakness strengthsAndWeaknesses names, the earlier metric on a tie, null when none is below", () => {
    const cases = [
      [metric("revenue", 56000, 50000), metric("new_customers", 2, 5), metric("win_rate", 0.3, 0.4)],
      [metric("win_rate", 0.2, 0.4), metric("renewal_rate", 0.4, 0.8), metric("csat", 2, 4)],
      [metric("revenue", 56000, 50000)],
      [metric("revenue", null, 50000), metric("deals_won", 1, 10, "higher", 0)],
    ].map((metrics) => resultRow("2026-03", 0.9, metrics));
    const team = [...cases, resultRow("2026-03", 1, [metric("win_rate", 0.5, 0.4), metric("revenue", 40000, 50000)])];
    for (const row of cases)
      expect(weakestGapOf(row, team)).toEqual(strengthsAndWeaknesses(metricFindings(row, team)).weaknesses[0] ?? null);
    expect(weakestGapOf(cases[1], team)?.teamMedianAttainment).not.toBeNull();
    expect(weakestGapOf(cases[1], team)?.metric).toBe("win_rate");
    expect(weakestGapOf(cases[2], team)).toBeNull();
  });
});
