/**
 * What the sidebar reads from the add-on's output sheets, as plain
 * JSON-safe values: columns are found by their header names (the layouts
 * belong to src/tables/output-columns.ts), so a reordered or widened sheet
 * reads the same. Every value the sidebar shows comes from these cells.
 */
import { isPeriodKey, periodKind } from "../core/periods";
import { parseFullListLine, parseGroupLine } from "../core/problem-groups";
import type { Language } from "../core/plan-model";
import { metricLabel } from "../core/metric-catalog";
import { metricValueKind } from "../core/display-format";
import { metricOfHeader, RUN_LOG_COLUMNS } from "../tables/output-columns";
import { comparePeriodCells, provisionalNote, tableOf, type SheetTable } from "../tables/output-rows";
import { plainText } from "../tables/sheet-text";
import type { MetricInfo, PayoutLine, ProblemList, RunLogLine, TeamRow, TrendPoint } from "../sidebar/sidebar-api";

/** How many recent periods the Rep view's trend shows. */
const TREND_PERIODS = 12;

/** How many grouped problem lines a view receives (the counts say how many problems there are). */
const MAX_PROBLEM_LINES = 200;

/**
 * A finite number, or null for anything else (blank, text, NaN).
 *
 * @example
 * numberOrNull(1.5); // 1.5
 * numberOrNull("");  // null
 */
export function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * A cell as trimmed text.
 *
 * @example
 * cellText(" R01 "); // "R01"
 * cellText(101);     // "101"
 */
export function cellText(value: unknown): string {
  return plainText(value).trim();
}

/**
 * A Rep ID as rows are keyed: trimmed and case-folded.
 *
 * @example
 * repKey(" r01 "); // "r01"
 */
export function repKey(value: unknown): string {
  return cellText(value).toLowerCase();
}

/**
 * Whether a cell holds a date (a Date of any realm).
 *
 * @example
 * isDateCell(new Date()); // true
 */
function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * Reads a whole sheet as a table (one read); null when the sheet is missing
 * or has no header.
 *
 * @example
 * readSheetTable(ss, "Results")?.header[0]; // "Period"
 */
export function readSheetTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): SheetTable | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? tableOf(sheet.getDataRange().getValues()) : null;
}

/** Reads a row's cells by header name. */
export type RowReader = (row: readonly unknown[], header: string) => unknown;

/**
 * A reader of a table's cells by header name ("" for a missing column).
 *
 * @example
 * const cell = cellReader(table.header);
 * cell(table.rows[0], "Rep ID"); // "R01"
 */
export function cellReader(header: readonly string[]): RowReader {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  return (row, name) => {
    const i = index.get(name);
    return i === undefined ? "" : (row[i] ?? "");
  };
}

// ---------------------------------------------------------------- Results

/**
 * The periods that have rows, latest first (a quarter right before its last
 * month, as they end).
 *
 * @example
 * periodsOf(results, 1); // ["2026-Q1", "2026-03", "2026-02", ...]
 */
export function periodsOf(table: SheetTable | null, fyStart: number): string[] {
  if (!table) return [];
  const cell = cellReader(table.header);
  const periods = new Set<string>();
  for (const row of table.rows) {
    const period = cellText(cell(row, "Period"));
    if (isPeriodKey(period)) periods.add(period);
  }
  return [...periods].sort((a, b) => comparePeriodCells(b, a, fyStart));
}

/**
 * The period the Team view opens on: the latest month in which some rep has
 * a score (a month just begun, with no deals yet, is of no use to look at),
 * else the latest period with rows.
 *
 * @example
 * defaultPeriod(results, periodsOf(results, 1), 1); // "2026-10" while November has no score yet
 */
export function defaultPeriod(table: SheetTable | null, periods: readonly string[], fyStart: number): string | null {
  if (!table) return null;
  const cell = cellReader(table.header);
  const scored = new Set<string>();
  for (const row of table.rows) {
    const period = cellText(cell(row, "Period"));
    if (isPeriodKey(period) && periodKind(period) === "month" && numberOrNull(cell(row, "Score")) !== null)
      scored.add(period);
  }
  const months = [...scored].sort((a, b) => comparePeriodCells(b, a, fyStart));
  return months[0] ?? periods[0] ?? null;
}

/**
 * The metrics of the Results columns, in column order.
 *
 * @example
 * resultMetrics(["Period", "revenue actual", "revenue target", "revenue attainment"], "en");
 * // [{ key: "revenue", label: "Revenue", kind: "money" }]
 */
