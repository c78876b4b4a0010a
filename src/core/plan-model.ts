/**
 * The scorecard plan as the core uses it: already parsed from the Plan sheet
 * and validated version by version.
 */
import type { Period } from "./records";
import type { Tier, TierMode } from "./tiers";

export type Direction = "higher" | "lower";
export type Language = "en" | "zh";
export type PayoutPeriod = "month" | "quarter" | "year";

export interface MetricSpec {
  key: string;
  weight: number;
  direction: Direction;
  /** Attainment below it achieves 0. */
  floor: number;
  /** Achievement is clamped to it. */
  cap: number;
  /** Read from the Scores sheet rather than computed from Sales. */
  manual: boolean;
}

/** What drives a target bonus. */
export type BonusDriver =
  | { kind: "score" }
  | { kind: "attainment"; metric: string }
  /** A manager's team: total actual / total target of the metric over the team. */
  | { kind: "team_attainment"; metric: string };

export interface TargetBonusComponent {
  kind: "target_bonus";
  key: string;
  driver: BonusDriver;
  mode: TierMode;
  tiers: Tier[];
  /** No bonus when the driver is below it; null = no gate. */
  gate: number | null;
  maxRate: number | null;
}

export interface CommissionComponent {
  kind: "commission";
  key: string;
  /** An additive money metric, normally `revenue`. */
  metric: string;
  mode: TierMode;
  tiers: Tier[];
  /** No commission when the amount is below it; null = no gate. */
  gate: number | null;
  maxRate: number | null;
}

export type PayComponent = TargetBonusComponent | CommissionComponent;

/** The plan as it applies to one role (the base plan with the role's overrides). */
export interface PlanVariant {
  /** "" for the base plan. */
  role: string;
  metrics: MetricSpec[];
  components: PayComponent[];
  /** Monthly target bonus when the Reps sheet has none. */
  targetBonus: number;
  /** Target multipliers for the first months of tenure: [0.5, 0.75] = 50 % in month 1, 75 % in month 2. */
  ramp: number[];
}

interface SignalThresholds {
  /** Attainment (score) at or above which a period counts as over-attainment. */
  promoteScore: number;
  /** How many consecutive periods of it suggest a promotion conversation. */
  promotePeriods: number;
  /** Score below which a period counts as under-attainment. */
  supportScore: number;
  supportPeriods: number;
}

export interface TrainingTopic {
  en: string;
  zh: string;
}

export interface PlanSettings {
  /** 1 = January. */
  fiscalYearStartMonth: number;
  /** ISO 4217 code; null = from the locale (CNY for zh, USD otherwise). */
  currency: string | null;
  /** null = the spreadsheet's locale. */
  language: Language | null;
  payoutPeriod: PayoutPeriod;
  signals: SignalThresholds;
  /** Per metric key; defaults merged in. */
  training: Record<string, TrainingTopic>;
  /** A due month waits for "Approve a period…" before it is final (README, "Payout approval"). */
  approval: boolean;
}

export interface PlanVersion {
  /** First month the version applies to; "" = from the beginning. */
  effectiveFrom: Period;
  /** Sheet row of the version's first row, for messages. */
  row: number;
  base: PlanVariant;
  /** Keyed by case-folded role. */
  variants: Record<string, PlanVariant>;
  settings: PlanSettings;
  /** false when the version has an error: periods using it are not computed. */
  valid: boolean;
}

/** Every version of the plan, sorted by effectiveFrom. */
export interface PlanBook {
  versions: PlanVersion[];
}
