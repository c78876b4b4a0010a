/**
 * Reading and writing .xlsx workbooks as {@link WorkbookData}, with exceljs.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 *
 * Reading ({@link readXlsx}) never writes to the input: the file is read into
 * memory with a plain read and parsed from there, row by row with exceljs's
 * streaming reader, plus notes and frozen rows from xlsx-sheet-extras.ts. Every cell becomes what
 * `Range.getValues()` would show in Sheets, minus the zone:
 * - numbers, text and booleans as they are; an empty cell (or `""`) is null;
 * - a date as its wall clock (exceljs gives a `Date` whose UTC fields are the
 *   wall clock; the 1904 date system is handled); times are rounded to the
 *   second;
 * - rich text as its plain text; a hyperlink as its text; an error as its text
 *   (`"#N/A"`); a formula as its cached result, or `{ formula: "=..." }` when
 *   the file holds none;
 * - the cells hidden under a merge (all but the top-left one) as null.
 * Trailing empty rows and columns are dropped and `values` is a rectangle.
 *
 * Writing ({@link writeXlsx}) writes numbers as numbers with their number
 * formats, wall clocks as dates (with `yyyy-mm-dd`, or `yyyy-mm-dd hh:mm` when
 * there is a time, unless a date format is given), text as text (never as a
 * formula: a string is a string cell whatever it starts with; text a
 * spreadsheet would read as something else on editing, such as `"001"`,
 * `"2026-03"` or `"=1+1"`, also gets the plain-text format `@` when no format
 * is given), and `{ formula }` cells as formulas. The header row is bold and
 * frozen (unless the sheet says `frozenRows`), columns get widths from their
 * contents (a long sheet's from a sample of rows, see {@link widthSample}), and long or
 * multi-line text is wrapped. The file is written to a
 * temporary file beside the target and renamed, so a failed write leaves no
 * half-written workbook.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, basename, join } from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import {
  checkWorkbookData,
  isFormula,
  isWallClock,
  parseWallClock,
  wallClockToWallMs,
  wallMsToWallClock,
  type CellData,
  type SheetData,
  type SheetSequence,
  type WorkbookData,
} from "./workbook-data";
import { type SheetReaderContext, sheetRows, UnexpectedSheetXml } from "./xlsx-sheet-rows";
import { workbookReaderOf } from "./xlsx-parts-in-order";
import { excelSerial, PlainRowWriter } from "./xlsx-row-xml";
import { SharedStringTable } from "./xlsx-shared-strings";
import { type SheetExtras, type SparseRows, sheetExtras, zipDirectoryEnd } from "./xlsx-sheet-extras";

// ---------------------------------------------------------------------------
// Reading

/**
 * Reads an .xlsx file into a {@link WorkbookData}, sheets in workbook order.
 * The file is only read (never opened for writing).
 *
 * @example
 * const workbook = await readXlsx("export.xlsx");
 * workbook.sheets.map((s) => s.name); // ["Reps", "Sales", ...]
 */
export async function readXlsx(path: string): Promise<WorkbookData> {
  const bytes = await readFile(path); // flag "r": read-only
  return readXlsxBuffer(bytes);
}

/** Like {@link readXlsx}, from the bytes of an .xlsx file. */
async function readXlsxBuffer(bytes: Uint8Array): Promise<WorkbookData> {
  installLocaleDateFormats();
  try {
    return await readWorkbook(bytes, "sheet XML");
  } catch (error) {
    // XML the sheet reader does not take on: exceljs reads every sheet instead.
    if (error instanceof UnexpectedSheetXml) return readWorkbook(bytes, "exceljs rows");
    throw error;
  }
}

/**
 * The workbook's sheets, read with exceljs's streaming reader: a row's cell
 * objects are garbage once the row is read, where the in-memory reader held
 * an object per cell of the whole workbook (about 1 GB for 200,000 rows). Its
 * worksheets' cells are read from their XML by xlsx-sheet-rows.ts, or, with
 * "exceljs rows", by exceljs itself. It reads no notes and no frozen panes, so
 * those come from a small pass over the zip (xlsx-sheet-extras.ts).
 */
