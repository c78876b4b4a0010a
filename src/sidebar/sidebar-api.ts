/**
 * What crosses `google.script.run` between the sidebar and its server calls
 * (src/addon/sidebar-server.ts): one request type and one response type per
 * call, shared by both sides. Types only, so importing this file adds no code
 * to either bundle.
 *
 * Everything here survives the boundary: strings, finite numbers or null,
 * booleans, arrays and plain objects; never a Date, undefined in an array or
 * a function. Instants travel as text already formatted in the
 * spreadsheet's time zone.
 */

import type { SheetRole } from "../tables/sheet-roles";
import type { ValueKind } from "../core/display-format";
import type { Language } from "../core/plan-model";

/** The languages the add-on writes in: the core's, so a language added there reaches the sidebar's types. */
export type UiLanguage = Language;

/** How a metric's values are shown (money with the currency, a percentage, days, a plain number). */
export type { ValueKind };

/** A metric column of the Results sheet. */
export interface MetricInfo {
  key: string;
  /** Display name in the spreadsheet's language. */
  label: string;
  kind: ValueKind;
}

/**
 * One grouped line of the Run log: the problems of one sheet, column, code
 * and severity (or a single problem), with the first one's message.
 */
export interface ProblemLine {
  /** `Sales!F2:F2090`, `Sales!A21, A41, A61, …` or `Sales!D14` (the sheet quoted when it has spaces); "" when the line names no cell. */
  cells: string;
  /** Problems the line stands for (1 for a single problem). */
  rows: number;
  message: string;
}

/** The input problems of the latest run that read the inputs, grouped. */
export interface ProblemList {
  /** How many the run found, in all groups. */
  count: number;
  groups: ProblemLine[];
  /** Problems of groups not in `groups` (the Run log's cell or this list was cut). */
  notListed: number;
  /** The sheet listing every problem cell, one row each; null when the run wrote none. */
  sheet: string | null;
  /** When that run started, formatted; null when no run has read the inputs yet. */
  when: string | null;
}

// ---------------------------------------------------------------- Team

export interface TeamRequest {
  /** A period such as 2026-03, 2026-Q1 or 2026; null = the latest month with results. */
  period: string | null;
}

/** Who a rep is and where they stand in the period: what a Team view row and the Rep view both show. */
interface RepStanding {
  repId: string;
  name: string;
  team: string;
  score: number | null;
  rank: number | null;
  teamRank: number | null;
}

export interface TeamRow extends RepStanding {
  /** The Bonus column: the payout including adjustments; null when the period is not a payout period. */
  payout: number | null;
  /** Attainment of each metric of `TeamView.metrics`, in that order. */
  attainments: (number | null)[];
  notes: string;
  /** Results' Forecast revenue and Forecast payout: null for a final period (and the payout where Bonus is blank). */
  forecastRevenue?: number | null;
  forecastPayout?: number | null;
}

export interface TeamView {
  language: UiLanguage;
  currency: string;
  /** Periods that have results, latest first. */
  periods: string[];
  /** The period shown; null when Results has no rows yet. */
  period: string | null;
  /** Whether the period's rows are provisional (recomputed by every run until final). */
  provisional: boolean;
  metrics: MetricInfo[];
  rows: TeamRow[];
  problems: ProblemList;
  /** Final periods whose inputs changed since (reported, not applied). */
  changedFinal: string[];
  /** Months awaiting approval (README, "Payout approval"), oldest first; the first is the one to approve. */
  awaiting: string[];
}

/** "Approve" in the Team view: a month awaiting approval, and the approver's name (optional, "" for none). */
export interface ApproveRequest {
  period: string;
  name: string;
}

// ---------------------------------------------------------------- Rep

export interface RepRequest {
  period: string;
  repId: string;
}

export interface RepMetric extends MetricInfo {
  actual: number | null;
  target: number | null;
  attainment: number | null;
}

/** One line of the Payouts sheet. */
export interface PayoutLine {
  line: number | null;
  /** target_bonus, commission, adjustment or total. */
  type: string;
  item: string;
  driver: string;
  driverValue: number | null;
  mode: string;
  tier: number | null;
  rate: number | null;
  maxRate: number | null;
  base: number | null;
  proration: number | null;
  gate: number | null;
  gateMet: boolean | null;
  amount: number | null;
  reason: string;
  notes: string;
}

