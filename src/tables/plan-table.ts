/**
 * Reading the `Plan` sheet (product-spec section 2) into a {@link PlanBook}.
 *
 * The plan is one table, a row per item: `Type` says what the row declares
 * (a metric, a bonus, one tier of it, a ramp month, a setting...), `Key`
 * names it, and the other columns hold its numbers. Rows sharing one
 * `Effective from` month form one complete version; rows with a `Role`
 * override the base items of that version for reps of that role.
 *
 * Each version is checked on its own: an error makes that version invalid
 * (no period using it is computed) and leaves the others usable. Every
 * problem points at the cell to fix. The layout and its rules are written up
 * for managers in `plan-format.md` beside this file.
 */
import * as z from "zod/mini";
import { parseDirection } from "../core/attainment";
import { dayNumber } from "../core/calendar";
import {
  DEFAULT_METRIC_CAP,
  DEFAULT_METRIC_FLOOR,
  DEFAULT_PLAN_ROWS,
  DEFAULT_SETTINGS,
  PLAN_AUTO_VALUE,
  PLAN_COLUMNS,
  PLAN_DRIVER_NAMES,
  PLAN_MODE_NAMES,
  PLAN_PAYOUT_PERIOD_NAMES,
  PLAN_ROW_TYPE_NAMES,
  PLAN_SETTING_NAMES,
  type PlanColumn,
  type PlanRowType,
  type PlanSettingKey,
} from "../core/default-plan";
import { BUILT_IN_METRICS, builtInMetric, metricLabel } from "../core/metric-catalog";
import { periodKind } from "../core/periods";
import { roleKey, versionLabel } from "../core/plan-lookup";
import type {
  BonusDriver,
  Direction,
  Language,
  MetricSpec,
  PayComponent,
  PayoutPeriod,
  PlanBook,
  PlanSettings,
  PlanVariant,
  PlanVersion,
} from "../core/plan-model";
import { a1, problemAt, type Problem, type ProblemCode, type Severity } from "../core/problems";
import type { Period } from "../core/records";
import { parseTierMode, validateTiers, type Tier, type TierMode } from "../core/tiers";
import { planTrainingTopic } from "../core/training-topics";
import {
  displayValue,
  isBlankCell,
  isCellFailure,
  MAX_TEXT_LENGTH,
  readNumberCell,
  readPeriodCell,
  readText,
  type DayOfInstant,
} from "./cell-values";
import { matchHeaders, normalizeHeader, type HeaderSpec } from "./header-matching";

/** The plan and every problem found in it. */
export interface PlanTable {
  plan: PlanBook;
  /** Sorted by row and column. Errors make their version invalid; warnings do not. */
  problems: Problem[];
}

/** Optional behaviour of {@link readPlan}. */
export interface PlanTableOptions {
  /**
   * The spreadsheet's wall clock, for an `Effective from` cell that Sheets
   * turned into a date. Without it a date is read in the script's own zone.
   */
  wallClock?: DayOfInstant;
}

/**
 * Reads the Plan sheet: row 0 holds the headers (matched like every input
 * sheet's, English or Chinese), blank rows and rows holding only a Note are
 * ignored. A missing sheet (null) gives the default plan and a
 * `plan_default_used` warning.
 *
 * @example
 * const { plan, problems } = readPlan([
 *   ["Type", "Key", "Weight"],
 *   ["metric", "revenue", "100%"],
 * ], "Plan");
 * plan.versions[0].base.metrics[0]; // { key: "revenue", weight: 1, direction: "higher", floor: 0, cap: 1.5, manual: false }
 * problems; // []
 */
export function readPlan(values: unknown[][] | null, sheetName: string, options: PlanTableOptions = {}): PlanTable {
  if (values === null) return defaultPlanFor(sheetName, options);
  const headerRow = values[0] ?? [];
  const match = matchHeaders(headerRow, PLAN_HEADER_SPECS, sheetName);
  const collector = problemCollector();
  for (const problem of match.problems) collector.add(1, columnOfCell(problem.cell), problem);
  if (!match.complete) return { plan: unusablePlan(2), problems: collector.sorted() };
  const sheet = openPlanSheet(sheetName, match.index, match.label, headerRow, collector);
  const lines = planLines(values, match.index);
  const { versions, unplaced } = versionsOf(lines, sheet, options.wallClock ?? scriptWallClock);
  const book = versions.map((group) => buildVersion(group, sheet));
  if (book.length === 0) {
    if (unplaced === 0) sheet.reportAt(2, "effectiveFrom", "plan_no_metrics", { version: "-" });
    return { plan: unusablePlan(2), problems: collector.sorted() };
  }
  warnOfFiscalYearChanges(book);
  // Rows that belong to no known version may be meant for any of them.
  const plan: PlanBook = { versions: book.map((built) => ({ ...built.version, valid: built.version.valid && unplaced === 0 })) };
  return { plan, problems: collector.sorted() };
}

/**
 * The columns the reader looks for, as header matching wants them: only Type
 * and Key are required, so a plan without bonuses needs no Driver column.
 *
 * @example
 * PLAN_HEADER_SPECS.find((spec) => spec.field === "maxRate")?.zhHeader; // "最高倍数"
 */
export const PLAN_HEADER_SPECS: readonly HeaderSpec<PlanColumn>[] = PLAN_COLUMNS.map((column) => ({
  field: column.column,
  header: column.header.en,
  zhHeader: column.header.zh,
  required: column.required,
}));

// ---------------------------------------------------------------------------
// The default plan.

function defaultPlanFor(sheetName: string, options: PlanTableOptions): PlanTable {
  const { plan, problems } = readPlan(DEFAULT_PLAN_ROWS, sheetName, options);
  return { plan, problems: [problemAt(sheetName, "A1", "plan_default_used", {}, "warning"), ...problems] };
}

/** A plan that computes nothing, for a sheet that cannot be read at all. */
function unusablePlan(row: number): PlanBook {
  const base: PlanVariant = { role: "", metrics: [], components: [], targetBonus: 0, ramp: [] };
  return { versions: [{ effectiveFrom: "", row, base, variants: {}, settings: defaultSettings(), valid: false }] };
}

function defaultSettings(): PlanSettings {
  return {
    ...DEFAULT_SETTINGS,
    signals: { ...DEFAULT_SETTINGS.signals },
    training: { ...DEFAULT_SETTINGS.training },
  };
}

