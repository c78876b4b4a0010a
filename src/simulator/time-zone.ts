/**
 * Wall clocks and time zones, computed with `Intl.DateTimeFormat` only, so the
 * results never depend on the host's `TZ`.
 *
 * A wall clock is held as "wall ms": the epoch milliseconds the wall-clock
 * reading would have if it were read in UTC. `Date.UTC(2026, 2, 31, 23, 30)`
 * is the wall clock 2026-03-31 23:30 in any zone.
 */

import { intlOffsetMs } from "../core/calendar";

const offsetReaders = new Map<string, (instantMs: number) => number>();

/** The zone's uncached Intl offset reader, made once per zone; throws for an unknown zone. */
function offsetReaderFor(timeZone: string): (instantMs: number) => number {
  let reader = offsetReaders.get(timeZone);
  if (!reader) {
    reader = intlOffsetMs(timeZone);
    offsetReaders.set(timeZone, reader);
  }
  return reader;
}

/**
 * True when `timeZone` is an IANA zone name (or "UTC"/"GMT") that Intl knows.
 *
 * @example
 * isValidTimeZone("Asia/Kolkata"); // true
 * isValidTimeZone("Mars/Olympus"); // false
 */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    offsetReaderFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws unless `timeZone` is valid; returns it.
 *
 * @example
 * assertTimeZone("America/Los_Angeles"); // "America/Los_Angeles"
 */
export function assertTimeZone(timeZone: unknown): string {
  if (!isValidTimeZone(timeZone)) throw new Error(`Invalid time zone: ${String(timeZone)}`);
  return timeZone;
}

/**
 * The wall clock (as wall ms) of an instant in a zone.
 *
 * @example
 * instantToWall(Date.UTC(2026, 2, 31, 16), "Asia/Shanghai") === Date.UTC(2026, 3, 1, 0); // true
 */
export function instantToWall(instantMs: number, timeZone: string): number {
  if (!Number.isFinite(instantMs)) return formattedWall(instantMs, timeZone);
  const whole = Math.floor(instantMs / 1000) * 1000;
  return whole + cachedOffset(whole, timeZone) + (instantMs - whole);
}

/** Width of the buckets of {@link cachedOffset}: no zone changes its offset twice within an hour. */
const OFFSET_BUCKET_MS = 3_600_000;
/** Bounds each zone's cache (an hour a bucket: about 23 years of instants). */
const MAX_CACHED_BUCKETS = 200_000;
/** A bucket whose offset changes inside it: computed exactly for each second. */
const MIXED = Number.NaN;
/** The largest epoch ms a Date holds. */
const MAX_DATE_MS = 8.64e15;
const offsetCaches = new Map<string, Map<number, number>>();

/**
 * The zone's offset at a whole-second instant. Asking Intl costs microseconds
 * and a big workbook asks millions of times, so each zone keeps the offset of
 * each hour whose first and last second agree (one transition at most an
 * hour, so equal ends mean none); an hour holding a transition is computed
 * exactly every time.
 */
function cachedOffset(wholeMs: number, timeZone: string): number {
  // Near the ends of the Date range an hour's last second may not be a date.
  if (Math.abs(wholeMs) > MAX_DATE_MS - OFFSET_BUCKET_MS) return formattedWall(wholeMs, timeZone) - wholeMs;
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    offsetReaderFor(timeZone); // throws for an unknown zone before a cache is kept for it
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const bucket = Math.floor(wholeMs / OFFSET_BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const start = bucket * OFFSET_BUCKET_MS;
    const last = start + OFFSET_BUCKET_MS - 1000;
    const first = formattedWall(start, timeZone) - start;
    offset = first === formattedWall(last, timeZone) - last ? first : MIXED;
    if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
    cache.set(bucket, offset);
  }
  return Number.isNaN(offset) ? formattedWall(wholeMs, timeZone) - wholeMs : offset;
}

/** The wall clock of an instant as Intl formats it in the zone (the uncached truth). */
function formattedWall(instantMs: number, timeZone: string): number {
  return instantMs + offsetReaderFor(timeZone)(instantMs);
}

