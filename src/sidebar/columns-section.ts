/**
 * The Setup view's Columns section and its "Fill Targets from history"
 * card. Columns: for Sales and Reps, each of our fields with a select of the
 * sheet's own header texts (the guesses first when a required field was not
 * found), how it is found today ("recognised", "mapped"), the date order,
 * and the words of Sales' Status column with how each is read. Every text
 * from a sheet reaches the page as a text node or an attribute value (see
 * dom.ts), so a header `<img src=x onerror=alert(1)>` is shown as text.
 */
import { el, field, selectBox, uniqueId } from "./dom";
import type {
  ColumnFieldView,
  ColumnsView,
  DateOrderSetting,
  FillTargetsDefaults,
  FillTargetsRequest,
  MappedSheet,
  SaveColumnsRequest,
  SheetColumnsView,
  StageReading,
  StageWordView,
} from "./sidebar-api";
import { t, type TextKey } from "./ui-text";

/** A field's select: which sheet and field it chooses the column of. */
interface FieldSelect {
  sheet: MappedSheet;
  field: string;
  select: HTMLSelectElement;
}

/** The Columns form's controls. */
interface ColumnsControls {
  fields: FieldSelect[];
  dateOrder: HTMLSelectElement;
  stageWords: { word: string; select: HTMLSelectElement }[];
}

/**
 * What the Columns form holds now, as the save call takes it: a field set
 * to "— not in this sheet —" is left out.
 *
 * @example
 * chosenColumns(controls); // { columns: { sales: { rep: "Vendedor", date: "Fecha" }, reps: {} }, dateOrder: "auto", stageWords: { Firmado: "won" } }
 */
function chosenColumns(controls: ColumnsControls): SaveColumnsRequest {
  const columns: SaveColumnsRequest["columns"] = {};
  for (const { sheet, field: name, select } of controls.fields) {
    const chosen = (columns[sheet] ??= {});
    if (select.value !== "") chosen[name] = select.value;
  }
  const stageWords: Record<string, StageReading> = {};
  for (const { word, select } of controls.stageWords) stageWords[word] = select.value as StageReading;
  return { columns, dateOrder: controls.dateOrder.value as DateOrderSetting, stageWords };
}

/**
 * The select's choices: "not in this sheet", then the guesses (for a
 * required field not found), then every other header in the sheet's order.
 *
 * @example
 * headerChoices({ required: true, matched: null, guesses: ["Fecha"], ... }, ["Vendedor", "Fecha"]);
 * // [["", "— not in this sheet —"], ["Fecha", "Fecha"], ["Vendedor", "Vendedor"]]
 */
function headerChoices(column: ColumnFieldView, headers: readonly string[]): [string, string][] {
  const first = column.matched === null && column.required ? column.guesses.filter((g) => headers.includes(g)) : [];
  const ordered = [...new Set([...first, ...headers])];
  return [["", t("notInSheet")], ...ordered.map((h): [string, string] => [h, h])];
}

const FOUND_BY: Record<string, TextKey> = { "built-in": "foundBuiltIn", alias: "foundAlias", mapping: "foundMapping" };

/** How a field's column is found today; null for an optional field not found (the select already says "not in this sheet"). */
function foundNote(column: ColumnFieldView): string | null {
  if (column.how !== null) return t(FOUND_BY[column.how]);
  return column.required ? t("foundNone") : null;
}

function fieldRow(sheet: SheetColumnsView, column: ColumnFieldView, controls: ColumnsControls): HTMLElement {
  const note = foundNote(column);
  const noteId = note === null ? null : uniqueId("column-note");
  const select = selectBox(
    { "data-sheet": sheet.sheet, "data-field": column.field, "aria-describedby": noteId },
    headerChoices(column, sheet.headers),
    column.matched ?? "",
    () => undefined,
  );
  controls.fields.push({ sheet: sheet.sheet, field: column.field, select });
  const label = column.required ? t("requiredField", { field: column.label }) : column.label;
  const missing = column.how === null && column.required;
  return el(
    "div",
    { class: "column-row" },
    field(label, select),
    note === null ? null : el("p", { id: noteId, class: "hint " + (missing ? "missing" : "muted") }, note),
  );
}

function sheetFieldset(sheet: SheetColumnsView, controls: ColumnsControls): HTMLElement {
  if (!sheet.exists || sheet.headerRow === 0) {
    return el(
      "fieldset",
      {},
      el("legend", {}, sheet.sheetName),
      el(
        "p",
        { class: "muted" },
        t(sheet.exists ? "columnsSheetBlank" : "columnsSheetMissing", { sheet: sheet.sheetName }),
      ),
    );
  }
  return el(
    "fieldset",
    { "data-sheet": sheet.sheet },
    el("legend", {}, t("columnsSheet", { sheet: sheet.sheetName, row: sheet.headerRow })),
    ...sheet.fields.map((column) => fieldRow(sheet, column, controls)),
  );
}

const STAGE_SOURCE: Record<StageWordView["source"], TextKey> = {
  "built-in": "stageBuiltIn",
  yours: "stageYours",
  unknown: "stageUnknown",
};

