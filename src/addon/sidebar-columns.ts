/**
 * The Columns section's server side: for Sales and Reps, each of our fields
 * and the sheet's column the runs use for it (our own header, a CRM alias,
 * or the manager's mapping), the date order, and the distinct words of
 * Sales' Status column with how each is read; and saving a manager's
 * choices into the settings every run reads (`columns`, `dateOrder`,
 * `stageWords`).
 *
 * A save is checked at the edge: zod for its shape, then each field must be
 * one of the sheet's and each header one of the texts of the sheet's header
 * row, because a mapping to a header the sheet does not have would silently
 * map nothing. A refused save writes nothing. Stored is only what differs
 * from what the add-on finds by itself, so a column later renamed to our
 * own header, or a word the add-on knows, needs no setting.
 */
import * as z from "zod/mini";
import type { Language } from "../core/plan-model";
import { catalogueText, type Localized } from "../core/localized-text";
import { describeHeaders } from "../tables/header-matching";
import { INPUT_SHEETS } from "../tables/input-columns";
import { isCellFailure } from "../tables/cell-values";
import {
  normalizeStage,
  stageDictionary,
  statusOf,
  statusReader,
  tallyStage,
  type StageTally,
} from "../tables/stage-reading";
import type {
  ActionResult,
  ColumnsView,
  MappedSheet,
  SaveColumnsRequest,
  SheetColumnsView,
  StageReading,
  StageWordView,
} from "../sidebar/sidebar-api";
import { withRunGuard } from "./guarded-action";
import { requestSchema, type RequestCheck } from "./request-schema";
import { runLanguage, settingsOf, storeSettings, validateSettings, type Settings } from "./settings";
import { fieldColumns, headerSearchRows } from "./setup-sheets";
import MESSAGES from "./sidebar-columns-text.json";
import SHEET_LABEL_TEXT from "./sheet-labels.json";

/** The sheets the Columns section maps, in its order. */
const MAPPED_SHEETS: readonly MappedSheet[] = ["sales", "reps"];

/** Distinct Status words listed; the rest are counted. */
const STAGE_WORDS_SHOWN = 30;

const SHEET_LABELS: Readonly<Record<MappedSheet, Localized>> = SHEET_LABEL_TEXT;

const text = catalogueText(MESSAGES);

/** A header or word quoted back: cut when long, so a message stays one short line. */
function quoted(value: string): string {
  return value.length > 40 ? value.slice(0, 39) + "…" : value;
}

// ---------------------------------------------------------------- reading a sheet's header row

/** A sheet's first rows (where the header row is looked for); null when the sheet is missing. */
function topRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? headerSearchRows(sheet) : null;
}

/**
 * One mapped sheet as the Columns section shows it.
 *
 * @example
 * sheetColumns("sales", [["Vendedor", "Fecha", "Importe", "Cliente"]], "Sales", {}, "en").fields[0];
 * // { field: "date", label: "Date", required: true, matched: null, how: null, guesses: ["Fecha", ...] }
 */
function sheetColumns(
  sheet: MappedSheet,
  values: unknown[][] | null,
  sheetName: string,
  mapping: Record<string, string>,
  language: Language,
): SheetColumnsView {
  const described = describeHeaders(values ?? [], sheet, mapping);
  return {
    sheet,
    sheetName,
    exists: values !== null,
    headerRow: values && values.length > 0 ? described.headerRow : 0,
    headers: described.headers,
    fields: described.fields.map((f) => ({
      field: f.field,
      label: f.label[language],
      required: f.required,
      matched: f.matched,
      how: f.how,
      guesses: f.guesses,
    })),
  };
}

// ---------------------------------------------------------------- stage words

const SOURCE_OF_KNOWN = { "built-in": "built-in", own: "yours", unknown: "unknown", blank: "built-in" } as const;

