/**
 * A neutral, JSON-safe workbook held in memory: what the local runner reads
 * from an .xlsx file or a folder of CSV files, loads into the Apps Script
 * simulator, and writes back out.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 *
 * Conventions:
 * - `values` is a rectangle (every row has the same length); an empty cell is
 *   `null` (the simulator shows it to the script as `""`, as Sheets does).
 * - A date is a wall clock `{ wallClock: "2026-03-31T23:30:00" }`: the date and
 *   time a spreadsheet shows, with no zone, since Excel and Sheets cells have
 *   none. The spreadsheet's time zone decides which instant it is.
 * - A formula is `{ formula: "=SUM(A1:A3)" }`, with its leading `=` (as
 *   `Range.getFormulas()` gives it). Readers give a formula's cached result
 *   instead when the file holds one.
 */

import { columnLetters } from "../../core/a1-notation";
import { daysInMonth } from "../../core/calendar";
import { type WallParts, wallParts } from "../../simulator/time-zone";

/** A date and time as a spreadsheet shows it, `YYYY-MM-DDTHH:MM:SS`, no zone. */
export interface WallClockCell {
  wallClock: string;
}

/** A formula with its leading `=`, never computed by the local tools. */
export interface FormulaCell {
  formula: string;
}

export type CellData = string | number | boolean | null | WallClockCell | FormulaCell;

export interface SheetData {
  name: string;
  /** Rows of cells; a rectangle, `null` for an empty cell. */
  values: CellData[][];
  /**
   * Number formats in the spreadsheet's syntax (`"#,##0"`, `"yyyy-mm-dd"`,
   * `"@"` for plain text); `null` = General. Same shape as `values` when given.
   */
  numberFormats?: (string | null)[][];
  /** Cell notes (comments); `null` = none. Same shape as `values` when given. */
  notes?: (string | null)[][];
  /** Rows frozen at the top; writers freeze the header row when absent. */
  frozenRows?: number;
}

export interface WorkbookData {
  sheets: SheetData[];
}

/**
 * Sheets in workbook order, taken one at a time: a {@link WorkbookData}, or a
 * workbook that makes each sheet only when it is reached, so that a writer
 * which lets go of a sheet once written never holds two.
 */
export interface SheetSequence {
  sheets: Iterable<SheetData>;
}

/** The fields of a wall clock to the second, as the simulator splits one. `month` is 1-12. */
export type WallClockParts = Omit<WallParts, "millisecond" | "weekday">;

const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** True for a `{ wallClock }` cell. */
export function isWallClock(cell: unknown): cell is WallClockCell {
  return typeof cell === "object" && cell !== null && typeof (cell as WallClockCell).wallClock === "string";
}

/** True for a `{ formula }` cell. */
export function isFormula(cell: unknown): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && typeof (cell as FormulaCell).formula === "string";
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * A wall-clock cell from its fields (month 1-12).
 *
 * @example
 * wallClock(2026, 3, 31, 23, 30); // { wallClock: "2026-03-31T23:30:00" }
 */
export function wallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallClockCell {
  const text = formatWallClock({ year, month, day, hour, minute, second });
  if (!parseWallClock(text)) throw new Error(`not a valid wall clock: ${text}`);
  return { wallClock: text };
}

/**
 * Formats wall-clock fields as `YYYY-MM-DDTHH:MM:SS` (no validation).
 *
 * @example
 * formatWallClock({ year: 2026, month: 3, day: 1, hour: 0, minute: 0, second: 0 }); // "2026-03-01T00:00:00"
 */
function formatWallClock(parts: WallClockParts): string {
  return (
    `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}` +
    `T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`
  );
}

/**
 * The fields of a wall-clock text, or null when it is not a real date and
 * time. Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` and `YYYY-MM-DDTHH:MM:SS`
 * (a space may replace the `T`; fractions of a second are dropped).
 *
 * @example
 * parseWallClock("2026-03-31T23:30:00"); // { year: 2026, month: 3, day: 31, hour: 23, minute: 30, second: 0 }
 * parseWallClock("2026-02-30");          // null
 */
export function parseWallClock(text: string): WallClockParts | null {
  const parts = fullWallClockParts(text) ?? wallClockPartsByPattern(text);
  if (parts === null) return null;
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  if (parts.day > daysInMonth(parts.year, parts.month)) return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  return parts;
}

/** The fields of the common full form `YYYY-MM-DDTHH:MM:SS` (or with a space), read digit by digit; null for any other text. */
function fullWallClockParts(text: string): WallClockParts | null {
  if (text.length !== 19) return null;
  const separator = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || (separator !== 0x54 && separator !== 0x20))
    return null;
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  return { year, month, day, hour, minute, second };
}

/** The number written by `count` ASCII digits from `at`, or -1 when one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function wallClockPartsByPattern(text: string): WallClockParts | null {
  const m = WALL_CLOCK_PATTERN.exec(text);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
  };
}

/**
 * "Wall ms": the epoch milliseconds the wall clock would be if read in UTC
 * (the simulator's and exceljs's representation). Throws on an invalid text.
 *
 * @example
 * wallClockToWallMs("2026-03-31T23:30:00") === Date.UTC(2026, 2, 31, 23, 30); // true
 */
