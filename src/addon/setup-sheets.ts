/**
 * "Set up sheets": creates every missing input sheet (Reps, Sales, Targets,
 * Scores, Adjustments) with its headers, a note on each header saying what
 * goes there (with an example), data validation (drop-downs for enumerations,
 * date and share rules, shown as warnings so the reader's wider rules still
 * apply), plain-text ID and Period columns and a frozen header row; and the
 * Plan sheet with the default plan. No example data rows, but one: when
 * there is no Reps sheet, or it has no rows below its headers, it is filled
 * with one row per distinct owner in Sales (Rep ID = the owner as written,
 * Name = the same) for the manager to complete, so a workbook exported from
 * a CRM computes from the first run. A sheet that has rows is never
 * touched. Guarded like every writing action.
 */
import { PLAN_COLUMNS, defaultPlanRows } from "../core/default-plan";
import { fill } from "../core/localized-text";
import type { Language } from "../core/plan-model";
import { describeHeaders, HEADER_SEARCH_ROWS, normalizeHeader } from "../tables/header-matching";
import {
  INPUT_SHEETS,
  INPUT_SHEET_ORDER,
  isPlainTextColumn,
  REPS_COLUMNS,
  type ColumnSpec,
  type InputSheetKey,
} from "../tables/input-columns";
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
  /** Rows written to the Reps sheet from the owners in Sales (0 when it had rows, or Sales has no owners). */
  repsFromSales: number;
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
      return builder
        .requireValueInList(
          (column.choices ?? []).map((c) => c[language]),
          true,
        )
        .build();
    case "date":
      return builder.requireDate().build();
    case "share":
      return builder.requireNumberBetween(0, 1).build();
    default:
      return null;
  }
}

/**
 * Creates an input sheet with its headers, notes, validation and formats.
 *
 * @example
 * createInputSheet(ss, "Targets", TARGETS_COLUMNS, "en");
 */
export function createInputSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  columns: readonly ColumnSpec[],
  language: Language,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(name);
  formatInputSheet(sheet, columns, language);
  return sheet;
}

function formatInputSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: readonly ColumnSpec[],
  language: Language,
): void {
  const width = columns.length;
  const dataRows = NEW_SHEET_ROWS - 1;
  // Formats before values, so IDs and periods typed later stay text.
  sheet.getRange(1, 1, 1, width).setNumberFormat(TEXT_FORMAT);
  columns.forEach((column, i) => {
    if (isPlainTextColumn(column)) sheet.getRange(2, i + 1, dataRows, 1).setNumberFormat(TEXT_FORMAT);
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

// ---------------------------------------------------------------- Reps from Sales

const REPS_FROM_SALES_NOTE = {
  en: " The Reps sheet now lists the {count} owners found in Sales (Rep ID and Name as written there): complete their names, teams and start dates.",
  zh: "销售人员表已列出销售记录中的 {count} 位负责人（销售编号和姓名与销售记录一致）：请补充姓名、团队和入职日期。",
} as const;

/**
 * What "Set up sheets" adds to its message when it filled Reps from Sales ("" otherwise).
 *
 * @example
 * repsFromSalesNote({ ok: true, created: [], kept: [], repsFromSales: 3 }, "en"); // " The Reps sheet now lists the 3 owners ..."
 */
export function repsFromSalesNote(result: SetupResult, language: Language): string {
  return result.repsFromSales > 0 ? fill(REPS_FROM_SALES_NOTE[language], { count: result.repsFromSales }) : "";
}

/**
 * A sheet's first rows, where its header row is looked for ([] when blank).
 *
 * @example
 * headerSearchRows(ss.getSheetByName("Sales")!)[0]; // ["Date", "Rep ID", "Customer", "Amount"]
 */
export function headerSearchRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.getLastRow());
  const width = sheet.getLastColumn();
  return rows > 0 && width > 0 ? sheet.getRange(1, 1, rows, width).getValues() : [];
}

/**
 * Where the runs find the fields of an input sheet: its 1-based header row,
 * and each field's 0-based column (-1 when the sheet has none), with the
 * settings' column mapping applied.
 *
 * @example
 * fieldColumns([["Owner", "Close Date"]], "sales", {}).column.rep; // 0
 */
export function fieldColumns(
  top: unknown[][],
  sheet: InputSheetKey,
  mapping: Record<string, string> | undefined,
): { headerRow: number; column: Record<string, number> } {
  const described = describeHeaders(top, sheet, mapping);
  const headerCells = (top[described.headerRow - 1] ?? []).map((cell) =>
    cell === null || cell === undefined ? "" : String(cell).trim(),
  );
  const column: Record<string, number> = {};
  for (const field of described.fields) {
    const matched = field.matched;
    column[field.field] =
      matched === null
        ? -1
        : headerCells.findIndex((cell) => cell === matched || normalizeHeader(cell) === normalizeHeader(matched));
  }
  return { headerRow: described.headerRow, column };
}

/** An owner cell's text: text trimmed, a number as its digits; "" for anything else. */
function ownerText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return "";
}

