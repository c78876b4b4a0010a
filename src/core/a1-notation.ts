/**
 * A1 notation, the one copy: column numbers and letters both ways, a cell's
 * and a range's A1 text, sheet names quoted as Sheets quotes them, and
 * parsing A1 text against a grid. Rows and columns are 1-based.
 */

/** A rectangle of cells, 1-based. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * Column letters of a 1-based column number.
 *
 * @example
 * columnLetters(28); // "AB"
 */
export function columnLetters(column: number): string {
  let letters = "";
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 1-based column number of column letters (either case).
 *
 * @example
 * columnNumber("AB"); // 28
 *
 * @internal Exported only for a1-notation.test.ts, which checks it directly; the code uses it inside this file.
 */
export function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

/**
 * The A1 reference of a 1-based row and column.
 *
 * @example
 * a1(14, 4);  // "D14"
 * a1(1, 27);  // "AA1"
 */
export function a1(row: number, column: number): string {
  return columnLetters(column) + String(row);
}

/**
 * The 1-based column number of an A1 cell reference: the inverse of `a1`'s
 * letters, for sorting problems by row and column.
 *
 * @example
 * columnOfCell("D14"); // 4
 * columnOfCell("AB3"); // 28
 */
export function columnOfCell(cell: string): number {
  return columnNumber(cell.replace(/\d+$/, ""));
}

/**
 * A rectangle as A1 notation: "B2" for one cell, "A1:C3" otherwise.
 *
 * @example
 * formatA1({ row: 1, column: 1, numRows: 3, numColumns: 3 }); // "A1:C3"
 */
export function formatA1(rect: GridRect): string {
  const start = a1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return start + ":" + a1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1);
}

/**
 * Quotes a sheet name for an A1 reference the way Sheets does: only when it
 * has characters other than letters, digits and `_`.
 *
 * @example
 * quoteSheetName("Run log"); // "'Run log'"
 * quoteSheetName("Sales");   // "Sales"
 */
export function quoteSheetName(sheet: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet)) return sheet;
  return "'" + sheet.replace(/'/g, "''") + "'";
}

/**
 * Splits "Sheet 1!A1:B2" or "'It''s'!A1" into a sheet name (or null) and the A1 part.
 *
 * @example
 * splitSheetName("'Run log'!A1:C3"); // { sheetName: "Run log", a1: "A1:C3" }
 */
export function splitSheetName(reference: string): { sheetName: string | null; a1: string } {
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(reference);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), a1: quoted[2] };
  const bang = reference.lastIndexOf("!");
  if (bang >= 0) return { sheetName: reference.slice(0, bang), a1: reference.slice(bang + 1) };
  return { sheetName: null, a1: reference };
}

interface Endpoint {
  column: number | null;
  row: number | null;
}

function parseEndpoint(text: string): Endpoint | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const column = m[1] ? columnNumber(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { column, row };
}

/**
 * Parses A1 notation (no sheet name) against a grid size: "A1", "A1:C3",
 * "A:C" (whole columns), "2:5" (whole rows), "A2:C" (open-ended). Returns
 * null when the text is not A1 notation.
 *
 * @example
 * parseA1("A2:C", 1000, 26); // { row: 2, column: 1, numRows: 999, numColumns: 3 }
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): GridRect | null {
  const pieces = text.split(":");
  if (pieces.length > 2) return null;
  const a = parseEndpoint(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.column === null || a.row === null) return null;
    return { row: a.row, column: a.column, numRows: 1, numColumns: 1 };
  }
  const b = parseEndpoint(pieces[1]);
  if (!b) return null;
  const c1 = a.column ?? 1;
  const c2 = b.column ?? (a.column === null ? maxColumns : null);
  const r1 = a.row ?? 1;
  const r2 = b.row ?? (b.column !== null ? maxRows : null);
  if (c2 === null || r2 === null) return null;
  if ((a.column === null) !== (b.column === null) && a.column === null) return null;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}
