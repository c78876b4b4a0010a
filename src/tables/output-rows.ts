/**
 * Results and payouts as sheet rows, and the merge that never loses data.
 *
 * Rows are keyed by (Period, Rep ID). A run replaces the rows of the periods
 * it recomputed and keeps every other row exactly as it was read (final
 * periods, periods a checkpointed run has not reached yet, periods outside
 * today's range), so running twice gives the same sheet and a final period
 * is never rewritten. Kept rows are matched to the columns by header name,
 * so a plan that adds or drops a metric moves no value into the wrong column.
 */
import { formatDay } from "../core/calendar";
import { catalogueText } from "../core/localized-text";
import { monthsOf, periodKind, isPeriodKey } from "../core/periods";
import type { Language } from "../core/plan-model";
import type { ComponentTrace, PayoutResult, RepPeriodResult, RowNote } from "../core/results";
import type { Period } from "../core/records";
import { formatShortPercent } from "../core/display-format";
import { metricLabel } from "../core/metric-catalog";
import {
  MONEY_FORMAT,
  PAYOUT_COLUMNS,
  PERCENT_FORMAT,
  SCORE_FORMAT,
  headersOf,
  type OutputColumn,
} from "./output-columns";
import { numberCell, plainText, type CellValue } from "./sheet-text";
import { scoreTraceNote } from "./score-trace-note";
import NOTE_TEXT from "./output-rows-text.json";

/** A table as read from or written to a sheet: a header row and data rows. */
export interface SheetTable {
  header: string[];
  rows: unknown[][];
}

/** Rows ready to write with their per-cell number formats. */
export interface FormattedRows {
  values: CellValue[][];
  /** One array per row; rows of one kind share their array, so none is changed in place. */
  formats: string[][];
}

// ---------------------------------------------------------------- notes

const noteWords = catalogueText(NOTE_TEXT);

const PERIOD_KIND_WORD = {
  month: { en: "month", zh: "月" },
  quarter: { en: "quarter", zh: "季度" },
  year: { en: "year", zh: "年" },
} as const;

function noteText(note: RowNote, result: RepPeriodResult, language: Language): string {
  switch (note.code) {
    case "provisional":
      return noteWords("provisional", language);
    case "prorated":
      return noteWords("prorated", language, { days: note.days, of: note.of });
    case "left":
      return noteWords("left", language, { day: formatDay(note.lastDay) });
    case "ramp":
      return noteWords("ramp", language, { factor: formatShortPercent(note.factor), month: note.month });
    case "left_out":
      return leftOutText(note.metrics, result, language);
    case "negative_payout":
      return noteWords("negative", language);
    case "gate_not_met":
      return noteWords("gate", language, { component: note.component });
    case "rep_of_the_month":
      // Reps without a team compete as one company-wide group: never "in " a blank team.
      return noteWords(note.team.trim() === "" ? "repOfTheMonthCompany" : "repOfTheMonth", language, {
        team: note.team,
        kind: PERIOD_KIND_WORD[periodKind(result.period)][language],
      });
    case "most_improved":
      return noteWords("mostImproved", language, { delta: Math.round(note.delta * 1000) / 1000 });
    case "not_computed":
      return noteWords("notComputed", language);
    case "ranked_by_revenue":
      return noteWords("rankedByRevenue", language);
    case "manager_not_ranked":
      return noteWords("managerNotRanked", language);
  }
}

// Most rows of a run leave the same few metrics out for the same reasons: each distinct note is written once, kept
// with what it was written from, and found again by comparing metric by metric (no key text made per row). Capped,
// so that a run of many distinct notes compares each row with a few dozen at most.
const MAX_KEPT_LEFT_OUT_NOTES = 64;
const leftOutNotes: { language: Language; metrics: readonly string[]; noTarget: readonly boolean[]; text: string }[] =
  [];

