/**
 * The arithmetic of "Fill Targets from history", written out: which months
 * a rep's history holds, the average plus growth, the rounding, and who is
 * skipped.
 */
import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/core/calendar";
import type { Sale } from "../../src/core/records";
import { roundTarget, targetsFromHistory } from "../../src/core/targets-from-history";

function sale(
  rep: string,
  year: number,
  month: number,
  amount: number,
  status: Sale["status"] = "won",
  split = 1,
): Sale {
  return {
    row: 2,
    rep,
    day: dayNumber(year, month, 15),
    customer: "C",
    customerKey: "c",
    amount,
    type: null,
    status,
    opened: null,
    split,
    dealId: "",
  } as Sale;
}

const rep = (key: string, start: number | null = null, end: number | null = null) => ({ key, start, end });

describe("targets from history", () => {
  it("rounds half up to the nearest 100", () => {
    expect([roundTarget(12_349.99), roundTarget(12_350), roundTarget(49.99), roundTarget(50)]).toEqual([
      12_300, 12_400, 0, 100,
    ]);
  });

  it("reads at most the 12 complete months before the current month, a month without a won deal as 0", () => {
    // 2025-01 .. 2026-03: 1000 a month, but 2025-02 has 13 000 (outside the window) and 2026-02 only a lost deal.
    const sales: Sale[] = [];
    for (let m = 0; m < 15; m++)
      sales.push(
        sale("r1", 2025 + Math.floor(m / 12), (m % 12) + 1, m === 1 ? 13_000 : 1000, m === 13 ? "lost" : "won"),
      );
    const { targets } = targetsFromHistory({
      reps: [rep("r1")],
      sales,
      period: "2026-05",
      currentMonth: "2026-04",
      growth: 0.1,
    });
    // Window 2025-04 .. 2026-03: eleven months of 1000 and 2026-02 at 0 → 11 000 / 12 = 916.67 × 1.1 = 1008.33 → 1000.
    expect(targets[0].months).toEqual([
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(targets[0].history).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 0, 1000]);
    expect(targets[0].target).toBe(1000);
  });

  it("starts a rep's history at its first won deal or start date, counts the split, and ends before a past target month", () => {
    const sales = [
      sale("r1", 2026, 1, 500),
      sale("r1", 2026, 2, 4000, "won", 0.5),
      sale("r1", 2026, 3, 9000),
      sale("r2", 2025, 11, 3000),
      sale("r2", 2026, 1, 1000),
    ];
    const { targets } = targetsFromHistory({
      reps: [rep("r1"), rep("r2", dayNumber(2025, 12, 1))],
      sales,
      period: "2026-03",
      currentMonth: "2026-06",
      growth: 0,
    });
    // r1: 2026-01 .. 2026-02 (March is the target month): (500 + 4000 × 0.5) / 2 = 1250 → 1300.
    // r2: started in December, so 2025-12 .. 2026-02: (0 + 1000 + 0) / 3 = 333.33 → 300.
    expect(targets.map((t) => [t.rep, t.months, t.target])).toEqual([
      ["r1", ["2026-01", "2026-02"], 1300],
      ["r2", ["2025-12", "2026-01", "2026-02"], 300],
    ]);
  });

  it("skips a rep without won deals, one whose suggestion rounds to 0, and one who left before the month", () => {
    const sales = [sale("r2", 2026, 3, 40), sale("r3", 2026, 3, 5000), sale("r4", 2026, 3, 100, "lost")];
    const result = targetsFromHistory({
      reps: [rep("r1"), rep("r2"), rep("r3", null, dayNumber(2026, 4, 30)), rep("r4")],
      sales,
      period: "2026-05",
      currentMonth: "2026-04",
      growth: 0.1,
    });
    expect(result.targets).toEqual([]);
    expect(result.skipped).toEqual([
      { rep: "r1", reason: "no_history" },
      { rep: "r2", reason: "rounds_to_zero" },
      { rep: "r3", reason: "left" },
      { rep: "r4", reason: "no_history" },
    ]);
  });
});
