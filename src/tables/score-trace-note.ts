/**
 * How a Results row's score is made, written into its Notes, so the score is
 * explained on the sheet as the payout is on Payouts: each metric in the
 * score with its share of the weight (after metrics without data or target
 * are left out) times its achievement (attainment after floor and cap), and
 * where the floor or the cap changed the attainment.
 */
import { fill } from "../core/localized-text";
import { formatShortPercent } from "../core/display-format";
import { metricLabel } from "../core/metric-catalog";
import type { Language } from "../core/plan-model";
import type { MetricResult, RepPeriodResult } from "../core/results";

const WORDS = {
  score: { en: "Score {score} = {terms}", zh: "得分 {score} = {terms}" },
  capped: { en: " (capped)", zh: "（封顶）" },
  floored: { en: " (below floor)", zh: "（低于门槛）" },
} as const;

/** Why a metric's achievement differs from its attainment: the cap or the floor. */
function limitNote(metric: MetricResult, language: Language): string {
  if (metric.attainment === null || metric.achievement === null) return "";
  if (metric.achievement === 0 && metric.attainment > 0) return WORDS.floored[language];
  if (metric.achievement < metric.attainment - 1e-12) return WORDS.capped[language];
  return "";
}

/**
 * The score's arithmetic in one line, or null for a row without a score.
 *
 * @example
 * scoreTraceNote(row, "en");
 * // "Score 119.8% = Revenue 50% × 98.7% + New customers 20% × 150.0% (capped) + Win rate 30% × 150.0% (capped)"
 */
export function scoreTraceNote(result: RepPeriodResult, language: Language): string | null {
  if (result.score === null) return null;
  // Plain loops over the few metrics, no arrays made: a run writes this note on tens of thousands of rows.
  let totalWeight = 0;
  let counted = 0;
  for (const metric of result.metrics) {
    if (!inScore(metric)) continue;
    totalWeight += metric.weight;
    counted++;
  }
  if (counted === 0 || totalWeight <= 0) return null;
  let terms = "";
  for (const metric of result.metrics) {
    if (!inScore(metric)) continue;
    if (terms !== "") terms += " + ";
    terms +=
      metricLabel(metric.key, language) +
      " " +
      formatShortPercent(metric.weight / totalWeight) +
      " × " +
      formatShortPercent(metric.achievement as number) +
      limitNote(metric, language);
  }
  return fill(WORDS.score[language], { score: formatShortPercent(result.score), terms });
}

/** Whether a metric counts in the score: not left out, with an achievement and a weight. */
function inScore(metric: MetricResult): boolean {
  return metric.leftOut === null && metric.achievement !== null && metric.weight > 0;
}
