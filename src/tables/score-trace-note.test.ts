import { describe, expect, it } from "vitest";
import type { MetricResult, RepPeriodResult } from "../core/results";
import { resultRow } from "../../test/fixtures/result-row";
import { scoreTraceNote } from "./score-trace-note";

function metric(
  key: string,
  weight: number,
  attainment: number | null,
  achievement: number | null,
  leftOut: MetricResult["leftOut"] = null,
): MetricResult {
  return {
    key,
    direction: "higher",
    weight,
    manual: false,
    actual: 1,
    target: 1,
    targetSource: "rep",
    attainment,
    achievement,
    leftOut,
  };
}

/** A March result whose score and metrics are all the note reads. */
function row(score: number | null, metrics: MetricResult[]): RepPeriodResult {
  return resultRow("2026-03", score, metrics);
}

describe("scoreTraceNote", () => {
  it("writes the score as shares of the weight times achievements, naming the cap and the floor", () => {
    // Weights 0.4 + 0.2 + 0.2 counted (win rate has no data): shares 50%, 25%, 25%.
    // 0.5 x 0.987 + 0.25 x 1.5 (capped from 1.8) + 0.25 x 0 (below the floor) = 0.8685.
    const result = row(0.8685, [
      metric("revenue", 0.4, 0.987, 0.987),
      metric("new_customers", 0.2, 1.8, 1.5),
      metric("deals_won", 0.2, 0.5, 0),
      metric("win_rate", 0.2, null, null, "no_data"),
    ]);
    expect(scoreTraceNote(result, "en")).toBe(
      "Score 86.9% = Revenue 50% × 98.7% + New customers 25% × 150% (capped) + Deals won 25% × 0% (below floor)",
    );
    expect(scoreTraceNote(result, "zh")).toBe(
      "得分 86.9% = 销售额 50% × 98.7% + 新客户数 25% × 150%（封顶） + 成交单数 25% × 0%（低于门槛）",
    );
  });

  it("says nothing for a row without a score", () => {
    expect(scoreTraceNote(row(null, [metric("revenue", 1, null, null, "no_target")]), "en")).toBeNull();
  });
});
