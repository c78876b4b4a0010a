/**
 * Range: reading and writing cells. Writes check shapes (with Sheets'
 * messages), protections and strict data validation, and parse strings like
 * typed input (see typed-input.ts). Formulas read back as "#ERROR!" (the
 * simulator does not compute them); use getFormulas().
 */
import { type GridRect, formatA1 } from "./a1-notation";
import type { Cell, CellContent } from "./cell";
import type { CellColumn } from "./cell-column";
import { builtForRealm } from "./realm";
import { type ValueEnv, displayCell, readCell, toContent } from "./cell-values";
import { type DataValidationService, exposeRule, ruleSpecOf, satisfiesRule } from "./data-validation";
import type { Execution, ServiceKinds } from "./execution";
import { DEFAULT_NUMBER_FORMAT, formatKind } from "./number-format";
import { type ProtectionFacade, addProtection, assertEditable } from "./protection";
import type { SheetModel, SpreadsheetModel } from "./sheet-model";
import { type SheetFacade, exposeSheet } from "./sheet";
import { signatureError } from "./signature-error";

/** Style attributes and their defaults, by the suffix of their setters. */
const STYLES: Record<string, { key: string; fallback: string | number | boolean }> = {
  FontWeight: { key: "fontWeight", fallback: "normal" },
  Background: { key: "background", fallback: "#ffffff" },
  FontColor: { key: "fontColor", fallback: "#000000" },
  Wrap: { key: "wrap", fallback: false },
  WrapStrategy: { key: "wrapStrategy", fallback: "OVERFLOW" },
  HorizontalAlignment: { key: "horizontalAlignment", fallback: "general" },
  VerticalAlignment: { key: "verticalAlignment", fallback: "bottom" },
  FontSize: { key: "fontSize", fallback: 10 },
  FontStyle: { key: "fontStyle", fallback: "normal" },
  FontFamily: { key: "fontFamily", fallback: "Arial" },
  FontLine: { key: "fontLine", fallback: "none" },
};

const READ_METHODS = [
  "getValues",
  "getValue",
  "getDisplayValues",
  "getDisplayValue",
  "getFormulas",
  "getFormula",
  "getNotes",
  "getNote",
  "getNumberFormats",
  "getNumberFormat",
  "getDataValidations",
  "getDataValidation",
  "isBlank",
  ...Object.keys(STYLES).flatMap((s) => [`get${s}`, `get${s}s`]),
];
const WRITE_METHODS = [
  "setValues",
  "setValue",
  "setFormula",
  "setFormulas",
  "setNumberFormat",
  "setNumberFormats",
  "setNote",
  "setNotes",
  "setDataValidation",
  "setDataValidations",
  "clearDataValidations",
  "clear",
  "clearContent",
  "clearFormat",
  "clearNote",
  "protect",
  "setBorder",
  "merge",
  "breakApart",
  ...Object.keys(STYLES).flatMap((s) => [`set${s}`, `set${s}s`]),
];

/** Call kinds of Range methods. */
const RANGE_KINDS: ServiceKinds = Object.fromEntries([
  ...READ_METHODS.map((m) => [m, "read"] as const),
  ...WRITE_METHODS.map((m) => [m, "write"] as const),
]);

/** Sheets' message when a range leaves the grid. */
const OUTSIDE_GRID_MESSAGE = "The coordinates of the range are outside the dimensions of the sheet.";

/**
 * Checks a rectangle against the sheet's grid; in the simulator's "strict"
 * grid mode (the default, as Sheets) a rectangle past the last row or column
 * throws; in "grow" mode it is allowed (writes grow the grid).
 *
 * @example
 * checkRect(execution, sheet, { row: 1, column: 1, numRows: 2000, numColumns: 1 }); // throws in strict mode
 */
