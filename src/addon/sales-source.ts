/**
 * Where a run's Sales come from (settings.salesSource): the Sales sheet, read
 * as always, or a BigQuery table aggregated where it lives. For a table, the
 * run reads its schema, checks the columns the mapping names, and runs one
 * query, all within a share of its time budget: what is left must still
 * compute and write the periods (README, "Sales in a warehouse").
 */
import { problemAt, type Problem } from "../core/problems";
import type { Rep } from "../core/records";
import { newCustomerRuleOf, type SalesAggregates } from "../core/sales-aggregates";
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
export function warehouseContextOf(
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

/** What a run takes from the table: the contract, the problems the rows gave, and what it cost. */
export interface WarehouseSalesRead {
  aggregates: SalesAggregates;
  /** Columns of a type a field cannot hold, rows left out, owners no rep has: counted, never cited by cell. */
  problems: Problem[];
  /** BigQuery calls made (the same whatever the number of deals). */
  calls: number;
  bytesProcessed: number;
}

/**
 * Reads Sales from the table as the aggregation contract: the schema
 * (tables.get) matched to the Sales fields as the sheet's headers are
 * (aliases and the column mapping), the distinct Status and Type texts
 * (read with the sheet's own stage words, in TypeScript), then the contract's
 * rows, owners matched to the Reps sheet's reps. Three calls and the pages
 * of two small answers; one problem when anything stops it, and then the
 * run computes nothing from Sales.
 *
 * @example
 * const read = readWarehouseSales(context, { settings, timeZone: "Asia/Shanghai", reps: records.reps });
 * if (read.ok) read.value.aggregates.months; // one row per rep and month
 */
export function readWarehouseSales(
  context: WarehouseContext,
  input: { settings: Settings; timeZone: string; reps: readonly Rep[] },
): { ok: true; value: WarehouseSalesRead } | { ok: false; problem: Problem } {
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
  );
  const rule = newCustomerRuleOf(columns.columns.type !== undefined, columns.columns.customer !== undefined);
  const query = aggregatesQuery({ columns, source, vocabulary, rule, timeZone: input.timeZone }, "bigquery");
  const answer = runWarehouseQuery(context, warehouseQueryOf(query));
  if (!answer.ok) return answer;
  const rows = objectsOf(answer.value) as unknown as AggregateRow[];
  const sales = warehouseSales(rows, ownerResolver(input.reps), rule, context.salesSheet);
  return {
    ok: true,
    value: {
      aggregates: sales.aggregates,
      problems: [...columns.problems, ...sales.problems],
      calls: 1 + words.value.calls + answer.value.calls,
      bytesProcessed: words.value.bytesProcessed + answer.value.bytesProcessed,
    },
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
