/**
 * The engine: input records and the plan to results per rep and period.
 *
 * aggregation (sales to actuals) -> targets -> attainment and score -> ranks
 * -> pay. Periods whose plan version is invalid are not computed; the others are.
 * What throws for one rep and period (a bug of ours, whatever the data) costs
 * that rep-period only: its row is kept with a "not computed" note and a
 * `rep_period_failed` problem, and everyone else is computed.
 */
import { aggregateActuals, type MetricActuals } from "./aggregation";
import { attainment } from "./attainment";
import { employmentIn, type Employment } from "./employment";
import { isAdditive } from "./metric-catalog";
import { daysEmployed, lastDay, periodKind, monthsOf } from "./periods";
import { fiscalYearStart, manualMetricKeys, planMetricKeys, variantForRole, versionForPeriod } from "./plan-lookup";
import type { MetricSpec, PlanBook, PlanVariant, PlanVersion } from "./plan-model";
import { problemAt, type Problem } from "./problems";
import { payoutFor, type TeamAttainment } from "./pay";
import type { Adjustment, DayNumber, InputRecords, Period, Rep, RepKey } from "./records";
import { failedResult, type MetricResult, type PeriodResult, type RepPeriodResult, type RowNote } from "./results";
import { newCustomerRuleOf, salesAggregatesOf, type SalesAggregates } from "./sales-aggregates";
import { rankByScore, type ScoredItem, type ScoreMetric, weightedScore } from "./score";
import { buildTargetIndex, periodTarget, type TargetIndex } from "./targets";

export interface EngineInput {
  records: InputRecords;
  /** Sales already aggregated (a warehouse query): when given, `records.sales` is not read. */
  salesAggregates?: SalesAggregates;
  plan: PlanBook;
  /** Months, quarters and years to compute. */
  periods: readonly Period[];
  /** Sheet name of the plan, for problems about versions. */
  planSheet?: string;
  /** Sheet name of Reps, for problems about one rep (default "Reps"). */
  repsSheet?: string;
  /**
   * Periods whose rows need only their scores, neither ranked nor paid: SCORECARD's previous period, which only
   * the most improved rep reads. Their scores are those a full computation gives.
   */
  scoresOnly?: ReadonlySet<Period>;
}

export interface EngineOutput {
  results: PeriodResult[];
  problems: Problem[];
}

interface PeriodPlan {
  period: Period;
  version: PlanVersion;
}

function choosePeriodPlans(input: EngineInput, fy: number, problems: Problem[]): PeriodPlan[] {
  const chosen: PeriodPlan[] = [];
  const sheet = input.planSheet ?? "Plan";
  for (const period of input.periods) {
    const version = versionForPeriod(input.plan, period, fy);
    if (!version) {
      const first = input.plan.versions[0];
      problems.push(
        problemAt(sheet, "A1", "plan_no_version", { period, version: first ? first.effectiveFrom || "-" : "-" }),
      );
      continue;
    }
    if (!version.valid) {
      problems.push(
        problemAt(sheet, "A" + version.row, "plan_version_invalid", { period, version: version.effectiveFrom || "-" }),
      );
      continue;
    }
    chosen.push({ period, version });
  }
  return chosen;
}

/** The name of a thrown value, for a problem: never its message (it may hold data). */
function errorName(error: unknown): string {
  if (error !== null && typeof error === "object" && "name" in error)
    return String((error as { name: unknown }).name).slice(0, 40);
  return "Error";
}

/** Records what went wrong for one rep and period: their row is kept, marked, and the rest goes on. */
interface FailureLog {
  sheet: string;
  problems: Problem[];
}

function repPeriodFailed(log: FailureLog, rep: Rep, period: Period, error: unknown): void {
  log.problems.push(
    problemAt(log.sheet, "A" + rep.row, "rep_period_failed", { id: rep.id, period, error: errorName(error) }),
  );
}

type ActualsInput = Parameters<typeof aggregateActuals>[0];

/**
 * Actuals of every rep and period; when aggregating throws (a bug of ours),
 * each rep and period again on its own, so only the ones that still throw
 * are lost (absent from the table). The contract already tells each rep's
 * new customers, so a rep needs only their own rows of it.
 */
