/**
 * Text written to a sheet stays text.
 *
 * `setValues` reads a string as typed input: a leading `=` makes a formula,
 * `+1+1` and `@x` become formulas too, `"001"` becomes 1 and `"2026-03"` a date
 * (OWASP calls the first kind formula injection). Two defences, used per cell:
 * - a cell formatted as plain text (`@`) stores the string exactly as given,
 *   so the output writers format every text column `@` before writing it and
 *   write the text untouched (an apostrophe there would stay visible);
 * - a cell that is not plain text gets a leading apostrophe, which Sheets
 *   reads as "this is text" and does not show, whenever the text could be
 *   read as anything else.
 * Numbers are written as numbers and never pass through here.
 */

/** The cell values the add-on writes: text, numbers, booleans, blanks and dates (Run log only). */
export type CellValue = string | number | boolean | Date;

/** Characters that make Sheets read a cell as a formula (or eat the first one). */
const RISKY_FIRST_CHARACTER = /^[=+\-@\t\r\n']/;

/**
 * A string for a cell that is NOT plain text: a leading apostrophe whenever
 * Sheets could read it as a formula, a number, a date or a boolean, so it is
 * shown exactly as given. Empty text stays empty.
 *
 * @example
 * neutraliseText('=HYPERLINK("http://x","y")'); // '\'=HYPERLINK("http://x","y")'
 * neutraliseText("+1+1");  // "'+1+1"
 * neutraliseText("001");   // "'001"
 * neutraliseText("Alice"); // "Alice"
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which uses it directly: no source file calls it.
 */
export function neutraliseText(text: string): string {
  if (text === "") return "";
  if (RISKY_FIRST_CHARACTER.test(text) || couldBeReadAsValue(text)) return "'" + text;
  return text;
}

/**
 * Whether Sheets might read trimmed text as a number, a date, a time or a
 * boolean (conservatively: anything starting with a digit, a currency sign, a
 * dot or a bracket, and TRUE/FALSE).
 *
 * @example
 * couldBeReadAsValue("2026-03"); // true
 * couldBeReadAsValue("(5)");     // true
 * couldBeReadAsValue("North");   // false
 */
function couldBeReadAsValue(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return true;
  return /^[\d.$¥￥€£(]/.test(trimmed) || /^(true|false)$/i.test(trimmed) || /^[a-z]{3,9}\.?\s+\d/i.test(trimmed);
}

/**
 * Any value as the text of a plain-text (`@`) cell: strings as they are,
 * numbers in plain decimal notation, blanks as "".
 *
 * @example
 * plainText(" 001 "); // " 001 "
 * plainText(101);     // "101"
 * plainText(null);    // ""
 */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * A number cell: finite numbers as they are, anything else blank (never NaN,
 * which Sheets would show as an error).
 *
 * @example
 * numberCell(-12.5);   // -12.5
 * numberCell(null);    // ""
 * numberCell(NaN);     // ""
 */
export function numberCell(value: number | null | undefined): number | "" {
  return typeof value === "number" && Number.isFinite(value) ? value : "";
}

/**
 * Joins lines into one cell's text, below `maxChars` characters: when they do
 * not all fit, as many as fit followed by a last line made by `moreLine` from
 * the number left out.
 *
 * @example
 * cutLines(["a", "b", "c"], 4, (n) => "+" + n); // "a\n+2"
 * cutLines(["a", "b"], 100, (n) => "+" + n);    // "a\nb"
 */
export function cutLines(lines: readonly string[], maxChars: number, moreLine: (leftOut: number) => string): string {
  const all = lines.join("\n");
  if (all.length < maxChars) return all;
  let kept = "";
  let count = 0;
  for (const line of lines) {
    const next = count === 0 ? line : kept + "\n" + line;
    const tail = "\n" + moreLine(lines.length - count - 1);
    if (next.length + tail.length >= maxChars) break;
    kept = next;
    count += 1;
  }
  const more = moreLine(lines.length - count);
  const text = count === 0 ? more : kept + "\n" + more;
  return text.length < maxChars ? text : text.slice(0, maxChars - 1);
}
