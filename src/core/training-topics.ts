/**
 * What a review recommends for a rep's weakest areas (docs/sheet-formats.md#review-text-and-recognition):
 * a training topic per metric, in English and Chinese, and the onboarding
 * focus for new hires. A plan's `training` rows replace a metric's topic.
 *
 * Topics are noun phrases, not sentences, so the review text can put them in
 * its own sentence ("Recommended training: prospecting and lead generation.").
 */
import type { TrainingTopic } from "./plan-model";

/** The topics a manager would pick for each built-in metric and the usual manual ones. */
export const DEFAULT_TRAINING_TOPICS: Readonly<Record<string, TrainingTopic>> = {
  revenue: { en: "value selling and pipeline management", zh: "价值销售和商机管理" },
  deals_won: { en: "closing skills and moving deals forward", zh: "推进商机和促成交易" },
  new_customers: { en: "prospecting and lead generation", zh: "客户开发和线索挖掘" },
  avg_deal_size: { en: "value selling and upselling", zh: "价值销售和追加销售" },
  win_rate: { en: "opportunity qualification and objection handling", zh: "商机筛选和异议处理" },
  sales_cycle_days: { en: "qualification and closing", zh: "商机筛选和促成交易" },
  renewal_rate: { en: "account management and renewals", zh: "老客户维护和续约" },
  csat: { en: "customer service", zh: "客户服务" },
  satisfaction: { en: "customer service", zh: "客户服务" },
  product_knowledge: { en: "product training", zh: "产品培训" },
  teamwork: { en: "collaboration and knowledge sharing within the team", zh: "团队协作和经验分享" },
};

/**
 * For a metric nobody wrote a topic for (a manual metric the plan invented).
 *
 * @internal Exported only for training-topics.test.ts, which checks it directly; the code uses it inside this file.
 */
export const GENERIC_TRAINING_TOPIC: TrainingTopic = {
  en: "one-to-one coaching with your manager",
  zh: "与主管一对一辅导",
};

/** How long a rep counts as a new hire for the onboarding recommendation. */
export const ONBOARDING_DAYS = 90;

/** What a rep in the first {@link ONBOARDING_DAYS} days should concentrate on. */
export const ONBOARDING_FOCUS: TrainingTopic = {
  en: "learning the products and the sales process, and joining experienced colleagues on customer calls",
  zh: "熟悉产品和销售流程，多跟资深同事一起拜访客户",
};

/**
 * The topic to recommend for a metric: the plan's (defaults already merged
 * into it), else the built-in default, else the generic coaching topic, so a
 * review never has a hole where the topic belongs.
 *
 * @example
 * trainingTopicFor({}, "new_customers").zh; // "客户开发和线索挖掘"
 * trainingTopicFor({ csat: { en: "Complaint handling", zh: "Complaint handling" } }, "csat").en;
 * // "Complaint handling"
 * trainingTopicFor({}, "my_metric").en; // "one-to-one coaching with your manager"
 */
export function trainingTopicFor(training: Readonly<Record<string, TrainingTopic>>, metric: string): TrainingTopic {
  return ownValue(training, metric) ?? ownValue(DEFAULT_TRAINING_TOPICS, metric) ?? GENERIC_TRAINING_TOPIC;
}

/**
 * A plan-written topic: the manager's text is used for both languages, since
 * the plan has one Value cell and a manager writes in the team's language.
 *
 * @example
 * planTrainingTopic("Negotiation workshop"); // { en: "Negotiation workshop", zh: "Negotiation workshop" }
 */
export function planTrainingTopic(text: string): TrainingTopic {
  return { en: text, zh: text };
}

// Metric keys come from the sheet, so "constructor" must not find Object's.
function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
