/**
 * Sales in a warehouse: the SQL that turns a Sales table into the
 * aggregation contract (src/core/sales-aggregates.ts), for BigQuery and DuckDB.
 *
 * Two queries. The first lists the distinct owners, Status and Type texts;
 * they are read with the very rules the sheet uses (sales-sql-rows.ts): an
 * owner names a rep by Rep ID or Name, a stage or type word means what it
 * means on the sheet, so nothing can read differently in SQL. The second gets
 * the answers back as list parameters and returns the contract's rows: one
 * per owner and month, one per new-customer candidate, and counts of the rows
 * left out per reason, owner and month. Every value is a parameter; every
 * column a quoted identifier that the table's schema has. See the README,
 * "Sales in a warehouse".
 */
import type { NewCustomerRule } from "../core/sales-aggregates";
import { INPUT_SHEETS, type FieldOf } from "./input-columns";
import { matchHeaders } from "./header-matching";
import { problemAt, type Problem } from "../core/problems";
import { sqlDialect, type ColumnKind, type SqlDialect, type SqlDialectName } from "./sales-sql-dialect";

type SalesField = FieldOf<"sales">;

/** One column of the table's schema, as the warehouse describes it. */
export interface TableColumn {
  name: string;
  kind: ColumnKind;
}

/** The warehouse columns the Sales fields were found in. */
export interface SalesColumns {
  columns: Partial<Record<SalesField, TableColumn>>;
  problems: Problem[];
  /** False when a required field has no usable column: no query can be made. */
  complete: boolean;
}

const KINDS_ALLOWED: Partial<Record<SalesField, readonly ColumnKind[]>> = {
  date: ["date", "datetime", "timestamp"],
  opened: ["date", "datetime", "timestamp"],
  rep: ["text", "integer"],
  customer: ["text", "integer"],
  amount: ["number", "integer"],
  split: ["number", "integer"],
  probability: ["number", "integer"],
  type: ["text"],
  status: ["text"],
};

/**
 * Finds the Sales fields among a table's columns by the same header matching
 * as the Sales sheet (aliases, CRM headers, the settings' column mapping). A
 * column of a type the field cannot hold is a problem; an optional one is then
 * left out, a required one makes the mapping incomplete.
 *
 * @example
 * salesColumnsOf([{ name: "Close Date", kind: "date" }, { name: "Owner", kind: "text" }, { name: "Amount", kind: "number" }], "sales");
 * // columns.date.name === "Close Date", columns.rep.name === "Owner", complete: true
 */
export function salesColumnsOf(
  schema: readonly TableColumn[],
  sourceName: string,
  mapping?: Readonly<Record<string, string>>,
): SalesColumns {
  const spec = INPUT_SHEETS.sales.columns;
  const match = matchHeaders(
    schema.map((column) => column.name),
    spec,
    sourceName,
    { sheetKey: "sales", mapping },
  );
  const columns: Partial<Record<SalesField, TableColumn>> = {};
  const problems: Problem[] = [...match.problems];
  let complete = match.complete;
  for (const field of spec.map((column) => column.field)) {
    const position = match.index[field];
    if (position < 0 || field === "dealId") continue;
    const column = schema[position];
    const allowed = KINDS_ALLOWED[field] ?? [];
    if (!allowed.includes(column.kind)) {
      const args = { column: column.name, kind: column.kind, allowed: allowed.join(", ") };
      problems.push(problemAt(sourceName, "", "warehouse_column_type", args));
      if (spec.find((c) => c.field === field)?.required) complete = false;
      continue;
    }
    columns[field] = column;
  }
  return { columns, problems, complete };
}

/** Where the rows are: a table (BigQuery `project.dataset.table`, a DuckDB table) or a file DuckDB reads. */
export type SalesSource = { table: string } | { file: "parquet" | "csv" };

/** A query and its parameters by name; a list parameter is an array of texts. */
export interface SqlQuery {
  sql: string;
  params: Record<string, string | number | string[]>;
}

/** The parameter that names the file DuckDB reads (`read_parquet($source_file)`). */
const SOURCE_FILE_PARAM = "source_file";
const ZONE_PARAM = "time_zone";
const TABLE_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){0,2}$/;

