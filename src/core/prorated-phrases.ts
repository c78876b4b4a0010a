/**
 * What a review says about a period the rep was employed for only in part
 * (or worked at a ramp-up level): the whole target a prorated count target
 * came from, and the note beside a rank.
 *
 * A count (deals won, new customers) is a whole number. Proration makes its
 * target fractional (2 × 30/31 = 1.94), and "a target of 1.94 new
 * customers" reads as nonsense; the review shows the whole target and says
 * it was prorated instead, while attainment stays against the prorated
 * target, as the score computes it.
 */
import { formatNumber, formatPercent } from "./display-format";
import type { Language } from "./plan-model";
import { fill } from "./localized-text";
// Chinese keeps its sentences to few commas: the scaling goes in brackets (target), or after a comma when the
// target is inside brackets already (targetInBrackets).
import WORDS from "./prorated-phrases-text.json";

/** How a period's targets were scaled for the rep: the findings' proration and ramp. */
export interface TargetScaling {
  proration: { days: number; of: number } | null;
  ramp: { factor: number; month: number } | null;
}

/** Close enough to a whole number that the difference is floating-point noise. */
function wholeNumberNear(value: number): number | null {
  const whole = Math.round(value);
  return whole > 0 && Math.abs(value - whole) < 1e-6 ? whole : null;
}

/**
 * The whole target a prorated, fractional count target was scaled from;
 * null when the target is whole already, was not scaled, or was not whole
 * before scaling (a fractional target typed in Targets is shown as it is).
 *
 * @example
 * wholeTargetBefore(2 * 30 / 31, { proration: { days: 30, of: 31 }, ramp: null });   // 2
 * wholeTargetBefore(5 * 0.75, { proration: null, ramp: { factor: 0.75, month: 2 } }); // 5
 * wholeTargetBefore(3, { proration: null, ramp: null });                              // null
 *
 * @internal Exported only for prorated-phrases.test.ts and test/reviews/number-citation.test.ts, which check it
 * directly; the code uses it inside this file.
 */
export function wholeTargetBefore(target: number, scaling: TargetScaling): number | null {
  if (!Number.isFinite(target) || formatNumber(target) === formatNumber(target, 0)) return null;
  const factor =
    (scaling.proration === null ? 1 : scaling.proration.days / scaling.proration.of) *
    (scaling.ramp === null ? 1 : scaling.ramp.factor);
  if (factor <= 0 || factor >= 1) return null;
  return wholeNumberNear(target / factor);
}

function scalingPhrase(scaling: TargetScaling, language: Language): string {
  const { proration, ramp } = scaling;
  const factor = ramp === null ? "" : formatPercent(ramp.factor);
  if (proration !== null && ramp !== null)
    return fill(WORDS.both[language], { days: proration.days, of: proration.of, factor });
  if (proration !== null) return fill(WORDS.prorated[language], { days: proration.days, of: proration.of });
  return fill(WORDS.ramped[language], { factor });
}

/**
 * A count target as a review shows it: the whole target and how it was
 * scaled when scaling made it fractional, else the number as `shown` gives it.
 *
 * @example
 * countTargetText(2 * 17 / 31, { proration: { days: 17, of: 31 }, ramp: null }, "en", formatNumber);
 * // "2, prorated for 17 of 31 days"
 * countTargetText(2 * 17 / 31, { proration: { days: 17, of: 31 }, ramp: null }, "zh", formatNumber);
 * // "2（按在岗 17/31 天折算）"
 * countTargetText(2 * 17 / 31, { proration: { days: 17, of: 31 }, ramp: null }, "zh", formatNumber, true);
 * // "2，按在岗 17/31 天折算"
 * countTargetText(4, { proration: null, ramp: null }, "en", formatNumber); // "4"
 */
export function countTargetText(
  target: number,
  scaling: TargetScaling,
  language: Language,
  shown: (value: number) => string,
  inBrackets = false,
): string {
  const whole = wholeTargetBefore(target, scaling);
  if (whole === null) return shown(target);
  const template = inBrackets ? WORDS.targetInBrackets : WORDS.target;
  return fill(template[language], { target: shown(whole), how: scalingPhrase(scaling, language) });
}

/**
 * A rank sentence with the note that the rep was employed for only part of
 * the period, before its closing full stop; unchanged for a full period.
 *
 * @example
 * withPartialPeriodNote("You rank 3 of 13 overall.", { days: 17, of: 31 }, "en");
 * // "You rank 3 of 13 overall, on targets prorated for 17 of 31 days."
 * withPartialPeriodNote("你在全部 13 名销售中排名第 3。", { days: 17, of: 31 }, "zh");
 * // "你在全部 13 名销售中排名第 3（按在岗 17/31 天折算目标）。"
 */
export function withPartialPeriodNote(
  sentence: string,
  proration: { days: number; of: number } | null,
  language: Language,
): string {
  if (proration === null) return sentence;
  const note = fill(WORDS.rankNote[language], { days: proration.days, of: proration.of });
  const end = /[.。]$/.exec(sentence);
  return end === null ? sentence + note : sentence.slice(0, end.index) + note + end[0];
}
