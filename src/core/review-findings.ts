/**
 * What a review says, as data: every figure, comparison, strength, gap,
 * recommendation and signal of product-spec section 8, decided once here so
 * that the English and the Chinese text (review-text.ts) state the same facts.
 *
 * Rules where the spec is silent (also in the README):
 * - Strengths: up to 2 scored metrics (weight above 0) at or above target as
 *   shown, highest attainment first. A metric below target is never a
 *   strength, so a metric can never be both praised and criticised.
 * - Weakest areas: up to 2 scored metrics below target as shown, lowest
 *   attainment first. "As shown": the gap is taken between the figures at the
 *   precision the review prints them (cents, 0.1 percentage point, 0.1 day),
 *   so a gap of $0.00 is never reported. Ties keep plan order.
 * - Gaps are in the metric's units; for whole counts (deals, new customers)
 *   the gap is the whole number still needed (3 against a prorated 4.74 is
 *   "2 short"). Differences between two cited figures (score changes, points
 *   to the next tier) are taken between the rounded figures, so they add up.
 * - Comparisons: the previous period is the rep's latest earlier period
 *   given (named in the text, so a gap in history is visible); the recent
 *   mean uses the scored ones among the last three earlier periods and needs
 *   at least two; the team median needs at least two scored reps in the team.
 * - Development signals count consecutive periods (by period key) ending with
 *   this one; a rep in the first 90 days gets onboarding focus instead of a
 *   support plan.
 * - Advanced training is suggested when every scored metric is on target and
 *   the score is at least 100% (the article: "为业绩突出的销售人员提供高级培训").
 * - A rep who left during the period (the "left" note) gets no next tier, no
 *   training, no onboarding and no development signal: there is no next
 *   period to aim for. The figures, strengths, areas and pay stay.
 */
import { ceilTo, metricPrecision } from "./display-format";
import { builtInMetric } from "./metric-catalog";
import { isPeriodKey, periodKind, previousPeriod, type PeriodKind } from "./periods";
import type { BonusDriver, Direction, PlanSettings, TrainingTopic } from "./plan-model";
import type { Recognition } from "./recognition";
import type { DayNumber, Period, RepKey } from "./records";
import type { ComponentTrace, LeftOutReason, MetricResult, RepPeriodResult } from "./results";
import { roundTo } from "./rounding";
import { ONBOARDING_DAYS, trainingTopicFor } from "./training-topics";

export interface ReviewInput {
  result: RepPeriodResult;
  /** This rep's earlier periods of the same kind, oldest first. */
  history: RepPeriodResult[];
  /** The rep's team in this period, including the rep. */
  teamRows: RepPeriodResult[];
  /** Reps ranked overall in the period. */
  periodRowCount: number;
  recognition: Recognition;
  settings: PlanSettings;
  /** Days from the start date to the period's last day; null = unknown. */
  tenureDays: number | null;
}

