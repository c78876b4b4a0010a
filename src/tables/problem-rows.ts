/**
 * The Problems sheet: every problem of the latest run that read the inputs,
 * one row each, so that no problem cell is ever cut from view (the console,
 * the Run log and the sidebar show grouped lines). Rows follow the grouped
 * lines' order. Every cell is plain text (`@`): a sheet name or a quoted
 * value starting with `=` stays text.
 */
import type { Localized } from "../core/localized-text";
import type { Language } from "../core/plan-model";
import { problemMessage, type Problem } from "../core/problems";
import { TEXT_FORMAT, textColumn, type OutputColumn } from "./output-columns";
import type { CellValue } from "./sheet-text";

/** The Problems sheet's columns. */
export const PROBLEM_COLUMNS: readonly OutputColumn[] = [
  textColumn("Sheet", "The input sheet the problem is on.", "问题所在的输入工作表。"),
  textColumn(
    "Cell",
    "The cell (A1 notation); the header cell for a column, A1 for a whole sheet.",
    "问题所在的单元格（A1 表示法）；整列的问题为表头单元格，整张表的问题为 A1。",
  ),
  textColumn(
    "Severity",
    "error: the row is left out; warning: nothing is left out.",
    "error（错误）：该行未计入；warning（提醒）：没有内容被排除。",
  ),
  textColumn("Problem", "What is wrong, in the run's language.", "问题说明（使用运行时的语言）。"),
  textColumn(
    "Code",
    "The problem's code, the same in every language (for filters).",
    "问题代码，各语言相同（便于筛选）。",
  ),
];

const NO_PROBLEMS: Localized = {
  en: "No problems: the latest run found none in the inputs.",
  zh: "没有问题：最近一次运行未在输入中发现问题。",
};

/**
 * The whole Problems sheet as one block, header first: one row per problem
 * in the order given, or one row saying there are none.
 *
 * @example
 * problemSheetBlock([problemAt("Sales", "D14", "not_a_number", { column: "Amount", value: "x" })], "en").values[1];
 * // ["Sales", "D14", "error", 'Amount "x" is not a number; the row is left out', "not_a_number"]
 */
export function problemSheetBlock(
  problems: readonly Problem[],
  language: Language,
): { values: CellValue[][]; formats: string[][] } {
  const width = PROBLEM_COLUMNS.length;
  const header = PROBLEM_COLUMNS.map((c) => c.header);
  const rows: CellValue[][] =
    problems.length === 0
      ? [[NO_PROBLEMS[language], ...new Array<string>(width - 1).fill("")]]
      : problems.map((p) => [p.sheet, p.cell, p.severity, problemMessage(p, language), p.code]);
  const values = [header, ...rows];
  return { values, formats: values.map(() => PROBLEM_COLUMNS.map(() => TEXT_FORMAT)) };
}
