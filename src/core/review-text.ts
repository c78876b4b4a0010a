/**
 * The review a manager signs, as plain text for one spreadsheet cell and the
 * sidebar: built from {@link ReviewFindings} and the language's catalogue
 * (review-templates.ts), with figures formatted by display-format.ts.
 *
 * Layout: a heading line, then sections separated by a blank line, each with
 * a title line and "• " bullets; no Markdown, which would show as stray
 * symbols in a cell. Deterministic: the text depends only on its arguments
 * (no clock, no Map order), and stays under the 50,000-character cell limit.
 */
import { civilFromDay } from "./calendar";
import {
  formatDays,
  formatMetricValue,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatScore,
  metricValueKind,
  type ValueKind,
} from "./display-format";
import { metricLabel } from "./metric-catalog";
import type { Language } from "./plan-model";
import type { PeriodKind } from "./periods";
import type { DayNumber } from "./records";
import { fill } from "./localized-text";
import { roundTo } from "./rounding";
import { countTargetText, withPartialPeriodNote } from "./prorated-phrases";
import type { RecognitionMention } from "./review-development-findings";
import { isWholeCount } from "./review-figures";
import type { ReviewFindings } from "./review-findings";
import type { MetricFinding, MetricGap } from "./review-metric-findings";
import type { ComponentFinding, GateFinding, NextTierFinding, PayoutFinding } from "./review-pay-findings";
import { reviewCatalogue, type PluralForms, type ReviewCatalogue, type ReviewTextKey } from "./review-templates";
import { ONBOARDING_FOCUS } from "./training-topics";

/** Below the 50,000 characters of a Sheets cell, with room for the manager's edits. */
export const MAX_REVIEW_CHARS = 49_000;
/** Names, teams and adjustment reasons are cut to this many characters. */
const MAX_USER_TEXT_CHARS = 200;

/**
 * Everything a review's section needs: the facts, the words and the formats. A rep's and a manager's review differ
 * only in their findings and their catalogue.
 *
 * @example
 * const w: ReviewWriter<ReviewFindings, ReviewCatalogue> = { findings, language: "en", currency: "USD", words };
 */
export interface ReviewWriter<Findings, Words> {
  findings: Findings;
  language: Language;
  currency: string;
  words: Words;
}

type Writer = ReviewWriter<ReviewFindings, ReviewCatalogue>;

/**
 * A catalogue text with its placeholders filled: the one way rep and manager
 * reviews put words on the page.
 *
 * @example
 * say(writer, "closing"); // "Please add your comments…"
 */
export function say<K extends string>(
  w: { words: { texts: Record<K, string> } },
  key: K,
  args: Record<string, string | number> = {},
): string {
  return fill(w.words.texts[key], args);
}

/**
 * A line as a bullet point, in the catalogue's bullet.
 *
 * @example
 * bullet(writer, "Revenue 120%"); // "• Revenue 120%"
 */
export function bullet(w: { words: { bullet: string } }, line: string): string {
  return w.words.bullet + line;
}

/**
 * Text typed by people (names, reasons) on one line and not too long, so it
 * cannot break the layout of the review.
 *
 * @example
 * cleanUserText("  Big\ndeal  "); // "Big deal"
 */
export function cleanUserText(text: string, max = MAX_USER_TEXT_CHARS): string {
  const raw = String(text);
  // Most names and topics are clean already ("Rep 1", "East"): kept as they are rather than copied by replace.
  const oneLine = NEEDS_ONE_LINE.test(raw) ? raw.replace(/\s+/g, " ").trim() : raw;
  return oneLine.length > max ? oneLine.slice(0, max - 1) + "…" : oneLine;
}

/** Whitespace that cleaning changes: other than a single space, two in a row, or at either end. */
const NEEDS_ONE_LINE = /[^\S ]|\s\s|^\s|\s$/;

/**
 * Chooses the singular or plural form for a count.
 *
 * @example
 * plural(1, { one: "day", other: "days" }); // "day"
 * plural(2.5, { one: "day", other: "days" }); // "days"
 */
export function plural(count: number, forms: PluralForms): string {
  return count === 1 ? forms.one : forms.other;
}

/**
 * Joins items as a reader expects: "A, B and C" in English, "A、B、C" in Chinese.
 *
 * @example
 * joinList(["A", "B", "C"], reviewCatalogue("en")); // "A, B and C"
 * joinList(["A", "B"], reviewCatalogue("zh"));      // "A、B"
 */
