/**
 * Reading the Scores sheet: the values of manual metrics, entered by hand per
 * rep and period, where a metric computed from Sales is refused.
 *
 * Separate because only Scores holds manual metrics, and its metric rule
 * (`not_manual_metric`) is its own.
 */
import { builtInMetric } from "../core/metric-catalog";
import { isPeriodKey, parsePeriod } from "../core/periods";
import type { Period, ScoreRecord } from "../core/records";
import { displayValue, readIdText, readNumberCell, readPeriodCell, readText, type DayOfInstant } from "./cell-values";
import { readRowsPlain, requiredCells, resolvedField, type OpenSheet, type RowsReader } from "./input-rows";
import { metricName, type MetricResolvers } from "./metric-names";
import { resolveRep, type RepDirectory } from "./read-reps";

const SCORE_CELLS = { rep: readIdText, period: readPeriodCell, metric: readText, value: readNumberCell };

/**
 * Reads the Scores sheet: rows naming an unknown rep, or a metric that is not
 * a declared manual one, are left out. A missing sheet gives no scores. With
 * `periods`, a row whose Period cell is typed as the key of another period
 * (2026-03) is skipped, problems and all.
 *
 * @example
 * // Scores: ["Rep ID", "Period", "Metric", "Value"], ["r1", "2026-03", "csat", "4.5"]
 * readScores(scoresSheet, reps, wallClock, metrics);
 * // [{ row: 2, rep: "r1", period: "2026-03", metric: "csat", value: 4.5 }]
 */
export function readScores(
  sheet: OpenSheet<"scores"> | null,
  reps: RepDirectory,
  dayOf: DayOfInstant,
  metrics: MetricResolvers,
  readRows: RowsReader = readRowsPlain,
  periods: ReadonlySet<Period> | null = null,
): ScoreRecord[] {
  if (!sheet) return [];
  const readers = requiredCells(sheet, dayOf, SCORE_CELLS);
  const scores: ScoreRecord[] = [];
  for (const row of readRows(periods === null ? sheet : withoutOtherPeriods(sheet, periods), readers)) {
    const rep = resolvedField(sheet, readers, row, "rep", (id) => resolveRep(sheet, reps, row.row, "rep", id));
    const metric = resolvedField(sheet, readers, row, "metric", (text) => manualMetric(sheet, row.row, text, metrics));
    if (rep === null || metric === null || row.values === null) continue;
    scores.push({ row: row.row, rep, period: row.values.period, metric, value: row.values.value });
  }
  return scores;
}

const NO_CELLS: readonly unknown[] = [];

/**
 * The sheet with the rows of other periods blank: those whose Period cell is
 * the key of a period not wanted, as typed. Any other Period cell is read as
 * usual, so a period that cannot be read is still a problem.
 */
function withoutOtherPeriods(sheet: OpenSheet<"scores">, periods: ReadonlySet<Period>): OpenSheet<"scores"> {
  const column = sheet.match.index.period;
  const otherByText = new Map<string, boolean>();
  const isOther = (value: unknown): boolean => {
    if (typeof value !== "string") return false;
    let other = otherByText.get(value);
    if (other === undefined) {
      other = isPeriodKey(value) && parsePeriod(value) === value && !periods.has(value);
      otherByText.set(value, other);
    }
    return other;
  };
  const values = sheet.values.map((cells, index) =>
    index > sheet.headerIndex && cells !== undefined && isOther(cells[column]) ? (NO_CELLS as unknown[]) : cells,
  );
  return { ...sheet, values };
}

/** Scores hold manual metrics only: a plan metric computed from Sales is `not_manual_metric`. */
function manualMetric(sheet: OpenSheet<"scores">, row: number, text: string, metrics: MetricResolvers): string | null {
  const manual = metrics.manual(text);
  if (manual !== null) return manual;
  const known = metrics.plan(text);
  const code = known !== null || isBuiltInName(text) ? "not_manual_metric" : "unknown_metric";
  sheet.report(row, "metric", code, { metric: displayValue(text) });
  return null;
}

function isBuiltInName(text: string): boolean {
  return builtInMetric(metricName(text)) !== undefined;
}
