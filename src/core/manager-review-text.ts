/**
 * A manager's review as plain text for one spreadsheet cell and the sidebar,
 * built from {@link ManagerReviewFindings} and manager-review-templates.ts,
 * in the layout of a rep's review (a heading, then titled sections of "• "
 * bullets, no Markdown). Deterministic: the text depends only on its
 * arguments.
 */
import {
  formatMetricValue,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatScore,
  metricValueKind,
} from "./display-format";
import type { ManagerReviewFindings, MemberFinding, TeamMetricFinding } from "./manager-review-findings";
import { MAX_LISTED_MEMBERS } from "./manager-review-findings";
import { managerWords, type ManagerTextKey, type ManagerWords } from "./manager-review-templates";
import type { Language } from "./plan-model";
import { fill } from "./localized-text";
import { countTargetText } from "./prorated-phrases";
import { isWholeCount } from "./review-figures";
import type { ComponentFinding, NextTierFinding } from "./review-pay-findings";
import { reviewCatalogue } from "./review-templates";
import {
  adjustmentSentences,
  bullet,
  cleanUserText,
  componentLabel,
  dayLabel,
  joinList,
  joinSections,
  MAX_REVIEW_CHARS,
  metricDisplayName,
  plural,
  type ReviewWriter,
  say,
  thisPeriod,
} from "./review-text";

type Writer = ReviewWriter<ManagerReviewFindings, ManagerWords>;

function list(w: Writer, items: string[]): string {
  return joinList(items, reviewCatalogue(w.language));
}

function metricName(w: Writer, key: string, inSentence: boolean): string {
  return metricDisplayName(key, w.language, inSentence);
}

function isManual(w: Writer, key: string): boolean {
  return w.findings.teamMetrics.some((m) => m.metric === key && m.manual);
}

/** A metric's figure with its unit, as rep reviews give it: "4.2 分" for a manual score, "3 家" for new customers in Chinese. */
function value(w: Writer, key: string, amount: number): string {
  const shown = formatMetricValue(key, amount, w.language, w.currency);
  const rep = reviewCatalogue(w.language);
  if (isManual(w, key)) return fill(rep.texts.manualScore, { value: shown });
  if (!isWholeCount(key) || w.language === "en") return shown;
  const unit = Object.prototype.hasOwnProperty.call(rep.countUnit, key)
    ? plural(amount, rep.countUnit[key])
    : w.words.countUnit.trim();
  return shown + " " + unit;
}

function personLabel(w: Writer, name: string, id: string): string {
  const cleanName = cleanUserText(name);
  const cleanId = cleanUserText(id);
  if (cleanName === "" || cleanName === cleanId) return cleanId;
  if (cleanId === "") return cleanName;
  return say(w, "managerWithId", { name: cleanName, id: cleanId });
}

function memberLabel(m: MemberFinding): string {
  return cleanUserText(m.name) || cleanUserText(m.id);
}

function people(w: Writer, count: number): string {
  return plural(count, w.words.people);
}

// ---------------------------------------------------------------- sections

function headingSection(w: Writer): string[] {
  const f = w.findings;
  const lines = [say(w, "heading", { manager: personLabel(w, f.manager.name, f.manager.id), period: thisPeriod(w) })];
  if (f.provisional) lines.push(say(w, "provisional", { period: thisPeriod(w) }));
  if (f.leftOn !== null) lines.push(say(w, "leftOn", { day: dayLabel(f.leftOn, w.language) }));
  return lines;
}

function summaryLine(w: Writer): string {
  const f = w.findings;
  const count = f.teamSize;
  if (f.teamScore === null) return say(w, "summaryNoScore", { count, people: people(w, count), period: thisPeriod(w) });
  const team = cleanUserText(f.manager.team);
  const split =
    f.ahead.length === 0
      ? say(w, "splitNoneAhead")
      : f.needHelp.length === 0
        ? say(w, "splitAllAhead")
        : say(w, "splitMixed", { ahead: f.ahead.length, below: f.needHelp.length });
  const args = { team, count, people: people(w, count), score: formatScore(f.teamScore), period: thisPeriod(w), split };
  return say(w, team === "" ? "summary" : "summaryInTeam", args);
}

