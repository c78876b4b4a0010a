/**
 * What "Compare plans" computes, as a pure function of what it read: the
 * input sheets, the Plan, the Plan draft, the settings and the months to
 * compare. Both plans go through the engine exactly as a recalculation
 * computes a period (period-computation.ts), from one reading of the
 * inputs, so a draft identical to the Plan pays exactly what the Plan pays.
 */
import { makeWallClock, type WallClock } from "../core/calendar";
import {
  comparePayouts,
  payoutsByMonth,
  periodsEndingIn,
  type PayoutsByMonth,
  type PlanComparison,
} from "../core/plan-comparison";
import { fiscalYearStart, manualMetricKeys, planMetricKeys, versionForPeriod } from "../core/plan-lookup";
import type { PlanBook } from "../core/plan-model";
import type { Problem } from "../core/problems";
import type { InputRecords, Period } from "../core/records";
import { readPlan } from "../tables/plan-table";
import { readInputs, type InputGrids } from "../tables/read-inputs";
import { computeWithinBudget, groupSalesByMonth, type SalesByMonth } from "./period-computation";
import { inputReadingOf, type Settings } from "./settings";

export interface ComparisonInputs {
  /** Epoch ms now (for the plausible close dates, as a run reads them). */
  now: number;
  timeZone: string;
  locale: string | null;
  settings: Settings;
  grids: InputGrids;
  planValues: unknown[][] | null;
  draftValues: unknown[][];
  /** Name of the draft sheet, where its problems are reported. */
  draftSheet: string;
  /** The months to compare, oldest first. */
  months: readonly Period[];
  /** Whether there is time to compute one more period. */
  hasTime: () => boolean;
  wallClock?: WallClock;
}

export type ComparisonOutputs =
  | { outcome: "draft_errors"; draftProblems: Problem[] }
  | { outcome: "out_of_time"; draftProblems: Problem[] }
  | {
      outcome: "done";
      draftProblems: Problem[];
      comparison: PlanComparison;
      /** Months left out because one of the plans has no usable version for them. */
      skipped: Period[];
      /** The Plan's currency setting for the latest month compared ("auto" or a code). */
      currencySetting: string | null;
    };

interface Side {
  plan: PlanBook;
  sheet: string;
}

/** One plan's payouts over the months and the periods it computed; null when time ran out first. */
function sidePayouts(
  side: Side,
  records: InputRecords,
  grouped: SalesByMonth,
  input: ComparisonInputs,
): { computed: Set<Period>; byMonth: PayoutsByMonth } | null {
  const fyStart = fiscalYearStart(side.plan);
  const out = computeWithinBudget(
    {
      records,
      plan: side.plan,
      planSheet: side.sheet,
      repsSheet: input.settings.sheets.reps,
      fyStart,
      periods: periodsEndingIn(input.months, fyStart),
      hasTime: input.hasTime,
    },
    grouped,
  );
  if (out.left.length > 0) return null;
  return { computed: new Set(out.results.keys()), byMonth: payoutsByMonth(out.results.values(), fyStart) };
}

/**
 * Reads both plans and the inputs, and compares the plans' payouts over the
 * months. A draft with an error compares nothing (its problems say where);
 * warnings are reported and the comparison goes on.
 *
 * @example
 * const out = computeComparison({ now, timeZone: "UTC", locale: "en_US", settings, grids, planValues,
 *   draftValues, draftSheet: "Plan draft", months: ["2026-02", "2026-03"], hasTime: () => true });
 * out.outcome === "done" && out.comparison.total.difference; // e.g. 900
 */
export function computeComparison(input: ComparisonInputs): ComparisonOutputs {
  const wallClock = input.wallClock ?? makeWallClock(input.timeZone);
  const current = readPlan(input.planValues, input.settings.sheets.plan, { wallClock }).plan;
  const draftRead = readPlan(input.draftValues, input.draftSheet, { wallClock });
  const draftProblems = draftRead.problems;
  if (draftProblems.some((problem) => problem.severity === "error")) return { outcome: "draft_errors", draftProblems };
  const draft = draftRead.plan;
  // Scores and targets of a metric either plan scores are read, so neither plan misses its inputs.
  const manualMetrics = new Set([...manualMetricKeys(current), ...manualMetricKeys(draft)]);
  const planMetrics = new Set([...planMetricKeys(current), ...planMetricKeys(draft)]);
  const records = readInputs(input.grids, {
    wallClock,
    manualMetrics,
    planMetrics,
    ...inputReadingOf(input.settings, input.locale),
    today: wallClock(input.now).day,
  }).records;
  const grouped = groupSalesByMonth(records.sales);
  const currentSide = sidePayouts({ plan: current, sheet: input.settings.sheets.plan }, records, grouped, input);
  if (currentSide === null) return { outcome: "out_of_time", draftProblems };
  const draftSide = sidePayouts({ plan: draft, sheet: input.draftSheet }, records, grouped, input);
  if (draftSide === null) return { outcome: "out_of_time", draftProblems };
  const skipped = input.months.filter((month) => !currentSide.computed.has(month) || !draftSide.computed.has(month));
  const months = input.months.filter((month) => !skipped.includes(month));
  return {
    outcome: "done",
    draftProblems,
    comparison: comparePayouts(months, currentSide.byMonth, draftSide.byMonth),
    skipped,
    currencySetting:
      versionForPeriod(current, input.months.at(-1)!, fiscalYearStart(current))?.settings.currency ?? null,
  };
}
