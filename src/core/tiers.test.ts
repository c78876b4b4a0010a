import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundHalfUpCents } from "./rounding";
import {
  TIER_MODES,
  evaluateTiers,
  nextTierBound,
  parseTierMode,
  tierCommission,
  tierIndexOf,
  tierPayout,
  tierPayoutAmount,
  validateTiers,
} from "./tiers";
import type { Tier, TierMode } from "./tiers";

// The target-bonus table of the worked examples (docs/sheet-formats.md#worked-examples).
const BONUS_TIERS: Tier[] = [
  { bound: 0.5, rate: 0.5 },
  { bound: 1.0, rate: 1.0 },
  { bound: 1.2, rate: 1.5 },
];
const TARGET_BONUS = 1000;

// The commission table of the worked examples (docs/sheet-formats.md#worked-examples).
const COMMISSION_TIERS: Tier[] = [
  { bound: 0, rate: 0.05 },
  { bound: 10000, rate: 0.07 },
  { bound: 25000, rate: 0.1 },
];

describe("worked examples of tiers and pay", () => {
  it("x = 1.1, step: the 1.0 tier pays 1000", () => {
    expect(tierPayout(1.1, BONUS_TIERS, "step", TARGET_BONUS).amount).toBeCloseTo(1000 * 1.0, 9);
  });

  it("x = 1.1, linear: halfway from (1.0, 1.0) to (1.2, 1.5) pays 1250", () => {
    expect(tierPayout(1.1, BONUS_TIERS, "linear", TARGET_BONUS).amount).toBeCloseTo(
      1000 * (1.0 + (0.5 * 0.1) / 0.2),
      9,
    );
  });

  it("x = 1.1, marginal: 0.5 of x at 0.5 and 0.1 of x at 1.0 pays 350", () => {
    const payout = tierPayout(1.1, BONUS_TIERS, "marginal", TARGET_BONUS);
    expect(payout.amount).toBeCloseTo(1000 * (0.5 * 0.5 + 1.0 * 0.1), 9);
    expect(payout.slices).toHaveLength(2);
    expect(payout.slices[0]).toEqual({ bound: 0.5, upper: 1.0, rate: 0.5, amount: 0.5 * 0.5 });
    expect(payout.slices[1].upper).toBe(1.1);
    expect(payout.slices[1].amount).toBeCloseTo(1.0 * 0.1, 12);
    expect(payout.rate).toBeCloseTo((0.5 * 0.5 + 1.0 * 0.1) / 1.1, 12); // the effective rate per 1.0 of x
  });

  it("x = 1.3, max_rate 1.4, hired 15 March (17 of 31 days), adjustment -100: step and linear pay 767.74, payout 667.74", () => {
    for (const mode of ["step", "linear"] as const) {
      const payout = tierPayout(1.3, BONUS_TIERS, mode, TARGET_BONUS, { maxRate: 1.4 });
      expect(payout.multiple).toBe(1.5); // the top rate (linear: the last rate beyond the last point)
      expect(payout.capped).toBe(true);
      expect(payout.paidMultiple).toBe(1.4);
      const bonus = roundHalfUpCents((payout.amount * 17) / 31); // 1000 x 1.4 x 17/31 = 767.7419...
      expect(bonus).toBe(767.74);
      expect(roundHalfUpCents(bonus + -100)).toBe(667.74);
    }
  });

  it("x = 1.3, max_rate 1.4, same rep, marginal: 600 is under the cap, prorated 329.03, payout 229.03", () => {
    const payout = tierPayout(1.3, BONUS_TIERS, "marginal", TARGET_BONUS, { maxRate: 1.4 });
    // Sum of slices 0.25 + 0.2 + 1.5 x 0.1 = 0.6 < 1.4: max_rate caps the multiple, which it does not reach.
    expect(payout.multiple).toBeCloseTo(0.5 * 0.5 + 1.0 * 0.2 + 1.5 * 0.1, 12);
    expect(payout.capped).toBe(false);
    expect(payout.amount).toBeCloseTo(1000 * (0.25 + 0.2 + 1.5 * 0.1), 9);
    const bonus = roundHalfUpCents((payout.amount * 17) / 31); // 600 x 17/31 = 329.0322...
    expect(bonus).toBe(329.03);
    expect(roundHalfUpCents(bonus + -100)).toBe(229.03);
  });

  it("commission on 30000, marginal: 500 + 1050 + 500 = 2050", () => {
    expect(tierCommission(30000, COMMISSION_TIERS, "marginal")).toBeCloseTo(
      0.05 * 10000 + 0.07 * 15000 + 0.1 * 5000,
      9,
    );
    // The same through a target bonus of 1: rates are paid per 1.0 of x.
    expect(tierPayout(30000, COMMISSION_TIERS, "marginal", 1).amount).toBeCloseTo(2050, 9);
  });

  it("commission on 30000, step: 30000 x 0.10 = 3000", () => {
    expect(tierCommission(30000, COMMISSION_TIERS, "step")).toBeCloseTo(30000 * 0.1, 9);
    expect(evaluateTiers(30000, COMMISSION_TIERS, "step").rate).toBe(0.1);
  });
});