function sourceSql(source: SalesSource, dialect: SqlDialect): string {
  if ("file" in source) {
    if (dialect.name !== "duckdb") throw new Error("only DuckDB reads files");
    return (source.file === "parquet" ? "read_parquet(" : "read_csv(") + dialect.param(SOURCE_FILE_PARAM) + ")";
  }
  if (!TABLE_PATTERN.test(source.table)) throw new Error("table name not allowed: " + JSON.stringify(source.table));
  if (dialect.name === "bigquery") return "`" + source.table + "`";
  return source.table
    .split(".")
    .map((part) => dialect.identifier(part))
    .join(".");
}

function sourceParams(source: SalesSource, sourcePath: string | undefined): SqlQuery["params"] {
  return "file" in source ? { [SOURCE_FILE_PARAM]: sourcePath ?? "" } : {};
}

/**
 * The first query: each distinct owner, Status and Type text and how many
 * rows have it (`field`, `word`, `row_count`); NULL reads as blank.
 *
 * @example
 * vocabularyQuery(columns, { table: "crm.deals" }, "bigquery").sql;
 * // ... SELECT 'status' AS field, COALESCE(CAST(`Stage` AS STRING), '') AS word, COUNT(*) AS row_count FROM src GROUP BY ...
 */
export function vocabularyQuery(
  columns: SalesColumns,
  source: SalesSource,
  dialectName: SqlDialectName,
  sourcePath?: string,
): SqlQuery {
  const dialect = sqlDialect(dialectName);
  const parts: string[] = [];
  for (const field of ["rep", "status", "type"] as const) {
    const column = columns.columns[field];
    if (!column) continue;
    let word = "CAST(" + dialect.identifier(column.name) + " AS " + dialect.textType + ")";
    // An owner is matched trimmed (as the sheet trims a Rep ID); stage and type words go back to SQL as written.
    if (field === "rep") word = "TRIM(" + word + ")";
    word = "COALESCE(" + word + ", '')";
    const name = field === "rep" ? "owner" : field;
    parts.push("SELECT '" + name + "' AS field, " + word + " AS word, COUNT(*) AS row_count FROM src GROUP BY " + word);
  }
  const sql = "WITH src AS (SELECT * FROM " + sourceSql(source, dialect) + ")\n" + parts.join("\nUNION ALL\n");
  return { sql, params: sourceParams(source, sourcePath) };
}

/** How the Status and Type texts read (see sales-sql-rows.ts), as the second query's list parameters. */
export interface SalesVocabulary {
  /**
   * Owner texts that name a rep (by Rep ID or Name): any other owner's rows are left out before first-ever wins
   * are found, as on the sheet. Null: every owner's rows count, unknown ones dropped only after the query.
   */
  knownOwners: string[] | null;
  won: string[];
  lost: string[];
  /** Texts no stage can be read from (error values, pasted pages): their rows are left out. */
  bad: string[];
  newTypes: string[];
  renewalTypes: string[];
  /** Open stage texts with a probability from the settings, grouped by that probability. */
  stageProbabilities: { probability: number; words: string[] }[];
}

/** What the second query is asked for besides the columns. */
export interface AggregatesQueryInput {
  columns: SalesColumns;
  source: SalesSource;
  vocabulary: SalesVocabulary;
  rule: NewCustomerRule;
  /** IANA zone of the spreadsheet: a timestamp's day is the day it shows there. */
  timeZone: string;
  /** The file DuckDB reads, for a file source. */
  sourcePath?: string;
}

interface QueryParts {
  dialect: SqlDialect;
  params: SqlQuery["params"];
  column(field: SalesField): string | null;
}

function listParam(parts: QueryParts, name: string, words: string[]): string {
  parts.params[name] = words;
  return name;
}

/** One word list in a {@link wordCodeExpression}: the cells whose text is in `words` take `code`. */
interface WordCode {
  param: string;
  words: string[];
  code: string;
}

/**
 * A CASE that turns a text column's words into a one-letter code, so the status and the deal type share one form;
 * `missing` stands in when the column is not mapped, `otherwise` for a word in no list.
 */
