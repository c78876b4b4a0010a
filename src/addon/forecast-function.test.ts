import { describe, expect, it } from "vitest";
import { FORECAST_REVENUE } from "./forecast-function";

describe("FORECAST_REVENUE", () => {
  it("adds each open deal's amount times its probability to the revenue won", () => {
    // 6,000 + 5,000 x 40 % + 3,000 x 1 (blank) + 4,000 x 0.25 = 12,000
    expect(FORECAST_REVENUE(6000, [[5000], [3000], [4000]], [["40%"], [""], [0.25]])).toBe(12000);
  });

  it("reads a number above 1 as a percent, counts every deal at 1 without probabilities, and skips blank amounts", () => {
    expect(FORECAST_REVENUE(0, [[1000, 2000]], [[40, 100]])).toBe(400 + 2000);
    expect(FORECAST_REVENUE("", [[1000], [""], [500]])).toBe(1500);
    expect(FORECAST_REVENUE(100, [[1000], [500]], 0.5)).toBe(100 + 750);
  });

  it("names the argument and cell of a bad probability or amount", () => {
    expect(() => FORECAST_REVENUE(0, [[1000], [500]], [[0.5], ["likely"]])).toThrow(
      "FORECAST_REVENUE: probabilities row 2, column 1 is not a probability (0 to 1, or a percent up to 100%)",
    );
    expect(() => FORECAST_REVENUE(0, [[1000], [500]], [[0.5], [150]])).toThrow(/probabilities row 2, column 1/);
    expect(() => FORECAST_REVENUE(0, [["abc"]])).toThrow(/FORECAST_REVENUE: amounts .* is not a number/);
    expect(() => FORECAST_REVENUE(0, [[1], [2]], [[1, 2, 3]])).toThrow(/must have the same shape/);
    expect(() => FORECAST_REVENUE(0, undefined)).toThrow("FORECAST_REVENUE: amounts is missing");
  });
});