/**
 * The zone's offset from UTC at an instant, in ms (wall minus instant).
 *
 * @example
 * zoneOffsetMs("Asia/Kolkata", Date.UTC(2026, 0, 1)); // 19800000 (5 h 30 min)
 */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  return instantToWall(instantMs, timeZone) - instantMs;
}

/**
 * The instant of a wall clock in a zone. In a DST gap the wall clock is read
 * with the offset before the gap (so 02:30 on a spring-forward day becomes
 * 03:30); in an overlap the earlier instant is chosen (as JavaScript does).
 *
 * @example
 * wallToInstant(Date.UTC(2026, 2, 31, 23, 30), "UTC") === Date.UTC(2026, 2, 31, 23, 30); // true
 */
export function wallToInstant(wallMs: number, timeZone: string): number {
  const day = 86_400_000;
  const before = zoneOffsetMs(timeZone, wallMs - day);
  const after = zoneOffsetMs(timeZone, wallMs + day);
  const candidates = [wallMs - before, wallMs - after]
    .filter((c) => instantToWall(c, timeZone) === wallMs)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0];
  // In neither: a gap, or a transition within the day; try the exact offset before deciding.
  const guess = wallMs - zoneOffsetMs(timeZone, wallMs - before);
  if (instantToWall(guess, timeZone) === wallMs) return guess;
  return wallMs - before;
}

/** The fields of a wall clock. `month` is 1-12; `weekday` is 0 (Sunday) to 6. */
export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

/**
 * Builds wall ms from fields (month 1-12); fields may overflow like `Date.UTC`'s.
 *
 * @example
 * wallFromParts(2026, 3, 31) === Date.UTC(2026, 2, 31); // true
 */
export function wallFromParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  return d.getTime();
}

/**
 * Splits wall ms into fields.
 *
 * @example
 * wallParts(Date.UTC(2026, 2, 31, 23, 30)).hour; // 23
 */
export function wallParts(wallMs: number): WallParts {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Formats wall ms as an ISO-like local string without offset: "2026-03-31T23:30:00"
 * (milliseconds appended only when not zero).
 *
 * @example
 * formatWallIso(Date.UTC(2026, 2, 31, 23, 30)); // "2026-03-31T23:30:00"
 */
export function formatWallIso(wallMs: number): string {
  const p = wallParts(wallMs);
  const year = p.year >= 0 && p.year <= 9999 ? pad(p.year, 4) : (p.year < 0 ? "-" : "+") + pad(Math.abs(p.year), 6);
  const base = `${year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  return p.millisecond ? `${base}.${pad(p.millisecond, 3)}` : base;
}

/**
 * Parses "2026-03-31", "2026-03-31T23:30", "2026-03-31 23:30:15" or
 * "2026-03-31T23:30:15.250" as wall ms; throws on anything else (an offset
 * such as "Z" is refused: a wall clock has none).
 *
 * @example
 * parseWallIso("2026-03-31T23:30") === Date.UTC(2026, 2, 31, 23, 30); // true
 */
export function parseWallIso(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text.trim());
  if (!m) throw new Error(`simulator: not a wall clock (want yyyy-MM-dd[THH:mm[:ss[.SSS]]]): "${text}"`);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0));
  const ms = m[7] ? Number(m[7].padEnd(3, "0")) : 0;
  const wall = wallFromParts(year, month, day, hour, minute, second, ms);
  const check = wallParts(wall);
  if (check.month !== month || check.day !== day || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`simulator: no such wall clock: "${text}"`);
  }
  return wall;
}

/** Wall ms of the spreadsheet serial-number epoch, 1899-12-30 00:00. */
const SERIAL_EPOCH_WALL = Date.UTC(1899, 11, 30);

/**
 * Converts wall ms to a Sheets serial number (days since 1899-12-30).
 *
 * @example
 * wallToSerial(Date.UTC(1900, 0, 1)); // 2
 */
export function wallToSerial(wallMs: number): number {
  return (wallMs - SERIAL_EPOCH_WALL) / 86_400_000;
}

/**
 * Converts a Sheets serial number to wall ms (rounded to the millisecond).
 *
 * @example
 * serialToWall(2) === Date.UTC(1900, 0, 1); // true
 */
export function serialToWall(serial: number): number {
  return SERIAL_EPOCH_WALL + Math.round(serial * 86_400_000);
}
