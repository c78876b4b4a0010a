/**
 * Sheets number formats: what kind a pattern is (text, date, number) and a
 * simple renderer for `getDisplayValues()`. The renderer covers the common
 * patterns ("0.00", "#,##0", "0%", "$#,##0.00", "yyyy-mm-dd", "M/d/yyyy
 * H:mm:ss"), not every corner of the format language.
 */
import { ENGLISH_DAY_NAMES, ENGLISH_MONTH_NAMES } from "../core/english-calendar-names";
import { wallParts } from "./time-zone";

/** What `getNumberFormat()` returns for a cell whose format was never set. */
export const DEFAULT_NUMBER_FORMAT = "0.###############";

/** The plain-text number format: strings written there are stored verbatim. */
const TEXT_FORMAT = "@";

/** The format Sheets gives a cell when a script writes a Date into an unformatted cell. */
export const AUTO_DATE_TIME_FORMAT = "M/d/yyyy H:mm:ss";

/** What a number format makes of a number. */
export type FormatKind = "general" | "text" | "date" | "number";

function stripLiterals(pattern: string): string {
  return pattern
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/**
 * Classifies a number format.
 *
 * @example
 * formatKind("yyyy-mm-dd"); // "date"
 * formatKind("#,##0.00"); // "number"
 * formatKind("@"); // "text"
 */
export function formatKind(pattern: string | undefined): FormatKind {
  if (pattern === undefined || pattern === "" || pattern === DEFAULT_NUMBER_FORMAT || /^general$/i.test(pattern))
    return "general";
  if (pattern === TEXT_FORMAT) return "text";
  const bare = stripLiterals(pattern.split(";")[0]);
  if (/[ydhsm]/i.test(bare.replace(/am\/pm|a\/p/gi, "h"))) return "date";
  return "number";
}

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < pattern.length) {
      current += ch + pattern[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function literalText(part: string): string {
  return part
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
}

/**
 * Renders a number with a number pattern (sections, %, grouping, decimals,
 * literal prefix/suffix).
 *
 * @example
 * formatNumberPattern(1234.5, "#,##0.00"); // "1,234.50"
 * formatNumberPattern(0.125, "0.0%"); // "12.5%"
 */
export function formatNumberPattern(value: number, pattern: string): string {
  const sections = splitSections(pattern);
  let section = sections[0];
  let sign = value < 0 ? "-" : "";
  if (value < 0 && sections.length > 1 && sections[1] !== "") {
    section = sections[1];
    sign = "";
  } else if (value === 0 && sections.length > 2 && sections[2] !== "") section = sections[2];
  let v = Math.abs(value);
  const bare = stripLiterals(section);
  const percents = (bare.match(/%/g) ?? []).length;
  v *= 100 ** percents;
  const first = section.search(/[0#?.,]/);
  if (first < 0) return sign + literalText(section);
  let last = first;
  for (let i = first; i < section.length; i++) if (/[0#?.,]/.test(section[i])) last = i;
  const core = section.slice(first, last + 1);
  const prefix = literalText(section.slice(0, first));
  const suffix = literalText(section.slice(last + 1));
  const [intPart, decPart = ""] = core.split(".");
  const grouping = intPart.includes(",");
  const minInt = (intPart.match(/0/g) ?? []).length;
  const maxDec = (decPart.match(/[0#?]/g) ?? []).length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  let text = v.toFixed(maxDec);
  let [i, d = ""] = text.split(".");
  while (d.length > minDec && d.endsWith("0")) d = d.slice(0, -1);
  if (i === "0" && minInt === 0) i = "";
  i = i.padStart(minInt, "0");
  if (grouping) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  text = d ? `${i}.${d}` : core.includes(".") && maxDec === 0 ? `${i}.` : i;
  if (text === "") text = "0";
  if (sign && /^[0.,]*$/.test(text)) sign = "";
  return sign + prefix + text + suffix;
}

/**
 * Renders wall ms with a Sheets date pattern (y, m, d, h, s, am/pm; "m" means
 * minutes after an hour or before seconds).
 *
 * @example
 * formatDatePattern(Date.UTC(2026, 2, 31, 23, 5), "yyyy-mm-dd hh:mm"); // "2026-03-31 23:05"
 */
export function formatDatePattern(wallMs: number, pattern: string): string {
  const p = wallParts(wallMs);
  const section = splitSections(pattern)[0];
  const ampm = /am\/pm|a\/p/i.test(section);
  type Tok = { t: string; lit?: boolean };
  const toks: Tok[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      toks.push({ t: section.slice(i + 1, end < 0 ? undefined : end), lit: true });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "\\") {
      toks.push({ t: section[i + 1] ?? "", lit: true });
      i += 2;
    } else if (/^am\/pm/i.test(section.slice(i))) {
      toks.push({ t: "AMPM" });
      i += 5;
    } else if (/^a\/p/i.test(section.slice(i))) {
      toks.push({ t: "AP" });
      i += 3;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end + 1;
    } else if (/[ydhsm]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      toks.push({ t: section.slice(i, j).toLowerCase() });
      i = j;
    } else if (ch === "." && /^\.0+/.test(section.slice(i))) {
      const m = /^\.0+/.exec(section.slice(i))![0];
      toks.push({ t: "FRAC" + (m.length - 1) });
      i += m.length;
    } else {
      toks.push({ t: ch, lit: true });
      i++;
    }
  }
  const pad = (n: number, w: number): string => String(n).padStart(w, "0");
  const isMinute = (index: number): boolean => {
    for (let k = index - 1; k >= 0; k--) {
      if (toks[k].lit) continue;
      if (toks[k].t[0] === "h") return true;
      break;
    }
    for (let k = index + 1; k < toks.length; k++) {
      if (toks[k].lit) continue;
      if (toks[k].t[0] === "s") return true;
      break;
    }
    return false;
  };
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return toks
    .map((tok, index) => {
      if (tok.lit) return tok.t;
      const t = tok.t;
      if (t === "AMPM") return p.hour < 12 ? "AM" : "PM";
      if (t === "AP") return p.hour < 12 ? "A" : "P";
      if (t.startsWith("FRAC")) return "." + pad(p.millisecond, 3).slice(0, Number(t.slice(4)));
      switch (t[0]) {
        case "y":
          return t.length <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4);
        case "d":
          return t.length === 1
            ? String(p.day)
            : t.length === 2
              ? pad(p.day, 2)
              : t.length === 3
                ? ENGLISH_DAY_NAMES[p.weekday].slice(0, 3)
                : ENGLISH_DAY_NAMES[p.weekday];
        case "h":
          return t.length >= 2 ? pad(ampm ? hour12 : p.hour, 2) : String(ampm ? hour12 : p.hour);
        case "s":
          return t.length >= 2 ? pad(p.second, 2) : String(p.second);
        case "m":
          if (t.length <= 2 && isMinute(index)) return t.length === 2 ? pad(p.minute, 2) : String(p.minute);
          if (t.length === 1) return String(p.month);
          if (t.length === 2) return pad(p.month, 2);
          if (t.length === 3) return ENGLISH_MONTH_NAMES[p.month - 1].slice(0, 3);
          if (t.length === 5) return ENGLISH_MONTH_NAMES[p.month - 1][0];
          return ENGLISH_MONTH_NAMES[p.month - 1];
        default:
          return t;
      }
    })
    .join("");
}

/**
 * Renders a number the way an unformatted ("automatic") cell shows it.
 *
 * @example
 * formatGeneralNumber(1 / 3); // "0.3333333333"
 */
export function formatGeneralNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(10)));
}
