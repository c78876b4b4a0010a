/**
 * Reading the cells of a Plan row: each reader returns the value or the plan
 * problem it raises (blank, not a number, an unknown mode, driver, setting or
 * language...), with the words it accepts in English and Chinese; the cells
 * of each row type, read by plain code, and the zod schema built from the
 * same readers, which names the problems of a row that has some.
 *
 * Separate from `plan-rows.ts`, which decides what a row declares from these
 * values: this file knows cells, not rows, versions or roles.
 */
import * as z from "zod/mini";
import { parseDirection } from "../core/attainment";
import {
  DEFAULT_METRIC_CAP,
  DEFAULT_METRIC_FLOOR,
  PLAN_AUTO_VALUE,
  PLAN_DRIVER_NAMES,
  PLAN_MODE_NAMES,
  PLAN_PAYOUT_PERIOD_NAMES,
  PLAN_ROW_TYPE_NAMES,
  PLAN_SETTING_NAMES,
  type PlanSettingKey,
} from "../core/default-plan";
import type { Localized } from "../core/localized-text";
import { BUILT_IN_METRICS, metricLabel } from "../core/metric-catalog";
import { MAX_PLAN_NUMBER, MAX_PLAN_RATE } from "../core/number-text";
import type { BonusDriver, Direction, Language, PayoutPeriod } from "../core/plan-model";
import type { ProblemCode } from "../core/problems";
import { parseTierMode, type TierMode } from "../core/tiers";
import { displayValue, isCellFailure, MAX_TEXT_LENGTH, readNumberCell, readText } from "./cell-values";
import { normalizeHeader } from "./header-matching";
import type { Args } from "./plan-sheet";

// ---------------------------------------------------------------------------
// Cells: each reader returns the value or a plan problem, and zod carries the
// problem to the field (and so the cell) it came from.

/** What a cell reader returns for a cell it cannot read: the plan problem and its message's arguments. */
export interface CellIssue {
  readonly planProblem: ProblemCode;
  readonly args: Args;
}

function cellIssue(planProblem: ProblemCode, args: Args = {}): CellIssue {
  return { planProblem, args };
}

/**
 * Whether a reader's result is a plan problem rather than a value.
 *
 * @example
 * isCellIssue(textOf(" AE ")); // false
 * isCellIssue(textOf("x".repeat(2000))); // true (plan_bad_value)
 */
