import { describe, expect, it } from "vitest";
import * as displayFormat from "./display-format";

describe("currencyFor", () => {
  it("defaults to the spreadsheet's currency, whatever the review language", () => {
    expect(displayFormat.currencyFor(null, "CNY")).toBe("CNY");
    expect(displayFormat.currencyFor(null, "USD")).toBe("USD");
    expect(displayFormat.currencyFor("", "USD")).toBe("USD");
  });
  it("uses the plan's setting, upper-cased, over the spreadsheet's", () => {
    expect(displayFormat.currencyFor("eur", "CNY")).toBe("EUR");
    expect(displayFormat.currencyFor(" CNY ", "USD")).toBe("CNY");
  });
});

describe("localeCurrency", () => {
  it("reads the currency from the spreadsheet's locale", () => {
    const localesByCurrency = {
      CNY: ["zh_CN", "zh_TW"],
      JPY: ["ja_JP"],
      GBP: ["en_GB"],
      EUR: ["de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL"],
    };
    for (const [currency, locales] of Object.entries(localesByCurrency)) {
      for (const locale of locales) expect(displayFormat.localeCurrency(locale), locale).toBe(currency);
    }
  });
  it("falls back to USD for en_US, non-euro countries of euro languages, and no locale", () => {
    for (const locale of ["en_US", "de_CH", "pt_BR", "", null]) {
      expect(displayFormat.localeCurrency(locale), String(locale)).toBe("USD");
    }
  });
});

describe("formatFixed and formatNumber", () => {
  it("groups thousands and keeps the decimals asked for", () => {
    expect(displayFormat.groupThousands("1234567")).toBe("1,234,567");
    expect(displayFormat.formatFixed(1234.5, 2)).toBe("1,234.50");
    expect(displayFormat.formatFixed(999.995, 2)).toBe("1,000.00");
    expect(displayFormat.formatFixed(1234567.891, 0)).toBe("1,234,568");
  });
  it("rounds half away from zero on the decimal form, not the binary noise", () => {
    expect(displayFormat.formatFixed(1.005, 2)).toBe("1.01");
    expect(displayFormat.formatFixed(-1.005, 2)).toBe("-1.01");
    expect(displayFormat.formatFixed(0.875 * 100, 1)).toBe("87.5");
    expect(displayFormat.formatFixed(2.5, 0)).toBe("3");
  });
  it("never writes minus zero", () => {
    expect(displayFormat.formatFixed(-0.004, 2)).toBe("0.00");
    expect(displayFormat.formatFixed(-0, 1)).toBe("0.0");
    expect(displayFormat.formatMoney(-0.001, "USD")).toBe("$0.00");
    expect(displayFormat.formatPercent(-0.0001)).toBe("0.0%");
  });
  it("drops trailing zeros of plain numbers", () => {
    expect(displayFormat.formatNumber(12345)).toBe("12,345");
    expect(displayFormat.formatNumber(2.7419)).toBe("2.74");
    expect(displayFormat.formatNumber(4.5)).toBe("4.5");
    expect(displayFormat.formatNumber(4.999)).toBe("5");
    expect(displayFormat.formatNumber(23.46, 1)).toBe("23.5");
    expect(displayFormat.formatNumber(-1234.5)).toBe("-1,234.5");
  });
  it("keeps every digit of very large numbers", () => {
    expect(displayFormat.formatFixed(1e21, 0)).toBe("1,000,000,000,000,000,000,000");
  });
  it("writes the same digits on both sides of 2^53 units, and with more decimals than it keeps texts for", () => {
    expect(displayFormat.formatFixed(Number.MAX_SAFE_INTEGER, 0)).toBe("9,007,199,254,740,991");
    expect(displayFormat.formatFixed(90071992547409.91, 2)).toBe("90,071,992,547,409.91");
    expect(displayFormat.formatFixed(2 ** 53 + 2, 0)).toBe("9,007,199,254,740,994");
    expect(displayFormat.formatFixed(0.05, 3)).toBe("0.050");
    expect(displayFormat.formatFixed(1.23456, 4)).toBe("1.2346");
    expect(displayFormat.formatNumber(1.2, 4)).toBe("1.2");
    expect(displayFormat.formatNumber(100, 3)).toBe("100");
    expect(displayFormat.formatNumber(-0.0001, 3)).toBe("0");
  });
  it("shows a dash rather than NaN or Infinity", () => {
    expect(displayFormat.formatNumber(Number.NaN)).toBe(displayFormat.NOT_A_NUMBER_TEXT);
    expect(displayFormat.formatMoney(Number.POSITIVE_INFINITY, "USD")).toBe(displayFormat.NOT_A_NUMBER_TEXT);
    expect(displayFormat.formatPercent(Number.NaN)).toBe(displayFormat.NOT_A_NUMBER_TEXT);
  });
  it("shows a dash, never throws, for a finite number too large to scale to cents", () => {
    expect(displayFormat.formatFixed(1e308, 2)).toBe(displayFormat.NOT_A_NUMBER_TEXT);
    expect(displayFormat.formatMoney(-1.7e308, "USD")).toBe(displayFormat.NOT_A_NUMBER_TEXT);
    expect(displayFormat.formatPercent(1e307)).toBe(displayFormat.NOT_A_NUMBER_TEXT);
  });
});