async function readWorkbook(bytes: Uint8Array, cells: "sheet XML" | "exceljs rows"): Promise<WorkbookData> {
  const extras = sheetExtras(bytes);
  const reader = workbookReaderOf(bytes);
  const sheets: SheetData[] = [];
  for await (const worksheet of reader) {
    const extra = extraOf(worksheet as unknown as { id: string | number; name: string }, extras);
    const name = extra?.name ?? (worksheet as unknown as { name: string }).name;
    const date1904 = (reader as unknown as { properties?: { date1904?: boolean } }).properties?.date1904 === true;
    const rows =
      cells === "sheet XML"
        ? rowsFromXml(worksheet as unknown as SheetXml, reader as unknown as SheetReaderContext)
        : (worksheet as AsyncIterable<RowCells>);
    sheets.push(await readWorksheet(rows, name, extra, date1904));
  }
  const order = extras.map((s) => s.name);
  sheets.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return { sheets };
}

/** What of exceljs's worksheet reader the sheet XML reader takes: the sheet's text, as the reader hands it over. */
interface SheetXml {
  iterator: AsyncIterable<string>;
}

/** A row's cells as {@link readWorksheet} reads them: exceljs's row, or a row read from the sheet's XML. */
interface RowCells {
  number: number;
  cellCount: number;
  getCell(column: number): CellFields;
}

/** What {@link readWorksheet} reads of a cell. */
interface CellFields {
  type?: ExcelJS.ValueType;
  value: unknown;
  numFmt?: string;
  formula?: string;
}

const NO_CELL: CellFields = { value: null };

async function* rowsFromXml(worksheet: SheetXml, context: SheetReaderContext): AsyncGenerator<RowCells> {
  for await (const rows of sheetRows(worksheet.iterator, context)) {
    for (const row of rows) {
      yield { number: row.number, cellCount: row.cells.length, getCell: (c) => row.cells[c - 1] ?? NO_CELL };
    }
  }
}

/**
 * The workbook's entry for a sheet the streaming reader found: by name, or by
 * its file when the reader could not name it (it matches only relative
 * targets, and exceljs's own writer writes absolute ones, so it calls such a
 * sheet "Sheet" and its file's number).
 */
function extraOf(worksheet: { id: string | number; name: string }, extras: SheetExtras[]): SheetExtras | undefined {
  const byName = extras.find((s) => s.name === worksheet.name);
  if (byName !== undefined) return byName;
  return worksheet.name === `Sheet${worksheet.id}`
    ? extras.find((s) => s.path === `xl/worksheets/sheet${worksheet.id}.xml`)
    : undefined;
}

async function readWorksheet(
  rows: AsyncIterable<RowCells>,
  name: string,
  extra: SheetExtras | undefined,
  date1904: boolean,
): Promise<SheetData> {
  const values: CellData[][] = [];
  // Formats are kept by row only where a cell has one: full grids
  // of nulls for 200,000 rows, and their cropped copies, were hundreds of MB.
  const formats: SparseRows = [];
  let lastRow = 0;
  let lastColumn = 0;
  for await (const row of rows) {
    const r = row.number;
    // Rows the file leaves out are empty.
    while (values.length < r - 1) values.push([]);
    const rowValues: CellData[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const value = formulaDate(cell, date1904) ?? cellData(cell);
      rowValues.push(value);
      const format = value === null ? null : numberFormatOf(cell);
      if (format !== null) setSparse(formats, r - 1, c - 1, format);
      if (value !== null) {
        lastRow = r;
        if (c > lastColumn) lastColumn = c;
      }
    }
    values.push(rowValues);
  }
  // Cropped in place: the rows past the last value go, the rest are cut or padded to the last column.
  values.length = lastRow;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    values[r] = row;
    if (row.length > lastColumn) row.length = lastColumn;
    while (row.length < lastColumn) row.push(null);
  }
  const sheet: SheetData = { name, values };
  const formatGrid = denseGrid(formats, lastRow, lastColumn);
  if (formatGrid !== null) sheet.numberFormats = formatGrid;
  const noteGrid = extra === undefined ? null : denseGrid(extra.notes, lastRow, lastColumn);
  if (noteGrid !== null) sheet.notes = noteGrid;
  sheet.frozenRows = extra?.frozenRows ?? 0;
  return sheet;
}

