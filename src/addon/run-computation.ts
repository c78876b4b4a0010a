/**
 * Everything a recalculation decides, as a pure function of what it read:
 * input sheets, the output sheets it merges with, the stored run state, the
 * settings, the clock and the time zone. It answers the blocks to write and
 * the new run state; recalculation.ts only reads and writes.
 */
import { makeWallClock, type WallClock } from "../core/calendar";
import { fiscalYearStart, manualMetricKeys, planMetricKeys, versionForPeriod } from "../core/plan-lookup";
import { isPeriodKey, monthOfDay, monthsOf, previousPeriod } from "../core/periods";
import type { Language, PlanBook, PlanSettings } from "../core/plan-model";
import { DEFAULT_SETTINGS } from "../core/default-plan";
import { a1 } from "../core/a1-notation";
import { problemAt, type Problem } from "../core/problems";
import type { InputRecords, Period, Rep } from "../core/records";
import { applyRecognitionNotes, managerKeysOf, type Recognition } from "../core/recognition";
import type { PeriodResult } from "../core/results";
import { PAYOUT_COLUMNS, headersOf, resultsColumns, type OutputColumn } from "../tables/output-columns";
import { mergeByPeriod, payoutLineFormats, rowOrder, tableOf, type FormattedRows } from "../tables/output-rows";
import { readPlan } from "../tables/plan-table";
import { readInputs, type InputGrids } from "../tables/read-inputs";
import { plainText, type CellValue } from "../tables/sheet-text";
import { inputReportLines } from "./input-report-lines";
import { releasedGrids } from "./input-grids";
import { dashboardBlock, type DashboardBlock } from "./dashboard-rows";
import { currentMonth, planRun, restatedPeriods, type Finality, type RunPlan } from "./due-periods";
import { isCurrentScheme, periodFingerprints } from "./input-fingerprint";
import {
  computeWithinBudget,
  contextPeriods,
  groupSalesByMonth,
  historyOf,
  indexResults,
  type ResultIndex,
} from "./period-computation";
import { provisionalForecasts } from "./period-forecasts";
import { mergeReviews, reviewChanges, reviewKey, rowsByTeam, teamKey, type FreshReview } from "./review-cells";
import { reviewInputPrints, reviewsPrint, storedReviewTexts } from "./review-prints";
import { guardedPayoutRows, guardedResultRow, guardedReview, rowGuard, type RowGuard } from "./isolated-rows";
import { tableChanges } from "../tables/restatement-diff";
import { currencyFor } from "../core/display-format";
import { inputReadingOf, spreadsheetCurrency, type Settings } from "./settings";
import type { RunState } from "./spreadsheet-state";
import { type RunWarehouse, warehouseDayRange } from "./sales-source";

export interface RunInputs {
  /** Epoch ms of the run's start. */
  now: number;
  timeZone: string;
  /** The spreadsheet's locale (`en_US`): the currency under `auto`, and the date order under `auto` (not in local runs). */
  locale?: string;
  language: Language;
  settings: Settings;
  runState: RunState;
  /** "schedule": months are due at the settings' day and hour; "local": by the latest date in Sales. */
  finality: "schedule" | "local";
  /** Periods to restate (each with its quarter and year), when final. */
  restate: readonly Period[];
  /** Months this run approves (README, "Payout approval"): final once computed, when due. */
  approve?: readonly Period[];
  /** Compute through this period instead of the current month (local runs). */
  throughPeriod?: Period | null;
  /** Writes the reviews in this language whatever the plan's `language` setting says (local runs' --lang). */
  reviewLanguage?: Language;
  /** The input sheets' values: released (replaced by null values) once parsed, so the run holds one copy. */
  grids: InputGrids;
  planValues: unknown[][] | null;
  existing: { results: unknown[][] | null; payouts: unknown[][] | null; reviews: unknown[][] | null };
  /** Whether the run may start computing another period. */
  hasTime: () => boolean;
  /** The spreadsheet's wall clock (Intl, or Apps Script's Utilities where Intl lacks the zone); default: Intl. */
  wallClock?: WallClock;
  /**
   * Sales from a BigQuery table (README, "Sales in a warehouse"), read before the computation: the contract and
   * its problems, or the one problem that stopped the read (then nothing is computed). The Sales grid is then a
   * header row only.
   */
  warehouse?: RunWarehouse;
}

