/**
 * A hand-made team for the review tests: result rows for January to March
 * 2026, built the way docs/sheet-formats.md says to compute them (the
 * arithmetic is spelled out in the comments), so the reviews can be checked
 * against numbers a reader can verify by hand.
 *
 * Plan: revenue 0.4, new_customers 0.2, win_rate 0.15, sales_cycle_days 0.15
 * (lower is better), csat (manual) 0.1; cap 1.5, floor 0. Full monthly
 * targets: revenue 50,000, new customers 5, win rate 40%, sales cycle 30 days,
 * csat 4.5. Target bonus 1,000 a month driven by the score, step tiers
 * (0.8, 0.5) (1.0, 1.0) (1.2, 1.5), gate 0.8, max_rate 1.4. Commission on
 * revenue, marginal tiers (0, 2%) (50,000, 3%).
 *
 * The reps (March 2026):
 * - r01 Alice Chen, East: top performer, 3 months at 110% or more (promotion signal), rep of the month.
 * - r02 Ben Li, East: new hire since 2026-02-16 (43 days), ramp month 2 at 75%.
 * - r03 Carla Gomez, East: below the 80% bonus gate, 2 months below 80% (support plan).
 * - r04 Dev Patel, West: no csat scores this month (left out).
 * - r05 Emma Wang, West: most improved (72.6% -> 105.3%), rep of the month.
 * - r06 Frank Zhou, West: leaver on 2026-03-12 (12 of 31 days), clawback makes the payout negative.
 * - r07 Gina Xu, no team: started 2026-03-23, no targets yet: no score at all.
 */
import { dayNumber } from "../../src/core/calendar";
import { DEFAULT_SETTINGS } from "../../src/core/default-plan";
import { currencyFor, localeCurrency } from "../../src/core/display-format";
import type { Direction, Language, PlanSettings } from "../../src/core/plan-model";
import { recognise } from "../../src/core/recognition";
import { reviewFindings, type ReviewInput } from "../../src/core/review-findings";
import { reviewText } from "../../src/core/review-text";
import type { ComponentTrace, MetricResult, RepPeriodResult, RowNote } from "../../src/core/results";

interface MetricPlan {
  key: string;
  weight: number;
  direction: Direction;
  manual: boolean;
}

const FIXTURE_PLAN: readonly MetricPlan[] = [
  { key: "revenue", weight: 0.4, direction: "higher", manual: false },
  { key: "new_customers", weight: 0.2, direction: "higher", manual: false },
  { key: "win_rate", weight: 0.15, direction: "higher", manual: false },
  { key: "sales_cycle_days", weight: 0.15, direction: "lower", manual: false },
  { key: "csat", weight: 0.1, direction: "higher", manual: true },
];

const FULL_TARGETS: Record<string, number> = {
  revenue: 50000,
  new_customers: 5,
  win_rate: 0.4,
  sales_cycle_days: 30,
  csat: 4.5,
};
/** Additive metrics are prorated and ramped (docs/sheet-formats.md#proration). */
const ADDITIVE = new Set(["revenue", "new_customers"]);
const CAP = 1.5;
const MONTHLY_TARGET_BONUS = 1000;
const BONUS_TIERS = [
  { bound: 0.8, rate: 0.5 },
  { bound: 1.0, rate: 1.0 },
  { bound: 1.2, rate: 1.5 },
];
const BONUS_GATE = 0.8;
const BONUS_MAX_RATE = 1.4;
const COMMISSION_TIERS = [
  { bound: 0, rate: 0.02 },
  { bound: 50000, rate: 0.03 },
];

export const FIXTURE_SETTINGS: PlanSettings = { ...DEFAULT_SETTINGS, currency: null, language: null };

/** Actuals in plan order: revenue, new customers, win rate, sales cycle, csat; null = no data. */
type Actuals = [number | null, number | null, number | null, number | null, number | null];

