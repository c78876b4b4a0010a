/**
 * The Setup view's server side: which input sheets exist, the schedule as
 * this editor sees it (owner "you" / "another editor", never an email), the
 * last run, the final periods a restatement may pick, the latest input
 * problems, the Run log's latest rows, the settings the view edits, the
 * columns of Sales and Reps, and what "Fill Targets from history" proposes.
 */
import { comparePeriodCells } from "../tables/output-rows";
import type { SheetRole } from "../tables/sheet-roles";
import type { ScheduleView, SetupView, SheetStatus, UiLanguage } from "../sidebar/sidebar-api";
import { scheduleStatus, type ScheduleStatus } from "./schedule";
import type { Settings } from "./settings";
import type { RunState } from "./spreadsheet-state";
import { settingsView } from "./sidebar-settings";
import { latestProblems, readRunLogTail, runLogLines } from "./sidebar-sheets";
import { columnsView } from "./sidebar-columns";
import { fillTargetsDefaults } from "./fill-targets";

/** Input sheets "Set up sheets" creates, in its order. */
const SETUP_ROLES: readonly SheetRole[] = ["reps", "sales", "targets", "scores", "adjustments", "plan"];

/** Run log rows the Setup view lists. */
const RUN_LOG_ROWS_SHOWN = 5;

/** Run log rows read to find the latest run that listed problems. */
export const RUN_LOG_ROWS_READ = 20;

/**
 * Which input sheets exist (names compare ignoring case, as Sheets does).
 *
 * @example
 * inputSheetStatus(["Reps", "sales"], settings)[1]; // { role: "sales", name: "Sales", exists: true }
 */
function inputSheetStatus(existing: readonly string[], settings: Settings): SheetStatus[] {
  const present = new Set(existing.map((name) => name.toLowerCase()));
  const source = settings.salesSource;
  return SETUP_ROLES.map((role) =>
    // Sales in a BigQuery table need no Sales sheet: the listing names the table (checked when it was saved).
    role === "sales" && source.kind === "bigquery"
      ? { role, name: source.table, exists: true }
      : { role, name: settings.sheets[role], exists: present.has(settings.sheets[role].toLowerCase()) },
  );
}

/**
 * The schedule for the sidebar: owner as "you" or "another editor", times as text.
 *
 * @example
 * scheduleView({ on: true, mine: false, lastRun: null, installed: 1, overdue: false, day: 3, hour: 6 }, () => "");
 * // { on: true, owner: "another editor", canChange: false, ... }
 */
export function scheduleView(status: ScheduleStatus, formatWhen: (epochMs: number) => string): ScheduleView {
  return {
    on: status.on,
    owner: !status.on ? "none" : status.mine ? "you" : "another editor",
    lastRun: status.lastRun === null ? null : formatWhen(status.lastRun),
    overdue: status.overdue,
    day: status.day,
    hour: status.hour,
    canChange: !status.on || status.mine || status.overdue,
  };
}

/** What the Setup view is built from. */
export interface SetupSources {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Settings;
  runState: RunState;
  language: UiLanguage;
}

/**
 * The Setup view: a sheet listing, the schedule's state, the Run log's tail
 * and the editable settings.
 *
 * @example
 * setupView({ ss, settings, runState, language: "en" }).schedule.owner; // "you"
 */
export function setupView(sources: SetupSources): SetupView {
  const { ss, settings, runState } = sources;
  const timeZone = ss.getSpreadsheetTimeZone();
  const formatWhen = (epochMs: number) => Utilities.formatDate(new Date(epochMs), timeZone, "yyyy-MM-dd HH:mm");
  const inputSheets = inputSheetStatus(
    ss.getSheets().map((sheet) => sheet.getName()),
    settings,
  );
  const tail = readRunLogTail(ss, settings.sheets.runLog, RUN_LOG_ROWS_READ);
  return {
    language: sources.language,
    timeZone,
    inputSheets,
    setUp: inputSheets.every((sheet) => sheet.exists),
    schedule: scheduleView(scheduleStatus(ss), formatWhen),
    lastRun: runState.lastRun === null ? null : formatWhen(runState.lastRun),
    finalPeriods: Object.keys(runState.final).sort((a, b) => comparePeriodCells(b, a, runState.fy)),
    changedFinal: [...runState.changed],
    problems: latestProblems(tail, timeZone),
    runLog: runLogLines(tail, timeZone, RUN_LOG_ROWS_SHOWN),
    settings: settingsView(settings, sources.language),
    columns: columnsView(ss, settings, sources.language),
    fillTargets: fillTargetsDefaults(Date.now(), timeZone),
  };
}
