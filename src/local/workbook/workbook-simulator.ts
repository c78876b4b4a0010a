/**
 * A {@link WorkbookData} into the Apps Script simulator, and the simulator's
 * sheets back out as a {@link WorkbookData}: how the local tools (`npm start`,
 * the sidebar preview) put an exported workbook in front of the built add-on.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 *
 * In:
 * - every sheet, in workbook order, under its own name;
 * - text stays text (`"001"`, `"2026-03"`, `"=1+1"` are stored as given, as a
 *   cell formatted as plain text would hold them; nothing is parsed), numbers
 *   stay numbers, booleans booleans, an empty cell (`null`) is empty;
 * - a date `{ wallClock }` is that wall clock in the spreadsheet's time zone
 *   (the simulator's `timeZone`), so a deal at 23:30 on 31 March is in March
 *   whatever the zone;
 * - a formula `{ formula }` is stored as a formula (the simulator never
 *   computes it; the add-on reads `#ERROR!`, as for a failed formula);
 * - number formats, notes and frozen rows are carried;
 * - a sheet of more than 1,000 rows has only its data's columns (at most 26
 *   otherwise), as an imported file's sheet has in Sheets.
 *
 * Out ({@link simulatorWorkbook}):
 * - every sheet of the simulated spreadsheet, in order, its data range (A1 to
 *   the last row and column holding content);
 * - numbers, text and booleans as stored, dates as wall clocks (to the second),
 *   formulas as `{ formula }`;
 * - number formats as set on the cells, except the ones that only mean
 *   "automatic" (`General`, the simulator's default number format, and the
 *   automatic date-time format Sheets gives a date written by a script),
 *   which become `null` so a writer picks its own; notes; frozen rows.
 */
import { createSimulator, type Simulator, type SimulatorOptions } from "../../simulator";
import type { CellInput } from "../../simulator";
import { DEFAULT_NUMBER_FORMAT } from "../../simulator";
import type { CellContent } from "../../simulator/cell";
import { AUTO_DATE_TIME_FORMAT } from "../../simulator/number-format";
import { NEW_SHEET_ROWS, type SheetModel } from "../../simulator/sheet-model";
import {
  checkWorkbookData,
  isFormula,
  isWallClock,
  wallClockToWallMs,
  wallMsToWallClock,
  type CellData,
  type SheetData,
  type SheetSequence,
  type WorkbookData,
} from "./workbook-data";

/**
 * Options of {@link simulatorFromWorkbook}: the simulator's options (all
 * optional) but `sheets`, which come from the workbook.
 */
export interface WorkbookSimulatorOptions extends Omit<SimulatorOptions, "sheets"> {
  /** The spreadsheet's time zone, in which the workbook's wall clocks are read (default "UTC"). */
  timeZone?: string;
  /** The spreadsheet's locale (default "en_US"): decides the add-on's language when its settings say "auto". */
  locale?: string;
  /** The simulated now (default: the simulator's default, 2026-01-15T12:00:00Z). */
  now?: SimulatorOptions["now"];
}

/**
 * A simulator whose spreadsheet holds every sheet of the workbook (see the
 * module comment for how cells are carried). Throws when the workbook is not
 * well formed ({@link checkWorkbookData}), naming the sheet and cell.
 *
 * @example
 * const sim = simulatorFromWorkbook(await readXlsx("export.xlsx"), { timeZone: "Asia/Shanghai", locale: "zh_CN" });
 * const bundle = loadBundle({ simulator: sim, context: { kind: "manual" } });
 */
