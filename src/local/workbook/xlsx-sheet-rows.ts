/**
 * A worksheet's rows read straight from its XML, giving each cell what
 * exceljs's streaming reader would have made of it (its value and number
 * format), without a row object, a cell object and a parser event per cell:
 * for a 200,000-row sheet those were most of the read's time and garbage.
 * exceljs still reads the workbook's other parts (shared strings, styles, the
 * sheet list), and this reads the sheet's text as exceljs hands it over.
 *
 * What exceljs's reader does, this does too, quirks included, so that a
 * workbook reads the same either way: a cell's text runs on to the next tag
 * that opens; a cell without a style takes its row's number format; a
 * formula's cached result is a number unless the cell says text (t="str");
 * "str" and inline text are XML-decoded once more; CDATA, comments and
 * processing instructions are skipped. XML it does not expect (a DOCTYPE, an
 * unknown entity, a tag cut short) throws {@link UnexpectedSheetXml}, and the
 * caller reads the workbook with exceljs instead.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { createRequire } from "node:module";

const excelUtils = createRequire(import.meta.url)("exceljs/lib/utils/utils.js") as {
  xmlDecode(text: string): string;
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: number, date1904: boolean): Date;
};

/** XML this reader does not take on; the workbook is read by exceljs instead. */
export class UnexpectedSheetXml extends Error {
  constructor(what: string) {
    super(`unexpected worksheet XML: ${what}`);
    this.name = "UnexpectedSheetXml";
  }
}

/**
 * A cell's value as exceljs's reader sets it: a number, text, boolean, Date,
 * `{ formula, result? }`, `{ error }`, a shared string's `{ richText }`, or
 * null when the cell has none.
 */
type ReaderValue = unknown;

/** A read cell: its value as exceljs would set it, and its number format (undefined: none). */
interface ReaderCell {
  value: ReaderValue;
  numFmt: string | undefined;
}

/** A read row: its number in the sheet, and its cells by column (index 0 is column A; gaps are undefined). */
export interface ReaderRow {
  number: number;
  cells: (ReaderCell | undefined)[];
}

/** What of exceljs's workbook reader a sheet's cells need (exceljs 4.4). */
export interface SheetReaderContext {
  sharedStrings: unknown[] | undefined;
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
}

/** The open XML element a text belongs to, which exceljs fills as text arrives. */
interface TextSlot {
  text: string;
}

/** A cell being read: its reference, style and type attributes, and its formula and value texts. */
interface OpenCell {
  ref: string | undefined;
  s: number;
  t: string | undefined;
  f: TextSlot | undefined;
  v: TextSlot | undefined;
}

/**
 * The rows of one worksheet, from its XML text in chunks (as exceljs's
 * reader passes them on, already decoded).
 *
 * @example
 * for await (const row of sheetRows(worksheet.iterator, reader)) row.cells[0]?.value; // column A
 */
export async function* sheetRows(
  chunks: AsyncIterable<string>,
  context: SheetReaderContext,
): AsyncGenerator<ReaderRow[]> {
  const state = new SheetState(context);
  let carry = "";
  for await (const chunk of chunks) {
    const text = carry + chunk;
    const done = state.scan(text, false);
    carry = text.slice(done);
    const rows = state.takeRows();
    if (rows.length > 0) yield rows;
  }
  const done = state.scan(carry, true);
  if (done !== carry.length) throw new UnexpectedSheetXml("a tag cut short at the end");
  const rows = state.takeRows();
  if (rows.length > 0) yield rows;
}

/** A style id the workbook does not define. */
const NO_SUCH_STYLE: unique symbol = Symbol("no such style");

/** The reader's state across chunks, as exceljs's worksheet reader keeps it. */
class SheetState {
  private inRows = false;
  private row: ReaderRow | null = null;
  private rowNumFmt: string | undefined;
  private cell: OpenCell | null = null;
  private current: TextSlot | null = null;
  private rows: ReaderRow[] = [];
  private readonly numFmts: (string | undefined | typeof NO_SUCH_STYLE)[] = [];
  private readonly date1904: boolean;

  constructor(private readonly context: SheetReaderContext) {
    this.date1904 = context.properties?.model?.date1904 === true;
  }

