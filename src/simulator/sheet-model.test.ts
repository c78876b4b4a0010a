import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell, CellContent } from "./cell";
import { SheetModel } from "./sheet-model";

/** The object-per-cell grid the column store replaced: the reference its answers are held to. */
class ObjectGrid {
  rows: (Cell | undefined)[][] = [];
  cellForWrite(row: number, column: number): Cell {
    const cells = (this.rows[row - 1] ??= []);
    return (cells[column - 1] ??= {});
  }
  insertRowsBefore(before: number, count: number): void {
    if (this.rows.length >= before)
      this.rows = this.rows.slice(0, before - 1).concat(new Array(count), this.rows.slice(before - 1));
  }
  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
  }
  insertColumnsBefore(before: number, count: number): void {
    this.rows = this.rows.map((row) =>
      row && row.length >= before ? row.slice(0, before - 1).concat(new Array(count), row.slice(before - 1)) : row,
    );
  }
  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) row?.splice(start - 1, count);
  }
  /** Every cell's content and attributes, undefined ones left out, by "row,column". */
  cells(): Record<string, Cell> {
    const out: Record<string, Cell> = {};
    this.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const plain = plainCell(cell);
        if (plain) out[`${r + 1},${c + 1}`] = plain;
      }),
    );
    return out;
  }
}

function plainCell(cell: Cell | undefined): Cell | undefined {
  if (!cell) return undefined;
  const plain: Cell = {};
  for (const key of ["content", "format", "note", "validation", "style"] as const)
    if (cell[key] !== undefined) (plain as Record<string, unknown>)[key] = cell[key];
  return Object.keys(plain).length > 0 ? plain : undefined;
}

function sheetCells(sheet: SheetModel, rows: number, columns: number): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= columns; c++) {
      const plain = plainCell(sheet.cell(r, c));
      if (plain) out[`${r},${c}`] = plain;
    }
  return out;
}

const contents: fc.Arbitrary<CellContent | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.double({ noNaN: true }).map((value) => ({ kind: "number" as const, value })),
  fc.string().map((value) => ({ kind: "text" as const, value })),
  fc.boolean().map((value) => ({ kind: "boolean" as const, value })),
  fc.integer().map((wall) => ({ kind: "date" as const, wall })),
  fc.string().map((formula) => ({ kind: "formula" as const, formula: "=" + formula })),
);
const place = { row: fc.integer({ min: 1, max: 12 }), column: fc.integer({ min: 1, max: 5 }) };
const operations = fc.oneof(
  fc.record({ op: fc.constant("content" as const), ...place, content: contents }),
  fc.record({
    op: fc.constant("format" as const),
    ...place,
    value: fc.option(fc.constantFrom("0.00", "@"), { nil: undefined }),
  }),
  fc.record({ op: fc.constant("note" as const), ...place, value: fc.option(fc.string(), { nil: undefined }) }),
  fc.record({
    op: fc.constant("style" as const),
    ...place,
    value: fc.option(fc.constantFrom("bold", "top"), { nil: undefined }),
  }),
  fc.record({
    op: fc.constantFrom(
      "insertRows" as const,
      "deleteRows" as const,
      "insertColumns" as const,
      "deleteColumns" as const,
    ),
    at: fc.integer({ min: 1, max: 14 }),
    count: fc.integer({ min: 1, max: 3 }),
  }),
);
type Operation = typeof operations extends fc.Arbitrary<infer T> ? T : never;

function apply(grid: ObjectGrid | SheetModel, operation: Operation): void {
  switch (operation.op) {
    case "content":
      grid.cellForWrite(operation.row, operation.column).content = operation.content;
      return;
    case "format":
    case "note":
      grid.cellForWrite(operation.row, operation.column)[operation.op] = operation.value;
      return;
    case "style": {
      const cell = grid.cellForWrite(operation.row, operation.column);
      if (operation.value === undefined) {
        if (cell.style) delete cell.style.font;
      } else (cell.style ??= {}).font = operation.value;
      return;
    }
    case "insertRows":
      return grid.insertRowsBefore(operation.at, operation.count);
    case "deleteRows":
      return grid.deleteRows(operation.at, operation.count);
    case "insertColumns":
      return grid.insertColumnsBefore(operation.at, operation.count);
    case "deleteColumns":
      return grid.deleteColumns(operation.at, operation.count);
  }
}

describe("SheetModel's column store", () => {
  it("holds the same cells as an object per cell after any writes, clears, inserts and deletes", () => {
    fc.assert(
      fc.property(fc.array(operations, { maxLength: 40 }), (ops) => {
        const sheet = new SheetModel("S", 0);
        const reference = new ObjectGrid();
        for (const operation of ops) {
          apply(sheet, operation);
          apply(reference, operation);
        }
        expect(sheetCells(sheet, 30, 12)).toEqual(reference.cells());
        const withContent = Object.entries(reference.cells()).filter(([, cell]) => cell.content !== undefined);
        const rowsWithContent = withContent.map(([key]) => Number(key.split(",")[0]));
        const columnsWithContent = withContent.map(([key]) => Number(key.split(",")[1]));
        expect(sheet.lastRow()).toBe(Math.max(0, ...rowsWithContent));
        expect(sheet.lastColumn()).toBe(Math.max(0, ...columnsWithContent));
      }),
      { numRuns: 500 },
    );
  });

  it("reads back each kind of content and leaves a cell holding nothing undefined", () => {
    const sheet = new SheetModel("S", 0);
    const written: CellContent[] = [
      { kind: "number", value: 1.5 },
      { kind: "text", value: "R1" },
      { kind: "boolean", value: false },
      { kind: "date", wall: 1_700_000_000_000 },
      { kind: "formula", formula: "=A1" },
    ];
    written.forEach((content, i) => (sheet.cellForWrite(2, i + 1).content = content));
    expect(written.map((_, i) => sheet.cell(2, i + 1)?.content)).toEqual(written);
    sheet.cellForWrite(2, 1).content = undefined;
    expect(sheet.cell(2, 1)).toBeUndefined();
    sheet.cellForWrite(3, 1).note = "checked";
    expect([sheet.cell(3, 1)?.note, sheet.lastRow()]).toEqual(["checked", 2]);
  });

  it("visits the cells with attributes row by row for snapshots", () => {
    const sheet = new SheetModel("S", 0);
    sheet.cellForWrite(2, 3).format = "0.00";
    sheet.cellForWrite(1, 1).content = { kind: "number", value: 1 };
    sheet.cellForWrite(2, 1).note = "n";
    const seen: string[] = [];
    sheet.forEachCellWithAttributes((_, row, column) => seen.push(`${row},${column}`));
    expect(seen).toEqual(["2,1", "2,3"]);
  });
});
