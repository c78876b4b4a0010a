/**
 * What exceljs's streaming reader leaves out of an .xlsx file and the local
 * runner keeps: each sheet's notes (comments) and frozen rows. Read straight
 * from the zip: the workbook's sheet list, each sheet's relationships and
 * comments part, and only the head of each sheet's XML (its pane comes before
 * the cell data), so a 200,000-row sheet is never inflated for it.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { constants, inflateRawSync } from "node:zlib";

/** Rows of text cells, a row made only when one of its cells has text. */
export type SparseRows = ((string | null)[] | undefined)[];

export interface SheetExtras {
  /** The sheet's name, as the workbook lists it. */
  name: string;
  /** The zip path of the sheet's XML, such as `xl/worksheets/sheet1.xml`. */
  path: string;
  /** Notes by 0-based row and column. */
  notes: SparseRows;
  frozenRows: number;
}

/** Compressed bytes of a sheet's XML inflated to find its pane: far more than a sheet's views take. */
const SHEET_HEAD_BYTES = 64 * 1024;

/**
 * Every sheet's name, XML path, notes and frozen rows, in workbook order;
 * empty when the zip cannot be read this way (the cells are still read; notes
 * and panes are then lost).
 *
 * @example
 * sheetExtras(await readFile("export.xlsx")).find((s) => s.name === "Sales")?.frozenRows; // 1
 */
export function sheetExtras(zip: Uint8Array): SheetExtras[] {
  const extras: SheetExtras[] = [];
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(zip);
  } catch {
    return extras;
  }
  const workbook = textOf(zip, entries, "xl/workbook.xml");
  const relations = relationsOf(textOf(zip, entries, "xl/_rels/workbook.xml.rels"), "xl/");
  if (workbook === null) return extras;
  for (const tag of workbook.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) {
    const name = attribute(tag, "name");
    const target = relations.get(attribute(tag, "r:id") ?? "");
    if (name === null || target === undefined) continue;
    extras.push({
      name: xmlText(name),
      path: target,
      notes: notesOf(zip, entries, target),
      frozenRows: frozenRowsOf(zip, entries.get(target)),
    });
  }
  return extras;
}

function notesOf(zip: Uint8Array, entries: Map<string, ZipEntry>, sheetPath: string): SparseRows {
  const notes: SparseRows = [];
  const folder = sheetPath.slice(0, sheetPath.lastIndexOf("/") + 1);
  const relsPath = `${folder}_rels/${sheetPath.slice(folder.length)}.rels`;
  const rels = textOf(zip, entries, relsPath) ?? "";
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    if (!/\/comments"/.test(tag)) continue;
    const target = attribute(tag, "Target");
    const comments = target === null ? null : textOf(zip, entries, resolvePath(folder, target));
    for (const comment of comments?.match(/<comment\s[^>]*>[\s\S]*?<\/comment>/g) ?? []) {
      const at = cellAt(attribute(comment, "ref") ?? "");
      const runs = [...comment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => xmlText(m[1]));
      const text = runs.join("");
      if (at === null || text === "") continue;
      let cells = notes[at.row];
      if (cells === undefined) cells = notes[at.row] = [];
      while (cells.length < at.column) cells.push(null);
      cells[at.column] = text;
    }
  }
  return notes;
}

function frozenRowsOf(zip: Uint8Array, entry: ZipEntry | undefined): number {
  if (entry === undefined) return 0;
  const head = inflateHead(zip, entry, SHEET_HEAD_BYTES);
  const views = head.slice(0, head.includes("<sheetData") ? head.indexOf("<sheetData") : undefined);
  const pane = /<(?:\w+:)?pane\s[^>]*>/.exec(views)?.[0];
  if (pane === undefined || !/state="frozen(?:Split)?"/.test(pane)) return 0;
  const rows = Number(attribute(pane, "ySplit") ?? 0);
  return Number.isInteger(rows) && rows > 0 ? rows : 0;
}

/** 0-based row and column of an A1 reference. */
function cellAt(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

function xmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (entity[0] !== "#") return named[entity.toLowerCase()];
    const code =
      entity[1] === "x" || entity[1] === "X" ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return String.fromCodePoint(code);
  });
}

/** Relationship ids to zip paths, targets resolved against `folder`. */
function relationsOf(xml: string | null, folder: string): Map<string, string> {
  const relations = new Map<string, string>();
  for (const tag of xml?.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id !== null && target !== null) relations.set(id, resolvePath(folder, target));
  }
  return relations;
}

function resolvePath(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = folder.split("/").filter((p) => p !== "");
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

// ---------------------------------------------------------------------------
// Zip

/** Where a part is in a zip, from its central directory. */
export interface ZipEntry {
  method: number;
  compressedSize: number;
  /** Offset of the local header. */
  local: number;
}

/**
 * Where a zip's end-of-central-directory record starts (signature 0x06054b50,
 * at least 22 bytes from the end, after a comment of up to 64 KB).
 *
 * @example
 * const end = zipDirectoryEnd(view, bytes.length);
 * view.getUint16(end + 10, true); // how many entries the zip holds
 */
export function zipDirectoryEnd(view: DataView, length: number): number {
  for (let i = length - 22; i >= Math.max(0, length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  throw new Error("not a zip file (no end of central directory)");
}

/**
 * The entries of a zip's central directory by path, in the order stored. Throws when there is none.
 *
 * @example
 * zipEntries(await readFile("export.xlsx")).has("xl/sharedStrings.xml"); // true
 */
export function zipEntries(zip: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zipDirectoryEnd(view, zip.length);
  const entries = new Map<string, ZipEntry>();
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("malformed zip central directory");
    const nameLength = view.getUint16(at + 28, true);
    const path = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    entries.set(path, {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      local: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * A part's bytes as stored in the zip (deflated unless its method is 0), without copying them.
 *
 * @example
 * inflateRawSync(compressedBytes(zip, zipEntries(zip).get("xl/workbook.xml")!)); // the workbook part's XML
 */
export function compressedBytes(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  return zip.subarray(start, start + entry.compressedSize);
}

/** A part's whole text, or null when the zip has no such part or it cannot be inflated. */
function textOf(zip: Uint8Array, entries: Map<string, ZipEntry>, path: string): string | null {
  const entry = entries.get(path);
  if (entry === undefined) return null;
  try {
    const bytes = compressedBytes(zip, entry);
    return new TextDecoder().decode(entry.method === 0 ? bytes : inflateRawSync(bytes));
  } catch {
    return null;
  }
}

/** The text inflated from at most the first `limit` compressed bytes of a part ("" when it cannot be). */
function inflateHead(zip: Uint8Array, entry: ZipEntry, limit: number): string {
  try {
    const bytes = compressedBytes(zip, entry).subarray(0, limit);
    // A sync flush returns what the truncated input inflates to instead of failing at its end.
    const head = entry.method === 0 ? bytes : inflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    return new TextDecoder().decode(head);
  } catch {
    return "";
  }
}
