/**
 * Employment within a period: the proration factor for reps who joined or
 * left during it, and the new-hire ramp on their targets.
 */
import { daysEmployed, daysIn, monthOfDay, monthsOf, periodKind, tenureMonth } from "./periods";
import type { Period, Rep } from "./records";

export interface Employment {
  daysEmployed: number;
  daysInPeriod: number;
  /** daysEmployed / daysInPeriod. */
  proration: number;
  /** Months of the period with at least one day employed. */
  monthsEmployed: Period[];
  /** Days in those months: the denominator of a quarterly or yearly bonus. */
  daysInMonthsEmployed: number;
  /** Ramp multiplier on additive targets. */
  ramp: number;
  /** Tenure month of the period's first employed month (1 = the month of the start date). */
  firstTenureMonth: number | null;
}

/**
 * The ramp factor of one month of tenure: ramp[n - 1], 1 after the ramp.
 *
 * @example
 * rampFactor([0.5, 0.75], 2); // 0.75
 * rampFactor([0.5, 0.75], 3); // 1
 */
function rampFactor(ramp: readonly number[], tenure: number | null): number {
  if (tenure === null || tenure < 1 || tenure > ramp.length) return 1;
  return ramp[tenure - 1];
}

/**
 * How a rep was employed in a period. A quarter's or year's ramp is the mean
 * of its employed months' factors, so a new hire's quarter target ramps in as
 * its months do.
 *
 * @example
 * // Hired 15 March 2026, whole of March is 31 days:
 * employmentIn(rep, "2026-03", [0.5, 0.75, 1], 1).proration; // 17 / 31
 */
export function employmentIn(
  rep: Pick<Rep, "start" | "end">,
  period: Period,
  ramp: readonly number[],
  fiscalYearStartMonth: number,
): Employment {
  const days = daysEmployed(period, rep.start, rep.end, fiscalYearStartMonth);
  const total = daysIn(period, fiscalYearStartMonth);
  const months = periodKind(period) === "month" ? [period] : monthsOf(period, fiscalYearStartMonth);
  const employedMonths = months.filter((m) => daysEmployed(m, rep.start, rep.end, fiscalYearStartMonth) > 0);
  const daysInEmployedMonths = employedMonths.reduce((sum, m) => sum + daysIn(m, fiscalYearStartMonth), 0);
  let rampSum = 0;
  for (const month of employedMonths) rampSum += rampFactor(ramp, tenureMonth(month, rep.start));
  const meanRamp = employedMonths.length === 0 ? 1 : rampSum / employedMonths.length;
  return {
    daysEmployed: days,
    daysInPeriod: total,
    proration: total > 0 ? days / total : 0,
    monthsEmployed: employedMonths,
    daysInMonthsEmployed: daysInEmployedMonths,
    ramp: meanRamp,
    firstTenureMonth: employedMonths.length > 0 ? tenureMonth(employedMonths[0], rep.start) : null,
  };
}

/**
 * Whether a sale falls in a month in which its rep was not employed at all:
 * the engine counts only employed reps in a month, so such a sale is left
 * out of that month's figures (a quarter or year in which the rep was
 * employed still counts it).
 *
 * @example
 * // Start date 2099-01-01, deal on 2026-03-05:
 * isOutsideEmployment({ start: 47482, end: null }, 20517); // true
 */
export function isOutsideEmployment(rep: Pick<Rep, "start" | "end">, day: number): boolean {
  if (rep.start === null && rep.end === null) return false;
  return daysEmployed(monthOfDay(day), rep.start, rep.end) === 0;
}
