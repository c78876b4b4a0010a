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
 */
import * as z from "zod/mini";
import { formatDay } from "../core/calendar";
import { BUILT_IN_METRICS, builtInMetric, metricLabel } from "../core/metric-catalog";
import { a1, problemAt, quoteSheetName, type Problem, type ProblemCode, type Severity } from "../core/problems";
import type {
  Adjustment,
  DayNumber,
  InputRecords,
  Rep,
  RepKey,
  Sale,
  SaleStatus,
  SaleType,
  ScoreRecord,
  TargetRecord,
  TargetScope,
} from "../core/records";
import {
  cellFailure,
  displayValue,
  isBlankCell,
  isCellFailure,
  readChoice,
  readDay,
  readMonthCell,
  readNumberCell,
  readPeriodCell,
  readPositiveNumber,
  readShare,
  readTargetScope,
  readText,
  textKey,
  type CellFailure,
  type DayOfInstant,
  type ScopeCell,
} from "./cell-values";
import { matchHeaders, type HeaderMatch } from "./header-matching";
import {
  INPUT_SHEET_ORDER,
  INPUT_SHEETS,
  SALE_STATUS_CHOICES,
  SALE_TYPE_CHOICES,
  type FieldOf,
  type InputSheetKey,
} from "./input-columns";

/** One input sheet as `getValues()` returns it: row 0 holds the headers. */
export interface SheetGrid {
  sheetName: string;
  /** null when the spreadsheet has no such sheet. */
  values: unknown[][] | null;
}

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

// ---------------------------------------------------------------------------
// Row definitions: one cell reader per field. The zod schemas are built from
// these, and the Sales fast path runs the same readers.

type CellReader<T> = (value: unknown) => T | CellFailure;
type RowReaders = Record<string, CellReader<unknown>>;
type RowOf<R extends RowReaders> = { [K in keyof R]: Exclude<ReturnType<R[K]>, CellFailure> };

const BLANK_REQUIRED = cellFailure("blank_required");

function required<T>(read: (value: unknown) => T | null | CellFailure): CellReader<T> {
  return (value) => {
    const result = read(value);
    return result === null ? BLANK_REQUIRED : result;
  };
}

function orEmpty(read: (value: unknown) => string | null | CellFailure): CellReader<string> {
  return (value) => read(value) ?? "";
}

function repsRow(dayOf: DayOfInstant) {
  const text = (value: unknown) => readText(value, dayOf);
  return {
    id: required(text),
    name: required(text),
    email: orEmpty(text),
    role: orEmpty(text),
    team: orEmpty(text),
    manager: orEmpty(text),
    start: (value: unknown) => readDay(value, dayOf),
    end: (value: unknown) => readDay(value, dayOf),
    targetBonus: (value: unknown) => readNumberCell(value, dayOf),
  } satisfies Record<FieldOf<"reps">, CellReader<unknown>>;
}

function salesRow(dayOf: DayOfInstant) {
  const text = (value: unknown) => readText(value, dayOf);
  return {
    date: required((value) => readDay(value, dayOf)),
    rep: required(text),
    customer: required(text),
    amount: required((value) => readNumberCell(value, dayOf)),
    type: (value: unknown) => readChoice(value, SALE_TYPE_CHOICES, dayOf) as SaleType | null | CellFailure,
    status: (value: unknown) => (readChoice(value, SALE_STATUS_CHOICES, dayOf) ?? "won") as SaleStatus | CellFailure,
    opened: (value: unknown) => readDay(value, dayOf),
    split: (value: unknown) => readShare(value, dayOf),
    dealId: orEmpty(text),
  } satisfies Record<FieldOf<"sales">, CellReader<unknown>>;
}

function targetsRow(dayOf: DayOfInstant) {
  return {
    scope: required(readTargetScope),
    period: required((value) => readPeriodCell(value, dayOf)),
    metric: required((value) => readText(value, dayOf)),
    target: required((value) => readPositiveNumber(value, dayOf)),
  } satisfies Record<FieldOf<"targets">, CellReader<unknown>>;
}

