/**
 * What the engine computes for a rep and a period: the numbers of the Results
 * sheet and the trace behind every payout, which the Payouts sheet, the
 * sidebar and the review all show.
 */
import type { BonusDriver, Direction, PayoutPeriod } from "./plan-model";
import type { TierMode, TierSlice } from "./tiers";
import type { DayNumber, Period, Rep, RepKey } from "./records";

export type LeftOutReason = "no_data" | "no_target";

export interface MetricResult {
  key: string;
  direction: Direction;
  weight: number;
  manual: boolean;
  /** null = no data (a ratio with a zero denominator, a manual metric without scores). */
  actual: number | null;
  /** After proration and ramp; null = no usable target. */
  target: number | null;
  /** Where the target came from: "rep", "team", "role", "all", "months" (summed), or "" when none. */
  targetSource: string;
  /** Raw attainment (docs/sheet-formats.md#attainment-and-score); null = none. */
  attainment: number | null;
  /** After floor and cap; null when left out. */
  achievement: number | null;
  /** Why the metric is not in the score, or null when it is. */
  leftOut: LeftOutReason | null;
}

export interface ComponentTrace {
  key: string;
  kind: "target_bonus" | "commission";
  driver: BonusDriver | { kind: "amount"; metric: string };
  /** The driver's value (score, attainment or amount); null = none, so nothing is paid. */
  driverValue: number | null;
  mode: TierMode;
  /** Index into the tier table of the tier containing the driver; null below the first bound. */
  tierIndex: number | null;
  tierBound: number | null;
  /** Lower bound of the next tier, null at the top tier. */
  nextBound: number | null;
  /** Rate from the table before max_rate (for marginal: the paid multiple of x). */
  rawRate: number;
  maxRate: number | null;
  /** Rate after max_rate. */
  rate: number;
  /** The slices x is paid in (marginal only). */
  slices: TierSlice[];
  gate: number | null;
  gateMet: boolean;
  /** Target bonus (monthly x months) or 1 for a commission. */
  base: number;
  /** Days employed / days in the period (1 for commissions). */
  proration: number;
  /** Unrounded amount of the component. */
  amount: number;
}

interface AdjustmentLine {
  period: Period;
  amount: number;
  reason: string;
  row: number;
}

export interface PayoutResult {
  payoutPeriod: PayoutPeriod;
  components: ComponentTrace[];
  /** Sum of the components, rounded half-up to cents. */
  componentsTotal: number;
  adjustments: AdjustmentLine[];
  /** componentsTotal + adjustments (outside every cap). */
  total: number;
  negative: boolean;
}

export interface RepPeriodResult {
  period: Period;
  rep: RepKey;
  /** Rep ID as typed. */
  id: string;
  name: string;
  team: string;
  role: string;
  /** Weighted score; null when no metric has data and a target. */
  score: number | null;
  rank: number | null;
  teamRank: number | null;
  metrics: MetricResult[];
  /** Days employed / days in the period. */
  proration: number;
  daysEmployed: number;
  /** Ramp multiplier applied to additive targets (1 after the ramp). */
  ramp: number;
  /** null when the period is not a payout period. */
  payout: PayoutResult | null;
  /** Codes of notes about the row (e.g. "prorated", "left", "ramp", "rep_of_the_month", "most_improved"). */
  notes: RowNote[];
}

export type RowNote =
  | { code: "prorated"; days: number; of: number }
  /** The rep's End date falls inside the period: their last day, inclusive. */
  | { code: "left"; lastDay: DayNumber }
  | { code: "ramp"; factor: number; month: number }
  | { code: "left_out"; metrics: string[] }
  | { code: "negative_payout" }
  | { code: "gate_not_met"; component: string }
  | { code: "rep_of_the_month"; team: string }
  | { code: "most_improved"; delta: number }
  | { code: "provisional" }
  /** No one has a score in the period (no targets): ranks follow revenue. */
  | { code: "ranked_by_revenue" }
  /** The rep manages others in the period, and managers are not ranked. */
  | { code: "manager_not_ranked" }
  /** Something failed while computing this rep and period (a bug of ours): the row holds no figures. */
  | { code: "not_computed" };

export interface PeriodResult {
  period: Period;
  /** effectiveFrom of the plan version used. */
  planVersion: Period;
  /** Metric keys in plan order (new metrics of later versions appended by the writer). */
  metricKeys: string[];
  rows: RepPeriodResult[];
  isPayoutPeriod: boolean;
}

/**
 * The row of a rep and period that could not be computed: who, and a
 * "not computed" note; no score, rank, metric or payout (never a guess).
 *
 * @example
 * failedResult(rep, "2026-02").notes; // [{ code: "not_computed" }]
 */
export function failedResult(rep: Pick<Rep, "key" | "id" | "name" | "team" | "role">, period: Period): RepPeriodResult {
  return {
    period,
    rep: rep.key,
    id: rep.id,
    name: rep.name,
    team: rep.team,
    role: rep.role,
    score: null,
    rank: null,
    teamRank: null,
    metrics: [],
    proration: 0,
    daysEmployed: 0,
    ramp: 1,
    payout: null,
    notes: [{ code: "not_computed" }],
  };
}

/**
 * Whether a row is marked as not computed.
 *
 * @example
 * isNotComputed(failedResult(rep, "2026-02")); // true
 */
export function isNotComputed(result: Pick<RepPeriodResult, "notes">): boolean {
  return result.notes.some((note) => note.code === "not_computed");
}