/**
 * The distinct owners of the Sales sheet as written, in the order they
 * first appear; two spellings that differ only in case or surrounding
 * spaces are one owner (as Rep IDs are compared).
 *
 * @example
 * salesOwners(ss, settings); // ["Ana Ruiz", "Bo Li"]
 */
function salesOwners(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): string[] {
  const sales = ss.getSheetByName(settings.sheets.sales);
  if (!sales) return [];
  const { headerRow, column } = fieldColumns(headerSearchRows(sales), "sales", settings.columns.sales);
  const rows = sales.getLastRow() - headerRow;
  if (column.rep < 0 || rows <= 0) return [];
  const owners = new Map<string, string>();
  for (const [cell] of sales.getRange(headerRow + 1, column.rep + 1, rows, 1).getValues()) {
    const owner = ownerText(cell);
    if (owner !== "" && !owners.has(owner.toLowerCase())) owners.set(owner.toLowerCase(), owner);
  }
  return [...owners.values()];
}

/** Writes one column of text cells below the header row. */
function writeTextColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  firstRow: number,
  column: number,
  values: readonly string[],
): void {
  const range = sheet.getRange(firstRow, column + 1, values.length, 1);
  range.setNumberFormat(TEXT_FORMAT);
  range.setValues(values.map((value) => [value]));
}

/**
 * Fills a Reps sheet that has no rows below its headers (or nothing at all)
 * with the owners in Sales: Rep ID and Name both the owner as written.
 * Answers the rows written; 0 when the sheet has rows, or no Rep ID and
 * Name columns, or Sales has no owners.
 */
function fillRepsFromSales(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  language: Language,
): number {
  const reps = ss.getSheetByName(settings.sheets.reps);
  if (!reps) return 0;
  const top = headerSearchRows(reps);
  const blank = top.every((row) => row.every((cell) => cell === "" || cell === null));
  const found = blank
    ? { headerRow: 1, column: { id: 0, name: 1 } as Record<string, number> }
    : fieldColumns(top, "reps", settings.columns.reps);
  if (!blank && (reps.getLastRow() > found.headerRow || found.column.id < 0 || found.column.name < 0)) return 0;
  const owners = salesOwners(ss, settings);
  if (owners.length === 0) return 0;
  if (blank) formatInputSheet(reps, REPS_COLUMNS as readonly ColumnSpec[], language);
  writeTextColumn(reps, found.headerRow + 1, found.column.id, owners);
  writeTextColumn(reps, found.headerRow + 1, found.column.name, owners);
  return owners.length;
}

/**
 * Creates the missing input sheets and the default plan.
 *
 * @example
 * setUpSheets(SpreadsheetApp.getActiveSpreadsheet()); // { ok: true, created: ["Reps", "Sales", ...], kept: [], repsFromSales: 0 }
 */
export function setUpSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupResult {
  const now = Date.now();
  const guard = acquireLease(ss, newRunId(now), now);
  if (!guard.ok) {
    logRefusedAction(ss, guard.state, newRunId(now), "setup", now);
    return { ok: false, created: [], kept: [], repsFromSales: 0, reason: "already_running" };
  }
  try {
    const settings: Settings = settingsOf(guard.state);
    const language = runLanguage(settings, ss.getSpreadsheetLocale());
    const created: string[] = [];
    const kept: string[] = [];
    const wanted: { name: string; make: () => void }[] = [
      ...INPUT_SHEET_ORDER.map((key) => {
        const name = settings.sheets[key];
        return {
          name,
          make: () => createInputSheet(ss, name, INPUT_SHEETS[key].columns as readonly ColumnSpec[], language),
        };
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
    const repsFromSales = fillRepsFromSales(ss, settings, language);
    logEvent({ event: "setup", created: created.length, kept: kept.length, repsFromSales });
    return { ok: true, created, kept, repsFromSales };
  } finally {
    releaseLease(ss, guard.state);
  }
}
