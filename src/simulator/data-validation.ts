/** Data validation: SpreadsheetApp.newDataValidation() builders, rules, and the check a strict rule makes on write. */
import type { CellContent, ValidationSpec } from "./cell";
import { type Execution, unwrapService } from "./execution";
import { dateMs, isDateLike } from "./realm";
import { instantToWall } from "./time-zone";
import { enumOf } from "./service-enum";
import { signatureError } from "./signature-error";

/** SpreadsheetApp.DataValidationCriteria. */
export const DATA_VALIDATION_CRITERIA = enumOf(
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
);

/** Criteria values as stored: JSON-safe (dates as `{ instant: epochMs }`). */
function storeArg(value: unknown): unknown {
  if (isDateLike(value)) return { instant: dateMs(value) };
  if (Array.isArray(value)) return value.map((v) => storeArg(v));
  return value;
}

function numberArg(value: unknown, method: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw signatureError(`SpreadsheetApp.DataValidationBuilder.${method}`, typeof value);
  return value;
}

function dateArg(value: unknown, method: string): Date {
  if (!isDateLike(value)) throw signatureError(`SpreadsheetApp.DataValidationBuilder.${method}`, typeof value);
  return value;
}

/**
 * A DataValidationBuilder.
 *
 * @example
 * SpreadsheetApp.newDataValidation().requireValueInList(["Yes", "No"]).setAllowInvalid(false).build();
 */
export class DataValidationBuilderService {
  _spec: ValidationSpec;

  constructor(
    readonly _x: Execution,
    spec?: ValidationSpec,
  ) {
    this._spec = spec
      ? { ...spec, values: [...spec.values] }
      : { criteria: "", values: [], allowInvalid: true, helpText: "" };
  }

  _set(criteria: string, values: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.values = values.map((v) => storeArg(v));
    return this._self();
  }

  _self(): this {
    return this._x.expose("DataValidationBuilder", this, {}) as this;
  }

  requireValueInList(values: unknown, showDropdown: unknown = true): this {
    if (!Array.isArray(values)) throw signatureError("SpreadsheetApp.DataValidationBuilder.requireValueInList");
    return this._set("VALUE_IN_LIST", [values.map((v) => String(v)), showDropdown !== false]);
  }
  requireValueInRange(range: unknown, showDropdown: unknown = true): this {
    return this._set("VALUE_IN_RANGE", [
      String((range as { getA1Notation?: () => string })?.getA1Notation?.() ?? ""),
      showDropdown !== false,
    ]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this._set("CHECKBOX", checked === undefined ? [] : [checked, unchecked]);
  }
  requireDate(): this {
    return this._set("DATE_IS_VALID_DATE", []);
  }
  requireDateAfter(date: unknown): this {
    return this._set("DATE_AFTER", [dateArg(date, "requireDateAfter")]);
  }
  requireDateBefore(date: unknown): this {
    return this._set("DATE_BEFORE", [dateArg(date, "requireDateBefore")]);
  }
  requireDateOnOrAfter(date: unknown): this {
    return this._set("DATE_ON_OR_AFTER", [dateArg(date, "requireDateOnOrAfter")]);
  }
  requireDateOnOrBefore(date: unknown): this {
    return this._set("DATE_ON_OR_BEFORE", [dateArg(date, "requireDateOnOrBefore")]);
  }
  requireDateBetween(start: unknown, end: unknown): this {
    return this._set("DATE_BETWEEN", [dateArg(start, "requireDateBetween"), dateArg(end, "requireDateBetween")]);
  }
  requireDateEqualTo(date: unknown): this {
    return this._set("DATE_EQUAL_TO", [dateArg(date, "requireDateEqualTo")]);
  }
  requireNumberBetween(start: unknown, end: unknown): this {
    return this._set("NUMBER_BETWEEN", [
      numberArg(start, "requireNumberBetween"),
      numberArg(end, "requireNumberBetween"),
    ]);
  }
  requireNumberNotBetween(start: unknown, end: unknown): this {
    return this._set("NUMBER_NOT_BETWEEN", [
      numberArg(start, "requireNumberNotBetween"),
      numberArg(end, "requireNumberNotBetween"),
    ]);
  }
  requireNumberEqualTo(n: unknown): this {
    return this._set("NUMBER_EQUAL_TO", [numberArg(n, "requireNumberEqualTo")]);
  }
  requireNumberNotEqualTo(n: unknown): this {
    return this._set("NUMBER_NOT_EQUAL_TO", [numberArg(n, "requireNumberNotEqualTo")]);
  }
  requireNumberGreaterThan(n: unknown): this {
    return this._set("NUMBER_GREATER_THAN", [numberArg(n, "requireNumberGreaterThan")]);
  }
  requireNumberGreaterThanOrEqualTo(n: unknown): this {
    return this._set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [numberArg(n, "requireNumberGreaterThanOrEqualTo")]);
  }
  requireNumberLessThan(n: unknown): this {
    return this._set("NUMBER_LESS_THAN", [numberArg(n, "requireNumberLessThan")]);
  }
  requireNumberLessThanOrEqualTo(n: unknown): this {
    return this._set("NUMBER_LESS_THAN_OR_EQUAL_TO", [numberArg(n, "requireNumberLessThanOrEqualTo")]);
  }
  requireTextContains(text: unknown): this {
    return this._set("TEXT_CONTAINS", [String(text)]);
  }
  requireTextDoesNotContain(text: unknown): this {
    return this._set("TEXT_DOES_NOT_CONTAIN", [String(text)]);
  }
  requireTextEqualTo(text: unknown): this {
    return this._set("TEXT_EQUAL_TO", [String(text)]);
  }
  requireTextIsEmail(): this {
    return this._set("TEXT_IS_VALID_EMAIL", []);
  }
  requireTextIsUrl(): this {
    return this._set("TEXT_IS_VALID_URL", []);
  }
  requireFormulaSatisfied(formula: unknown): this {
    return this._set("CUSTOM_FORMULA", [String(formula)]);
  }
  withCriteria(criteria: unknown, args: unknown): this {
    return this._set(String(criteria), Array.isArray(args) ? args : []);
  }
  setAllowInvalid(allow: unknown): this {
    this._spec.allowInvalid = allow === true;
    return this._self();
  }
  setHelpText(text: unknown): this {
    this._spec.helpText = String(text);
    return this._self();
  }
  build(): DataValidationService {
    if (!this._spec.criteria) throw new Error("You must specify a data validation criteria type.");
    return exposeRule(this._x, { ...this._spec, values: [...this._spec.values] });
  }
}

