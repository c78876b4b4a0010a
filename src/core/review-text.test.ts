import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./default-plan";
import type { ReviewFindings } from "./review-findings";
import { reviewFindings } from "./review-findings";
import { reviewCatalogue, REVIEW_CATALOGUES } from "./review-templates";
import { dayNumber } from "./calendar";
import { MAX_REVIEW_CHARS, cleanUserText, dayLabel, joinList, periodLabel, plural, reviewText } from "./review-text";
import type { MetricResult, RepPeriodResult } from "./results";
import { resultRow } from "../../test/fixtures/result-row";
import { targetBonusTrace } from "../../test/fixtures/component-trace";

function metric(key: string, actual: number | null, target: number | null): MetricResult {
  const attainment = actual !== null && target !== null && target > 0 ? actual / target : null;
  const leftOut = actual === null ? "no_data" : target === null ? "no_target" : null;
  return {
    key,
    direction: "higher",
    weight: 1,
    manual: false,
    actual,
    target,
    targetSource: "rep",
    attainment,
    achievement: leftOut ? null : attainment,
    leftOut,
  };
}

function row(
  period: string,
  score: number | null,
  metrics: MetricResult[],
  extra: Partial<RepPeriodResult> = {},
): RepPeriodResult {
  return resultRow(period, score, metrics, { team: "", ...extra });
}

function findingsOf(result: RepPeriodResult, tenureDays: number | null = 365): ReviewFindings {
  return reviewFindings({
    result,
    history: [],
    teamRows: [result],
    periodRowCount: 1,
    recognition: { repOfTheMonth: { "": [result.rep] }, mostImproved: null },
    settings: DEFAULT_SETTINGS,
    tenureDays,
  });
}

describe("helpers", () => {
  it("names periods for people in each language", () => {
    expect(periodLabel("2026-03", 1, "en")).toBe("March 2026");
    expect(periodLabel("2026-03", 1, "zh")).toBe("2026年3月");
    expect(periodLabel("2026-Q1", 1, "en")).toBe("Q1 2026");
    expect(periodLabel("2026-Q1", 1, "zh")).toBe("2026年第1季度");
    expect(periodLabel("2026", 1, "en")).toBe("2026");
    expect(periodLabel("2026", 1, "zh")).toBe("2026年");
    expect(periodLabel("2026-Q4", 4, "en")).toBe("Q4 of fiscal year 2026");
    expect(periodLabel("2026", 4, "zh")).toBe("2026财年");
  });

  it("names days in the style of the periods", () => {
    expect(dayLabel(dayNumber(2026, 3, 12), "en")).toBe("12 March 2026");
    expect(dayLabel(dayNumber(2026, 3, 12), "zh")).toBe("2026年3月12日");
  });

  it("joins lists and picks plural forms", () => {
    expect(joinList(["A"], reviewCatalogue("en"))).toBe("A");
    expect(joinList(["A", "B", "C"], reviewCatalogue("en"))).toBe("A, B and C");
    expect(joinList(["A", "B", "C"], reviewCatalogue("zh"))).toBe("A、B、C");
    expect(plural(1, { one: "deal", other: "deals" })).toBe("deal");
    expect(plural(0, { one: "deal", other: "deals" })).toBe("deals");
  });

  it("keeps people's text on one line and short", () => {
    expect(cleanUserText(" a\n\tb ")).toBe("a b");
    expect(cleanUserText("x".repeat(300))).toHaveLength(200);
  });

  it("has the same templates and placeholders in both languages", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(",");
    for (const key of Object.keys(REVIEW_CATALOGUES.en.texts) as (keyof typeof REVIEW_CATALOGUES.en.texts)[]) {
      expect(placeholders(REVIEW_CATALOGUES.zh.texts[key]), key).toBe(placeholders(REVIEW_CATALOGUES.en.texts[key]));
    }
  });

  it("writes Chinese templates with Chinese punctuation", () => {
    for (const text of Object.values(REVIEW_CATALOGUES.zh.texts)) {
      expect(text).not.toMatch(/[\u4e00-\u9fff][,.;:!?(]|[,;:!?)][\u4e00-\u9fff]/);
    }
  });
});