export function isCellIssue(value: unknown): value is CellIssue {
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

/**
 * Text of a cell, trimmed; null when blank.
 *
 * @example
 * textOf("  bonus ");         // "bonus"
 * textOf("");                 // null
 * textOf("x".repeat(2000));   // cellIssue("plan_bad_value", { ..., expected: "at most 1000 characters" })
 * textOf("#N/A");             // cellIssue("plan_bad_value", { ..., expected: "text, not an error value" })
 */
export function textOf(value: unknown): string | null | CellIssue {
  const text = readText(value);
  if (!isCellFailure(text)) return text;
  const expected =
    text.failure === "error_value" ? "text, not an error value" : "at most " + MAX_TEXT_LENGTH + " characters";
  return cellIssue("plan_bad_value", { value: displayValue(value), expected });
}

/** A number within ±bound: beyond it is `plan_too_large`, so a typo cannot overflow the pay it feeds. */
function numberOf(value: unknown, bound: number = MAX_PLAN_NUMBER): number | null | CellIssue {
  const reading = readNumberCell(value, undefined, bound);
  if (!isCellFailure(reading)) return reading;
  if (reading.failure === "number_too_large") return cellIssue("plan_too_large", reading.args);
  return cellIssue("plan_bad_number", { value: displayValue(value) });
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

function nonNegative(value: unknown, bound: number = MAX_PLAN_NUMBER): number | null | CellIssue {
  const reading = numberOf(value, bound);
  if (typeof reading === "number" && reading < 0) return cellIssue("plan_negative", { value: displayValue(value) });
  return reading;
}

/** A tier rate or a maximum rate: a multiple of an amount or of a target bonus, so bounded lower. */
function rateOf(value: unknown): number | null | CellIssue {
  return nonNegative(value, MAX_PLAN_RATE);
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
 *
 * @example
 * wordOf("Target bonus") === wordOf("TARGET-BONUS"); // true
 * wordOf(null); // ""
 */
export function wordOf(value: unknown): string {
  return normalizeHeader(typeof value === "string" ? value : String(value ?? ""));
}

function lookupOf<T extends string>(
  names: Readonly<Record<T, Localized>>,
  aliases: Readonly<Record<string, T>> = {},
): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const key of Object.keys(names) as T[]) {
    lookup.set(wordOf(key), key);
    lookup.set(wordOf(names[key].en), key);
    lookup.set(wordOf(names[key].zh), key);
  }
  for (const [alias, key] of Object.entries(aliases)) lookup.set(wordOf(alias), key);
  return lookup;
}

function allowedOf(names: Readonly<Record<string, Localized>>): string {
  const entries = Object.values(names);
  return entries.map((name) => name.en).join(", ") + " (" + entries.map((name) => name.zh).join(", ") + ")";
}

/** Row types by their word in the Type cell, English or Chinese. */
export const ROW_TYPES = lookupOf(PLAN_ROW_TYPE_NAMES, { "manual metric": "manual", 手工: "manual" });
const SETTING_KEYS = lookupOf(PLAN_SETTING_NAMES);
const MODES = lookupOf(PLAN_MODE_NAMES);
const DRIVER_WORDS = lookupOf(PLAN_DRIVER_NAMES, { 评分: "score" });
const PAYOUT_PERIODS = lookupOf(PLAN_PAYOUT_PERIOD_NAMES, {
  monthly: "month",
  quarterly: "quarter",
  yearly: "year",
  annual: "year",
  月度: "month",
  季度: "quarter",
  年度: "year",
});
const LANGUAGES = new Map<string, Language | null>([
  ["en", "en"],
  ["english", "en"],
  ["英文", "en"],
  ["英语", "en"],
  ["zh", "zh"],
  ["zhcn", "zh"],
  ["cn", "zh"],
  ["chinese", "zh"],
  ["中文", "zh"],
  ["汉语", "zh"],
  ["简体中文", "zh"],
]);
const CURRENCY_WORDS = new Map<string, string>([
  ["¥", "CNY"],
  ["￥", "CNY"],
  ["元", "CNY"],
  ["人民币", "CNY"],
  ["rmb", "CNY"],
  ["$", "USD"],
  ["美元", "USD"],
]);
/** The Value words of an on/off setting; a checkbox cell reads as TRUE or FALSE. */
const SWITCH_WORDS = new Map<string, boolean>([
  ["on", true],
  ["off", false],
  ["true", true],
  ["false", false],
  ["yes", true],
  ["no", false],
  ["是", true],
  ["否", false],
  ["开", true],
  ["关", false],
  ["开启", true],
  ["关闭", false],
]);
const AUTO_WORDS = new Set([wordOf(PLAN_AUTO_VALUE.en), wordOf(PLAN_AUTO_VALUE.zh)]);

/** The Type words a `plan_unknown_type` message lists. */
export const TYPE_ALLOWED = allowedOf(PLAN_ROW_TYPE_NAMES);
const SETTING_ALLOWED = allowedOf(PLAN_SETTING_NAMES);
const PAYOUT_ALLOWED = allowedOf(PLAN_PAYOUT_PERIOD_NAMES);
const AMOUNT_METRICS = BUILT_IN_METRICS.filter((metric) => metric.kind === "additive" && metric.money).map(
  (metric) => metric.key,
);
const ADDITIVE_METRICS = BUILT_IN_METRICS.filter((metric) => metric.kind === "additive").map((metric) => metric.key);
const DEFAULT_DRIVER_METRIC = "revenue";

/**
 * A metric key as the plan stores it: trimmed, lower case, spaces and `-` as
 * `_` (the Targets and Scores readers match the same way); a built-in
 * metric's English or Chinese name is read as its key.
 *
 * @example
 * metricKeyOf(" Deals won "); // "deals_won"
 * metricKeyOf("新客户数");    // "new_customers"
 * metricKeyOf("CSAT score");  // "csat_score"
 */
export function metricKeyOf(text: string): string {
  const name = metricName(text);
  return builtInMetricNames().get(name) ?? name;
}

function metricName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

let builtInNames: ReadonlyMap<string, string> | null = null;

/**
 * Each built-in metric's key and its English and Chinese names, as metricName writes them, to the metric's key; a
 * name two metrics share is the first's. Built once, on first use: every Plan row naming a metric looks it up.
 */
function builtInMetricNames(): ReadonlyMap<string, string> {
  if (builtInNames !== null) return builtInNames;
  const names = new Map<string, string>();
  for (const metric of BUILT_IN_METRICS) {
    for (const name of [
      metric.key,
      metricName(metricLabel(metric.key, "en")),
      metricName(metricLabel(metric.key, "zh")),
    ])
      if (!names.has(name)) names.set(name, metric.key);
  }
  builtInNames = names;
  return names;
}

function metricKeyCell(value: unknown): string | CellIssue {
  // A number, a checkbox or a date cell is never a metric's name: a value slipped a column.
  if (typeof value !== "string" && value !== null && value !== undefined) {
    return cellIssue("plan_bad_value", {
      value: displayValue(value),
      expected: "a metric key such as revenue, or a manual metric's name",
    });
  }
  const text = required(textOf)(value);
  return isCellIssue(text) ? text : metricKeyOf(text);
}

function directionCell(value: unknown): Direction | null | CellIssue {
  const text = textOf(value);
  if (text === null || isCellIssue(text)) return text;
  return (
    parseDirection(text) ??
    cellIssue("plan_bad_value", { value: displayValue(value), expected: "higher, lower (越高越好, 越低越好)" })
  );
}

function modeCell(value: unknown): TierMode | CellIssue {
  const text = textOf(value);
  if (text === null) return "step";
  if (isCellIssue(text)) return text;
  return (
    parseTierMode(text) ?? MODES.get(wordOf(text)) ?? cellIssue("plan_unknown_mode", { value: displayValue(value) })
  );
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
    return cellIssue("plan_team_driver_not_additive", {
      value: displayValue(value),
      metric,
      allowed: ADDITIVE_METRICS.join(", "),
    });
  }
  return { kind: word, metric };
}

