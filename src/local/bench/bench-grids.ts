/**
 * Generated sheets as the benchmarks hand them to `readInputs`: each under
 * its default sheet name, so every benchmark reads its workload the way a
 * spreadsheet set up by "Set up sheets" is read.
 */
import { INPUT_SHEET_ORDER, INPUT_SHEETS, type InputSheetKey } from "../../tables/input-columns";
import type { InputGrids } from "../../tables/read-inputs";

/**
 * The grids of generated sheet values; a sheet given no values is missing.
 *
 * @example
 * gridsOf({ reps, sales }).targets; // { sheetName: "Targets", values: null }
 */
export function gridsOf(values: Partial<Record<InputSheetKey, unknown[][]>>): InputGrids {
  const grids = {} as InputGrids;
  for (const key of INPUT_SHEET_ORDER)
    grids[key] = { sheetName: INPUT_SHEETS[key].defaultName, values: values[key] ?? null };
  return grids;
}