function aggregateIsolated(
  input: ActualsInput,
  reps: readonly Rep[],
  log: FailureLog,
): ReturnType<typeof aggregateActuals> {
  try {
    return aggregateActuals(input);
  } catch {
    const table: ReturnType<typeof aggregateActuals> = new Map();
    const byKey = new Map(reps.map((rep) => [rep.key, rep]));
    for (const period of input.periods) {
      const row = new Map<RepKey, MetricActuals>();
      for (const key of input.repsByPeriod.get(period) ?? []) {
        try {
          const one = aggregateActuals({
            ...input,
            aggregates: aggregatesOfRep(input.aggregates, key),
            periods: [period],
            repsByPeriod: new Map([[period, [key]]]),
          });
          row.set(key, one.get(period)!.get(key)!);
        } catch (error) {
          repPeriodFailed(log, byKey.get(key)!, period, error);
        }
      }
      table.set(period, row);
    }
    return table;
  }
}

function aggregatesOfRep(aggregates: SalesAggregates, rep: RepKey): SalesAggregates {
  return {
    months: aggregates.months.filter((month) => month.rep === rep),
    newCustomers: aggregates.newCustomers.filter((candidate) => candidate.rep === rep),
    newCustomerRule: aggregates.newCustomerRule,
  };
}

/** The Sales contract of an engine run: the one given, else made from the sales records. */
function engineSalesAggregates(input: Pick<EngineInput, "records" | "salesAggregates">): SalesAggregates {
  if (input.salesAggregates) return input.salesAggregates;
  const { sales, salesHaveType, salesHaveCustomer } = input.records;
  return salesAggregatesOf(sales, newCustomerRuleOf(salesHaveType, salesHaveCustomer ?? true));
}

// A rep whose dates cannot be placed (a bug of ours) is kept: scoring them
// throws again, and that is where their row is marked and reported.
function employedReps(reps: readonly Rep[], period: Period, fy: number): Rep[] {
  return reps.filter((rep) => {
    try {
      return daysEmployed(period, rep.start, rep.end, fy) > 0;
    } catch {
      return true;
    }
  });
}

/** A metric's actual and adjusted target, before scoring. */
function metricInputs(
  spec: MetricSpec,
  actuals: MetricActuals,
  holder: Rep,
  period: Period,
  employment: Employment,
  targets: TargetIndex,
  fy: number,
): MetricResult {
  const actual = actuals[spec.key] ?? null;
  const additive = isAdditive(spec.key);
  const resolved = periodTarget(targets, holder, period, spec.key, { additive, fiscalYearStartMonth: fy });
  const target =
    resolved === null ? null : additive ? resolved.value * employment.proration * employment.ramp : resolved.value;
  return {
    key: spec.key,
    direction: spec.direction,
    weight: spec.weight,
    manual: spec.manual,
    actual,
    target,
    targetSource: resolved ? resolved.source : "",
    attainment: attainment(actual, target, spec.direction),
    achievement: null,
    leftOut: null,
  };
}

/** Fills achievement and left-out reasons from the score's own account. */
function scoreMetrics(metrics: MetricResult[], specs: readonly MetricSpec[]): number | null {
  const scored: ScoreMetric[] = [];
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    scored.push({
      key: m.key,
      weight: m.weight,
      actual: m.actual,
      target: m.target,
      direction: m.direction,
      floor: specs[i].floor,
      cap: specs[i].cap,
    });
  }
  const outcome = weightedScore(scored);
  const achieved = new Map(outcome.included.map((m) => [m.key, m.achievement]));
  const reasons = new Map(outcome.leftOut.map((m) => [m.key, m.reason]));
  for (const m of metrics) {
    m.achievement = achieved.get(m.key) ?? null;
    m.leftOut = reasons.get(m.key) ?? null;
  }
  return outcome.score;
}

// Proration alone cannot tell a leaver from a new hire, and a leaver's
// review must not talk about next month: the End date inside the period says so.
function leftDuring(rep: Pick<Rep, "end">, employment: Employment, period: Period, fy: number): DayNumber | null {
  if (rep.end === null || employment.daysEmployed <= 0) return null;
  return rep.end <= lastDay(period, fy) ? rep.end : null;
}

