/**
 * The number formats of a block as a few ranges instead of a grid of one
 * format per cell: most of an output block's cells share their column's
 * format, and sending a format once per range costs one call and no cells,
 * where a grid costs a cell per cell.
 *
 * The block is first given one format (one call on the block's own range,
 * the format that leaves the fewest ranges); then what differs is written over it, in
 * bands of rows: the first row (a header), the body, and the rows at the
 * foot that hold one format throughout (blank rows that clear what a longer
 * earlier write left). In the body, each column whose rows all hold one
 * format is a range, shared with its neighbours of the same format; columns
 * whose rows differ go as a grid, neighbours together. So the number of
 * ranges depends on the columns, never on the rows.
 */

/** One number-format write: a single format for the whole range, or a grid of one per cell. Later ranges win. */
export interface FormatRange {
  /** First row and column in the block, 0-based. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  format: string | string[][];
}

type Formats = readonly (readonly string[])[];

/** Where the rows at the foot of the block that all hold one format start (at `from` or after), and that format. */
function uniformFoot(formats: Formats, from: number): { start: number; format: string | null } {
  const format = formats[formats.length - 1][0];
  let start = formats.length;
  while (start > from && isAll(formats[start - 1], format)) start--;
  return { start, format: start < formats.length ? format : null };
}

function isAll(row: readonly string[], format: string): boolean {
  for (const cell of row) if (cell !== format) return false;
  return true;
}

/** Neighbouring columns of a band that hold one format over its rows (null: a column whose rows differ). */
interface ColumnRun {
  column: number;
  end: number;
  format: string | null;
}

/** A band of rows and its runs of columns. */
interface Band {
  from: number;
  to: number;
  runs: ColumnRun[];
}

function bandOf(formats: Formats, from: number, to: number): Band {
  return { from, to, runs: columnRuns(columnFormats(formats, from, to)) };
}

/**
 * Each column's one format over rows [from, to), null where its rows differ. Row by row, because a table's rows
 * mostly share one formats array (its columns' formats): a row that is the previous row's array is skipped.
 */
function columnFormats(formats: Formats, from: number, to: number): (string | null)[] {
  const byColumn: (string | null)[] = [...formats[from]];
  for (let r = from + 1; r < to; r++) {
    const row = formats[r];
    if (row === formats[r - 1]) continue;
    for (let c = 0; c < byColumn.length; c++) if (byColumn[c] !== null && row[c] !== byColumn[c]) byColumn[c] = null;
  }
  return byColumn;
}

/** Neighbouring columns of one format together, and neighbouring columns whose rows differ together. */
function columnRuns(byColumn: readonly (string | null)[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  let column = 0;
  while (column < byColumn.length) {
    const format = byColumn[column];
    let end = column + 1;
    while (end < byColumn.length && byColumn[end] === format) end++;
    runs.push({ column, end, format });
    column = end;
  }
  return runs;
}

/** The ranges of a band whose columns differ from the background; columns whose rows differ go as a grid. */
function bandRanges(formats: Formats, band: Band, background: string): FormatRange[] {
  const ranges: FormatRange[] = [];
  for (const { column, end, format } of band.runs) {
    if (format === background) continue;
    ranges.push({
      row: band.from,
      column,
      rows: band.to - band.from,
      columns: end - column,
      format: format ?? gridOf(formats, band, column, end),
    });
  }
  return ranges;
}

/**
 * The formats of columns [column, end) over a band's rows, one array per row. Rows that share one formats array
 * share one array here too (a table's rows take their formats from a few arrays), which the grid's reader only reads.
 */
function gridOf(formats: Formats, band: Band, column: number, end: number): string[][] {
  const slices = new Map<readonly string[], string[]>();
  const grid: string[][] = [];
  for (let r = band.from; r < band.to; r++) {
    const row = formats[r];
    let slice = slices.get(row);
    if (slice === undefined) slices.set(row, (slice = row.slice(column, end)));
    grid.push(slice);
  }
  return grid;
}

/** How many ranges a background leaves: itself, each run of the bands that differs from it, and the foot. */
function rangeCount(bands: readonly Band[], foot: { format: string | null }, background: string): number {
  let count = 1;
  for (const band of bands) for (const run of band.runs) if (run.format !== background) count++;
  if (foot.format !== null && foot.format !== background) count++;
  return count;
}

/**
 * The ranges that set a block's number formats, in the order to write them
 * (see the file comment).
 *
 * @example
 * formatRanges([["@", "@", "@"], ["@", "0.00", "@"], ["@", "0.00", "@"]]);
 * // [{ row: 0, column: 0, rows: 3, columns: 3, format: "@" },
 * //  { row: 1, column: 1, rows: 2, columns: 1, format: "0.00" }]
 */
export function formatRanges(formats: Formats): FormatRange[] {
  if (formats.length === 0 || formats[0].length === 0) return [];
  const width = formats[0].length;
  const whole = { row: 0, column: 0, rows: formats.length, columns: width };
  const single = uniformFormat(formats);
  if (single !== null) return [{ ...whole, format: single }];
  if (formats.length < MIN_ROWS_FOR_RANGES) return [{ ...whole, format: formats.map((row) => [...row]) }];
  const foot = uniformFoot(formats, 1);
  const bands = foot.start > 1 ? [bandOf(formats, 0, 1), bandOf(formats, 1, foot.start)] : [bandOf(formats, 0, 1)];
  // The background that leaves the fewest ranges to write over it (the first of equals). Ranges are counted
  // before any is built: a grid is as tall as the block, and only the chosen background's are needed.
  let best = "";
  let fewest = Number.POSITIVE_INFINITY;
  for (const background of new Set([...formats[0], ...formats[foot.start - 1]])) {
    const count = rangeCount(bands, foot, background);
    if (count < fewest) [best, fewest] = [background, count];
  }
  const ranges: FormatRange[] = [{ ...whole, format: best }];
  for (const band of bands) for (const range of bandRanges(formats, band, best)) ranges.push(range);
  if (foot.format !== null && foot.format !== best)
    ranges.push({ row: foot.start, column: 0, rows: formats.length - foot.start, columns: width, format: foot.format });
  return ranges;
}

/** Blocks of fewer rows (a header and a row, an appended row) go as one grid: ranges would save a handful of cells. */
const MIN_ROWS_FOR_RANGES = 3;

/**
 * The formats of a block as one write (a single format, or the grid): the
 * fewest calls, for a run whose calls are too slow for the ranges to fit.
 *
 * @example
 * wholeBlockRange([["@", "0"], ["@", "0"]]); // [{ row: 0, column: 0, rows: 2, columns: 2, format: [["@", "0"], ["@", "0"]] }]
 */
export function wholeBlockRange(formats: Formats): FormatRange[] {
  if (formats.length === 0 || formats[0].length === 0) return [];
  const single = uniformFormat(formats);
  return [
    { row: 0, column: 0, rows: formats.length, columns: formats[0].length, format: single ?? (formats as string[][]) },
  ];
}

/**
 * The one number format of a block, or null when it has several.
 *
 * @example
 * uniformFormat([["@", "@"], ["@", "@"]]); // "@"
 * uniformFormat([["@", "0"]]);             // null
 */
function uniformFormat(formats: Formats): string | null {
  const first = formats[0]?.[0];
  if (first === undefined) return null;
  for (const row of formats) for (const format of row) if (format !== first) return null;
  return first;
}

/**
 * Cells the ranges send (a grid's cells; a single format sends none) and
 * calls they take.
 *
 * @example
 * formatRangesSize(formatRanges([["@", "@"], ["@", "0.00"]])); // { calls: 3, cells: 0 }
 */
export function formatRangesSize(ranges: readonly FormatRange[]): { calls: number; cells: number } {
  let cells = 0;
  for (const range of ranges) if (typeof range.format !== "string") cells += range.rows * range.columns;
  return { calls: ranges.length, cells };
}
