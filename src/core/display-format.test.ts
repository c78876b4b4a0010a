import { describe, expect, it } from "vitest";
import {
  NOT_A_NUMBER_TEXT,
  ceilTo,
  currencyFor,
  localeCurrency,
  formatDays,
  formatFixed,
  formatMetricValue,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatScore,
  groupThousands,
  metricPrecision,
  metricValueKind,
} from "./display-format";

describe("currencyFor", () => {
  it("defaults to the spreadsheet's currency, whatever the review language", () => {
    expect(currencyFor(null, "CNY")).toBe("CNY");
    expect(currencyFor(null, "USD")).toBe("USD");
    expect(currencyFor("", "USD")).toBe("USD");
  });
  it("uses the plan's setting, upper-cased, over the spreadsheet's", () => {
    expect(currencyFor("eur", "CNY")).toBe("EUR");
    expect(currencyFor(" CNY ", "USD")).toBe("CNY");
  });
});

describe("localeCurrency", () => {
  it("reads the currency from the spreadsheet's locale", () => {
    expect(localeCurrency("zh_CN")).toBe("CNY");
    expect(localeCurrency("zh_TW")).toBe("CNY");
    expect(localeCurrency("ja_JP")).toBe("JPY");
    expect(localeCurrency("en_GB")).toBe("GBP");
    expect(localeCurrency("de_DE")).toBe("EUR");
    expect(localeCurrency("fr_FR")).toBe("EUR");
    expect(localeCurrency("es_ES")).toBe("EUR");
    expect(localeCurrency("it_IT")).toBe("EUR");
    expect(localeCurrency("nl_NL")).toBe("EUR");
  });
  it("falls back to USD for en_US, non-euro countries of euro languages, and no locale", () => {
    expect(localeCurrency("en_US")).toBe("USD");
    expect(localeCurrency("de_CH")).toBe("USD");
    expect(localeCurrency("pt_BR")).toBe("USD");
    expect(localeCurrency("")).toBe("USD");
    expect(localeCurrency(null)).toBe("USD");
  });
});

describe("formatFixed and formatNumber", () => {
  it("groups thousands and keeps the decimals asked for", () => {
    expect(groupThousands("1234567")).toBe("1,234,567");
    expect(formatFixed(1234.5, 2)).toBe("1,234.50");
    expect(formatFixed(999.995, 2)).toBe("1,000.00");
    expect(formatFixed(1234567.891, 0)).toBe("1,234,568");
  });
  it("rounds half away from zero on the decimal form, not the binary noise", () => {
    expect(formatFixed(1.005, 2)).toBe("1.01");
    expect(formatFixed(-1.005, 2)).toBe("-1.01");
    expect(formatFixed(0.875 * 100, 1)).toBe("87.5");
    expect(formatFixed(2.5, 0)).toBe("3");
  });
  it("never writes minus zero", () => {
    expect(formatFixed(-0.004, 2)).toBe("0.00");
    expect(formatFixed(-0, 1)).toBe("0.0");
    expect(formatMoney(-0.001, "USD")).toBe("$0.00");
    expect(formatPercent(-0.0001)).toBe("0.0%");
  });
  it("drops trailing zeros of plain numbers", () => {
    expect(formatNumber(12345)).toBe("12,345");
    expect(formatNumber(2.7419)).toBe("2.74");
    expect(formatNumber(4.5)).toBe("4.5");
    expect(formatNumber(4.999)).toBe("5");
    expect(formatNumber(23.46, 1)).toBe("23.5");
    expect(formatNumber(-1234.5)).toBe("-1,234.5");
  });
  it("keeps every digit of very large numbers", () => {
    expect(formatFixed(1e21, 0)).toBe("1,000,000,000,000,000,000,000");
  });
  it("shows a dash rather than NaN or Infinity", () => {
    expect(formatNumber(Number.NaN)).toBe(NOT_A_NUMBER_TEXT);
    expect(formatMoney(Number.POSITIVE_INFINITY, "USD")).toBe(NOT_A_NUMBER_TEXT);
    expect(formatPercent(Number.NaN)).toBe(NOT_A_NUMBER_TEXT);
  });
  it("shows a dash, never throws, for a finite number too large to scale to cents", () => {
    expect(formatFixed(1e308, 2)).toBe(NOT_A_NUMBER_TEXT);
    expect(formatMoney(-1.7e308, "USD")).toBe(NOT_A_NUMBER_TEXT);
    expect(formatPercent(1e307)).toBe(NOT_A_NUMBER_TEXT);
  });
});

