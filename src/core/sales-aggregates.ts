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
  /**
   * The earliest and latest close days of won and lost deals (null: none). Open deals carry future
   * dates and do not count. A local run takes the latest as the day Sales reach (README, "Sales in a warehouse").
   */
  firstClosedDay: DayNumber | null;
  lastClosedDay: DayNumber | null;
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
    firstClosedDay: null,
    lastClosedDay: null,
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
  into.firstClosedDay = earlierDay(into.firstClosedDay, from.firstClosedDay);
  into.lastClosedDay = laterDay(into.lastClosedDay, from.lastClosedDay);
}

function earlierDay(a: DayNumber | null, b: DayNumber | null): DayNumber | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function laterDay(a: DayNumber | null, b: DayNumber | null): DayNumber | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function addClosedDay(acc: RepMonthSales, day: DayNumber): void {
  acc.firstClosedDay = earlierDay(acc.firstClosedDay, day);
  acc.lastClosedDay = laterDay(acc.lastClosedDay, day);
}

function cycleDays(sale: Sale): number | null {
  return sale.opened !== null && sale.opened <= sale.day ? sale.day - sale.opened : null;
}

function addSaleToMonth(acc: RepMonthSales, sale: Sale): void {
  const cycle = cycleDays(sale);
  if (sale.status !== "open") addClosedDay(acc, sale.day);
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

/** The earlier of a known day (if any) and a day, kept in a map. */
function keepEarliest<K>(days: Map<K, DayNumber>, key: K, day: DayNumber): void {
  const known = days.get(key);
  if (known === undefined || day < known) days.set(key, day);
}

/**
 * Whether a sale can make its customer new, under the rule (see {@link NewCustomerCandidate}).
 * Maps nested by month, not keys joined into strings: a million sales would make a million strings.
 */
function candidateTest(
  sales: readonly Sale[],
  rule: NewCustomerRule,
  monthOf: (day: DayNumber) => Period,
): (sale: Sale) => boolean {
  if (rule === "none") return () => false;
  if (rule === "type") return (sale) => sale.customerKey !== "" && sale.status !== "lost" && sale.type === "new";
  const firstWin = new Map<string, DayNumber>();
  const firstOpen = new Map<Period, Map<string, DayNumber>>();
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    if (sale.customerKey === "" || sale.status === "lost") continue;
    if (sale.status === "won") {
      keepEarliest(firstWin, sale.customerKey, sale.day);
      continue;
    }
    const month = monthOf(sale.day);
    let days = firstOpen.get(month);
    if (days === undefined) firstOpen.set(month, (days = new Map()));
    keepEarliest(days, sale.customerKey, sale.day);
  }
  return (sale) => {
    if (sale.customerKey === "") return false;
    if (sale.status === "won") return firstWin.get(sale.customerKey) === sale.day;
    return sale.status === "open" && firstOpen.get(monthOf(sale.day))?.get(sale.customerKey) === sale.day;
  };
}

/**
 * One rep's month as it is being made: its sums, and its candidates by customer key, won and open apart (made on
 * the first of each). One object per rep and month holds both, so a candidate deal costs no more lookups than its
 * sums, and no object of its own beyond the candidate.
 */
interface RepMonthDraft {
  sums: RepMonthSales;
  won: Map<string, NewCustomerCandidate> | null;
  open: Map<string, NewCustomerCandidate> | null;
}

/** A rep's month being made, made on first use. */
function repMonthOf(byMonth: Map<Period, Map<RepKey, RepMonthDraft>>, rep: RepKey, month: Period): RepMonthDraft {
  let reps = byMonth.get(month);
  if (reps === undefined) byMonth.set(month, (reps = new Map()));
  let draft = reps.get(rep);
  if (draft === undefined) reps.set(rep, (draft = { sums: emptyRepMonth(rep, month), won: null, open: null }));
  return draft;
}

/** Keeps a candidate sale: the first of its rep, month, customer and status, at the earliest day; in order found. */
function addCandidate(list: NewCustomerCandidate[], draft: RepMonthDraft, sale: Sale, month: Period): void {
  const open = sale.status === "open";
  let customers = open ? draft.open : draft.won;
  if (customers === null) {
    customers = new Map();
    if (open) draft.open = customers;
    else draft.won = customers;
  }
  const known = customers.get(sale.customerKey);
  if (known !== undefined) {
    if (sale.day < known.day) known.day = sale.day;
    return;
  }
  const candidate = { rep: sale.rep, month, customerKey: sale.customerKey, day: sale.day, open };
  customers.set(sale.customerKey, candidate);
  list.push(candidate);
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
  // Maps nested by month and rep, not keys joined into strings: a million sales would make a million strings.
  const byMonth = new Map<Period, Map<RepKey, RepMonthDraft>>();
  const candidates: NewCustomerCandidate[] = [];
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    const month = monthOf(sale.day);
    const draft = repMonthOf(byMonth, sale.rep, month);
    addSaleToMonth(draft.sums, sale);
    if (isCandidate(sale)) addCandidate(candidates, draft, sale, month);
  }
  const months: RepMonthSales[] = [];
  for (const reps of byMonth.values()) for (const draft of reps.values()) months.push(draft.sums);
  return { months, newCustomers: candidates, newCustomerRule: rule };
}

/**
 * A contract's rows by month, each month a contract of its own: the contract
 * of any months is then their pieces put together ({@link contractOfMonths}),
 * so a run aggregates its sales once rather than once per month, quarter and
 * year they fall in. Each piece keeps its rows in the contract's order.
 *
 * @example
 * const pieces = contractByMonth(salesAggregatesOf(sales, "type"));
 * pieces.get("2026-03")?.months.length; // reps with deals in March
 */
export function contractByMonth(aggregates: SalesAggregates): Map<Period, SalesAggregates> {
  const pieces = new Map<Period, SalesAggregates>();
  const pieceOf = (month: Period): SalesAggregates => {
    let piece = pieces.get(month);
    if (piece === undefined) {
      piece = { months: [], newCustomers: [], newCustomerRule: aggregates.newCustomerRule };
      pieces.set(month, piece);
    }
    return piece;
  };
  for (const sums of aggregates.months) pieceOf(sums.month).months.push(sums);
  for (const candidate of aggregates.newCustomers) pieceOf(candidate.month).newCustomers.push(candidate);
  return pieces;
}

/**
 * The contract of some months from the pieces of {@link contractByMonth}, in
 * the order the months are given: a quarter adds up its months in that order.
 *
 * @example
 * contractOfMonths(pieces, ["2026-01", "2026-02", "2026-03"], "type").months; // Q1's rep-months
 */
export function contractOfMonths(
  pieces: ReadonlyMap<Period, SalesAggregates>,
  months: readonly Period[],
  rule: NewCustomerRule,
): SalesAggregates {
  const contract: SalesAggregates = { months: [], newCustomers: [], newCustomerRule: rule };
  for (const month of months) {
    const piece = pieces.get(month);
    if (piece === undefined) continue;
    for (const sums of piece.months) contract.months.push(sums);
    for (const candidate of piece.newCustomers) contract.newCustomers.push(candidate);
  }
  return contract;
}