function scoresRow(dayOf: DayOfInstant) {
  return {
    rep: required((value) => readText(value, dayOf)),
    period: required((value) => readPeriodCell(value, dayOf)),
    metric: required((value) => readText(value, dayOf)),
    value: required((value) => readNumberCell(value, dayOf)),
  } satisfies Record<FieldOf<"scores">, CellReader<unknown>>;
}

function adjustmentsRow(dayOf: DayOfInstant) {
  return {
    rep: required((value) => readText(value, dayOf)),
    period: required((value) => readMonthCell(value, dayOf)),
    amount: required((value) => readNumberCell(value, dayOf)),
    reason: required((value) => readText(value, dayOf)),
  } satisfies Record<FieldOf<"adjustments">, CellReader<unknown>>;
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
export function rowSchema<R extends RowReaders>(readers: R): z.ZodMiniType<RowOf<R>> {
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

interface ProblemCollector {
  add(entry: Collected): void;
  sorted(): Problem[];
}

function problemCollector(): ProblemCollector {
  const entries: Collected[] = [];
  return {
    add: (entry) => entries.push(entry),
    sorted: () =>
      entries
        .map((entry, seq) => ({ entry, seq }))
        .sort((a, b) => a.entry.order - b.entry.order || a.entry.row - b.entry.row || a.entry.column - b.entry.column || a.seq - b.seq)
        .map(({ entry }) => entry.problem),
  };
}

/** A sheet whose headers are all there, ready for its rows to be read. */
interface OpenSheet<K extends InputSheetKey> {
  key: K;
  name: string;
  values: unknown[][];
  match: HeaderMatch<FieldOf<K>>;
  /** 0-based columns that were found, for telling blank rows. */
  usedColumns: number[];
  /** Reports a problem on the cell of a field in a 1-based row. */
  report(row: number, field: FieldOf<K>, code: ProblemCode, args: Record<string, string | number>, severity?: Severity): void;
  /** The A1 reference of a field's cell, for messages naming another row. */
  cellOf(row: number, field: FieldOf<K>): string;
}

function openSheet<K extends InputSheetKey>(key: K, grid: SheetGrid, collector: ProblemCollector): OpenSheet<K> | null {
  const spec = INPUT_SHEETS[key];
  const order = INPUT_SHEET_ORDER.indexOf(key);
  const name = grid.sheetName;
  if (grid.values === null) {
    if (spec.required) collector.add({ order, row: 0, column: 0, problem: problemAt(name, "A1", "missing_sheet", { sheet: name }) });
    return null;
  }
  const values = grid.values;
  // An optional sheet that was created but left empty simply has no rows.
  if (!spec.required && values.every((row) => row.every(isBlankCell))) return null;
  const columns = spec.columns as readonly { field: FieldOf<K>; header: string; zhHeader: string; required: boolean }[];
  const match = matchHeaders(values[0] ?? [], columns, name);
  for (const problem of match.problems) {
    collector.add({ order, row: 1, column: columnOfCell(problem.cell), problem });
  }
  if (!match.complete) return null;
  const indexes = Object.values(match.index) as number[];
  const cellOf = (row: number, field: FieldOf<K>) => a1(row, match.index[field] + 1);
  return {
    key,
    name,
    values,
    match,
    usedColumns: indexes.filter((index) => index >= 0),
    report(row, field, code, args, severity = "error") {
      const column = match.index[field] + 1;
      collector.add({ order, row, column, problem: problemAt(name, a1(row, column), code, args, severity) });
    },
    cellOf,
  };
}

function columnOfCell(cell: string): number {
  let column = 0;
  for (const letter of cell.replace(/\d+$/, "")) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

function isBlankRow(cells: readonly unknown[], usedColumns: readonly number[]): boolean {
  for (const column of usedColumns) if (!isBlankCell(cells[column])) return false;
  return true;
}

/** One non-blank data row: its values when every cell could be read. */
interface ReadRow<T> {
  /** 1-based sheet row. */
  row: number;
  cells: readonly unknown[];
  values: T | null;
}

type RowsReader = <K extends InputSheetKey, R extends RowReaders>(sheet: OpenSheet<K>, readers: R) => ReadRow<RowOf<R>>[];

function reportFailure<K extends InputSheetKey>(sheet: OpenSheet<K>, row: number, field: FieldOf<K>, failure: CellFailure): void {
  sheet.report(row, field, failure.failure, { column: sheet.match.label[field], ...failure.args });
}

/** Reads rows through the zod schema (the small sheets, and Sales in tests). */
const readRowsWithSchema: RowsReader = (sheet, readers) => {
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

function forEachDataRow<K extends InputSheetKey>(sheet: OpenSheet<K>, visit: (cells: readonly unknown[], row: number) => void): void {
  const { values, usedColumns } = sheet;
  for (let index = 1; index < values.length; index += 1) {
    const cells = values[index] ?? [];
    if (!isBlankRow(cells, usedColumns)) visit(cells, index + 1);
  }
}

function cellOfField<K extends InputSheetKey>(sheet: OpenSheet<K>, cells: readonly unknown[], field: FieldOf<K>): unknown {
  const column = sheet.match.index[field];
  return column >= 0 ? cells[column] : undefined;
}

/** A field of a row that failed elsewhere, read on its own (to check Rep IDs of rows left out anyway). */
function fieldOfRow<K extends InputSheetKey, T>(sheet: OpenSheet<K>, read: CellReader<T>, row: ReadRow<unknown>, field: FieldOf<K>): T | null {
  const result = read(cellOfField(sheet, row.cells, field));
  return isCellFailure(result) ? null : result;
}

// ---------------------------------------------------------------------------
// Reps.

interface RepDirectory {
  /** false when the Reps sheet is missing or lacks a column: other sheets then report no rep problems. */
  readable: boolean;
  accepted: Rep[];
  byKey: Map<RepKey, Rep>;
  /** Keys on the Reps sheet whose rows were left out, with the cell of the first (`Reps!A5`). */
  leftOut: Map<RepKey, string>;
  /** Case-folded teams and roles of the accepted reps. */
  teams: Set<string>;
  roles: Set<string>;
}

function readReps(sheet: OpenSheet<"reps"> | null, dayOf: DayOfInstant): RepDirectory {
  const directory: RepDirectory = {
    readable: sheet !== null,
    accepted: [],
    byKey: new Map(),
    leftOut: new Map(),
    teams: new Set(),
    roles: new Set(),
  };
  if (!sheet) return directory;
  const readers = repsRow(dayOf);
  const rows = readRowsWithSchema(sheet, readers);
  // Rows whose Rep ID is readable count for duplicates even when another cell failed.
  const rowsByKey = new Map<RepKey, { id: string; read: ReadRow<RowOf<typeof readers>> }[]>();
  for (const read of rows) {
    const id = read.values ? read.values.id : fieldOfRow(sheet, readers.id, read, "id");
    if (id === null) continue;
    const key = textKey(id);
    const same = rowsByKey.get(key);
    if (same) same.push({ id, read });
    else rowsByKey.set(key, [{ id, read }]);
  }
  const candidates: { key: RepKey; row: number; values: RowOf<typeof readers> }[] = [];
  for (const [key, same] of rowsByKey) {
    directory.leftOut.set(key, quoteSheetName(sheet.name) + "!" + sheet.cellOf(same[0].read.row, "id"));
    if (same.length > 1) {
      same.forEach(({ id, read }, position) => {
        const other = same[position === 0 ? 1 : 0].read.row;
        sheet.report(read.row, "id", "duplicate_rep", { id: displayValue(id), other: sheet.cellOf(other, "id") });
      });
      continue;
    }
    const { read } = same[0];
    if (read.values) candidates.push({ key, row: read.row, values: read.values });
  }
  for (const candidate of candidates) {
    const rep = repOfRow(sheet, candidate.key, candidate.row, candidate.values);
    if (!rep) continue;
    directory.accepted.push(rep);
    directory.byKey.set(rep.key, rep);
    directory.leftOut.delete(rep.key);
  }
  for (const rep of directory.accepted) {
    if (rep.team) directory.teams.add(textKey(rep.team));
    if (rep.role) directory.roles.add(textKey(rep.role));
    checkManager(sheet, rep, rowsByKey);
  }
  directory.accepted.sort((a, b) => a.row - b.row);
  return directory;
}

function repOfRow(sheet: OpenSheet<"reps">, key: RepKey, row: number, values: RowOf<ReturnType<typeof repsRow>>): Rep | null {
  if (values.start !== null && values.end !== null && values.end < values.start) {
    sheet.report(row, "end", "end_before_start", { end: formatDay(values.end), start: formatDay(values.start) });
    return null;
  }
  let targetBonus = values.targetBonus;
  if (targetBonus !== null && targetBonus < 0) {
    sheet.report(row, "targetBonus", "negative_target_bonus", { value: targetBonus }, "warning");
    targetBonus = null;
  }
  return {
    row,
    key,
    id: values.id,
    name: values.name,
    email: values.email,
    role: values.role,
    team: values.team,
    // Resolved against the whole sheet once every rep is read.
    manager: values.manager,
    start: values.start,
    end: values.end,
    targetBonus,
  };
}

/**
 * A manager must be on the Reps sheet; one who is there but left out (a
 * duplicate, a bad row) is kept as the key, since the problem is reported on
 * that row already.
 */
function checkManager(sheet: OpenSheet<"reps">, rep: Rep, rowsByKey: ReadonlyMap<RepKey, unknown>): void {
  if (rep.manager === "") return;
  const key = textKey(rep.manager);
  if (rowsByKey.has(key)) {
    rep.manager = key;
    return;
  }
  sheet.report(rep.row, "manager", "unknown_manager", { id: displayValue(rep.manager) }, "warning");
  rep.manager = "";
}

/**
 * The key of the rep a row names, or null (with a problem) when the rep is not
 * on the Reps sheet or was left out there. Without a readable Reps sheet no
 * row can be matched, and its problem says so once rather than once per row.
 */
function resolveRep<K extends InputSheetKey>(
  sheet: OpenSheet<K>,
  reps: RepDirectory,
  row: number,
  field: FieldOf<K>,
  id: string,
): RepKey | null {
  const key = textKey(id);
  const known = reps.byKey.get(key);
  // The Reps sheet's own key string, so a million Sales rows share a few hundred strings.
  if (known) return known.key;
  if (!reps.readable) return null;
  const leftOutAt = reps.leftOut.get(key);
  if (leftOutAt !== undefined) sheet.report(row, field, "rep_left_out", { id: displayValue(id), other: leftOutAt });
  else sheet.report(row, field, "unknown_rep", { id: displayValue(id) });
  return null;
}

// ---------------------------------------------------------------------------
// Sales.

function readSales(sheet: OpenSheet<"sales"> | null, reps: RepDirectory, dayOf: DayOfInstant, readRows: RowsReader | null): Sale[] {
  if (!sheet) return [];
  const readers = salesRow(dayOf);
  const sales: Sale[] = [];
  if (readRows === null) {
    readSalesRowsFast(sheet, reps, readers, sales);
  } else {
    for (const row of readRows(sheet, readers)) {
      const repId = row.values ? row.values.rep : fieldOfRow(sheet, readers.rep, row, "rep");
      const rep = repId === null ? null : resolveRep(sheet, reps, row.row, "rep", repId);
      if (rep !== null && row.values !== null) sales.push(saleOf(sheet, row.row, row.values, rep));
    }
  }
  return withoutRepeatedDeals(sheet, sales);
}

/**
 * The Sales rows, read with the same readers as the schema but without an
 * object per row in between: a million rows must read in well under 1.5 s,
 * and garbage collection was most of the cost. Must agree with
 * `readRowsWithSchema` (tested on the bad-input corpus).
 */
function readSalesRowsFast(sheet: OpenSheet<"sales">, reps: RepDirectory, readers: ReturnType<typeof salesRow>, sales: Sale[]): void {
  const { values: grid, usedColumns } = sheet;
  const at = sheet.match.index;
  const customerKeys = canonicalStrings();
  let row = 0;
  let failed = false;
  const cell = (cells: readonly unknown[], column: number): unknown => (column >= 0 ? cells[column] : undefined);
  const check = <T>(result: T | CellFailure, field: FieldOf<"sales">): T => {
    if (isCellFailure(result)) {
      reportFailure(sheet, row, field, result);
      failed = true;
    }
    return result as T;
  };
  for (let index = 1; index < grid.length; index += 1) {
    const cells = grid[index] ?? [];
    if (isBlankRow(cells, usedColumns)) continue;
    row = index + 1;
    failed = false;
    const date = check(readers.date(cell(cells, at.date)), "date");
    const repId = check(readers.rep(cell(cells, at.rep)), "rep");
    const customer = check(readers.customer(cell(cells, at.customer)), "customer");
    const amount = check(readers.amount(cell(cells, at.amount)), "amount");
    const type = check(readers.type(cell(cells, at.type)), "type");
    const status = check(readers.status(cell(cells, at.status)), "status");
    const opened = check(readers.opened(cell(cells, at.opened)), "opened");
    const split = check(readers.split(cell(cells, at.split)), "split");
    const dealId = check(readers.dealId(cell(cells, at.dealId)), "dealId");
    const rep = isCellFailure(repId) ? null : resolveRep(sheet, reps, row, "rep", repId);
    if (rep === null || failed) continue;
    sales.push({
      row,
      day: date,
      rep,
      customer,
      customerKey: customerKeys(textKey(customer)),
      amount,
      type,
      status,
      opened: openedOrNull(sheet, row, opened, date),
      split,
      dealId,
    });
  }
}

/**
 * One string per distinct text: customers repeat across a Sales sheet, and a
 * million surviving copies of their keys cost more garbage collection than the
 * lookups. Stops adding after many distinct texts, where it would only grow.
 */
function canonicalStrings(limit = 100_000): (text: string) => string {
  const canonical = new Map<string, string>();
  return (text) => {
    const known = canonical.get(text);
    if (known !== undefined) return known;
    if (canonical.size < limit) canonical.set(text, text);
    return text;
  };
}

/** Row positions are packed below a 31-bit hash in one float64 (31 + 22 bits < 53). */
const POSITION_LIMIT = 4_194_304;

/**
 * The same Deal ID (trimmed, case-folded) twice for one rep: the later rows
 * are left out, each naming the first. A Map of a million strings costs most
 * of a second, so the rows are sorted by a hash of rep and Deal ID instead,
 * and only rows whose hashes collide are compared as text.
 */
function withoutRepeatedDeals(sheet: OpenSheet<"sales">, sales: Sale[]): Sale[] {
  if (sales.length >= POSITION_LIMIT) return withoutRepeatedDealsByMap(sheet, sales);
  const packed = new Float64Array(sales.length);
  let count = 0;
  for (let position = 0; position < sales.length; position += 1) {
    const sale = sales[position];
    if (sale.dealId !== "") packed[count++] = dealHash(sale.rep, textKey(sale.dealId)) * POSITION_LIMIT + position;
  }
  const sorted = packed.subarray(0, count).sort();
  const repeated = new Set<number>();
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i += 1) {
    if (i < sorted.length && Math.floor(sorted[i] / POSITION_LIMIT) === Math.floor(sorted[runStart] / POSITION_LIMIT)) continue;
    if (i - runStart > 1) {
      // Within a run positions ascend, so the first of each Deal ID is its earliest row.
      const first = new Map<string, Sale>();
      for (let j = runStart; j < i; j += 1) {
        const position = sorted[j] % POSITION_LIMIT;
        if (isRepeatedDeal(sheet, first, sales[position])) repeated.add(position);
      }
    }
    runStart = i;
  }
  return repeated.size === 0 ? sales : sales.filter((_, position) => !repeated.has(position));
}

function withoutRepeatedDealsByMap(sheet: OpenSheet<"sales">, sales: Sale[]): Sale[] {
  const first = new Map<string, Sale>();
  return sales.filter((sale) => sale.dealId === "" || !isRepeatedDeal(sheet, first, sale));
}

function isRepeatedDeal(sheet: OpenSheet<"sales">, first: Map<string, Sale>, sale: Sale): boolean {
  const key = sale.rep + "\u0001" + textKey(sale.dealId);
  const earlier = first.get(key);
  if (earlier === undefined) {
    first.set(key, sale);
    return false;
  }
  sheet.report(sale.row, "dealId", "duplicate_deal", { id: displayValue(sale.dealId), other: sheet.cellOf(earlier.row, "dealId") });
  return true;
}

/** FNV-1a over rep key and Deal ID, as a 31-bit non-negative integer. */
function dealHash(rep: RepKey, dealKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < rep.length; i += 1) hash = Math.imul(hash ^ rep.charCodeAt(i), 16777619);
  hash = Math.imul(hash ^ 1, 16777619);
  for (let i = 0; i < dealKey.length; i += 1) hash = Math.imul(hash ^ dealKey.charCodeAt(i), 16777619);
  return hash >>> 1;
}

function saleOf(sheet: OpenSheet<"sales">, row: number, values: RowOf<ReturnType<typeof salesRow>>, rep: RepKey): Sale {
  return {
    row,
    day: values.date,
    rep,
    customer: values.customer,
    customerKey: textKey(values.customer),
    amount: values.amount,
    type: values.type,
    status: values.status,
    opened: openedOrNull(sheet, row, values.opened, values.date),
    split: values.split,
    dealId: values.dealId,
  };
}

/** An Opened date after the close date cannot give a sales cycle: the deal counts without one. */
function openedOrNull(sheet: OpenSheet<"sales">, row: number, opened: DayNumber | null, closed: DayNumber): DayNumber | null {
  if (opened === null || opened <= closed) return opened;
  sheet.report(row, "opened", "opened_after_close", { opened: formatDay(opened), date: formatDay(closed) }, "warning");
  return null;
}

// ---------------------------------------------------------------------------
// Metrics named in Targets and Scores.

interface MetricResolvers {
  /** A metric of any plan version, by key or display name; null when unknown. */
  plan(text: string): string | null;
  /** A declared manual metric; null when not one. */
  manual(text: string): string | null;
}

/**
 * Metric cells are matched on their key or English or Chinese display name,
 * ignoring case, with spaces and `-` read as `_` (`New customers`,
 * `new-customers`, `新客户数` are all `new_customers`).
 */
function metricResolvers(planMetrics: ReadonlySet<string>, manualMetrics: ReadonlySet<string>): MetricResolvers {
  // A target for a built-in metric the plan does not score yet is kept, not a
  // problem: the key is valid and a later plan version may score it.
  const plan = metricLookup([...BUILT_IN_METRICS.map((m) => m.key), ...planMetrics, ...manualMetrics]);
  const manual = metricLookup(manualMetrics);
  return {
    plan: (text) => plan.get(metricName(text)) ?? null,
    manual: (text) => manual.get(metricName(text)) ?? null,
  };
}

function metricLookup(keys: Iterable<string>): Map<string, string> {
  const lookup = new Map<string, string>();
  const keyList = [...keys];
  for (const key of keyList) {
    for (const label of [metricLabel(key, "en"), metricLabel(key, "zh")]) {
      const name = metricName(label);
      if (!lookup.has(name)) lookup.set(name, key);
    }
  }
  // A key always wins over another metric's display name.
  for (const key of keyList) lookup.set(metricName(key), key);
  return lookup;
}

function metricName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s\-]+/g, "_");
}

