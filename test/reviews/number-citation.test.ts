/**
 * Every number a review cites is a true source value at the precision shown.
 *
 * The numbers are parsed back out of the text and matched against values
 * computed here, independently of review-findings.ts, from the fixture rows
 * (metrics, scores, ranks, payout traces, history and team): money against
 * money, percentages against fractions, plain numbers against counts, days,
 * ranks and differences. Differences between two cited figures are taken
 * between the figures as shown (the rule the reviews follow), so "from 79.5%
 * to 72.2%" must come with "7.3 points".
 */
import { describe, expect, it } from "vitest";
import { metricLabel } from "../../src/core/metric-catalog";
import type { Language } from "../../src/core/plan-model";
import type { RepPeriodResult } from "../../src/core/results";
import { wholeTargetBefore } from "../../src/core/prorated-phrases";
import { isWholeCount } from "../../src/core/review-figures";
import { reviewFindings } from "../../src/core/review-findings";
import { roundTo } from "../../src/core/rounding";
import { dayLabel, periodLabel } from "../../src/core/review-text";
import { ONBOARDING_DAYS } from "../../src/core/training-topics";
import { FIXTURE_SETTINGS, GOLDEN_REPS, MARCH_ROWS, fixtureInput, fixtureReview } from "./fixture-team";

type Kind = "money" | "percent" | "plain";

interface Cited {
  text: string;
  kind: Kind;
  value: number;
  decimals: number;
}

const NUMBER_TOKEN = /-?[$¥]?\d[\d,]*(?:\.\d+)?(?:%| EUR)?/g;

/**
 * The numbers of a text, with their kind and the decimals shown.
 *
 * @example
 * citedNumbers("-$1,200.00 and 87.5%"); // [{ kind: "money", value: -1200, decimals: 2 }, { kind: "percent", value: 87.5, decimals: 1 }]
 */
function citedNumbers(text: string): Cited[] {
  return (text.match(NUMBER_TOKEN) ?? []).map((token) => {
    const kind: Kind = /[$¥]| EUR$/.test(token) ? "money" : token.endsWith("%") ? "percent" : "plain";
    const digits = token.replace(/[$¥,%]| EUR$/g, "");
    const decimals = digits.includes(".") ? digits.split(".")[1].length : 0;
    return { text: token, kind, value: Number(digits), decimals };
  });
}

const shown = (fraction: number) => roundTo(fraction * 100, 1);
/** |a - b| in percentage points, between the two figures as shown. */
const pointsBetween = (a: number, b: number) => Math.abs(roundTo(shown(a) - shown(b), 1));

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const isNum = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** Every value a review of this rep may cite, by kind, from the fixture alone. */
function sourceValues(rep: string): Record<Kind, number[]> {
  const input = fixtureInput(rep);
  const row = input.result;
  const money: number[] = [];
  const fractions: number[] = [];
  const plain: number[] = [ONBOARDING_DAYS];
  const previous: RepPeriodResult | undefined = input.history[input.history.length - 1];

  for (const m of row.metrics) {
    const values = [m.actual, m.target].filter(isNum);
    if (m.key === "revenue") money.push(...values);
    else if (m.key === "win_rate") fractions.push(...values);
    else plain.push(...values);
    if (isNum(m.attainment)) fractions.push(m.attainment);
    if (isNum(m.actual) && isNum(m.target)) {
      const gap = Math.abs(m.target - m.actual);
      if (m.key === "revenue") money.push(gap);
      else if (m.key === "win_rate") plain.push(pointsBetween(m.target, m.actual));
      else if (m.key === "new_customers") plain.push(Math.ceil(roundTo(gap, 2)), gap);
      else plain.push(gap);
    }
    const team = input.teamRows.map((r) => r.metrics.find((x) => x.key === m.key)?.attainment).filter(isNum);
    const teamMedian = medianOf(team);
    if (teamMedian !== null) fractions.push(teamMedian);
    const before = previous?.metrics.find((x) => x.key === m.key)?.attainment;
    if (isNum(before) && isNum(m.attainment)) {
      fractions.push(before);
      plain.push(pointsBetween(m.attainment, before));
    }
  }

  const score = row.score;
  if (isNum(score)) {
    fractions.push(score);
    plain.push(
      row.rank ?? -1,
      row.teamRank ?? -1,
      input.periodRowCount,
      input.teamRows.filter((r) => isNum(r.score)).length,
    );
    if (previous && isNum(previous.score)) {
      fractions.push(previous.score);
      plain.push(pointsBetween(score, previous.score));
    }
    const recent = input.history
      .slice(-3)
      .map((r) => r.score)
      .filter(isNum);
    if (recent.length >= 2) {
      const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
      fractions.push(mean);
      plain.push(recent.length, pointsBetween(score, mean));
    }
    const teamMedian = medianOf(input.teamRows.map((r) => r.score).filter(isNum));
    if (teamMedian !== null) {
      fractions.push(teamMedian);
      plain.push(pointsBetween(score, teamMedian));
    }
    const { promoteScore, supportScore } = FIXTURE_SETTINGS.signals;
    fractions.push(promoteScore, supportScore);
    for (let n = 1; n <= input.history.length + 1; n += 1) plain.push(n);
  }

  const payout = row.payout;
  if (payout) {
    money.push(payout.total, payout.componentsTotal, ...payout.adjustments.map((a) => a.amount));
    for (const c of payout.components) {
      money.push(c.amount, c.base);
      plain.push(c.rate, c.rawRate);
      if (c.kind === "commission") {
        if (isNum(c.driverValue)) money.push(c.driverValue);
        if (isNum(c.nextBound) && isNum(c.driverValue)) money.push(c.nextBound, c.nextBound - c.driverValue);
      } else if (isNum(c.driverValue)) {
        const threshold = !c.gateMet && isNum(c.gate) ? c.gate : c.nextBound;
        if (isNum(c.gate)) fractions.push(c.gate);
        if (isNum(threshold)) {
          fractions.push(threshold);
          plain.push(pointsBetween(threshold, c.driverValue));
        }
      }
    }
  }
  for (const note of row.notes) {
    if (note.code === "prorated") plain.push(note.days, note.of);
    if (note.code === "ramp") {
      fractions.push(note.factor);
      plain.push(note.month);
    }
  }
  if (isNum(input.tenureDays)) plain.push(input.tenureDays);
  return { money, percent: fractions.map((f) => f * 100), plain };
}

