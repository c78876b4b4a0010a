/**
 * Reading the input sheets: one `getDataRange().getValues()` per sheet,
 * whatever its size, and nothing else. A run never writes to them.
 */
import type { InputGrids, SheetGrid } from "../tables/read-inputs";
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
  const grids: InputGrids = {
    reps: readGrid(ss, names.reps),
    sales: readGrid(ss, names.sales),
    targets: readGrid(ss, names.targets),
    scores: readGrid(ss, names.scores),
    adjustments: readGrid(ss, names.adjustments),
  };
  const plan = readGrid(ss, names.plan);
  const cellsRead = Object.values(grids).reduce((sum, grid) => sum + cellCount(grid), cellCount(plan));
  return { grids, plan, cellsRead };
}
