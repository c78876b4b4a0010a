/**
 * What a manager's review says, as data: the team's result rather than the
 * manager's own (usually empty) sales. Decided once here so the English and
 * the Chinese text (manager-review-text.ts) state the same facts.
 *
 * Rules:
 * - A manager is a rep with a team: the reports employed in the period (Reps'
 *   Manager column), or, for a rep paid on team attainment (the plan's
 *   manager variant) without reports, the other members of their Team, as
 *   the team_attainment driver counts them. A manager with neither gets the
 *   ordinary rep review.
 * - Team attainment of a metric is the team's total actual against its total
 *   target, over the members with both, exactly as team_attainment computes
 *   it (a rate, days or a score is shown as the members' average, which
 *   gives the same attainment); the team's score is the mean of its
 *   members' scores.
 * - Members at or above a score of 100% are "ahead", the others "need help",
 *   each with the metric furthest below target and its gap in the metric's
 *   units (whole counts rounded up, as in rep reviews).
 * - Coaching priorities: the metrics that more than half of the scored
 *   members miss, most misses first (then lowest team attainment), at most
 *   {@link MAX_COACHING_PRIORITIES}; their training topics are the team's
 *   training needs.
 * - Pay lines are the components the plan pays the manager: one driven by
 *   the team, or one that paid something. A commission on the manager's own
 *   revenue that paid nothing is left out, and so is every next-tier line
 *   not driven by the team.
 * - Managers are not ranked: the review cites no rank.
 */
import { attainment } from "./attainment";
import { isAdditive } from "./metric-catalog";
import type { Direction, PlanSettings } from "./plan-model";
import type { TargetScaling } from "./prorated-phrases";
import type { DayNumber, RepKey } from "./records";
import type { MetricResult, RepPeriodResult } from "./results";
import { trainingFindings, type TrainingFinding } from "./review-development-findings";
import { shortfall } from "./review-figures";
import { type MetricGap, weakestGapOf } from "./review-metric-findings";
import { nextTierFindings, payoutFinding, type NextTierFinding, type PayoutFinding } from "./review-pay-findings";
import { type ReviewPeriod, type ReviewPerson, reviewPeriodKind, reviewPerson, rowNoteFacts } from "./review-subject";
import { roundTo } from "./rounding";

/** The coaching priorities a review names, so it stays a short list of what matters. */
const MAX_COACHING_PRIORITIES = 3;
/** Members listed by name in each group; the rest are counted. */
export const MAX_LISTED_MEMBERS = 10;

const COMPARISON_DECIMALS = 4;

export interface ManagerReviewInput {
  /** The manager's own row. */
  result: RepPeriodResult;
  /** The manager's team in the period (see {@link teamMembersOf}), the manager left out. */
  members: RepPeriodResult[];
  settings: PlanSettings;
}

export interface TeamMetricFinding {
  metric: string;
  direction: Direction;
  /** A manual metric (a score entered on Scores), whose figures carry a score's unit. */
  manual: boolean;
  /**
   * The team's total actual and target over the members with both; for a
   * rate, a number of days or a score, whose totals mean nothing to a
   * reader, the members' averages (the same attainment).
   */
  actual: number;
  target: number;
  averaged: boolean;
  attainment: number | null;
  /** Members whose actual and target counted. */
  counted: number;
}

export interface MemberFinding {
  key: RepKey;
  id: string;
  name: string;
  score: number | null;
  /** The metric furthest below target; null when none is below. */
  weakest: MetricGap | null;
  /** How the member's targets were scaled (part of the period, ramp), so a count target is cited whole. */
  scaling: TargetScaling;
}

interface CoachingPriority {
  metric: string;
  /** Scored members below target on it, and how many scored members there are. */
  missed: number;
  of: number;
}

