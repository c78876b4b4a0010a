/**
 * Where a run's Sales come from (settings.salesSource): the Sales sheet, read
 * as always, or a BigQuery table aggregated where it lives. For a table, the
 * run reads its schema, finds the Sales fields among its columns, and runs
 * the two queries of src/tables/sales-sql.ts (the Status and Type texts,
 * then the contract's rows), all within a share of its time budget: what is
 * left must still compute and write the periods (README, "Sales in a
 * warehouse"). The Sales sheet is then not read at all.
 */
import { problemAt, type Problem } from "../core/problems";
import type { DayNumber, Rep } from "../core/records";
import { type NewCustomerRule, newCustomerRuleOf, type SalesAggregates } from "../core/sales-aggregates";
import { INPUT_SHEETS } from "../tables/input-columns";
import { type InputGrids, type ReadInputsOptions, readInputs, type SheetGrid } from "../tables/read-inputs";
import { stageProbabilities } from "../tables/probability-reading";
import { aggregatesQuery, salesColumnsOf, type SqlQuery, vocabularyQuery } from "../tables/sales-sql";
import { columnKindOf } from "../tables/sales-sql-dialect";
import { type AggregateRow, ownerResolver, salesVocabulary, warehouseSales } from "../tables/sales-sql-rows";
import { stageDictionary } from "../tables/stage-reading";
import {
  advancedBigQuery,
  type ConsentService,
  type QueryParameter,
  readTableColumns,
  runWarehouseQuery,
  type WarehouseContext,
  type WarehouseQuery,
  type WarehouseRows,
} from "./bigquery-source";
import type { Settings } from "./settings";
import type { TimeBudget } from "./time-budget";

/** The share of a run's time budget the warehouse read may take; the rest computes and writes. */
const WAREHOUSE_BUDGET_SHARE = 0.5;

/** A table source, or null when Sales are the sheet. */
type TableSource = Extract<Settings["salesSource"], { kind: "bigquery" }>;

/**
 * The BigQuery source of the settings, or null when Sales are the sheet.
 *
 * @example
 * tableSourceOf(defaultSettings()); // null
 */
export function tableSourceOf(settings: Settings): TableSource | null {
  return settings.salesSource.kind === "bigquery" ? settings.salesSource : null;
}

/**
 * What the run needs to read a table: the services, where problems show,
 * and the deadline (a share of the run's budget from the execution's start).
 *
 * @example
 * const context = warehouseContextOf(settings, source, budget, () => Date.now());
 */
function warehouseContextOf(
  settings: Settings,
  source: TableSource,
  budget: TimeBudget,
  now: () => number,
): WarehouseContext {
  return {
    bigQuery: advancedBigQuery(),
    scriptApp: ScriptApp as unknown as ConsentService,
    source,
    salesSheet: settings.sheets.sales,
    now,
    deadline: budget.startedAt + budget.budgetMs * WAREHOUSE_BUDGET_SHARE,
  };
}

/** What the run reads from the table: the aggregates query's rows, before owners are matched to reps. */
interface WarehouseRowsRead {
  rows: AggregateRow[];
  rule: NewCustomerRule;
  /** Columns of a type a field cannot hold: reported, the field left out. */
  problems: Problem[];
  /** BigQuery calls made (the same whatever the number of deals). */
  calls: number;
  bytesProcessed: number;
}

/** A read of the table: its rows, or the one problem that stopped it (then the run computes nothing from Sales). */
type WarehouseRead = { ok: true; value: WarehouseRowsRead } | { ok: false; problem: Problem };

