import { describe, expect, it } from "vitest";
import { aggregatesQuery, salesColumnsOf, vocabularyQuery, type SalesVocabulary, type TableColumn } from "./sales-sql";
import { columnKindOf, sqlDialect } from "./sales-sql-dialect";
import { ownerResolver, salesVocabulary, warehouseSales, type AggregateRow } from "./sales-sql-rows";
import { stageDictionary } from "./stage-reading";
import { stageProbabilities } from "./probability-reading";
import type { Rep } from "../core/records";

const SCHEMA: TableColumn[] = [
  { name: "Close Date", kind: "timestamp" },
  { name: "Opportunity Owner", kind: "text" },
  { name: "Account Name", kind: "text" },
  { name: "Amount", kind: "number" },
  { name: "Stage", kind: "text" },
  { name: "Type", kind: "text" },
];

const VOCABULARY: SalesVocabulary = {
  knownOwners: ["R1"],
  won: ["", "Closed Won"],
  lost: ["Closed Lost"],
  bad: [],
  newTypes: ["New Customer"],
  renewalTypes: [],
  stageProbabilities: [{ probability: 0.5, words: ["Proposal"] }],
};

describe("salesColumnsOf", () => {
  it("finds the Sales fields among a table's columns by the sheet's header matching", () => {
    const found = salesColumnsOf(SCHEMA, "crm.deals");
    expect(found.complete).toBe(true);
    expect(found.columns.date?.name).toBe("Close Date");
    expect(found.columns.rep?.name).toBe("Opportunity Owner");
    expect(found.columns.status?.name).toBe("Stage");
  });

  it("refuses a column of a type the field cannot hold", () => {
    const found = salesColumnsOf([{ name: "Date", kind: "text" }, ...SCHEMA.slice(1)], "crm.deals");
    expect(found.complete).toBe(false);
    expect(found.problems.map((p) => p.code)).toContain("warehouse_column_type");
  });
});

describe("aggregatesQuery", () => {
  const input = {
    columns: salesColumnsOf(SCHEMA, "deals"),
    source: { table: "proj.crm.deals" },
    vocabulary: { ...VOCABULARY, won: ["'); DROP TABLE x; --"] },
    rule: "type" as const,
    timeZone: "Asia/Shanghai",
  };

  it("passes every value as a parameter, never in the SQL text", () => {
    for (const dialect of ["bigquery", "duckdb"] as const) {
      const { sql, params } = aggregatesQuery(input, dialect);
      expect(sql).not.toContain("DROP TABLE");
      expect(sql).not.toContain("Asia/Shanghai");
      expect(params.won_words).toEqual(["'); DROP TABLE x; --"]);
      expect(params.time_zone).toBe("Asia/Shanghai");
      expect(params.stage_probability_0).toBe(0.5);
    }
  });

  it("writes each dialect's own parameters, identifiers and time-zone day", () => {
    const bigquery = aggregatesQuery(input, "bigquery").sql;
    expect(bigquery).toContain("`proj.crm.deals`");
    expect(bigquery).toContain("DATE(`Close Date`, @time_zone)");
    expect(bigquery).toContain("IN UNNEST(@won_words)");
    const duckdb = aggregatesQuery(input, "duckdb").sql;
    expect(duckdb).toContain('"proj"."crm"."deals"');
    expect(duckdb).toContain('CAST(timezone($time_zone, "Close Date") AS DATE)');
    expect(duckdb).toContain("list_contains($won_words,");
    expect(duckdb).toContain("IN (SELECT unnest($known_owners)))");
  });

  it("adds money as each dialect's exact decimal, never as doubles", () => {
    const bigquery = aggregatesQuery(input, "bigquery").sql;
    expect(bigquery).toContain("THEN CAST(amount * share AS NUMERIC) ELSE 0 END) AS FLOAT64) AS revenue");
    expect(bigquery).toContain("CAST(amount * share * probability AS NUMERIC)");
    const duckdb = aggregatesQuery(input, "duckdb").sql;
    expect(duckdb).toContain("THEN CAST(amount * share AS DECIMAL(38, 9)) ELSE 0 END) AS DOUBLE) AS revenue");
    expect(duckdb).toContain("CAST(amount * share * probability AS DECIMAL(38, 9))");
  });

  it("asks for the zone only when a column is an instant", () => {
    const dated = salesColumnsOf([{ name: "Date", kind: "date" }, ...SCHEMA.slice(1)], "deals");
    expect(aggregatesQuery({ ...input, columns: dated }, "duckdb").params.time_zone).toBeUndefined();
  });

  it("refuses a table or column name that could break out of its quotes", () => {
    expect(() => aggregatesQuery({ ...input, source: { table: "a`; DROP" } }, "bigquery")).toThrow();
    expect(() => sqlDialect("duckdb").identifier('x" OR 1=1')).toThrow();
  });

  it("asks DuckDB for the file by parameter", () => {
    const query = vocabularyQuery(input.columns, { file: "parquet" }, "duckdb", "/tmp/o'neil.parquet");
    expect(query.sql).toContain("read_parquet($source_file)");
    expect(query.params.source_file).toBe("/tmp/o'neil.parquet");
  });
});