function teamMetricLine(w: Writer, m: TeamMetricFinding): string {
  // A sum of prorated count targets is fractional: say why rather than leave "18.75 new customers" unexplained.
  const fractional = isWholeCount(m.metric) && formatNumber(m.target) !== formatNumber(m.target, 0);
  const target = fractional
    ? say(w, "proratedTotal", { target: value(w, m.metric, m.target) })
    : value(w, m.metric, m.target);
  const args = { metric: metricName(w, m.metric, false), actual: value(w, m.metric, m.actual), target };
  if (m.attainment === null) return say(w, "teamMetricNoAttainment", args);
  return say(w, "teamMetric", { ...args, attainment: formatPercent(m.attainment) });
}

function resultSection(w: Writer): string[] {
  const f = w.findings;
  const lines = [say(w, "resultHeading"), summaryLine(w)];
  if (f.teamMetrics.length === 0) {
    lines.push(say(w, "noTeamFigures", { period: thisPeriod(w) }));
    return lines;
  }
  lines.push(say(w, "attainmentExplained"));
  for (const m of f.teamMetrics) lines.push(bullet(w, teamMetricLine(w, m)));
  return lines;
}

/** A gap in the metric's units; between two percentages, in percentage points (40.0% to 35.0% is 5.0 points, not 5.0%). */
function gapAmount(w: Writer, key: string, amount: number): string {
  if (metricValueKind(key) === "percent") return say(w, "points", { points: formatPoints(amount) });
  return value(w, key, amount);
}

function gapArgs(w: Writer, m: MemberFinding): Record<string, string> {
  const g = m.weakest!;
  return {
    member: memberLabel(m),
    score: formatScore(m.score ?? 0),
    metric: metricName(w, g.metric, true),
    actual: value(w, g.metric, g.actual),
    target: isWholeCount(g.metric)
      ? countTargetText(g.target, m.scaling, w.language, (v) => value(w, g.metric, v), true)
      : value(w, g.metric, g.target),
    gap: say(w, g.direction === "lower" ? "gapOver" : "gapShort", { gap: gapAmount(w, g.metric, g.amount) }),
  };
}

function aheadLine(w: Writer, m: MemberFinding): string {
  if (m.weakest !== null) return say(w, "memberAheadWeakest", gapArgs(w, m));
  return say(w, "memberAhead", { member: memberLabel(m), score: formatScore(m.score ?? 0) });
}

function belowLine(w: Writer, m: MemberFinding): string {
  if (m.weakest !== null) return say(w, "memberBelow", gapArgs(w, m));
  return say(w, "memberBelowNoGap", { member: memberLabel(m), score: formatScore(m.score ?? 0) });
}

/**
 * A group's first members, a bullet each, and how many more there are, added to the section's lines. Lines are
 * pushed onto one array rather than mapped and spread into it: an array from Array.prototype.map turns holey once V8
 * optimizes the mapping function, so its readers would be compiled again for the second kind of array.
 */
function addMemberGroup(
  w: Writer,
  lines: string[],
  members: MemberFinding[],
  line: (w: Writer, m: MemberFinding) => string,
  where: ManagerTextKey,
): void {
  const listed = Math.min(members.length, MAX_LISTED_MEMBERS);
  for (let i = 0; i < listed; i++) lines.push(bullet(w, line(w, members[i])));
  const rest = members.length - MAX_LISTED_MEMBERS;
  if (rest > 0)
    lines.push(bullet(w, say(w, "moreMembers", { count: rest, people: people(w, rest), where: say(w, where) })));
}

function membersSection(w: Writer): string[] {
  const f = w.findings;
  const lines = [say(w, "membersHeading")];
  addMemberGroup(w, lines, f.ahead, aheadLine, "moreAhead");
  addMemberGroup(w, lines, f.needHelp, belowLine, "moreBelow");
  if (f.unscored.length > 0) {
    const names: string[] = [];
    for (let i = 0; i < Math.min(f.unscored.length, MAX_LISTED_MEMBERS); i++) names.push(memberLabel(f.unscored[i]));
    lines.push(bullet(w, say(w, "unscored", { members: list(w, names) })));
  }
  // The heading alone: no member to name.
  return lines.length > 1 ? lines : [];
}

