/**
 * Deals dated in a month in which their rep was not employed: the engine
 * leaves them out of that month, so each is reported as a warning on its
 * Date cell rather than dropped in silence.
 */
import { formatDay } from "../core/calendar";
import { isOutsideEmployment } from "../core/employment";
import type { Rep, Sale } from "../core/records";
import type { OpenSheet } from "./input-rows";

/**
 * Reports `sale_outside_employment` (warning) on the Date cell of every
 * sale dated in a month its rep was not employed in.
 *
 * @example
 * // Reps: R7 with Start date 2099-01-01; Sales row 5: a deal of R7 on 2026-03-05
 * reportSalesOutsideEmployment(salesSheet, reps, sales);
 * // Sales!A5: the deal is dated 2026-03-05, in a month when R7 was not employed ...
 */
export function reportSalesOutsideEmployment(
  sheet: OpenSheet<"sales"> | null,
  reps: readonly Rep[],
  sales: readonly Sale[],
): void {
  if (!sheet) return;
  const byKey = new Map(reps.map((rep) => [rep.key, rep]));
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    const rep = byKey.get(sale.rep);
    if (!rep || !isOutsideEmployment(rep, sale.day)) continue;
    sheet.report(
      sale.row,
      "date",
      "sale_outside_employment",
      {
        date: formatDay(sale.day),
        id: rep.id,
        start: rep.start === null ? "-" : formatDay(rep.start),
        end: rep.end === null ? "-" : formatDay(rep.end),
      },
      "warning",
    );
  }
}