function employmentNotes(rep: Rep, employment: Employment, period: Period, fy: number): RowNote[] {
  const notes: RowNote[] = [];
  if (employment.daysEmployed < employment.daysInPeriod)
    notes.push({ code: "prorated", days: employment.daysEmployed, of: employment.daysInPeriod });
  const left = leftDuring(rep, employment, period, fy);
  if (left !== null) notes.push({ code: "left", lastDay: left });
  if (employment.ramp < 1 && employment.firstTenureMonth !== null)
    notes.push({ code: "ramp", factor: employment.ramp, month: employment.firstTenureMonth });
  return notes;
}

interface RepWork {
  rep: Rep;
  actuals: MetricActuals;
  variant: PlanVariant;
  employment: Employment;
  result: RepPeriodResult;
}

function scoreRep(rep: Rep, pp: PeriodPlan, actuals: MetricActuals, targets: TargetIndex, fy: number): RepWork {
  const variant = variantForRole(pp.version, rep.role);
  const employment = employmentIn(rep, pp.period, variant.ramp, fy);
  const specs = variant.metrics.filter((m) => m.weight > 0);
  // Built by push, as every array a result holds: an array made by Array.prototype.map in optimized code is of
  // another kind than one made before, and each reader of rows (reviews, output rows) was compiled again for it.
  const metrics: MetricResult[] = [];
  for (const spec of specs) metrics.push(metricInputs(spec, actuals, rep, pp.period, employment, targets, fy));
  const score = scoreMetrics(metrics, specs);
  const notes = employmentNotes(rep, employment, pp.period, fy);
  const leftOut: string[] = [];
  for (const m of metrics) if (m.leftOut !== null) leftOut.push(m.key);
  if (leftOut.length > 0) notes.push({ code: "left_out", metrics: leftOut });
  const result: RepPeriodResult = {
    period: pp.period,
    rep: rep.key,
    id: rep.id,
    name: rep.name,
    team: rep.team,
    role: rep.role,
    score,
    rank: null,
    teamRank: null,
    metrics,
    proration: employment.proration,
    daysEmployed: employment.daysEmployed,
    ramp: employment.ramp,
    payout: null,
    notes,
  };
  return { rep, actuals, variant, employment, result };
}

/**
 * What reps are ranked by: their score; or, in a period where no one has a
 * score (no targets yet), their revenue, so a team that has pasted only its
 * sales still sees who leads. Each such row says so in its notes.
 */
function rankingValue(work: readonly RepWork[]): (w: RepWork) => number | null {
  if (work.some((w) => w.result.score !== null)) return (w) => w.result.score;
  const revenue = (w: RepWork) => w.actuals.revenue ?? null;
  if (!work.some((w) => revenue(w) !== null)) return (w) => w.result.score;
  for (const w of work) if (revenue(w) !== null) w.result.notes.push({ code: "ranked_by_revenue" });
  return revenue;
}

/**
 * The reps who manage someone employed in the period. They are not ranked:
 * a manager's score is the team's, so ranking them beside their own reps
 * would count the team twice and push a salesperson down for it.
 */
function managersOf(work: readonly RepWork[]): Set<RepKey> {
  const present = new Set(work.map((w) => w.rep.key));
  const managers = new Set<RepKey>();
  for (const w of work)
    if (w.rep.manager !== "" && w.rep.manager !== w.rep.key && present.has(w.rep.manager)) managers.add(w.rep.manager);
  return managers;
}

/** The reps to rank with the value they are ranked by (pushed, not mapped: see scoreRep). */
function scoredItems(work: readonly RepWork[], rankValueOf: (w: RepWork) => number | null): ScoredItem<RepKey>[] {
  const items: ScoredItem<RepKey>[] = [];
  for (const w of work) items.push({ id: w.rep.key, score: rankValueOf(w) });
  return items;
}

function assignRanks(all: RepWork[]): void {
  const managers = managersOf(all);
  for (const w of all) if (managers.has(w.rep.key)) w.result.notes.push({ code: "manager_not_ranked" });
  const work = all.filter((w) => !managers.has(w.rep.key));
  const rankValueOf = rankingValue(work);
  const overall = rankByScore(scoredItems(work, rankValueOf));
  const teams = new Map<string, RepWork[]>();
  for (const w of work) addTo(teams, w.rep.team.trim().toLowerCase(), w);
  for (const w of work) w.result.rank = overall.get(w.rep.key) ?? null;
  for (const members of teams.values()) {
    const ranks = rankByScore(scoredItems(members, rankValueOf));
    for (const w of members) w.result.teamRank = ranks.get(w.rep.key) ?? null;
  }
}

