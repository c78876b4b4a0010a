/**
 * Reading the input sheets: one `getDataRange().getValues()` per sheet,
 * whatever its size, and nothing else. A run never writes to them.
 */
import type { InputGrids, SheetGrid } from "../tables/read-inputs";
import { HEADER_SEARCH_ROWS, hasHeaderRowOf } from "../tables/header-matching";
import { tableSourceOf, warehouseSalesGrid } from "./sales-source";
import type { Settings } from "./settings";

export interface InputSheetValues {
  grids: InputGrids;
  plan: SheetGrid;
  /** Cells read, for the bench and the logs (a count, never a value). */
  cellsRead: number;
}

function readGrid(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string): SheetGrid {
  const sheet = ss.getSheetByName(sheetName);
  return { sheetName, values: sheet ? sheet.getDataRange().getValues() : null };
}

/** How many top rows of another sheet are read to tell whether it is a Sales export. */
const STAND_IN_PROBE_ROWS = HEADER_SEARCH_ROWS;

/**
 * With no sheet under the Sales name, the first other sheet whose top rows
 * hold a Sales header row (a CSV export imported as a sheet named after its
 * file): read in Sales' place, and said so. Only the first rows of each
 * candidate are read, and only when Sales is missing.
 */
function salesStandIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): SheetGrid | null {
  const taken = new Set(Object.values(settings.sheets).map((name) => name.toLowerCase()));
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const rows = Math.min(sheet.getLastRow(), STAND_IN_PROBE_ROWS);
    const columns = sheet.getLastColumn();
    if (taken.has(name.toLowerCase()) || rows === 0 || columns === 0) continue;
    const top = sheet.getRange(1, 1, rows, columns).getValues();
    if (!hasHeaderRowOf(top, "sales", settings.columns.sales)) continue;
    return { sheetName: name, values: sheet.getDataRange().getValues(), standsInFor: settings.sheets.sales };
  }
  return null;
}

function cellCount(grid: SheetGrid): number {
  return grid.values ? grid.values.length * (grid.values[0]?.length ?? 0) : 0;
}

/**
 * Reads Reps, Sales, Targets, Scores, Adjustments and Plan under their
 * configured names (a missing sheet reads as null).
 *
 * @example
 * const { grids, plan } = readInputSheets(ss, settings);
 * grids.sales.values?.length; // rows of Sales, header included
 */
export function readInputSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): InputSheetValues {
  const names = settings.sheets;
  // Sales in a BigQuery table: the sheet is not read (sales-source.ts reads the table).
  const sales = tableSourceOf(settings) ? warehouseSalesGrid(settings) : readGrid(ss, names.sales);
  const grids: InputGrids = {
    reps: readGrid(ss, names.reps),
    sales: sales.values === null ? (salesStandIn(ss, settings) ?? sales) : sales,
    targets: readGrid(ss, names.targets),
    scores: readGrid(ss, names.scores),
    adjustments: readGrid(ss, names.adjustments),
  };
  const plan = readGrid(ss, names.plan);
  const cellsRead = Object.values(grids).reduce((sum, grid) => sum + cellCount(grid), cellCount(plan));
  return { grids, plan, cellsRead };
}

/**
 * The same sheets with their values let go: a raw grid takes several times
 * the memory of the records parsed from it, so a run drops it once parsed.
 *
 * @example
 * releasedGrids(grids).sales.values; // null
 */
export function releasedGrids(grids: InputGrids): InputGrids {
  const released = {} as InputGrids;
  for (const [key, grid] of Object.entries(grids) as [keyof InputGrids, SheetGrid][])
    released[key] = { ...grid, values: null };
  return released;
}
