/**
 * The items of one version (its metrics, components, settings, ramp months
 * and training topics) as the builder first sees them: which rows were left
 * out for a wrong cell, so that checks finding an item missing stay quiet;
 * which rows repeat an item of their role; and which hold per role what holds
 * for every role.
 *
 * Separate because these checks look at every row of the version at once,
 * before any role is laid over the base (`plan-variants.ts`).
 */
import { metricKeyOf } from "./plan-cells";
import { roleLabel, type PlanRow, type RowPlace } from "./plan-rows";
import type { VersionReporter } from "./plan-sheet";

/**
 * Items whose row has a wrong cell: already reported, so checks that would
 * find them missing (a tier row's component, a driver's metric) stay quiet.
 */
export interface FailedItems {
  metrics: Set<string>;
  /** Role key and component name key. */
  components: Set<string>;
  /** Role key and component name key of a tier row. */
  tiers: Set<string>;
}

/**
 * The items of rows that were read only as far as their place, because a
 * cell is wrong.
 *
 * @example
 * // Row 6 declares the bonus "Team bonus" with a bad Mode cell: it has a place but no row.
 * failedItems(read).components.has("\u0000team bonus"); // true
 */
export function failedItems(read: { place: RowPlace | null; row: PlanRow | null }[]): FailedItems {
  const failed: FailedItems = { metrics: new Set(), components: new Set(), tiers: new Set() };
  for (const { place, row } of read) {
    if (!place || row) continue;
    if (place.type === "metric" || place.type === "manual") failed.metrics.add(metricKeyOf(place.keyText));
    if (place.type === "bonus" || place.type === "commission")
      failed.components.add(place.roleKey + "\u0000" + nameKey(place.keyText));
    if (place.type === "tier") failed.tiers.add(place.roleKey + "\u0000" + nameKey(place.keyText));
  }
  return failed;
}

/**
 * Manual metrics the version declares, also on rows with a wrong cell (those are reported already).
 *
 * @example
 * declaredManualMetrics(read); // ["csat"] for a `manual` row keyed "CSAT", even one whose Weight is wrong
 */
export function declaredManualMetrics(read: { place: RowPlace | null }[]): string[] {
  return read.flatMap(({ place }) =>
    place && place.type === "manual" && place.keyText !== "" ? [metricKeyOf(place.keyText)] : [],
  );
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

/**
 * Leaves out a row that declares an item its role already has
 * (`plan_duplicate_item`); tier rows are never duplicates, a table has many.
 *
 * @example
 * withoutDuplicates([revenueOnRow4, revenueOnRow9], reporter); // [revenueOnRow4], plan_duplicate_item on row 9
 */
export function withoutDuplicates(rows: PlanRow[], reporter: VersionReporter): PlanRow[] {
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

/**
 * Settings other than target_bonus, and training topics, hold for every role.
 *
 * @example
 * withoutRoleOnlyMistakes([currencyForRoleSE], reporter); // [], plan_not_per_role on its Role cell
 */
export function withoutRoleOnlyMistakes(rows: PlanRow[], reporter: VersionReporter): PlanRow[] {
  return rows.filter((row) => {
    const perRoleAllowed = row.kind === "setting" ? row.entry.setting === "target_bonus" : row.kind !== "training";
    if (row.roleKey === "" || perRoleAllowed) return true;
    reporter.report(row.row, "role", "plan_not_per_role", { key: row.keyText });
    return false;
  });
}

/**
 * Component names are matched trimmed and case-insensitively, as roles are.
 *
 * @example
 * nameKey(" Team Bonus "); // "team bonus"
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
