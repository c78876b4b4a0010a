/**
 * One recalculation of the built add-on on a workbook, offline: the workbook
 * goes into the Apps Script simulator as the active spreadsheet, the built
 * bundle (dist/Code.js, exactly what `clasp push` pushes) is loaded into a
 * fresh vm context and runs `SalesScorecard.local.recalculate`, and every
 * sheet comes back out as the result workbook.
 *
 * Sheets of the input named like the add-on's output sheets (Results,
 * Payouts, Reviews, Dashboard, Run log, Problems) are an earlier run's output in an
 * export: the export lost the marker that makes them the add-on's, so they
 * are marked again first and the run recomputes them in place (keeping the
 * Reviews sheet's manager reviews and rep replies, and appending to the Run
 * log), as it would in Sheets. Nothing is written to the input: the
 * simulator holds a copy. Settings for the run (column mapping, date order,
 * stage words) go to the bundle, which stores them in the simulated
 * spreadsheet as the sidebar would before it recalculates.
 *
 * With a Sales file (Parquet or CSV), the simulator's BigQuery stand-in
 * registers it as the table {@link LOCAL_SALES_TABLE} (a DuckDB view over the
 * file) and the run's Sales source is set to that table, so the bundle's
 * BigQuery path sends its generated SQL there, as it would to BigQuery
 * (README, "Sales in a warehouse").
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RunSummary } from "../../addon/recalculation";
import { DEFAULT_SHEET_NAMES } from "../../tables/sheet-roles";
import { OUTPUT_MARKER_KEY } from "../../addon/spreadsheet-state";
import type { Language } from "../../core/plan-model";
import { loadBundle, type Simulator } from "../../simulator";
import type { RunSettings } from "../workbook/mapping-file";
import { simulatorFromWorkbook, simulatorWorkbook, type SimulatorWorkbook } from "../workbook/workbook-simulator";
import type { WorkbookData } from "../workbook/workbook-data";

export interface LocalRecalculationOptions {
  /** Folder of the built add-on (dist/). */
  distDir: string;
  /** The spreadsheet's time zone: the workbook's dates are wall clocks in it. */
  timeZone: string;
  /** The spreadsheet's locale (zh_CN or en_US): the run's language unless `language` is given. */
  locale: string;
  /** Overrides the language; null = from the locale. */
  language: Language | null;
  /** Compute through this period and show it on the Dashboard; null = through the latest month in Sales. */
  period: string | null;
  /** The simulated now (epoch ms; default: the real clock). */
  now?: number;
  /** Settings stored in the spreadsheet before the run; none = the defaults. */
  settings?: RunSettings;
  /** A Parquet or CSV file of deals read through the BigQuery Sales source instead of the Sales sheet. */
  salesFile?: string;
}

/** The table a local Sales file stands for (a project ID needs 6 characters or more). */
const LOCAL_SALES_TABLE = "local-files.sales.sales";

/** The Sales source setting that sends the run's Sales queries to {@link LOCAL_SALES_TABLE}. */
const LOCAL_SALES_SOURCE = { kind: "bigquery", table: LOCAL_SALES_TABLE, billingProject: "local-files" } as const;

export interface LocalRecalculation {
  summary: RunSummary;
  /**
   * Every sheet after the run: the inputs, unchanged, and the output sheets,
   * each converted from the simulator only when it is reached (the writer
   * then holds one at a time).
   */
  result: SimulatorWorkbook;
  /** Output sheets that were in the input and were recomputed. */
  earlierOutputs: string[];
}

/** The add-on's output sheets under their default names, with the role their marker carries. */
const OUTPUT_ROLES: readonly [string, string][] = [
  [DEFAULT_SHEET_NAMES.results, "results"],
  [DEFAULT_SHEET_NAMES.payouts, "payouts"],
  [DEFAULT_SHEET_NAMES.reviews, "reviews"],
  [DEFAULT_SHEET_NAMES.dashboard, "dashboard"],
  [DEFAULT_SHEET_NAMES.runLog, "runLog"],
  [DEFAULT_SHEET_NAMES.problems, "problems"],
];

