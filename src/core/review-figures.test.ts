import { describe, expect, it } from "vitest";
import { median, shortfall, shownDifference } from "./review-figures";

describe("figures as shown", () => {
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
});
