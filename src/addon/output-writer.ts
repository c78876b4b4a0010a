/**
 * Output sheets: finding them (read phase) and writing them (write phase).
 *
 * An output sheet is the add-on's own when it carries the marker metadata
 * with its role. A sheet of that name without the marker is someone else's
 * and is never written (the run reports it) unless it is completely empty,
 * which is what a run killed between creating a sheet and marking it leaves
 * behind: such a sheet holds nothing to lose and is adopted.
 *
 * Every write is a block: number formats first (text columns `@`, so text
 * is stored exactly as given), then the values in one call. Formats go as a
 * range per group of columns (format-ranges.ts), never a call per row. The grid is grown first when the block does not fit.
 */
import type { Language } from "../core/plan-model";
import type { OutputColumn } from "../tables/output-columns";
import { comparePeriodCells } from "../tables/output-rows";
import { plainText, type CellValue } from "../tables/sheet-text";
import { formatRanges, formatRangesSize, type FormatRange } from "./format-ranges";
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from "./platform-limits";
import { OUTPUT_MARKER_KEY } from "./spreadsheet-state";

export type OutputRole = "results" | "payouts" | "reviews" | "dashboard" | "runLog" | "problems";

type OutputStatus = "own" | "adopt" | "missing" | "foreign";

export interface OutputSheet {
  role: OutputRole;
  name: string;
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  status: OutputStatus;
  /** The sheet's values when they were read (header row first). */
  values: unknown[][] | null;
  /** Rows and columns holding content. */
  lastRow: number;
  lastColumn: number;
  /** Grid size. */
  maxRows: number;
  maxColumns: number;
  charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  /** Protections a killed set-up left on an empty unmarked sheet (removed when it is adopted). */
  leftoverProtections: GoogleAppsScript.Spreadsheet.Protection[];
  /** The sheet's ID once known (read with the ownership check, or after set-up). */
  id: number | null;
  /**
   * Rows between the header and `values[1]` that were not read (0: the whole sheet was read): leading rows of
   * final periods, in period order (see {@link BelowFinal}). `values[i]` is then the sheet's row `i + 1 + skipped`.
   */
  skipped: number;
  /** The periods of the rows skipped, and the last of them in sheet order ("" when none was skipped). */
  skippedPeriods: ReadonlySet<string>;
  lastSkipped: string;
  /** Whether the sheet was read below its final periods' rows (`skipped` may still be 0). */
  readBelow: boolean;
  /** The fiscal year's first month the skipped rows were found in period order under. */
  skippedFyStart: number;
  /** Cells the inspection read (for the time budget). */
  cellsRead: number;
}

/**
 * Read only the rows below the sheet's leading rows of final periods: the
 * header, the Period column, then the rest. A run never rewrites a final
 * period's rows, so it need not read them; the rows it skips must be the
 * first ones, each of a period in `periods`, in period order, under exactly
 * `header` (no other column), else the whole sheet is read as usual.
 */
export interface BelowFinal {
  periods: ReadonlySet<string>;
  /**
   * null: the sheet's own, with a Period column (Results' columns follow the plan's metrics, known only once
   * computed: a run writes below the rows skipped only when its block's header is the sheet's).
   */
  header: readonly string[] | null;
  /** Fiscal year's first month, for the period order (see comparePeriodCells). */
  fyStart: number;
}

export interface InspectOptions {
  /** Read every value (sheets the run merges with) or only the extent. */
  values: boolean;
  charts?: boolean;
  /** Read the grid size (needed to write; default true). */
  grid?: boolean;
  /** Read the last column when values are not read (default true; a sheet appended to by rows needs only its last row). */
  width?: boolean;
  /**
   * The ID of the sheet the add-on marked as its own under this role: a
   * sheet with this ID needs no marker read. Given (-1 when none is known
   * yet), the sheet's ID is read, so that the caller can record it.
   */
  knownId?: number;
  /** With `values`, on an own sheet: read only the rows below those of final periods (see {@link BelowFinal}). */
  below?: BelowFinal;
}

/**
 * Calls a read below final periods makes beyond a whole read's: the extent, and a range of values more for each of
 * the header and the Period column.
 */
export const BELOW_FINAL_CALLS = 6;

/**
 * Service calls of {@link inspectOutputSheet} for a sheet that exists and
 * is the add-on's own, and the cells it reads (`cells`: the sheet's size).
 *
 * @example
 * inspectSize({ values: true, knownId: 7 }, 4000); // { calls: 6, cells: 4000 }
 */
export function inspectSize(options: InspectOptions, cells: number): { calls: number; cells: number } {
  const ownership = options.knownId === undefined ? 3 : options.knownId < 0 ? 4 : 1;
  const extent = options.values ? 2 + (options.below ? BELOW_FINAL_CALLS : 0) : options.width === false ? 1 : 2;
  return {
    calls: 1 + ownership + extent + (options.grid === false ? 0 : 2) + (options.charts ? 1 : 0),
    cells: options.values ? cells : 0,
  };
}

