/**
 * Periods: months `YYYY-MM`, fiscal quarters `YYYY-Qn` and fiscal years `YYYY`.
 *
 * Quarters and years follow the fiscal year start month (1 = January, the
 * default) and are named after the calendar year in which their fiscal year
 * STARTS: with an April start, `2026-Q4` is January-March 2027 and `2026` is
 * April 2026-March 2027. Months are always calendar months.
 *
 * Internally a month is a month index (year x 12 + month - 1), which makes
 * month arithmetic plain integer arithmetic.
 */
import { civilFromDay, dayNumber, daysInMonth } from "./calendar";
import type { DayNumber, Period } from "./records";
import { toHalfWidth } from "./full-width";

export type PeriodKind = "month" | "quarter" | "year";

interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** Month 1-12, quarter 1-4, or 0 for a year. */
  index: number;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const YEAR_KEY = /^(\d{4})$/;

// Forms accepted from cells (after full-width characters become ASCII).
const MONTH_TEXT = /^(\d{4})\s*[-/]\s*(\d{1,2})$/;
const QUARTER_TEXT = /^(\d{4})\s*[-/]?\s*Q\s*([1-4])$/i;
const YEAR_TEXT = /^(\d{4})$/;
const ZH_MONTH_TEXT = /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/;
const ZH_QUARTER_TEXT = /^(\d{4})\s*年\s*(?:(?:第\s*)?([1-4一二三四])\s*季度?|Q\s*([1-4]))$/i;
const ZH_YEAR_TEXT = /^(\d{4})\s*年度?$/;
const CHINESE_QUARTER_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;
const KIND_ORDER: Record<PeriodKind, number> = { month: 0, quarter: 1, year: 2 };

/**
 * Reads a period from a cell's text or number; null when it is not one.
 * Text: `2026-03`, `2026-3`, `2026/03`, `2026-Q1`, `2026Q1`, `2026 q1`, `2026`,
 * `2026年3月`, `2026年03月`, `2026年第1季度`, `2026年第一季度`, `2026年Q1`,
 * `2026年`, `2026年度`, also with full-width digits and letters. A number is a
 * year when it is a whole number from 1000 to 9999 (so `2026.03` is not March).
 * Dates are turned into their month by the table reader, not here.
 *
 * @example
 * parsePeriod("2026/3");        // "2026-03"
 * parsePeriod("2026年第1季度");  // "2026-Q1"
 * parsePeriod(2026);            // "2026"
 * parsePeriod("2026-13");       // null
 */
export function parsePeriod(value: string | number): Period | null {
  if (typeof value === "number") return isYear(value) ? String(value) : null;
  if (typeof value !== "string") return null;
  const text = toHalfWidth(value, { ideographicSpace: true }).trim();
  let match: RegExpExecArray | null;
  if ((match = MONTH_TEXT.exec(text) || ZH_MONTH_TEXT.exec(text))) return monthOrNull(+match[1], +match[2]);
  if ((match = QUARTER_TEXT.exec(text))) return quarterOrNull(+match[1], +match[2]);
  if ((match = ZH_QUARTER_TEXT.exec(text))) {
    const quarter = match[3] ? +match[3] : (CHINESE_QUARTER_NUMBERS[match[2]] ?? +match[2]);
    return quarterOrNull(+match[1], quarter);
  }
  if ((match = YEAR_TEXT.exec(text) || ZH_YEAR_TEXT.exec(text))) return isYear(+match[1]) ? match[1] : null;
  return null;
}

/**
 * Whether text is a period key exactly as this module writes it.
 *
 * @example
 * isPeriodKey("2026-Q1"); // true
 * isPeriodKey("2026-3");  // false (parsePeriod reads it; the key is "2026-03")
 */
export function isPeriodKey(text: string): boolean {
  return MONTH_KEY.test(text) || QUARTER_KEY.test(text) || YEAR_KEY.test(text);
}

/**
 * The kind of a period key.
 *
 * @example
 * periodKind("2026-03"); // "month"
 * periodKind("2026-Q2"); // "quarter"
 * periodKind("2026");    // "year"
 */
export function periodKind(p: Period): PeriodKind {
  return decode(p).kind;
}

/**
 * The month key of a year and month (1 = January).
 *
 * @example
 * monthKey(2026, 3); // "2026-03"
 */
export function monthKey(year: number, month: number): Period {
  return String(year) + "-" + (month < 10 ? "0" : "") + String(month);
}

/**
 * The month a day falls in.
 *
 * @example
 * monthOfDay(20543); // "2026-03" (2026-03-31)
 */
export function monthOfDay(day: DayNumber): Period {
  const civil = civilFromDay(day);
  return monthKey(civil.year, civil.month);
}

