/**
 * Revenue targets for one month from each rep's monthly revenue history:
 * SUGGEST_TARGET's method (the average of the history, times 1 + growth),
 * rounded to a round number a manager would type. Pure: the sidebar action
 * reads the sheets and appends the rows.
 *
 * The history of a rep is at most the 12 complete months before the target
 * month (and before the current month, which is not over yet), from the
 * later of the rep's first month with a won deal and the rep's start month;
 * a month in it without a deal counts as 0. A rep with no such month, or
 * whose suggestion rounds to 0, gets no target; a rep that left before the
 * target month neither.
 */
import { monthOfDay, monthRange, previousPeriod } from "./periods";
import type { DayNumber, Period, RepKey, Sale } from "./records";
import { suggestTarget } from "./target-setting";

/** Months of history read at most. */
export const HISTORY_MONTHS = 12;

/** Targets are rounded to the nearest multiple of this (half up). */
export const TARGET_ROUNDING = 100;

/** The rep facts the suggestion needs. */
export interface HistoryRep {
  key: RepKey;
  start: DayNumber | null;
  end: DayNumber | null;
}

type FillSkip = "no_history" | "left" | "rounds_to_zero";

interface SuggestedTarget {
  rep: RepKey;
  /** Rounded; above 0. */
  target: number;
  /** The months read, oldest first, and their revenue. */
  months: Period[];
  history: number[];
}

export interface TargetsFromHistory {
  targets: SuggestedTarget[];
  skipped: { rep: RepKey; reason: FillSkip }[];
}

/**
 * A suggestion rounded to the nearest TARGET_ROUNDING (half up).
 *
 * @example
 * roundTarget(12_349.99); // 12_300
 * roundTarget(12_350);    // 12_400
 * roundTarget(49);        // 0
 *
 * @internal Exported only for test/sidebar/targets-from-history.test.ts, which checks it directly; the code uses it
 * inside this file.
 */
export function roundTarget(value: number): number {
  return Math.floor(value / TARGET_ROUNDING + 0.5) * TARGET_ROUNDING;
}

/**
 * Each rep's won revenue (amount times split) per month of close.
 *
 * @example
 * monthlyRevenue([{ rep: "r1", day: 20543, amount: 1000, split: 0.5, status: "won", ... }]).get("r1")?.get("2026-03"); // 500
 */
function monthlyRevenue(sales: readonly Sale[]): Map<RepKey, Map<Period, number>> {
  const byRep = new Map<RepKey, Map<Period, number>>();
  for (const sale of sales) {
    if (sale.status !== "won") continue;
    let months = byRep.get(sale.rep);
    if (!months) byRep.set(sale.rep, (months = new Map()));
    const month = monthOfDay(sale.day);
    months.set(month, (months.get(month) ?? 0) + sale.amount * sale.split);
  }
  return byRep;
}

function laterMonth(a: Period, b: Period): Period {
  return a > b ? a : b;
}

/**
 * The revenue targets of `period` (a month) for `reps`, from `sales`, with
 * `growth` (0.1 = 10 %); `currentMonth` is the month of today.
 *
 * @example
 * // r1 won 1000 in 2026-02 and 2000 in 2026-03; today is in 2026-04.
 * targetsFromHistory({ reps: [{ key: "r1", start: null, end: null }], sales, period: "2026-05", currentMonth: "2026-04", growth: 0.1 });
 * // { targets: [{ rep: "r1", target: 1700, months: ["2026-02", "2026-03"], history: [1000, 2000] }], skipped: [] }
 * // (1000 + 2000) / 2 × 1.1 = 1650, rounded half up to 1700
 */
export function targetsFromHistory(input: {
  reps: readonly HistoryRep[];
  sales: readonly Sale[];
  period: Period;
  currentMonth: Period;
  growth: number;
}): TargetsFromHistory {
  // biome-ignore lint/complexity/useMathMinMax: periods are strings, ordered as text.
  const last = previousPeriod(input.period < input.currentMonth ? input.period : input.currentMonth);
  const windowStart = monthsBefore(last, HISTORY_MONTHS - 1);
  const revenue = monthlyRevenue(input.sales);
  const result: TargetsFromHistory = { targets: [], skipped: [] };
  for (const rep of input.reps) {
    if (rep.end !== null && monthOfDay(rep.end) < input.period) {
      result.skipped.push({ rep: rep.key, reason: "left" });
      continue;
    }
    const months = revenue.get(rep.key);
    const firstWon = months && months.size > 0 ? [...months.keys()].sort()[0] : null;
    if (firstWon === null) {
      result.skipped.push({ rep: rep.key, reason: "no_history" });
      continue;
    }
    let first = laterMonth(windowStart, firstWon);
    if (rep.start !== null) first = laterMonth(first, monthOfDay(rep.start));
    if (first > last) {
      result.skipped.push({ rep: rep.key, reason: "no_history" });
      continue;
    }
    const read = monthRange(first, last);
    const history = read.map((month) => months!.get(month) ?? 0);
    const target = roundTarget(suggestTarget(history, input.growth, "average"));
    if (target <= 0) result.skipped.push({ rep: rep.key, reason: "rounds_to_zero" });
    else result.targets.push({ rep: rep.key, target, months: read, history });
  }
  return result;
}

/** The month `count` months before `month`. */
function monthsBefore(month: Period, count: number): Period {
  let shifted = month;
  for (let i = 0; i < count; i += 1) shifted = previousPeriod(shifted);
  return shifted;
}
