/**
 * Parsing of strings written with `setValue(s)`, as Sheets parses typed input
 * (USER_ENTERED). Conservative where Sheets is unclear: anything that might
 * become a formula in Sheets becomes one here.
 */
import { ENGLISH_MONTH_NAMES } from "../core/english-calendar-names";
import type { CellContent } from "./cell";
import { wallFromParts, wallParts } from "./time-zone";

/** The result of parsing: the content (undefined: empty cell) and a format Sheets would set on an unformatted cell. */
export interface ParsedInput {
  content: CellContent | undefined;
  autoFormat?: string;
}

/** Locale conventions used when parsing. */
interface LocaleRules {
  decimal: string;
  group: RegExp;
  order: "mdy" | "dmy" | "ymd";
}

const DECIMAL_COMMA = new Set([
  "de",
  "fr",
  "es",
  "it",
  "pt",
  "ru",
  "nl",
  "pl",
  "tr",
  "sv",
  "da",
  "nb",
  "no",
  "fi",
  "cs",
  "id",
  "uk",
  "ro",
  "hu",
  "el",
  "sk",
  "sl",
  "hr",
  "bg",
  "lt",
  "lv",
  "et",
  "vi",
]);
const SPACE_GROUP = new Set(["fr", "ru", "pl", "sv", "nb", "no", "fi", "cs", "uk", "sk", "bg", "lt", "lv", "et", "hu"]);
const YEAR_FIRST = new Set(["zh", "ja", "ko"]);
const MONTH_FIRST_LOCALES = new Set(["en_US", "en_PH", "es_US", "en"]);

/**
 * The parsing conventions of a spreadsheet locale such as "en_US" or "de_DE".
 *
 * @example
 * localeRules("de_DE").decimal; // ","
 */
function localeRules(locale: string): LocaleRules {
  const language = locale.split(/[_-]/)[0].toLowerCase();
  const decimal = DECIMAL_COMMA.has(language) ? "," : ".";
  const group = decimal === "." ? /,/g : SPACE_GROUP.has(language) ? /[ \u00a0\u202f]/g : /\./g;
  const order = YEAR_FIRST.has(language) ? "ymd" : MONTH_FIRST_LOCALES.has(locale) ? "mdy" : "dmy";
  return { decimal, group, order };
}

const MONTH_NAMES = ENGLISH_MONTH_NAMES.map((name) => name.toLowerCase());

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length < 3) return null;
  const index = lower === "sept" ? 8 : MONTH_NAMES.findIndex((m) => m.startsWith(lower));
  return index < 0 ? null : index + 1;
}

function parseNumber(text: string, rules: LocaleRules): { value: number; autoFormat?: string } | null {
  const m = /^([+-])?(\$)?([\d.,\u00a0\u202f ]*\d[\d.,\u00a0\u202f ]*|[\d]*[.,]\d+)(?:[eE]([+-]?\d+))?(%)?$/.exec(text);
  if (!m) return null;
  const [, sign, currency, body, exponent, percent] = m;
  const groupChar = rules.decimal === "." ? "," : rules.group.source.includes("\\.") ? "." : " ";
  const [intPart, ...decParts] = body.split(rules.decimal);
  if (decParts.length > 1) return null;
  const decPart = decParts[0];
  if (decPart !== undefined && !/^\d*$/.test(decPart)) return null;
  let digits = intPart;
  let grouped = false;
  const groupPattern = groupChar === " " ? /[ \u00a0\u202f]/ : groupChar === "." ? /\./ : /,/;
  if (groupPattern.test(intPart)) {
    const groups = intPart.split(groupChar === " " ? /[ \u00a0\u202f]/ : groupChar);
    if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    digits = groups.join("");
    grouped = true;
  }
  if (!/^\d*$/.test(digits) || (digits === "" && !decPart)) return null;
  if (exponent !== undefined && (grouped || currency || percent)) return null;
  let value = Number(`${digits || "0"}.${decPart ?? ""}${exponent !== undefined ? "e" + exponent : ""}`);
  if (!Number.isFinite(value)) return null;
  if (sign === "-") value = -value;
  const decimals = decPart ? decPart.length : 0;
  if (percent) {
    value = Number((value / 100).toPrecision(15));
    return { value, autoFormat: decimals > 0 ? "0.00%" : "0%" };
  }
  if (currency) return { value, autoFormat: "$#,##0.00" };
  if (grouped) return { value, autoFormat: decimals > 0 ? "#,##0.00" : "#,##0" };
  if (exponent !== undefined) return { value, autoFormat: "0.00E+00" };
  return { value };
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 0 || year > 9999) return false;
  const p = wallParts(wallFromParts(year, month, day));
  return p.month === month && p.day === day;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function parseTime(text: string): TimeOfDay | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([ap]\.?m\.?)?$/i.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  const ms = m[4] ? Number(m[4].padEnd(3, "0")) : 0;
  if (m[5]) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(m[5]);
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second, ms };
}