/** One metric's part in the score. */
export interface ScoreTraceLine {
  key: string;
  /** Display name in the spreadsheet's language. */
  label: string;
  /** Raw attainment as the Results row holds it; null = none. */
  attainment: number | null;
  floor: number;
  cap: number;
  /** The plan's weight as written. */
  weight: number;
  /** The share of the weight actually used (weight / sum of the counted weights); null when left out. */
  share: number | null;
  /** Attainment after floor and cap; null when left out. */
  achievement: number | null;
  /** share x achievement; null when left out. The counted points add up to the score. */
  points: number | null;
  /** Why the metric is not in the score: no data, or no target; null when it counts. */
  leftOut: "no_data" | "no_target" | null;
}

/** How the score is made from the stored row and the plan's floors, caps and weights. */
export interface ScoreTrace {
  lines: ScoreTraceLine[];
  /** The sum of the points; null when no metric counted. */
  total: number | null;
  /** false when today's plan no longer reproduces the stored score (the plan changed since). */
  matchesScore: boolean;
}

export interface TrendPoint {
  period: string;
  score: number | null;
}

export interface RepView extends RepStanding {
  language: UiLanguage;
  currency: string;
  period: string;
  /** Reps ranked in the period, and in the rep's team. */
  rankedCount: number;
  teamRankedCount: number;
  payout: number | null;
  notes: string;
  provisional: boolean;
  metrics: RepMetric[];
  /** The Payouts lines of the rep and period, in order; empty when the period is not a payout period. */
  payoutLines: PayoutLine[];
  /** How the score is made; null when no plan version covers the period. */
  scoreTrace: ScoreTrace | null;
  /** The rep's score over recent periods of the same kind, oldest first, ending with `period`. */
  trend: TrendPoint[];
  /** For a provisional period, what happens if the rep's open deals close; null for a final one. */
  forecast: ForecastView | null;
  /** For a provisional period, revenue to date against a straight line to the period's end; null for a final one. */
  pace: PaceView | null;
}

/** The tier one pay component would reach if the open deals close. */
export interface ForecastTierView {
  /** The plan's name of the component. */
  component: string;
  kind: "target_bonus" | "commission";
  /** As the Payouts sheet's Driver: score, attainment:METRIC, team_attainment:METRIC, or a commission's metric. */
  driver: string;
  /** Lower bound of the tier reached; null below the first tier. */
  tier: number | null;
  rate: number;
}

/** A rep's forecast of a provisional period: every open deal closing in it won at Amount x Probability. */
export interface ForecastView {
  /** The rep's open deals closing in the period, which the forecast counts. */
  openDeals: number;
  revenue: number;
  score: number | null;
  /** The payout with adjustments; null when the period is not a payout period. */
  payout: number | null;
  tiers: ForecastTierView[];
}

/** Revenue to date against a straight line from 0 on the period's first day to the revenue target on its last. */
export interface PaceView {
  revenueToDate: number;
  /** The revenue target; null when there is none (then there is no line). */
  target: number | null;
  /** Where the line is today. */
  line: number | null;
  /** Today's day of the period, and the days in it. */
  day: number;
  days: number;
}

// ---------------------------------------------------------------- Review

export interface ReviewRequest {
  period: string;
  repId: string;
  /** The language of the generated review; omitted = the language the recalculation writes. */
  language?: UiLanguage;
  /** For a final period: generate the review now from today's inputs instead of showing the stored one. */
  regenerate?: boolean;
}

export interface ReviewView {
  language: UiLanguage;
  period: string;
  repId: string;
  /** The generated review in `reviewLanguage`. */
  generated: string;
  reviewLanguage: UiLanguage;
  /**
   * "sheet": the Reviews sheet's Generated review; "computed": generated now
   * from the current inputs; "none": a final period whose sheet holds no
   * generated review (`generated` is ""), which only regenerating can fill.
   */
  source: "sheet" | "computed" | "none";
  /**
   * The period is final: the review shown is the stored one (in the sheet's
   * language, whatever language was asked) unless `regenerate` was asked.
   */
  final: boolean;
  /** The language the recalculation writes reviews in. */
  sheetLanguage: UiLanguage;
  /** The Manager's review cell ("" when none saved). */
  managerReview: string;
  reply: string;
  acknowledged: boolean;
  /** The stored review was changed by a restatement after the rep acknowledged it. */
  changedAfterAcknowledgement: boolean;
  /** The period is final and its inputs changed since: a computed review reflects today's inputs. */
  inputsChanged: boolean;
}

export interface SaveReviewRequest {
  period: string;
  repId: string;
  text: string;
}

export interface SaveReviewResult {
  /** 1-based row of the Reviews sheet written. */
  row: number;
  /** A row was appended because the sheet had none for (Period, Rep ID). */
  appended: boolean;
  /** When it was saved, formatted in the spreadsheet's time zone. */
  savedAt: string;
}