describe("evaluateTiers at every bound", () => {
  // [bound, x just above it through float noise, x just below it through float noise]
  const bonusBounds: [number, number, number][] = [
    [0.5, ((0.1 + 0.2) / 0.3) * 0.5, 0.58 - 0.08], // 0.5000000000000001, 0.49999999999999994
    [1.0, (0.1 + 0.2) / 0.3, 2.3 - 1.3], // 1.0000000000000002, 0.9999999999999998
    [1.2, 0.4 * 3, 1.2 + 0.12 - 0.12], // 1.2000000000000002, 1.1999999999999997
  ];
  // multiple at the bound, per mode: step and linear pay the tier's rate;
  // marginal pays the full slices below the bound.
  const atBound: Record<number, Record<TierMode, number>> = {
    0.5: { step: 0.5, linear: 0.5, marginal: 0 },
    1.0: { step: 1.0, linear: 1.0, marginal: 0.5 * 0.5 },
    1.2: { step: 1.5, linear: 1.5, marginal: 0.5 * 0.5 + 1.0 * 0.2 },
  };

  for (const mode of TIER_MODES) {
    for (const [bound, floatAbove, floatBelow] of bonusBounds) {
      it(`${mode}: x computed as a float near ${bound} is read as ${bound}`, () => {
        expect(tierIndexOf(floatAbove, BONUS_TIERS)).toBe(BONUS_TIERS.findIndex((tier) => tier.bound === bound));
        expect(evaluateTiers(floatAbove, BONUS_TIERS, mode).multiple).toBeCloseTo(atBound[bound][mode], 12);
        expect(evaluateTiers(floatBelow, BONUS_TIERS, mode).multiple).toBeCloseTo(atBound[bound][mode], 12);
        expect(evaluateTiers(3.6 / 3, BONUS_TIERS, mode).tierBound).toBe(1.2);
      });
    }
  }

  it("just below each bound (bound - 1e-7) reads the tier below", () => {
    const x = (bound: number) => bound - 1e-7;
    expect(evaluateTiers(x(0.5), BONUS_TIERS, "step").tierIndex).toBeNull();
    for (const mode of TIER_MODES) {
      expect(evaluateTiers(x(0.5), BONUS_TIERS, mode).multiple).toBe(0);
    }
    // Below 1.0: step pays the 0.5 tier; linear is 1e-7 short of the point (1.0, 1.0).
    expect(evaluateTiers(x(1.0), BONUS_TIERS, "step").multiple).toBe(0.5);
    expect(evaluateTiers(x(1.0), BONUS_TIERS, "linear").multiple).toBeCloseTo(0.5 + (0.5 * (0.5 - 1e-7)) / 0.5, 12);
    expect(evaluateTiers(x(1.0), BONUS_TIERS, "marginal").multiple).toBeCloseTo(0.5 * (0.5 - 1e-7), 12);
    // Below 1.2: step pays the 1.0 tier.
    expect(evaluateTiers(x(1.2), BONUS_TIERS, "step").multiple).toBe(1.0);
    expect(evaluateTiers(x(1.2), BONUS_TIERS, "linear").multiple).toBeCloseTo(1.0 + (0.5 * (0.2 - 1e-7)) / 0.2, 12);
    expect(evaluateTiers(x(1.2), BONUS_TIERS, "marginal").multiple).toBeCloseTo(0.5 * 0.5 + 1.0 * (0.2 - 1e-7), 12);
  });

  it("below the first bound every mode pays 0 and no tier contains x", () => {
    for (const mode of TIER_MODES) {
      const outcome = evaluateTiers(0, BONUS_TIERS, mode);
      expect(outcome).toMatchObject({
        tierIndex: null,
        tierBound: null,
        nextBound: 0.5,
        rate: 0,
        multiple: 0,
        slices: [],
      });
    }
  });

  it("linear pays the last rate beyond the last point", () => {
    expect(evaluateTiers(5, BONUS_TIERS, "linear").rate).toBe(1.5);
  });

  it("commission bounds computed as floats", () => {
    const above10000 = ((0.1 + 0.2) / 0.3) * 10000; // 10000.000000000002
    const below10000 = (2.3 - 1.3) * 10000; // 9999.999999999998
    const below25000 = (2.3 - 1.3) * 25000; // 24999.999999999996
    for (const x of [above10000, below10000]) {
      expect(tierCommission(x, COMMISSION_TIERS, "step")).toBeCloseTo(10000 * 0.07, 9);
      expect(tierCommission(x, COMMISSION_TIERS, "marginal")).toBeCloseTo(10000 * 0.05, 9);
    }
    expect(tierCommission(below25000, COMMISSION_TIERS, "step")).toBeCloseTo(25000 * 0.1, 9);
    expect(tierCommission(below25000, COMMISSION_TIERS, "marginal")).toBeCloseTo(10000 * 0.05 + 15000 * 0.07, 9);
    expect(tierCommission(10000 - 1e-7, COMMISSION_TIERS, "step")).toBeCloseTo((10000 - 1e-7) * 0.05, 9);
    expect(tierCommission(0, COMMISSION_TIERS, "step")).toBe(0);
    expect(tierCommission(-5, COMMISSION_TIERS, "marginal")).toBe(0);
  });

  it("names the containing tier and the next bound for a trace", () => {
    expect(evaluateTiers(1.1, BONUS_TIERS, "step")).toMatchObject({
      x: 1.1,
      tierIndex: 1,
      tierBound: 1.0,
      nextBound: 1.2,
    });
    expect(evaluateTiers(1.3, BONUS_TIERS, "step")).toMatchObject({ tierIndex: 2, tierBound: 1.2, nextBound: null });
  });

  it("an empty table pays 0", () => {
    expect(evaluateTiers(1, [], "marginal")).toMatchObject({ tierIndex: null, nextBound: null, multiple: 0 });
  });
});

