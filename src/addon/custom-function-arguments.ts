/**
 * Reading custom-function arguments as Sheets passes them (see
 * custom-function-values.ts): required and optional values, element-wise
 * ranges that broadcast single values, numbers, names from a fixed list, tier
 * tables, vectors and monthly histories. A value that cannot be read throws
 * an ArgumentError naming the argument and the position; arguments that only
 * take a single value (mode, max_rate, growth, ...) are named without one.
 */

import { DIRECTION_NAMES, parseDirection } from "../core/attainment";
import type { Direction } from "../core/attainment";
import { isNotANumber, readNumber } from "../core/number-text";
import { MONTHS_IN_YEAR, TARGET_METHODS, parseTargetMethod } from "../core/target-setting";
import type { TargetMethod } from "../core/target-setting";
import { TIER_MODES, parseTierMode, validateTiers } from "../core/tiers";
import type { Tier, TierMode, TierProblem } from "../core/tiers";
import { ARGUMENT_MESSAGES, ArgumentError } from "./custom-function-errors";
import {
  BLANK_RESULT,
  isSingleCell,
  shapeOf,
  type ElementPlace,
  type MonthlyHistory,
  type NamedArgument,
  type ResultCell,
  type SheetArgument,
  type SheetResult,
  type SheetValue,
  type Shape,
  type VectorCell,
} from "./custom-function-values";

const FIRST_PLACE: ElementPlace = Object.freeze({ row: 0, column: 0 });

/**
 * Fails when a required argument was left out.
 *
 * @example
 * requireArgument({ name: "actual", value: undefined }) // throws "actual is missing"
 */
export function requireArgument(argument: NamedArgument): void {
  if (argument.value === undefined || argument.value === null) {
    throw new ArgumentError(ARGUMENT_MESSAGES.missing(argument.name));
  }
}

/**
 * Whether an optional argument was left out: undefined, null, or a single
 * blank value (a skipped argument or an empty cell).
 *
 * @example
 * isOmitted(undefined) // true
 * isOmitted("") // true
 * isOmitted([[""]]) // false (a range is never omitted)
 */
export function isOmitted(value: SheetArgument): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * The common shape of element-wise arguments; null when all are single
 * values. Single values and 1 x 1 ranges broadcast; other ranges must agree.
 *
 * @example
 * commonShape([{ name: "x", value: [[1], [2]] }, { name: "target_bonus", value: 1000 }]) // { rows: 2, columns: 1 }
 * commonShape([{ name: "actual", value: 1 }, { name: "target", value: 2 }]) // null
 */
export function commonShape(args: readonly NamedArgument[]): Shape | null {
  let common: Shape | null = null;
  let shaping: NamedArgument | null = null;
  for (const argument of args) {
    if (!Array.isArray(argument.value)) {
      continue;
    }
    const shape = shapeOf(argument.value);
    if (shape.rows === 0 || shape.columns === 0) {
      throw new ArgumentError(ARGUMENT_MESSAGES.empty(argument.name));
    }
    if (common === null || isSingleCell(common)) {
      if (common === null || !isSingleCell(shape)) {
        common = shape;
        shaping = argument;
      }
    } else if (!isSingleCell(shape) && (shape.rows !== common.rows || shape.columns !== common.columns)) {
      throw new ArgumentError(ARGUMENT_MESSAGES.shapeMismatch(shaping as NamedArgument, argument));
    }
  }
  return common;
}

/**
 * The value of an element-wise argument at a place of the result: a single
 * value or a 1 x 1 range everywhere, else the range's cell (a missing cell of
 * a ragged range is blank).
 *
 * @example
 * elementAt([[1, 2], [3, 4]], 1, 0) // 3
 * elementAt(7, 5, 2) // 7
 */
export function elementAt(value: SheetArgument, row: number, column: number): SheetValue {
  if (!Array.isArray(value)) {
    return value;
  }
  // Checked in constant time: this runs for every cell of every argument.
  const single = value.length === 1 && Array.isArray(value[0]) && value[0].length === 1;
  const cells = value[single ? 0 : row];
  const cell = Array.isArray(cells) ? cells[single ? 0 : column] : undefined;
  return cell === undefined ? BLANK_RESULT : cell;
}

/**
 * Applies `compute` to each element of element-wise arguments, broadcasting
 * single values. All single values give a single value; otherwise the
 * result has the ranges' shape. `compute` receives the arguments' values at
 * one place (the array and the place are reused: copy them to keep them).
 *
 * @example
 * mapElementwise([{ name: "a", value: [[1], [2]] }, { name: "b", value: 10 }], ([a, b]) => Number(a) * Number(b))
 * // [[10], [20]]
 */
