/**
 * The demo workbook `npm start` runs on: a made-up sales team, generated from
 * a seed so that it is the same on every machine.
 *
 * The story: three teams of a company selling to businesses
 * (demo-people.ts); 18 months of deals, 2025-05 to 2026-10 (demo-deals.ts);
 * targets at every level, for months, some quarters and the years
 * (demo-targets.ts); manager ratings on Scores (demo-ratings.ts); a spiff, an
 * award and a clawback on Adjustments; and the default plan (demo-sheets.ts).
 */
import { demoMonths } from "./demo-calendar";
import { generateDeals } from "./demo-deals";
import { Random } from "./demo-random";
import { adjustmentsSheet, planSheet, repsSheet, salesSheet, scoresSheet, targetsSheet } from "./demo-sheets";
import type { SheetData, WorkbookData } from "../workbook/workbook-data";

/** The seed of the shipped demo workbook. */
export const DEMO_SEED = 42;

/**
 * Generates the demo workbook: Reps, Sales, Targets, Scores, Adjustments and
 * Plan (the default plan), with English headers. Deterministic: the same seed
 * gives the same workbook.
 *
 * @example
 * const workbook = generateDemoWorkbook();
 * workbook.sheets.map((s) => s.name); // ["Reps", "Sales", "Targets", "Scores", "Adjustments", "Plan"]
 */
export function generateDemoWorkbook(seed = DEMO_SEED): WorkbookData {
  const random = new Random(seed);
  const months = demoMonths();
  // The order of the draws is part of the seed's meaning: deals first, then ratings.
  const { deals, dealIds } = generateDeals(random, months);
  const sheets: SheetData[] = [
    repsSheet(),
    salesSheet(deals, dealIds),
    targetsSheet(months),
    scoresSheet(months, random),
    adjustmentsSheet(deals, dealIds),
    planSheet(),
  ];
  return { sheets };
}
