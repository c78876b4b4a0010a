import { describe, expect, it } from "vitest";
import { applyRecognitionNotes, bestOfTeam, managerKeysOf, mostImprovedRep, recognise } from "./recognition";
import type { RepPeriodResult } from "./results";

function row(rep: string, team: string, score: number | null): RepPeriodResult {
  return {
    period: "2026-03",
    rep,
    id: rep.toUpperCase(),
    name: rep,
    team,
    role: "",
    score,
    rank: null,
    teamRank: null,
    metrics: [],
    proration: 1,
    daysEmployed: 31,
    ramp: 1,
    payout: null,
    notes: [],
  };
}

describe("rep of the month", () => {
  it("names the highest score of each team, teams in sorted order", () => {
    const result = recognise(
      [row("a", "West", 0.9), row("b", "East", 1.1), row("c", "West", 1.2), row("d", "East", 0.7)],
      [],
    );
    expect(result.repOfTheMonth).toEqual({ East: ["b"], West: ["c"] });
    expect(Object.keys(result.repOfTheMonth)).toEqual(["East", "West"]);
  });

  it("names every rep sharing the top score (compared at 4 decimals, as ranks are), sorted by key", () => {
    expect(bestOfTeam([row("z", "T", 1.10001), row("m", "T", 1.1), row("a", "T", 1.09)])).toEqual(["m", "z"]);
  });

  it("leaves out reps without a score, and teams with none", () => {
    const result = recognise(
      [row("a", "East", null), row("b", "West", null), row("c", "West", 0.5), row("d", "West", 0.4)],
      [],
    );
    expect(result.repOfTheMonth).toEqual({ West: ["c"] });
  });

  it("names nobody in a team with one scored rep: leading nobody is no lead", () => {
    const result = recognise(
      [row("a", "East", 1.2), row("b", "East", null), row("c", "West", 0.5), row("d", "West", 0.4)],
      [],
    );
    expect(result.repOfTheMonth).toEqual({ West: ["c"] });
  });

  it("treats reps without a team as one group", () => {
    expect(recognise([row("a", "", 0.8), row("b", "", 0.9)], []).repOfTheMonth).toEqual({ "": ["b"] });
  });

  it("does not depend on the order of the rows", () => {
    const rows = [row("a", "East", 1), row("b", "East", 1), row("c", "West", 0.4)];
    expect(recognise([...rows].reverse(), [])).toEqual(recognise(rows, []));
  });
});

/** A row paid on its team's revenue attainment, as the plan's manager variant pays. */
function managerRow(rep: string, team: string, score: number | null): RepPeriodResult {
  const base = row(rep, team, score);
  return {
    ...base,
    role: "manager",
    payout: {
      payoutPeriod: "month",
      components: [
        {
          key: "target_bonus",
          kind: "target_bonus",
          driver: { kind: "team_attainment", metric: "revenue" },
          driverValue: 0.9,
          mode: "linear",
          tierIndex: 1,
          tierBound: 0.8,
          nextBound: 1,
          rawRate: 0.875,
          maxRate: 2,
          rate: 0.875,
          slices: [],
          gate: 0.6,
          gateMet: true,
          base: 2000,
          proration: 1,
          amount: 1750,
        },
      ],
      componentsTotal: 1750,
      adjustments: [],
      total: 1750,
      negative: false,
    },
  };
}

