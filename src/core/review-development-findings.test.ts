import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS as SETTINGS } from "./default-plan";
import { consecutivePeriods, developmentSignal } from "./review-development-findings";
import { resultRow as row } from "../../test/fixtures/result-row";

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
