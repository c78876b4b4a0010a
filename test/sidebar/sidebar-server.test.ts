/**
 * The sidebar's server calls through the BUILT bundle in the simulator:
 * arguments are validated with readable one-line messages, answers are
 * JSON-safe and come from the sheets, views never write, and saving a
 * review writes the Manager's review cell only, under the run guard.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadBundle, type Simulator } from "../../src/simulator";
import { callGlobal, failureOf, recalculateLocally, teamSimulator } from "../recalculation/fixtures";

const HOSTILE_NAME = '<img src=x onerror=alert(1)> "quoted" =1+1';

let sim: Simulator;

/** One execution: loads the bundle and calls a global, as google.script.run does. */
function call(name: string, ...args: unknown[]): unknown {
  return callGlobal(sim, name, { kind: "manual" }, ...args);
}

/** The call's value as the script returned it (not through JSON), checked for what google.script.run refuses or mangles. */
function rawProblems(name: string, ...args: unknown[]): string[] {
  const bundle = loadBundle({ simulator: sim, context: { kind: "manual" } });
  try {
    const problems: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (value === undefined) problems.push(path + " is undefined");
      else if (typeof value === "number" && !Number.isFinite(value)) problems.push(path + " is " + value);
      else if (typeof value === "function") problems.push(path + " is a function");
      else if (Object.prototype.toString.call(value) === "[object Date]") problems.push(path + " is a Date");
      else if (Array.isArray(value)) value.forEach((item, i) => walk(item, path + "[" + i + "]"));
      else if (value !== null && typeof value === "object") {
        const proto = Object.getPrototypeOf(value);
        if (proto !== null && Object.getPrototypeOf(proto) !== null) problems.push(path + " is not a plain object");
        for (const [key, item] of Object.entries(value)) walk(item, path + "." + key);
      }
    };
    walk(bundle.call(name, ...args), name);
    return problems;
  } finally {
    bundle.end();
  }
}

function failure(name: string, ...args: unknown[]): string {
  return failureOf(sim, name, ...args);
}

function column(sheet: string, header: string): number {
  return (sim.sheetValues(sheet)[0] as unknown[]).indexOf(header);
}

function reviewRow(period: string, repId: string): unknown[] | undefined {
  return sim.sheetValues("Reviews").find((row) => row[0] === period && row[1] === repId);
}

function writes(): number {
  return sim.countCalls({ kind: "write" });
}

beforeEach(() => {
  sim = teamSimulator({ reps: 5, months: 3, salesRows: 60, extraReps: [["X01", HOSTILE_NAME, "East", "", ""]] });
  recalculateLocally(sim);
});

describe("argument validation", () => {
  const cases: [string, unknown, RegExp][] = [
    ["sidebarTeam", undefined, /^sidebarTeam: argument must be an object \{ period \}/],
    [
      "sidebarTeam",
      { period: "2026-13" },
      /^sidebarTeam: argument period must be a period such as 2026-03, 2026-Q1 or 2026$/,
    ],
    ["sidebarRep", { period: "2026-03" }, /^sidebarRep: argument repId must be text$/],
    ["sidebarRep", { period: "2026-03", repId: "   " }, /repId must not be blank/],
    ["sidebarRep", { period: "2026-03", repId: "R0001", extra: 1 }, /^sidebarRep: argument has unknown field extra$/],
    [
      "sidebarReview",
      { period: "2026-03", repId: "R0001", language: "fr" },
      /^sidebarReview: argument language must be "en" or "zh"$/,
    ],
    [
      "sidebarSaveReview",
      { period: "2026-03", repId: "R0001", text: "x".repeat(50_001) },
      /text must be at most 50000 characters/,
    ],
    ["sidebarSaveReview", { period: "2026-03", repId: "R0001", text: 5 }, /text must be text/],
    ["sidebarSchedule", { on: "yes" }, /^sidebarSchedule: argument on must be true or false$/],
    ["sidebarSchedule", { on: true, day: 31 }, /day must be 1 to 28/],
    ["sidebarSchedule", { on: true, hour: 6.5 }, /hour must be a whole number 0 to 23/],
    ["sidebarRestate", { period: ["2026-03"] }, /period must be a period/],
  ];
  for (const [name, argument, expected] of cases) {
    it(`${name}(${JSON.stringify(argument)?.slice(0, 40)}) is refused with a readable message and writes nothing`, () => {
      sim.resetCalls();
      const message = failure(name, argument);
      expect(message).toMatch(expected);
      expect(message).not.toContain("\n");
      expect(writes()).toBe(0);
    });
  }

  it("a rep or period without results is a readable error", () => {
    expect(failure("sidebarRep", { period: "2026-03", repId: "NOBODY" })).toBe(
      "Rep NOBODY has no results for 2026-03.",
    );
    expect(failure("sidebarTeam", { period: "2019-01" })).toBe(
      "There are no results for 2019-01. Pick another period or recalculate.",
    );
    expect(failure("sidebarRestate", { period: "2026-Q4" })).toMatch(/2026-Q4 is not final/);
  });
});

