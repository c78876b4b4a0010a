/**
 * A CSV Sales file through DuckDB: its ISO dates are read as DATE columns (the
 * wall-clock day, no zone involved), its CRM headers matched like the sheet's,
 * and the contract equals the one the same rows give as a Sales sheet.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeWallClock } from "../../src/core/calendar";
import { salesAggregatesOf } from "../../src/core/sales-aggregates";
import { openDuckDb, readSalesFile } from "../../src/local/warehouse/duckdb-sales";
import { stageProbabilities } from "../../src/tables/probability-reading";
import { readInputs } from "../../src/tables/read-inputs";
import { inputGrids } from "../fixtures/input-grids";
import { stageDictionary } from "../../src/tables/stage-reading";

const ROWS = [
  ["Close Date", "Opportunity Owner", "Account Name", "Amount", "Stage", "Created Date"],
  ["2026-03-31", "R1", "Acme", "1200", "Closed Won", "2026-03-01"],
  ["2026-04-01", "Ann Lee", "Beta", "800", "Closed Won", ""],
  ["2026-03-15", "R2", "Acme", "500", "Closed Lost", ""],
  ["2026-03-20", "R2", "Gamma", "900", "Negotiation", ""],
  ["", "R1", "Delta", "300", "Closed Won", ""],
  ["2026-03-02", "R9", "Acme", "100", "Closed Won", ""],
];

const folder = mkdtempSync(join(tmpdir(), "warehouse-csv-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a CSV Sales file", () => {
  it("gives the contract the same rows give as a Sales sheet, and counts what it leaves out", async () => {
    const path = join(folder, "deals.csv");
    writeFileSync(path, ROWS.map((row) => row.join(",")).join("\n") + "\n");
    const sheet = readInputs(
      inputGrids({
        reps: [
          ["Rep ID", "Name"],
          ["R1", "Ann Lee"],
          ["R2", "Bo Chen"],
        ],
        sales: ROWS,
      }),
      { wallClock: makeWallClock("Asia/Shanghai"), manualMetrics: new Set(), planMetrics: new Set(["revenue"]) },
    );
    const connection = await openDuckDb();
    const file = await readSalesFile(connection, path, {
      reps: sheet.records.reps,
      timeZone: "Asia/Shanghai",
      stages: stageDictionary(),
      stageProbabilities: stageProbabilities(),
    });
    const byKey = <T extends { rep: string; month: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.rep + a.month < b.rep + b.month ? -1 : 1));
    const fromSheet = salesAggregatesOf(sheet.records.sales, "first_win");
    expect(byKey(file.aggregates!.months)).toEqual(byKey(fromSheet.months));
    expect(file.aggregates!.newCustomers).toHaveLength(fromSheet.newCustomers.length);
    expect(file.aggregates!.months.find((m) => m.rep === "r1" && m.month === "2026-03")).toMatchObject({
      revenue: 1200,
      cycleDaysSum: 30,
      cycleDeals: 1,
    });
    expect(file.problems.map((p) => [p.code, p.args.count])).toEqual([
      ["warehouse_rows_left_out", 1],
      ["warehouse_unknown_owner", 1],
    ]);
  });
});
