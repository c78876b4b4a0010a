/**
 * "Compare plans" (menu and sidebar; README, Plan modelling): the last 12
 * final months computed under the Plan and under the `Plan draft` sheet,
 * written to the `Plan comparison` sheet. Nothing else is written: not
 * Results, Payouts, Reviews or the run state, and no Run log row unless the
 * guard refuses the action (as for every writing action).
 *
 * It runs under the run guard and within a recalculation's time budget. The
 * comparison is a whole or nothing: when time runs out before both plans
 * are computed for every month, or before the sheet can be written, nothing
 * is written and the message says so (a partial year would understate the
 * cost of the draft).
 */
import { currencyFor, formatMoney } from "../core/display-format";
import { fill } from "../core/localized-text";
import { lastFinalMonths, type PlanComparison } from "../core/plan-comparison";
import type { Language } from "../core/plan-model";
import { problemGroupLines } from "../core/problem-groups";
import type { Problem } from "../core/problems";
import type { Period } from "../core/records";
import { comparisonBlock, PLAN_COMPARISON_COLUMNS } from "../tables/plan-comparison-rows";
import { executionStart } from "./execution-start";
import { BUSY_MESSAGE, withRunGuard } from "./guarded-action";
import { readInputSheets } from "./input-grids";
import { computeComparison } from "./plan-comparison-compute";
import { comparisonWriteSize, inspectComparisonSheet, writeComparisonSheet } from "./plan-comparison-sheet";
import { RUN_TIME_BUDGET_MS, WRITE_RESERVE_MS } from "./platform-limits";
import { logEvent } from "./recalculation";
import type { StartedBy } from "./run-log-row";
import { runLanguage, settingsOf, spreadsheetCurrency } from "./settings";
import { readSpreadsheetState, runStateOf, type SpreadsheetState } from "./spreadsheet-state";
import { spreadsheetWallClock } from "./spreadsheet-wall-clock";
import { NO_WORK, TimeBudget, type WorkSize } from "./time-budget";

/** The sheet a manager writes the draft plan in, in the Plan's format. */
export const PLAN_DRAFT_SHEET = "Plan draft";

/** The sheet the comparison is written to. */
export const PLAN_COMPARISON_SHEET = "Plan comparison";

/** How many final months, the latest, are compared. */
const COMPARED_MONTHS = 12;

/** How many of the draft's grouped problem lines a message quotes. */
const PROBLEM_LINES_SHOWN = 5;

type ComparisonOutcome =
  | "done"
  | "no_draft"
  | "no_final_months"
  | "draft_errors"
  | "out_of_time"
  | "foreign_sheet"
  | "already running";

/** What a comparison did, for the menu's message and the sidebar. */
export interface ComparisonSummary {
  outcome: ComparisonOutcome;
  language: Language;
  currency: string;
  /** Null unless the comparison was written. */
  comparison: PlanComparison | null;
  /** Final months left out because a plan has no usable version for them. */
  skipped: Period[];
  /** The Plan draft's problems, at their cells in the draft sheet. */
  draftProblems: Problem[];
  /** The localized message (several lines at most). */
  message: string;
}

