/**
 * Work that does not fit the time budget is checkpointed a period at a time
 * and continued by the next run, which ends with the same sheets as one
 * unhurried run. Slowness is simulated: every service call costs seconds.
 */
import { describe, expect, it } from "vitest";
import { outputs, recalculateNow, runLogRows, teamSimulator } from "./fixtures";

const TEAM = { reps: 4, months: 6, firstMonth: "2025-10", salesRows: 120 };

describe("a run out of time", () => {
  it("checkpoints and the next runs continue to the same sheets", () => {
    const reference = teamSimulator(TEAM);
    recalculateNow(reference);
    const slow = teamSimulator(TEAM, { callCostMs: 9_000 });
    const outcomes: string[] = [];
    for (let run = 0; run < 12 && outcomes.at(-1) !== "done"; run++) {
      recalculateNow(slow);
      outcomes.push(String(runLogRows(slow).at(-1)![5]));
    }
    expect(outcomes[0]).toBe("continues");
    expect(outcomes.at(-1)).toBe("done");
    expect(outputs(slow)).toEqual(outputs(reference));
  });
});
