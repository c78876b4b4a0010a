/**
 * What Sheets passes to a custom function and what one returns: a single
 * cell (or a literal) arrives as a value, a range as an array of rows; an
 * empty cell is `""`, an omitted argument `undefined`. A single value is a
 * 1 x 1 shape.
 */

/** One cell value as Apps Script passes it. */
export type SheetValue = string | number | boolean | Date | null | undefined;

/** A custom-function argument: a single value or a range (rows of values). */
export type SheetArgument = SheetValue | SheetValue[][];

/** One cell of a custom function's result. */
export type ResultCell = number | string;

/** A custom function's result: a single value or rows of values. */
export type SheetResult = ResultCell | ResultCell[][];

/** An argument with the name its function help gives it, for messages. */
export interface NamedArgument {
  name: string;
  value: SheetArgument;
}

/** The size of a range; a single value is 1 x 1. */
export interface Shape {
  rows: number;
  columns: number;
}

/** A 0-based row and column within the result (or within one argument). */
export interface ElementPlace {
  row: number;
  column: number;
}

/** One cell of a 1 x M or M x 1 argument, with its own place for messages. */
export interface VectorCell {
  value: SheetValue;
  place: ElementPlace;
}

/** A monthly history in month order, and whether it was given as a column. */
export interface MonthlyHistory {
  months: (number | null)[];
  orientation: "row" | "column";
}

/** The result for an element without a value. */
export const BLANK_RESULT = "";

/**
 * The shape of an argument: a single value is 1 x 1.
 *
 * @example
 * shapeOf([[1], [2], [3]]) // { rows: 3, columns: 1 }
 * shapeOf(5) // { rows: 1, columns: 1 }
 */
export function shapeOf(value: SheetArgument): Shape {
  if (!Array.isArray(value)) {
    return { rows: 1, columns: 1 };
  }
  const columns = value.reduce((widest, row) => Math.max(widest, Array.isArray(row) ? row.length : 1), 0);
  return { rows: value.length, columns };
}

/**
 * Whether a shape is one cell (a single value or a 1 x 1 range).
 *
 * @example
 * isSingleCell({ rows: 1, columns: 1 }) // true
 */
export function isSingleCell(shape: Shape): boolean {
  return shape.rows === 1 && shape.columns === 1;
}

/**
 * A shape as messages show it.
 *
 * @example
 * formatShape({ rows: 3, columns: 2 }) // "3x2"
 */
export function formatShape(shape: Shape): string {
  return `${shape.rows}x${shape.columns}`;
}
