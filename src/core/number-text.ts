/**
 * Reading numbers from spreadsheet cells, which hold numbers or text.
 *
 * Rules for text (after trimming; full-width characters such as `１２３`,
 * `．`, `，`, `％` and `＄` count as their ASCII forms):
 * - an optional sign (`+`, `-` or `−`), before or after an optional currency
 *   sign (`$`, `¥` or `￥`): `-$1,200`, `$-1,200`, `¥ 3000`;
 * - digits with an optional decimal point (`.` only); `,` is read only as a
 *   thousands separator between groups of three digits, so `1,234.5` is 1234.5
 *   while `1,5` and `12,34` are not numbers (they may be decimal commas);
 * - an optional exponent as spreadsheets export it: `1.5E+3`;
 * - an optional suffix: `%` (divides by 100), `万` (times 10 000) or `亿`
 *   (times 100 000 000): `12%` = 0.12, `1.2万` = 12000.
 * Blank text is "no value"; anything else is not a number, never a silent 0.
 */
import { toHalfWidth } from "./full-width";

/**
 * The largest magnitude read from an input cell: amounts, targets, scores,
 * adjustments and target bonuses. A trillion is far above any real deal or
 * quota, yet a million rows of it still sum to 1e18, finite and well inside
 * what the checks can compare, so one typo (`1e308`) can never overflow a
 * sum or a product later in the run.
 */
export const MAX_INPUT_NUMBER = 1e12;

/**
 * The largest plan tier rate or maximum rate. Rates multiply amounts of up to
 * {@link MAX_INPUT_NUMBER}, so a million keeps every product (1e18) finite;
 * no real plan pays a million times an amount or a target bonus.
 */
export const MAX_PLAN_RATE = 1e6;

/**
 * The largest other plan number: tier bounds, gates (which may be amounts),
 * the target bonus, weights, floors and caps. The same trillion as inputs,
 * since bounds and gates are compared with amounts.
 */
export const MAX_PLAN_NUMBER = 1e12;

/**
 * Whether a number lies within ±bound (the bound itself included).
 *
 * @example
 * isWithinBound(1e12, MAX_INPUT_NUMBER);  // true
 * isWithinBound(-1e13, MAX_INPUT_NUMBER); // false
 */
export function isWithinBound(value: number, bound: number): boolean {
  return value <= bound && value >= -bound;
}

/** The answer for a cell that holds something other than a number. */
export interface NotANumber {
  readonly notANumber: true;
}

/**
 * The one NotANumber value: compare with `isNotANumber`.
 *
 * @internal Exported only for number-text.test.ts, which checks it directly; the code uses it inside this file.
 */
export const NOT_A_NUMBER: NotANumber = Object.freeze({ notANumber: true as const });

// Groups: 1 sign, 2 currency, 3 sign after the currency, 4 integer digits
// (plain, or grouped by thousands), 5 fraction digits, 6 exponent, 7 suffix.
const NUMBER_TEXT =
  /^([+\-\u2212]?)\s*([$¥￥]?)\s*([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*(%|万|亿)?$/;

const THOUSANDS_SEPARATORS = /,/g;

const SUFFIX_POWERS_OF_TEN: Readonly<Record<string, number>> = {
  "%": -2,
  万: 4,
  亿: 8,
};

/**
 * Reads a cell value as a number: a finite number as itself, text by the
 * rules above, `""`, blank text, null and undefined as null (no value), and
 * anything else (booleans, dates, other text) as NOT_A_NUMBER.
 *
 * @example
 * readNumber(42) // 42
 * readNumber("¥1,234.50") // 1234.5
 * readNumber("12%") // 0.12
 * readNumber("1.2万") // 12000
 * readNumber("") // null
 * readNumber("abc") // NOT_A_NUMBER
 */
export function readNumber(value: unknown): number | null | NotANumber {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : NOT_A_NUMBER;
  }
  if (typeof value === "string") {
    return readNumberText(value);
  }
  if (value === null || value === undefined) {
    return null;
  }
  return NOT_A_NUMBER;
}

/**
 * Reads text as a number by the rules above; blank text is null.
 *
 * @example
 * readNumberText(" -$1,200 ") // -1200
 * readNumberText("１２３") // 123
 * readNumberText("1,5") // NOT_A_NUMBER
 *
 * @internal Exported only for number-text.test.ts, which checks it directly; the code uses it inside this file.
 */
export function readNumberText(text: string): number | null | NotANumber {
  const trimmed = text.trim();
  if (trimmed === "") {
    return null;
  }
  const match = NUMBER_TEXT.exec(toHalfWidth(trimmed));
  if (match === null) {
    return NOT_A_NUMBER;
  }
  const [, signBefore, , signAfter, integerDigits, fractionDigits = "", exponent = "0", suffix = ""] = match;
  if ((signBefore !== "" && signAfter !== "") || integerDigits.length + fractionDigits.length === 0) {
    return NOT_A_NUMBER;
  }
  const powerOfTen = Number(exponent) + (SUFFIX_POWERS_OF_TEN[suffix] ?? 0);
  // Scaling through the exponent of the decimal text keeps 1.1万 exactly 11000,
  // where 1.1 * 10000 would be 11000.000000000002.
  const magnitude = Number(
    `${integerDigits.replace(THOUSANDS_SEPARATORS, "") || "0"}.${fractionDigits || "0"}e${powerOfTen}`,
  );
  if (!Number.isFinite(magnitude)) {
    return NOT_A_NUMBER;
  }
  const negative = signBefore === "-" || signBefore === "\u2212" || signAfter === "-" || signAfter === "\u2212";
  // Adding 0 turns -0 ("-0") into 0.
  return (negative ? -magnitude : magnitude) + 0;
}

/**
 * Whether a reading is NOT_A_NUMBER.
 *
 * @example
 * isNotANumber(readNumber("abc")) // true
 * isNotANumber(readNumber("")) // false
 */
export function isNotANumber(value: unknown): value is NotANumber {
  return value === NOT_A_NUMBER;
}
