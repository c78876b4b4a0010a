/**
 * The Sales rows a computation of a few periods reads (SCORECARD computes one
 * period and the one before it): the rows dated within their days, and the
 * rows no date places (they may be problems of any period). Every other row
 * is only glanced at, for the two ways it could still change those periods'
 * sales: a Deal ID it shares with a row within the days (`duplicate_deal`
 * keeps the earliest row), and a close date so late that the sales date
 * window (sales-date-window.ts) would leave out a sale within the days. If
 * either may happen, or the reps come from Sales, or Sales has no Type column
 * (new customers are then first-ever wins), every row is read, so the sales
 * within the days are always those a full read gives.
 *
 * Problems are reported only for the rows in scope, whichever way the rows
 * are read: what a period's figures show is about that period's rows.
 */
import type { DayNumber } from "../core/records";
import { readDay, type DateOrder, type DayOfInstant } from "./cell-values";
import type { OpenSheet } from "./input-rows";
import { EARLIEST_SALE_DAY, MAX_SALES_SPAN_DAYS } from "./sales-date-window";

const REMEMBERED_TEXTS = 10_000;

/** The close dates, first and last day inclusive, whose sales a computation needs. */
export interface SalesDays {
  from: DayNumber;
  to: DayNumber;
}

/** Which Sales rows are read and reported. */
export interface SalesScope {
  /** The sheet as the readers see it: it reports problems of rows in scope only. */
  sheet: OpenSheet<"sales">;
  /** 1 at each 0-based grid row in scope; null when every row must be read. */
  rowsToRead: Uint8Array | null;
}

/** What decides whether the rows elsewhere may be skipped, besides their cells. */
export interface SalesScopeContext {
  dayOf: DayOfInstant;
  dateOrder: DateOrder | null;
  /** True when every row must be read whatever the dates (reps taken from Sales, no Type column). */
  everyRowNeeded: boolean;
}

/**
 * The scope of Sales for the given days: which rows to read and a sheet that
 * reports only their problems.
 *
 * @example
 * // Sales dated 2026-02-10, 2026-03-05 and 2025-11-30; days of February and March 2026:
 * const scope = salesScope(sheet, { from: dayNumber(2026, 2, 1), to: dayNumber(2026, 3, 31) }, context);
 * scope.rowsToRead; // Uint8Array [0, 1, 1, 0] (the header row, then the two rows within the days)
 */
export function salesScope(sheet: OpenSheet<"sales">, days: SalesDays, context: SalesScopeContext): SalesScope {
  const inScope = new Uint8Array(sheet.values.length);
  const elsewhere = markRowsInScope(sheet, days, context, inScope);
  const skip = !context.everyRowNeeded && !elsewhere.mayChangeScope;
  return { sheet: reportingInScope(sheet, inScope), rowsToRead: skip ? inScope : null };
}

/**
 * Marks the rows dated within the days or placed by no date, and tells
 * whether a row elsewhere might change the sales within the days.
 */
function markRowsInScope(
  sheet: OpenSheet<"sales">,
  days: SalesDays,
  context: SalesScopeContext,
  inScope: Uint8Array,
): { mayChangeScope: boolean } {
  const grid = sheet.values;
  const at = sheet.match.index;
  const dayOfCell = dayReader(context);
  const dealKeys = new Set<string>();
  // The Deal ID cells of the rows elsewhere, kept as the rows pass: checking them later reads no row again.
  const otherDeals: unknown[] = [];
  const dealColumn = at.dealId;
  let latest = -Infinity;
  let earliestInScope = Infinity;
  for (let index = sheet.headerIndex + 1; index < grid.length; index += 1) {
    const cells = grid[index];
    const day = cells === undefined ? null : dayOfCell(cells[at.date]);
    if (day === null) {
      inScope[index] = 1;
      continue;
    }
    if (day > latest) latest = day;
    if (day < days.from || day > days.to) {
      if (dealColumn >= 0) otherDeals.push(cells[dealColumn]);
      continue;
    }
    inScope[index] = 1;
    if (day >= EARLIEST_SALE_DAY && day < earliestInScope) earliestInScope = day;
    const opened = at.opened >= 0 ? dayOfCell(cells[at.opened]) : null;
    if (opened !== null && opened >= EARLIEST_SALE_DAY && opened < earliestInScope) earliestInScope = opened;
    if (dealColumn >= 0) {
      const key = dealKeyOf(cells[dealColumn]);
      if (key === undefined) return { mayChangeScope: true };
      if (key !== "") dealKeys.add(key);
    }
  }
  // The window starts MAX_SALES_SPAN_DAYS before the latest close date, which no row's date exceeds.
  if (earliestInScope < latest - MAX_SALES_SPAN_DAYS) return { mayChangeScope: true };
  if (dealKeys.size === 0) return { mayChangeScope: false };
  for (let other = 0; other < otherDeals.length; other += 1) {
    const key = dealKeyOf(otherDeals[other]);
    if (key === undefined || dealKeys.has(key)) return { mayChangeScope: true };
  }
  return { mayChangeScope: false };
}

/**
 * A cell's day, null when it has none (blank or not a date). Every row's date is read here, and a Sales sheet
 * repeats each day's text hundreds of times, so each distinct text is read once.
 */
function dayReader(context: SalesScopeContext): (value: unknown) => DayNumber | null {
  const { dayOf, dateOrder } = context;
  const textDays = new Map<string, DayNumber | null>();
  const dayOfValue = (value: unknown): DayNumber | null => {
    const day = readDay(value, dayOf, dateOrder);
    return typeof day === "number" ? day : null;
  };
  return (value) => {
    if (typeof value !== "string") return dayOfValue(value);
    let day = textDays.get(value);
    if (day === undefined) {
      day = dayOfValue(value);
      // Date-times are nearly all distinct: past this many texts, remembering only grows the map.
      if (textDays.size < REMEMBERED_TEXTS) textDays.set(value, day);
    }
    return day;
  };
}

/**
 * A Deal ID cell's key as the duplicate check compares it (trimmed, case
 * folded), "" when blank, undefined when the cell is of a kind read otherwise
 * (a date): such a cell is taken to match.
 */
function dealKeyOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim().toLowerCase();
  if (typeof value === "number") return String(value).toLowerCase();
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return undefined;
}

/** The sheet with its problems reported for rows in scope only (and the header row's, about the sheet). */
function reportingInScope(sheet: OpenSheet<"sales">, inScope: Uint8Array): OpenSheet<"sales"> {
  const shown = (row: number) => row <= sheet.headerIndex + 1 || inScope[row - 1] === 1;
  return {
    ...sheet,
    report: (row, field, code, args, severity) => {
      if (shown(row)) sheet.report(row, field, code, args, severity);
    },
    reportOnRow: (row, code, args, severity) => {
      if (shown(row)) sheet.reportOnRow(row, code, args, severity);
    },
  };
}
