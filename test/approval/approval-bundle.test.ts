/**
 * Must show, through the built bundle in the simulator: with the Plan's
 * `approval` setting on, a due month is not frozen (a late deal changes it)
 * until approved; after approval it is frozen (a later late deal is
 * reported, not applied) and Approvals has the row; restating it records
 * the reopening and sends it back to awaiting; a scheduled run never
 * approves. With the setting off nothing changes: the finality tests in
 * test/recalculation pass untouched.
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type Simulator } from "../../src/simulator/index";
import { callGlobal, column, recalculateNow, runLogRows, teamSimulator } from "../recalculation/fixtures";
import { APPROVAL_TEAM, approvalTeam, runState } from "./fixtures";

const LATE_FEBRUARY_DEAL = [{ wallClock: "2026-02-27T16:00:00" }, "R0001", "Late Ltd", 50_000, "new", "won"];

function rowsOf(sim: Simulator, sheet: string, period: string): unknown[][] {
  return sim.sheetValues(sheet).filter((row) => row[0] === period);
}

function notesOf(sim: Simulator, period: string): string {
  const results = sim.sheetValues("Results");
  return String(rowsOf(sim, "Results", period)[0][column(results, "Notes")]);
}

function appendSale(sim: Simulator, row: unknown[]): void {
  const rows = sim.sheetValues("Sales").length;
  sim.setSheetValues("Sales", [row as never[]], { startRow: rows + 1 });
}

/** Approves through the menu: the month prompt's answer, then the confirm prompt's name. */
function approveFromMenu(sim: Simulator, month: string, name = "", user = "alice"): string {
  // The confirm prompt is not shown for a month refused: only the answers that are asked for are queued.
  sim.queueUiResponse({ button: "OK", text: month });
  if (awaitingMonths(sim).includes(month.trim() || awaitingMonths(sim)[0]))
    sim.queueUiResponse({ button: "OK", text: name });
  callGlobal(sim, "menuApprovePeriod", { kind: "manual", user });
  return sim.ui.alerts[sim.ui.alerts.length - 1].prompt;
}

function awaitingMonths(sim: Simulator): string[] {
  return (runState(sim).awaiting ?? []).filter((p) => /^\d{4}-\d{2}$/.test(p));
}

function approvals(sim: Simulator): unknown[][] {
  return sim.sheetNames().includes("Approvals") ? sim.sheetValues("Approvals") : [];
}

describe("a due month under approval", () => {
  it("is computed as awaiting, not frozen: a late deal changes it", () => {
    const sim = approvalTeam();
    recalculateNow(sim);
    expect(Object.keys(runState(sim).final)).toEqual([]);
    expect(runState(sim).awaiting).toEqual(["2026-01", "2026-02", "2026-03", "2026-Q1"]);
    expect(notesOf(sim, "2026-02")).toMatch(/^Provisional: [^;]*; Awaiting approval/);
    expect(String(sim.sheetValues("Dashboard")[1][0])).toMatch(/^Awaiting approval/);
    const february = rowsOf(sim, "Results", "2026-02");

    appendSale(sim, LATE_FEBRUARY_DEAL);
    recalculateNow(sim);
    expect(rowsOf(sim, "Results", "2026-02")).not.toEqual(february);
    expect(String(runLogRows(sim).at(-1)![8])).not.toContain("inputs changed for final period");
  });

  it("reads the Chinese key and value (审批 是) the same way", () => {
    const sim = approvalTeam("审批", "是");
    recalculateNow(sim);
    expect(runState(sim).awaiting).toContain("2026-02");
    expect(Object.keys(runState(sim).final)).toEqual([]);
  });
});

