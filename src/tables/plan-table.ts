/**
 * Reading the `Plan` sheet (docs/sheet-formats.md#the-plan) into a {@link PlanBook}.
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
 * for managers in the README, under "The plan: the `Plan` sheet".
 *
 * This file opens the sheet and holds `readPlan` and `PLAN_HEADER_SPECS`; the
 * parts live beside it: `plan-sheet.ts` (columns, rows, where problems go),
 * `plan-cells.ts` and `plan-rows.ts` (reading a row), `plan-versions.ts`
 * (grouping rows into versions and building each), with `plan-items.ts`,
 * `plan-tiers.ts`, `plan-variants.ts` and `plan-settings.ts` for the parts of
 * a version.
 */
import { dayNumber } from "../core/calendar";
import { defaultPlanRows, PLAN_COLUMNS, type PlanColumn } from "../core/default-plan";
import type { PlanBook, PlanVariant } from "../core/plan-model";
import { problemAt, type Problem } from "../core/problems";
import type { DayOfInstant } from "./cell-values";
import { matchHeaders, type HeaderSpec } from "./header-matching";
import { defaultSettings } from "./plan-settings";
import { columnOfCell } from "../core/a1-notation";
import { openPlanSheet, planLines, problemCollector } from "./plan-sheet";
import { buildVersion, versionsOf, warnOfFiscalYearChanges } from "./plan-versions";

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
  const plan: PlanBook = {
    versions: book.map((built) => ({ ...built.version, valid: built.version.valid && unplaced === 0 })),
  };
  return { plan, problems: collector.sorted() };
}

/**
 * The columns the reader looks for, as header matching wants them: only Type
 * and Key are required, so a plan without bonuses needs no Driver column.
 *
 * @example
 * PLAN_HEADER_SPECS.find((spec) => spec.field === "maxRate")?.zhHeader; // "最高倍数"
 */
const PLAN_HEADER_SPECS: readonly HeaderSpec<PlanColumn>[] = PLAN_COLUMNS.map((column) => ({
  field: column.column,
  header: column.header.en,
  zhHeader: column.header.zh,
  required: column.required,
}));

// ---------------------------------------------------------------------------
// The default plan.

function defaultPlanFor(sheetName: string, options: PlanTableOptions): PlanTable {
  const { plan, problems } = readPlan(defaultPlanRows("en"), sheetName, options);
  return { plan, problems: [problemAt(sheetName, "A1", "plan_default_used", {}, "warning"), ...problems] };
}

/** A plan that computes nothing, for a sheet that cannot be read at all. */
function unusablePlan(row: number): PlanBook {
  const base: PlanVariant = { role: "", metrics: [], components: [], targetBonus: 0, ramp: [] };
  return { versions: [{ effectiveFrom: "", row, base, variants: {}, settings: defaultSettings(), valid: false }] };
}

// Without the spreadsheet's wall clock, a date reads as the script's zone shows it.
const scriptWallClock: DayOfInstant = (instantMs) => {
  const date = new Date(instantMs);
  return { day: dayNumber(date.getFullYear(), date.getMonth() + 1, date.getDate()) };
};
