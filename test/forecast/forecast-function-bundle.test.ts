/**
 * FORECAST_REVENUE through the built bundle: the forecast revenue of the
 * forecast workbook's provisional March, worked out from the same deals.
 */
import { describe, expect, it } from "vitest";
import { createSimulator, loadBundle } from "../../src/simulator";

const bundle = loadBundle({ simulator: createSimulator(), context: { kind: "customFunction" } });

describe("FORECAST_REVENUE in the built bundle", () => {
  it("gives R1's March forecast: 6,000 won + 5,000 x 40% + 3,000 x 1", () => {
    expect(bundle.callJson("FORECAST_REVENUE", 6000, [[5000], [3000]], [["40%"], [""]])).toBe(11000);
  });

  it("fails with one line naming the bad probability's cell", () => {
    expect(() => bundle.callJson("FORECAST_REVENUE", 9000, [[4000], [2000]], [[0.25], ["likely"]])).toThrow(
      /^FORECAST_REVENUE: probabilities row 2, column 1 is not a probability/,
    );
  });
});
