/**
 * Tier tables and their three modes (docs/sheet-formats.md#tiers-and-pay).
 *
 * A tier table is rows of (lower bound, rate) with strictly ascending bounds.
 * Tier k covers bound_k <= x < bound_k+1, the last tier is open-ended, and x
 * is first rounded to 9 decimals so that float noise (0.4 * 3 is
 * 1.2000000000000002) never moves x across a bound. Bounds are used as given.
 *
 * Every evaluation answers two numbers, so that one table serves both pay
 * components:
 * - `multiple`: what 1.0 of a base (the target bonus) pays. For `step` and
 *   `linear` it is the rate; for `marginal` it is the sum of the slices,
 *   rate_k x (slice width), in units of x. A target bonus is
 *   min(multiple, max_rate) x target bonus: `max_rate` caps the rate in
 *   `step` and `linear` and the sum of slices in `marginal`.
 * - `rate`: what 1.0 of x pays. For `step` and `linear` it is the rate; for
 *   `marginal` it is the effective rate, multiple / x. A commission on an
 *   amount is rate x amount (for `marginal`, exactly the sum of slices).
 */

import { roundTo } from "./rounding";

/** One row of a tier table: from `bound` on (inclusive), `rate` applies. */
export interface Tier {
  bound: number;
  rate: number;
}

/** How a tier table turns x into a rate (docs/sheet-formats.md#tiers-and-pay). */
export type TierMode = "step" | "linear" | "marginal";

/** The modes, in the order they are listed to a user. */
export const TIER_MODES: readonly TierMode[] = ["step", "linear", "marginal"];

/** The part of x that falls in one tier, in `marginal` mode. */
export interface TierSlice {
  /** The tier's lower bound: where the slice starts. */
  bound: number;
  /** Where the slice ends: the next bound, or x in the tier containing x. */
  upper: number;
  rate: number;
  /** rate x (upper - bound). */
  amount: number;
}

/** Everything a pay trace shows about one evaluation of a tier table. */
export interface TierOutcome {
  mode: TierMode;
  /** x rounded to 9 decimals: the value the table was read at. */
  x: number;
  /** Index of the tier containing x; null below the first bound. */
  tierIndex: number | null;
  /** Lower bound of the tier containing x; null below the first bound. */
  tierBound: number | null;
  /** Lower bound of the next tier above x; null in the top tier. */
  nextBound: number | null;
  /** Per 1.0 of x: the tier rate (step), the interpolated rate (linear), multiple / x (marginal). */
  rate: number;
  /** Per 1.0 of the base: the rate (step, linear) or the sum of the slices (marginal). */
  multiple: number;
  /** The slices x is paid in (marginal only; empty otherwise). Zero-width slices are left out. */
  slices: TierSlice[];
}

/** A tier evaluation applied to a base (a target bonus), with `max_rate`. */
export interface TierPayout extends TierOutcome {
  base: number;
  /** The cap on `multiple`; null for none. */
  maxRate: number | null;
  /** min(multiple, maxRate). */
  paidMultiple: number;
  /** Whether maxRate lowered the multiple. */
  capped: boolean;
  /** paidMultiple x base. */
  amount: number;
}

/** Optional behaviour of `tierPayout`. */
export interface TierPayoutOptions {
  /** Caps `multiple` (the rate in step and linear, the sum of slices in marginal). */
  maxRate?: number | null;
}

/** What can be wrong with a tier table. */
type TierProblemCode =
  | "no_tiers"
  | "bound_not_finite"
  | "rate_not_finite"
  | "rate_negative"
  | "bound_not_ascending"
  | "rate_decreasing";

/** An error makes a table unusable; a warning is shown and the table is used. */
type TierProblemSeverity = "error" | "warning";

/** One problem of a tier table, at a row index (0-based; null for the whole table). */
export interface TierProblem {
  code: TierProblemCode;
  index: number | null;
  severity: TierProblemSeverity;
}

const SEVERITY_BY_CODE: Readonly<Record<TierProblemCode, TierProblemSeverity>> = {
  no_tiers: "error",
  bound_not_finite: "error",
  rate_not_finite: "error",
  rate_negative: "error",
  bound_not_ascending: "error",
  rate_decreasing: "warning",
};

const X_DECIMALS = 9;

/**
 * Reads a tier table at x in one mode, with everything a pay trace shows.
 * Assumes a valid table (see `validateTiers`); an empty table pays 0
 * everywhere.
 *
 * @example
 * const tiers = [{ bound: 0.5, rate: 0.5 }, { bound: 1.0, rate: 1.0 }, { bound: 1.2, rate: 1.5 }];
 * evaluateTiers(1.1, tiers, "step").rate // 1.0
 * evaluateTiers(1.1, tiers, "linear").rate // 1.25
 * evaluateTiers(1.1, tiers, "marginal").multiple // 0.35 (0.5 x 0.5 + 1.0 x 0.1)
 */