function carriesMarker(sheet: GoogleAppsScript.Spreadsheet.Sheet, role: OutputRole): boolean {
  for (const metadata of sheet.getDeveloperMetadata()) {
    if (metadata.getKey() === OUTPUT_MARKER_KEY) return metadata.getValue() === role;
  }
  return false;
}

function isBlankGrid(values: unknown[][]): boolean {
  return values.every((row) => row.every((cell) => cell === "" || cell === null));
}

/**
 * Finds an output sheet and reads what the run needs of it: its values (or
 * only its extent), grid size and charts. A constant number of calls.
 *
 * @example
 * const results = inspectOutputSheet(ss, "results", "Results", { values: true });
 * results.status; // "own", "adopt", "missing" or "foreign"
 */
export function inspectOutputSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  role: OutputRole,
  name: string,
  options: InspectOptions,
): OutputSheet {
  const sheet = ss.getSheetByName(name);
  const found: OutputSheet = {
    role,
    name,
    sheet,
    status: "missing",
    values: null,
    lastRow: 0,
    lastColumn: 0,
    maxRows: 0,
    maxColumns: 0,
    charts: [],
    leftoverProtections: [],
    id: null,
    skipped: 0,
    skippedPeriods: new Set(),
    lastSkipped: "",
    readBelow: false,
    skippedFyStart: 1,
    cellsRead: 0,
  };
  if (!sheet) return found;
  const sheetId = options.knownId === undefined ? null : sheet.getSheetId();
  const own = sheetId !== null && sheetId === options.knownId ? true : carriesMarker(sheet, role);
  if (own) found.id = sheetId;
  const below = options.values && options.below && own ? readBelowFinal(sheet, options.below) : null;
  if (below) {
    Object.assign(found, below);
  } else if (options.values) {
    const values = sheet.getDataRange().getValues();
    found.values = values;
    found.lastRow = isBlankGrid(values) ? 0 : values.length;
    found.lastColumn = found.lastRow === 0 ? 0 : values[0].length;
    found.cellsRead = found.lastRow * found.lastColumn;
  } else {
    found.lastRow = sheet.getLastRow();
    found.lastColumn = options.width === false ? 0 : sheet.getLastColumn();
  }
  if (options.grid !== false) {
    found.maxRows = sheet.getMaxRows();
    found.maxColumns = sheet.getMaxColumns();
  }
  if (options.charts) found.charts = sheet.getCharts();
  found.status = own ? "own" : found.lastRow === 0 && sheet.getCharts().length === 0 ? "adopt" : "foreign";
  if (found.status === "adopt") found.leftoverProtections = leftoverProtections(sheet);
  return found;
}

type BelowRead = Pick<
  OutputSheet,
  | "values"
  | "lastRow"
  | "lastColumn"
  | "skipped"
  | "skippedPeriods"
  | "lastSkipped"
  | "readBelow"
  | "skippedFyStart"
  | "cellsRead"
>;

/**
 * The header and the rows below the sheet's leading rows of final periods
 * (see {@link BelowFinal}); null when the sheet is not laid out for it (the
 * caller then reads it whole). Calls: the extent, then a range of values
 * each for the header, the Period column and the rows below (8 at most).
 */
function readBelowFinal(sheet: GoogleAppsScript.Spreadsheet.Sheet, below: BelowFinal): BelowRead | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || (below.header !== null && lastColumn !== below.header.length)) return null;
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues();
  if (below.header !== null && !below.header.every((text, c) => header[0][c] === text)) return null;
  const periodColumn = header[0].indexOf("Period");
  if (periodColumn < 0) return null;
  const periods = sheet.getRange(2, periodColumn + 1, lastRow - 1, 1).getValues();
  const skippedPeriods = new Set<string>();
  let lastSkipped = "";
  let skipped = 0;
  for (; skipped < periods.length; skipped++) {
    const period = plainText(periods[skipped][0] as CellValue).trim();
    if (!below.periods.has(period)) break;
    // Out of period order, the rows from here on would be sorted again by a run: they are read.
    if (skipped > 0 && comparePeriodCells(lastSkipped, period, below.fyStart) > 0) break;
    skippedPeriods.add(period);
    lastSkipped = period;
  }
  const rows = lastRow - 1 - skipped;
  const rest = rows > 0 ? sheet.getRange(skipped + 2, 1, rows, lastColumn).getValues() : [];
  return {
    values: [header[0], ...rest],
    lastRow,
    lastColumn,
    skipped,
    skippedPeriods,
    lastSkipped,
    readBelow: true,
    skippedFyStart: below.fyStart,
    cellsRead: lastColumn + (lastRow - 1) + rows * lastColumn,
  };
}

