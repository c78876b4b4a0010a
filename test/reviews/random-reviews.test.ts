/**
 * Reviews of 200 generated reps with random data (nulls, zero and negative
 * targets, negative payouts, missing or gappy history, odd metric keys, quarters
 * and years), in both languages: never a hole in the text, always under the
 * cell limit, and the same text every time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/core/default-plan";
import type { Direction, Language, PlanSettings } from "../../src/core/plan-model";
import { recognise, type Recognition } from "../../src/core/recognition";
import { BUILT_IN_METRICS } from "../../src/core/metric-catalog";
import { reviewFindings, type ReviewInput } from "../../src/core/review-findings";
import { reviewText } from "../../src/core/review-text";
import type { ComponentTrace, MetricResult, PayoutResult, RepPeriodResult, RowNote } from "../../src/core/results";

const METRIC_KEYS = [...BUILT_IN_METRICS.map((m) => m.key), "csat", "teamwork", "my_metric", "constructor", "toString"];
const NAMES = ["Alice Chen", "张伟", "O'Brien", "  Two\nLines  ", "", "R9", "李 娜", "x".repeat(400)];
const TEAMS = ["East", "华东", "", "West"];
const REASONS = ["", "Clawback", "奖金补发", "Cancelled order\nrefund", "y".repeat(500)];
const MONTHS = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"];
const QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"];
const YEARS = ["2022", "2023", "2024", "2025", "2026"];

const money = fc.oneof(
  fc.constant(0),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -5000, max: 200000 }),
);
const fraction = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: -0.5, max: 3, noNaN: true }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), arb);
/** Mostly ordinary numbers, now and then a value no engine should produce. */
const wild = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0) },
);

const metricArb: fc.Arbitrary<Omit<MetricResult, "key">> = fc.record({
  direction: fc.constantFrom<Direction>("higher", "lower"),
  weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  manual: fc.boolean(),
  actual: maybe(fc.oneof(money, fraction, wild)),
  target: fc.oneof(fc.constant(null), fc.constant(0), fc.constant(-5), money, fraction),
  targetSource: fc.constantFrom("rep", "team", ""),
  attainment: maybe(fc.oneof(fraction, wild)),
  achievement: maybe(fraction),
  leftOut: fc.constantFrom(null, "no_data" as const, "no_target" as const),
});

const traceArb: fc.Arbitrary<ComponentTrace> = fc
  .record({
    key: fc.constantFrom("target_bonus", "commission", "stretch", "q_bonus"),
    kind: fc.constantFrom("target_bonus" as const, "commission" as const),
    driver: fc.oneof(
      fc.constant({ kind: "score" as const }),
      fc.record({ kind: fc.constant("attainment" as const), metric: fc.constantFrom(...METRIC_KEYS) }),
      fc.record({ kind: fc.constant("team_attainment" as const), metric: fc.constantFrom(...METRIC_KEYS) }),
      fc.record({ kind: fc.constant("amount" as const), metric: fc.constantFrom(...METRIC_KEYS) }),
    ),
    driverValue: maybe(fc.oneof(fraction, money, wild)),
    nextBound: maybe(fc.oneof(fraction, money)),
    rawRate: fraction,
    rate: fraction,
    gate: maybe(fc.oneof(fraction, money)),
    gateMet: fc.boolean(),
    base: money,
    proration: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    amount: fc.oneof(money, wild),
  })
  .map((t) => ({
    ...t,
    mode: "step" as const,
    tierIndex: null,
    tierBound: null,
    maxRate: null,
    slices: [],
  }));

const payoutArb: fc.Arbitrary<PayoutResult | null> = maybe(
  fc.record({
    payoutPeriod: fc.constantFrom("month" as const, "quarter" as const),
    components: fc.array(traceArb, { maxLength: 4 }),
    componentsTotal: money,
    adjustments: fc.array(
      fc.record({
        period: fc.constant("2026-03"),
        amount: money,
        reason: fc.constantFrom(...REASONS),
        row: fc.nat(100),
      }),
      { maxLength: 14 },
    ),
    total: money,
    negative: fc.boolean(),
  }),
);

const noteArb: fc.Arbitrary<RowNote> = fc.oneof(
  fc.record({
    code: fc.constant("prorated" as const),
    days: fc.integer({ min: 0, max: 31 }),
    of: fc.integer({ min: 1, max: 366 }),
  }),
  fc.record({ code: fc.constant("ramp" as const), factor: fraction, month: fc.integer({ min: 1, max: 6 }) }),
  // A leaver's last day, from 1970 to 2099.
  fc.record({ code: fc.constant("left" as const), lastDay: fc.integer({ min: 0, max: 47_481 }) }),
  fc.constant({ code: "provisional" as const }),
  fc.constant({ code: "negative_payout" as const }),
);