function coachingSection(w: Writer): string[] {
  const f = w.findings;
  if (f.scoredMembers === 0) return [];
  if (f.coaching.length === 0) return [say(w, "coachingHeading"), bullet(w, say(w, "noCoaching"))];
  const lines = [say(w, "coachingHeading")];
  for (const p of f.coaching) {
    const attainment = f.teamMetrics.find((m) => m.metric === p.metric)?.attainment ?? null;
    const metric = metricName(w, p.metric, false);
    const line =
      attainment === null
        ? say(w, "coachingNoAttainment", { metric, missed: p.missed, of: p.of })
        : say(w, "coaching", { metric, missed: p.missed, of: p.of, attainment: formatPercent(attainment) });
    lines.push(bullet(w, line));
  }
  return lines;
}

function trainingSection(w: Writer): string[] {
  const training = w.findings.training;
  if (training.length === 0) return [];
  const lines = [say(w, "trainingHeading")];
  for (const t of training) {
    const names: string[] = [];
    for (const key of t.metrics) names.push(metricName(w, key, true));
    lines.push(bullet(w, say(w, "training", { metrics: list(w, names), topic: cleanUserText(t.topic[w.language]) })));
  }
  return lines;
}

function componentLine(w: Writer, c: ComponentFinding): string {
  const name = componentLabel(c.kind, c.key, c.showKey, w.language, true);
  const amount = formatMoney(c.amount, w.currency);
  if (c.driverKind !== "team_attainment") return say(w, "otherComponent", { name, amount });
  const metric = metricName(w, c.driverMetric ?? "", true);
  if (c.driverValue === null) return say(w, "teamBonusNoDriver", { name, amount, metric });
  const shownValue = formatPercent(c.driverValue);
  if (c.gate !== null && !c.gateMet)
    return say(w, "teamBonusGate", { name, amount, metric, value: shownValue, gate: formatPercent(c.gate) });
  const prorated = c.proration < 1 ? say(w, "prorated", { share: formatPercent(c.proration) }) : "";
  return say(w, "teamBonusLine", {
    name,
    amount,
    metric,
    value: shownValue,
    rate: formatPercent(c.rate),
    base: formatMoney(c.base, w.currency),
    prorated,
  });
}

function nextTierLine(w: Writer, n: NextTierFinding): string {
  const name = componentLabel(n.kind, n.component, n.showKey, w.language, false);
  if (n.status === "top") return say(w, "topTier", { name });
  return say(w, n.reaching === "gate" ? "nextGate" : "nextTier", {
    metric: metricName(w, n.driverMetric ?? "", true),
    points: formatPoints(n.difference),
    threshold: formatPercent(n.threshold),
    name,
  });
}

function paySection(w: Writer): string[] {
  const p = w.findings.payout;
  if (p === null) return [];
  const lines = [say(w, "payHeading")];
  for (const c of p.components) lines.push(bullet(w, componentLine(w, c)));
  for (const sentence of adjustmentSentences(p, w.currency, (key, args) => say(w, key, args)))
    lines.push(bullet(w, sentence));
  lines.push(bullet(w, say(w, "total", { amount: formatMoney(p.total, w.currency) })));
  if (p.negative) lines.push(bullet(w, say(w, "negativeTotal")));
  for (const n of w.findings.nextTiers) lines.push(bullet(w, nextTierLine(w, n)));
  return lines;
}

/**
 * The review of a manager and period, about the team: its result, its
 * members, coaching priorities, training needs and the manager's pay.
 *
 * @example
 * managerReviewText(managerReviewFindings({ result, members, settings }), "en", "USD");
 * // "Manager review: Dana Wu (M01), March 2026\n\nTeam result\nYour team (East) of 4 people scored 97.7% on average ..."
 */
export function managerReviewText(findings: ManagerReviewFindings, language: Language, currency: string): string {
  const w: Writer = { findings, language, currency, words: managerWords(language) };
  const sections = [
    headingSection(w),
    resultSection(w),
    membersSection(w),
    coachingSection(w),
    trainingSection(w),
    paySection(w),
  ];
  const text = joinSections(sections);
  return text.length > MAX_REVIEW_CHARS ? text.slice(0, MAX_REVIEW_CHARS - 1) + "…" : text;
}
