/**
 * Finding the input columns in a sheet's header row: in any order,
 * case-insensitively, ignoring spaces, `_` and `-`, by their English or
 * Chinese names, by the names common CRM and order exports give them
 * (column-aliases.ts), or by the manager's own column mapping (settings).
 * Extra columns are ignored.
 *
 * Exports often put a title and filter lines above the header row, so the
 * header row is looked for in the first rows of the sheet.
 */
import { a1 } from "../core/a1-notation";
import { problemAt, type Problem } from "../core/problems";
import { toHalfWidth } from "../core/full-width";
import type { Localized } from "../core/localized-text";
import { COLUMN_ALIASES } from "./column-aliases";
import { INPUT_SHEETS, type InputSheetKey } from "./input-columns";

/** The parts of a column spec that header matching looks at. */
export interface HeaderSpec<F extends string = string> {
  field: F;
  header: string;
  zhHeader: string;
  required: boolean;
}

/** How a column was recognised: by our own name, by a CRM's name for it, or by the manager's mapping. */
type MatchedBy = "built-in" | "alias" | "mapping";

export interface HeaderMatch<F extends string> {
  /** 0-based column of each field; -1 when the sheet has no such column. */
  index: Record<F, number>;
  /**
   * The column's name for messages: the header as the sheet writes it when
   * the column was found, else our name in the language the sheet's headers
   * use, so a problem names what the user sees.
   */
  label: Record<F, string>;
  /** How each found column was recognised. */
  matchedBy: Partial<Record<F, MatchedBy>>;
  /** Missing required columns (errors) and repeated columns (warnings). */
  problems: Problem[];
  /** Whether every required column was found, so rows can be read. */
  complete: boolean;
}

/** What besides our own names a header row is matched with. */
export interface MatchOptions {
  /** The input sheet, whose CRM aliases apply; none for the Plan sheet. */
  sheetKey?: InputSheetKey;
  /** Our field to the header text the manager mapped to it. */
  mapping?: Readonly<Record<string, string>>;
  /** 1-based row of the header row, for the cells problems name (default 1). */
  row?: number;
}

/** How many rows from the top a header row is looked for in. */
export const HEADER_SEARCH_ROWS = 10;

const IGNORED_IN_HEADERS = /[\s_\-\u3000().:：（）]+/g;

/**
 * A header reduced to what matching compares: lower case, full-width letters
 * and digits as ASCII, without spaces (full-width ones too), `_`, `-`,
 * brackets, dots or colons.
 *
 * @example
 * normalizeHeader(" Rep_ID ");    // "repid"
 * normalizeHeader("Start-Date");  // "startdate"
 * normalizeHeader("销售\u3000编号"); // "销售编号"
 * normalizeHeader("Probability (%)"); // "probability%"
 */
export function normalizeHeader(text: unknown): string {
  if (text === null || text === undefined) return "";
  return toHalfWidth(String(text), { ideographicSpace: true }).replace(IGNORED_IN_HEADERS, "").toLowerCase();
}

interface NameEntry<F extends string> {
  column: HeaderSpec<F>;
  /** Lower is better: the mapping, then our English and Chinese names, then aliases in file order. */
  rank: number;
  by: MatchedBy;
  chinese: boolean;
}

const MAPPING_RANK = -1;
const ALIAS_RANK_START = 10;

/**
 * Finds each column of a sheet in its header row. When two columns name one
 * field, the better name wins (the mapping, our own name, then the aliases in
 * their order), and a second column with an equally good name is a warning.
 * A required column that is missing is an error on the first free header
 * cell, listing the headers that are there and the likeliest of them.
 *
 * @example
 * const { index, problems } = matchHeaders(["amount", "REP ID", "日期", "客户"], SALES_COLUMNS, "Sales");
 * // index.amount === 0, index.rep === 1, index.date === 2, index.type === -1, problems: []
 * matchHeaders(["Opportunity Owner", "Close Date", "Amount"], SALES_COLUMNS, "Sales", { sheetKey: "sales" }).index.rep; // 0
 */
