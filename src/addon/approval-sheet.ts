/**
 * The `Approvals` sheet: the record of who approved which period's payouts
 * and when, and of every reopening by a restatement (README, "Payout
 * approval"). Rows are only ever appended. The sheet is the add-on's own,
 * marked with its role like the output sheets (output-writer.ts), so a
 * sheet of that name someone else made is never written; English headers
 * with a note in the run's language on each, as the other output sheets.
 */
import type { Language } from "../core/plan-model";
import type { Period } from "../core/records";
import type { OutputColumn } from "../tables/output-columns";
import { plainText, type CellValue } from "../tables/sheet-text";
import { headerBlock, writeHeaderNotes } from "./output-writer";
import { OUTPUT_MARKER_KEY } from "./spreadsheet-state";

/** The sheet's name (fixed, like the Plan comparison's). */
const APPROVALS_SHEET = "Approvals";

/** The marker's value on the sheet (the output roles' are results, payouts, ...). */
const APPROVALS_ROLE = "approvals";

const DESCRIPTION = "Sales Scorecard: Approvals (record)";

const WHEN_FORMAT = "yyyy-mm-dd hh:mm:ss";

/** The columns, in order. */
const APPROVAL_COLUMNS: readonly OutputColumn[] = [
  {
    header: "Period",
    kind: "text",
    format: "@",
    note: { en: "The period approved or reopened.", zh: "批准或重新打开的期间。" },
  },
  {
    header: "Approved by",
    kind: "text",
    format: "@",
    note: {
      en: "The name typed at approval, and the approver's user key (an opaque key, never an email).",
      zh: "批准时填写的姓名，以及批准人的用户密钥（不透明的密钥，不是邮箱）。",
    },
  },
  {
    header: "Approved at",
    kind: "when",
    format: WHEN_FORMAT,
    note: { en: "When (spreadsheet time zone).", zh: "时间（表格时区）。" },
  },
  {
    header: "Total payout",
    kind: "number",
    format: "#,##0.00",
    note: { en: "The period's total Bonus in Results when approved.", zh: "批准时「Results」表中该期间的奖金合计。" },
  },
  {
    header: "Reps",
    kind: "number",
    format: "0",
    note: { en: "Result rows of the period.", zh: "该期间的结果行数。" },
  },
  {
    header: "Problems open at approval",
    kind: "number",
    format: "0",
    note: {
      en: "Input problems the approving run found (see its Run log row).",
      zh: "批准时那次运行发现的输入问题数（见「Run log」表）。",
    },
  },
  {
    header: "Action",
    kind: "text",
    format: "@",
    note: {
      en: "approved, or reopened (a restatement: the period awaits approval again).",
      zh: "已批准，或已重新打开（重算期间：该期间重新等待审批）。",
    },
  },
];

const ACTION_WORDS = {
  approved: { en: "approved", zh: "已批准" },
  reopened: { en: "reopened (restated)", zh: "已重新打开（重算）" },
} as const;

/** One event to record. */
interface ApprovalEvent {
  period: Period;
  action: keyof typeof ACTION_WORDS;
  /** Who, as the cell shows it (approvedByText). */
  by: string;
  at: number;
  totalPayout: number;
  reps: number;
  problems: number;
}

/**
 * The Approved by cell: the name typed at approval (when any) and the
 * user's opaque key, which needs no scope and reveals no identity.
 *
 * @example
 * approvedByText("Ana Li", "k-7f3a"); // "Ana Li (user key k-7f3a)"
 * approvedByText("", "k-7f3a");       // "user key k-7f3a"
 */
export function approvedByText(name: string, userKey: string): string {
  const key = "user key " + userKey;
  return name.trim() === "" ? key : name.trim() + " (" + key + ")";
}

/**
 * A period's total payout and row count, from the Results rows as written.
 *
 * @example
 * periodTotals(["Period", "Bonus"], [["2026-03", 100], ["2026-03", 50], ["2026-04", 9]], "2026-03");
 * // { totalPayout: 150, reps: 2 }
 */
export function periodTotals(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  period: Period,
): { totalPayout: number; reps: number } {
  const periodColumn = header.indexOf("Period");
  const bonusColumn = header.indexOf("Bonus");
  let totalPayout = 0;
  let reps = 0;
  for (const row of rows) {
    if (plainText(row[periodColumn]).trim() !== period) continue;
    reps++;
    const bonus = row[bonusColumn];
    if (typeof bonus === "number") totalPayout += bonus;
  }
  return { totalPayout: Math.round(totalPayout * 100) / 100, reps };
}

