/**
 * The variants of one version: the base items, and for each role the base
 * with the role's rows laid over it (metrics replaced or removed, components
 * replaced with their tiers, the ramp replaced), then the checks that need
 * every variant at once (metric counts, bonus drivers, target bonuses).
 *
 * Separate because role overrides are the one place where rows of different
 * roles meet; the rows themselves are read in `plan-rows.ts` and the version
 * is assembled in `plan-versions.ts`.
 */
import { roleKey } from "../core/plan-lookup";
import type { BonusDriver, MetricSpec, PayComponent, PlanVariant } from "../core/plan-model";
import { displayValue } from "./cell-values";
import { textOf } from "./plan-cells";
import { nameKey, type FailedItems } from "./plan-items";
import { roleLabel, type PlanRow, type RoleRows } from "./plan-rows";
import type { VersionLines, VersionReporter } from "./plan-sheet";
import { tierTableOf, type TierTable } from "./plan-tiers";

interface Placed<T> {
  item: T;
  row: PlanRow;
}

/** A variant while it is built: its items with the rows that declared them, for messages. */
export interface VariantDraft {
  role: string;
  roleKey: string;
  metrics: Placed<MetricSpec>[];
  components: Placed<PayComponent>[];
  targetBonus: number | null;
  ramp: number[];
}

/**
 * One role's variant: the base items with the role's rows laid over them
 * (null base = building the base itself). A role's metric replaces the base
 * metric of that key where it stands (weight 0 removes it); a role's bonus or
 * commission replaces the base component, with the role's tier rows for it or
 * else the base's; role tier rows alone replace a base component's tiers; a
 * role's ramp rows replace the whole base ramp.
 *
 * @example
 * const base = buildVariant(roles.get("")!, null, tables, failed, reporter);
 * const se = buildVariant(roles.get("se")!, base, tables, failed, reporter);
 * se.metrics.map((placed) => placed.item.key); // the base metrics, with SE's weights where SE has rows
 */
export function buildVariant(
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
  const months = rows.flatMap((row) =>
    row.kind === "ramp" ? [{ row, month: row.month, multiplier: row.multiplier }] : [],
  );
  months.sort((a, b) => a.month - b.month);
  const gap = months.findIndex((entry, index) => entry.month !== index + 1);
  if (gap >= 0)
    reporter.report(months[gap].row.row, "key", "plan_ramp_gap", { month: months[gap].month, missing: gap + 1 });
  return months.map((entry) => entry.multiplier);
}

/**
 * Every version scores some metric, and so does every role's variant when
 * the base does (`plan_no_metrics`, `plan_role_no_metrics`).
 *
 * @example
 * checkMetricCount([base, seRemovingEveryMetric], group, reporter); // plan_role_no_metrics on SE's first row
 */
export function checkMetricCount(drafts: VariantDraft[], group: VersionLines, reporter: VersionReporter): void {
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
 *
 * @example
 * // Base scores revenue; SE removes it but keeps the bonus on attainment:revenue.
 * checkDrivers([base, se], knownMetrics, failed, reporter); // plan_driver_not_scored on the Driver cell of the bonus row
 */
export function checkDrivers(
  drafts: VariantDraft[],
  knownMetrics: Set<string>,
  failed: FailedItems,
  reporter: VersionReporter,
): void {
  const reported = new Set<number>();
  const scoredAnywhere = new Set(drafts.flatMap((draft) => draft.metrics.map((placed) => placed.item.key)));
  for (const draft of drafts) {
    for (const { item, row } of draft.components) {
      if (item.kind !== "target_bonus" || item.driver.kind === "score" || reported.has(row.row)) continue;
      const { metric } = item.driver;
      if (failed.metrics.has(metric)) continue;
      const scored =
        item.driver.kind === "attainment"
          ? draft.metrics.some((placed) => placed.item.key === metric)
          : scoredAnywhere.has(metric);
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

/**
 * A target bonus needs a target bonus amount for its variant: a warning on
 * the bonus row when there is none (its payout would be 0).
 *
 * @example
 * warnOfMissingTargetBonus([base], reporter); // plan_no_target_bonus on each bonus row, when no `setting target_bonus` row
 */
export function warnOfMissingTargetBonus(drafts: VariantDraft[], reporter: VersionReporter): void {
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

/**
 * The variant as the plan keeps it: its items without the rows they came from.
 *
 * @example
 * finishVariant(draft).targetBonus; // 0 when the variant has no target bonus
 */
export function finishVariant(draft: VariantDraft): PlanVariant {
  return {
    role: draft.role,
    metrics: draft.metrics.map((placed) => placed.item),
    components: draft.components.map((placed) => placed.item),
    targetBonus: draft.targetBonus ?? 0,
    ramp: draft.ramp,
  };
}
