/**
 * Reading a folder of CSV files as a {@link WorkbookData}: one sheet per
 * `*.csv` file, named after the file (`Sales.csv` is the sheet `Sales`).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 *
 * Encoding: UTF-8 (with or without a byte-order mark) when the bytes are valid
 * UTF-8; UTF-16 when the file starts with a UTF-16 byte-order mark (Excel's
 * "Unicode text"); otherwise GB18030 (a superset of GBK and GB2312, what a
 * Chinese Excel or WPS writes for "CSV").
 *
 * Parsing: RFC 4180 (fields separated by commas, quoted with `"`, `""` for a
 * quote inside quotes, line breaks inside quotes kept, CRLF, LF or CR line
 * ends). Leniently, like spreadsheet imports, a quote inside an unquoted field
 * is kept as a character, and text after a closing quote is appended to the
 * field. The separator is a comma, a semicolon (Excel in locales whose
 * decimal mark is a comma) or a tab, whichever the header line holds most
 * of outside quotes (the first line that holds any, so a title line above the
 * header does not decide); a first line `sep=;` (which Excel writes and
 * reads) chooses it outright. A quote left open at the end of the file is an error naming the
 * file and line, since everything after it would be swallowed.
 *
 * Values: every cell stays text (a blank cell is `""`), rows are padded to a
 * rectangle with `""` and trailing blank rows are dropped. Google Sheets would
 * parse `1,200`, `2026-03-31` or `2026-03` on import (and, with the
 * spreadsheet's locale, sometimes wrongly: `2026-03` may become a date, `001`
 * becomes 1). We leave that to the add-on's readers, which accept numbers,
 * dates and periods written as text with the same rules as typed cells, so a
 * CSV gives the same results as the workbook it was exported from, and IDs
 * such as `001` keep their zeros.
 */
import { readdir, readFile } from "node:fs/promises";
import { extname, basename, join } from "node:path";
import type { SheetData, WorkbookData } from "./workbook-data";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * A CSV file that cannot be parsed; names the file and the line.
 *
 * @internal Exported only for csv-workbook.test.ts, which checks it directly; the code uses it inside this file.
 */
