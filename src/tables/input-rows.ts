/**
 * The machinery every input sheet is read with: a row defined once as a map
 * from field to cell reader, the zod schema built from that map, a sheet
 * opened by its headers, its non-blank rows, and the problems of all sheets
 * collected in sheet, row and column order.
 *
 * Kept apart from the reader of each sheet (`read-reps.ts`, `read-sales.ts`,
 * ...), which holds only that sheet's fields and rules: this file knows no
 * sheet in particular.
 */
import * as z from "zod/mini";
import { a1, columnOfCell } from "../core/a1-notation";
import { problemAt, type Problem, type ProblemCode, type Severity } from "../core/problems";
import { cellFailure, isBlankCell, isCellFailure, type CellFailure, type DayOfInstant } from "./cell-values";
import { isReportNoteRow } from "./report-note-rows";
import { findHeaderRow, matchHeaders, type HeaderMatch } from "./header-matching";
import { INPUT_SHEET_ORDER, INPUT_SHEETS, type FieldOf, type InputSheetKey } from "./input-columns";

/** One input sheet as `getValues()` returns it: row 0 holds the headers. */
export interface SheetGrid {
  sheetName: string;
  /** null when the spreadsheet has no such sheet. */
  values: unknown[][] | null;
  /**
   * The name the sheet was looked for under, when no sheet has it and this
   * one was read in its place because its header row is that sheet's (an
   * export imported as a sheet named after its file).
   */
  standsInFor?: string;
}

// ---------------------------------------------------------------------------
// Row definitions: one cell reader per field. The zod schemas are built from
// these, and the Sales fast path runs the same readers.

/** Reads one cell: its value, or why it cannot be read. */
export type CellReader<T> = (value: unknown) => T | CellFailure;
/** A row's fields, each with its cell reader. */
type RowReaders = Record<string, CellReader<unknown>>;
/** The values of a row whose every cell could be read. */
export type RowOf<R extends RowReaders> = { [K in keyof R]: Exclude<ReturnType<R[K]>, CellFailure> };

const BLANK_REQUIRED = cellFailure("blank_required");

/**
 * A reader that fails with `blank_required` where the given reader finds a
 * blank cell.
 *
 * @example
 * required(readText)(" R1 "); // "R1"
 * required(readText)("  ");   // cellFailure("blank_required")
 */
export function required<T>(read: (value: unknown) => T | null | CellFailure): CellReader<T> {
  return (value) => {
    const result = read(value);
    return result === null ? BLANK_REQUIRED : result;
  };
}

/** A cell reader that also takes the spreadsheet's day function, as most of `cell-values.ts` does. */
type DayCellReader = (value: unknown, dayOf: DayOfInstant) => unknown;

/** The readers `requiredCells` builds: each field's reader, `required`. */
type RequiredCells<D extends Record<string, DayCellReader>> = {
  [F in keyof D]: CellReader<Exclude<ReturnType<D[F]>, null | CellFailure>>;
};

/**
 * The readers of a sheet whose every column is required (Adjustments, Scores, Targets), each cell read with the
 * spreadsheet's day function, so such a sheet names each field's reader once. The sheet is passed only so the
 * compiler checks that every field of it has a reader.
 *
 * @example
 * // adjustmentsSheet: OpenSheet<"adjustments">
 * const cells = { rep: readIdText, period: readMonthCell, amount: readNumberCell, reason: readText };
 * const readers = requiredCells(adjustmentsSheet, dayOf, cells);
 * readers.amount("1,200"); // 1200
 * readers.rep("");         // cellFailure("blank_required")
 */
export function requiredCells<K extends InputSheetKey, D extends Record<FieldOf<K>, DayCellReader>>(
  _sheet: OpenSheet<K>,
  dayOf: DayOfInstant,
  reads: D,
): RequiredCells<D> {
  const readers: Record<string, CellReader<unknown>> = {};
  for (const [field, read] of Object.entries<DayCellReader>(reads))
    readers[field] = required((value) => read(value, dayOf));
  return readers as RequiredCells<D>;
}

/**
 * A reader that reads a blank cell as "", for the optional text columns.
 *
 * @example
 * orEmpty(readText)(" AE "); // "AE"
 * orEmpty(readText)("");     // ""
 */
export function orEmpty(read: (value: unknown) => string | null | CellFailure): CellReader<string> {
  return (value) => read(value) ?? "";
}

