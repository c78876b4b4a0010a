/**
 * Test-side access to sheets: writing fixtures straight into cells (no
 * parsing unless asked, no call log) and JSON-safe snapshots for exact
 * comparisons.
 */
import { formatA1 } from "./a1-notation";
import type { Cell, CellContent } from "./cell";
import { AUTO_DATE_TIME_FORMAT } from "./number-format";
import { dateMs, isDateLike } from "./realm";
import type { SheetModel, SpreadsheetModel } from "./sheet-model";
import { formatWallIso, instantToWall, parseWallIso, wallParts } from "./time-zone";
import { parseTypedInput } from "./typed-input";

/**
 * A cell as a test gives it:
 * - a string, number or boolean: stored as is (a string stays text, even "=1+1" or "2026-03");
 * - null, undefined or "": empty;
 * - a Date: the wall clock of that instant in the spreadsheet's zone;
 * - `{ wallClock: "2026-03-31T23:30" }`: that wall clock ("2026-03-31" for midnight);
 * - `{ formula: "=SUM(A1:A3)" }`, `{ text: "..." }`, `{ typed: "12%" }` (parsed as if typed into Sheets);
 * - `{ value, format?, note? }`: a cell with a number format and/or a note.
 */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | { wallClock: string }
  | { formula: string }
  | { text: string }
  | { typed: string }
  | { value: CellInput; format?: string; note?: string };

/** A snapshot cell: empty "" , a value, `{ date: "2026-03-31T23:30:00" }` (wall clock) or `{ formula: "=..." }`. */
export type SnapshotCell = string | number | boolean | { date: string } | { formula: string };

function contentOf(
  input: CellInput,
  ss: SpreadsheetModel,
  now: number,
): { content: CellContent | undefined; format?: string; note?: string } {
  if (input === null || input === undefined || input === "") return { content: undefined };
  if (typeof input === "string") return { content: { kind: "text", value: input } };
  if (typeof input === "number") return { content: { kind: "number", value: input } };
  if (typeof input === "boolean") return { content: { kind: "boolean", value: input } };
  if (isDateLike(input))
    return {
      content: { kind: "date", wall: instantToWall(dateMs(input), ss.timeZone) },
      format: AUTO_DATE_TIME_FORMAT,
    };
  if ("wallClock" in input) {
    const hasTime = /[T ]\d/.test(input.wallClock);
    return {
      content: { kind: "date", wall: parseWallIso(input.wallClock) },
      format: hasTime ? AUTO_DATE_TIME_FORMAT : "yyyy-mm-dd",
    };
  }
  if ("formula" in input) return { content: { kind: "formula", formula: input.formula } };
  if ("text" in input) return { content: input.text === "" ? undefined : { kind: "text", value: input.text } };
  if ("typed" in input) {
    const parsed = parseTypedInput(input.typed, {
      locale: ss.locale,
      currentYear: wallParts(instantToWall(now, ss.timeZone)).year,
    });
    return { content: parsed.content, format: parsed.autoFormat };
  }
  const inner = contentOf(input.value, ss, now);
  return { content: inner.content, format: input.format ?? inner.format, note: input.note };
}

/**
 * Writes fixture values into a sheet (created when missing), from a start
 * cell; grows the grid to fit. Bypasses the call log, protections and
 * validation.
 *
 * @example
 * writeFixture(ss, "Sales", [["Date", "Amount"], [{ wallClock: "2026-03-31" }, 1200]], Date.now());
 */
export function writeFixture(
  ss: SpreadsheetModel,
  sheetName: string,
  values: CellInput[][],
  now: number,
  startRow = 1,
  startColumn = 1,
): SheetModel {
  const sheet = ss.sheetByName(sheetName) ?? ss.addSheet(sheetName);
  // Loops rather than spreads: a fixture may hold a million rows, more than a call's arguments can.
  let widest = 0;
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    if (row === undefined) continue;
    if (row.length > widest) widest = row.length;
    for (let j = 0; j < row.length; j++) {
      const input = row[j];
      // A hole in a sparse fixture row leaves its cell alone, as forEach did.
      if (input === undefined && !(j in row)) continue;
      const { content, format, note } = contentOf(input, ss, now);
      const cell: Cell = sheet.cellForWrite(startRow + i, startColumn + j);
      cell.content = content;
      if (format !== undefined) cell.format = format;
      if (note !== undefined) cell.note = note;
    }
  }
  const lastRow = startRow + values.length - 1;
  const lastColumn = startColumn - 1 + widest;
  sheet.maxRows = Math.max(sheet.maxRows, lastRow);
  sheet.maxColumns = Math.max(sheet.maxColumns, lastColumn);
  ss.assertCellLimit();
  return sheet;
}

/**
 * The JSON-safe form of a cell's stored content.
 *
 * @example
 * snapshotCell({ content: { kind: "formula", formula: "=1+1" } }); // { formula: "=1+1" }
 */