/** The note of metrics left out of a row's score, each with why: no target, or no data. */
function leftOutText(metrics: readonly string[], result: RepPeriodResult, language: Language): string {
  for (const kept of leftOutNotes) {
    if (kept.language === language && sameLeftOut(kept.metrics, kept.noTarget, metrics, result)) return kept.text;
  }
  const noTarget = metrics.map((metric) => leftOutReason(result, metric) === "no_target");
  const list = metrics.map(
    (metric, i) =>
      metricLabel(metric, language) + " (" + noteWords(noTarget[i] ? "noTarget" : "noData", language) + ")",
  );
  const text = noteWords("leftOut", language, { list: list.join(language === "zh" ? "、" : ", ") });
  if (leftOutNotes.length < MAX_KEPT_LEFT_OUT_NOTES)
    leftOutNotes.push({ language, metrics: [...metrics], noTarget, text });
  return text;
}

/** Whether a row leaves out the same metrics, in the same order, for the same reasons as a kept note. */
function sameLeftOut(
  keptMetrics: readonly string[],
  keptNoTarget: readonly boolean[],
  metrics: readonly string[],
  result: RepPeriodResult,
): boolean {
  if (keptMetrics.length !== metrics.length) return false;
  for (let i = 0; i < metrics.length; i++) {
    if (keptMetrics[i] !== metrics[i]) return false;
    if (keptNoTarget[i] !== (leftOutReason(result, metrics[i]) === "no_target")) return false;
  }
  return true;
}

/** Why the first metric of a key was left out of a row's score (undefined when the row has no such metric). */
function leftOutReason(result: RepPeriodResult, key: string): string | null | undefined {
  for (const metric of result.metrics) if (metric.key === key) return metric.leftOut;
  return undefined;
}

/**
 * The Notes cell of a result row: "Provisional" first when the period is not
 * final, then the row's own notes, then how its score is made, in the run's
 * language.
 *
 * @example
 * notesText({ ...result, notes: [{ code: "prorated", days: 17, of: 31 }] }, true, "en");
 * // "Provisional: recomputed by every run until the period is final; Prorated: 17 of 31 days employed"
 *
 * @internal Exported only for output-rows.test.ts, which checks it directly; the code uses it inside this file.
 */
export function notesText(result: RepPeriodResult, provisional: boolean, language: Language, awaiting = false): string {
  const parts: string[] = [];
  if (provisional) parts.push(noteWords("provisional", language));
  // "Awaiting approval" after "Provisional", which readers of the sheet look for first.
  if (provisional && awaiting) parts.push(noteWords("awaiting", language));
  for (const note of result.notes) if (note.code !== "provisional") parts.push(noteText(note, result, language));
  // Last: the score's arithmetic, so every number on the row is explained on the sheet.
  const trace = scoreTraceNote(result, language);
  if (trace !== null) parts.push(trace);
  return parts.join(language === "zh" ? "；" : "; ");
}

/**
 * The note that marks a provisional row, in a language (the sidebar and the
 * review may look for it).
 *
 * @example
 * provisionalNote("en").startsWith("Provisional"); // true
 */
export function provisionalNote(language: Language): string {
  return noteWords("provisional", language);
}

/**
 * The note of a row or review that could not be computed, in a language.
 *
 * @example
 * notComputedNote("en"); // "Not computed: internal error; see Run log"
 */
export function notComputedNote(language: Language): string {
  return noteWords("notComputed", language);
}

// ---------------------------------------------------------------- Results rows

/** How a Results row is written: provisional or final, the language, and a provisional period's forecast. */
export interface ResultRowOptions {
  provisional: boolean;
  /** Due but waiting for an approval (README, "Payout approval"): noted after "Provisional". */
  awaiting?: boolean;
  language: Language;
  /**
   * The rep's pipeline forecast (README, "Pipeline forecast"); none for a final period, whose forecast cells stay
   * blank.
   */
  forecast?: { revenue: number; payout: number | null } | null;
}

/**
 * One Results row, aligned with `columns`.
 *
 * @example
 * resultRow(result, resultsColumns(["revenue"]), { provisional: false, language: "en" }).slice(0, 2);
 * // ["2026-03", "001"]
 */