describe("formatMoney", () => {
  it("writes dollars and yuan with a symbol, other currencies with their code", () => {
    expect(formatMoney(1234.5, "USD")).toBe("$1,234.50");
    expect(formatMoney(12345, "CNY")).toBe("¥12,345.00");
    expect(formatMoney(1234.5, "EUR")).toBe("1,234.50 EUR");
  });
  it("puts the minus sign first", () => {
    expect(formatMoney(-100, "USD")).toBe("-$100.00");
    expect(formatMoney(-626.45, "CNY")).toBe("-¥626.45");
    expect(formatMoney(-1234.5, "EUR")).toBe("-1,234.50 EUR");
  });
});

describe("percentages, scores, points and days", () => {
  it("shows one decimal, the same in both languages", () => {
    expect(formatPercent(0.875)).toBe("87.5%");
    expect(formatPercent(1)).toBe("100.0%");
    expect(formatPercent(12.3456)).toBe("1,234.6%");
    expect(formatScore(1.0)).toBe("100.0%");
    expect(formatScore(0.92)).toBe("92.0%");
  });
  it("shows percentage points without a sign", () => {
    expect(formatPoints(0.08)).toBe("8.0");
    expect(formatPoints(-0.125)).toBe("12.5");
  });
  it("writes days in each language, with the English singular", () => {
    expect(formatDays(23.46, "en")).toBe("23.5 days");
    expect(formatDays(1, "en")).toBe("1 day");
    expect(formatDays(1.04, "en")).toBe("1 day");
    expect(formatDays(0, "en")).toBe("0 days");
    expect(formatDays(23.5, "zh")).toBe("23.5 天");
  });
});

describe("metric values by kind", () => {
  it("follows the catalogue's money, percent and days flags", () => {
    expect(metricValueKind("revenue")).toBe("money");
    expect(metricValueKind("avg_deal_size")).toBe("money");
    expect(metricValueKind("win_rate")).toBe("percent");
    expect(metricValueKind("renewal_rate")).toBe("percent");
    expect(metricValueKind("sales_cycle_days")).toBe("days");
    expect(metricValueKind("deals_won")).toBe("number");
    expect(metricValueKind("csat")).toBe("number");
    expect(metricValueKind("constructor")).toBe("number");
  });
  it("formats each kind", () => {
    expect(formatMetricValue("revenue", 52000, "en", "USD")).toBe("$52,000.00");
    expect(formatMetricValue("revenue", 52000, "zh", "CNY")).toBe("¥52,000.00");
    expect(formatMetricValue("win_rate", 0.35, "zh", "CNY")).toBe("35.0%");
    expect(formatMetricValue("sales_cycle_days", 23.46, "zh", "CNY")).toBe("23.5 天");
    expect(formatMetricValue("new_customers", 3.75, "en", "USD")).toBe("3.75");
    expect(formatMetricValue("csat", 4.25, "en", "USD")).toBe("4.25");
  });
  it("gives the precision each kind is shown at, in the metric's own units", () => {
    expect(metricPrecision("revenue")).toBe(2);
    expect(metricPrecision("win_rate")).toBe(3);
    expect(metricPrecision("sales_cycle_days")).toBe(1);
    expect(metricPrecision("csat")).toBe(2);
  });
});

describe("ceilTo", () => {
  it("rounds up, ignoring binary noise", () => {
    expect(ceilTo(1.231, 2)).toBe(1.24);
    expect(ceilTo(2.0000000000001, 0)).toBe(2);
    expect(ceilTo(0.1 + 0.2, 1)).toBe(0.3);
    expect(ceilTo(1.75, 0)).toBe(2);
  });
});
