/**
 * The Settings section's server side: the settings as the Setup view edits
 * them (sheet names with their labels, language, start period, where Sales
 * come from, and the defaults "Reset to defaults" fills in), and saving a
 * manager's changes. Choosing a BigQuery table asks for the BigQuery scope
 * right away (granular consent) and checks the table can be read.
 *
 * A save is checked with zod at the edge, where every problem becomes one
 * line in the spreadsheet's language naming the field (the manager typed
 * it, so the message must say which box is wrong); then merged over the
 * stored settings through `validateSettings` (the schedule's day and hour
 * stay as they are) and written under the run guard, like every action
 * that writes.
 */
import * as z from "zod/mini";
import type { Language } from "../core/plan-model";
import { catalogueText, type Localized } from "../core/localized-text";
import { formatProblem } from "../core/problems";
import type { ActionResult, SaveSettingsRequest, SettingsValues, SettingsView } from "../sidebar/sidebar-api";
import { advancedBigQuery, askForBigQueryConsent, type ConsentService, readTableColumns } from "./bigquery-source";
import { withRunGuard } from "./guarded-action";
import { checkRequest, requestSchema, type RequestCheck } from "./request-schema";
import { DEFAULT_SHEET_NAMES, type SheetRole } from "../tables/sheet-roles";
import {
  defaultSettings,
  isProjectId,
  runLanguage,
  settingsOf,
  storeSettings,
  tablePathParts,
  validateSettings,
  type Settings,
} from "./settings";
import type { SpreadsheetState } from "./spreadsheet-state";
import MESSAGES from "./sidebar-settings-text.json";
import SHEET_LABEL_TEXT from "./sheet-labels.json";

/** Every sheet role, inputs first then outputs (the order of the defaults, and of the form). */
const SHEET_ROLES = Object.keys(DEFAULT_SHEET_NAMES) as SheetRole[];

/** The sheets the runs write; the others they only read. */
const OUTPUT_ROLES: ReadonlySet<SheetRole> = new Set<SheetRole>([
  "results",
  "payouts",
  "reviews",
  "dashboard",
  "runLog",
  "problems",
]);

/** Sheets refuses longer sheet names. */
const MAX_SHEET_NAME_LENGTH = 100;

/** The characters Sheets refuses in a sheet name. */
const FORBIDDEN_SHEET_NAME_CHARACTERS = ["[", "]", "*", "?", "/", "\\", ":"] as const;

const FORBIDDEN = /[[\]*?/\\:]/;
// A line break would also break the one-line error messages that quote the name.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern finds.
const CONTROL = /[\u0000-\u001f\u007f]/;
const START_PERIOD = /^(\d{4}-(0[1-9]|1[0-2]))?$/;

/** Longest stretch of a typed name quoted back in a message. */
const QUOTED_NAME_LENGTH = 40;

// ---------------------------------------------------------------- text

/** Each sheet's field label; error messages name the field with it. */
const SHEET_LABELS: Readonly<Record<SheetRole, Localized>> = SHEET_LABEL_TEXT;

/** The characters Sheets refuses in a sheet name, as the forbidden message lists them. */
const FORBIDDEN_LIST = FORBIDDEN_SHEET_NAME_CHARACTERS.join(" ");

const text = catalogueText(MESSAGES);

/** A list in running text: "a, b" in English, "a、b" in Chinese. */
function listOf(items: readonly string[], language: Language): string {
  return items.join(language === "zh" ? "、" : ", ");
}

/** A typed name quoted back: cut when long, so a message stays short. */
function quoted(name: string): string {
  return name.length > QUOTED_NAME_LENGTH ? name.slice(0, QUOTED_NAME_LENGTH - 1) + "…" : name;
}

// ---------------------------------------------------------------- the view

function editable(settings: Settings): SettingsValues {
  return {
    sheets: { ...settings.sheets },
    language: settings.language,
    startPeriod: settings.startPeriod,
    salesSource: { ...settings.salesSource },
  };
}