describe("answers", () => {
  it("are JSON-safe: no undefined, Date, NaN or function anywhere", () => {
    const team = call("sidebarTeam", { period: null }) as { period: string; rows: { repId: string }[] };
    expect(rawProblems("sidebarTeam", { period: null })).toEqual([]);
    expect(rawProblems("sidebarTeam", { period: "2026-Q1" })).toEqual([]);
    for (const repId of ["X01", team.rows[0].repId]) {
      expect(rawProblems("sidebarRep", { period: team.period, repId })).toEqual([]);
      expect(rawProblems("sidebarReview", { period: team.period, repId })).toEqual([]);
      expect(rawProblems("sidebarReview", { period: team.period, repId, language: "zh" })).toEqual([]);
    }
    expect(rawProblems("sidebarSetup")).toEqual([]);
    expect(rawProblems("sidebarSaveReview", { period: team.period, repId: "X01", text: "ok" })).toEqual([]);
    expect(rawProblems("sidebarRecalculate")).toEqual([]);
  });

  it("name no email", () => {
    call("sidebarSchedule", { on: true });
    expect(JSON.stringify(call("sidebarSetup"))).not.toMatch(/@/);
  });
});

describe("the views", () => {
  it("read the sheets and never write", () => {
    sim.resetCalls();
    const team = call("sidebarTeam", { period: null }) as { period: string };
    call("sidebarRep", { period: team.period, repId: "R0001" });
    call("sidebarReview", { period: team.period, repId: "R0001" });
    call("sidebarReview", { period: team.period, repId: "R0001", language: "zh" });
    call("sidebarSetup");
    expect(writes()).toBe(0);
  });

  it("make as many reads for 5 reps as for 60", () => {
    const reads = (reps: number) => {
      sim = teamSimulator({ reps, months: 3, salesRows: 60 * reps });
      recalculateLocally(sim);
      sim.resetCalls();
      call("sidebarTeam", { period: null });
      call("sidebarRep", { period: "2026-02", repId: "R0001" });
      return sim.callsMatching({ kind: "read" }).map((c) => c.service + "." + c.method);
    };
    expect(reads(60)).toEqual(reads(5));
  });

  it("Team shows the Results rows of the period as they are", () => {
    const team = call("sidebarTeam", { period: "2026-02" }) as {
      rows: { repId: string; name: string; score: number | null; rank: number | null; payout: number | null }[];
    };
    const results = sim.sheetValues("Results");
    const at = (h: string) => column("Results", h);
    const expected = results
      .filter((row) => row[0] === "2026-02")
      .map((row) => ({
        repId: row[at("Rep ID")],
        name: row[at("Name")],
        score: row[at("Score")] === "" ? null : row[at("Score")],
        rank: row[at("Rank")] === "" ? null : row[at("Rank")],
        payout: row[at("Bonus")] === "" ? null : row[at("Bonus")],
      }));
    expect(team.rows.map(({ repId, name, score, rank, payout }) => ({ repId, name, score, rank, payout }))).toEqual(
      expected,
    );
    expect(team.rows.some((row) => row.name === HOSTILE_NAME)).toBe(true);
  });

  it("Rep shows the Payouts lines and a trend ending with the period", () => {
    const rep = call("sidebarRep", { period: "2026-03", repId: "r0001" }) as {
      repId: string;
      payoutLines: { type: string; amount: number }[];
      trend: { period: string }[];
      payout: number;
    };
    expect(rep.repId).toBe("R0001");
    const payouts = sim.sheetValues("Payouts").filter((row) => row[0] === "2026-03" && row[1] === "R0001");
    expect(rep.payoutLines.map((l) => [l.type, l.amount])).toEqual(
      payouts.map((row) => [row[column("Payouts", "Type")], row[column("Payouts", "Amount")]]),
    );
    expect(rep.payoutLines.at(-1)).toMatchObject({ type: "total", amount: rep.payout });
    expect(rep.trend.map((p) => p.period)).toEqual(["2026-01", "2026-02", "2026-03"]);
  });

  it("Review shows the sheet's generated review, and the same text when regenerated from unchanged inputs", () => {
    const stored = reviewRow("2026-02", "R0002")![2] as string;
    const fromSheet = call("sidebarReview", { period: "2026-02", repId: "R0002" }) as {
      generated: string;
      source: string;
      reviewLanguage: string;
    };
    expect(fromSheet).toMatchObject({ generated: stored, source: "sheet", reviewLanguage: "en" });
    // Without the sheet's cell the review is generated by the recalculation's own code: same text.
    const row = sim.sheetValues("Reviews").findIndex((r) => r[0] === "2026-02" && r[1] === "R0002");
    sim.setSheetValues("Reviews", [[""]], { startRow: row + 1, startColumn: 3 });
    // A final period is never regenerated unasked: the view says the sheet holds none.
    expect(call("sidebarReview", { period: "2026-02", repId: "R0002" })).toMatchObject({
      generated: "",
      source: "none",
      final: true,
    });
    const computed = call("sidebarReview", { period: "2026-02", repId: "R0002", regenerate: true }) as {
      generated: string;
      source: string;
    };
    expect(computed).toMatchObject({ generated: stored, source: "computed" });
  });

  it("Review in the other language is regenerated on request, in that language, with the run's currency", () => {
    // Unasked, a final period's review stays the stored one, in the sheet's language.
    expect(call("sidebarReview", { period: "2026-02", repId: "X01", language: "zh" })).toMatchObject({
      source: "sheet",
      reviewLanguage: "en",
      final: true,
    });
    const zh = call("sidebarReview", { period: "2026-02", repId: "X01", language: "zh", regenerate: true }) as {
      generated: string;
      source: string;
      reviewLanguage: string;
      sheetLanguage: string;
    };
    expect(zh).toMatchObject({ source: "computed", reviewLanguage: "zh", sheetLanguage: "en" });
    expect(zh.generated).toMatch(/绩效/);
    expect(zh.generated).toContain(HOSTILE_NAME);
    expect(zh.generated).toContain("$");
    expect(zh.generated).not.toContain("¥");
  });
});

