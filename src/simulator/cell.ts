/** The content of one cell as the simulated spreadsheet stores it. */

/**
 * What a cell holds. Dates are wall clocks (see time-zone.ts), as Sheets
 * stores a serial number read in the spreadsheet's zone. Formulas are kept as
 * text and never computed.
 */
export type CellContent =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; wall: number }
  | { kind: "formula"; formula: string };

/** Validation rule attached to a cell (see data-validation.ts). */
export interface ValidationSpec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** A cell's styles by name (border, merged, font weight...). */
export type CellStyle = Record<string, string | number | boolean | null>;

/** One cell: content plus the attributes a script can set. */
export interface Cell {
  content?: CellContent;
  format?: string;
  note?: string;
  validation?: ValidationSpec;
  style?: CellStyle;
}

/**
 * What `getValues()` returns for a formula cell: the simulator cannot compute
 * formulas, so it returns this Sheets error string (detect formulas with
 * `getFormulas()` or the snapshot instead).
 */
export const FORMULA_READ_VALUE = "#ERROR!";

/** The most characters one cell may hold (Sheets' limit). */
export const MAX_CELL_CHARS = 50_000;

/** The most cells a spreadsheet may hold (Sheets' limit). */
export const MAX_SPREADSHEET_CELLS = 10_000_000;
