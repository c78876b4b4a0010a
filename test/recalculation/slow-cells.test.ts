/**
 * Must show: when every cell a call moves is slow (1 s a call plus 0.5 or
 * 0.7 ms a cell), the monthly run still finishes. A firing there spends a
 * third of its 6 minutes or more reading the inputs; the rest must hold a
 * step (its sheet's read and write: at 0.7 ms, only the rows a month
 * changes). Each firing makes progress that the next does not redo, and
 * none is killed, until the sheets are those of one unhurried run.
 *
 * Progress is measured by the work recorded in the spreadsheet: the steps
 * written for the cycle's periods (the run state's cycle), or the cycle
 * ended with every step written, or, when not even the rows a step changes
 * fit (0.9 ms a cell, catching up), more rows of that step's sheet written
 * (the Run log's "checkpoint: payouts written to row N").
 *
 * At 0.9 ms a cell a later month's firing spends half its time reading the
 * inputs and Results: Payouts is then read below its final periods' rows
 * only (its header, Period column and the rows a month may rewrite), and
 * Results too once it has grown for a few months.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { LatencyModel, Simulator } from "../../src/simulator/index";
import {
  expectSavedUnderTheKill,
  fireOnce,
  MAX_FIRINGS,
  MONTH_MS,
  OUTPUT_SHEETS,
  PROBE_TEAM,
  scheduledTeam,
  type Firing,
} from "./firings";
import { callGlobal, column, runLogRows } from "./fixtures";
import { benchSheets } from "../../src/local/bench/bench-recalculation";
import { createSimulator, SCRIPT_RUN_LIMIT_MS } from "../../src/simulator/index";

const SLOW_CELLS: [string, LatencyModel][] = [
  ["1 s a call and 0.5 ms a cell", { perCallMs: 1000, perCellMs: 0.5 }],
  ["1 s a call and 0.7 ms a cell", { perCallMs: 1000, perCellMs: 0.7 }],
];

/**
 * The output sheets as the simulator holds them (values, formats, notes,
 * charts), chart IDs and tab positions aside: a slow run makes the Run log
 * in its first firing, before the sheets of later steps.
 */
function outputSheets(sim: Simulator): unknown {
  return sim
    .snapshot()
    .sheets.filter((s) => OUTPUT_SHEETS.includes(s.name))
    .map((s) => ({ ...s, index: null, charts: s.charts.map((c) => ({ ...c, id: null })) }));
}

/**
 * The bench's team (200 reps, 20,000 deals, 12 months to catch up; its Payouts
 * just fit a firing's rows left at 0.9 ms a cell), its schedule turned on.
 */
function benchTeam(latency: LatencyModel): { sim: Simulator; uid: string } {
  const sheets = benchSheets({ salesRows: 20_000, reps: 200, months: 12 });
  const sim = createSimulator({
    now: "2026-04-10T12:00:00Z",
    timeZone: "UTC",
    sheets,
    latency,
    executionTimeLimitMs: SCRIPT_RUN_LIMIT_MS,
  });
  sim.queueUiResponse({ button: "YES" });
  callGlobal(sim, "menuSchedule", { kind: "manual", user: "alice" });
  return { sim, uid: sim.triggerList()[0].uid };
}

/** The steps the run state records as written for a cycle left part-done ("all" once no cycle is left). */
function stepsDone(sim: Simulator): string[] | "all" {
  const run = sim.spreadsheet.metadata.find((m) => m.key === "salesScorecard.run")?.value;
  const cycle = run ? JSON.parse(run).cycle : null;
  return cycle ? [...cycle.done].sort() : "all";
}

interface ProgressFiring extends Firing {
  done: string[] | "all";
  /** A step's sheet written part of the way: the step and the row reached. */
  part: { step: string; row: number } | null;
}

/** The part-written sheet the last Run log row reports, if any. */
function partWritten(sim: Simulator): { step: string; row: number } | null {
  const details = column(sim.sheetValues("Run log"), "Details");
  const last = runLogRows(sim).at(-1);
  const match = last ? /checkpoint: (\w+) written to row (\d+)/.exec(String(last[details])) : null;
  return match ? { step: match[1], row: Number(match[2]) } : null;
}

/** Fires until the work is done (at most `max` firings), with the steps done after each firing. */
function fireWithProgress(sim: Simulator, uid: string, max: number): ProgressFiring[] {
  const firings: ProgressFiring[] = [];
  while (firings.length < max) {
    const firing = fireOnce(sim, uid);
    firings.push({ ...firing, done: stepsDone(sim), part: partWritten(sim) });
    if (firing.outcome === "done") break;
  }
  return firings;
}

