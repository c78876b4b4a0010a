/**
 * The add-on's settings: sheet names, language, start period, the day and
 * hour of the month at which the previous month becomes final, and where
 * Sales come from (this spreadsheet, or a BigQuery table). Validated
 * with zod at the edge (a sidebar payload, a stored value); stored as
 * developer metadata on the spreadsheet, which every context (menu, sidebar,
 * time-driven trigger) can reach.
 */
import * as z from "zod/mini";
import { localeCurrency } from "../core/display-format";
import type { Language } from "../core/plan-model";
import { DEFAULT_SHEET_NAMES, type SheetRole } from "../tables/sheet-roles";
import { SCHEDULE_LAST_DAY } from "./platform-limits";
import { parseStored, writeStateEntry, type SpreadsheetState } from "./spreadsheet-state";

// Each schema is built on first use (z.lazy): a custom-function cell's execution never reads the settings.

/** Sheets refuses names over 100 characters and names with these characters are awkward in A1 references. */
const sheetName = z.lazy(() =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/^[^[\]*?:\\/]+$/)),
);

const sheetNames = z.lazy(() =>
  z.object(
    Object.fromEntries(
      Object.entries(DEFAULT_SHEET_NAMES).map(([role, name]) => [role, z._default(sheetName, name)]),
    ) as {
      [K in SheetRole]: z.ZodMiniDefault<typeof sheetName>;
    },
  ),
);

const fieldToHeader = z.lazy(() =>
  z.record(z.string().check(z.maxLength(50)), z.string().check(z.trim(), z.maxLength(200))),
);

/** Our field to their header, per input sheet; see `columns` below. */
const columnMappingSchema = z.lazy(() =>
  z.object({
    reps: z.optional(fieldToHeader),
    sales: z.optional(fieldToHeader),
    targets: z.optional(fieldToHeader),
    scores: z.optional(fieldToHeader),
    adjustments: z.optional(fieldToHeader),
  }),
);

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** "auto" in any case stays "auto"; a currency code is upper-cased ("eur" is EUR). */
function currencyCode(text: string): string {
  return /^auto$/i.test(text) ? "auto" : text.toUpperCase();
}

/**
 * A BigQuery project ID (6-30 lower-case letters, digits and hyphens, starting with a letter), optionally
 * under a domain ("example.com:my-project").
 */
const PROJECT_ID = /^([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** A table as `project.dataset.table` (datasets: letters, digits, underscores; tables may also hold hyphens). */
const TABLE_PATH = /^(([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9])\.([A-Za-z0-9_]{1,1024})\.([A-Za-z0-9_-]{1,1024})$/;

const salesSourceSchema = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal("sheet") }),
    z.object({
      kind: z.literal("bigquery"),
      /** `project.dataset.table`. */
      table: z.string().check(z.trim(), z.regex(TABLE_PATH)),
      /** The project the queries are billed to (and run in). */
      billingProject: z.string().check(z.trim(), z.regex(PROJECT_ID)),
    }),
  ]),
);

/** Where a run reads Sales: the Sales sheet, or a BigQuery table aggregated where it lives (README, "Sales in a warehouse"). */
export type SalesSource = z.infer<typeof salesSourceSchema>;

/**
 * A BigQuery table path's parts, or null when it is not `project.dataset.table`.
 *
 * @example
 * tablePathParts("acme-sales.crm.deals"); // { projectId: "acme-sales", datasetId: "crm", tableId: "deals" }
 * tablePathParts("deals"); // null
 */
export function tablePathParts(path: string): { projectId: string; datasetId: string; tableId: string } | null {
  const match = TABLE_PATH.exec(path.trim());
  return match ? { projectId: match[1], datasetId: match[3], tableId: match[4] } : null;
}

/**
 * Whether a text is a BigQuery project ID.
 *
 * @example
 * isProjectId("acme-billing"); // true
 * isProjectId("Acme"); // false
 */
