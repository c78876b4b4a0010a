/**
 * The add-on menu and its items. `onOpen` may run in AuthMode.NONE (a simple
 * trigger before the add-on is enabled in the document), where properties,
 * locks and triggers are off limits: it only builds the menu (labels in the
 * user's language when the locale can be read, English otherwise). Each item
 * calls one action and tells the result in a short message: counts and
 * periods, never names or amounts.
 */
import { fill } from "../core/localized-text";
import { parsePeriod } from "../core/periods";
import type { Language } from "../core/plan-model";
import { recalculate, type RunSummary } from "./recalculation";
import { installSchedule, removeSchedule, scheduleStatus, type ScheduleStatus } from "./schedule";
import { repsFromSalesNote, setUpSheets } from "./setup-sheets";
import { BUSY_MESSAGE } from "./guarded-action";
import { comparePlans } from "./plan-comparison";
import { runStatements } from "./statement-run";
import { statementMessage } from "./statement-text";
import TEXT from "./menu-text.json";
import LABELS from "./menu-labels.json";

/** Where the README's user guide lives (shown as text by Help; the add-on fetches nothing). */
const USER_GUIDE_URL = "https://github.com/sales-scorecard/sales-scorecard/blob/main/README.md#user-guide";

/**
 * The menu's language from the user's locale; English when it cannot be read.
 *
 * @example
 * menuLanguage(); // "zh" for a zh_CN user
 */
export function menuLanguage(): Language {
  try {
    return /^zh/i.test(Session.getActiveUserLocale()) ? "zh" : "en";
  } catch {
    return "en";
  }
}

/**
 * Adds the Sales Scorecard menu under Extensions. Touches no properties,
 * locks or triggers, so it works in AuthMode.NONE.
 *
 * @example
 * onOpen({ authMode: ScriptApp.AuthMode.NONE });
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  const language = menuLanguage();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(LABELS.openSidebar[language], "showSidebar")
    .addSeparator()
    .addItem(LABELS.setUp[language], "menuSetUpSheets")
    .addItem(LABELS.recalculate[language], "menuRecalculateNow")
    .addItem(LABELS.restate[language], "menuRestatePeriod")
    .addItem(LABELS.approve[language], "menuApprovePeriod")
    .addItem(LABELS.schedule[language], "menuSchedule")
    .addItem(LABELS.comparePlans[language], "menuComparePlans")
    .addItem(LABELS.shareStatements[language], "menuShareStatements")
    .addSeparator()
    .addItem(LABELS.help[language], "menuHelp")
    .addToUi();
}

/**
 * Runs when the add-on is installed: the same as opening the document.
 *
 * @example
 * onInstall({ authMode: ScriptApp.AuthMode.FULL });
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Opens the sidebar.
 *
 * @example
 * showSidebar();
 */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Sales Scorecard");
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Tells the user something in a message box titled with the add-on's name.
 *
 * @example
 * alert("en", "Every period is final; nothing to compute.");
 */
export function alert(language: Language, message: string): void {
  SpreadsheetApp.getUi().alert(TEXT.title[language], message, SpreadsheetApp.getUi().ButtonSet.OK);
}

function list(items: readonly string[], language: Language): string {
  return items.length === 0 ? TEXT.none[language] : items.join(", ");
}

/**
 * The message a run's summary gives the person who started it.
 *
 * @example
 * runMessage(summary, "en"); // "Computed: 2026-03, 2026-Q1, 2026\nMade final: none\n..."
 */
export function runMessage(summary: RunSummary, language: Language): string {
  if (summary.outcome === "already running") return BUSY_MESSAGE[language];
  if (summary.outcome === "failed") return fill(TEXT.failed[language], { error: summary.error ?? "Error" });
  let more = "";
  if (summary.left.length > 0) more += fill(TEXT.continues[language], { left: list(summary.left, language) });
  if (summary.changedFinal.length > 0)
    more += fill(TEXT.changed[language], { periods: list(summary.changedFinal, language) });
  if (summary.foreignSheets.length > 0)
    more += fill(TEXT.foreign[language], { sheets: list(summary.foreignSheets, language) });
  if (summary.outcome === "nothing to do") return fill(TEXT.nothing[language], { more });
  return fill(TEXT.runDone[language], {
    periods: list(summary.periods, language),
    final: list(summary.madeFinal, language),
    rows: summary.rowsWritten,
    problems: summary.problemCount,
    more,
  });
}

/**
 * Menu: Set up sheets.
 *
 * @example
 * menuSetUpSheets();
 */
export function menuSetUpSheets(): void {
  const language = menuLanguage();
  const result = setUpSheets(SpreadsheetApp.getActiveSpreadsheet());
  if (!result.ok) return alert(language, BUSY_MESSAGE[language]);
  alert(
    language,
    fill(TEXT.setupDone[language], { created: list(result.created, language), kept: list(result.kept, language) }) +
      repsFromSalesNote(result, language),
  );
}