/**
 * What the Settings section shows: the stored settings, the defaults, and
 * a labelled field per sheet (inputs, then outputs).
 *
 * @example
 * settingsView(defaultSettings(), "en").fields[1]; // { role: "sales", label: "Sales sheet", output: false }
 */
export function settingsView(settings: Settings, language: Language): SettingsView {
  return {
    current: editable(settings),
    defaults: editable(defaultSettings()),
    fields: SHEET_ROLES.map((role) => ({ role, label: SHEET_LABELS[role][language], output: OUTPUT_ROLES.has(role) })),
  };
}

// ---------------------------------------------------------------- checking a request

// Built on first use (z.lazy), like every schema here: most executions, each custom-function cell among them,
// never check this, and building zod schemas was most of the script's work at load.
// Each check's message is a code; issueMessage turns it into text in the spreadsheet's language.
const sheetNameField = z.lazy(() =>
  z.string("notText").check(
    z.trim(),
    z.minLength(1, "blank"),
    z.maxLength(MAX_SHEET_NAME_LENGTH, "tooLong"),
    z.refine((name) => !FORBIDDEN.test(name), "forbidden"),
    z.refine((name) => !CONTROL.test(name), "control"),
  ),
);

/**
 * Sheets compares sheet names ignoring case, so "Sales" and "sales" are one
 * name; the later field is the one reported, naming the earlier.
 */
function reportDuplicates(
  sheets: Record<SheetRole, string>,
  ctx: z.core.$RefinementCtx<Record<SheetRole, string>>,
): void {
  const seen = new Map<string, SheetRole>();
  for (const role of SHEET_ROLES) {
    // Runs even when a field failed its own checks, so a value may not be text.
    const name: unknown = sheets[role];
    if (typeof name !== "string" || name === "") continue;
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined)
      ctx.addIssue({ code: "custom", message: "duplicate", path: [role], input: name, params: { other } });
    else seen.set(key, role);
  }
}

const SheetNamesSchema = z.lazy(() =>
  z
    .strictObject(
      Object.fromEntries(SHEET_ROLES.map((role) => [role, sheetNameField])) as Record<SheetRole, typeof sheetNameField>,
      "sheetsShape",
    )
    .check(z.superRefine(reportDuplicates)),
);

const SalesSourceSchema = z.lazy(() =>
  z.union(
    [
      z.strictObject({ kind: z.literal("sheet") }),
      z.strictObject({
        kind: z.literal("bigquery"),
        table: z.string("bigQueryTable").check(
          z.trim(),
          z.refine((path) => tablePathParts(path) !== null, "bigQueryTable"),
        ),
        billingProject: z.string("billingProject").check(z.trim(), z.refine(isProjectId, "billingProject")),
      }),
    ],
    "salesSource",
  ),
);

const SaveSettingsRequestSchema = z.lazy(() =>
  requestSchema<SaveSettingsRequest>()(
    z.strictObject(
      {
        sheets: SheetNamesSchema,
        language: z.enum(["auto", "en", "zh"], "language"),
        startPeriod: z.string("startPeriodText").check(z.trim(), z.regex(START_PERIOD, "startPeriod")),
        salesSource: z.optional(SalesSourceSchema),
      },
      "shape",
    ),
  ),
);

function fieldAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path)
    at = at !== null && typeof at === "object" ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

function isRole(key: PropertyKey | undefined): key is SheetRole {
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(DEFAULT_SHEET_NAMES, key);
}

