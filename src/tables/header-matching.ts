/**
 * Finding the input columns in a sheet's header row (product-spec section 1):
 * in any order, case-insensitively, ignoring spaces, `_` and `-`, by their
 * English or Chinese names. Extra columns are ignored.
 */
import { a1, problemAt, type Problem } from "../core/problems";
import { toHalfWidth } from "../core/full-width";

/** The parts of a column spec that header matching looks at. */
export interface HeaderSpec<F extends string = string> {
  field: F;
  header: string;
  zhHeader: string;
  required: boolean;
}

export interface HeaderMatch<F extends string> {
  /** 0-based column of each field; -1 when the sheet has no such column. */
  index: Record<F, number>;
  /**
   * The column's name for messages, in the language of the header the sheet
   * uses for it (`Amount` or `金额`), so a problem names what the user sees.
   */
  label: Record<F, string>;
  /** Missing required columns (errors) and repeated columns (warnings). */
  problems: Problem[];
  /** Whether every required column was found, so rows can be read. */
  complete: boolean;
}

const IGNORED_IN_HEADERS = /[\s_\-\u3000]+/g;

/**
 * A header reduced to what matching compares: lower case, full-width letters
 * and digits as ASCII, without spaces (full-width ones too), `_` or `-`.
 *
 * @example
 * normalizeHeader(" Rep_ID ");    // "repid"
 * normalizeHeader("Start-Date");  // "startdate"
 * normalizeHeader("销售\u3000编号"); // "销售编号"
 */
export function normalizeHeader(text: unknown): string {
  if (text === null || text === undefined) return "";
  return toHalfWidth(String(text), { ideographicSpace: true }).replace(IGNORED_IN_HEADERS, "").toLowerCase();
}

/**
 * Finds each column of a sheet in its header row. A required column that is
 * missing is an error on the first free header cell (A1 for an empty row; one
 * cell further for each further missing column), so the user sees where to add
 * it. A column found twice is a warning on the second one; the first is used.
 *
 * @example
 * const { index, problems } = matchHeaders(["amount", "REP ID", "日期", "客户"], SALES_COLUMNS, "Sales");
 * // index.amount === 0, index.rep === 1, index.date === 2, index.type === -1, problems: []
 */
export function matchHeaders<F extends string>(
  headerRow: readonly unknown[],
  columns: readonly HeaderSpec<F>[],
  sheet: string,
): HeaderMatch<F> {
  const byName = namesToColumns(columns);
  const index = {} as Record<F, number>;
  const label = {} as Record<F, string>;
  const problems: Problem[] = [];
  for (const column of columns) {
    index[column.field] = -1;
    label[column.field] = column.header;
  }
  let usesChinese = false;
  let usesEnglish = false;
  headerRow.forEach((cell, position) => {
    const found = byName.get(normalizeHeader(cell));
    if (!found) return;
    const { column, chinese } = found;
    const name = chinese ? column.zhHeader : column.header;
    if (index[column.field] >= 0) {
      problems.push(problemAt(sheet, a1(1, position + 1), "duplicate_column", { column: name }, "warning"));
      return;
    }
    index[column.field] = position;
    label[column.field] = name;
    if (chinese) usesChinese = true;
    else usesEnglish = true;
  });
  // A missing column is named in the language the sheet's headers are written in.
  const missingInChinese = usesChinese && !usesEnglish;
  let freeColumn = lastUsedColumn(headerRow);
  let complete = true;
  for (const column of columns) {
    if (!column.required || index[column.field] >= 0) continue;
    complete = false;
    const name = missingInChinese ? column.zhHeader : column.header;
    label[column.field] = name;
    freeColumn += 1;
    problems.push(problemAt(sheet, a1(1, freeColumn), "missing_column", { column: name }));
  }
  return { index, label, problems, complete };
}

function namesToColumns<F extends string>(
  columns: readonly HeaderSpec<F>[],
): Map<string, { column: HeaderSpec<F>; chinese: boolean }> {
  const byName = new Map<string, { column: HeaderSpec<F>; chinese: boolean }>();
  for (const column of columns) {
    byName.set(normalizeHeader(column.header), { column, chinese: false });
    byName.set(normalizeHeader(column.zhHeader), { column, chinese: true });
  }
  return byName;
}

/** 1-based column of the last non-blank header cell; 0 for a blank row. */
function lastUsedColumn(headerRow: readonly unknown[]): number {
  for (let position = headerRow.length - 1; position >= 0; position -= 1) {
    if (normalizeHeader(headerRow[position]) !== "") return position + 1;
  }
  return 0;
}

