/**
 * The facts each fixture review must state, written by hand beside the golden
 * files: if a golden file is regenerated with a mistake, these still fail.
 */
import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/core/calendar";
import { reviewFindings } from "../../src/core/review-findings";
import { fixtureInput, fixtureReview, GOLDEN_REPS, MARCH_RECOGNITION } from "./fixture-team";

function review(rep: string) {
  return { en: fixtureReview(rep, "en"), zh: fixtureReview(rep, "zh") };
}

/** Checks that a review holds every phrase (each phrase its own check, so a failure names it). */
function expectStated(review: string, phrases: string[]): void {
  for (const phrase of phrases) expect(review).toContain(phrase);
}

/** Checks that a review holds none of the phrases. */
function expectNotStated(review: string, phrases: string[]): void {
  for (const phrase of phrases) expect(review).not.toContain(phrase);
}

describe("recognition of the fixture month", () => {
  it("names the best rep of each team and the most improved rep", () => {
    expect(MARCH_RECOGNITION.repOfTheMonth).toEqual({ East: ["r01"], West: ["r05"] });
    expect(MARCH_RECOGNITION.mostImproved?.rep).toBe("r05");
  });
});

describe("top performer (r01)", () => {
  const { en, zh } = review("r01");
  it("states rank, strengths, top tier, promotion signal and recognition", () => {
    expectStated(en, [
      "You rank 1 of 6 overall and 1 of 3 in your team (East).",
      "• Revenue: 136.0% of target, $68,000.00 against $50,000.00; the team median is 96.0%.",
      "• Target bonus: $1,400.00 (rate 1.4, capped from 1.5; base $1,000.00).",
      "• You are in the top tier of the target bonus.",
      "Your score has been at or above 110.0% for 3 consecutive months",
      "• Rep of the month in your team (East). Congratulations!",
    ]);
    expectStated(zh, [
      "你在全部 6 名销售中排名第 1，在团队（East）3 人中排名第 1。",
      "你已连续 3 个月综合得分不低于 110.0%",
      "恭喜你获评团队（East）本月最佳销售！",
    ]);
    expect(en).not.toContain("Areas to improve\n• Revenue");
  });
});

describe("new hire (r02)", () => {
  const { en, zh } = review("r02");
  it("states the ramp, the weakest metric with its gap, its training topic and the onboarding focus", () => {
    expectStated(en, [
      "your targets are set at 75.0% of the full level",
      // The ramp-up made the target 3.75 new customers: the review names the whole target and the ramp instead.
      "• New customers: 1 new customer short of the target of 5, at the 75.0% ramp-up level (80.0%).",
      "• Recommended training for new customers: prospecting and lead generation.",
      "You are in your first 90 days (43 days so far)",
      "You joined 43 days ago, so this review gives no rank",
    ]);
    expectStated(zh, [
      "• 新客户数：目标 5（按爬坡期 75.0% 折算），还差 1 家（完成率 80.0%）。",
      "• 针对新客户数，建议的培训方向：客户开发和线索挖掘。",
      "你入职 43 天，还在前 90 天的适应期。这段时间的重点是",
      "你入职 43 天，仍在适应期，本期暂不排名。",
    ]);
    // In the first 90 days a rank says more about the start date than the work: onboarding instead.
    expect(en).not.toContain("You rank");
    expect(zh).not.toContain("排名第");
  });
});

describe("below the gate (r03)", () => {
  const { en, zh } = review("r03");
  it("states the gate, the two weakest metrics with gaps, training and the support plan", () => {
    expectStated(en, [
      "• Target bonus: $0.00, not paid because your score of 72.2% is below the gate of 80.0%.",
      "• New customers: 3 new customers short of the target of 5 (40.0%).",
      "• Revenue: $12,000.00 short of the target of $50,000.00 (76.0%).",
      "• A score of 80.0% (7.8 points more) reaches the gate from which the target bonus is paid.",
      "Your score has been below 80.0% for 2 consecutive months: let's agree a support plan together",
      "You rank 6 of 6 overall and 3 of 3 in your team (East).",
    ]);
    expectStated(zh, [
      "• 目标奖金：¥0.00（综合得分 72.2% 未达发放门槛 80.0%，本期不发放）。",
      "• 销售额：目标 ¥50,000.00，还差 ¥12,000.00（完成率 76.0%）。",
      "你已连续 2 个月综合得分低于 80.0%。我们一起定一份提升计划",
    ]);
  });
});

