/**
 * Sheet: one sheet of the simulated spreadsheet as the script sees it.
 */
import { type GridRect, parseA1, splitSheetName } from "./a1-notation";
import { displayCell } from "./cell-values";
import { type EmbeddedChartBuilderFacade, EmbeddedChartFacade, exposeChart, newChartBuilder } from "./charts";
import {
  type DeveloperMetadataFacade,
  DeveloperMetadataFinderFacade,
  addMetadata,
  metadataAt,
} from "./developer-metadata";
import { type Execution, type ServiceKinds, unwrapService } from "./execution";
import { type ProtectionFacade, addProtection, assertEditable, exposeProtection } from "./protection";
import { RangeFacade, checkRect, exposeRange } from "./range";
import type { SheetModel, SpreadsheetModel } from "./sheet-model";
import { type SpreadsheetFacade, exposeSpreadsheet } from "./spreadsheet";
import { writeKinds } from "./write-kinds";
import { signatureError } from "./signature-error";

const SHEET_KINDS: ServiceKinds = {
  ...writeKinds(
    "setName",
    "insertRowsAfter",
    "insertRowsBefore",
    "insertRowAfter",
    "insertRowBefore",
    "insertRows",
    "insertColumnsAfter",
    "insertColumnsBefore",
    "insertColumnAfter",
    "insertColumnBefore",
    "insertColumns",
    "deleteRows",
    "deleteRow",
    "deleteColumns",
    "deleteColumn",
    "appendRow",
    "clear",
    "clearContents",
    "clearFormats",
    "clearNotes",
    "setFrozenRows",
    "setFrozenColumns",
    "setColumnWidth",
    "setColumnWidths",
    "autoResizeColumns",
    "autoResizeColumn",
    "hideSheet",
    "showSheet",
    "protect",
    "insertChart",
    "removeChart",
    "updateChart",
    "addDeveloperMetadata",
    "setTabColor",
  ),
  getSheetValues: "read",
};

/**
 * Wraps a sheet for the script.
 *
 * @example
 * exposeSheet(execution, ss, ss.sheets[0]).getName();
 */
export function exposeSheet(x: Execution, ss: SpreadsheetModel, sheet: SheetModel): SheetFacade {
  return x.expose("Sheet", new SheetFacade(x, ss, sheet), SHEET_KINDS);
}

/** The two directions a sheet grows and shrinks in. */
type Dimension = "rows" | "columns";

function intArgs(method: string, args: unknown[]): number[] {
  if (!args.every((a) => typeof a === "number" && Number.isInteger(a))) {
    const types = args
      .map((a) =>
        typeof a === "number" ? "number" : a === null ? "null" : typeof a === "string" ? "String" : typeof a,
      )
      .join(",");
    throw signatureError(`SpreadsheetApp.Sheet.${method}`, types);
  }
  return args as number[];
}

/**
 * Sheets' name rule: 1-100 characters, unique ignoring case.
 *
 * @example
 * checkSheetName(ss, "Sales"); // throws when another sheet is called "sales"
 */