// Without the spreadsheet's wall clock, a date reads as the script's zone shows it.
const scriptWallClock: DayOfInstant = (instantMs) => {
  const date = new Date(instantMs);
  return { day: dayNumber(date.getFullYear(), date.getMonth() + 1, date.getDate()) };
};

// ---------------------------------------------------------------------------
// The sheet, its rows and its problems.

type Args = Record<string, string | number>;

interface ProblemCollector {
  add(row: number, column: number, problem: Problem): void;
  sorted(): Problem[];
}

function problemCollector(): ProblemCollector {
  const entries: { row: number; column: number; problem: Problem }[] = [];
  return {
    add: (row, column, problem) => entries.push({ row, column, problem }),
    // Array.prototype.sort is stable, so problems of one cell keep their order.
    sorted: () => entries.sort((a, b) => a.row - b.row || a.column - b.column).map((entry) => entry.problem),
  };
}

interface PlanSheet {
  name: string;
  /** 0-based column of each field; -1 when the sheet has none. */
  index: Record<PlanColumn, number>;
  /** A column's name as the sheet writes it, for messages. */
  label: Record<PlanColumn, string>;
  /** Reports a problem on a field's cell (the Type cell when the sheet has no such column). */
  reportAt(row: number, field: PlanColumn, code: ProblemCode, args: Args, severity?: Severity): void;
  /** Reports that a row needs a column the sheet lacks (once per column). */
  reportMissingColumn(field: PlanColumn): void;
}

function openPlanSheet(
  name: string,
  index: Record<PlanColumn, number>,
  label: Record<PlanColumn, string>,
  headerRow: readonly unknown[],
  collector: ProblemCollector,
): PlanSheet {
  const missingReported = new Set<PlanColumn>();
  let freeColumn = lastUsedColumn(headerRow);
  return {
    name,
    index,
    label,
    reportAt(row, field, code, args, severity = "error") {
      const column = (index[field] >= 0 ? index[field] : index.type) + 1;
      collector.add(row, column, problemAt(name, a1(row, column), code, args, severity));
    },
    reportMissingColumn(field) {
      if (missingReported.has(field)) return;
      missingReported.add(field);
      // Like header matching: on the first free header cell, where it belongs.
      freeColumn += 1;
      collector.add(1, freeColumn, problemAt(name, a1(1, freeColumn), "missing_column", { column: label[field] }));
    },
  };
}

function lastUsedColumn(headerRow: readonly unknown[]): number {
  for (let position = headerRow.length - 1; position >= 0; position -= 1) {
    if (normalizeHeader(headerRow[position]) !== "") return position + 1;
  }
  return 0;
}

function columnOfCell(cell: string): number {
  let column = 0;
  for (const letter of cell.replace(/\d+$/, "")) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

/** One non-blank row of the sheet. */
interface SheetLine {
  /** 1-based sheet row. */
  row: number;
  cells: Record<PlanColumn, unknown>;
}

/** Rows with something besides a Note: a Note alone is the manager's heading or comment. */
function planLines(values: unknown[][], index: Record<PlanColumn, number>): SheetLine[] {
  const lines: SheetLine[] = [];
  values.forEach((row, position) => {
    if (position === 0) return;
    const cells = {} as Record<PlanColumn, unknown>;
    for (const { column } of PLAN_COLUMNS) cells[column] = index[column] >= 0 ? row[index[column]] : "";
    const used = PLAN_COLUMNS.some(({ column }) => column !== "note" && !isBlankCell(cells[column]));
    if (used) lines.push({ row: position + 1, cells });
  });
  return lines;
}

/** The problems of one version: every message names the version, and an error makes it invalid. */
interface VersionReporter {
  report(row: number, field: PlanColumn, code: ProblemCode, args?: Args, severity?: Severity): void;
  errorCount(): number;
}

function versionReporter(sheet: PlanSheet, effectiveFrom: Period): VersionReporter {
  const label = versionLabel({ effectiveFrom });
  let errors = 0;
  return {
    report(row, field, code, args = {}, severity = "error") {
      if (severity === "error") errors += 1;
      if (code === "plan_blank" && sheet.index[field] < 0) {
        sheet.reportMissingColumn(field);
        return;
      }
      sheet.reportAt(row, field, code, { column: sheet.label[field], version: label, ...args }, severity);
    },
    errorCount: () => errors,
  };
}

// ---------------------------------------------------------------------------
// Versions: rows grouped by Effective from.

interface VersionLines {
  effectiveFrom: Period;
  lines: SheetLine[];
}

/**
 * Groups rows by their Effective from month, earliest first. A cell that is
 * not a month cannot be placed in time: it is reported and counted, and the
 * caller marks every version invalid rather than pay by a plan that is
 * missing rows its manager wrote.
 */
function versionsOf(lines: SheetLine[], sheet: PlanSheet, wallClock: DayOfInstant): { versions: VersionLines[]; unplaced: number } {
  const byMonth = new Map<Period, SheetLine[]>();
  let unplaced = 0;
  for (const line of lines) {
    const effectiveFrom = readEffectiveFrom(line.cells.effectiveFrom, wallClock);
    if (effectiveFrom === null) {
      unplaced += 1;
      sheet.reportAt(line.row, "effectiveFrom", "plan_bad_effective_from", {
        column: sheet.label.effectiveFrom,
        value: displayValue(line.cells.effectiveFrom, wallClock),
      });
      continue;
    }
    const version = byMonth.get(effectiveFrom);
    if (version) version.push(line);
    else byMonth.set(effectiveFrom, [line]);
  }
  const months = [...byMonth.keys()].sort();
  return { versions: months.map((effectiveFrom) => ({ effectiveFrom, lines: byMonth.get(effectiveFrom)! })), unplaced };
}

/** A month, or "" for blank, `*` or `-` (from the beginning); null when it is neither. */
function readEffectiveFrom(value: unknown, wallClock: DayOfInstant): Period | null {
  if (typeof value === "string" && FROM_THE_BEGINNING.has(value.trim())) return "";
  const period = readPeriodCell(value, wallClock);
  if (period === null) return "";
  return !isCellFailure(period) && periodKind(period) === "month" ? period : null;
}

const FROM_THE_BEGINNING = new Set(["", "*", "-"]);

// ---------------------------------------------------------------------------
// Cells: each reader returns the value or a plan problem, and zod carries the
// problem to the field (and so the cell) it came from.

interface CellIssue {
  readonly planProblem: ProblemCode;
  readonly args: Args;
}

function cellIssue(planProblem: ProblemCode, args: Args = {}): CellIssue {
  return { planProblem, args };
}

function isCellIssue(value: unknown): value is CellIssue {
  return typeof value === "object" && value !== null && "planProblem" in value;
}

function planCell<T>(read: (value: unknown) => T | CellIssue) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, context) => {
      const result = read(value);
      if (!isCellIssue(result)) return result;
      context.issues.push({ code: "custom", message: result.planProblem, input: value, params: result.args });
      return z.NEVER;
    }),
  );
}

