/**
 * How a custom function fails: every failure leaves as a one-line
 * `Error("NAME: what is wrong")` with no stack trace in it, and an argument
 * that cannot be read says which argument and where (1-based within the
 * argument's own range: "row r, column c"; a single value is "row 1").
 */
import { formatShape, shapeOf, type NamedArgument, type Shape } from "./custom-function-values";

/** Every message an argument can fail with (the function name is added by `runCustomFunction`). */
export const ARGUMENT_MESSAGES = Object.freeze({
  missing: (name: string) => `${name} is missing`,
  empty: (name: string) => `${name} is an empty range`,
  notANumber: (subject: string, value: unknown) => `${subject} is not a number (${describeValue(value)})`,
  negative: (subject: string) => `${subject} is negative`,
  blank: (subject: string) => `${subject} is blank`,
  notOneOf: (subject: string, value: unknown, names: readonly string[]) =>
    `${subject} ${describeValue(value)} is not one of ${names.join(", ")}`,
  notSingleValue: (name: string, shape: Shape) => `${name} (${formatShape(shape)}) must be a single value`,
  shapeMismatch: (first: NamedArgument, second: NamedArgument) =>
    `${first.name} (${formatShape(shapeOf(first.value))}) and ${second.name} (${formatShape(
      shapeOf(second.value),
    )}) must have the same shape`,
  vectorLength: (name: string, shape: Shape, count: number, ofName: string) =>
    `${name} (${formatShape(shape)}) must be one row or one column with one value per column of ${ofName} (${count})`,
  tierColumns: (name: string, shape: Shape) => `${name} (${formatShape(shape)}) must have 2 columns: bound and rate`,
  tierBoundColumns: (name: string, shape: Shape) =>
    `${name} (${formatShape(shape)}) must have 1 column (bound) or 2 columns (bound and rate)`,
  noRows: (name: string) => `${name} has no rows`,
  notAscending: (name: string, rowNumber: number) => `${name} row ${rowNumber} is not ascending`,
  noNumbers: (name: string) => `${name} has no numbers`,
  monthlyHistoryShape: (name: string, shape: Shape) =>
    `${name} (${formatShape(shape)}) must be one row, one column, a block of 12 columns (a year per row) or of 12 rows (a year per column)`,
  unexpected: (detail: string) => `could not compute the result (${detail})`,
});

/** An argument that cannot be read; its message is shown to the user. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

const MAX_SHOWN_TEXT_LENGTH = 40;
const LINE_BREAKS = /\s*[\r\n]+\s*/g;

/**
 * Runs a custom function's body; any failure becomes an Error whose message
 * is one line, `NAME: what is wrong`, with no stack trace in it.
 *
 * @example
 * runCustomFunction("BONUS", () => { throw new ArgumentError("mode \"stepp\" is not one of step, linear, marginal"); })
 * // throws Error('BONUS: mode "stepp" is not one of step, linear, marginal')
 */
export function runCustomFunction<Result>(functionName: string, compute: () => Result): Result {
  try {
    return compute();
  } catch (failure) {
    throw new Error(`${functionName}: ${failureText(failure)}`);
  }
}

/**
 * A cell value as a message shows it: text in quotes on one line and cut to
 * 40 characters, TRUE/FALSE, "a date".
 *
 * @example
 * describeValue("abc") // '"abc"'
 * describeValue(true) // "TRUE"
 *
 * @internal Exported only for custom-function-errors.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const line = toOneLine(value);
    return line.length > MAX_SHOWN_TEXT_LENGTH ? `"${line.slice(0, MAX_SHOWN_TEXT_LENGTH)}..."` : `"${line}"`;
  }
  if (typeof value === "boolean") {
    return value ? "TRUE" : "FALSE";
  }
  // toString, not instanceof: a Date from another context is still a date.
  if (Object.prototype.toString.call(value) === "[object Date]") {
    return "a date";
  }
  return toOneLine(String(value));
}

function failureText(failure: unknown): string {
  if (failure instanceof ArgumentError) {
    return toOneLine(failure.message);
  }
  const detail = failure instanceof Error ? failure.message : String(failure);
  return ARGUMENT_MESSAGES.unexpected(toOneLine(detail));
}

function toOneLine(text: string): string {
  return text.replace(LINE_BREAKS, " ").trim();
}