describe("nextTierBound", () => {
  it("is the first bound below it, the next bound inside, null at the top", () => {
    expect(nextTierBound(0.2, BONUS_TIERS)).toBe(0.5);
    expect(nextTierBound(0.5, BONUS_TIERS)).toBe(1.0);
    expect(nextTierBound(1.1, BONUS_TIERS)).toBe(1.2);
    expect(nextTierBound(0.4 * 3, BONUS_TIERS)).toBeNull(); // 1.2000000000000002 is in the top tier
    expect(nextTierBound(1.2 - 1e-7, BONUS_TIERS)).toBe(1.2);
    expect(nextTierBound(1, [])).toBeNull();
  });
});

describe("validateTiers", () => {
  it("accepts a good table", () => {
    expect(validateTiers(BONUS_TIERS)).toEqual([]);
  });

  it("reports an empty table", () => {
    expect(validateTiers([])).toEqual([{ code: "no_tiers", index: null, severity: "error" }]);
  });

  it("reports bounds that are not strictly ascending", () => {
    expect(
      validateTiers([
        { bound: 0, rate: 0.1 },
        { bound: 0, rate: 0.2 },
        { bound: -1, rate: 0.3 },
      ]),
    ).toEqual([
      { code: "bound_not_ascending", index: 1, severity: "error" },
      { code: "bound_not_ascending", index: 2, severity: "error" },
    ]);
  });

  it("reports numbers that are not finite and negative rates", () => {
    expect(
      validateTiers([
        { bound: Number.NaN, rate: 0.1 },
        { bound: 1, rate: Number.POSITIVE_INFINITY },
        { bound: 2, rate: -0.1 },
      ]),
    ).toEqual([
      { code: "bound_not_finite", index: 0, severity: "error" },
      { code: "rate_not_finite", index: 1, severity: "error" },
      { code: "rate_negative", index: 2, severity: "error" },
    ]);
  });

  it("warns, without an error, about decreasing rates", () => {
    const problems = validateTiers([
      { bound: 0, rate: 0.1 },
      { bound: 1, rate: 0.05 },
    ]);
    expect(problems).toEqual([{ code: "rate_decreasing", index: 1, severity: "warning" }]);
  });
});