function parseDatePart(
  text: string,
  rules: LocaleRules,
  currentYear: number,
): { y: number; m: number; d: number; iso: boolean; monthOnly?: boolean } | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), iso: true };
  m = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: 1, iso: true, monthOnly: true };
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (m && rules.order !== "ymd") {
    const a = Number(m[1]);
    const b = Number(m[3]);
    return rules.order === "mdy"
      ? { y: fullYear(m[4]), m: a, d: b, iso: false }
      : { y: fullYear(m[4]), m: b, d: a, iso: false };
  }
  if (m && rules.order === "ymd" && m[4].length === 2) {
    return { y: fullYear(m[1]), m: Number(m[3]), d: Number(m[4]), iso: false };
  }
  m = /^(\d{1,2})([/.])(\d{1,2})$/.exec(text);
  if (m && !(m[2] === "." && rules.decimal === ".")) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    return rules.order === "dmy"
      ? { y: currentYear, m: b, d: a, iso: false }
      : { y: currentYear, m: a, d: b, iso: false };
  }
  // Month names: "Mar 31, 2026", "March 31 2026", "31 Mar 2026", "31-Mar-2026", "Mar 2026".
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthFromName(m[1]);
    return month ? { y: Number(m[3]), m: month, d: Number(m[2]), iso: false } : null;
  }
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const month = monthFromName(m[2]);
    return month ? { y: fullYear(m[3]), m: month, d: Number(m[1]), iso: false } : null;
  }
  m = /^([A-Za-z]{3,9})\.?[\s-](\d{4})$/.exec(text);
  if (m) {
    const month = monthFromName(m[1]);
    return month ? { y: Number(m[2]), m: month, d: 1, iso: false, monthOnly: true } : null;
  }
  return null;
}

function parseDateTime(text: string, rules: LocaleRules, currentYear: number): ParsedInput | null {
  const timeOnly = parseTime(text);
  if (timeOnly) {
    const wall = wallFromParts(1899, 12, 30, timeOnly.hour, timeOnly.minute, timeOnly.second, timeOnly.ms);
    return { content: { kind: "date", wall }, autoFormat: /[ap]\.?m/i.test(text) ? "h:mm:ss am/pm" : "h:mm:ss" };
  }
  const split = /^(.*?\d)(?:[T ]|,\s*)(\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:\s*[ap]\.?m\.?)?)$/i.exec(text);
  const datePart = split ? split[1] : text;
  const time = split ? parseTime(split[2]) : null;
  if (split && !time) return null;
  const date = parseDatePart(datePart.trim(), rules, currentYear);
  if (!date || !validDate(date.y, date.m, date.d)) return null;
  const wall = wallFromParts(
    date.y,
    date.m,
    date.d,
    time?.hour ?? 0,
    time?.minute ?? 0,
    time?.second ?? 0,
    time?.ms ?? 0,
  );
  const dateFormat = date.iso ? (date.monthOnly ? "yyyy-mm" : "yyyy-mm-dd") : "m/d/yyyy";
  return { content: { kind: "date", wall }, autoFormat: time ? `${dateFormat} h:mm:ss` : dateFormat };
}

/** Options for {@link parseTypedInput}. */
export interface TypedInputOptions {
  /** Spreadsheet locale, e.g. "en_US" (decides "3/4" order and decimal separators). */
  locale: string;
  /** The current year in the spreadsheet zone (for "3/31" without a year). */
  currentYear: number;
}

/**
 * Parses a string as Sheets parses typed input:
 * - `'x` is the text `x` (the apostrophe is dropped);
 * - a first non-blank `=` makes a formula; so do a leading `+`, `-` or `@`
 *   when the rest is not a number (`+1+1` becomes `=+1+1`, `-5` is -5);
 * - numbers ("001" is 1, "1,234" is 1234, "12%" is 0.12, "$5" is 5), TRUE/FALSE,
 *   dates ("2026-03-31", "3/31/2026", "2026-03" = first of the month, "Mar 2026"),
 *   date-times and times become typed values;
 * - anything else stays text, exactly as given.
 *
 * @example
 * parseTypedInput("12%", { locale: "en_US", currentYear: 2026 }).content; // { kind: "number", value: 0.12 }
 * parseTypedInput("'=1+1", { locale: "en_US", currentYear: 2026 }).content; // { kind: "text", value: "=1+1" }
 */
export function parseTypedInput(text: string, options: TypedInputOptions): ParsedInput {
  if (text === "") return { content: undefined };
  if (text.startsWith("'")) return { content: { kind: "text", value: text.slice(1) } };
  const trimmed = text.trim();
  if (trimmed === "") return { content: { kind: "text", value: text } };
  const first = trimmed[0];
  if (first === "=") return { content: { kind: "formula", formula: trimmed } };
  const rules = localeRules(options.locale);
  const number = parseNumber(trimmed, rules);
  if (number) return { content: { kind: "number", value: number.value }, autoFormat: number.autoFormat };
  if (/^(true|false)$/i.test(trimmed)) return { content: { kind: "boolean", value: /^true$/i.test(trimmed) } };
  if (first === "+" || first === "-" || first === "@") return { content: { kind: "formula", formula: "=" + trimmed } };
  const date = parseDateTime(trimmed, rules, options.currentYear);
  if (date) return date;
  return { content: { kind: "text", value: text } };
}
