/**
 * The pure rules of payout approval: under the Plan's `approval` setting a
 * due month waits (it is computed but not final) until a run approves it;
 * a quarter or a year waits until its last month is approved; a restated
 * month waits again; an idle scheduled firing does not run for a month it
 * already found awaiting.
 */
import { describe, expect, it } from "vitest";
import { hasDueWork, planRun, restatedPeriods } from "../../src/addon/due-periods";
import { APRIL_RUN, wallMoment as wall } from "../fixtures/scheduled-run";

const base = { ...APRIL_RUN, needsApproval: () => true };

describe("a run under approval", () => {
  it("computes due months as awaiting, not final", () => {
    const plan = planRun({ ...base, final: new Set() });
    expect(plan.compute).toEqual(["2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-Q2", "2026"]);
    expect([...plan.becomeFinal]).toEqual([]);
    expect([...plan.awaiting]).toEqual(["2026-01", "2026-02", "2026-03", "2026-Q1"]);
  });

  it("makes an approved month final, and the quarter only with its last month", () => {
    const february = planRun({ ...base, final: new Set(["2026-01"]), approve: ["2026-02"] });
    expect([...february.becomeFinal]).toEqual(["2026-02"]);
    expect([...february.awaiting]).toEqual(["2026-03", "2026-Q1"]);
    const march = planRun({ ...base, final: new Set(["2026-01", "2026-02"]), approve: ["2026-03"] });
    expect([...march.becomeFinal]).toEqual(["2026-03", "2026-Q1"]);
    expect([...march.awaiting]).toEqual([]);
  });

  it("leaves the quarter waiting when its last month is approved before an earlier one", () => {
    const plan = planRun({ ...base, final: new Set(["2026-01"]), approve: ["2026-03"] });
    expect([...plan.becomeFinal]).toEqual(["2026-03"]);
    expect([...plan.awaiting]).toEqual(["2026-02", "2026-Q1"]);
  });

  it("never approves a month that is not due", () => {
    const plan = planRun({ ...base, final: new Set(), approve: ["2026-04"] });
    expect(plan.becomeFinal.has("2026-04")).toBe(false);
    expect(plan.awaiting.has("2026-04")).toBe(false);
  });

  it("sends a restated month, its quarter and its year back to awaiting", () => {
    const plan = planRun({
      ...base,
      final: new Set(["2026-01", "2026-02", "2026-03", "2026-Q1"]),
      restate: restatedPeriods("2026-02", 1),
    });
    expect([...plan.becomeFinal]).toEqual([]);
    expect([...plan.awaiting]).toEqual(["2026-02", "2026-Q1"]);
  });

  it("is today's calendar finality when the setting is off", () => {
    const plan = planRun({ ...base, needsApproval: () => false, final: new Set(["2026-01"]), approve: ["2026-02"] });
    expect([...plan.becomeFinal]).toEqual(["2026-02", "2026-03", "2026-Q1"]);
    expect([...plan.awaiting]).toEqual([]);
  });
});

describe("a scheduled firing", () => {
  const firing = {
    startMonth: "2026-01",
    at: { day: 3, hour: 6 },
    fyStart: 1,
    pending: null,
    final: new Set<string>(),
  };

  it("has no work for months the last run found awaiting approval", () => {
    const awaiting = new Set(["2026-01", "2026-02", "2026-03", "2026-Q1"]);
    expect(hasDueWork({ ...firing, now: wall(2026, 4, 10), awaiting })).toBe(false);
  });

  it("runs once another month becomes due, to mark it awaiting", () => {
    const awaiting = new Set(["2026-01", "2026-02", "2026-03", "2026-Q1"]);
    expect(hasDueWork({ ...firing, now: wall(2026, 5, 3, 6), awaiting })).toBe(true);
  });
});
