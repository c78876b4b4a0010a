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
import { formatNumber } from "../core/display-format";
import { ENGLISH_MONTH_NAMES } from "../core/english-calendar-names";
import { isNotANumber, isWithinBound, MAX_INPUT_NUMBER, readNumber } from "../core/number-text";
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

/**
 * The years a date cell may plausibly hold where it names a period or an
 * employment date: 1900 to 2199. A 0 typed into a date cell shows
 * 1899-12-30, `0202` is a typo for 2026, and 9999 is a placeholder.
 */
const PLAUSIBLE_YEARS = { first: 1900, last: 2199 } as const;
const FIRST_PLAUSIBLE_DAY = dayNumber(PLAUSIBLE_YEARS.first, 1, 1);
const LAST_PLAUSIBLE_DAY = dayNumber(PLAUSIBLE_YEARS.last, 12, 31);

/** How much of a bad cell a message quotes. */
const MAX_SHOWN_LENGTH = 40;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

// Groups: 1 year, 2 separator, 3 month, 4 day, 5-7 time, 8 fraction of a
// second, 9 zone (`Z`, `+08:00`, `+0800`, `+08`).
const DATE_TEXT =
  /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const ZH_DATE_TEXT = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// A wall-clock time after a date: hours, minutes, seconds, AM/PM.
const TIME = String.raw`(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?m\.?)?)?`;
// `3/1/2017`, `03.01.2017`, `3-1-2017`: day and month in an order the text does not tell.
const NUMERIC_DATE_TEXT = new RegExp(String.raw`^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})` + TIME + "$", "i");
// `3-Jan-22`, `3 January 2022`, `3rd Jan 2022 14:05`.
const DAY_MONTH_NAME_TEXT = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s\-./]*([a-z]{3,9})\.?[\s\-./,]*(\d{4}|\d{2})` + TIME + "$",
  "i",
);
// `Jan 3, 2022`, `January 3 2022`, `Sep-03-2022`.
const MONTH_NAME_DAY_TEXT = new RegExp(
  String.raw`^([a-z]{3,9})\.?[\s\-./]*(\d{1,2})(?:st|nd|rd|th)?[\s\-./,]+(\d{4}|\d{2})` + TIME + "$",
  "i",
);
const MONTH_NAMES: ReadonlyMap<string, number> = monthNames();
/** What Sheets' `getValues()` gives for a cell whose formula failed. */
const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#ERROR!",
  "#SPILL!",
  "#CALC!",
]);
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
 *
 * @internal Exported only for cell-values.test.ts, which checks it directly; the code uses it inside this file.
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
 * {@link MAX_TEXT_LENGTH} is a `text_too_long` failure; a Sheets error value
 * (`#N/A`, `#REF!`...) is `error_value`, since a failed formula is no name.
 *
 * @example
 * readText("  Alice ");  // "Alice"
 * readText(101);         // "101"
 * readText("");          // null
 * readText("#N/A");      // failure: error_value
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
    if (isErrorValue(text)) return cellFailure("error_value", { value: text });
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
 * Reads a Rep ID cell (Reps Rep ID and Manager, Sales owner, the Rep ID of
 * Targets, Scores and Adjustments): text as {@link readText} reads it, a
 * number as its text (`101` -> "101"). A checkbox, a date, a Sheets error
 * value or a number that is not finite is `bad_id`: none of them is an ID
 * someone typed, and reading `TRUE` or `2026-03-31` as one would only show up
 * later as an unknown rep.
 *
 * @example
 * readIdText(" R101 "); // "R101"
 * readIdText(101);      // "101"
 * readIdText(true);     // failure: bad_id
 * readIdText("#REF!");  // failure: bad_id
 */
export function readIdText(value: unknown, dayOf?: DayOfInstant): string | null | CellFailure {
  if (typeof value === "boolean" || isDateValue(value) || (typeof value === "number" && !Number.isFinite(value))) {
    return cellFailure("bad_id", { value: displayValue(value, dayOf) });
  }
  const text = readText(value, dayOf);
  if (isCellFailure(text) && text.failure === "error_value") return cellFailure("bad_id", text.args);
  return text;
}