/**
 * The months of a period, in order.
 *
 * @example
 * monthsOf("2026-Q1", 4); // ["2026-04", "2026-05", "2026-06"]
 * monthsOf("2026-03");    // ["2026-03"]
 */
export function monthsOf(p: Period, fyStart = 1): Period[] {
  const [first, count] = monthSpan(decode(p), fyStart);
  const months: Period[] = [];
  for (let i = 0; i < count; i += 1) months.push(keyOfMonthIndex(first + i));
  return months;
}

/**
 * The fiscal quarter containing a month.
 *
 * @example
 * quarterOfMonth("2026-03");    // "2026-Q1"
 * quarterOfMonth("2026-03", 4); // "2025-Q4" (fiscal year April 2025-March 2026)
 */
export function quarterOfMonth(month: Period, fyStart = 1): Period {
  const index = monthIndexOf(month);
  const fiscalYear = fiscalYearOfMonthIndex(index, checkedFyStart(fyStart));
  const monthOfFiscalYear = index - (fiscalYear * 12 + fyStart - 1);
  return fiscalYear + "-Q" + (Math.floor(monthOfFiscalYear / 3) + 1);
}

/**
 * The fiscal year containing a month, named after the calendar year it starts in.
 *
 * @example
 * yearOfMonth("2026-03");    // "2026"
 * yearOfMonth("2026-03", 4); // "2025"
 */
export function yearOfMonth(month: Period, fyStart = 1): Period {
  return String(fiscalYearOfMonthIndex(monthIndexOf(month), checkedFyStart(fyStart)));
}

/**
 * The first day of a period.
 *
 * @example
 * firstDay("2026-Q1", 4); // dayNumber(2026, 4, 1)
 */
export function firstDay(p: Period, fyStart = 1): DayNumber {
  const [first] = monthSpan(decode(p), fyStart);
  return dayNumber(Math.floor(first / 12), (first % 12) + 1, 1);
}

/**
 * The last day of a period.
 *
 * @example
 * lastDay("2026", 4); // dayNumber(2027, 3, 31)
 */
export function lastDay(p: Period, fyStart = 1): DayNumber {
  const [first, count] = monthSpan(decode(p), fyStart);
  const last = first + count - 1;
  const year = Math.floor(last / 12);
  const month = (last % 12) + 1;
  return dayNumber(year, month, daysInMonth(year, month));
}

/**
 * The number of days of a period.
 *
 * @example
 * daysIn("2026-03"); // 31
 * daysIn("2026-Q1"); // 90
 */
export function daysIn(p: Period, fyStart = 1): number {
  return lastDay(p, fyStart) - firstDay(p, fyStart) + 1;
}

/**
 * Every month from one month to another, both included; empty when `to` is
 * before `from`.
 *
 * @example
 * monthRange("2025-11", "2026-02"); // ["2025-11", "2025-12", "2026-01", "2026-02"]
 */
export function monthRange(fromMonth: Period, toMonth: Period): Period[] {
  const months: Period[] = [];
  const last = monthIndexOf(toMonth);
  for (let index = monthIndexOf(fromMonth); index <= last; index += 1) months.push(keyOfMonthIndex(index));
  return months;
}

/**
 * The period of the same kind just before.
 *
 * @example
 * previousPeriod("2026-01"); // "2025-12"
 * previousPeriod("2026-Q1"); // "2025-Q4"
 * previousPeriod("2026");    // "2025"
 */
export function previousPeriod(p: Period): Period {
  const parts = decode(p);
  switch (parts.kind) {
    case "month":
      return keyOfMonthIndex(parts.year * 12 + parts.index - 2);
    case "quarter":
      return parts.index === 1 ? parts.year - 1 + "-Q4" : parts.year + "-Q" + (parts.index - 1);
    case "year":
      return String(parts.year - 1);
  }
}

/**
 * Orders periods by their first month, then shorter first: at the same start a
 * month comes before its quarter, which comes before its year. So a sorted list
 * reads 2026-01, 2026-Q1, 2026, 2026-02, 2026-03, 2026-04, 2026-Q2, ...
 *
 * @example
 * ["2026", "2026-02", "2026-Q1", "2026-01"].sort((a, b) => comparePeriods(a, b));
 * // ["2026-01", "2026-Q1", "2026", "2026-02"]
 *
 * @internal Exported only for periods.test.ts, which checks it directly; the code uses it inside this file.
 */
export function comparePeriods(a: Period, b: Period, fyStart = 1): number {
  const partsA = decode(a);
  const partsB = decode(b);
  const byStart = monthSpan(partsA, fyStart)[0] - monthSpan(partsB, fyStart)[0];
  return byStart !== 0 ? byStart : KIND_ORDER[partsA.kind] - KIND_ORDER[partsB.kind];
}