/** Marks the input's output-named sheets as the add-on's own; their names. */
function markEarlierOutputs(sim: Simulator): string[] {
  const execution = sim.startExecution({ kind: "manual" });
  try {
    const { SpreadsheetApp } = execution.globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet()!;
    const marked: string[] = [];
    for (const [name, role] of OUTPUT_ROLES) {
      const sheet = ss.getSheetByName(name);
      if (!sheet) continue;
      sheet.addDeveloperMetadata(OUTPUT_MARKER_KEY, role, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
      marked.push(sheet.getName());
    }
    return marked;
  } finally {
    sim.endExecution(execution);
  }
}

/**
 * Runs the built add-on's recalculation on a workbook (or a function that
 * hands one over, so a caller that keeps no other reference lets its grids be
 * freed while the run goes on).
 *
 * @example
 * const { summary, result } = runLocalRecalculation(workbook, {
 *   distDir: "dist", timeZone: "UTC", locale: "en_US", language: null, period: null,
 * });
 * summary.periods; // ["2025-05", "2025-06", "2025-Q2", ...]
 */
export function runLocalRecalculation(
  workbook: WorkbookData | (() => WorkbookData),
  options: LocalRecalculationOptions,
): LocalRecalculation {
  if (!existsSync(join(options.distDir, "Code.js"))) {
    throw new Error(
      `${join(options.distDir, "Code.js")} is missing: build the add-on first (npm run build; npm start does it)`,
    );
  }
  // Given as a function, the workbook is only an argument of this call: once
  // its cells are in the simulator nothing here holds it.
  const sim = simulatorFromWorkbook(typeof workbook === "function" ? workbook() : workbook, {
    timeZone: options.timeZone,
    locale: options.locale,
    now: options.now ?? Date.now(),
  });
  const earlierOutputs = markEarlierOutputs(sim);
  if (options.salesFile !== undefined) {
    try {
      sim.bigQuery.setFileTable(LOCAL_SALES_TABLE, options.salesFile);
    } catch (error) {
      sim.bigQuery.close();
      throw error;
    }
    // DuckDB's own time is the only latency locally: no simulated job run time.
    sim.bigQuery.queryRunMs = 0;
  }
  const bundle = loadBundle({ simulator: sim, context: { kind: "manual" }, distDir: options.distDir });
  try {
    const available = bundle.evaluate(
      "typeof SalesScorecard === 'object' && SalesScorecard.local && typeof SalesScorecard.local.recalculate === 'function'",
    );
    if (available !== true)
      throw new Error("the built bundle has no SalesScorecard.local.recalculate: rebuild it (npm run build)");
    const request: { language?: Language; period?: string; settings?: Record<string, unknown> } = {};
    if (options.language !== null) request.language = options.language;
    if (options.period !== null) request.period = options.period;
    const settings: Record<string, unknown> = { ...options.settings };
    if (options.salesFile !== undefined) settings.salesSource = LOCAL_SALES_SOURCE;
    if (Object.keys(settings).length > 0) request.settings = settings;
    const json = bundle.evaluate(`JSON.stringify(SalesScorecard.local.recalculate(${JSON.stringify(request)}))`);
    if (typeof json !== "string") throw new Error("SalesScorecard.local.recalculate returned nothing");
    const summary = JSON.parse(json) as RunSummary;
    return { summary, result: simulatorWorkbook(sim), earlierOutputs };
  } finally {
    bundle.end();
    sim.bigQuery.close();
    // The run leaves hundreds of MB of garbage (1,000 reps over 51 periods) that Node would collect only after
    // the writer had added its own: collected here when Node exposes gc (build/run-tool.mjs starts it so).
    (globalThis as { gc?: () => void }).gc?.();
  }
}