/**
 * Reads the table's aggregates: the schema (tables.get) matched to the
 * Sales fields as the sheet's headers are (aliases and the column mapping),
 * the distinct owner, Status and Type texts (owners matched to the reps,
 * words read with the settings' stage words, in TypeScript), then the
 * contract's rows in the spreadsheet's zone, unknown owners' rows left out. Three
 * calls and the pages of two small answers; one problem when anything
 * stops it. Owners are matched to reps by {@link warehouseAggregatesOf}.
 *
 * @example
 * const read = readWarehouseRows(context, { settings, timeZone: "Asia/Shanghai", reps: records.reps });
 * if (read.ok) read.value.rows.length; // rep-months and new-customer candidates
 *
 * @internal Exported only for src/addon/sales-source.test.ts, which checks it directly; runs reach it through
 * {@link runWarehouseOf}.
 */
export function readWarehouseRows(
  context: WarehouseContext,
  input: { settings: Settings; timeZone: string; reps: readonly Rep[] },
): WarehouseRead {
  const table = readTableColumns(context);
  if (!table.ok) return table;
  const schema = table.value.columns.map((c) => ({ name: c.name, kind: columnKindOf(c.type, "bigquery") }));
  const columns = salesColumnsOf(schema, context.salesSheet, input.settings.columns.sales);
  if (!columns.complete) {
    const problem = columns.problems.find((p) => p.severity === "error") ?? columns.problems[0];
    return { ok: false, problem: problem ?? missingColumnsProblem(context) };
  }
  const source = { table: context.source.table };
  const words = runWarehouseQuery(context, warehouseQueryOf(vocabularyQuery(columns, source, "bigquery")));
  if (!words.ok) return words;
  const vocabulary = salesVocabulary(
    objectsOf(words.value).map((row) => ({ field: String(row.field), word: row.word as string | null })),
    stageDictionary(input.settings.stageWords),
    stageProbabilities(input.settings.stageProbabilities),
    ownerResolver(input.reps),
  );
  const rule = newCustomerRuleOf(columns.columns.type !== undefined, columns.columns.customer !== undefined);
  const query = aggregatesQuery({ columns, source, vocabulary, rule, timeZone: input.timeZone }, "bigquery");
  const answer = runWarehouseQuery(context, warehouseQueryOf(query));
  if (!answer.ok) return answer;
  return {
    ok: true,
    value: {
      rows: objectsOf(answer.value) as unknown as AggregateRow[],
      rule,
      problems: columns.problems,
      calls: 1 + words.value.calls + answer.value.calls,
      bytesProcessed: words.value.bytesProcessed + answer.value.bytesProcessed,
    },
  };
}

/** Sales from a table as a run takes them: the contract and its problems, or the problem that stopped the read. */
export type RunWarehouse =
  | { ok: true; aggregates: SalesAggregates; problems: Problem[]; calls: number; bytesProcessed: number }
  | { ok: false; problem: Problem };

/**
 * A run's read of a table source (undefined when Sales are the sheet): the
 * table's rows within half the run's budget, owners matched to the reps of
 * the Reps sheet (parsed here from the grids the run read).
 *
 * @example
 * const warehouse = runWarehouseOf(settings, timeZone, inputs.grids, readingOptions, budget, () => Date.now());
 * // undefined for the Sales sheet; else { ok: true, aggregates, ... } or { ok: false, problem }
 */
export function runWarehouseOf(
  settings: Settings,
  timeZone: string,
  grids: InputGrids,
  reading: ReadInputsOptions,
  budget: TimeBudget,
  now: () => number,
): RunWarehouse | undefined {
  const source = tableSourceOf(settings);
  if (!source) return undefined;
  // Owners are matched to the Reps sheet's reps before the query, as the sheet matches them (see sales-sql.ts).
  const reps = readInputs(grids, reading).records.reps;
  const read = readWarehouseRows(warehouseContextOf(settings, source, budget, now), { settings, timeZone, reps });
  if (!read.ok) return read;
  const { aggregates, problems } = warehouseAggregatesOf(read.value, reps, settings.sheets.sales);
  return { ok: true, aggregates, problems, calls: read.value.calls, bytesProcessed: read.value.bytesProcessed };
}

