/**
 * Reading the Adjustments sheet: an amount added to a rep's payout for a
 * month, with the reason a manager gave.
 *
 * Separate so that each input sheet has its reader in a file named after it.
 */
import type { Adjustment } from "../core/records";
import { readIdText, readMonthCell, readNumberCell, readText, type DayOfInstant } from "./cell-values";
import { readRowsPlain, requiredCells, resolvedField, type OpenSheet, type RowsReader } from "./input-rows";
import { resolveRep, type RepDirectory } from "./read-reps";

const ADJUSTMENT_CELLS = { rep: readIdText, period: readMonthCell, amount: readNumberCell, reason: readText };

/**
 * Reads the Adjustments sheet: rows naming an unknown rep or with a bad cell
 * are left out. A missing sheet gives no adjustments.
 *
 * @example
 * // Adjustments: ["Rep ID", "Period", "Amount", "Reason"], ["r1", "2026-03", "-200", "Clawback"]
 * readAdjustments(adjustmentsSheet, reps, wallClock);
 * // [{ row: 2, rep: "r1", period: "2026-03", amount: -200, reason: "Clawback" }]
 */
export function readAdjustments(
  sheet: OpenSheet<"adjustments"> | null,
  reps: RepDirectory,
  dayOf: DayOfInstant,
  readRows: RowsReader = readRowsPlain,
): Adjustment[] {
  if (!sheet) return [];
  const readers = requiredCells(sheet, dayOf, ADJUSTMENT_CELLS);
  const adjustments: Adjustment[] = [];
  for (const row of readRows(sheet, readers)) {
    const rep = resolvedField(sheet, readers, row, "rep", (id) => resolveRep(sheet, reps, row.row, "rep", id));
    if (rep === null || row.values === null) continue;
    const { period, amount, reason } = row.values;
    adjustments.push({ row: row.row, rep, period, amount, reason });
  }
  return adjustments;
}
