/**
 * Managers over the fixture team of fixture-team.ts (March 2026), reviewed
 * through the same dispatch as the run (`reviewForRow`):
 * - m01 Hana Sato, East, role manager: Alice, Ben, Carla and Dev report to
 *   her (Manager column). Team revenue 68,000 + 36,000 + 38,000 + 52,000 =
 *   194,000 against 50,000 + 37,500 + 50,000 + 50,000 = 187,500: 103.5%.
 * - m02 Ivan Ong, West, role manager: Ben, Carla and Frank report to him.
 *   Team revenue 36,000 + 38,000 + 19,000 = 93,000 against 37,500 + 50,000 +
 *   19,354.84 = 106,854.84: 87.0%, a team that missed.
 * - m03 Jade Lin, North, role manager: nobody reports to her and nobody else
 *   is in North, so she gets a rep's review of her own deals.
 *
 * Managers are paid like the default plan's manager variant: a target bonus
 * of 2,000 driven by team_attainment:revenue, linear tiers (0.6, 0.5)
 * (0.8, 0.75) (1.0, 1.0) (1.2, 1.5) (1.4, 2.0), gate 0.6, max rate 2; and the
 * base plan's commission on their own revenue, 1% marginal, which pays
 * nothing without their own deals.
 */
import { currencyFor, localeCurrency } from "../../src/core/display-format";
import type { Language } from "../../src/core/plan-model";
import { managerKeysOf, recognise } from "../../src/core/recognition";
import type { Rep } from "../../src/core/records";
import type { ComponentTrace, RepPeriodResult } from "../../src/core/results";
import { reviewForRow } from "../../src/addon/review-cells";
import { FEBRUARY_ROWS, FIXTURE_SETTINGS, MARCH_ROWS, REVENUE_COMMISSION } from "./fixture-team";

const TIERS = [
  { bound: 0.6, rate: 0.5 },
  { bound: 0.8, rate: 0.75 },
  { bound: 1.0, rate: 1.0 },
  { bound: 1.2, rate: 1.5 },
  { bound: 1.4, rate: 2.0 },
];
const GATE = 0.6;
const MANAGER_TARGET_BONUS = 2000;

function round2(x: number): number {
  return Math.round((x + 1e-9) * 100) / 100;
}

/** Linear between the tiers around x, flat from the top tier on. */
function linearTier(x: number): { index: number | null; rate: number; next: number | null } {
  let index: number | null = null;
  TIERS.forEach((t, i) => {
    if (x >= t.bound) index = i;
  });
  if (index === null) return { index: null, rate: 0, next: TIERS[0].bound };
  const here = TIERS[index];
  const after = TIERS[index + 1];
  if (!after) return { index, rate: here.rate, next: null };
  return {
    index,
    rate: here.rate + ((x - here.bound) / (after.bound - here.bound)) * (after.rate - here.rate),
    next: after.bound,
  };
}

function teamBonus(teamAttainment: number | null): ComponentTrace {
  const tier = teamAttainment === null ? { index: null, rate: 0, next: null } : linearTier(teamAttainment);
  const gateMet = teamAttainment !== null && teamAttainment >= GATE;
  return {
    key: "target_bonus",
    kind: "target_bonus",
    driver: { kind: "team_attainment", metric: "revenue" },
    driverValue: teamAttainment,
    mode: "linear",
    tierIndex: tier.index,
    tierBound: tier.index === null ? null : TIERS[tier.index].bound,
    nextBound: teamAttainment === null ? null : tier.next,
    rawRate: tier.rate,
    maxRate: 2,
    rate: tier.rate,
    slices: [],
    gate: GATE,
    gateMet,
    base: MANAGER_TARGET_BONUS,
    proration: 1,
    amount: gateMet ? round2(tier.rate * MANAGER_TARGET_BONUS) : 0,
  };
}

function ownCommission(revenue: number): ComponentTrace {
  return {
    ...REVENUE_COMMISSION,
    driverValue: revenue,
    tierIndex: 0,
    tierBound: 0,
    nextBound: 50000,
    rawRate: 0.01,
    rate: 0.01,
    slices: [{ bound: 0, upper: revenue, rate: 0.01, amount: revenue * 0.01 }],
    gate: null,
    gateMet: true,
    base: 1,
    proration: 1,
    amount: round2(revenue * 0.01),
  };
}

function teamRevenueAttainment(reps: string[]): number {
  const rows = MARCH_ROWS.filter((row) => reps.includes(row.rep));
  let actual = 0;
  let target = 0;
  for (const row of rows) {
    const revenue = row.metrics.find((m) => m.key === "revenue")!;
    actual += revenue.actual ?? 0;
    target += revenue.target ?? 0;
  }
  return actual / target;
}