  takeRows(): ReaderRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /**
   * Reads the text's tags and texts; returns where the unread rest starts (a
   * tag or text that may go on in the next chunk), or the end when `last`.
   */
  scan(xml: string, last: boolean): number {
    let at = 0;
    const length = xml.length;
    while (at < length) {
      const open = xml.indexOf("<", at);
      if (open < 0) {
        if (!last) return at; // text that may go on in the next chunk
        this.text(xml, at, length);
        return length;
      }
      if (open > at) this.text(xml, at, open);
      const end = this.tag(xml, open);
      if (end < 0) return open; // the tag goes on in the next chunk
      at = end;
    }
    return at;
  }

  /** Reads the tag at `open`; returns where it ends, or -1 when the text stops inside it. */
  private tag(xml: string, open: number): number {
    const next = xml.charCodeAt(open + 1);
    if (next === 0x2f /* / */) {
      const close = xml.indexOf(">", open);
      if (close < 0) return -1;
      this.close(xml.slice(open + 2, close).trim());
      return close + 1;
    }
    if (next === 0x3f /* ? */) return skipTo(xml, open, "?>");
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", open)) return skipTo(xml, open, "-->");
      if (xml.startsWith("<![CDATA[", open)) return skipTo(xml, open, "]]>"); // exceljs passes CDATA on to nothing
      if (xml.length - open < 9) return -1;
      throw new UnexpectedSheetXml(xml.slice(open, open + 20));
    }
    return this.openTag(xml, open);
  }

  private openTag(xml: string, open: number): number {
    let at = open + 1;
    const length = xml.length;
    while (at < length && !isNameEnd(xml.charCodeAt(at))) at++;
    if (at >= length) return -1;
    const name = xml.slice(open + 1, at);
    let ref: string | undefined;
    let s: string | undefined;
    let t: string | undefined;
    let selfClosing = false;
    for (;;) {
      while (at < length && isSpace(xml.charCodeAt(at))) at++;
      if (at >= length) return -1;
      const code = xml.charCodeAt(at);
      if (code === 0x3e /* > */) {
        at++;
        break;
      }
      if (code === 0x2f /* / */) {
        if (at + 1 >= length) return -1;
        if (xml.charCodeAt(at + 1) !== 0x3e) throw new UnexpectedSheetXml(`"/" in <${name}>`);
        selfClosing = true;
        at += 2;
        break;
      }
      const nameStart = at;
      while (at < length && !isNameEnd(xml.charCodeAt(at)) && xml.charCodeAt(at) !== 0x3d /* = */) at++;
      const attribute = xml.slice(nameStart, at);
      while (at < length && isSpace(xml.charCodeAt(at))) at++;
      if (at >= length) return -1;
      if (xml.charCodeAt(at) !== 0x3d) throw new UnexpectedSheetXml(`attribute ${attribute} of <${name}>`);
      at++;
      while (at < length && isSpace(xml.charCodeAt(at))) at++;
      if (at >= length) return -1;
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") throw new UnexpectedSheetXml(`attribute ${attribute} of <${name}>`);
      const valueEnd = xml.indexOf(quote, at + 1);
      if (valueEnd < 0) return -1;
      const value = attributeValue(xml.slice(at + 1, valueEnd));
      at = valueEnd + 1;
      if (attribute === "r") ref = value;
      else if (attribute === "s") s = value;
      else if (attribute === "t") t = value;
    }
    this.open(name, ref, s, t);
    if (selfClosing) this.close(name);
    return at;
  }

  private open(name: string, ref: string | undefined, s: string | undefined, t: string | undefined): void {
    switch (name) {
      case "sheetData":
        this.inRows = true;
        break;
      case "row":
        if (this.inRows) {
          this.row = { number: Number.parseInt(ref ?? "", 10), cells: [] };
          // exceljs gives a new cell its row's number format (a cell's own style, if any, replaces it).
          const style = s === undefined ? null : this.context.styles.getStyleModel(Number.parseInt(s, 10));
          this.rowNumFmt = style?.numFmt || undefined;
        }
        break;
      case "c":
        if (this.row) this.cell = { ref, s: Number.parseInt(s ?? "", 10), t, f: undefined, v: undefined };
        break;
      case "f":
        if (this.cell) this.current = this.cell.f = { text: "" };
        break;
      case "v":
      case "is":
      case "t":
        if (this.cell) this.current = this.cell.v = { text: "" };
        break;
    }
  }

  private close(name: string): void {
    switch (name) {
      case "sheetData":
        this.inRows = false;
        break;
      case "row":
        if (this.row) this.rows.push(this.row);
        this.row = null;
        break;
      case "c":
        if (this.row && this.cell) {
          this.endCell(this.row, this.cell);
          this.cell = null;
        }
        break;
    }
  }

  private text(xml: string, from: number, to: number): void {
    if (this.current) this.current.text += decodeText(xml.slice(from, to));
  }

  private endCell(row: ReaderRow, cell: OpenCell): void {
    const column = columnOf(cell.ref);
    const earlier = row.cells[column - 1]; // the same cell twice in a row: exceljs updates the first
    let numFmt = earlier === undefined ? this.rowNumFmt : earlier.numFmt;
    if (cell.s) {
      const own = this.styleNumFmt(cell.s);
      if (own !== NO_SUCH_STYLE) numFmt = own;
    }
    const value = cell.f === undefined && cell.v === undefined ? earlier?.value : this.valueOf(cell, numFmt);
    row.cells[column - 1] = { value: value ?? null, numFmt };
  }

  /** The value exceljs's reader sets, as its cell gives it back (see {@link formulaValue}). */
  private valueOf(cell: OpenCell, numFmt: string | undefined): ReaderValue {
    const text = cell.v?.text;
    if (cell.f) {
      if (text === undefined) return formulaValue(cell.f.text, undefined);
      return formulaValue(cell.f.text, cell.t === "str" ? excelUtils.xmlDecode(text) : Number.parseFloat(text));
    }
    switch (cell.t) {
      case "s":
        return this.context.sharedStrings?.[Number.parseInt(text ?? "", 10)];
      case "inlineStr":
      case "str":
        return excelUtils.xmlDecode(text ?? "");
      case "e":
        return { error: text };
      case "b":
        return Number.parseInt(text ?? "", 10) !== 0;
      default:
        return excelUtils.isDateFmt(numFmt)
          ? excelUtils.excelToDate(Number.parseFloat(text ?? ""), this.date1904)
          : Number.parseFloat(text ?? "");
    }
  }

  /** A style's number format (undefined: none), or {@link NO_SUCH_STYLE}; looked up once per style. */
  private styleNumFmt(id: number): string | undefined | typeof NO_SUCH_STYLE {
    if (!(id in this.numFmts)) {
      const style = this.context.styles.getStyleModel(id);
      this.numFmts[id] = style ? style.numFmt : NO_SUCH_STYLE;
    }
    return this.numFmts[id];
  }
}

