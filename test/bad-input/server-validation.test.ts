/**
 * Every sidebar call that reads or writes by rep and period checks them
 * against the current data, through the BUILT bundle: a rep or a period
 * the last run did not compute (or a Results sheet that is missing or not
 * the add-on's) is a clear one-line error, and nothing is written. A
 * review saved for a rep or period that does not exist would otherwise sit
 * on the Reviews sheet for good: no run ever removes a Reviews row.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../src/simulator";
import { recalculateLocally, sidebarCalls, teamSheets, teamSimulator } from "../recalculation/fixtures";

let sim: Simulator;

const { call, failure } = sidebarCalls(() => sim);

/** Writes other than the run guard's lease (kept in the spreadsheet's developer metadata). */
function sheetWrites(): number {
  return sim.countCalls((c) => c.kind === "write" && c.service !== "DeveloperMetadata");
}

function reviewKeys(): string[] {
  return (sim.sheetValues("Reviews") as unknown[][]).slice(1).map((row) => row[0] + " " + row[1]);
}

describe("saving a manager's review", () => {
  beforeEach(() => {
    sim = teamSimulator({ reps: 4, months: 3, salesRows: 40 }); // 10 April 2026: January to April computed
    recalculateLocally(sim);
  });

  const refused: [string, { period: string; repId: string }, string][] = [
    ["an unknown rep", { period: "2026-03", repId: "NOBODY" }, "Rep NOBODY has no results for 2026-03."],
    [
      "an unknown period",
      { period: "2019-01", repId: "R0001" },
      "There are no results for 2019-01. Pick another period or recalculate.",
    ],
    [
      "a period not computed yet",
      { period: "2026-Q4", repId: "R0001" },
      "There are no results for 2026-Q4. Pick another period or recalculate.",
    ],
  ];
  for (const [what, request, message] of refused) {
    it(`for ${what} is a clear error and writes nothing, and nothing appears after the next run`, () => {
      const before = sim.sheetValues("Reviews");
      sim.resetCalls();
      expect(failure("sidebarSaveReview", { ...request, text: "Great month." })).toBe(message);
      expect(sheetWrites()).toBe(0);
      expect(sim.sheetValues("Reviews")).toEqual(before);
      recalculateLocally(sim);
      expect(reviewKeys()).not.toContain(request.period + " " + request.repId);
    });
  }

  it("for a computed rep and period is saved (the Rep ID in any case and spacing)", () => {
    const saved = call("sidebarSaveReview", { period: "2026-03", repId: " r0002 ", text: "Solid quarter end." }) as {
      appended: boolean;
    };
    expect(saved.appended).toBe(false);
    const row = (sim.sheetValues("Reviews") as unknown[][]).find((r) => r[0] === "2026-03" && r[1] === "R0002")!;
    expect(row).toContain("Solid quarter end.");
  });

  it("without a Results sheet is a clear error", () => {
    sim = teamSimulator({ reps: 4, months: 3, salesRows: 40 });
    expect(failure("sidebarSaveReview", { period: "2026-03", repId: "R0001", text: "x" })).toBe(
      "There are no results for 2026-03. Pick another period or recalculate.",
    );
    expect(sim.sheetNames()).not.toContain("Reviews");
  });

  it("with a Results sheet the add-on did not create is a clear error, and writes nothing", () => {
    sim = createSimulator({
      now: "2026-04-10T12:00:00Z",
      timeZone: "UTC",
      sheets: {
        ...teamSheets({ reps: 4 }),
        Results: [
          ["Period", "Rep ID"],
          ["2026-03", "R0001"],
        ],
      },
    });
    recalculateLocally(sim);
    const before = sim.sheetValues("Reviews");
    sim.resetCalls();
    expect(failure("sidebarSaveReview", { period: "2026-03", repId: "R0001", text: "x" })).toBe(
      'The sheet "Results" was not created by Sales Scorecard, so it is not read. Rename it and recalculate.',
    );
    expect(sheetWrites()).toBe(0);
    expect(sim.sheetValues("Reviews")).toEqual(before);
  });
});

describe("reading a review", () => {
  beforeEach(() => {
    sim = teamSimulator({ reps: 4, months: 3, salesRows: 40 });
    recalculateLocally(sim);
  });

  it("for an unknown rep or period is a clear error, even when someone typed a Reviews row for it", () => {
    const rows = sim.sheetValues("Reviews").length;
    sim.setSheetValues(
      "Reviews",
      [
        ["2026-03", "GHOST", "typed by hand"],
        ["2019-01", "R0001", "typed by hand"],
      ],
      { startRow: rows + 1 },
    );
    sim.resetCalls();
    expect(failure("sidebarReview", { period: "2026-03", repId: "GHOST" })).toBe(
      "Rep GHOST has no results for 2026-03.",
    );
    expect(failure("sidebarReview", { period: "2019-01", repId: "R0001" })).toBe(
      "There are no results for 2019-01. Pick another period or recalculate.",
    );
    expect(failure("sidebarReview", { period: "2026-Q4", repId: "R0001", language: "zh" })).toBe(
      "There are no results for 2026-Q4. Pick another period or recalculate.",
    );
    expect(sheetWrites()).toBe(0);
  });

  it("for a computed row answers as before", () => {
    const view = call("sidebarReview", { period: "2026-03", repId: "R0001" }) as { generated: string; source: string };
    expect(view.source).toBe("sheet");
    expect(view.generated.length).toBeGreaterThan(40);
  });
});

describe("the other calls by rep and period", () => {
  beforeEach(() => {
    sim = teamSimulator({ reps: 4, months: 3, salesRows: 40 });
    recalculateLocally(sim);
  });

  it("answer a clear error for an unknown rep or period and write nothing", () => {
    sim.resetCalls();
    expect(failure("sidebarRep", { period: "2026-03", repId: "NOBODY" })).toBe(
      "Rep NOBODY has no results for 2026-03.",
    );
    expect(failure("sidebarRep", { period: "2019-01", repId: "R0001" })).toBe("Rep R0001 has no results for 2019-01.");
    expect(failure("sidebarTeam", { period: "2019-01" })).toBe(
      "There are no results for 2019-01. Pick another period or recalculate.",
    );
    expect(failure("sidebarRestate", { period: "2019-01" })).toMatch(/^2019-01 is not final/);
    expect(sheetWrites()).toBe(0);
  });
});
