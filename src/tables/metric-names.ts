/**
 * The metric a Targets or Scores cell names: its key, or its English or
 * Chinese display name, among the metrics the plan versions declare.
 *
 * Separate because both sheets match metric names the same way and neither
 * owns the rule.
 */
import { BUILT_IN_METRICS, metricLabel } from "../core/metric-catalog";

/** How Targets and Scores turn a metric cell into a metric key. */
export interface MetricResolvers {
  /** A metric of any plan version, by key or display name; null when unknown. */
  plan(text: string): string | null;
  /** A declared manual metric; null when not one. */
  manual(text: string): string | null;
}

/**
 * Metric cells are matched on their key or English or Chinese display name,
 * ignoring case, with spaces and `-` read as `_` (`New customers`,
 * `new-customers`, `新客户数` are all `new_customers`).
 *
 * @example
 * const metrics = metricResolvers(new Set(["revenue"]), new Set(["csat"]));
 * metrics.plan("New customers"); // "new_customers" (built in, kept for a later version)
 * metrics.plan("csat");          // "csat"
 * metrics.manual("revenue");     // null
 */
export function metricResolvers(planMetrics: ReadonlySet<string>, manualMetrics: ReadonlySet<string>): MetricResolvers {
  // A target for a built-in metric the plan does not score yet is kept, not a
  // problem: the key is valid and a later plan version may score it.
  const plan = metricLookup([...BUILT_IN_METRICS.map((m) => m.key), ...planMetrics, ...manualMetrics]);
  const manual = metricLookup(manualMetrics);
  return {
    plan: (text) => plan.get(metricName(text)) ?? null,
    manual: (text) => manual.get(metricName(text)) ?? null,
  };
}

function metricLookup(keys: Iterable<string>): Map<string, string> {
  const lookup = new Map<string, string>();
  const keyList = [...keys];
  for (const key of keyList) {
    for (const label of [metricLabel(key, "en"), metricLabel(key, "zh")]) {
      const name = metricName(label);
      if (!lookup.has(name)) lookup.set(name, key);
    }
  }
  // A key always wins over another metric's display name.
  for (const key of keyList) lookup.set(metricName(key), key);
  return lookup;
}

/**
 * A metric cell or name as it is compared: trimmed, lower case, spaces and
 * `-` as `_`.
 *
 * @example
 * metricName(" New customers "); // "new_customers"
 * metricName("deals-won");       // "deals_won"
 */
export function metricName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