/** A manager's row: their own (empty) metrics, no rank of their own in this fixture, paid on the team. */
function managerRow(
  rep: string,
  id: string,
  name: string,
  team: string,
  ownMetricsOf: string,
  components: ComponentTrace[],
): RepPeriodResult {
  const own = MARCH_ROWS.find((row) => row.rep === ownMetricsOf)!;
  const total = round2(components.reduce((sum, c) => sum + c.amount, 0));
  return {
    ...own,
    rep,
    id,
    name,
    team,
    role: "manager",
    rank: null,
    teamRank: null,
    notes: components.filter((c) => !c.gateMet).map((c) => ({ code: "gate_not_met" as const, component: c.key })),
    payout: { payoutPeriod: "month", components, componentsTotal: total, adjustments: [], total, negative: false },
  };
}

const HANA_TEAM = ["r01", "r02", "r03", "r04"];
const IVAN_TEAM = ["r02", "r03", "r06"];

/** Gina (no deals, no targets) lends Hana and Ivan their own empty metrics: a manager sells nothing. */
export const HANA = managerRow("m01", "M01", "Hana Sato", "East", "r07", [
  teamBonus(teamRevenueAttainment(HANA_TEAM)),
  ownCommission(0),
]);
export const IVAN = managerRow("m02", "M02", "Ivan Ong", "West", "r07", [
  teamBonus(teamRevenueAttainment(IVAN_TEAM)),
  ownCommission(0),
]);
/** A player-coach without reports: her own deals are Dev's figures; no team, so no team attainment. */
export const JADE = managerRow("m03", "M03", "Jade Lin", "North", "r04", [teamBonus(null), ownCommission(52000)]);

export const MANAGER_PERIOD_ROWS: RepPeriodResult[] = [...MARCH_ROWS, HANA, IVAN, JADE];

/** Who reports to whom: the Reps sheet's Manager column. Ivan's reports stand in for a second reporting line. */
const MANAGER_OF: Record<string, string> = {
  r01: "m01",
  r02: "m01",
  r03: "m01",
  r04: "m01",
  r05: "",
  r06: "m02",
  r07: "",
};

function repRecord(key: string, manager: string): Rep {
  return {
    row: 2,
    key,
    id: key.toUpperCase(),
    name: key,
    email: "",
    role: "",
    team: "",
    manager,
    start: null,
    end: null,
    targetBonus: null,
  };
}

/** Hana's reporting line, or Ivan's: one rep reports to one manager, so each manager's review uses its own lookup. */
function repsFor(manager: "m01" | "m02" | "m03"): Map<string, Rep> {
  const lines: Record<string, Record<string, string>> = {
    m01: MANAGER_OF,
    m02: { r02: "m02", r03: "m02", r06: "m02" },
    m03: MANAGER_OF,
  };
  return new Map(MANAGER_PERIOD_ROWS.map((row) => [row.rep, repRecord(row.rep, lines[manager][row.rep] ?? "")]));
}

/** The managers with a golden review, by file name. */
export const GOLDEN_MANAGERS: ReadonlyArray<{ file: string; manager: "m01" | "m02" | "m03" }> = [
  { file: "manager-team-of-4", manager: "m01" },
  { file: "manager-team-missed", manager: "m02" },
  { file: "manager-no-reports", manager: "m03" },
];

/**
 * The March review of a fixture manager, made by the run's dispatch.
 *
 * @example
 * fixtureManagerReview("m01", "en").startsWith("Manager review: Hana Sato (M01), March 2026"); // true
 */
export function fixtureManagerReview(manager: "m01" | "m02" | "m03", language: Language): string {
  const result = MANAGER_PERIOD_ROWS.find((row) => row.rep === manager)!;
  const reps = repsFor(manager);
  const recognition = recognise(
    MANAGER_PERIOD_ROWS,
    FEBRUARY_ROWS,
    managerKeysOf(MANAGER_PERIOD_ROWS, (rep) => reps.get(rep)?.manager),
  );
  return reviewForRow({
    result,
    history: [],
    periodRows: MANAGER_PERIOD_ROWS,
    recognition,
    settings: { ...FIXTURE_SETTINGS, language },
    rep: reps.get(manager),
    reps,
    fyStart: 1,
    language,
    currency: currencyFor(FIXTURE_SETTINGS.currency, localeCurrency(language === "zh" ? "zh_CN" : "en_US")),
  });
}
