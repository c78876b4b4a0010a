/**
 * What one Plan row declares: its type (metric, manual metric, bonus,
 * commission, tier, ramp month, setting or training topic), its role, and its
 * cells read by the readers of that type, with the rules of one row (a
 * metric must be built in or declared manual, its direction must agree).
 * Also the rows of each role, as the version builder takes them.
 *
 * Separate from the cell readers (`plan-cells.ts`) below it and from building
 * a version (`plan-versions.ts`) above it: a row is read here without knowing
 * the other rows, except the version's manual metrics.
 */
import { parseDirection } from "../core/attainment";
import type { PlanColumn, PlanRowType } from "../core/default-plan";
import { builtInMetric } from "../core/metric-catalog";
import { roleKey } from "../core/plan-lookup";
import type { Direction, MetricSpec, PayComponent } from "../core/plan-model";
import type { ProblemCode } from "../core/problems";
import type { Tier } from "../core/tiers";
import { displayValue } from "./cell-values";
import {
  isCellIssue,
  metricKeyOf,
  readRowCells,
  ROW_TYPES,
  rowCells,
  rowSchemaOf,
  type RowCells,
  textOf,
  TYPE_ALLOWED,
  wordOf,
  type SettingValue,
} from "./plan-cells";
import type { Args, SheetLine, VersionReporter } from "./plan-sheet";

/** A row after its cells were read: what it declares, and where. */
export type PlanRow = RowPlace &
  (
    | { kind: "metric"; spec: MetricSpec }
    | { kind: "component"; component: PayComponent }
    | { kind: "tier"; name: string; tier: Tier }
    | { kind: "ramp"; month: number; multiplier: number }
    | { kind: "setting"; entry: SettingValue }
    | { kind: "training"; metric: string; topic: string }
  );

/** Where a row stands and what it is, known even when a cell of it is wrong. */
export interface RowPlace {
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
 *
 * @example
 * readRow({ row: 4, cells: { type: "metric", key: "Revenue", weight: "60%", ... } }, manual, reporter);
 * // { place: { row: 4, type: "metric", role: "", roleKey: "", keyText: "Revenue" },
 * //   row: { ...place, kind: "metric", spec: { key: "revenue", weight: 0.6, direction: "higher", floor: 0, cap: 1.5, manual: false } } }
 */
export function readRow(
  line: SheetLine,
  manual: ManualMetrics,
  reporter: VersionReporter,
): { place: RowPlace | null; row: PlanRow | null } {
  const type = readRowType(line, reporter);
  if (type === null) return { place: null, row: null };
  const roleText = textOf(line.cells.role);
  const role = typeof roleText === "string" && roleKey(roleText) !== "" ? roleText : "";
  const place: RowPlace = { row: line.row, type, role, roleKey: roleKey(role), keyText: displayValue(line.cells.key) };
  return { place, row: readTypedRow(line, place, manual, reporter) };
}

/** The direction of each manual metric the version declares (the first `manual` row's). */
export type ManualMetrics = ReadonlyMap<string, Direction>;

/**
 * Looks ahead at the version's `manual` rows, so that a `metric` row may name
 * a manual metric declared on any row (a role removing `csat` need not repeat
 * its direction).
 *
 * @example
 * manualMetricsOf([{ row: 5, cells: { type: "manual", key: "CSAT", direction: "higher", ... } }]);
 * // Map { "csat" => "higher" }
 */
export function manualMetricsOf(lines: SheetLine[]): ManualMetrics {
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
  if (type === undefined)
    reporter.report(line.row, "type", "plan_unknown_type", {
      value: displayValue(line.cells.type),
      allowed: TYPE_ALLOWED,
    });
  return type ?? null;
}

function readTypedRow(
  line: SheetLine,
  place: RowPlace,
  manual: ManualMetrics,
  reporter: VersionReporter,
): PlanRow | null {
  switch (place.type) {
    case "metric":
    case "manual":
      return metricRow(line, place, manual, reporter);
    case "bonus": {
      const cells = parseCells(rowCells().bonus, line, reporter);
      if (!cells) return null;
      const { key, driver, mode, gate, maxRate } = cells;
      return componentRow(place, { kind: "target_bonus", key, driver, mode, tiers: [], gate, maxRate });
    }
    case "commission": {
      const cells = parseCells(rowCells().commission, line, reporter);
      if (!cells) return null;
      const { key, driver: metric, mode, gate, maxRate } = cells;
      return componentRow(place, { kind: "commission", key, metric, mode, tiers: [], gate, maxRate });
    }
    case "tier": {
      const cells = parseCells(rowCells().tier, line, reporter);
      return cells ? { ...place, kind: "tier", name: cells.key, tier: { bound: cells.bound, rate: cells.rate } } : null;
    }
    case "ramp": {
      const cells = parseCells(rowCells().ramp, line, reporter);
      return cells ? { ...place, kind: "ramp", month: cells.key, multiplier: cells.value } : null;
    }
    case "setting":
      return settingRow(line, place, reporter);
    case "training": {
      const cells = parseCells(rowCells().training, line, reporter);
      return cells ? { ...place, kind: "training", metric: cells.key, topic: cells.value } : null;
    }
  }
}

/** A `bonus` or `commission` row: its pay component, whose tiers the `tier` rows after it add. */
function componentRow(place: RowPlace, component: PayComponent): PlanRow {
  return { ...place, kind: "component", component };
}

/**
 * A `metric` row names a built-in metric, or a manual one declared on a
 * `manual` row of the version, whose direction it then must not contradict;
 * a `manual` row declares a metric with its direction.
 */
function metricRow(
  line: SheetLine,
  place: RowPlace,
  manualMetrics: ManualMetrics,
  reporter: VersionReporter,
): PlanRow | null {
  const cells = parseCells(rowCells().metric, line, reporter);
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
    reporter.report(line.row, "direction", "plan_direction_mismatch", {
      value: displayValue(line.cells.direction),
      metric: cells.key,
    });
    return null;
  }
  const direction = fixed ?? (cells.direction as Direction);
  const spec: MetricSpec = {
    key: cells.key,
    weight: cells.weight,
    direction,
    floor: cells.floor,
    cap: cells.cap,
    manual: !builtIn,
  };
  return { ...place, kind: "metric", spec };
}

