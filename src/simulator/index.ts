/**
 * The in-memory Apps Script simulator (Node only, never pushed). See
 * README.md in this folder for how tests use it.
 */
import { Simulator, type SimulatorOptions } from "./simulator";

/**
 * Creates a simulator: one spreadsheet, its script's services, a clock, a
 * call log and fault injection.
 *
 * @example
 * const sim = createSimulator({ now: "2026-04-02T09:00:00Z", timeZone: "Asia/Shanghai", user: "alice" });
 * sim.setSheetValues("Sales", [["Date", "Amount"], [{ wallClock: "2026-03-31" }, 1200]]);
 * const { SpreadsheetApp } = sim.globals({ kind: "manual" });
 * SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sales").getDataRange().getValues();
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  return new Simulator(options);
}

export { Simulator };
export type { AppsScriptGlobals, ResolvedSimulatorOptions, SimulatorOptions } from "./simulator";
export type { CallFilter, CallKind, CallRecord } from "./call-log";
export type { ContextSpec, ResolvedContext, AuthModeName } from "./execution";
export type { CellInput, SnapshotCell, SpreadsheetSnapshot, SheetSnapshot } from "./snapshot";
export type { LockScope } from "./lock";
export type { LogEntry } from "./logger";
export type { UiResponse, MenuRecord, MenuEntry, ShownHtml } from "./ui";
export type { TriggerModel } from "./triggers";
export type { Realm } from "./realm";
export { FORMULA_READ_VALUE } from "./cell";
export { DEFAULT_NUMBER_FORMAT, TEXT_FORMAT } from "./number-format";
export { KILL_MESSAGE, SCRIPT_RUN_LIMIT_MS, type LatencyModel } from "./faults";
export { LOCK_TIMEOUT_MESSAGE } from "./lock";
export { ADDON_CLOCK_TRIGGER_MESSAGE, TOO_MANY_TRIGGERS_MESSAGE } from "./triggers";
export { PROTECTED_MESSAGE } from "./protection";
export { OUTSIDE_GRID_MESSAGE } from "./range";
export { HOST_REALM, importValue } from "./realm";
export { loadBundle, type LoadBundleOptions, type LoadedBundle } from "./load-bundle";
export { fireTriggerAnHourLater, type FiringOutcome } from "./trigger-firing";
