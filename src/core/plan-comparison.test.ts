import { describe, expect, it } from "vitest";
import { resultRow } from "../../test/fixtures/result-row";
import { comparePayouts, lastFinalMonths, payoutsByMonth, periodsEndingIn } from "./plan-comparison";
import type { PeriodResult, RepPeriodResult } from "./results";

function paid(period: string, rep: string, total: number | null): RepPeriodResult {
  return resultRow(period, 1, [], {
    rep: rep.toLowerCase(),
    id: rep,
    name: "Rep " + rep,
    payout:
      total === null
        ? null
        : { payoutPeriod: "month", components: [], componentsTotal: total, adjustments: [], total, negative: false },
  });
}

function period(key: string, rows: RepPeriodResult[]): PeriodResult {
  return { period: key, planVersion: "", metricKeys: [], rows, isPayoutPeriod: rows.some((r) => r.payout !== null) };
}

describe("periodsEndingIn", () => {
  it("adds the quarter and year that end with a month, by the fiscal year", () => {
    expect(periodsEndingIn(["2026-02", "2026-03"], 1)).toEqual(["2026-02", "2026-03", "2026-Q1"]);
    expect(periodsEndingIn(["2026-12"], 1)).toEqual(["2026-12", "2026-Q4", "2026"]);
    expect(periodsEndingIn(["2026-03"], 4)).toEqual(["2026-03", "2025-Q4", "2025"]);
  });
});

describe("payoutsByMonth", () => {
  it("puts a quarter's payout in its last month and lists unpaid reps at 0", () => {
    const byMonth = payoutsByMonth(
      [
        period("2026-02", [paid("2026-02", "R1", null)]),
        period("2026-03", [paid("2026-03", "R1", null)]),
        period("2026-Q1", [paid("2026-Q1", "R1", 300.1), paid("2026-Q1", "R2", 0.2)]),
      ],
      1,
    );
    expect(byMonth.get("2026-02")?.get("r1")?.payout).toBe(0);
    expect(byMonth.get("2026-03")?.get("r1")?.payout).toBe(300.1);
    expect(byMonth.get("2026-03")?.get("r2")?.payout).toBe(0.2);
  });
});

describe("comparePayouts", () => {
  const current = payoutsByMonth(
    [
      period("2026-02", [paid("2026-02", "R2", 100), paid("2026-02", "R1", 50.1)]),
      period("2026-03", [paid("2026-03", "R1", 60.2), paid("2026-03", "R2", 100)]),
    ],
    1,
  );
  const draft = payoutsByMonth(
    [
      period("2026-02", [paid("2026-02", "R1", 70.1), paid("2026-02", "R2", 90)]),
      period("2026-03", [paid("2026-03", "R1", 80.2), paid("2026-03", "R2", 40)]),
    ],
    1,
  );
  const comparison = comparePayouts(["2026-02", "2026-03"], current, draft);

  it("has a row per rep and month, by month then Rep ID, with draft minus current", () => {
    expect(comparison.rows.map((r) => [r.period, r.repId, r.current, r.draft, r.difference])).toEqual([
      ["2026-02", "R1", 50.1, 70.1, 20],
      ["2026-02", "R2", 100, 90, -10],
      ["2026-03", "R1", 60.2, 80.2, 20],
      ["2026-03", "R2", 100, 40, -60],
    ]);
  });

  it("totals each month and the whole, to the cent", () => {
    expect(comparison.monthTotals).toEqual([
      { period: "2026-02", current: 150.1, draft: 160.1, difference: 10 },
      { period: "2026-03", current: 160.2, draft: 120.2, difference: -40 },
    ]);
    expect(comparison.total).toEqual({ current: 310.3, draft: 280.3, difference: -30 });
  });

  it("sums each rep over the months, biggest gain first", () => {
    expect(comparison.reps.map((r) => [r.repId, r.difference])).toEqual([
      ["R1", 40],
      ["R2", -70],
    ]);
  });

  it("counts a rep missing on one side as 0 there", () => {
    const one = comparePayouts(["2026-02"], current, new Map());
    expect(one.rows.map((r) => r.draft)).toEqual([0, 0]);
    expect(one.total.difference).toBe(-150.1);
  });
});

describe("lastFinalMonths", () => {
  it("keeps the latest months, oldest first, and no quarters or years", () => {
    expect(lastFinalMonths(["2026-01", "2026-Q1", "2026", "2025-12", "2026-03", "2026-02"], 3)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(lastFinalMonths(["2026-Q1"], 12)).toEqual([]);
  });
});