export function checkSheetName(ss: SpreadsheetModel, name: string, self?: SheetModel): void {
  if (name.trim() === "" || name.length > 100) throw new Error(`Invalid sheet name: "${name}"`);
  const other = ss.sheetByName(name);
  if (other && other !== self)
    throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/**
 * A Sheet as the script sees it.
 *
 * @example
 * const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sales");
 * const rows = sheet.getDataRange().getValues();
 */
export class SheetFacade {
  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
  ) {}

  _self(): this {
    return this._x.expose("Sheet", this, SHEET_KINDS);
  }
  _range(rect: GridRect): RangeFacade {
    checkRect(this._x, this._sheet, rect);
    return exposeRange(this._x, this._ss, this._sheet, rect);
  }
  _editWhole(): void {
    assertEditable(this._ss, this._sheet, null, this._x.context.user);
  }
  /** Moves the protected ranges at or past `at` along a dimension by `count` (negative: back). */
  _shift(dimension: Dimension, at: number, count: number): void {
    const coordinate = dimension === "rows" ? "row" : "column";
    for (const p of this._ss.protections)
      if (p.sheetId === this._sheet.sheetId && p.rect && p.rect[coordinate] >= at) p.rect[coordinate] += count;
  }
  _insert(dimension: Dimension, before: number, count: number, method: string): this {
    intArgs(method, [before, count]);
    const size = dimension === "rows" ? this._sheet.maxRows : this._sheet.maxColumns;
    if (count < 1 || before < 1 || before > size + 1) throw new Error(`Those ${dimension} are out of bounds.`);
    this._editWhole();
    if (dimension === "rows") this._sheet.insertRowsBefore(before, count);
    else this._sheet.insertColumnsBefore(before, count);
    this._shift(dimension, before, count);
    this._ss.assertCellLimit();
    return this._self();
  }

  getName(): string {
    return this._sheet.name;
  }
  setName(name: unknown): this {
    if (typeof name !== "string") throw new Error("Invalid argument: name");
    checkSheetName(this._ss, name, this._sheet);
    this._sheet.name = name;
    return this._self();
  }
  getSheetId(): number {
    return this._sheet.sheetId;
  }
  getIndex(): number {
    return this._ss.sheets.indexOf(this._sheet) + 1;
  }
  getParent(): SpreadsheetFacade {
    return exposeSpreadsheet(this._x, this._ss);
  }
  getType(): string {
    return "GRID";
  }
  activate(): this {
    this._ss.activeSheetId = this._sheet.sheetId;
    return this._self();
  }

  // ---- ranges
  getRange(...args: unknown[]): RangeFacade {
    if (args.length === 1 && typeof args[0] === "string") {
      const { sheetName, a1 } = splitSheetName(args[0]);
      if (sheetName !== null && sheetName.toLowerCase() !== this._sheet.name.toLowerCase())
        throw new Error("Range not found");
      const rect = parseA1(a1, this._sheet.maxRows, this._sheet.maxColumns);
      if (!rect) throw new Error("Range not found");
      return this._range(rect);
    }
    if (args.length < 2 || args.length > 4) throw signatureError("SpreadsheetApp.Sheet.getRange");
    const [row, column, numRows = 1, numColumns = 1] = intArgs("getRange", args);
    return this._range({ row, column, numRows, numColumns });
  }
  getDataRange(): RangeFacade {
    return exposeRange(this._x, this._ss, this._sheet, {
      row: 1,
      column: 1,
      numRows: Math.max(1, this._sheet.lastRow()),
      numColumns: Math.max(1, this._sheet.lastColumn()),
    });
  }
  getSheetValues(startRow: unknown, startColumn: unknown, numRows: unknown, numColumns: unknown): unknown[][] {
    const [row, column, nr, nc] = intArgs("getSheetValues", [startRow, startColumn, numRows, numColumns]);
    const rect = {
      row,
      column,
      numRows: nr === -1 ? this._sheet.lastRow() - row + 1 : nr,
      numColumns: nc === -1 ? this._sheet.lastColumn() - column + 1 : nc,
    };
    checkRect(this._x, this._sheet, rect);
    return new RangeFacade(this._x, this._ss, this._sheet, rect).getValues();
  }
  getLastRow(): number {
    return this._sheet.lastRow();
  }
  getLastColumn(): number {
    return this._sheet.lastColumn();
  }
  getMaxRows(): number {
    return this._sheet.maxRows;
  }
  getMaxColumns(): number {
    return this._sheet.maxColumns;
  }

  // ---- structure
  insertRowsAfter(afterPosition: unknown, howMany: unknown): this {
    return this._insert("rows", Number(afterPosition) + 1, howMany as number, "insertRowsAfter");
  }
  insertRowsBefore(beforePosition: unknown, howMany: unknown): this {
    return this._insert("rows", beforePosition as number, howMany as number, "insertRowsBefore");
  }
  insertRows(rowIndex: unknown, numRows: unknown = 1): this {
    return this._insert("rows", rowIndex as number, numRows as number, "insertRows");
  }
  insertRowAfter(afterPosition: unknown): this {
    return this._insert("rows", Number(afterPosition) + 1, 1, "insertRowAfter");
  }
  insertRowBefore(beforePosition: unknown): this {
    return this._insert("rows", beforePosition as number, 1, "insertRowBefore");
  }
  insertColumnsAfter(afterPosition: unknown, howMany: unknown): this {
    return this._insert("columns", Number(afterPosition) + 1, howMany as number, "insertColumnsAfter");
  }
  insertColumnsBefore(beforePosition: unknown, howMany: unknown): this {
    return this._insert("columns", beforePosition as number, howMany as number, "insertColumnsBefore");
  }
  insertColumns(columnIndex: unknown, numColumns: unknown = 1): this {
    return this._insert("columns", columnIndex as number, numColumns as number, "insertColumns");
  }
  insertColumnAfter(afterPosition: unknown): this {
    return this._insert("columns", Number(afterPosition) + 1, 1, "insertColumnAfter");
  }
  insertColumnBefore(beforePosition: unknown): this {
    return this._insert("columns", beforePosition as number, 1, "insertColumnBefore");
  }
  deleteRows(rowPosition: unknown, howMany: unknown): void {
    const [start, count] = intArgs("deleteRows", [rowPosition, howMany]);
    if (start < 1 || count < 1 || start + count - 1 > this._sheet.maxRows)
      throw new Error("Those rows are out of bounds.");
    if (count >= this._sheet.maxRows - this._sheet.frozenRows)
      throw new Error("You can't delete all the rows on the sheet.");
    this._editWhole();
    this._sheet.deleteRows(start, count);
    this._ss.protections = this._ss.protections.filter(
      (p) =>
        !(
          p.sheetId === this._sheet.sheetId &&
          p.rect &&
          p.rect.row >= start &&
          p.rect.row + p.rect.numRows <= start + count
        ),
    );
    this._shift("rows", start + count, -count);
  }
  deleteRow(rowPosition: unknown): void {
    this.deleteRows(rowPosition, 1);
  }
  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    const [start, count] = intArgs("deleteColumns", [columnPosition, howMany]);
    if (start < 1 || count < 1 || start + count - 1 > this._sheet.maxColumns)
      throw new Error("Those columns are out of bounds.");
    if (count >= this._sheet.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    this._editWhole();
    this._sheet.deleteColumns(start, count);
    this._shift("columns", start + count, -count);
  }
  deleteColumn(columnPosition: unknown): void {
    this.deleteColumns(columnPosition, 1);
  }
  /** Appends after the last row with content, growing the grid as Sheets does. */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) throw signatureError("SpreadsheetApp.Sheet.appendRow");
    const row = this._sheet.lastRow() + 1;
    const width = Math.max(1, rowContents.length);
    if (row > this._sheet.maxRows) this._sheet.maxRows = row;
    if (width > this._sheet.maxColumns) this._sheet.maxColumns = width;
    this._ss.assertCellLimit();
    if (rowContents.length > 0) {
      const range = new RangeFacade(this._x, this._ss, this._sheet, {
        row,
        column: 1,
        numRows: 1,
        numColumns: rowContents.length,
      });
      range._writeValues((_i, j) => rowContents[j]);
    }
    return this._self();
  }
  clear(options?: unknown): this {
    this._editWhole();
    new RangeFacade(this._x, this._ss, this._sheet, {
      row: 1,
      column: 1,
      numRows: this._sheet.maxRows,
      numColumns: this._sheet.maxColumns,
    }).clear(options);
    return this._self();
  }
  clearContents(): this {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): this {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): this {
    return this.clear({ commentsOnly: true });
  }
  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }
  setFrozenRows(rows: unknown): void {
    const [n] = intArgs("setFrozenRows", [rows]);
    if (n < 0 || n >= this._sheet.maxRows) throw new Error("Invalid argument: rows");
    this._sheet.frozenRows = n;
  }
  getFrozenColumns(): number {
    return this._sheet.frozenColumns;
  }
  setFrozenColumns(columns: unknown): void {
    const [n] = intArgs("setFrozenColumns", [columns]);
    if (n < 0 || n >= this._sheet.maxColumns) throw new Error("Invalid argument: columns");
    this._sheet.frozenColumns = n;
  }
  getColumnWidth(columnPosition: unknown): number {
    return this._sheet.columnWidths.get(Number(columnPosition)) ?? 100;
  }
  setColumnWidth(columnPosition: unknown, width: unknown): this {
    const [column, w] = intArgs("setColumnWidth", [columnPosition, width]);
    this._sheet.columnWidths.set(column, w);
    return this._self();
  }
  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): this {
    const [start, count, w] = intArgs("setColumnWidths", [startColumn, numColumns, width]);
    for (let c = start; c < start + count; c++) this._sheet.columnWidths.set(c, w);
    return this._self();
  }
  /** Sets each column's width from its longest displayed text (7 px a character + 10). */
  autoResizeColumns(startColumn: unknown, numColumns: unknown): this {
    const [start, count] = intArgs("autoResizeColumns", [startColumn, numColumns]);
    for (let c = start; c < start + count; c++) {
      let longest = 0;
      for (let r = 1; r <= this._sheet.lastRow(); r++)
        longest = Math.max(longest, displayCell(this._sheet.cell(r, c)).length);
      this._sheet.columnWidths.set(c, Math.max(20, longest * 7 + 10));
    }
    return this._self();
  }
  autoResizeColumn(columnPosition: unknown): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  hideSheet(): this {
    if (this._ss.sheets.filter((s) => !s.hidden && s !== this._sheet).length === 0)
      throw new Error("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    return this._self();
  }
  showSheet(): this {
    this._sheet.hidden = false;
    return this._self();
  }
  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }
  setTabColor(color: unknown): this {
    this._sheet.tabColor = color === null || color === undefined ? null : String(color);
    return this._self();
  }
  getTabColor(): string | null {
    return this._sheet.tabColor;
  }

  // ---- protection
  protect(): ProtectionFacade {
    this._editWhole();
    return addProtection(this._x, this._ss, this._sheet, null);
  }
  getProtections(type: unknown): ProtectionFacade[] {
    if (type !== "SHEET" && type !== "RANGE") throw signatureError("SpreadsheetApp.Sheet.getProtections");
    return this._ss.protections
      .filter((p) => p.sheetId === this._sheet.sheetId && p.type === type)
      .map((p) => exposeProtection(this._x, this._ss, p));
  }

  // ---- charts
  newChart(): EmbeddedChartBuilderFacade {
    return newChartBuilder(this._x, this._ss, this._sheet.sheetId);
  }
  insertChart(chart: unknown): void {
    const built = unwrapService(chart, EmbeddedChartFacade);
    if (!built) throw signatureError("SpreadsheetApp.Sheet.insertChart");
    const id = this._ss.nextId++;
    this._ss.charts.push({
      ...built._spec,
      ranges: [...built._spec.ranges],
      options: { ...built._spec.options },
      id,
      sheetId: this._sheet.sheetId,
    });
  }
  getCharts(): EmbeddedChartFacade[] {
    return this._ss.charts
      .filter((c) => c.sheetId === this._sheet.sheetId)
      .map((c) => exposeChart(this._x, this._ss, c));
  }
  removeChart(chart: unknown): void {
    const built = unwrapService(chart, EmbeddedChartFacade);
    if (!built || built._spec.id === null) throw new Error("Invalid argument: chart");
    this._ss.charts = this._ss.charts.filter((c) => c.id !== built._spec.id);
  }
  updateChart(chart: unknown): void {
    const built = unwrapService(chart, EmbeddedChartFacade);
    if (!built || built._spec.id === null) throw new Error("Invalid argument: chart");
    const index = this._ss.charts.findIndex((c) => c.id === built._spec.id);
    if (index < 0) throw new Error("Invalid argument: chart");
    const spec = built._spec;
    this._ss.charts[index] = { ...spec, id: spec.id as number, ranges: [...spec.ranges], options: { ...spec.options } };
  }

  // ---- developer metadata
  addDeveloperMetadata(...args: unknown[]): this {
    addMetadata(this._x, this._ss, this._sheet.sheetId, args);
    return this._self();
  }
  getDeveloperMetadata(): DeveloperMetadataFacade[] {
    return metadataAt(this._x, this._ss, this._sheet.sheetId);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFacade {
    return this._x.expose(
      "DeveloperMetadataFinder",
      new DeveloperMetadataFinderFacade(this._x, this._ss, this._sheet.sheetId),
      { find: "read" },
    );
  }
}