export function simulatorFromWorkbook(workbook: WorkbookData, options: WorkbookSimulatorOptions = {}): Simulator {
  const problems = checkWorkbookData(workbook);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join("; ");
    throw new Error(
      `simulatorFromWorkbook: the workbook is not well formed: ${shown}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ""}`,
    );
  }
  const first = workbook.sheets[0];
  // One named sheet to start with (an object with several keys would reorder
  // names that look like numbers, such as "2026"); the rest are added in order.
  const sim = createSimulator({ ...options, sheets: first ? { [first.name]: [] } : undefined });
  for (const sheet of workbook.sheets) {
    // In slices, so the simulator's cells and a copy of the whole grid as fixture inputs never coexist.
    for (let from = 0; from === 0 || from < sheet.values.length; from += ROWS_PER_SLICE) {
      sim.setSheetValues(sheet.name, sheetInputs(sheet, from, from + ROWS_PER_SLICE), { startRow: from + 1 });
      if (from === 0) fitImportedColumns(sim, sheet);
    }
    if (sheet.frozenRows !== undefined) sim.sheetModel(sheet.name).frozenRows = sheet.frozenRows;
  }
  return sim;
}

/**
 * A sheet longer than a new sheet's 1,000 rows gets only its data's columns,
 * as Sheets sizes the grid of an imported file: 26 columns of a million rows
 * would pass the 10-million-cell limit before the add-on runs.
 */
function fitImportedColumns(sim: Simulator, sheet: SheetData): void {
  const width = sheet.values[0]?.length ?? 0;
  const model = sim.sheetModel(sheet.name);
  if (sheet.values.length > NEW_SHEET_ROWS && width > 0 && width < model.maxColumns) model.maxColumns = width;
}

/** Rows handed to the simulator at a time. */
const ROWS_PER_SLICE = 20_000;

/** The simulator's fixture cells of rows `from` to `to` (0-based, `to` excluded): values with their formats and notes. */
function sheetInputs(sheet: SheetData, from: number, to: number): CellInput[][] {
  return sheet.values.slice(from, to).map((row, i) =>
    row.map((value, c) => {
      const r = from + i;
      const input = cellInput(value);
      const format = sheet.numberFormats?.[r]?.[c] ?? null;
      const note = sheet.notes?.[r]?.[c] ?? null;
      if (format === null && note === null) return input;
      const withAttributes: { value: CellInput; format?: string; note?: string } = { value: input };
      if (format !== null) withAttributes.format = format;
      if (note !== null) withAttributes.note = note;
      return withAttributes;
    }),
  );
}

function cellInput(value: CellData): CellInput {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (isWallClock(value)) {
    // The full form of a date from year 1000 on is its own normal form (the workbook was checked before), so it is kept.
    if (/^[1-9]\d{3}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(value.wallClock)) return value;
    return { wallClock: wallMsToWallClock(wallClockToWallMs(value.wallClock)) };
  }
  if (isFormula(value)) return { formula: value.formula };
  throw new Error(`simulatorFromWorkbook: not a cell value: ${JSON.stringify(value)}`);
}

/**
 * The simulated spreadsheet's sheets, each made into a {@link SheetData} only
 * when it is reached or asked for by name: a big run's sheets converted all
 * at once, beside the simulator's own cells, were hundreds of MB that nothing
 * needed together. A sheet is made afresh each time (nothing is kept), and
 * every one passes {@link checkWorkbookData}. See the module comment for what
 * a sheet carries.
 *
 * @example
 * const result = simulatorWorkbook(sim);
 * await writeXlsx(result, "out/sales-scorecard-result.xlsx"); // one sheet converted at a time
 * result.sheet("Results")?.values[0]; // ["Period", "Rep ID", ...]
 */
export function simulatorWorkbook(sim: Simulator): SimulatorWorkbook {
  const models = sim.spreadsheet.sheets;
  return {
    get sheets() {
      return (function* () {
        for (const model of models.slice()) yield sheetFromModel(model);
      })();
    },
    sheet(name) {
      const wanted = name.trim().toLowerCase();
      const model = models.find((m) => m.name.trim().toLowerCase() === wanted);
      return model === undefined ? undefined : sheetFromModel(model);
    },
  };
}

