import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workbookReaderOf } from "./xlsx-parts-in-order";
import { zipEntries } from "./xlsx-sheet-extras";
import { writeXlsx } from "./xlsx-workbook";

describe("reading an xlsx's parts in the order the reader needs", () => {
  let dir: string;
  let bytes: Uint8Array;
  const reps = [
    ["Rep ID", "Name"],
    ["R1", "Ann Lee"],
    ["R2", "王芳"],
  ];
  const sales = [
    ["Date", "Rep ID", "Customer", "Amount", "Status"],
    ["2026-03-05", "R1", "东方酒店", 1200, "won"],
    ["2026-03-06", "R2", "Acme", 800, "赢单"],
  ];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "parts-in-order-"));
    const path = join(dir, "export.xlsx");
    await writeXlsx(
      {
        sheets: [
          { name: "Reps", values: reps },
          { name: "Sales", values: sales },
        ],
      },
      path,
    );
    bytes = await readFile(path);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is needed: the writer stores the shared strings and the workbook part after the worksheets", () => {
    const paths = [...zipEntries(bytes).keys()];
    const lastSheet = Math.max(...paths.flatMap((p, i) => (p.startsWith("xl/worksheets/sheet") ? [i] : [])));
    expect(paths.indexOf("xl/sharedStrings.xml")).toBeGreaterThan(lastSheet);
    expect(paths.indexOf("xl/workbook.xml")).toBeGreaterThan(lastSheet);
  });

  it("reads every sheet by name with its text, though the stream the reader is built on is empty", async () => {
    const reader = workbookReaderOf(bytes);
    const read: Record<string, unknown[][]> = {};
    for await (const worksheet of reader) {
      const rows: unknown[][] = [];
      // row.values starts at column 1: its first slot is empty.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) rows.push((row.values as unknown[]).slice(1));
      read[(worksheet as unknown as { name: string }).name] = rows;
    }
    expect(Object.keys(read).sort()).toEqual(["Reps", "Sales"]);
    expect(read.Reps).toEqual(reps);
    expect(read.Sales).toEqual(sales);
  });
});
