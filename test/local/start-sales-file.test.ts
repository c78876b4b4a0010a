/**
 * `npm start -- --sales FILE`, run as the README runs it (a real process on
 * the built bundle): the demo workbook's Sales, exported to a CSV file and
 * (through DuckDB's COPY) to a Parquet file and left out of the workbook,
 * give the same Results and Payouts as the demo workbook with Sales inside
 * it. The run reads the file through the add-on's BigQuery Sales source (the
 * simulator's stand-in over a DuckDB view of the file). No `--period`: both
 * runs take the latest close day of a won or lost deal as the day Sales reach,
 * so the month it falls in stays provisional in both (README, "Sales in a
 * warehouse"). A file of another kind, or one that is not there, is a
 * one-line message and exit status 1.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbBridge } from "../../src/simulator/bigquery-duckdb";
import type { CellData, WorkbookData } from "../../src/local/workbook/workbook-data";
import { readXlsx, writeXlsx } from "../../src/local/workbook/xlsx-workbook";
import { DEMO, ensureBuilt, runStart, sheetOf } from "./start-helpers";

let dir: string;
const path = (name: string) => join(dir, name);

/** A cell as CSV text: a wall clock as DuckDB reads a TIMESTAMP ("2026-03-05 10:00:00"). */
function csvField(cell: CellData): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "object" ? ("wallClock" in cell ? cell.wallClock.replace("T", " ") : "") : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The cells of a sheet of a result workbook (formulas as their text), for comparison. */
function cellsOf(workbook: WorkbookData, name: string): unknown[][] {
  return sheetOf(workbook, name).values.map((row) => row.map((cell) => cell ?? null));
}

let demo: WorkbookData;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), "start-sales-file-"));
  demo = await readXlsx(DEMO);
  const sales = sheetOf(demo, "Sales");
  await writeFile(path("sales.csv"), sales.values.map((row) => row.map(csvField).join(",") + "\n").join(""));
  const db = new DuckDbBridge();
  try {
    const literal = (file: string) => `'${file.replace(/'/g, "''")}'`;
    db.run(`COPY (SELECT * FROM read_csv_auto(${literal(path("sales.csv"))})) TO ${literal(path("sales.parquet"))}`);
  } finally {
    db.close();
  }
  await writeXlsx({ sheets: demo.sheets.filter((s) => s.name !== "Sales") }, path("team.xlsx"));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm start --sales", () => {
  it("writes the Results and Payouts of the same deals held in the workbook, from a CSV or a Parquet file", async () => {
    const inside = runStart(["--input", DEMO, "--out", path("inside.xlsx")]);
    expect(inside.status, inside.stderr).toBe(0);
    const expected = await readXlsx(path("inside.xlsx"));
    for (const file of ["sales.csv", "sales.parquet"]) {
      const out = path(`from-${file}.xlsx`);
      const run = runStart(["--input", path("team.xlsx"), "--sales", path(file), "--out", out]);
      expect(run.status, run.stderr).toBe(0);
      const result = await readXlsx(out);
      for (const sheet of ["Results", "Payouts"])
        expect(cellsOf(result, sheet), `${file} ${sheet}`).toEqual(cellsOf(expected, sheet));
      const computed = (stdout: string) => stdout.split("\n").find((line) => line.startsWith("Computed "));
      expect(computed(run.stdout)).toBe(computed(inside.stdout));
    }
  }, 240_000);

  it("refuses a file that is neither Parquet nor CSV, and a missing file, in one line each", () => {
    const xlsx = runStart(["--input", DEMO, "--sales", DEMO, "--out", path("x.xlsx")]);
    expect(xlsx.status).toBe(1);
    expect(xlsx.stderr).toMatch(/--sales ".*demo-workbook\.xlsx" must be a file name ending in \.parquet or \.csv/);
    const missing = runStart(["--input", DEMO, "--sales", path("nowhere.parquet"), "--out", path("x.xlsx")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^npm start: --sales .*nowhere\.parquet: no such file/);
    expect(missing.stderr).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
  });
});