export function mapElementwise(
  args: readonly NamedArgument[],
  compute: (values: readonly SheetValue[], place: ElementPlace) => ResultCell,
): SheetResult {
  const shape = commonShape(args);
  if (shape === null) {
    return compute(
      args.map((argument) => argument.value as SheetValue),
      FIRST_PLACE,
    );
  }
  const values = new Array<SheetValue>(args.length);
  const place: ElementPlace = { row: 0, column: 0 };
  const result: ResultCell[][] = new Array(shape.rows);
  for (let row = 0; row < shape.rows; row += 1) {
    const resultRow: ResultCell[] = new Array(shape.columns);
    place.row = row;
    for (let column = 0; column < shape.columns; column += 1) {
      for (let index = 0; index < args.length; index += 1) {
        values[index] = elementAt(args[index].value, row, column);
      }
      place.column = column;
      resultRow[column] = compute(values, place);
    }
    result[row] = resultRow;
  }
  return result;
}

/**
 * Reads one element as a number (null when blank); text that is not a
 * number fails with the argument's name and the element's position.
 *
 * @example
 * readElementNumber({ name: "target", value: [[1], ["abc"]] }, "abc", { row: 1, column: 0 })
 * // throws 'target row 2, column 1 is not a number ("abc")'
 */
export function readElementNumber(argument: NamedArgument, value: SheetValue, place: ElementPlace): number | null {
  const reading = readNumber(value);
  if (isNotANumber(reading)) {
    throw new ArgumentError(ARGUMENT_MESSAGES.notANumber(elementSubject(argument, place), value));
  }
  return reading;
}

/**
 * Reads one element as a number that must not be negative (null when blank).
 *
 * @example
 * readNonNegativeElement({ name: "target_bonus", value: -5 }, -5, { row: 0, column: 0 })
 * // throws "target_bonus row 1 is negative"
 */
export function readNonNegativeElement(argument: NamedArgument, value: SheetValue, place: ElementPlace): number | null {
  const reading = readElementNumber(argument, value, place);
  if (reading !== null && reading < 0) {
    throw new ArgumentError(ARGUMENT_MESSAGES.negative(elementSubject(argument, place)));
  }
  return reading;
}

/**
 * How an element is named in messages: "target row 2, column 1", or
 * "target row 1" for a single value.
 *
 * @example
 * elementSubject({ name: "target", value: [[1], [2]] }, { row: 1, column: 0 }) // "target row 2, column 1"
 * elementSubject({ name: "target_bonus", value: 5 }, { row: 0, column: 0 }) // "target_bonus row 1"
 */
export function elementSubject(argument: NamedArgument, place: ElementPlace): string {
  if (!Array.isArray(argument.value)) {
    return `${argument.name} row 1`;
  }
  const ownPlace = isSingleCell(shapeOf(argument.value)) ? FIRST_PLACE : place;
  return `${argument.name} row ${ownPlace.row + 1}, column ${ownPlace.column + 1}`;
}

/**
 * The one value of an argument that takes a single value (a 1 x 1 range
 * counts as one).
 *
 * @example
 * singleValue({ name: "mode", value: [["linear"]] }) // "linear"
 * singleValue({ name: "mode", value: [["a", "b"]] }) // throws 'mode (1x2) must be a single value'
 *
 * @internal Exported only for custom-function-arguments.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export function singleValue(argument: NamedArgument): SheetValue {
  if (!Array.isArray(argument.value)) {
    return argument.value;
  }
  const shape = shapeOf(argument.value);
  if (!isSingleCell(shape)) {
    throw new ArgumentError(ARGUMENT_MESSAGES.notSingleValue(argument.name, shape));
  }
  return elementAt(argument.value, 0, 0);
}

/**
 * Reads an optional single-value number: the fallback when omitted.
 *
 * @example
 * readOptionalNumber({ name: "growth", value: "10%" }, 0) // 0.1
 * readOptionalNumber({ name: "growth", value: undefined }, 0) // 0
 */
export function readOptionalNumber(argument: NamedArgument, fallback: number | null): number | null {
  const value = singleValue(argument);
  const reading = readNumber(value);
  if (isNotANumber(reading)) {
    throw new ArgumentError(ARGUMENT_MESSAGES.notANumber(argument.name, value));
  }
  return reading ?? fallback;
}