function wordCodeExpression(
  parts: QueryParts,
  field: SalesField,
  codes: WordCode[],
  otherwise: string,
  missing: string,
): string {
  const column = parts.column(field);
  if (column === null) return missing;
  const word = "COALESCE(" + column + ", '')";
  const whens = codes.map(
    (c) => " WHEN " + parts.dialect.inList(word, listParam(parts, c.param, c.words)) + " THEN " + c.code,
  );
  return "CASE" + whens.join("") + " ELSE " + otherwise + " END";
}

function statusExpression(parts: QueryParts, vocabulary: SalesVocabulary): string {
  const codes = [
    { param: "won_words", words: vocabulary.won, code: "'w'" },
    { param: "lost_words", words: vocabulary.lost, code: "'l'" },
    { param: "bad_words", words: vocabulary.bad, code: "'x'" },
  ];
  return wordCodeExpression(parts, "status", codes, "'o'", "'w'");
}

function typeExpression(parts: QueryParts, vocabulary: SalesVocabulary): string {
  const codes = [
    { param: "new_words", words: vocabulary.newTypes, code: "'n'" },
    { param: "renewal_words", words: vocabulary.renewalTypes, code: "'r'" },
  ];
  return wordCodeExpression(parts, "type", codes, "''", "''");
}

/** An open deal's probability: its own cell (0-1, or 0-100 as a percent; else 0), else its stage's, else 1. */
function probabilityExpression(parts: QueryParts, vocabulary: SalesVocabulary): string {
  const status = parts.column("status");
  let stage = "1";
  if (status !== null && vocabulary.stageProbabilities.length > 0) {
    const word = "COALESCE(" + status + ", '')";
    const cases = vocabulary.stageProbabilities.map((group, i) => {
      parts.params["stage_probability_" + i] = group.probability;
      const words = listParam(parts, "stage_probability_words_" + i, group.words);
      return " WHEN " + parts.dialect.inList(word, words) + " THEN " + parts.dialect.param("stage_probability_" + i);
    });
    stage = "CASE" + cases.join("") + " ELSE 1 END";
  }
  const cell = parts.column("probability");
  if (cell === null) return stage;
  const p = "CAST(" + cell + " AS " + parts.dialect.floatType + ")";
  return (
    "CASE WHEN " +
    p +
    " IS NULL THEN " +
    stage +
    " WHEN " +
    p +
    " < 0 OR " +
    p +
    " > 100 THEN 0 WHEN " +
    p +
    " <= 1 THEN " +
    p +
    " ELSE " +
    p +
    " / 100 END"
  );
}

function localDateOf(parts: QueryParts, input: AggregatesQueryInput, field: "date" | "opened"): string {
  const column = input.columns.columns[field];
  if (!column) return "CAST(NULL AS DATE)";
  if (column.kind === "timestamp") parts.params[ZONE_PARAM] = input.timeZone;
  return parts.dialect.localDate(parts.dialect.identifier(column.name), column.kind, ZONE_PARAM);
}

function knownOwnersTest(parts: QueryParts, vocabulary: SalesVocabulary): string {
  if (vocabulary.knownOwners === null) return "";
  const known = parts.dialect.inList("owner", listParam(parts, "known_owners", vocabulary.knownOwners), true);
  return "WHEN NOT (" + known + ") THEN 'unknown_rep'";
}

