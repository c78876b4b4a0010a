import { describe, expect, it } from "vitest";
import { computePeriods } from "./engine";
import { forecastFromActual, forecastPeriod, hasOpenDealsIn, paceOn, salesIfOpenDealsClose } from "./forecast";
import {
  adjustment,
  bonus,
  day,
  plan,
  records,
  rep,
  sale,
  target,
  variant,
  version,
} from "../../test/fixtures/engine-fixtures";

// One rep with a 10,000 revenue target in March, paid a 1,000 target bonus on
// the worked tiers (step: 0.5 -> 0.5, 1.0 -> 1.0, 1.2 -> 1.5), plus a 100 adjustment.
const book = plan(version({ base: variant({ components: [bonus()] }) }));
const input = records({
  reps: [rep("A")],
  sales: [
    sale("A", "2026-03-05", 6000),
    sale("A", "2026-03-20", 5000, { status: "open", probability: 0.4 }),
    sale("A", "2026-03-25", 3000, { status: "open" }),
    sale("A", "2026-04-10", 8000, { status: "open", probability: 0.9 }),
    sale("A", "2026-03-08", 4000, { status: "lost" }),
  ],
  targets: [target("A", "2026-03", "revenue", 10000)],
  adjustments: [adjustment("A", "2026-03", 100, "Spiff")],
});

describe("forecastPeriod", () => {
  it("counts this period's open deals as won at Amount x Probability (blank = 1) and recomputes score and pay", () => {
    const forecast = forecastPeriod({ records: input, plan: book, periods: [] }, "2026-03")!;
    const a = forecast.get("a")!;
    // 6,000 won + 5,000 x 0.4 + 3,000 x 1 = 11,000; April's open deal is not this period's.
    expect(a.revenue).toBe(11000);
    expect(a.actualRevenue).toBe(6000);
    expect(a.openDeals).toBe(2);
    // Score 11,000 / 10,000 = 1.1 -> tier 1.0 pays 1.0 x 1,000 = 1,000, plus the 100 adjustment.
    expect(a.result.score).toBeCloseTo(1.1, 10);
    expect(a.payout).toBe(1100);
    expect(a.result.payout!.components[0].tierBound).toBe(1.0);
  });

  it("leaves the actual as it is: 6,000 scores 0.6, tier 0.5 pays 500 + 100", () => {
    forecastPeriod({ records: input, plan: book, periods: [] }, "2026-03");
    const actual = computePeriods({ records: input, plan: book, periods: ["2026-03"] }).results[0].rows[0];
    expect(actual.score).toBeCloseTo(0.6, 10);
    expect(actual.payout!.total).toBe(600);
    expect(input.sales.filter((s) => s.status === "open")).toHaveLength(3);
  });

  it("counts the open deals of the next period only in that period", () => {
    const april = forecastPeriod({ records: input, plan: book, periods: [] }, "2026-04")!;
    // 8,000 x 0.9; April has no target, so no score and no bonus, only the revenue.
    expect(april.get("a")!.revenue).toBeCloseTo(7200, 10);
    expect(april.get("a")!.result.score).toBeNull();
  });

  it("is null when the period has no valid plan version", () => {
    const invalid = plan(version({ valid: false }));
    expect(forecastPeriod({ records: input, plan: invalid, periods: [] }, "2026-03")).toBeNull();
  });
});

describe("salesIfOpenDealsClose and hasOpenDealsIn", () => {
  it("turn only the period's open deals into won ones", () => {
    const sales = salesIfOpenDealsClose(input.sales, "2026-03", 1);
    expect(sales.map((s) => [s.status, s.amount])).toEqual([
      ["won", 6000],
      ["won", 2000],
      ["won", 3000],
      ["open", 8000],
      ["lost", 4000],
    ]);
    expect(hasOpenDealsIn(input.sales, "2026-03", 1)).toBe(true);
    expect(hasOpenDealsIn(input.sales, "2026-02", 1)).toBe(false);
  });

  it("give the actual as the forecast when no open deal closes in the period", () => {
    const february = records({ ...input, sales: [sale("A", "2026-02-05", 6000)] });
    const result = computePeriods({ records: february, plan: book, periods: ["2026-02"] }).results[0];
    const fromActual = forecastFromActual(result, february.sales, 1).get("a")!;
    const recomputed = forecastPeriod({ records: february, plan: book, periods: [] }, "2026-02")!.get("a")!;
    expect(fromActual.revenue).toBe(6000);
    expect(fromActual.payout).toBe(recomputed.payout);
    expect(fromActual.result.score).toBe(recomputed.result.score);
  });
});

describe("paceOn", () => {
  it("puts the straight line at target x day / days", () => {
    // 16 March is day 16 of 31: 10,000 x 16 / 31.
    expect(paceOn(6000, 10000, "2026-03", day("2026-03-16"), 1)).toEqual({
      revenueToDate: 6000,
      target: 10000,
      line: (10000 * 16) / 31,
      day: 16,
      days: 31,
    });
  });

  it("stops at the period's ends, and has no line without a target", () => {
    expect(paceOn(0, 10000, "2026-03", day("2026-04-02"), 1).line).toBe(10000);
    expect(paceOn(0, 10000, "2026-03", day("2026-02-20"), 1).day).toBe(0);
    expect(paceOn(500, null, "2026-Q1", day("2026-02-01"), 1)).toEqual({
      revenueToDate: 500,
      target: null,
      line: null,
      day: 32,
      days: 90,
    });
  });
});
