/**
 * The tier tables of one version: the `tier` rows of each component and role
 * gathered in sheet order, their bounds and rates checked, and the tables no
 * component takes reported.
 *
 * Separate because a tier table is built from many rows and taken by a
 * component of the base or of a role (`plan-variants.ts` marks it used), so
 * it belongs to neither one row nor one variant.
 */
import { validateTiers, type Tier } from "../core/tiers";
import { nameKey, type FailedItems } from "./plan-items";
import type { PlanRow } from "./plan-rows";
import type { VersionReporter } from "./plan-sheet";

/** A tier table: the tier rows of one component and role, in sheet order. */
export interface TierTable {
  roleKey: string;
  nameKey: string;
  rows: PlanRow[];
  tiers: Tier[];
  used: boolean;
}

/**
 * The tier tables of a version's rows, by role key and component name key,
 * each checked for its order.
 *
 * @example
 * // Rows: tier "Team bonus" 0 -> 0%, tier "Team bonus" 100% -> 10%
 * tierTables(rows, reporter).get("\u0000team bonus")?.tiers; // [{ bound: 0, rate: 0 }, { bound: 1, rate: 0.1 }]
 */
export function tierTables(rows: PlanRow[], reporter: VersionReporter): Map<string, TierTable> {
  const tables = new Map<string, TierTable>();
  for (const row of rows) {
    if (row.kind !== "tier") continue;
    const id = row.roleKey + "\u0000" + nameKey(row.name);
    const table = tables.get(id) ?? {
      roleKey: row.roleKey,
      nameKey: nameKey(row.name),
      rows: [],
      tiers: [],
      used: false,
    };
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
    if (problem.code === "rate_decreasing" && boundsInOrder)
      reporter.report(row.row, "rate", "plan_decreasing_rates", { key }, "warning");
  }
}

/**
 * The tier table of a component name in a role ("" for the base).
 *
 * @example
 * tierTableOf(tables, "se", "Team Bonus"); // the table of the SE rows keyed "team bonus", if any
 */
export function tierTableOf(tables: Map<string, TierTable>, role: string, name: string): TierTable | undefined {
  return tables.get(role + "\u0000" + nameKey(name));
}

/**
 * Tier rows that no component of their role (or, for a role, of the base) takes.
 *
 * @example
 * reportOrphanTiers(tables, failed, reporter); // plan_tier_without_component on the first row of each unused table
 */
export function reportOrphanTiers(
  tables: Map<string, TierTable>,
  failed: FailedItems,
  reporter: VersionReporter,
): void {
  for (const table of tables.values()) {
    const componentFailed =
      failed.components.has(table.roleKey + "\u0000" + table.nameKey) ||
      failed.components.has("\u0000" + table.nameKey);
    if (table.used || componentFailed) continue;
    const first = table.rows[0];
    reporter.report(first.row, "key", "plan_tier_without_component", { key: first.keyText });
  }
}
