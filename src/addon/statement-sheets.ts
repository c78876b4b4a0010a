/**
 * One rep's private statement spreadsheet: created (owned by whoever runs
 * the add-on, shared with the rep alone as an editor) or refreshed. It has
 * three sheets, all protected so that only the owner edits them, but for
 * the reply cells of Reviews:
 * - Results: the rep's Results rows under the team sheet's header;
 * - Payouts: the rep's Payouts lines;
 * - Reviews: Period, Review, Your reply; one row per final review.
 * Everything is written as plain text ("@"), exactly as the team's sheets
 * show it, so a typed reply is kept as typed too.
 *
 * Service calls per statement are fixed (no call per row): about 22 for a
 * refresh, about 38 for a creation (see STATEMENT_CALLS).
 */
import { fill, type Localized } from "../core/localized-text";
import type { Language } from "../core/plan-model";
import { plainText } from "../tables/sheet-text";
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from "./platform-limits";
import { mergeStatementReviews, type StatementContent, type StatementReplyRow } from "./statement-rows";

const TEXT = {
  title: { en: "Sales Scorecard statement: {name} ({id})", zh: "销售绩效记分卡个人报表：{name}（{id}）" },
  period: { en: "Period", zh: "期间" },
  review: { en: "Review", zh: "评语" },
  reply: { en: "Your reply", zh: "您的回复" },
  protected: {
    en: "Sales Scorecard statement: refreshed by the add-on; only the replies are yours to type",
    zh: "销售绩效记分卡个人报表：由加载项更新，仅回复单元格可填写",
  },
} as const satisfies Record<string, Localized>;

/** The statement's sheets, by the names the refresh finds them by. */
const STATEMENT_SHEETS = { results: "Results", payouts: "Payouts", reviews: "Reviews" } as const;

/** Service calls of a refresh and of a creation (grid growth aside), for the time budget. */
export const STATEMENT_CALLS = { refresh: 22, create: 38 } as const;

/**
 * The statement's spreadsheet name.
 *
 * @example
 * statementTitle("Ann Lee", "R0001", "en"); // "Sales Scorecard statement: Ann Lee (R0001)"
 */
export function statementTitle(name: string, repId: string, language: Language): string {
  return fill(TEXT.title[language], { name, id: repId });
}

/** A grid size known without asking (a sheet just made), or null to ask. */
type KnownGrid = { rows: number; columns: number } | null;

/** Rows padded to one width (text). */
function rectangular(values: readonly (readonly string[])[], width: number): string[][] {
  return values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
}

/** Grows a sheet's grid to hold rows x columns; asks its size only when not known. */
function fitGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number, grid: KnownGrid): void {
  const maxRows = grid ? grid.rows : rows > NEW_SHEET_ROWS ? sheet.getMaxRows() : NEW_SHEET_ROWS;
  const maxColumns = grid ? grid.columns : columns > NEW_SHEET_COLUMNS ? sheet.getMaxColumns() : NEW_SHEET_COLUMNS;
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Replaces a sheet's contents with a block of text: clear, then one format and one values call. */
function writeTextSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, values: string[][], grid: KnownGrid): void {
  if (!grid) sheet.clearContents();
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  if (values.length === 0 || width === 0) return;
  fitGrid(sheet, values.length, width, grid);
  const range = sheet.getRange(1, 1, values.length, width);
  range.setNumberFormat("@");
  range.setValues(rectangular(values, width));
}

/** Writes a text block at a place (format, then values). */
function writeText(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number, values: string[][]): void {
  const range = sheet.getRange(row, column, values.length, values[0].length);
  range.setNumberFormat("@");
  range.setValues(values);
}

/** Protects a whole sheet for the owner alone (Sheets' idiom: a new protection mirrors the sharing until changed). */
function protectSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  language: Language,
): GoogleAppsScript.Spreadsheet.Protection {
  const protection = sheet.protect().setDescription(TEXT.protected[language]);
  protection.removeEditors(protection.getEditors());
  return protection;
}

/** The reply cells of `rows` review rows (C2:C{rows+1}); none when there is no review. */
function replyRanges(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): GoogleAppsScript.Spreadsheet.Range[] {
  return rows > 0 ? [sheet.getRange(2, 3, rows, 1)] : [];
}