/**
 * How a Status word is read, as the runs read it: the manager's own words
 * first, then the built-in ones; any other word is a deal still open.
 *
 * @example
 * stageWordReading("Closed Won", {});                // { reading: "won", source: "built-in" }
 * stageWordReading("Firmado", { firmado: "won" });   // { reading: "won", source: "yours" }
 * stageWordReading("Negotiation", {});               // { reading: "open", source: "unknown" }
 */
function stageWordReading(
  word: string,
  own: Readonly<Record<string, StageReading>>,
): { reading: StageReading; source: StageWordView["source"] } {
  const stage = statusOf(word, stageDictionary(own));
  // Words here come from the sheet's text cells; one that is no stage word is shown as open, as nothing counts it.
  if (isCellFailure(stage)) return { reading: "open", source: "unknown" };
  return { reading: stage.status, source: SOURCE_OF_KNOWN[stage.known] };
}

/**
 * The distinct words of a Status column (compared as the runs compare
 * them), most frequent first, each with how it is read.
 *
 * @example
 * stageWordsOf(["Closed Won", "closed won", "Perdido"], {});
 * // [{ word: "Closed Won", rows: 2, reading: "won", source: "built-in" },
 * //  { word: "Perdido", rows: 1, reading: "open", source: "unknown" }]
 */
function stageWordsOf(cells: readonly unknown[], own: Readonly<Record<string, StageReading>>): StageWordView[] {
  // The runs' own cached reader: a long Status column holds a handful of words.
  const read = statusReader(stageDictionary(own));
  const tally: StageTally = new Map();
  for (const cell of cells) {
    const stage = read(cell);
    if (!isCellFailure(stage)) tallyStage(tally, stage);
  }
  return [...tally.values()]
    .sort((a, b) => b.rows - a.rows)
    .map((entry) => ({
      word: entry.word,
      rows: entry.rows,
      reading: entry.status,
      source: SOURCE_OF_KNOWN[entry.known],
    }));
}

/** The cells of Sales' Status column below its header row ([] when it has none). */
function statusCells(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, top: unknown[][]): unknown[] {
  const sheet = ss.getSheetByName(settings.sheets.sales);
  const { headerRow, column } = fieldColumns(top, "sales", settings.columns.sales);
  const rows = sheet ? sheet.getLastRow() - headerRow : 0;
  return sheet && column.status >= 0 && rows > 0
    ? sheet
        .getRange(headerRow + 1, column.status + 1, rows, 1)
        .getValues()
        .map((row) => row[0])
    : [];
}

// ---------------------------------------------------------------- the view

/**
 * What the Columns section shows: Sales and Reps with their fields, the
 * date order and Sales' Status words.
 *
 * @example
 * columnsView(ss, settings, "en").sheets[0].fields.find((f) => f.field === "rep")?.how; // "alias"
 */
export function columnsView(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  language: Language,
): ColumnsView {
  const tops = new Map(MAPPED_SHEETS.map((sheet) => [sheet, topRows(ss, settings.sheets[sheet])]));
  const sheets = MAPPED_SHEETS.map((sheet) =>
    sheetColumns(sheet, tops.get(sheet) ?? null, settings.sheets[sheet], settings.columns[sheet] ?? {}, language),
  );
  const sales = sheets[0];
  const statusHeader = sales.fields.find((f) => f.field === "status")?.matched ?? null;
  const words =
    statusHeader === null ? [] : stageWordsOf(statusCells(ss, settings, tops.get("sales") ?? []), settings.stageWords);
  return {
    sheets,
    dateOrder: settings.dateOrder,
    statusHeader,
    stageWords: words.slice(0, STAGE_WORDS_SHOWN),
    moreStageWords: Math.max(0, words.length - STAGE_WORDS_SHOWN),
  };
}

// ---------------------------------------------------------------- checking a save

// Built on first use (z.lazy), like every schema here: most executions, each custom-function cell among them,
// never check this, and building zod schemas was most of the script's work at load.
const fieldToHeader = z.lazy(() =>
  z.record(
    z.string("headerText"),
    z.string("headerText").check(z.trim(), z.minLength(1, "headerText"), z.maxLength(200, "headerText")),
  ),
);