/**
 * The zod schema of a row: an object of raw cells, each piped through its
 * reader; a failure becomes a zod issue carrying the failure, so the issue's
 * path names the field and so the cell.
 *
 * @example
 * const schema = rowSchema({ customer: required(readText), amount: required(readNumberCell) });
 * schema.safeParse({ customer: " Acme ", amount: "1,200" }); // { success: true, data: { customer: "Acme", amount: 1200 } }
 * schema.safeParse({ customer: "", amount: "x" });
 * // { success: false, error: issues at ["customer"] (blank_required) and ["amount"] (not_a_number) }
 */
function rowSchema<R extends RowReaders>(readers: R): z.ZodMiniType<RowOf<R>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of Object.keys(readers)) {
    const read = readers[field];
    shape[field] = z.pipe(
      z.unknown(),
      z.transform((value: unknown, context) => {
        const result = read(value);
        if (!isCellFailure(result)) return result;
        context.issues.push({ code: "custom", message: result.failure, input: value, params: { failure: result } });
        return z.NEVER;
      }),
    );
  }
  return z.object(shape) as unknown as z.ZodMiniType<RowOf<R>>;
}

// ---------------------------------------------------------------------------
// Sheets, rows and problems.

interface Collected {
  order: number;
  row: number;
  column: number;
  problem: Problem;
}

/** The problems of every input sheet, gathered as they are found. */
export interface ProblemCollector {
  add(entry: Collected): void;
  sorted(): Problem[];
}

/**
 * Collects the problems of every input sheet and gives them back sorted by
 * sheet (its place in the input order), row and column, then in the order
 * they were found.
 *
 * @example
 * const collector = problemCollector();
 * collector.add({ order: 1, row: 3, column: 2, problem: onSales });
 * collector.add({ order: 0, row: 5, column: 1, problem: onReps });
 * collector.sorted(); // [onReps, onSales]
 */
export function problemCollector(): ProblemCollector {
  const entries: Collected[] = [];
  return {
    add: (entry) => entries.push(entry),
    sorted: () =>
      entries
        .map((entry, seq) => ({ entry, seq }))
        .sort(
          (a, b) =>
            a.entry.order - b.entry.order ||
            a.entry.row - b.entry.row ||
            a.entry.column - b.entry.column ||
            a.seq - b.seq,
        )
        .map(({ entry }) => entry.problem),
  };
}

/** A sheet whose headers are all there, ready for its rows to be read. */
export interface OpenSheet<K extends InputSheetKey> {
  key: K;
  name: string;
  values: unknown[][];
  /** 0-based row of the header row; data rows follow it. */
  headerIndex: number;
  match: HeaderMatch<FieldOf<K>>;
  /** 0-based columns that were found, for telling blank rows. */
  usedColumns: number[];
  /** Reports a problem on the cell of a field in a 1-based row. */
  report(
    row: number,
    field: FieldOf<K>,
    code: ProblemCode,
    args: Record<string, string | number>,
    severity?: Severity,
  ): void;
  /** Reports a problem about a whole 1-based row (or, with row = header row, about the sheet), on its first cell. */
  reportOnRow(row: number, code: ProblemCode, args: Record<string, string | number>, severity?: Severity): void;
  /** The A1 reference of a field's cell, for messages naming another row. */
  cellOf(row: number, field: FieldOf<K>): string;
}

/**
 * Matches a sheet's headers and opens it for its rows to be read. The header
 * row is looked for among the first rows (an export's title and filter lines
 * may sit above it; a warning says which row was used). A missing required
 * sheet is `missing_sheet`; a missing or empty optional sheet, or a sheet
 * missing a required column (reported), gives null.
 *
 * @example
 * const sheet = openSheet("reps", { sheetName: "Reps", values: [["Rep ID", "Name"], ["R1", "Ann"]] }, problemCollector());
 * sheet?.match.index.name; // 1
 * sheet?.cellOf(2, "name"); // "B2"
 */
