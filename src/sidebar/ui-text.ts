/**
 * The sidebar's interface text in English and Chinese. The language follows
 * the spreadsheet's (the server says which in every view's answer); until
 * the first answer arrives the browser's language is a guess.
 */
import { catalogueText } from "../core/localized-text";
import type { UiLanguage } from "./sidebar-api";
import TEXT from "./ui-text.json";

export type TextKey = keyof typeof TEXT;

const text = catalogueText(TEXT);

let current: UiLanguage = typeof navigator !== "undefined" && /^zh/i.test(navigator.language) ? "zh" : "en";

/**
 * The interface language now in use.
 *
 * @example
 * uiLanguage(); // "en"
 */
export function uiLanguage(): UiLanguage {
  return current;
}

/**
 * Sets the interface language (from the server's answer); also the page's `lang`.
 *
 * @example
 * setUiLanguage("zh");
 */
export function setUiLanguage(language: UiLanguage): void {
  current = language;
  if (typeof document !== "undefined") document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}

/**
 * Interface text in the current language, `{name}` placeholders filled.
 *
 * @example
 * t("rankOf", { rank: 2, count: 13 }); // "2 of 13"
 */
export function t(key: TextKey, args: Record<string, string | number> = {}): string {
  return text(key, current, args);
}