/** Text of a cell, trimmed; null when blank. */
function textOf(value: unknown): string | null | CellIssue {
  const text = readText(value);
  if (isCellFailure(text)) return cellIssue("plan_bad_value", { value: displayValue(value), expected: "at most " + MAX_TEXT_LENGTH + " characters" });
  return text;
}

function numberOf(value: unknown): number | null | CellIssue {
  const reading = readNumberCell(value);
  return isCellFailure(reading) ? cellIssue("plan_bad_number", { value: displayValue(value) }) : reading;
}

function required<T>(read: (value: unknown) => T | null | CellIssue): (value: unknown) => T | CellIssue {
  return (value) => {
    const result = read(value);
    return result === null ? cellIssue("plan_blank") : result;
  };
}

function orDefault<T>(read: (value: unknown) => T | null | CellIssue, fallback: T): (value: unknown) => T | CellIssue {
  return (value) => {
    const result = read(value);
    return result === null ? fallback : result;
  };
}

function nonNegative(value: unknown): number | null | CellIssue {
  const reading = numberOf(value);
  if (typeof reading === "number" && reading < 0) return cellIssue("plan_negative", { value: displayValue(value) });
  return reading;
}

function aboveZero(value: unknown): number | null | CellIssue {
  const reading = nonNegative(value);
  if (reading === 0) return cellIssue("plan_bad_value", { value: displayValue(value), expected: "above 0" });
  return reading;
}

function wholeNumberFrom(minimum: number, maximum: number, expected: string) {
  return (value: unknown): number | null | CellIssue => {
    const reading = numberOf(value);
    if (typeof reading !== "number") return reading;
    const inRange = Number.isInteger(reading) && reading >= minimum && reading <= maximum;
    return inRange ? reading : cellIssue("plan_bad_value", { value: displayValue(value), expected });
  };
}

/**
 * Words compared as header matching compares headers (case, spaces, `_` and
 * `-` ignored), so `Target bonus`, `target_bonus` and `TARGET-BONUS` agree.
 */
function wordOf(value: unknown): string {
  return normalizeHeader(typeof value === "string" ? value : String(value ?? ""));
}

function lookupOf<T extends string>(names: Readonly<Record<T, Record<Language, string>>>, aliases: Readonly<Record<string, T>> = {}): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const key of Object.keys(names) as T[]) {
    lookup.set(wordOf(key), key);
    lookup.set(wordOf(names[key].en), key);
    lookup.set(wordOf(names[key].zh), key);
  }
  for (const [alias, key] of Object.entries(aliases)) lookup.set(wordOf(alias), key);
  return lookup;
}

function allowedOf(names: Readonly<Record<string, Record<Language, string>>>): string {
  const entries = Object.values(names);
  return entries.map((name) => name.en).join(", ") + " (" + entries.map((name) => name.zh).join(", ") + ")";
}

const ROW_TYPES = lookupOf(PLAN_ROW_TYPE_NAMES, { "manual metric": "manual", 手工: "manual" });
const SETTING_KEYS = lookupOf(PLAN_SETTING_NAMES);
const MODES = lookupOf(PLAN_MODE_NAMES);
const DRIVER_WORDS = lookupOf(PLAN_DRIVER_NAMES, { 评分: "score" });
const PAYOUT_PERIODS = lookupOf(PLAN_PAYOUT_PERIOD_NAMES, {
  monthly: "month", quarterly: "quarter", yearly: "year", annual: "year", 月度: "month", 季度: "quarter", 年度: "year",
});
const LANGUAGES = new Map<string, Language | null>([
  ["en", "en"], ["english", "en"], ["英文", "en"], ["英语", "en"],
  ["zh", "zh"], ["zhcn", "zh"], ["cn", "zh"], ["chinese", "zh"], ["中文", "zh"], ["汉语", "zh"], ["简体中文", "zh"],
]);
const CURRENCY_WORDS = new Map<string, string>([
  ["¥", "CNY"], ["￥", "CNY"], ["元", "CNY"], ["人民币", "CNY"], ["rmb", "CNY"], ["$", "USD"], ["美元", "USD"],
]);
const AUTO_WORDS = new Set([wordOf(PLAN_AUTO_VALUE.en), wordOf(PLAN_AUTO_VALUE.zh)]);

const TYPE_ALLOWED = allowedOf(PLAN_ROW_TYPE_NAMES);
const SETTING_ALLOWED = allowedOf(PLAN_SETTING_NAMES);
const PAYOUT_ALLOWED = allowedOf(PLAN_PAYOUT_PERIOD_NAMES);
const AMOUNT_METRICS = BUILT_IN_METRICS.filter((metric) => metric.kind === "additive" && metric.money).map((metric) => metric.key);
const ADDITIVE_METRICS = BUILT_IN_METRICS.filter((metric) => metric.kind === "additive").map((metric) => metric.key);
const DEFAULT_DRIVER_METRIC = "revenue";

/**
 * A metric key as the plan stores it: trimmed, lower case, spaces and `-` as
 * `_` (the Targets and Scores readers match the same way); a built-in
 * metric's English or Chinese name is read as its key.
 */
function metricKeyOf(text: string): string {
  const name = text.trim().toLowerCase().replace(/[\s\-]+/g, "_");
  const builtIn = BUILT_IN_METRICS.find(
    (metric) => metric.key === name || name === labelName(metric.key, "en") || name === labelName(metric.key, "zh"),
  );
  return builtIn ? builtIn.key : name;
}

function labelName(key: string, language: Language): string {
  return metricLabel(key, language).trim().toLowerCase().replace(/[\s\-]+/g, "_");
}

function metricKeyCell(value: unknown): string | CellIssue {
  const text = required(textOf)(value);
  return isCellIssue(text) ? text : metricKeyOf(text);
}