/** The amount a commission is paid on; blank = revenue. */
function commissionMetricCell(value: unknown): string | CellIssue {
  const text = textOf(value);
  if (text === null) return DEFAULT_DRIVER_METRIC;
  if (isCellIssue(text)) return text;
  const metric = metricKeyOf(text);
  return AMOUNT_METRICS.includes(metric)
    ? metric
    : cellIssue("plan_commission_driver", { value: displayValue(value), allowed: AMOUNT_METRICS.join(", ") });
}

function payoutPeriodCell(value: unknown): PayoutPeriod | null | CellIssue {
  const text = textOf(value);
  if (text === null || isCellIssue(text)) return text;
  return (
    PAYOUT_PERIODS.get(wordOf(text)) ??
    cellIssue("plan_bad_value", { value: displayValue(value), expected: PAYOUT_ALLOWED })
  );
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
  return language !== undefined
    ? language
    : cellIssue("plan_bad_value", { value: displayValue(value), expected: "auto, en, zh" });
}

/** `on` or `off` (是 or 否, TRUE or FALSE, a checkbox). */
function switchCell(value: unknown): boolean | null | CellIssue {
  if (typeof value === "boolean") return value;
  const text = textOf(value);
  if (text === null || isCellIssue(text)) return text;
  const on = SWITCH_WORDS.get(wordOf(text));
  return on !== undefined
    ? on
    : cellIssue("plan_bad_value", { value: displayValue(value), expected: "on, off (是, 否), TRUE, FALSE" });
}

function settingKeyCell(value: unknown): PlanSettingKey | CellIssue {
  const text = required(textOf)(value);
  if (isCellIssue(text)) return text;
  return (
    SETTING_KEYS.get(wordOf(text)) ??
    cellIssue("plan_unknown_setting", { key: displayValue(value), allowed: SETTING_ALLOWED })
  );
}

const countOfPeriods = wholeNumberFrom(1, 1000, "a whole number from 1");

// ---------------------------------------------------------------------------
// Rows: the cells of each row type, read plainly, and the schema built from them.