/**
 * The contract from a read's rows, owners matched to the Reps sheet's reps
 * (by Rep ID, else by a Name only one rep has); its problems with the
 * read's. Pure: the run's computation calls it with the reps it parsed.
 *
 * @example
 * const { aggregates, problems } = warehouseAggregatesOf(read.value, records.reps, "Sales");
 *
 * @internal Exported only for src/addon/sales-source.test.ts, which checks it directly; runs reach it through
 * {@link runWarehouseOf}.
 */
export function warehouseAggregatesOf(
  read: WarehouseRowsRead,
  reps: readonly Rep[],
  salesSheet: string,
): { aggregates: SalesAggregates; problems: Problem[] } {
  const sales = warehouseSales(read.rows, ownerResolver(reps), read.rule, salesSheet);
  return { aggregates: sales.aggregates, problems: [...read.problems, ...sales.problems] };
}

/**
 * The first and last close days of won and lost deals in the contract (open
 * deals carry future dates, which must move neither the first month nor local
 * finality): the same days the Sales sheet's run takes from its rows.
 *
 * @example
 * warehouseDayRange(aggregates); // { first: day of 2026-01-05, last: day of 2026-04-17 }
 */
export function warehouseDayRange(aggregates: SalesAggregates): { first: DayNumber | null; last: DayNumber | null } {
  let first: DayNumber | null = null;
  let last: DayNumber | null = null;
  for (const month of aggregates.months) {
    if (month.firstClosedDay !== null && (first === null || month.firstClosedDay < first)) first = month.firstClosedDay;
    if (month.lastClosedDay !== null && (last === null || month.lastClosedDay > last)) last = month.lastClosedDay;
  }
  return { first, last };
}

/**
 * What the run reads in the Sales sheet's place when Sales are in a table:
 * a header row only (the mapped headers, else the built-in ones), so the
 * sheet's reading finds every column and no deal, and says nothing of a
 * Sales sheet that is not used.
 *
 * @example
 * warehouseSalesGrid(settings).values; // [["Date", "Rep ID", "Customer", "Amount", ...]]
 */
export function warehouseSalesGrid(settings: Settings): SheetGrid {
  const mapping = settings.columns.sales ?? {};
  return {
    sheetName: settings.sheets.sales,
    values: [INPUT_SHEETS.sales.columns.map((column) => mapping[column.field] || column.header)],
  };
}

function missingColumnsProblem(context: WarehouseContext): Problem {
  return problemAt(context.salesSheet, "A1", "bigquery_failed", { detail: "the table has no Sales columns" });
}

/** A query of sales-sql.ts as BigQuery's named parameters: texts STRING, numbers FLOAT64, lists ARRAY<STRING>. */
function warehouseQueryOf(query: SqlQuery): WarehouseQuery {
  const parameters: QueryParameter[] = Object.entries(query.params).map(([name, value]) =>
    Array.isArray(value)
      ? {
          name,
          parameterType: { type: "ARRAY", arrayType: { type: "STRING" } },
          parameterValue: { arrayValues: value.map((item) => ({ value: item })) },
        }
      : {
          name,
          parameterType: { type: typeof value === "number" ? "FLOAT64" : "STRING" },
          parameterValue: { value: String(value) },
        },
  );
  return { sql: query.sql, parameters };
}

const NUMERIC_TYPES = new Set(["INTEGER", "INT64", "FLOAT", "FLOAT64", "NUMERIC", "BIGNUMERIC"]);

/** Rows as objects by column name, numeric columns as numbers (BigQuery sends every value as text). */
function objectsOf(rows: WarehouseRows): Record<string, string | number | null>[] {
  return rows.rows.map((row) => {
    const object: Record<string, string | number | null> = {};
    rows.fields.forEach((field, i) => {
      const cell = row[i];
      object[field.name] = cell === null ? null : NUMERIC_TYPES.has(field.type.toUpperCase()) ? Number(cell) : cell;
    });
    return object;
  });
}