/** Protections of an unmarked empty sheet that a killed set-up of ours may have left (no description, or ours). */
function leftoverProtections(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Protection[] {
  const all = [
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ];
  return all.filter((p) => {
    const description = p.getDescription();
    return description === "" || description.startsWith(SETUP_DESCRIPTION_PREFIX);
  });
}

/** Every protection the add-on creates has a description starting with this. */
const SETUP_DESCRIPTION_PREFIX = "Sales Scorecard";

/** How a new (or adopted) output sheet is set up before it is marked. */
export interface SheetSetup {
  /** Rows frozen at the top. */
  frozenRows: number;
  /** Columns under warning-only protection (1-based, inclusive); null = the whole sheet. */
  protectColumns: { first: number; last: number } | null;
  description: string;
}

/**
 * Makes an output sheet writable: creates it when missing, sets it up and
 * marks it as the add-on's own (the marker last, so a run killed half way
 * leaves an empty unmarked sheet that the next run adopts). Returns null for
 * a foreign sheet, which is left alone.
 *
 * @example
 * const sheet = prepareOutputSheet(ss, results, { frozenRows: 1, protectColumns: null, description: "Sales Scorecard" });
 */
export function prepareOutputSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  out: OutputSheet,
  setup: SheetSetup,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  if (out.status === "foreign") return null;
  if (out.status === "own" && out.sheet) return out.sheet;
  const sheet = out.sheet ?? ss.insertSheet(out.name);
  if (!out.sheet) {
    // A new sheet's grid is known: no read after this write.
    out.maxRows = NEW_SHEET_ROWS;
    out.maxColumns = NEW_SHEET_COLUMNS;
  }
  for (const protection of out.leftoverProtections) protection.remove();
  if (setup.frozenRows > 0) sheet.setFrozenRows(setup.frozenRows);
  const protection = setup.protectColumns
    ? sheet
        .getRange(
          1,
          setup.protectColumns.first,
          out.maxRows,
          setup.protectColumns.last - setup.protectColumns.first + 1,
        )
        .protect()
    : sheet.protect();
  protection.setDescription(setup.description).setWarningOnly(true);
  sheet.addDeveloperMetadata(OUTPUT_MARKER_KEY, out.role, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  out.sheet = sheet;
  out.status = "own";
  return sheet;
}

/**
 * Service calls {@link prepareOutputSheet} makes (none for an own sheet).
 *
 * @example
 * prepareSize(missingResults, { frozenRows: 1, protectColumns: null, description: "Sales Scorecard" }); // 7
 */
export function prepareSize(out: OutputSheet, setup: SheetSetup): number {
  if (out.status === "foreign" || out.status === "own") return 0;
  return (
    (out.sheet ? 0 : 1) +
    out.leftoverProtections.length +
    (setup.frozenRows > 0 ? 1 : 0) +
    (setup.protectColumns ? 2 : 1) +
    3
  );
}

/**
 * Grows a sheet's grid so that `rows` x `columns` fit (two calls at most).
 *
 * @example
 * ensureGrid(sheet, out, 20000, 30);
 */
function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, out: OutputSheet, rows: number, columns: number): void {
  if (rows > out.maxRows) {
    sheet.insertRowsAfter(out.maxRows, rows - out.maxRows);
    out.maxRows = rows;
  }
  if (columns > out.maxColumns) {
    sheet.insertColumnsAfter(out.maxColumns, columns - out.maxColumns);
    out.maxColumns = columns;
  }
}

/**
 * A block padded with blanks to `rows` x `columns`, so that rows and columns
 * left over from a longer earlier write are cleared by the same call.
 *
 * @example
 * padBlock([[1]], [["0"]], 2, 2, "General"); // values [[1, ""], ["", ""]], formats [["0", "General"], ["General", "General"]]
 */
export function padBlock(
  values: CellValue[][],
  formats: string[][],
  rows: number,
  columns: number,
  blankFormat: string,
): { values: CellValue[][]; formats: string[][] } {
  const paddedValues: CellValue[][] = [];
  const paddedFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    paddedValues.push(paddedRow(values[r] ?? [], columns, ""));
    paddedFormats.push(paddedRow(formats[r] ?? [], columns, blankFormat));
  }
  return { values: paddedValues, formats: paddedFormats };
}

/**
 * A row cut or padded to `columns` cells; a row already that wide is used as it is (never changed): a run's
 * tables hold a million cells, and copying every row doubled them while they wait to be written.
 */
function paddedRow<T>(row: readonly T[], columns: number, blank: T): T[] {
  if (row.length === columns) return row as T[];
  const padded: T[] = new Array(columns);
  for (let c = 0; c < columns; c++) padded[c] = c < row.length ? row[c] : blank;
  return padded;
}

