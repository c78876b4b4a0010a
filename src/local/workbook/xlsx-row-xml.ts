/**
 * The XML of plain rows (numbers, text, booleans and dates, no notes and no
 * formulas) written straight into a sheet of exceljs's streaming writer, as
 * exceljs would write them but for text, which is written in its cell (see
 * {@link writtenInline}). exceljs makes a row object, a cell object per cell,
 * a model per cell and an XML tree per row; for a 200,000-row sheet that was
 * most of the write's time and garbage. Rows with notes or formulas, and the
 * header row, still go through exceljs (see writeWorksheet in
 * xlsx-workbook.ts), which keeps comments, formula and header styling its own.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import { columnLetters } from "../../core/a1-notation";

/** The parts of exceljs's streaming worksheet writer this file writes through (exceljs 4.4). */
interface WorksheetWriterInternals {
  readonly stream: { write(bytes: Buffer): void };
  startedData: boolean;
  /** The first row exceljs has not committed yet: its own rows start here. */
  _rowZero: number;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

/** The parts of exceljs's streaming workbook writer this file uses. */
interface WorkbookWriterInternals {
  readonly styles: { addStyleModel(style: object, cellType?: ExcelJS.ValueType): number };
  readonly sharedStrings: { add(text: string): number };
}

/** Bytes of XML gathered before they are handed to the zip in one piece. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Writes plain rows of one sheet as exceljs's row writer would (the same row
 * and cell XML and the same style ids, each asked of exceljs's style table in
 * the order exceljs would ask), text aside. The XML is written into byte
 * chunks as it is made: a string per row made and joined was garbage for the
 * collector.
 *
 * @example
 * const rows = new PlainRowWriter(book, worksheet);
 * rows.begin(2, 1, 2); // row 2, cells in columns 1 to 2
 * rows.text(1, "R101", textStyle);
 * rows.number(2, 0.93, numberStyle);
 * rows.end();
 * rows.flush(); // before exceljs writes a row of its own, and before the sheet is committed
 */
export class PlainRowWriter {
  private readonly book: WorkbookWriterInternals;
  private readonly sheet: WorksheetWriterInternals;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private rowNumber = 0;
  /** The style id of a row's own style (null until asked), "" when it has none. */
  private rowStyle: string | null = null;
  private readonly letters: string[] = [];

  constructor(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet) {
    this.book = book as unknown as WorkbookWriterInternals;
    this.sheet = sheet as unknown as WorksheetWriterInternals;
  }

  /**
   * Starts row `rowNumber` (1-based), whose cells are in columns `firstColumn`
   * to `lastColumn` (1-based, the first and last cell that will be added).
   */
  begin(rowNumber: number, firstColumn: number, lastColumn: number): void {
    if (this.rowStyle === null) {
      // exceljs asks for a row's own (empty) style before its cells' styles; asked once, as its answer never changes.
      const id = this.book.styles.addStyleModel({});
      this.rowStyle = id ? ` s="${id}" customFormat="1"` : "";
    }
    this.rowNumber = rowNumber;
    this.put(`<row r="${rowNumber}" spans="${firstColumn}:${lastColumn}"${this.rowStyle} x14ac:dyDescent="0.25">`);
  }

  /** Adds a number cell to the current row; columns (1-based) come in increasing order. */
  number(column: number, value: number, style: object): void {
    this.add(column, style, ExcelJS.ValueType.Number, "", `${value}`);
  }

  /** Adds a boolean cell to the current row. */
  boolean(column: number, value: boolean, style: object): void {
    this.add(column, style, ExcelJS.ValueType.Boolean, ' t="b"', value ? "1" : "0");
  }

  /** Adds a text cell to the current row: in the cell, or as a shared string (see {@link writtenInline}). */
  text(column: number, value: string, style: object): void {
    if (!writtenInline(value)) {
      this.add(column, style, ExcelJS.ValueType.String, ' t="s"', `${this.book.sharedStrings.add(value)}`);
      return;
    }
    const styleId = this.book.styles.addStyleModel(style, ExcelJS.ValueType.String);
    const styled = styleId ? ` s="${styleId}"` : "";
    const preserve = /^\s|\n|\s$/.test(value) ? ' xml:space="preserve"' : "";
    this.put(`<c r="${this.letter(column)}${this.rowNumber}"${styled} t="inlineStr"><is><t${preserve}>`);
    this.putUtf8(excelUtils.xmlEncode(value));
    this.put("</t></is></c>");
  }

  /** Adds a date cell to the current row, given as Excel's serial day number (see {@link excelSerial}). */
  date(column: number, serial: number, style: object): void {
    this.add(column, style, ExcelJS.ValueType.Date, "", `${serial}`);
  }

  /** Ends the current row. */
  end(): void {
    this.put("</row>");
  }

  /** Writes the rows so far, and lets exceljs carry on after the last row begun. */
  flush(): void {
    this.writeChunk();
    if (this.rowNumber >= this.sheet._rowZero) this.sheet._rowZero = this.rowNumber + 1;
  }

  private add(column: number, style: object, cellType: ExcelJS.ValueType, type: string, shown: string): void {
    const styleId = this.book.styles.addStyleModel(style, cellType);
    const styled = styleId ? ` s="${styleId}"` : "";
    this.put(`<c r="${this.letter(column)}${this.rowNumber}"${styled}${type}><v>${shown}</v></c>`);
  }

  private put(ascii: string): void {
    if (this.used + ascii.length > this.chunk.length) {
      this.writeChunk();
      if (ascii.length > this.chunk.length) this.chunk = Buffer.allocUnsafe(ascii.length);
    }
    this.used += this.chunk.write(ascii, this.used, "latin1");
  }

  private putUtf8(text: string): void {
    const most = text.length * 3; // UTF-8 bytes of a UTF-16 code unit
    if (this.used + most > this.chunk.length) {
      this.writeChunk();
      if (most > this.chunk.length) this.chunk = Buffer.allocUnsafe(most);
    }
    this.used += this.chunk.write(text, this.used, "utf8");
  }

  private writeChunk(): void {
    if (this.used === 0) return;
    if (!this.sheet.startedData) {
      this.sheet._writeColumns();
      this.sheet._writeOpenSheetData();
      this.sheet.startedData = true;
    }
    // The zip takes the bytes as they are (exceljs hands a worksheet's chunks on without copying), so a new chunk follows.
    this.sheet.stream.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  private letter(column: number): string {
    let letters = this.letters[column];
    if (letters === undefined) letters = this.letters[column] = columnLetters(column);
    return letters;
  }
}

/**
 * Whether a text is written in its cell (an inline string) rather than in the
 * shared strings. Looking every text up in one table, most of them distinct
 * (deal IDs, customers), was the slowest part of writing a big sheet. Text
 * with "&" or "_x" stays shared: exceljs's reader decodes entities of inline
 * text twice ("&amp;lt;" reads as "<") and "_x0041_" escapes only in shared
 * strings, and such text must read back as it always has.
 */
function writtenInline(text: string): boolean {
  return !text.includes("&") && !text.includes("_x");
}

/**
 * Excel's serial day number of "wall ms" (a wall clock's fields read as UTC),
 * computed as exceljs computes it from a Date, so the bytes match.
 *
 * @example
 * excelSerial(Date.UTC(1970, 0, 1)); // 25569
 */
export function excelSerial(wallMs: number): number {
  return excelUtils.dateToExcel(new Date(wallMs), false);
}

const excelUtils = createRequire(import.meta.url)("exceljs/lib/utils/utils.js") as {
  dateToExcel(date: Date, date1904: boolean): number;
  xmlEncode(text: string): string;
};