function setSparse(grid: SparseRows, row: number, column: number, text: string): void {
  let cells = grid[row];
  if (cells === undefined) cells = grid[row] = [];
  while (cells.length < column) cells.push(null);
  cells[column] = text;
}

/** A rows-by-columns grid of the sparse rows, null elsewhere; null when no text is inside it. */
function denseGrid(grid: SparseRows, rows: number, columns: number): (string | null)[][] | null {
  let any = false;
  for (let r = 0; r < Math.min(rows, grid.length) && !any; r++) {
    const cells = grid[r];
    if (cells !== undefined) for (let c = 0; c < Math.min(columns, cells.length); c++) if (cells[c] != null) any = true;
  }
  if (!any) return null;
  const out: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells = grid[r];
    const row = cells === undefined ? [] : cells.slice(0, columns);
    while (row.length < columns) row.push(null);
    out.push(row);
  }
  return out;
}

function numberFormatOf(cell: CellFields): string | null {
  const format = cell.numFmt;
  return typeof format === "string" && format !== "" && format !== "General" ? format : null;
}

function cellData(cell: CellFields): CellData {
  // A cell hidden under a merge shows its master's value in exceljs; Sheets
  // shows "" there.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const value = cell.value as unknown;
  if (isObject(value) && ("formula" in value || "sharedFormula" in value)) {
    const result = (value as { result?: unknown }).result;
    if (result !== undefined && result !== null) return plainValue(result);
    const text = (cell as { formula?: string }).formula ?? (value as { formula?: string }).formula;
    return typeof text === "string" && text !== "" ? { formula: text.startsWith("=") ? text : `=${text}` } : null;
  }
  return plainValue(value);
}

/**
 * A formula's cached result shown as a date, as a wall clock: the streaming
 * reader converts plain date cells but leaves formula results as serials.
 */
function formulaDate(cell: CellFields, date1904: boolean): CellData | undefined {
  const value = cell.value as { formula?: unknown; result?: unknown } | null;
  if (!isObject(value) || typeof value.result !== "number" || !Number.isFinite(value.result)) return undefined;
  const format = cell.numFmt;
  if (typeof format !== "string" || !isDateFormat(format)) return undefined;
  const serial = value.result + (date1904 ? 1462 : 0);
  return { wallClock: wallMsToWallClock((serial - EXCEL_EPOCH_SERIAL) * 86_400_000) };
}

/** The serial number of 1970-01-01 in Excel's 1900 date system. */
const EXCEL_EPOCH_SERIAL = 25_569;

