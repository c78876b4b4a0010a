/**
 * A small workbook for the pipeline forecast, with every figure chosen so the
 * forecast can be worked out by hand: two reps, a 10,000 revenue target in
 * February and March, a target bonus of 1,000 on step tiers and a 5 %
 * commission, open deals in February (final), March (provisional, some with
 * a Probability, one without, one unreadable) and April.
 */
import { createSimulator, type Simulator } from "../../src/simulator/index";
import type { CellInput } from "../../src/simulator/snapshot";
import { PLAN_HEADER } from "../bad-input/plan-cases";

/** The simulated now: 16 March 2026, so February is final and March provisional. */
const FORECAST_NOW = "2026-03-16T12:00:00Z";

/** Plan rows by the columns they fill (Type, Key, Weight, Driver, Mode, Bound, Rate, Value). */
function planRow(cells: {
  type: string;
  key: string;
  weight?: number;
  driver?: string;
  mode?: string;
  bound?: number;
  rate?: number;
  value?: number;
}): CellInput[] {
  const at: Record<string, CellInput> = {
    Type: cells.type,
    Key: cells.key,
    Weight: cells.weight ?? "",
    Driver: cells.driver ?? "",
    Mode: cells.mode ?? "",
    Bound: cells.bound ?? "",
    Rate: cells.rate ?? "",
    Value: cells.value ?? "",
  };
  return PLAN_HEADER.map((header) => at[header] ?? "");
}

const PLAN: CellInput[][] = [
  PLAN_HEADER,
  planRow({ type: "metric", key: "revenue", weight: 1 }),
  planRow({ type: "setting", key: "target_bonus", value: 1000 }),
  planRow({ type: "bonus", key: "target_bonus", driver: "score", mode: "step" }),
  planRow({ type: "tier", key: "target_bonus", bound: 0.5, rate: 0.5 }),
  planRow({ type: "tier", key: "target_bonus", bound: 1, rate: 1 }),
  planRow({ type: "tier", key: "target_bonus", bound: 1.2, rate: 1.5 }),
  planRow({ type: "commission", key: "commission", driver: "revenue", mode: "step" }),
  planRow({ type: "tier", key: "commission", bound: 0, rate: 0.05 }),
];

function deal(
  date: string,
  rep: string,
  customer: string,
  amount: number,
  status: string,
  probability: CellInput = "",
): CellInput[] {
  return [{ wallClock: date + "T10:00:00" }, rep, customer, amount, status, probability];
}

const SALES: CellInput[][] = [
  ["Date", "Rep ID", "Customer", "Amount", "Status", "Probability"],
  deal("2026-02-10", "R1", "Acme", 8000, "won"),
  deal("2026-02-12", "R2", "Birch", 12000, "won"),
  deal("2026-02-20", "R1", "Cedar", 5000, "Negotiation"),
  deal("2026-03-05", "R1", "Delta", 6000, "won"),
  deal("2026-03-20", "R1", "Elm", 5000, "Negotiation", "40%"),
  deal("2026-03-25", "R1", "Fir", 3000, "Proposal"),
  deal("2026-03-02", "R2", "Gum", 9000, "won"),
  deal("2026-03-28", "R2", "Hazel", 4000, "Negotiation", 0.25),
  deal("2026-03-29", "R2", "Ivy", 2000, "Negotiation", "likely"),
  deal("2026-04-10", "R1", "Juniper", 10000, "Negotiation", 90),
  deal("2026-04-15", "R2", "Kapok", 7000, "Proposal"),
];

/** A simulator holding the forecast workbook. */
export function forecastSimulator(): Simulator {
  return createSimulator({
    now: FORECAST_NOW,
    timeZone: "UTC",
    sheets: {
      Reps: [
        ["Rep ID", "Name", "Team"],
        ["R1", "Ann Lee", "East"],
        ["R2", "Bo Chen", "East"],
      ],
      Sales: SALES,
      Targets: [
        ["Rep ID", "Period", "Metric", "Target"],
        ["*", { value: "2026-02", format: "@" }, "revenue", 10000],
        ["*", { value: "2026-03", format: "@" }, "revenue", 10000],
      ],
      Scores: [["Rep ID", "Period", "Metric", "Value"]],
      Adjustments: [
        ["Rep ID", "Period", "Amount", "Reason"],
        ["R1", { value: "2026-03", format: "@" }, 100, "Spiff"],
      ],
      Plan: PLAN,
    },
  });
}