/**
 * Whether text is a Sheets error value (`#N/A`, `#REF!`, `#DIV/0!`...), as
 * `getValues()` hands a cell whose formula failed.
 *
 * @example
 * isErrorValue("#N/A");  // true
 * isErrorValue("#1");    // false
 */
export function isErrorValue(text: string): boolean {
  return text.charCodeAt(0) === 35 /* # */ && ERROR_VALUES.has(text.toUpperCase());
}

/**
 * Reads an enumeration: the value, its English or Chinese word, trimmed and
 * case-insensitive; null when blank.
 *
 * @example
 * readChoice("续约", SALE_TYPE_CHOICES);  // "renewal"
 * readChoice(" WON ", SALE_STATUS_CHOICES); // "won"
 *
 * @internal Exported only for src/addon/custom-function-arguments.test.ts and cell-values.test.ts, which use it
 * directly: no source file calls it.
 */
export function readChoice(
  value: unknown,
  choices: readonly Choice[],
  dayOf?: DayOfInstant,
): string | null | CellFailure {
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
 * never a silent 0 (a Sheets error value is `error_value`). A number beyond
 * ±bound ({@link MAX_INPUT_NUMBER} unless given) is `number_too_large`, so a
 * typo such as `1e308` cannot overflow a sum later. The wall clock, when
 * given, quotes a misplaced date as the sheet shows it.
 *
 * @example
 * readNumberCell("1.2万");  // 12000
 * readNumberCell("");       // null
 * readNumberCell(1e308);    // failure: number_too_large
 * readNumberCell(50, undefined, 10); // failure: number_too_large
 */
export function readNumberCell(
  value: unknown,
  dayOf?: DayOfInstant,
  bound: number = MAX_INPUT_NUMBER,
): number | null | CellFailure {
  if (typeof value === "number" && Number.isFinite(value)) {
    return isWithinBound(value, bound) ? value : tooLarge(value, bound);
  }
  const reading = readNumber(value);
  if (isNotANumber(reading)) return unreadable(value, "not_a_number", dayOf);
  return reading === null || isWithinBound(reading, bound) ? reading : tooLarge(value, bound);
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
 * clock, or text in one of these forms (full-width digits too):
 * - year first: `2026-03-31`, `2026/3/31`, `2026.3.31`, `2026年3月31日`, with an
 *   optional time read as written (`2026-03-31 23:30`, `2026-03-31T23:30:00`);
 *   with a zone (`…T20:00:00Z`, `…+08:00`) the text is an instant, and its
 *   day is the one the wall clock shows;
 * - a month name, English, any case, short or full: `31-Mar-26`,
 *   `31 March 2026`, `Mar 31, 2026`, `March 31 2026 14:05`; a two-digit year
 *   is 20yy (`31-Mar-26` is 2026);
 * - day and month as numbers, `3/1/2017`, `03.01.2017`, `3-1-2017` (a
 *   four-digit year, an optional time): read in `order` when it is given;
 *   without one, read only when one reading alone is a real date
 *   (`13/1/2017` is 13 January) or both agree (`1/1/2017`), and otherwise
 *   `ambiguous_date`, naming both days.
 * An impossible date (`2026-02-30`) or a bare number is `not_a_date`: a
 * number may be a spreadsheet serial or a typed `20260331`, and guessing
 * which would put deals in the wrong month.
 *
 * @example
 * readDay("2026年3月31日", wallClock);      // 20543
 * readDay("31 Mar 2026", wallClock);        // 20543
 * readDay("3/31/2026", wallClock);          // 20543 (31 is no month)
 * readDay("3/1/2017", wallClock, "dmy");    // 3 January 2017
 * readDay("3/1/2017", wallClock);           // failure: ambiguous_date
 * readDay(new Date(...), wallClock);        // the day the sheet shows
 */
export function readDay(value: unknown, dayOf: DayOfInstant, order?: DateOrder | null): DayNumber | null | CellFailure {
  if (isDateValue(value)) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? dayOf(ms).day : cellFailure("not_a_date", { value: "Invalid Date" });
  }
  if (isBlankCell(value)) return null;
  if (typeof value === "string") {
    const day = rememberedDateText(value, dayOf, order ?? null);
    if (day !== null) return day;
  }
  return unreadable(value, "not_a_date");
}

/** Texts longer than a date with its name of month ("Mar 14, 2025") are date-times, nearly all distinct. */
const REMEMBERED_TEXT_LENGTH = 12;
const REMEMBERED_TEXTS = 10_000;

/**
 * Days read from date texts, for one wall clock and one order. A Sales sheet
 * repeats each day's text hundreds of times and parsing it was the largest
 * cost of reading Sales (and of SCORECARD, which reads Sales on every call).
 * The same text always reads the same with the same clock and order, so
 * remembering it changes no result; a new clock or order starts afresh.
 */
let rememberedDays: { dayOf: DayOfInstant; order: DateOrder | null; days: Map<string, DayNumber | null> } | null = null;

function rememberedDateText(
  text: string,
  dayOf: DayOfInstant,
  order: DateOrder | null,
): DayNumber | null | CellFailure {
  if (text.length > REMEMBERED_TEXT_LENGTH) return readDateText(text, dayOf, order);
  if (rememberedDays === null || rememberedDays.dayOf !== dayOf || rememberedDays.order !== order) {
    rememberedDays = { dayOf, order, days: new Map() };
  }
  const known = rememberedDays.days.get(text);
  if (known !== undefined) return known;
  const day = readDateText(text, dayOf, order);
  // A failure is a fresh object each time (the caller may keep it); only days and nulls are shared.
  if (typeof day === "number" || day === null) {
    if (rememberedDays.days.size >= REMEMBERED_TEXTS) rememberedDays.days.clear();
    rememberedDays.days.set(text, day);
  }
  return day;
}

/**
 * The cheap patterns first: most exports are year first, so a million rows
 * of them cost one regular expression each; only a zoned instant asks the
 * wall clock.
 */
function readDateText(text: string, dayOf: DayOfInstant, order: DateOrder | null): DayNumber | null | CellFailure {
  const ascii = toHalfWidth(text, { ideographicSpace: true }).trim();
  const match = DATE_TEXT.exec(ascii);
  if (match) {
    if (match[9] === undefined) return dayOrNull(+match[1], +match[3], +match[4], match[5], match[6], match[7]);
    return zonedDay(match, dayOf);
  }
  const first = ascii.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const zh = ZH_DATE_TEXT.exec(ascii);
    if (zh) return dayOrNull(+zh[1], +zh[2], +zh[3], zh[4], zh[5], zh[6]);
    const numeric = NUMERIC_DATE_TEXT.exec(ascii);
    if (numeric) return numericDay(ascii, numeric, order);
    const dayFirst = DAY_MONTH_NAME_TEXT.exec(ascii);
    if (dayFirst) return namedMonthDay(dayFirst[3], dayFirst[2], dayFirst[1], dayFirst.slice(4));
    return null;
  }
  const monthFirst = MONTH_NAME_DAY_TEXT.exec(ascii);
  if (monthFirst) return namedMonthDay(monthFirst[3], monthFirst[1], monthFirst[2], monthFirst.slice(4));
  return null;
}