export interface RunOutputs {
  fyStart: number;
  plan: RunPlan;
  /** Periods computed with a result (their rows were replaced). */
  computed: Period[];
  /** Periods left for the next run (checkpoint). */
  left: Period[];
  madeFinal: Period[];
  /** Computed periods that are due but wait for an approval. */
  awaiting: Period[];
  /** Periods made final by an approval (README, "Payout approval"). */
  approved: Period[];
  /** Final periods a restatement sent back to awaiting approval. */
  reopened: Period[];
  changedFinal: Period[];
  results: FormattedRows & { columns: OutputColumn[] };
  payouts: FormattedRows;
  /** Reviews columns A:C, header first. */
  reviews: CellValue[][];
  dashboard: DashboardBlock;
  runState: RunState;
  problems: Problem[];
  /** Lines for the Run log's Details (a restatement's changes). */
  details: string[];
  /** Periods whose reviews the run generated (the others were left as the Reviews sheet holds them). */
  reviewPeriods: Period[];
  /** Reviews generated. */
  reviewsGenerated: number;
  /** Result rows the run wrote (rows of the computed periods). */
  rowsWritten: number;
  outcome: "done" | "continues" | "nothing to do";
}

/**
 * The first and last close dates of won and lost deals: open deals carry
 * future close dates, which must move neither the first month computed nor
 * local finality.
 */
function salesDayRange(records: InputRecords): { first: number | null; last: number | null } {
  let first: number | null = null;
  let last: number | null = null;
  const sales = records.sales;
  // By index: a for-of over a million sales, in code that runs once, allocates a result object per step.
  for (let i = 0; i < sales.length; i += 1) {
    const sale = sales[i];
    if (sale.status === "open") continue;
    if (first === null || sale.day < first) first = sale.day;
    if (last === null || sale.day > last) last = sale.day;
  }
  return { first, last };
}

function lastMonthOf(period: Period, fyStart: number): Period {
  const months = monthsOf(period, fyStart);
  return months[months.length - 1];
}

function planSettingsFor(plan: PlanBook, period: Period, fyStart: number): PlanSettings {
  return versionForPeriod(plan, period, fyStart)?.settings ?? DEFAULT_SETTINGS;
}

/** Where "inputs changed for final period P" points: the period's first Results row. */
function changedProblems(
  changed: readonly Period[],
  resultsSheet: string,
  existing: ReturnType<typeof tableOf>,
): Problem[] {
  return changed.map((period) => {
    const periodColumn = existing ? existing.header.indexOf("Period") : -1;
    const at =
      existing && periodColumn >= 0
        ? existing.rows.findIndex((row) => plainText(row[periodColumn]).trim() === period)
        : -1;
    return problemAt(resultsSheet, at >= 0 ? a1(at + 2, 1) : "A1", "final_inputs_changed", { period }, "warning");
  });
}

/**
 * Recognition of each computed period against the previous period of the
 * same kind (computed now or as comparison context), written into the rows'
 * notes so Results shows it and the reviews cite the same awards.
 */
function recogniseComputed(
  results: Map<Period, PeriodResult>,
  index: ResultIndex,
  reps: readonly Rep[],
): Map<Period, Recognition> {
  const recognitions = new Map<Period, Recognition>();
  const managerOf = new Map(reps.map((rep) => [rep.key, rep.manager]));
  for (const result of results.values()) {
    const previous = [...(index.get(previousPeriod(result.period))?.values() ?? [])];
    // Managers are judged on their team, so they take no award from it.
    recognitions.set(
      result.period,
      applyRecognitionNotes(
        result.rows,
        previous,
        managerKeysOf(result.rows, (rep) => managerOf.get(rep)),
      ),
    );
  }
  return recognitions;
}

/** What every review of a run is written with, whatever its period. */
interface ReviewSetting {
  index: ResultIndex;
  recognitions: Map<Period, Recognition>;
  records: InputRecords;
  reps: Map<string, Rep>;
  plan: PlanBook;
  fyStart: number;
  language: Language;
  currency: string;
  reviewLanguage: Language | undefined;
  guard: RowGuard;
}

/** The plan settings a period's reviews are written with (the local run's --lang over the plan's language). */
function reviewSettingsFor(setting: ReviewSetting, period: Period): PlanSettings {
  const planSettings = planSettingsFor(setting.plan, period, setting.fyStart);
  return setting.reviewLanguage === undefined ? planSettings : { ...planSettings, language: setting.reviewLanguage };
}

