/**
 * Values between BigQuery's REST form and DuckDB: table column types to
 * DuckDB's, DuckDB's result types to the legacy type names BigQuery's REST
 * schemas carry, and result cells to the strings BigQuery sends (INTEGER
 * "12", FLOAT "1.5" or "1.2E7", TIMESTAMP as epoch seconds "1.7746848E9",
 * NUMERIC without trailing zeros, BOOLEAN "true").
 */

/** One field of a BigQuery schema as the REST API gives it. */
export interface BigQueryField {
  name: string;
  type: string;
  mode: "NULLABLE" | "REQUIRED" | "REPEATED";
}

/** A cell of a BigQuery row: `{ v }`, v a string, null, or for REPEATED fields a list of cells. */
export interface BigQueryCell {
  v: string | null | BigQueryCell[];
}

const TABLE_TYPES: Record<string, string> = {
  STRING: "VARCHAR",
  INT64: "BIGINT",
  INTEGER: "BIGINT",
  FLOAT64: "DOUBLE",
  FLOAT: "DOUBLE",
  NUMERIC: "DECIMAL(38,9)",
  BIGNUMERIC: "DECIMAL(38,9)",
  BOOL: "BOOLEAN",
  BOOLEAN: "BOOLEAN",
  DATE: "DATE",
  DATETIME: "TIMESTAMP",
  TIMESTAMP: "TIMESTAMPTZ",
};

/** The legacy names BigQuery's REST schemas use for a standard SQL type. */
const LEGACY_NAMES: Record<string, string> = { INT64: "INTEGER", FLOAT64: "FLOAT", BOOL: "BOOLEAN" };

/**
 * The DuckDB type a BigQuery column type is stored as.
 *
 * @example
 * duckTypeOfColumn("INT64"); // "BIGINT"
 */
export function duckTypeOfColumn(type: string): string {
  const duck = TABLE_TYPES[type.toUpperCase()];
  if (!duck) throw new Error(`simulator: the BigQuery stand-in has no column type ${type}`);
  return duck;
}

/**
 * A column type as a REST schema names it (INT64 is "INTEGER").
 *
 * @example
 * restTypeName("FLOAT64"); // "FLOAT"
 */
export function restTypeName(type: string): string {
  const upper = type.toUpperCase();
  return LEGACY_NAMES[upper] ?? upper;
}

/**
 * The BigQuery field a DuckDB result column becomes.
 *
 * @example
 * fieldOfDuckColumn("n", "BIGINT"); // { name: "n", type: "INTEGER", mode: "NULLABLE" }
 */
export function fieldOfDuckColumn(name: string, duckType: string): BigQueryField {
  if (duckType.endsWith("[]")) return { ...fieldOfDuckColumn(name, duckType.slice(0, -2)), mode: "REPEATED" };
  return { name, type: restTypeOfDuck(duckType), mode: "NULLABLE" };
}

/**
 * The BigQuery column type a file's DuckDB column stands for in a table
 * backed by the file: lists, structs, times and blobs have no counterpart
 * the add-on reads, so they are STRING.
 *
 * @example
 * tableTypeOfDuck("INTEGER"); // "INTEGER"
 * tableTypeOfDuck("TIMESTAMP WITH TIME ZONE"); // "TIMESTAMP"
 * tableTypeOfDuck("VARCHAR[]"); // "STRING"
 */
export function tableTypeOfDuck(duckType: string): string {
  return duckType.endsWith("[]") ? "STRING" : restTypeOfDuck(duckType);
}

function restTypeOfDuck(duckType: string): string {
  if (/^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)$/.test(duckType))
    return "INTEGER";
  if (duckType === "DOUBLE" || duckType === "FLOAT") return "FLOAT";
  if (duckType.startsWith("DECIMAL")) return "NUMERIC";
  if (duckType === "BOOLEAN") return "BOOLEAN";
  if (duckType === "DATE") return "DATE";
  if (duckType === "TIMESTAMP WITH TIME ZONE") return "TIMESTAMP";
  if (duckType === "TIMESTAMP") return "DATETIME";
  return "STRING";
}

/**
 * A double as Java's Double.toString writes it, which BigQuery's JSON uses
 * for FLOAT and TIMESTAMP cells: plain between 10^-3 and 10^7, else
 * scientific ("1.2E7"), always with a fraction digit.
 *
 * @example
 * javaDouble(12); // "12.0"
 * javaDouble(12_000_000); // "1.2E7"
 *
 * @internal Exported only for src/simulator/bigquery.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function javaDouble(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  const magnitude = Math.abs(value);
  if (value === 0 || (magnitude >= 1e-3 && magnitude < 1e7)) {
    const plain = String(value);
    return plain.includes(".") || plain.includes("e") ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/**
 * One result cell in BigQuery's text form, from DuckDB's JSON form of it.
 *
 * @example
 * restCell(1.5, "DOUBLE"); // { v: "1.5" }
 * restCell("2026-03-31 23:00:00+00", "TIMESTAMP WITH TIME ZONE"); // { v: "1.7749980E9" } style epoch seconds
 */
export function restCell(value: unknown, duckType: string): BigQueryCell {
  if (value === null || value === undefined) return { v: null };
  if (duckType.endsWith("[]")) return { v: (value as unknown[]).map((item) => restCell(item, duckType.slice(0, -2))) };
  const type = restTypeOfDuck(duckType);
  if (type === "FLOAT") return { v: javaDouble(Number(value)) };
  if (type === "NUMERIC") return { v: trimDecimal(String(value)) };
  if (type === "TIMESTAMP") return { v: javaDouble(Date.parse(isoOfDuckTimestamp(String(value))) / 1000) };
  if (type === "DATETIME") return { v: String(value).replace(" ", "T") };
  return { v: String(value) };
}

function trimDecimal(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** "2026-03-31 23:00:00+00" (DuckDB, UTC session) as an ISO string Date.parse reads. */
function isoOfDuckTimestamp(text: string): string {
  return text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
}

/**
 * A table cell as text for loading: numbers and booleans as written, dates
 * as ISO text, null as null.
 *
 * @example
 * loadText(12.5); // "12.5"
 * loadText(new Date("2026-03-31T00:00:00Z")); // "2026-03-31T00:00:00.000Z"
 */
export function loadText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Bytes BigQuery counts for one value of a column (its on-demand pricing
 * bills the bytes of the columns a query reads): 8 for numbers, dates and
 * timestamps, 16 for NUMERIC, 1 for BOOL, 2 plus the UTF-8 length for STRING.
 *
 * @example
 * billedBytes("STRING", "abc"); // 5
 */
export function billedBytes(type: string, text: string | null): number {
  if (text === null) return 0;
  switch (type.toUpperCase()) {
    case "STRING":
      return 2 + Buffer.byteLength(text, "utf8");
    case "NUMERIC":
    case "BIGNUMERIC":
      return 16;
    case "BOOL":
    case "BOOLEAN":
      return 1;
    default:
      return 8;
  }
}
