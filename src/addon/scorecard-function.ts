/**
 * SCORECARD: the team's Results table for one period, live in a cell, from
 * ranges of the input sheets. It runs the same readers and engine as the
 * monthly recalculation and writes the same Results columns, so the two
 * always agree. Each call is a fresh execution in Sheets, so nothing is kept
 * between calls; instead a call reads only the Sales and Scores rows of the
 * period and the one before it (the most improved rep compares the two), as
 * the README's SCORECARD section says.
 */
import type { WallClock } from "../core/calendar";
import { computePeriods } from "../core/engine";
import type { Language } from "../core/plan-model";
import { fiscalYearStart, manualMetricKeys, planMetricKeys } from "../core/plan-lookup";
import { formatProblem, type Problem } from "../core/problems";
import { firstDay, lastDay, monthOfDay, monthsOf, parsePeriod, previousPeriod } from "../core/periods";
import { applyRecognitionNotes, managerKeysOf } from "../core/recognition";
import type { Period } from "../core/records";
import { readPlan } from "../tables/plan-table";
import { readInputs, type InputGrids } from "../tables/read-inputs";
import type { SalesDays } from "../tables/sales-scope";
import { ArgumentError, runCustomFunction } from "./custom-function-errors";
import type { SheetArgument, SheetResult } from "./custom-function-values";
import { resultsColumns, headersOf } from "../tables/output-columns";
import { resultRow } from "../tables/output-rows";
import { DEFAULT_SHEET_NAMES } from "../tables/sheet-roles";
import { spreadsheetWallClock } from "./spreadsheet-wall-clock";

const SHOWN_PROBLEMS = 3;

function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function gridOf(name: string, value: SheetArgument, required: boolean): unknown[][] | null {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === "") {
    if (required) throw new ArgumentError(`${name} is missing`);
    return null;
  }
  throw new ArgumentError(`${name} must be a range with its header row`);
}

/** The spreadsheet's zone and language; a custom function may read them. */
function spreadsheetContext(): { timeZone: string; language: Language } {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return {
      timeZone: ss.getSpreadsheetTimeZone() || "UTC",
      language: /^zh/i.test(ss.getSpreadsheetLocale()) ? "zh" : "en",
    };
  } catch {
    return { timeZone: "UTC", language: "en" };
  }
}

function readPeriodArgument(value: SheetArgument, wallClock: WallClock): Period {
  const single = Array.isArray(value) ? (value.length === 1 && value[0].length === 1 ? value[0][0] : undefined) : value;
  if (single === undefined || single === null || single === "") throw new ArgumentError("period is missing");
  if (isDateValue(single)) return monthOfDay(wallClock(single.getTime()).day);
  const period = typeof single === "string" || typeof single === "number" ? parsePeriod(single) : null;
  if (!period) throw new ArgumentError(`period "${String(single)}" is not a period (use 2026-03, 2026-Q1 or 2026)`);
  return period;
}

/** The days of the periods computed: only the Sales rows closing on them are read. */
function daysOf(periods: readonly Period[], fyStart: number): SalesDays {
  return {
    from: Math.min(...periods.map((p) => firstDay(p, fyStart))),
    to: Math.max(...periods.map((p) => lastDay(p, fyStart))),
  };
}

function problemSummary(problems: readonly Problem[], language: Language): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => formatProblem(p, language));
  const lead =
    language === "zh"
      ? `有 ${problems.length} 个输入问题，相关行未计入：`
      : `${problems.length} input problem${problems.length === 1 ? "" : "s"}, rows left out: `;
  const more = problems.length > SHOWN_PROBLEMS ? " …" : "";
  return lead + shown.join(language === "zh" ? "；" : "; ") + more;
}

