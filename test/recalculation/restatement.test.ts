/**
 * "Restate a period" lists every cell it changed, on Results, Payouts and
 * Reviews, in the Run log's Details, each with the cell as written
 * (`Payouts!P14: 1,200.00 → 1,350.00 (2026-02 R0002 total Amount)`).
 * Through the BUILT bundle: a deal of a final month is changed, the month
 * is restated, and the changed cells are found independently by comparing
 * the sheets before and after.
 */
import { describe, expect, it } from "vitest";
import type { Simulator } from "../../src/simulator";
import { callGlobal, column, recalculateNow, runLogRows, teamSimulator } from "./fixtures";

const PERIOD = "2026-02";

function restate(sim: Simulator, period: string): void {
  sim.queueUiResponse({ button: "OK", text: period });
  callGlobal(sim, "menuRestatePeriod");
}

function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The month (1-12) of a date cell as the simulator shows it ({ date: "2026-02-08T10:00:00" }). */
function monthOf(cell: unknown): number {
  return Number((cell as { date: string }).date.slice(5, 7));
}

function money(n: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Payouts rows of a period keyed by Rep ID, Type and Item, with their sheet row. */
function payoutLines(sim: Simulator): Map<string, { row: number; values: unknown[] }> {
  const values = sim.sheetValues("Payouts") as unknown[][];
  const [period, rep, type, item] = ["Period", "Rep ID", "Type", "Item"].map((h) => column(values, h));
  const lines = new Map<string, { row: number; values: unknown[] }>();
  values.forEach((row, i) => {
    if (i > 0 && row[period] === PERIOD)
      lines.set([row[rep], row[type], row[item]].join("|"), { row: i + 1, values: row });
  });
  return lines;
}

function reviewTexts(sim: Simulator): Map<string, { row: number; text: string }> {
  const texts = new Map<string, { row: number; text: string }>();
  (sim.sheetValues("Reviews") as unknown[][]).forEach((row, i) => {
    if (i > 0 && row[0] === PERIOD) texts.set(String(row[1]), { row: i + 1, text: String(row[2]) });
  });
  return texts;
}

describe("restating a final month", () => {
  it("lists every changed Results, Payouts and Reviews cell with its reference", () => {
    const sim = teamSimulator({ reps: 4, months: 4, salesRows: 80 }); // 10 April 2026: January to March are final
    recalculateNow(sim);
    const payoutsBefore = payoutLines(sim);
    const reviewsBefore = reviewTexts(sim);
    const resultsBefore = (sim.sheetValues("Results") as unknown[][]).find(
      (row) => row[0] === PERIOD && row[1] === "R0002",
    )!;

    // Raise one of R0002's won February deals by 30,000 (the fixture deals R0002 the months 2, 6, 10, ...).
    const sales = sim.sheetValues("Sales") as unknown[][];
    const [rep, amount, status] = ["Rep ID", "Amount", "Status"].map((h) => column(sales, h));
    const dealRow = sales.findIndex(
      (row, i) => i > 0 && row[rep] === "R0002" && row[status] === "won" && monthOf(row[0]) === 2,
    );
    expect(dealRow).toBeGreaterThan(0);
    const raised = (sales[dealRow][amount] as number) + 30_000;
    sim.setSheetValues("Sales", [[raised]], { startRow: dealRow + 1, startColumn: amount + 1 });

    restate(sim, PERIOD);
    const log = runLogRows(sim);
    const details = String(log.at(-1)![column(sim.sheetValues("Run log") as unknown[][], "Details")]).split("\n");
    expect(details).toContain("restated 2026-02");

    // Results: revenue actual of R0002, cell by cell.
    const results = sim.sheetValues("Results") as unknown[][];
    const revenue = column(results, "revenue actual");
    const r1 = results.findIndex((row) => row[0] === PERIOD && row[1] === "R0002");
    expect(details).toContain(
      `Results!${letter(revenue)}${r1 + 1}: ${money(resultsBefore[revenue] as number)} → ${money(results[r1][revenue] as number)} (2026-02 R0002 revenue actual)`,
    );

    // Payouts: every cell that differs is listed at its cell; nothing else is.
    const payoutsAfter = payoutLines(sim);
    const payoutHeader = (sim.sheetValues("Payouts") as unknown[][])[0] as string[];
    const expectedPayoutCells: string[] = [];
    for (const [key, after] of payoutsAfter) {
      const before = payoutsBefore.get(key);
      expect(before, key).toBeDefined();
      after.values.forEach((value, c) => {
        if (value !== before!.values[c]) expectedPayoutCells.push(`Payouts!${letter(c)}${after.row}`);
      });
    }
    expect(expectedPayoutCells.length).toBeGreaterThan(0);
    const listedPayoutCells = details
      .filter((line) => line.startsWith("Payouts!"))
      .map((line) => line.slice(0, line.indexOf(":")));
    expect(listedPayoutCells.sort()).toEqual(expectedPayoutCells.sort());
    // The total line of R0002, written out.
    const total = payoutsAfter.get("R0002|total|total")!;
    const amountColumn = payoutHeader.indexOf("Amount");
    const totalBefore = payoutsBefore.get("R0002|total|total")!.values[amountColumn] as number;
    const totalAfter = total.values[amountColumn] as number;
    expect(totalAfter).not.toBe(totalBefore);
    expect(details).toContain(
      `Payouts!${letter(amountColumn)}${total.row}: ${money(totalBefore)} → ${money(totalAfter)} (2026-02 R0002 total Amount)`,
    );

    // Reviews: the generated review of each rep whose text changed, at column C of its row.
    const reviewsAfter = reviewTexts(sim);
    const changedReviews = [...reviewsAfter].filter(([id, after]) => reviewsBefore.get(id)!.text !== after.text);
    expect(changedReviews.map(([id]) => id)).toContain("R0002");
    // (The restated quarter and year have reviews of their own, listed too.)
    const reviewLines = details.filter((line) => line.startsWith("Reviews!") && line.includes("(2026-02 "));
    expect(reviewLines.sort()).toEqual(
      changedReviews.map(([id, after]) => `Reviews!C${after.row}: generated review changed (2026-02 ${id})`).sort(),
    );
  });
});