export function resultMetrics(header: readonly string[], language: Language): MetricInfo[] {
  const keys: string[] = [];
  for (const name of header) {
    const key = metricOfHeader(name);
    if (key !== null && !keys.includes(key)) keys.push(key);
  }
  return keys.map((key) => ({ key, label: metricLabel(key, language), kind: metricValueKind(key) }));
}

/**
 * Whether a Notes cell marks a provisional row (in either language).
 *
 * @example
 * isProvisionalNote("Provisional: recomputed by every run until the period is final"); // true
 */
export function isProvisionalNote(notes: string): boolean {
  return notes.startsWith(provisionalNote("en")) || notes.startsWith(provisionalNote("zh"));
}

/**
 * The Results rows of one period.
 *
 * @example
 * rowsOfPeriod(results, "2026-03").length; // reps with a row in March
 */
export function rowsOfPeriod(table: SheetTable, period: string): unknown[][] {
  const cell = cellReader(table.header);
  return table.rows.filter((row) => cellText(cell(row, "Period")) === period);
}

/**
 * One Results row as a Team row, with the attainment of each metric.
 *
 * @example
 * teamRow(row, cellReader(results.header), metrics).score; // 1.0342
 */
export function teamRow(row: readonly unknown[], cell: RowReader, metrics: readonly MetricInfo[]): TeamRow {
  return {
    repId: cellText(cell(row, "Rep ID")),
    name: plainText(cell(row, "Name")),
    team: plainText(cell(row, "Team")),
    score: numberOrNull(cell(row, "Score")),
    rank: numberOrNull(cell(row, "Rank")),
    teamRank: numberOrNull(cell(row, "Team rank")),
    payout: numberOrNull(cell(row, "Bonus")),
    attainments: metrics.map((m) => numberOrNull(cell(row, m.key + " attainment"))),
    notes: plainText(cell(row, "Notes")),
    forecastRevenue: numberOrNull(cell(row, "Forecast revenue")),
    forecastPayout: numberOrNull(cell(row, "Forecast payout")),
  };
}

/**
 * A rep's score over recent periods of the same kind as `period`, oldest
 * first, ending with `period` (at most `TREND_PERIODS`).
 *
 * @example
 * scoreTrend(results, "r01", "2026-03", 1); // [{ period: "2025-04", score: 0.91 }, ..., { period: "2026-03", score: 1.02 }]
 */
export function scoreTrend(table: SheetTable, key: string, period: string, fyStart: number): TrendPoint[] {
  const cell = cellReader(table.header);
  const kind = periodKind(period);
  const points: TrendPoint[] = [];
  for (const row of table.rows) {
    const rowPeriod = cellText(cell(row, "Period"));
    if (repKey(cell(row, "Rep ID")) !== key || !isPeriodKey(rowPeriod) || periodKind(rowPeriod) !== kind) continue;
    if (comparePeriodCells(rowPeriod, period, fyStart) > 0) continue;
    points.push({ period: rowPeriod, score: numberOrNull(cell(row, "Score")) });
  }
  points.sort((a, b) => comparePeriodCells(a.period, b.period, fyStart));
  return points.slice(-TREND_PERIODS);
}

// ---------------------------------------------------------------- Payouts

/**
 * The Payouts lines of a rep and period, in line order.
 *
 * @example
 * payoutLinesOf(payouts, "2026-03", "r01").map((l) => l.type); // ["target_bonus", "commission", "total"]
 */
export function payoutLinesOf(table: SheetTable | null, period: string, key: string): PayoutLine[] {
  if (!table) return [];
  const cell = cellReader(table.header);
  const lines: PayoutLine[] = [];
  for (const row of table.rows) {
    if (cellText(cell(row, "Period")) !== period || repKey(cell(row, "Rep ID")) !== key) continue;
    const gateMet = cell(row, "Gate met");
    lines.push({
      line: numberOrNull(cell(row, "Line")),
      type: cellText(cell(row, "Type")),
      item: plainText(cell(row, "Item")),
      driver: plainText(cell(row, "Driver")),
      driverValue: numberOrNull(cell(row, "Driver value")),
      mode: plainText(cell(row, "Mode")),
      tier: numberOrNull(cell(row, "Tier")),
      rate: numberOrNull(cell(row, "Rate")),
      maxRate: numberOrNull(cell(row, "Max rate")),
      base: numberOrNull(cell(row, "Base")),
      proration: numberOrNull(cell(row, "Proration")),
      gate: numberOrNull(cell(row, "Gate")),
      gateMet: typeof gateMet === "boolean" ? gateMet : null,
      amount: numberOrNull(cell(row, "Amount")),
      reason: plainText(cell(row, "Reason")),
      notes: plainText(cell(row, "Notes")),
    });
  }
  return lines.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}

