/**
 * What a review says, as data: every figure, comparison, strength, gap,
 * recommendation and signal a review states (docs/sheet-formats.md, "Review
 * text and recognition"), decided once here so that the English and the
 * Chinese text (review-text.ts) state the same facts. Each topic has its own
 * file: review-metric-findings.ts (strengths and weakest areas),
 * review-comparisons.ts, review-pay-findings.ts (payout, next tiers, gates)
 * and review-development-findings.ts (training, signals, recognition);
 * review-subject.ts reads who and which period the review is about.
 *
 * A rep who left during the period (the "left" note) gets no next tier, no
 * training, no onboarding and no development signal: there is no next
 * period to aim for. The figures, strengths, areas and pay stay.
 */
import type { PlanSettings } from "./plan-model";
import type { Recognition } from "./recognition";
import type { DayNumber } from "./records";
import type { LeftOutReason, RepPeriodResult } from "./results";
import {
  previousComparison,
  recentMeanComparison,
  teamComparison,
  teamScores,
  type PreviousComparison,
  type RecentMeanComparison,
  type TeamComparison,
} from "./review-comparisons";
import {
  developmentSignal,
  recognitionMentions,
  trainingFindings,
  type DevelopmentSignal,
  type RecognitionMention,
  type TrainingFinding,
} from "./review-development-findings";
import { comparable, isNumber } from "./review-figures";
import { metricFindings, strengthsAndWeaknesses, type MetricFinding, type MetricGap } from "./review-metric-findings";
import {
  gateFindings,
  nextTierFindings,
  payoutFinding,
  type GateFinding,
  type NextTierFinding,
  type PayoutFinding,
} from "./review-pay-findings";
import { type ReviewPeriod, type ReviewPerson, reviewPeriodKind, reviewPerson, rowNoteFacts } from "./review-subject";
import { ONBOARDING_DAYS } from "./training-topics";

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

export interface ReviewFindings extends ReviewPeriod {
  rep: ReviewPerson;
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
  const notes = rowNoteFacts(result);
  const metrics = metricFindings(result, teamRows);
  const split = strengthsAndWeaknesses(metrics);
  const payout = payoutFinding(result);
  const leftOn = notes.leftOn;
  // A leaver has no next period: nothing to aim for, train or plan.
  const staying = leftOn === null;
  const inOnboarding = isNumber(input.tenureDays) && input.tenureDays < ONBOARDING_DAYS;
  // Every field written out in one literal, the period's too: a spread in the middle of a literal builds the object
  // property by property, slowly, and a review is built twenty thousand times a run.
  const findings: ReviewFindings = {
    rep: reviewPerson(result),
    period: result.period,
    periodKind: reviewPeriodKind(result.period),
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    provisional: notes.provisional,
    // Made with null and set below. V8 gives a field the representation of the first value it ever holds: made with a
    // fraction, the field holds unboxed numbers, and the first review without a score (often late in a run) turns it
    // general, throwing away the compiled code of reviewFindings and of every section that reads the score. Made with
    // null, the field is general from the first review on.
    score: null,
    rank: score !== null && isNumber(result.rank) ? result.rank : null,
    revenueRank: score === null && isNumber(result.rank) && notes.rankedByRevenue ? result.rank : null,
    rankOf: Math.max(
      isNumber(input.periodRowCount) ? input.periodRowCount : 0,
      isNumber(result.rank) ? result.rank : 0,
    ),
    teamRank: score !== null && isNumber(result.teamRank) ? result.teamRank : null,
    teamRankOf: Math.max(teamScores(teamRows).scored, isNumber(result.teamRank) ? result.teamRank : 0),
    metrics,
    leftOut: leftOutMetrics(metrics),
    strengths: split.strengths,
    closestToTarget: split.closestToTarget,
    weaknesses: split.weaknesses,
    allOnTarget: split.allOnTarget,
    previous: score === null ? null : previousComparison(result, history),
    recentMean: recentMeanComparison(score, history),
    team: teamComparison(result, teamRows),
    payout,
    // A review without a score stays short: no tier arithmetic on nothing.
    // Without a payout there is nothing to look at: no empty list of components is made to stand in for one, so the
    // lists those functions read are all of one kind.
    nextTiers:
      payout === null || score === null || !staying
        ? []
        : nextTierFindings(result, payout.components, result.payout?.components ?? []),
    gatesNotMet: payout === null ? [] : gateFindings(payout.components),
    training: staying ? trainingFindings(split.weaknesses, settings) : [],
    advancedTraining: staying && split.allOnTarget && score !== null && comparable(score) >= 1,
    onboarding: staying && inOnboarding ? { tenureDays: Math.max(0, input.tenureDays as number) } : null,
    signal: staying ? developmentSignal(result, history, settings, inOnboarding) : null,
    recognition: recognitionMentions(result, input.recognition),
    proration: notes.proration,
    ramp: notes.ramp,
    leftOn,
  };
  findings.score = score;
  return findings;
}

/** The metrics left out of the score, and why. */
function leftOutMetrics(metrics: readonly MetricFinding[]): ReviewFindings["leftOut"] {
  const leftOut: ReviewFindings["leftOut"] = [];
  for (const m of metrics) if (m.leftOut !== null) leftOut.push({ metric: m.key, reason: m.leftOut });
  return leftOut;
}