/** A cell value (or a formula's result) as {@link CellData}. */
function plainValue(value: unknown): CellData {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  if (isDateObject(value)) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? { wallClock: wallMsToWallClock(ms) } : null;
  }
  if (isObject(value)) {
    if (Array.isArray(value.richText)) return plainValue(richTextToString(value.richText));
    if ("hyperlink" in value || "text" in value) return plainValue(value.text ?? value.hyperlink);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

function richTextToString(runs: unknown[]): string {
  return runs.map((run) => (isObject(run) && typeof run.text === "string" ? run.text : "")).join("");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * Excel's built-in number formats 27-36 and 50-58 depend on the UI language,
 * and exceljs 4.4 maps none of them (exceljs issue #2893), so a date saved by
 * a Chinese Excel with one of them would read as a bare serial number. We
 * teach exceljs's reader the zh-CN meanings (dates and times in each), once.
 * Writing is unaffected (it only looks formats up the other way).
 */
const LOCALE_BUILT_IN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

let localeFormatsInstalled = false;

/**
 * Installs the fallback of {@link LOCALE_BUILT_IN_FORMATS} into exceljs's
 * number-format reader (idempotent). Returns exceljs's lookup, for tests.
 *
 * @internal Exported only for xlsx-workbook.test.ts, which checks it directly; the code uses it inside this file.
 */
export function installLocaleDateFormats(): ((id: number) => string | undefined) | null {
  try {
    const require = createRequire(import.meta.url);
    const numFmtXform = require("exceljs/lib/xlsx/xform/style/numfmt-xform.js") as {
      getDefaultFmtCode: (id: number) => string | undefined;
    };
    if (!localeFormatsInstalled) {
      const original = numFmtXform.getDefaultFmtCode;
      numFmtXform.getDefaultFmtCode = (id: number) => original(id) ?? LOCALE_BUILT_IN_FORMATS[id];
      localeFormatsInstalled = true;
    }
    return numFmtXform.getDefaultFmtCode;
  } catch {
    return null; // exceljs laid out differently: dates in those formats read as numbers
  }
}

// ---------------------------------------------------------------------------
// Writing

export interface WriteXlsxOptions {
  /** Bold the first row (default true). */
  boldHeader?: boolean;
  /** Freeze the first row when a sheet does not say `frozenRows` (default true). */
  freezeHeader?: boolean;
  /** Wrap text longer than this many characters, and any multi-line text (default 60). */
  wrapLongerThan?: number;
  /** Column width limits, in characters (defaults 8 and 60). */
  minColumnWidth?: number;
  maxColumnWidth?: number;
  /**
   * Fixes the workbook's creation time and the zip entries' times, so that the
   * same data gives the same bytes (for files kept in git). Default: now.
   */
  timestamp?: Date;
}

/**
 * Writes a {@link WorkbookData} as an .xlsx file. Throws, before touching the
 * disk, when the workbook is malformed (see `checkWorkbookData`). Given sheets
 * made on demand (a {@link SheetSequence} that is not a WorkbookData), it
 * takes them one at a time and keeps none once its rows are written, checking
 * each as it comes (the file is still untouched when one is malformed).
 *
 * @example
 * await writeXlsx({ sheets: [{ name: "Results", values: [["Rep ID", "Score"], ["R101", 0.93]] }] }, "out.xlsx");
 */
export async function writeXlsx(
  workbook: WorkbookData | SheetSequence,
  path: string,
  options: WriteXlsxOptions = {},
): Promise<void> {
  const bytes = await writeXlsxBuffer(workbook, options);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Like {@link writeXlsx}, giving the file's bytes.
 *
 * @internal Exported only for xlsx-workbook.test.ts, which checks it directly; the code uses it inside this file.
 */
export async function writeXlsxBuffer(
  workbook: WorkbookData | SheetSequence,
  options: WriteXlsxOptions = {},
): Promise<Uint8Array> {
  if (Array.isArray(workbook.sheets)) throwWhenMalformed(checkWorkbookData(workbook as WorkbookData));
  // exceljs's streaming writer: each row becomes XML and is zipped as it is
  // committed, where the in-memory workbook held an object per cell (2 GB for
  // 200,000 rows) until the end.
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  SharedStringTable.installIn(book);
  const timestamp = options.timestamp ?? new Date();
  book.creator = "Sales Scorecard";
  book.lastModifiedBy = "Sales Scorecard";
  book.created = timestamp;
  book.modified = timestamp;
  const styles = new SharedStyles();
  const checked = new SheetChecks(Array.isArray(workbook.sheets));
  // Only the loop's variable refers to a sheet, so each is garbage once the next is taken.
  for (const sheet of workbook.sheets) {
    checked.add(sheet);
    await writeWorksheet(book, sheet, options, styles);
  }
  await book.commit();
  const buffer = new Uint8Array(Buffer.concat(chunks));
  if (options.timestamp) setZipEntryTimes(buffer, options.timestamp);
  return buffer;
}

function throwWhenMalformed(problems: string[]): void {
  if (problems.length === 0) return;
  throw new Error(
    `cannot write the workbook:\n- ${problems.slice(0, 20).join("\n- ")}${problems.length > 20 ? `\n- ... ${problems.length - 20} more` : ""}`,
  );
}

/**
 * The checks of sheets taken one at a time: each sheet's own shape, and its
 * name against the names before it (a sheet of a WorkbookData was checked
 * with the whole workbook before writing began).
 */
class SheetChecks {
  private readonly names: string[] = [];

  constructor(private readonly checkedAlready: boolean) {}

  add(sheet: SheetData): void {
    if (this.checkedAlready) return;
    // The earlier sheets stand in with their names only, so a repeated name is reported as for a whole workbook.
    const earlier = this.names.map((name) => ({ name, values: [] }));
    const problems = checkWorkbookData({ sheets: [...earlier, sheet] });
    throwWhenMalformed(problems);
    this.names.push(sheet.name);
  }
}

const DATE_FORMAT = "yyyy-mm-dd";
const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
const DATE_TIME_SECONDS_FORMAT = "yyyy-mm-dd hh:mm:ss";
const TEXT_FORMAT = "@";

/** Rows written between yields to the event loop, so the zip takes each sheet's XML as it comes. */
const ROWS_PER_YIELD = 2_000;

/** How a value is written: the exceljs value and the number format it gets (null: none). */
function cellWrite(
  value: Exclude<CellData, null>,
  given: string | null,
): { value: ExcelJS.CellValue; numFmt: string | null } {
  const numFmt = writtenFormat(value, given);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return { value, numFmt };
  if (isWallClock(value)) return { value: new Date(wallClockToWallMs(value.wallClock)), numFmt };
  return { value: { formula: value.formula.slice(1) } as ExcelJS.CellFormulaValue, numFmt };
}

/**
 * The number format a value is written with (null: none): the given one, a
 * text that would read as something else gets the text format, and a date
 * keeps a date format (the given one if it is one).
 */
function writtenFormat(value: Exclude<CellData, null>, given: string | null): string | null {
  if (typeof value === "string") return given ?? (readsAsSomethingElse(value) ? TEXT_FORMAT : null);
  if (isWallClock(value)) return given !== null && isDateFormat(given) ? given : defaultDateFormat(value.wallClock);
  return given;
}

/** Whether a text cell is wrapped: long or multi-line text. */
function wraps(value: CellData, wrapLongerThan: number): boolean {
  return typeof value === "string" && (value.length > wrapLongerThan || /[\r\n]/.test(value));
}

/**
 * Column widths in characters, and which columns hold wrapped text. The
 * streaming writer needs them before the first row, so they come first, from
 * the rows {@link widthSample} picks.
 */
function columnLayout(sheet: SheetData, options: WriteXlsxOptions): { widths: number[]; wrapped: boolean[] } {
  const wrapLongerThan = options.wrapLongerThan ?? 60;
  const minWidth = options.minColumnWidth ?? 8;
  const maxWidth = options.maxColumnWidth ?? 60;
  const width = sheet.values[0]?.length ?? 0;
  const widths = new Array<number>(width).fill(0);
  const wrapped = new Array<boolean>(width).fill(false);
  const measured = widthSample(sheet.values.length);
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const measure = measured(r);
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === null) continue;
      if (wraps(value, wrapLongerThan)) wrapped[c] = true;
      if (!measure) continue;
      const { numFmt } = cellWrite(value, sheet.numberFormats?.[r]?.[c] ?? null);
      widths[c] = Math.max(widths[c], displayWidth(value, numFmt) + (r === 0 ? 2 : 1));
    }
  }
  for (let c = 0; c < width; c++) {
    widths[c] = Math.min(maxWidth, Math.max(minWidth, Math.ceil(widths[c])));
    if (wrapped[c]) widths[c] = Math.max(widths[c], Math.min(maxWidth, 40));
  }
  return { widths, wrapped };
}

async function writeWorksheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: SheetData,
  options: WriteXlsxOptions,
  styles: SharedStyles,
): Promise<void> {
  const wrapLongerThan = options.wrapLongerThan ?? 60;
  const frozenRows = sheet.frozenRows ?? (options.freezeHeader === false || sheet.values.length === 0 ? 0 : 1);
  const worksheet = book.addWorksheet(sheet.name, {
    views: frozenRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: frozenRows }] : [],
  });
  const { widths } = columnLayout(sheet, options);
  for (let c = 0; c < widths.length; c++) worksheet.getColumn(c + 1).width = widths[c];

  const plainRows = new PlainRowWriter(book, worksheet);
  for (let r = 0; r < sheet.values.length; r++) {
    const rowValues = sheet.values[r];
    if (r > 0 && isPlainRow(sheet, r)) {
      writePlainRow(plainRows, sheet, r, styles, wrapLongerThan);
      if ((r + 1) % ROWS_PER_YIELD === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      continue;
    }
    plainRows.flush();
    const row = worksheet.getRow(r + 1);
    for (let c = 0; c < rowValues.length; c++) {
      const value = rowValues[c];
      const note = sheet.notes?.[r]?.[c] ?? null;
      if (value === null && note === null) continue;
      const cell = row.getCell(c + 1);
      if (note !== null) cell.note = note;
      if (value === null) continue;
      const written = cellWrite(value, sheet.numberFormats?.[r]?.[c] ?? null);
      cell.value = written.value;
      const wrapped = wraps(value, wrapLongerThan);
      // The header row's cells keep styles of their own: making the row bold changes each of its cells' style.
      if (r > 0 && (written.numFmt !== null || !isFormula(value)))
        cell.style = styles.of(typeof written.value, written.numFmt, wrapped);
      else {
        if (written.numFmt !== null) cell.numFmt = written.numFmt;
        if (wrapped) cell.alignment = WRAPPED;
      }
    }
    if (r === 0 && options.boldHeader !== false) row.font = { bold: true };
    row.commit();
    if ((r + 1) % ROWS_PER_YIELD === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  plainRows.flush();
  worksheet.commit();
}

/** Whether a row (0-based) has neither notes nor formulas, so {@link PlainRowWriter} can write it. */
function isPlainRow(sheet: SheetData, r: number): boolean {
  const notes = sheet.notes?.[r];
  if (notes?.some((note) => note !== null)) return false;
  const row = sheet.values[r];
  for (let c = 0; c < row.length; c++) if (isFormula(row[c])) return false;
  return true;
}

/** Writes a plain row (0-based `r`) with the style each of its cells would get through exceljs ({@link cellWrite}). */
function writePlainRow(
  rows: PlainRowWriter,
  sheet: SheetData,
  r: number,
  styles: SharedStyles,
  wrapLongerThan: number,
): void {
  const rowValues = sheet.values[r];
  const formats = sheet.numberFormats?.[r];
  let first = 0;
  while (first < rowValues.length && rowValues[first] === null) first++;
  if (first === rowValues.length) return; // exceljs leaves an empty row out
  let last = rowValues.length - 1;
  while (rowValues[last] === null) last--;
  rows.begin(r + 1, first + 1, last + 1);
  for (let c = first; c <= last; c++) {
    const value = rowValues[c];
    if (value === null) continue;
    const numFmt = writtenFormat(value, formats?.[c] ?? null);
    if (typeof value === "number") rows.number(c + 1, value, styles.of("number", numFmt, false));
    else if (typeof value === "string")
      rows.text(c + 1, value, styles.of("string", numFmt, wraps(value, wrapLongerThan)));
    else if (typeof value === "boolean") rows.boolean(c + 1, value, styles.of("boolean", numFmt, false));
    else if (isWallClock(value))
      rows.date(c + 1, excelSerial(wallClockToWallMs(value.wallClock)), styles.of("object", numFmt, false));
    else throw new Error(`not a plain cell: ${JSON.stringify(value)}`);
  }
  rows.end();
}

const WRAPPED: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

/**
 * One style object per number format and wrapping, for one workbook: exceljs's
 * writer remembers the style id of a style object it has seen, where a fresh
 * object per cell was turned into a style key and looked up for each of
 * hundreds of thousands of cells. Without a number format the id also depends
 * on the kind of value (a number gets General), so the kind is part of the key.
 */
class SharedStyles {
  /**
   * Styles by number format, or by kind of value when there is none, in four
   * tables for with or without a format, wrapped or not: no key is built per cell.
   */
  private readonly tables = Array.from({ length: 4 }, () => new Map<string, Partial<ExcelJS.Style>>());

  /** The style of a value of this kind (`typeof` the exceljs value) with this number format (null: none). */
  of(kind: string, numFmt: string | null, wrapped: boolean): Partial<ExcelJS.Style> {
    const table = this.tables[(numFmt === null ? 2 : 0) + (wrapped ? 1 : 0)];
    const key = numFmt ?? kind;
    let style = table.get(key);
    if (style === undefined) {
      style = {};
      if (numFmt !== null) style.numFmt = numFmt;
      if (wrapped) style.alignment = WRAPPED;
      table.set(key, style);
    }
    return style;
  }
}

/** Sheets up to this many rows are measured in full for column widths. */
const MEASURE_ALL_ROWS = 5_000;
/** Rows measured at each end of a longer sheet, and about as many spread through the middle. */
const MEASURED_END_ROWS = 1_000;

/**
 * Which rows (0-based) column widths are measured from. Measuring a number
 * costs a `toLocaleString`, too slow for a million rows; a long sheet's widths
 * come from its header, its first and last thousand rows and a thousand rows
 * spread evenly between, which sees the widest values in practice (exports
 * are sorted by date or ID, so the ends hold the longest dates and IDs).
 *
 * @example
 * const measured = widthSample(200_000);
 * measured(0); // true (the header)
 * measured(100_001); // false
 *
 * @internal Exported only for xlsx-workbook.test.ts, which checks it directly; the code uses it inside this file.
 */
export function widthSample(rows: number): (row: number) => boolean {
  if (rows <= MEASURE_ALL_ROWS) return () => true;
  const stride = Math.max(1, Math.floor(rows / MEASURED_END_ROWS));
  return (row) => row <= MEASURED_END_ROWS || row >= rows - MEASURED_END_ROWS || row % stride === 0;
}

function defaultDateFormat(text: string): string {
  const p = parseWallClock(text);
  if (!p || (p.hour === 0 && p.minute === 0 && p.second === 0)) return DATE_FORMAT;
  return p.second === 0 ? DATE_TIME_FORMAT : DATE_TIME_SECONDS_FORMAT;
}

/** Whether a number format shows a date or time (exceljs's test: y m d h s outside quotes and brackets). */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhsb]/i.test(bare);
}