/** Every firing unkilled and under the kill, each one adding steps done or rows of a step, the last one done. */
function expectProgress(firings: ProgressFiring[]): void {
  expect(firings.at(-1)!.outcome).toBe("done");
  expect(firings.at(-1)!.done).toBe("all");
  let before: string[] = [];
  let part: ProgressFiring["part"] = null;
  for (const [i, firing] of firings.entries()) {
    expectSavedUnderTheKill(firing, i);
    if (firing.done === "all") continue;
    // More steps done than after the firing before, or more rows of the same step; none undone.
    expect(firing.done).toEqual(expect.arrayContaining(before));
    const moreRows =
      firing.part !== null && (part === null || part.step !== firing.part.step || firing.part.row > part.row);
    expect({ firing: i + 1, progress: firing.done.length > before.length || moreRows }).toEqual({
      firing: i + 1,
      progress: true,
    });
    before = firing.done;
    part = firing.part;
  }
}

/**
 * Whether a firing since the calls were reset read `sheet` below its final periods' rows (see
 * inspectOutputSheet): its header row, then its Period column, instead of its whole data range.
 */
function readsBelowFinalRows(sim: Simulator, sheet: string): boolean {
  const calls = sim.calls;
  return calls.some((call, i) => {
    if (call.method !== "getSheetByName" || call.args[0] !== JSON.stringify(sheet)) return false;
    const next = calls.slice(i + 1).findIndex((c) => c.method === "getSheetByName");
    const ranges = calls.slice(i + 1, next < 0 ? undefined : i + 1 + next).filter((c) => c.method === "getRange");
    return ranges.length >= 2 && ranges[0].args.slice(0, 3).join(" ") === "1 1 1" && ranges[1].args[3] === "1";
  });
}

describe("slow cells", () => {
  const reference: { catchUp: unknown; months: unknown[] } = { catchUp: null, months: [] };

  beforeAll(() => {
    const { sim, uid } = scheduledTeam(PROBE_TEAM, {});
    expect(fireOnce(sim, uid).outcome).toBe("done");
    reference.catchUp = outputSheets(sim);
    for (let month = 0; month < 2; month++) {
      sim.advance(MONTH_MS);
      expect(fireOnce(sim, uid).outcome).toBe("done");
      reference.months.push(outputSheets(sim));
    }
  }, 120_000);

  for (const [name, latency] of SLOW_CELLS)
    it(`at ${name}, catches up, then runs two months one at a time, each within ${MAX_FIRINGS} firings that each save progress`, () => {
      const { sim, uid } = scheduledTeam(PROBE_TEAM, latency);
      const catchUp = fireWithProgress(sim, uid, MAX_FIRINGS + 2);
      expectProgress(catchUp);
      expect(catchUp.length).toBeLessThanOrEqual(MAX_FIRINGS);
      expect(outputSheets(sim)).toEqual(reference.catchUp);
      for (let month = 0; month < 2; month++) {
        sim.advance(MONTH_MS);
        const firings = fireWithProgress(sim, uid, MAX_FIRINGS + 2);
        expectProgress(firings);
        expect(firings.length).toBeGreaterThan(1); // the latency is felt: the checkpoint is exercised
        expect(firings.length).toBeLessThanOrEqual(MAX_FIRINGS);
        expect(outputSheets(sim)).toEqual(reference.months[month]);
      }
    }, 300_000);

  it("at 1 s a call and 0.9 ms a cell, the bench's team catches up writing Payouts in parts, then runs four months reading Payouts and Results below their final rows, each firing saving progress", () => {
    const reference = benchTeam({});
    expect(fireOnce(reference.sim, reference.uid).outcome).toBe("done");
    const { sim, uid } = benchTeam({ perCallMs: 1000, perCellMs: 0.9 });
    const catchUp = fireWithProgress(sim, uid, 2 * MAX_FIRINGS);
    expectProgress(catchUp);
    expect(catchUp.some((f) => f.part !== null)).toBe(true); // a sheet was written in parts
    expect(outputSheets(sim)).toEqual(outputSheets(reference.sim));
    // A manager's note on a line of a final month: a row a later run keeps, whether it reads it or not.
    const notes = sim.sheetValues("Payouts")[0].indexOf("Notes") + 1;
    for (const team of [reference.sim, sim])
      team.setSheetValues("Payouts", [["checked: Ann"]], { startRow: 2, startColumn: notes });
    sim.resetCalls();
    for (let month = 0; month < 4; month++) {
      for (const team of [reference.sim, sim]) team.advance(MONTH_MS);
      expect(fireOnce(reference.sim, reference.uid).outcome).toBe("done");
      const firings = fireWithProgress(sim, uid, MAX_FIRINGS + 2);
      expectProgress(firings);
      // From the third month, a month's first firing has time for only part of Results' rows.
      expect(firings.length).toBeLessThanOrEqual(MAX_FIRINGS + (month < 2 ? 0 : 1));
      expect(outputSheets(sim)).toEqual(outputSheets(reference.sim));
    }
    // From the second month, reading the inputs, Results and Payouts whole took 5 minutes of a firing's 6: before
    // Payouts was read below its final rows, it was never written; from the fourth, the same for Results.
    expect(readsBelowFinalRows(sim, "Payouts")).toBe(true);
    expect(readsBelowFinalRows(sim, "Results")).toBe(true);
    expect(sim.sheetValues("Payouts")[1][notes - 1]).toBe("checked: Ann");
  }, 900_000);
});
