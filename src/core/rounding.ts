/**
 * Decimal rounding that agrees with what a person reads in a cell.
 *
 * Binary floats cannot hold most decimals: 1.005 is stored as
 * 1.00499999999999989..., and 0.4 * 3 comes out as 1.2000000000000002. Rounding
 * the float directly would round 1.005 down and keep 0.4 * 3 above 1.2. Both
 * functions here therefore decide on the value's decimal form, cut to 15
 * significant digits (the precision a double always holds), so the noise in
 * the last binary digits never tips a result.
 */

/** Significant digits a double always represents exactly as decimal text. */
const RELIABLE_SIGNIFICANT_DIGITS = 15;

const CENT_DECIMALS = 2;

/** Exact powers of ten, written out: 10 ** n is not guaranteed exact everywhere. */
const POWERS_OF_TEN: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/** Above 2^52 a double has no fraction left to round. */
const MAX_EXACT_SCALED = 2 ** 52;

/**
 * Relative distance from a tie within which float arithmetic cannot decide:
 * the scaling errs by at most 2^-53 and the 15-digit cut by 5e-15, relative.
 */
const TIE_TOLERANCE_RELATIVE = 1e-14;

/**
 * Rounds to a number of decimals, half away from zero, on the value's decimal
 * form (15 significant digits), so float noise never decides a tie.
 *
 * @example
 * roundTo(0.4 * 3, 9) // 1.2 (the float is 1.2000000000000002)
 * roundTo(1.0005, 3) // 1.001
 * roundTo(-0.125, 2) // -0.13
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) {
    return value + 0;
  }
  const magnitude = Math.abs(value);
  const rounded = roundClearOfTie(magnitude, decimals) ?? roundOnDecimalForm(magnitude, decimals);
  // Adding 0 turns the -0 of a negative value that rounds to zero into 0.
  return (value < 0 ? -rounded : rounded) + 0;
}

/**
 * Rounds money half-up to cents. Negative amounts round half away from zero
 * (-2.675 -> -2.68), so a clawback and a payment of the same size round to
 * the same number of cents.
 *
 * @example
 * roundHalfUpCents(1.005) // 1.01
 * roundHalfUpCents(-2.675) // -2.68
 * roundHalfUpCents(1000 * 1.4 * 17 / 31) // 767.74
 */
export function roundHalfUpCents(amount: number): number {
  return roundTo(amount, CENT_DECIMALS);
}

/**
 * Float arithmetic, which is fast, when the value is clearly away from a tie;
 * null otherwise. Clear means further from the half than the float error of
 * the scaling plus what cutting to 15 significant digits can move, so the
 * answer is the one `roundOnDecimalForm` would give. Custom functions round
 * every x of a range, which makes the decimal route alone too slow.
 */
function roundClearOfTie(magnitude: number, decimals: number): number | null {
  const scale = POWERS_OF_TEN[decimals];
  if (scale === undefined) {
    return null;
  }
  const scaled = magnitude * scale;
  if (scaled >= MAX_EXACT_SCALED) {
    return null;
  }
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) <= scaled * TIE_TOLERANCE_RELATIVE) {
    return null;
  }
  return (fraction > 0.5 ? whole + 1 : whole) / scale;
}

function roundOnDecimalForm(magnitude: number, decimals: number): number {
  const magnitudeText = magnitude.toPrecision(RELIABLE_SIGNIFICANT_DIGITS);
  const scaledUnits = Math.round(shiftDecimalPoint(magnitudeText, decimals));
  return shiftDecimalPoint(String(scaledUnits), -decimals);
}

/** Multiplies decimal text by 10^places exactly, by moving its exponent. */
function shiftDecimalPoint(numberText: string, places: number): number {
  const exponentAt = numberText.indexOf("e");
  if (exponentAt < 0) {
    return Number(`${numberText}e${places}`);
  }
  const mantissa = numberText.slice(0, exponentAt);
  const exponent = Number(numberText.slice(exponentAt + 1));
  return Number(`${mantissa}e${exponent + places}`);
}
