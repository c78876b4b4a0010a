/**
 * Civil days and wall clocks.
 *
 * The core counts days as integers (days since 1970-01-01), so it never needs
 * a `Date`, a time zone or the machine's clock. Turning an instant (a `Date`
 * cell) into the day the spreadsheet shows is the one place a time zone
 * matters: {@link makeWallClock} does it without ever reading the process's
 * own zone, because Apps Script runs in the script's zone, which may differ
 * from the spreadsheet's.
 */
import type { DayNumber } from "./records";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
const DAYS_FROM_YEAR_ZERO_MARCH = 719_468;
const DAYS_PER_400_YEARS = 146_097;

export interface CivilDate {
  year: number;
  /** 1 = January. */
  month: number;
  day: number;
}

/** What the spreadsheet shows for an instant: its day and time of day. */
export interface WallClockTime {
  day: DayNumber;
  /** Minutes after midnight, 0-1439. */
  minutes: number;
}

/** Maps an instant (ms since the epoch) to the spreadsheet's wall clock. */
export type WallClock = (instantMs: number) => WallClockTime;

/**
 * The day number of a civil date (proleptic Gregorian calendar), computed with
 * integers only (Howard Hinnant's algorithm), so years before 100 and the
 * machine's zone cannot interfere as they do with `Date`.
 *
 * @example
 * dayNumber(1970, 1, 1);  // 0
 * dayNumber(2026, 3, 31); // 20543
 */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  // Counting years from March puts the leap day at the end of the year.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - DAYS_FROM_YEAR_ZERO_MARCH;
}

/**
 * The civil date of a day number (inverse of {@link dayNumber}).
 *
 * @example
 * civilFromDay(20543); // { year: 2026, month: 3, day: 31 }
 */
