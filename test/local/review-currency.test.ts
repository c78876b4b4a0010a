/**
 * Currency belongs to the spreadsheet, not to the review language: every
 * review of one workbook shows the same symbol whichever language it is
 * written in, and `npm start` says which language it wrote the reviews in
 * and why. Through the built bundle, on the demo workbook.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../../src/core/plan-model";
import { defaultSettings, spreadsheetCurrency, validateSettings } from "../../src/addon/settings";
import { runLocalRecalculation } from "../../src/local/cli/local-recalculation";
import type { WorkbookData } from "../../src/local/workbook/workbook-data";
import { readXlsx } from "../../src/local/workbook/xlsx-workbook";
import { DEMO, ROOT, ensureBuilt, records, runStart, sheetOf } from "./start-helpers";

/** Money as the reviews write it: a leading symbol, or a trailing three-letter code. */
const MONEY = /([$¥€£])\d|\d\.\d\d ([A-Z]{3})\b/g;

function currencySymbols(text: string): Set<string> {
  return new Set([...text.matchAll(MONEY)].map((m) => m[1] ?? m[2]));
}

/** The demo without any Plan `currency` setting, so the spreadsheet's own currency decides. */
async function demoWithoutPlanCurrency(): Promise<WorkbookData> {
  const demo = await readXlsx(DEMO);
  const plan = sheetOf(demo, "Plan");
  const [header] = plan.values;
  const type = header.indexOf("Type");
  const key = header.indexOf("Key");
  const kept = plan.values
    .map((row, r) => (row[type] === "setting" && row[key] === "currency" ? -1 : r))
    .filter((r) => r >= 0);
  plan.values = kept.map((r) => plan.values[r]);
  if (plan.numberFormats) plan.numberFormats = kept.map((r) => plan.numberFormats![r]);
  if (plan.notes) plan.notes = kept.map((r) => plan.notes![r]);
  return demo;
}

function reviewSymbols(
  workbook: WorkbookData,
  locale: string,
  language: Language,
): { symbols: Set<string>; reviews: number } {
  const { result } = runLocalRecalculation(workbook, {
    distDir: join(ROOT, "dist"),
    timeZone: "UTC",
    locale,
    language,
    period: null,
    now: Date.UTC(2026, 11, 1),
  });
  const reviews = records(result.sheet("Reviews")!).map((row) => String(row["Generated review"] ?? ""));
  return { symbols: currencySymbols(reviews.join("\n")), reviews: reviews.length };
}

describe("the currency of a workbook's reviews", () => {
  let demo: WorkbookData;
  beforeAll(async () => {
    ensureBuilt();
    demo = await demoWithoutPlanCurrency();
  });

  it("is the same in every English and every Chinese review of the demo (an en_US spreadsheet: $)", () => {
    const english = reviewSymbols(demo, "en_US", "en");
    const chinese = reviewSymbols(demo, "en_US", "zh");
    expect(english.reviews).toBeGreaterThan(10);
    expect(chinese.reviews).toBe(english.reviews);
    expect(chinese.symbols).toEqual(english.symbols);
    expect([...english.symbols]).toEqual(["$"]);
  });

  it("follows the spreadsheet's locale, not the language: ¥ in a zh_CN spreadsheet, EUR in a de_DE one", () => {
    expect([...reviewSymbols(demo, "zh_CN", "en").symbols]).toEqual(["¥"]);
    expect([...reviewSymbols(demo, "zh_CN", "zh").symbols]).toEqual(["¥"]);
    expect([...reviewSymbols(demo, "de_DE", "zh").symbols]).toEqual(["EUR"]);
  });
});

describe("npm start's language line", () => {
  it("says --lang decided, and --lang does not change the currency of an English workbook", () => {
    const out = join(ROOT, ".cache", "test-review-currency", "demo-zh.xlsx");
    const run = runStart(["--input", DEMO, "--lang", "zh", "--period", "2026-03", "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("评语语言：中文（--lang zh）。");
    expect(run.stdout).toMatch(/\$\d/);
    expect(run.stdout).not.toMatch(/¥\d/);
  });

  it("says when the input's headers decided", () => {
    const out = join(ROOT, ".cache", "test-review-currency", "demo.xlsx");
    const run = runStart(["--input", DEMO, "--period", "2026-03", "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Reviews in English (the language of the input's headers).");
  });
});

describe("the add-on's currency setting", () => {
  it("is auto by default, so the locale decides; a code given wins over the locale", () => {
    expect(defaultSettings().currency).toBe("auto");
    expect(spreadsheetCurrency(defaultSettings(), "en_GB")).toBe("GBP");
    const checked = validateSettings({ currency: " eur " }, defaultSettings());
    expect(checked).toMatchObject({ ok: true, settings: { currency: "EUR" } });
    if (checked.ok) expect(spreadsheetCurrency(checked.settings, "zh_CN")).toBe("EUR");
  });
  it("refuses anything but auto or a three-letter code", () => {
    expect(validateSettings({ currency: "euro" }, defaultSettings()).ok).toBe(false);
    expect(validateSettings({ currency: "AUTO" }, defaultSettings())).toMatchObject({
      ok: true,
      settings: { currency: "auto" },
    });
  });
});