export interface MetricFinding {
  key: string;
  direction: Direction;
  weight: number;
  manual: boolean;
  actual: number | null;
  target: number | null;
  attainment: number | null;
  leftOut: LeftOutReason | null;
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

export interface MetricChange {
  metric: string;
  attainment: number;
  previousAttainment: number;
  /** Change in attainment between the figures as shown (fraction; 0.09 = 9.0 points). */
  change: number;
}

export interface PreviousComparison {
  period: Period;
  /** Whether it is the period right before this one. */
  immediate: boolean;
  score: number | null;
  /** Change in score between the figures as shown; null without both scores. */
  scoreChange: number | null;
  metrics: MetricChange[];
}

export interface RecentMeanComparison {
  /** How many earlier periods the mean is over (2 or 3). */
  periods: number;
  mean: number;
  /** Score minus mean, between the figures as shown. */
  difference: number;
}

export interface TeamComparison {
  team: string;
  /** Scored reps in the team, the rep included. */
  teamSize: number;
  median: number;
  /** Score minus median, between the figures as shown. */
  difference: number;
}

export type DriverKind = "score" | "attainment" | "team_attainment" | "amount";

export interface ComponentFinding {
  key: string;
  kind: "target_bonus" | "commission";
  /** Name shown needs the key only when the plan has two components of one kind. */
  showKey: boolean;
  driverKind: DriverKind;
  /** The metric of an attainment, team attainment or amount driver; null for the score. */
  driverMetric: string | null;
  driverValue: number | null;
  amount: number;
  rawRate: number;
  rate: number;
  capped: boolean;
  base: number;
  proration: number;
  gate: number | null;
  gateMet: boolean;
}

export interface AdjustmentFinding {
  amount: number;
  reason: string;
}

export interface PayoutFinding {
  total: number;
  componentsTotal: number;
  components: ComponentFinding[];
  /** The first adjustments in sheet order (at most {@link MAX_LISTED_ADJUSTMENTS}). */
  adjustments: AdjustmentFinding[];
  /** Adjustments not listed, and their sum. */
  moreAdjustments: { count: number; total: number } | null;
  negative: boolean;
}

/** What it takes to reach the next tier (or the gate) of a pay component. */
export type NextTierFinding =
  | {
      status: "below";
      component: string;
      kind: "target_bonus" | "commission";
      showKey: boolean;
      driverKind: DriverKind;
      driverMetric: string | null;
      /** "gate": the component pays nothing until the driver reaches the gate. */
      reaching: "gate" | "tier";
      current: number;
      threshold: number;
      /** threshold - current between the figures as shown (fraction for score and attainments, money for amounts). */
      difference: number;
      /** For an attainment driver with a target: how much more (or less, for lower-is-better) actual it takes, in the metric's units. */
      extraActual: number | null;
    }
  | { status: "top"; component: string; kind: "target_bonus" | "commission"; showKey: boolean };

export interface GateFinding {
  component: string;
  kind: "target_bonus" | "commission";
  showKey: boolean;
  driverKind: DriverKind;
  driverMetric: string | null;
  value: number;
  gate: number;
}

export interface TrainingFinding {
  /** Weak metrics that share this topic, weakest first. */
  metrics: string[];
  topic: TrainingTopic;
}

export type DevelopmentSignal =
  | { kind: "promotion"; periods: number; threshold: number }
  | { kind: "support"; periods: number; threshold: number };

export type RecognitionMention =
  | { kind: "rep_of_the_period"; team: string; sharedWith: number }
  | { kind: "most_improved"; previousScore: number; change: number };

export interface ReviewFindings {
  rep: { key: RepKey; id: string; name: string; team: string; role: string };
  period: Period;
  periodKind: PeriodKind;
  fiscalYearStartMonth: number;
  provisional: boolean;
  score: number | null;
  rank: number | null;
  /** With no score in the whole period (no targets yet), the rank by revenue the Results row holds. */
  revenueRank: number | null;
  rankOf: number;
  teamRank: number | null;
  /** Scored reps in the rep's team. */
  teamRankOf: number;
  metrics: MetricFinding[];
  leftOut: { metric: string; reason: LeftOutReason }[];
  strengths: MetricGap[];
  /** When nothing is at target: the metric closest to it, unless it is already a weakest area. */
  closestToTarget: MetricGap | null;
  weaknesses: MetricGap[];
  /** Every scored metric is on target (and at least one is scored). */
  allOnTarget: boolean;
  previous: PreviousComparison | null;
  recentMean: RecentMeanComparison | null;
  team: TeamComparison | null;
  payout: PayoutFinding | null;
  nextTiers: NextTierFinding[];
  gatesNotMet: GateFinding[];
  training: TrainingFinding[];
  advancedTraining: boolean;
  onboarding: { tenureDays: number } | null;
  signal: DevelopmentSignal | null;
  recognition: RecognitionMention[];
  proration: { days: number; of: number } | null;
  ramp: { factor: number; month: number } | null;
  /** The rep's last day when they left during the period; null when they stay. */
  leftOn: DayNumber | null;
}

/** How many strengths and weakest areas a review names. */
export const MAX_STRENGTHS = 2;
export const MAX_WEAKNESSES = 2;
/** Adjustments listed one by one; the rest are summed, so a review stays short. */
export const MAX_LISTED_ADJUSTMENTS = 10;
/** Earlier periods the recent mean looks at, and how many of them must have a score. */
export const RECENT_PERIODS = 3;
export const RECENT_PERIODS_NEEDED = 2;

/** Scores and attainments are shown as percentages with one decimal: 3 decimals of the fraction. */
const FRACTION_PRECISION = 3;
const MONEY_PRECISION = 2;
/** Scores are compared at the precision ranks use (product-spec section 4). */
const COMPARISON_DECIMALS = 4;

/**
 * The difference between two fractions as the review shows them (one decimal
 * of a percentage each), so that "85.0% to 92.0%" is "7.0 points".
 *
 * @example
 * shownDifference(0.9204, 0.8496); // 0.07 (92.0% - 85.0%)
 */
export function shownDifference(current: number, previous: number): number {
  return roundTo(roundTo(current, FRACTION_PRECISION) - roundTo(previous, FRACTION_PRECISION), FRACTION_PRECISION);
}

/**
 * The median of numbers; null for none.
 *
 * @example
 * median([3, 1, 2]);    // 2
 * median([4, 1, 2, 3]); // 2.5
 */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Whether a metric is a count of whole things, whose gap is the whole number still needed.
 *
 * @example
 * isWholeCount("new_customers"); // true
 * isWholeCount("revenue");       // false
 */
export function isWholeCount(key: string): boolean {
  const metric = builtInMetric(key);
  return metric !== undefined && metric.kind === "additive" && !metric.money;
}

/**
 * How far the actual is from the target in the metric's units, at the
 * precision shown: positive = short of target (below for higher-is-better,
 * above for lower-is-better), zero or negative = on target. Whole counts
 * round a shortfall up to the next whole number.
 *
 * @example
 * shortfall("new_customers", "higher", 3, 5);         // 2
 * shortfall("new_customers", "higher", 3, 4.74);      // 2
 * shortfall("sales_cycle_days", "lower", 34.5, 30);   // 4.5
 * shortfall("revenue", "higher", 56000, 50000);       // -6000
 */
export function shortfall(key: string, direction: Direction, actual: number, target: number): number {
  const precision = metricPrecision(key);
  const shownActual = roundTo(actual, precision);
  const shownTarget = roundTo(target, precision);
  const gap = roundTo(direction === "higher" ? shownTarget - shownActual : shownActual - shownTarget, precision);
  if (gap > 0 && isWholeCount(key)) return ceilTo(gap, 0);
  return gap;
}

function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function comparable(value: number): number {
  return roundTo(value, COMPARISON_DECIMALS);
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

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

function metricOf(row: RepPeriodResult, key: string): MetricResult | undefined {
  return row.metrics.find((m) => m.key === key);
}

/**
 * Each metric of the result, with the team's median attainment beside it.
 *
 * @example
 * metricFindings(result, teamRows)[0]; // { key: "revenue", actual: 52000, ..., teamMedianAttainment: 0.98 }
 */
export function metricFindings(result: RepPeriodResult, teamRows: RepPeriodResult[]): MetricFinding[] {
  return result.metrics.map((m) => {
    const teamMedian = teamMedianAttainment(teamRows, m.key);
    return {
      key: m.key,
      direction: m.direction,
      weight: m.weight,
      manual: m.manual,
      actual: isNumber(m.actual) ? m.actual : null,
      target: isNumber(m.target) ? m.target : null,
      attainment: isNumber(m.attainment) ? m.attainment : null,
      leftOut: m.leftOut,
      teamMedianAttainment: teamMedian,
    };
  });
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
export function teamMedianAttainment(teamRows: readonly RepPeriodResult[], key: string): number | null {
  let medians = teamMedianCache.get(teamRows);
  if (!medians) {
    medians = new Map();
    teamMedianCache.set(teamRows, medians);
  }
  if (medians.has(key)) return medians.get(key)!;
  const attainments = teamRows.map((row) => scoredAttainment(metricOf(row, key))).filter(isNumber);
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
  // Array.prototype.sort is stable, so equal attainments keep plan order.
  const onTarget = gaps
    .filter((g) => g.amount <= 0)
    .map((g) => ({ ...g, amount: -g.amount + 0 }))
    .sort((a, b) => comparable(b.attainment) - comparable(a.attainment));
  const below = gaps.filter((g) => g.amount > 0).sort((a, b) => comparable(a.attainment) - comparable(b.attainment));
  const weaknesses = below.slice(0, MAX_WEAKNESSES);
  const closest = onTarget.length === 0 && below.length > weaknesses.length ? below[below.length - 1] : null;
  return {
    strengths: onTarget.slice(0, MAX_STRENGTHS),
    weaknesses,
    closestToTarget: closest,
    allOnTarget: gaps.length > 0 && below.length === 0,
  };
}

/**
 * The comparison with the rep's latest earlier period.
 *
 * @example
 * previousComparison(march, [january, february]); // { period: "2026-02", immediate: true, scoreChange: 0.07, ... }
 */
export function previousComparison(result: RepPeriodResult, history: RepPeriodResult[]): PreviousComparison | null {
  const previous = history[history.length - 1];
  if (previous === undefined) return null;
  const score = isNumber(previous.score) ? previous.score : null;
  const scoreChange = score !== null && isNumber(result.score) ? shownDifference(result.score, score) : null;
  const metrics: MetricChange[] = [];
  for (const m of result.metrics) {
    const now = scoredAttainment(m);
    const before = scoredAttainment(metricOf(previous, m.key));
    if (now === null || before === null) continue;
    metrics.push({ metric: m.key, attainment: now, previousAttainment: before, change: shownDifference(now, before) });
  }
  if (scoreChange === null && metrics.length === 0) return null;
  return {
    period: previous.period,
    immediate:
      isPeriodKey(result.period) && isPeriodKey(previous.period) && previousPeriod(result.period) === previous.period,
    score,
    scoreChange,
    metrics,
  };
}

/**
 * The score against the mean of the scored ones among the last three earlier periods.
 *
 * @example
 * recentMeanComparison(0.92, [dec, jan, feb]); // { periods: 3, mean: 0.88, difference: 0.04 }
 */
export function recentMeanComparison(score: number | null, history: RepPeriodResult[]): RecentMeanComparison | null {
  if (!isNumber(score)) return null;
  const scores = history
    .slice(-RECENT_PERIODS)
    .map((row) => row.score)
    .filter(isNumber);
  if (scores.length < RECENT_PERIODS_NEEDED) return null;
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  return { periods: scores.length, mean, difference: shownDifference(score, mean) };
}

/**
 * The score against the median score of the rep's team in the period.
 *
 * @example
 * teamComparison(result, teamRows); // { team: "East", teamSize: 3, median: 0.88, difference: 0.04 }
 */
export function teamComparison(result: RepPeriodResult, teamRows: RepPeriodResult[]): TeamComparison | null {
  if (!isNumber(result.score)) return null;
  const scores = teamRows.map((row) => row.score).filter(isNumber);
  const middle = median(scores);
  if (scores.length < 2 || middle === null) return null;
  return {
    team: result.team,
    teamSize: scores.length,
    median: middle,
    difference: shownDifference(result.score, middle),
  };
}

function driverKindOf(trace: ComponentTrace): { driverKind: DriverKind; driverMetric: string | null } {
  const driver: BonusDriver | { kind: "amount"; metric: string } = trace.driver;
  if (driver.kind === "score") return { driverKind: "score", driverMetric: null };
  return { driverKind: driver.kind, driverMetric: driver.metric };
}

function componentFindings(components: ComponentTrace[]): ComponentFinding[] {
  const kindCount = (kind: string) => components.filter((c) => c.kind === kind).length;
  return components.map((c) => ({
    key: c.key,
    kind: c.kind,
    showKey: kindCount(c.kind) > 1,
    ...driverKindOf(c),
    driverValue: isNumber(c.driverValue) ? c.driverValue : null,
    amount: isNumber(c.amount) ? c.amount : 0,
    rawRate: isNumber(c.rawRate) ? c.rawRate : 0,
    rate: isNumber(c.rate) ? c.rate : 0,
    capped: isNumber(c.rawRate) && isNumber(c.rate) && c.rawRate > c.rate,
    base: isNumber(c.base) ? c.base : 0,
    proration: isNumber(c.proration) ? c.proration : 1,
    gate: isNumber(c.gate) ? c.gate : null,
    gateMet: c.gateMet,
  }));
}

/**
 * The payout as the review shows it: components, the first adjustments and the total.
 *
 * @example
 * payoutFinding(result); // { total: 1150, components: [...], adjustments: [{ amount: -100, reason: "..." }], ... }
 */
export function payoutFinding(result: RepPeriodResult): PayoutFinding | null {
  const payout = result.payout;
  if (payout === null) return null;
  const listed = payout.adjustments.slice(0, MAX_LISTED_ADJUSTMENTS);
  const rest = payout.adjustments.slice(MAX_LISTED_ADJUSTMENTS);
  return {
    total: isNumber(payout.total) ? payout.total : 0,
    componentsTotal: isNumber(payout.componentsTotal) ? payout.componentsTotal : 0,
    components: componentFindings(payout.components),
    adjustments: listed.map((a) => ({ amount: isNumber(a.amount) ? a.amount : 0, reason: a.reason })),
    moreAdjustments:
      rest.length > 0
        ? {
            count: rest.length,
            total: roundTo(
              rest.reduce((sum, a) => sum + (isNumber(a.amount) ? a.amount : 0), 0),
              MONEY_PRECISION,
            ),
          }
        : null,
    // The figure shown decides, so the note can never contradict the total beside it.
    negative: isNumber(payout.total) && roundTo(payout.total, MONEY_PRECISION) < 0,
  };
}

/**
 * How much more actual an attainment driver needs to reach a bound, in the
 * metric's units, rounded up at the precision shown (whole units for counts).
 * For lower-is-better, how much lower the actual must be.
 *
 * @example
 * extraActualFor({ key: "revenue", direction: "higher", actual: 46000, target: 50000 }, 1.0); // 4000
 * extraActualFor({ key: "sales_cycle_days", direction: "lower", actual: 36, target: 30 }, 1.0); // 6
 */
export function extraActualFor(
  metric: Pick<MetricResult, "key" | "direction" | "actual" | "target">,
  bound: number,
): number | null {
  if (!isNumber(metric.actual) || !isNumber(metric.target) || metric.target <= 0 || bound <= 0) return null;
  const needed =
    metric.direction === "higher" ? bound * metric.target - metric.actual : metric.actual - metric.target / bound;
  if (!(needed > 0)) return null;
  return ceilTo(needed, isWholeCount(metric.key) ? 0 : metricPrecision(metric.key));
}

/**
 * The way to the next tier (or the gate) of each component with a driver value.
 *
 * @example
 * nextTierFindings(result, payoutFinding(result)!.components, result.payout!.components);
 * // [{ status: "below", component: "bonus", driverKind: "score", current: 0.92, threshold: 1, difference: 0.08, ... }]
 */
export function nextTierFindings(
  result: RepPeriodResult,
  components: ComponentFinding[],
  traces: ComponentTrace[],
): NextTierFinding[] {
  const findings: NextTierFinding[] = [];
  components.forEach((c, index) => {
    const trace = traces[index];
    if (c.driverValue === null) return;
    const belowGate = c.gate !== null && !c.gateMet;
    const threshold = belowGate ? c.gate : isNumber(trace.nextBound) ? trace.nextBound : null;
    if (threshold === null) {
      if (c.kind === "target_bonus")
        findings.push({ status: "top", component: c.key, kind: c.kind, showKey: c.showKey });
      return;
    }
    const isMoney = c.driverKind === "amount";
    const precision = isMoney ? MONEY_PRECISION : FRACTION_PRECISION;
    const difference = roundTo(roundTo(threshold, precision) - roundTo(c.driverValue, precision), precision);
    if (!(difference > 0)) return;
    const metric =
      c.driverKind === "attainment" && c.driverMetric !== null ? metricOf(result, c.driverMetric) : undefined;
    findings.push({
      status: "below",
      component: c.key,
      kind: c.kind,
      showKey: c.showKey,
      driverKind: c.driverKind,
      driverMetric: c.driverMetric,
      reaching: belowGate ? "gate" : "tier",
      current: c.driverValue,
      threshold,
      difference,
      extraActual: metric !== undefined ? extraActualFor(metric, threshold) : null,
    });
  });
  return findings;
}

function gateFindings(components: ComponentFinding[]): GateFinding[] {
  const gates: GateFinding[] = [];
  for (const c of components) {
    if (c.gateMet || c.gate === null || c.driverValue === null) continue;
    gates.push({
      component: c.key,
      kind: c.kind,
      showKey: c.showKey,
      driverKind: c.driverKind,
      driverMetric: c.driverMetric,
      value: c.driverValue,
      gate: c.gate,
    });
  }
  return gates;
}

/**
 * Training topics for the weakest areas: the plan's topic per metric (with
 * the defaults), metrics sharing a topic named together.
 *
 * @example
 * trainingFindings([newCustomersGap], settings); // [{ metrics: ["new_customers"], topic: { en: "prospecting and lead generation", ... } }]
 */
export function trainingFindings(weaknesses: MetricGap[], settings: PlanSettings): TrainingFinding[] {
  const findings: TrainingFinding[] = [];
  for (const weak of weaknesses) {
    const topic = trainingTopicFor(settings.training ?? {}, weak.metric);
    const same = findings.find((f) => f.topic.en === topic.en && f.topic.zh === topic.zh);
    if (same) same.metrics.push(weak.metric);
    else findings.push({ metrics: [weak.metric], topic });
  }
  return findings;
}

/**
 * How many consecutive periods, ending with this one, meet a condition on the
 * score; a missing period or a missing score ends the run.
 *
 * @example
 * consecutivePeriods(march, [jan, feb], (s) => s >= 1.1); // 3 when all three scored 110% or more
 */
export function consecutivePeriods(
  result: RepPeriodResult,
  history: RepPeriodResult[],
  holds: (score: number) => boolean,
): number {
  if (!isNumber(result.score) || !holds(result.score)) return 0;
  let count = 1;
  let expected = isPeriodKey(result.period) ? previousPeriod(result.period) : null;
  for (let i = history.length - 1; i >= 0 && expected !== null; i -= 1) {
    const row = history[i];
    if (row.period !== expected || !isNumber(row.score) || !holds(row.score)) break;
    count += 1;
    expected = previousPeriod(row.period);
  }
  return count;
}

/**
 * A promotion or stretch conversation after sustained over-attainment, a
 * support plan after sustained under-attainment (thresholds from the plan).
 * Promotion is checked first; no support plan in the first 90 days.
 *
 * @example
 * developmentSignal(march, [jan, feb], settings, false); // { kind: "promotion", periods: 3, threshold: 1.1 }
 */
export function developmentSignal(
  result: RepPeriodResult,
  history: RepPeriodResult[],
  settings: PlanSettings,
  inOnboarding: boolean,
): DevelopmentSignal | null {
  const { promoteScore, promotePeriods, supportScore, supportPeriods } = settings.signals;
  const promote = consecutivePeriods(result, history, (s) => comparable(s) >= comparable(promoteScore));
  if (isNumber(promoteScore) && promote >= Math.max(1, promotePeriods)) {
    return { kind: "promotion", periods: promote, threshold: promoteScore };
  }
  if (inOnboarding) return null;
  const support = consecutivePeriods(result, history, (s) => comparable(s) < comparable(supportScore));
  if (isNumber(supportScore) && support >= Math.max(1, supportPeriods)) {
    return { kind: "support", periods: support, threshold: supportScore };
  }
  return null;
}

/**
 * What the period's recognition says about this rep.
 *
 * @example
 * recognitionMentions(result, recognise(rows, previousRows)); // [{ kind: "rep_of_the_period", team: "East", sharedWith: 0 }]
 */
export function recognitionMentions(result: RepPeriodResult, recognition: Recognition): RecognitionMention[] {
  const mentions: RecognitionMention[] = [];
  const best = ownValue(recognition.repOfTheMonth, result.team) ?? [];
  if (best.includes(result.rep))
    mentions.push({ kind: "rep_of_the_period", team: result.team, sharedWith: best.length - 1 });
  const improved = recognition.mostImproved;
  if (improved !== null && improved.rep === result.rep && isNumber(result.score) && isNumber(improved.delta)) {
    const previousScore = result.score - improved.delta;
    mentions.push({ kind: "most_improved", previousScore, change: shownDifference(result.score, previousScore) });
  }
  return mentions;
}

function prorationOf(result: RepPeriodResult): { days: number; of: number } | null {
  for (const note of result.notes) {
    if (note.code === "prorated" && isNumber(note.days) && isNumber(note.of)) return { days: note.days, of: note.of };
  }
  return null;
}

function rampOf(result: RepPeriodResult): { factor: number; month: number } | null {
  for (const note of result.notes) {
    if (note.code === "ramp" && isNumber(note.factor) && isNumber(note.month) && note.factor < 1)
      return { factor: note.factor, month: note.month };
  }
  return null;
}

function leftOnOf(result: RepPeriodResult): DayNumber | null {
  for (const note of result.notes) {
    if (note.code === "left" && isNumber(note.lastDay)) return note.lastDay;
  }
  return null;
}

/**
 * Everything a review of one rep and period states, as data.
 *
 * @example
 * const findings = reviewFindings({ result, history, teamRows, periodRowCount: 8,
 *   recognition: recognise(rows, previousRows), settings, tenureDays: 400 });
 * findings.weaknesses[0]; // { metric: "new_customers", actual: 3, target: 5, amount: 2, ... }
 */
export function reviewFindings(input: ReviewInput): ReviewFindings {
  const { result, history, teamRows, settings } = input;
  const score = isNumber(result.score) ? result.score : null;
  const metrics = metricFindings(result, teamRows);
  const split = strengthsAndWeaknesses(metrics);
  const payout = payoutFinding(result);
  const traces = result.payout?.components ?? [];
  const components = payout?.components ?? [];
  const leftOn = leftOnOf(result);
  // A leaver has no next period: nothing to aim for, train or plan.
  const staying = leftOn === null;
  const inOnboarding = isNumber(input.tenureDays) && input.tenureDays < ONBOARDING_DAYS;
  return {
    rep: { key: result.rep, id: result.id, name: result.name, team: result.team, role: result.role },
    period: result.period,
    periodKind: isPeriodKey(result.period) ? periodKind(result.period) : "month",
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    provisional: result.notes.some((n) => n.code === "provisional"),
    score,
    rank: score !== null && isNumber(result.rank) ? result.rank : null,
    revenueRank:
      score === null && isNumber(result.rank) && result.notes.some((n) => n.code === "ranked_by_revenue")
        ? result.rank
        : null,
    rankOf: Math.max(
      isNumber(input.periodRowCount) ? input.periodRowCount : 0,
      isNumber(result.rank) ? result.rank : 0,
    ),
    teamRank: score !== null && isNumber(result.teamRank) ? result.teamRank : null,
    teamRankOf: Math.max(
      teamRows.filter((row) => isNumber(row.score)).length,
      isNumber(result.teamRank) ? result.teamRank : 0,
    ),
    metrics,
    leftOut: metrics
      .filter((m) => m.leftOut !== null)
      .map((m) => ({ metric: m.key, reason: m.leftOut as LeftOutReason })),
    strengths: split.strengths,
    closestToTarget: split.closestToTarget,
    weaknesses: split.weaknesses,
    allOnTarget: split.allOnTarget,
    previous: score === null ? null : previousComparison(result, history),
    recentMean: recentMeanComparison(score, history),
    team: teamComparison(result, teamRows),
    payout,
    // A review without a score stays short: no tier arithmetic on nothing.
    nextTiers: score === null || !staying ? [] : nextTierFindings(result, components, traces),
    gatesNotMet: gateFindings(components),
    training: staying ? trainingFindings(split.weaknesses, settings) : [],
    advancedTraining: staying && split.allOnTarget && score !== null && comparable(score) >= 1,
    onboarding: staying && inOnboarding ? { tenureDays: Math.max(0, input.tenureDays as number) } : null,
    signal: staying ? developmentSignal(result, history, settings, inOnboarding) : null,
    recognition: recognitionMentions(result, input.recognition),
    proration: prorationOf(result),
    ramp: rampOf(result),
    leftOn,
  };
}