describe("reviewText", () => {
  const result = row("2026-03", 0.9, [metric("revenue", 45000, 50000), metric("new_customers", 3, 5)], {
    payout: {
      payoutPeriod: "month",
      components: [
        targetBonusTrace({ driverValue: 0.9, nextBound: 1, rate: 0.5, rawRate: 0.5, amount: 500 }),
        targetBonusTrace({
          key: "stretch",
          driver: { kind: "attainment", metric: "new_customers" },
          driverValue: 0.6,
          nextBound: 1.2,
          rate: 0,
          rawRate: 0,
          amount: 0,
        }),
        targetBonusTrace({
          key: "commission",
          kind: "commission",
          driver: { kind: "amount", metric: "revenue" },
          driverValue: 45000,
          nextBound: 50000,
          base: 1,
          rate: 0.02,
          rawRate: 0.02,
          amount: 900,
        }),
      ],
      componentsTotal: 1400,
      adjustments: [{ period: "2026-03", amount: 50, reason: "", row: 2 }],
      total: 1450,
      negative: false,
    },
  });

  it("words the next tier of each driver in the metric's units", () => {
    const en = reviewText(findingsOf(result), "en", "USD");
    expect(en).toContain(
      "• A score of 100.0% (10.0 points more) reaches the next tier of the target bonus (target_bonus).",
    );
    expect(en).toContain(
      "• New customers at 120.0% of target (3 more new customers) reaches the next tier of the target bonus (stretch).",
    );
    expect(en).toContain("• $5,000.00 more revenue ($50,000.00 in total) reaches the next tier of the commission.");
    expect(en).toContain("• Commission: $900.00 on revenue of $45,000.00.");
    expect(en).toContain("• Adjustment: $50.00.");
    const zh = reviewText(findingsOf(result), "zh", "CNY");
    expect(zh).toContain("• 新客户数完成率达到 120.0%（还差 3 家），目标奖金（stretch）即可进入下一档。");
    expect(zh).toContain("• 销售额再增加 ¥5,000.00（达到 ¥50,000.00），提成即可进入下一档。");
  });

  it("shows people's text as typed, never filling braces in it", () => {
    const odd = row("2026-03", 1, [metric("revenue", 100, 100)], { name: "Ann {metric}", team: "{team}" });
    const text = reviewText(findingsOf(odd), "en", "USD");
    expect(text.startsWith("Performance review: Ann {metric} (R1), March 2026")).toBe(true);
  });

  it("names the award after the period's kind", () => {
    const quarter = row("2026-Q1", 1.05, [metric("revenue", 105, 100)]);
    expect(reviewText(findingsOf(quarter), "en", "USD")).toContain("• Rep of the quarter. Congratulations!");
    expect(reviewText(findingsOf(quarter), "zh", "CNY")).toContain("• 恭喜你获评本季度最佳销售！");
    const year = row("2026", 1.05, [metric("revenue", 105, 100)]);
    expect(reviewText(findingsOf(year), "en", "USD")).toContain("Your scorecard score for 2026 is 105.0%.");
    expect(reviewText(findingsOf(year), "zh", "CNY")).toContain("• 恭喜你获评年度最佳销售！");
  });

  it("looks back only for a leaver below target: no plan below, the last quarter named", () => {
    const leaver = row("2026-Q1", 0.5, [metric("revenue", 1, 2)], {
      notes: [{ code: "left", lastDay: dayNumber(2026, 2, 20) }],
    });
    const en = reviewText(findingsOf(leaver, 30), "en", "USD");
    expect(en).toContain("You finished below your overall target this period.");
    expect(en).toContain("This was your last quarter with us: your last day was 20 February 2026.");
    expect(en).not.toContain("the plan below");
    expect(en).not.toContain("Training and development");
    const zh = reviewText(findingsOf(leaver, 30), "zh", "CNY");
    expect(zh).toContain("本期整体未达目标。你在全部");
    expect(zh).toContain("这是你在公司的最后一个季度，最后工作日为2026年2月20日。");
  });

  it("writes other currencies with their code", () => {
    expect(reviewText(findingsOf(result), "zh", "EUR")).toContain("本期应发 1,450.00 EUR。");
  });

  it("is plain text: a heading, sections of a title and bullets, no Markdown", () => {
    const text = reviewText(findingsOf(result), "en", "USD");
    expect(text).not.toMatch(/(^|\n)#|\*\*|`|__|\[.*\]\(/);
    expect(text.split("\n\n").length).toBeGreaterThan(4);
    expect(text.startsWith("Performance review: Rep One (R1), March 2026\n")).toBe(true);
  });

  it("stays under the cell limit however many metrics the plan has", () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      metric("manual_metric_with_a_rather_long_name_number_" + i, i, 1000),
    );
    const text = reviewText(findingsOf(row("2026-03", 0.5, many)), "en", "USD");
    expect(text.length).toBeLessThanOrEqual(MAX_REVIEW_CHARS);
    expect(text.endsWith("(The review was shortened to fit in one cell.)")).toBe(true);
    const zh = reviewText(findingsOf(row("2026-03", 0.5, many)), "zh", "CNY");
    expect(zh.length).toBeLessThanOrEqual(MAX_REVIEW_CHARS);
  });
});