const SaveColumnsSchema = z.lazy(() =>
  requestSchema<SaveColumnsRequest>()(
    z.strictObject(
      {
        columns: z.strictObject({ sales: z.optional(fieldToHeader), reps: z.optional(fieldToHeader) }, "unknownSheet"),
        dateOrder: z.enum(["auto", "dmy", "mdy"], "dateOrder"),
        stageWords: z.record(
          z.string("shape").check(z.trim(), z.minLength(1, "shape"), z.maxLength(200, "shape")),
          z.enum(["won", "lost", "open"], "stageReading"),
        ),
      },
      "shape",
    ),
  ),
);

function zodMessage(issue: z.core.$ZodIssue, language: Language): string {
  if (issue.code === "unrecognized_keys" && issue.path[0] === "columns")
    return text("unknownSheet", language, { sheet: issue.keys.join(", ") });
  if (issue.path[0] === "stageWords" && issue.message === "stageReading")
    return text("stageReading", language, { word: quoted(String(issue.path[1] ?? "")) });
  const key = issue.message in MESSAGES ? (issue.message as keyof typeof MESSAGES) : "shape";
  return text(key === "unknownSheet" ? "shape" : key, language, { sheet: "" });
}

/** The problems of one sheet's chosen headers against its fields and header row. */
function mappingProblems(
  sheet: MappedSheet,
  chosen: Record<string, string>,
  top: unknown[][] | null,
  settings: Settings,
  language: Language,
): string[] {
  const label = SHEET_LABELS[sheet][language];
  const fields: string[] = INPUT_SHEETS[sheet].columns.map((c) => c.field);
  const unknown = Object.keys(chosen).filter((field) => !fields.includes(field));
  if (unknown.length > 0)
    return [text("unknownField", language, { sheet: label, field: quoted(unknown[0]), fields: fields.join(", ") })];
  if (Object.keys(chosen).length === 0) return [];
  if (top === null) return [text("noSheet", language, { sheet: label, name: settings.sheets[sheet] })];
  const described = describeHeaders(top, sheet);
  const problems: string[] = [];
  const byHeader = new Map<string, string>();
  for (const [field, header] of Object.entries(chosen)) {
    if (!described.headers.includes(header)) {
      problems.push(text("notInRow", language, { sheet: label, header: quoted(header), row: described.headerRow }));
      continue;
    }
    const first = byHeader.get(header);
    if (first !== undefined)
      problems.push(text("twice", language, { sheet: label, header: quoted(header), first, second: field }));
    else byHeader.set(header, field);
  }
  return problems;
}

/**
 * Checks what the Columns section sends: its shape (zod), then each sheet's
 * fields (ours only) and headers (texts of that sheet's header row, each for
 * one field). A problem comes back as one line in `language`.
 *
 * @example
 * checkColumnsRequest(ss, settings, { columns: { sales: { rep: "Nope" } }, dateOrder: "auto", stageWords: {} }, "en");
 * // { ok: false, message: 'Sales sheet has no column "Nope" in its header row (row 1).' }
 */
export function checkColumnsRequest(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  request: unknown,
  language: Language,
): RequestCheck<SaveColumnsRequest> {
  const parsed = SaveColumnsSchema.safeParse(request);
  if (!parsed.success) return { ok: false, message: zodMessage(parsed.error.issues[0], language) };
  const problems = MAPPED_SHEETS.flatMap((sheet) => {
    const chosen = parsed.data.columns[sheet];
    return chosen === undefined
      ? []
      : mappingProblems(sheet, chosen, topRows(ss, settings.sheets[sheet]), settings, language);
  });
  if (problems.length > 0) return { ok: false, message: problems.slice(0, 3).join(language === "zh" ? "" : " ") };
  return { ok: true, request: parsed.data };
}

// ---------------------------------------------------------------- saving

