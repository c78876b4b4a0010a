/**
 * The local warehouse path: Sales in a Parquet or CSV file, aggregated by
 * DuckDB with the same generated SQL BigQuery runs (src/tables/sales-sql.ts).
 * @duckdb/node-api is a development dependency: only src/local imports this,
 * and nothing here reaches the Apps Script bundle.
 */
import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import type { Problem } from "../../core/problems";
import { spillFolder } from "../../simulator/bigquery-duckdb";
import type { Rep } from "../../core/records";
import { newCustomerRuleOf } from "../../core/sales-aggregates";
import type { StageProbabilities } from "../../tables/probability-reading";
import {
  aggregatesQuery,
  salesColumnsOf,
  vocabularyQuery,
  type SalesSource,
  type SqlQuery,
} from "../../tables/sales-sql";
import { columnKindOf } from "../../tables/sales-sql-dialect";
import {
  ownerResolver,
  salesVocabulary,
  warehouseSales,
  type AggregateRow,
  type VocabularyRow,
  type WarehouseSales,
} from "../../tables/sales-sql-rows";
import type { StageDictionary } from "../../tables/stage-reading";

/** What reading a Sales file needs besides its path: as the Sales sheet is read. */
export interface SalesFileReading {
  reps: readonly Rep[];
  timeZone: string;
  stages: StageDictionary;
  stageProbabilities: StageProbabilities;
  /** The settings' column mapping for Sales (field to column name). */
  mapping?: Readonly<Record<string, string>>;
}

/** The contract of a Sales file, or why there is none, and the SQL that ran (for the curious). */
export interface SalesFileResult extends Partial<WarehouseSales> {
  problems: Problem[];
  queries: SqlQuery[];
}

/** Which kind of file DuckDB reads, by its extension: `deals.CSV` is csv. */
function salesFileKind(path: string): "parquet" | "csv" | null {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) return "parquet";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

/** Parameters as DuckDB binds them: a text list needs its type spelled out (an empty one has none to infer). */
function bound(params: SqlQuery["params"]) {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, ReturnType<typeof LIST>> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      values[name] = listValue(value);
      types[name] = LIST(VARCHAR);
    } else values[name] = value;
  }
  return { values, types };
}

function plain(value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

/** The rows of a query as objects, built column by column: row by row, DuckDB's conversion took seconds. */
async function rowsOf<T>(connection: DuckDBConnection, query: SqlQuery): Promise<T[]> {
  const { values, types } = bound(query.params);
  const reader = await connection.runAndReadAll(query.sql, values, types);
  const names = reader.columnNames();
  const columns = reader.getColumns();
  const rows: Record<string, unknown>[] = Array.from({ length: reader.currentRowCount }, () => ({}));
  names.forEach((name, c) => {
    const column = columns[c];
    for (let r = 0; r < rows.length; r += 1) rows[r][name] = plain(column[r]);
  });
  return rows as T[];
}

/**
 * Opens DuckDB without extension downloads (ICU and Parquet are built in), its memory capped at 1 GB.
 *
 * @example
 * const connection = await openDuckDb(); // an in-memory database
 */
export async function openDuckDb(options: Record<string, string> = {}): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    // The aggregates are small whatever the file: a cap keeps DuckDB's caches and hash tables from taking the
    // machine (its default is 80 % of RAM), and row order never matters to a GROUP BY.
    memory_limit: "1GB",
    preserve_insertion_order: "false",
    // Its allocator's background threads give back what a query freed (about 500 MB after a 10M-row scan)
    // within seconds, rather than keeping it while the engine scores.
    allocator_background_threads: "true",
    // Spills go to a folder of this instance's own, not .tmp in the working folder another run may share.
    temp_directory: spillFolder(),
    ...options,
  });
  return instance.connect();
}

/**
 * Reads a Sales file into the contract through DuckDB: the schema, the
 * distinct Status and Type texts, then the aggregates query.
 *
 * @example
 * const result = await readSalesFile(connection, "sales.parquet", { reps, timeZone: "Asia/Shanghai", stages, stageProbabilities });
 * result.aggregates?.months.length; // rep-months with deals
 */
export async function readSalesFile(
  connection: DuckDBConnection,
  path: string,
  reading: SalesFileReading,
): Promise<SalesFileResult> {
  const kind = salesFileKind(path);
  if (kind === null) throw new Error("a Sales file must be .parquet or .csv: " + path);
  const source: SalesSource = { file: kind };
  const sourceName = path.split(/[\\/]/).pop() ?? path;
  const schema = await rowsOf<{ column_name: string; column_type: string }>(connection, {
    sql: "DESCRIBE SELECT * FROM " + (kind === "parquet" ? "read_parquet($source_file)" : "read_csv($source_file)"),
    params: { source_file: path },
  });
  const columns = salesColumnsOf(
    schema.map((column) => ({ name: column.column_name, kind: columnKindOf(column.column_type, "duckdb") })),
    sourceName,
    reading.mapping,
  );
  if (!columns.complete) return { problems: columns.problems, queries: [] };
  const words = vocabularyQuery(columns, source, "duckdb", path);
  const resolve = ownerResolver(reading.reps);
  const vocabulary = salesVocabulary(
    await rowsOf<VocabularyRow>(connection, words),
    reading.stages,
    reading.stageProbabilities,
    resolve,
  );
  const rule = newCustomerRuleOf(columns.columns.type !== undefined, columns.columns.customer !== undefined);
  const query = aggregatesQuery(
    { columns, source, vocabulary, rule, timeZone: reading.timeZone, sourcePath: path },
    "duckdb",
  );
  const sales = warehouseSales(
    await rowsOf<AggregateRow>(connection, query),
    ownerResolver(reading.reps),
    rule,
    sourceName,
  );
  return { ...sales, problems: [...columns.problems, ...sales.problems], queries: [words, query] };
}
