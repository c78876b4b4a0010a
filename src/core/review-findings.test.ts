import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./default-plan";
import type { Direction, PlanSettings } from "./plan-model";
import {
  MAX_LISTED_ADJUSTMENTS,
  consecutivePeriods,
  developmentSignal,
  extraActualFor,
  median,
  previousComparison,
  recentMeanComparison,
  reviewFindings,
  shortfall,
  shownDifference,
  strengthsAndWeaknesses,
  teamComparison,
  type MetricFinding,
  type ReviewInput,
} from "./review-findings";
import type { ComponentTrace, MetricResult, RepPeriodResult } from "./results";
import { resultRow } from "../../test/fixtures/result-row";

function metric(
  key: string,
  actual: number | null,
  target: number | null,
  direction: Direction = "higher",
  weight = 1,
): MetricResult {
  const attainment =
    actual === null || target === null || target <= 0
      ? null
      : direction === "higher"
        ? actual / target
        : actual > 0
          ? target / actual
          : null;
  const leftOut = actual === null ? "no_data" : target === null ? "no_target" : null;
  return {
    key,
    direction,
    weight,
    manual: false,
    actual,
    target,
    targetSource: target === null ? "" : "rep",
    attainment,
    achievement: leftOut ? null : Math.min(attainment ?? 1.5, 1.5),
    leftOut,
  };
}

const row = resultRow;

function finding(m: MetricResult, teamMedianAttainment: number | null = null): MetricFinding {
  return { ...m, teamMedianAttainment };
}

const SETTINGS: PlanSettings = DEFAULT_SETTINGS;

function input(result: RepPeriodResult, extra: Partial<ReviewInput> = {}): ReviewInput {
  return {
    result,
    history: [],
    teamRows: [result],
    periodRowCount: 1,
    recognition: { repOfTheMonth: {}, mostImproved: null },
    settings: SETTINGS,
    tenureDays: 365,
    ...extra,
  };
}

function bonusTrace(overrides: Partial<ComponentTrace>): ComponentTrace {
  return {
    key: "target_bonus",
    kind: "target_bonus",
    driver: { kind: "score" },
    driverValue: 0.9,
    mode: "step",
    tierIndex: 0,
    tierBound: 0.8,
    nextBound: 1,
    rawRate: 0.5,
    maxRate: null,
    rate: 0.5,
    slices: [],
    gate: 0.8,
    gateMet: true,
    base: 1000,
    proration: 1,
    amount: 500,
    ...overrides,
  };
}

