/**
 * The few places where BigQuery's and DuckDB's SQL differ, for the Sales
 * query of sales-sql.ts: how a parameter and a quoted identifier are written,
 * type names, a timestamp's day in a time zone, days since 1970-01-01,
 * "is this text in a list parameter" and the exact decimal type money is summed
 * in. Everything else the query uses
 * (WITH, CASE, SUM, MIN, EXTRACT, JOIN, UNION ALL, COALESCE) both run as written.
 */

export type SqlDialectName = "bigquery" | "duckdb";

/** How a warehouse column's type is read: a date column may be a day, a wall-clock time or an instant. */
export type ColumnKind = "text" | "integer" | "number" | "date" | "datetime" | "timestamp" | "other";

export interface SqlDialect {
  name: SqlDialectName;
  /** A named parameter reference. */
  param(name: string): string;
  /** A column name as a quoted identifier (already checked against the table's schema). */
  identifier(name: string): string;
  textType: string;
  integerType: string;
  floatType: string;
  /**
   * A decimal of 38 digits, 9 after the point, summed exactly: money is added in it so that a sum does not depend on
   * the order the warehouse's threads add the rows in, as a sum of doubles does (README, "Sales in a warehouse").
   */
  exactDecimalType: string;
  /** The civil day of a date, date-time (wall clock) or timestamp (instant, in the zone parameter). */
  localDate(expression: string, kind: ColumnKind, zoneParam: string): string;
  /** Days since 1970-01-01 of a DATE expression. */
  dayNumber(dateExpression: string): string;
  /** Whether a text expression is one of a list parameter's texts; `long` for a list of hundreds (the owners). */
  inList(expression: string, listParam: string, long?: boolean): string;
}

const QUOTES_AND_ESCAPES = /[`"\\]/;

/** A name that cannot leave its quotes: no quote, backslash or control character. */
function checkedIdentifier(name: string): string {
  const control = [...name].some((char) => char.charCodeAt(0) < 32);
  if (name === "" || control || QUOTES_AND_ESCAPES.test(name))
    throw new Error("column name not allowed: " + JSON.stringify(name));
  return name;
}

const BIGQUERY: SqlDialect = {
  name: "bigquery",
  param: (name) => "@" + name,
  identifier: (name) => "`" + checkedIdentifier(name) + "`",
  textType: "STRING",
  integerType: "INT64",
  floatType: "FLOAT64",
  // NUMERIC: 38 digits, 9 after the point; a FLOAT64 cast to it is rounded half away from zero.
  exactDecimalType: "NUMERIC",
  localDate(expression, kind, zoneParam) {
    if (kind === "date") return expression;
    if (kind === "datetime") return "DATE(" + expression + ")";
    return "DATE(" + expression + ", @" + zoneParam + ")";
  },
  dayNumber: (date) => "UNIX_DATE(" + date + ")",
  inList: (expression, listParam) => expression + " IN UNNEST(@" + listParam + ")",
};

const DUCKDB: SqlDialect = {
  name: "duckdb",
  param: (name) => "$" + name,
  identifier: (name) => '"' + checkedIdentifier(name) + '"',
  textType: "VARCHAR",
  integerType: "BIGINT",
  floatType: "DOUBLE",
  exactDecimalType: "DECIMAL(38, 9)",
  localDate(expression, kind, zoneParam) {
    if (kind === "date") return expression;
    if (kind === "datetime") return "CAST(" + expression + " AS DATE)";
    // timezone(zone, instant) is ICU's wall clock of the instant in the zone (ICU is built into @duckdb/node-api).
    return "CAST(timezone($" + zoneParam + ", " + expression + ") AS DATE)";
  },
  dayNumber: (date) => "(" + date + " - DATE '1970-01-01')",
  // A long list is a hash semi-join (list_contains would compare a thousand owners on every row); a short one
  // is cheaper to scan than to join.
  inList: (expression, listParam, long) =>
    long
      ? "(" + expression + " IN (SELECT unnest($" + listParam + ")))"
      : "list_contains($" + listParam + ", " + expression + ")",
};

/**
 * The dialect of a warehouse.
 *
 * @example
 * sqlDialect("bigquery").param("time_zone"); // "@time_zone"
 * sqlDialect("duckdb").identifier("Close Date"); // "\"Close Date\""
 */
export function sqlDialect(name: SqlDialectName): SqlDialect {
  return name === "bigquery" ? BIGQUERY : DUCKDB;
}

/**
 * A column's kind from its type as BigQuery's schema or DuckDB's DESCRIBE names it.
 *
 * @example
 * columnKindOf("STRING");                   // "text"
 * columnKindOf("TIMESTAMP WITH TIME ZONE"); // "timestamp"
 * columnKindOf("TIMESTAMP", "bigquery");    // "timestamp" (DuckDB's TIMESTAMP is "datetime": no zone)
 */
export function columnKindOf(type: string, dialect: SqlDialectName = "duckdb"): ColumnKind {
  const upper = type.trim().toUpperCase();
  if (upper === "STRING" || upper === "VARCHAR" || upper.startsWith("VARCHAR(") || upper === "TEXT") return "text";
  if (/^(U?BIGINT|U?INTEGER|U?SMALLINT|U?TINYINT|INT64|INT|HUGEINT|UHUGEINT)$/.test(upper)) return "integer";
  if (/^(DOUBLE|FLOAT|FLOAT64|REAL|NUMERIC|BIGNUMERIC|DECIMAL)/.test(upper)) return "number";
  if (upper === "DATE") return "date";
  if (upper === "DATETIME") return "datetime";
  if (upper === "TIMESTAMP WITH TIME ZONE" || upper === "TIMESTAMPTZ") return "timestamp";
  // BigQuery's TIMESTAMP is an instant; DuckDB's is a wall-clock time without a zone.
  if (upper === "TIMESTAMP") return dialect === "bigquery" ? "timestamp" : "datetime";
  if (upper.startsWith("TIMESTAMP_")) return "datetime";
  return "other";
}