function sheetNameMessage(issue: z.core.$ZodIssue, role: SheetRole, typed: unknown, language: Language): string {
  const field = SHEET_LABELS[role][language];
  const name = typeof typed === "string" ? typed.trim() : "";
  switch (issue.message) {
    case "blank":
      return text("blank", language, { field });
    case "tooLong":
      return text("tooLong", language, { field, length: name.length, max: MAX_SHEET_NAME_LENGTH });
    case "forbidden":
      return text("forbidden", language, {
        field,
        name: quoted(name),
        char: FORBIDDEN_SHEET_NAME_CHARACTERS.find((c) => name.includes(c)) ?? "",
        forbiddenList: FORBIDDEN_LIST,
      });
    case "control":
      return text("control", language, { field });
    case "duplicate": {
      const other = (issue as { params?: { other?: SheetRole } }).params?.other;
      return text("duplicate", language, {
        field,
        name: quoted(name),
        other: other ? SHEET_LABELS[other][language] : "",
      });
    }
    default:
      return text("notText", language, { field });
  }
}

/**
 * A Sales source problem: the table or project as typed, quoted back. A union's failure names no branch, so
 * the typed kind tells which fields to check.
 */
function salesSourceMessage(issue: z.core.$ZodIssue, request: unknown, language: Language): string {
  const source = fieldAt(request, ["salesSource"]) as Partial<Record<string, unknown>> | undefined;
  if (source?.kind !== "bigquery") return text("salesSource", language);
  const table = typeof source.table === "string" ? source.table.trim() : "";
  const project = typeof source.billingProject === "string" ? source.billingProject.trim() : "";
  if (tablePathParts(table) === null) return text("bigQueryTable", language, { value: quoted(table) });
  if (!isProjectId(project)) return text("billingProject", language, { value: quoted(project) });
  return issue.message === "salesSource" ? text("salesSource", language) : text("shape", language);
}

/** One problem as a sentence naming its field. */
function issueMessage(issue: z.core.$ZodIssue, request: unknown, language: Language): string {
  const [top, second] = issue.path;
  if (issue.code === "unrecognized_keys")
    return text("unknownField", language, {
      fields: issue.keys.map((key) => [...issue.path, key].join(".")).join(", "),
    });
  if (top === "sheets" && isRole(second))
    return sheetNameMessage(issue, second, fieldAt(request, issue.path), language);
  if (top === "sheets") return text("sheetsShape", language);
  if (top === "language") return text("language", language);
  if (top === "salesSource") return salesSourceMessage(issue, request, language);
  if (top === "startPeriod") {
    const typed = fieldAt(request, issue.path);
    return typeof typed === "string"
      ? text("startPeriod", language, { value: quoted(typed.trim()) })
      : text("startPeriodText", language);
  }
  return text("shape", language);
}

/** The first problem of each field, at most this many, make the message. */
const MESSAGES_SHOWN = 3;

/**
 * Checks what the Setup view sends: every sheet's name (trimmed; not blank,
 * at most 100 characters, none of `[ ] * ? / \ :` or control characters,
 * no two the same ignoring case), the language (auto, en, zh) and the start
 * period (blank or `YYYY-MM`). A problem comes back as one line in
 * `language`, naming the field.
 *
 * @example
 * const sheets = { ...DEFAULT_SHEET_NAMES, sales: "Deals/2026" };
 * checkSettingsRequest({ sheets, language: "auto", startPeriod: "" }, "en");
 * // { ok: false, message: 'Sales sheet name "Deals/2026" contains /, which Sheets does not allow in sheet names
 * //   ([ ] * ? / \ :).' }
 */
export function checkSettingsRequest(request: unknown, language: Language): RequestCheck<SettingsValues> {
  return checkRequest(SaveSettingsRequestSchema, request, (issues) => {
    const firstPerField = new Map<string, z.core.$ZodIssue>();
    for (const issue of issues) {
      const key = issue.path.join(".");
      if (!firstPerField.has(key)) firstPerField.set(key, issue);
    }
    const lines = [...firstPerField.values()]
      .slice(0, MESSAGES_SHOWN)
      .map((issue) => issueMessage(issue, request, language));
    return lines.join(language === "zh" ? "" : " ");
  });
}

// ---------------------------------------------------------------- saving

