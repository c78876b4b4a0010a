/**
 * Computing the periods of a run one at a time, within a time budget, so a
 * run that cannot finish checkpoints after a whole period.
 *
 * Each period is computed by the engine over the sales it can depend on
 * only: its own months when Sales has a Type column; every sale up to its
 * last day otherwise (a customer is new on its first-ever win). The sales
 * are aggregated once, into the contract of sales-aggregates.ts split by
 * month, and each period is given its months' pieces: results are the same
 * as computing all periods at once (periods are independent), and a million
 * sales are walked once, not once per month, quarter and year.
 */
import { computePeriods } from "../core/engine";
import { lastDay, monthOfDay, monthsOf, previousPeriod } from "../core/periods";
import type { PlanBook } from "../core/plan-model";
import type { Problem } from "../core/problems";
import type { InputRecords, Period, Sale } from "../core/records";
import type { PeriodResult, RepPeriodResult } from "../core/results";
import {
  contractByMonth,
  contractOfMonths,
  newCustomerRuleOf,
  salesAggregatesOf,
  type NewCustomerRule,
  type SalesAggregates,
} from "../core/sales-aggregates";

/** Sales grouped by month, months in order. */
export interface SalesByMonth {
  months: Period[];
  byMonth: Map<Period, Sale[]>;
  /** Every sale, in the records' order. */
  sales: readonly Sale[];
  /** The sales' contract by month under each rule asked for, made on first use (see {@link monthContracts}). */
  contracts: Map<NewCustomerRule, Map<Period, SalesAggregates>>;
}

/**
 * Groups sales by the month of their close date.
 *
 * @example
 * groupSalesByMonth(sales).byMonth.get("2026-03")?.length; // March's deals
 */
export function groupSalesByMonth(sales: readonly Sale[]): SalesByMonth {
  const byMonth = new Map<Period, Sale[]>();
  const monthOfDayCache = new Map<number, Period>();
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    let month = monthOfDayCache.get(sale.day);
    if (month === undefined) {
      month = monthOfDay(sale.day);
      monthOfDayCache.set(sale.day, month);
    }
    let list = byMonth.get(month);
    if (!list) {
      list = [];
      byMonth.set(month, list);
    }
    list.push(sale);
  }
  return { months: [...byMonth.keys()].sort(), byMonth, sales, contracts: new Map() };
}

/**
 * The contract of the grouped sales by month, made once: a run computes its
 * periods and the earlier ones its reviews compare with from the same pieces.
 */
function monthContracts(grouped: SalesByMonth, rule: NewCustomerRule): Map<Period, SalesAggregates> {
  let pieces = grouped.contracts.get(rule);
  if (pieces === undefined) {
    pieces = contractByMonth(salesAggregatesOf(grouped.sales, rule));
    grouped.contracts.set(rule, pieces);
  }
  return pieces;
}

/** The months whose sales a period can depend on (see the file comment), in order. */
function monthsForPeriod(grouped: SalesByMonth, period: Period, salesHaveType: boolean, fyStart: number): Period[] {
  const lastMonth = monthOfDay(lastDay(period, fyStart));
  return salesHaveType ? monthsOf(period, fyStart) : grouped.months.filter((month) => month <= lastMonth);
}

/**
 * The sales a period can depend on.
 *
 * @example
 * salesForPeriod(grouped, "2026-Q1", true, 1); // January-March deals only
 */
export function salesForPeriod(grouped: SalesByMonth, period: Period, salesHaveType: boolean, fyStart: number): Sale[] {
  const months = monthsForPeriod(grouped, period, salesHaveType, fyStart);
  // One concat of the months' lists: pushing (or flatMap over) a year's million sales one by one costs five times more.
  const lists: Sale[][] = [];
  for (const month of months) {
    const monthSales = grouped.byMonth.get(month);
    if (monthSales) lists.push(monthSales);
  }
  return ([] as Sale[]).concat(...lists);
}