export function wallClockToWallMs(text: string): number {
  const p = parseWallClock(text);
  if (!p) throw new Error(`not a valid wall clock: ${text}`);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/**
 * The wall clock of "wall ms" (UTC fields), rounded to the nearest second
 * (spreadsheet serial numbers carry floating-point noise).
 *
 * @example
 * wallMsToWallClock(Date.UTC(2026, 2, 31, 23, 29, 59, 999.6)); // "2026-03-31T23:30:00"
 */
export function wallMsToWallClock(ms: number): string {
  if (!Number.isFinite(ms)) throw new Error(`not a valid date: ${ms}`);
  const rounded = Math.round(ms / 1000) * 1000;
  const d = new Date(rounded);
  const year = d.getUTCFullYear();
  // Four-digit years (every date a sheet holds in practice) without the padding calls, which were most of the time.
  if (year < 1000 || year > 9999) return formatWallClock(wallParts(rounded));
  const date = `${year}-${TWO_DIGITS[d.getUTCMonth() + 1]}-${TWO_DIGITS[d.getUTCDate()]}`;
  return `${date}T${TWO_DIGITS[d.getUTCHours()]}:${TWO_DIGITS[d.getUTCMinutes()]}:${TWO_DIGITS[d.getUTCSeconds()]}`;
}

/** "00" to "99". */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => pad(n));

/**
 * A sheet by name, matched case-insensitively after trimming, or undefined.
 *
 * @example
 * findSheet(workbook, "sales")?.name; // "Sales"
 */
export function findSheet(workbook: WorkbookData, name: string): SheetData | undefined {
  const wanted = name.trim().toLowerCase();
  return workbook.sheets.find((s) => s.name.trim().toLowerCase() === wanted);
}

/** Pads rows to the longest row's length with `fill`. */
export function rectangle<T>(rows: T[][], fill: T): T[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r.slice() : [...r, ...new Array<T>(width - r.length).fill(fill)]));
}

const FORBIDDEN_SHEET_NAME_CHARS = /[\\/?*[\]:]/;

/**
 * What is wrong with a workbook's shape, as messages naming the sheet and
 * cell (empty when it is well formed): sheet names (unique ignoring case, at
 * most 31 characters, none of `\ / ? * [ ] :`), rectangular values, cells of
 * the allowed kinds (finite numbers, valid wall clocks), and formats and notes
 * of the same shape as the values.
 */
export function checkWorkbookData(workbook: WorkbookData): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  if (!workbook || !Array.isArray(workbook.sheets)) return ["workbook: `sheets` is not an array"];
  for (const sheet of workbook.sheets) {
    const name = sheet?.name;
    if (typeof name !== "string" || name.trim() === "") {
      problems.push("a sheet has no name");
      continue;
    }
    if (name.length > 31) problems.push(`sheet "${name}": name longer than 31 characters`);
    if (FORBIDDEN_SHEET_NAME_CHARS.test(name)) problems.push(`sheet "${name}": name has one of \\ / ? * [ ] :`);
    const key = name.toLowerCase();
    if (seen.has(key)) problems.push(`sheet "${name}": two sheets have this name`);
    seen.add(key);
    if (!Array.isArray(sheet.values)) {
      problems.push(`sheet "${name}": values is not an array of rows`);
      continue;
    }
    const width = sheet.values[0]?.length ?? 0;
    sheet.values.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== width) {
        problems.push(`sheet "${name}" row ${r + 1}: not ${width} cells wide`);
        return;
      }
      row.forEach((cell, c) => {
        const problem = cellProblem(cell);
        if (problem) problems.push(`${name}!${columnLetters(c + 1)}${r + 1}: ${problem}`);
      });
    });
    for (const key of ["numberFormats", "notes"] as const) {
      const grid = sheet[key];
      if (grid === undefined) continue;
      const ok =
        Array.isArray(grid) &&
        grid.length === sheet.values.length &&
        grid.every(
          (row) => Array.isArray(row) && row.length === width && row.every((x) => x === null || typeof x === "string"),
        );
      if (!ok) problems.push(`sheet "${name}": ${key} is not a grid of text or null the shape of values`);
    }
    if (sheet.frozenRows !== undefined && !(Number.isInteger(sheet.frozenRows) && sheet.frozenRows >= 0)) {
      problems.push(`sheet "${name}": frozenRows is not a whole number >= 0`);
    }
  }
  return problems;
}

function cellProblem(cell: unknown): string | null {
  if (cell === null || typeof cell === "string" || typeof cell === "boolean") return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? null : `not a finite number (${cell})`;
  if (isWallClock(cell)) return parseWallClock(cell.wallClock) ? null : `not a valid wall clock (${cell.wallClock})`;
  if (isFormula(cell)) return cell.formula.startsWith("=") ? null : `formula without a leading "=" (${cell.formula})`;
  return `not a cell value (${JSON.stringify(cell)})`;
}
