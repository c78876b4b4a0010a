/**
 * The window of plausible close dates in Sales. One mistyped year (`0202`
 * for 2026, a 0 typed into a date cell that shows 1899-12-30, `2099`) would
 * otherwise move the first month computed back a century or put a deal in a
 * month that never comes, so such a date is a problem at its cell and the
 * first month of a run never comes from it.
 *
 * The window:
 * - not before 1 January 2000;
 * - not more than 10 years before the latest plausible close date of a won
 *   or lost deal in Sales;
 * - not more than a year after today (when today is known), or five years
 *   for an open deal's expected close date.
 * An Opened date outside it is a warning: the deal counts, without a sales
 * cycle.
 */
import { dayNumber, formatDay } from "../core/calendar";
import type { DayNumber, Sale } from "../core/records";
import type { OpenSheet } from "./input-rows";

/** The earliest close date accepted. */
export const EARLIEST_SALE_DAY: DayNumber = dayNumber(2000, 1, 1);
/** How far before the latest close date a close date may be: about 10 years. */
export const MAX_SALES_SPAN_DAYS = 3653;
/** How far after today a won or lost deal's close date may be: about a year. */
const MAX_DAYS_AHEAD = 366;
/** How far after today an open deal's expected close date may be: about five years. */
const MAX_OPEN_DAYS_AHEAD = 1827;

/**
 * The sales whose close dates are plausible; each other one is a problem
 * (`date_out_of_window`) on its Date cell and is left out.
 *
 * @example
 * // Sales dated 2026-03-05, 0202-03-05 and 2026-04-01, today 2026-05-01:
 * withinDateWindow(sheet, sales, dayNumber(2026, 5, 1)).length; // 2, and Sales!A3: Date 0202-03-05 is outside ...
 */
export function withinDateWindow(sheet: OpenSheet<"sales"> | null, sales: Sale[], today: DayNumber | null): Sale[] {
  if (sheet === null || sales.length === 0) return sales;
  const latestAllowed = today === null ? Infinity : today + MAX_DAYS_AHEAD;
  let latest = -Infinity;
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    if (sale.status !== "open" && sale.day >= EARLIEST_SALE_DAY && sale.day <= latestAllowed && sale.day > latest)
      latest = sale.day;
  }
  const earliest = latest === -Infinity ? EARLIEST_SALE_DAY : Math.max(EARLIEST_SALE_DAY, latest - MAX_SALES_SPAN_DAYS);
  const openLatest = today === null ? Infinity : today + MAX_OPEN_DAYS_AHEAD;
  const lastFor = (sale: Sale) => (sale.status === "open" ? openLatest : latestAllowed);
  const inWindow = (sale: Sale) => sale.day >= earliest && sale.day <= lastFor(sale);
  const from = formatDay(earliest);
  const shown = (day: number) => (day === Infinity ? "…" : formatDay(day));
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    // An Opened date out of the window is a typo too: the deal counts, without a sales cycle.
    if (sale.opened !== null && (sale.opened < earliest || sale.opened > latestAllowed)) {
      sheet.report(
        sale.row,
        "opened",
        "opened_out_of_window",
        { column: sheet.match.label.opened, value: formatDay(sale.opened), from, to: shown(latestAllowed) },
        "warning",
      );
      sale.opened = null;
    }
  }
  if (sales.every(inWindow)) return sales;
  return sales.filter((sale) => {
    if (inWindow(sale)) return true;
    sheet.report(sale.row, "date", "date_out_of_window", {
      column: sheet.match.label.date,
      value: formatDay(sale.day),
      from,
      to: shown(lastFor(sale)),
    });
    return false;
  });
}