describe("saving the manager's review", () => {
  it("writes the Manager's review cell only, as text, keeping the generated review, reply and Acknowledged", () => {
    const row = sim.sheetValues("Reviews").findIndex((r) => r[0] === "2026-02" && r[1] === "R0003");
    sim.setSheetValues("Reviews", [[{ value: "Thanks, agreed.", format: "@" }, true]], {
      startRow: row + 1,
      startColumn: column("Reviews", "Rep reply") + 1,
    });
    const before = reviewRow("2026-02", "R0003")!;
    sim.resetCalls();
    const text = '=HYPERLINK("http://x") ' + HOSTILE_NAME + "\nSecond line";
    const saved = call("sidebarSaveReview", { period: "2026-02", repId: " r0003 ", text }) as {
      row: number;
      appended: boolean;
    };
    expect(saved).toMatchObject({ row: row + 1, appended: false });
    const after = reviewRow("2026-02", "R0003")!;
    expect(after[column("Reviews", "Manager's review")]).toBe(text);
    expect(after.filter((_, i) => i !== column("Reviews", "Manager's review"))).toEqual(
      before.filter((_, i) => i !== column("Reviews", "Manager's review")),
    );
    const rangeWrites = sim.callsMatching({ kind: "write", service: "Range" });
    // One plain-text format for the cell's range, then its value: two calls, whatever the block's size.
    expect(rangeWrites.map((c) => c.method)).toEqual(["setNumberFormat", "setValues"]);
  });

  it("appends a row when there is none, and a later recalculation fills in the generated review and keeps it", () => {
    const rows = sim.sheetValues("Reviews").length;
    const row = sim.sheetValues("Reviews").findIndex((r) => r[0] === "2026-03" && r[1] === "R0004");
    // Take the row away, as if the run had never written it.
    sim.setSheetValues("Reviews", [["", "", ""]], { startRow: row + 1 });
    const saved = call("sidebarSaveReview", { period: "2026-03", repId: "R0004", text: "Manager's words" }) as {
      row: number;
      appended: boolean;
    };
    expect(saved).toMatchObject({ appended: true, row: rows + 1 });
    expect(reviewRow("2026-03", "R0004")!.slice(0, 4)).toEqual(["2026-03", "R0004", "", "Manager's words"]);
    recalculateLocally(sim);
    const filled = reviewRow("2026-03", "R0004")!;
    expect(filled[2]).toMatch(/^Performance review/);
    expect(filled[3]).toBe("Manager's words");
  });

  it("is refused, readably, while another run holds the spreadsheet", () => {
    sim.holdLock("script");
    const message = failure("sidebarSaveReview", { period: "2026-02", repId: "R0001", text: "x" });
    expect(message).toBe("Another Sales Scorecard run is working on this spreadsheet. Try again in a few minutes.");
    sim.releaseHeldLock("script");
    expect(reviewRow("2026-02", "R0001")![column("Reviews", "Manager's review")]).toBe("");
  });
});