/** The generated reviews of one period's rows. */
function periodReviews(result: PeriodResult, setting: ReviewSetting): FreshReview[] {
  const { index, guard, fyStart, language, currency, reps } = setting;
  const recognition = setting.recognitions.get(result.period)!;
  const settings = reviewSettingsFor(setting, result.period);
  const teams = rowsByTeam(result.rows);
  const rankedCount = result.rows.filter((row) => row.rank !== null).length;
  const fresh: FreshReview[] = [];
  for (const row of result.rows) {
    const text = guardedReview(guard, row, settings.language ?? language, () => ({
      result: row,
      history: historyOf(row.rep, result.period, index),
      periodRows: result.rows,
      teamRows: teams.get(teamKey(row)),
      rankedCount,
      recognition,
      settings,
      rep: reps.get(row.rep),
      reps,
      fyStart,
      language,
      currency,
    }));
    fresh.push({ period: result.period, repId: row.id, text, language: settings.language ?? language });
  }
  return fresh;
}

/**
 * The reviews of the computed periods, generated only for periods whose
 * print differs from the one the run state holds (review-prints.ts), and
 * the prints to keep: those of periods left alone, and of periods generated
 * without a failure (a failed review is generated again, and reported, by
 * every run).
 */
function freshReviews(
  results: Map<Period, PeriodResult>,
  setting: ReviewSetting,
  stored: Readonly<Record<Period, string>>,
  existing: ReturnType<typeof tableOf>,
): { fresh: FreshReview[]; prints: Record<Period, string>; generated: Period[] } {
  const inputPrints = reviewInputPrints(results, setting.index, setting.records.reps, (period) => [
    reviewSettingsFor(setting, period),
    setting.language,
    setting.currency,
    setting.fyStart,
  ]);
  const onSheet = storedReviewTexts(existing);
  const fresh: FreshReview[] = [];
  const prints: Record<Period, string> = {};
  const generated: Period[] = [];
  for (const [period, result] of results) {
    const inputPrint = inputPrints.get(period)!;
    const was = stored[period];
    if (was !== undefined && reviewsPrint(inputPrint, result, (id) => onSheet.get(reviewKey(period, id))) === was) {
      prints[period] = was;
      continue;
    }
    const problemsBefore = setting.guard.problems.length;
    const reviews = periodReviews(result, setting);
    for (const review of reviews) fresh.push(review);
    generated.push(period);
    if (setting.guard.problems.length > problemsBefore) continue;
    const texts = new Map(reviews.map((review) => [reviewKey(review.period, review.repId), review.text]));
    const print = reviewsPrint(inputPrint, result, (id) => texts.get(reviewKey(period, id)));
    if (print !== null) prints[period] = print;
  }
  return { fresh, prints, generated };
}

/**
 * The run state's list of periods awaiting approval: those this run found
 * awaiting, and those an earlier run found that this one did not compute
 * and that are not final, so an idle scheduled firing does not run for them.
 */
function awaitingState(
  before: RunState,
  awaiting: readonly Period[],
  computed: readonly Period[],
  isFinal: (period: string) => boolean,
): Pick<RunState, "awaiting"> {
  const kept = (before.awaiting ?? []).filter((p) => !computed.includes(p) && !isFinal(p));
  const all = [...new Set([...kept, ...awaiting])];
  return all.length > 0 ? { awaiting: all } : {};
}

/**
 * Decides a run from what it read.
 *
 * @example
 * const out = computeRun({ now: Date.now(), timeZone: "Asia/Shanghai", language: "zh", settings, runState,
 *   finality: "schedule", restate: [], grids, planValues, existing, hasTime: () => true });
 * out.madeFinal; // e.g. ["2026-02"]
 */
