/**
 * Reading the input sheets into typed records (docs/sheet-formats.md#input-sheets).
 *
 * Each sheet's row is defined once, as a map from field to cell reader; the
 * zod schema of a row is built from that map (zod at the edge, as
 * docs/architecture.md says). Sales can hold a million rows, and SCORECARD
 * reads every sheet on every call, where zod's per-row cost is too high, so
 * the rows go through plain loops over the same readers (`readRowsPlain`, and
 * Sales' own fast loop) and the schema checks the same rows in the tests
 * (`throughSchema`): one definition, two engines, and tests that they agree.
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
import type { DayNumber, InputRecords, Period } from "../core/records";
import type { DateOrder, DayOfInstant } from "./cell-values";
import type { InputSheetKey } from "./input-columns";
import {
  isBlankRow,
  openSheet,
  problemCollector,
  readRowsPlain,
  readRowsWithSchema,
  type OpenSheet,
  type SheetGrid,
} from "./input-rows";
import { isBlankCell } from "./cell-values";
import { problemAt } from "../core/problems";
import { stageDictionary, worthReporting } from "./stage-reading";
import { stageProbabilities } from "./probability-reading";
import { withinDateWindow } from "./sales-date-window";
import { inferDateOrder } from "./date-order-inference";
import { metricResolvers } from "./metric-names";
import { readAdjustments } from "./read-adjustments";
import { readReps, repsFromSales } from "./read-reps";
import { readSales } from "./read-sales";
import { readScores } from "./read-scores";
import { readTargets } from "./read-targets";
import { salesScope, type SalesDays } from "./sales-scope";
import { reportSalesOutsideEmployment } from "./employment-check";

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
  /** Read every sheet through the zod schema rather than the plain loops (the tests compare both). */
  throughSchema?: boolean;
  /** Per sheet, our field to the header text the sheet has for it (the settings' column mapping). */
  columnMapping?: Partial<Record<InputSheetKey, Readonly<Record<string, string>>>>;
  /** How numeric day-month text dates are read, when set explicitly: it wins over everything. */
  dateOrder?: DateOrder | null;
  /**
   * The spreadsheet locale's order, used for a sheet whose own dates do not
   * show theirs (see date-order-inference.ts); null: a date that reads two
   * ways is a problem.
   */
  localeDateOrder?: DateOrder | null;
  /** Today in the spreadsheet's time zone: Sales dates far after it are suspect. */
  today?: DayNumber | null;
  /** The manager's own stage words (settings), over the built-in ones. */
  stageWords?: Readonly<Record<string, "won" | "lost" | "open">>;
  /** The settings' stage word to win probability (0-1), for open deals without a Probability cell. */
  stageProbabilities?: Readonly<Record<string, number>>;
  /**
   * Only the sales closing within these days are wanted (SCORECARD's period and the one before): the other
   * Sales rows are skipped when that changes none of these sales, their problems are not reported, and the
   * report's stage words and open deals count the rows in scope only (see sales-scope.ts).
   */
  salesDays?: SalesDays | null;
  /** Only the Scores rows of these periods are wanted: a row whose Period cell is another's key is skipped. */
  scorePeriods?: ReadonlySet<Period> | null;
}

/** What reading found besides records and problems, for the run's summary. */
export interface InputReport {
  /** 1-based row of each sheet's header row (1 unless title rows sit above it). */
  headerRows: Partial<Record<InputSheetKey, number>>;
  /** Every distinct Status word in Sales, how it was read, and how many rows had it. */
  stageWords: { word: string; status: "won" | "lost" | "open"; rows: number; known: boolean; own: boolean }[];
  /** Whether any stage word is not one of our own Status values, so the run should say how it read them. */
  stageWordsWorthReporting: boolean;
  /** Open deals (pipeline): counted in no actual. */
  openDeals: { count: number; amount: number };
  /** True when the reps came from the owners in Sales (no Reps sheet, or an empty one). */
  repsFromSales: boolean;
  /** False when no Targets row could be read: results then have actuals but no score. */
  hasTargets: boolean;
}

