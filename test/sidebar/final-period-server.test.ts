/**
 * A final period in the sidebar's server calls, through the BUILT bundle in
 * the simulator: after a late deal lands in a final month, the Rep view
 * still answers the Payouts total as written and the Review view the
 * stored review; only an explicit regenerate uses today's inputs. The
 * score trace's points add up to the stored score.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../src/simulator";
import type { RepView, ReviewView } from "../../src/sidebar/sidebar-api";
import { callGlobal, column, recalculateLocally, teamSimulator } from "../recalculation/fixtures";

const FINAL = "2026-02";
const REP = "R0001";

let sim: Simulator;

function call<T>(name: string, ...args: unknown[]): T {
  return callGlobal(sim, name, { kind: "manual" }, ...args) as T;
}

function payoutsTotal(period: string, repId: string): unknown {
  const values = sim.sheetValues("Payouts");
  const at = (header: string) => column(values, header);
  return values.find(
    (row) => row[at("Period")] === period && row[at("Rep ID")] === repId && row[at("Type")] === "total",
  )?.[at("Amount")];
}

function storedReview(period: string, repId: string): unknown {
  const values = sim.sheetValues("Reviews");
  return values.find((row) => row[0] === period && row[1] === repId)?.[column(values, "Generated review")];
}

/** A won deal for the rep dated in the period, appended to Sales after the period became final. */
function addLateDeal(amount: number): void {
  const rows = sim.sheetValues("Sales").length;
  sim.setSheetValues("Sales", [[{ wallClock: FINAL + "-15T10:00:00" }, REP, "Late customer", amount, "new", "won"]], {
    startRow: rows + 1,
  });
}

beforeEach(() => {
  sim = teamSimulator({ reps: 5, months: 3, salesRows: 60 });
  recalculateLocally(sim);
});

describe("a final period", () => {
  it("is final in the fixture, with a payout and a stored review", () => {
    expect(call<{ finalPeriods: string[] }>("sidebarSetup").finalPeriods).toContain(FINAL);
    expect(typeof payoutsTotal(FINAL, REP)).toBe("number");
    expect(String(storedReview(FINAL, REP))).toMatch(/^Performance review/);
  });

  it("keeps the stored review and the Payouts total in the sidebar after a late deal", () => {
    const total = payoutsTotal(FINAL, REP);
    const review = storedReview(FINAL, REP);
    addLateDeal(250_000);
    recalculateLocally(sim);
    // The run leaves the final period as it was and flags its changed inputs.
    expect(payoutsTotal(FINAL, REP)).toBe(total);
    const rep = call<RepView>("sidebarRep", { period: FINAL, repId: REP });
    expect(rep.provisional).toBe(false);
    expect(rep.payout).toBe(total);
    expect(rep.payoutLines.at(-1)).toMatchObject({ type: "total", amount: total });
    const shown = call<ReviewView>("sidebarReview", { period: FINAL, repId: REP });
    expect(shown).toMatchObject({ generated: review, source: "sheet", final: true, inputsChanged: true });
    // The other language is not regenerated unasked either.
    expect(call<ReviewView>("sidebarReview", { period: FINAL, repId: REP, language: "zh" })).toMatchObject({
      generated: review,
      reviewLanguage: "en",
    });
    // Regenerating is explicit, and it does use today's inputs: the text differs from the final one.
    const regenerated = call<ReviewView>("sidebarReview", { period: FINAL, repId: REP, regenerate: true });
    expect(regenerated).toMatchObject({ source: "computed", final: true });
    expect(regenerated.generated).not.toBe(review);
    expect(regenerated.generated).toMatch(/^Performance review/);
  });

  it("shows the manager's review as the sheet holds it", () => {
    call("sidebarSaveReview", { period: FINAL, repId: REP, text: "Edited by the manager." });
    addLateDeal(250_000);
    recalculateLocally(sim);
    expect(call<ReviewView>("sidebarReview", { period: FINAL, repId: REP })).toMatchObject({
      managerReview: "Edited by the manager.",
      generated: storedReview(FINAL, REP),
    });
  });

  it("a provisional period keeps generating the other language now", () => {
    const setup = call<{ finalPeriods: string[] }>("sidebarSetup");
    const team = call<{ periods: string[] }>("sidebarTeam", { period: null });
    const provisional = team.periods.find((p) => /^\d{4}-\d{2}$/.test(p) && !setup.finalPeriods.includes(p));
    expect(provisional).toBeDefined();
    const zh = call<ReviewView>("sidebarReview", { period: provisional, repId: REP, language: "zh" });
    expect(zh).toMatchObject({ source: "computed", reviewLanguage: "zh", final: false });
  });
});

describe("the score trace", () => {
  it("adds its points up to the score, for every rep and month", () => {
    const team = call<{ periods: string[] }>("sidebarTeam", { period: null });
    let traced = 0;
    for (const period of team.periods.filter((p) => /^\d{4}-\d{2}$/.test(p))) {
      for (const repId of ["R0001", "R0002", "R0003", "R0004", "R0005"]) {
        const rep = call<RepView>("sidebarRep", { period, repId });
        const trace = rep.scoreTrace!;
        expect(trace.matchesScore).toBe(true);
        const counted = trace.lines.filter((line) => line.leftOut === null);
        const sum = counted.reduce((total, line) => total + line.points!, 0);
        if (rep.score === null) {
          expect(counted).toEqual([]);
          continue;
        }
        traced++;
        expect(sum).toBeCloseTo(rep.score, 9);
        expect(trace.total).toBeCloseTo(rep.score, 9);
        // The shares are the normalised weights actually used.
        expect(counted.reduce((total, line) => total + line.share!, 0)).toBeCloseTo(1, 9);
        for (const line of counted) {
          expect(line.points).toBeCloseTo(line.share! * line.achievement!, 12);
          expect(line.achievement!).toBeLessThanOrEqual(line.cap);
        }
      }
    }
    expect(traced).toBeGreaterThan(5);
  });

  it("names the metrics left out, with why", () => {
    // Rep 5 has no csat scores (the Scores sheet covers the first three reps): no data.
    const rep = call<RepView>("sidebarRep", { period: FINAL, repId: "R0005" });
    expect(rep.scoreTrace!.lines.find((line) => line.key === "csat")).toMatchObject({
      leftOut: "no_data",
      points: null,
      share: null,
    });
  });

  it("says when today's plan no longer gives the stored score", () => {
    // The template Plan is the default plan the run used; then revenue's weight changes.
    call("sidebarSetUpSheets");
    expect(call<RepView>("sidebarRep", { period: FINAL, repId: REP }).scoreTrace!.matchesScore).toBe(true);
    const plan = sim.sheetValues("Plan");
    const weight = column(plan, "Weight");
    const revenueRow = plan.findIndex((row) => row.includes("revenue") && typeof row[weight] === "number");
    expect(revenueRow).toBeGreaterThan(0);
    sim.setSheetValues("Plan", [[(plan[revenueRow][weight] as number) + 0.5]], {
      startRow: revenueRow + 1,
      startColumn: weight + 1,
    });
    const rep = call<RepView>("sidebarRep", { period: FINAL, repId: REP });
    expect(rep.scoreTrace!.matchesScore).toBe(false);
  });
});