export function resultRow(
  result: RepPeriodResult,
  columns: readonly OutputColumn[],
  options: ResultRowOptions,
): CellValue[] {
  // One map over the columns makes the row at its full width at once (pushing cell by cell grew it three times).
  return resultCellsOf(columns).map((cell) =>
    cell.metric === null ? cell.fixed(result, options) : metricCell(result, cell.metric),
  );
}

type FixedCell = (result: RepPeriodResult, options: ResultRowOptions) => CellValue;

/** The fixed Results columns by header, each with how its cell is made; every other column is a metric's figure. */
const FIXED_CELLS: Readonly<Record<string, FixedCell>> = {
  Period: (result) => result.period,
  "Rep ID": (result) => result.id,
  Name: (result) => result.name,
  Team: (result) => result.team,
  Score: (result) => numberCell(result.score),
  Rank: (result) => numberCell(result.rank),
  "Team rank": (result) => numberCell(result.teamRank),
  Bonus: (result) => (result.payout ? numberCell(result.payout.total) : ""),
  Notes: (result, options) => notesText(result, options.provisional, options.language, options.awaiting),
  "Forecast revenue": (_, options) => (options.forecast ? numberCell(options.forecast.revenue) : ""),
  "Forecast payout": (_, options) => (options.forecast ? numberCell(options.forecast.payout) : ""),
};

/** What a Results column holds: one of the fixed columns, or a figure of a metric. */
type ResultCell =
  | { fixed: FixedCell; metric: null }
  | { fixed: null; metric: { key: string; figure: "actual" | "target" | "attainment" } };

// A run writes tens of thousands of rows with one list of columns: each header is read once per list, not split
// into a metric key and a figure again for every row.
const resultCellsByColumns = new WeakMap<readonly OutputColumn[], readonly ResultCell[]>();

function resultCellsOf(columns: readonly OutputColumn[]): readonly ResultCell[] {
  let cells = resultCellsByColumns.get(columns);
  if (cells === undefined) {
    cells = columns.map(({ header }): ResultCell => {
      if (Object.prototype.hasOwnProperty.call(FIXED_CELLS, header))
        return { fixed: FIXED_CELLS[header], metric: null };
      // "<key> actual", "<key> target", "<key> attainment" (any other last word reads as the attainment).
      const space = header.lastIndexOf(" ");
      const suffix = header.slice(space + 1);
      const figure = suffix === "actual" || suffix === "target" ? suffix : "attainment";
      return { fixed: null, metric: { key: header.slice(0, space), figure } };
    });
    resultCellsByColumns.set(columns, cells);
  }
  return cells;
}

/** A metric's figure in a row; blank when the row has no such metric (the last of a key, should two share it). */
function metricCell(result: RepPeriodResult, metric: NonNullable<ResultCell["metric"]>): CellValue {
  const metrics = result.metrics;
  for (let i = metrics.length - 1; i >= 0; i--) {
    if (metrics[i].key === metric.key) return numberCell(metrics[i][metric.figure]);
  }
  return "";
}

// ---------------------------------------------------------------- Payouts rows

const PAYOUT_HEADERS = headersOf(PAYOUT_COLUMNS);

/**
 * A pay component's driver as the Payouts sheet's Driver column writes it:
 * score, attainment:METRIC, team_attainment:METRIC, or a commission's metric.
 *
 * @example
 * driverText(commissionTrace); // "revenue"
 * driverText(bonusTrace);      // "score"
 */
export function driverText(trace: ComponentTrace): string {
  const driver = trace.driver;
  if (driver.kind === "score") return "score";
  if (driver.kind === "amount") return driver.metric;
  return driver.kind + ":" + driver.metric;
}

/** The format of a driver's value, from the Driver cell: a score, an attainment, or an amount. */
function driverFormat(driver: string, type: string): string {
  if (type !== "target_bonus" && type !== "commission") return SCORE_FORMAT;
  if (driver === "score") return SCORE_FORMAT;
  if (/^(team_)?attainment:/.test(driver)) return PERCENT_FORMAT;
  return MONEY_FORMAT;
}

const DRIVER_COLUMN = PAYOUT_HEADERS.indexOf("Driver");
const TYPE_COLUMN = PAYOUT_HEADERS.indexOf("Type");

