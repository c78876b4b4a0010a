/**
 * The BigQuery stand-in's tables backed by a file (setFileTable): a view over
 * a CSV or Parquet file answers queries and tables.get as a table registered
 * from rows does, with the same schema types and billed bytes.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSimulator } from "./index";

const folder = mkdtempSync(join(tmpdir(), "bq-file-table-"));
// A quote in the folder name: the path reaches DuckDB as an escaped string literal.
const csv = join(folder, "it's sales.csv");
writeFileSync(
  csv,
  [
    "rep,amount,closed,units",
    "r1,1200.5,2026-03-31 23:30:00,2",
    "r1,300,2026-03-01 00:00:00,1",
    "r2,50,2026-02-10 12:00:00,",
  ]
    .map((line) => line + "\n")
    .join(""),
);
const sim = createSimulator({ now: "2026-04-02T09:00:00Z", user: "alice" });
afterAll(() => {
  sim.bigQuery.close();
  rmSync(folder, { recursive: true, force: true });
});

const SQL =
  "SELECT rep, SUM(amount) AS revenue, COUNT(*) AS deals FROM `acme-files.crm.sales` GROUP BY rep ORDER BY rep";

describe("a BigQuery table backed by a file", () => {
  it("answers queries over a CSV file, with its schema and the bytes a query reads", () => {
    sim.bigQuery.setFileTable("acme-files.crm.sales", csv);
    const { BigQuery } = sim.globals({ kind: "manual" });
    const table = BigQuery.Tables.get("acme-files", "crm", "sales") as Record<string, unknown>;
    expect(table.schema).toEqual({
      fields: [
        { name: "rep", type: "STRING", mode: "NULLABLE" },
        { name: "amount", type: "FLOAT", mode: "NULLABLE" },
        { name: "closed", type: "DATETIME", mode: "NULLABLE" },
        { name: "units", type: "INTEGER", mode: "NULLABLE" },
      ],
    });
    expect(table.numRows).toBe("3");
    // rep 3 x (2 + 2), amount, closed 3 x 8, units 2 x 8 (one is null).
    expect(table.numBytes).toBe(String(12 + 24 + 24 + 16));
    const response = BigQuery.Jobs.query({ query: SQL, useLegacySql: false }, "acme-files") as Record<string, unknown>;
    expect(response.rows).toEqual([
      { f: [{ v: "r1" }, { v: "1500.5" }, { v: "2" }] },
      { f: [{ v: "r2" }, { v: "50.0" }, { v: "1" }] },
    ]);
    expect(response.totalBytesProcessed).toBe(String(12 + 24));
  });

  it("reads a Parquet file, replaces an earlier table of the same path, and back", () => {
    const parquet = join(folder, "sales.parquet");
    sim.bigQuery
      .database()
      .run(
        `COPY (SELECT 'r3' AS rep, CAST(7 AS DOUBLE) AS amount, TIMESTAMPTZ '2026-03-01 00:00:00+00' AS closed) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`,
      );
    sim.bigQuery.setTable("acme-files.crm.sales", { schema: [{ name: "rep", type: "STRING" }], rows: [["x"]] });
    sim.bigQuery.setFileTable("acme-files.crm.sales", parquet);
    const { BigQuery } = sim.globals({ kind: "manual" });
    const table = BigQuery.Tables.get("acme-files", "crm", "sales") as { schema: { fields: { type: string }[] } };
    expect(table.schema.fields.map((f) => f.type)).toEqual(["STRING", "FLOAT", "TIMESTAMP"]);
    const response = BigQuery.Jobs.query({ query: SQL, useLegacySql: false }, "acme-files") as Record<string, unknown>;
    expect(response.rows).toEqual([{ f: [{ v: "r3" }, { v: "7.0" }, { v: "1" }] }]);
    sim.bigQuery.setTable("acme-files.crm.sales", { schema: [{ name: "rep", type: "STRING" }], rows: [["x"]] });
    expect(sim.bigQuery.database().run('SELECT rep FROM "acme-files.crm.sales"').rows).toEqual([["x"]]);
  });

  it("refuses a file that is neither Parquet nor CSV", () => {
    expect(() => sim.bigQuery.setFileTable("acme-files.crm.other", join(folder, "sales.xlsx"))).toThrow(
      /\.parquet or \.csv/,
    );
  });
});
