/**
 * Menu: "Approve a period…" (README, "Payout approval"). ui.prompt has no
 * default value, so the message names the proposed month (the oldest
 * awaiting) and a blank answer means it; Cancel does nothing. A second
 * prompt is the confirm step: the month's reps and open problems (counts,
 * never names or amounts, as every menu message), and a name for the
 * record, optional.
 */
import { fill } from "../core/localized-text";
import type { Language } from "../core/plan-model";
import { approvalHead, approveMonth, awaitingInSpreadsheet, chooseMonth } from "./approval";
import { periodTotals } from "./approval-sheet";
import { alert as menuAlert, menuLanguage, runMessage } from "./menu";
import { settingsOf } from "./settings";
import { latestProblems, readRunLogTail, readSheetTable } from "./sidebar-sheets";
import { readSpreadsheetState } from "./spreadsheet-state";

/** Run log rows read for the latest run's problem count. */
const RUN_LOG_ROWS_READ = 20;

const TEXT = {
  title: { en: "Sales Scorecard", zh: "销售绩效记分卡" },
  none: {
    en: "No month is awaiting approval. A month awaits approval once it is due and the Plan's approval setting is on; Recalculate now to check.",
    zh: "没有待审批的月份。方案的审批设置开启后，月份到定稿时间即进入待审批；可先点击「立即重算」再查看。",
  },
  ask: {
    en: "Month to approve (leave blank for {month}, the oldest awaiting).\nAwaiting approval: {awaiting}",
    zh: "要批准的月份（留空即为 {month}，最早的待审批月份）。\n待审批：{awaiting}",
  },
  notAwaiting: {
    en: '"{value}" is not a month awaiting approval. Awaiting: {awaiting}',
    zh: "「{value}」不是待审批的月份。待审批：{awaiting}",
  },
  confirm: {
    en: "Approve {month}: {reps} reps, {problems} open problems (latest run; see the Problems sheet).\nOnce approved the month is final: later changes need Restate a period.\nYour name for the Approvals sheet (optional), then OK to approve:",
    zh: "批准 {month}：{reps} 名销售，{problems} 个未解决问题（最近一次运行；见「Problems」表）。\n批准后该月定稿，之后的改动需使用「重算已定稿期间…」。\n请填写您的姓名以记入审批记录（可不填），然后点击「确定」批准：",
  },
} as const;

function confirmText(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, month: string, language: Language): string {
  const settings = settingsOf(readSpreadsheetState(ss));
  const results = readSheetTable(ss, settings.sheets.results);
  const { reps } = results ? periodTotals(results.header, results.rows, month) : { reps: 0 };
  const tail = readRunLogTail(ss, settings.sheets.runLog, RUN_LOG_ROWS_READ);
  const problems = latestProblems(tail, ss.getSpreadsheetTimeZone()).count;
  return fill(TEXT.confirm[language], { month, reps, problems });
}

/**
 * Menu: Approve a period (asks which, proposing the oldest month awaiting,
 * then confirms with its counts and asks for a name).
 *
 * @example
 * menuApprovePeriod();
 */
export function menuApprovePeriod(): void {
  const language = menuLanguage();
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const awaiting = awaitingInSpreadsheet(ss);
  if (awaiting.length === 0) return menuAlert(language, TEXT.none[language]);
  const list = awaiting.join(", ");
  const asked = ui.prompt(
    TEXT.title[language],
    fill(TEXT.ask[language], { month: awaiting[0], awaiting: list }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (asked.getSelectedButton() !== ui.Button.OK) return;
  const typed = asked.getResponseText();
  const choice = chooseMonth(typed, awaiting);
  if (!choice.ok)
    return menuAlert(language, fill(TEXT.notAwaiting[language], { value: typed.trim().slice(0, 40), awaiting: list }));
  const confirmed = ui.prompt(TEXT.title[language], confirmText(ss, choice.month, language), ui.ButtonSet.OK_CANCEL);
  if (confirmed.getSelectedButton() !== ui.Button.OK) return;
  const result = approveMonth(ss, choice.month, confirmed.getResponseText(), "menu");
  menuAlert(language, approvalHead(result, choice.month, language) + runMessage(result.summary, language));
}
