/**
 * The state of the simulated spreadsheet: sheets of cells, developer
 * metadata, protections and charts. No logging and no permission checks here:
 * the service objects (spreadsheet.ts, range.ts) add those.
 */
import type { GridRect } from "./a1-notation";
import { type Cell, MAX_SPREADSHEET_CELLS } from "./cell";
import { CellColumn, ColumnCell } from "./cell-column";

/** A developer-metadata entry; location is the spreadsheet or one sheet. */
export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: "DOCUMENT" | "PROJECT";
  sheetId: number | null;
}

/** A protection of a sheet or of a range. */
export interface ProtectionModel {
  id: number;
  type: "SHEET" | "RANGE";
  sheetId: number;
  rect: GridRect | null;
  description: string;
  warningOnly: boolean;
  editors: Set<string>;
  domainEdit: boolean;
  unprotected: GridRect[];
}

/** A chart as recorded by `insertChart`. */
export interface ChartModel {
  id: number;
  sheetId: number;
  type: string;
  ranges: { sheetId: number; rect: GridRect }[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  hiddenDimensionStrategy?: string;
  mergeStrategy?: string;
  numHeaders?: number;
}

/** Grid size of a sheet Sheets creates. */
export const NEW_SHEET_ROWS = 1000;
/** Grid size of a sheet Sheets creates. */
const NEW_SHEET_COLUMNS = 26;

/**
 * One sheet's grid and settings. Cells are stored a column at a time (see
 * cell-column.ts); `cell` and `cellForWrite` hand out views of them.
 *
 * @example
 * const sheet = new SheetModel("Sales", 0);
 * sheet.cellForWrite(1, 1).content = { kind: "number", value: 5 };
 * sheet.lastRow(); // 1
 */
export class SheetModel {
  name: string;
  readonly sheetId: number;
  hidden = false;
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  /** columns[c-1]; undefined until a cell of the column is written. */
  private columns: (CellColumn | undefined)[] = [];

  constructor(name: string, sheetId: number) {
    this.name = name;
    this.sheetId = sheetId;
  }

  /** The cell at (row, column), 1-based, or undefined when it holds nothing. */
  cell(row: number, column: number): Cell | undefined {
    const cells = this.columns[column - 1];
    return cells?.holdsAnything(row - 1) ? new ColumnCell(cells, row - 1) : undefined;
  }

  /** The cell at (row, column), to change; setting its properties writes the sheet. */
  cellForWrite(row: number, column: number): Cell {
    return new ColumnCell(this.columnForWrite(column), row - 1);
  }

  /** The cells of a column (1-based), or undefined when none was ever written: for reading many cells at once. */
  columnAt(column: number): CellColumn | undefined {
    return this.columns[column - 1];
  }

  /** The cells of a column (1-based), created when missing: for writing many cells at once. */
  columnForWrite(column: number): CellColumn {
    let cells = this.columns[column - 1];
    if (!cells) cells = this.columns[column - 1] = new CellColumn();
    return cells;
  }

  /** Last row holding content (0 when none). */
  lastRow(): number {
    let last = 0;
    // A column shorter than the last row found cannot hold a later one.
    for (const cells of this.columns)
      if (cells && cells.length > last) last = Math.max(last, cells.lastContentIndex() + 1);
    return last;
  }

  /** Last column holding content (0 when none). */
  lastColumn(): number {
    for (let c = this.columns.length; c >= 1; c--) if ((this.columns[c - 1]?.lastContentIndex() ?? -1) >= 0) return c;
    return 0;
  }

  /** Inserts `count` blank rows before row `before` (1-based). */
  insertRowsBefore(before: number, count: number): void {
    for (const cells of this.columns) cells?.insertRows(before - 1, count);
    this.maxRows += count;
  }

  /** Deletes rows start..start+count-1. */
  deleteRows(start: number, count: number): void {
    for (const cells of this.columns) cells?.deleteRows(start - 1, count);
    this.maxRows -= count;
  }

  /** Inserts `count` blank columns before column `before`. */
  insertColumnsBefore(before: number, count: number): void {
    if (this.columns.length >= before)
      this.columns = this.columns
        .slice(0, before - 1)
        .concat(new Array<CellColumn | undefined>(count), this.columns.slice(before - 1));
    this.maxColumns += count;
  }

  /** Deletes columns start..start+count-1. */
  deleteColumns(start: number, count: number): void {
    this.columns.splice(start - 1, count);
    this.maxColumns -= count;
  }

  /** Visits every cell holding anything inside a rectangle, row by row. */
  forEachCell(rect: GridRect, visit: (cell: Cell, row: number, column: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        const cell = this.cell(r, c);
        if (cell) visit(cell, r, c);
      }
    }
  }

  /**
   * Visits, row by row, every cell that has a format, note, validation or
   * style (whatever its content), skipping the columns that have none.
   */
  forEachCellWithAttributes(visit: (cell: Cell, row: number, column: number) => void): void {
    const columns: number[] = [];
    let rows = 0;
    this.columns.forEach((cells, c) => {
      if (!cells?.hasAttributes()) return;
      columns.push(c);
      rows = Math.max(rows, cells.length);
    });
    for (let r = 0; r < rows; r++)
      for (const c of columns) {
        const cells = this.columns[c]!;
        if (cells.holdsAttribute(r)) visit(new ColumnCell(cells, r), r + 1, c + 1);
      }
  }
}

/** Options to create a {@link SpreadsheetModel}. */
export interface SpreadsheetModelOptions {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
}

/**
 * The whole spreadsheet.
 *
 * @example
 * const ss = new SpreadsheetModel({ id: "x", name: "Book", timeZone: "UTC", locale: "en_US", owner: "alice" });
 * ss.addSheet("Sales");
 */
export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly owner: string;
  sheets: SheetModel[] = [];
  activeSheetId: number | null = null;
  metadata: MetadataEntry[] = [];
  protections: ProtectionModel[] = [];
  charts: ChartModel[] = [];
  private nextSheetId = 0;
  nextId = 1;

  constructor(options: SpreadsheetModelOptions) {
    this.id = options.id;
    this.name = options.name;
    this.timeZone = options.timeZone;
    this.locale = options.locale;
    this.owner = options.owner;
  }

  /** The sheet with this name (case-insensitive, as Sheets compares names), or undefined. */
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The sheet with this id, or undefined. */
  sheetById(sheetId: number): SheetModel | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  /** Adds a sheet (no name checks) at an index (default: last). */
  addSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet = new SheetModel(name, this.nextSheetId === 0 ? 0 : 100_000 + this.nextSheetId * 7919);
    this.nextSheetId++;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    if (this.activeSheetId === null) this.activeSheetId = sheet.sheetId;
    this.assertCellLimit();
    return sheet;
  }

  /** Removes a sheet with its metadata, protections and charts. */
  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.metadata = this.metadata.filter((m) => m.sheetId !== sheet.sheetId);
    this.protections = this.protections.filter((p) => p.sheetId !== sheet.sheetId);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.sheetId);
    if (this.activeSheetId === sheet.sheetId) this.activeSheetId = this.sheets[0]?.sheetId ?? null;
  }

  /** Total cells of all grids. */
  cellCount(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }

  /** Throws Sheets' error when the grids exceed 10,000,000 cells. */
  assertCellLimit(): void {
    if (this.cellCount() > MAX_SPREADSHEET_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_SPREADSHEET_CELLS} cells.`,
      );
    }
  }
}