/**
 * The team's scorecard for a period: one row per rep employed in it, with the Results columns (score, rank, bonus, notes and each metric's actual, target and attainment).
 * It reads the Sales rows dated in the period or the one before and the Scores rows of those periods, so its Notes
 * count the problems of those rows and of every row of the other ranges.
 *
 * @param {Array<Array<string>>} reps The Reps sheet range with its header row, e.g. Reps!A:I.
 * @param {Array<Array<string>>} sales The Sales sheet range with its header row.
 * @param {Array<Array<string>>} targets The Targets sheet range with its header row.
 * @param {Array<Array<string>>} scores The Scores sheet range with its header row (may be a range of headers only).
 * @param {Array<Array<string>>} plan The Plan sheet range with its header row.
 * @param {string} period The period: 2026-03, 2026-Q1 or 2026 (also 2026年3月, or a date for its month).
 * @param {Array<Array<string>>} adjustments Optional: the Adjustments sheet range with its header row.
 * @return {Array<Array<string|number>>} A header row and one row per rep; rows with input problems are left out and counted in the last row's Notes.
 * @example =SCORECARD(Reps!A:I, Sales!A:I, Targets!A:D, Scores!A:D, Plan!A:P, "2026-03", Adjustments!A:D)
 * @customfunction
 */
export function SCORECARD(
  reps: SheetArgument,
  sales: SheetArgument,
  targets: SheetArgument,
  scores: SheetArgument,
  plan: SheetArgument,
  period: SheetArgument,
  adjustments?: SheetArgument,
): SheetResult {
  return runCustomFunction("SCORECARD", () => {
    const { timeZone, language } = spreadsheetContext();
    const wallClock = spreadsheetWallClock(timeZone);
    const grids: InputGrids = {
      reps: { sheetName: DEFAULT_SHEET_NAMES.reps, values: gridOf("reps", reps, true) },
      sales: { sheetName: DEFAULT_SHEET_NAMES.sales, values: gridOf("sales", sales, true) },
      targets: { sheetName: DEFAULT_SHEET_NAMES.targets, values: gridOf("targets", targets, false) },
      scores: { sheetName: DEFAULT_SHEET_NAMES.scores, values: gridOf("scores", scores, false) },
      adjustments: { sheetName: DEFAULT_SHEET_NAMES.adjustments, values: gridOf("adjustments", adjustments, false) },
    };
    const wanted = readPeriodArgument(period, wallClock);
    const planRead = readPlan(gridOf("plan", plan, true), DEFAULT_SHEET_NAMES.plan, { wallClock });
    const previous = previousPeriod(wanted);
    const fyStart = fiscalYearStart(planRead.plan);
    const read = readInputs(grids, {
      wallClock,
      manualMetrics: manualMetricKeys(planRead.plan),
      planMetrics: new Set(planMetricKeys(planRead.plan)),
      salesDays: daysOf([previous, wanted], fyStart),
      scorePeriods: new Set([previous, wanted, ...monthsOf(previous, fyStart), ...monthsOf(wanted, fyStart)]),
    });
    const engine = computePeriods({
      records: read.records,
      plan: planRead.plan,
      periods: [previous, wanted],
      planSheet: DEFAULT_SHEET_NAMES.plan,
      // Only the most improved rep reads the previous period, and only its scores.
      scoresOnly: new Set([previous]),
    });
    const result = engine.results.find((r) => r.period === wanted);
    if (!result) {
      const blocking = [...planRead.problems, ...engine.problems].filter((p) => p.severity === "error");
      throw new ArgumentError(
        blocking.length > 0 ? formatProblem(blocking[blocking.length - 1], language) : `no plan applies to ${wanted}`,
      );
    }
    const before = engine.results.find((r) => r.period === previous);
    const managerOf = new Map(read.records.reps.map((rep) => [rep.key, rep.manager]));
    applyRecognitionNotes(
      result.rows,
      before ? before.rows : [],
      managerKeysOf(result.rows, (rep) => managerOf.get(rep)),
    );
    const columns = resultsColumns(planMetricKeys(planRead.plan));
    const table: (string | number)[][] = [headersOf(columns)];
    for (const row of result.rows) table.push(resultRow(row, columns, { provisional: false, language }).map(cellOut));
    const problems = [...planRead.problems, ...read.problems].filter((p) => p.severity === "error");
    if (problems.length > 0) {
      const summary = columns.map((c) => (c.header === "Notes" ? problemSummary(problems, language) : ""));
      table.push(summary);
    }
    return table;
  });
}

function cellOut(value: unknown): string | number {
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value === null || value === undefined ? "" : String(value);
}
