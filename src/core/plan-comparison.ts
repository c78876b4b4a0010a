/**
 * Comparing what two plans pay over the same months: the current plan and a
 * draft, each computed by the engine from the same inputs (README, Plan
 * modelling). A payout belongs to the month its payout period ends in, so a
 * monthly plan and a quarterly draft compare over the same months; a rep
 * with no payout in a month counts 0 there. Adjustments are part of every
 * payout total and outside every plan, so they are the same on both sides.
 */
import { monthsOf, quarterOfMonth, yearOfMonth } from "./periods";
import type { Period, RepKey } from "./records";
import type { PeriodResult } from "./results";
import { roundHalfUpCents } from "./rounding";

/** What one rep is paid in one month under one plan. */
interface RepPayout {
  rep: RepKey;
  /** Rep ID as typed. */
  id: string;
  name: string;
  /** Total payout, adjustments included, of the payout periods ending in the month. */
  payout: number;
}

/** A plan's payouts: by month, then by rep. */
export type PayoutsByMonth = Map<Period, Map<RepKey, RepPayout>>;

/** The current and draft figures of anything compared, and draft minus current. */
interface PayoutChange {
  current: number;
  draft: number;
  difference: number;
}

interface ComparisonRow extends PayoutChange {
  period: Period;
  repId: string;
  name: string;
}

interface MonthTotal extends PayoutChange {
  period: Period;
}

export interface RepChange extends PayoutChange {
  repId: string;
  name: string;
}

export interface PlanComparison {
  /** Months compared, oldest first. */
  months: Period[];
  /** One row per rep and month, by month then Rep ID. */
  rows: ComparisonRow[];
  /** One total per month, in order. */
  monthTotals: MonthTotal[];
  total: PayoutChange;
  /** Each rep over every month compared, the biggest gain first and the biggest loss last. */
  reps: RepChange[];
}

/**
 * The periods whose payouts fall in the months: each month, and the quarter
 * and year that end with it.
 *
 * @example
 * periodsEndingIn(["2026-02", "2026-03"], 1); // ["2026-02", "2026-03", "2026-Q1"]
 * periodsEndingIn(["2026-12"], 1); // ["2026-12", "2026-Q4", "2026"]
 */
export function periodsEndingIn(months: readonly Period[], fyStart: number): Period[] {
  const periods: Period[] = [];
  for (const month of months) {
    periods.push(month);
    for (const period of [quarterOfMonth(month, fyStart), yearOfMonth(month, fyStart)]) {
      if (lastMonthOf(period, fyStart) === month) periods.push(period);
    }
  }
  return periods;
}

/**
 * A plan's payouts by the month each payout period ends in. Every rep with
 * a row in a period is listed in its last month (at 0 when not paid).
 *
 * @example
 * const byMonth = payoutsByMonth(results, 1);
 * byMonth.get("2026-03")?.get("r01")?.payout; // March's payout plus Q1's when the plan pays quarterly
 */
export function payoutsByMonth(results: Iterable<PeriodResult>, fyStart: number): PayoutsByMonth {
  const byMonth: PayoutsByMonth = new Map();
  for (const result of results) {
    const month = lastMonthOf(result.period, fyStart);
    let reps = byMonth.get(month);
    if (!reps) byMonth.set(month, (reps = new Map()));
    for (const row of result.rows) {
      const known = reps.get(row.rep);
      const paid = row.payout?.total ?? 0;
      if (known) known.payout = roundHalfUpCents(known.payout + paid);
      else reps.set(row.rep, { rep: row.rep, id: row.id, name: row.name, payout: roundHalfUpCents(paid) });
    }
  }
  return byMonth;
}

/** The month a period's payout falls in: its last month. */
function lastMonthOf(period: Period, fyStart: number): Period {
  const months = monthsOf(period, fyStart);
  return months[months.length - 1];
}

function change(current: number, draft: number): PayoutChange {
  return {
    current: roundHalfUpCents(current),
    draft: roundHalfUpCents(draft),
    difference: roundHalfUpCents(draft - current),
  };
}

function byId(a: { repId: string }, b: { repId: string }): number {
  return a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0;
}

function monthRows(period: Period, current: Map<RepKey, RepPayout>, draft: Map<RepKey, RepPayout>): ComparisonRow[] {
  const keys = new Set([...current.keys(), ...draft.keys()]);
  const rows: ComparisonRow[] = [];
  for (const key of keys) {
    const who = current.get(key) ?? draft.get(key)!;
    rows.push({
      period,
      repId: who.id,
      name: who.name,
      ...change(current.get(key)?.payout ?? 0, draft.get(key)?.payout ?? 0),
    });
  }
  return rows.sort(byId);
}

function sumOf(items: readonly PayoutChange[]): PayoutChange {
  let current = 0;
  let draft = 0;
  for (const item of items) {
    current += item.current;
    draft += item.draft;
  }
  return change(current, draft);
}

/** Each rep over all months, keyed by the Rep ID as written in the latest month. */
function repChanges(rows: readonly ComparisonRow[]): RepChange[] {
  const byRep = new Map<string, { repId: string; name: string; rows: ComparisonRow[] }>();
  for (const row of rows) {
    const key = row.repId.trim().toLowerCase();
    const entry = byRep.get(key);
    if (entry) {
      entry.rows.push(row);
      entry.name = row.name;
    } else byRep.set(key, { repId: row.repId, name: row.name, rows: [row] });
  }
  return [...byRep.values()]
    .map((entry) => ({ repId: entry.repId, name: entry.name, ...sumOf(entry.rows) }))
    .sort((a, b) => b.difference - a.difference || byId(a, b));
}

/**
 * Compares two plans' payouts month by month, rep by rep, with the totals.
 *
 * @example
 * const comparison = comparePayouts(["2026-03"], payoutsByMonth(current, 1), payoutsByMonth(draft, 1));
 * comparison.total; // { current: 5200, draft: 6100, difference: 900 }
 */
export function comparePayouts(
  months: readonly Period[],
  current: PayoutsByMonth,
  draft: PayoutsByMonth,
): PlanComparison {
  const rows: ComparisonRow[] = [];
  const monthTotals: MonthTotal[] = [];
  for (const period of months) {
    const lines = monthRows(period, current.get(period) ?? new Map(), draft.get(period) ?? new Map());
    for (const line of lines) rows.push(line);
    monthTotals.push({ period, ...sumOf(lines) });
  }
  return { months: [...months], rows, monthTotals, total: sumOf(monthTotals), reps: repChanges(rows) };
}

/**
 * The last `count` final months, oldest first, from the run state's final
 * periods (quarters and years left aside).
 *
 * @example
 * lastFinalMonths(["2026-01", "2026-Q1", "2026-02", "2026-03"], 2); // ["2026-02", "2026-03"]
 */
export function lastFinalMonths(finalPeriods: Iterable<Period>, count: number): Period[] {
  const months = [...finalPeriods].filter((period) => /^\d{4}-\d{2}$/.test(period)).sort();
  return months.slice(Math.max(0, months.length - count));
}
