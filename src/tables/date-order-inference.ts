/**
 * The date order a column's own text dates give away. An export writes all
 * its dates one way: one `14/01/2026` (no 14th month) shows that the
 * column is day first, one `1/14/2026` that it is month first, and then
 * `3/1/2026` in the same column is no longer ambiguous. An explicit setting
 * always wins; what a column shows wins over the spreadsheet locale's
 * default, which only guesses.
 */
import type { DateOrder } from "./cell-values";

/** How many rows are looked at for a telling date. */
const ROWS_LOOKED_AT = 10_000;

const DAY_MONTH_TEXT = /^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*\d{4}/;

/**
 * The order the first telling text date in the given columns (within the
 * first 10,000 rows) shows: `dmy` when its first number cannot be a month,
 * `mdy` when its second cannot; null when no date tells.
 *
 * @example
 * inferDateOrder([["Date"], ["3/1/2026"], ["14/01/2026"]], [0], 1); // "dmy"
 * inferDateOrder([["Date"], ["1/14/2026"]], [0], 1);                 // "mdy"
 * inferDateOrder([["Date"], ["3/1/2026"], ["2026-01-14"]], [0], 1);  // null
 */
export function inferDateOrder(
  values: readonly (readonly unknown[])[],
  columns: readonly number[],
  firstRow: number,
): DateOrder | null {
  const used = columns.filter((column) => column >= 0);
  if (used.length === 0) return null;
  // An export that tells does so early; date cells (not text) tell nothing, so a million of them are not all scanned.
  const last = Math.min(values.length, firstRow + ROWS_LOOKED_AT);
  for (let index = firstRow; index < last; index += 1) {
    const cells = values[index];
    if (!cells) continue;
    // Indexed, not for...of: a fresh execution runs this loop interpreted at first, where an iterator costs more.
    for (let at = 0; at < used.length; at += 1) {
      const cell = cells[used[at]];
      if (typeof cell !== "string") continue;
      const match = DAY_MONTH_TEXT.exec(cell);
      if (!match) continue;
      const first = +match[1];
      const second = +match[2];
      if (first > 12 && second <= 12) return "dmy";
      if (second > 12 && first <= 12) return "mdy";
    }
  }
  return null;
}