// ---------------------------------------------------------------- Setup

export interface SheetStatus {
  role: string;
  name: string;
  exists: boolean;
}

export interface ScheduleView {
  on: boolean;
  /** "you", "another editor" or "none": never an email. */
  owner: "you" | "another editor" | "none";
  /** Last firing, formatted; null when none. */
  lastRun: string | null;
  overdue: boolean;
  day: number;
  hour: number;
  /** Whether this user may turn it on or off now (their own, none, or overdue). */
  canChange: boolean;
}

export interface RunLogLine {
  when: string;
  startedBy: string;
  periods: string;
  outcome: string;
  rowsWritten: number | null;
  problems: number | null;
  seconds: number | null;
}

export interface SetupView {
  language: UiLanguage;
  timeZone: string;
  inputSheets: SheetStatus[];
  /** Every input sheet and the Plan exist. */
  setUp: boolean;
  schedule: ScheduleView;
  /** When the last run that did work ended, formatted; null when never. */
  lastRun: string | null;
  /** Final periods (for "Restate period"), latest first. */
  finalPeriods: string[];
  changedFinal: string[];
  problems: ProblemList;
  /** The Run log's latest rows, latest first. */
  runLog: RunLogLine[];
  /** What the Settings section edits: the stored settings, the defaults and the sheet-name fields. */
  settings: SettingsView;
  /** What the Columns section edits: the column mapping, the date order and the stage words. */
  columns: ColumnsView;
  /** What "Fill Targets from history" proposes. */
  fillTargets: FillTargetsDefaults;
}

/** What an action (set up, recalculate, restate, schedule, save settings) tells the person who started it. */
export interface ActionResult {
  /** "done", "continues", "nothing to do", "already running", "failed" for runs; "done" or, for settings that did not change, "nothing to do" otherwise. */
  outcome: string;
  /** A short localized message (may hold several lines). */
  message: string;
}

export interface RestateRequest {
  period: string;
}

export interface ScheduleRequest {
  on: boolean;
  /** Day of the following month (1-28) at which a month becomes final; omitted = unchanged. */
  day?: number;
  /** Hour (0-23, spreadsheet time zone); omitted = unchanged. */
  hour?: number;
}

// ---------------------------------------------------------------- Settings

/** The language setting: "auto" follows the spreadsheet's locale (Chinese for zh_*, English otherwise). */
export type LanguageSetting = "auto" | Language;

/** The settings the Setup view edits; the schedule's day and hour are edited with the schedule. */
export interface SettingsValues {
  /** The name of every sheet the add-on reads or writes, by role (reps, sales, ..., runLog). */
  sheets: Record<SheetRole, string>;
  language: LanguageSetting;
  /** The first month computed, `YYYY-MM`; "" = the earliest month in Sales. */
  startPeriod: string;
  /** Where Sales come from (always in a view; a save without it keeps the stored one). */
  salesSource?: SalesSourceValues;
}

/** Where Sales come from: the Sales sheet, or a BigQuery table `project.dataset.table` billed to a project. */
export type SalesSourceValues = { kind: "sheet" } | { kind: "bigquery"; table: string; billingProject: string };

/** Saving settings sends every editable field; the schedule's day and hour stay as they are. */
export type SaveSettingsRequest = SettingsValues;

/** A sheet-name field of the Settings section. */
export interface SheetNameField {
  role: SheetRole;
  /** "Sales sheet", in the spreadsheet's language: the name error messages use too. */
  label: string;
  /** Written by the runs (Results, Payouts, ...) rather than read by them. */
  output: boolean;
}

export interface SettingsView {
  /** The stored settings: what the next run uses. */
  current: SettingsValues;
  /** What "Reset to defaults" fills in. */
  defaults: SettingsValues;
  /** The sheet-name fields in order: the input sheets, then the output sheets. */
  fields: SheetNameField[];
}

// ---------------------------------------------------------------- Columns

/** How a field's column was found: our own header, a CRM alias, the manager's mapping; null when not found. */
type ColumnFoundBy = "built-in" | "alias" | "mapping" | null;

/** One of our fields of an input sheet, and the sheet's column for it. */
export interface ColumnFieldView {
  field: string;
  /** Our name for the field, in the spreadsheet's language ("Date", "日期"). */
  label: string;
  required: boolean;
  /** The sheet's header used for the field; null when none. */
  matched: string | null;
  how: ColumnFoundBy;
  /** The sheet's headers most like the field, best first, when none matched. */
  guesses: string[];
}