/** Who reports to whom in a period, indexed once so team attainment stays linear in the reps. */
interface TeamIndex {
  byManager: Map<RepKey, RepWork[]>;
  byTeam: Map<string, RepWork[]>;
}

function teamIndex(work: readonly RepWork[]): TeamIndex {
  const byManager = new Map<RepKey, RepWork[]>();
  const byTeam = new Map<string, RepWork[]>();
  for (const w of work) {
    if (w.rep.manager) addTo(byManager, w.rep.manager, w);
    const team = w.rep.team.trim().toLowerCase();
    if (team) addTo(byTeam, team, w);
  }
  return { byManager, byTeam };
}

/** Appends to a key's list (made on first use): a copy of the list per member made a team's lists quadratic. */
function addTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}

/**
 * A manager's team for team attainment: direct reports employed in the
 * period; without any, the other members of the manager's Team.
 */
function teamOf(manager: Rep, index: TeamIndex): RepWork[] {
  const direct = (index.byManager.get(manager.key) ?? []).filter((w) => w.rep.key !== manager.key);
  if (direct.length > 0) return direct;
  return (index.byTeam.get(manager.team.trim().toLowerCase()) ?? []).filter((w) => w.rep.key !== manager.key);
}

function teamAttainmentFor(manager: Rep, index: TeamIndex): TeamAttainment {
  return (metric: string) => {
    const members = teamOf(manager, index);
    let actual = 0;
    let target = 0;
    let counted = 0;
    for (const m of members) {
      const r = m.result.metrics.find((x) => x.key === metric);
      if (!r || r.actual === null || r.target === null) continue;
      actual += r.actual;
      target += r.target;
      counted += 1;
    }
    const direction = members[0]?.result.metrics.find((x) => x.key === metric)?.direction ?? "higher";
    return counted === 0 ? null : attainment(actual, target, direction);
  };
}

function adjustmentsByRep(adjustments: readonly Adjustment[]): Map<RepKey, Adjustment[]> {
  const byRep = new Map<RepKey, Adjustment[]>();
  for (const a of adjustments) byRep.set(a.rep, [...(byRep.get(a.rep) ?? []), a]);
  return byRep;
}

function payoutMonths(period: Period, fy: number): Set<Period> {
  return new Set(periodKind(period) === "month" ? [period] : monthsOf(period, fy));
}

function applyPay(
  work: RepWork[],
  pp: PeriodPlan,
  adjustments: Map<RepKey, Adjustment[]>,
  fy: number,
  log: FailureLog,
): void {
  const months = payoutMonths(pp.period, fy);
  const teams = teamIndex(work);
  for (const w of work) {
    try {
      payRep(w, pp, adjustments, months, teams);
    } catch (error) {
      // The score stands; the payout is left blank rather than guessed.
      repPeriodFailed(log, w.rep, pp.period, error);
      w.result.payout = null;
      w.result.notes = w.result.notes.filter((n) => n.code !== "gate_not_met" && n.code !== "negative_payout");
      w.result.notes.push({ code: "not_computed" });
    }
  }
}

function payRep(
  w: RepWork,
  pp: PeriodPlan,
  adjustments: Map<RepKey, Adjustment[]>,
  months: Set<Period>,
  teams: TeamIndex,
): void {
  const own = (adjustments.get(w.rep.key) ?? []).filter((a) => months.has(a.period));
  const payout = payoutFor({
    result: w.result,
    variant: w.variant,
    employment: w.employment,
    monthlyTargetBonus: w.rep.targetBonus ?? w.variant.targetBonus,
    payoutPeriod: pp.version.settings.payoutPeriod,
    adjustments: own,
    teamAttainment: teamAttainmentFor(w.rep, teams),
    actuals: w.actuals,
  });
  w.result.payout = payout;
  for (const c of payout.components) if (!c.gateMet) w.result.notes.push({ code: "gate_not_met", component: c.key });
  if (payout.negative) w.result.notes.push({ code: "negative_payout" });
}