export function evaluateTiers(x: number, tiers: readonly Tier[], mode: TierMode): TierOutcome {
  const roundedX = roundTo(x, X_DECIMALS);
  const tierIndex = indexOfTierContaining(roundedX, tiers);
  const slices = mode === "marginal" && tierIndex !== null ? marginalSlices(roundedX, tierIndex, tiers) : [];
  const multiple = multipleAt(roundedX, tierIndex, tiers, mode);
  return {
    mode,
    x: roundedX,
    tierIndex,
    tierBound: tierIndex === null ? null : tiers[tierIndex].bound,
    nextBound: boundAbove(tierIndex, tiers),
    rate: mode !== "marginal" ? multiple : roundedX === 0 ? 0 : multiple / roundedX,
    multiple,
    slices,
  };
}

/**
 * Pays a base (a target bonus) by a tier table, min(multiple, maxRate) x
 * base, with the trace of `evaluateTiers`.
 *
 * @example
 * const tiers = [{ bound: 0.5, rate: 0.5 }, { bound: 1.0, rate: 1.0 }, { bound: 1.2, rate: 1.5 }];
 * tierPayout(1.3, tiers, "step", 1000, { maxRate: 1.4 }).amount // 1400 (1.5 capped at 1.4)
 * tierPayout(1.3, tiers, "marginal", 1000, { maxRate: 1.4 }).amount // 600 (0.25 + 0.2 + 0.15 = 0.6, under the cap)
 */
export function tierPayout(
  x: number,
  tiers: readonly Tier[],
  mode: TierMode,
  base: number,
  options: TierPayoutOptions = {},
): TierPayout {
  const outcome = evaluateTiers(x, tiers, mode);
  const maxRate = options.maxRate ?? null;
  const paidMultiple = cappedMultiple(outcome.multiple, maxRate);
  // Field by field rather than a spread: one payout per rep, component and period, and a spread copy is slow.
  return {
    mode: outcome.mode,
    x: outcome.x,
    tierIndex: outcome.tierIndex,
    tierBound: outcome.tierBound,
    nextBound: outcome.nextBound,
    rate: outcome.rate,
    multiple: outcome.multiple,
    slices: outcome.slices,
    base,
    maxRate,
    paidMultiple,
    capped: paidMultiple < outcome.multiple,
    amount: paidMultiple * base,
  };
}

/**
 * The amount of `tierPayout` alone, without building a trace: for ranges of
 * many cells.
 *
 * @example
 * const tiers = [{ bound: 0.5, rate: 0.5 }, { bound: 1.0, rate: 1.0 }, { bound: 1.2, rate: 1.5 }];
 * tierPayoutAmount(1.1, tiers, "linear", 1000) // 1250
 */
export function tierPayoutAmount(
  x: number,
  tiers: readonly Tier[],
  mode: TierMode,
  base: number,
  options: TierPayoutOptions = {},
): number {
  const roundedX = roundTo(x, X_DECIMALS);
  const multiple = multipleAt(roundedX, indexOfTierContaining(roundedX, tiers), tiers, mode);
  return cappedMultiple(multiple, options.maxRate ?? null) * base;
}

/**
 * A commission on an amount by a money tier table: rate x amount in `step`
 * and `linear`, the sum of the slices in `marginal`.
 *
 * @example
 * const tiers = [{ bound: 0, rate: 0.05 }, { bound: 10000, rate: 0.07 }, { bound: 25000, rate: 0.1 }];
 * tierCommission(30000, tiers, "marginal") // 2050 (500 + 1050 + 500)
 * tierCommission(30000, tiers, "step") // 3000 (30000 x 0.10)
 *
 * @internal Exported only for src/tables/plan-table.test.ts and tiers.test.ts, which use it directly: no source file
 * calls it.
 */
export function tierCommission(amount: number, tiers: readonly Tier[], mode: TierMode): number {
  const outcome = evaluateTiers(amount, tiers, mode);
  return mode === "marginal" ? outcome.multiple : outcome.rate * outcome.x;
}

/**
 * Index of the tier containing x (rounded to 9 decimals); null below the
 * first bound.
 *
 * @example
 * tierIndexOf(1.2 + 0.12 - 0.12, [{ bound: 1.0, rate: 1 }, { bound: 1.2, rate: 1.5 }]) // 1 (x is 1.1999999999999997)
 * tierIndexOf(0.9, [{ bound: 1.0, rate: 1 }]) // null
 *
 * @internal Exported only for tiers.test.ts, which checks it directly; the code uses it inside this file.
 */
export function tierIndexOf(x: number, tiers: readonly Tier[]): number | null {
  return indexOfTierContaining(roundTo(x, X_DECIMALS), tiers);
}

/**
 * The lower bound of the next tier above x (rounded to 9 decimals): the first
 * bound when x is below it; null in the top tier or for an empty table.
 *
 * @example
 * const tiers = [{ bound: 0.5, rate: 0.5 }, { bound: 1.0, rate: 1.0 }, { bound: 1.2, rate: 1.5 }];
 * nextTierBound(1.1, tiers) // 1.2
 * nextTierBound(0.2, tiers) // 0.5
 * nextTierBound(1.3, tiers) // null
 */