/**
 * A built DataValidation rule.
 *
 * @example
 * range.getDataValidation().getCriteriaType(); // "VALUE_IN_LIST"
 */
export class DataValidationService {
  constructor(
    readonly _x: Execution,
    readonly _spec: ValidationSpec,
  ) {}

  getCriteriaType(): string {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._spec.values.map((v) => revive(v));
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string {
    return this._spec.helpText;
  }
  copy(): DataValidationBuilderService {
    return this._x.expose("DataValidationBuilder", new DataValidationBuilderService(this._x, this._spec));
  }
}

function revive(value: unknown): unknown {
  if (value && typeof value === "object" && "instant" in value) return new Date((value as { instant: number }).instant);
  if (Array.isArray(value)) return value.map((v) => revive(v));
  return value;
}

/**
 * Wraps a rule spec as a script-visible DataValidation.
 *
 * @example
 * exposeRule(execution, spec).getCriteriaType();
 */
export function exposeRule(execution: Execution, spec: ValidationSpec): DataValidationService {
  return execution.expose("DataValidation", new DataValidationService(execution, spec));
}

/**
 * Reads the rule a script passes to `setDataValidation(s)`: null clears; anything but a built rule throws.
 *
 * @example
 * ruleSpecOf(rule); // { criteria: "VALUE_IN_LIST", ... }
 */
export function ruleSpecOf(value: unknown): ValidationSpec | null {
  if (value === null || value === undefined) return null;
  const rule = unwrapService(value, DataValidationService);
  if (!rule) throw signatureError("SpreadsheetApp.Range.setDataValidation");
  return { ...rule._spec, values: [...rule._spec.values] };
}

function displayOf(content: CellContent): string {
  switch (content.kind) {
    case "text":
      return content.value;
    case "number":
      return String(content.value);
    case "boolean":
      return content.value ? "TRUE" : "FALSE";
    default:
      return "";
  }
}

/**
 * True when content satisfies a rule (criteria the simulator cannot judge pass).
 *
 * @example
 * satisfiesRule({ criteria: "NUMBER_BETWEEN", values: [0, 5], allowInvalid: false, helpText: "" }, { kind: "number", value: 7 }, "UTC"); // false
 */
export function satisfiesRule(spec: ValidationSpec, content: CellContent, timeZone: string): boolean {
  const v = spec.values;
  const num = content.kind === "number" ? content.value : null;
  const wall = content.kind === "date" ? content.wall : null;
  const wallOf = (arg: unknown): number => instantToWall((arg as { instant: number }).instant, timeZone);
  const dayOf = (w: number): number => Math.floor(w / 86_400_000);
  switch (spec.criteria) {
    case "VALUE_IN_LIST":
      return (v[0] as string[]).includes(displayOf(content));
    case "CHECKBOX":
      return v.length === 0 ? content.kind === "boolean" : [v[0], v[1]].map(String).includes(displayOf(content));
    case "NUMBER_BETWEEN":
      return num !== null && num >= (v[0] as number) && num <= (v[1] as number);
    case "NUMBER_NOT_BETWEEN":
      return num !== null && (num < (v[0] as number) || num > (v[1] as number));
    case "NUMBER_EQUAL_TO":
      return num !== null && num === v[0];
    case "NUMBER_NOT_EQUAL_TO":
      return num !== null && num !== v[0];
    case "NUMBER_GREATER_THAN":
      return num !== null && num > (v[0] as number);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return num !== null && num >= (v[0] as number);
    case "NUMBER_LESS_THAN":
      return num !== null && num < (v[0] as number);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return num !== null && num <= (v[0] as number);
    case "DATE_IS_VALID_DATE":
      return wall !== null;
    case "DATE_AFTER":
      return wall !== null && dayOf(wall) > dayOf(wallOf(v[0]));
    case "DATE_BEFORE":
      return wall !== null && dayOf(wall) < dayOf(wallOf(v[0]));
    case "DATE_ON_OR_AFTER":
      return wall !== null && dayOf(wall) >= dayOf(wallOf(v[0]));
    case "DATE_ON_OR_BEFORE":
      return wall !== null && dayOf(wall) <= dayOf(wallOf(v[0]));
    case "DATE_EQUAL_TO":
      return wall !== null && dayOf(wall) === dayOf(wallOf(v[0]));
    case "DATE_BETWEEN":
      return wall !== null && dayOf(wall) >= dayOf(wallOf(v[0])) && dayOf(wall) <= dayOf(wallOf(v[1]));
    default:
      return true;
  }
}
