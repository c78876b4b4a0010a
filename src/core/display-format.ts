/**
 * How numbers, money, percentages and days are shown in reviews and sidebars,
 * in English and Chinese.
 *
 * Written by hand rather than with `Intl.NumberFormat`: Apps Script's runtime
 * may lack its locale data, and the same figures must come out byte-identical
 * in Sheets, in Node and in tests. Rounding is half away from zero on the
 * decimal form (`roundTo`), the rule the payout uses for cents.
 */
import { builtInMetric } from "./metric-catalog";
import type { Language } from "./plan-model";
import { roundTo } from "./rounding";

/** Shown instead of a number that cannot be shown (NaN, Infinity). */
export const NOT_A_NUMBER_TEXT = "—";

/** Currencies written with a leading symbol; every other is written as `1,234.50 EUR`. */
const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: "$",
  CNY: "¥",
};

/**
 * The currency a spreadsheet's figures default to, by its locale. A small
 * table on purpose: the currencies people here mostly pay in; any other
 * locale gets USD, and a Plan's `currency` setting overrides it anyway.
 * Never derived from the review language, so that switching a review to
 * another language never changes its money.
 */
const LOCALE_CURRENCIES: readonly [RegExp, string][] = [
  [/^zh/i, "CNY"],
  [/^ja/i, "JPY"],
  [/^en_GB/i, "GBP"],
  // The euro area's main languages; their non-euro countries (de_CH, fr_CA, ...) fall through to USD.
  [
    /^(de_(DE|AT|LU|BE)|fr_(FR|BE|LU|MC)|es_ES|it_IT|nl_(NL|BE)|pt_PT|fi_FI|el_GR|ga_IE|en_IE|sk_SK|sl_SI|et_EE|lv_LV|lt_LT|mt_MT|hr_HR|ca_ES|eu_ES|gl_ES)$/i,
    "EUR",
  ],
];

/**
 * The currency a spreadsheet locale defaults to: CNY for zh_*, JPY for ja_*,
 * GBP for en_GB, EUR for the euro area's locales, USD otherwise.
 *
 * @example
 * localeCurrency("zh_CN"); // "CNY"
 * localeCurrency("de_DE"); // "EUR"
 * localeCurrency("en_US"); // "USD"
 * localeCurrency("");      // "USD"
 */
export function localeCurrency(locale: string | null | undefined): string {
  const code = (locale ?? "").trim().replace("-", "_");
  for (const [pattern, currency] of LOCALE_CURRENCIES) if (pattern.test(code)) return currency;
  return "USD";
}

/**
 * The currency a plan's figures are shown in: the plan's setting when it has
 * one, else the spreadsheet's currency (its own setting, or its locale's:
 * `localeCurrency`).
 *
 * @example
 * currencyFor(null, "CNY");   // "CNY"
 * currencyFor("", "USD");     // "USD"
 * currencyFor(" eur", "CNY"); // "EUR"
 */
export function currencyFor(setting: string | null | undefined, spreadsheetCurrency: string): string {
  const code = (setting ?? "").trim().toUpperCase();
  return code !== "" ? code : spreadsheetCurrency;
}

/**
 * Rounds up (towards +infinity) to a number of decimals, ignoring binary noise:
 * used for "how much more is needed", where rounding down would fall short.
 *
 * @example
 * ceilTo(1.231, 2); // 1.24
 * ceilTo(2.0000000000001, 0); // 2
 */
export function ceilTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const product = value * factor;
  // A whole product below 12 digits reads back the same through toPrecision (most gaps of counts): no text made.
  if (Number.isInteger(product) && Math.abs(product) < 1e12) return product / factor + 0;
  const scaled = Number(product.toPrecision(12));
  return Math.ceil(scaled) / factor;
}

/**
 * Inserts a comma every three digits of a string of digits.
 *
 * @example
 * groupThousands("1234567"); // "1,234,567"
 */
