import { describe, expect, it } from "vitest";
import { extraActualFor } from "./review-pay-findings";

describe("pay findings", () => {
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