// ---------------------------------------------------------------------------
// Targets.

function readTargets(sheet: OpenSheet<"targets"> | null, reps: RepDirectory, dayOf: DayOfInstant, metrics: MetricResolvers): TargetRecord[] {
  if (!sheet) return [];
  const readers = targetsRow(dayOf);
  const candidates: TargetRecord[] = [];
  for (const row of readRowsWithSchema(sheet, readers)) {
    const scopeCell = row.values ? row.values.scope : fieldOfRow(sheet, readers.scope, row, "scope");
    const scope = scopeCell === null ? null : resolveScope(sheet, reps, row.row, scopeCell);
    const metricText = row.values ? row.values.metric : fieldOfRow(sheet, readers.metric, row, "metric");
    const metric = metricText === null ? null : metrics.plan(metricText);
    if (metricText !== null && metric === null) sheet.report(row.row, "metric", "unknown_metric", { metric: displayValue(metricText) });
    if (scope === null || metric === null || row.values === null) continue;
    candidates.push({ row: row.row, scope, period: row.values.period, metric, target: row.values.target });
  }
  return withoutDuplicateTargets(sheet, candidates);
}

function resolveScope(sheet: OpenSheet<"targets">, reps: RepDirectory, row: number, cell: ScopeCell): TargetScope | null {
  switch (cell.level) {
    case "all":
      return { level: "all" };
    case "rep": {
      const rep = resolveRep(sheet, reps, row, "scope", cell.id);
      return rep === null ? null : { level: "rep", rep };
    }
    case "team":
    case "role": {
      const known = cell.level === "team" ? reps.teams : reps.roles;
      if (known.has(textKey(cell.name))) return cell.level === "team" ? { level: "team", team: cell.name } : { level: "role", role: cell.name };
      if (reps.readable) {
        const value = displayValue(sheet.values[row - 1][sheet.match.index.scope]);
        sheet.report(row, "scope", "unknown_scope", { column: sheet.match.label.scope, value }, "warning");
      }
      return null;
    }
  }
}

