/**
 * Making the `Plan draft` sheet a manager edits before "Compare plans": a
 * copy of the Plan sheet's values and number formats (so periods and keys
 * stay text, and numbers numbers), its header in bold and frozen. An
 * existing draft is never touched. Under the run guard, like every action
 * that writes.
 */
import { fill } from "../core/localized-text";
import type { Language } from "../core/plan-model";
import { BUSY_MESSAGE, withRunGuard } from "./guarded-action";
import { PLAN_DRAFT_SHEET } from "./plan-comparison";
import { logEvent } from "./recalculation";
import type { StartedBy } from "./run-log-row";
import { runLanguage, settingsOf } from "./settings";
import { readSpreadsheetState } from "./spreadsheet-state";

type DraftOutcome = "done" | "exists" | "no_plan" | "already running";

const TEXT = {
  busy: BUSY_MESSAGE,
  done: {
    en: 'Copied the {plan} sheet to "{draft}" ({rows} rows). Change the draft there, then choose Compare plans.',
    zh: "已将“{plan}”工作表复制为“{draft}”（{rows} 行）。请在草稿中修改方案，然后点击“对比方案”。",
  },
  exists: {
    en: 'There is a "{draft}" sheet already, and it was left as it is. Compare plans uses it; to start again from the Plan, delete or rename it first.',
    zh: "已有“{draft}”工作表，未作改动。“对比方案”会使用它；如需从现行方案重新开始，请先删除或改名。",
  },
  noPlan: {
    en: "There is no {plan} sheet to copy. Set up sheets creates one with the default plan.",
    zh: "没有可复制的“{plan}”工作表。“创建工作表”会写入默认方案。",
  },
} as const;

/** What making a draft did, and the message that says so. */
export interface DraftResult {
  outcome: DraftOutcome;
  message: string;
}

function copyPlan(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: GoogleAppsScript.Spreadsheet.Sheet,
): { rows: number } {
  const source = plan.getDataRange();
  const values = source.getValues();
  const formats = source.getNumberFormats();
  const draft = ss.insertSheet(PLAN_DRAFT_SHEET);
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  if (rows > 0 && columns > 0) {
    // Formats first, so text such as a period 2026-04 stays text.
    const target = draft.getRange(1, 1, rows, columns);
    target.setNumberFormats(formats);
    target.setValues(values);
    draft.getRange(1, 1, 1, columns).setFontWeight("bold");
  }
  draft.setFrozenRows(1);
  return { rows };
}

/**
 * Copies the Plan sheet to a new `Plan draft` sheet; refuses politely when
 * a draft exists or there is no Plan.
 *
 * @example
 * makePlanDraft(SpreadsheetApp.getActiveSpreadsheet(), "sidebar").outcome; // "done", then "exists"
 */
export function makePlanDraft(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, startedBy: StartedBy): DraftResult {
  const outcome = withRunGuard(ss, startedBy, (state) => {
    const settings = settingsOf(state);
    const language = runLanguage(settings, ss.getSpreadsheetLocale());
    const names = { plan: settings.sheets.plan, draft: PLAN_DRAFT_SHEET };
    if (ss.getSheetByName(PLAN_DRAFT_SHEET)) return { outcome: "exists" as const, language, names, rows: 0 };
    const plan = ss.getSheetByName(settings.sheets.plan);
    if (!plan) return { outcome: "no_plan" as const, language, names, rows: 0 };
    return { outcome: "done" as const, language, names, rows: copyPlan(ss, plan).rows };
  });
  if (!outcome.ok) {
    const language: Language = runLanguage(settingsOf(readSpreadsheetState(ss)), ss.getSpreadsheetLocale());
    return { outcome: "already running", message: TEXT.busy[language] };
  }
  const { language, names, rows } = outcome.value;
  logEvent({ event: "plan_draft", outcome: outcome.value.outcome, rows });
  const key = outcome.value.outcome === "no_plan" ? "noPlan" : outcome.value.outcome;
  return { outcome: outcome.value.outcome, message: fill(TEXT[key][language], { ...names, rows }) };
}
