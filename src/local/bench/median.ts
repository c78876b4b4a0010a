/**
 * The median the benchmarks report: one slow run on a shared machine moves a
 * mean, not a median.
 */

/**
 * The middle value (the mean of the two middle ones for an even count).
 *
 * @example
 * median([30, 10, 20]);     // 20
 * median([10, 40, 20, 30]); // 25
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