export function matchHeaders<F extends string>(
  headerRow: readonly unknown[],
  columns: readonly HeaderSpec<F>[],
  sheet: string,
  options: MatchOptions = {},
): HeaderMatch<F> {
  const row = options.row ?? 1;
  const byName = namesToColumns(columns, options);
  const index = {} as Record<F, number>;
  const label = {} as Record<F, string>;
  const matchedBy: Partial<Record<F, MatchedBy>> = {};
  const bestRank = {} as Record<F, number>;
  const problems: Problem[] = [];
  for (const column of columns) {
    index[column.field] = -1;
    label[column.field] = column.header;
    bestRank[column.field] = Infinity;
  }
  let usesChinese = false;
  let usesEnglish = false;
  headerRow.forEach((cell, position) => {
    const found = byName.get(normalizeHeader(cell));
    if (!found) return;
    const field = found.column.field;
    if (found.rank > bestRank[field]) return;
    if (found.rank === bestRank[field]) {
      problems.push(
        problemAt(sheet, a1(row, position + 1), "duplicate_column", { column: headerText(cell) }, "warning"),
      );
      return;
    }
    index[field] = position;
    bestRank[field] = found.rank;
    matchedBy[field] = found.by;
    label[field] =
      found.by === "built-in" ? (found.chinese ? found.column.zhHeader : found.column.header) : headerText(cell);
    if (found.chinese) usesChinese = true;
    else usesEnglish = true;
  });
  // A missing column is named in the language the sheet's headers are written in.
  const missingInChinese = usesChinese && !usesEnglish;
  const headers = headerTexts(headerRow);
  let freeColumn = lastUsedColumn(headerRow);
  let complete = true;
  for (const column of columns) {
    if (!column.required || index[column.field] >= 0) continue;
    complete = false;
    const name = missingInChinese ? column.zhHeader : column.header;
    label[column.field] = name;
    freeColumn += 1;
    const cell = a1(row, freeColumn);
    // Only input sheets can be mapped; the Plan sheet's own columns are named in its README table.
    if (!options.sheetKey) problems.push(problemAt(sheet, cell, "missing_column", { column: name }));
    else
      problems.push(
        missingColumnProblem(sheet, cell, name, row, headers, guessesFor(column, headers, options.sheetKey)),
      );
  }
  return { index, label, matchedBy, problems, complete };
}

function missingColumnProblem(
  sheet: string,
  cell: string,
  column: string,
  row: number,
  headers: string[],
  guesses: string[],
): Problem {
  if (headers.length === 0) return problemAt(sheet, cell, "missing_column", { column });
  const found = listed(headers, 15);
  if (guesses.length === 0) return problemAt(sheet, cell, "missing_column_found", { column, row, found });
  return problemAt(sheet, cell, "missing_column_guess", {
    column,
    row,
    found,
    guess: guesses.map((g) => '"' + g + '"').join(" / "),
  });
}

function listed(texts: readonly string[], most: number): string {
  const shown = texts.slice(0, most).map((text) => (text.length > 40 ? text.slice(0, 40) + "…" : text));
  return shown.join(", ") + (texts.length > most ? ", … (+" + (texts.length - most) + ")" : "");
}

/**
 * Finds the header row among the first rows of a sheet: the row where the most
 * required columns are found, then the most columns; the first such row. A
 * sheet where no row names any column has its header in its first non-blank
 * row (so the problems list what that row holds).
 *
 * @example
 * findHeaderRow([["Opportunities report"], ["Filtered by: Close Date = 2026"], [], ["Opportunity Owner", "Close Date", "Amount"]], SALES_COLUMNS, { sheetKey: "sales" });
 * // 3 (0-based)
 */
