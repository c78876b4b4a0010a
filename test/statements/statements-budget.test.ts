/**
 * 200 statements under a latency model and Apps Script's 6-minute kill,
 * through the built bundle: Share statements does what fits its budget,
 * the schedule's firings continue, each one making progress, none killed,
 * until every rep has one statement. Prints the firings (calls, seconds).
 */
import { describe, expect, it } from "vitest";
import { createdSpreadsheets } from "../../src/simulator/drive";
import { fireTriggerAnHourLater, SCRIPT_RUN_LIMIT_MS } from "../../src/simulator/index";
import { callGlobal, recalculateNow } from "../recalculation/fixtures";
import { statementTeam } from "./fixtures";

const REPS = 200;

/** "statements: 40 of 200 done ..." of the Run log's last row: done, total and whether work is left. */
function lastProgress(values: unknown[][]): { done: number; total: number; continues: boolean } {
  const row = values[values.length - 1].map(String);
  const match = /statements: (\d+) of (\d+) done/.exec(row.join(" "));
  expect(match).not.toBeNull();
  return { done: Number(match![1]), total: Number(match![2]), continues: row.includes("continues") };
}

describe("200 statements", () => {
  it("spread over firings within the time budget, each making progress", () => {
    const sim = statementTeam(
      { reps: REPS, months: 3, salesRows: 600 },
      { latency: { perCallMs: 500, perCellMs: 0.05 }, executionTimeLimitMs: SCRIPT_RUN_LIMIT_MS },
    );
    recalculateNow(sim);
    sim.queueUiResponse({ button: "YES" });
    callGlobal(sim, "menuSchedule", { kind: "manual" });
    const uid = sim.triggerList()[0].uid;
    const started = sim.now();
    callGlobal(sim, "menuShareStatements");
    const firings = [{ seconds: (sim.now() - started) / 1000, ...lastProgress(sim.sheetValues("Run log")) }];
    while (firings[firings.length - 1].continues && firings.length < 40) {
      const firing = fireTriggerAnHourLater(sim, uid, { user: sim.options.user });
      expect(firing.killed).toBe(false);
      firings.push({ seconds: firing.seconds, ...lastProgress(sim.sheetValues("Run log")) });
    }
    console.log(firings.map((f) => `${f.done}/${f.total} in ${f.seconds.toFixed(0)} s`).join("; "));
    expect(firings.length).toBeGreaterThan(2);
    firings.forEach((firing, i) => {
      expect(firing.seconds).toBeLessThan(SCRIPT_RUN_LIMIT_MS / 1000);
      if (i > 0) expect(firing.done).toBeGreaterThan(firings[i - 1].done);
    });
    expect(firings[firings.length - 1]).toMatchObject({ done: REPS, total: REPS, continues: false });
    expect(createdSpreadsheets(sim)).toHaveLength(REPS);
    expect(new Set(createdSpreadsheets(sim).map((ss) => ss.name)).size).toBe(REPS);
  }, 300_000);
});