function directionCell(value: unknown): Direction | null | CellIssue {
  const text = textOf(value);
  if (text === null || isCellIssue(text)) return text;
  return parseDirection(text) ?? cellIssue("plan_bad_value", { value: displayValue(value), expected: "higher, lower (越高越好, 越低越好)" });
}

function modeCell(value: unknown): TierMode | CellIssue {
  const text = textOf(value);
  if (text === null) return "step";
  if (isCellIssue(text)) return text;
  return parseTierMode(text) ?? MODES.get(wordOf(text)) ?? cellIssue("plan_unknown_mode", { value: displayValue(value) });
}

/** `score`, `attainment:METRIC` or `team_attainment:METRIC` (also in Chinese, `：` too); blank = score. */
function bonusDriverCell(value: unknown): BonusDriver | CellIssue {
  const text = textOf(value);
  if (text === null) return { kind: "score" };
  if (isCellIssue(text)) return text;
  const [wordText, ...rest] = text.split(/[:：]/);
  const word = DRIVER_WORDS.get(wordOf(wordText));
  const metricText = rest.join(":").trim();
  const bad = cellIssue("plan_bad_driver", { value: displayValue(value) });
  if (word === undefined || rest.length > 1) return bad;
  if (word === "score") return metricText === "" ? { kind: "score" } : bad;
  const metric = metricText === "" ? DEFAULT_DRIVER_METRIC : metricKeyOf(metricText);
  if (word === "team_attainment" && !ADDITIVE_METRICS.includes(metric)) {
    return cellIssue("plan_team_driver_not_additive", { value: displayValue(value), metric, allowed: ADDITIVE_METRICS.join(", ") });
  }
  return { kind: word, metric };
}

/** The amount a commission is paid on; blank = revenue. */
function commissionMetricCell(value: unknown): string | CellIssue {
  const text = textOf(value);
  if (text === null) return DEFAULT_DRIVER_METRIC;
  if (isCellIssue(text)) return text;
  const metric = metricKeyOf(text);
  return AMOUNT_METRICS.includes(metric) ? metric : cellIssue("plan_commission_driver", { value: displayValue(value), allowed: AMOUNT_METRICS.join(", ") });
}

// ---------------------------------------------------------------------------
// Typed rows.

function payoutPeriodCell(value: unknown): PayoutPeriod | null | CellIssue {
  const text = textOf(value);
  if (text === null || isCellIssue(text)) return text;
  return PAYOUT_PERIODS.get(wordOf(text)) ?? cellIssue("plan_bad_value", { value: displayValue(value), expected: PAYOUT_ALLOWED });
}

/** `auto` (or blank) = from the locale; a three-letter code; ¥, 元, $ and 美元 as CNY and USD. */
function currencyCell(value: unknown): string | null | CellIssue {
  const text = textOf(value);
  if (text === null || AUTO_WORDS.has(wordOf(text))) return null;
  if (isCellIssue(text)) return text;
  const known = CURRENCY_WORDS.get(text.toLowerCase());
  if (known) return known;
  if (/^[A-Za-z]{3}$/.test(text)) return text.toUpperCase();
  return cellIssue("plan_bad_value", { value: displayValue(value), expected: "auto, or a code such as USD, CNY, EUR" });
}

/** `auto` (or blank) = the spreadsheet's locale. */
function languageCell(value: unknown): Language | null | CellIssue {
  const text = textOf(value);
  if (text === null || AUTO_WORDS.has(wordOf(text))) return null;
  if (isCellIssue(text)) return text;
  const language = LANGUAGES.get(wordOf(text));
  return language !== undefined ? language : cellIssue("plan_bad_value", { value: displayValue(value), expected: "auto, en, zh" });
}

function settingKeyCell(value: unknown): PlanSettingKey | CellIssue {
  const text = required(textOf)(value);
  if (isCellIssue(text)) return text;
  return SETTING_KEYS.get(wordOf(text)) ?? cellIssue("plan_unknown_setting", { key: displayValue(value), allowed: SETTING_ALLOWED });
}

const countOfPeriods = wholeNumberFrom(1, 1000, "a whole number from 1");

/**
 * The schema of each row type: an object of the row's raw cells, each read by
 * its cell reader. Built on first use, since every custom-function call loads
 * the whole script and most never read a plan.
 */
function buildRowSchemas() {
  const text = planCell(required(textOf));
  const optionalNonNegative = planCell(nonNegative);
  const metric = z
    .object({
      key: planCell(metricKeyCell),
      weight: planCell(required(nonNegative)),
      direction: planCell(directionCell),
      floor: planCell(orDefault(nonNegative, DEFAULT_METRIC_FLOOR)),
      cap: planCell(orDefault(aboveZero, DEFAULT_METRIC_CAP)),
    })
    .check(
      z.superRefine((row, context) => {
        if (row.cap >= row.floor) return;
        context.issues.push({ code: "custom", message: "plan_cap_below_floor", path: ["cap"], input: row.cap, params: { value: row.cap, floor: row.floor } });
      }),
    );
  return {
    metric,
    bonus: z.object({ key: text, driver: planCell(bonusDriverCell), mode: planCell(modeCell), gate: optionalNonNegative, maxRate: optionalNonNegative }),
    commission: z.object({ key: text, driver: planCell(commissionMetricCell), mode: planCell(modeCell), gate: optionalNonNegative, maxRate: optionalNonNegative }),
    tier: z.object({ key: text, bound: planCell(required(nonNegative)), rate: planCell(required(nonNegative)) }),
    ramp: z.object({ key: planCell(required(wholeNumberFrom(1, 600, "a month of tenure: 1, 2, 3…"))), value: planCell(required(aboveZero)) }),
    training: z.object({ key: planCell(metricKeyCell), value: text }),
    settingKey: z.object({ key: planCell(settingKeyCell) }),
    settingValue: {
      target_bonus: z.object({ value: planCell(required(nonNegative)) }),
      payout_period: z.object({ value: planCell(required(payoutPeriodCell)) }),
      fiscal_year_start: z.object({ value: planCell(required(wholeNumberFrom(1, 12, "1-12"))) }),
      currency: z.object({ value: planCell(currencyCell) }),
      language: z.object({ value: planCell(languageCell) }),
      promote_score: z.object({ value: planCell(required(nonNegative)) }),
      promote_periods: z.object({ value: planCell(required(countOfPeriods)) }),
      support_score: z.object({ value: planCell(required(nonNegative)) }),
      support_periods: z.object({ value: planCell(required(countOfPeriods)) }),
    } satisfies Record<PlanSettingKey, z.ZodMiniType>,
  };
}

