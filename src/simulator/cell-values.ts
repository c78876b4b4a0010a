/**
 * Converting between cell contents and the values scripts see: reading
 * (`getValues`, `getDisplayValues`) and writing (`setValue(s)`).
 */
import { type Cell, type CellContent, FORMULA_READ_VALUE, MAX_CELL_CHARS } from "./cell";
import {
  AUTO_DATE_TIME_FORMAT,
  formatDatePattern,
  formatGeneralNumber,
  formatKind,
  formatNumberPattern,
} from "./number-format";
import { dateMs, isDateLike } from "./realm";
import { parseTypedInput } from "./typed-input";
import { instantToWall, serialToWall, wallParts, wallToInstant, wallToSerial } from "./time-zone";

/** What reading and writing need to know about the spreadsheet. */
export interface ValueEnv {
  timeZone: string;
  locale: string;
  /** Epoch ms of "now" (for "3/31" without a year). */
  now: number;
}

/** A value read from a cell, before it is rebuilt in the script's realm (dates as epoch ms). */
export type HostValue = number | string | boolean | { date: number };

/**
 * The value `getValues()` gives for a cell: `""` when empty, numbers,
 * booleans, strings, dates (as `{ date: epochMs }` here; the caller makes a
 * `Date` in the script's realm), formulas as {@link FORMULA_READ_VALUE}.
 * A number in a date-formatted cell reads as a date, a date in a
 * number-formatted cell as its serial number, as in Sheets.
 *
 * @example
 * readCell({ content: { kind: "number", value: 5 } }, env); // 5
 */
export function readCell(cell: Cell | undefined, env: ValueEnv): HostValue {
  const content = cell?.content;
  if (!content) return "";
  const kind = formatKind(cell?.format);
  switch (content.kind) {
    case "number":
      return kind === "date" ? { date: wallToInstant(serialToWall(content.value), env.timeZone) } : content.value;
    case "date":
      return kind === "number" ? wallToSerial(content.wall) : { date: wallToInstant(content.wall, env.timeZone) };
    case "text":
      return content.value;
    case "boolean":
      return content.value;
    case "formula":
      return FORMULA_READ_VALUE;
  }
}

/**
 * The text `getDisplayValues()` gives for a cell (a simple rendering of the
 * number format; formulas show {@link FORMULA_READ_VALUE}).
 *
 * @example
 * displayCell({ content: { kind: "number", value: 0.125 }, format: "0.0%" }); // "12.5%"
 */
export function displayCell(cell: Cell | undefined): string {
  const content = cell?.content;
  if (!content) return "";
  const format = cell?.format;
  const kind = formatKind(format);
  switch (content.kind) {
    case "text":
      return content.value;
    case "boolean":
      return content.value ? "TRUE" : "FALSE";
    case "formula":
      return FORMULA_READ_VALUE;
    case "number":
      if (kind === "date") return formatDatePattern(serialToWall(content.value), format!);
      if (kind === "number") return formatNumberPattern(content.value, format!);
      return formatGeneralNumber(content.value);
    case "date":
      if (kind === "date") return formatDatePattern(content.wall, format!);
      if (kind === "number") return formatNumberPattern(wallToSerial(content.wall), format!);
      return formatDatePattern(content.wall, AUTO_DATE_TIME_FORMAT);
  }
}

/** The result of converting a written value: content plus the format Sheets would give an unformatted cell. */
export interface WrittenContent {
  content: CellContent | undefined;
  autoFormat?: string;
}

/**
 * Converts a value a script writes with `setValue(s)` into cell content:
 * null/undefined/"" clear the cell, numbers/booleans are stored as such,
 * Dates become the wall clock of their instant in the spreadsheet's zone,
 * strings are parsed as typed input unless the cell is plain text ("@").
 * Throws Sheets' error for text over 50,000 characters.
 *
 * @example
 * toContent("001", undefined, env).content; // { kind: "number", value: 1 }
 * toContent("001", "@", env).content; // { kind: "text", value: "001" }
 */
export function toContent(value: unknown, format: string | undefined, env: ValueEnv): WrittenContent {
  if (value === null || value === undefined) return { content: undefined };
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { content: { kind: "number", value } }
      : { content: { kind: "text", value: String(value) } };
  }
  if (typeof value === "boolean") return { content: { kind: "boolean", value } };
  if (isDateLike(value)) {
    const ms = dateMs(value);
    if (!Number.isFinite(ms)) return { content: { kind: "text", value: "Invalid Date" } };
    return { content: { kind: "date", wall: instantToWall(ms, env.timeZone) }, autoFormat: AUTO_DATE_TIME_FORMAT };
  }
  const text = typeof value === "string" ? value : String(value);
  if (text.length > MAX_CELL_CHARS) {
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  if (formatKind(format) === "text") return { content: text === "" ? undefined : { kind: "text", value: text } };
  return parseTypedInput(text, {
    locale: env.locale,
    currentYear: wallParts(instantToWall(env.now, env.timeZone)).year,
  });
}
