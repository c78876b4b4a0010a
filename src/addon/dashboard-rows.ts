/**
 * The Dashboard: a title, the period's status, and a leaderboard of the
 * latest month that has a score (rank, rep, score, bonus, each metric's attainment), taken
 * from the Results rows as written, so final rows show exactly what Results
 * holds. The attainment chart is drawn from the leaderboard's Name column and
 * its first attainment column.
 */
import { catalogueText } from "../core/localized-text";
import { isPeriodKey, periodKind } from "../core/periods";
import type { Language } from "../core/plan-model";
import { TEXT_FORMAT, leaderboardColumns, metricOfHeader, type OutputColumn } from "../tables/output-columns";
import { comparePeriodCells, provisionalNote, remapRow, type FormattedRows } from "../tables/output-rows";
import { plainText, type CellValue } from "../tables/sheet-text";
import WORDS from "./dashboard-rows-text.json";

const word = catalogueText(WORDS);

export interface DashboardBlock extends FormattedRows {
  /** The period shown; null when Results has no row. */
  period: string | null;
  /** Leaderboard rows (without its header). */
  tableRows: number;
  /** 1-based columns of the chart's labels and values; null when there is nothing to chart. */
  chart: { labelColumn: number; valueColumn: number; title: string } | null;
}

/**
 * The latest month among Period cells (or the latest period when there is no month).
 *
 * @example
 * latestPeriod(["2026-01", "2026-Q1", "2026-02"], 1); // "2026-02"
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function latestPeriod(periods: readonly unknown[], fyStart: number): string | null {
  const keys = [...new Set(periods.map((p) => plainText(p).trim()).filter(isPeriodKey))];
  const months = keys.filter((p) => periodKind(p) === "month");
  const pool = months.length > 0 ? months : keys;
  if (pool.length === 0) return null;
  return pool.sort((a, b) => comparePeriodCells(a, b, fyStart))[pool.length - 1];
}

function statusText(
  period: string,
  options: { language: Language; isFinal: (period: string) => boolean; isAwaiting?: (period: string) => boolean },
): string {
  if (options.isFinal(period)) return word("final", options.language);
  // The Results rows' own provisional note, so the two sheets say the same.
  return options.isAwaiting?.(period) ? word("awaiting", options.language) : provisionalNote(options.language);
}

/**
 * The Dashboard's cells from the Results sheet as written: title, status,
 * a blank row, then the leaderboard from row 4 (DASHBOARD_TABLE_FIRST_ROW).
 *
 * @example
 * const block = dashboardBlock(resultsHeader, resultsRows, { fyStart: 1, language: "en", isFinal: (p) => false });
 * block.values[0][0]; // "Leaderboard 2026-03"
 */
export function dashboardBlock(
  resultsHeader: readonly string[],
  resultsRows: readonly CellValue[][],
  options: {
    fyStart: number;
    language: Language;
    isFinal: (period: string) => boolean;
    /** Due but waiting for an approval (README, "Payout approval"). */
    isAwaiting?: (period: string) => boolean;
  },
): DashboardBlock {
  const language = options.language;
  const periodIndex = resultsHeader.indexOf("Period");
  const scoreIndex = resultsHeader.indexOf("Score");
  // The latest month with a score; a month that has just begun (no data yet) would show an empty board.
  const scored = resultsRows.filter((row) => typeof row[scoreIndex] === "number");
  const period = latestPeriod(
    (scored.length > 0 ? scored : resultsRows).map((row) => row[periodIndex]),
    options.fyStart,
  );
  const metricKeys = [...new Set(resultsHeader.map(metricOfHeader).filter((k): k is string => k !== null))];
  const columns: OutputColumn[] = leaderboardColumns(metricKeys);
  const width = columns.length;
  const blankRow = (): CellValue[] => new Array(width).fill("");
  const textRow = (text: string): CellValue[] => [text, ...new Array(width - 1).fill("")];
  const textFormats = (): string[] => new Array(width).fill(TEXT_FORMAT);
  if (period === null) {
    return {
      values: [textRow(word("empty", language))],
      formats: [textFormats()],
      period: null,
      tableRows: 0,
      chart: null,
    };
  }
  const rows = resultsRows.filter((row) => plainText(row[periodIndex]).trim() === period);
  const header = columns.map((c) => c.header);
  const values: CellValue[][] = [
    textRow(word("title", language, { period })),
    textRow(statusText(period, options)),
    blankRow(),
    header,
    ...rows.map((row) => remapRow(resultsHeader, header, row)),
  ];
  const formats: string[][] = [
    textFormats(),
    textFormats(),
    textFormats(),
    textFormats(),
    ...rows.map(() => columns.map((c) => c.format)),
  ];
  const firstMetric = metricKeys[0];
  const chart =
    firstMetric === undefined || rows.length === 0
      ? null
      : {
          labelColumn: header.indexOf("Name") + 1,
          valueColumn: header.indexOf(firstMetric + " attainment") + 1,
          title: word("chart", language, { metric: firstMetric, period }),
        };
  return { values, formats, period, tableRows: rows.length, chart };
}