export function civilFromDay(dayNo: DayNumber): CivilDate {
  const shifted = dayNo + DAYS_FROM_YEAR_ZERO_MARCH;
  const era = Math.floor(shifted / DAYS_PER_400_YEARS);
  const dayOfEra = shifted - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * The day as ISO text, `YYYY-MM-DD`.
 *
 * @example
 * formatDay(20543); // "2026-03-31"
 */
export function formatDay(dayNo: DayNumber): string {
  const { year, month, day } = civilFromDay(dayNo);
  return padYear(year) + "-" + pad2(month) + "-" + pad2(day);
}

/**
 * Whether a year is a leap year in the Gregorian calendar.
 *
 * @example
 * isLeapYear(2024); // true
 * isLeapYear(2100); // false
 *
 * @internal Exported only for calendar.test.ts, which checks it directly; the code uses it inside this file.
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days of a month (1 = January).
 *
 * @example
 * daysInMonth(2026, 2); // 28
 * daysInMonth(2024, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether year, month and day name a real date (so `2026-02-30` is not one).
 *
 * @example
 * isCivilDate(2026, 2, 28); // true
 * isCivilDate(2026, 2, 30); // false
 */
export function isCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * A wall clock for an IANA time zone, using `Intl.DateTimeFormat` (never the
 * process's zone). Offsets are looked up once per UTC day, and only around a
 * change of offset per UTC hour or per instant, so a million dates cost about
 * one `Intl` call per distinct day. Throws a RangeError for an unknown zone,
 * so an adapter can fall back to {@link makeWallClockFromOffset}.
 *
 * @example
 * const shanghai = makeWallClock("Asia/Shanghai");
 * // 23:30 on 31 March in Shanghai is 15:30 UTC:
 * shanghai(Date.UTC(2026, 2, 31, 15, 30)); // { day: 20543, minutes: 1410 }
 */
export function makeWallClock(timeZone: string): WallClock {
  return wallClockFromOffsetMs(intlOffsetMs(timeZone));
}

/**
 * A wall clock from an injected offset function: minutes to add to UTC to get
 * the wall clock at an instant (Shanghai: 480, Los Angeles in March: -420).
 * The Apps Script adapter can build it on `Utilities.formatDate(date, zone, "Z")`
 * when `Intl` time zones are missing. Calls are memoised like {@link makeWallClock}.
 *
 * @example
 * const kolkata = makeWallClockFromOffset(() => 330);
 * kolkata(Date.UTC(2026, 2, 31, 18, 0)); // { day: 20543, minutes: 1410 } (23:30 on 31 March)
 */
export function makeWallClockFromOffset(offsetMinutes: (instantMs: number) => number): WallClock {
  return wallClockFromOffsetMs((instantMs) => offsetMinutes(instantMs) * MINUTE_MS);
}

function wallClockFromOffsetMs(offsetAt: (instantMs: number) => number): WallClock {
  const offsetOf = memoiseOffset(offsetAt);
  return (instantMs) => {
    if (!Number.isFinite(instantMs)) throw new RangeError("not a valid instant: " + String(instantMs));
    const wallMs = instantMs + offsetOf(instantMs);
    const day = Math.floor(wallMs / DAY_MS);
    return { day, minutes: Math.floor((wallMs - day * DAY_MS) / MINUTE_MS) };
  };
}

/**
 * Offsets change rarely, but not only on UTC hour boundaries (zones with
 * half-hour offsets, such as Adelaide or Newfoundland, change at :30 UTC). So
 * an offset is trusted for a whole UTC day when it is the same at both ends of
 * the day (no zone has changed its offset and back within one day since 1970),
 * else for a whole UTC hour on the same test, else it is looked up per instant.
 */
function memoiseOffset(offsetAt: (instantMs: number) => number): (instantMs: number) => number {
  const atBoundary = new Map<number, number>();
  const byDay = new Map<number, number>();
  const byHour = new Map<number, number>();

  const boundaryOffset = (boundaryMs: number): number => {
    let offset = atBoundary.get(boundaryMs);
    if (offset === undefined) {
      offset = offsetAt(boundaryMs);
      atBoundary.set(boundaryMs, offset);
    }
    return offset;
  };
  // Keyed by the span's number (days or hours since 1970), a small integer, rather than by its start in ms, a
  // double: a million dates read from Sales each look their span up. NaN marks a span during which the offset changes.
  const steadyOffset = (cache: Map<number, number>, span: number, spanLength: number): number => {
    let offset = cache.get(span);
    if (offset === undefined) {
      const spanStart = span * spanLength;
      const atStart = boundaryOffset(spanStart);
      offset = atStart === boundaryOffset(spanStart + spanLength) ? atStart : NaN;
      cache.set(span, offset);
    }
    return offset;
  };

  return (instantMs) => {
    const dayOffset = steadyOffset(byDay, Math.floor(instantMs / DAY_MS), DAY_MS);
    if (!Number.isNaN(dayOffset)) return dayOffset;
    const hourOffset = steadyOffset(byHour, Math.floor(instantMs / HOUR_MS), HOUR_MS);
    if (!Number.isNaN(hourOffset)) return hourOffset;
    return offsetAt(instantMs);
  };
}

/**
 * Reads a zone's offset (wall clock minus UTC, in ms) at an instant from
 * `Intl.DateTimeFormat`, uncached: the one place that turns Intl's parts into
 * a wall clock, for {@link makeWallClock} and the simulator's time zones.
 * Throws a RangeError for an unknown zone, and when called with an instant
 * that is not a valid date.
 *
 * @example
 * intlOffsetMs("Asia/Kolkata")(Date.UTC(2026, 0, 1)); // 19800000 (5 h 30 min)
 */
export function intlOffsetMs(timeZone: string): (instantMs: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    era: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (instantMs) => {
    const wholeSecondMs = Math.floor(instantMs / 1000) * 1000;
    const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    let beforeChrist = false;
    for (const part of format.formatToParts(wholeSecondMs)) {
      if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
      else if (part.type === "era") beforeChrist = /^B/i.test(part.value);
    }
    // Intl counts years before 1 AD backwards from 1 BC; the calendar counts 1 BC as year 0.
    const year = beforeChrist ? 1 - fields.year : fields.year;
    // Some engines still print midnight as hour 24 despite h23.
    const hour = fields.hour % 24;
    const wallMs =
      dayNumber(year, fields.month, fields.day) * DAY_MS + ((hour * 60 + fields.minute) * 60 + fields.second) * 1000;
    return wallMs - wholeSecondMs;
  };
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function padYear(year: number): string {
  return year >= 0 && year < 1000 ? ("000" + year).slice(-4) : String(year);
}