describe("small rules", () => {
  it("takes differences between the figures as shown", () => {
    expect(shownDifference(0.9204, 0.8496)).toBe(0.07);
    expect(shownDifference(0.91951, 0.8)).toBe(0.12);
    expect(shownDifference(0.5, 0.5)).toBe(0);
  });

  it("finds the median", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it("measures the shortfall in the metric's units at the precision shown", () => {
    expect(shortfall("new_customers", "higher", 3, 5)).toBe(2);
    expect(shortfall("new_customers", "higher", 3, 4.74)).toBe(2);
    expect(shortfall("revenue", "higher", 48000.004, 50000)).toBe(2000);
    expect(shortfall("revenue", "higher", 49999.999, 50000)).toBe(0);
    expect(shortfall("sales_cycle_days", "lower", 34.5, 30)).toBe(4.5);
    expect(shortfall("win_rate", "higher", 0.35, 0.4)).toBe(0.05);
    expect(shortfall("revenue", "higher", 56000, 50000)).toBe(-6000);
  });

  it("translates an attainment bound into the metric's units", () => {
    expect(extraActualFor({ key: "revenue", direction: "higher", actual: 46000, target: 50000 }, 1)).toBe(4000);
    expect(extraActualFor({ key: "revenue", direction: "higher", actual: 46000.001, target: 50000 }, 1)).toBe(4000);
    expect(extraActualFor({ key: "new_customers", direction: "higher", actual: 3, target: 3.75 }, 1.2)).toBe(2);
    expect(extraActualFor({ key: "sales_cycle_days", direction: "lower", actual: 36, target: 30 }, 1)).toBe(6);
    expect(extraActualFor({ key: "sales_cycle_days", direction: "lower", actual: 36, target: 30 }, 1.2)).toBe(11);
    expect(extraActualFor({ key: "revenue", direction: "higher", actual: 60000, target: 50000 }, 1)).toBeNull();
    expect(extraActualFor({ key: "revenue", direction: "higher", actual: 1, target: null }, 1)).toBeNull();
  });
});

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

describe("development signals", () => {
  const high = (period: string) => row(period, 1.15);
  const low = (period: string) => row(period, 0.7);

  it("counts consecutive periods ending with this one, by period key", () => {
    expect(consecutivePeriods(high("2026-03"), [high("2026-01"), high("2026-02")], (s) => s >= 1.1)).toBe(3);
    // A missing February ends the run.
    expect(consecutivePeriods(high("2026-03"), [high("2026-01")], (s) => s >= 1.1)).toBe(1);
    expect(consecutivePeriods(high("2026-Q1"), [high("2025-Q4")], (s) => s >= 1.1)).toBe(2);
  });

  it("suggests promotion after promotePeriods at or above promoteScore", () => {
    expect(developmentSignal(high("2026-03"), [high("2026-01"), high("2026-02")], SETTINGS, false)).toEqual({
      kind: "promotion",
      periods: 3,
      threshold: 1.1,
    });
    expect(developmentSignal(high("2026-03"), [high("2026-02")], SETTINGS, false)).toBeNull();
    // At the threshold exactly counts.
    expect(
      developmentSignal(row("2026-03", 1.1), [row("2026-01", 1.1), row("2026-02", 1.10004)], SETTINGS, false)?.kind,
    ).toBe("promotion");
  });

  it("asks for a support plan after supportPeriods below supportScore, except in the first 90 days", () => {
    expect(developmentSignal(low("2026-03"), [low("2026-02")], SETTINGS, false)).toEqual({
      kind: "support",
      periods: 2,
      threshold: 0.8,
    });
    expect(developmentSignal(low("2026-03"), [low("2026-02")], SETTINGS, true)).toBeNull();
    expect(developmentSignal(low("2026-03"), [row("2026-02", 0.8)], SETTINGS, false)).toBeNull();
  });
});

describe("reviewFindings", () => {
  it("says what it takes to reach the next tier or the gate", () => {
    const revenue = metric("revenue", 46000, 50000);
    const result = row("2026-03", 0.72, [revenue], {
      payout: {
        payoutPeriod: "month",
        components: [
          bonusTrace({
            driverValue: 0.72,
            tierIndex: null,
            tierBound: null,
            nextBound: 0.8,
            rawRate: 0,
            rate: 0,
            gateMet: false,
            amount: 0,
          }),
          bonusTrace({
            key: "revenue_bonus",
            driver: { kind: "attainment", metric: "revenue" },
            driverValue: 0.92,
            nextBound: 1,
            gate: null,
          }),
        ],
        componentsTotal: 500,
        adjustments: [],
        total: 500,
        negative: false,
      },
    });
    const f = reviewFindings(input(result));
    expect(f.nextTiers).toEqual([
      expect.objectContaining({
        status: "below",
        component: "target_bonus",
        reaching: "gate",
        threshold: 0.8,
        difference: 0.08,
        extraActual: null,
        showKey: true,
      }),
      expect.objectContaining({
        status: "below",
        component: "revenue_bonus",
        reaching: "tier",
        threshold: 1,
        difference: 0.08,
        extraActual: 4000,
      }),
    ]);
    expect(f.gatesNotMet).toEqual([expect.objectContaining({ component: "target_bonus", value: 0.72, gate: 0.8 })]);
  });

  it("says the top tier is reached", () => {
    const result = row("2026-03", 1.3, [], {
      payout: {
        payoutPeriod: "month",
        components: [bonusTrace({ driverValue: 1.3, nextBound: null })],
        componentsTotal: 500,
        adjustments: [],
        total: 500,
        negative: false,
      },
    });
    expect(reviewFindings(input(result)).nextTiers).toEqual([
      { status: "top", component: "target_bonus", kind: "target_bonus", showKey: false },
    ]);
  });

  it("lists the first adjustments and sums the rest", () => {
    const adjustments = Array.from({ length: MAX_LISTED_ADJUSTMENTS + 3 }, (_, i) => ({
      period: "2026-03",
      amount: -10.005,
      reason: "r" + i,
      row: i + 2,
    }));
    const result = row("2026-03", 1, [], {
      payout: {
        payoutPeriod: "month",
        components: [],
        componentsTotal: 0,
        adjustments,
        total: -130.07,
        negative: true,
      },
    });
    const payout = reviewFindings(input(result)).payout;
    expect(payout?.adjustments).toHaveLength(MAX_LISTED_ADJUSTMENTS);
    expect(payout?.moreAdjustments).toEqual({ count: 3, total: -30.02 });
    expect(payout?.negative).toBe(true);
  });

  it("gives onboarding focus in the first 90 days only", () => {
    expect(reviewFindings(input(row("2026-03", 1), { tenureDays: 89 })).onboarding).toEqual({ tenureDays: 89 });
    expect(reviewFindings(input(row("2026-03", 1), { tenureDays: 90 })).onboarding).toBeNull();
    expect(reviewFindings(input(row("2026-03", 1), { tenureDays: null })).onboarding).toBeNull();
  });

  it("mentions recognition for this rep only", () => {
    const me = row("2026-03", 1.2);
    const recognition = { repOfTheMonth: { East: ["r1", "r9"] }, mostImproved: { rep: "r1", delta: 0.3 } };
    expect(reviewFindings(input(me, { recognition })).recognition).toEqual([
      { kind: "rep_of_the_period", team: "East", sharedWith: 1 },
      { kind: "most_improved", previousScore: expect.closeTo(0.9, 12), change: 0.3 },
    ]);
    const other = { repOfTheMonth: { West: ["r1"] }, mostImproved: { rep: "r2", delta: 0.3 } };
    expect(reviewFindings(input(me, { recognition: other })).recognition).toEqual([]);
  });

  it("keeps a review without a score short: no rank, comparisons or tiers", () => {
    const result = row("2026-03", null, [metric("revenue", 0, null), metric("win_rate", null, 0.4)], {
      payout: {
        payoutPeriod: "month",
        components: [bonusTrace({ driverValue: null, gateMet: false, amount: 0 })],
        componentsTotal: 0,
        adjustments: [],
        total: 0,
        negative: false,
      },
    });
    const f = reviewFindings(input(result, { history: [row("2026-02", 0.9)] }));
    expect(f).toMatchObject({
      score: null,
      rank: null,
      previous: null,
      recentMean: null,
      team: null,
      nextTiers: [],
      gatesNotMet: [],
    });
    expect(f.leftOut).toEqual([
      { metric: "revenue", reason: "no_target" },
      { metric: "win_rate", reason: "no_data" },
    ]);
  });

  it("recommends the plan's training topic, one line for metrics sharing it", () => {
    const result = row("2026-03", 0.5, [
      metric("revenue", 1, 2),
      metric("avg_deal_size", 1, 2),
      metric("new_customers", 4, 5),
    ]);
    const training = { ...SETTINGS.training, avg_deal_size: SETTINGS.training.revenue };
    const f = reviewFindings(input(result, { settings: { ...SETTINGS, training } }));
    expect(f.training).toEqual([{ metrics: ["revenue", "avg_deal_size"], topic: SETTINGS.training.revenue }]);
  });

  it("a leaver gets no next tier, training, onboarding or development signal; their figures and pay stay", () => {
    const weak = [metric("revenue", 1, 2)];
    const payout = {
      payoutPeriod: "month" as const,
      components: [bonusTrace({ driverValue: 0.5, gateMet: false, amount: 0 })],
      componentsTotal: 0,
      adjustments: [],
      total: 0,
      negative: false,
    };
    const staying = row("2026-03", 0.5, weak, { payout });
    const leaving = row("2026-03", 0.5, weak, { payout, notes: [{ code: "left", lastDay: 20524 }] });
    const history = [row("2026-01", 0.5), row("2026-02", 0.5)];
    const before = reviewFindings(input(staying, { history, tenureDays: 60 }));
    expect(before.leftOn).toBeNull();
    expect(before.nextTiers).not.toEqual([]);
    expect(before.training).not.toEqual([]);
    expect(before.onboarding).not.toBeNull();
    const after = reviewFindings(input(leaving, { history, tenureDays: 60 }));
    expect(after).toMatchObject({
      leftOn: 20524,
      nextTiers: [],
      training: [],
      advancedTraining: false,
      onboarding: null,
      signal: null,
    });
    expect(after.weaknesses).toEqual(before.weaknesses);
    expect(after.payout).toEqual(before.payout);
    // Sustained under-attainment past onboarding would ask for a support plan, but not of a leaver.
    expect(reviewFindings(input(staying, { history, tenureDays: 400 })).signal).toMatchObject({ kind: "support" });
    expect(reviewFindings(input(leaving, { history, tenureDays: 400 })).signal).toBeNull();
  });
});
