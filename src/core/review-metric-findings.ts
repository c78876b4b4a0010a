/**
 * A review's metrics: each metric's figures beside the team's median, and
 * the strengths and weakest areas named from them (rules also in the README):
 * - Strengths: up to 2 scored metrics (weight above 0) at or above target as
 *   shown, highest attainment first. A metric below target is never a
 *   strength, so a metric can never be both praised and criticised.
 * - Weakest areas: up to 2 scored metrics below target as shown, lowest
 *   attainment first. "As shown": the gap is taken between the figures at the
 *   precision the review prints them (cents, 0.1 percentage point, 0.1 day),
 *   so a gap of $0.00 is never reported. Ties keep plan order.
 * - Gaps are in the metric's units; for whole counts (deals, new customers)
 *   the gap is the whole number still needed (3 against a prorated 4.74 is
 *   "2 short").
 * - The team median needs at least two scored reps in the team.
 */
import type { Direction } from "./plan-model";
import type { MetricResult, RepPeriodResult } from "./results";
import { comparable, isNumber, median, shortfall } from "./review-figures";

/** A metric's result as the review reads it, beside the team's median. */
export interface MetricFinding
  extends Pick<
    MetricResult,
    "key" | "direction" | "weight" | "manual" | "actual" | "target" | "attainment" | "leftOut"
  > {
  /** Median attainment of the metric over the team (at least two reps with one); null otherwise. */
  teamMedianAttainment: number | null;
}

/** A metric above or below its target, with the distance in its own units. */
export interface MetricGap {
  metric: string;
  direction: Direction;
  actual: number;
  target: number;
  attainment: number;
  /** Distance to the target in the metric's units, at the precision shown (> 0 for a weakness, >= 0 for a strength). */
  amount: number;
  teamMedianAttainment: number | null;
}

/** How many strengths and weakest areas a review names. */
const MAX_STRENGTHS = 2;
const MAX_WEAKNESSES = 2;

/**
 * A metric's attainment for comparisons; null when the metric is not scored.
 *
 * @example
 * scoredAttainment({ key: "revenue", attainment: 1.04, leftOut: null, ... }); // 1.04
 */
export function scoredAttainment(metric: MetricResult | undefined): number | null {
  if (metric === undefined || metric.leftOut !== null || !isNumber(metric.attainment)) return null;
  return metric.attainment;
}

/**
 * A result row's metric by key; undefined when the row has none.
 *
 * @example
 * metricOf(result, "revenue"); // { key: "revenue", actual: 52000, target: 50000, ... }
 */
export function metricOf(row: RepPeriodResult, key: string): MetricResult | undefined {
  return row.metrics.find((m) => m.key === key);
}

/**
 * Each metric of the result, with the team's median attainment beside it.
 *
 * @example
 * metricFindings(result, teamRows)[0]; // { key: "revenue", actual: 52000, ..., teamMedianAttainment: 0.98 }
 */
export function metricFindings(result: RepPeriodResult, teamRows: RepPeriodResult[]): MetricFinding[] {
  // Pushed, not mapped: an array from Array.prototype.map turns holey once V8 optimizes the mapping function, and
  // every reader of the review's arrays would then see a second kind of array and be compiled again.
  const findings: MetricFinding[] = [];
  for (const m of result.metrics) {
    findings.push({
      key: m.key,
      direction: m.direction,
      weight: m.weight,
      manual: m.manual,
      actual: isNumber(m.actual) ? m.actual : null,
      target: isNumber(m.target) ? m.target : null,
      attainment: isNumber(m.attainment) ? m.attainment : null,
      leftOut: m.leftOut,
      teamMedianAttainment: teamMedianAttainment(teamRows, m.key),
    });
  }
  return findings;
}

// Every member of a team asks for the same medians: work each out once per
// team rows array (a period of a thousand reps would otherwise repeat it
// for each member and metric).
const teamMedianCache = new WeakMap<readonly RepPeriodResult[], Map<string, number | null>>();

/**
 * The median attainment of a metric over the scored members of a team; null
 * with fewer than two.
 *
 * @example
 * teamMedianAttainment(teamRows, "revenue"); // 0.98
 */
