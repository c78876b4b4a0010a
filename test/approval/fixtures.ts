/**
 * A team whose Plan asks for payout approval, for the approval tests: the
 * default plan with one more `setting` row.
 */
import { defaultPlanRows, PLAN_COLUMNS } from "../../src/core/default-plan";
import type { Simulator } from "../../src/simulator/index";
import { teamSimulator } from "../recalculation/fixtures";

export const APPROVAL_TEAM = { reps: 4, months: 3, salesRows: 60 };

/** The default plan with `approval` on (or another key and value, e.g. 审批 是), as a Plan sheet. */
function planWithApproval(key: string, value: string): (string | number)[][] {
  const setting = PLAN_COLUMNS.map(({ column }) =>
    column === "type" ? "setting" : column === "key" ? key : column === "value" ? value : "",
  );
  return [...defaultPlanRows("en"), setting];
}

/** A team on 10 April 2026 (January to March are due) whose Plan asks for approval. */
export function approvalTeam(key = "approval", value = "on"): Simulator {
  const sim = teamSimulator(APPROVAL_TEAM);
  sim.setSheetValues("Plan", planWithApproval(key, value));
  return sim;
}

/** The stored run state: final periods and the months the last run found awaiting approval. */
export function runState(sim: Simulator): { final: Record<string, string>; awaiting?: string[] } {
  return JSON.parse(sim.spreadsheet.metadata.find((m) => m.key === "salesScorecard.run")!.value!);
}
