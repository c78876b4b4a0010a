/**
 * A review's development advice (rules also in the README): training topics
 * for the weakest areas, promotion or support signals, and recognition.
 * - Development signals count consecutive periods (by period key) ending with
 *   this one; a rep in the first 90 days gets onboarding focus instead of a
 *   support plan.
 * - Advanced training is suggested when every scored metric is on target and
 *   the score is at least 100%.
 */
import { isPeriodKey, previousPeriod } from "./periods";
import type { PlanSettings, TrainingTopic } from "./plan-model";
import type { Recognition } from "./recognition";
import type { RepPeriodResult } from "./results";
import { comparable, isNumber, shownDifference } from "./review-figures";
import { trainingTopicFor } from "./training-topics";

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

function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Training topics for the weakest areas (a rep's weaknesses, a team's coaching priorities): the plan's topic per
 * metric (with the defaults), metrics sharing a topic named together.
 *
 * @example
 * trainingFindings([newCustomersGap], settings);
 * // [{ metrics: ["new_customers"], topic: { en: "prospecting and lead generation", ... } }]
 */
export function trainingFindings(weaknesses: readonly { metric: string }[], settings: PlanSettings): TrainingFinding[] {
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
 *
 * @internal Exported only for review-development-findings.test.ts, which checks it directly; the code uses it inside
 * this file.
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
  const best = ownValue(recognition.repOfTheMonth, result.team);
  // No empty list stands in for a team without a best rep: the lists read here are then all of one kind.
  if (best?.includes(result.rep))
    mentions.push({ kind: "rep_of_the_period", team: result.team, sharedWith: best.length - 1 });
  const improved = recognition.mostImproved;
  if (improved !== null && improved.rep === result.rep && isNumber(result.score) && isNumber(improved.delta)) {
    const previousScore = result.score - improved.delta;
    mentions.push({ kind: "most_improved", previousScore, change: shownDifference(result.score, previousScore) });
  }
  return mentions;
}