describe("rep of the month: ties, zeros, blank teams and managers", () => {
  it("names a tie at the top as a tie: every rep on the top score, in key order", () => {
    const result = recognise([row("b", "East", 1.05), row("a", "East", 1.05), row("c", "East", 0.7)], []);
    expect(result.repOfTheMonth).toEqual({ East: ["a", "b"] });
  });

  it("names nobody in a team tied at a score of 0, and keeps other teams' awards", () => {
    const result = recognise(
      [row("a", "East", 0), row("b", "East", 0), row("c", "East", 0), row("d", "West", 0.4), row("e", "West", 0.2)],
      [],
    );
    expect(result.repOfTheMonth).toEqual({ West: ["d"] });
  });

  it("names nobody when the best score of a team is 0, even without a tie", () => {
    expect(bestOfTeam([row("a", "T", 0), row("b", "T", null)])).toEqual([]);
    expect(recognise([row("a", "T", 0), row("b", "T", -0.1)], []).repOfTheMonth).toEqual({});
  });

  it("writes a note whose team is the company-wide group for reps with a blank Team", () => {
    const rows = [row("a", "", 0.8), row("b", "", 0.6), row("c", "East", 0.9), row("d", "East", 0.7)];
    const recognition = applyRecognitionNotes(rows, []);
    expect(recognition.repOfTheMonth[""]).toEqual(["a"]);
    expect(rows[0].notes).toEqual([{ code: "rep_of_the_month", team: "" }]);
    expect(rows[2].notes).toEqual([{ code: "rep_of_the_month", team: "East" }]);
  });

  it("gives no award to a manager, even one scoring above every rep of the team", () => {
    const rows = [managerRow("m", "East", 1.5), row("a", "East", 0.9), row("b", "East", 1.1)];
    expect(managerKeysOf(rows)).toEqual(new Set(["m"]));
    expect(recognise(rows, []).repOfTheMonth).toEqual({ East: ["b"] });
  });

  it("leaves out the managers the caller names (a Manager column with reports), whatever their pay", () => {
    const rows = [row("m", "East", 1.5), row("a", "East", 0.9), row("b", "East", 0.7)];
    expect(recognise(rows, [], new Set(["m"])).repOfTheMonth).toEqual({ East: ["a"] });
    const before = [row("m", "East", 0.1), row("a", "East", 0.8), row("b", "East", 0.7)];
    expect(recognise(rows, before, new Set(["m"])).mostImproved?.rep).toBe("a");
  });

  it("writes no recognition note on a manager's row", () => {
    const rows = [managerRow("m", "East", 2), row("a", "East", 0.9), row("b", "East", 0.8)];
    applyRecognitionNotes(rows, [managerRow("m", "East", 0.2), row("a", "East", 0.95), row("b", "East", 0.8)]);
    expect(rows[0].notes).toEqual([]);
    expect(rows[1].notes).toEqual([{ code: "rep_of_the_month", team: "East" }]);
  });
});

describe("most improved", () => {
  it("needs a real improvement: a rise that ends at 0 or a change below the compared precision is none", () => {
    expect(mostImprovedRep([row("a", "T", 0)], [row("a", "T", -0.2)])).toBeNull();
    expect(mostImprovedRep([row("a", "T", 0.90001)], [row("a", "T", 0.9)])).toBeNull();
  });

  it("is the largest increase among reps scored in both periods", () => {
    const now = [row("a", "T", 0.9), row("b", "T", 1.0), row("c", "T", 1.5)];
    const before = [row("a", "T", 0.6), row("b", "T", 0.95)];
    const winner = mostImprovedRep(now, before);
    expect(winner?.rep).toBe("a");
    expect(winner?.delta).toBeCloseTo(0.3, 12);
  });

  it("breaks ties by the smaller rep key, whatever the row order", () => {
    const now = [row("d", "T", 0.9), row("b", "T", 0.8)];
    const before = [row("b", "T", 0.6), row("d", "T", 0.7)];
    expect(mostImprovedRep(now, before)?.rep).toBe("b");
    expect(mostImprovedRep([...now].reverse(), [...before].reverse())?.rep).toBe("b");
  });

  it("keeps the largest increase over a smaller key with a smaller one, and ties among the largest by key", () => {
    const now = [row("c", "T", 0.9), row("a", "T", 0.8), row("d", "T", 1.0), row("b", "T", 0.9)];
    const before = [row("a", "T", 0.7), row("b", "T", 0.7), row("c", "T", 0.7), row("d", "T", 0.9)];
    expect(mostImprovedRep(now, before)?.rep).toBe("b");
    expect(mostImprovedRep([...now].reverse(), before)?.rep).toBe("b");
  });

  it("is nobody when every score fell or stayed the same", () => {
    expect(
      mostImprovedRep([row("a", "T", 0.5), row("b", "T", 0.8)], [row("a", "T", 0.6), row("b", "T", 0.8)]),
    ).toBeNull();
  });

  it("ignores reps without a score in either period", () => {
    expect(
      mostImprovedRep([row("a", "T", null), row("b", "T", 0.9)], [row("a", "T", 0.1), row("b", "T", null)]),
    ).toBeNull();
    expect(mostImprovedRep([row("a", "T", 1)], [])).toBeNull();
  });
});