function approvalRow(event: ApprovalEvent, language: Language): CellValue[] {
  return [
    event.period,
    event.by,
    new Date(event.at),
    event.totalPayout,
    event.reps,
    event.problems,
    ACTION_WORDS[event.action][language],
  ];
}

function carriesMarker(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === OUTPUT_MARKER_KEY && m.getValue() === APPROVALS_ROLE);
}

function setUpSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(APPROVALS_SHEET);
  sheet.setFrozenRows(1);
  sheet.protect().setDescription(DESCRIPTION).setWarningOnly(true);
  // The marker last: a set-up killed before it leaves a blank unmarked sheet, which the next approval adopts.
  sheet.addDeveloperMetadata(OUTPUT_MARKER_KEY, APPROVALS_ROLE, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  return sheet;
}

/**
 * Appends events to the Approvals sheet (with the header when the sheet is
 * new). Answers false, writing nothing, when a sheet of that name is not
 * the add-on's and holds something: the caller reports it.
 *
 * @example
 * appendApprovalEvents(ss, [{ period: "2026-03", action: "approved", by: "user key k-1", at: Date.now(),
 *   totalPayout: 1200, reps: 4, problems: 0 }], "en"); // true
 */
function appendApprovalEvents(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  events: readonly ApprovalEvent[],
  language: Language,
): boolean {
  if (events.length === 0) return true;
  const found = ss.getSheetByName(APPROVALS_SHEET);
  let sheet: GoogleAppsScript.Spreadsheet.Sheet;
  let lastRow = 0;
  if (!found) sheet = setUpSheet(ss);
  else {
    sheet = found;
    lastRow = sheet.getLastRow();
    if (!carriesMarker(sheet)) {
      if (lastRow > 0) return false;
      sheet.addDeveloperMetadata(OUTPUT_MARKER_KEY, APPROVALS_ROLE, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    }
  }
  const rows = events.map((event) => approvalRow(event, language));
  const formats = rows.map(() => APPROVAL_COLUMNS.map((c) => c.format));
  const header = headerBlock(APPROVAL_COLUMNS);
  const values = lastRow === 0 ? [...header.values, ...rows] : rows;
  const allFormats = lastRow === 0 ? [...header.formats, ...formats] : formats;
  const maxRows = sheet.getMaxRows();
  const needed = lastRow + values.length;
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  const range = sheet.getRange(lastRow + 1, 1, values.length, APPROVAL_COLUMNS.length);
  range.setNumberFormats(allFormats);
  range.setValues(values);
  if (lastRow === 0) writeHeaderNotes(sheet, 1, APPROVAL_COLUMNS, language);
  return true;
}

/** What a run tells {@link recordApprovals}. */
export interface RunApprovals {
  /** Periods made final by an approval in this run. */
  approved: readonly Period[];
  /** Final periods a restatement sent back to awaiting approval. */
  reopened: readonly Period[];
  /** The Results sheet as the run wrote it. */
  results: { header: readonly string[]; values: readonly (readonly CellValue[])[] };
}

/**
 * Records a run's approvals and reopenings in the Approvals sheet; answers
 * a Run log Details line when the sheet of that name is someone else's.
 *
 * @example
 * recordApprovals(ss, { approved: ["2026-03"], reopened: [], results }, { by: "user key k-1", at: Date.now(),
 *   problems: 0, language: "en" }); // []
 */
export function recordApprovals(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  run: RunApprovals,
  context: { by: string; at: number; problems: number; language: Language },
): string[] {
  const event = (period: Period, action: ApprovalEvent["action"]): ApprovalEvent => ({
    period,
    action,
    by: context.by,
    at: context.at,
    ...periodTotals(run.results.header, run.results.values, period),
    problems: context.problems,
  });
  const events = [...run.approved.map((p) => event(p, "approved")), ...run.reopened.map((p) => event(p, "reopened"))];
  if (events.length === 0) return [];
  // Only a failure is told: the Run log's Made final column already names what was approved.
  if (!appendApprovalEvents(ss, events, context.language))
    return [APPROVALS_SHEET + " is not the add-on's sheet: approvals not recorded there"];
  return [];
}
