/**
 * Reading `npm start`'s input: an .xlsx workbook, or a folder of CSV files
 * (one sheet per file, named after it). Only ever read: nothing here opens a
 * file for writing. Failures are {@link InputError}s with a message a person
 * can act on.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { open, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { readCsvFolder } from "./csv-workbook";
import type { WorkbookData } from "./workbook-data";
import { readXlsx } from "./xlsx-workbook";

/** An input that cannot be read; the message names the path and what to do. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export type InputKind = "xlsx" | "csv-folder";

/**
 * Whether the path is a folder (CSV files) or a file (.xlsx), checking that
 * it exists and looks like what it should be.
 *
 * @example
 * await inputKind("src/local/demo/demo-workbook.xlsx"); // "xlsx"
 */
export async function inputKind(path: string): Promise<InputKind> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (info.isDirectory()) return "csv-folder";
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") {
    throw new InputError(`${path}: give the folder that holds the CSV files (Reps.csv, Sales.csv, ...), not one file`);
  }
  if (extension === ".xls" || extension === ".et" || extension === ".ods" || extension === ".numbers") {
    throw new InputError(`${path}: only .xlsx workbooks are read; save it as .xlsx (Excel Workbook) or export the sheets as CSV files into a folder`);
  }
  const head = Buffer.alloc(4);
  const handle = await open(path, "r");
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new InputError(`${path}: not an .xlsx workbook (an .xlsx file is a zip archive); save it as .xlsx or export CSV files into a folder`);
  }
  return "xlsx";
}

/**
 * Reads the input as a workbook.
 *
 * @example
 * const { workbook, kind } = await readInputWorkbook("export/"); // a folder of CSV files
 */
export async function readInputWorkbook(path: string): Promise<{ workbook: WorkbookData; kind: InputKind }> {
  const kind = await inputKind(path);
  try {
    if (kind === "xlsx") return { workbook: await readXlsx(path), kind };
    const workbook = await readCsvFolder(path);
    if (workbook.sheets.length === 0) throw new InputError(`${path}: the folder holds no .csv files (expected Reps.csv, Sales.csv, ...)`);
    return { workbook, kind };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${kind === "xlsx" ? basename(path) : path}: cannot be read (${reason})`);
  }
}