/**
 * Reads an optional single-value number that must not be negative.
 *
 * @example
 * readOptionalNonNegativeNumber({ name: "max_rate", value: 1.4 }, null) // 1.4
 * readOptionalNonNegativeNumber({ name: "max_rate", value: -1 }, null) // throws "max_rate is negative"
 */
export function readOptionalNonNegativeNumber(argument: NamedArgument, fallback: number | null): number | null {
  const reading = readOptionalNumber(argument, fallback);
  if (reading !== null && reading < 0) {
    throw new ArgumentError(ARGUMENT_MESSAGES.negative(argument.name));
  }
  return reading;
}

/**
 * Reads a mode name (`step` when omitted).
 *
 * @example
 * readTierModeArgument({ name: "mode", value: " LINEAR " }) // "linear"
 */
export function readTierModeArgument(argument: NamedArgument): TierMode {
  return readChoice(argument.name, singleValue(argument), parseTierMode, TIER_MODES, "step");
}

/**
 * Reads a direction name (`higher` when omitted).
 *
 * @example
 * readDirectionArgument({ name: "direction", value: "越低越好" }) // "lower"
 */
export function readDirectionArgument(argument: NamedArgument): Direction {
  return readChoice(argument.name, singleValue(argument), parseDirection, DIRECTION_NAMES, "higher");
}

/**
 * Reads a target method name (`average` when omitted).
 *
 * @example
 * readTargetMethodArgument({ name: "method", value: "Trend" }) // "trend"
 */
export function readTargetMethodArgument(argument: NamedArgument): TargetMethod {
  return readChoice(argument.name, singleValue(argument), parseTargetMethod, TARGET_METHODS, "average");
}

/**
 * Reads one name from a fixed list, trimmed and case-insensitive, through
 * `parse`; the fallback when blank.
 *
 * @example
 * readChoice("mode", "stepp", parseTierMode, TIER_MODES, "step")
 * // throws 'mode "stepp" is not one of step, linear, marginal'
 */
export function readChoice<Choice>(
  subject: string,
  value: SheetValue,
  parse: (name: string) => Choice | null,
  names: readonly string[],
  fallback: Choice,
): Choice {
  if (isOmitted(value)) {
    return fallback;
  }
  const choice = typeof value === "string" ? parse(value) : null;
  if (choice === null) {
    throw new ArgumentError(ARGUMENT_MESSAGES.notOneOf(subject, value, names));
  }
  return choice;
}

/**
 * Reads a tier table: rows of (bound, rate), fully blank rows skipped, each
 * number read like any cell, then checked by `validateTiers` (decreasing
 * rates are allowed). With `boundsOnly`, a single column of bounds is
 * accepted too (its rates read as 0).
 *
 * @example
 * readTierTable({ name: "tiers", value: [[0.5, 0.5], [1, 1], ["", ""]] }) // [{ bound: 0.5, rate: 0.5 }, { bound: 1, rate: 1 }]
 * readTierTable({ name: "tiers", value: [[1, 1], [1, 1.5]] }) // throws "tiers row 2 is not ascending"
 */
export function readTierTable(argument: NamedArgument, options: { boundsOnly?: boolean } = {}): Tier[] {
  requireArgument(argument);
  const rows = Array.isArray(argument.value) ? argument.value : [[argument.value]];
  const shape = shapeOf(rows);
  const columnsAllowed = options.boundsOnly === true ? [1, 2] : [2];
  if (!columnsAllowed.includes(shape.columns)) {
    const message = options.boundsOnly === true ? ARGUMENT_MESSAGES.tierBoundColumns : ARGUMENT_MESSAGES.tierColumns;
    throw new ArgumentError(message(argument.name, shape));
  }
  const table = { name: argument.name, value: rows };
  const tiers: Tier[] = [];
  const rowNumbers: number[] = [];
  rows.forEach((_, row) => {
    const bound = readElementNumber(table, elementAt(rows, row, 0), { row, column: 0 });
    const rate = shape.columns === 2 ? readElementNumber(table, elementAt(rows, row, 1), { row, column: 1 }) : 0;
    if (bound === null && rate === null) {
      return;
    }
    if (bound === null || rate === null) {
      throw new ArgumentError(ARGUMENT_MESSAGES.blank(elementSubject(table, { row, column: bound === null ? 0 : 1 })));
    }
    tiers.push({ bound, rate });
    rowNumbers.push(row + 1);
  });
  throwFirstTierError(table, validateTiers(tiers), rowNumbers);
  return tiers;
}

