import { describe, expect, it } from "vitest";
import { dayNumber, makeWallClock } from "../core/calendar";
import { formatProblem } from "../core/problems";
import type { Sale } from "../core/records";
import { seededRandom } from "../core/seeded-random";
import { openSheet, problemCollector } from "./input-rows";
import { readInputs, type ReadInputsOptions } from "./read-inputs";
import { inputGrids } from "../../test/fixtures/input-grids";
import { salesScope, type SalesDays } from "./sales-scope";

type Grid = unknown[][];

const SALES_HEADER = ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Deal ID"];
const REPS: Grid = [["Rep ID", "Name"], ...["R1", "R2", "R3", "R4"].map((id) => [id, `Rep ${id}`])];
const DAY_MS = 86_400_000;
const wallClock = makeWallClock("UTC");

/** A year of seeded sales with unique Deal IDs, in close date order of no kind (as entered). */
function yearOfSales(rows = 400): Grid {
  const random = seededRandom(5);
  const grid: Grid = [SALES_HEADER];
  for (let row = 0; row < rows; row += 1) {
    const closed = Date.UTC(2025, 0, 1) + Math.floor(random() * 365) * DAY_MS;
    const opened = closed - Math.floor(random() * 90) * DAY_MS;
    grid.push([
      new Date(closed).toISOString().slice(0, 10),
      `R${1 + Math.floor(random() * 4)}`,
      `C${Math.floor(random() * 60)}`,
      Math.round(random() * 9000),
      ["new", "renewal", "expansion"][Math.floor(random() * 3)],
      ["won", "won", "lost", "open"][Math.floor(random() * 4)],
      new Date(opened).toISOString().slice(0, 10),
      `D${row}`,
    ]);
  }
  return grid;
}

function read(sales: Grid, days?: SalesDays, reps: Grid | null = REPS) {
  const grids = inputGrids({ reps, sales });
  const options: ReadInputsOptions = { wallClock, planMetrics: new Set(["revenue"]), manualMetrics: new Set() };
  return readInputs(grids, { ...options, salesDays: days });
}

function rowsToRead(sales: Grid, days: SalesDays, everyRowNeeded = false): Uint8Array | null {
  const sheet = openSheet("sales", { sheetName: "Sales", values: sales }, problemCollector());
  if (sheet === null) throw new Error("no Sales sheet");
  return salesScope(sheet, days, { dayOf: wallClock, dateOrder: null, everyRowNeeded }).rowsToRead;
}

const within = (days: SalesDays) => (sale: Pick<Sale, "day">) => sale.day >= days.from && sale.day <= days.to;
const saleOn = (isoDay: unknown) => {
  const [year, month, day] = String(isoDay).split("-").map(Number);
  return { day: dayNumber(year, month, day) };
};
const texts = (result: ReturnType<typeof read>) => result.problems.map((problem) => formatProblem(problem, "en"));
const FEB_MAR: SalesDays = { from: dayNumber(2025, 2, 1), to: dayNumber(2025, 3, 31) };

describe("salesScope: the Sales rows a few periods need", () => {
  it("gives every pair of months the sales a full read gives, reading only their rows", () => {
    const sales = yearOfSales();
    const full = read(sales);
    for (let month = 2; month <= 12; month += 1) {
      const days = { from: dayNumber(2025, month - 1, 1), to: dayNumber(2025, month + 1, 1) - 1 };
      const scoped = read(sales, days);
      expect(scoped.records.sales).toEqual(full.records.sales.filter(within(days)));
      expect(scoped.records.sales.length).toBeGreaterThan(0);
      const toRead = rowsToRead(sales, days);
      expect(toRead?.reduce((sum, flag) => sum + flag, 0)).toBe(
        sales.filter((row, index) => index > 0 && within({ from: days.from, to: days.to })(saleOn(row[0]))).length,
      );
    }
  });

  it("reports the problems of rows within the days and of rows no date places, not of the others", () => {
    const sales = [
      ...yearOfSales(20),
      ["2025-01-15", "R1", "Acme", "lots", "new", "won", "", "X1"],
      ["2025-03-02", "R9", "Beta", 500, "new", "won", "", "X2"],
      ["next week", "R1", "Gamma", 500, "new", "won", "", "X3"],
    ];
    expect(texts(read(sales))).toEqual([
      'Sales!D22: Amount "lots" is not a number; the row is left out',
      'Sales!B23: Rep ID "R9" is not on the Reps sheet; the row is left out',
      expect.stringContaining("Sales!A24"),
    ]);
    expect(texts(read(sales, FEB_MAR))).toEqual([
      'Sales!B23: Rep ID "R9" is not on the Reps sheet; the row is left out',
      expect.stringContaining("Sales!A24"),
    ]);
  });

  it("reads every row when a row elsewhere has a Deal ID of a row within the days: the earlier row still wins", () => {
    const sales = [
      SALES_HEADER,
      ["2025-01-10", "R1", "Acme", 100, "new", "won", "", "D1"],
      ["2025-03-10", "R1", "Acme", 200, "new", "won", "", " d1 "],
      ["2025-03-11", "R2", "Beta", 300, "new", "won", "", "D2"],
    ];
    expect(rowsToRead(sales, FEB_MAR)).toBeNull();
    const scoped = read(sales, FEB_MAR);
    expect(scoped.records.sales.map((sale) => sale.amount)).toEqual([300]);
    expect(texts(scoped)).toEqual([expect.stringContaining("Sales!H3")]);
    expect(rowsToRead(sales.slice(0, 1).concat(sales.slice(2)), FEB_MAR)).not.toBeNull();
  });

  it("reads every row when a close date elsewhere is late enough to move the date window over the days", () => {
    const sales = [...yearOfSales(30), ["2036-01-10", "R1", "Acme", 100, "new", "won", "", "LATE"]];
    expect(rowsToRead(sales, FEB_MAR)).toBeNull();
    const full = read(sales);
    const scoped = read(sales, FEB_MAR);
    expect(scoped.records.sales).toEqual(full.records.sales.filter(within(FEB_MAR)));
    expect(rowsToRead(yearOfSales(30), FEB_MAR)).not.toBeNull();
  });

  it("reads every row when the reps come from Sales or Sales has no Type column", () => {
    const sales = yearOfSales(50);
    expect(rowsToRead(sales, FEB_MAR, true)).toBeNull();
    const full = read(sales, undefined, null);
    const scoped = read(sales, FEB_MAR, null);
    expect(scoped.records.reps).toEqual(full.records.reps);
    expect(scoped.records.sales).toEqual(full.records.sales.filter(within(FEB_MAR)));
    const untyped = sales.map((row) => row.filter((_, column) => column !== 4));
    expect(read(untyped, FEB_MAR).records.sales).toEqual(read(untyped).records.sales.filter(within(FEB_MAR)));
  });
});