export function checkRect(x: Execution, sheet: SheetModel, rect: GridRect): void {
  if (rect.row < 1) throw new Error("The starting row of the range is too small.");
  if (rect.column < 1) throw new Error("The starting column of the range is too small.");
  if (rect.numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
  if (rect.numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
  if (
    x.sim.options.grid === "strict" &&
    (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns)
  ) {
    throw new Error(OUTSIDE_GRID_MESSAGE);
  }
}

/**
 * Wraps a rectangle of a sheet as a script-visible Range.
 *
 * @example
 * exposeRange(execution, ss, sheet, { row: 1, column: 1, numRows: 1, numColumns: 3 }).getValues();
 */
export function exposeRange(x: Execution, ss: SpreadsheetModel, sheet: SheetModel, rect: GridRect): RangeFacade {
  return x.expose("Range", new RangeFacade(x, ss, sheet, rect), RANGE_KINDS);
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return Array.isArray(value[0]) ? "Object[][]" : "Object[]";
  if (value === null) return "null";
  return typeof value === "object" ? "Object" : typeof value === "string" ? "String" : typeof value;
}

/**
 * A Range as the script sees it.
 *
 * @example
 * sheet.getRange(2, 1, rows.length, 3).setValues(rows);
 */
export class RangeFacade {
  _r: GridRect;

  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
    rect: GridRect,
  ) {
    this._r = { ...rect };
  }

  _env(): ValueEnv {
    return { timeZone: this._ss.timeZone, locale: this._ss.locale, now: this._x.sim.clock.now() };
  }

  _map<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._r.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this._r.numColumns; j++)
        row.push(fn(this._sheet.cell(this._r.row + i, this._r.column + j), this._r.row + i, this._r.column + j));
      out.push(row);
    }
    return out;
  }

  /** Checks that `values` is a 2-D array of exactly the range's shape. */
  _matrix(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
      throw signatureError(`SpreadsheetApp.Range.${method}`, typeName(values));
    }
    if (values.length !== this._r.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._r.numRows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== this._r.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._r.numColumns}.`,
        );
      }
    }
    return values as unknown[][];
  }

  /** Prepares a write: protection check and, in "grow" mode, grid growth. */
  _beginWrite(): void {
    assertEditable(this._ss, this._sheet, this._r, this._x.context.user);
    const lastRow = this._r.row + this._r.numRows - 1;
    const lastColumn = this._r.column + this._r.numColumns - 1;
    if (lastRow > this._sheet.maxRows || lastColumn > this._sheet.maxColumns) {
      this._sheet.maxRows = Math.max(this._sheet.maxRows, lastRow);
      this._sheet.maxColumns = Math.max(this._sheet.maxColumns, lastColumn);
      this._ss.assertCellLimit();
    }
  }

  /** Writes one attribute to every cell from a 2-D array (or one value). */
  _eachCell(apply: (cell: Cell, i: number, j: number) => void): void {
    this._beginWrite();
    for (let i = 0; i < this._r.numRows; i++) {
      for (let j = 0; j < this._r.numColumns; j++)
        apply(this._sheet.cellForWrite(this._r.row + i, this._r.column + j), i, j);
    }
  }

  /** Changes every existing cell of the range (clearing creates no cells). */
  _eachExisting(apply: (cell: Cell) => void): void {
    this._beginWrite();
    this._sheet.forEachCell(this._r, (cell) => apply(cell));
  }

  /**
   * Converts, validates (all cells first, row by row) and stores values,
   * straight into the sheet's columns: a run writes over a million cells.
   */
  _writeValues(valueAt: (i: number, j: number) => unknown, formulas = false): void {
    const env = this._env();
    const { row, column, numRows, numColumns } = this._r;
    const columns: (CellColumn | undefined)[] = [];
    for (let j = 0; j < numColumns; j++) columns.push(this._sheet.columnAt(column + j));
    const contents: (CellContent | undefined)[] = new Array(numRows * numColumns);
    const autoFormats: (string | undefined)[] = new Array(numRows * numColumns);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) {
        const cells = columns[j];
        const value = valueAt(i, j);
        const written =
          formulas && typeof value === "string" && value.startsWith("=")
            ? { content: { kind: "formula", formula: value } as CellContent }
            : toContent(value, cells?.attribute("format", row + i - 1), env);
        const rule = cells?.attribute("validation", row + i - 1);
        if (rule && !rule.allowInvalid && written.content && !satisfiesRule(rule, written.content, env.timeZone)) {
          const a1 = formatA1({ row: row + i, column: column + j, numRows: 1, numColumns: 1 });
          throw new Error(`The data you entered in cell ${a1} violates the data validation rules set on this cell.`);
        }
        contents[i * numColumns + j] = written.content;
        autoFormats[i * numColumns + j] = written.autoFormat;
      }
    }
    this._beginWrite();
    for (let j = 0; j < numColumns; j++) {
      const cells = this._sheet.columnForWrite(column + j);
      for (let i = 0; i < numRows; i++) {
        const index = row + i - 1;
        cells.setContent(index, contents[i * numColumns + j]);
        const autoFormat = autoFormats[i * numColumns + j];
        if (autoFormat && formatKind(cells.attribute("format", index)) === "general")
          cells.setAttribute("format", index, autoFormat);
      }
    }
  }

  _style(suffix: string): { key: string; fallback: string | number | boolean } {
    return STYLES[suffix];
  }

  _self(): this {
    return this._x.expose("Range", this, RANGE_KINDS);
  }

  // ---- geometry
  getRow(): number {
    return this._r.row;
  }
  getColumn(): number {
    return this._r.column;
  }
  getNumRows(): number {
    return this._r.numRows;
  }
  getNumColumns(): number {
    return this._r.numColumns;
  }
  getLastRow(): number {
    return this._r.row + this._r.numRows - 1;
  }
  getLastColumn(): number {
    return this._r.column + this._r.numColumns - 1;
  }
  getA1Notation(): string {
    return formatA1(this._r);
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }
  getSheet(): SheetFacade {
    return exposeSheet(this._x, this._ss, this._sheet);
  }
  getCell(row: unknown, column: unknown): RangeFacade {
    const r = Number(row);
    const c = Number(column);
    if (
      !Number.isInteger(r) ||
      !Number.isInteger(c) ||
      r < 1 ||
      c < 1 ||
      r > this._r.numRows ||
      c > this._r.numColumns
    ) {
      throw new Error("Cell reference out of range");
    }
    return exposeRange(this._x, this._ss, this._sheet, {
      row: this._r.row + r - 1,
      column: this._r.column + c - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): RangeFacade {
    const rect: GridRect = {
      row: this._r.row + Number(rowOffset),
      column: this._r.column + Number(columnOffset),
      numRows: numRows === undefined ? this._r.numRows : Number(numRows),
      numColumns: numColumns === undefined ? this._r.numColumns : Number(numColumns),
    };
    if (Object.values(rect).some((v) => !Number.isInteger(v))) throw signatureError("SpreadsheetApp.Range.offset");
    checkRect(this._x, this._sheet, rect);
    return exposeRange(this._x, this._ss, this._sheet, rect);
  }
  activate(): this {
    this._ss.activeSheetId = this._sheet.sheetId;
    return this._self();
  }

  // ---- values
  getValues(): unknown[][] {
    const env = this._env();
    const { row, column, numRows, numColumns } = this._r;
    const columns: (CellColumn | undefined)[] = [];
    for (let j = 0; j < numColumns; j++) columns.push(this._sheet.columnAt(column + j));
    // One cell object reused for every cell (readCell keeps none): a run reads millions of cells.
    const cell: Cell = {};
    // Built in the script's realm (no second copy of a million rows), arrays at their size (push leaves spare room).
    const realm = this._x.realm;
    const out: unknown[][] = new realm.Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const values: unknown[] = new realm.Array(numColumns);
      for (let j = 0; j < numColumns; j++) {
        const cells = columns[j];
        cell.content = cells?.content(row + i - 1);
        cell.format = cell.content === undefined ? undefined : cells?.attribute("format", row + i - 1);
        const v = readCell(cell, env);
        values[j] = typeof v === "object" ? new realm.Date(v.date) : v;
      }
      out[i] = values;
    }
    return builtForRealm(out);
  }
  getValue(): unknown {
    const v = readCell(this._sheet.cell(this._r.row, this._r.column), this._env());
    return typeof v === "object" ? new Date(v.date) : v;
  }
  getDisplayValues(): string[][] {
    return this._map((cell) => displayCell(cell));
  }
  getDisplayValue(): string {
    return displayCell(this._sheet.cell(this._r.row, this._r.column));
  }
  setValues(values: unknown): this {
    const matrix = this._matrix(values, "setValues");
    this._writeValues((i, j) => matrix[i][j]);
    return this._self();
  }
  setValue(value: unknown): this {
    this._writeValues(() => value);
    return this._self();
  }
  getFormulas(): string[][] {
    return this._map((cell) => (cell?.content?.kind === "formula" ? cell.content.formula : ""));
  }
  getFormula(): string {
    const content = this._sheet.cell(this._r.row, this._r.column)?.content;
    return content?.kind === "formula" ? content.formula : "";
  }
  setFormulas(formulas: unknown): this {
    const matrix = this._matrix(formulas, "setFormulas");
    this._writeValues((i, j) => matrix[i][j], true);
    return this._self();
  }
  setFormula(formula: unknown): this {
    this._writeValues(() => formula, true);
    return this._self();
  }
  isBlank(): boolean {
    return this._map((cell) => cell?.content === undefined).every((row) => row.every(Boolean));
  }

  // ---- number formats
  getNumberFormats(): string[][] {
    return this._map((cell) => cell?.format ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this._sheet.cell(this._r.row, this._r.column)?.format ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(format: unknown): this {
    if (typeof format !== "string") throw signatureError("SpreadsheetApp.Range.setNumberFormat", typeName(format));
    this._eachCell((cell) => (cell.format = format));
    return this._self();
  }
  setNumberFormats(formats: unknown): this {
    const matrix = this._matrix(formats, "setNumberFormats");
    this._eachCell((cell, i, j) => (cell.format = String(matrix[i][j])));
    return this._self();
  }

  // ---- notes
  getNotes(): string[][] {
    return this._map((cell) => cell?.note ?? "");
  }
  getNote(): string {
    return this._sheet.cell(this._r.row, this._r.column)?.note ?? "";
  }
  setNote(note: unknown): this {
    const text = note === null || note === undefined ? "" : String(note);
    this._eachCell((cell) => (cell.note = text === "" ? undefined : text));
    return this._self();
  }
  setNotes(notes: unknown): this {
    const matrix = this._matrix(notes, "setNotes");
    this._eachCell((cell, i, j) => {
      const v = matrix[i][j];
      cell.note = v === null || v === undefined || v === "" ? undefined : String(v);
    });
    return this._self();
  }
  clearNote(): this {
    this._eachExisting((cell) => (cell.note = undefined));
    return this._self();
  }

  // ---- data validation
  getDataValidation(): DataValidationService | null {
    const spec = this._sheet.cell(this._r.row, this._r.column)?.validation;
    return spec ? exposeRule(this._x, spec) : null;
  }
  getDataValidations(): (DataValidationService | null)[][] {
    return this._map((cell) => (cell?.validation ? exposeRule(this._x, cell.validation) : null));
  }
  setDataValidation(rule: unknown): this {
    const spec = ruleSpecOf(rule);
    this._eachCell((cell) => (cell.validation = spec ?? undefined));
    return this._self();
  }
  setDataValidations(rules: unknown): this {
    const matrix = this._matrix(rules, "setDataValidations");
    const specs = matrix.map((row) => row.map((r) => ruleSpecOf(r)));
    this._eachCell((cell, i, j) => (cell.validation = specs[i][j] ?? undefined));
    return this._self();
  }
  clearDataValidations(): this {
    this._eachExisting((cell) => (cell.validation = undefined));
    return this._self();
  }

  // ---- clearing
  clearContent(): this {
    this._eachExisting((cell) => (cell.content = undefined));
    return this._self();
  }
  clearFormat(): this {
    this._eachExisting((cell) => {
      cell.format = undefined;
      cell.style = undefined;
    });
    return this._self();
  }
  /** clear(): contents and formats; clear({ contentsOnly, formatOnly, validationsOnly, commentsOnly }). Notes and rules stay unless asked. */
  clear(options?: unknown): this {
    const o = (options ?? {}) as {
      contentsOnly?: boolean;
      formatOnly?: boolean;
      validationsOnly?: boolean;
      commentsOnly?: boolean;
    };
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    this._eachExisting((cell) => {
      if (!any || o.contentsOnly) cell.content = undefined;
      if (!any || o.formatOnly) {
        cell.format = undefined;
        cell.style = undefined;
      }
      if (o.validationsOnly) cell.validation = undefined;
      if (o.commentsOnly) cell.note = undefined;
    });
    return this._self();
  }

  // ---- protection
  protect(): ProtectionFacade {
    assertEditable(this._ss, this._sheet, this._r, this._x.context.user);
    return addProtection(this._x, this._ss, this._sheet, this._r);
  }

  // ---- other writes recorded as styles
  setBorder(...args: unknown[]): this {
    const value = JSON.stringify(args.map((a) => (a === undefined ? null : a)));
    this._eachCell((cell) => ((cell.style ??= {}).border = value));
    return this._self();
  }
  merge(): this {
    this._eachCell(
      (cell, i, j) => ((cell.style ??= {}).merged = `${this.getA1Notation()}${i === 0 && j === 0 ? "" : "*"}`),
    );
    return this._self();
  }
  breakApart(): this {
    this._eachExisting((cell) => {
      if (cell.style) delete cell.style.merged;
    });
    return this._self();
  }
}

// Style setters and getters: setFontWeight / setFontWeights / getFontWeight / getFontWeights, and so on.
for (const [suffix, { key, fallback }] of Object.entries(STYLES)) {
  const proto = RangeFacade.prototype as unknown as Record<string, unknown>;
  proto[`set${suffix}`] = function (this: RangeFacade, value: unknown) {
    this._eachCell(
      (cell) =>
        ((cell.style ??= {})[key] =
          value === null || value === undefined ? null : (value as string | number | boolean)),
    );
    return this._self();
  };
  proto[`set${suffix}s`] = function (this: RangeFacade, values: unknown) {
    const matrix = this._matrix(values, `set${suffix}s`);
    this._eachCell(
      (cell, i, j) => ((cell.style ??= {})[key] = (matrix[i][j] ?? null) as string | number | boolean | null),
    );
    return this._self();
  };
  proto[`get${suffix}`] = function (this: RangeFacade) {
    return this._sheet.cell(this._r.row, this._r.column)?.style?.[key] ?? fallback;
  };
  proto[`get${suffix}s`] = function (this: RangeFacade) {
    return this._map((cell) => cell?.style?.[key] ?? fallback);
  };
}
