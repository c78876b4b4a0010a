/**
 * A workbook without a Plan sheet gets the default plan
 * (docs/sheet-formats.md#running-locally): the same rows "Set up sheets" writes, in the run's language,
 * added as a Plan sheet before the run, so the run uses it and the result
 * workbook shows the plan it was computed with (edit it there and run again
 * with `--input` on the result).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { DEFAULT_SHEET_NAMES } from "../../tables/sheet-roles";
import { defaultPlanRows } from "../../core/default-plan";
import type { Language } from "../../core/plan-model";
import { rectangle, type CellData, type SheetData, type WorkbookData } from "./workbook-data";

/**
 * The default plan as a sheet named `Plan`, header row first (blank cells
 * null, numbers as numbers).
 *
 * @example
 * defaultPlanSheet("zh").values[0][0]; // "生效期间" (the zh header of Effective from)
 *
 * @internal Exported only for test/local/start-command.test.ts and test/bad-input/problems-at-scale.test.ts, which
 * check it directly; the code uses it inside this file.
 */
export function defaultPlanSheet(language: Language): SheetData {
  const rows: CellData[][] = defaultPlanRows(language).map((row) => row.map((cell) => (cell === "" ? null : cell)));
  return { name: DEFAULT_SHEET_NAMES.plan, values: rectangle(rows, null), frozenRows: 1 };
}

/**
 * The workbook with the default plan added when it has no Plan sheet (the
 * input object is not changed); `added` says whether it was.
 *
 * @example
 * const { workbook, added } = withDefaultPlan(input, "en");
 */
export function withDefaultPlan(input: WorkbookData, language: Language): { workbook: WorkbookData; added: boolean } {
  // Matched as the add-on looks sheets up (ignoring case, not spaces).
  const wanted = DEFAULT_SHEET_NAMES.plan.toLowerCase();
  if (input.sheets.some((sheet) => sheet.name.toLowerCase() === wanted)) return { workbook: input, added: false };
  return { workbook: { sheets: [...input.sheets, defaultPlanSheet(language)] }, added: true };
}