export function isProjectId(text: string): boolean {
  return PROJECT_ID.test(text.trim());
}

const SettingsSchema = z.lazy(() =>
  z
    .object({
      sheets: z._default(sheetNames, { ...DEFAULT_SHEET_NAMES }),
      /** "auto" = the spreadsheet's locale (Chinese for zh_*, English otherwise). */
      language: z._default(z.enum(["auto", "en", "zh"]), "auto"),
      /**
       * The spreadsheet's currency: "auto" = from its locale (`localeCurrency`),
       * or a three-letter code. A Plan version's own `currency` setting wins.
       */
      currency: z._default(z.string().check(z.trim(), z.overwrite(currencyCode), z.regex(/^(auto|[A-Z]{3})$/)), "auto"),
      /** First month computed, `YYYY-MM`; "" = the earliest month in Sales. */
      startPeriod: z._default(z.string().check(z.trim(), z.regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/)), ""),
      /** Day of the following month (1-28) at which a month becomes due. */
      scheduleDay: z._default(z.int().check(z.gte(1), z.lte(SCHEDULE_LAST_DAY)), 3),
      /** Hour (0-23, spreadsheet time zone) on that day. */
      scheduleHour: z._default(z.int().check(z.gte(0), z.lte(23)), 6),
      /**
       * Column mapping for what the built-in names and CRM aliases miss: per
       * input sheet, our field (`date`, `rep`, `amount`, ...) to the header
       * text as the sheet has it (`Fecha de cierre`). A mapped header wins over
       * every alias.
       */
      columns: z._default(columnMappingSchema, {}),
      /**
       * How numeric day-month text dates (`3/1/2017`) are read: `dmy`, `mdy`,
       * or `auto` (from the spreadsheet's locale; locally, only dates that
       * cannot be read two ways).
       */
      dateOrder: z._default(z.enum(["auto", "dmy", "mdy"]), "auto"),
      /** A manager's own stage words in Sales' Status column (case and spaces ignored): word to won, lost or open. */
      stageWords: z._default(z.record(z.string().check(z.maxLength(200)), z.enum(["won", "lost", "open"])), {}),
      /**
       * The pipeline forecast's win probability (0-1) of an open deal by its
       * Status word (case and spaces ignored), for deals without a Probability cell.
       */
      stageProbabilities: z._default(
        z.record(z.string().check(z.maxLength(200)), z.number().check(z.gte(0), z.lte(1))),
        {},
      ),
      /** Where Sales come from: this spreadsheet's Sales sheet (default), or a BigQuery table. */
      salesSource: z._default(salesSourceSchema, { kind: "sheet" }),
    })
    .check(
      z.refine(
        (settings) =>
          new Set(Object.values(settings.sheets).map((n) => n.toLowerCase())).size ===
          Object.keys(settings.sheets).length,
        {
          message: "every sheet needs its own name",
        },
      ),
    ),
);

export type Settings = z.infer<typeof SettingsSchema>;

/**
 * The default settings.
 *
 * @example
 * defaultSettings().sheets.runLog; // "Run log"
 * defaultSettings().scheduleDay;   // 3
 */
export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/**
 * Validates settings given by a person (the sidebar), merged over the
 * current ones; the problems as one line each when invalid.
 *
 * @example
 * validateSettings({ scheduleDay: 31 }, defaultSettings()).ok; // false
 * validateSettings({ language: "zh" }, defaultSettings()).ok;  // true
 */
export function validateSettings(
  input: unknown,
  current: Settings,
): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const given = input !== null && typeof input === "object" ? (input as Record<string, unknown>) : {};
  const sheets =
    given.sheets !== null && typeof given.sheets === "object"
      ? { ...current.sheets, ...(given.sheets as object) }
      : current.sheets;
  const parsed = SettingsSchema.safeParse({ ...current, ...given, sheets });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => (issue.path.length ? issue.path.join(".") + ": " : "") + issue.message),
  };
}

