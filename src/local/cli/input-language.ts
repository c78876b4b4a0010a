/**
 * The language of a run on an exported workbook when `--lang` is not given:
 * an .xlsx or CSV file has no spreadsheet locale, so the input's own header
 * rows decide. Headers written in Chinese (`销售编号`, `日期`, ...) make the
 * run Chinese (locale zh_CN: reviews, problems, currency CNY by default);
 * anything else English (en_US).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import type { Language } from "../../core/plan-model";
import { DEFAULT_SHEET_NAMES } from "../../tables/sheet-roles";
import { findSheet, type WorkbookData } from "../workbook/workbook-data";

const INPUT_SHEETS = [
  DEFAULT_SHEET_NAMES.reps,
  DEFAULT_SHEET_NAMES.sales,
  DEFAULT_SHEET_NAMES.targets,
  DEFAULT_SHEET_NAMES.scores,
  DEFAULT_SHEET_NAMES.adjustments,
  DEFAULT_SHEET_NAMES.plan,
];

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * zh when more header cells of the input sheets are written in Chinese than
 * in Latin letters, else en.
 *
 * @example
 * inputLanguage({ sheets: [{ name: "Sales", values: [["日期", "销售编号", "金额"]] }] }); // "zh"
 * inputLanguage({ sheets: [] }); // "en"
 */
export function inputLanguage(workbook: WorkbookData): Language {
  let han = 0;
  let latin = 0;
  for (const name of INPUT_SHEETS) {
    const header = findSheet(workbook, name)?.values[0] ?? [];
    for (const cell of header) {
      if (typeof cell !== "string") continue;
      if (HAN.test(cell)) han++;
      else if (LATIN.test(cell)) latin++;
    }
  }
  return han > latin ? "zh" : "en";
}

/**
 * The spreadsheet locale that goes with a language.
 *
 * @example
 * localeOf("zh"); // "zh_CN"
 */
export function localeOf(language: Language): string {
  return language === "zh" ? "zh_CN" : "en_US";
}