function rowArb(period: string, rep: string): fc.Arbitrary<RepPeriodResult> {
  return fc
    .record({
      name: fc.constantFrom(...NAMES),
      team: fc.constantFrom(...TEAMS),
      score: maybe(fc.oneof(fraction, wild)),
      rank: maybe(fc.integer({ min: 1, max: 40 })),
      teamRank: maybe(fc.integer({ min: 1, max: 10 })),
      metrics: fc.uniqueArray(fc.tuple(fc.constantFrom(...METRIC_KEYS), metricArb), {
        maxLength: 8,
        selector: ([key]) => key,
      }),
      payout: payoutArb,
      notes: fc.array(noteArb, { maxLength: 3 }),
    })
    .map((r) => ({
      period,
      rep,
      id: rep.toUpperCase(),
      name: r.name,
      team: r.team,
      role: "",
      score: r.score,
      rank: r.rank,
      teamRank: r.teamRank,
      metrics: r.metrics.map(([key, m]) => ({ key, ...m })),
      proration: 1,
      daysEmployed: 31,
      ramp: 1,
      payout: r.payout,
      notes: r.notes,
    }));
}

const settingsArb: fc.Arbitrary<PlanSettings> = fc
  .record({
    fiscalYearStartMonth: fc.constantFrom(1, 4),
    promoteScore: fc.double({ min: 0.5, max: 2, noNaN: true }),
    promotePeriods: fc.integer({ min: 0, max: 4 }),
    supportScore: fc.double({ min: 0, max: 1.2, noNaN: true }),
    supportPeriods: fc.integer({ min: 0, max: 4 }),
    customTopic: fc.boolean(),
  })
  .map((s) => ({
    ...DEFAULT_SETTINGS,
    fiscalYearStartMonth: s.fiscalYearStartMonth,
    signals: {
      promoteScore: s.promoteScore,
      promotePeriods: s.promotePeriods,
      supportScore: s.supportScore,
      supportPeriods: s.supportPeriods,
    },
    training: s.customTopic
      ? { ...DEFAULT_SETTINGS.training, csat: { en: "Complaint handling", zh: "投诉处理" } }
      : DEFAULT_SETTINGS.training,
  }));

const inputArb: fc.Arbitrary<ReviewInput> = fc
  .constantFrom(MONTHS, QUARTERS, YEARS)
  .chain((periods) =>
    fc.record({
      // Earlier periods of the same kind, oldest first, possibly with gaps.
      history: fc.subarray(periods.slice(0, -1)).chain((keys) => fc.tuple(...keys.map((p) => rowArb(p, "r1")))),
      result: rowArb(periods[periods.length - 1], "r1"),
      mates: fc.array(
        fc.integer({ min: 2, max: 99 }).chain((n) => rowArb(periods[periods.length - 1], "r" + n)),
        { maxLength: 5 },
      ),
      periodRowCount: fc.integer({ min: 0, max: 50 }),
      recognition: fc.oneof(
        fc.constant<Recognition | null>(null),
        fc.record({
          repOfTheMonth: fc.dictionary(
            fc.constantFrom(...TEAMS),
            fc.array(fc.constantFrom("r1", "r2", "r3"), { maxLength: 3 }),
          ),
          mostImproved: maybe(fc.record({ rep: fc.constantFrom("r1", "r2"), delta: fc.oneof(fraction, wild) })),
        }),
      ),
      settings: settingsArb,
      tenureDays: maybe(fc.integer({ min: -10, max: 1000 })),
    }),
  )
  .map((g) => {
    const teamRows = [g.result, ...g.mates];
    const previous = g.history.length > 0 ? [g.history[g.history.length - 1]] : [];
    return {
      result: g.result,
      history: g.history,
      teamRows,
      periodRowCount: g.periodRowCount,
      recognition: g.recognition ?? recognise(teamRows, previous),
      settings: g.settings,
      tenureDays: g.tenureDays,
    };
  });

const FORBIDDEN = /NaN|undefined|Infinity|\bnull\b|\[object|\{[A-Za-z_]\w*\}/;

function review(input: ReviewInput, language: Language, currency: string): string {
  return reviewText(reviewFindings(input), language, currency);
}

describe("reviews of random reps", () => {
  it("never show a hole, stay under 50,000 characters and are the same every time", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom("USD", "CNY", "EUR"), (input, currency) => {
        for (const language of ["en", "zh"] as Language[]) {
          const text = review(input, language, currency);
          const match = FORBIDDEN.exec(text);
          expect(match?.[0] ?? null, text).toBeNull();
          expect(text.length).toBeLessThan(50_000);
          expect(review(structuredClone(input), language, currency)).toBe(text);
        }
      }),
      // A fixed seed keeps CI reproducible; REVIEW_SEED and REVIEW_RUNS explore further.
      { numRuns: Number(process.env.REVIEW_RUNS ?? 200), seed: Number(process.env.REVIEW_SEED ?? 20260331) },
    );
  });
});