/** The text without the words that hold digits but are not figures: period names, days, IDs, names, reasons. */
function withoutNames(text: string, rep: string, language: Language): string {
  const input = fixtureInput(rep);
  const words = [
    ...["2026-01", "2026-02", "2026-03"].map((p) => periodLabel(p, 1, language)),
    ...input.result.notes.flatMap((n) => (n.code === "left" ? [dayLabel(n.lastDay, language)] : [])),
    input.result.id,
    input.result.name,
    ...(input.result.payout?.adjustments.map((a) => a.reason) ?? []),
  ];
  let cleaned = text;
  for (const word of words.sort((a, b) => b.length - a.length)) cleaned = cleaned.split(word).join(" ");
  return cleaned;
}

function matches(cited: Cited, sources: number[]): boolean {
  return sources.some((s) => roundTo(s, cited.decimals) === cited.value);
}

describe("every number cited in a review is a source value at the precision shown", () => {
  for (const { file, rep } of GOLDEN_REPS) {
    for (const language of ["en", "zh"] as Language[]) {
      it(`${file} (${language})`, () => {
        const text = withoutNames(fixtureReview(rep, language), rep, language);
        const sources = sourceValues(rep);
        const cited = citedNumbers(text);
        expect(cited.length).toBeGreaterThan(5);
        const unmatched = cited.filter((c) => !matches(c, sources[c.kind]));
        expect(unmatched.map((c) => c.text)).toEqual([]);
      });
    }
  }
});

/**
 * The numbers a metric line cites for its target: the target, or for a count
 * target that proration or ramp-up made fractional, the whole target and
 * then the days employed, the days of the period and the ramp factor.
 */
function citedTarget(rep: string, key: string, target: number | null): (number | null)[] {
  if (target === null || !isWholeCount(key)) return [target];
  const scaling = reviewFindings(fixtureInput(rep));
  const whole = wholeTargetBefore(target, scaling);
  if (whole === null) return [target];
  return [whole, scaling.proration?.days ?? null, scaling.proration?.of ?? null, scaling.ramp?.factor ?? null];
}

describe("each metric line cites the metric's own actual, target and attainment", () => {
  for (const { file, rep } of GOLDEN_REPS) {
    for (const language of ["en", "zh"] as Language[]) {
      it(`${file} (${language})`, () => {
        const row = MARCH_ROWS.find((r) => r.rep === rep) as RepPeriodResult;
        const lines = fixtureReview(rep, language).split("\n");
        for (const m of row.metrics) {
          const prefix = "• " + metricLabel(m.key, language) + (language === "zh" ? "：" : ": ");
          const line = lines.find((l) => l.startsWith(prefix));
          expect(line, m.key).toBeDefined();
          const numbers = citedNumbers((line as string).slice(prefix.length));
          const expected = [m.actual, ...citedTarget(rep, m.key, m.target)].filter(isNum);
          if (m.attainment !== null) expected.push(m.attainment);
          expect(numbers.length, line).toBe(expected.length);
          numbers.forEach((n, i) => {
            const source = n.kind === "percent" ? expected[i] * 100 : expected[i];
            expect(roundTo(source, n.decimals), line).toBe(n.value);
          });
        }
      });
    }
  }
});

describe("the summary cites the score, the rank and the payout", () => {
  for (const { file, rep } of GOLDEN_REPS) {
    it(file, () => {
      const row = MARCH_ROWS.find((r) => r.rep === rep) as RepPeriodResult;
      const summary = withoutNames(fixtureReview(rep, "en").split("\n\n")[1], rep, "en");
      const cited = citedNumbers(summary);
      const percent = cited.filter((c) => c.kind === "percent");
      const money = cited.filter((c) => c.kind === "money");
      if (row.score !== null) {
        expect(percent[0].value).toBe(roundTo(row.score * 100, 1));
        // A rep in the first 90 days is given onboarding focus, not a rank.
        if (file === "new-hire") expect(summary).not.toContain("You rank");
        else expect(summary).toContain(`You rank ${row.rank} of 6 overall`);
      }
      expect(money[0].value).toBe(roundTo(row.payout?.total ?? Number.NaN, 2));
    });
  }
});

describe("the citation check itself", () => {
  it("catches a figure that is off by one unit of the precision shown", () => {
    const sources = sourceValues("r03");
    for (const [right, wrong] of [
      ["72.2%", "72.3%"],
      ["$12,000.00", "$12,000.01"],
      ["7.8 points", "7.9 points"],
    ]) {
      const text = withoutNames(fixtureReview("r03", "en"), "r03", "en");
      expect(text).toContain(right);
      const cited = citedNumbers(text.replace(right, wrong));
      expect(cited.filter((c) => !matches(c, sources[c.kind])).map((c) => c.text)).toEqual([wrong.split(" ")[0]]);
    }
  });
});