export function findHeaderRow<F extends string>(
  values: readonly (readonly unknown[])[],
  columns: readonly HeaderSpec<F>[],
  options: MatchOptions = {},
): number {
  const byName = namesToColumns(columns, options);
  let best = -1;
  let bestScore = 0;
  let firstNonBlank = -1;
  const last = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let position = 0; position < last; position += 1) {
    const cells = values[position] ?? [];
    const fields = new Set<F>();
    for (const cell of cells) {
      const found = byName.get(normalizeHeader(cell));
      if (found) fields.add(found.column.field);
    }
    if (firstNonBlank < 0 && cells.some((cell) => normalizeHeader(cell) !== "")) firstNonBlank = position;
    let required = 0;
    for (const column of columns) if (column.required && fields.has(column.field)) required += 1;
    const score = required * 1000 + fields.size;
    if (score > bestScore) {
      best = position;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  return Math.max(firstNonBlank, 0);
}

/** What the sidebar's column mapping shows for one of our fields. */
export interface FieldDescription {
  field: string;
  label: Localized;
  required: boolean;
  /** The header used for the field, as the sheet writes it; null when none is. */
  matched: string | null;
  how: MatchedBy | null;
  /** The likeliest headers of the row when the field is not found, best first. */
  guesses: string[];
}

/**
 * Describes how a sheet's columns are recognised: its header row, the
 * headers it holds, and for each of our fields the header used and how, or
 * the likeliest headers. For the sidebar's column mapping.
 *
 * @example
 * describeHeaders([["Vendedor", "Fecha", "Importe"]], "sales");
 * // { headerRow: 1, headers: ["Vendedor", "Fecha", "Importe"], fields: [{ field: "date", matched: null, guesses: [...] }, ...] }
 */
export function describeHeaders(
  values: readonly (readonly unknown[])[],
  sheetKey: InputSheetKey,
  mapping?: Readonly<Record<string, string>>,
): { headerRow: number; headers: string[]; fields: FieldDescription[] } {
  const columns: readonly HeaderSpec[] = INPUT_SHEETS[sheetKey].columns;
  const options: MatchOptions = { sheetKey, mapping };
  const position = findHeaderRow(values, columns, options);
  const headerRow = values[position] ?? [];
  const match = matchHeaders(headerRow, columns, "", { ...options, row: position + 1 });
  const headers = headerTexts(headerRow);
  const fields = columns.map((column): FieldDescription => {
    const at = match.index[column.field];
    return {
      field: column.field,
      label: { en: column.header, zh: column.zhHeader },
      required: column.required,
      matched: at >= 0 ? headerText(headerRow[at]) : null,
      how: match.matchedBy[column.field] ?? null,
      guesses: at >= 0 ? [] : guessesFor(column, headers, sheetKey),
    };
  });
  return { headerRow: position + 1, headers, fields };
}

/**
 * The names of each columns list without a mapping, per sheet: finding a sheet's header row and matching it
 * both need them, and normalising every alias took a custom function's call more than a millisecond each time.
 */
const unmappedNames = new WeakMap<readonly HeaderSpec[], Map<string, Map<string, NameEntry<string>>>>();

function namesToColumns<F extends string>(
  columns: readonly HeaderSpec<F>[],
  options: MatchOptions,
): Map<string, NameEntry<F>> {
  if (options.mapping !== undefined && Object.keys(options.mapping).length > 0)
    return buildNamesToColumns(columns, options);
  let bySheet = unmappedNames.get(columns);
  if (bySheet === undefined) {
    bySheet = new Map();
    unmappedNames.set(columns, bySheet);
  }
  const sheetKey = options.sheetKey ?? "";
  let byName = bySheet.get(sheetKey) as Map<string, NameEntry<F>> | undefined;
  if (byName === undefined) {
    byName = buildNamesToColumns(columns, options);
    bySheet.set(sheetKey, byName as Map<string, NameEntry<string>>);
  }
  return byName;
}

function buildNamesToColumns<F extends string>(
  columns: readonly HeaderSpec<F>[],
  options: MatchOptions,
): Map<string, NameEntry<F>> {
  const byName = new Map<string, NameEntry<F>>();
  const put = (name: string, entry: NameEntry<F>) => {
    const key = normalizeHeader(name);
    const known = byName.get(key);
    if (key !== "" && (!known || known.rank > entry.rank)) byName.set(key, entry);
  };
  const byField = new Map(columns.map((column) => [column.field as string, column]));
  for (const [field, header] of Object.entries(options.mapping ?? {})) {
    const column = byField.get(field);
    if (column && header) put(header, { column, rank: MAPPING_RANK, by: "mapping", chinese: false });
  }
  for (const column of columns) {
    put(column.header, { column, rank: 0, by: "built-in", chinese: false });
    put(column.zhHeader, { column, rank: 0, by: "built-in", chinese: true });
  }
  if (options.sheetKey) {
    let rank = ALIAS_RANK_START;
    for (const group of COLUMN_ALIASES) {
      if (group.sheet !== options.sheetKey) continue;
      for (const [field, names] of Object.entries(group.names)) {
        const column = byField.get(field);
        if (!column) continue;
        for (const name of names)
          put(name, { column, rank: rank++, by: "alias", chinese: /[\u4e00-\u9fff]/.test(name) });
      }
    }
  }
  return byName;
}

/** Every name a field is known by: ours and the aliases, normalised. */
function knownNames(column: HeaderSpec, sheetKey: InputSheetKey | undefined): string[] {
  const names = [column.header, column.zhHeader];
  if (sheetKey)
    for (const group of COLUMN_ALIASES) if (group.sheet === sheetKey) names.push(...(group.names[column.field] ?? []));
  return names.map(normalizeHeader).filter((name) => name !== "");
}

/**
 * The headers of a row most like a field's names: one that contains a known
 * name or is contained in one ranks first, then by shared letter pairs.
 */
function guessesFor(column: HeaderSpec, headers: readonly string[], sheetKey: InputSheetKey | undefined): string[] {
  const names = knownNames(column, sheetKey);
  const scored = headers
    .map((header) => ({ header, score: likeness(normalizeHeader(header), names) }))
    .filter((entry) => entry.score >= 0.5)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, 3).map((entry) => entry.header);
}