export function openSheet<K extends InputSheetKey>(
  key: K,
  grid: SheetGrid,
  collector: ProblemCollector,
  options: { mapping?: Readonly<Record<string, string>> } = {},
): OpenSheet<K> | null {
  const spec = INPUT_SHEETS[key];
  const order = INPUT_SHEET_ORDER.indexOf(key);
  const name = grid.sheetName;
  if (grid.values === null) {
    if (spec.required)
      collector.add({ order, row: 0, column: 0, problem: problemAt(name, "A1", "missing_sheet", { sheet: name }) });
    return null;
  }
  const values = grid.values;
  // An optional sheet that was created but left empty simply has no rows.
  if (!spec.required && values.every((row) => row.every(isBlankCell))) return null;
  const columns = spec.columns as readonly { field: FieldOf<K>; header: string; zhHeader: string; required: boolean }[];
  const matchOptions = { sheetKey: key, mapping: options.mapping };
  const headerIndex = findHeaderRow(values, columns, matchOptions);
  const match = matchHeaders(values[headerIndex] ?? [], columns, name, { ...matchOptions, row: headerIndex + 1 });
  for (const problem of match.problems) {
    collector.add({ order, row: headerIndex + 1, column: columnOfCell(problem.cell), problem });
  }
  if (headerIndex > 0) {
    const problem = problemAt(
      name,
      a1(headerIndex + 1, 1),
      "header_row_below_titles",
      { row: headerIndex + 1, above: headerIndex },
      "warning",
    );
    collector.add({ order, row: headerIndex + 1, column: 0, problem });
  }
  if (!match.complete) return null;
  const indexes = Object.values(match.index) as number[];
  const cellOf = (row: number, field: FieldOf<K>) => a1(row, match.index[field] + 1);
  return {
    key,
    name,
    values,
    headerIndex,
    match,
    usedColumns: indexes.filter((index) => index >= 0),
    report(row, field, code, args, severity = "error") {
      const column = match.index[field] + 1;
      collector.add({ order, row, column, problem: problemAt(name, a1(row, column), code, args, severity) });
    },
    reportOnRow(row, code, args, severity = "error") {
      collector.add({ order, row, column: 0, problem: problemAt(name, a1(row, 1), code, args, severity) });
    },
    cellOf,
  };
}

/**
 * Whether every used column of a row is blank; cells of other columns do not
 * count.
 *
 * @example
 * isBlankRow(["", " ", "a note"], [0, 1]); // true
 * isBlankRow(["R1", ""], [0, 1]);          // false
 */
export function isBlankRow(cells: readonly unknown[], usedColumns: readonly number[]): boolean {
  for (const column of usedColumns) if (!isBlankCell(cells[column])) return false;
  return true;
}

/** One non-blank data row: its values when every cell could be read. */
export interface ReadRow<T> {
  /** 1-based sheet row. */
  row: number;
  cells: readonly unknown[];
  values: T | null;
}

/** Reads the non-blank rows of a sheet with the given cell readers (`readRowsWithSchema` is one). */
export type RowsReader = <K extends InputSheetKey, R extends RowReaders>(
  sheet: OpenSheet<K>,
  readers: R,
) => ReadRow<RowOf<R>>[];

/**
 * Reports a cell that could not be read, naming its column as the sheet
 * writes it.
 *
 * @example
 * reportFailure(sheet, 4, "amount", cellFailure("not_a_number", { value: "abc" }));
 * // a not_a_number error on the Amount cell of row 4
 */
export function reportFailure<K extends InputSheetKey>(
  sheet: OpenSheet<K>,
  row: number,
  field: FieldOf<K>,
  failure: CellFailure,
): void {
  sheet.report(row, field, failure.failure, { column: sheet.match.label[field], ...failure.args });
}

/**
 * Reads rows through the zod schema (the small sheets, and Sales in tests).
 *
 * @example
 * readRowsWithSchema(sheet, { id: required(readText), name: required(readText) });
 * // [{ row: 2, cells: ["R1", "Ann"], values: { id: "R1", name: "Ann" } },
 * //  { row: 3, cells: ["", "Bob"], values: null }] (and blank_required on A3)
 */
export const readRowsWithSchema: RowsReader = (sheet, readers) => {
  const schema = rowSchema(readers);
  const fields = Object.keys(readers) as FieldOf<typeof sheet.key>[];
  const rows: ReadRow<RowOf<typeof readers>>[] = [];
  forEachDataRow(sheet, (cells, row) => {
    const raw: Record<string, unknown> = {};
    for (const field of fields) raw[field] = cellOfField(sheet, cells, field);
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      rows.push({ row, cells, values: parsed.data });
      return;
    }
    for (const issue of parsed.error.issues) {
      const failure = (issue as { params?: { failure?: CellFailure } }).params?.failure;
      // Every cell is z.unknown() piped through its reader, so any other issue is a bug here.
      if (!failure) throw new Error("unexpected schema issue " + issue.code + " at " + issue.path.join("."));
      reportFailure(sheet, row, issue.path[0] as FieldOf<typeof sheet.key>, failure);
    }
    rows.push({ row, cells, values: null });
  });
  return rows;
};

