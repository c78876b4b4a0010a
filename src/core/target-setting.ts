/**
 * Evidence-based targets: a suggestion from history, and a seasonal split of
 * an annual target into months.
 */

/** How a suggested target reads the history. */
export type TargetMethod = "average" | "median" | "last" | "trend";

/** The methods, in the order they are listed to a user. */
export const TARGET_METHODS: readonly TargetMethod[] = ["average", "median", "last", "trend"];

/**
 * The message of the error thrown for a history without values.
 *
 * @internal Exported only for target-setting.test.ts, which checks it directly; the code uses it inside this file.
 */
export const EMPTY_HISTORY_MESSAGE = "history has no values to suggest a target from";

/** Months in a (fiscal) year. */
export const MONTHS_IN_YEAR = 12;

/**
 * Suggests a target from history (oldest first): its average, median, last
 * value or least-squares trend one step ahead, times (1 + growth), never
 * below 0. A trend over one value is that value. Throws
 * EMPTY_HISTORY_MESSAGE for an empty history.
 *
 * @example
 * suggestTarget([3, 3, 3], 0.5, "average") // 4.5
 * suggestTarget([10, 12, 14], 0, "trend") // 16
 * suggestTarget([5, 1, 9, 7], 0, "median") // 6
 */
export function suggestTarget(history: readonly number[], growth: number, method: TargetMethod): number {
  if (history.length === 0) {
    throw new Error(EMPTY_HISTORY_MESSAGE);
  }
  return Math.max(0, baseline(history, method) * (1 + growth));
}

/**
 * Splits an annual target into 12 monthly targets that sum to it (unrounded),
 * by seasonality: month m's share is the mean, over the complete years of the
 * history, of month m's value / that year's total. The history is monthly,
 * from the first month of a fiscal year, blanks as null. A complete year is
 * 12 values, none blank or negative, with a total above 0; other years,
 * including a partial trailing year, are ignored. Without a complete year
 * every month gets 1/12.
 *
 * @example
 * seasonalSplit(1200, []) // twelve 100s
 * seasonalSplit(2400, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 13]) // [100 x 11, 1300]
 */
export function seasonalSplit(annualTarget: number, monthlyHistory: readonly (number | null)[]): number[] {
  return seasonalShares(monthlyHistory).map((share) => annualTarget * share);
}

/**
 * The 12 monthly shares `seasonalSplit` uses; they sum to 1.
 *
 * @example
 * seasonalShares([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]) // twelve 1/12s
 * seasonalShares([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5]) // twelve 1/12s (the trailing 5 is a partial year)
 *
 * @internal Exported only for target-setting.test.ts, which checks it directly; the code uses it inside this file.
 */
export function seasonalShares(monthlyHistory: readonly (number | null)[]): number[] {
  const years = completeYears(monthlyHistory);
  if (years.length === 0) {
    return new Array<number>(MONTHS_IN_YEAR).fill(1 / MONTHS_IN_YEAR);
  }
  const meanShares = monthIndexes().map((month) => mean(years.map((year) => year[month] / sum(year))));
  // Dividing by the sum removes the rounding the means carry, so the months
  // add up to the annual target as closely as floats allow.
  const total = sum(meanShares);
  return meanShares.map((share) => share / total);
}

/**
 * The complete years of a monthly history (see `seasonalSplit`), in order.
 *
 * @example
 * completeYears([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 7, 8]) // [[5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]]
 *
 * @internal Exported only for target-setting.test.ts, which checks it directly; the code uses it inside this file.
 */
export function completeYears(monthlyHistory: readonly (number | null)[]): number[][] {
  const years: number[][] = [];
  for (let start = 0; start + MONTHS_IN_YEAR <= monthlyHistory.length; start += MONTHS_IN_YEAR) {
    const year = monthlyHistory.slice(start, start + MONTHS_IN_YEAR);
    if (isCompleteYear(year)) {
      years.push(year);
    }
  }
  return years;
}

/**
 * Reads a method name, trimmed and case-insensitive; null when it is not one.
 *
 * @example
 * parseTargetMethod(" Trend ") // "trend"
 * parseTargetMethod("mean") // null
 */
export function parseTargetMethod(name: string): TargetMethod | null {
  const normalised = name.trim().toLowerCase();
  return TARGET_METHODS.find((method) => method === normalised) ?? null;
}

function baseline(history: readonly number[], method: TargetMethod): number {
  switch (method) {
    case "average":
      return mean(history);
    case "median":
      return median(history);
    case "last":
      return history[history.length - 1];
    case "trend":
      return leastSquaresNextValue(history);
  }
}

function isCompleteYear(year: readonly (number | null)[]): year is number[] {
  return (
    year.length === MONTHS_IN_YEAR &&
    year.every((value) => value !== null && Number.isFinite(value) && value >= 0) &&
    sum(year as number[]) > 0
  );
}

function leastSquaresNextValue(history: readonly number[]): number {
  const count = history.length;
  const meanTime = (count - 1) / 2;
  const meanValue = mean(history);
  let covariance = 0;
  let timeVariance = 0;
  history.forEach((value, time) => {
    covariance += (time - meanTime) * (value - meanValue);
    timeVariance += (time - meanTime) ** 2;
  });
  const slope = timeVariance === 0 ? 0 : covariance / timeVariance;
  return meanValue + slope * (count - meanTime);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function monthIndexes(): number[] {
  return Array.from({ length: MONTHS_IN_YEAR }, (_, month) => month);
}