function stageWordsFieldset(columns: ColumnsView, controls: ColumnsControls): HTMLElement {
  if (columns.statusHeader === null)
    return el(
      "fieldset",
      {},
      el("legend", {}, t("stageWords", { column: "Status" })),
      el("p", { class: "muted" }, t("stageWordsNone")),
    );
  const legend = el("legend", {}, t("stageWords", { column: columns.statusHeader }));
  if (columns.stageWords.length === 0)
    return el("fieldset", {}, legend, el("p", { class: "muted" }, t("stageWordsEmpty")));
  const rows = columns.stageWords.map((word) => {
    const noteId = uniqueId("stage-note");
    const choices: [StageReading, string][] = [
      ["won", t("stageWon")],
      ["lost", t("stageLost")],
      ["open", t("stageOpen")],
    ];
    const select = selectBox(
      { "data-word": word.word, "aria-describedby": noteId },
      choices,
      word.reading,
      () => undefined,
    );
    controls.stageWords.push({ word: word.word, select });
    return el(
      "div",
      { class: "column-row" },
      field(t("stageWordLabel", { word: word.word, rows: word.rows }), select),
      el("p", { id: noteId, class: "hint muted" }, t(STAGE_SOURCE[word.source])),
    );
  });
  return el(
    "fieldset",
    {},
    legend,
    ...rows,
    columns.moreStageWords > 0
      ? el("p", { class: "muted" }, t("stageWordsMore", { count: columns.moreStageWords }))
      : null,
  );
}

/**
 * Whether the Columns section should start open: a required field of a
 * sheet that exists was not found.
 *
 * @example
 * needsColumns(columns); // true when Sales' headers are Vendedor, Fecha, Importe
 */
export function needsColumns(columns: ColumnsView): boolean {
  return columns.sheets.some(
    (sheet) => sheet.exists && sheet.headerRow > 0 && sheet.fields.some((f) => f.required && f.how === null),
  );
}

/**
 * The Columns form. `onSave` is called with the form's choices and the
 * button and status region to report in.
 *
 * @example
 * columnsForm(setup.columns, (request, button, status) => save(request, button, status));
 */
export function columnsForm(
  columns: ColumnsView,
  onSave: (request: SaveColumnsRequest, button: HTMLButtonElement, status: HTMLElement) => void,
): HTMLFormElement {
  const dateOrder = selectBox(
    { "data-setting": "dateOrder" },
    [
      ["auto", t("dateOrderAuto")],
      ["dmy", t("dateOrderDmy")],
      ["mdy", t("dateOrderMdy")],
    ],
    columns.dateOrder,
    () => undefined,
  );
  const controls: ColumnsControls = { fields: [], dateOrder, stageWords: [] };
  const sheets = columns.sheets.map((sheet) => sheetFieldset(sheet, controls));
  const stages = stageWordsFieldset(columns, controls);
  const save = el("button", { type: "submit", class: "primary" }, t("saveColumns"));
  const status = el("div", { class: "status", "aria-live": "polite" });
  const form = el(
    "form",
    { novalidate: true, class: "columns-form" },
    el("p", { class: "muted" }, t("columnsHint")),
    ...sheets,
    field(t("dateOrder"), dateOrder),
    stages,
    el("div", { class: "actions" }, save),
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!save.disabled) onSave(chosenColumns(controls), save, status);
  });
  return form;
}

/**
 * The "Fill Targets from history" form: the month and the growth; `onFill`
 * is called with them and the button.
 *
 * @example
 * fillTargetsForm({ period: "2026-05", growthPercent: 10 }, (request, button) => act(button, () => callServer("sidebarFillTargets", request)));
 */
export function fillTargetsForm(
  defaults: FillTargetsDefaults,
  onFill: (request: FillTargetsRequest, button: HTMLButtonElement) => void,
): HTMLFormElement {
  const month = el("input", {
    type: "text",
    inputmode: "numeric",
    maxlength: 7,
    autocomplete: "off",
    spellcheck: "false",
    value: defaults.period,
    "data-input": "fill-month",
  });
  const growth = el("input", {
    type: "number",
    step: "any",
    inputmode: "decimal",
    value: defaults.growthPercent,
    "data-input": "fill-growth",
  });
  const button = el("button", { type: "submit", class: "secondary" }, t("fillTargetsButton"));
  const form = el(
    "form",
    { novalidate: true, class: "fill-targets-form" },
    el("p", { class: "muted" }, t("fillTargetsHint")),
    el("div", { class: "inline-fields" }, field(t("fillTargetsMonth"), month), field(t("fillTargetsGrowth"), growth)),
    el("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // A blank or unreadable growth goes as null, which the server refuses with its rule.
    const typed = growth.value.trim() === "" ? Number.NaN : Number(growth.value);
    if (!button.disabled)
      onFill(
        { period: month.value.trim(), growthPercent: Number.isFinite(typed) ? typed : (null as unknown as number) },
        button,
      );
  });
  return form;
}