// ---------------------------------------------------------------- Run log

/** The Run log's header and its latest rows (oldest first). */
export interface RunLogTail {
  header: string[];
  rows: unknown[][];
}

const RUN_LOG_HEADERS = RUN_LOG_COLUMNS.map((c) => c.header);

/**
 * The Run log's latest `count` rows: its extent, the header and the tail,
 * never the whole sheet. Null when the sheet is missing or is not a Run log.
 *
 * @example
 * readRunLogTail(ss, "Run log", 20)?.rows.length; // up to 20
 */
export function readRunLogTail(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  count: number,
): RunLogTail | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return null;
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map(cellText);
  if (!header.includes("When") || !header.includes("Outcome")) return null;
  if (lastRow < 2) return { header, rows: [] };
  const first = Math.max(2, lastRow - count + 1);
  return { header, rows: sheet.getRange(first, 1, lastRow - first + 1, lastColumn).getValues() };
}

/**
 * A When cell as text in the spreadsheet's time zone.
 *
 * @example
 * whenText(new Date(Date.UTC(2026, 2, 1, 6)), "Asia/Shanghai"); // "2026-03-01 14:00"
 */
function whenText(value: unknown, timeZone: string): string {
  if (isDateCell(value)) return Utilities.formatDate(value, timeZone, "yyyy-MM-dd HH:mm");
  return plainText(value);
}

/**
 * The Run log's latest rows for the Setup view, latest first.
 *
 * @example
 * runLogLines(tail, "UTC", 5)[0].outcome; // "done"
 */
export function runLogLines(tail: RunLogTail | null, timeZone: string, count: number): RunLogLine[] {
  if (!tail) return [];
  const cell = cellReader(tail.header.length ? tail.header : RUN_LOG_HEADERS);
  return tail.rows
    .slice(-count)
    .reverse()
    .map((row) => ({
      when: whenText(cell(row, "When"), timeZone),
      startedBy: plainText(cell(row, "Started by")),
      periods: plainText(cell(row, "Periods")),
      outcome: plainText(cell(row, "Outcome")),
      rowsWritten: numberOrNull(cell(row, "Rows written")),
      problems: numberOrNull(cell(row, "Problems")),
      seconds: numberOrNull(cell(row, "Duration (s)")),
    }));
}

/** Outcomes of runs that read the inputs (and so listed their problems). */
const READING_OUTCOMES = new Set(["done", "continues", "nothing to do"]);

/**
 * The input problems of the latest run that read the inputs, from its Run
 * log row: the grouped lines as the run wrote them (at most
 * MAX_PROBLEM_LINES), the total, how many problems the lines leave out, and
 * the sheet that lists every one.
 *
 * @example
 * latestProblems(tail, "UTC"); // { count: 2089, groups: [{ cells: "Sales!F2:F2090", rows: 2089, ... }], notListed: 0, sheet: "Problems", when: "2026-04-02 09:00" }
 */
export function latestProblems(tail: RunLogTail | null, timeZone: string): ProblemList {
  const none: ProblemList = { count: 0, groups: [], notListed: 0, sheet: null, when: null };
  if (!tail) return none;
  const cell = cellReader(tail.header);
  for (let i = tail.rows.length - 1; i >= 0; i--) {
    const row = tail.rows[i];
    if (!READING_OUTCOMES.has(cellText(cell(row, "Outcome")))) continue;
    const text = plainText(cell(row, "Problem list"));
    const lines = text === "" ? [] : text.split("\n");
    // The cut's "… and N more groups" line and the full-list line name no cell: the counts say the same.
    const groups = lines
      .map(parseGroupLine)
      .filter((line) => line.rows > 0)
      .slice(0, MAX_PROBLEM_LINES);
    const listed = groups.reduce((total, line) => total + line.rows, 0);
    const count = numberOrNull(cell(row, "Problems")) ?? listed;
    const sheet = lines.length > 0 ? parseFullListLine(lines[lines.length - 1]) : null;
    return {
      count,
      groups,
      notListed: Math.max(0, count - listed),
      sheet,
      when: whenText(cell(row, "When"), timeZone),
    };
  }
  return none;
}