/**
 * Every sheet of the simulated spreadsheet at once, as a {@link WorkbookData}
 * (what {@link simulatorWorkbook} makes one at a time).
 *
 * @example
 * workbookFromSimulator(simulatorFromWorkbook(workbook)).sheets.length === workbook.sheets.length; // true
 *
 * @internal Exported only for workbook-simulator.test.ts, which compares whole workbooks; the code uses simulatorWorkbook.
 */
export function workbookFromSimulator(sim: Simulator): WorkbookData {
  return { sheets: [...simulatorWorkbook(sim).sheets] };
}

/** Sheets made on demand from a simulator: in order through `sheets`, or one by name. */
export interface SimulatorWorkbook extends SheetSequence {
  /** A sheet by name, matched as `findSheet` matches (ignoring case and surrounding spaces), or undefined. */
  sheet(name: string): SheetData | undefined;
}

function sheetFromModel(model: SheetModel): SheetData {
  const rows = model.lastRow();
  const columns = model.lastColumn();
  const values: CellData[][] = [];
  // Format and note grids are made only for a sheet that has one: a million rows of nulls is 70 MB each.
  const numberFormats = new SparseGrid(columns);
  const notes = new SparseGrid(columns);
  // Read column by column store: a cell object per cell, made and dropped, was much of a big sheet's garbage.
  const cells = Array.from({ length: columns }, (_, c) => model.columnAt(c + 1));
  const attributed = cells.map((column) => column?.hasAttributes() === true);
  for (let r = 0; r < rows; r++) {
    const rowValues: CellData[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      const column = cells[c];
      const content = column?.content(r);
      rowValues[c] = cellData(content);
      if (column === undefined || !attributed[c]) continue;
      numberFormats.set(r, c, formatOf(content, column.attribute("format", r)));
      const note = column.attribute("note", r);
      notes.set(r, c, note !== undefined && note !== "" ? note : null);
    }
    values.push(rowValues);
  }
  const sheet: SheetData = { name: model.name, values, frozenRows: model.frozenRows };
  const formatGrid = numberFormats.grid(rows);
  if (formatGrid !== null) sheet.numberFormats = formatGrid;
  const noteGrid = notes.grid(rows);
  if (noteGrid !== null) sheet.notes = noteGrid;
  return sheet;
}

/** A grid of text or null that allocates its rows only once some cell holds text. */
class SparseGrid {
  private readonly rows: ((string | null)[] | undefined)[] = [];
  private any = false;

  constructor(private readonly columns: number) {}

  set(row: number, column: number, value: string | null): void {
    if (value === null) return;
    this.any = true;
    let cells = this.rows[row];
    if (cells === undefined) cells = this.rows[row] = new Array<string | null>(this.columns).fill(null);
    cells[column] = value;
  }

  /** The full grid of `rowCount` rows, or null when every cell is null. */
  grid(rowCount: number): (string | null)[][] | null {
    if (!this.any) return null;
    const out: (string | null)[][] = [];
    for (let r = 0; r < rowCount; r++) out.push(this.rows[r] ?? new Array<string | null>(this.columns).fill(null));
    return out;
  }
}

function cellData(content: CellContent | undefined): CellData {
  if (!content) return null;
  switch (content.kind) {
    case "number":
      return Number.isFinite(content.value) ? content.value : String(content.value);
    case "text":
      return content.value === "" ? null : content.value;
    case "boolean":
      return content.value;
    case "date":
      return { wallClock: wallMsToWallClock(content.wall) };
    case "formula":
      return { formula: content.formula };
  }
}

/** Formats that only mean "automatic" become null (see the module comment). */
function formatOf(content: CellContent | undefined, format: string | undefined): string | null {
  if (format === undefined || format === "") return null;
  if (format === DEFAULT_NUMBER_FORMAT || /^general$/i.test(format)) return null;
  if (format === AUTO_DATE_TIME_FORMAT && content?.kind === "date") return null;
  if (content === undefined) return null;
  return format;
}
