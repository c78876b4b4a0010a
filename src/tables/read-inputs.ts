/**
 * Reading the input sheets into typed records (product-spec section 1).
 *
 * Each sheet's row is defined once, as a map from field to cell reader; the
 * zod schema of a row is built from that map (zod at the edge, as the
 * architecture asks) and validates the rows of the small sheets. Sales can
 * hold a million rows, where zod's per-row cost is too high, so Sales rows go
 * through a plain loop over the same readers: one definition, two engines, and
 * a test that they agree.
 *
 * Rules beyond single cells (duplicates, unknown reps, end before start) are
 * applied after the cells are read. Every problem names its sheet and cell;
 * rows with an error are left out and everything else is read.
 *
 * This file holds `readInputs` and its public types only: the row machinery
 * every sheet shares is in `input-rows.ts`, and each sheet has its reader in
 * `read-reps.ts`, `read-sales.ts`, `read-targets.ts`, `read-scores.ts` and
 * `read-adjustments.ts`.
 */
import type { Problem } from "../core/problems";
import type { InputRecords } from "../core/records";
import type { DateOrder, DayOfInstant } from "./cell-values";
import type { InputSheetKey } from "./input-columns";
import { openSheet, problemCollector, readRowsWithSchema, type SheetGrid } from "./input-rows";
import { metricResolvers } from "./metric-names";
import { readAdjustments } from "./read-adjustments";
import { readReps } from "./read-reps";
import { readSales } from "./read-sales";
import { readScores } from "./read-scores";
import { readTargets } from "./read-targets";

export type { SheetGrid };

export type InputGrids = Record<InputSheetKey, SheetGrid>;

export interface ReadInputsOptions {
  /** The spreadsheet's wall clock: the day a `Date` cell shows. */
  wallClock: DayOfInstant;
  /** Keys of the manual metrics declared in any plan version (the only ones Scores may hold). */
  manualMetrics: ReadonlySet<string>;
  /** Every metric key of any plan version (the only ones Targets may hold). */
  planMetrics: ReadonlySet<string>;
  /** Read Sales through the zod schema rather than the fast loop (the tests compare both). */
  salesThroughSchema?: boolean;
  /** Per sheet, our field to the header text the sheet has for it (the settings' column mapping). */
  columnMapping?: Partial<Record<InputSheetKey, Readonly<Record<string, string>>>>;
  /** How numeric day-month text dates are read; null: only when they cannot be read two ways. */
  dateOrder?: DateOrder | null;
  /** The manager's own stage words (settings), over the built-in ones. */
  stageWords?: Readonly<Record<string, "won" | "lost" | "open">>;
}

/** What reading found besides records and problems, for the run's summary. */
export interface InputReport {
  /** 1-based row of each sheet's header row (1 unless title rows sit above it). */
  headerRows: Partial<Record<InputSheetKey, number>>;
  /** Every distinct Status word in Sales, how it was read, and how many rows had it. */
  stageWords: { word: string; status: "won" | "lost" | "open"; rows: number; known: boolean }[];
  /** Open deals (pipeline): counted in no actual. */
  openDeals: { count: number; amount: number };
  /** True when the reps came from the owners in Sales (no Reps sheet, or an empty one). */
  repsFromSales: boolean;
}

export interface ReadInputsResult {
  records: InputRecords;
  /** Sorted by sheet (Reps, Sales, Targets, Scores, Adjustments), row and column. */
  problems: Problem[];
}

/**
 * Reads every input sheet. Reps and Sales must exist (`missing_sheet`
 * otherwise); a missing or empty Targets, Scores or Adjustments sheet has no
 * rows. A sheet missing a required column reports it and gives no rows.
 *
 * @example
 * const { records, problems } = readInputs(
 *   {
 *     reps: { sheetName: "Reps", values: [["Rep ID", "Name"], ["R1", "Ann"]] },
 *     sales: { sheetName: "Sales", values: [["Date", "Rep ID", "Customer", "Amount"], ["2026-03-31", "r1", "Acme", "1,200"]] },
 *     targets: { sheetName: "Targets", values: null },
 *     scores: { sheetName: "Scores", values: null },
 *     adjustments: { sheetName: "Adjustments", values: null },
 *   },
 *   { wallClock: makeWallClock("Asia/Shanghai"), manualMetrics: new Set(), planMetrics: new Set(["revenue"]) },
 * );
 * // records.sales[0].amount === 1200, problems: []
 */
export function readInputs(grids: InputGrids, options: ReadInputsOptions): ReadInputsResult {
  const collector = problemCollector();
  const dayOf = options.wallClock;
  const reps = readReps(openSheet("reps", grids.reps, collector), dayOf);
  const salesSheet = openSheet("sales", grids.sales, collector);
  const sales = readSales(salesSheet, reps, dayOf, options.salesThroughSchema ? readRowsWithSchema : null);
  const metrics = metricResolvers(options.planMetrics, options.manualMetrics);
  const targets = readTargets(openSheet("targets", grids.targets, collector), reps, dayOf, metrics);
  const scores = readScores(openSheet("scores", grids.scores, collector), reps, dayOf, metrics);
  const adjustments = readAdjustments(openSheet("adjustments", grids.adjustments, collector), reps, dayOf);
  return {
    records: {
      reps: reps.accepted,
      sales,
      targets,
      scores,
      adjustments,
      salesHaveType: salesSheet !== null && salesSheet.match.index.type >= 0,
    },
    problems: collector.sorted(),
  };
}
