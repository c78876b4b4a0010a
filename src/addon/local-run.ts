/**
 * The recalculation for `npm start`: the same run on the active spreadsheet
 * (the simulator's, loaded from a workbook), with the local finality rule
 * (no schedule: a period is final once it has ended by the latest date in
 * Sales) and, by default, through the month of that date.
 */
import * as z from "zod/mini";
import { parsePeriod } from "../core/periods";
import { recalculate, type RunSummary } from "./recalculation";
import { settingsOf, storeSettings, validateSettings } from "./settings";
import { readSpreadsheetState } from "./spreadsheet-state";

// Built on first use (z.lazy): most executions, each custom-function cell among them,
// never check this, and building zod schemas was most of the script's work at load.
const LocalOptionsSchema = z.lazy(() =>
  z.object({
    language: z.optional(z.enum(["en", "zh"])),
    period: z.optional(z.string()),
    settings: z.optional(z.record(z.string(), z.unknown())),
  }),
);

type LocalOptions = z.infer<typeof LocalOptionsSchema>;

/**
 * Stores settings given by the local runner (a mapping file's columns, date
 * order and stage words) over the spreadsheet's, as the sidebar saves them,
 * so the run reads them exactly as it would in Sheets.
 */
function storeLocalSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, given: Record<string, unknown>): void {
  const state = readSpreadsheetState(ss);
  const checked = validateSettings(given, settingsOf(state));
  if (!checked.ok) throw new Error("local.recalculate: settings: " + checked.errors.join("; "));
  storeSettings(ss, state, checked.settings);
}

/**
 * Recalculates the active spreadsheet locally; answers a JSON-safe summary.
 * `period` computes through that period (its last month) and puts it on
 * the Dashboard; `language` overrides the settings' language and the plan's
 * review language; `settings` (checked like the sidebar's) are stored first.
 *
 * @example
 * local.recalculate({ language: "zh", period: "2026-03" }).outcome; // "done"
 * local.recalculate({ settings: { dateOrder: "dmy", columns: { sales: { date: "Fecha" } } } });
 */
function recalculateLocally(options: LocalOptions = {}): RunSummary {
  const parsed = LocalOptionsSchema.safeParse(options ?? {});
  if (!parsed.success)
    throw new Error(
      'local.recalculate: options must be { language?: "en" | "zh"; period?: string; settings?: object }',
    );
  const period = parsed.data.period === undefined ? null : parsePeriod(parsed.data.period);
  if (parsed.data.period !== undefined && period === null)
    throw new Error("local.recalculate: period is not a period such as 2026-03, 2026-Q1 or 2026");
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (parsed.data.settings !== undefined) storeLocalSettings(ss, parsed.data.settings);
  return recalculate({
    ss,
    startedBy: "local",
    finality: "local",
    throughPeriod: period,
    language: parsed.data.language,
  });
}

/** The namespace-only entry for the Node runner (not a global function in Apps Script). */
export const local = { recalculate: recalculateLocally };