/** The `base` and `deals` steps: one row per Sales row, read as the sheet reads it, with why it is left out. */
function dealsSql(parts: QueryParts, input: AggregatesQueryInput): string {
  const d = parts.dialect;
  const text = (field: SalesField) => {
    const column = parts.column(field);
    return column === null ? "CAST(NULL AS " + d.textType + ")" : "TRIM(CAST(" + column + " AS " + d.textType + "))";
  };
  const number = (field: SalesField, otherwise: string) => {
    const column = parts.column(field);
    return column === null ? otherwise : "CAST(" + column + " AS " + d.floatType + ")";
  };
  const base = [
    text("rep") + " AS owner",
    statusExpression(parts, input.vocabulary) + " AS outcome",
    typeExpression(parts, input.vocabulary) + " AS deal_type",
    localDateOf(parts, input, "date") + " AS close_date",
    localDateOf(parts, input, "opened") + " AS opened_date",
    number("amount", "CAST(NULL AS " + d.floatType + ")") + " AS amount",
    "COALESCE(" + number("split", "1") + ", 1) AS share",
    "COALESCE(LOWER(" + text("customer") + "), '') AS customer",
    probabilityExpression(parts, input.vocabulary) + " AS probability",
  ];
  const leftOut = [
    "CASE WHEN owner IS NULL OR owner = '' THEN 'blank_rep'",
    knownOwnersTest(parts, input.vocabulary),
    "WHEN outcome = 'x' THEN 'bad_status'",
    "WHEN share < 0 OR share > 1 THEN 'split_out_of_range'",
    "WHEN outcome <> 'o' AND close_date IS NULL THEN 'blank_date'",
    "WHEN outcome = 'w' AND amount IS NULL THEN 'blank_amount'",
    // An open deal without a date or an amount is pipeline still being worked, not an error.
    "WHEN outcome = 'o' AND (close_date IS NULL OR amount IS NULL) THEN 'open_incomplete'",
    "END AS left_out",
  ].join(" ");
  const day = d.dayNumber("close_date");
  return [
    "base AS (SELECT " + base.join(",\n  ") + "\nFROM src)",
    "deals AS (SELECT owner, outcome, deal_type, customer, amount, share, probability,\n" +
      "  EXTRACT(YEAR FROM close_date) * 100 + EXTRACT(MONTH FROM close_date) AS month,\n" +
      "  " +
      day +
      " AS day,\n" +
      "  CASE WHEN outcome = 'o' THEN 1 ELSE 0 END AS is_open,\n" +
      "  CASE WHEN opened_date <= close_date THEN " +
      day +
      " - " +
      d.dayNumber("opened_date") +
      " END AS cycle,\n" +
      "  " +
      leftOut +
      "\nFROM base)",
    "kept AS (SELECT * FROM deals WHERE left_out IS NULL)",
  ].join(",\n");
}

/** The result's columns, in order; each branch of the UNION fills the ones its kind has. */
const RESULT_COLUMNS = [
  "row_kind",
  "owner",
  "month",
  "customer",
  "day",
  "is_open",
  "left_out",
  "row_count",
  "revenue",
  "deals_won",
  "deals_lost",
  "renewals_won",
  "renewals_lost",
  "cycle_days",
  "cycle_deals",
  "open_deals",
  "open_revenue",
  "open_renewals",
  "open_cycle_days",
  "open_cycle_deals",
  "first_closed_day",
  "last_closed_day",
] as const;

type ResultColumn = (typeof RESULT_COLUMNS)[number];

const TEXT_COLUMNS: ReadonlySet<ResultColumn> = new Set(["row_kind", "owner", "customer", "left_out"]);
const FLOAT_COLUMNS: ReadonlySet<ResultColumn> = new Set(["revenue", "open_revenue"]);

function selectRow(d: SqlDialect, values: Partial<Record<ResultColumn, string>>): string {
  return RESULT_COLUMNS.map((name) => {
    const value = values[name];
    if (value !== undefined) return value + " AS " + name;
    const type = TEXT_COLUMNS.has(name) ? d.textType : FLOAT_COLUMNS.has(name) ? d.floatType : d.integerType;
    return "CAST(NULL AS " + type + ") AS " + name;
  }).join(", ");
}

const sumIf = (condition: string, value = "1") => "SUM(CASE WHEN " + condition + " THEN " + value + " ELSE 0 END)";

/**
 * A money sum that is the same whatever order the rows are added in: each row's amount rounded to 9 decimals, added
 * exactly as a decimal, and the total returned as a double (README, "Sales in a warehouse").
 */
function exactMoneySum(d: SqlDialect, condition: string, money: string): string {
  return "CAST(" + sumIf(condition, "CAST(" + money + " AS " + d.exactDecimalType + ")") + " AS " + d.floatType + ")";
}

