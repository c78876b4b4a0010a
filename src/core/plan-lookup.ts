/**
 * Finding the part of a plan that applies: the version in force for a period,
 * the variant for a rep's role, and the facts that hold across versions (the
 * metric columns of Results, the manual metrics Scores may name, the fiscal
 * year start).
 */
import { DEFAULT_SETTINGS } from "./default-plan";
import { monthsOf } from "./periods";
import type { PlanBook, PlanVariant, PlanVersion } from "./plan-model";
import type { Period } from "./records";

/**
 * The version in force at a period's first month: the one with the latest
 * Effective from on or before that month ("" counts as the earliest). A
 * quarter or year therefore uses one version throughout, even when a new one
 * starts inside it. null when every version starts later. Invalid versions
 * are returned too: the caller reports them rather than falling back to
 * another version, which would pay by a plan nobody chose for that period.
 *
 * @example
 * // versions from "" and from "2026-04", fiscal year starting in January:
 * versionForPeriod(plan, "2026-03", 1)?.effectiveFrom; // ""
 * versionForPeriod(plan, "2026-Q2", 1)?.effectiveFrom; // "2026-04"
 * versionForPeriod(plan, "2026", 1)?.effectiveFrom;    // "" (the year starts in January)
 * versionForPeriod(plan, "2026", 4)?.effectiveFrom;    // "2026-04" (the fiscal year starts in April)
 */
export function versionForPeriod(plan: PlanBook, period: Period, fyStart: number): PlanVersion | null {
  const firstMonth = monthsOf(period, fyStart)[0];
  let inForce: PlanVersion | null = null;
  for (const version of plan.versions) {
    if (version.effectiveFrom === "" || version.effectiveFrom <= firstMonth) {
      if (inForce === null || version.effectiveFrom >= inForce.effectiveFrom) inForce = version;
    }
  }
  return inForce;
}

/**
 * The variant for a rep's role, matched trimmed and case-insensitively; the
 * base plan for a blank role or one the plan does not name.
 *
 * @example
 * variantForRole(version, " Manager ").role; // "manager" (the plan's spelling)
 * variantForRole(version, "intern").role;    // "" (the base plan)
 */
export function variantForRole(version: PlanVersion, role: string): PlanVariant {
  const key = roleKey(role);
  return key !== "" && Object.prototype.hasOwnProperty.call(version.variants, key)
    ? version.variants[key]
    : version.base;
}

/**
 * A role as the plan keys it: trimmed and case-folded; `*` means every role,
 * which is the base plan.
 *
 * @example
 * roleKey(" Key Account "); // "key account"
 * roleKey("*");             // ""
 */
export function roleKey(role: string): string {
  const key = role.trim().toLowerCase();
  return key === "*" ? "" : key;
}

/**
 * Every metric any version scores, in plan order: the first version's base
 * metrics, then its roles' extra metrics, then metrics that later versions
 * add. These are the metric columns of the Results sheet.
 *
 * @example
 * planMetricKeys(plan); // ["revenue", "new_customers", "win_rate", "renewal_rate", "csat", ...]
 */
export function planMetricKeys(plan: PlanBook): string[] {
  const keys = new Set<string>();
  for (const variant of allVariants(plan)) for (const metric of variant.metrics) keys.add(metric.key);
  return [...keys];
}

/**
 * The manual metrics any version declares: the keys the Scores sheet may use.
 *
 * @example
 * manualMetricKeys(plan).has("csat");    // true
 * manualMetricKeys(plan).has("revenue"); // false
 */
export function manualMetricKeys(plan: PlanBook): Set<string> {
  const keys = new Set<string>();
  for (const variant of allVariants(plan))
    for (const metric of variant.metrics) if (metric.manual) keys.add(metric.key);
  return keys;
}

/**
 * The fiscal year start month for every period: the earliest valid version's.
 * Quarters and years must not change shape from one version to the next (a
 * version starting mid-year would otherwise leave months in no quarter or in
 * two), so a later version's different value is reported by the Plan reader
 * and not used. January when no version is valid.
 *
 * @example
 * fiscalYearStart(plan); // 4 when the first valid version says fiscal_year_start 4
 */
export function fiscalYearStart(plan: PlanBook): number {
  const earliestValid = plan.versions.find((version) => version.valid);
  return earliestValid ? earliestValid.settings.fiscalYearStartMonth : DEFAULT_SETTINGS.fiscalYearStartMonth;
}

/**
 * How problems and outputs name a version: its Effective from, or `-` for the
 * version that applies from the beginning.
 *
 * @example
 * versionLabel({ effectiveFrom: "2026-04" } as PlanVersion); // "2026-04"
 * versionLabel({ effectiveFrom: "" } as PlanVersion);        // "-"
 */
export function versionLabel(version: Pick<PlanVersion, "effectiveFrom">): string {
  return version.effectiveFrom === "" ? "-" : version.effectiveFrom;
}

function allVariants(plan: PlanBook): PlanVariant[] {
  return plan.versions.flatMap((version) => [version.base, ...Object.values(version.variants)]);
}