/**
 * The mapping to store for one sheet: the chosen headers that differ from
 * what the add-on finds without a mapping.
 *
 * @example
 * mappingToStore("sales", [["Date", "Vendedor"]], { date: "Date", rep: "Vendedor" }); // { rep: "Vendedor" }
 */
function mappingToStore(sheet: MappedSheet, top: unknown[][], chosen: Record<string, string>): Record<string, string> {
  const found = new Map(describeHeaders(top, sheet).fields.map((f) => [f.field, f.matched]));
  return Object.fromEntries(Object.entries(chosen).filter(([field, header]) => found.get(field) !== header));
}

/**
 * The stage words to store: the stored ones, with each listed word set to
 * its chosen reading, or dropped when that is how the add-on reads it anyway.
 *
 * @example
 * mergeStageWords({ firmado: "won" }, { Firmado: "won", "Closed Won": "won", Stalled: "lost" });
 * // { firmado: "won", Stalled: "lost" }
 */
function mergeStageWords(
  stored: Readonly<Record<string, StageReading>>,
  chosen: Readonly<Record<string, StageReading>>,
): Record<string, StageReading> {
  const merged = new Map(Object.entries(stored).map(([word, reading]) => [normalizeStage(word), { word, reading }]));
  for (const [word, reading] of Object.entries(chosen)) {
    const key = normalizeStage(word);
    const builtIn = stageWordReading(word, {});
    if (builtIn.reading === reading) merged.delete(key);
    else merged.set(key, { word: merged.get(key)?.word ?? word, reading });
  }
  return Object.fromEntries([...merged.values()].map(({ word, reading }) => [word, reading]));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function storeColumns(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  current: Settings,
  request: SaveColumnsRequest,
  language: Language,
  store: (settings: Settings) => void,
): ActionResult {
  const columns = { ...current.columns };
  for (const sheet of MAPPED_SHEETS) {
    const chosen = request.columns[sheet];
    if (chosen === undefined) continue;
    const mapping = mappingToStore(sheet, topRows(ss, current.sheets[sheet]) ?? [], chosen);
    if (Object.keys(mapping).length > 0) columns[sheet] = mapping;
    else delete columns[sheet];
  }
  const next = validateSettings(
    { columns, dateOrder: request.dateOrder, stageWords: mergeStageWords(current.stageWords, request.stageWords) },
    current,
  );
  // The request's checks are stricter than the stored settings' rules, so this guards against drift between them.
  if (!next.ok) throw new Error(text("invalidStored", language, { errors: next.errors.join("; ") }));
  const { columns: after, dateOrder, stageWords } = next.settings;
  if (sameJson(after, current.columns) && dateOrder === current.dateOrder && sameJson(stageWords, current.stageWords))
    return { outcome: "nothing to do", message: text("unchanged", language) };
  store(next.settings);
  return {
    outcome: "done",
    message: text("saved", language, {
      sheets: MAPPED_SHEETS.map((s) => current.sheets[s]).join(language === "zh" ? "、" : " and "),
    }),
  };
}

/**
 * Saves checked columns (see {@link checkColumnsRequest}) under the run
 * guard: refused, writing only a Run log row, while a run or another action
 * holds the spreadsheet.
 *
 * @example
 * saveCheckedColumns(ss, { columns: { sales: { rep: "Vendedor" } }, dateOrder: "dmy", stageWords: {} });
 * // { ok: true, result: { outcome: "done", message: "Columns saved: ..." } }
 */
export function saveCheckedColumns(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: SaveColumnsRequest,
): { ok: true; result: ActionResult } | { ok: false; reason: "already_running" } {
  const outcome = withRunGuard(ss, "sidebar", (state) => {
    const current = settingsOf(state);
    return storeColumns(ss, current, request, runLanguage(current, ss.getSpreadsheetLocale()), (settings) =>
      storeSettings(ss, state, settings),
    );
  });
  return outcome.ok ? { ok: true, result: outcome.value } : outcome;
}
