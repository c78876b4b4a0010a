/**
 * `npm start` on an export with 500 bad dates among 10,000 Sales rows, run
 * as the README runs it: the console prints one grouped line for them and a
 * total equal to the Run log's, and the result workbook's Problems sheet
 * lists every one of the 500 cells.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellData, WorkbookData } from "../../src/local/workbook/workbook-data";
import { readXlsx, writeXlsx } from "../../src/local/workbook/xlsx-workbook";
import { ensureBuilt, records, runStart, sheetOf, type CommandRun } from "./start-helpers";

// Sheet rows 20, 40, ..., 10,001 hold data rows 19, 39, ...: every 20th sheet row up to 10,000 is 10,000 / 20 = 500 rows.
const BAD_ROWS = Array.from({ length: 500 }, (_, i) => 20 * (i + 1));

let dir: string;
let run: CommandRun;
let result: WorkbookData;

function exportWorkbook(): WorkbookData {
  const sales: CellData[][] = [["Date", "Rep ID", "Customer", "Amount", "Status"]];
  for (let i = 0; i < 10_000; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    sales.push([
      { wallClock: `2026-03-${day}T10:00:00` },
      i % 2 ? "R1" : "R2",
      "Customer " + (i % 50),
      100 + (i % 7),
      "won",
    ]);
  }
  for (const row of BAD_ROWS) sales[row - 1][0] = "someday";
  return {
    sheets: [
      {
        name: "Reps",
        values: [
          ["Rep ID", "Name", "Team"],
          ["R1", "Ann Lee", "East"],
          ["R2", "王芳", "East"],
        ],
      },
      { name: "Sales", values: sales },
      {
        name: "Targets",
        values: [
          ["Rep ID", "Period", "Metric", "Target"],
          ["*", "2026-03", "revenue", 100000],
        ],
      },
    ],
  };
}

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), "start-problems-"));
  await writeXlsx(exportWorkbook(), join(dir, "export.xlsx"));
  run = runStart(["--input", join(dir, "export.xlsx"), "--out", join(dir, "result.xlsx")]);
  if (run.status !== 2) throw new Error(`npm start exited ${run.status}:\n${run.stderr}`);
  result = await readXlsx(join(dir, "result.xlsx"));
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm start with 500 bad dates among 10,000 rows", () => {
  it("prints one grouped line for them and a total equal to the Run log's", () => {
    expect(run.status).toBe(2);
    const lines = run.stderr.split("\n");
    const grouped = lines.filter((line) => line.startsWith("Sales!A20, A40, A60, …, 500 rows: "));
    expect(grouped).toHaveLength(1);
    expect(grouped[0]).toMatch(/ \(first: A20\)$/);
    expect(lines.filter((line) => /^Sales!A\d+/.test(line))).toHaveLength(1);
    const total = /^The input has (\d+) problems?(?: and (\d+) warnings?)?/m.exec(run.stderr)!;
    const runLog = records(sheetOf(result, "Run log"));
    expect(Number(total[1]) + Number(total[2] ?? 0)).toBe(runLog[runLog.length - 1].Problems);
    expect(String(runLog[runLog.length - 1]["Problem list"])).toMatch(/full list: Problems sheet$/);
    expect(run.stderr).toMatch(/^Every problem cell, one row each: the Problems sheet in .*result\.xlsx$/m);
  });

  it("writes every one of the 500 cells to the result workbook's Problems sheet", () => {
    const rows = records(sheetOf(result, "Problems"));
    const dates = rows.filter((row) => row.Code === "not_a_date");
    expect(dates.map((row) => `${row.Sheet}!${row.Cell}`)).toEqual(BAD_ROWS.map((row) => "Sales!A" + row));
    for (const row of dates) expect(row.Severity).toBe("error");
    const runLog = records(sheetOf(result, "Run log"));
    expect(rows).toHaveLength(runLog[runLog.length - 1].Problems as number);
  });
});
