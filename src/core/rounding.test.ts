import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundHalfUpCents, roundTo } from "./rounding";

/** Checks `check` on `numRuns` random values within ±`range` (no NaN), each with 0 to 9 decimals. */
function forValuesAndDecimals(range: number, numRuns: number, check: (value: number, decimals: number) => void): void {
  fc.assert(fc.property(fc.double({ min: -range, max: range, noNaN: true }), fc.integer({ min: 0, max: 9 }), check), {
    numRuns,
  });
}

describe("roundHalfUpCents", () => {
  it("rounds a half cent up although 1.005 is stored just below it", () => {
    expect(roundHalfUpCents(1.005)).toBe(1.01);
  });

  it("rounds a negative half cent away from zero", () => {
    expect(roundHalfUpCents(-2.675)).toBe(-2.68);
    expect(roundHalfUpCents(-0.005)).toBe(-0.01);
  });

  it("rounds below half down and above half up", () => {
    expect(roundHalfUpCents(1.004)).toBe(1);
    expect(roundHalfUpCents(1.0051)).toBe(1.01);
  });

  it("rounds the worked examples of tiers and pay", () => {
    expect(roundHalfUpCents((1000 * 1.4 * 17) / 31)).toBe(767.74); // 767.7419...
    expect(roundHalfUpCents((600 * 17) / 31)).toBe(329.03); // 329.0322...
  });

  it("drops float noise from sums", () => {
    expect(roundHalfUpCents(0.1 + 0.2)).toBe(0.3);
    expect(roundHalfUpCents(767.74 - 100)).toBe(667.74);
  });

  it("keeps integers, large amounts and non-finite values", () => {
    expect(roundHalfUpCents(1500)).toBe(1500);
    expect(roundHalfUpCents(123456789.125)).toBe(123456789.13);
    expect(roundHalfUpCents(Number.NaN)).toBeNaN();
  });

  it("gives 0, not -0, for a tiny negative amount", () => {
    expect(Object.is(roundHalfUpCents(-0.001), 0)).toBe(true);
  });
});

describe("roundTo", () => {
  it("snaps float noise at 9 decimals", () => {
    expect(roundTo(0.4 * 3, 9)).toBe(1.2); // 1.2000000000000002
    expect(roundTo(2.3 - 1.3, 9)).toBe(1); // 0.9999999999999998
  });

  it("keeps a value that really is below a bound", () => {
    expect(roundTo(1.2 - 1e-7, 9)).toBe(1.1999999);
  });

  it("handles values in exponent notation", () => {
    expect(roundTo(1e-20, 9)).toBe(0);
    expect(roundTo(5e-10, 9)).toBe(1e-9);
    expect(roundTo(1.5e21 + 0.5, 2)).toBe(1.5e21);
  });

  it("rounds to 4 decimals half away from zero", () => {
    expect(roundTo(0.12345, 4)).toBe(0.1235);
    expect(roundTo(-0.12345, 4)).toBe(-0.1235);
  });

  it("never moves a value by more than half a unit of the last decimal", () => {
    forValuesAndDecimals(1e9, 100, (value, decimals) => {
      const rounded = roundTo(value, decimals);
      // Near a tie the value is first cut to 15 significant digits (so float
      // noise cannot decide it), which may move it by up to 5e-15 of itself.
      expect(Math.abs(rounded - value)).toBeLessThanOrEqual(
        0.5 * 10 ** -decimals * (1 + 1e-6) + Math.abs(value) * 1e-14,
      );
    });
  });
});

describe("roundTo's fast route", () => {
  // The decimal route alone, as a reference: cut to 15 significant digits,
  // then round half away from zero on the decimal text.
  function roundOnDecimalText(value: number, decimals: number): number {
    const [mantissa, exponent = "0"] = Math.abs(value).toPrecision(15).split("e");
    const units = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
    const [unitsMantissa, unitsExponent = "0"] = String(units).split("e");
    const magnitude = Number(`${unitsMantissa}e${Number(unitsExponent) - decimals}`);
    return (value < 0 ? -magnitude : magnitude) + 0;
  }

  it("agrees with the decimal route on any value", () => {
    forValuesAndDecimals(1e12, 20000, (value, decimals) => {
      expect(roundTo(value, decimals)).toBe(roundOnDecimalText(value, decimals));
    });
  });

  it("agrees with the decimal route on ties and near-ties", () => {
    const nearTie = fc
      .tuple(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: -3, max: 3 }),
      )
      .map(([units, decimals, ulps]) => {
        const tie = (units + 0.5) / 10 ** decimals;
        let value = tie;
        for (let step = 0; step < Math.abs(ulps); step += 1) {
          value = ulps > 0 ? value + Number.EPSILON * Math.abs(value) : value - Number.EPSILON * Math.abs(value);
        }
        return [value, decimals] as const;
      });
    fc.assert(
      fc.property(nearTie, ([value, decimals]) => {
        expect(roundTo(value, decimals)).toBe(roundOnDecimalText(value, decimals));
      }),
      { numRuns: 20000 },
    );
  });
});
