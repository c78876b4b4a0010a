/**
 * Chinese reviews read as written in Chinese (docs/chinese-style.md): no
 * English sentence inside them (what people typed, such as names, teams and
 * adjustment reasons, aside), every manager's score with its unit 分, and no
 * rank for a rep in the first 90 days. Checked on every Chinese golden and
 * on every Chinese review of the demo workbook, run through the built bundle.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { CHANGED_AFTER_ACKNOWLEDGEMENT, mergeReviews } from "../../src/addon/review-cells";
import { metricLabel } from "../../src/core/metric-catalog";
import type { WorkbookData } from "../../src/local/workbook/workbook-data";
import { records, sheetOf } from "../local/start-helpers";
import { demoResultWorkbook } from "./demo-result";
import { GOLDEN_REPS, MARCH_ROWS } from "./fixture-team";

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");

/** Two or more Latin words in a row: an English phrase, not a name or an ID once those are removed. */
const LATIN_RUN = /[A-Za-z]+(?:[ ,.:;'’!?-]+[A-Za-z]+)+/g;

/** The review without what people typed (longest first, so "Ben Li" goes before "Li"). */
function withoutTypedText(review: string, typed: Iterable<string>): string {
  const texts = [...new Set(typed)].filter((t) => t.trim() !== "").sort((a, b) => b.length - a.length);
  return texts.reduce((text, t) => text.split(t.trim()).join("□"), review);
}

function englishRuns(review: string, typed: Iterable<string>): string[] {
  return withoutTypedText(review, typed).match(LATIN_RUN) ?? [];
}

/**
 * Lines that cite a manual metric's own value without 分: on a line naming
 * the metric, a figure that ends the phrase ("实际 4.2，") has lost its unit;
 * a percentage, points, 分 or a count of people ("3 人中") has one.
 */
function scoresWithoutUnit(review: string, manualLabels: readonly string[]): string[] {
  return review
    .split("\n")
    .filter((line) => manualLabels.some((label) => line.includes(label + "：") || line.includes(label + "完成率")))
    .filter((line) => /\d(?:[，。；）]|$)/.test(line.replace(/\d{4}年\d{1,2}月(?:\d{1,2}日)?/g, "")));
}

/** The Chinese goldens of the rep reviews (the demo workbook's reviews below include managers'). */
async function chineseGoldens(): Promise<{ file: string; text: string }[]> {
  const files = GOLDEN_REPS.map(({ file }) => `${file}.zh.txt`);
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(GOLDEN_DIR, file), "utf8") })));
}

const FIXTURE_TYPED = MARCH_ROWS.flatMap((row) => [
  row.name,
  row.id,
  row.team,
  ...(row.payout?.adjustments ?? []).map((a) => a.reason ?? ""),
]);

describe("Chinese goldens of rep reviews", () => {
  it("contain no English phrase", async () => {
    const goldens = await chineseGoldens();
    expect(goldens.length).toBeGreaterThanOrEqual(7);
    for (const { file, text } of goldens) expect(englishRuns(text, FIXTURE_TYPED), file).toEqual([]);
  });

  it("give every manager's score its unit 分", async () => {
    const csat = metricLabel("csat", "zh");
    for (const { file, text } of await chineseGoldens()) {
      expect(scoresWithoutUnit(text, [csat]), file).toEqual([]);
    }
    const { text } = (await chineseGoldens()).find((g) => g.file === "below-gate.zh.txt")!;
    expect(text).toContain("• 客户满意度：实际 4.2 分，目标 4.5 分，完成率 93.3%");
  });

  it("the unit check catches a bare score", () => {
    expect(scoresWithoutUnit("• 客户满意度：实际 4.2，目标 4.5 分，完成率 93.3%", ["客户满意度"])).toHaveLength(1);
    expect(scoresWithoutUnit("  · 客户满意度：95.6% → 93.3%，下降 2.3 个百分点", ["客户满意度"])).toEqual([]);
  });

  it("the English check catches a sentence and lets names through", () => {
    expect(englishRuns("调整：¥1.00（Clawback: order cancelled）。", [])).toEqual(["Clawback: order cancelled"]);
    expect(englishRuns("绩效评估：Ben Li（R02），2026年3月", ["Ben Li", "R02"])).toEqual([]);
  });
});

describe("the change marker of an acknowledged review", () => {
  it("is in the review's language, not the run's", () => {
    const existing = {
      header: ["Period", "Rep ID", "Generated review", "Acknowledged"],
      rows: [["2026-03", "R01", "旧评语", true]],
    };
    const merged = mergeReviews(
      existing as never,
      [{ period: "2026-03", repId: "R01", text: "新评语", language: "zh" }],
      "en",
    );
    expect(merged[1][2]).toBe(CHANGED_AFTER_ACKNOWLEDGEMENT.zh + "\n新评语");
  });
});

describe("the demo workbook's Chinese reviews", () => {
  let result: WorkbookData;
  let reviews: { period: string; repId: string; text: string }[];
  let typed: string[];

  beforeAll(async () => {
    result = await demoResultWorkbook("zh");
    reviews = records(sheetOf(result, "Reviews")).map((row) => ({
      period: String(row.Period),
      repId: String(row["Rep ID"]),
      text: String(row["Generated review"] ?? ""),
    }));
    // Everything people typed into the input sheets: names, teams, IDs, reasons, plan names.
    typed = ["Reps", "Adjustments", "Plan"].flatMap((name) =>
      sheetOf(result, name)
        .values.flat()
        .filter((cell): cell is string => typeof cell === "string"),
    );
  });

  it("are all in Chinese", () => {
    expect(reviews.length).toBeGreaterThan(300);
    for (const r of reviews) expect(r.text, `${r.period} ${r.repId}`).toMatch(/^(主管)?绩效评估：/);
  });

  it("contain no English phrase", () => {
    const found = reviews.flatMap((r) => englishRuns(r.text, typed).map((run) => `${r.period} ${r.repId}: ${run}`));
    expect(found).toEqual([]);
  });

  it("give every manager's score its unit 分", () => {
    const manual = ["csat", "product_knowledge", "teamwork"].map((key) => metricLabel(key, "zh"));
    const found = reviews.flatMap((r) =>
      scoresWithoutUnit(r.text, manual).map((line) => `${r.period} ${r.repId}: ${line}`),
    );
    expect(found).toEqual([]);
    expect(reviews.some((r) => /产品知识：实际 [\d.]+ 分，目标 [\d.]+ 分/.test(r.text))).toBe(true);
  });

  it("never rank a rep in the first 90 days", () => {
    const newHires = reviews.filter((r) => r.text.includes("还在前 90 天的适应期"));
    expect(newHires.length).toBeGreaterThan(0);
    for (const r of newHires) expect(r.text, `${r.period} ${r.repId}`).not.toContain("排名第");
  });

  it("keep every sentence of a rep's review short: at most two commas between full stops, asides aside", () => {
    for (const r of reviews.filter((review) => review.text.startsWith("绩效评估："))) {
      for (const line of r.text.split("\n")) {
        // One idea a sentence; a parenthesis or an aside may add a comma, never a chain of clauses.
        for (const sentence of line.replace(/（[^（）]*）/g, "").split(/[。；！]/)) {
          expect((sentence.match(/，/g) ?? []).length, `${r.period} ${r.repId}: ${line}`).toBeLessThanOrEqual(2);
        }
      }
    }
  });
});