/** The labels of the fields whose values differ, in form order. */
function changedFields(
  before: Settings,
  after: Settings,
  language: Language,
): { labels: string[]; sheetsRenamed: boolean } {
  const renamed = SHEET_ROLES.filter((role) => before.sheets[role] !== after.sheets[role]);
  const labels = renamed.map((role) => SHEET_LABELS[role][language]);
  if (before.language !== after.language) labels.push(text("languageField", language));
  if (before.startPeriod !== after.startPeriod) labels.push(text("startPeriodField", language));
  if (JSON.stringify(before.salesSource) !== JSON.stringify(after.salesSource))
    labels.push(text("salesSourceField", language));
  return { labels, sheetsRenamed: renamed.length > 0 };
}

function storeChecked(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  request: SettingsValues,
): { result: ActionResult; settings: Settings } {
  const current = settingsOf(state);
  const merged = validateSettings(request, current);
  // The request's rules include the stored settings' rules, so this is a guard against drift between them.
  if (!merged.ok)
    throw new Error(
      text("invalidStored", runLanguage(current, ss.getSpreadsheetLocale()), { errors: merged.errors.join("; ") }),
    );
  // Answered in the new language: the sidebar reloads in it.
  const language = runLanguage(merged.settings, ss.getSpreadsheetLocale());
  const changed = changedFields(current, merged.settings, language);
  if (changed.labels.length === 0)
    return { result: { outcome: "nothing to do", message: text("unchanged", language) }, settings: merged.settings };
  storeSettings(ss, state, merged.settings);
  const message =
    text("saved", language, { fields: listOf(changed.labels, language) }) +
    (changed.sheetsRenamed ? text("renamedHint", language) : "");
  return { result: { outcome: "done", message }, settings: merged.settings };
}

/** How long Settings waits for BigQuery to describe the table. */
const TABLE_CHECK_MS = 20_000;

/**
 * With a BigQuery source: asks for the BigQuery scope now, while a person
 * is here (the consent prompt ends this call when it shows; the source is
 * saved already, so saving again after allowing finishes the check), then
 * reads the table's description and says what a run will find, or why it
 * cannot read it yet.
 */
function checkedSource(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  result: ActionResult,
): ActionResult {
  const source = settings.salesSource;
  if (source.kind !== "bigquery") return result;
  const scriptApp = ScriptApp as unknown as ConsentService;
  askForBigQueryConsent(scriptApp);
  const language = runLanguage(settings, ss.getSpreadsheetLocale());
  const table = readTableColumns({
    bigQuery: advancedBigQuery(),
    scriptApp,
    source,
    salesSheet: settings.sheets.sales,
    now: () => Date.now(),
    deadline: Date.now() + TABLE_CHECK_MS,
  });
  const note = table.ok
    ? text("tableChecked", language, { table: source.table, rows: table.value.rows })
    : text("tableProblem", language, { problem: formatProblem(table.problem, language) });
  return { outcome: table.ok ? result.outcome : "failed", message: result.message + note };
}

/**
 * Saves checked settings (see {@link checkSettingsRequest}) over the stored
 * ones under the run guard; the schedule's day and hour are kept. Refused,
 * writing only a Run log row, while a run or another action holds the
 * spreadsheet.
 *
 * @example
 * saveCheckedSettings(ss, { sheets: { ...DEFAULT_SHEET_NAMES, sales: "Deals" }, language: "zh", startPeriod: "" });
 * // { ok: true, result: { outcome: "done", message: "设置已保存：销售记录表、语言。..." } }
 */
export function saveCheckedSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: SettingsValues,
): { ok: true; result: ActionResult } | { ok: false; reason: "already_running" } {
  const outcome = withRunGuard(ss, "sidebar", (state) => storeChecked(ss, state, request));
  if (!outcome.ok) return outcome;
  return { ok: true, result: checkedSource(ss, outcome.value.settings, outcome.value.result) };
}
