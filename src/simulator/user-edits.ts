/**
 * A person typing in a spreadsheet, for tests: the edit goes through the
 * same services a script uses, as that user, so sharing and protections
 * decide whether it lands (Sheets refuses a protected cell with the same
 * message). The calls are logged as one manual execution of that user.
 */
import type { Simulator } from "./simulator";

/**
 * Types a value into one cell of a spreadsheet as `user`: opens it by ID
 * (throws when the user may not), then sets the cell as typed input.
 * Throws Sheets' message when the cell is protected from the user.
 *
 * @example
 * typeAsUser(sim, "rep1@example.com", statementId, "Reviews", "C2", "Thanks, agreed");
 */
export function typeAsUser(
  sim: Simulator,
  user: string,
  spreadsheetId: string,
  sheetName: string,
  a1: string,
  value: string | number | boolean,
): void {
  const execution = sim.startExecution({ kind: "manual", user });
  try {
    const sheet = execution.globals.SpreadsheetApp.openById(spreadsheetId).getSheetByName(sheetName);
    if (!sheet) throw new Error(`simulator: no sheet named "${sheetName}" in ${spreadsheetId}`);
    sheet.getRange(a1).setValue(value);
  } finally {
    sim.endExecution(execution);
  }
}

/**
 * Whether `user` may type into a cell, asked without changing it (the
 * cell's value is written back as it was).
 *
 * @example
 * mayType(sim, "rep1@example.com", statementId, "Results", "A1"); // false
 */
export function mayType(sim: Simulator, user: string, spreadsheetId: string, sheetName: string, a1: string): boolean {
  const execution = sim.startExecution({ kind: "manual", user });
  try {
    const sheet = execution.globals.SpreadsheetApp.openById(spreadsheetId).getSheetByName(sheetName);
    if (!sheet) return false;
    const range = sheet.getRange(a1);
    range.setValues(range.getValues());
    return true;
  } catch {
    return false;
  } finally {
    sim.endExecution(execution);
  }
}
