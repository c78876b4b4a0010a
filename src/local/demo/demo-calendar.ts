/**
 * The demo's calendar: civil days (no time zone), its 18 months, and each
 * person's days employed in a month.
 */
import type { DemoPerson } from "./demo-people";
import type { Random } from "./demo-random";
import { wallClock, type CellData } from "../workbook/workbook-data";

/** Days since 1970-01-01. */
export type Day = number;

/**
 * The day of a `YYYY-MM-DD` date.
 *
 * @example
 * dayOf("1970-01-02"); // 1
 */
export function dayOf(text: string): Day {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

/**
 * A day's calendar parts (weekday 0 = Sunday).
 *
 * @example
 * dayParts(0); // { year: 1970, month: 1, day: 1, weekday: 4 }
 */
export function dayParts(day: Day): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/**
 * A day (and time) as a wall-clock cell.
 *
 * @example
 * dayCell(dayOf("2026-03-31"), 23, 30); // { wallClock: "2026-03-31 23:30" }
 */
export function dayCell(day: Day, hour = 0, minute = 0): CellData {
  const p = dayParts(day);
  return wallClock(p.year, p.month, p.day, hour, minute);
}

export interface Month {
  year: number;
  month: number;
  key: string;
  first: Day;
  last: Day;
  index: number;
}

/**
 * The 18 months with deals, 2025-05 to 2026-10.
 *
 * @example
 * demoMonths()[0].key; // "2025-05"
 */
export function demoMonths(): Month[] {
  const months: Month[] = [];
  for (let i = 0; i < 18; i++) {
    const year = 2025 + Math.floor((4 + i) / 12);
    const month = ((4 + i) % 12) + 1;
    const first = Date.UTC(year, month - 1, 1) / 86400000;
    const last = Date.UTC(year, month, 0) / 86400000;
    months.push({ year, month, key: `${year}-${String(month).padStart(2, "0")}`, first, last, index: i });
  }
  return months;
}

/**
 * The quarter a month is in.
 *
 * @example
 * quarterOf(demoMonths()[0]); // "2025-Q2"
 */
export function quarterOf(month: Month): string {
  return `${month.year}-Q${Math.floor((month.month - 1) / 3) + 1}`;
}

export interface Tenure {
  firstDay: Day;
  lastDay: Day;
  /** Share of the month employed. */
  fraction: number;
  /** Month of tenure (1 = the month of the Start date). */
  tenureMonth: number;
}

/**
 * The days a person is employed in a month; null when not at all.
 *
 * @example
 * tenure(person, month); // { firstDay, lastDay, fraction: 0.5, tenureMonth: 1 } for a mid-month start
 */
export function tenure(p: DemoPerson, month: Month): Tenure | null {
  const start = dayOf(p.start);
  const end = p.end === null ? Infinity : dayOf(p.end);
  const firstDay = Math.max(month.first, start);
  const lastDay = Math.min(month.last, end);
  if (firstDay > lastDay) return null;
  const s = dayParts(start);
  const tenureMonth = (month.year - s.year) * 12 + (month.month - s.month) + 1;
  return { firstDay, lastDay, fraction: (lastDay - firstDay + 1) / (month.last - month.first + 1), tenureMonth };
}

/**
 * A random weekday between two days (any day if the span has no weekday).
 *
 * @example
 * weekdayBetween(random, month.first, month.last);
 */
export function weekdayBetween(random: Random, first: Day, last: Day): Day {
  const weekdays: Day[] = [];
  for (let d = first; d <= last; d++) {
    const w = dayParts(d).weekday;
    if (w !== 0 && w !== 6) weekdays.push(d);
  }
  return weekdays.length > 0 ? random.pick(weekdays) : random.int(first, last);
}
