/**
 * How the sidebar writes the numbers it reads from the sheets: the same
 * formatting the reviews use (src/core/display-format.ts), so a payout reads
 * the same in the sidebar and in the review, and "—" for a blank cell.
 */
import {
  formatFixed,
  formatMoney,
  formatNumber,
  formatPercent,
  formatValueOfKind,
  NOT_A_NUMBER_TEXT,
} from "../core/display-format";
import type { UiLanguage, ValueKind } from "./sidebar-api";

/**
 * Money with the plan's currency, or "—".
 *
 * @example
 * money(2600.13, "USD"); // "$2,600.13"
 * money(null, "USD");    // "—"
 */
export function money(value: number | null, currency: string): string {
  return value === null ? NOT_A_NUMBER_TEXT : formatMoney(value, currency);
}

/**
 * A fraction as a percentage with one decimal, or "—".
 *
 * @example
 * percent(0.987); // "98.7%"
 */
export function percent(value: number | null): string {
  return value === null ? NOT_A_NUMBER_TEXT : formatPercent(value);
}

/**
 * A whole number such as a rank, or "—".
 *
 * @example
 * whole(3); // "3"
 */
export function whole(value: number | null): string {
  return value === null ? NOT_A_NUMBER_TEXT : formatNumber(value, 0);
}

/**
 * A rate or multiple with up to four decimals, or "—".
 *
 * @example
 * rateNumber(1.49609674); // "1.4961"
 */
export function rateNumber(value: number | null): string {
  return value === null ? NOT_A_NUMBER_TEXT : formatNumber(value, 4);
}

/**
 * Seconds with one decimal, or "—".
 *
 * @example
 * seconds(12.34); // "12.3"
 */
export function seconds(value: number | null): string {
  return value === null ? NOT_A_NUMBER_TEXT : formatFixed(value, 1);
}

/**
 * A metric's value in its kind: money, a percentage, days or a plain number.
 *
 * @example
 * metricValue("money", 57250, "en", "USD");   // "$57,250.00"
 * metricValue("days", 23.46, "zh", "CNY");    // "23.5 天"
 * metricValue("number", null, "en", "USD");   // "—"
 */
export function metricValue(kind: ValueKind, value: number | null, language: UiLanguage, currency: string): string {
  return value === null ? NOT_A_NUMBER_TEXT : formatValueOfKind(kind, value, language, currency);
}

/**
 * The value of a payout driver: a score or attainment as a percentage, an
 * amount (a commission's driver, such as revenue) as money.
 *
 * @example
 * driverValue("score", 1.198, "USD");            // "119.8%"
 * driverValue("attainment:revenue", 0.98, "USD"); // "98.0%"
 * driverValue("revenue", 57250, "USD");          // "$57,250.00"
 */
export function driverValue(driver: string, value: number | null, currency: string): string {
  if (value === null) return NOT_A_NUMBER_TEXT;
  return driver === "score" || driver.includes("attainment") ? formatPercent(value) : formatMoney(value, currency);
}