/**
 * The number formats of a Payouts line, decided by its own cells (so a kept
 * line gets exactly the formats it was written with). Lines of one driver
 * format share one array, which is never to be changed.
 *
 * @example
 * payoutLineFormats(line)[7]; // "0.000" for a score driver, "0.0%" for an attainment
 */
export function payoutLineFormats(line: readonly unknown[]): string[] {
  return lineFormats(driverFormat(plainText(line[DRIVER_COLUMN]), plainText(line[TYPE_COLUMN])));
}

// A monthly run writes tens of thousands of Payouts lines with three sets of formats between them (a score, an
// attainment or an amount drives the line): each set is made once and shared by its lines.
let formatsByValueFormat: Map<string, string[]> | undefined;

function lineFormats(valueFormat: string): string[] {
  formatsByValueFormat ??= new Map();
  let formats = formatsByValueFormat.get(valueFormat);
  if (formats === undefined) {
    formats = PAYOUT_COLUMNS.map((column) =>
      column.header === "Driver value" || column.header === "Tier" || column.header === "Gate"
        ? valueFormat
        : column.format,
    );
    formatsByValueFormat.set(valueFormat, formats);
  }
  return formats;
}

/** The column of each Payouts cell a line is filled with. */
function payoutColumnIndexes() {
  const at = (header: string) => PAYOUT_HEADERS.indexOf(header);
  return {
    period: at("Period"),
    repId: at("Rep ID"),
    name: at("Name"),
    line: at("Line"),
    type: at("Type"),
    item: at("Item"),
    driver: at("Driver"),
    driverValue: at("Driver value"),
    mode: at("Mode"),
    tier: at("Tier"),
    rate: at("Rate"),
    maxRate: at("Max rate"),
    base: at("Base"),
    proration: at("Proration"),
    gate: at("Gate"),
    gateMet: at("Gate met"),
    amount: at("Amount"),
    reason: at("Reason"),
    notes: at("Notes"),
  };
}

// A monthly run writes tens of thousands of Payouts lines: each is a copy of a blank line filled by column index,
// the indexes found once.
let payoutAt: ReturnType<typeof payoutColumnIndexes> | undefined;
let blankPayoutLine: readonly CellValue[] | undefined;

/** A line of the rep's period, numbered, of a type and an item; every other cell blank. */
function payoutLine(result: RepPeriodResult, lineNumber: number, type: string, item: string): CellValue[] {
  const at = (payoutAt ??= payoutColumnIndexes());
  blankPayoutLine ??= PAYOUT_HEADERS.map(() => "");
  const line = blankPayoutLine.slice();
  line[at.period] = result.period;
  line[at.repId] = result.id;
  line[at.name] = result.name;
  line[at.line] = lineNumber;
  line[at.type] = type;
  line[at.item] = item;
  return line;
}

/**
 * The Payouts lines of one rep and payout period: one per pay component
 * with its trace, one per adjustment with its reason, then the total. None
 * when the period is not a payout period.
 *
 * @example
 * payoutRows(result, { provisional: false, language: "en" }).values.map((row) => row[4]);
 * // ["target_bonus", "commission", "adjustment", "total"]
 */
export function payoutRows(
  result: RepPeriodResult,
  options: { provisional: boolean; language: Language },
): FormattedRows {
  const payout: PayoutResult | null = result.payout;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  if (!payout) return { values, formats };
  const at = (payoutAt ??= payoutColumnIndexes());
  for (const trace of payout.components) {
    const line = payoutLine(result, values.length + 1, trace.kind, trace.key);
    line[at.driver] = driverText(trace);
    line[at.driverValue] = numberCell(trace.driverValue);
    line[at.mode] = trace.mode;
    line[at.tier] = numberCell(trace.tierBound);
    line[at.rate] = numberCell(trace.rate);
    line[at.maxRate] = numberCell(trace.maxRate);
    line[at.base] = trace.kind === "target_bonus" ? numberCell(trace.base) : "";
    line[at.proration] = numberCell(trace.proration);
    line[at.gate] = numberCell(trace.gate);
    line[at.gateMet] = trace.gateMet;
    line[at.amount] = numberCell(trace.amount);
    values.push(line);
    formats.push(payoutLineFormats(line));
  }
  for (const adjustment of payout.adjustments) {
    const line = payoutLine(result, values.length + 1, "adjustment", adjustment.period);
    line[at.amount] = numberCell(adjustment.amount);
    line[at.reason] = adjustment.reason;
    values.push(line);
    formats.push(payoutLineFormats(line));
  }
  const notes = [
    options.provisional ? noteWords("provisional", options.language) : "",
    payout.negative ? noteWords("negative", options.language) : "",
  ];
  const total = payoutLine(result, values.length + 1, "total", "total");
  total[at.amount] = numberCell(payout.total);
  total[at.notes] = notes.filter(Boolean).join(options.language === "zh" ? "；" : "; ");
  values.push(total);
  formats.push(payoutLineFormats(total));
  return { values, formats };
}

