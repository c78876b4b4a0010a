/**
 * The built-in metrics (docs/sheet-formats.md#metrics): computed from Sales, with
 * their kind (additive metrics sum over months and are prorated; ratios are not)
 * and the direction in which they are better.
 */
import type { Localized } from "./localized-text";
import type { Direction, Language } from "./plan-model";

type MetricKind = "additive" | "ratio";

export interface BuiltInMetric {
  key: string;
  kind: MetricKind;
  direction: Direction;
  /** A money amount (formatted with the currency). */
  money: boolean;
  /** Shown as days. */
  days: boolean;
  /** A rate shown as a percentage. */
  percent: boolean;
  label: Localized;
}

export const BUILT_IN_METRICS: readonly BuiltInMetric[] = [
  {
    key: "revenue",
    kind: "additive",
    direction: "higher",
    money: true,
    days: false,
    percent: false,
    label: { en: "Revenue", zh: "销售额" },
  },
  {
    key: "deals_won",
    kind: "additive",
    direction: "higher",
    money: false,
    days: false,
    percent: false,
    label: { en: "Deals won", zh: "成交单数" },
  },
  {
    key: "new_customers",
    kind: "additive",
    direction: "higher",
    money: false,
    days: false,
    percent: false,
    label: { en: "New customers", zh: "新客户数" },
  },
  {
    key: "avg_deal_size",
    kind: "ratio",
    direction: "higher",
    money: true,
    days: false,
    percent: false,
    label: { en: "Average deal size", zh: "平均客单价" },
  },
  {
    key: "win_rate",
    kind: "ratio",
    direction: "higher",
    money: false,
    days: false,
    percent: true,
    label: { en: "Win rate", zh: "赢单率" },
  },
  {
    key: "sales_cycle_days",
    kind: "ratio",
    direction: "lower",
    money: false,
    days: true,
    percent: false,
    label: { en: "Sales cycle (days)", zh: "销售周期（天）" },
  },
  {
    key: "renewal_rate",
    kind: "ratio",
    direction: "higher",
    money: false,
    days: false,
    percent: true,
    label: { en: "Renewal rate", zh: "续约率" },
  },
];

const BY_KEY: Record<string, BuiltInMetric> = Object.fromEntries(BUILT_IN_METRICS.map((m) => [m.key, m]));

/**
 * The built-in metric with this key, or undefined for a manual one.
 *
 * @example
 * builtInMetric("win_rate")?.kind; // "ratio"
 * builtInMetric("csat");           // undefined
 */
export function builtInMetric(key: string): BuiltInMetric | undefined {
  return Object.prototype.hasOwnProperty.call(BY_KEY, key) ? BY_KEY[key] : undefined;
}

/**
 * Whether a metric sums over time (and so is prorated and summed from months).
 * Manual metrics are averages, so they are not additive.
 *
 * @example
 * isAdditive("revenue"); // true
 * isAdditive("csat");    // false
 */
export function isAdditive(key: string): boolean {
  return builtInMetric(key)?.kind === "additive";
}

/** Friendly names for common manual metrics; any other key is shown as typed. */
const MANUAL_LABELS: Record<string, Localized> = {
  csat: { en: "Customer satisfaction", zh: "客户满意度" },
  satisfaction: { en: "Customer satisfaction", zh: "客户满意度" },
  product_knowledge: { en: "Product knowledge", zh: "产品知识" },
  teamwork: { en: "Teamwork", zh: "团队协作" },
};

/**
 * The display name of a metric in a language.
 *
 * @example
 * metricLabel("new_customers", "zh"); // "新客户数"
 * metricLabel("my_metric", "en");     // "my_metric"
 */
export function metricLabel(key: string, language: Language): string {
  const manual = Object.prototype.hasOwnProperty.call(MANUAL_LABELS, key) ? MANUAL_LABELS[key] : undefined;
  const known = builtInMetric(key)?.label ?? manual;
  return known ? known[language] : key;
}
