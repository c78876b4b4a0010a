/**
 * Teams whose reps have an Email (the statements' recipients), on the
 * recalculation tests' spreadsheets.
 */
import type { CellInput } from "../../src/simulator/snapshot";
import { createSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator/index";
import { teamSheets, type TeamOptions } from "../recalculation/fixtures";

/** The email of the rep on Reps row `row` (1-based, header excluded). */
export function repEmail(row: number): string {
  return `rep${row}@example.com`;
}

/** The manager running the add-on (the statements' owner). */
export const MANAGER = "boss@example.com";

/**
 * A team (see teamSheets) whose Reps sheet has an Email column: every rep
 * has one unless `without` lists the rows (1-based) that have none.
 */
export function statementTeam(
  team: TeamOptions = {},
  options: SimulatorOptions = {},
  without: readonly number[] = [],
): Simulator {
  const sheets = teamSheets(team);
  sheets.Reps = sheets.Reps.map((row, i): CellInput[] =>
    i === 0 ? [...row, "Email"] : [...row, without.includes(i) ? "" : repEmail(i)],
  );
  return createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", user: MANAGER, ...options, sheets });
}