const TEXT = {
  busy: BUSY_MESSAGE,
  done: {
    en: "Compared {count} final months ({first} to {last}): the Plan pays {current}, the Plan draft {draft}, a change of {difference}. Rep by rep in the {sheet} sheet.",
    zh: "已对比 {count} 个已定稿月份（{first} 至 {last}）：现行方案应发 {current}，方案草稿应发 {draft}，变化 {difference}。各销售明细见“{sheet}”工作表。",
  },
  skipped: {
    en: "\nNot compared (a plan has no usable version for them): {months}",
    zh: "\n未对比（某一方案没有可用版本）：{months}",
  },
  warnings: { en: "\nThe Plan draft has {count} warning(s):\n{lines}", zh: "\n方案草稿有 {count} 个警告：\n{lines}" },
  noDraft: {
    en: 'There is no "{draft}" sheet to compare. Make one in the sidebar (Plans → Copy the Plan to a draft), or copy the Plan sheet and name the copy "{draft}"; change it, then compare again.',
    zh: "没有可对比的“{draft}”工作表。请在侧边栏中创建（方案 → 复制现行方案为草稿），或复制 Plan 工作表并将副本命名为“{draft}”；修改后再对比。",
  },
  noFinalMonths: {
    en: "No month is final yet, so there is nothing to compare: the comparison uses the last {count} final months.",
    zh: "尚无已定稿的月份，无法对比：对比使用最近 {count} 个已定稿月份。",
  },
  draftErrors: {
    en: "The Plan draft has {count} error(s), so nothing was compared or written. Fix them in the {draft} sheet:\n{lines}",
    zh: "方案草稿有 {count} 个错误，因此未对比也未写入。请在“{draft}”工作表中修正：\n{lines}",
  },
  outOfTime: {
    en: "Time ran out before both plans were computed for all {count} months; nothing was written. Try again later.",
    zh: "在两个方案的全部 {count} 个月份计算完之前时间已用完，未写入任何内容。请稍后再试。",
  },
  foreign: {
    en: 'The sheet "{sheet}" was not created by Sales Scorecard, so it is left alone and nothing was written. Rename it and compare again.',
    zh: "工作表“{sheet}”不是由销售绩效记分卡创建的，因此未改动，也未写入。请将其改名后再对比。",
  },
} as const;

function signedMoney(amount: number, currency: string): string {
  return (amount > 0 ? "+" : "") + formatMoney(amount, currency);
}

function problemLines(problems: readonly Problem[], language: Language): string {
  return problemGroupLines(problems, language).slice(0, PROBLEM_LINES_SHOWN).join("\n");
}

/**
 * The message a comparison gives the person who asked.
 *
 * @example
 * comparisonMessage(summary); // "Compared 12 final months (2025-05 to 2026-04): the Plan pays $52,000.00, ..."
 */
function comparisonMessage(summary: Omit<ComparisonSummary, "message">): string {
  const { language, currency, comparison, draftProblems } = summary;
  switch (summary.outcome) {
    case "already running":
      return TEXT.busy[language];
    case "no_draft":
      return fill(TEXT.noDraft[language], { draft: PLAN_DRAFT_SHEET });
    case "no_final_months":
      return fill(TEXT.noFinalMonths[language], { count: COMPARED_MONTHS });
    case "foreign_sheet":
      return fill(TEXT.foreign[language], { sheet: PLAN_COMPARISON_SHEET });
    case "out_of_time":
      return fill(TEXT.outOfTime[language], { count: COMPARED_MONTHS });
    case "draft_errors": {
      const errors = draftProblems.filter((p) => p.severity === "error");
      return fill(TEXT.draftErrors[language], {
        count: errors.length,
        draft: PLAN_DRAFT_SHEET,
        lines: problemLines(errors, language),
      });
    }
    case "done": {
      const c = comparison!;
      let message = fill(TEXT.done[language], {
        count: c.months.length,
        first: c.months[0] ?? "",
        last: c.months.at(-1) ?? "",
        current: formatMoney(c.total.current, currency),
        draft: formatMoney(c.total.draft, currency),
        difference: signedMoney(c.total.difference, currency),
        sheet: PLAN_COMPARISON_SHEET,
      });
      if (summary.skipped.length > 0) message += fill(TEXT.skipped[language], { months: summary.skipped.join(", ") });
      if (draftProblems.length > 0)
        message += fill(TEXT.warnings[language], {
          count: draftProblems.length,
          lines: problemLines(draftProblems, language),
        });
      return message;
    }
  }
}

function summaryOf(fields: Omit<ComparisonSummary, "message">): ComparisonSummary {
  return { ...fields, message: comparisonMessage(fields) };
}

/**
 * Whether computing may go on to another period: the slowest period so far
 * again must still leave the write's reserve within the budget.
 */
function computeTime(budget: TimeBudget): () => boolean {
  let last = Date.now();
  let slowest = 0;
  return () => {
    const now = Date.now();
    slowest = Math.max(slowest, now - last);
    last = now;
    return budget.elapsed() + slowest <= budget.budgetMs - Math.min(WRITE_RESERVE_MS, budget.budgetMs / 4);
  };
}