describe("columnKindOf", () => {
  it("reads BigQuery and DuckDB type names", () => {
    expect(columnKindOf("INT64", "bigquery")).toBe("integer");
    expect(columnKindOf("DECIMAL(18,2)")).toBe("number");
    expect(columnKindOf("TIMESTAMP", "bigquery")).toBe("timestamp");
    expect(columnKindOf("TIMESTAMP")).toBe("datetime");
    expect(columnKindOf("TIMESTAMP WITH TIME ZONE")).toBe("timestamp");
  });
});

describe("salesVocabulary", () => {
  it("reads the texts with the sheet's stage and type words", () => {
    const rows = [
      ...["", "closed_won", "Closed Lost", "Proposal", "#N/A"].map((word) => ({ field: "status", word })),
      ...["New Customer", "Renewal"].map((word) => ({ field: "type", word })),
    ];
    const vocabulary = salesVocabulary(rows, stageDictionary(), stageProbabilities({ proposal: 0.3 }));
    expect(vocabulary.won).toEqual(["", "closed_won"]);
    expect(vocabulary.lost).toEqual(["Closed Lost"]);
    expect(vocabulary.bad).toEqual(["#N/A"]);
    expect(vocabulary.newTypes).toEqual(["New Customer"]);
    expect(vocabulary.renewalTypes).toEqual(["Renewal"]);
    expect(vocabulary.stageProbabilities).toEqual([{ probability: 0.3, words: ["Proposal"] }]);
  });
});

describe("warehouseSales", () => {
  const rep = (key: string, name: string) => ({ key, id: key.toUpperCase(), name }) as Rep;
  const row = (values: Partial<AggregateRow>): AggregateRow =>
    ({
      row_kind: "month",
      owner: null,
      month: null,
      customer: null,
      day: null,
      is_open: null,
      left_out: null,
      row_count: 1,
      ...values,
    }) as AggregateRow;

  it("adds an owner written by ID and by Name into one rep, and counts unknown owners and left-out rows", () => {
    const rows = [
      row({ owner: "R1", month: 202603, revenue: 100, deals_won: 1 }),
      row({ owner: "Ann Lee", month: 202603, revenue: 50, deals_won: 1 }),
      row({ owner: "ghost", month: 202603, revenue: 7, row_count: 3 }),
      row({ row_kind: "left_out", left_out: "blank_date", row_count: 2 }),
    ];
    const result = warehouseSales(rows, ownerResolver([rep("r1", "Ann Lee")]), "first_win", "deals");
    expect(result.aggregates.months).toHaveLength(1);
    expect(result.aggregates.months[0]).toMatchObject({ rep: "r1", month: "2026-03", revenue: 150, dealsWon: 2 });
    expect(result.problems.map((p) => [p.code, p.args.count])).toEqual([
      ["warehouse_rows_left_out", 2],
      ["warehouse_unknown_owner", 3],
    ]);
  });
});