function settingRow(line: SheetLine, place: RowPlace, reporter: VersionReporter): PlanRow | null {
  const key = parseCells(rowCells().settingKey, line, reporter);
  if (!key) return null;
  const setting = key.key;
  const valueCells: RowCells<{ value: SettingValue["value"] }> = rowCells().settingValue[setting];
  const cells = parseCells(valueCells, line, reporter);
  if (!cells) return null;
  return { ...place, kind: "setting", entry: { setting, value: cells.value } as SettingValue };
}

/**
 * Reads a row's cells; when one has a problem, the row's schema gives each, on its field's cell. Only a row with a
 * problem pays for building and running the schema.
 */
function parseCells<Row>(cells: RowCells<Row>, line: SheetLine, reporter: VersionReporter): Row | null {
  const row = readRowCells(cells, line.cells);
  if (row !== null) return row;
  const result = rowSchemaOf(cells).safeParse(line.cells);
  if (result.success) return result.data;
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
  "plan_blank",
  "plan_bad_number",
  "plan_too_large",
  "plan_negative",
  "plan_bad_value",
  "plan_unknown_mode",
  "plan_bad_driver",
  "plan_team_driver_not_additive",
  "plan_commission_driver",
  "plan_unknown_setting",
  "plan_cap_below_floor",
]);

// ---------------------------------------------------------------------------
// Rows per role.

/** The rows of one role (the base is role ""), as written. */
export interface RoleRows {
  role: string;
  roleKey: string;
  rows: PlanRow[];
}

/**
 * The rows of the base before any are added.
 *
 * @example
 * emptyBase(); // { role: "", roleKey: "", rows: [] }
 */
export function emptyBase(): RoleRows {
  return { role: "", roleKey: "", rows: [] };
}

/**
 * Rows per role, in sheet order; the base ("") first.
 *
 * @example
 * [...rolesOf(rows).keys()]; // ["", "se", "ae"]: the base, then roles as they first appear
 */
export function rolesOf(rows: PlanRow[]): Map<string, RoleRows> {
  const roles = new Map<string, RoleRows>([["", emptyBase()]]);
  for (const row of rows) {
    const role = roles.get(row.roleKey) ?? { role: row.role, roleKey: row.roleKey, rows: [] };
    role.rows.push(row);
    roles.set(row.roleKey, role);
  }
  return roles;
}

/**
 * A role as messages name it: `*` for the base.
 *
 * @example
 * roleLabel("");   // "*"
 * roleLabel("SE"); // "SE"
 */
export function roleLabel(role: string): string {
  return role === "" ? "*" : role;
}
