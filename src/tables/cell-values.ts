/**
 * Reading one cell of an input sheet, as Apps Script's `getValues()` gives it
 * (numbers, booleans, strings, `Date`s; `""` when empty) or as the local
 * reader gives it.
 *
 * Every reader returns the value, `null` for a blank cell where blank means
 * "none", or a {@link CellFailure} saying why the cell cannot be read. The row
 * reader turns failures into problems with the sheet, cell and column name.
 * Failures are plain objects (not thrown) because a million-row Sales sheet
 * must be read fast and every problem collected.
 */
import { dayNumber, formatDay, isCivilDate } from "../core/calendar";
import { isNotANumber, readNumber } from "../core/number-text";
import { monthOfDay, parsePeriod, periodKind } from "../core/periods";
import type { ProblemCode } from "../core/problems";
import type { DayNumber, Period } from "../core/records";
import type { Choice } from "./input-columns";
import { toHalfWidth } from "../core/full-width";

/** Why a cell cannot be read; `args` fill the message (the row reader adds `column`). */
export interface CellFailure {
  readonly failure: ProblemCode;
  readonly args: Readonly<Record<string, string | number>>;
}

/** How numeric day-month text dates (`3/1/2017`) are read: day first or month first. */
export type DateOrder = "dmy" | "mdy";

/** The wall clock of the spreadsheet: the day a `Date` cell shows. */
export type DayOfInstant = (instantMs: number) => { day: DayNumber };

/**
 * The longest text accepted in an ID, name, customer, reason or other text
 * cell. Sheets allow 50,000 characters; anything near that is pasted by
 * mistake and would blow up every output and message that repeats it.
 */
export const MAX_TEXT_LENGTH = 1000;

/** How much of a bad cell a message quotes. */
const MAX_SHOWN_LENGTH = 40;

const DATE_TEXT =
  /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ZH_DATE_TEXT = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SCOPE_TEXT = /^(team|role|团队|岗位)\s*[:：]\s*(.*)$/i;
const TEAM_PREFIXES = new Set(["team", "团队"]);

/**
 * Whether a reader's answer is a failure.
 *
 * @example
 * isCellFailure(readNumberCell("abc")); // true
 * isCellFailure(readNumberCell("12"));  // false
 */
export function isCellFailure(value: unknown): value is CellFailure {
  return typeof value === "object" && value !== null && "failure" in value;
}

/**
 * Builds a failure.
 *
 * @example
 * cellFailure("not_a_number", { value: "abc" });
 */
export function cellFailure(failure: ProblemCode, args: Record<string, string | number> = {}): CellFailure {
  return { failure, args };
}

/**
 * Whether a value is a `Date`, also one made in another realm (a `node:vm`
 * context, or Apps Script handing values across), where `instanceof Date`
 * would say no.
 *
 * @example
 * isDateValue(new Date());   // true
 * isDateValue("2026-03-31"); // false
 */