/** How a row type's cells read: each field's reader, and optionally a rule between the fields read. */
export interface RowCells<Row> {
  readers: { [Field in keyof Row]: (value: unknown) => Row[Field] | CellIssue };
  /** A problem of the row as a whole, or null. A method, so that a setting's value cells pass for any setting's. */
  rule?(row: Row): RowIssue | null;
}

/** A rule's problem: the field whose cell it names, with the value it shows. */
interface RowIssue {
  field: string;
  planProblem: ProblemCode;
  input: unknown;
  args: Args;
}

/** The row a {@link RowCells} reads. */
type RowOf<Cells> = Cells extends RowCells<infer Row> ? Row : never;

type CellReaders = Record<string, (value: unknown) => unknown>;

/** The row that readers give: each field's value, its problems aside. */
type RowOfReaders<Readers extends CellReaders> = {
  [Field in keyof Readers]: Exclude<ReturnType<Readers[Field]>, CellIssue>;
};

function rowCellsOf<Readers extends CellReaders>(readers: Readers): RowCells<RowOfReaders<Readers>> {
  return { readers: readers as RowCells<RowOfReaders<Readers>>["readers"] };
}

function withRule<Row>(cells: RowCells<Row>, rule: (row: NoInfer<Row>) => RowIssue | null): RowCells<Row> {
  return { ...cells, rule };
}

function capNotBelowFloor(row: { cap: number; floor: number }): RowIssue | null {
  if (row.cap >= row.floor) return null;
  return {
    field: "cap",
    planProblem: "plan_cap_below_floor",
    input: row.cap,
    args: { value: row.cap, floor: row.floor },
  };
}

/**
 * The cells of each row type, by the reader of each field. Built on first use, since every custom-function call
 * loads the whole script and most never read a plan.
 */
function buildRowCells() {
  const text = required(textOf);
  return {
    metric: withRule(
      rowCellsOf({
        key: metricKeyCell,
        weight: required(nonNegative),
        direction: directionCell,
        floor: orDefault(nonNegative, DEFAULT_METRIC_FLOOR),
        cap: orDefault(aboveZero, DEFAULT_METRIC_CAP),
      }),
      capNotBelowFloor,
    ),
    bonus: rowCellsOf({ key: text, driver: bonusDriverCell, mode: modeCell, gate: nonNegative, maxRate: rateOf }),
    commission: rowCellsOf({
      key: text,
      driver: commissionMetricCell,
      mode: modeCell,
      gate: nonNegative,
      maxRate: rateOf,
    }),
    tier: rowCellsOf({ key: text, bound: required(nonNegative), rate: required(rateOf) }),
    ramp: rowCellsOf({
      key: required(wholeNumberFrom(1, 600, "a month of tenure: 1, 2, 3…")),
      value: required(aboveZero),
    }),
    training: rowCellsOf({ key: metricKeyCell, value: text }),
    settingKey: rowCellsOf({ key: settingKeyCell }),
    settingValue: {
      target_bonus: rowCellsOf({ value: required(nonNegative) }),
      payout_period: rowCellsOf({ value: required(payoutPeriodCell) }),
      fiscal_year_start: rowCellsOf({ value: required(wholeNumberFrom(1, 12, "1-12")) }),
      currency: rowCellsOf({ value: currencyCell }),
      language: rowCellsOf({ value: languageCell }),
      promote_score: rowCellsOf({ value: required(nonNegative) }),
      promote_periods: rowCellsOf({ value: required(countOfPeriods) }),
      support_score: rowCellsOf({ value: required(nonNegative) }),
      support_periods: rowCellsOf({ value: required(countOfPeriods) }),
      approval: rowCellsOf({ value: required(switchCell) }),
    } satisfies Record<PlanSettingKey, { readers: { value: unknown } }>,
  };
}

/** The cells of each row type, and of each setting's value. */
type RowCellsByType = ReturnType<typeof buildRowCells>;

let rowCellsBuilt: RowCellsByType | null = null;

/**
 * The cells of each row type, built on the first call.
 *
 * @example
 * readRowCells(rowCells().tier, { key: "Team bonus", bound: "100%", rate: "10%" });
 * // { key: "Team bonus", bound: 1, rate: 0.1 }
 */
