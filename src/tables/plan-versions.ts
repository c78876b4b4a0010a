/**
 * The versions of the plan: rows grouped by their Effective from month, and
 * each group built into one complete version (its rows read, its items,
 * tiers and variants checked, its settings applied) that is valid only when
 * it has no error. Across versions, a change of fiscal year start is warned of.
 *
 * Separate because this is the order of the whole build, calling each part
 * (`plan-rows.ts`, `plan-items.ts`, `plan-tiers.ts`, `plan-variants.ts`,
 * `plan-settings.ts`) in turn; `plan-table.ts` only opens the sheet.
 */
import { BUILT_IN_METRICS } from "../core/metric-catalog";
import { periodKind } from "../core/periods";
import type { PlanVersion } from "../core/plan-model";
import type { Period } from "../core/records";
import { displayValue, isCellFailure, readPeriodCell, type DayOfInstant } from "./cell-values";
import { declaredManualMetrics, failedItems, withoutDuplicates, withoutRoleOnlyMistakes } from "./plan-items";
import { emptyBase, manualMetricsOf, readRow, rolesOf } from "./plan-rows";
import { settingsOf } from "./plan-settings";
import { versionReporter, type PlanSheet, type SheetLine, type VersionLines, type VersionReporter } from "./plan-sheet";
import { reportOrphanTiers, tierTables } from "./plan-tiers";
import {
  buildVariant,
  checkDrivers,
  checkMetricCount,
  finishVariant,
  warnOfMissingTargetBonus,
  type VariantDraft,
} from "./plan-variants";

/**
 * Groups rows by their Effective from month, earliest first. A cell that is
 * not a month cannot be placed in time: it is reported and counted, and the
 * caller marks every version invalid rather than pay by a plan that is
 * missing rows its manager wrote.
 *
 * @example
 * const { versions, unplaced } = versionsOf(lines, sheet, wallClock);
 * versions.map((version) => version.effectiveFrom); // ["", "2026-04"]: rows without a month, then those from April 2026
 * unplaced; // 0, or the count of rows whose Effective from is not a month
 */
export function versionsOf(
  lines: SheetLine[],
  sheet: PlanSheet,
  wallClock: DayOfInstant,
): { versions: VersionLines[]; unplaced: number } {
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

/** One version as built, with what the checks across versions need. */
export interface BuiltVersion {
  version: PlanVersion;
  /** The row of the base fiscal_year_start setting, when the version has one. */
  fiscalYearRow: number | null;
  reporter: VersionReporter;
}

/**
 * Builds one version from its rows and checks it; the version is valid when
 * no error was reported on its rows.
 *
 * @example
 * const { version } = buildVersion({ effectiveFrom: "", lines }, sheet);
 * version.base.metrics.map((metric) => metric.key); // ["revenue", "deals_won"]
 * version.valid; // true
 */
export function buildVersion(group: VersionLines, sheet: PlanSheet): BuiltVersion {
  const reporter = versionReporter(sheet, group.effectiveFrom);
  const manual = manualMetricsOf(group.lines);
  const read = group.lines.map((line) => readRow(line, manual, reporter));
  const failed = failedItems(read);
  const knownMetrics = new Set([...BUILT_IN_METRICS.map((metric) => metric.key), ...declaredManualMetrics(read)]);
  const rows = withoutRoleOnlyMistakes(
    withoutDuplicates(
      read.flatMap((entry) => (entry.row ? [entry.row] : [])),
      reporter,
    ),
    reporter,
  );
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
 * Quarters and years follow one fiscal year start for all time (see
 * `fiscalYearStart`): a later valid version that says otherwise is warned
 * about on its setting's cell (or its first row when it leaves it out).
 *
 * @example
 * // Version "" starts the fiscal year in January; version 2026-04 says April:
 * warnOfFiscalYearChanges(book); // plan_fiscal_year_ignored (a warning) on 2026-04's fiscal_year_start cell
 */
export function warnOfFiscalYearChanges(book: BuiltVersion[]): void {
  const first = book.findIndex((built) => built.version.valid);
  if (first < 0) return;
  const expected = book[first].version.settings.fiscalYearStartMonth;
  for (const built of book.slice(first + 1)) {
    const value = built.version.settings.fiscalYearStartMonth;
    if (!built.version.valid || value === expected) continue;
    const args = { value, first: expected };
    if (built.fiscalYearRow !== null)
      built.reporter.report(built.fiscalYearRow, "value", "plan_fiscal_year_ignored", args, "warning");
    else built.reporter.report(built.version.row, "effectiveFrom", "plan_fiscal_year_ignored", args, "warning");
  }
}