type RowSchemas = ReturnType<typeof buildRowSchemas>;

let rowSchemasBuilt: RowSchemas | null = null;

function rowSchemas(): RowSchemas {
  if (rowSchemasBuilt === null) rowSchemasBuilt = buildRowSchemas();
  return rowSchemasBuilt;
}

type SettingValue = { [K in PlanSettingKey]: { setting: K; value: z.output<RowSchemas["settingValue"][K]>["value"] } }[PlanSettingKey];

/** A row after its cells were read: what it declares, and where. */
type PlanRow = RowPlace &
  (
    | { kind: "metric"; spec: MetricSpec }
    | { kind: "component"; component: PayComponent }
    | { kind: "tier"; name: string; tier: Tier }
    | { kind: "ramp"; month: number; multiplier: number }
    | { kind: "setting"; entry: SettingValue }
    | { kind: "training"; metric: string; topic: string }
  );

interface RowPlace {
  row: number;
  type: PlanRowType;
  /** The role as written ("" for the base). */
  role: string;
  roleKey: string;
  /** The Key cell as written, for messages. */
  keyText: string;
}

/**
 * Reads one row into what it declares; null (with problems reported) when a
 * cell is wrong. Returns the row's place even then, so later checks know the
 * item exists and do not report it missing as well.
 */
function readRow(line: SheetLine, manual: ManualMetrics, reporter: VersionReporter): { place: RowPlace | null; row: PlanRow | null } {
  const type = readRowType(line, reporter);
  if (type === null) return { place: null, row: null };
  const roleText = textOf(line.cells.role);
  const role = typeof roleText === "string" && roleKey(roleText) !== "" ? roleText : "";
  const place: RowPlace = { row: line.row, type, role, roleKey: roleKey(role), keyText: displayValue(line.cells.key) };
  return { place, row: readTypedRow(line, place, manual, reporter) };
}

/** The direction of each manual metric the version declares (the first `manual` row's). */
type ManualMetrics = ReadonlyMap<string, Direction>;

/**
 * Looks ahead at the version's `manual` rows, so that a `metric` row may name
 * a manual metric declared on any row (a role removing `csat` need not repeat
 * its direction).
 */
function manualMetricsOf(lines: SheetLine[]): ManualMetrics {
  const manual = new Map<string, Direction>();
  for (const line of lines) {
    const type = ROW_TYPES.get(wordOf(line.cells.type));
    const key = textOf(line.cells.key);
    const direction = textOf(line.cells.direction);
    if (type !== "manual" || typeof key !== "string" || typeof direction !== "string") continue;
    const parsed = parseDirection(direction);
    const metric = metricKeyOf(key);
    if (parsed && !manual.has(metric)) manual.set(metric, parsed);
  }
  return manual;
}

function readRowType(line: SheetLine, reporter: VersionReporter): PlanRowType | null {
  const text = textOf(line.cells.type);
  if (text === null) {
    reporter.report(line.row, "type", "plan_blank");
    return null;
  }
  const type = isCellIssue(text) ? undefined : ROW_TYPES.get(wordOf(text));
  if (type === undefined) reporter.report(line.row, "type", "plan_unknown_type", { value: displayValue(line.cells.type), allowed: TYPE_ALLOWED });
  return type ?? null;
}

function readTypedRow(line: SheetLine, place: RowPlace, manual: ManualMetrics, reporter: VersionReporter): PlanRow | null {
  switch (place.type) {
    case "metric":
    case "manual":
      return metricRow(line, place, manual, reporter);
    case "bonus": {
      const cells = parseCells(rowSchemas().bonus, line, reporter);
      if (!cells) return null;
      const { key, driver, mode, gate, maxRate } = cells;
      return { ...place, kind: "component", component: { kind: "target_bonus", key, driver, mode, tiers: [], gate, maxRate } };
    }
    case "commission": {
      const cells = parseCells(rowSchemas().commission, line, reporter);
      if (!cells) return null;
      const { key, driver, mode, gate, maxRate } = cells;
      return { ...place, kind: "component", component: { kind: "commission", key, metric: driver, mode, tiers: [], gate, maxRate } };
    }
    case "tier": {
      const cells = parseCells(rowSchemas().tier, line, reporter);
      return cells ? { ...place, kind: "tier", name: cells.key, tier: { bound: cells.bound, rate: cells.rate } } : null;
    }
    case "ramp": {
      const cells = parseCells(rowSchemas().ramp, line, reporter);
      return cells ? { ...place, kind: "ramp", month: cells.key, multiplier: cells.value } : null;
    }
    case "setting":
      return settingRow(line, place, reporter);
    case "training": {
      const cells = parseCells(rowSchemas().training, line, reporter);
      return cells ? { ...place, kind: "training", metric: cells.key, topic: cells.value } : null;
    }
  }
}

/**
 * A `metric` row names a built-in metric, or a manual one declared on a
 * `manual` row of the version, whose direction it then must not contradict;
 * a `manual` row declares a metric with its direction.
 */
function metricRow(line: SheetLine, place: RowPlace, manualMetrics: ManualMetrics, reporter: VersionReporter): PlanRow | null {
  const cells = parseCells(rowSchemas().metric, line, reporter);
  if (!cells) return null;
  const declaring = place.type === "manual";
  const builtIn = builtInMetric(cells.key);
  const declared = declaring ? undefined : manualMetrics.get(cells.key);
  if (!declaring && !builtIn && !declared) {
    reporter.report(line.row, "key", "plan_unknown_metric", { metric: cells.key });
    return null;
  }
  if (declaring && builtIn) {
    reporter.report(line.row, "key", "plan_manual_built_in", { metric: cells.key });
    return null;
  }
  if (declaring && cells.direction === null) {
    reporter.report(line.row, "direction", "plan_blank");
    return null;
  }
  const fixed = builtIn?.direction ?? declared;
  if (fixed && cells.direction !== null && cells.direction !== fixed) {
    reporter.report(line.row, "direction", "plan_direction_mismatch", { value: displayValue(line.cells.direction), metric: cells.key });
    return null;
  }
  const direction = fixed ?? (cells.direction as Direction);
  const spec: MetricSpec = { key: cells.key, weight: cells.weight, direction, floor: cells.floor, cap: cells.cap, manual: !builtIn };
  return { ...place, kind: "metric", spec };
}