function teamMedianAttainment(teamRows: readonly RepPeriodResult[], key: string): number | null {
  let medians = teamMedianCache.get(teamRows);
  if (!medians) {
    medians = new Map();
    teamMedianCache.set(teamRows, medians);
  }
  if (medians.has(key)) return medians.get(key)!;
  const attainments: number[] = [];
  for (const row of teamRows) {
    const attainment = scoredAttainment(metricOf(row, key));
    if (attainment !== null) attainments.push(attainment);
  }
  const value = attainments.length >= 2 ? median(attainments) : null;
  medians.set(key, value);
  return value;
}

/** Metrics that count in the score and have an attainment to compare. */
function gapsOf(metrics: MetricFinding[]): MetricGap[] {
  const gaps: MetricGap[] = [];
  for (const m of metrics) {
    if (m.leftOut !== null || !(m.weight > 0)) continue;
    if (m.actual === null || m.target === null || m.attainment === null) continue;
    gaps.push({
      metric: m.key,
      direction: m.direction,
      actual: m.actual,
      target: m.target,
      attainment: m.attainment,
      amount: shortfall(m.key, m.direction, m.actual, m.target),
      teamMedianAttainment: m.teamMedianAttainment,
    });
  }
  return gaps;
}

/**
 * The weakness a review would name first (see {@link strengthsAndWeaknesses}), straight from a result row: the
 * lowest attainment below target, the earlier metric on a tie; null when none is below. For a manager's review,
 * which names one per member: no finding per metric, and the team median of the named metric only.
 *
 * @example
 * weakestGapOf(memberRow, members)?.metric; // e.g. "new_customers"
 */
export function weakestGapOf(row: RepPeriodResult, teamRows: readonly RepPeriodResult[]): MetricGap | null {
  let weakest: MetricResult | null = null;
  let weakestAmount = 0;
  for (const m of row.metrics) {
    if (m.leftOut !== null || !(m.weight > 0)) continue;
    if (!isNumber(m.actual) || !isNumber(m.target) || !isNumber(m.attainment)) continue;
    const amount = shortfall(m.key, m.direction, m.actual, m.target);
    if (amount > 0 && (weakest === null || comparable(m.attainment) < comparable(weakest.attainment as number))) {
      weakest = m;
      weakestAmount = amount;
    }
  }
  if (weakest === null) return null;
  return {
    metric: weakest.key,
    direction: weakest.direction,
    actual: weakest.actual as number,
    target: weakest.target as number,
    attainment: weakest.attainment as number,
    amount: weakestAmount,
    teamMedianAttainment: teamMedianAttainment(teamRows, weakest.key),
  };
}

/**
 * Strengths, weakest areas and the metric closest to target, from the scored metrics.
 *
 * @example
 * strengthsAndWeaknesses(metricFindings(result, teamRows));
 * // { strengths: [revenue], weaknesses: [new_customers], closestToTarget: null, allOnTarget: false }
 */
export function strengthsAndWeaknesses(metrics: MetricFinding[]): {
  strengths: MetricGap[];
  weaknesses: MetricGap[];
  closestToTarget: MetricGap | null;
  allOnTarget: boolean;
} {
  const gaps = gapsOf(metrics);
  const onTarget: MetricGap[] = [];
  const below: MetricGap[] = [];
  for (const g of gaps) {
    if (g.amount > 0) below.push(g);
    else {
      // A strength's amount is how far past the target it is; the gap was made for this review alone, so it is
      // changed in place rather than copied.
      g.amount = -g.amount + 0;
      onTarget.push(g);
    }
  }
  sortShortList(onTarget, (a, b) => comparable(b.attainment) - comparable(a.attainment));
  sortShortList(below, (a, b) => comparable(a.attainment) - comparable(b.attainment));
  const closest = onTarget.length === 0 && below.length > MAX_WEAKNESSES ? below[below.length - 1] : null;
  if (onTarget.length > MAX_STRENGTHS) onTarget.length = MAX_STRENGTHS;
  const allOnTarget = gaps.length > 0 && below.length === 0;
  if (below.length > MAX_WEAKNESSES) below.length = MAX_WEAKNESSES;
  return { strengths: onTarget, weaknesses: below, closestToTarget: closest, allOnTarget };
}

/**
 * Sorts a list of a plan's few metrics in place by insertion, stably (equal items keep plan order), without the
 * work array Array.prototype.sort makes for every call: twice per review, twenty thousand reviews per run.
 */
function sortShortList<T>(items: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    while (j >= 0 && compare(items[j], item) > 0) {
      items[j + 1] = items[j];
      j -= 1;
    }
    items[j + 1] = item;
  }
}
