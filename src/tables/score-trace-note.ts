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
  const counted = result.metrics.filter((m) => m.leftOut === null && m.achievement !== null && m.weight > 0);
  const totalWeight = counted.reduce((sum, m) => sum + m.weight, 0);
  if (counted.length === 0 || totalWeight <= 0) return null;
  const terms = counted.map(
    (m) =>
      metricLabel(m.key, language) +
      " " +
      formatShortPercent(m.weight / totalWeight) +
      " × " +
      formatShortPercent(m.achievement as number) +
      limitNote(m, language),
  );
  return fill(WORDS.score[language], { score: formatShortPercent(result.score), terms: terms.join(" + ") });
}