/**
 * The given periods plus every fiscal quarter and year containing any of them,
 * without repeats, sorted by {@link comparePeriods}. Meant for months; a
 * quarter given brings its year.
 *
 * @example
 * periodsCovering(["2026-03", "2026-04"]);
 * // ["2026-Q1", "2026", "2026-03", "2026-04", "2026-Q2"]
 */
export function periodsCovering(months: readonly Period[], fyStart = 1): Period[] {
  const covering = new Set<Period>();
  for (const p of months) {
    const parts = decode(p);
    covering.add(p);
    if (parts.kind === "year") continue;
    const firstMonth = keyOfMonthIndex(monthSpan(parts, fyStart)[0]);
    if (parts.kind === "month") covering.add(quarterOfMonth(firstMonth, fyStart));
    covering.add(yearOfMonth(firstMonth, fyStart));
  }
  return [...covering].sort((a, b) => comparePeriods(a, b, fyStart));
}

/**
 * Days of a period on which a rep was employed: Start and End dates inclusive,
 * null meaning "since always" and "still employed".
 *
 * @example
 * daysEmployed("2026-03", dayNumber(2026, 3, 15), null); // 17 (of 31)
 * daysEmployed("2026-03", null, dayNumber(2026, 3, 10)); // 10
 */
export function daysEmployed(p: Period, start: DayNumber | null, end: DayNumber | null, fyStart = 1): number {
  const from = start === null ? firstDay(p, fyStart) : Math.max(start, firstDay(p, fyStart));
  const to = end === null ? lastDay(p, fyStart) : Math.min(end, lastDay(p, fyStart));
  return Math.max(0, to - from + 1);
}

/**
 * Which month of tenure a month is: 1 for the month of the Start date, 2 for
 * the next, and 0 or less before it; null without a Start date (no ramp).
 *
 * @example
 * tenureMonth("2026-03", dayNumber(2026, 3, 15)); // 1
 * tenureMonth("2026-05", dayNumber(2026, 3, 15)); // 3
 */
export function tenureMonth(month: Period, start: DayNumber | null): number | null {
  if (start === null) return null;
  const civil = civilFromDay(start);
  return monthIndexOf(month) - (civil.year * 12 + civil.month - 1) + 1;
}

// Periods are few and asked about millions of times (per rep, per metric):
// decode each key once.
const decodedKeys = new Map<Period, PeriodParts>();

function decode(p: Period): PeriodParts {
  let parts = decodedKeys.get(p);
  if (parts === undefined) {
    parts = decodeKey(p);
    decodedKeys.set(p, parts);
  }
  return parts;
}

function decodeKey(p: Period): PeriodParts {
  let match = MONTH_KEY.exec(p);
  if (match) return { kind: "month", year: +match[1], index: +match[2] };
  if ((match = QUARTER_KEY.exec(p))) return { kind: "quarter", year: +match[1], index: +match[2] };
  if (YEAR_KEY.test(p)) return { kind: "year", year: +p, index: 0 };
  throw new RangeError("not a period key: " + JSON.stringify(p));
}

/** First month index and number of months of a period. */
function monthSpan(parts: PeriodParts, fyStart: number): [number, number] {
  switch (parts.kind) {
    case "month":
      return [parts.year * 12 + parts.index - 1, 1];
    case "quarter":
      return [parts.year * 12 + checkedFyStart(fyStart) - 1 + (parts.index - 1) * 3, 3];
    case "year":
      return [parts.year * 12 + checkedFyStart(fyStart) - 1, 12];
  }
}

function monthIndexOf(month: Period): number {
  const parts = decode(month);
  if (parts.kind !== "month") throw new RangeError("not a month: " + JSON.stringify(month));
  return parts.year * 12 + parts.index - 1;
}

function keyOfMonthIndex(index: number): Period {
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

function fiscalYearOfMonthIndex(index: number, fyStart: number): number {
  const year = Math.floor(index / 12);
  return (index % 12) + 1 >= fyStart ? year : year - 1;
}

function checkedFyStart(fyStart: number): number {
  if (!Number.isInteger(fyStart) || fyStart < 1 || fyStart > 12) {
    throw new RangeError("fiscal year start month must be 1-12, not " + String(fyStart));
  }
  return fyStart;
}

function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= LAST_YEAR;
}

function monthOrNull(year: number, month: number): Period | null {
  return isYear(year) && month >= 1 && month <= 12 ? monthKey(year, month) : null;
}

function quarterOrNull(year: number, quarter: number): Period | null {
  return isYear(year) && quarter >= 1 && quarter <= 4 ? year + "-Q" + quarter : null;
}