/**
 * Reads a 1 x M or M x 1 argument with one value per metric; a single value
 * stands for every metric.
 *
 * @example
 * readVector({ name: "weights", value: [[0.6], [0.4]] }, 2, "actuals")
 * // [{ value: 0.6, place: { row: 0, column: 0 } }, { value: 0.4, place: { row: 1, column: 0 } }]
 */
export function readVector(argument: NamedArgument, count: number, ofName: string): VectorCell[] {
  if (!Array.isArray(argument.value)) {
    return new Array<VectorCell>(count).fill({ value: argument.value, place: FIRST_PLACE });
  }
  const shape = shapeOf(argument.value);
  const range = argument.value;
  if (isSingleCell(shape)) {
    return new Array<VectorCell>(count).fill({ value: elementAt(range, 0, 0), place: FIRST_PLACE });
  }
  if (shape.rows === 1 && shape.columns === count) {
    return Array.from({ length: count }, (_, column) => ({
      value: elementAt(range, 0, column),
      place: { row: 0, column },
    }));
  }
  if (shape.columns === 1 && shape.rows === count) {
    return Array.from({ length: count }, (_, row) => ({ value: elementAt(range, row, 0), place: { row, column: 0 } }));
  }
  throw new ArgumentError(ARGUMENT_MESSAGES.vectorLength(argument.name, shape, count, ofName));
}

/**
 * Reads every number of an argument row by row, left to right, skipping
 * blanks.
 *
 * @example
 * readNumbersInReadingOrder({ name: "history", value: [[1, ""], [3, 4]] }) // [1, 3, 4]
 */
export function readNumbersInReadingOrder(argument: NamedArgument): number[] {
  requireArgument(argument);
  const { rows, columns } = shapeOf(argument.value);
  const numbers: number[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const place = { row, column };
      const reading = readElementNumber(argument, elementAt(argument.value, row, column), place);
      if (reading !== null) {
        numbers.push(reading);
      }
    }
  }
  return numbers;
}

/**
 * Reads a monthly history in month order. A row (or a single value) and a
 * block of 12 columns (a year per row; also a 12 x 12 block) read row by
 * row; a column and a block of 12 rows (a year per column) read column by
 * column. Blanks stay as null: they make their year incomplete.
 *
 * @example
 * readMonthlyHistory({ name: "monthly_history", value: [[1], [2], [3]] }) // { months: [1, 2, 3], orientation: "column" }
 */
export function readMonthlyHistory(argument: NamedArgument): MonthlyHistory {
  requireArgument(argument);
  const shape = shapeOf(argument.value);
  if (shape.rows === 0 || shape.columns === 0) {
    throw new ArgumentError(ARGUMENT_MESSAGES.empty(argument.name));
  }
  const rowByRow = shape.rows === 1 || shape.columns === MONTHS_IN_YEAR;
  const columnByColumn = !rowByRow && (shape.columns === 1 || shape.rows === MONTHS_IN_YEAR);
  if (!rowByRow && !columnByColumn) {
    throw new ArgumentError(ARGUMENT_MESSAGES.monthlyHistoryShape(argument.name, shape));
  }
  const months: (number | null)[] = [];
  const outer = rowByRow ? shape.rows : shape.columns;
  const inner = rowByRow ? shape.columns : shape.rows;
  for (let first = 0; first < outer; first += 1) {
    for (let second = 0; second < inner; second += 1) {
      const place = rowByRow ? { row: first, column: second } : { row: second, column: first };
      months.push(readElementNumber(argument, elementAt(argument.value, place.row, place.column), place));
    }
  }
  const orientation = shape.columns === 1 && shape.rows > 1 ? "column" : "row";
  return { months, orientation };
}
function throwFirstTierError(
  table: NamedArgument,
  problems: readonly TierProblem[],
  rowNumbers: readonly number[],
): void {
  const error = problems.find((problem) => problem.severity === "error");
  if (error === undefined) {
    return;
  }
  const rowNumber = error.index === null ? 0 : rowNumbers[error.index];
  switch (error.code) {
    case "no_tiers":
      throw new ArgumentError(ARGUMENT_MESSAGES.noRows(table.name));
    case "bound_not_ascending":
      throw new ArgumentError(ARGUMENT_MESSAGES.notAscending(table.name, rowNumber));
    case "rate_negative":
      throw new ArgumentError(ARGUMENT_MESSAGES.negative(elementSubject(table, { row: rowNumber - 1, column: 1 })));
    default:
      // Cells are read as finite numbers, so no other error can occur here.
      throw new ArgumentError(ARGUMENT_MESSAGES.unexpected(error.code));
  }
}