interface RepMonth {
  rep: string;
  id: string;
  name: string;
  team: string;
  actuals: Actuals;
  /** Days employed / days in the month, with the days for the note. */
  employed?: { days: number; of: number };
  /** The End date, when it falls in the month (the engine's "left" note). */
  leftOn?: number;
  /** New-hire ramp multiplier of additive targets and the tenure month. */
  ramp?: { factor: number; month: number };
  /** No Targets rows at all (a rep who just started). */
  noTargets?: boolean;
  adjustments?: { amount: number; reason: string }[];
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function roundCents(x: number): number {
  return Math.round((x + (x >= 0 ? 1e-9 : -1e-9)) * 100) / 100;
}

function metricResult(plan: MetricPlan, actual: number | null, target: number | null): MetricResult {
  const leftOut = actual === null ? "no_data" : target === null ? "no_target" : null;
  let attainment: number | null = null;
  if (actual !== null && target !== null && target > 0) {
    attainment = plan.direction === "higher" ? actual / target : actual > 0 ? target / actual : null;
  }
  const achievement = leftOut !== null ? null : attainment === null ? CAP : Math.min(attainment, CAP);
  return {
    key: plan.key,
    direction: plan.direction,
    weight: plan.weight,
    manual: plan.manual,
    actual,
    target,
    targetSource: target === null ? "" : "all",
    attainment,
    achievement,
    leftOut,
  };
}

/** Score = sum of weight x achievement over the scored metrics / their weights. */
function scoreOf(metrics: MetricResult[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const m of metrics) {
    if (m.achievement === null) continue;
    weighted += m.weight * m.achievement;
    weights += m.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

function stepTier(x: number): { index: number | null; rate: number } {
  let index: number | null = null;
  BONUS_TIERS.forEach((t, i) => {
    if (round4(x) >= t.bound) index = i;
  });
  return { index, rate: index === null ? 0 : BONUS_TIERS[index].rate };
}

function targetBonusTrace(score: number | null, proration: number): ComponentTrace {
  const tier = score === null ? { index: null, rate: 0 } : stepTier(score);
  const gateMet = score !== null && score >= BONUS_GATE;
  const rate = Math.min(tier.rate, BONUS_MAX_RATE);
  const next = tier.index === null ? BONUS_TIERS[0].bound : (BONUS_TIERS[tier.index + 1]?.bound ?? null);
  return {
    key: "target_bonus",
    kind: "target_bonus",
    driver: { kind: "score" },
    driverValue: score,
    mode: "step",
    tierIndex: tier.index,
    tierBound: tier.index === null ? null : BONUS_TIERS[tier.index].bound,
    nextBound: score === null ? null : next,
    rawRate: tier.rate,
    maxRate: BONUS_MAX_RATE,
    rate,
    slices: [],
    gate: BONUS_GATE,
    gateMet,
    base: MONTHLY_TARGET_BONUS,
    proration,
    amount: gateMet ? rate * MONTHLY_TARGET_BONUS * proration : 0,
  };
}

/** What every fixture commission is: marginal on revenue, with no rate cap. */
export const REVENUE_COMMISSION = {
  key: "commission",
  kind: "commission",
  driver: { kind: "amount", metric: "revenue" },
  mode: "marginal",
  maxRate: null,
} as const satisfies Partial<ComponentTrace>;

/** Marginal: 2% of revenue up to 50,000, 3% above. */
function commissionTrace(revenue: number): ComponentTrace {
  const first = Math.min(revenue, COMMISSION_TIERS[1].bound) * COMMISSION_TIERS[0].rate;
  const second = Math.max(0, revenue - COMMISSION_TIERS[1].bound) * COMMISSION_TIERS[1].rate;
  const amount = first + second;
  const inTop = revenue >= COMMISSION_TIERS[1].bound;
  const effective = revenue > 0 ? amount / revenue : 0;
  return {
    ...REVENUE_COMMISSION,
    driverValue: revenue,
    tierIndex: inTop ? 1 : 0,
    tierBound: inTop ? COMMISSION_TIERS[1].bound : 0,
    nextBound: inTop ? null : COMMISSION_TIERS[1].bound,
    rawRate: effective,
    rate: effective,
    slices: [
      {
        bound: 0,
        upper: Math.min(revenue, COMMISSION_TIERS[1].bound),
        rate: 0.02,
        amount: 0.02 * Math.min(revenue, COMMISSION_TIERS[1].bound),
      },
      ...(inTop
        ? [
            {
              bound: COMMISSION_TIERS[1].bound,
              upper: revenue,
              rate: 0.03,
              amount: 0.03 * (revenue - COMMISSION_TIERS[1].bound),
            },
          ]
        : []),
    ],
    gate: null,
    gateMet: true,
    base: 1,
    proration: 1,
    amount,
  };
}

function buildRow(period: string, m: RepMonth): RepPeriodResult {
  const proration = m.employed ? m.employed.days / m.employed.of : 1;
  const ramp = m.ramp?.factor ?? 1;
  const metrics = FIXTURE_PLAN.map((plan, i) => {
    const additive = ADDITIVE.has(plan.key);
    const target = m.noTargets ? null : FULL_TARGETS[plan.key] * (additive ? proration * ramp : 1);
    return metricResult(plan, m.actuals[i], target);
  });
  const score = scoreOf(metrics);
  const components = [targetBonusTrace(score, proration), commissionTrace(m.actuals[0] ?? 0)];
  const componentsTotal = roundCents(components.reduce((sum, c) => sum + c.amount, 0));
  const adjustments = (m.adjustments ?? []).map((a, i) => ({ period, amount: a.amount, reason: a.reason, row: 2 + i }));
  const total = roundCents(componentsTotal + adjustments.reduce((sum, a) => sum + a.amount, 0));
  const notes: RowNote[] = [];
  if (m.employed) notes.push({ code: "prorated", days: m.employed.days, of: m.employed.of });
  if (m.leftOn !== undefined) notes.push({ code: "left", lastDay: m.leftOn });
  if (m.ramp) notes.push({ code: "ramp", factor: m.ramp.factor, month: m.ramp.month });
  const leftOut = metrics.filter((x) => x.leftOut !== null).map((x) => x.key);
  if (leftOut.length > 0) notes.push({ code: "left_out", metrics: leftOut });
  for (const c of components) if (!c.gateMet) notes.push({ code: "gate_not_met", component: c.key });
  if (total < 0) notes.push({ code: "negative_payout" });
  return {
    period,
    rep: m.rep,
    id: m.id,
    name: m.name,
    team: m.team,
    role: "",
    score,
    rank: null,
    teamRank: null,
    metrics,
    proration,
    daysEmployed: m.employed?.days ?? 31,
    ramp,
    payout: { payoutPeriod: "month", components, componentsTotal, adjustments, total, negative: total < 0 },
    notes,
  };
}

/** Ranks by score rounded to 4 decimals, ties sharing the better rank (1, 2, 2, 4). */
function rankWithin(rows: RepPeriodResult[]): Map<string, number> {
  const scored = rows.filter((r) => r.score !== null);
  const ranks = new Map<string, number>();
  for (const r of scored)
    ranks.set(r.rep, 1 + scored.filter((o) => round4(o.score as number) > round4(r.score as number)).length);
  return ranks;
}

function buildPeriod(period: string, months: RepMonth[]): RepPeriodResult[] {
  const rows = months.map((m) => buildRow(period, m));
  const overall = rankWithin(rows);
  for (const row of rows) {
    row.rank = overall.get(row.rep) ?? null;
    row.teamRank = rankWithin(rows.filter((r) => r.team === row.team)).get(row.rep) ?? null;
  }
  return rows;
}

const ALICE = { rep: "r01", id: "R01", name: "Alice Chen", team: "East" };
const BEN = { rep: "r02", id: "R02", name: "Ben Li", team: "East" };
const CARLA = { rep: "r03", id: "R03", name: "Carla Gomez", team: "East" };
const DEV = { rep: "r04", id: "R04", name: "Dev Patel", team: "West" };
const EMMA = { rep: "r05", id: "R05", name: "Emma Wang", team: "West" };
const FRANK = { rep: "r06", id: "R06", name: "Frank Zhou", team: "West" };
const GINA = { rep: "r07", id: "R07", name: "Gina Xu", team: "" };

const JANUARY_ROWS = buildPeriod("2026-01", [
  // 0.4 x 1.2 + 0.2 x 1.2 + 0.15 x 1.1 + 0.15 x 30/27 + 0.1 x 4.6/4.5 = 1.1539
  { ...ALICE, actuals: [60000, 6, 0.44, 27, 4.6] },
  { ...CARLA, actuals: [44000, 4, 0.36, 33, 4.4] },
  { ...DEV, actuals: [48000, 4, 0.4, 31, 4.4] },
  { ...EMMA, actuals: [40000, 4, 0.34, 33, 4.2] },
  { ...FRANK, actuals: [46000, 5, 0.4, 32, 4.3] },
]);

export const FEBRUARY_ROWS = buildPeriod("2026-02", [
  // 0.4 x 1.24 + 0.2 x 1.2 + 0.15 x 1.05 + 0.15 x 30/28 + 0.1 x 4.6/4.5 = 1.1554
  { ...ALICE, actuals: [62000, 6, 0.42, 28, 4.6] },
  // Started 16 February: 13 of 28 days, ramp month 1 at 50%; no csat scores yet.
  { ...BEN, actuals: [9000, 1, 0.3, 40, null], employed: { days: 13, of: 28 }, ramp: { factor: 0.5, month: 1 } },
  // 0.4 x 0.8 + 0.2 x 0.6 + 0.15 x 0.875 + 0.15 x 30/35 + 0.1 x 4.3/4.5 = 0.7954
  { ...CARLA, actuals: [40000, 3, 0.35, 35, 4.3] },
  { ...DEV, actuals: [50000, 5, 0.38, 31, 4.3] },
  // 0.4 x 0.7 + 0.2 x 0.6 + 0.15 x 0.75 + 0.15 x 30/36 + 0.1 x 4.0/4.5 = 0.7264
  { ...EMMA, actuals: [35000, 3, 0.3, 36, 4.0] },
  { ...FRANK, actuals: [47000, 4, 0.39, 32, 4.4] },
]);

export const MARCH_ROWS = buildPeriod("2026-03", [
  // 0.4 x 1.36 + 0.2 x 1.2 + 0.15 x 1.125 + 0.15 x 30/26 + 0.1 x 4.7/4.5 = 1.2303
  { ...ALICE, actuals: [68000, 6, 0.45, 26, 4.7] },
  // Ramp month 2 at 75%: revenue target 37,500, new customers 3.75.
  // 0.4 x 0.96 + 0.2 x 0.8 + 0.15 x 0.875 + 0.15 x 30/34 + 0.1 x 4.4/4.5 = 0.9054
  { ...BEN, actuals: [36000, 3, 0.35, 34, 4.4], ramp: { factor: 0.75, month: 2 } },
  // 0.4 x 0.76 + 0.2 x 0.4 + 0.15 x 0.8 + 0.15 x 30/36 + 0.1 x 4.2/4.5 = 0.7223: below the 0.8 gate.
  { ...CARLA, actuals: [38000, 2, 0.32, 36, 4.2] },
  // No csat scores: (0.4 x 1.04 + 0.2 x 0.8 + 0.15 x 1.0 + 0.15 x 30/31) / 0.9 = 0.9680
  { ...DEV, actuals: [52000, 4, 0.4, 31, null] },
  // 0.4 x 1.1 + 0.2 x 1.0 + 0.15 x 1.05 + 0.15 x 30/29 + 0.1 x 1.0 = 1.0527
  { ...EMMA, actuals: [55000, 5, 0.42, 29, 4.5] },
  // Left on 12 March: 12 of 31 days, revenue target 19,354.84, new customers 1.94.
  // 0.4 x 19000/19354.84 + 0.2 x 2/1.9355 + 0.15 x 0.95 + 0.15 x 30/33 + 0.1 x 4.3/4.5 = 0.9736
  {
    ...FRANK,
    actuals: [19000, 2, 0.38, 33, 4.3],
    employed: { days: 12, of: 31 },
    leftOn: dayNumber(2026, 3, 12),
    adjustments: [{ amount: -1200, reason: "Clawback: order cancelled after the customer returned the goods" }],
  },
  // Started 23 March (9 of 31 days), no targets yet, no deals closed.
  { ...GINA, actuals: [0, 0, null, null, null], employed: { days: 9, of: 31 }, noTargets: true },
]);

const ALL_ROWS = [...JANUARY_ROWS, ...FEBRUARY_ROWS];

/** Days from the start date to 31 March 2026; null = no start date on the Reps sheet. */
const TENURE_DAYS: Record<string, number | null> = {
  r01: 900,
  r02: 43,
  r03: 400,
  r04: 700,
  r05: 300,
  r06: null,
  r07: 8,
};

/** The reps with a golden review, by the file name of their goldens. */
export const GOLDEN_REPS: ReadonlyArray<{ file: string; rep: string }> = [
  { file: "top-performer", rep: "r01" },
  { file: "new-hire", rep: "r02" },
  { file: "below-gate", rep: "r03" },
  { file: "left-out-metric", rep: "r04" },
  { file: "most-improved", rep: "r05" },
  { file: "leaver", rep: "r06" },
  { file: "no-data", rep: "r07" },
];

export const MARCH_RECOGNITION = recognise(MARCH_ROWS, FEBRUARY_ROWS);

/**
 * The review input of a rep for March 2026, as the caller builds it.
 *
 * @example
 * reviewFindings(fixtureInput("r03")).weaknesses[0].metric; // "new_customers"
 */
export function fixtureInput(rep: string): ReviewInput {
  const result = MARCH_ROWS.find((r) => r.rep === rep);
  if (!result) throw new Error("no fixture rep " + rep);
  return {
    result,
    history: ALL_ROWS.filter((r) => r.rep === rep),
    teamRows: MARCH_ROWS.filter((r) => r.team === result.team),
    periodRowCount: MARCH_ROWS.filter((r) => r.score !== null).length,
    recognition: MARCH_RECOGNITION,
    settings: FIXTURE_SETTINGS,
    tenureDays: TENURE_DAYS[rep] ?? null,
  };
}

/**
 * The review of a fixture rep, as a spreadsheet in that language would show
 * it: a Chinese one (zh_CN, so CNY) or an English one (en_US, so USD).
 *
 * @example
 * fixtureReview("r01", "zh").startsWith("绩效评估：Alice Chen（R01），2026年3月"); // true
 */
export function fixtureReview(rep: string, language: Language): string {
  return reviewText(
    reviewFindings(fixtureInput(rep)),
    language,
    currencyFor(FIXTURE_SETTINGS.currency, localeCurrency(language === "zh" ? "zh_CN" : "en_US")),
  );
}