// ---------------------------------------------------------------- ordering

const KIND_ORDER = { month: 0, quarter: 1, year: 2 } as const;

/**
 * Sort key of a Period cell: periods in the order they end (a quarter right
 * after its last month, a year after its last quarter); anything that is not
 * a period key sorts last.
 *
 * @example
 * ["2026", "2026-Q1", "2026-03", "2026-01"].sort((a, b) => comparePeriodCells(a, b, 1));
 * // ["2026-01", "2026-03", "2026-Q1", "2026"]
 */
export function comparePeriodCells(a: unknown, b: unknown, fyStart: number): number {
  // Most comparisons of a sort are between rows of one period.
  if (a === b) return 0;
  const ka = periodSortKey(plainText(a), fyStart);
  const kb = periodSortKey(plainText(b), fyStart);
  return ka[0] - kb[0] || ka[1] - kb[1] || (ka[2] < kb[2] ? -1 : ka[2] > kb[2] ? 1 : 0);
}

type PeriodSortKey = readonly [number, number, string];

// Sorting a run's tens of thousands of rows compares their periods hundreds of thousands of times: each period's
// key is worked out once per fiscal-year start (a sheet holds a few hundred periods at most).
const periodSortKeys = new Map<number, Map<string, PeriodSortKey>>();

function periodSortKey(period: string, fyStart: number): PeriodSortKey {
  let keys = periodSortKeys.get(fyStart);
  if (keys === undefined) periodSortKeys.set(fyStart, (keys = new Map()));
  let key = keys.get(period);
  if (key === undefined) {
    if (!isPeriodKey(period)) return [Number.POSITIVE_INFINITY, 0, period];
    const months = monthsOf(period, fyStart);
    const last = months[months.length - 1];
    const index = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
    key = [index, KIND_ORDER[periodKind(period)], period];
    keys.set(period, key);
  }
  return key;
}

