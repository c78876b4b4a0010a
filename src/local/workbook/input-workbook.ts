/**
 * Reading `npm start`'s input: an .xlsx workbook, a folder of CSV files (one
 * sheet per file, named after it), or one CSV file: a CRM's export of deals,
 * read as the Sales sheet (with no Reps sheet the reps are the owners in
 * Sales; with no Targets sheet results have actuals and ranks only). Only
 * ever read: nothing here opens a file for writing. Failures are {@link InputError}s with a message a person
 * can act on.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { open, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { DEFAULT_SHEET_NAMES } from "../../tables/sheet-roles";
import { readCsvFolder, readCsvSheet } from "./csv-workbook";
import type { WorkbookData } from "./workbook-data";
import { readXlsx } from "./xlsx-workbook";

/** An input that cannot be read; the message names the path and what to do. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export type InputKind = "xlsx" | "csv-folder" | "csv-file";

/**
 * Whether the path is a folder (CSV files), a .csv file (the Sales sheet) or
 * an .xlsx file, checking that it exists and looks like what it should be.
 *
 * @example
 * await inputKind("src/local/demo/demo-workbook.xlsx"); // "xlsx"
 * await inputKind("opportunities.csv");                 // "csv-file"
 */
async function inputKind(path: string): Promise<InputKind> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (info.isDirectory()) return "csv-folder";
  const extension = extname(path).toLowerCase();
  if (extension === ".csv" || extension === ".tsv" || extension === ".txt") return "csv-file";
  if (extension === ".xls" || extension === ".et" || extension === ".ods" || extension === ".numbers") {
    throw new InputError(
      `${path}: only .xlsx workbooks are read; save it as .xlsx (Excel Workbook) or export the sheets as CSV files into a folder`,
    );
  }
  const head = Buffer.alloc(4);
  const handle = await open(path, "r");
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new InputError(
      `${path}: not an .xlsx workbook (an .xlsx file is a zip archive); save it as .xlsx or export CSV files into a folder`,
    );
  }
  return "xlsx";
}

/**
 * Reads the input as a workbook; one CSV file is a workbook of one sheet,
 * Sales.
 *
 * @example
 * const { workbook, kind } = await readInputWorkbook("export/"); // a folder of CSV files
 * (await readInputWorkbook("opportunities.csv")).workbook.sheets[0].name; // "Sales"
 */
export async function readInputWorkbook(path: string): Promise<{ workbook: WorkbookData; kind: InputKind }> {
  const kind = await inputKind(path);
  try {
    if (kind === "xlsx") return { workbook: await readXlsx(path), kind };
    if (kind === "csv-file")
      return { workbook: { sheets: [await readCsvSheet(path, DEFAULT_SHEET_NAMES.sales)] }, kind };
    const workbook = await readCsvFolder(path);
    if (workbook.sheets.length === 0)
      throw new InputError(`${path}: the folder holds no .csv files (expected Reps.csv, Sales.csv, ...)`);
    return { workbook, kind };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${kind === "csv-folder" ? path : basename(path)}: cannot be read (${reason})`);
  }
}