export function rowCells(): RowCellsByType {
  if (rowCellsBuilt === null) rowCellsBuilt = buildRowCells();
  return rowCellsBuilt;
}

/**
 * A row's cells read by their readers, or null when a cell or a rule has a problem: the row's schema
 * ({@link rowSchemaOf}) then says which, on which cell. Plain code because it runs on every plan row of every
 * SCORECARD call, where building and running the schemas cost more than reading the plan.
 *
 * @example
 * readRowCells(rowCells().tier, { key: "Team bonus", bound: "100%", rate: "10%" });
 * // { key: "Team bonus", bound: 1, rate: 0.1 }
 * readRowCells(rowCells().tier, { key: "Team bonus", bound: "lots", rate: "10%" }); // null
 */
export function readRowCells<Row>(cells: RowCells<Row>, raw: Readonly<Record<string, unknown>>): Row | null {
  const row = {} as Row;
  for (const field of Object.keys(cells.readers) as (keyof Row & string)[]) {
    const value = cells.readers[field](raw[field]);
    if (isCellIssue(value)) return null;
    row[field] = value;
  }
  return cells.rule && cells.rule(row) !== null ? null : row;
}

const schemasOfCells = new WeakMap<object, z.ZodMiniType>();

/**
 * The zod schema of a row type: each field through its reader, each problem on its field, then the rule. Built on
 * first use per row type; it agrees with {@link readRowCells} (tested) and gives the problems of a row that fails.
 *
 * @example
 * rowSchemaOf(rowCells().tier).safeParse({ key: "C", bound: "lots", rate: "10%" }).error.issues[0].message;
 * // "plan_bad_number"
 */
export function rowSchemaOf<Row>(cells: RowCells<Row>): z.ZodMiniType<Row> {
  let schema = schemasOfCells.get(cells);
  if (schema === undefined) {
    schema = buildRowSchema(cells);
    schemasOfCells.set(cells, schema);
  }
  return schema as z.ZodMiniType<Row>;
}

function buildRowSchema<Row>(cells: RowCells<Row>): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of Object.keys(cells.readers) as (keyof Row & string)[])
    shape[field] = planCell(cells.readers[field]);
  const object = z.object(shape);
  const rule = cells.rule;
  if (!rule) return object;
  return object.check(
    z.superRefine((row, context) => {
      const issue = rule(row as Row);
      if (issue === null) return;
      const { field, planProblem, input, args } = issue;
      context.issues.push({ code: "custom", message: planProblem, path: [field], input, params: args });
    }),
  );
}

/**
 * The schema of each row type, and of each setting's value (see {@link rowSchemaOf}).
 *
 * @internal Exported only with {@link rowSchemas}, for plan-cells.test.ts.
 */
export type RowSchemas = {
  [Type in Exclude<keyof RowCellsByType, "settingValue">]: z.ZodMiniType<RowOf<RowCellsByType[Type]>>;
} & {
  settingValue: {
    [Setting in PlanSettingKey]: z.ZodMiniType<RowOf<RowCellsByType["settingValue"][Setting]>>;
  };
};

/**
 * The schema of each row type, built on the first call.
 *
 * @example
 * rowSchemas().tier.safeParse({ key: "Team bonus", bound: "100%", rate: "10%" });
 * // { success: true, data: { key: "Team bonus", bound: 1, rate: 0.1 } }
 * @internal Exported only for plan-cells.test.ts, which checks the schemas' bounds directly; plan reading builds a
 * row's schema only for a row with a problem.
 */
export function rowSchemas(): RowSchemas {
  const { settingValue, ...types } = rowCells();
  const schemas = {} as Record<string, unknown>;
  for (const [type, cells] of Object.entries(types)) schemas[type] = rowSchemaOf(cells as RowCells<unknown>);
  const settings = {} as Record<string, unknown>;
  for (const [setting, cells] of Object.entries(settingValue))
    settings[setting] = rowSchemaOf(cells as RowCells<unknown>);
  return { ...schemas, settingValue: settings } as RowSchemas;
}

/** A setting row's value, typed by its setting. */
export type SettingValue = {
  [K in PlanSettingKey]: { setting: K; value: RowOf<RowCellsByType["settingValue"][K]>["value"] };
}[PlanSettingKey];
