/**
 * "Compare plans" through the built bundle in the simulator: the Plan draft
 * copied from the Plan, an identical draft, a draft that pays nothing, a
 * draft with one changed tier worked out by hand, and the sheets a
 * comparison must not touch. Run `node build/build.mjs --quiet` first.
 */
import { describe, expect, it } from "vitest";
import type { PlanComparisonView } from "../../src/sidebar/sidebar-api";
import type { Simulator } from "../../src/simulator/index";
import { callGlobal, column, recalculateNow, runLogRows, teamSimulator } from "../recalculation/fixtures";
import { commissionPlan, comparisonSimulator } from "./comparison-workbook";

/** The sidebar call's answer, typed as the Plans view reads it. */
function compare(sim: Simulator): PlanComparisonView {
  return callGlobal(sim, "sidebarComparePlans") as PlanComparisonView;
}

function makeDraft(sim: Simulator): { outcome: string; message: string } {
  return callGlobal(sim, "sidebarMakePlanDraft") as { outcome: string; message: string };
}

/** The comparison sheet's rows as [Period, Rep ID, Current payout, Draft payout, Difference]. */
function comparisonRows(sim: Simulator): unknown[][] {
  const values = sim.sheetValues("Plan comparison");
  const at = (header: string) => column(values, header);
  return values
    .slice(1)
    .filter((row) => row[0] !== "")
    .map((row) => [
      row[at("Period")],
      row[at("Rep ID")],
      row[at("Current payout")],
      row[at("Draft payout")],
      row[at("Difference")],
    ]);
}

/** A final workbook with a Plan draft whose rows are `draft`. */
function withDraft(draft: unknown[][]): Simulator {
  const sim = comparisonSimulator();
  recalculateNow(sim);
  sim.setSheetValues("Plan draft", draft as never);
  return sim;
}

describe("the Plan draft", () => {
  it("is copied from the Plan once, and an existing draft is left alone", () => {
    const sim = comparisonSimulator();
    expect(makeDraft(sim)).toMatchObject({ outcome: "done" });
    expect(sim.sheetValues("Plan draft")).toEqual(sim.sheetValues("Plan"));
    sim.setSheetValues("Plan draft", [["tier", "commission", "", "", "", 50000, 0.05]], { startRow: 5 });
    const again = makeDraft(sim);
    expect(again.outcome).toBe("exists");
    expect(again.message).toContain('"Plan draft"');
    expect(sim.sheetValues("Plan draft")[4][6]).toBe(0.05);
  });

  it("without one, Compare plans says how to make one and writes nothing", () => {
    const sim = comparisonSimulator();
    recalculateNow(sim);
    const view = compare(sim);
    expect(view.outcome).toBe("no_draft");
    expect(view.message).toContain('There is no "Plan draft" sheet');
    expect(sim.sheetNames()).not.toContain("Plan comparison");
    callGlobal(sim, "menuComparePlans");
    expect(sim.ui.alerts.at(-1)?.prompt).toContain("Copy the Plan to a draft");
  });

  it("reports its errors at their cells in Plan draft, and nothing is compared", () => {
    const draft = commissionPlan(0.01, 0.02);
    draft[4] = ["tier", "commission", "", "", "", 50000, "lots", ""];
    const sim = withDraft(draft);
    const view = compare(sim);
    expect(view.outcome).toBe("draft_errors");
    expect(view.problems.map((p) => p.cells)).toContain("'Plan draft'!G5");
    expect(view.message).toContain("'Plan draft'!G5");
    expect(sim.sheetNames()).not.toContain("Plan comparison");
  });
});