describe("the actions", () => {
  it("Recalculate now runs as the sidebar and says what it did", () => {
    const result = call("sidebarRecalculate") as { outcome: string; message: string };
    expect(result.outcome).toMatch(/done|nothing to do/);
    expect(result.message.length).toBeGreaterThan(10);
    expect(sim.sheetValues("Run log").at(-1)![1]).toBe("sidebar");
  });

  it("Restate period recomputes a final period", () => {
    const setup = call("sidebarSetup") as { finalPeriods: string[] };
    expect(setup.finalPeriods.length).toBeGreaterThan(0);
    const result = call("sidebarRestate", { period: setup.finalPeriods.at(-1) }) as {
      outcome: string;
      message: string;
    };
    expect(result.message).toMatch(/^Restated /);
    expect(sim.sheetValues("Run log").at(-1)![1]).toBe("restate");
  });

  it("the schedule goes on with its day and hour, shows its owner without an email, and goes off", () => {
    const on = call("sidebarSchedule", { on: true, day: 7, hour: 5 }) as { message: string };
    expect(on.message).toBe(
      "Automatic recalculation is on: each month becomes final on day 7 of the next month at 5:00.",
    );
    expect((call("sidebarSetup") as { schedule: unknown }).schedule).toMatchObject({
      on: true,
      owner: "you",
      day: 7,
      hour: 5,
      canChange: true,
    });
    const other = loadBundle({ simulator: sim, context: { kind: "manual", user: "bob" } });
    try {
      expect(other.callJson("sidebarSetup")).toMatchObject({
        schedule: { on: true, owner: "another editor", canChange: false },
      });
      expect(() => other.callJson("sidebarSchedule", { on: false })).toThrow(/Another editor's schedule is on/);
    } finally {
      other.end();
    }
    expect((call("sidebarSchedule", { on: false }) as { message: string }).message).toBe(
      "Automatic recalculation is off.",
    );
    expect(sim.triggerList()).toHaveLength(0);
  });

  it("Create template sheets creates what is missing and leaves the rest", () => {
    const result = call("sidebarSetUpSheets") as { message: string };
    expect(result.message).toBe("Created: Plan. Left as they were: Reps, Sales, Targets, Scores, Adjustments.");
  });
});
