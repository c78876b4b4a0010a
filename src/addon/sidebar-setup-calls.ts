/**
 * The Setup view's server calls that write settings or an input sheet on
 * the manager's request: saving the Columns section, and "Fill Targets from
 * history". Each is a global in Apps Script (listed in entry-points.ts),
 * checks its argument at the edge, writes under the run guard, and fails
 * with one line in the spreadsheet's language, which the view shows.
 */
import type { ActionResult, FillTargetsRequest, SaveColumnsRequest } from "../sidebar/sidebar-api";
import { BUSY_MESSAGE } from "./guarded-action";
import { fillTargetsFromHistory, checkFillTargetsRequest } from "./fill-targets";
import { runLanguage, settingsOf } from "./settings";
import { checkColumnsRequest, saveCheckedColumns } from "./sidebar-columns";
import { answer } from "./sidebar-server";
import { readSpreadsheetState } from "./spreadsheet-state";

function session() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = settingsOf(readSpreadsheetState(ss));
  return { ss, settings, language: runLanguage(settings, ss.getSpreadsheetLocale()) };
}

/**
 * Saves the Columns section: the Sales and Reps column mapping, the date
 * order and the stage words. A field that is not ours, or a header that is
 * not in the sheet's header row, is refused with one line naming it, and
 * nothing is written.
 *
 * @example
 * sidebarSaveColumns({ columns: { sales: { rep: "Vendedor", date: "Fecha", amount: "Importe" } }, dateOrder: "dmy", stageWords: { Firmado: "won" } });
 * // { outcome: "done", message: "Columns saved: the next run reads Sales and Reps with them." }
 * sidebarSaveColumns({ columns: { sales: { seller: "Vendedor" } }, dateOrder: "auto", stageWords: {} });
 * // throws 'Sales sheet has no field "seller": its fields are date, rep, customer, ...'
 */
export function sidebarSaveColumns(request: SaveColumnsRequest): ActionResult {
  return answer("sidebarSaveColumns", () => {
    const { ss, settings, language } = session();
    const checked = checkColumnsRequest(ss, settings, request, language);
    if (!checked.ok) throw new Error(checked.message);
    const saved = saveCheckedColumns(ss, checked.request);
    if (!saved.ok) throw new Error(BUSY_MESSAGE[language]);
    return saved.result;
  });
}

/**
 * "Fill Targets from history": appends a revenue target per rep for the
 * month, from the rep's monthly revenue, plus the growth; a rep that has
 * one already is skipped and counted.
 *
 * @example
 * sidebarFillTargets({ period: "2026-05", growthPercent: 10 });
 * // { outcome: "done", message: "Targets for 2026-05: 4 revenue targets added (...). 1 reps already had a revenue target for 2026-05 and were skipped." }
 */
export function sidebarFillTargets(request: FillTargetsRequest): ActionResult {
  return answer("sidebarFillTargets", () => {
    const { ss, language } = session();
    const checked = checkFillTargetsRequest(request, language);
    if (!checked.ok) throw new Error(checked.message);
    const filled = fillTargetsFromHistory(ss, checked.request);
    if (!filled.ok) throw new Error(BUSY_MESSAGE[language]);
    return filled.result;
  });
}