function settingRow(line: SheetLine, place: RowPlace, reporter: VersionReporter): PlanRow | null {
  const key = parseCells(rowSchemas().settingKey, line, reporter);
  if (!key) return null;
  const setting = key.key;
  const cells = parseCells(rowSchemas().settingValue[setting], line, reporter);
  if (!cells) return null;
  return { ...place, kind: "setting", entry: { setting, value: cells.value } as SettingValue };
}

/** Parses a row's cells with a schema; each issue becomes a problem on its field's cell. */
function parseCells<S extends z.ZodMiniType>(schema: S, line: SheetLine, reporter: VersionReporter): z.output<S> | null {
  const result = schema.safeParse(line.cells);
  if (result.success) return result.data as z.output<S>;
  for (const issue of result.error.issues) {
    const field = (issue.path[0] ?? "key") as PlanColumn;
    const params = (issue as { params?: Args }).params ?? {};
    const code = PLAN_CODES.has(issue.message) ? (issue.message as ProblemCode) : "plan_bad_value";
    reporter.report(line.row, field, code, { value: displayValue(line.cells[field]), expected: "", ...params });
  }
  return null;
}

// The codes the cell readers raise; any other zod message is read as a bad value.
const PLAN_CODES: ReadonlySet<string> = new Set<ProblemCode>([
  "plan_blank", "plan_bad_number", "plan_negative", "plan_bad_value", "plan_unknown_mode", "plan_bad_driver",
  "plan_team_driver_not_additive", "plan_commission_driver", "plan_unknown_setting", "plan_cap_below_floor",
]);

// ---------------------------------------------------------------------------
// Building a version.

interface BuiltVersion {
  version: PlanVersion;
  /** The row of the base fiscal_year_start setting, when the version has one. */
  fiscalYearRow: number | null;
  reporter: VersionReporter;
}

interface Placed<T> {
  item: T;
  row: PlanRow;
}

/** A variant while it is built: its items with the rows that declared them, for messages. */
interface VariantDraft {
  role: string;
  roleKey: string;
  metrics: Placed<MetricSpec>[];
  components: Placed<PayComponent>[];
  targetBonus: number | null;
  ramp: number[];
}

function buildVersion(group: VersionLines, sheet: PlanSheet): BuiltVersion {
  const reporter = versionReporter(sheet, group.effectiveFrom);
  const manual = manualMetricsOf(group.lines);
  const read = group.lines.map((line) => readRow(line, manual, reporter));
  const failed = failedItems(read);
  const knownMetrics = new Set([...BUILT_IN_METRICS.map((metric) => metric.key), ...declaredManualMetrics(read)]);
  const rows = withoutRoleOnlyMistakes(withoutDuplicates(read.flatMap((entry) => (entry.row ? [entry.row] : [])), reporter), reporter);
  const tiers = tierTables(rows, reporter);
  const roles = rolesOf(rows);
  const base = buildVariant(roles.get("") ?? emptyBase(), null, tiers, failed, reporter);
  const variants: Record<string, VariantDraft> = {};
  for (const [key, role] of roles) if (key !== "") variants[key] = buildVariant(role, base, tiers, failed, reporter);
  const drafts = [base, ...Object.values(variants)];
  reportOrphanTiers(tiers, failed, reporter);
  if (failed.metrics.size === 0) checkMetricCount(drafts, group, reporter);
  checkDrivers(drafts, knownMetrics, failed, reporter);
  warnOfMissingTargetBonus(drafts, reporter);
  const { settings, fiscalYearRow } = settingsOf(roles.get("") ?? emptyBase(), knownMetrics, reporter);
  const version: PlanVersion = {
    effectiveFrom: group.effectiveFrom,
    row: group.lines[0].row,
    base: finishVariant(base),
    variants: Object.fromEntries(Object.entries(variants).map(([key, draft]) => [key, finishVariant(draft)])),
    settings,
    valid: reporter.errorCount() === 0,
  };
  return { version, fiscalYearRow, reporter };
}

/**
 * Items whose row has a wrong cell: already reported, so checks that would
 * find them missing (a tier row's component, a driver's metric) stay quiet.
 */
interface FailedItems {
  metrics: Set<string>;
  /** Role key and component name key. */
  components: Set<string>;
  /** Role key and component name key of a tier row. */
  tiers: Set<string>;
}

function failedItems(read: { place: RowPlace | null; row: PlanRow | null }[]): FailedItems {
  const failed: FailedItems = { metrics: new Set(), components: new Set(), tiers: new Set() };
  for (const { place, row } of read) {
    if (!place || row) continue;
    if (place.type === "metric" || place.type === "manual") failed.metrics.add(metricKeyOf(place.keyText));
    if (place.type === "bonus" || place.type === "commission") failed.components.add(place.roleKey + "\u0000" + nameKey(place.keyText));
    if (place.type === "tier") failed.tiers.add(place.roleKey + "\u0000" + nameKey(place.keyText));
  }
  return failed;
}

/** Manual metrics the version declares, also on rows with a wrong cell (those are reported already). */
function declaredManualMetrics(read: { place: RowPlace | null }[]): string[] {
  return read.flatMap(({ place }) => (place && place.type === "manual" && place.keyText !== "" ? [metricKeyOf(place.keyText)] : []));
}

/** The identity of an item within a role: one metric, component, setting, ramp month or training topic per key. */
function itemId(row: PlanRow): string | null {
  switch (row.kind) {
    case "metric":
      return "metric:" + row.spec.key;
    case "component":
      return "component:" + nameKey(row.component.key);
    case "setting":
      return "setting:" + row.entry.setting;
    case "ramp":
      return "ramp:" + row.month;
    case "training":
      return "training:" + row.metric;
    case "tier":
      return null;
  }
}

function withoutDuplicates(rows: PlanRow[], reporter: VersionReporter): PlanRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const id = itemId(row);
    if (id === null) return true;
    const scoped = row.roleKey + "\u0000" + id;
    if (!seen.has(scoped)) {
      seen.add(scoped);
      return true;
    }
    reporter.report(row.row, "key", "plan_duplicate_item", { key: row.keyText, role: roleLabel(row.role) });
    return false;
  });
}

/** Settings other than target_bonus, and training topics, hold for every role. */
function withoutRoleOnlyMistakes(rows: PlanRow[], reporter: VersionReporter): PlanRow[] {
  return rows.filter((row) => {
    const perRoleAllowed = row.kind === "setting" ? row.entry.setting === "target_bonus" : row.kind !== "training";
    if (row.roleKey === "" || perRoleAllowed) return true;
    reporter.report(row.row, "role", "plan_not_per_role", { key: row.keyText });
    return false;
  });
}