interface PeriodContext {
  targets: TargetIndex;
  adjustments: Map<RepKey, Adjustment[]>;
  fy: number;
  isPayoutPeriod: boolean;
  /** Score the reps only: no ranks, no pay. */
  scoresOnly: boolean;
  log: FailureLog;
}

/**
 * The rows of one period. Each rep is scored and paid on their own: what
 * throws for one rep (a bug of ours) costs that rep's row only, which is
 * kept with a "not computed" note, and a problem names the rep and period.
 */
function computePeriodRows(
  pp: PeriodPlan,
  reps: readonly Rep[],
  periodActuals: Map<RepKey, MetricActuals>,
  context: PeriodContext,
): RepPeriodResult[] {
  const work: RepWork[] = [];
  const failed: RepPeriodResult[] = [];
  for (const rep of reps) {
    const actuals = periodActuals.get(rep.key);
    if (!actuals) {
      failed.push(failedResult(rep, pp.period));
      continue;
    }
    try {
      work.push(scoreRep(rep, pp, actuals, context.targets, context.fy));
    } catch (error) {
      repPeriodFailed(context.log, rep, pp.period, error);
      failed.push(failedResult(rep, pp.period));
    }
  }
  if (!context.scoresOnly) {
    assignRanks(work);
    if (context.isPayoutPeriod) applyPay(work, pp, context.adjustments, context.fy, context.log);
  }
  // Pushed, not mapped and spread: see scoreRep.
  const rows: RepPeriodResult[] = [];
  for (const w of work) rows.push(w.result);
  for (const row of failed) rows.push(row);
  return sortRows(rows);
}

function sortRows(rows: RepPeriodResult[]): RepPeriodResult[] {
  return rows.sort((a, b) => {
    const ra = a.rank ?? Number.POSITIVE_INFINITY;
    const rb = b.rank ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra - rb;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * Computes results for the requested periods: one row per rep employed in
 * the period, sorted by rank (unscored reps last, by Rep ID). A rep-period
 * that throws gets a row without figures, noted, and a problem on the rep's
 * Reps row (`repsSheet`).
 *
 * @example
 * const { results, problems } = computePeriods({ records, plan, periods: ["2026-03", "2026-Q1"] });
 * results[0].rows[0].score; // the top rep's weighted score
 */
export function computePeriods(input: EngineInput): EngineOutput {
  const problems: Problem[] = [];
  const fy = fiscalYearStart(input.plan);
  const periodPlans = choosePeriodPlans(input, fy, problems);
  const repsByPeriod = new Map<Period, Rep[]>();
  for (const pp of periodPlans) repsByPeriod.set(pp.period, employedReps(input.records.reps, pp.period, fy));
  const log: FailureLog = { sheet: input.repsSheet ?? "Reps", problems };
  const actuals = aggregateIsolated(
    {
      aggregates: engineSalesAggregates(input),
      scores: input.records.scores,
      periods: periodPlans.map((pp) => pp.period),
      repsByPeriod: new Map([...repsByPeriod].map(([p, reps]) => [p, reps.map((r) => r.key)])),
      manualMetrics: manualMetricKeys(input.plan),
      fiscalYearStartMonth: fy,
    },
    input.records.reps,
    log,
  );
  const targets = buildTargetIndex(input.records.targets);
  const adjustments = adjustmentsByRep(input.records.adjustments);
  const metricKeys = planMetricKeys(input.plan);
  const results: PeriodResult[] = [];
  for (const pp of periodPlans) {
    const reps = repsByPeriod.get(pp.period)!;
    let rows: RepPeriodResult[];
    const isPayoutPeriod = periodKind(pp.period) === pp.version.settings.payoutPeriod;
    const scoresOnly = input.scoresOnly?.has(pp.period) ?? false;
    const context = { targets, adjustments, fy, isPayoutPeriod, scoresOnly, log };
    try {
      rows = computePeriodRows(pp, reps, actuals.get(pp.period)!, context);
    } catch (error) {
      // Something period-wide (ranks, teams) failed: every rep keeps a marked row.
      for (const rep of reps) repPeriodFailed(log, rep, pp.period, error);
      rows = reps.map((rep) => failedResult(rep, pp.period));
    }
    results.push({ period: pp.period, planVersion: pp.version.effectiveFrom, metricKeys, rows, isPayoutPeriod });
  }
  return { results, problems };
}