export interface ManagerReviewFindings extends ReviewPeriod {
  manager: ReviewPerson;
  teamSize: number;
  scoredMembers: number;
  /** Mean score of the scored members; null when none has a score. */
  teamScore: number | null;
  teamMetrics: TeamMetricFinding[];
  /** Members at or above 100%, best first. */
  ahead: MemberFinding[];
  /** Members below 100%, lowest first. */
  needHelp: MemberFinding[];
  /** Members without a score (no targets yet, no data). */
  unscored: MemberFinding[];
  coaching: CoachingPriority[];
  training: TrainingFinding[];
  payout: PayoutFinding | null;
  nextTiers: NextTierFinding[];
  /** The manager's last day when they left during the period. */
  leftOn: DayNumber | null;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function comparable(value: number): number {
  return roundTo(value, COMPARISON_DECIMALS);
}

function teamKeyOf(team: string): string {
  return team.trim().toLowerCase();
}

/**
 * Whether a row is paid on its team's attainment: the plan's manager variant.
 *
 * @example
 * isPaidOnTeam(managerRow); // true when a bonus is driven by team_attainment:revenue
 */
export function isPaidOnTeam(row: RepPeriodResult): boolean {
  // A loop rather than some() with a callback: every review and every recognition asks this of its row.
  const components = row.payout?.components;
  if (components === undefined) return false;
  for (const c of components) if (c.driver.kind === "team_attainment") return true;
  return false;
}

/**
 * A manager's team in a period: the rows of the reps whose manager they are;
 * without any, for a rep paid on team attainment, the other members of their
 * Team (the same fallback as the team_attainment driver). Empty for a rep
 * who manages nobody, who is then reviewed as a rep.
 *
 * @example
 * teamMembersOf(m01Row, marchRows, (rep) => repsByKey.get(rep)?.manager); // the rows of m01's reports
 * teamMembersOf(r01Row, marchRows, () => undefined);                        // []
 */
export function teamMembersOf(
  row: RepPeriodResult,
  periodRows: readonly RepPeriodResult[],
  managerOf: (rep: RepKey) => RepKey | undefined,
): RepPeriodResult[] {
  const direct = directReportsOf(row.rep, periodRows, managerOf);
  if (direct.length > 0) return direct;
  // Most reps are paid on their own figures: asked first, so their team's key is not made for nothing.
  if (!isPaidOnTeam(row)) return [];
  const team = teamKeyOf(row.team);
  if (team === "") return [];
  return (rowsOfTeams(periodRows).get(team) ?? []).filter((other) => other.rep !== row.rep);
}

// Like the direct reports, a period's rows are indexed by team once, not read whole for every manager paid on team.
let teamRowsIndexes: WeakMap<readonly RepPeriodResult[], Map<string, RepPeriodResult[]>> | undefined;

/** The period's rows by team key, each team's rows in their order. */
function rowsOfTeams(periodRows: readonly RepPeriodResult[]): Map<string, RepPeriodResult[]> {
  teamRowsIndexes ??= new WeakMap();
  let byTeam = teamRowsIndexes.get(periodRows);
  if (byTeam === undefined) {
    byTeam = new Map();
    for (const other of periodRows) {
      const key = teamKeyOf(other.team);
      const rows = byTeam.get(key);
      if (rows) rows.push(other);
      else byTeam.set(key, [other]);
    }
    teamRowsIndexes.set(periodRows, byTeam);
  }
  return byTeam;
}

interface DirectReportsIndex {
  managerOf: (rep: RepKey) => RepKey | undefined;
  byManager: Map<RepKey, RepPeriodResult[]>;
}

// Every rep of a period is asked for their team (1,000 reps ask 1,000 rows each), so a period's rows are indexed
// by manager once per rows array and lookup function. managerOf must answer the same for a rep each time, as a
// directory lookup does; a different function rebuilds the index.
let directReportsIndexes: WeakMap<readonly RepPeriodResult[], DirectReportsIndex> | undefined;

/** The rows, in their order, of the reps whose manager `rep` is (never `rep` itself). */
function directReportsOf(
  rep: RepKey,
  periodRows: readonly RepPeriodResult[],
  managerOf: (rep: RepKey) => RepKey | undefined,
): RepPeriodResult[] {
  directReportsIndexes ??= new WeakMap();
  let index = directReportsIndexes.get(periodRows);
  if (index?.managerOf !== managerOf) {
    index = { managerOf, byManager: reportsByManager(periodRows, managerOf) };
    directReportsIndexes.set(periodRows, index);
  }
  const reports = index.byManager.get(rep);
  return reports === undefined ? [] : reports.filter((other) => other.rep !== rep);
}

function reportsByManager(
  periodRows: readonly RepPeriodResult[],
  managerOf: (rep: RepKey) => RepKey | undefined,
): Map<RepKey, RepPeriodResult[]> {
  const byManager = new Map<RepKey, RepPeriodResult[]>();
  for (const other of periodRows) {
    const manager = managerOf(other.rep);
    if (manager === undefined) continue;
    const reports = byManager.get(manager);
    if (reports) reports.push(other);
    else byManager.set(manager, [other]);
  }
  return byManager;
}

/** The metrics the team is measured on: the manager's scored metrics, else the first member's. */
function teamScoredMetrics(result: RepPeriodResult, members: RepPeriodResult[]): MetricResult[] {
  const own = result.metrics.filter((m) => m.weight > 0);
  return own.length > 0 ? own : (members[0]?.metrics ?? []).filter((m) => m.weight > 0);
}

/**
 * The team's attainment of each metric: total actual against total target
 * over the members with both, as the team_attainment driver computes it.
 *
 * @example
 * teamMetricFindings(managerRow, members)[0]; // { metric: "revenue", actual: 181000, target: 200000, attainment: 0.905, counted: 4, ... }
 *
 * @internal Exported only for test/reviews/manager-reviews.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function teamMetricFindings(result: RepPeriodResult, members: RepPeriodResult[]): TeamMetricFinding[] {
  const findings: TeamMetricFinding[] = [];
  for (const { key, direction, manual } of teamScoredMetrics(result, members)) {
    let actual = 0;
    let target = 0;
    let counted = 0;
    for (const member of members) {
      const m = member.metrics.find((x) => x.key === key);
      if (!m || !isNumber(m.actual) || !isNumber(m.target)) continue;
      actual += m.actual;
      target += m.target;
      counted += 1;
    }
    if (counted === 0) continue;
    const value = attainment(actual, target, direction);
    const averaged = manual || !isAdditive(key);
    // Every field in one literal: a spread in its middle would build each finding property by property.
    const finding: TeamMetricFinding = {
      metric: key,
      direction,
      manual,
      actual: averaged ? actual / counted : actual,
      target: averaged ? target / counted : target,
      averaged,
      // Made with null and set below: see the score in reviewFindings (review-findings.ts). A whole first attainment
      // (exactly 100%) would otherwise make a field of small integers that the first fraction has to replace.
      attainment: null,
      counted,
    };
    finding.attainment = isNumber(value) ? value : null;
    findings.push(finding);
  }
  return findings;
}

function scalingOf(row: RepPeriodResult): TargetScaling {
  const notes = rowNoteFacts(row);
  return { proration: notes.proration, ramp: notes.ramp };
}

function memberFinding(row: RepPeriodResult, members: RepPeriodResult[]): MemberFinding {
  const member: MemberFinding = {
    key: row.rep,
    id: row.id,
    name: row.name,
    // Made with null and set below: see the score in reviewFindings (review-findings.ts).
    score: null,
    // Only the first weakness is named: found directly, not by sorting all of them (a member per row of a team).
    weakest: weakestGapOf(row, members),
    scaling: scalingOf(row),
  };
  member.score = isNumber(row.score) ? row.score : null;
  return member;
}

function byName(a: MemberFinding, b: MemberFinding): number {
  const x = a.name || a.id;
  const y = b.name || b.id;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The team's members split into ahead (100% or more, best first), needing
 * help (below 100%, lowest first) and without a score (by name).
 *
 * @example
 * membersByStanding(members).ahead.map((m) => m.name); // ["Alice Chen", "Emma Wang"]
 */
function membersByStanding(members: RepPeriodResult[]): {
  ahead: MemberFinding[];
  needHelp: MemberFinding[];
  unscored: MemberFinding[];
} {
  const ahead: Standing[] = [];
  const needHelp: Standing[] = [];
  const unscored: MemberFinding[] = [];
  for (const row of members) {
    const member = memberFinding(row, members);
    if (member.score === null) unscored.push(member);
    else {
      const shown = comparable(member.score);
      (shown >= 1 ? ahead : needHelp).push({ member, shown });
    }
  }
  ahead.sort((a, b) => b.shown - a.shown || byName(a.member, b.member));
  needHelp.sort((a, b) => a.shown - b.shown || byName(a.member, b.member));
  return { ahead: membersOf(ahead), needHelp: membersOf(needHelp), unscored: unscored.sort(byName) };
}

/**
 * A scored member beside their score at the precision ranks compare it: rounded once per member rather than twice
 * in every comparison of the sort (a team of fifty is compared hundreds of times).
 */
interface Standing {
  member: MemberFinding;
  shown: number;
}

function membersOf(standings: readonly Standing[]): MemberFinding[] {
  // Pushed, not mapped: see metricFindings in review-metric-findings.ts.
  const members: MemberFinding[] = [];
  for (const s of standings) members.push(s.member);
  return members;
}

function missesTarget(row: RepPeriodResult, key: string): boolean {
  const m = row.metrics.find((x) => x.key === key);
  if (
    !m ||
    m.leftOut !== null ||
    !(m.weight > 0) ||
    !isNumber(m.actual) ||
    !isNumber(m.target) ||
    !isNumber(m.attainment)
  )
    return false;
  return shortfall(m.key, m.direction, m.actual, m.target) > 0;
}

function countMissing(rows: readonly RepPeriodResult[], key: string): number {
  let missed = 0;
  for (const row of rows) if (missesTarget(row, key)) missed += 1;
  return missed;
}

/**
 * The metrics more than half of the scored members miss, most misses first,
 * then the lowest team attainment.
 *
 * @example
 * coachingPriorities(members, teamMetrics); // [{ metric: "new_customers", missed: 3, of: 4 }]
 *
 * @internal Exported only for test/reviews/manager-reviews.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function coachingPriorities(members: RepPeriodResult[], teamMetrics: TeamMetricFinding[]): CoachingPriority[] {
  const scored = members.filter((row) => isNumber(row.score));
  if (scored.length === 0) return [];
  const attainmentOf = (metric: string) => teamMetrics.find((t) => t.metric === metric)?.attainment ?? Infinity;
  // Pushed, not mapped: see metricFindings in review-metric-findings.ts.
  const priorities: CoachingPriority[] = [];
  for (const t of teamMetrics) {
    const missed = countMissing(scored, t.metric);
    if (missed > 0 && missed * 2 > scored.length) priorities.push({ metric: t.metric, missed, of: scored.length });
  }
  priorities.sort(
    (a, b) => b.missed - a.missed || comparable(attainmentOf(a.metric)) - comparable(attainmentOf(b.metric)),
  );
  if (priorities.length > MAX_COACHING_PRIORITIES) priorities.length = MAX_COACHING_PRIORITIES;
  return priorities;
}

/**
 * The manager's pay as the review shows it: only the components the plan
 * pays them, either driven by the team or paying something; next tiers only
 * for team-driven components.
 *
 * @example
 * managerPay(managerRow).payout?.components.map((c) => c.key); // ["target_bonus"] (the commission on no own sales left out)
 *
 * @internal Exported only for test/reviews/manager-reviews.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function managerPay(
  result: RepPeriodResult,
  staying: boolean,
): { payout: PayoutFinding | null; nextTiers: NextTierFinding[] } {
  const payout = payoutFinding(result);
  if (payout === null) return { payout: null, nextTiers: [] };
  const traces = result.payout?.components ?? [];
  const teamDriven = new Set(payout.components.filter((c) => c.driverKind === "team_attainment").map((c) => c.key));
  const kept = payout.components.filter((c) => teamDriven.has(c.key) || roundTo(c.amount, 2) !== 0);
  const keptKeys = new Set(kept.map((c) => c.key));
  const tiers = staying ? nextTierFindings(result, payout.components, traces) : [];
  // The payout was made for this review alone: its components are narrowed in place, not copied by a spread, which
  // would give a manager's payout another shape than a rep's.
  payout.components = kept;
  return {
    payout,
    nextTiers: tiers.filter((t) => teamDriven.has(t.component) && keptKeys.has(t.component)),
  };
}

/**
 * Everything the review of a manager and period states, as data.
 *
 * @example
 * const findings = managerReviewFindings({ result: m01Row, members: teamMembersOf(m01Row, rows, managerOf), settings });
 * findings.teamMetrics[0]; // { metric: "revenue", attainment: 0.905, ... }
 * findings.needHelp[0].weakest; // { metric: "new_customers", actual: 2, target: 5, amount: 3, ... }
 */
export function managerReviewFindings(input: ManagerReviewInput): ManagerReviewFindings {
  const { result, members, settings } = input;
  const teamMetrics = teamMetricFindings(result, members);
  const standing = membersByStanding(members);
  const scores: number[] = [];
  for (const row of members) if (isNumber(row.score)) scores.push(row.score);
  const coaching = coachingPriorities(members, teamMetrics);
  const notes = rowNoteFacts(result);
  const leftOn = notes.leftOn;
  const pay = managerPay(result, leftOn === null);
  // Every field in one literal, the period's too: see reviewFindings in review-findings.ts.
  const findings: ManagerReviewFindings = {
    manager: reviewPerson(result),
    period: result.period,
    periodKind: reviewPeriodKind(result.period),
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    provisional: notes.provisional,
    teamSize: members.length,
    scoredMembers: scores.length,
    // Made with null and set below: see the score in reviewFindings (review-findings.ts).
    teamScore: null,
    teamMetrics,
    ahead: standing.ahead,
    needHelp: standing.needHelp,
    unscored: standing.unscored,
    coaching,
    // A manager who left has no next period to train the team for.
    training: leftOn === null ? trainingFindings(coaching, settings) : [],
    payout: pay.payout,
    nextTiers: pay.nextTiers,
    leftOn,
  };
  findings.teamScore = scores.length > 0 ? scores.reduce((sum, s) => sum + s, 0) / scores.length : null;
  return findings;
}
