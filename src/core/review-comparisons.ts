/**
 * A review's comparisons of the score and attainments (rules also in the README):
 * - the previous period is the rep's latest earlier period given (named in
 *   the text, so a gap in history is visible);
 * - the recent mean uses the scored ones among the last three earlier
 *   periods and needs at least two;
 * - the team median needs at least two scored reps in the team.
 * Differences are taken between the rounded figures, so they add up.
 */
import { isPeriodKey, previousPeriod } from "./periods";
import type { Period } from "./records";
import type { RepPeriodResult } from "./results";
import { isNumber, median, shownDifference } from "./review-figures";
import { metricOf, scoredAttainment } from "./review-metric-findings";

interface MetricChange {
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

/** Earlier periods the recent mean looks at, and how many of them must have a score. */
const RECENT_PERIODS = 3;
const RECENT_PERIODS_NEEDED = 2;

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
  // A loop over the last periods rather than slice, map and filter: three arrays per review for three numbers.
  let scored = 0;
  let sum = 0;
  for (let i = Math.max(0, history.length - RECENT_PERIODS); i < history.length; i++) {
    const earlier = history[i].score;
    if (!isNumber(earlier)) continue;
    scored += 1;
    sum += earlier;
  }
  if (scored < RECENT_PERIODS_NEEDED) return null;
  const mean = sum / scored;
  return { periods: scored, mean, difference: shownDifference(score, mean) };
}

/**
 * The score against the median score of the rep's team in the period.
 *
 * @example
 * teamComparison(result, teamRows); // { team: "East", teamSize: 3, median: 0.88, difference: 0.04 }
 */
export function teamComparison(result: RepPeriodResult, teamRows: readonly RepPeriodResult[]): TeamComparison | null {
  if (!isNumber(result.score)) return null;
  const { scored, median: middle } = teamScores(teamRows);
  if (scored < 2 || middle === null) return null;
  return {
    team: result.team,
    teamSize: scored,
    median: middle,
    difference: shownDifference(result.score, middle),
  };
}

/** How many of a team's rows have a score, and the median of those scores. */
export interface TeamScores {
  scored: number;
  median: number | null;
}

// Every member of a team is reviewed against the same scores: count and sort them once per team rows array.
const teamScoresCache = new WeakMap<readonly RepPeriodResult[], TeamScores>();

/**
 * The scored rows of a team and their median score, worked out once per rows array.
 *
 * @example
 * teamScores(teamRows); // { scored: 3, median: 0.88 }
 */
export function teamScores(teamRows: readonly RepPeriodResult[]): TeamScores {
  let known = teamScoresCache.get(teamRows);
  if (known === undefined) {
    const scores: number[] = [];
    for (const row of teamRows) if (isNumber(row.score)) scores.push(row.score);
    // Made with a null median and set after: see the score in reviewFindings (review-findings.ts).
    known = { scored: scores.length, median: null };
    known.median = median(scores);
    teamScoresCache.set(teamRows, known);
  }
  return known;
}