function roleLabel(role: string): string {
  return role === "" ? "*" : role;
}

/** Component names are matched trimmed and case-insensitively, as roles are. */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

interface RoleRows {
  role: string;
  roleKey: string;
  rows: PlanRow[];
}

function emptyBase(): RoleRows {
  return { role: "", roleKey: "", rows: [] };
}

/** Rows per role, in sheet order; the base ("") first. */
function rolesOf(rows: PlanRow[]): Map<string, RoleRows> {
  const roles = new Map<string, RoleRows>([["", emptyBase()]]);
  for (const row of rows) {
    const role = roles.get(row.roleKey) ?? { role: row.role, roleKey: row.roleKey, rows: [] };
    role.rows.push(row);
    roles.set(row.roleKey, role);
  }
  return roles;
}

/** A tier table: the tier rows of one component and role, in sheet order. */
interface TierTable {
  roleKey: string;
  nameKey: string;
  rows: PlanRow[];
  tiers: Tier[];
  used: boolean;
}

function tierTables(rows: PlanRow[], reporter: VersionReporter): Map<string, TierTable> {
  const tables = new Map<string, TierTable>();
  for (const row of rows) {
    if (row.kind !== "tier") continue;
    const id = row.roleKey + "\u0000" + nameKey(row.name);
    const table = tables.get(id) ?? { roleKey: row.roleKey, nameKey: nameKey(row.name), rows: [], tiers: [], used: false };
    table.rows.push(row);
    table.tiers.push(row.tier);
    tables.set(id, table);
  }
  for (const table of tables.values()) checkTierOrder(table, reporter);
  return tables;
}

/** Bounds must rise strictly (an error on the Bound cell); falling rates are a warning on the Rate cell. */
function checkTierOrder(table: TierTable, reporter: VersionReporter): void {
  const problems = validateTiers(table.tiers);
  // Rates "falling as the bound rises" mean nothing while the bounds are out of order.
  const boundsInOrder = !problems.some((problem) => problem.code === "bound_not_ascending");
  for (const problem of problems) {
    if (problem.index === null) continue;
    const row = table.rows[problem.index];
    const key = row.keyText;
    if (problem.code === "bound_not_ascending") reporter.report(row.row, "bound", "plan_not_ascending", { key });
    if (problem.code === "rate_decreasing" && boundsInOrder) reporter.report(row.row, "rate", "plan_decreasing_rates", { key }, "warning");
  }
}

function tierTableOf(tables: Map<string, TierTable>, role: string, name: string): TierTable | undefined {
  return tables.get(role + "\u0000" + nameKey(name));
}

/**
 * One role's variant: the base items with the role's rows laid over them
 * (null base = building the base itself). A role's metric replaces the base
 * metric of that key where it stands (weight 0 removes it); a role's bonus or
 * commission replaces the base component, with the role's tier rows for it or
 * else the base's; role tier rows alone replace a base component's tiers; a
 * role's ramp rows replace the whole base ramp.
 */
function buildVariant(
  role: RoleRows,
  base: VariantDraft | null,
  tables: Map<string, TierTable>,
  failed: FailedItems,
  reporter: VersionReporter,
): VariantDraft {
  const draft: VariantDraft = {
    role: role.role,
    roleKey: role.roleKey,
    metrics: base ? [...base.metrics] : [],
    components: base ? [...base.components] : [],
    targetBonus: base ? base.targetBonus : null,
    ramp: base ? base.ramp : [],
  };
  for (const row of role.rows) {
    if (row.kind === "metric") layMetric(draft, row.spec, row);
    if (row.kind === "component") layComponent(draft, row.component, row, base, tables, failed, reporter);
    if (row.kind === "setting" && row.entry.setting === "target_bonus") draft.targetBonus = row.entry.value;
  }
  if (base) replaceTiersOfBaseComponents(draft, tables);
  const ramp = role.rows.flatMap((row) => (row.kind === "ramp" ? [row] : []));
  if (ramp.length > 0) draft.ramp = rampOf(ramp, reporter);
  return draft;
}

function layMetric(draft: VariantDraft, spec: MetricSpec, row: PlanRow): void {
  const at = draft.metrics.findIndex((placed) => placed.item.key === spec.key);
  if (at >= 0 && spec.weight > 0) draft.metrics[at] = { item: spec, row };
  else if (at >= 0) draft.metrics.splice(at, 1);
  else if (spec.weight > 0) draft.metrics.push({ item: spec, row });
}

function layComponent(
  draft: VariantDraft,
  component: PayComponent,
  row: PlanRow,
  base: VariantDraft | null,
  tables: Map<string, TierTable>,
  failed: FailedItems,
  reporter: VersionReporter,
): void {
  const own = tierTableOf(tables, draft.roleKey, component.key);
  const baseComponent = base?.components.find((placed) => nameKey(placed.item.key) === nameKey(component.key))?.item;
  // A role's component keeps the base tiers only when it is the same kind of component.
  const inherited = baseComponent && baseComponent.kind === component.kind ? baseComponent.tiers : null;
  if (own) own.used = true;
  const tiers = own ? own.tiers : inherited;
  const tierRowFailed = failed.tiers.has(draft.roleKey + "\u0000" + nameKey(component.key));
  if (tiers === null && !tierRowFailed) reporter.report(row.row, "key", "plan_no_tiers", { key: row.keyText });
  const placed = { item: { ...component, tiers: tiers ?? [] }, row };
  const at = draft.components.findIndex((existing) => nameKey(existing.item.key) === nameKey(component.key));
  if (at >= 0) draft.components[at] = placed;
  else draft.components.push(placed);
}

/** Role tier rows for a component the role inherits from the base: the role's tiers, the base's everything else. */
function replaceTiersOfBaseComponents(draft: VariantDraft, tables: Map<string, TierTable>): void {
  draft.components = draft.components.map((placed) => {
    if (placed.row.roleKey === draft.roleKey) return placed;
    const own = tierTableOf(tables, draft.roleKey, placed.item.key);
    if (!own) return placed;
    own.used = true;
    return { item: { ...placed.item, tiers: own.tiers }, row: placed.row };
  });
}