const one = (): WorkSize => ({ calls: 1, cells: 0 });

function compareUnderGuard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  budget: TimeBudget,
  startedAt: number,
): ComparisonSummary {
  const settings = settingsOf(state);
  const locale = budget.measure(() => ss.getSpreadsheetLocale(), one);
  const timeZone = budget.measure(() => ss.getSpreadsheetTimeZone(), one);
  const language = runLanguage(settings, locale);
  const base = {
    language,
    currency: spreadsheetCurrency(settings, locale),
    comparison: null,
    skipped: [],
    draftProblems: [],
  };
  const draftSheet = budget.measure(() => ss.getSheetByName(PLAN_DRAFT_SHEET), one);
  if (!draftSheet) return summaryOf({ ...base, outcome: "no_draft" });
  const months = lastFinalMonths(Object.keys(runStateOf(state.run).final), COMPARED_MONTHS);
  if (months.length === 0) return summaryOf({ ...base, outcome: "no_final_months" });
  const draftValues = budget.measure(
    () => draftSheet.getDataRange().getValues(),
    (values) => ({ calls: 2, cells: values.length * (values[0]?.length ?? 0) }),
  );
  const inputs = budget.measure(
    () => readInputSheets(ss, settings),
    (read) => ({ calls: 6, cells: read.cellsRead }),
  );
  const out = computeComparison({
    now: startedAt,
    timeZone,
    locale,
    settings,
    grids: inputs.grids,
    planValues: inputs.plan.values,
    draftValues,
    draftSheet: PLAN_DRAFT_SHEET,
    months,
    hasTime: computeTime(budget),
    wallClock: spreadsheetWallClock(timeZone),
  });
  const withProblems = { ...base, draftProblems: out.draftProblems };
  if (out.outcome !== "done") return summaryOf({ ...withProblems, outcome: out.outcome });
  const currency = currencyFor(out.currencySetting, base.currency);
  const found = budget.measure(
    () => inspectComparisonSheet(ss, PLAN_COMPARISON_SHEET),
    () => ({ calls: 6, cells: 0 }),
  );
  if (found.status === "foreign") return summaryOf({ ...withProblems, currency, outcome: "foreign_sheet" });
  const block = comparisonBlock(out.comparison, language);
  const size = comparisonWriteSize(found, block.values.length, PLAN_COMPARISON_COLUMNS.length);
  if (!budget.fits(size, NO_WORK)) return summaryOf({ ...withProblems, currency, outcome: "out_of_time" });
  budget.measure(
    () => writeComparisonSheet(ss, found, block, language),
    () => size,
  );
  return summaryOf({
    ...withProblems,
    currency,
    outcome: "done",
    comparison: out.comparison,
    skipped: out.skipped,
  });
}

/**
 * Compares the Plan and the Plan draft over the last 12 final months and
 * writes the Plan comparison sheet; refused while another run holds the
 * spreadsheet.
 *
 * @example
 * comparePlans(SpreadsheetApp.getActiveSpreadsheet(), "menu").message;
 * // "Compared 12 final months (2025-05 to 2026-04): the Plan pays $52,000.00, the Plan draft $55,100.00, ..."
 */
export function comparePlans(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  startedBy: StartedBy,
  budgetMs = RUN_TIME_BUDGET_MS,
): ComparisonSummary {
  const startedAt = Date.now();
  const budget = new TimeBudget(executionStart(startedAt), budgetMs);
  const outcome = withRunGuard(ss, startedBy, (state) => compareUnderGuard(ss, state, budget, startedAt));
  if (!outcome.ok) {
    const language = runLanguage(settingsOf(readSpreadsheetState(ss)), ss.getSpreadsheetLocale());
    return summaryOf({
      outcome: "already running",
      language,
      currency: "",
      comparison: null,
      skipped: [],
      draftProblems: [],
    });
  }
  const summary = outcome.value;
  logEvent({
    event: "compare_plans",
    outcome: summary.outcome,
    months: summary.comparison?.months.length ?? 0,
    ms: Date.now() - startedAt,
  });
  return summary;
}
