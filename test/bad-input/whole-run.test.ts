/**
 * The bad-input corpus through a whole run of the BUILT bundle: every
 * problem reaches the Run log with its cell, the rest is still computed, and
 * no output sheet holds NaN, Infinity, undefined or null.
 */
import { describe, expect, it } from "vitest";
import type { InputSheetKey } from "../../src/tables/input-columns";
import { createSimulator, type Simulator } from "../../src/simulator";
import { recalculateLocally } from "../recalculation/fixtures";
import { BAD_INPUT_CASES, CORPUS_TIME_ZONE, DEFAULT_SHEET_NAMES } from "./corpus";
import { planCases } from "./plan-cases";
import { planGrid } from "../fixtures/plan-grid";

/** The corpus's plan: the metrics the corpus reads against, a bonus and a commission. */
const CORPUS_PLAN: unknown[][] = planGrid(
  { revenue: 0.4, deals_won: 0.2, new_customers: 0.1, win_rate: 0.1 },
  { csat: 0.1, product_knowledge: 0.1 },
);

const OUTPUT_SHEETS = ["Results", "Payouts", "Reviews", "Dashboard", "Run log", "Problems"];

function simulatorFor(grids: Record<InputSheetKey, unknown[][] | null>, plan: unknown[][]): Simulator {
  const sheets: Record<string, unknown[][]> = { Plan: plan };
  for (const key of Object.keys(DEFAULT_SHEET_NAMES) as InputSheetKey[]) {
    const grid = grids[key];
    if (grid) sheets[DEFAULT_SHEET_NAMES[key]] = grid;
  }
  return createSimulator({ now: "2026-04-10T04:00:00Z", timeZone: CORPUS_TIME_ZONE, sheets: sheets as never });
}

/** Every cell of every output sheet that reads as a broken number or a missing value. */
function brokenCells(sim: Simulator): string[] {
  const broken: string[] = [];
  for (const name of OUTPUT_SHEETS.filter((n) => sim.sheetNames().includes(n))) {
    sim.sheetValues(name).forEach((row, r) =>
      (row as unknown[]).forEach((cell, c) => {
        const bad =
          (typeof cell === "number" && !Number.isFinite(cell)) ||
          cell === null ||
          cell === undefined ||
          (typeof cell === "string" && /\b(NaN|Infinity|undefined|null)\b|\[object /.test(cell));
        if (bad) broken.push(`${name} R${r + 1}C${c + 1}: ${String(cell)}`);
      }),
    );
  }
  return broken;
}

function inputSheets(sim: Simulator): unknown {
  return sim.snapshot().sheets.filter((sheet) => !OUTPUT_SHEETS.includes(sheet.name));
}

function resultRowsFor(sim: Simulator, period: string): unknown[][] {
  if (!sim.sheetNames().includes("Results")) return [];
  const [header, ...rows] = sim.sheetValues("Results") as unknown[][];
  const periodColumn = (header as unknown[]).indexOf("Period");
  return rows.filter((row) => row[periodColumn] === period);
}

describe("the bad-input corpus through a whole run of the built bundle", () => {
  // Cases with sheets under other names need settings of their own; an
  // invalid Date cannot be put in a sheet (Sheets has no such value).
  const runnable = BAD_INPUT_CASES.filter((c) => !c.sheetNames && !/invalid Date/i.test(c.name));
  for (const testCase of runnable) {
    it(testCase.name, () => {
      const sim = simulatorFor(testCase.grids, CORPUS_PLAN);
      const inputsBefore = inputSheets(sim);
      const summary = recalculateLocally(sim) as { outcome: string; problems: string[] };
      expect(["done", "nothing to do"]).toContain(summary.outcome);
      for (const problem of testCase.expectedProblems) expect(summary.problems).toContain(problem);
      expect(brokenCells(sim)).toEqual([]);
      // Every rep that was read and employed in March has its Results row.
      if (testCase.expectedCounts.reps > 0 && testCase.expectedCounts.sales > 0) {
        expect(resultRowsFor(sim, "2026-03").length).toBeGreaterThan(0);
      }
      // The input sheets are never written.
      expect(inputSheets(sim)).toEqual(inputsBefore);
    });
  }
});

describe("bad plans through a whole run of the built bundle", () => {
  const clean = BAD_INPUT_CASES[0];
  for (const testCase of planCases) {
    it(testCase.name, () => {
      const sim = simulatorFor(clean.grids, testCase.planValues);
      const summary = recalculateLocally(sim) as { outcome: string; problems: string[] };
      expect(["done", "nothing to do"]).toContain(summary.outcome);
      for (const problem of testCase.expectedProblems) expect(summary.problems).toContain(problem);
      expect(brokenCells(sim)).toEqual([]);
    });
  }
});