function monthRowsSql(d: SqlDialect): string {
  const cycled = "cycle IS NOT NULL";
  return (
    "SELECT " +
    selectRow(d, {
      // Rows left out are counted in the same pass, by reason, owner and month.
      row_kind: "CASE WHEN left_out IS NULL THEN 'month' ELSE 'left_out' END",
      owner: "owner",
      month: "month",
      left_out: "left_out",
      row_count: "COUNT(*)",
      revenue: exactMoneySum(d, "outcome = 'w'", "amount * share"),
      deals_won: sumIf("outcome = 'w'"),
      deals_lost: sumIf("outcome = 'l'"),
      renewals_won: sumIf("outcome = 'w' AND deal_type = 'r'"),
      renewals_lost: sumIf("outcome = 'l' AND deal_type = 'r'"),
      cycle_days: sumIf("outcome = 'w' AND " + cycled, "cycle"),
      cycle_deals: sumIf("outcome = 'w' AND " + cycled),
      open_deals: sumIf("outcome = 'o'"),
      open_revenue: exactMoneySum(d, "outcome = 'o'", "amount * share * probability"),
      open_renewals: sumIf("outcome = 'o' AND deal_type = 'r'"),
      open_cycle_days: sumIf("outcome = 'o' AND " + cycled, "cycle"),
      open_cycle_deals: sumIf("outcome = 'o' AND " + cycled),
      // Won and lost days only: open deals carry future dates (RepMonthSales.lastClosedDay).
      first_closed_day: "MIN(CASE WHEN outcome <> 'o' THEN day END)",
      last_closed_day: "MAX(CASE WHEN outcome <> 'o' THEN day END)",
    }) +
    " FROM deals GROUP BY owner, month, left_out"
  );
}

function candidateSelect(d: SqlDialect, alias: string): string {
  const a = alias === "" ? "" : alias + ".";
  return selectRow(d, {
    row_kind: "'candidate'",
    owner: a + "owner",
    month: a + "month",
    customer: a + "customer",
    day: "MIN(" + a + "day)",
    is_open: a + "is_open",
  });
}

/** The new-customer candidates of the contract (see NewCustomerCandidate in sales-aggregates.ts). */
function candidateRowsSql(d: SqlDialect, rule: NewCustomerRule): { steps: string[]; selects: string[] } {
  if (rule === "none") return { steps: [], selects: [] };
  const group = " GROUP BY k.owner, k.month, k.customer, k.is_open";
  if (rule === "type")
    return {
      steps: [],
      selects: [
        "SELECT " +
          candidateSelect(d, "k") +
          " FROM kept k WHERE k.deal_type = 'n' AND k.outcome IN ('w', 'o') AND k.customer <> ''" +
          group,
      ],
    };
  return {
    steps: [
      "first_wins AS (SELECT customer, MIN(day) AS day FROM kept WHERE outcome = 'w' AND customer <> '' GROUP BY customer)",
      "first_opens AS (SELECT customer, month, MIN(day) AS day FROM kept WHERE outcome = 'o' AND customer <> ''" +
        " GROUP BY customer, month)",
    ],
    selects: [
      "SELECT " +
        candidateSelect(d, "k") +
        " FROM kept k JOIN first_wins f ON k.customer = f.customer AND k.day = f.day WHERE k.outcome = 'w'" +
        group,
      "SELECT " +
        candidateSelect(d, "k") +
        " FROM kept k JOIN first_opens f ON k.customer = f.customer AND k.month = f.month AND k.day = f.day" +
        " WHERE k.outcome = 'o'" +
        group,
    ],
  };
}

/**
 * The second query: the contract's rows (`row_kind` month, candidate or
 * left_out; see RESULT_COLUMNS) from the table, in the spreadsheet's zone.
 *
 * @example
 * const { sql, params } = aggregatesQuery({ columns, source: { table: "crm.sales.deals" }, vocabulary, rule: "type",
 *   timeZone: "Asia/Shanghai" }, "bigquery");
 * params.won_words; // ["", "Closed Won", ...]: the texts that read as won, never spliced into `sql`
 */
export function aggregatesQuery(input: AggregatesQueryInput, dialectName: SqlDialectName): SqlQuery {
  const dialect = sqlDialect(dialectName);
  const parts: QueryParts = {
    dialect,
    params: sourceParams(input.source, input.sourcePath),
    column(field) {
      const column = input.columns.columns[field];
      return column ? dialect.identifier(column.name) : null;
    },
  };
  const steps = ["src AS (SELECT * FROM " + sourceSql(input.source, dialect) + ")", dealsSql(parts, input)];
  const candidates = candidateRowsSql(dialect, input.rule);
  steps.push(...candidates.steps);
  const selects = [monthRowsSql(dialect), ...candidates.selects];
  return { sql: "WITH " + steps.join(",\n") + "\n" + selects.join("\nUNION ALL\n"), params: parts.params };
}
