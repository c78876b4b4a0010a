/**
 * The demo workbook as the sidebar's browser tests serve it: in a simulator
 * on a fixed clock, so the periods and dates the sidebar shows do not move.
 */
import { DEMO_WORKBOOK, workbookSimulator } from "../../src/local/cli/preview";
import type { Simulator } from "../../src/simulator";

/**
 * The demo workbook in a simulator in UTC, English (US), at 09:00 on
 * 20 November 2026; not yet recalculated.
 *
 * @example
 * const session = await openSidebarSession({ port: 0, simulator: await demoSimulator() });
 */
export function demoSimulator(): Promise<Simulator> {
  return workbookSimulator(DEMO_WORKBOOK, { timeZone: "UTC", locale: "en_US", now: Date.UTC(2026, 10, 20, 9) });
}