/**
 * Menu: Recalculate now.
 *
 * @example
 * menuRecalculateNow();
 */
export function menuRecalculateNow(): void {
  const language = menuLanguage();
  const summary = recalculate({ ss: SpreadsheetApp.getActiveSpreadsheet(), startedBy: "menu", finality: "schedule" });
  alert(language, runMessage(summary, language));
}

/**
 * Menu: Restate a period (asks which).
 *
 * @example
 * menuRestatePeriod();
 */
export function menuRestatePeriod(): void {
  const language = menuLanguage();
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(TEXT.title[language], TEXT.restatePrompt[language], ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return;
  const typed = response.getResponseText().trim();
  const period = parsePeriod(typed);
  if (period === null) return alert(language, fill(TEXT.notAPeriod[language], { value: typed.slice(0, 40) }));
  const summary = recalculate({
    ss: SpreadsheetApp.getActiveSpreadsheet(),
    startedBy: "restate",
    finality: "schedule",
    restate: [period],
  });
  alert(language, restateMessage(summary, period, language));
}

/**
 * What a restate tells the person who asked for it, from the menu or the sidebar: how many cells changed (the Run
 * log lists them), then the run's message.
 *
 * @example
 * restateMessage(summary, "2026-02", "en");
 * // "Restated 2026-02: 3 cells changed (listed in the Run log).\nComputed: ..."
 */
export function restateMessage(summary: RunSummary, period: string, language: Language): string {
  const changes = summary.details.filter((line) => !line.startsWith("restated ")).length;
  const restated = summary.periods.includes(period) && summary.outcome !== "already running";
  return (restated ? fill(TEXT.restated[language], { period, changes }) : "") + runMessage(summary, language);
}

function lastRunText(status: ScheduleStatus, language: Language): string {
  if (status.lastRun === null) return TEXT.never[language];
  return Utilities.formatDate(
    new Date(status.lastRun),
    SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    "yyyy-MM-dd HH:mm",
  );
}

/**
 * Menu: turn the schedule on or off, or take over an overdue one.
 *
 * @example
 * menuSchedule();
 */
export function menuSchedule(): void {
  const language = menuLanguage();
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const status = scheduleStatus(ss);
  const last = lastRunText(status, language);
  if (status.on && !status.mine && !status.overdue)
    return alert(language, fill(TEXT.scheduleOther[language], { last }));
  const question = !status.on
    ? fill(TEXT.scheduleOff[language], { day: status.day, hour: status.hour })
    : status.mine
      ? fill(TEXT.scheduleMine[language], { last })
      : fill(TEXT.scheduleOverdue[language], { last });
  if (ui.alert(TEXT.title[language], question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const change = status.on && status.mine ? removeSchedule(ss) : installSchedule(ss);
  if (!change.ok)
    return alert(
      language,
      change.reason === "already_running" ? BUSY_MESSAGE[language] : fill(TEXT.scheduleOther[language], { last }),
    );
  alert(language, change.status.on ? TEXT.scheduleOn[language] : TEXT.scheduleNowOff[language]);
}

/**
 * Menu: Compare plans. Compares the Plan and the Plan draft over the last 12
 * final months without asking anything, writes the Plan comparison sheet and
 * tells the totals (or how to make a draft when there is none).
 *
 * @example
 * menuComparePlans();
 */
export function menuComparePlans(): void {
  const summary = comparePlans(SpreadsheetApp.getActiveSpreadsheet(), "menu");
  alert(summary.language, summary.message);
}

/**
 * Menu: Share statements. Creates or refreshes each rep's private statement
 * (those that fit this run; the schedule continues the rest).
 *
 * @example
 * menuShareStatements();
 */
export function menuShareStatements(): void {
  const language = menuLanguage();
  const outcome = runStatements(SpreadsheetApp.getActiveSpreadsheet(), "menu", "share");
  alert(language, outcome.ok ? statementMessage(outcome.progress, language) : BUSY_MESSAGE[language]);
}

/**
 * Menu: Help. Shows where the user guide is, as text and a link; fetches nothing.
 *
 * @example
 * menuHelp();
 */
export function menuHelp(): void {
  const language = menuLanguage();
  const url = USER_GUIDE_URL.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const html = HtmlService.createHtmlOutput(
    '<div style="font-family:Arial,sans-serif;font-size:13px">' +
      "<p>" +
      TEXT.helpBody[language] +
      "</p>" +
      '<p><a href="' +
      url +
      '" target="_blank" rel="noopener">' +
      url +
      "</a></p></div>",
  )
    .setWidth(420)
    .setHeight(140);
  SpreadsheetApp.getUi().showModalDialog(html, TEXT.title[language]);
}