function snapshotCell(cell: Cell | undefined): SnapshotCell {
  const c = cell?.content;
  if (!c) return "";
  switch (c.kind) {
    case "number":
    case "text":
    case "boolean":
      return c.value;
    case "date":
      return { date: formatWallIso(c.wall) };
    case "formula":
      return { formula: c.formula };
  }
}

/**
 * The stored values of a sheet's data range (A1 to the last row and column
 * with content), JSON-safe; [] for an empty sheet.
 *
 * @example
 * sheetValues(sheet); // [["Period", "Rep ID"], [{ date: "2026-03-01T00:00:00" }, "R1"]]
 */
export function sheetValues(sheet: SheetModel): SnapshotCell[][] {
  const rows = sheet.lastRow();
  const columns = sheet.lastColumn();
  const out: SnapshotCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: SnapshotCell[] = [];
    for (let c = 1; c <= columns; c++) row.push(snapshotCell(sheet.cell(r, c)));
    out.push(row);
  }
  return out;
}

/** A JSON-safe snapshot of one sheet. */
interface SheetSnapshot {
  name: string;
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  values: SnapshotCell[][];
  /** Number formats set on cells, by A1. */
  formats: Record<string, string>;
  notes: Record<string, string>;
  validations: Record<string, { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string }>;
  styles: Record<string, Record<string, string | number | boolean | null>>;
  columnWidths: Record<string, number>;
  metadata: { key: string; value: string | null; visibility: string }[];
  protections: {
    type: string;
    range: string | null;
    description: string;
    warningOnly: boolean;
    editors: string[];
    unprotected: string[];
  }[];
  charts: {
    type: string;
    ranges: string[];
    position: { row: number; column: number; offsetX: number; offsetY: number };
    options: Record<string, unknown>;
  }[];
}

/** A JSON-safe snapshot of the whole spreadsheet. */
export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  metadata: { key: string; value: string | null; visibility: string }[];
  sheets: SheetSnapshot[];
}

const a1 = (row: number, column: number): string => formatA1({ row, column, numRows: 1, numColumns: 1 });

/**
 * Snapshots the spreadsheet: values, formats, notes, validations, styles,
 * metadata, protections and charts of every sheet, in sheet order.
 *
 * @example
 * expect(snapshotSpreadsheet(ssAfterSecondRun)).toEqual(snapshotSpreadsheet(ssAfterFirstRun));
 */
export function snapshotSpreadsheet(ss: SpreadsheetModel): SpreadsheetSnapshot {
  const metadataOf = (sheetId: number | null) =>
    ss.metadata
      .filter((m) => m.sheetId === sheetId)
      .map((m) => ({ key: m.key, value: m.value, visibility: m.visibility }));
  const sheetName = (sheetId: number) => ss.sheetById(sheetId)?.name ?? "?";
  return {
    id: ss.id,
    name: ss.name,
    timeZone: ss.timeZone,
    locale: ss.locale,
    metadata: metadataOf(null),
    sheets: ss.sheets.map((sheet, index) => {
      const formats: SheetSnapshot["formats"] = {};
      const notes: SheetSnapshot["notes"] = {};
      const validations: SheetSnapshot["validations"] = {};
      const styles: SheetSnapshot["styles"] = {};
      sheet.forEachCellWithAttributes((cell, row, column) => {
        const key = a1(row, column);
        if (cell.format !== undefined) formats[key] = cell.format;
        if (cell.note !== undefined) notes[key] = cell.note;
        if (cell.validation)
          validations[key] = { ...cell.validation, values: JSON.parse(JSON.stringify(cell.validation.values)) };
        if (cell.style && Object.keys(cell.style).length > 0) styles[key] = { ...cell.style };
      });
      return {
        name: sheet.name,
        index: index + 1,
        hidden: sheet.hidden,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        tabColor: sheet.tabColor,
        values: sheetValues(sheet),
        formats,
        notes,
        validations,
        styles,
        columnWidths: Object.fromEntries(
          [...sheet.columnWidths].sort(([a], [b]) => a - b).map(([c, w]) => [String(c), w]),
        ),
        metadata: metadataOf(sheet.sheetId),
        protections: ss.protections
          .filter((p) => p.sheetId === sheet.sheetId)
          .map((p) => ({
            type: p.type,
            range: p.rect ? formatA1(p.rect) : null,
            description: p.description,
            warningOnly: p.warningOnly,
            editors: [...p.editors].sort(),
            unprotected: p.unprotected.map((u) => formatA1(u)),
          })),
        charts: ss.charts
          .filter((c) => c.sheetId === sheet.sheetId)
          .map((c) => ({
            type: c.type,
            ranges: c.ranges.map((r) => `${sheetName(r.sheetId)}!${formatA1(r.rect)}`),
            position: { ...c.position },
            options: JSON.parse(JSON.stringify(c.options)) as Record<string, unknown>,
          })),
      };
    }),
  };
}