export interface ReadInputsResult {
  records: InputRecords;
  /** Sorted by sheet (Reps, Sales, Targets, Scores, Adjustments), row and column. */
  problems: Problem[];
  report: InputReport;
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
  const mapping = options.columnMapping ?? {};
  const repsSheet = openSheet("reps", grids.reps, collector, { mapping: mapping.reps });
  const orderOf = (
    sheet: OpenSheet<"reps"> | OpenSheet<"sales"> | null,
    fields: readonly string[],
  ): DateOrder | null => {
    if (options.dateOrder) return options.dateOrder;
    const index = sheet?.match.index as Record<string, number> | undefined;
    const shown =
      sheet && index
        ? inferDateOrder(
            sheet.values,
            fields.map((field) => index[field]),
            sheet.headerIndex + 1,
          )
        : null;
    return shown ?? options.localeDateOrder ?? null;
  };
  const rows = options.throughSchema ? readRowsWithSchema : readRowsPlain;
  const listed = readReps(repsSheet, dayOf, orderOf(repsSheet, ["start", "end"]), rows);
  const repsFromSalesSheet = hasNoRows(grids.reps, repsSheet);
  const reps = repsFromSalesSheet ? repsFromSales() : listed;
  const salesSheet = openSheet("sales", grids.sales, collector, { mapping: mapping.sales });
  const reading = {
    dayOf,
    dateOrder: orderOf(salesSheet, ["date", "opened"]),
    stages: stageDictionary(options.stageWords),
    stageProbabilities: stageProbabilities(options.stageProbabilities),
  };
  const days = options.salesDays ?? null;
  const scope =
    days !== null && salesSheet !== null
      ? salesScope(salesSheet, days, {
          dayOf,
          dateOrder: reading.dateOrder,
          everyRowNeeded: reps.fromSales || salesSheet.match.index.type < 0,
        })
      : null;
  const scopedSheet = scope ? scope.sheet : salesSheet;
  const salesRead = readSales(
    scopedSheet,
    reps,
    reading,
    options.salesThroughSchema || options.throughSchema ? readRowsWithSchema : null,
    scope ? scope.rowsToRead : null,
  );
  const windowed = withinDateWindow(scopedSheet, salesRead.sales, options.today ?? null);
  const sales = days === null ? windowed : windowed.filter((sale) => sale.day >= days.from && sale.day <= days.to);
  const metrics = metricResolvers(options.planMetrics, options.manualMetrics);
  const targets = readTargets(
    openSheet("targets", grids.targets, collector, { mapping: mapping.targets }),
    reps,
    dayOf,
    metrics,
    rows,
  );
  const scores = readScores(
    openSheet("scores", grids.scores, collector, { mapping: mapping.scores }),
    reps,
    dayOf,
    metrics,
    rows,
    options.scorePeriods ?? null,
  );
  const adjustments = readAdjustments(
    openSheet("adjustments", grids.adjustments, collector, { mapping: mapping.adjustments }),
    reps,
    dayOf,
    rows,
  );
  const salesHaveCustomer = salesSheet !== null && salesSheet.match.index.customer >= 0;
  if (grids.sales.standsInFor !== undefined && grids.sales.values !== null) {
    const problem = problemAt(
      grids.sales.sheetName,
      "A1",
      "sales_stand_in",
      { sheet: grids.sales.sheetName, expected: grids.sales.standsInFor },
      "warning",
    );
    collector.add({ order: 1, row: 0, column: 0, problem });
  }
  if (salesSheet !== null) {
    const headerRow = salesSheet.headerIndex + 1;
    if (!salesHaveCustomer) salesSheet.reportOnRow(headerRow, "no_customer_column", {}, "warning");
    if (repsFromSalesSheet && reps.accepted.length > 0) {
      collector.add({
        order: 0,
        row: 1,
        column: 0,
        problem: problemAt(grids.reps.sheetName, "A1", "reps_from_sales", { count: reps.accepted.length }, "warning"),
      });
    }
  }
  reportSalesOutsideEmployment(scopedSheet, reps.accepted, sales);
  return {
    records: {
      reps: reps.accepted,
      sales,
      targets,
      scores,
      adjustments,
      salesHaveType: salesSheet !== null && salesSheet.match.index.type >= 0,
      salesHaveCustomer,
    },
    problems: collector.sorted(),
    report: {
      headerRows: {
        sales: salesSheet ? salesSheet.headerIndex + 1 : 1,
        reps: repsSheet ? repsSheet.headerIndex + 1 : 1,
      },
      stageWords: [...salesRead.report.stageWords.values()].map((entry) => ({
        word: entry.word,
        status: entry.status,
        rows: entry.rows,
        known: entry.known !== "unknown",
        own: entry.known === "own",
      })),
      stageWordsWorthReporting: worthReporting(salesRead.report.stageWords),
      openDeals: salesRead.report.openDeals,
      repsFromSales: repsFromSalesSheet,
      hasTargets: targets.length > 0,
    },
  };
}

/**
 * Whether the Reps sheet gives no reps to match against: it is missing, or
 * it has no data row (a sheet that exists but lacks a column is a problem,
 * not "no reps").
 */
function hasNoRows(grid: SheetGrid, sheet: OpenSheet<"reps"> | null): boolean {
  if (grid.values === null) return true;
  if (grid.values.every((row) => row.every(isBlankCell))) return true;
  if (sheet === null) return false;
  return grid.values.slice(sheet.headerIndex + 1).every((row) => isBlankRow(row, sheet.usedColumns));
}