export interface ComputeInput {
  records: InputRecords;
  plan: PlanBook;
  planSheet: string;
  /** Sheet name of Reps, where a rep whose row could not be computed is reported (default "Reps"). */
  repsSheet?: string;
  fyStart: number;
  /** Periods to compute, in order. */
  periods: readonly Period[];
  /** Whether there is time for one more period (checked before each). */
  hasTime: () => boolean;
  /** Sales already aggregated (a BigQuery table: README, "Sales in a warehouse"); `records.sales` is then empty. */
  salesAggregates?: SalesAggregates;
}

export interface ComputeOutput {
  /** Results of the periods computed (a period without a usable plan version has none). */
  results: Map<Period, PeriodResult>;
  /** Periods attempted, in order (with or without a result). */
  attempted: Period[];
  /** Periods left for the next run. */
  left: Period[];
  problems: Problem[];
}

/**
 * Computes periods in order until done or out of time (at least one period
 * is always computed, so a run always makes progress).
 *
 * @example
 * const out = computeWithinBudget({ records, plan, planSheet: "Plan", fyStart: 1,
 *   periods: ["2026-01", "2026-02"], hasTime: () => true });
 * out.results.get("2026-02")?.rows.length; // reps employed in February
 */
export function computeWithinBudget(
  input: ComputeInput,
  grouped: SalesByMonth = groupSalesByMonth(input.records.sales),
): ComputeOutput {
  const results = new Map<Period, PeriodResult>();
  const problems: Problem[] = [];
  const attempted: Period[] = [];
  const seenProblems = new Set<string>();
  const { salesHaveType, salesHaveCustomer } = input.records;
  const rule = newCustomerRuleOf(salesHaveType, salesHaveCustomer ?? true);
  for (const period of input.periods) {
    if (attempted.length > 0 && !input.hasTime()) break;
    attempted.push(period);
    const out = computePeriods({
      // The engine reads the contract, never the sales records, when it is given one.
      records: input.records,
      plan: input.plan,
      periods: [period],
      planSheet: input.planSheet,
      repsSheet: input.repsSheet,
      salesAggregates:
        input.salesAggregates ??
        contractOfMonths(
          monthContracts(grouped, rule),
          monthsForPeriod(grouped, period, salesHaveType, input.fyStart),
          rule,
        ),
    });
    for (const result of out.results) results.set(result.period, result);
    for (const problem of out.problems) {
      const key = JSON.stringify(problem);
      if (!seenProblems.has(key)) {
        seenProblems.add(key);
        problems.push(problem);
      }
    }
  }
  return { results, attempted, left: input.periods.slice(attempted.length), problems };
}

/**
 * The earlier periods reviews compare with (up to three of the same kind
 * before each computed period), not before the start month and not already
 * computed: computed for context, never written.
 *
 * @example
 * contextPeriods(["2026-03"], "2026-01", 1); // ["2026-01", "2026-02"]
 */
export function contextPeriods(computed: readonly Period[], startMonth: Period, fyStart: number, depth = 3): Period[] {
  const have = new Set(computed);
  const wanted = new Set<Period>();
  for (const period of computed) {
    let previous = period;
    for (let i = 0; i < depth; i++) {
      previous = previousPeriod(previous);
      if (monthsOf(previous, fyStart)[0] < startMonth) break;
      if (!have.has(previous)) wanted.add(previous);
    }
  }
  return [...wanted];
}

/** Results by period, then by rep key. */
export type ResultIndex = Map<Period, Map<string, RepPeriodResult>>;

/**
 * Indexes results by period and rep, for history lookups.
 *
 * @example
 * indexResults(results).get("2026-03")?.get("r1")?.score;
 */
export function indexResults(results: Iterable<PeriodResult>): ResultIndex {
  const index: ResultIndex = new Map();
  for (const result of results) index.set(result.period, new Map(result.rows.map((row) => [row.rep, row])));
  return index;
}

/**
 * A rep's earlier results of the same kind as `period`, oldest first.
 *
 * @example
 * historyOf("r1", "2026-03", index); // [January's row, February's row] when computed
 */
export function historyOf(rep: string, period: Period, index: ResultIndex, depth = 3): RepPeriodResult[] {
  const history: RepPeriodResult[] = [];
  let previous = period;
  for (let i = 0; i < depth; i++) {
    previous = previousPeriod(previous);
    const row = index.get(previous)?.get(rep);
    if (row) history.unshift(row);
  }
  return history;
}
