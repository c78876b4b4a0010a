/**
 * The weighted score over a scorecard's metrics, and ranking by score
 * (docs/sheet-formats.md#attainment-and-score).
 */

import { DEFAULT_ACHIEVEMENT_LIMITS, attainment, isUsableTarget, metricAchievement } from "./attainment";
import type { Direction } from "./attainment";
import { roundTo } from "./rounding";

/** One metric of one rep and period, as the score needs it. */
export interface ScoreMetric {
  key: string;
  /** A non-negative weight; weights need not sum to 1. */
  weight: number;
  /** null when the metric has no data. */
  actual: number | null;
  /** null when there is no target. */
  target: number | null;
  direction: Direction;
  /** Default 0. */
  floor?: number;
  /** Default 1.5. */
  cap?: number;
}

/** Why a metric was left out of the score. */
type LeftOutReason = "no_data" | "no_target";

/** A metric that counted, with its part of the weight. */
interface ScoredMetric {
  key: string;
  weight: number;
  /** weight / sum of the counted weights (0 when that sum is 0). */
  share: number;
  /** null only for a lower-is-better metric with actual 0, which achieves its cap. */
  attainment: number | null;
  achievement: number;
}

/** A metric that did not count, and why. */
interface LeftOutMetric {
  key: string;
  reason: LeftOutReason;
}

/** The score and how it was made. */
export interface ScoreOutcome {
  /** null when no metric counted or the counted weights sum to 0. */
  score: number | null;
  included: ScoredMetric[];
  leftOut: LeftOutMetric[];
}

/** An item to rank: anything with an id and a score (null is unranked). */
export interface ScoredItem<Id> {
  id: Id;
  score: number | null;
}

const RANK_DECIMALS = 4;

/**
 * Score = sum of weight x achievement over the metrics with data and a
 * target, divided by the sum of their weights (so the weights of left-out
 * metrics are spread over the rest). A metric without data is reported as
 * "no_data" before a missing target is considered; a lower-is-better actual
 * below 0 counts as no data.
 *
 * @example
 * weightedScore([
 *   { key: "revenue", weight: 0.6, actual: 120, target: 100, direction: "higher" },
 *   { key: "win_rate", weight: 0.4, actual: null, target: 0.3, direction: "higher" },
 * ])
 * // { score: 1.2, included: [revenue, share 1], leftOut: [{ key: "win_rate", reason: "no_data" }] }
 */
export function weightedScore(metrics: readonly ScoreMetric[]): ScoreOutcome {
  const counted: Omit<ScoredMetric, "share">[] = [];
  const leftOut: LeftOutMetric[] = [];
  for (const metric of metrics) {
    const limits = {
      floor: metric.floor ?? DEFAULT_ACHIEVEMENT_LIMITS.floor,
      cap: metric.cap ?? DEFAULT_ACHIEVEMENT_LIMITS.cap,
    };
    const metricValue = metricAchievement(metric.actual, metric.target, metric.direction, limits);
    if (metricValue === null) {
      leftOut.push({ key: metric.key, reason: leftOutReason(metric) });
      continue;
    }
    counted.push({
      key: metric.key,
      weight: metric.weight,
      attainment: attainment(metric.actual, metric.target, metric.direction),
      achievement: metricValue,
    });
  }
  const totalWeight = counted.reduce((sum, metric) => sum + metric.weight, 0);
  const included: ScoredMetric[] = [];
  for (const metric of counted) {
    included.push({
      key: metric.key,
      weight: metric.weight,
      attainment: metric.attainment,
      achievement: metric.achievement,
      share: totalWeight > 0 ? metric.weight / totalWeight : 0,
    });
  }
  const score =
    totalWeight > 0 ? counted.reduce((sum, metric) => sum + metric.weight * metric.achievement, 0) / totalWeight : null;
  return { score, included, leftOut };
}

/**
 * Ranks by score rounded to 4 decimals, highest first; equal scores share
 * the better rank (1, 2, 2, 4). Items without a score get no rank.
 *
 * @example
 * rankByScore([
 *   { id: "a", score: 1.1 }, { id: "b", score: 0.9 }, { id: "c", score: 0.90001 },
 *   { id: "d", score: 0.5 }, { id: "e", score: null },
 * ])
 * // Map { "a" => 1, "b" => 2, "c" => 2, "d" => 4 }
 */
export function rankByScore<Id>(items: readonly ScoredItem<Id>[]): Map<Id, number> {
  // Pushed, not mapped: an array made by Array.prototype.map in optimized code is of another kind than one made
  // before, and the code reading it was compiled again when it met the second.
  const ranked: { id: Id; key: number }[] = [];
  for (const item of items)
    if (item.score !== null && Number.isFinite(item.score))
      ranked.push({ id: item.id, key: roundTo(item.score, RANK_DECIMALS) });
  ranked.sort((left, right) => right.key - left.key);
  const ranks = new Map<Id, number>();
  let rank = 0;
  ranked.forEach((item, position) => {
    if (position === 0 || ranked[position - 1].key !== item.key) {
      rank = position + 1;
    }
    ranks.set(item.id, rank);
  });
  return ranks;
}

function leftOutReason(metric: ScoreMetric): LeftOutReason {
  if (metric.actual === null || !Number.isFinite(metric.actual)) {
    return "no_data";
  }
  if (!isUsableTarget(metric.target)) {
    return "no_target";
  }
  // What is left is a lower-is-better actual below 0: not usable data.
  return "no_data";
}
