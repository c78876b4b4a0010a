import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./default-plan";
import type { PlanSettings } from "./plan-model";
import { MAX_LISTED_ADJUSTMENTS } from "./review-pay-findings";
import { reviewFindings, type ReviewInput } from "./review-findings";
import type { ComponentTrace, RepPeriodResult } from "./results";
import { metricResult as metric } from "../../test/fixtures/metric-result";
import { resultRow as row } from "../../test/fixtures/result-row";
import { targetBonusTrace } from "../../test/fixtures/component-trace";

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

/** A step bonus half paid: tier 0.8 reached at a score of 0.9, gate 0.8 met. */
function bonusTrace(overrides: Partial<ComponentTrace>): ComponentTrace {
  return targetBonusTrace({
    driverValue: 0.9,
    tierBound: 0.8,
    nextBound: 1,
    rawRate: 0.5,
    rate: 0.5,
    gate: 0.8,
    amount: 500,
    ...overrides,
  });
}

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