/**
 * A formula cell's value as exceljs gives it back: with a formula, its
 * formula and result kept only when truthy (a cached 0 or "" is dropped);
 * with an empty formula (a shared formula's other cells), both as read.
 */
function formulaValue(formula: string, result: string | number | undefined): ReaderValue {
  if (formula === "") return result === undefined ? { formula } : { formula, result };
  return result ? { formula, result } : { formula };
}

/** The 1-based column of a cell reference such as "AB12"; anything else is left to exceljs. */
function columnOf(ref: string | undefined): number {
  if (ref === undefined) throw new UnexpectedSheetXml("a cell without a reference");
  let column = 0;
  let at = 0;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (at === 0 || at > 3 || at === ref.length || !/^\d+$/.test(ref.slice(at)))
    throw new UnexpectedSheetXml(`cell ${ref}`);
  return column;
}

function skipTo(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isNameEnd(code: number): boolean {
  return isSpace(code) || code === 0x3e /* > */ || code === 0x2f /* / */;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** An XML text as a parser gives it: line ends made \n, entities and character references decoded. */
function decodeText(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return text.includes("&") ? decodeEntities(text) : text;
}

/** An attribute's value as a parser gives it: white space made spaces, entities decoded. */
function attributeValue(raw: string): string {
  const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return text.includes("&") ? decodeEntities(text) : text;
}

function decodeEntities(text: string): string {
  return text.replace(/&([^;&]*);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new UnexpectedSheetXml("a bare &");
    const named = NAMED_ENTITIES[name];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]+$/.test(name)
      ? Number.parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? Number.parseInt(name.slice(1), 10)
        : Number.NaN;
    if (!(code > 0 && code <= 0x10ffff)) throw new UnexpectedSheetXml(`entity ${whole}`);
    return String.fromCodePoint(code);
  });
}
