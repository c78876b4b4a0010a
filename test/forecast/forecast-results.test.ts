/**
 * The pipeline forecast through the built bundle: Results' `Forecast revenue`
 * and `Forecast payout` for a provisional month, worked out by hand, and blank
 * for a final one; the actual columns unchanged by the open deals.
 *
 * The workbook (forecast-workbook.ts): a 10,000 revenue target, score =
 * revenue / 10,000 (cap 1.5), a 1,000 target bonus on step tiers (0.5 -> 50 %,
 * 1.0 -> 100 %, 1.2 -> 150 %) and a 5 % commission on revenue.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../src/simulator/index";
import { column, recalculateNow } from "../recalculation/fixtures";
import { forecastSimulator } from "./forecast-workbook";

let sim: Simulator;
let results: unknown[][];

function cellOf(period: string, repId: string, header: string): unknown {
  const at = column(results, header);
  const row = results.find((r) => r[column(results, "Period")] === period && r[column(results, "Rep ID")] === repId);
  if (!row) throw new Error(`no Results row for ${period} ${repId}`);
  return row[at];
}

beforeAll(() => {
  sim = forecastSimulator();
  recalculateNow(sim);
  results = sim.sheetValues("Results");
});

describe("Results' forecast columns", () => {
  it("come right after Notes, before the metric columns", () => {
    const header = results[0] as string[];
    expect(header.slice(header.indexOf("Notes"), header.indexOf("Notes") + 4)).toEqual([
      "Notes",
      "Forecast revenue",
      "Forecast payout",
      "revenue actual",
    ]);
  });

  it("give a provisional month's actual revenue plus Amount x Probability of its own open deals", () => {
    // R1: 6,000 won + Elm 5,000 x 40 % + Fir 3,000 x 1 (no Probability) = 11,000; April's Juniper is not March's.
    expect(cellOf("2026-03", "R1", "revenue actual")).toBe(6000);
    expect(cellOf("2026-03", "R1", "Forecast revenue")).toBe(6000 + 5000 * 0.4 + 3000);
    // R2: 9,000 won + Hazel 4,000 x 0.25 = 10,000; Ivy's Probability "likely" is unreadable, so Ivy is left out.
    expect(cellOf("2026-03", "R2", "revenue actual")).toBe(9000);
    expect(cellOf("2026-03", "R2", "Forecast revenue")).toBe(9000 + 4000 * 0.25);
  });

  it("give the payout recomputed with those deals, adjustments included", () => {
    // R1 actual: score 6,000 / 10,000 = 0.6 -> tier 0.5 pays 50 % x 1,000 = 500; commission 5 % x 6,000 = 300;
    // adjustment 100: 900.
    expect(cellOf("2026-03", "R1", "Bonus")).toBe(500 + 300 + 100);
    // R1 forecast: score 11,000 / 10,000 = 1.1 -> tier 1.0 pays 100 % x 1,000 = 1,000; commission 5 % x 11,000 = 550;
    // adjustment 100: 1,650.
    expect(cellOf("2026-03", "R1", "Forecast payout")).toBe(1000 + 550 + 100);
    // R2 actual: score 0.9 -> 500; commission 450: 950. Forecast: score 1.0 -> 1,000; commission 500: 1,500.
    expect(cellOf("2026-03", "R2", "Bonus")).toBe(500 + 450);
    expect(cellOf("2026-03", "R2", "Forecast payout")).toBe(1000 + 500);
  });

  it("leave the actual score untouched by the open deals", () => {
    expect(cellOf("2026-03", "R1", "Score")).toBeCloseTo(0.6, 10);
    expect(cellOf("2026-03", "R2", "Score")).toBeCloseTo(0.9, 10);
  });

  it("are blank for a final month, even with an open deal dated in it", () => {
    // February is final on 16 March; Cedar (R1, 20 February) is open.
    expect(String(cellOf("2026-02", "R1", "Notes"))).not.toMatch(/^Provisional/);
    for (const rep of ["R1", "R2"]) {
      expect(cellOf("2026-02", rep, "Forecast revenue")).toBe("");
      expect(cellOf("2026-02", rep, "Forecast payout")).toBe("");
    }
  });

  it("forecast a provisional quarter's revenue, with no payout where the quarter pays none", () => {
    // Q1 for R1: February 8,000 + Cedar 5,000 (open, dated in Q1) + March 11,000 = 24,000.
    expect(cellOf("2026-Q1", "R1", "Forecast revenue")).toBe(8000 + 5000 + 11000);
    expect(cellOf("2026-Q1", "R1", "Bonus")).toBe("");
    expect(cellOf("2026-Q1", "R1", "Forecast payout")).toBe("");
  });

  it("warn of the unreadable Probability at its cell", () => {
    const problems = sim.sheetValues("Problems");
    const code = column(problems, "Code");
    const found = problems.filter((row) => row[code] === "bad_probability");
    expect(found.map((row) => row[column(problems, "Cell")])).toEqual(["F10"]);
    expect(found[0][column(problems, "Severity")]).toBe("warning");
  });
});