/** Ramp multipliers by tenure month; months must run 1, 2, 3... without gaps. */
function rampOf(rows: PlanRow[], reporter: VersionReporter): number[] {
  const months = rows.flatMap((row) => (row.kind === "ramp" ? [{ row, month: row.month, multiplier: row.multiplier }] : []));
  months.sort((a, b) => a.month - b.month);
  const gap = months.findIndex((entry, index) => entry.month !== index + 1);
  if (gap >= 0) reporter.report(months[gap].row.row, "key", "plan_ramp_gap", { month: months[gap].month, missing: gap + 1 });
  return months.map((entry) => entry.multiplier);
}

/** Tier rows that no component of their role (or, for a role, of the base) takes. */
function reportOrphanTiers(tables: Map<string, TierTable>, failed: FailedItems, reporter: VersionReporter): void {
  for (const table of tables.values()) {
    const componentFailed =
      failed.components.has(table.roleKey + "\u0000" + table.nameKey) || failed.components.has("\u0000" + table.nameKey);
    if (table.used || componentFailed) continue;
    const first = table.rows[0];
    reporter.report(first.row, "key", "plan_tier_without_component", { key: first.keyText });
  }
}

function checkMetricCount(drafts: VariantDraft[], group: VersionLines, reporter: VersionReporter): void {
  const [base, ...roles] = drafts;
  if (base.metrics.length === 0) reporter.report(group.lines[0].row, "effectiveFrom", "plan_no_metrics");
  for (const role of roles) {
    if (role.metrics.length > 0 || base.metrics.length === 0) continue;
    const firstRow = group.lines.find((line) => {
      const text = textOf(line.cells.role);
      return typeof text === "string" && roleKey(text) === role.roleKey;
    });
    reporter.report(firstRow ? firstRow.row : group.lines[0].row, "role", "plan_role_no_metrics", { role: role.role });
  }
}

/**
 * A bonus on a metric's attainment needs that metric scored for the rep's
 * role (the engine takes the attainment from the scorecard); a bonus on team
 * attainment needs it scored for some role (the team members').
 */
function checkDrivers(drafts: VariantDraft[], knownMetrics: Set<string>, failed: FailedItems, reporter: VersionReporter): void {
  const reported = new Set<number>();
  const scoredAnywhere = new Set(drafts.flatMap((draft) => draft.metrics.map((placed) => placed.item.key)));
  for (const draft of drafts) {
    for (const { item, row } of draft.components) {
      if (item.kind !== "target_bonus" || item.driver.kind === "score" || reported.has(row.row)) continue;
      const { metric } = item.driver;
      if (failed.metrics.has(metric)) continue;
      const scored = item.driver.kind === "attainment" ? draft.metrics.some((placed) => placed.item.key === metric) : scoredAnywhere.has(metric);
      if (scored) continue;
      reported.add(row.row);
      const value = displayValue(driverText(item.driver));
      if (!knownMetrics.has(metric)) reporter.report(row.row, "driver", "plan_unknown_metric", { metric });
      else reporter.report(row.row, "driver", "plan_driver_not_scored", { value, metric, role: roleLabel(draft.role) });
    }
  }
}

function driverText(driver: BonusDriver): string {
  return driver.kind === "score" ? "score" : driver.kind + ":" + driver.metric;
}

function warnOfMissingTargetBonus(drafts: VariantDraft[], reporter: VersionReporter): void {
  const warned = new Set<number>();
  for (const draft of drafts) {
    if (draft.targetBonus !== null) continue;
    for (const { item, row } of draft.components) {
      if (item.kind !== "target_bonus" || warned.has(row.row)) continue;
      warned.add(row.row);
      reporter.report(row.row, "key", "plan_no_target_bonus", { key: row.keyText }, "warning");
    }
  }
}

function finishVariant(draft: VariantDraft): PlanVariant {
  return {
    role: draft.role,
    metrics: draft.metrics.map((placed) => placed.item),
    components: draft.components.map((placed) => placed.item),
    targetBonus: draft.targetBonus ?? 0,
    ramp: draft.ramp,
  };
}

/** The version's settings: its base setting and training rows over the defaults. */
function settingsOf(base: RoleRows, knownMetrics: Set<string>, reporter: VersionReporter): { settings: PlanSettings; fiscalYearRow: number | null } {
  const settings = defaultSettings();
  let fiscalYearRow: number | null = null;
  for (const row of base.rows) {
    if (row.kind === "setting") {
      applySetting(settings, row.entry);
      if (row.entry.setting === "fiscal_year_start") fiscalYearRow = row.row;
    }
    if (row.kind === "training") {
      if (knownMetrics.has(row.metric)) settings.training[row.metric] = planTrainingTopic(row.topic);
      else reporter.report(row.row, "key", "plan_unknown_metric", { metric: row.metric });
    }
  }
  return { settings, fiscalYearRow };
}

function applySetting(settings: PlanSettings, entry: SettingValue): void {
  switch (entry.setting) {
    case "target_bonus":
      return; // Per variant, not a version setting.
    case "payout_period":
      settings.payoutPeriod = entry.value;
      return;
    case "fiscal_year_start":
      settings.fiscalYearStartMonth = entry.value;
      return;
    case "currency":
      settings.currency = entry.value;
      return;
    case "language":
      settings.language = entry.value;
      return;
    case "promote_score":
      settings.signals.promoteScore = entry.value;
      return;
    case "promote_periods":
      settings.signals.promotePeriods = entry.value;
      return;
    case "support_score":
      settings.signals.supportScore = entry.value;
      return;
    case "support_periods":
      settings.signals.supportPeriods = entry.value;
      return;
  }
}

/**
 * Quarters and years follow one fiscal year start for all time (see
 * `fiscalYearStart`): a later valid version that says otherwise is warned
 * about on its setting's cell (or its first row when it leaves it out).
 */
function warnOfFiscalYearChanges(book: BuiltVersion[]): void {
  const first = book.findIndex((built) => built.version.valid);
  if (first < 0) return;
  const expected = book[first].version.settings.fiscalYearStartMonth;
  for (const built of book.slice(first + 1)) {
    const value = built.version.settings.fiscalYearStartMonth;
    if (!built.version.valid || value === expected) continue;
    const args = { value, first: expected };
    if (built.fiscalYearRow !== null) built.reporter.report(built.fiscalYearRow, "value", "plan_fiscal_year_ignored", args, "warning");
    else built.reporter.report(built.version.row, "effectiveFrom", "plan_fiscal_year_ignored", args, "warning");
  }
}