describe("formatMoney", () => {
  it("writes dollars and yuan with a symbol, other currencies with their code", () => {
    expect(displayFormat.formatMoney(1234.5, "USD")).toBe("$1,234.50");
    expect(displayFormat.formatMoney(12345, "CNY")).toBe("¥12,345.00");
    expect(displayFormat.formatMoney(1234.5, "EUR")).toBe("1,234.50 EUR");
  });
  it("puts the minus sign first", () => {
    expect(displayFormat.formatMoney(-100, "USD")).toBe("-$100.00");
    expect(displayFormat.formatMoney(-626.45, "CNY")).toBe("-¥626.45");
    expect(displayFormat.formatMoney(-1234.5, "EUR")).toBe("-1,234.50 EUR");
  });
});

describe("percentages, scores, points and days", () => {
  it("shows one decimal, the same in both languages", () => {
    expect(displayFormat.formatPercent(0.875)).toBe("87.5%");
    expect(displayFormat.formatPercent(1)).toBe("100.0%");
    expect(displayFormat.formatPercent(12.3456)).toBe("1,234.6%");
    expect(displayFormat.formatScore(1.0)).toBe("100.0%");
    expect(displayFormat.formatScore(0.92)).toBe("92.0%");
  });
  it("shows percentage points without a sign", () => {
    expect(displayFormat.formatPoints(0.08)).toBe("8.0");
    expect(displayFormat.formatPoints(-0.125)).toBe("12.5");
  });
  it("writes days in each language, with the English singular", () => {
    expect(displayFormat.formatDays(23.46, "en")).toBe("23.5 days");
    expect(displayFormat.formatDays(1, "en")).toBe("1 day");
    expect(displayFormat.formatDays(1.04, "en")).toBe("1 day");
    expect(displayFormat.formatDays(0, "en")).toBe("0 days");
    expect(displayFormat.formatDays(23.5, "zh")).toBe("23.5 天");
  });
});

describe("metric values by kind", () => {
  it("follows the catalogue's money, percent and days flags", () => {
    const metricsByKind = {
      money: ["revenue", "avg_deal_size"],
      percent: ["win_rate", "renewal_rate"],
      days: ["sales_cycle_days"],
      number: ["deals_won", "csat", "constructor"],
    };
    for (const [kind, metrics] of Object.entries(metricsByKind)) {
      for (const metric of metrics) expect(displayFormat.metricValueKind(metric), metric).toBe(kind);
    }
  });
  it("formats each kind", () => {
    expect(displayFormat.formatMetricValue("revenue", 52000, "en", "USD")).toBe("$52,000.00");
    expect(displayFormat.formatMetricValue("revenue", 52000, "zh", "CNY")).toBe("¥52,000.00");
    expect(displayFormat.formatMetricValue("win_rate", 0.35, "zh", "CNY")).toBe("35.0%");
    expect(displayFormat.formatMetricValue("sales_cycle_days", 23.46, "zh", "CNY")).toBe("23.5 天");
    expect(displayFormat.formatMetricValue("new_customers", 3.75, "en", "USD")).toBe("3.75");
    expect(displayFormat.formatMetricValue("csat", 4.25, "en", "USD")).toBe("4.25");
  });
  it("gives the precision each kind is shown at, in the metric's own units", () => {
    expect(displayFormat.metricPrecision("revenue")).toBe(2);
    expect(displayFormat.metricPrecision("win_rate")).toBe(3);
    expect(displayFormat.metricPrecision("sales_cycle_days")).toBe(1);
    expect(displayFormat.metricPrecision("csat")).toBe(2);
  });
});

describe("ceilTo", () => {
  it("rounds up, ignoring binary noise", () => {
    expect(displayFormat.ceilTo(1.231, 2)).toBe(1.24);
    expect(displayFormat.ceilTo(2.0000000000001, 0)).toBe(2);
    expect(displayFormat.ceilTo(0.1 + 0.2, 1)).toBe(0.3);
    expect(displayFormat.ceilTo(1.75, 0)).toBe(2);
  });
});