export function isDateValue(value: unknown): value is Date {
  return typeof value === "object" && value !== null && Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * Whether a cell is empty: `""`, null, undefined or only spaces.
 *
 * @example
 * isBlankCell("  ");  // true
 * isBlankCell(0);     // false
 */
export function isBlankCell(value: unknown): boolean {
  if (value === "" || value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}

/**
 * A cell as a message quotes it: trimmed text cut to 40 characters, numbers and
 * booleans as Sheets shows them, a date as the day the sheet shows (ISO text
 * of the instant when no wall clock is given).
 *
 * @example
 * displayValue("  abc ");          // "abc"
 * displayValue("x".repeat(100));  // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
 * displayValue(true);              // "TRUE"
 */
export function displayValue(value: unknown, dayOf?: DayOfInstant): string {
  if (isDateValue(value)) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return "Invalid Date";
    return dayOf ? formatDay(dayOf(ms).day) : new Date(ms).toISOString();
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = value === null || value === undefined ? "" : String(value).trim();
  return text.length > MAX_SHOWN_LENGTH ? text.slice(0, MAX_SHOWN_LENGTH) + "…" : text;
}

/**
 * The key text is matched on: trimmed and case-folded. Rep IDs, Deal IDs,
 * customers, teams and roles are all compared this way.
 *
 * @example
 * textKey("  R101 "); // "r101"
 */
export function textKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Reads a text cell: trimmed; a number as its text (an integer without
 * decimals, so `101` and `"101"` are one Rep ID); a boolean as TRUE/FALSE;
 * a date as the day it shows; null when blank. Longer than
 * {@link MAX_TEXT_LENGTH} is a `text_too_long` failure.
 *
 * @example
 * readText("  Alice ");  // "Alice"
 * readText(101);         // "101"
 * readText("");          // null
 */
export function readText(value: unknown, dayOf?: DayOfInstant): string | null | CellFailure {
  let text: string;
  if (typeof value === "string") {
    if (value.length > MAX_TEXT_LENGTH) {
      const trimmed = value.trim();
      if (trimmed.length > MAX_TEXT_LENGTH) return tooLong(trimmed);
      text = trimmed;
    } else {
      text = value.trim();
    }
  } else if (typeof value === "number") {
    text = String(value);
  } else if (value === null || value === undefined) {
    return null;
  } else if (typeof value === "boolean") {
    text = value ? "TRUE" : "FALSE";
  } else if (isDateValue(value)) {
    text = displayValue(value, dayOf);
  } else {
    text = String(value).trim();
    if (text.length > MAX_TEXT_LENGTH) return tooLong(text);
  }
  return text === "" ? null : text;
}

/**
 * Reads an enumeration: the value, its English or Chinese word, trimmed and
 * case-insensitive; null when blank.
 *
 * @example
 * readChoice("续约", SALE_TYPE_CHOICES);  // "renewal"
 * readChoice(" WON ", SALE_STATUS_CHOICES); // "won"
 */
export function readChoice(value: unknown, choices: readonly Choice[], dayOf?: DayOfInstant): string | null | CellFailure {
  if (isBlankCell(value)) return null;
  const key = typeof value === "string" ? textKey(value) : textKey(String(value));
  for (const choice of choices) {
    if (key === choice.value || key === choice.en.toLowerCase() || key === choice.zh) return choice.value;
  }
  const allowed = choices.map((c) => c.en).join(", ") + " (" + choices.map((c) => c.zh).join(", ") + ")";
  return cellFailure("bad_choice", { value: displayValue(value, dayOf), allowed });
}

/**
 * Reads a number with `readNumber`'s rules (`¥1,234`, `12%`, `1.2万`,
 * full-width digits); null when blank; anything else is `not_a_number`,
 * never a silent 0. The wall clock, when given, quotes a misplaced date as the
 * sheet shows it.
 *
 * @example
 * readNumberCell("1.2万"); // 12000
 * readNumberCell("");      // null
 */
export function readNumberCell(value: unknown, dayOf?: DayOfInstant): number | null | CellFailure {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const reading = readNumber(value);
  return isNotANumber(reading) ? cellFailure("not_a_number", { value: displayValue(value, dayOf) }) : reading;
}

/**
 * Reads a share of the credit (Split): 0 to 1 inclusive, `50%` accepted,
 * blank = 1. Outside 0-1 is `split_out_of_range` (so `50` is not taken for 50%).
 *
 * @example
 * readShare("50%"); // 0.5
 * readShare("");    // 1
 */
export function readShare(value: unknown, dayOf?: DayOfInstant): number | CellFailure {
  const share = readNumberCell(value, dayOf);
  if (share === null) return 1;
  if (isCellFailure(share)) return share;
  return share >= 0 && share <= 1 ? share : cellFailure("split_out_of_range", { value: displayValue(value) });
}

/**
 * Reads a target, which must be above 0.
 *
 * @example
 * readPositiveNumber("5,000"); // 5000
 * isCellFailure(readPositiveNumber(0)); // true (target_not_positive)
 */
export function readPositiveNumber(value: unknown, dayOf?: DayOfInstant): number | null | CellFailure {
  const reading = readNumberCell(value, dayOf);
  if (reading === null || isCellFailure(reading)) return reading;
  return reading > 0 ? reading : cellFailure("target_not_positive", { value: displayValue(value) });
}

/**
 * Reads a date as the day the spreadsheet shows: a `Date` through the wall
 * clock; text `2026-03-31`, `2026/3/31`, `2026.3.31` or `2026年3月31日`, with an
 * optional time, read as written (year first only: `3/4/2026` depends on the
 * locale). An impossible date (`2026-02-30`) or a bare number is `not_a_date`:
 * a number may be a spreadsheet serial or a typed `20260331`, and guessing
 * which would put deals in the wrong month.
 *
 * @example
 * readDay("2026年3月31日", wallClock); // 20543
 * readDay(new Date(...), wallClock);  // the day the sheet shows
 */
export function readDay(value: unknown, dayOf: DayOfInstant): DayNumber | null | CellFailure {
  if (isDateValue(value)) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? dayOf(ms).day : cellFailure("not_a_date", { value: "Invalid Date" });
  }
  if (isBlankCell(value)) return null;
  if (typeof value === "string") {
    const day = parseDateText(value);
    if (day !== null) return day;
  }
  return cellFailure("not_a_date", { value: displayValue(value) });
}

/**
 * Reads a date written as text (see {@link readDay}); null when it is not one.
 *
 * @example
 * parseDateText("2026/3/31 14:05"); // 20543
 * parseDateText("2026-02-30");      // null
 */
export function parseDateText(text: string): DayNumber | null {
  const ascii = toHalfWidth(text, { ideographicSpace: true }).trim();
  const match = DATE_TEXT.exec(ascii);
  if (match) return dayOrNull(+match[1], +match[3], +match[4], match[5], match[6], match[7]);
  const zh = ZH_DATE_TEXT.exec(ascii);
  if (zh) return dayOrNull(+zh[1], +zh[2], +zh[3], zh[4], zh[5], zh[6]);
  return null;
}

/**
 * Reads a period: text or a number by `parsePeriod`, a `Date` as its month;
 * null when blank.
 *
 * @example
 * readPeriodCell("2026年第1季度", wallClock); // "2026-Q1"
 * readPeriodCell(2026, wallClock);           // "2026"
 */
export function readPeriodCell(value: unknown, dayOf: DayOfInstant): Period | null | CellFailure {
  if (isDateValue(value)) {
    const day = readDay(value, dayOf);
    return typeof day === "number" ? monthOfDay(day) : cellFailure("not_a_period", { value: displayValue(value) });
  }
  if (isBlankCell(value)) return null;
  const period = typeof value === "string" || typeof value === "number" ? parsePeriod(value) : null;
  return period ?? cellFailure("not_a_period", { value: displayValue(value) });
}

/**
 * Reads a period that must be a month (Adjustments); a quarter, a year or
 * anything else is `not_a_month`.
 *
 * @example
 * readMonthCell("2026/3", wallClock);  // "2026-03"
 * readMonthCell("2026-Q1", wallClock); // failure: not_a_month
 */
export function readMonthCell(value: unknown, dayOf: DayOfInstant): Period | null | CellFailure {
  const period = readPeriodCell(value, dayOf);
  if (period === null) return null;
  if (isCellFailure(period) || periodKind(period) !== "month") {
    return cellFailure("not_a_month", { value: displayValue(value) });
  }
  return period;
}

/** Whom a Targets row is for, as read from its Rep ID cell. */
export type ScopeCell =
  | { level: "rep"; id: string; key: string }
  | { level: "team"; name: string }
  | { level: "role"; name: string }
  | { level: "all" };

/**
 * Reads the Rep ID cell of a Targets row: `*` (everyone), `team:NAME` or
 * `role:NAME` (prefix case-insensitive, also `团队:` / `岗位:`, with an ASCII or
 * full-width colon), or a Rep ID. `team:` without a name is read as a Rep ID,
 * which then matches no rep.
 *
 * @example
 * readTargetScope("Team：East"); // { level: "team", name: "East" }
 * readTargetScope("*");         // { level: "all" }
 * readTargetScope(101);         // { level: "rep", id: "101", key: "101" }
 */
export function readTargetScope(value: unknown): ScopeCell | null | CellFailure {
  const text = readText(value);
  if (text === null || isCellFailure(text)) return text;
  if (text === "*" || text === "＊") return { level: "all" };
  const match = SCOPE_TEXT.exec(text);
  if (match && match[2].trim() !== "") {
    const name = match[2].trim();
    return TEAM_PREFIXES.has(match[1].toLowerCase()) ? { level: "team", name } : { level: "role", name };
  }
  return { level: "rep", id: text, key: textKey(text) };
}

function dayOrNull(
  year: number,
  month: number,
  day: number,
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
): DayNumber | null {
  if (!isCivilDate(year, month, day)) return null;
  if (hours !== undefined && (+hours > 23 || +(minutes ?? 0) > 59 || +(seconds ?? 0) > 59)) return null;
  return dayNumber(year, month, day);
}

function tooLong(text: string): CellFailure {
  return cellFailure("text_too_long", { length: text.length, max: MAX_TEXT_LENGTH });
}