function reviewHeader(language: Language): [string, string] {
  return [TEXT.period[language], TEXT.review[language]];
}

/** What a statement holds for the reply read-back once written: its review rows' periods and replies. */
export interface WrittenStatement {
  id: string;
  replies: StatementReplyRow[];
}

/**
 * Creates a rep's statement, protected, not yet shared (the caller records
 * its ID first, then shares it: a statement is never shared unrecorded).
 *
 * @example
 * const made = createStatement("Sales Scorecard statement: Ann (R1)", content, "en");
 * SpreadsheetApp.openById(made.id).addEditor("ann@example.com");
 */
export function createStatement(title: string, content: StatementContent, language: Language): WrittenStatement {
  const ss = SpreadsheetApp.create(title);
  const grid = { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS };
  const results = ss.getSheets()[0].setName(STATEMENT_SHEETS.results);
  const payouts = ss.insertSheet(STATEMENT_SHEETS.payouts);
  const reviews = ss.insertSheet(STATEMENT_SHEETS.reviews);
  writeTextSheet(results, content.results, grid);
  writeTextSheet(payouts, content.payouts, grid);
  const merged = mergeStatementReviews([], content.reviews);
  fitGrid(reviews, merged.rows.length + 1, 3, grid);
  writeText(reviews, 1, 1, [
    [...reviewHeader(language), TEXT.reply[language]],
    ...merged.rows.map(([period, text], i) => [period, text, merged.seeds[i]]),
  ]);
  protectSheet(results, language);
  protectSheet(payouts, language);
  protectSheet(reviews, language).setUnprotectedRanges(replyRanges(reviews, merged.rows.length));
  return {
    id: ss.getId(),
    replies: merged.rows.map(([period], i) => ({ period, reply: merged.seeds[i] })),
  };
}

/**
 * Shares a statement with a rep alone: anyone else it was shared with (the
 * rep's earlier address) is removed first.
 *
 * @example
 * shareStatement(SpreadsheetApp.openById(id), "ann@example.com", false);
 */
export function shareStatement(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  email: string,
  removeOthers: boolean,
): void {
  if (removeOthers) {
    const owner = ss.getOwner()?.getEmail() ?? "";
    for (const user of ss.getEditors()) if (user.getEmail() !== owner) ss.removeEditor(user);
    for (const user of ss.getViewers()) ss.removeViewer(user);
  }
  ss.addEditor(email);
}

/**
 * Refreshes a statement: Results and Payouts rewritten, review rows updated
 * in place and new ones appended (their reply cells seeded from Reviews),
 * existing reply cells left as they are and read back.
 *
 * @example
 * refreshStatement(SpreadsheetApp.openById(id), content, "en"); // [{ period: "2026-03", reply: "Agreed" }]
 */
export function refreshStatement(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  content: StatementContent,
  language: Language,
): StatementReplyRow[] {
  const sheet = (name: string) => {
    const found = ss.getSheetByName(name);
    if (!found) throw new Error("statement sheet missing: " + name);
    return found;
  };
  const [results, payouts, reviews] = [
    sheet(STATEMENT_SHEETS.results),
    sheet(STATEMENT_SHEETS.payouts),
    sheet(STATEMENT_SHEETS.reviews),
  ];
  writeTextSheet(results, content.results, null);
  writeTextSheet(payouts, content.payouts, null);
  const last = reviews.getLastRow();
  const existing = last > 1 ? reviews.getRange(2, 1, last - 1, 3).getValues() : [];
  const rows: StatementReplyRow[] = existing.map((row) => ({
    period: plainText(row[0]).trim(),
    reply: plainText(row[2]),
  }));
  const merged = mergeStatementReviews(
    rows,
    content.reviews,
    existing.map((row) => plainText(row[1])),
  );
  fitGrid(reviews, merged.rows.length + 1, 3, null);
  writeText(reviews, 1, 1, [reviewHeader(language), ...merged.rows]);
  if (merged.seeds.length > 0) {
    writeText(
      reviews,
      rows.length + 2,
      3,
      merged.seeds.map((seed) => [seed]),
    );
    const protection = reviews.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    protection?.setUnprotectedRanges(replyRanges(reviews, merged.rows.length));
  }
  return [...rows, ...merged.seeds.map((reply, i) => ({ period: merged.rows[rows.length + i][0], reply }))];
}