/** An ISO date-time with a zone is an instant: its day is the one the wall clock shows there. */
function zonedDay(match: RegExpExecArray, dayOf: DayOfInstant): DayNumber | null {
  const [, year, , month, day, hours, minutes, seconds = "0", fraction = "", zone] = match;
  const civil = dayOrNull(+year, +month, +day, hours, minutes, seconds);
  if (civil === null) return null;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  const wallMs =
    civil * DAY_MS + (+hours * 60 + +minutes) * MINUTE_MS + +seconds * 1000 + Math.floor(+("0" + fraction) * 1000);
  return dayOf(wallMs - offset * MINUTE_MS).day;
}

/** `Z` = 0; `+08:00`, `+0800` or `+08` in minutes east of UTC; null when out of range. */
function zoneOffsetMinutes(zone: string): number | null {
  if (zone === "Z" || zone === "z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = +digits.slice(0, 2);
  const minutes = digits.length > 2 ? +digits.slice(2) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** `3/1/2017`: in the given order, else only when the text allows one day. */
function numericDay(text: string, match: RegExpExecArray, order: DateOrder | null): DayNumber | null | CellFailure {
  const first = +match[1];
  const second = +match[3];
  const year = +match[4];
  const time = match.slice(5);
  if (order !== null) return order === "dmy" ? dayAt(year, second, first, time) : dayAt(year, first, second, time);
  const dayFirst = dayAt(year, second, first, time);
  const monthFirst = dayAt(year, first, second, time);
  if (dayFirst === null || monthFirst === null || dayFirst === monthFirst) return dayFirst ?? monthFirst;
  return cellFailure("ambiguous_date", {
    value: displayValue(text),
    dmy: first + " " + ENGLISH_MONTH_NAMES[second - 1],
    mdy: second + " " + ENGLISH_MONTH_NAMES[first - 1],
    dmyZh: second + "月" + first + "日",
    mdyZh: first + "月" + second + "日",
  });
}

/** `3 Jan 22`, `January 3, 2022`: a two-digit year is 20yy. */
function namedMonthDay(yearText: string, monthName: string, dayText: string, time: string[]): DayNumber | null {
  const month = MONTH_NAMES.get(monthName.toLowerCase());
  if (month === undefined) return null;
  const year = yearText.length === 2 ? 2000 + +yearText : +yearText;
  return dayAt(year, month, +dayText, time);
}

/** The day of a date with a matched time (hours, minutes, seconds, AM/PM); with AM/PM hours run 1-12. */
function dayAt(year: number, month: number, day: number, time: (string | undefined)[]): DayNumber | null {
  const [hours, minutes, seconds, meridiem] = time;
  if (meridiem !== undefined && hours !== undefined && (+hours < 1 || +hours > 12)) return null;
  return dayOrNull(year, month, day, hours, minutes, seconds);
}

/** English month names, full and in three letters (`sept` too), lower case, to 1-12. */
function monthNames(): Map<string, number> {
  const names = new Map<string, number>();
  ENGLISH_MONTH_NAMES.forEach((name, index) => {
    names.set(name.toLowerCase(), index + 1);
    names.set(name.slice(0, 3).toLowerCase(), index + 1);
  });
  names.set("sept", 9);
  return names;
}

/**
 * Whether a day falls within {@link PLAUSIBLE_YEARS}: a date outside them
 * was typed wrong.
 *
 * @example
 * isPlausibleDay(dayNumber(2026, 3, 5)); // true
 * isPlausibleDay(dayNumber(202, 3, 5));  // false
 */
export function isPlausibleDay(day: DayNumber): boolean {
  return day >= FIRST_PLAUSIBLE_DAY && day <= LAST_PLAUSIBLE_DAY;
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
    // A date's month is a period only within the years a period may name (a 0202 or 9999 date is a typo).
    const month = typeof day === "number" && isPlausibleDay(day) ? monthOfDay(day) : null;
    return month ?? cellFailure("not_a_period", { value: displayValue(value, dayOf) });
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
export function readTargetScope(value: unknown, dayOf?: DayOfInstant): ScopeCell | null | CellFailure {
  const text = readIdText(value, dayOf);
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

/** A cell no reader could read: a Sheets error value says so, anything else is `code`. */
function unreadable(value: unknown, code: "not_a_number" | "not_a_date", dayOf?: DayOfInstant): CellFailure {
  if (typeof value === "string" && isErrorValue(value.trim()))
    return cellFailure("error_value", { value: value.trim() });
  return cellFailure(code, { value: displayValue(value, dayOf) });
}

function tooLarge(value: unknown, bound: number): CellFailure {
  return cellFailure("number_too_large", { value: displayValue(value), max: formatNumber(bound, 0) });
}

function tooLong(text: string): CellFailure {
  return cellFailure("text_too_long", { length: text.length, max: MAX_TEXT_LENGTH });
}
