/**
 * The aggregation contract: everything scoring, pay, reviews and the forecast
 * need from Sales, per rep and month. Two producers make it: the sheet path
 * from parsed sales ({@link salesAggregatesOf}), and the warehouse path from
 * one SQL query (src/tables/sales-sql.ts). Quarters and years are sums of
 * their months, so the contract never depends on the fiscal year.
 *
 * new_customers is a distinct count, which months cannot add up, so the
 * contract also lists the wins that can make a customer new, per rep, month
 * and customer: few rows (a customer is new once), whatever the deals.
 */
import { monthOfDay } from "./periods";
import type { DayNumber, Period, RepKey, Sale } from "./records";

/** One rep's deals closing in one month (the spreadsheet's time zone), summed. */
export interface RepMonthSales {
  rep: RepKey;
  /** `YYYY-MM`. */
  month: Period;
  /** Won Amount × Split. */
  revenue: number;
  dealsWon: number;
  dealsLost: number;
  /** Won and lost deals of Type renewal. */
  renewalsWon: number;
  renewalsLost: number;
  /** Days from Opened to close of won deals opened on or before their close, and how many. */
  cycleDaysSum: number;
  cycleDeals: number;
  /** Open deals (pipeline) dated in the month: only the forecast reads these. */
  openDeals: number;
  /** Open Amount × Split × Probability. */
  openRevenue: number;
  openRenewals: number;
  openCycleDaysSum: number;
  openCycleDeals: number;
}

/**
 * A won or open deal that can make its customer new for its rep: with a Type
 * column, one of Type new; without one, a won deal on the customer's first-ever
 * win day (any rep), or an open deal on the customer's first open day of the
 * month (the forecast's candidate if it closes). One row per rep, month,
 * customer and status, at the earliest such day.
 */
export interface NewCustomerCandidate {
  rep: RepKey;
  month: Period;
  /** Trimmed, case-folded customer; never empty (a deal without a customer makes no one new). */
  customerKey: string;
  day: DayNumber;
  open: boolean;
}

/** How new customers are told: the Type column, the first-ever win, or not at all (no Customer column). */
export type NewCustomerRule = "type" | "first_win" | "none";

/** The whole contract: what Sales holds, as the engine reads it. */
export interface SalesAggregates {
  months: RepMonthSales[];
  newCustomers: NewCustomerCandidate[];
  newCustomerRule: NewCustomerRule;
}

/**
 * The rule for new customers from what columns Sales has.
 *
 * @example
 * newCustomerRuleOf(true, true);   // "type"
 * newCustomerRuleOf(false, true);  // "first_win"
 * newCustomerRuleOf(true, false);  // "none"
 */
export function newCustomerRuleOf(salesHaveType: boolean, salesHaveCustomer: boolean): NewCustomerRule {
  if (!salesHaveCustomer) return "none";
  return salesHaveType ? "type" : "first_win";
}

/**
 * An empty month for a rep.
 *
 * @example
 * emptyRepMonth("r1", "2026-03").revenue; // 0
 */
export function emptyRepMonth(rep: RepKey, month: Period): RepMonthSales {
  return {
    rep,
    month,
    revenue: 0,
    dealsWon: 0,
    dealsLost: 0,
    renewalsWon: 0,
    renewalsLost: 0,
    cycleDaysSum: 0,
    cycleDeals: 0,
    openDeals: 0,
    openRevenue: 0,
    openRenewals: 0,
    openCycleDaysSum: 0,
    openCycleDeals: 0,
  };
}

const SUMMED_FIELDS = [
  "revenue",
  "dealsWon",
  "dealsLost",
  "renewalsWon",
  "renewalsLost",
  "cycleDaysSum",
  "cycleDeals",
  "openDeals",
  "openRevenue",
  "openRenewals",
  "openCycleDaysSum",
  "openCycleDeals",
] as const;

/**
 * Adds one month's sums into another's (the same rep and month reached two
 * ways, e.g. an owner written by ID and by Name).
 *
 * @example
 * const a = { ...emptyRepMonth("r1", "2026-03"), revenue: 100 };
 * addRepMonth(a, { ...emptyRepMonth("r1", "2026-03"), revenue: 50 }); // a.revenue === 150
 */
export function addRepMonth(into: RepMonthSales, from: RepMonthSales): void {
  for (const field of SUMMED_FIELDS) into[field] += from[field];
}

function cycleDays(sale: Sale): number | null {
  return sale.opened !== null && sale.opened <= sale.day ? sale.day - sale.opened : null;
}