/**
 * Two rows at one precedence level for the same scope, period and metric are
 * both left out, each naming the other, so the next level of precedence applies.
 */
function withoutDuplicateTargets(sheet: OpenSheet<"targets">, targets: TargetRecord[]): TargetRecord[] {
  const groups = new Map<string, TargetRecord[]>();
  for (const target of targets) {
    const key = scopeKey(target.scope) + "\u0001" + target.period + "\u0001" + target.metric;
    const same = groups.get(key);
    if (same) same.push(target);
    else groups.set(key, [target]);
  }
  const kept: TargetRecord[] = [];
  for (const same of groups.values()) {
    if (same.length === 1) {
      kept.push(same[0]);
      continue;
    }
    same.forEach((target, position) => {
      const other = same[position === 0 ? 1 : 0];
      sheet.report(target.row, "scope", "duplicate_target", { other: sheet.cellOf(other.row, "scope") });
    });
  }
  return kept.sort((a, b) => a.row - b.row);
}

function scopeKey(scope: TargetScope): string {
  switch (scope.level) {
    case "rep":
      return "rep\u0001" + scope.rep;
    case "team":
      return "team\u0001" + textKey(scope.team);
    case "role":
      return "role\u0001" + textKey(scope.role);
    case "all":
      return "all";
  }
}