export function nextTierBound(x: number, tiers: readonly Tier[]): number | null {
  return boundAbove(tierIndexOf(x, tiers), tiers);
}

/**
 * Checks a tier table: at least one row, finite bounds strictly ascending,
 * finite non-negative rates (errors); a rate below the one before it is a
 * warning only.
 *
 * @example
 * validateTiers([{ bound: 0, rate: 0.05 }, { bound: 0, rate: 0.07 }])
 * // [{ code: "bound_not_ascending", index: 1, severity: "error" }]
 * validateTiers([{ bound: 0, rate: 0.1 }, { bound: 1, rate: 0.05 }])
 * // [{ code: "rate_decreasing", index: 1, severity: "warning" }]
 */
export function validateTiers(tiers: readonly Tier[]): TierProblem[] {
  if (tiers.length === 0) {
    return [tierProblem("no_tiers", null)];
  }
  const problems: TierProblem[] = [];
  tiers.forEach((tier, index) => {
    const previous = index > 0 ? tiers[index - 1] : null;
    if (!Number.isFinite(tier.bound)) {
      problems.push(tierProblem("bound_not_finite", index));
    } else if (previous !== null && Number.isFinite(previous.bound) && tier.bound <= previous.bound) {
      problems.push(tierProblem("bound_not_ascending", index));
    }
    if (!Number.isFinite(tier.rate)) {
      problems.push(tierProblem("rate_not_finite", index));
    } else if (tier.rate < 0) {
      problems.push(tierProblem("rate_negative", index));
    } else if (previous !== null && Number.isFinite(previous.rate) && tier.rate < previous.rate) {
      problems.push(tierProblem("rate_decreasing", index));
    }
  });
  return problems;
}

/**
 * Reads a mode name, trimmed and case-insensitive; null when it is not one.
 *
 * @example
 * parseTierMode(" Marginal ") // "marginal"
 * parseTierMode("stepp") // null
 */
export function parseTierMode(name: string): TierMode | null {
  const normalised = name.trim().toLowerCase();
  return TIER_MODES.find((mode) => mode === normalised) ?? null;
}

function indexOfTierContaining(roundedX: number, tiers: readonly Tier[]): number | null {
  let index = -1;
  while (index + 1 < tiers.length && tiers[index + 1].bound <= roundedX) {
    index += 1;
  }
  return index < 0 ? null : index;
}

function boundAbove(tierIndex: number | null, tiers: readonly Tier[]): number | null {
  const aboveIndex = tierIndex === null ? 0 : tierIndex + 1;
  return aboveIndex < tiers.length ? tiers[aboveIndex].bound : null;
}

function interpolatedRate(roundedX: number, tierIndex: number, tiers: readonly Tier[]): number {
  const from = tiers[tierIndex];
  const to = tiers[tierIndex + 1];
  if (to === undefined) {
    return from.rate;
  }
  const rate = from.rate + ((to.rate - from.rate) * (roundedX - from.bound)) / (to.bound - from.bound);
  // Float rounding could carry the line an ulp past its end point, and the
  // payout would then dip at the next bound: keep it between the two rates.
  return Math.min(Math.max(rate, Math.min(from.rate, to.rate)), Math.max(from.rate, to.rate));
}

function multipleAt(roundedX: number, tierIndex: number | null, tiers: readonly Tier[], mode: TierMode): number {
  if (tierIndex === null) {
    return 0;
  }
  if (mode === "step") {
    return tiers[tierIndex].rate;
  }
  if (mode === "linear") {
    return interpolatedRate(roundedX, tierIndex, tiers);
  }
  // The same sums, in the same order, as the slices of marginalSlices.
  let sum = 0;
  for (let index = 0; index <= tierIndex; index += 1) {
    const width = sliceUpper(roundedX, index, tierIndex, tiers) - tiers[index].bound;
    if (width > 0) {
      sum += tiers[index].rate * width;
    }
  }
  return sum;
}

function marginalSlices(roundedX: number, tierIndex: number, tiers: readonly Tier[]): TierSlice[] {
  const slices: TierSlice[] = [];
  for (let index = 0; index <= tierIndex; index += 1) {
    const { bound, rate } = tiers[index];
    const upper = sliceUpper(roundedX, index, tierIndex, tiers);
    if (upper > bound) {
      slices.push({ bound, upper, rate, amount: rate * (upper - bound) });
    }
  }
  return slices;
}

function sliceUpper(roundedX: number, index: number, tierIndex: number, tiers: readonly Tier[]): number {
  return index < tierIndex ? tiers[index + 1].bound : roundedX;
}

function cappedMultiple(multiple: number, maxRate: number | null): number {
  return maxRate !== null && multiple > maxRate ? maxRate : multiple;
}

function tierProblem(code: TierProblemCode, index: number | null): TierProblem {
  return { code, index, severity: SEVERITY_BY_CODE[code] };
}