function likeness(header: string, names: readonly string[]): number {
  if (header === "") return 0;
  let best = 0;
  for (const name of names) {
    if (name.length >= 3 && header.length >= 3 && (header.includes(name) || name.includes(header)))
      return 1 + Math.min(name.length, header.length) / 100;
    best = Math.max(best, letterPairLikeness(header, name));
  }
  return best;
}

/** Dice's coefficient over adjacent letter pairs: 1 for equal texts, 0 for texts sharing no pair. */
function letterPairLikeness(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i += 1) {
    const pair = a.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i += 1) {
    const pair = b.slice(i, i + 2);
    const count = pairs.get(pair) ?? 0;
    if (count > 0) {
      pairs.set(pair, count - 1);
      shared += 1;
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

function headerText(cell: unknown): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

function headerTexts(headerRow: readonly unknown[]): string[] {
  return headerRow.map(headerText).filter((text) => text !== "");
}

/** 1-based column of the last non-blank header cell; 0 for a blank row. */
function lastUsedColumn(headerRow: readonly unknown[]): number {
  for (let position = headerRow.length - 1; position >= 0; position -= 1) {
    if (normalizeHeader(headerRow[position]) !== "") return position + 1;
  }
  return 0;
}

/**
 * Whether the first rows of a sheet hold a header row with every required
 * column of an input sheet (names, CRM aliases or the mapping): how an export
 * imported under its own name is known for Sales.
 *
 * @example
 * hasHeaderRowOf([["Title"], ["Opportunity Owner", "Close Date", "Amount"]], "sales"); // true
 * hasHeaderRowOf([["Rep ID", "Name"]], "sales");                                      // false
 */
export function hasHeaderRowOf(
  values: readonly (readonly unknown[])[],
  sheetKey: InputSheetKey,
  mapping?: Readonly<Record<string, string>>,
): boolean {
  const columns: readonly HeaderSpec[] = INPUT_SHEETS[sheetKey].columns;
  const options: MatchOptions = { sheetKey, mapping };
  const position = findHeaderRow(values, columns, options);
  return matchHeaders(values[position] ?? [], columns, "", options).complete;
}
