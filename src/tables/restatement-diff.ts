/**
 * What a restatement changed, cell by cell, for the Run log: every Results
 * and Payouts cell of the restated periods whose value differs from the one
 * the sheet held before, named by its cell as written
 * (`Payouts!P14: 1,200.00 → 1,350.00 (2026-02 R0001 commission Amount)`),
 * and every row that appeared or disappeared.
 */
import { a1, quoteSheetName } from "../core/a1-notation";
import { remapRow, type SheetTable } from "./output-rows";
import { plainText, type CellValue } from "./sheet-text";

/** One sheet's rows before and after a restatement. */
export interface TableChangeInput {
  sheet: string;
  /** The sheet's table as it was read (null when it had none). */
  before: SheetTable | null;
  /** The header written. */
  header: readonly string[];
  /** The data rows written (header excluded), in sheet order. */
  after: readonly CellValue[][];
  /** The number formats of `after`, cell by cell. */
  formats: readonly string[][];
  /** Columns that identify a row besides Period and Rep ID (e.g. Type and Item on Payouts). */
  keyColumns?: readonly string[];
  /** Columns not compared (e.g. Notes, which restating rewrites). */
  ignore?: readonly string[];
}

function sameCell(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return plainText(a) === plainText(b);
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A number as a number format shows it, for the patterns the output sheets
 * use: grouping (`#,##0.00`), fixed and optional decimals (`0.0###`),
 * percent (`0.0%`); General shows up to six decimals.
 *
 * @example
 * formatLike(1350, "#,##0.00"); // "1,350.00"
 * formatLike(0.8523, "0.0%");    // "85.2%"
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function formatLike(value: number, format: string): string {
  if (!Number.isFinite(value)) return String(value);
  const percent = format.endsWith("%");
  const pattern = percent ? format.slice(0, -1) : format;
  const decimals = /\.([0#]+)/.exec(pattern);
  const fixed = decimals ? (decimals[1].match(/0/g) ?? []).length : /^[#,0]+$/.test(pattern) ? 0 : -1;
  const optional = decimals ? decimals[1].length - fixed : 0;
  const shown = percent ? value * 100 : value;
  let text: string;
  if (fixed < 0) {
    text = String(Math.round(shown * 1e6) / 1e6);
  } else {
    text = shown.toFixed(fixed + optional);
    if (optional > 0) text = text.replace(new RegExp("0{1," + optional + "}$"), "").replace(/\.$/, "");
  }
  if (pattern.includes(",") && !/e/i.test(text)) {
    const [whole, fraction] = text.split(".");
    const sign = whole.startsWith("-") ? "-" : "";
    text = sign + grouped(whole.replace("-", "")) + (fraction === undefined ? "" : "." + fraction);
  }
  return text + (percent ? "%" : "");
}

function shownValue(value: unknown, format: string): string {
  if (typeof value === "number") return formatLike(value, format);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = plainText(value);
  return text === "" ? "(blank)" : text.length > 60 ? text.slice(0, 59) + "…" : text;
}

function keyOf(row: readonly unknown[], indexes: readonly number[]): string {
  return indexes.map((i) => (i < 0 ? "" : plainText(row[i]).trim().toLowerCase())).join("\u0001");
}

// "2026-02 R0001 total" rather than "2026-02 R0001 total total" for a line whose Type and Item agree.
function labelOf(row: readonly unknown[], indexes: readonly number[]): string {
  const parts = indexes
    .filter((i) => i >= 0)
    .map((i) => plainText(row[i]).trim())
    .filter((text) => text !== "");
  return parts.filter((text, i) => i === 0 || text !== parts[i - 1]).join(" ");
}

/**
 * The Run log lines of one sheet's changes within `periods`: a changed
 * cell as `Sheet!A1: before → after (who what)`, a new row as
 * `Sheet!A1: row added (who)`, a row gone as `Sheet: row removed (who)`.
 *
 * @example
 * tableChanges({ sheet: "Payouts", before, header, after, formats, keyColumns: ["Type", "Item"] }, new Set(["2026-02"]));
 * // ["Payouts!P3: 1,200.00 → 1,350.00 (2026-02 R0001 commission Amount)"]
 */
export function tableChanges(input: TableChangeInput, periods: ReadonlySet<string>): string[] {
  const header = input.header;
  const period = header.indexOf("Period");
  if (period < 0) return [];
  const keys = [period, header.indexOf("Rep ID"), ...(input.keyColumns ?? []).map((h) => header.indexOf(h))];
  const ignored = new Set(input.ignore ?? []);
  const sheet = quoteSheetName(input.sheet);
  const inPeriods = (row: readonly unknown[]) => periods.has(plainText(row[period]).trim());
  const before = new Map<string, CellValue[]>();
  if (input.before) {
    for (const row of input.before.rows) {
      const remapped = remapRow(input.before.header, header, row);
      if (inPeriods(remapped)) before.set(keyOf(remapped, keys), remapped);
    }
  }
  const lines: string[] = [];
  input.after.forEach((row, index) => {
    if (!inPeriods(row)) return;
    const key = keyOf(row, keys);
    const sheetRow = index + 2;
    const was = before.get(key);
    before.delete(key);
    if (!was) {
      lines.push(sheet + "!" + a1(sheetRow, 1) + ": row added (" + labelOf(row, keys) + ")");
      return;
    }
    header.forEach((column, c) => {
      if (ignored.has(column) || sameCell(was[c], row[c])) return;
      const format = input.formats[index]?.[c] ?? "General";
      lines.push(
        sheet +
          "!" +
          a1(sheetRow, c + 1) +
          ": " +
          shownValue(was[c], format) +
          " → " +
          shownValue(row[c], format) +
          " (" +
          labelOf(row, keys) +
          " " +
          column +
          ")",
      );
    });
  });
  for (const row of before.values()) lines.push(sheet + ": row removed (" + labelOf(row, keys) + ")");
  return lines;
}