describe("a metric left out (r04)", () => {
  const { en, zh } = review("r04");
  it("names the metric left out and why", () => {
    expectStated(en, [
      "• Customer satisfaction: no data this period (target 4.5)",
      "Left out of the score for lack of data: Customer satisfaction. Their weight is spread over the other metrics.",
      "Your scorecard score for March 2026 is 96.8%.",
    ]);
    expect(zh).toContain("客户满意度本期无数据，未计入得分。相应权重已分摊给其他指标。");
  });
});

describe("most improved (r05)", () => {
  const { en, zh } = review("r05");
  it("states the improvement and both awards", () => {
    expectStated(en, [
      "• Score against February 2026: up 32.7 points, from 72.6% to 105.3%.",
      "• Most improved rep of the month: your score rose 32.7 points on the previous month.",
      "• Rep of the month in your team (West). Congratulations!",
    ]);
    expect(zh).toContain("• 恭喜你获评本月进步之星：综合得分较上个月提高 32.7 个百分点。");
  });
});

describe("leaver (r06)", () => {
  const { en, zh } = review("r06");
  it("states the proration, the clawback and the negative total, and the weakest metric in days", () => {
    expectStated(en, [
      "You were employed 12 of the 31 days of the period",
      "• Target bonus: $193.55 (rate 0.5; base $1,000.00; prorated for 12 of 31 days).",
      "• Adjustment: -$1,200.00 (Clawback: order cancelled after the customer returned the goods).",
      "• Total payout: -$626.45.",
      "The total is negative",
      "• Sales cycle (days): 3 days longer than the target of 30 days (90.9%).",
    ]);
    expectStated(zh, ["• 应发合计：-¥626.45。", "• 销售周期（天）：比目标 30 天长 3 天（完成率 90.9%）。"]);
  });

  it("says it was their last period, with the last day, before the proration", () => {
    expect(en).toContain(
      "This was your last month with us: your last day was 12 March 2026. You were employed 12 of the 31 days",
    );
    expect(zh).toContain("这是你在公司的最后一个月，最后工作日为2026年3月12日。你本期在岗 12 天（共 31 天）");
    expect(reviewFindings(fixtureInput("r06")).leftOn).toBe(dayNumber(2026, 3, 12));
  });

  it("keeps strengths, areas and the pay lines with the total", () => {
    expectStated(en, [
      "Strengths\n• New customers: 103.3% of target",
      "Areas to improve\n• Sales cycle (days)",
      "\nPay\n• Target bonus: $193.55",
    ]);
    expectStated(zh, ["\n奖金结算\n• 目标奖金：¥193.55", "• 调整：-¥1,200.00（Clawback"]);
  });

  it("looks back only: no next tier, no training, no onboarding, no development signal", () => {
    expectNotStated(en, [
      "next tier",
      "Recommended training",
      "Training and development",
      "first 90 days",
      "support plan",
      "career step",
      "the plan below",
    ]);
    expectNotStated(zh, ["下一档", "培训方向", "培训与发展", "适应期", "提升计划", "职业发展"]);
    const f = reviewFindings(fixtureInput("r06"));
    expect(f).toMatchObject({ nextTiers: [], training: [], advancedTraining: false, onboarding: null, signal: null });
  });

  it("closes with a thank-you that still asks for a reply", () => {
    expectStated(en, [
      "\n\nThank you for your work and your contribution to the team, and all the best for the future.",
      "please add them in the reply column next to this review",
    ]);
    expectStated(zh, ["\n\n感谢你在职期间的付出和对团队的贡献，祝你今后一切顺利！", "欢迎写在旁边的回复栏里"]);
  });
});

describe("no data (r07)", () => {
  const { en, zh } = review("r07");
  it("is short and says why there is no score", () => {
    expect(en).toContain("There is no score for March 2026: no metric had both data and a target");
    expectStated(zh, ["2026年3月暂无综合得分", "你入职 8 天"]);
    expectNotStated(en, ["Strengths", "You rank", "spread over the other metrics"]);
    expect(en.length).toBeLessThan(1600);
  });
});

describe("every fixture review", () => {
  for (const { file, rep } of GOLDEN_REPS) {
    it(`${file}: never praises and criticises the same metric, and invites a reply`, () => {
      const f = reviewFindings(fixtureInput(rep));
      const weak = new Set(f.weaknesses.map((w) => w.metric));
      for (const s of f.strengths) expect(weak.has(s.metric)).toBe(false);
      if (f.closestToTarget) expect(weak.has(f.closestToTarget.metric)).toBe(false);
      const { en, zh } = review(rep);
      expect(en.endsWith("I am happy to go through any point together.")).toBe(true);
      expect(zh).toContain("欢迎写在旁边的回复栏里");
      // Only the leaver's review speaks of a last period.
      expect(en.includes("This was your last")).toBe(rep === "r06");
      expect(zh.includes("最后工作日")).toBe(rep === "r06");
    });
  }
});
