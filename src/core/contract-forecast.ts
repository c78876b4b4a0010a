/**
 * The pipeline forecast's two reads of Sales (forecast.ts), made from the
 * aggregation contract instead of the sales rows, so Sales in a warehouse
 * forecast exactly as Sales in the sheet: the contract as it would be if a
 * period's open deals closed, and the won revenue and open deals per rep.
 */
import { monthsOf, periodKind } from "./periods";
import type { Period, RepKey } from "./records";
import { emptyRepMonth, type NewCustomerCandidate, type RepMonthSales, type SalesAggregates } from "./sales-aggregates";

function monthSet(period: Period, fyStart: number): Set<Period> {
  return new Set(periodKind(period) === "month" ? [period] : monthsOf(period, fyStart));
}

/** A month with its open deals won: at Amount × Split × Probability, each a deal won, renewals and cycles too. */
function closedMonth(month: RepMonthSales): RepMonthSales {
  return {
    ...emptyRepMonth(month.rep, month.month),
    revenue: month.revenue + month.openRevenue,
    dealsWon: month.dealsWon + month.openDeals,
    dealsLost: month.dealsLost,
    renewalsWon: month.renewalsWon + month.openRenewals,
    renewalsLost: month.renewalsLost,
    cycleDaysSum: month.cycleDaysSum + month.openCycleDaysSum,
    cycleDeals: month.cycleDeals + month.openCycleDeals,
  };
}

/**
 * New-customer candidates once the period's open deals close. With Type, an
 * open deal of Type new is a win of Type new. Without, a customer's first win
 * becomes the earlier of its first win so far and its first open deal in the
 * period, and only deals on that day make it new.
 */
function closedCandidates(aggregates: SalesAggregates, inPeriod: Set<Period>): NewCustomerCandidate[] {
  const candidates = aggregates.newCustomers;
  const closing = (c: NewCustomerCandidate) => c.open && inPeriod.has(c.month);
  if (aggregates.newCustomerRule !== "first_win")
    return candidates.filter((c) => !c.open || closing(c)).map((c) => ({ ...c, open: false }));
  const firstDay = new Map<string, number>();
  for (const c of candidates) {
    if (c.open && !closing(c)) continue;
    const known = firstDay.get(c.customerKey);
    if (known === undefined || c.day < known) firstDay.set(c.customerKey, c.day);
  }
  return candidates
    .filter((c) => (!c.open || closing(c)) && firstDay.get(c.customerKey) === c.day)
    .map((c) => ({ ...c, open: false }));
}

/**
 * The contract as it would be if the period's open deals closed; every other
 * month as it is.
 *
 * @example
 * const closed = aggregatesIfOpenDealsClose(aggregates, "2026-03", 1);
 * // March's revenue now includes its open deals at Amount × Split × Probability
 */
export function aggregatesIfOpenDealsClose(
  aggregates: SalesAggregates,
  period: Period,
  fyStart: number,
): SalesAggregates {
  const inPeriod = monthSet(period, fyStart);
  return {
    months: aggregates.months.map((m) => (inPeriod.has(m.month) ? closedMonth(m) : m)),
    newCustomers: closedCandidates(aggregates, inPeriod),
    newCustomerRule: aggregates.newCustomerRule,
  };
}

/** Per rep within a period: revenue won, and the open deals and what they add at their probability. */
export interface ContractPipeline {
  won: Map<RepKey, number>;
  open: Map<RepKey, { count: number; amount: number }>;
}

/**
 * The period's won revenue and open deals per rep, from the contract.
 *
 * @example
 * contractPipeline(aggregates, "2026-03", 1).open.get("r1"); // { count: 2, amount: 900 }
 */
export function contractPipeline(aggregates: SalesAggregates, period: Period, fyStart: number): ContractPipeline {
  const inPeriod = monthSet(period, fyStart);
  const sums: ContractPipeline = { won: new Map(), open: new Map() };
  for (const m of aggregates.months) {
    if (!inPeriod.has(m.month)) continue;
    sums.won.set(m.rep, (sums.won.get(m.rep) ?? 0) + m.revenue);
    if (m.openDeals === 0) continue;
    const open = sums.open.get(m.rep) ?? { count: 0, amount: 0 };
    open.count += m.openDeals;
    open.amount += m.openRevenue;
    sums.open.set(m.rep, open);
  }
  return sums;
}