/** The input sheets the Columns section maps. */
export type MappedSheet = "sales" | "reps";

/** One input sheet's header row and our fields. */
export interface SheetColumnsView {
  sheet: MappedSheet;
  /** The sheet's name (settings). */
  sheetName: string;
  exists: boolean;
  /** 1-based row holding the headers; 0 when the sheet is missing or blank. */
  headerRow: number;
  /** The non-blank header texts of that row, in order: what a field may be mapped to. */
  headers: string[];
  fields: ColumnFieldView[];
}

export type DateOrderSetting = "auto" | "dmy" | "mdy";

export type StageReading = "won" | "lost" | "open";

/** A distinct word of Sales' Status column and how the runs read it. */
export interface StageWordView {
  /** As the sheet has it (trimmed). */
  word: string;
  /** Rows of Sales with it. */
  rows: number;
  reading: StageReading;
  /** "built-in": a word the add-on knows; "yours": the settings' own; "unknown": neither, read as open. */
  source: "built-in" | "yours" | "unknown";
}

export interface ColumnsView {
  sheets: SheetColumnsView[];
  dateOrder: DateOrderSetting;
  /** The Status column's header in Sales; null when Sales has none. */
  statusHeader: string | null;
  /** The most frequent Status words first. */
  stageWords: StageWordView[];
  /** Distinct words not listed (beyond the listing's limit). */
  moreStageWords: number;
}

/**
 * Saving the Columns section. `columns`: per sheet, field to the chosen
 * header (a field left out is "not in this sheet"); `stageWords`: word to
 * reading for the words listed.
 */
export interface SaveColumnsRequest {
  columns: Partial<Record<MappedSheet, Record<string, string>>>;
  dateOrder: DateOrderSetting;
  stageWords: Record<string, StageReading>;
}

// ---------------------------------------------------------------- Fill Targets

export interface FillTargetsDefaults {
  /** The month after this one, `YYYY-MM`. */
  period: string;
  /** Growth over the history, in percent. */
  growthPercent: number;
}

export interface FillTargetsRequest {
  /** The month the targets are for, `YYYY-MM`. */
  period: string;
  /** Growth over the history, in percent (10 = 10 %). */
  growthPercent: number;
}

// ---------------------------------------------------------------- Plans

/** One rep's payouts over the months compared: under the Plan, under the draft, and draft minus Plan. */
export interface PlanRepChange {
  repId: string;
  name: string;
  current: number;
  draft: number;
  difference: number;
}

/** What "Compare plans" did (src/addon/plan-comparison.ts), for the Plans view. */
export interface PlanComparisonView {
  language: UiLanguage;
  currency: string;
  /** "done", "no_draft", "no_final_months", "draft_errors", "out_of_time", "foreign_sheet" or "already running". */
  outcome: string;
  /** A short localized message (may hold several lines). */
  message: string;
  /** Months compared, oldest first; empty unless done. */
  months: string[];
  /** Totals over the months; null unless done. */
  current: number | null;
  draft: number | null;
  difference: number | null;
  /** Reps the draft pays more, the most first (at most five). */
  winners: PlanRepChange[];
  /** Reps the draft pays less, the most first (at most five). */
  losers: PlanRepChange[];
  /** The Plan draft's problems at their cells, grouped. */
  problems: ProblemLine[];
  /** The sheet written; null when nothing was written. */
  sheet: string | null;
}

// ---------------------------------------------------------------- the calls

/**
 * Every server call the sidebar makes: name, argument and result. The
 * client wrapper and the preview server are typed from it.
 */
export interface SidebarCalls {
  sidebarTeam(request: TeamRequest): TeamView;
  sidebarRep(request: RepRequest): RepView;
  sidebarReview(request: ReviewRequest): ReviewView;
  sidebarSaveReview(request: SaveReviewRequest): SaveReviewResult;
  sidebarSetup(): SetupView;
  sidebarSetUpSheets(): ActionResult;
  sidebarRecalculate(): ActionResult;
  sidebarRestate(request: RestateRequest): ActionResult;
  sidebarSchedule(request: ScheduleRequest): ActionResult;
  sidebarSaveSettings(request: SaveSettingsRequest): ActionResult;
  sidebarSaveColumns(request: SaveColumnsRequest): ActionResult;
  sidebarFillTargets(request: FillTargetsRequest): ActionResult;
  sidebarComparePlans(): PlanComparisonView;
  sidebarMakePlanDraft(): ActionResult;
  sidebarApprove(request: ApproveRequest): ActionResult;
  sidebarShareStatements(): ActionResult;
}

export type SidebarCallName = keyof SidebarCalls;