/**
 * Text that a spreadsheet would turn into a number, date, boolean or formula
 * when someone edits the cell (or on import): it gets the text format `@`.
 */
function readsAsSomethingElse(text: string): boolean {
  // Most text starts with a letter, and only "true" and "false" among such text read as something else.
  const first = text.charCodeAt(0) | 0x20; // ASCII letters as lower case
  if (first >= 0x61 && first <= 0x7a && first !== 0x74 && first !== 0x66) return false;
  const t = text.trim();
  if (t === "") return false;
  if (/^[\t\r\n]/.test(text)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return /^[=+\-@.,$¥￥%(０-９\d]/.test(t);
}

/** Display width in "characters" (East Asian wide characters count two). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** `toLocaleString` with options builds a formatter each call; this keeps one per kind. */
function numberFormatter(decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${decimals}/${grouping}`;
  let formatter = numberFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat("en-US", {
      maximumFractionDigits: decimals,
      minimumFractionDigits: decimals,
      useGrouping: grouping,
    });
    numberFormatters.set(key, formatter);
  }
  return formatter;
}

function displayWidth(value: CellData, format: string | null): number {
  if (value === null) return 0;
  if (typeof value === "string") {
    let widest = 0;
    for (const line of value.split(/\r\n|\r|\n/)) widest = Math.max(widest, textWidth(line));
    return widest;
  }
  if (typeof value === "boolean") return 5;
  if (isWallClock(value)) return (format ?? DATE_FORMAT).replace(/"/g, "").length;
  if (isFormula(value)) return Math.min(12, textWidth(value.formula));
  const decimals = /\.(0+)/.exec(format ?? "")?.[1].length ?? (Number.isInteger(value) ? 0 : 2);
  const percent = (format ?? "").includes("%");
  const shown = numberFormatter(Math.min(decimals, 20), (format ?? "").includes(",")).format(
    percent ? value * 100 : value,
  );
  const literals = (format ?? "").replace(/[#0.,%;@_*\\-]|"[^"]*"|\[[^\]]*]/g, "").length;
  return shown.length + (percent ? 1 : 0) + Math.min(literals, 3);
}

/**
 * Sets the modification time of every entry of a zip file (local headers and
 * central directory) to `when`, in place. JSZip stamps entries with the time
 * of writing; this makes the bytes depend on the data only.
 */
function setZipEntryTimes(zip: Uint8Array, when: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const year = Math.max(1980, when.getUTCFullYear());
  const dosDate = ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
  const end = zipDirectoryEnd(view, zip.length);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("malformed zip central directory");
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error("malformed zip local header");
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
