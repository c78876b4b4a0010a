/**
 * "Set up sheets": creates every missing input sheet (Reps, Sales, Targets,
 * Scores, Adjustments) with its headers, a note on each header saying what
 * goes there (with an example), data validation (drop-downs for enumerations,
 * date and share rules, shown as warnings so the reader's wider rules still
 * apply), plain-text ID and Period columns and a frozen header row; and the
 * Plan sheet with the default plan. No example data rows. A sheet that
 * exists is never touched. Guarded like every writing action.
 */
import { PLAN_COLUMNS, defaultPlanRows } from "../core/default-plan";
import type { Language } from "../core/plan-model";
import { INPUT_SHEETS, INPUT_SHEET_ORDER, type ColumnSpec } from "../tables/input-columns";
import { TEXT_FORMAT } from "../tables/output-columns";
import { logEvent, logRefusedAction } from "./recalculation";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import { runLanguage, settingsOf, type Settings } from "./settings";
import { NEW_SHEET_ROWS } from "./platform-limits";

export interface SetupResult {
  ok: boolean;
  /** Sheets created. */
  created: string[];
  /** Sheets that existed and were left alone. */
  kept: string[];
  reason?: "already_running";
}

/** Plan columns written as plain text (names, keys, modes, notes); numbers stay numbers. */
const PLAN_TEXT_COLUMNS = new Set(["effectiveFrom", "role", "type", "key", "direction", "driver", "mode", "note"]);

function header(column: ColumnSpec, language: Language): string {
  return language === "zh" ? column.zhHeader : column.header;
}

function validationFor(column: ColumnSpec, language: Language): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(column.help[language]);
  switch (column.kind) {
    case "choice":
      return builder.requireValueInList((column.choices ?? []).map((c) => c[language]), true).build();
    case "date":
      return builder.requireDate().build();
    case "share":
      return builder.requireNumberBetween(0, 1).build();
    default:
      return null;
  }
}

function createInputSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, columns: readonly ColumnSpec[], language: Language): void {
  const sheet = ss.insertSheet(name);
  const width = columns.length;
  const dataRows = NEW_SHEET_ROWS - 1;
  // Formats before values, so IDs and periods typed later stay text.
  sheet.getRange(1, 1, 1, width).setNumberFormat(TEXT_FORMAT);
  columns.forEach((column, i) => {
    if (column.plainText) sheet.getRange(2, i + 1, dataRows, 1).setNumberFormat(TEXT_FORMAT);
    const rule = validationFor(column, language);
    if (rule) sheet.getRange(2, i + 1, dataRows, 1).setDataValidation(rule);
  });
  sheet.getRange(1, 1, 1, width).setValues([columns.map((c) => header(c, language))]);
  sheet.getRange(1, 1, 1, width).setNotes([columns.map((c) => c.help[language])]);
  sheet.getRange(1, 1, 1, width).setFontWeight("bold");
  sheet.setFrozenRows(1);
}

function createPlanSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, language: Language): void {
  const sheet = ss.insertSheet(name);
  const rows = defaultPlanRows(language);
  const formats = rows.map(() => PLAN_COLUMNS.map((c) => (PLAN_TEXT_COLUMNS.has(c.column) ? TEXT_FORMAT : "General")));
  const range = sheet.getRange(1, 1, rows.length, PLAN_COLUMNS.length);
  range.setNumberFormats(formats);
  range.setValues(rows);
  sheet.getRange(1, 1, 1, PLAN_COLUMNS.length).setFontWeight("bold");
  sheet.setFrozenRows(1);
}

/**
 * Creates the missing input sheets and the default plan.
 *
 * @example
 * setUpSheets(SpreadsheetApp.getActiveSpreadsheet()); // { ok: true, created: ["Reps", "Sales", ...], kept: [] }
 */
export function setUpSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupResult {
  const now = Date.now();
  const guard = acquireLease(ss, newRunId(now), now);
  if (!guard.ok) {
    logRefusedAction(ss, guard.state, newRunId(now), "setup", now);
    return { ok: false, created: [], kept: [], reason: "already_running" };
  }
  try {
    const settings: Settings = settingsOf(guard.state);
    const language = runLanguage(settings, ss.getSpreadsheetLocale());
    const created: string[] = [];
    const kept: string[] = [];
    const wanted: { name: string; make: () => void }[] = [
      ...INPUT_SHEET_ORDER.map((key) => {
        const name = settings.sheets[key];
        return { name, make: () => createInputSheet(ss, name, INPUT_SHEETS[key].columns as readonly ColumnSpec[], language) };
      }),
      { name: settings.sheets.plan, make: () => createPlanSheet(ss, settings.sheets.plan, language) },
    ];
    const existing = wanted.map((w) => ss.getSheetByName(w.name) !== null);
    wanted.forEach((w, i) => {
      if (existing[i]) {
        kept.push(w.name);
      } else {
        w.make();
        created.push(w.name);
      }
    });
    logEvent({ event: "setup", created: created.length, kept: kept.length });
    return { ok: true, created, kept };
  } finally {
    releaseLease(ss, guard.state);
  }
}
