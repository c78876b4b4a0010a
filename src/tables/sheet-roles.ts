/**
 * The sheets a Sales Scorecard workbook holds, by role, with their default
 * names (the README lists them). Lives in tables, below the add-on, so the
 * sidebar's contract and the local tools can name sheets without importing
 * Apps Script code.
 */

/**
 * Default sheet names, by role; the add-on's settings let a person rename each.
 *
 * @example
 * DEFAULT_SHEET_NAMES.runLog; // "Run log"
 */
export const DEFAULT_SHEET_NAMES = {
  reps: "Reps",
  sales: "Sales",
  targets: "Targets",
  scores: "Scores",
  adjustments: "Adjustments",
  plan: "Plan",
  results: "Results",
  payouts: "Payouts",
  reviews: "Reviews",
  dashboard: "Dashboard",
  runLog: "Run log",
  problems: "Problems",
} as const;

/** What a sheet is for (`sales`, `runLog`, ...), whatever a person named it. */
export type SheetRole = keyof typeof DEFAULT_SHEET_NAMES;