export function joinList(items: string[], words: ReviewCatalogue): string {
  if (items.length <= 1) return items.join("");
  return items.slice(0, -1).join(words.listSeparator) + words.listLastSeparator + items[items.length - 1];
}

/** How many names each cache here keeps: a long history or keys of no plan's metric cannot grow one without end. */
const MAX_CACHED_NAMES = 1_000;

/** A name from its cache, else made and kept while the cache is under {@link MAX_CACHED_NAMES}. */
function namedOnce(names: Map<string, string>, key: string, make: () => string): string {
  let name = names.get(key);
  if (name === undefined) {
    name = make();
    if (names.size < MAX_CACHED_NAMES) names.set(key, name);
  }
  return name;
}

/**
 * The name of a period for people: "March 2026", "Q1 2026", "2026年3月",
 * "2026年第1季度"; quarters and years of a fiscal year not starting in January
 * are called fiscal.
 *
 * @example
 * periodLabel("2026-03", 1, "en"); // "March 2026"
 * periodLabel("2026-Q1", 1, "zh"); // "2026年第1季度"
 * periodLabel("2026", 4, "en");    // "fiscal year 2026"
 *
 * @internal Exported only for review-text.test.ts, which checks each kind of period's name; reviews use it inside this file.
 */
export function periodLabel(period: string, fiscalYearStartMonth: number, language: Language): string {
  periodLabels ??= new Map();
  // Keyed by the period itself, in a map per language and fiscal year: no key text made for every lookup.
  let byFiscalYear = periodLabels.get(language);
  if (byFiscalYear === undefined) {
    byFiscalYear = new Map();
    periodLabels.set(language, byFiscalYear);
  }
  let labels = byFiscalYear.get(fiscalYearStartMonth);
  if (labels === undefined) {
    labels = new Map();
    byFiscalYear.set(fiscalYearStartMonth, labels);
  }
  return namedOnce(labels, period, () => periodLabelOf(period, fiscalYearStartMonth, language));
}

// Every review names its period two or three times and a run reviews a thousand reps per period: each name is worked
// out once. Created on first use, not at bundle load.
let periodLabels: Map<Language, Map<number, Map<string, string>>> | undefined;

function periodLabelOf(period: string, fiscalYearStartMonth: number, language: Language): string {
  const words = reviewCatalogue(language);
  const fiscal = fiscalYearStartMonth !== 1;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})$/.exec(period))) {
    const monthName = words.monthNames[Number(match[2]) - 1] ?? match[2];
    return fill(words.monthLabel, { year: match[1], monthName });
  }
  if ((match = /^(\d{4})-Q([1-4])$/.exec(period))) {
    return fill(fiscal ? words.fiscalQuarterLabel : words.quarterLabel, { year: match[1], quarter: match[2] });
  }
  if ((match = /^(\d{4})$/.exec(period))) {
    return fill(fiscal ? words.fiscalYearLabel : words.yearLabel, { year: match[1] });
  }
  return cleanUserText(period);
}

/**
 * A calendar day for people, in the style of the period names: "12 March
 * 2026", "2026年3月12日".
 *
 * @example
 * dayLabel(dayNumber(2026, 3, 12), "en"); // "12 March 2026"
 * dayLabel(dayNumber(2026, 3, 12), "zh"); // "2026年3月12日"
 */
