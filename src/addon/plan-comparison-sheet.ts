/**
 * The `Plan comparison` sheet: found and written like the output sheets
 * (output-writer.ts), marked as the add-on's own with its own role, so a
 * sheet of that name someone else made is never overwritten. The write is
 * one block, formats then values, padded so that rows of a longer earlier
 * comparison are cleared.
 */
import type { Language } from "../core/plan-model";
import { PLAN_COMPARISON_COLUMNS } from "../tables/plan-comparison-rows";
import type { CellValue } from "../tables/sheet-text";
import { padBlock, writeHeaderNotes } from "./output-writer";
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from "./platform-limits";
import { OUTPUT_MARKER_KEY } from "./spreadsheet-state";
import type { WorkSize } from "./time-budget";

/** The marker's value on the sheet (the output roles' are results, payouts, ...). */
const COMPARISON_ROLE = "planComparison";

const DESCRIPTION = "Sales Scorecard: Plan comparison (computed)";

/** The sheet as found: whether it is ours, and its extent. */
export interface ComparisonSheet {
  name: string;
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** "adopt": a blank sheet without the marker, which holds nothing to lose. */
  status: "own" | "adopt" | "missing" | "foreign";
  lastRow: number;
  lastColumn: number;
  maxRows: number;
  maxColumns: number;
}

function carriesMarker(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === OUTPUT_MARKER_KEY && m.getValue() === COMPARISON_ROLE);
}

/**
 * Finds the comparison sheet (a constant number of calls).
 *
 * @example
 * inspectComparisonSheet(ss, "Plan comparison").status; // "missing" the first time
 */
export function inspectComparisonSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): ComparisonSheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return { name, sheet, status: "missing", lastRow: 0, lastColumn: 0, maxRows: 0, maxColumns: 0 };
  const lastRow = sheet.getLastRow();
  const found: ComparisonSheet = {
    name,
    sheet,
    status: "own",
    lastRow,
    lastColumn: sheet.getLastColumn(),
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
  };
  if (!carriesMarker(sheet)) found.status = lastRow === 0 ? "adopt" : "foreign";
  return found;
}

/**
 * Service calls and cells the write of a block of `rows` x `columns` takes.
 *
 * @example
 * comparisonWriteSize(found, 40, 6); // { calls: 12, cells: 480 } for a new sheet
 */
export function comparisonWriteSize(found: ComparisonSheet, rows: number, columns: number): WorkSize {
  const setUp = found.status === "own" ? 0 : (found.sheet ? 0 : 1) + 5;
  const height = Math.max(rows, found.lastRow);
  const width = Math.max(columns, found.lastColumn);
  const maxRows = found.sheet ? found.maxRows : NEW_SHEET_ROWS;
  const maxColumns = found.sheet ? found.maxColumns : NEW_SHEET_COLUMNS;
  const growth = (height > maxRows ? 1 : 0) + (width > maxColumns ? 1 : 0);
  return { calls: setUp + growth + 5, cells: 2 * height * width + columns };
}

function setUpSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  found: ComparisonSheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  if (found.status === "own" && found.sheet) return found.sheet;
  const sheet = found.sheet ?? ss.insertSheet(found.name);
  if (!found.sheet) {
    found.maxRows = NEW_SHEET_ROWS;
    found.maxColumns = NEW_SHEET_COLUMNS;
  }
  sheet.setFrozenRows(1);
  sheet.protect().setDescription(DESCRIPTION).setWarningOnly(true);
  // The marker last: a set-up killed before it leaves a blank sheet, which the next comparison adopts.
  sheet.addDeveloperMetadata(OUTPUT_MARKER_KEY, COMPARISON_ROLE, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  found.sheet = sheet;
  found.status = "own";
  return sheet;
}

/**
 * Writes the comparison's block over the sheet (never a foreign one), and
 * the header notes in the run's language.
 *
 * @example
 * writeComparisonSheet(ss, inspectComparisonSheet(ss, "Plan comparison"), comparisonBlock(comparison, "en"), "en");
 */
export function writeComparisonSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  found: ComparisonSheet,
  block: { values: CellValue[][]; formats: string[][] },
  language: Language,
): void {
  if (found.status === "foreign") throw new Error("writeComparisonSheet: " + found.name + " is not the add-on's");
  const sheet = setUpSheet(ss, found);
  const width = Math.max(PLAN_COMPARISON_COLUMNS.length, found.lastColumn);
  const padded = padBlock(block.values, block.formats, Math.max(block.values.length, found.lastRow), width, "General");
  const rows = padded.values.length;
  if (rows > found.maxRows) sheet.insertRowsAfter(found.maxRows, rows - found.maxRows);
  if (width > found.maxColumns) sheet.insertColumnsAfter(found.maxColumns, width - found.maxColumns);
  const range = sheet.getRange(1, 1, rows, width);
  range.setNumberFormats(padded.formats);
  range.setValues(padded.values);
  writeHeaderNotes(sheet, 1, PLAN_COMPARISON_COLUMNS, language);
}
