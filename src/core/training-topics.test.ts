import { describe, expect, it } from "vitest";
import { BUILT_IN_METRICS } from "./metric-catalog";
import * as trainingTopics from "./training-topics";

describe("default training topics", () => {
  it("cover every built-in metric and the usual manual ones, in both languages", () => {
    for (const key of [...BUILT_IN_METRICS.map((m) => m.key), "csat", "product_knowledge", "teamwork"]) {
      const topic = trainingTopics.DEFAULT_TRAINING_TOPICS[key];
      expect(topic, key).toBeDefined();
      expect(topic.en.trim().length, key).toBeGreaterThan(0);
      expect(topic.zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("say what a manager would", () => {
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.new_customers).toEqual({
      en: "prospecting and lead generation",
      zh: "客户开发和线索挖掘",
    });
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.revenue).toEqual({
      en: "value selling and pipeline management",
      zh: "价值销售和商机管理",
    });
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.sales_cycle_days).toEqual({
      en: "qualification and closing",
      zh: "商机筛选和促成交易",
    });
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.csat).toEqual({ en: "customer service", zh: "客户服务" });
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.product_knowledge).toEqual({
      en: "product training",
      zh: "产品培训",
    });
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.renewal_rate.en).toBe("account management and renewals");
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.avg_deal_size.en).toBe("value selling and upselling");
  });

  it("read as a Chinese manager would write them: short pairs joined by 和, no translated jargon", () => {
    for (const [key, topic] of Object.entries(trainingTopics.DEFAULT_TRAINING_TOPICS)) {
      expect(topic.zh, key).not.toMatch(/与|管道|[A-Za-z]/);
      expect(topic.zh.length, key).toBeLessThanOrEqual(9);
    }
  });

  it("name no topic after the metric it is recommended for", () => {
    expect(trainingTopics.DEFAULT_TRAINING_TOPICS.product_knowledge.zh).not.toBe("产品知识");
  });

  it("are phrases to put in a sentence, not sentences", () => {
    for (const topic of [
      ...Object.values(trainingTopics.DEFAULT_TRAINING_TOPICS),
      trainingTopics.GENERIC_TRAINING_TOPIC,
      trainingTopics.ONBOARDING_FOCUS,
    ]) {
      expect(topic.en).not.toMatch(/[.!]$/);
      expect(topic.en[0]).toBe(topic.en[0].toLowerCase());
      expect(topic.zh).not.toMatch(/[。！]$/);
    }
  });
});

describe("trainingTopicFor", () => {
  it("prefers the plan's topic, then the default, then generic coaching", () => {
    const plan = { csat: trainingTopics.planTrainingTopic("Complaint handling") };
    expect(trainingTopics.trainingTopicFor(plan, "csat")).toEqual({
      en: "Complaint handling",
      zh: "Complaint handling",
    });
    expect(trainingTopics.trainingTopicFor(plan, "win_rate")).toBe(trainingTopics.DEFAULT_TRAINING_TOPICS.win_rate);
    expect(trainingTopics.trainingTopicFor(plan, "my_metric")).toBe(trainingTopics.GENERIC_TRAINING_TOPIC);
  });

  it("never finds Object's own properties", () => {
    expect(trainingTopics.trainingTopicFor({}, "constructor")).toBe(trainingTopics.GENERIC_TRAINING_TOPIC);
    expect(trainingTopics.trainingTopicFor({}, "toString")).toBe(trainingTopics.GENERIC_TRAINING_TOPIC);
  });
});

describe("onboarding", () => {
  it("covers a new hire's first 90 days with a focus in both languages", () => {
    expect(trainingTopics.ONBOARDING_DAYS).toBe(90);
    expect(trainingTopics.ONBOARDING_FOCUS.en).toContain("sales process");
    expect(trainingTopics.ONBOARDING_FOCUS.zh).toContain("销售流程");
  });
});