describe("approving from the menu", () => {
  it("proposes the oldest month awaiting, reads a blank answer as it and freezes it; Approvals has the row", () => {
    const sim = approvalTeam();
    recalculateNow(sim);
    const message = approveFromMenu(sim, "", "Ana Li");
    expect(sim.ui.prompts[0].prompt).toContain("leave blank for 2026-01");
    expect(message).toMatch(/^Approved 2026-01/);
    expect(Object.keys(runState(sim).final)).toEqual(["2026-01"]);
    expect(notesOf(sim, "2026-01")).not.toMatch(/Provisional|Awaiting/);
    const rows = approvals(sim);
    expect(rows[0]).toEqual([
      "Period",
      "Approved by",
      "Approved at",
      "Total payout",
      "Reps",
      "Problems open at approval",
      "Action",
    ]);
    expect(rows).toHaveLength(2);
    const [period, by, at, total, reps, problems, action] = rows[1];
    expect(period).toBe("2026-01");
    expect(String(by)).toMatch(/^Ana Li \(user key .+\)$/);
    expect(String(by)).not.toContain("@");
    expect(at).toBeTruthy();
    const results = sim.sheetValues("Results");
    const bonus = column(results, "Bonus");
    const expected = rowsOf(sim, "Results", "2026-01").reduce((sum, row) => sum + Number(row[bonus] || 0), 0);
    expect(total).toBeCloseTo(expected, 2);
    expect(reps).toBe(4);
    expect(typeof problems).toBe("number");
    expect(action).toBe("approved");
  });

  it("freezes an approved month: a later late deal is reported, not applied", () => {
    const sim = approvalTeam();
    recalculateNow(sim);
    approveFromMenu(sim, "");
    expect(approveFromMenu(sim, "2026-02")).toMatch(/^Approved 2026-02/);
    expect(Object.keys(runState(sim).final).sort()).toEqual(["2026-01", "2026-02"]);
    const february = rowsOf(sim, "Results", "2026-02");
    const payouts = rowsOf(sim, "Payouts", "2026-02");

    appendSale(sim, LATE_FEBRUARY_DEAL);
    recalculateNow(sim);
    expect(rowsOf(sim, "Results", "2026-02")).toEqual(february);
    expect(rowsOf(sim, "Payouts", "2026-02")).toEqual(payouts);
    expect(String(runLogRows(sim).at(-1)![8])).toContain("inputs changed for final period 2026-02");
  });

  it("makes the quarter final with its last month", () => {
    const sim = approvalTeam();
    recalculateNow(sim);
    for (const month of ["2026-01", "2026-02", "2026-03"]) approveFromMenu(sim, month);
    expect(Object.keys(runState(sim).final).sort()).toEqual(["2026-01", "2026-02", "2026-03", "2026-Q1"]);
    expect(approvals(sim).map((row) => row[0])).toEqual(["Period", "2026-01", "2026-02", "2026-03", "2026-Q1"]);
  });

  it("does nothing on Cancel, and refuses a month that is not awaiting", () => {
    const sim = approvalTeam();
    recalculateNow(sim);
    sim.queueUiResponse({ button: "CANCEL", text: "" });
    callGlobal(sim, "menuApprovePeriod");
    expect(Object.keys(runState(sim).final)).toEqual([]);
    expect(approveFromMenu(sim, "2026-04")).toMatch(/^"2026-04" is not a month awaiting approval/);
    expect(approveFromMenu(sim, "March")).toMatch(/is not a month awaiting approval/);
    sim.queueUiResponse({ button: "OK", text: "2026-02" }, { button: "CANCEL", text: "" });
    callGlobal(sim, "menuApprovePeriod");
    expect(Object.keys(runState(sim).final)).toEqual([]);
    expect(approvals(sim)).toEqual([]);
  });

  it("says there is nothing to approve when the setting is off", () => {
    const sim = teamSimulator(APPROVAL_TEAM);
    recalculateNow(sim);
    sim.queueUiResponse({ button: "OK" });
    callGlobal(sim, "menuApprovePeriod");
    expect(sim.ui.prompts).toEqual([]);
    expect(sim.ui.alerts.at(-1)!.prompt).toMatch(/^No month is awaiting approval/);
    expect(approvals(sim)).toEqual([]);
  });
});

describe("restating an approved month", () => {
  it("records the reopening in Approvals, applies the late deal and sends the month back to awaiting", () => {
    const sim = approvalTeam();
    recalculateNow(sim);
    approveFromMenu(sim, "2026-01");
    approveFromMenu(sim, "2026-02");
    const february = rowsOf(sim, "Results", "2026-02");
    appendSale(sim, LATE_FEBRUARY_DEAL);
    recalculateNow(sim);

    sim.queueUiResponse({ button: "OK", text: "2026-02" }, { button: "OK" });
    callGlobal(sim, "menuRestatePeriod");
    expect(rowsOf(sim, "Results", "2026-02")).not.toEqual(february);
    expect(Object.keys(runState(sim).final)).toEqual(["2026-01"]);
    expect(runState(sim).awaiting).toContain("2026-02");
    expect(notesOf(sim, "2026-02")).toMatch(/Awaiting approval/);
    const last = approvals(sim).at(-1)!;
    expect(last[0]).toBe("2026-02");
    expect(last[6]).toBe("reopened (restated)");

    expect(approveFromMenu(sim, "")).toMatch(/^Approved 2026-02/);
    expect(approvals(sim).at(-1)![6]).toBe("approved");
  });
});

describe("the scheduled run", () => {
  function fire(sim: Simulator, uid: string): void {
    const bundle = loadBundle({ simulator: sim, context: { kind: "trigger", triggerUid: uid, user: "alice" } });
    try {
      bundle.fireTrigger();
    } finally {
      bundle.end();
    }
  }

  it("never approves: due months stay awaiting, and a firing that finds them awaiting does nothing", () => {
    const sim = approvalTeam();
    sim.queueUiResponse({ button: "YES" });
    callGlobal(sim, "menuSchedule", { kind: "manual", user: "alice" });
    const uid = sim.triggerList()[0].uid;
    fire(sim, uid);
    expect(runLogRows(sim).map((row) => row[1])).toEqual(["schedule"]);
    expect(Object.keys(runState(sim).final)).toEqual([]);
    expect(runState(sim).awaiting).toEqual(["2026-01", "2026-02", "2026-03", "2026-Q1"]);
    sim.advance(3_600_000);
    fire(sim, uid);
    expect(runLogRows(sim)).toHaveLength(1);
    expect(Object.keys(runState(sim).final)).toEqual([]);
    expect(approvals(sim)).toEqual([]);
  });
});