export class CsvFormatError extends Error {
  constructor(
    readonly reason: string,
    /** The file's name, "" when parsing text. */
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file === "" ? "line " : `${file}:`}${line}: ${reason}`);
    this.name = "CsvFormatError";
  }
}

/**
 * Reads every `*.csv` file of a folder (not its subfolders; names starting
 * with `.` or `~$` are skipped) as one sheet each, in name order.
 *
 * @example
 * const workbook = await readCsvFolder("export/"); // Reps.csv, Sales.csv, ...
 * workbook.sheets[0].values[0]; // ["Rep ID", "Name", ...]
 */
export async function readCsvFolder(dir: string): Promise<WorkbookData> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() === ".csv" && !/^(\.|~\$)/.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sheets: SheetData[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = basename(file, extname(file)).normalize("NFC");
    const key = name.trim().toLowerCase();
    const clash = seen.get(key);
    if (clash !== undefined) throw new CsvFormatError(`a sheet named "${name}" is already read from ${clash}`, file, 1);
    seen.set(key, file);
    sheets.push(await readCsvSheet(join(dir, file), name));
  }
  return { sheets };
}

/** Reads one CSV file as a sheet (named after the file unless `name` is given). */
export async function readCsvSheet(path: string, name = basename(path, extname(path))): Promise<SheetData> {
  const { text } = decodeCsvBytes(await readFile(path));
  try {
    return { name, values: csvToGrid(text) };
  } catch (error) {
    if (error instanceof CsvFormatError) throw new CsvFormatError(error.reason, basename(path), error.line);
    throw error;
  }
}

/**
 * Decodes a CSV file's bytes: UTF-16 by its byte-order mark, UTF-8 (byte-order
 * mark dropped) when valid, else GB18030.
 *
 * @example
 * decodeCsvBytes(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb])); // { text: "姓名", encoding: "gb18030" }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  try {
    // fatal: throws on invalid UTF-8; the BOM (EF BB BF) is dropped by default.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The separators told apart by {@link detectSeparator}, the preferred first on a tie. */
const SEPARATORS = [",", ";", "\t"] as const;

/** How many lines {@link detectSeparator} looks at for one that holds a separator. */
const SEPARATOR_SEARCH_LINES = 10;

/**
 * The separator of CSV text: of comma, semicolon and tab, the one its first
 * line holding any of them has most of outside quotes (a comma on a tie, or
 * when no line within the first ten holds one).
 *
 * @example
 * detectSeparator("Owner;Amount;Close Date\nAnn;1,5;3/1/2026"); // ";"
 * detectSeparator('"Owner; name",Amount\n'); // ","
 *
 * @internal Exported only for csv-workbook.test.ts, which checks it directly; the code uses it inside this file.
 */
export function detectSeparator(text: string): string {
  let quoted = false;
  let counts = [0, 0, 0];
  let lines = 0;
  for (let i = 0; i < text.length && lines < SEPARATOR_SEARCH_LINES; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "\n" || c === "\r") {
      if (counts.some((n) => n > 0)) break;
      if (!(c === "\r" && text[i + 1] === "\n")) lines++;
      counts = [0, 0, 0];
    } else {
      const which = (SEPARATORS as readonly string[]).indexOf(c);
      if (which >= 0) counts[which]++;
    }
  }
  const most = Math.max(...counts);
  return most === 0 ? "," : SEPARATORS[counts.indexOf(most)];
}

/**
 * Parses CSV text into rows of text, padded to a rectangle with `""`, trailing
 * blank rows dropped, with a first line `sep=X` or else the separator
 * {@link detectSeparator} finds.
 *
 * @example
 * csvToGrid('Name,Note\r\n"Li, Na","said ""hi""\nthen left"\r\n');
 * // [["Name", "Note"], ["Li, Na", 'said "hi"\nthen left']]
 *
 * @internal Exported only for src/tables/column-aliases.test.ts, csv-workbook.test.ts and other tests, which check it
 * directly; the code uses it inside this file.
 */
export function csvToGrid(text: string): string[][] {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let separator: string;
  let firstLine = 1;
  const sep = /^sep=(.)(\r\n|\n|\r|$)/.exec(body);
  if (sep) {
    separator = sep[1];
    body = body.slice(sep[0].length);
    firstLine = 2;
  } else separator = detectSeparator(body);
  const rows = parseCsv(body, { separator, firstLine });
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === "")) rows.pop();
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  // Padded in place: a copy of a million rows would double the grid for a moment.
  for (const row of rows) while (row.length < width) row.push("");
  return rows;
}

interface ParseCsvOptions {
  /** One character (default `,`). */
  separator?: string;
  /** Line number of the text's first line, for error messages (default 1). */
  firstLine?: number;
}

/**
 * RFC 4180 parsing, without padding: each record's fields as text. An empty
 * text gives no records; a final line break does not start a record.
 *
 * @example
 * parseCsv('a,"b\r\nc"\r\n1,2'); // [["a", "b\r\nc"], ["1", "2"]]
 *
 * @internal Exported only for csv-workbook.test.ts, which checks it directly; the code uses it inside this file.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const separator = options.separator ?? ",";
  if (separator.length !== 1 || separator === '"' || separator === "\r" || separator === "\n") {
    throw new Error(`not a usable CSV separator: ${JSON.stringify(separator)}`);
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let line = options.firstLine ?? 1;
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  while (i <= n) {
    if (i === n) {
      row.push(field);
      rows.push(row);
      break;
    }
    const ch = text[i];
    if (ch === '"' && field === "") {
      // A quoted field (possibly followed by stray text, appended leniently).
      const openedOn = line;
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
        i++;
      }
      if (!closed) throw new CsvFormatError("a quoted field is not closed", "", openedOn);
      // Fall through to read what follows the closing quote as plain characters.
      while (i < n && text[i] !== separator && text[i] !== "\r" && text[i] !== "\n") {
        field += text[i];
        i++;
      }
      if (i === n) continue;
    }
    const c = text[i];
    if (c === separator) {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      if (i === n) break; // a final line break ends the last record
    } else {
      // An unquoted run up to the next separator or line end, taken as one slice
      // (a character at a time was most of reading a million rows).
      let end = i + 1;
      while (end < n) {
        const d = text[end];
        if (d === separator || d === "\r" || d === "\n") break;
        end++;
      }
      field += text.slice(i, end);
      i = end;
    }
  }
  return rows;
}