describe("parseTierMode", () => {
  it("trims and ignores case", () => {
    expect(parseTierMode(" Marginal ")).toBe("marginal");
    expect(parseTierMode("STEP")).toBe("step");
    expect(parseTierMode("stepp")).toBeNull();
  });
});

describe("properties", () => {
  const tableWithNonDecreasingRates = fc
    .record({
      start: fc.double({ min: -2, max: 2, noNaN: true }),
      gaps: fc.array(fc.double({ min: 0.001, max: 5, noNaN: true }), { minLength: 0, maxLength: 5 }),
      firstRate: fc.double({ min: 0, max: 2, noNaN: true }),
      rateSteps: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ start, gaps, firstRate, rateSteps }) => {
      const tiers: Tier[] = [{ bound: start, rate: firstRate }];
      gaps.forEach((gap, index) => {
        const previous = tiers[tiers.length - 1];
        tiers.push({ bound: previous.bound + gap, rate: previous.rate + rateSteps[index] });
      });
      return tiers;
    });
  const driver = fc.double({ min: -5, max: 40, noNaN: true });
  const maxRate = fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: null });

  it("with non-decreasing rates the payout never falls as x grows, in every mode", () => {
    fc.assert(
      fc.property(tableWithNonDecreasingRates, driver, driver, maxRate, (tiers, first, second, cap) => {
        const [lower, higher] = first <= second ? [first, second] : [second, first];
        for (const mode of TIER_MODES) {
          const lowerPay = tierPayout(lower, tiers, mode, 1000, { maxRate: cap }).amount;
          const higherPay = tierPayout(higher, tiers, mode, 1000, { maxRate: cap }).amount;
          expect(higherPay).toBeGreaterThanOrEqual(lowerPay);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("marginal pays the sum of its slices, which never exceeds x times the top rate", () => {
    fc.assert(
      fc.property(tableWithNonDecreasingRates, driver, (tiers, x) => {
        const outcome = evaluateTiers(x, tiers, "marginal");
        const sum = outcome.slices.reduce((total, slice) => total + slice.amount, 0);
        expect(outcome.multiple).toBe(sum);
        const width = Math.max(0, outcome.x - tiers[0].bound);
        expect(outcome.multiple).toBeLessThanOrEqual(width * tiers[tiers.length - 1].rate + 1e-9);
      }),
    );
  });
});

describe("tierPayoutAmount", () => {
  it("is tierPayout's amount, in every mode, with and without max_rate", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 3, noNaN: true }),
        fc.constantFrom(...TIER_MODES),
        fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: null }),
        (x, mode, maxRate) => {
          expect(tierPayoutAmount(x, BONUS_TIERS, mode, 1000, { maxRate })).toBe(
            tierPayout(x, BONUS_TIERS, mode, 1000, { maxRate }).amount,
          );
        },
      ),
    );
  });
});
