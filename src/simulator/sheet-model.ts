/**
 * The state of the simulated spreadsheet: sheets of cells, developer
 * metadata, protections and charts. No logging and no permission checks here:
 * the service objects (spreadsheet.ts, range.ts) add those.
 */
import type { GridRect } from "./a1-notation";
import { type Cell, MAX_SPREADSHEET_CELLS, hasContent } from "./cell";

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
 * One sheet's grid and settings.
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
  /** rows[r-1][c-1]; sparse. */
  rows: (Cell | undefined)[][] = [];

  constructor(name: string, sheetId: number) {
    this.name = name;
    this.sheetId = sheetId;
  }

  /** The cell at (row, column), 1-based, or undefined. */
  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cell at (row, column), created when missing. */
  cellForWrite(row: number, column: number): Cell {
    let r = this.rows[row - 1];
    if (!r) r = this.rows[row - 1] = [];
    let cell = r[column - 1];
    if (!cell) cell = r[column - 1] = {};
    return cell;
  }

  /** Last row holding content (0 when none). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row?.some((cell) => hasContent(cell))) return r;
    }
    return 0;
  }

  /** Last column holding content (0 when none). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--)
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
    }
    return last;
  }

  /** Inserts `count` blank rows before row `before` (1-based). */
  insertRowsBefore(before: number, count: number): void {
    if (this.rows.length >= before)
      this.rows = this.rows
        .slice(0, before - 1)
        .concat(new Array<(Cell | undefined)[]>(count), this.rows.slice(before - 1));
    this.maxRows += count;
  }

  /** Deletes rows start..start+count-1. */
  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  /** Inserts `count` blank columns before column `before`. */
  insertColumnsBefore(before: number, count: number): void {
    this.rows = this.rows.map((row) =>
      row && row.length >= before
        ? row.slice(0, before - 1).concat(new Array<Cell | undefined>(count), row.slice(before - 1))
        : row,
    );
    this.maxColumns += count;
  }

  /** Deletes columns start..start+count-1. */
  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) if (row) row.splice(start - 1, count);
    this.maxColumns -= count;
  }

  /** Visits every existing cell inside a rectangle. */
  forEachCell(rect: GridRect, visit: (cell: Cell, row: number, column: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const row = this.rows[r - 1];
      if (!row) continue;
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        const cell = row[c - 1];
        if (cell) visit(cell, r, c);
      }
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
