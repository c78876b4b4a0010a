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
export type { SimulatorOptions } from "./simulator";
export type { CallRecord } from "./call-log";
export type { CellInput } from "./snapshot";
export { DEFAULT_NUMBER_FORMAT } from "./number-format";
export { SCRIPT_RUN_LIMIT_MS, type LatencyModel } from "./faults";
/**
 * The message a killed execution fails with.
 *
 * @internal Exported only for test/recalculation/checkpoint.test.ts, which compares call errors with it; the
 * simulator uses it inside.
 */
export { KILL_MESSAGE } from "./faults";
export { loadBundle } from "./load-bundle";
export { fireTriggerAnHourLater, type FiringOutcome } from "./trigger-firing";