/**
 * The settings stored in the spreadsheet's state (defaults when none or broken).
 *
 * @example
 * settingsOf(readSpreadsheetState(ss)).sheets.sales; // "Sales"
 */
export function settingsOf(state: SpreadsheetState): Settings {
  return parseStored(SettingsSchema, state.settings.value) ?? defaultSettings();
}

/**
 * Stores settings (already validated) in the spreadsheet.
 *
 * @example
 * storeSettings(ss, state, { ...defaultSettings(), language: "zh" });
 */
export function storeSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  settings: Settings,
): void {
  writeStateEntry(ss, state, "settings", settings);
}

/**
 * The language of a run: the setting, or the spreadsheet's locale for "auto".
 *
 * @example
 * runLanguage(defaultSettings(), "zh_CN"); // "zh"
 * runLanguage({ ...defaultSettings(), language: "en" }, "zh_CN"); // "en"
 */
export function runLanguage(settings: Settings, spreadsheetLocale: string): Language {
  if (settings.language !== "auto") return settings.language;
  return /^zh/i.test(spreadsheetLocale) ? "zh" : "en";
}

/**
 * The currency of the spreadsheet's figures when the plan sets none: the
 * setting, or the locale's for "auto". Never the review language, so every
 * review, sheet and sidebar view of one workbook shows the same symbol.
 *
 * @example
 * spreadsheetCurrency(defaultSettings(), "zh_CN"); // "CNY"
 * spreadsheetCurrency(defaultSettings(), "en_US"); // "USD"
 * spreadsheetCurrency({ ...defaultSettings(), currency: "EUR" }, "zh_CN"); // "EUR"
 */
export function spreadsheetCurrency(settings: Settings, spreadsheetLocale: string | null): string {
  return settings.currency === "auto" ? localeCurrency(spreadsheetLocale) : settings.currency;
}

/** Locales whose spreadsheets write numeric dates month first (3/1/2017 is 1 March in the US, 3 January elsewhere). */
const MONTH_FIRST_LOCALES = /^(en_US|es_US|en_PH|fil)/i;

/**
 * How a run reads numeric day-month text dates: the setting, or for `auto`
 * the spreadsheet's locale (month first in US-style locales, day first in
 * every other); with no locale (a local run), none, so a date that reads two
 * ways is a problem.
 *
 * @example
 * dateOrderOf(defaultSettings(), "en_US"); // "mdy"
 * dateOrderOf(defaultSettings(), "en_GB"); // "dmy"
 * dateOrderOf(defaultSettings(), null);    // null
 */
function dateOrderOf(settings: Settings, locale: string | null): "dmy" | "mdy" | null {
  if (settings.dateOrder !== "auto") return settings.dateOrder;
  if (locale === null || locale === "") return null;
  return MONTH_FIRST_LOCALES.test(locale) ? "mdy" : "dmy";
}

/**
 * What every reading of the input sheets takes from the settings: the column
 * mapping, the date order (an explicit one, and the locale's default for
 * sheets whose own dates do not show theirs), the manager's stage words and
 * their probabilities, so a sidebar call reads Sales exactly as the run does.
 *
 * @example
 * readInputs(grids, { wallClock, manualMetrics, planMetrics, ...inputReadingOf(settings, ss.getSpreadsheetLocale()) });
 */
export function inputReadingOf(
  settings: Settings,
  locale: string | null,
): {
  columnMapping: ColumnMapping;
  dateOrder: "dmy" | "mdy" | null;
  localeDateOrder: "dmy" | "mdy" | null;
  stageWords: Settings["stageWords"];
  stageProbabilities: Settings["stageProbabilities"];
} {
  const explicit = settings.dateOrder === "auto" ? null : settings.dateOrder;
  return {
    columnMapping: settings.columns,
    dateOrder: explicit,
    localeDateOrder: dateOrderOf(settings, locale),
    stageWords: settings.stageWords,
    stageProbabilities: settings.stageProbabilities,
  };
}