/**
 * Reads rows with the same readers as {@link readRowsWithSchema} and gives the
 * same rows, values and problems (a row's failures in field order), in a plain
 * loop: zod's cost per row was most of reading Targets and Scores, which
 * SCORECARD reads on every call.
 *
 * @example
 * readRowsPlain(sheet, { id: required(readText), name: required(readText) });
 * // [{ row: 2, cells: ["R1", "Ann"], values: { id: "R1", name: "Ann" } },
 * //  { row: 3, cells: ["", "Bob"], values: null }] (and blank_required on A3)
 */
export const readRowsPlain: RowsReader = (sheet, readers) => {
  type Field = FieldOf<typeof sheet.key>;
  const fields = Object.keys(readers) as Field[];
  const columns = fields.map((field) => sheet.match.index[field]);
  const rows: ReadRow<RowOf<typeof readers>>[] = [];
  forEachDataRow(sheet, (cells, row) => {
    let values: Record<string, unknown> | null = {};
    for (let i = 0; i < fields.length; i += 1) {
      const result = readers[fields[i]](columns[i] >= 0 ? cells[columns[i]] : undefined);
      if (isCellFailure(result)) {
        reportFailure(sheet, row, fields[i], result);
        values = null;
      } else if (values !== null) values[fields[i]] = result;
    }
    rows.push({ row, cells, values: values as RowOf<typeof readers> | null });
  });
  return rows;
};

function forEachDataRow<K extends InputSheetKey>(
  sheet: OpenSheet<K>,
  visit: (cells: readonly unknown[], row: number) => void,
): void {
  const { values, usedColumns } = sheet;
  const dateColumn = sheet.key === "sales" ? (sheet.match.index as Record<string, number>).date : -1;
  for (let index = sheet.headerIndex + 1; index < values.length; index += 1) {
    const cells = values[index] ?? [];
    if (isBlankRow(cells, usedColumns)) continue;
    // A report's footer and total lines are not deals (see report-note-rows.ts).
    if (sheet.key === "sales" && isReportNoteRow(cells, usedColumns, dateColumn)) continue;
    visit(cells, index + 1);
  }
}

function cellOfField<K extends InputSheetKey>(
  sheet: OpenSheet<K>,
  cells: readonly unknown[],
  field: FieldOf<K>,
): unknown {
  const column = sheet.match.index[field];
  return column >= 0 ? cells[column] : undefined;
}

/**
 * A field of a row that failed elsewhere, read on its own (to check Rep IDs
 * of rows left out anyway).
 *
 * @example
 * // Row 3 of Sales has a readable Rep ID but a bad Amount, so row.values is null:
 * fieldOfRow(sheet, readers.rep, row, "rep"); // "R1"
 */
export function fieldOfRow<K extends InputSheetKey, T>(
  sheet: OpenSheet<K>,
  read: CellReader<T>,
  row: ReadRow<unknown>,
  field: FieldOf<K>,
): T | null {
  const result = read(cellOfField(sheet, row.cells, field));
  return isCellFailure(result) ? null : result;
}

/**
 * A field of a row, passed through `resolve` (a rep or metric looked up): its value when the whole row was read,
 * else the field read on its own, so that a row left out for another cell still has that field checked. Null when
 * the field cannot be read or `resolve` refuses it.
 *
 * @example
 * // Row 3 of Scores has a readable Rep ID but a bad Value, so row.values is null:
 * resolvedField(sheet, readers, row, "rep", (id) => resolveRep(sheet, reps, row.row, "rep", id)); // "r1"
 */
export function resolvedField<K extends InputSheetKey, R extends RowReaders, F extends FieldOf<K> & keyof R, T>(
  sheet: OpenSheet<K>,
  readers: R,
  row: ReadRow<RowOf<R>>,
  field: F,
  resolve: (value: RowOf<R>[F]) => T | null,
): T | null {
  // The reader of `field` gives RowOf<R>[F] on success; TypeScript cannot see that through the generic index.
  const value = row.values ? row.values[field] : (fieldOfRow(sheet, readers[field], row, field) as RowOf<R>[F] | null);
  return value === null ? null : resolve(value);
}