/**
 * Writes a block at (row, column): formats, then values. Formats go as a
 * few ranges (see format-ranges.ts; `ranges` when the caller has them
 * already). Text cells of `@` columns are written as given; blanks as "".
 *
 * @example
 * writeBlock(sheet, out, 1, 1, [["Period", "Rep ID"], ["2026-03", "001"]], [["@", "@"], ["@", "@"]]);
 */
export function writeBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  out: OutputSheet,
  row: number,
  column: number,
  values: CellValue[][],
  formats: string[][],
  ranges: readonly FormatRange[] = formatRanges(formats),
): void {
  if (values.length === 0 || values[0].length === 0) return;
  ensureGrid(sheet, out, row + values.length - 1, column + values[0].length - 1);
  const block = sheet.getRange(row, column, values.length, values[0].length);
  for (const range of ranges) {
    const target = coversBlock(range, values)
      ? block
      : sheet.getRange(row + range.row, column + range.column, range.rows, range.columns);
    if (typeof range.format === "string") target.setNumberFormat(range.format);
    else target.setNumberFormats(range.format);
  }
  block.setValues(values);
}

function coversBlock(range: FormatRange, values: readonly (readonly unknown[])[]): boolean {
  return range.row === 0 && range.column === 0 && range.rows === values.length && range.columns === values[0].length;
}

/**
 * How many leading rows of a block the sheet already holds as they are
 * (texts, numbers and booleans equal, dates the same instant, blanks blank,
 * cells past the sheet's values blank): a write of the block may start
 * below them. `sheet` is the sheet's values as read, from the block's first
 * row; null when they were not read.
 *
 * @example
 * unchangedRows([["Period"], ["2026-03"], ["2026-04"]], [["Period"], ["2026-03"], ["2026-Q2"]]); // 2
 */
export function unchangedRows(
  block: readonly (readonly CellValue[])[],
  sheet: readonly (readonly unknown[])[] | null,
): number {
  if (!sheet) return 0;
  const none: readonly unknown[] = [];
  let rows = 0;
  while (rows < block.length && sameRow(block[rows], sheet[rows] ?? none)) rows++;
  return rows;
}

function sameRow(want: readonly CellValue[], have: readonly unknown[]): boolean {
  if (have.length > want.length) return false;
  for (let c = 0; c < want.length; c++) if (!sameCell(want[c], have[c])) return false;
  return true;
}

function sameCell(want: CellValue, have: unknown): boolean {
  if (want === have) return true;
  if (want === "") return have === undefined || have === null;
  // Dates come from the script's realm or the spreadsheet's: told by their tag, not by instanceof.
  const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === "[object Date]";
  return isDate(want) && isDate(have) && want.getTime() === have.getTime();
}

/**
 * Service calls and cells of {@link writeBlock} for a block of `rows` x
 * `columns` at (row, column), given the sheet's grid and the ranges its
 * formats go in (null: sized as one grid of formats).
 *
 * @example
 * writeBlockSize(results, 1, 1, 4601, 30, formatRanges(formats)); // { calls: 2 + ranges (+ growth), cells: 4601 x 30 }
 */
export function writeBlockSize(
  out: OutputSheet,
  row: number,
  column: number,
  rows: number,
  columns: number,
  ranges: readonly FormatRange[] | null,
): { calls: number; cells: number } {
  if (rows === 0 || columns === 0) return { calls: 0, cells: 0 };
  const growth = (row + rows - 1 > out.maxRows ? 1 : 0) + (column + columns - 1 > out.maxColumns ? 1 : 0);
  if (!ranges) return { calls: 3 + growth, cells: 2 * rows * columns };
  const formats = formatRangesSize(ranges);
  // The block's range and its setValues, and a write per format range (with a getRange unless it is the whole block).
  const whole = ranges[0]?.row === 0 && ranges[0].rows === rows && ranges[0].columns === columns ? 1 : 0;
  return { calls: 2 + 2 * formats.calls - whole + growth, cells: rows * columns + formats.cells };
}

/**
 * Writes the notes of a header row (one call), in the run's language.
 *
 * @example
 * writeHeaderNotes(sheet, 1, RESULTS_FIXED_COLUMNS, "zh");
 */
export function writeHeaderNotes(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  columns: readonly OutputColumn[],
  language: Language,
): void {
  if (columns.length === 0) return;
  sheet.getRange(row, 1, 1, columns.length).setNotes([columns.map((c) => c.note[language])]);
}

/**
 * The header row of a block: the headers as text cells.
 *
 * @example
 * headerBlock(RESULTS_FIXED_COLUMNS).formats[0][0]; // "@"
 */
export function headerBlock(columns: readonly OutputColumn[]): { values: CellValue[][]; formats: string[][] } {
  return { values: [columns.map((c) => c.header)], formats: [columns.map(() => "@")] };
}
