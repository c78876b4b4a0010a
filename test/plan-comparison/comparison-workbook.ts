/**
 * A small workbook for "Compare plans": two reps, three months of won deals
 * (January to March 2026, final on 10 April), a revenue target of 50,000 a
 * month, one adjustment each, and a Plan that pays a marginal commission on
 * revenue: 1% of the first 50,000, 2% above. Figures are round so that the
 * tests can write the arithmetic out.
 */
import { createSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator/index";
import type { CellInput } from "../../src/simulator/snapshot";

const PLAN_HEADER = ["Type", "Key", "Weight", "Driver", "Mode", "Bound", "Rate", "Value"];

/** The Plan's rows, header first, with the commission's two tier rates and, when given, its payout period. */
export function commissionPlan(firstRate: number, secondRate: number, payoutPeriod?: string): CellInput[][] {
  return [
    PLAN_HEADER,
    ["metric", "revenue", 1, "", "", "", "", ""],
    ["commission", "commission", "", "revenue", "marginal", "", "", ""],
    ["tier", "commission", "", "", "", 0, firstRate, ""],
    ["tier", "commission", "", "", "", 50000, secondRate, ""],
    ...(payoutPeriod ? [["setting", "payout_period", "", "", "", "", "", payoutPeriod]] : []),
  ];
}

function deal(day: string, rep: string, customer: string, amount: number): CellInput[] {
  return [{ wallClock: day + "T10:00:00" }, rep, customer, amount, "new", "won"];
}

const text = (value: string): CellInput => ({ value, format: "@" });

/** The input sheets and the Plan. */
function comparisonSheets(): Record<string, CellInput[][]> {
  return {
    Reps: [
      ["Rep ID", "Name", "Team", "Role", "Start date"],
      ["R01", "Ann", "East", "", ""],
      ["R02", "Bo", "East", "", ""],
    ],
    Sales: [
      ["Date", "Rep ID", "Customer", "Amount", "Type", "Status"],
      deal("2026-01-12", "R01", "Acme", 40000),
      deal("2026-01-20", "R02", "Birch", 20000),
      deal("2026-02-05", "R01", "Cedar", 30000),
      deal("2026-02-18", "R01", "Delta", 50000),
      deal("2026-02-21", "R02", "Elm", 30000),
      deal("2026-03-09", "R01", "Fir", 10000),
      deal("2026-03-16", "R02", "Gale", 60000),
    ],
    Targets: [
      ["Rep ID", "Period", "Metric", "Target"],
      ["*", text("2026-01"), "revenue", 50000],
      ["*", text("2026-02"), "revenue", 50000],
      ["*", text("2026-03"), "revenue", 50000],
    ],
    Scores: [["Rep ID", "Period", "Metric", "Value"]],
    Adjustments: [
      ["Rep ID", "Period", "Amount", "Reason"],
      ["R02", text("2026-02"), 250, "Spiff"],
      ["R01", text("2026-03"), -100, "Clawback"],
    ],
    Plan: commissionPlan(0.01, 0.02),
  };
}

/** A simulator on 10 April 2026 (January to March are final after a recalculation). */
export function comparisonSimulator(options: SimulatorOptions = {}): Simulator {
  return createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", ...options, sheets: comparisonSheets() });
}
