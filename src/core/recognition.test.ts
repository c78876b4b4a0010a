import { describe, expect, it } from "vitest";
import { bestOfTeam, mostImprovedRep, recognise } from "./recognition";
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
    const result = recognise([row("a", "West", 0.9), row("b", "East", 1.1), row("c", "West", 1.2), row("d", "East", 0.7)], []);
    expect(result.repOfTheMonth).toEqual({ East: ["b"], West: ["c"] });
    expect(Object.keys(result.repOfTheMonth)).toEqual(["East", "West"]);
  });

  it("names every rep sharing the top score (compared at 4 decimals, as ranks are), sorted by key", () => {
    expect(bestOfTeam([row("z", "T", 1.10001), row("m", "T", 1.1), row("a", "T", 1.09)])).toEqual(["m", "z"]);
  });

  it("leaves out reps without a score, and teams with none", () => {
    const result = recognise([row("a", "East", null), row("b", "West", null), row("c", "West", 0.5)], []);
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

describe("most improved", () => {
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

  it("is nobody when every score fell or stayed the same", () => {
    expect(mostImprovedRep([row("a", "T", 0.5), row("b", "T", 0.8)], [row("a", "T", 0.6), row("b", "T", 0.8)])).toBeNull();
  });

  it("ignores reps without a score in either period", () => {
    expect(mostImprovedRep([row("a", "T", null), row("b", "T", 0.9)], [row("a", "T", 0.1), row("b", "T", null)])).toBeNull();
    expect(mostImprovedRep([row("a", "T", 1)], [])).toBeNull();
  });
});