export function computeRun(input: RunInputs): RunOutputs {
  const names = input.settings.sheets;
  const wallClock = input.wallClock ?? makeWallClock(input.timeZone);
  const { plan, problems: planProblems } = readPlan(input.planValues, names.plan, { wallClock });
  const now = wallClock(input.now);
  const read = readInputs(input.grids, {
    wallClock,
    manualMetrics: manualMetricKeys(plan),
    planMetrics: new Set(planMetricKeys(plan)),
    ...inputReadingOf(input.settings, input.finality === "local" ? null : (input.locale ?? null)),
    today: now.day,
  });
  const records = read.records;
  // Only the parsed records are used from here: the raw grid (several times their size) can be collected.
  input.grids = releasedGrids(input.grids);
  const fyStart = fiscalYearStart(plan);
  const warehouse = input.warehouse;
  const salesAggregates = warehouse?.ok ? warehouse.aggregates : undefined;
  const days = warehouse
    ? salesAggregates
      ? warehouseDayRange(salesAggregates)
      : { first: null, last: null }
    : salesDayRange(records);
  const thisMonth = currentMonth(now);
  const startMonth = input.settings.startPeriod || (days.first !== null ? monthOfDay(days.first) : thisMonth);
  const throughMonth = input.throughPeriod
    ? lastMonthOf(input.throughPeriod, fyStart)
    : input.finality === "local" && days.last !== null
      ? monthOfDay(days.last)
      : thisMonth;
  const finality: Finality =
    input.finality === "local"
      ? { kind: "local", latestSalesDay: days.last }
      : { kind: "schedule", at: { day: input.settings.scheduleDay, hour: input.settings.scheduleHour } };
  const final = new Set(Object.keys(input.runState.final));
  const restate = input.restate
    .filter((p) => isPeriodKey(p) && final.has(p))
    .flatMap((p) => restatedPeriods(p, fyStart));
  // Local runs have no one to approve: their finality stays the latest date in Sales.
  const needsApproval = (period: Period) =>
    input.finality === "schedule" && planSettingsFor(plan, period, fyStart).approval;
  const planned = planRun({
    startMonth,
    throughMonth,
    now,
    finality,
    final,
    fyStart,
    restate,
    pending: input.runState.pending,
    needsApproval,
    approve: input.approve,
  });
  // Without a single dated won or lost deal there is nothing to score: a table of zeros would only mislead.
  const usable = days.first !== null;
  const runPlan = usable ? planned : { ...planned, compute: [] };
  const inputNotes = usable
    ? []
    : warehouse && !warehouse.ok
      ? [warehouse.problem]
      : [problemAt(names.sales, "A1", "no_usable_dates", {})];

  const grouped = groupSalesByMonth(records.sales);
  const computedOut = computeWithinBudget(
    {
      records,
      plan,
      planSheet: names.plan,
      repsSheet: names.reps,
      fyStart,
      periods: runPlan.compute,
      hasTime: input.hasTime,
      salesAggregates,
    },
    grouped,
  );
  const computed = [...computedOut.results.keys()];
  const contextOut = computeWithinBudget(
    {
      records,
      plan,
      planSheet: names.plan,
      fyStart,
      periods: contextPeriods(computed, startMonth, fyStart),
      hasTime: () => true,
      salesAggregates,
    },
    grouped,
  );

  const prints = periodFingerprints(records, plan, [...computed, ...runPlan.frozen], fyStart, salesAggregates);
  const changedFinal = runPlan.frozen.filter(
    (p) => isCurrentScheme(input.runState.final[p]) && input.runState.final[p] !== prints.get(p),
  );
  const existingResults = tableOf(input.existing.results);
  const problems = [
    ...planProblems,
    ...read.problems,
    ...(warehouse?.ok ? warehouse.problems : []),
    ...inputNotes,
    ...computedOut.problems,
    ...changedProblems(changedFinal, names.results, existingResults),
  ];

  const guard = rowGuard(names.reps, records.reps, problems);
  const newFinal = { ...input.runState.final };
  // A final period fingerprinted by an older scheme is stored again under today's, unchanged in every other way.
  for (const period of runPlan.frozen) if (!isCurrentScheme(newFinal[period])) newFinal[period] = prints.get(period)!;
  const madeFinal: Period[] = [];
  for (const period of computed) {
    if (!runPlan.becomeFinal.has(period)) continue;
    if (!(period in input.runState.final)) madeFinal.push(period);
    newFinal[period] = prints.get(period)!;
  }
  // A restated period under approval waits for the next approval.
  const awaiting = computed.filter((period) => runPlan.awaiting.has(period));
  for (const period of awaiting) delete newFinal[period];
  const isAwaiting = (period: string) => runPlan.awaiting.has(period);
  const isFinal = (period: string) => Object.prototype.hasOwnProperty.call(newFinal, period);
  const recomputed = new Set(computed);
  const language = input.language;

  const index = indexResults([...contextOut.results.values(), ...computedOut.results.values()]);
  const forecasts = provisionalForecasts(computedOut.results, isFinal, {
    records,
    plan,
    planSheet: names.plan,
    fyStart,
    grouped,
    salesAggregates,
  });
  const recognitions = recogniseComputed(computedOut.results, index, records.reps);

  // Results
  const columns = resultsColumns(planMetricKeys(plan), existingResults?.header ?? []);
  const header = headersOf(columns);
  const freshResults: FormattedRows = { values: [], formats: [] };
  // Every row has the columns' formats: one array shared by all rows (none is changed once made).
  const resultFormats = columns.map((c) => c.format);
  for (const result of computedOut.results.values()) {
    for (const row of result.rows) {
      freshResults.values.push(
        guardedResultRow(guard, row, columns, {
          provisional: !isFinal(result.period),
          awaiting: isAwaiting(result.period),
          language,
          forecast: forecasts.get(result.period)?.get(row.rep) ?? null,
        }),
      );
      freshResults.formats.push(resultFormats);
    }
  }
  const results = mergeByPeriod(
    existingResults,
    columns,
    freshResults,
    recomputed,
    rowOrder(header, { fyStart, numbers: ["Rank"], texts: ["Rep ID"] }),
  );

  // A restatement's changes, cell by cell.
  const sheetCurrency = spreadsheetCurrency(input.settings, input.locale ?? null);
  const details: string[] = inputReportLines(
    read.report,
    language,
    currencyFor(planSettingsFor(plan, thisMonth, fyStart).currency, sheetCurrency),
  );

  // Payouts
  const freshPayouts: FormattedRows = { values: [], formats: [] };
  for (const result of computedOut.results.values()) {
    for (const row of result.rows) {
      const lines = guardedPayoutRows(guard, row, { provisional: !isFinal(result.period), language });
      freshPayouts.values.push(...lines.values);
      freshPayouts.formats.push(...lines.formats);
    }
  }
  const payoutHeader = headersOf(PAYOUT_COLUMNS);
  const payouts = mergeByPeriod(
    tableOf(input.existing.payouts),
    PAYOUT_COLUMNS,
    freshPayouts,
    recomputed,
    rowOrder(payoutHeader, { fyStart, texts: ["Rep ID"], numbers: ["Line"] }),
    payoutLineFormats,
  );

  // Reviews
  const existingReviews = tableOf(input.existing.reviews, { keepBlankRows: true });
  const reviewed = freshReviews(
    computedOut.results,
    {
      index,
      recognitions,
      records,
      reps: new Map(records.reps.map((rep) => [rep.key, rep])),
      plan,
      fyStart,
      language,
      currency: sheetCurrency,
      reviewLanguage: input.reviewLanguage,
      guard,
    },
    input.runState.reviews ?? {},
    existingReviews,
  );
  const fresh = reviewed.fresh;
  const reviews = mergeReviews(existingReviews, fresh, language);

  // A restatement's changes, cell by cell, on every sheet it rewrote.
  const restatedFinal = new Set(restate.filter((p) => recomputed.has(p)));
  if (restatedFinal.size > 0) {
    const changes = [
      [...restatedFinal].map((p) => "restated " + p),
      tableChanges(
        {
          sheet: names.results,
          before: existingResults,
          header,
          after: results.values,
          formats: results.formats,
          ignore: ["Notes"],
        },
        restatedFinal,
      ),
      tableChanges(
        {
          sheet: names.payouts,
          before: tableOf(input.existing.payouts),
          header: payoutHeader,
          after: payouts.values,
          formats: payouts.formats,
          keyColumns: ["Type", "Item"],
        },
        restatedFinal,
      ),
      reviewChanges(names.reviews, existingReviews, reviews, restatedFinal),
    ];
    // A loop, not push(...lines): a restatement of thousands of rows would overflow the stack.
    for (const lines of changes) for (const line of lines) details.push(line);
  }

  const dashboard = dashboardBlock(header, results.values, { fyStart, language, isFinal, isAwaiting });
  const left = computedOut.left;
  const reviewPrints = { ...input.runState.reviews, ...reviewed.prints };
  for (const period of Object.keys(reviewPrints)) if (isFinal(period)) delete reviewPrints[period];
  const runState: RunState = {
    ...(Object.keys(reviewPrints).length > 0 ? { reviews: reviewPrints } : {}),
    final: newFinal,
    pending: left.length > 0 ? left : null,
    start: startMonth,
    fy: fyStart,
    changed: changedFinal,
    lastRun: input.now,
    ...awaitingState(input.runState, awaiting, computed, isFinal),
  };
  const rowsWritten = freshResults.values.length;
  const outcome = left.length > 0 ? "continues" : computedOut.attempted.length === 0 ? "nothing to do" : "done";
  return {
    fyStart,
    plan: runPlan,
    computed,
    left,
    madeFinal,
    awaiting,
    approved: madeFinal.filter(needsApproval),
    reopened: awaiting.filter((p) => p in input.runState.final),
    changedFinal,
    results: { ...results, columns },
    payouts,
    reviews,
    dashboard,
    runState,
    problems,
    details,
    rowsWritten,
    reviewPeriods: reviewed.generated,
    reviewsGenerated: fresh.length,
    outcome,
  };
}