// ---------------------------------------------------------------------------
// Scores and Adjustments.

function readScores(sheet: OpenSheet<"scores"> | null, reps: RepDirectory, dayOf: DayOfInstant, metrics: MetricResolvers): ScoreRecord[] {
  if (!sheet) return [];
  const readers = scoresRow(dayOf);
  const scores: ScoreRecord[] = [];
  for (const row of readRowsWithSchema(sheet, readers)) {
    const repId = row.values ? row.values.rep : fieldOfRow(sheet, readers.rep, row, "rep");
    const rep = repId === null ? null : resolveRep(sheet, reps, row.row, "rep", repId);
    const metricText = row.values ? row.values.metric : fieldOfRow(sheet, readers.metric, row, "metric");
    const metric = metricText === null ? null : manualMetric(sheet, row.row, metricText, metrics);
    if (rep === null || metric === null || row.values === null) continue;
    scores.push({ row: row.row, rep, period: row.values.period, metric, value: row.values.value });
  }
  return scores;
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

function readAdjustments(sheet: OpenSheet<"adjustments"> | null, reps: RepDirectory, dayOf: DayOfInstant): Adjustment[] {
  if (!sheet) return [];
  const readers = adjustmentsRow(dayOf);
  const adjustments: Adjustment[] = [];
  for (const row of readRowsWithSchema(sheet, readers)) {
    const repId = row.values ? row.values.rep : fieldOfRow(sheet, readers.rep, row, "rep");
    const rep = repId === null ? null : resolveRep(sheet, reps, row.row, "rep", repId);
    if (rep === null || row.values === null) continue;
    const { period, amount, reason } = row.values;
    adjustments.push({ row: row.row, rep, period, amount, reason });
  }
  return adjustments;
}
