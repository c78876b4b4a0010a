/**
 * exceljs's streaming reader takes an xlsx's parts in one pass over the zip,
 * in the order they are stored, and that pass does not reliably deliver the
 * last entries (exceljs issue #683; pull request #3065, open). exceljs's own
 * writer stores the shared strings and the workbook part after the
 * worksheets, so now and then a worksheet was read without its shared
 * strings and every text cell came back as `{ sharedString: n }`: headers
 * were not found and a run computed nothing. Since the whole file is in
 * memory anyway, its parts are taken here through the zip's central
 * directory, in the order the reader needs them: relationships, workbook,
 * shared strings, styles, then each worksheet, each still inflated as a
 * stream so a large sheet's text is never held whole.
 */
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { decodeAcrossChunks } from "./utf8-chunk-decoding";
import { compressedBytes, type ZipEntry, zipEntries } from "./xlsx-sheet-extras";

type ReaderEvent = { eventType: string; value: unknown };

/** The reader's single pass and the part parsers it calls, which are used here one part at a time. */
interface PartReader {
  parse(): AsyncGenerator<ReaderEvent>;
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<ReaderEvent>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(chunks: Readable, sheetNo: string): Generator<ReaderEvent>;
}

const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs's streaming reader over an xlsx held in memory: its parts are read
 * through the central directory in dependency order, and its shared strings
 * and worksheets are decoded across chunk boundaries (utf8-chunk-decoding.ts).
 * The stream the reader is built on stays empty: it is never read.
 *
 * @example
 * const reader = workbookReaderOf(await readFile("export.xlsx"));
 * for await (const worksheet of reader) { ... } // text cells are always text
 */
export function workbookReaderOf(zip: Uint8Array): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    // Ignored, a linked cell reads as its text, as it does from the in-memory reader.
    hyperlinks: "ignore",
    entries: "ignore",
  });
  decodeAcrossChunks(reader);
  readPartsInOrder(reader, zip);
  return reader;
}

/** Makes one exceljs WorkbookReader read the parts of `zip` in dependency order instead of its own pass. */
function readPartsInOrder(reader: object, zip: Uint8Array): void {
  const parts = reader as PartReader;
  parts.parse = async function* parseInOrder() {
    const entries = zipEntries(zip);
    const part = (path: string): Readable | null => {
      const entry = entries.get(path);
      return entry === undefined ? null : partStream(zip, entry);
    };
    const rels = part("xl/_rels/workbook.xml.rels");
    if (rels) await parts._parseRels(rels);
    const workbook = part("xl/workbook.xml");
    if (workbook) await parts._parseWorkbook(workbook);
    const sharedStrings = part("xl/sharedStrings.xml");
    if (sharedStrings) yield* parts._parseSharedStrings(sharedStrings);
    const styles = part("xl/styles.xml");
    if (styles) await parts._parseStyles(styles);
    for (const [path, entry] of entries) {
      const sheetNo = WORKSHEET_PART.exec(path)?.[1];
      if (sheetNo !== undefined) yield* parts._parseWorksheet(partStream(zip, entry), sheetNo);
    }
  };
}

/** A part's bytes as they come out of the zip, inflated as they are read. */
function partStream(zip: Uint8Array, entry: ZipEntry): Readable {
  const bytes = compressedBytes(zip, entry);
  const stored = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], { objectMode: false });
  return entry.method === 0 ? stored : stored.pipe(createInflateRaw());
}