function compareLowered(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBlankLast(a: unknown, b: unknown): number {
  const x = typeof a === "number" ? a : Number.POSITIVE_INFINITY;
  const y = typeof b === "number" ? b : Number.POSITIVE_INFINITY;
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * A comparator of rows by Period, then by the given numeric columns (blank
 * last), then by the given text columns.
 *
 * @example
 * rows.sort(rowOrder(header, { fyStart: 1, numbers: ["Rank"], texts: ["Rep ID"] }));
 */
export function rowOrder(
  header: readonly string[],
  options: { fyStart: number; numbers?: readonly string[]; texts?: readonly string[] },
): (a: readonly unknown[], b: readonly unknown[]) => number {
  const period = header.indexOf("Period");
  const numbers = (options.numbers ?? []).map((h) => header.indexOf(h)).filter((i) => i >= 0);
  const texts = (options.texts ?? []).map((h) => header.indexOf(h)).filter((i) => i >= 0);
  // A sort compares each row many times: each text is lower-cased once, not at every comparison.
  const lowered = new Map<string, string>();
  const lower = (cell: unknown): string => {
    const text = plainText(cell);
    let low = lowered.get(text);
    if (low === undefined) lowered.set(text, (low = text.toLowerCase()));
    return low;
  };
  return (a, b) => {
    const byPeriod = comparePeriodCells(a[period], b[period], options.fyStart);
    if (byPeriod !== 0) return byPeriod;
    for (const i of numbers) {
      const c = compareBlankLast(a[i], b[i]);
      if (c !== 0) return c;
    }
    for (const i of texts) {
      const c = compareLowered(lower(a[i]), lower(b[i]));
      if (c !== 0) return c;
    }
    return 0;
  };
}

// ---------------------------------------------------------------- merging

function isBlankRow(row: readonly unknown[]): boolean {
  for (const cell of row) if (cell !== "" && cell !== null && cell !== undefined) return false;
  return true;
}

/**
 * A sheet's values (header row first) as a table; blank rows dropped unless
 * positions matter (`keepBlankRows`); null for a sheet without a header.
 *
 * @example
 * tableOf([["Period", "Rep ID"], ["2026-03", "r1"], ["", ""]]);
 * // { header: ["Period", "Rep ID"], rows: [["2026-03", "r1"]] }
 */
export function tableOf(
  values: readonly unknown[][] | null,
  options: { keepBlankRows?: boolean } = {},
): SheetTable | null {
  if (!values || values.length === 0) return null;
  const header = values[0].map((cell) => plainText(cell).trim());
  if (header.every((h) => h === "")) return null;
  const rows = values.slice(1);
  return { header, rows: options.keepBlankRows ? rows : rows.filter((row) => !isBlankRow(row)) };
}

/**
 * A row of another layout moved into `header`'s columns by name (missing
 * columns blank). Values are kept exactly as read.
 *
 * @example
 * remapRow(["b", "a"], ["a", "b", "c"], [2, 1]); // [1, 2, ""]
 */
export function remapRow(
  fromHeader: readonly string[],
  toHeader: readonly string[],
  row: readonly unknown[],
): CellValue[] {
  return rowRemapper(fromHeader, toHeader)(row);
}

/** {@link remapRow} for many rows of one layout: the columns are matched once. */
function rowRemapper(
  fromHeader: readonly string[],
  toHeader: readonly string[],
): (row: readonly unknown[]) => CellValue[] {
  // The first column of a name, should two share it.
  const sources = toHeader.map((h) => fromHeader.indexOf(h));
  return (row) =>
    sources.map((i) => {
      const value = i < 0 ? "" : row[i];
      return value === null || value === undefined ? "" : (value as CellValue);
    });
}

/**
 * The rows of a sheet after a run: existing rows of the periods the run did
 * not recompute, kept as they were, plus the fresh rows, sorted by `order`.
 * Fresh rows carry their formats; kept rows take `formatsOf(row)` (the
 * formats their own cells call for) or their columns' formats.
 *
 * @example
 * mergeByPeriod(existing, columns, fresh, new Set(["2026-03"]), order);
 * // rows of 2026-03 replaced, every other row unchanged
 */
export function mergeByPeriod(
  existing: SheetTable | null,
  columns: readonly OutputColumn[],
  fresh: FormattedRows,
  recomputed: ReadonlySet<Period>,
  order: (a: readonly unknown[], b: readonly unknown[]) => number,
  formatsOf?: (row: readonly unknown[]) => string[],
): FormattedRows {
  const header = headersOf(columns);
  const columnFormats = columns.map((c) => c.format);
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  if (existing) {
    const period = existing.header.indexOf("Period");
    const remap = rowRemapper(existing.header, header);
    for (const row of existing.rows) {
      if (period >= 0 && recomputed.has(plainText(row[period]).trim())) continue;
      const kept = remap(row);
      values.push(kept);
      formats.push(formatsOf ? formatsOf(kept) : columnFormats);
    }
  }
  for (let i = 0; i < fresh.values.length; i++) {
    values.push(fresh.values[i]);
    formats.push(fresh.formats[i] ?? columnFormats);
  }
  // The rows' positions are sorted (a stable sort, as of the rows themselves), so each row's formats follow it.
  const positions = values.map((_, i) => i);
  positions.sort((i, j) => order(values[i], values[j]));
  return { values: positions.map((i) => values[i]), formats: positions.map((i) => formats[i]) };
}
