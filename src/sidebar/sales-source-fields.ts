/**
 * The Settings form's Sales source: this spreadsheet's Sales sheet, or a
 * BigQuery table (`project.dataset.table`) and the project its queries are
 * billed to. The table fields show only for BigQuery. Saving a BigQuery
 * source asks for BigQuery access (README, "Sales in a warehouse").
 */
import { el, field, uniqueId } from "./dom";
import type { SalesSourceValues } from "./sidebar-api";
import { t } from "./ui-text";

/** The controls of the Sales source, and its value as the save call takes it. */
export interface SalesSourceFields {
  element: HTMLElement;
  value(): SalesSourceValues;
  fill(values: SalesSourceValues | undefined): void;
}

/**
 * The Sales source fieldset; `onChange` runs on every change (the form's unsaved-changes note).
 *
 * @example
 * const source = salesSourceFields(() => markDirty());
 * source.fill({ kind: "bigquery", table: "acme-sales.crm.deals", billingProject: "acme-sales" });
 * source.value(); // { kind: "bigquery", table: "acme-sales.crm.deals", billingProject: "acme-sales" }
 */
export function salesSourceFields(onChange: () => void): SalesSourceFields {
  const table = textInput("acme-sales.crm.deals", "bigquery-table");
  const billingProject = textInput("acme-sales", "billing-project");
  const warehouse = el(
    "div",
    { class: "bigquery-source" },
    field(t("salesSourceTable"), table),
    field(t("salesSourceBillingProject"), billingProject),
    el("p", { class: "muted hint" }, t("salesSourceHint")),
  );
  // Two choices: radio buttons, which the arrow keys move between, in one named group per form.
  const group = uniqueId("sales-source");
  const choice = (kind: SalesSourceValues["kind"]): HTMLInputElement =>
    el("input", { type: "radio", name: group, value: kind, "data-field": "sales-source" });
  const sheet = choice("sheet");
  const bigquery = choice("bigquery");
  const option = (input: HTMLInputElement, label: string) => el("label", { class: "choice" }, input, " ", label);
  const element = el(
    "fieldset",
    { class: "sales-source" },
    el("legend", {}, t("salesSourceLegend")),
    option(sheet, t("salesSourceSheet")),
    option(bigquery, t("salesSourceBigQuery")),
    warehouse,
  );
  element.addEventListener("change", (event) => {
    if (event.target === sheet || event.target === bigquery) warehouse.hidden = !bigquery.checked;
    onChange();
  });
  return {
    element,
    value: () =>
      bigquery.checked
        ? { kind: "bigquery", table: table.value, billingProject: billingProject.value }
        : { kind: "sheet" },
    fill(values) {
      const source = values ?? { kind: "sheet" };
      sheet.checked = source.kind === "sheet";
      bigquery.checked = source.kind === "bigquery";
      table.value = source.kind === "bigquery" ? source.table : "";
      billingProject.value = source.kind === "bigquery" ? source.billingProject : "";
      warehouse.hidden = source.kind !== "bigquery";
    },
  };
}

function textInput(placeholder: string, name: string): HTMLInputElement {
  return el("input", {
    type: "text",
    placeholder,
    maxlength: 1100,
    autocomplete: "off",
    spellcheck: "false",
    "data-field": name,
  });
}

/**
 * Whether two Sales sources are the same once trimmed (a missing one is the Sales sheet).
 *
 * @example
 * sameSalesSource({ kind: "sheet" }, undefined); // true
 */
export function sameSalesSource(a: SalesSourceValues | undefined, b: SalesSourceValues | undefined): boolean {
  const x = a ?? { kind: "sheet" };
  const y = b ?? { kind: "sheet" };
  if (x.kind !== y.kind) return false;
  if (x.kind === "sheet" || y.kind === "sheet") return true;
  return x.table.trim() === y.table.trim() && x.billingProject.trim() === y.billingProject.trim();
}