export function groupThousands(digits: string): string {
  // Most figures a review writes have three digits or fewer before the point: nothing to insert, no pattern to run.
  return digits.length <= 3 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A number with thousands separators and exactly `decimals` decimals, rounded
 * half-up. `-0.00` is written `0.00`.
 *
 * @example
 * formatFixed(1234.5, 2);   // "1,234.50"
 * formatFixed(-0.004, 2);   // "0.00"
 * formatFixed(87.5, 1);     // "87.5"
 */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER_TEXT;
  const factor = 10 ** decimals;
  const units = Math.round(Math.abs(roundTo(value, decimals)) * factor);
  // A finite value near the largest double overflows once scaled to units.
  if (!Number.isFinite(units)) return NOT_A_NUMBER_TEXT;
  const sign = value < 0 && units !== 0 ? "-" : "";
  const fractions = fractionTexts(decimals);
  if (fractions !== null && units <= Number.MAX_SAFE_INTEGER) {
    // Whole units split exactly (% and the division of a multiple are exact below 2^53); the fraction's text is
    // looked up, so a figure costs one new string instead of five.
    const fraction = units % factor;
    return sign + groupThousands(String((units - fraction) / factor)) + fractions[fraction];
  }
  // String() turns 1e21 and above into exponent notation; BigInt keeps every digit.
  const digits = (units >= 1e21 ? BigInt(units).toString() : String(units)).padStart(decimals + 1, "0");
  const whole = decimals > 0 ? digits.slice(0, -decimals) : digits;
  const fraction = decimals > 0 ? "." + digits.slice(-decimals) : "";
  return sign + groupThousands(whole) + fraction;
}

/** Decimals whose fraction texts are kept: cents, one decimal of a percentage, three of a fraction. */
const MAX_LISTED_DECIMALS = 3;
let fractionTextLists: string[][] | undefined;

/**
 * Every fraction's text for a number of decimals, by its units (2 decimals: ".00" to ".99"; 0 decimals: ""); null
 * for decimals not listed. Made on first use, not at bundle load.
 */
function fractionTexts(decimals: number): readonly string[] | null {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_LISTED_DECIMALS) return null;
  fractionTextLists ??= [];
  let texts = fractionTextLists[decimals];
  if (texts === undefined) {
    texts = [];
    for (let units = 0; units < 10 ** decimals; units++)
      texts.push(decimals === 0 ? "" : "." + String(units).padStart(decimals, "0"));
    fractionTextLists[decimals] = texts;
  }
  return texts;
}

/**
 * A plain number with thousands separators and at most `maxDecimals` decimals,
 * trailing zeros dropped: counts stay whole (`5`), prorated targets keep what
 * they need (`2.74`).
 *
 * @example
 * formatNumber(12345);      // "12,345"
 * formatNumber(2.7419);     // "2.74"
 * formatNumber(4.5);        // "4.5"
 * formatNumber(23.46, 1);   // "23.5"
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  const fixed = formatFixed(value, maxDecimals);
  if (maxDecimals === 0 || fixed === NOT_A_NUMBER_TEXT) return fixed;
  if (!Number.isInteger(maxDecimals) || maxDecimals < 0) return fixed.replace(/\.?0+$/, "");
  // With whole decimals the text has a point: trailing zeros, then the point if nothing is left after it, go (the
  // pattern's job, without running it for every figure).
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === ZERO) end -= 1;
  if (fixed.charCodeAt(end - 1) === POINT) end -= 1;
  return end === fixed.length ? fixed : fixed.slice(0, end);
}

const ZERO = 48;
const POINT = 46;

/**
 * Money in a currency, always with cents: `$1,234.50`, `¥1,234.50`,
 * `1,234.50 EUR`; the minus sign comes first (`-$100.00`).
 *
 * @example
 * formatMoney(1234.5, "USD"); // "$1,234.50"
 * formatMoney(-100, "USD");   // "-$100.00"
 * formatMoney(1234.5, "CNY"); // "¥1,234.50"
 * formatMoney(1234.5, "EUR"); // "1,234.50 EUR"
 */
export function formatMoney(amount: number, currency: string): string {
  const magnitude = formatFixed(Math.abs(amount), 2);
  if (magnitude === NOT_A_NUMBER_TEXT) return NOT_A_NUMBER_TEXT;
  const sign = amount < 0 && magnitude !== "0.00" ? "-" : "";
  const symbol = CURRENCY_SYMBOLS[currency];
  return symbol !== undefined ? sign + symbol + magnitude : sign + magnitude + " " + currency;
}

