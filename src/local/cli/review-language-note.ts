/**
 * The one console line of `npm start` that says which language the reviews
 * are written in and why: `--lang` wins over the Plan's `language` setting,
 * which wins over the language the input's headers are written in (the
 * local stand-in for a spreadsheet's locale).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import type { Localized } from "../../core/localized-text";
import type { Language } from "../../core/plan-model";
import { DEFAULT_SHEET_NAMES } from "../../tables/sheet-roles";
import { readPlan } from "../../tables/plan-table";
import { findSheet, type WorkbookData } from "../workbook/workbook-data";

/** What decided the reviews' language. */
type ReviewLanguageSource = "option" | "plan" | "input";

export interface ReviewLanguageChoice {
  language: Language;
  source: ReviewLanguageSource;
}

/**
 * The reviews' language: `--lang`, else the Plan's setting, else the input's.
 *
 * @example
 * reviewLanguageChoice("zh", "en", "en"); // { language: "zh", source: "option" }
 * reviewLanguageChoice(null, "en", "zh"); // { language: "en", source: "plan" }
 * reviewLanguageChoice(null, null, "zh"); // { language: "zh", source: "input" }
 */
export function reviewLanguageChoice(
  option: Language | null,
  planLanguage: Language | null,
  inputLanguage: Language,
): ReviewLanguageChoice {
  if (option !== null) return { language: option, source: "option" };
  if (planLanguage !== null) return { language: planLanguage, source: "plan" };
  return { language: inputLanguage, source: "input" };
}

/**
 * The `language` setting of the workbook's latest Plan version; null when
 * there is no Plan sheet or it sets none ("auto").
 *
 * @example
 * planLanguageOf({ sheets: [] }); // null
 */
export function planLanguageOf(workbook: WorkbookData): Language | null {
  const sheet = findSheet(workbook, DEFAULT_SHEET_NAMES.plan);
  if (!sheet) return null;
  const versions = [...readPlan(sheet.values, sheet.name).plan.versions].sort((a, b) =>
    a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  return versions.length > 0 ? versions[versions.length - 1].settings.language : null;
}

const LANGUAGE_NAMES: Localized<Localized> = {
  en: { en: "English", zh: "Chinese" },
  zh: { en: "英文", zh: "中文" },
};

/**
 * The console line, in the console's language.
 *
 * @example
 * reviewLanguageNote({ language: "zh", source: "option" }, "en"); // "Reviews in Chinese (--lang zh)."
 * reviewLanguageNote({ language: "en", source: "plan" }, "en");   // "Reviews in English (the Plan's language setting)."
 * reviewLanguageNote({ language: "zh", source: "input" }, "zh");  // "评语语言：中文（按输入表头的语言）。"
 */
export function reviewLanguageNote(choice: ReviewLanguageChoice, consoleLanguage: Language): string {
  const name = LANGUAGE_NAMES[consoleLanguage][choice.language];
  if (consoleLanguage === "zh") {
    const why = { option: `--lang ${choice.language}`, plan: "按考核方案的语言设置", input: "按输入表头的语言" }[
      choice.source
    ];
    return `评语语言：${name}（${why}）。`;
  }
  const why = {
    option: `--lang ${choice.language}`,
    plan: "the Plan's language setting",
    input: "the language of the input's headers",
  }[choice.source];
  return `Reviews in ${name} (${why}).`;
}