describe("Compare plans", () => {
  it("with a draft identical to the Plan gives a Difference of 0 everywhere (the default plan)", () => {
    const sim = teamSimulator({ reps: 6, months: 4, salesRows: 120 });
    callGlobal(sim, "menuSetUpSheets");
    recalculateNow(sim);
    expect(makeDraft(sim).outcome).toBe("done");
    const view = compare(sim);
    expect(view.outcome).toBe("done");
    expect(view.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    const rows = comparisonRows(sim);
    expect(rows.length).toBe(6 * 3 + 3 + 1);
    for (const row of rows) expect(row[4]).toBe(0);
    expect(rows.some((row) => (row[2] as number) > 0)).toBe(true);
    expect(view.difference).toBe(0);
    expect(view.winners).toEqual([]);
    expect(view.losers).toEqual([]);
  });

  it("pays the Results' Bonus as the current payout, rep by rep and month by month", () => {
    const sim = withDraft(commissionPlan(0.01, 0.02));
    compare(sim);
    const results = sim.sheetValues("Results");
    const at = (header: string) => column(results, header);
    const bonus = new Map(
      results.slice(1).map((row) => [row[at("Period")] + "|" + row[at("Rep ID")], row[at("Bonus")]]),
    );
    const reps = comparisonRows(sim).filter((row) => row[1] !== "");
    expect(reps.length).toBe(6);
    for (const row of reps) expect(row[2]).toBe(bonus.get(row[0] + "|" + row[1]));
  });

  it("with every tier rate at 0 pays only the adjustments", () => {
    const sim = withDraft(commissionPlan(0, 0));
    const view = compare(sim);
    expect(view.outcome).toBe("done");
    // Adjustments: R02 +250 in February, R01 -100 in March; the commission is 0 everywhere.
    expect(comparisonRows(sim).filter((row) => row[1] !== "")).toEqual([
      ["2026-01", "R01", 400, 0, -400],
      ["2026-01", "R02", 200, 0, -200],
      ["2026-02", "R01", 1100, 0, -1100],
      ["2026-02", "R02", 550, 250, -300],
      ["2026-03", "R01", 0, -100, -100],
      ["2026-03", "R02", 700, 0, -700],
    ]);
    expect(view.draft).toBe(150);
  });

  it("with one changed tier matches the hand computation for two reps", () => {
    // The draft pays 5% instead of 2% above 50,000 of revenue in the month.
    const sim = withDraft(commissionPlan(0.01, 0.05));
    const view = compare(sim);
    expect(view.outcome).toBe("done");
    // R01, February: revenue 30,000 + 50,000 = 80,000.
    //   Plan:  50,000 x 1% + 30,000 x 2% = 500 + 600  = 1,100
    //   Draft: 50,000 x 1% + 30,000 x 5% = 500 + 1,500 = 2,000; difference 900.
    // R02, March: revenue 60,000, no adjustment.
    //   Plan:  50,000 x 1% + 10,000 x 2% = 500 + 200 = 700
    //   Draft: 50,000 x 1% + 10,000 x 5% = 500 + 500 = 1,000; difference 300.
    // R02, February: 30,000 x 1% = 300, plus the 250 adjustment on both sides = 550.
    // R01, March: 10,000 x 1% = 100, less the 100 clawback on both sides = 0.
    // January: R01 40,000 x 1% = 400, R02 20,000 x 1% = 200, below 50,000 on both sides.
    expect(comparisonRows(sim)).toEqual([
      ["2026-01", "R01", 400, 400, 0],
      ["2026-01", "R02", 200, 200, 0],
      ["2026-02", "R01", 1100, 2000, 900],
      ["2026-02", "R02", 550, 550, 0],
      ["2026-03", "R01", 0, 0, 0],
      ["2026-03", "R02", 700, 1000, 300],
      ["2026-01", "", 600, 600, 0],
      ["2026-02", "", 1650, 2550, 900],
      ["2026-03", "", 700, 1000, 300],
      ["Total", "", 2950, 4150, 1200],
    ]);
    expect([view.current, view.draft, view.difference]).toEqual([2950, 4150, 1200]);
    expect(view.winners.map((w) => [w.repId, w.difference])).toEqual([
      ["R01", 900],
      ["R02", 300],
    ]);
    expect(view.message).toContain("a change of +$1,200.00");
  });

  it("counts a quarterly draft's payout in the quarter's last month", () => {
    const sim = withDraft(commissionPlan(0.01, 0.02, "quarter"));
    expect(compare(sim).outcome).toBe("done");
    // Q1 is paid in March, on the quarter's revenue, with the quarter's adjustments:
    //   R01: 40,000 + 80,000 + 10,000 = 130,000: 50,000 x 1% + 80,000 x 2% = 500 + 1,600 = 2,100, less 100 = 2,000
    //   R02: 20,000 + 30,000 + 60,000 = 110,000: 50,000 x 1% + 60,000 x 2% = 500 + 1,200 = 1,700, plus 250 = 1,950
    expect(comparisonRows(sim).filter((row) => row[1] !== "")).toEqual([
      ["2026-01", "R01", 400, 0, -400],
      ["2026-01", "R02", 200, 0, -200],
      ["2026-02", "R01", 1100, 0, -1100],
      ["2026-02", "R02", 550, 0, -550],
      ["2026-03", "R01", 0, 2000, 2000],
      ["2026-03", "R02", 700, 1950, 1250],
    ]);
  });

  it("leaves Results, Payouts, Reviews, the Run log and the run state byte-identical", () => {
    const sim = withDraft(commissionPlan(0.01, 0.05));
    const watched = ["Results", "Payouts", "Reviews", "Dashboard", "Problems"];
    const sheets = () => JSON.stringify(sim.snapshot().sheets.filter((sheet) => watched.includes(sheet.name)));
    const runState = () => sim.snapshot().metadata.find((m) => m.key === "salesScorecard.run")?.value;
    const before = { sheets: sheets(), log: JSON.stringify(runLogRows(sim)), state: runState() };
    expect(before.sheets).toContain("Results");
    callGlobal(sim, "menuComparePlans");
    expect(compare(sim).outcome).toBe("done");
    expect(sheets()).toBe(before.sheets);
    expect(JSON.stringify(runLogRows(sim))).toBe(before.log);
    expect(runState()).toBe(before.state);
  });

  it("runs again over its own sheet, and refuses a Plan comparison sheet someone else made", () => {
    const sim = withDraft(commissionPlan(0.01, 0.05));
    expect(compare(sim).outcome).toBe("done");
    expect(compare(sim).outcome).toBe("done");
    expect(comparisonRows(sim).length).toBe(10);
    const other = withDraft(commissionPlan(0.01, 0.05));
    other.setSheetValues("Plan comparison", [["my notes"]]);
    const view = compare(other);
    expect(view.outcome).toBe("foreign_sheet");
    expect(other.sheetValues("Plan comparison")).toEqual([["my notes"]]);
  });

  it("writes nothing when time runs out on a slow spreadsheet, and says so", () => {
    let slow = false;
    const sim = comparisonSimulator({ callCostMs: () => (slow ? 40_000 : 0) });
    recalculateNow(sim);
    sim.setSheetValues("Plan draft", commissionPlan(0.01, 0.05) as never);
    slow = true;
    const view = compare(sim);
    expect(view.outcome).toBe("out_of_time");
    expect(view.message).toContain("nothing was written");
    expect(sim.sheetNames()).not.toContain("Plan comparison");
  });

  it("is refused while another run holds the spreadsheet, with only the Run log's refusal row", () => {
    const sim = withDraft(commissionPlan(0.01, 0.05));
    const rows = runLogRows(sim).length;
    sim.holdLock("script", { forMs: 60_000 });
    const view = compare(sim);
    expect(view.outcome).toBe("already running");
    const log = runLogRows(sim);
    expect(log.length).toBe(rows + 1);
    expect(log.at(-1)?.[5]).toBe("already running");
    expect(sim.sheetNames()).not.toContain("Plan comparison");
  });
});
