/** A1 notation: column letters, parsing and formatting of rectangular ranges. */

/** A rectangle of cells, 1-based. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * Column number (1-based) to letters.
 *
 * @example
 * columnToLetters(28); // "AB"
 */
export function columnToLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Column letters to a number (1-based).
 *
 * @example
 * lettersToColumn("AB"); // 28
 */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Formats a rectangle as A1 notation ("B2" for one cell, "A1:C3" otherwise).
 *
 * @example
 * formatA1({ row: 1, column: 1, numRows: 3, numColumns: 3 }); // "A1:C3"
 */
export function formatA1(rect: GridRect): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

/**
 * Splits "Sheet 1!A1:B2" or "'It''s'!A1" into a sheet name (or null) and the A1 part.
 *
 * @example
 * splitSheetName("'Run log'!A1:C3"); // { sheetName: "Run log", a1: "A1:C3" }
 */
export function splitSheetName(a1: string): { sheetName: string | null; a1: string } {
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(a1);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), a1: quoted[2] };
  const bang = a1.lastIndexOf("!");
  if (bang >= 0) return { sheetName: a1.slice(0, bang), a1: a1.slice(bang + 1) };
  return { sheetName: null, a1 };
}

interface Endpoint {
  column: number | null;
  row: number | null;
}

function parseEndpoint(text: string): Endpoint | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const column = m[1] ? lettersToColumn(m[1]) : null;
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
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRect | null {
  const pieces = a1.split(":");
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