export function dayLabel(day: DayNumber, language: Language): string {
  const words = reviewCatalogue(language);
  const { year, month, day: dayOfMonth } = civilFromDay(day);
  return fill(words.dayLabel, { year, monthName: words.monthNames[month - 1], day: dayOfMonth });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A metric's name as a review writes it; inside an English sentence with a
 * lower-case first letter ("your revenue"), at the start of a line as is.
 *
 * @example
 * metricDisplayName("new_customers", "en", true); // "new customers"
 * metricDisplayName("revenue", "zh");             // "销售额"
 */
export function metricDisplayName(key: string, language: Language, inSentence = false): string {
  displayNames ??= new Map();
  // Keyed by the metric's key itself, in a map per language and place: no key text made for every lookup.
  let places = displayNames.get(language);
  if (places === undefined) {
    places = [new Map(), new Map()];
    displayNames.set(language, places);
  }
  return namedOnce(places[inSentence ? 1 : 0], key, () => displayNameOf(key, language, inSentence));
}

// A run names the same few metrics in every review, a dozen times each: each name is worked out once. Created on
// first use, not at bundle load.
/** Per language: the names at the start of a line, and inside a sentence. */
let displayNames: Map<Language, [Map<string, string>, Map<string, string>]> | undefined;

function displayNameOf(key: string, language: Language, inSentence: boolean): string {
  // A key such as "constructor" must never show a label found on Object's prototype.
  const found: unknown = metricLabel(key, language);
  const label = cleanUserText(typeof found === "string" ? found : key);
  if (inSentence && language === "en" && /^[A-Z][a-z]/.test(label))
    return label.charAt(0).toLowerCase() + label.slice(1);
  return label;
}

function metricName(w: Writer, key: string, inSentence = false): string {
  return metricDisplayName(key, w.language, inSentence);
}

function metricNames(w: Writer, keys: readonly string[], inSentence = false): string {
  // Pushed, not mapped: an array from Array.prototype.map turns holey once V8 optimizes the mapping function, and
  // joinList, which reads every review's lists, would be compiled again for the second kind of array.
  const names: string[] = [];
  for (const key of keys) names.push(metricName(w, key, inSentence));
  return joinList(names, w.words);
}

function value(w: Writer, key: string, amount: number): string {
  const shown = formatMetricValue(key, amount, w.language, w.currency);
  // A manager's score carries its unit ("4.2 分"), as a Chinese reader expects.
  return isManualMetric(w.findings.metrics, key) ? say(w, "manualScore", { value: shown }) : shown;
}

/** Whether the review's metric of this key is a manager's score; a loop, as a review asks it for most figures. */
function isManualMetric(metrics: readonly MetricFinding[], key: string): boolean {
  for (const m of metrics) if (m.key === key && m.manual) return true;
  return false;
}

/** A target in its metric's kind; a count target that proration made fractional as its whole target and how it was prorated. */
function targetValue(w: Writer, key: string, target: number, inBrackets = false): string {
  if (!isWholeCount(key)) return value(w, key, target);
  return countTargetText(target, w.findings, w.language, (amount) => value(w, key, amount), inBrackets);
}

function componentName(
  w: Writer,
  c: { kind: "target_bonus" | "commission"; component?: string; key?: string; showKey: boolean },
  lineStart: boolean,
): string {
  return componentLabel(c.kind, c.key ?? c.component ?? "", c.showKey, w.language, lineStart);
}

/**
 * A pay component's name as both reviews write it: the catalogue's name of its
 * kind, with the plan's component key when the plan has more than one of that
 * kind, and a capital when it starts a line.
 *
 * @example
 * componentLabel("target_bonus", "Q1 bonus", true, "en", true); // "Target bonus (Q1 bonus)"
 * componentLabel("commission", "", false, "zh", false);        // "提成"
 */
export function componentLabel(
  kind: "target_bonus" | "commission",
  key: string,
  showKey: boolean,
  language: Language,
  lineStart: boolean,
): string {
  const base = reviewCatalogue(language).componentName[kind];
  const named = showKey
    ? base + (language === "zh" ? "（" + cleanUserText(key) + "）" : " (" + cleanUserText(key) + ")")
    : base;
  return lineStart ? capitalise(named) : named;
}

/**
 * A payout's adjustment sentences, as both reviews write them: each listed
 * adjustment with its reason when it has one, then how many more there are
 * and their sum. `say` fills a key from the review's own catalogue.
 *
 * @example
 * adjustmentSentences(payout, "USD", (key, args) => fill(reviewCatalogue("en").texts[key], args));
 * // ["Adjustment: $500.00 (Q1 true-up).", "3 more adjustments totalling $120.00."]
 */
export function adjustmentSentences(
  payout: PayoutFinding,
  currency: string,
  say: (key: "adjustment" | "adjustmentNoReason" | "moreAdjustments", args: Record<string, string | number>) => string,
): string[] {
  const sentences: string[] = [];
  for (const a of payout.adjustments) {
    const reason = cleanUserText(a.reason);
    const amount = formatMoney(a.amount, currency);
    sentences.push(reason === "" ? say("adjustmentNoReason", { amount }) : say("adjustment", { amount, reason }));
  }
  const more = payout.moreAdjustments;
  if (more !== null) {
    sentences.push(say("moreAdjustments", { count: more.count, amount: formatMoney(more.total, currency) }));
  }
  return sentences;
}

function periodKindOf(w: Writer): PeriodKind {
  return w.findings.periodKind;
}

/**
 * The review's period as both reviews name it ("March 2026", "2026年第1季度").
 *
 * @example
 * thisPeriod(writer); // "Q1 of fiscal year 2026"
 */
export function thisPeriod(w: {
  findings: { period: string; fiscalYearStartMonth: number };
  language: Language;
}): string {
  return periodLabel(w.findings.period, w.findings.fiscalYearStartMonth, w.language);
}

function repLabel(w: Writer): string {
  const name = cleanUserText(w.findings.rep.name);
  const id = cleanUserText(w.findings.rep.id);
  if (name === "" || name === id) return id;
  if (id === "") return name;
  return say(w, "repWithId", { name, id });
}

// ---------------------------------------------------------------- sections

function headingSection(w: Writer): string[] {
  const lines = [say(w, "heading", { rep: repLabel(w), period: thisPeriod(w) })];
  if (w.findings.provisional) lines.push(say(w, "provisional", { period: thisPeriod(w) }));
  return lines;
}

/** Whether the rep left during the period: their review looks back only. */
function isLeaving(w: Writer): boolean {
  return w.findings.leftOn !== null;
}

function scoreBand(w: Writer, score: number): string {
  // Bands a manager would use in a sentence; the thresholds are the README's.
  if (score >= 1.1) return say(w, "bandExcellent");
  if (score >= 1) return say(w, "bandOnTarget");
  if (score >= 0.8) return say(w, "bandClose");
  return say(w, isLeaving(w) ? "bandBelowLast" : "bandBelow");
}

function rankSentence(w: Writer): string | null {
  const f = w.findings;
  if (f.rank === null) return null;
  if (f.onboarding !== null)
    return say(w, "onboardingNoRank", { days: formatDays(f.onboarding.tenureDays, w.language) });
  const team = cleanUserText(f.rep.team);
  if (team !== "" && f.teamRank !== null && f.teamRankOf >= 2) {
    return withPartialPeriodNote(
      say(w, "rankWithTeam", { rank: f.rank, of: f.rankOf, teamRank: f.teamRank, teamOf: f.teamRankOf, team }),
      f.proration,
      w.language,
    );
  }
  return withPartialPeriodNote(say(w, "rankOverall", { rank: f.rank, of: f.rankOf }), f.proration, w.language);
}

function summarySection(w: Writer): string[] {
  const f = w.findings;
  const sentences: string[] = [];
  if (f.score === null) {
    // New hires get no rank of any kind (see rankSentence).
    if (f.revenueRank !== null && f.onboarding === null)
      sentences.push(say(w, "noScoreRankedByRevenue", { period: thisPeriod(w), rank: f.revenueRank, of: f.rankOf }));
    else sentences.push(say(w, "noScore", { period: thisPeriod(w) }));
  } else {
    sentences.push(say(w, "summaryScore", { period: thisPeriod(w), score: formatScore(f.score) }));
    // Banded on the score as shown, so "100.0%" always reads as on target.
    sentences.push(scoreBand(w, roundTo(f.score, 3)));
    const rank = rankSentence(w);
    if (rank !== null) sentences.push(rank);
  }
  sentences.push(
    f.payout === null
      ? say(w, "payoutNone")
      : say(w, "payoutTotal", { amount: formatMoney(f.payout.total, w.currency) }),
  );
  // Before the proration, which it explains.
  if (f.leftOn !== null)
    sentences.push(
      say(w, "lastPeriod", { period: w.words.periodNoun[periodKindOf(w)].one, day: dayLabel(f.leftOn, w.language) }),
    );
  if (f.proration !== null) sentences.push(say(w, "prorationDays", { days: f.proration.days, of: f.proration.of }));
  if (f.ramp !== null) sentences.push(say(w, "ramp", { month: f.ramp.month, factor: formatPercent(f.ramp.factor) }));
  return [say(w, "summaryHeading"), sentences.join(w.words.sentenceSeparator)];
}

function metricLine(w: Writer, m: MetricFinding): string {
  const metric = metricName(w, m.key);
  if (m.actual === null) {
    return m.target === null
      ? say(w, "metricNoData", { metric })
      : say(w, "metricNoDataWithTarget", { metric, target: targetValue(w, m.key, m.target) });
  }
  const actual = value(w, m.key, m.actual);
  if (m.target === null) return say(w, "metricNoTarget", { metric, actual });
  const target = targetValue(w, m.key, m.target);
  if (m.attainment === null) return say(w, "metricAtCap", { metric, actual, target });
  return say(w, "metricLine", { metric, actual, target, attainment: formatPercent(m.attainment) });
}

/**
 * A heading and a bullet per item, in one array: a review's usual section. Built by a loop, as a thousand reviews
 * per period would otherwise each copy their lines into a mapped array and again into the section.
 */
function bulletList<T>(
  w: Writer,
  heading: string,
  items: readonly T[],
  line: (w: Writer, item: T) => string,
): string[] {
  const lines = [heading];
  for (const item of items) lines.push(bullet(w, line(w, item)));
  return lines;
}

const LEFT_OUT_REASONS = ["no_data", "no_target"] as const;

function resultsSection(w: Writer): string[] {
  const f = w.findings;
  if (f.metrics.length === 0) return [];
  const lines = bulletList(w, say(w, "resultsHeading"), f.metrics, metricLine);
  const sentences: string[] = [];
  // Most reviews leave no metric out: nothing to sort by reason.
  if (f.leftOut.length > 0) {
    for (const reason of LEFT_OUT_REASONS) {
      const keys: string[] = [];
      for (const l of f.leftOut) if (l.reason === reason) keys.push(l.metric);
      if (keys.length > 0)
        sentences.push(
          say(w, reason === "no_data" ? "leftOutNoData" : "leftOutNoTarget", { list: metricNames(w, keys) }),
        );
    }
  }
  // With no score there are no other metrics to take the weight.
  if (sentences.length > 0 && f.score !== null) sentences.push(say(w, "weightSpread"));
  if (sentences.length > 0) lines.push(sentences.join(w.words.sentenceSeparator));
  return lines;
}

function strengthLine(w: Writer, s: MetricGap): string {
  // Each line's arguments are written out once rather than spread from a shared object, which costs a copy per line.
  const metric = metricName(w, s.metric);
  const attainment = formatPercent(s.attainment);
  const actual = value(w, s.metric, s.actual);
  const target = targetValue(w, s.metric, s.target, true);
  if (s.teamMedianAttainment === null) return say(w, "strength", { metric, attainment, actual, target });
  const teamMedian = formatPercent(s.teamMedianAttainment);
  return say(w, "strengthWithTeam", { metric, attainment, actual, target, teamMedian });
}

function strengthsSection(w: Writer): string[] {
  const f = w.findings;
  if (f.score === null || (f.strengths.length === 0 && f.weaknesses.length === 0)) return [];
  const lines = [say(w, "strengthsHeading")];
  if (f.strengths.length > 0) {
    for (const s of f.strengths) lines.push(bullet(w, strengthLine(w, s)));
  } else if (f.closestToTarget !== null) {
    const closest = f.closestToTarget;
    lines.push(
      bullet(
        w,
        say(w, "closestToTarget", {
          metric: metricName(w, closest.metric),
          attainment: formatPercent(closest.attainment),
        }),
      ),
    );
  } else {
    lines.push(bullet(w, say(w, "noStrength")));
  }
  return lines;
}

/** The gap of a weak metric in its own units, and the template that words it. */
function weaknessLine(w: Writer, g: MetricGap): string {
  const kind = metricValueKind(g.metric);
  const metric = metricName(w, g.metric);
  const target = targetValue(w, g.metric, g.target);
  const attainment = formatPercent(g.attainment);
  if (isWholeCount(g.metric) && kind !== "percent" && g.direction !== "lower" && hasCountUnit(w, g.metric)) {
    const unit = plural(g.amount, w.words.countUnit[g.metric]);
    return say(w, "shortCount", { metric, target, attainment, gap: formatNumber(g.amount), unit });
  }
  return say(w, weaknessKey(kind, g.direction), {
    metric,
    target,
    attainment,
    gap: kind === "percent" ? formatPoints(g.amount) : value(w, g.metric, g.amount),
  });
}

function hasCountUnit(w: Writer, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(w.words.countUnit, key);
}

/** The template of a weakness that is not a count short of its target. */
function weaknessKey(kind: ValueKind, direction: MetricGap["direction"]): ReviewTextKey {
  if (kind === "percent") return direction === "higher" ? "belowPercent" : "abovePercent";
  if (direction === "lower") return kind === "days" ? "longerDays" : "aboveNumber";
  return kind === "money" ? "shortMoney" : "belowNumber";
}

function weaknessesSection(w: Writer): string[] {
  const f = w.findings;
  if (f.score === null) return [];
  if (f.weaknesses.length > 0) return bulletList(w, say(w, "weaknessesHeading"), f.weaknesses, weaknessLine);
  if (f.allOnTarget) return [say(w, "weaknessesHeading"), bullet(w, say(w, "allOnTarget"))];
  return [];
}

function changeKey(change: number, up: ReviewTextKey, down: ReviewTextKey, same: ReviewTextKey): ReviewTextKey {
  return change > 0 ? up : change < 0 ? down : same;
}

function comparisonsSection(w: Writer): string[] {
  const f = w.findings;
  if (f.score === null) return [];
  const lines = [say(w, "comparisonsHeading")];
  const previous = f.previous;
  if (previous !== null) {
    const period = periodLabel(previous.period, f.fiscalYearStartMonth, w.language);
    if (previous.scoreChange !== null && previous.score !== null) {
      const key = changeKey(previous.scoreChange, "previousScoreUp", "previousScoreDown", "previousScoreSame");
      lines.push(
        bullet(
          w,
          say(w, key, {
            period,
            points: formatPoints(previous.scoreChange),
            previous: formatScore(previous.score),
            current: formatScore(f.score),
          }),
        ),
      );
    }
    if (previous.metrics.length > 0) {
      const items: string[] = [];
      for (const m of previous.metrics) {
        items.push(
          say(w, changeKey(m.change, "metricUp", "metricDown", "metricSame"), {
            metric: metricName(w, m.metric),
            points: formatPoints(m.change),
            previous: formatPercent(m.previousAttainment),
            current: formatPercent(m.attainment),
          }),
        );
      }
      lines.push(bullet(w, say(w, "previousMetrics", { period, list: items.join(w.words.clauseSeparator) })));
    }
  }
  if (f.recentMean !== null) {
    const r = f.recentMean;
    lines.push(
      bullet(
        w,
        say(w, changeKey(r.difference, "recentHigher", "recentLower", "recentSame"), {
          count: r.periods,
          periods: plural(r.periods, w.words.periodNoun[periodKindOf(w)]),
          mean: formatScore(r.mean),
          points: formatPoints(r.difference),
        }),
      ),
    );
  }
  if (previous === null && f.recentMean === null) lines.push(bullet(w, say(w, "nothingToCompare")));
  if (f.team !== null) {
    const t = f.team;
    lines.push(
      bullet(
        w,
        say(w, changeKey(t.difference, "teamHigher", "teamLower", "teamSame"), {
          median: formatScore(t.median),
          points: formatPoints(t.difference),
        }),
      ),
    );
  }
  return lines;
}

/** A driver's value as a phrase ("your score of 72.0%", "revenue of $8,000.00"). */
function driverPhrase(
  w: Writer,
  kind: ComponentFinding["driverKind"],
  metricKey: string | null,
  amount: number,
): string {
  const metric = metricKey === null ? "" : metricName(w, metricKey, true);
  switch (kind) {
    case "score":
      return say(w, "driverScore", { value: formatScore(amount) });
    case "attainment":
      return say(w, "driverAttainment", { metric, value: formatPercent(amount) });
    case "team_attainment":
      return say(w, "driverTeamAttainment", { metric, value: formatPercent(amount) });
    case "amount":
      return say(w, "driverAmount", { metric, value: value(w, metricKey ?? "", amount) });
  }
}

function gateValue(w: Writer, g: Pick<GateFinding, "driverKind" | "driverMetric">, amount: number): string {
  return g.driverKind === "amount" ? value(w, g.driverMetric ?? "", amount) : formatPercent(amount);
}

function missingDriver(w: Writer, c: ComponentFinding): string {
  const metric = c.driverMetric === null ? "" : metricName(w, c.driverMetric, true);
  switch (c.driverKind) {
    case "score":
      return say(w, "missingScore");
    case "attainment":
      return say(w, "missingAttainment", { metric });
    case "team_attainment":
      return say(w, "missingTeamAttainment", { metric });
    case "amount":
      return say(w, "missingAmount", { metric });
  }
}

function prorationPart(w: Writer, c: ComponentFinding): string {
  if (!(c.proration < 1 - 1e-9)) return "";
  const p = w.findings.proration;
  if (p !== null && p.of > 0 && Math.abs(p.days / p.of - c.proration) < 1e-9)
    return say(w, "proratedDays", { days: p.days, of: p.of });
  return say(w, "proratedShare", { share: formatPercent(c.proration) });
}

function componentLine(w: Writer, c: ComponentFinding): string {
  const name = componentName(w, c, true);
  const amount = formatMoney(c.amount, w.currency);
  if (c.driverValue === null) return say(w, "notPaidNoDriver", { name, amount, reason: missingDriver(w, c) });
  if (c.gate !== null && !c.gateMet) {
    return say(w, "notPaidGate", {
      name,
      amount,
      driver: driverPhrase(w, c.driverKind, c.driverMetric, c.driverValue),
      gate: gateValue(w, c, c.gate),
    });
  }
  if (c.kind === "commission") {
    return say(w, "commissionLine", {
      name,
      amount,
      metric: c.driverMetric === null ? "" : metricName(w, c.driverMetric, true),
      driver: value(w, c.driverMetric ?? "", c.driverValue),
    });
  }
  return say(w, "targetBonusLine", {
    name,
    amount,
    rate: formatNumber(c.rate, 3),
    capped: c.capped ? say(w, "cappedFrom", { rawRate: formatNumber(c.rawRate, 3) }) : "",
    base: formatMoney(c.base, w.currency),
    prorated: prorationPart(w, c),
  });
}

function extraPhrase(w: Writer, metricKey: string, direction: "higher" | "lower", extra: number): string {
  if (direction === "lower") {
    return say(w, metricValueKind(metricKey) === "days" ? "lessDays" : "lessActual", {
      extra: value(w, metricKey, extra),
    });
  }
  if (isWholeCount(metricKey) && Object.prototype.hasOwnProperty.call(w.words.countUnit, metricKey)) {
    return say(w, "moreCount", { count: formatNumber(extra), unit: plural(extra, w.words.countUnit[metricKey]) });
  }
  const shown = metricValueKind(metricKey) === "percent" ? formatPoints(extra) : value(w, metricKey, extra);
  return say(w, "moreActual", { extra: shown });
}

function nextTierLine(w: Writer, n: NextTierFinding): string {
  const name = componentName(w, n, false);
  if (n.status === "top") return say(w, "topTier", { name });
  if (n.driverKind === "amount") {
    const metricKey = n.driverMetric ?? "";
    return say(w, n.reaching === "gate" ? "nextAmountGate" : "nextAmountTier", {
      extra: value(w, metricKey, n.difference),
      metric: metricName(w, metricKey, true),
      threshold: value(w, metricKey, n.threshold),
      name,
    });
  }
  const threshold = formatPercent(n.threshold);
  const points = formatPoints(n.difference);
  let driver: string;
  let more = say(w, "morePoints", { points });
  if (n.driverKind === "score") {
    driver = say(w, "nextScore", { threshold });
  } else if (n.driverKind === "team_attainment") {
    driver = say(w, "nextTeamAttainment", { metric: metricName(w, n.driverMetric ?? "", true), threshold });
  } else {
    const metricKey = n.driverMetric ?? "";
    driver = say(w, "nextAttainment", { metric: metricName(w, metricKey), threshold });
    const metric = w.findings.metrics.find((m) => m.key === metricKey);
    if (n.extraActual !== null && metric !== undefined)
      more = extraPhrase(w, metricKey, metric.direction, n.extraActual);
  }
  const goal = say(w, n.reaching === "gate" ? "goalGate" : "goalTier", { name });
  return say(w, "nextTierSentence", { driver, more, goal });
}

function paySection(w: Writer): string[] {
  const p = w.findings.payout;
  if (p === null) return [];
  // A leaver's review has no next tier, so the heading does not promise one.
  const heading = say(w, isLeaving(w) ? "payHeadingLast" : "payHeading");
  const lines = bulletList(w, heading, p.components, componentLine);
  if (p.adjustments.length > 0 || p.moreAdjustments !== null)
    for (const sentence of adjustmentSentences(p, w.currency, (key, args) => say(w, key, args)))
      lines.push(bullet(w, sentence));
  lines.push(bullet(w, say(w, "payoutTotalLine", { amount: formatMoney(p.total, w.currency) })));
  if (p.negative) lines.push(bullet(w, say(w, "negativeTotal")));
  for (const n of w.findings.nextTiers) lines.push(bullet(w, nextTierLine(w, n)));
  return lines;
}

function trainingSection(w: Writer): string[] {
  const f = w.findings;
  const lines = [say(w, "trainingHeading")];
  for (const t of f.training) {
    lines.push(
      bullet(
        w,
        say(w, "training", { metrics: metricNames(w, t.metrics, true), topic: cleanUserText(t.topic[w.language]) }),
      ),
    );
  }
  if (f.onboarding !== null) {
    lines.push(
      bullet(
        w,
        say(w, "onboarding", {
          days: formatDays(f.onboarding.tenureDays, w.language),
          focus: ONBOARDING_FOCUS[w.language],
        }),
      ),
    );
  }
  if (f.advancedTraining) lines.push(bullet(w, say(w, "advancedTraining")));
  if (f.signal !== null) {
    const s = f.signal;
    lines.push(
      bullet(
        w,
        say(w, s.kind === "promotion" ? "promotion" : "support", {
          threshold: formatScore(s.threshold),
          count: s.periods,
          periods: plural(s.periods, w.words.periodNoun[periodKindOf(w)]),
        }),
      ),
    );
  }
  // The heading alone: nothing to recommend.
  return lines.length > 1 ? lines : [];
}

function recognitionLine(w: Writer, r: RecognitionMention): string {
  const kind = periodKindOf(w);
  if (r.kind === "most_improved") {
    return say(w, "mostImproved", {
      award: w.words.mostImprovedOfPeriod[kind],
      points: formatPoints(r.change),
      period: w.words.periodNoun[kind].one,
    });
  }
  const team = cleanUserText(r.team);
  const args = {
    award: w.words.bestOfPeriod[kind],
    team,
    count: r.sharedWith,
    colleagues: plural(r.sharedWith, w.words.colleague),
  };
  if (team === "") return say(w, r.sharedWith > 0 ? "awardShared" : "award", args);
  return say(w, r.sharedWith > 0 ? "awardInTeamShared" : "awardInTeam", args);
}

function recognitionSection(w: Writer): string[] {
  const mentions = w.findings.recognition;
  if (mentions.length === 0) return [];
  return bulletList(w, say(w, "recognitionHeading"), mentions, recognitionLine);
}

function fitInCell(w: Writer, text: string): string {
  if (text.length <= MAX_REVIEW_CHARS) return text;
  const note = say(w, "shortened");
  const room = text.slice(0, MAX_REVIEW_CHARS - note.length - 1);
  const lastBreak = room.lastIndexOf("\n");
  return (lastBreak > 0 ? room.slice(0, lastBreak) : room) + "\n" + note;
}

/**
 * The review as plain text in a language, money in a currency (see
 * `currencyFor` in display-format.ts for the default).
 *
 * @example
 * reviewText(reviewFindings(input), "en", "USD");
 * // "Performance review: Alice Chen (R001), March 2026\n\nSummary\nYour scorecard score for March 2026 is 92.0%. ..."
 */
export function reviewText(findings: ReviewFindings, language: Language, currency: string): string {
  const w: Writer = { findings, language, currency, words: reviewCatalogue(language) };
  const sections = [
    headingSection(w),
    summarySection(w),
    resultsSection(w),
    strengthsSection(w),
    weaknessesSection(w),
    comparisonsSection(w),
    paySection(w),
    trainingSection(w),
    recognitionSection(w),
    [say(w, isLeaving(w) ? "closingLast" : "closing")],
  ];
  return fitInCell(w, joinSections(sections));
}

/**
 * Sections of lines as one text: lines on their own line, a blank line between sections, empty sections left out.
 *
 * @example
 * joinSections([["Summary", "Good month."], [], ["• Revenue 120%"]]); // "Summary\nGood month.\n\n• Revenue 120%"
 */
export function joinSections(sections: readonly (readonly string[])[]): string {
  // One join over every line, with an empty line between sections, copies the review's characters once; joining
  // each section and then the sections copied them twice.
  const lines: string[] = [];
  for (const section of sections) {
    if (section.length === 0) continue;
    if (lines.length > 0) lines.push("");
    for (const line of section) lines.push(line);
  }
  return lines.join("\n");
}