/**
 * A fraction as a percentage with one decimal (the same in both languages).
 *
 * @example
 * formatPercent(0.875); // "87.5%"
 * formatPercent(1);     // "100.0%"
 * formatPercent(-0.05); // "-5.0%"
 */
export function formatPercent(fraction: number): string {
  const text = formatFixed(fraction * 100, 1);
  return text === NOT_A_NUMBER_TEXT ? text : text + "%";
}

/**
 * A fraction as a percentage to one decimal at most, as the Results notes write a weight or a ramp factor.
 *
 * @example
 * formatShortPercent(0.5);    // "50%"
 * formatShortPercent(0.8754); // "87.5%"
 */
export function formatShortPercent(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10) + "%";
}

/**
 * A score as a percentage: a score of 1.0 is on target, shown `100.0%`.
 *
 * @example
 * formatScore(0.92); // "92.0%"
 */
export function formatScore(score: number): string {
  return formatPercent(score);
}

/**
 * A difference between two fractions in percentage points, one decimal,
 * without a sign (the sentence says up or down).
 *
 * @example
 * formatPoints(0.08);   // "8.0"
 * formatPoints(-0.125); // "12.5"
 */
export function formatPoints(difference: number): string {
  return formatFixed(Math.abs(difference) * 100, 1);
}

/**
 * A number of days with at most one decimal: `23.5 days`, `1 day`, `23.5 天`.
 *
 * @example
 * formatDays(23.46, "en"); // "23.5 days"
 * formatDays(1, "en");     // "1 day"
 * formatDays(30, "zh");    // "30 天"
 */
export function formatDays(days: number, language: Language): string {
  const number = formatNumber(days, 1);
  if (language === "zh") return number + " 天";
  return number + (number === "1" ? " day" : " days");
}

/** How a metric's values are shown. */
export type ValueKind = "money" | "percent" | "days" | "number";

/**
 * The display kind of a metric from the catalogue; manual metrics are plain
 * numbers.
 *
 * @example
 * metricValueKind("revenue");  // "money"
 * metricValueKind("win_rate"); // "percent"
 * metricValueKind("csat");     // "number"
 */
export function metricValueKind(key: string): ValueKind {
  const metric = builtInMetric(key);
  if (metric === undefined) return "number";
  if (metric.money) return "money";
  if (metric.percent) return "percent";
  if (metric.days) return "days";
  return "number";
}

/**
 * The decimals a metric's value is shown with, in the metric's own units
 * (a percent metric is a fraction, so one decimal of a percentage is three
 * decimals of the fraction). Differences between two shown figures are taken
 * at this precision, so that cited numbers add up.
 *
 * @example
 * metricPrecision("revenue");          // 2
 * metricPrecision("win_rate");         // 3
 * metricPrecision("sales_cycle_days"); // 1
 */
export function metricPrecision(key: string): number {
  switch (metricValueKind(key)) {
    case "money":
      return 2;
    case "percent":
      return 3;
    case "days":
      return 1;
    default:
      return 2;
  }
}

/**
 * A metric's value in its own kind: money with the currency, rates as
 * percentages, the sales cycle in days, everything else as a plain number.
 *
 * @example
 * formatMetricValue("revenue", 52000, "en", "USD");         // "$52,000.00"
 * formatMetricValue("win_rate", 0.35, "zh", "CNY");         // "35.0%"
 * formatMetricValue("sales_cycle_days", 23.46, "zh", "CNY"); // "23.5 天"
 * formatMetricValue("csat", 4.25, "en", "USD");             // "4.25"
 */
export function formatMetricValue(key: string, value: number, language: Language, currency: string): string {
  return formatValueOfKind(metricValueKind(key), value, language, currency);
}

/**
 * A value of a known kind: money with the currency, a fraction as a
 * percentage, days, or a plain number.
 *
 * @example
 * formatValueOfKind("money", 57250, "en", "USD"); // "$57,250.00"
 * formatValueOfKind("days", 23.46, "zh", "CNY");  // "23.5 天"
 */
export function formatValueOfKind(kind: ValueKind, value: number, language: Language, currency: string): string {
  switch (kind) {
    case "money":
      return formatMoney(value, currency);
    case "percent":
      return formatPercent(value);
    case "days":
      return formatDays(value, language);
    default:
      return formatNumber(value);
  }
}
