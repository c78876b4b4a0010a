/**
 * The score trace of the Rep view: how a stored Results row's score is made,
 * metric by metric, from the row's own actuals and targets (as written, so a
 * final period is explained by its final figures) and the floor, cap and
 * weight of the plan version in force for the period.
 *
 * Results rows do not say which role variant scored them, so the trace uses
 * the variant whose account reproduces the stored score (the base plan when
 * none does, flagged so the sidebar says the plan changed since).
 */
import { fiscalYearStart, versionForPeriod } from "../core/plan-lookup";
import type { MetricSpec, PlanBook } from "../core/plan-model";
import { weightedScore } from "../core/score";
import type { RepMetric, ScoreTrace, ScoreTraceLine } from "../sidebar/sidebar-api";

// A stored score is the engine's own number; only float noise may differ.
const SAME_SCORE = 1e-9;

function traceWith(
  specs: readonly MetricSpec[],
  metrics: readonly RepMetric[],
): { lines: ScoreTraceLine[]; total: number | null } {
  const stored = new Map(metrics.map((m) => [m.key, m]));
  const scored = specs.map((spec) => ({
    key: spec.key,
    weight: spec.weight,
    actual: stored.get(spec.key)?.actual ?? null,
    target: stored.get(spec.key)?.target ?? null,
    direction: spec.direction,
    floor: spec.floor,
    cap: spec.cap,
  }));
  const outcome = weightedScore(scored);
  const included = new Map(outcome.included.map((m) => [m.key, m]));
  const leftOut = new Map(outcome.leftOut.map((m) => [m.key, m.reason]));
  const lines = specs.map((spec): ScoreTraceLine => {
    const counted = included.get(spec.key);
    const metric = stored.get(spec.key);
    return {
      key: spec.key,
      label: metric?.label ?? spec.key,
      attainment: metric?.attainment ?? null,
      floor: spec.floor,
      cap: spec.cap,
      weight: spec.weight,
      share: counted ? counted.share : null,
      achievement: counted ? counted.achievement : null,
      points: counted ? counted.share * counted.achievement : null,
      leftOut: leftOut.get(spec.key) ?? null,
    };
  });
  return { lines, total: outcome.score };
}

function sameScore(left: number | null, right: number | null): boolean {
  if (left === null || right === null) return left === right;
  return Math.abs(left - right) <= SAME_SCORE;
}

/**
 * The trace of a stored score: per plan metric its attainment, floor, cap,
 * weight, normalised share, achievement and points (share x achievement),
 * or why it was left out; null when no plan version covers the period.
 *
 * @example
 * scoreTraceOf(plan, "2026-03", rep.metrics, 1.02)?.lines[0];
 * // { key: "revenue", attainment: 1.1, floor: 0, cap: 1.5, weight: 0.4, share: 0.5, achievement: 1.1, points: 0.55, leftOut: null, ... }
 */
export function scoreTraceOf(
  plan: PlanBook,
  period: string,
  metrics: readonly RepMetric[],
  score: number | null,
): ScoreTrace | null {
  const version = versionForPeriod(plan, period, fiscalYearStart(plan));
  if (!version) return null;
  const variants = [version.base, ...Object.values(version.variants)];
  for (const variant of variants) {
    const trace = traceWith(variant.metrics, metrics);
    if (sameScore(trace.total, score)) return { ...trace, matchesScore: true };
  }
  return { ...traceWith(version.base.metrics, metrics), matchesScore: false };
}
