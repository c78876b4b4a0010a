/**
 * The figures a review cites, as it shows them: a review states differences
 * and gaps between the rounded figures it prints (cents, 0.1 percentage
 * point, 0.1 day), so that the numbers in one sentence always add up.
 */
import { ceilTo, metricPrecision } from "./display-format";
import { builtInMetric } from "./metric-catalog";
import type { Direction } from "./plan-model";
import { roundTo } from "./rounding";

/** Scores and attainments are shown as percentages with one decimal: 3 decimals of the fraction. */
export const FRACTION_PRECISION = 3;
export const MONEY_PRECISION = 2;
/** Scores are compared at the precision ranks use (4 decimals; see "Rank" in docs/sheet-formats.md). */
const COMPARISON_DECIMALS = 4;

/**
 * Whether a value is a finite number (a figure the review can cite).
 *
 * @example
 * isNumber(0.92); // true
 * isNumber(null); // false
 */
export function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * A score at the precision ranks compare it, so that a review never calls
 * two scores different when the ranks call them equal.
 *
 * @example
 * comparable(1.10004); // 1.1
 */
export function comparable(value: number): number {
  return roundTo(value, COMPARISON_DECIMALS);
}

/**
 * The difference between two fractions as the review shows them (one decimal
 * of a percentage each), so that "85.0% to 92.0%" is "7.0 points".
 *
 * @example
 * shownDifference(0.9204, 0.8496); // 0.07 (92.0% - 85.0%)
 */
export function shownDifference(current: number, previous: number): number {
  return roundTo(roundTo(current, FRACTION_PRECISION) - roundTo(previous, FRACTION_PRECISION), FRACTION_PRECISION);
}

/**
 * The median of numbers; null for none.
 *
 * @example
 * median([3, 1, 2]);    // 2
 * median([4, 1, 2, 3]); // 2.5
 */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Whether a metric is a count of whole things, whose gap is the whole number still needed.
 *
 * @example
 * isWholeCount("new_customers"); // true
 * isWholeCount("revenue");       // false
 */
export function isWholeCount(key: string): boolean {
  const metric = builtInMetric(key);
  return metric !== undefined && metric.kind === "additive" && !metric.money;
}

/**
 * How far the actual is from the target in the metric's units, at the
 * precision shown: positive = short of target (below for higher-is-better,
 * above for lower-is-better), zero or negative = on target. Whole counts
 * round a shortfall up to the next whole number.
 *
 * @example
 * shortfall("new_customers", "higher", 3, 5);         // 2
 * shortfall("new_customers", "higher", 3, 4.74);      // 2
 * shortfall("sales_cycle_days", "lower", 34.5, 30);   // 4.5
 * shortfall("revenue", "higher", 56000, 50000);       // -6000
 */
export function shortfall(key: string, direction: Direction, actual: number, target: number): number {
  const precision = metricPrecision(key);
  const shownActual = roundTo(actual, precision);
  const shownTarget = roundTo(target, precision);
  const gap = roundTo(direction === "higher" ? shownTarget - shownActual : shownActual - shownTarget, precision);
  if (gap > 0 && isWholeCount(key)) return ceilTo(gap, 0);
  return gap;
}