function addSaleToMonth(acc: RepMonthSales, sale: Sale): void {
  const cycle = cycleDays(sale);
  if (sale.status === "won") {
    acc.revenue += sale.amount * sale.split;
    acc.dealsWon += 1;
    if (sale.type === "renewal") acc.renewalsWon += 1;
    if (cycle !== null) {
      acc.cycleDaysSum += cycle;
      acc.cycleDeals += 1;
    }
  } else if (sale.status === "lost") {
    acc.dealsLost += 1;
    if (sale.type === "renewal") acc.renewalsLost += 1;
  } else {
    acc.openDeals += 1;
    acc.openRevenue += sale.amount * sale.split * (sale.probability ?? 1);
    if (sale.type === "renewal") acc.openRenewals += 1;
    if (cycle !== null) {
      acc.openCycleDaysSum += cycle;
      acc.openCycleDeals += 1;
    }
  }
}

/** Month of a day, remembered: a Sales sheet repeats its days. */
function monthOfDayCached(): (day: DayNumber) => Period {
  const cache = new Map<DayNumber, Period>();
  return (day) => {
    let month = cache.get(day);
    if (month === undefined) {
      month = monthOfDay(day);
      cache.set(day, month);
    }
    return month;
  };
}

function repMonthKey(rep: RepKey, month: Period): string {
  return rep + "\u0001" + month;
}

/** For each customer, the earliest day of the sales that pass: the first-ever win, or the first open day. */
function earliestDays(sales: readonly Sale[], passes: (sale: Sale) => boolean, keyOf: (sale: Sale) => string) {
  const earliest = new Map<string, DayNumber>();
  for (const sale of sales) {
    if (sale.customerKey === "" || !passes(sale)) continue;
    const key = keyOf(sale);
    const known = earliest.get(key);
    if (known === undefined || sale.day < known) earliest.set(key, sale.day);
  }
  return earliest;
}

/** Whether a sale can make its customer new, under the rule (see {@link NewCustomerCandidate}). */
function candidateTest(
  sales: readonly Sale[],
  rule: NewCustomerRule,
  monthOf: (day: DayNumber) => Period,
): (sale: Sale) => boolean {
  if (rule === "none") return () => false;
  if (rule === "type") return (sale) => sale.customerKey !== "" && sale.status !== "lost" && sale.type === "new";
  const firstWin = earliestDays(
    sales,
    (sale) => sale.status === "won",
    (sale) => sale.customerKey,
  );
  const openKey = (sale: Sale) => sale.customerKey + "\u0001" + monthOf(sale.day);
  const firstOpen = earliestDays(sales, (sale) => sale.status === "open", openKey);
  return (sale) => {
    if (sale.customerKey === "") return false;
    if (sale.status === "won") return firstWin.get(sale.customerKey) === sale.day;
    return sale.status === "open" && firstOpen.get(openKey(sale)) === sale.day;
  };
}

/**
 * The contract from parsed Sales rows: the sheet path's producer.
 *
 * @example
 * const aggregates = salesAggregatesOf(sales, "first_win");
 * aggregates.months.find((m) => m.rep === "r1" && m.month === "2026-03")?.revenue; // r1's March won Amount × Split
 */
export function salesAggregatesOf(sales: readonly Sale[], rule: NewCustomerRule): SalesAggregates {
  const monthOf = monthOfDayCached();
  const isCandidate = candidateTest(sales, rule, monthOf);
  const months = new Map<string, RepMonthSales>();
  const candidates = new Map<string, NewCustomerCandidate>();
  for (const sale of sales) {
    const month = monthOf(sale.day);
    const key = repMonthKey(sale.rep, month);
    let acc = months.get(key);
    if (acc === undefined) {
      acc = emptyRepMonth(sale.rep, month);
      months.set(key, acc);
    }
    addSaleToMonth(acc, sale);
    if (!isCandidate(sale)) continue;
    const open = sale.status === "open";
    const candidateKey = key + "\u0001" + sale.customerKey + (open ? "\u0001o" : "\u0001w");
    const known = candidates.get(candidateKey);
    if (known === undefined)
      candidates.set(candidateKey, { rep: sale.rep, month, customerKey: sale.customerKey, day: sale.day, open });
    else if (sale.day < known.day) known.day = sale.day;
  }
  return { months: [...months.values()], newCustomers: [...candidates.values()], newCustomerRule: rule };
}
