/**
 * The sidebar's pure rules, without a browser: score bands, bar lengths,
 * sorting, the sparkline's geometry, server failure messages, and how the
 * server splits a Run log problem line and picks the period to open on.
 */
import { describe, expect, it } from "vitest";
import { defaultPeriod, latestProblems } from "../../src/addon/sidebar-sheets";
import { RUN_LOG_COLUMNS } from "../../src/tables/output-columns";
import { barFill } from "../../src/sidebar/metric-bars";
import { scoreBand } from "../../src/sidebar/score-band";
import { lineSegments, yRange } from "../../src/sidebar/score-sparkline";
import { failureMessage } from "../../src/sidebar/server-calls";
import type { TeamRow } from "../../src/sidebar/sidebar-api";
import { sortRows } from "../../src/sidebar/team-view";

function row(name: string, score: number | null, rank: number | null, payout: number | null): TeamRow {
  return { repId: name, name, team: "", score, rank, teamRank: rank, payout, attainments: [score], notes: "" };
}

describe("score bands", () => {
  it("are below 80 %, 80 % to under 100 %, and 100 % and over, as shown (one decimal of a percent)", () => {
    const scores = [0.7994, 0.79951, 0.8, 0.9994, 0.99951, 1, 1.5, null];
    expect(scores.map(scoreBand)).toEqual(["low", "mid", "mid", "mid", "high", "high", "high", "none"]);
  });
});

describe("metric bars", () => {
  it("fill to the attainment on a scale to 150 %", () => {
    expect([null, -1, 0, 0.75, 1.5, 3].map(barFill)).toEqual([0, 0, 0, 50, 100, 100]);
  });
});

describe("sorting the team", () => {
  const rows = [row("b", 0.9, 2, 100), row("a", null, null, null), row("c", 1.2, 1, 50)];
  it("puts blanks last in either direction", () => {
    expect(sortRows(rows, "score", -1, 0).map((r) => r.name)).toEqual(["c", "b", "a"]);
    expect(sortRows(rows, "score", 1, 0).map((r) => r.name)).toEqual(["b", "c", "a"]);
    expect(sortRows(rows, "payout", -1, 0).map((r) => r.name)).toEqual(["b", "c", "a"]);
    expect(sortRows(rows, "name", 1, 0).map((r) => r.name)).toEqual(["a", "b", "c"]);
  });
});

describe("the sparkline", () => {
  it("always shows 100 % and breaks at blank scores", () => {
    expect(yRange([0.5, 0.6]).high).toBeGreaterThan(1);
    const segments = lineSegments([
      { period: "2026-01", score: 1 },
      { period: "2026-02", score: null },
      { period: "2026-03", score: 0.9 },
      { period: "2026-04", score: 1.1 },
    ]);
    expect(segments.map((s) => s.length)).toEqual([1, 2]);
    expect(segments[1][1].last).toBe(true);
  });
});

describe("server failure messages", () => {
  it("are the thrown message, without Apps Script's prefix", () => {
    expect(failureMessage(new Error("Rep R9 has no results for 2026-03."))).toBe("Rep R9 has no results for 2026-03.");
    expect(failureMessage({ message: "Exception: Service Spreadsheets failed" })).toBe("Service Spreadsheets failed");
    expect(failureMessage("plain")).toBe("plain");
  });
});

describe("Run log problem lines", () => {
  it("give the view the groups, the total, what the cut left out and the full list's sheet", () => {
    const header = RUN_LOG_COLUMNS.map((c) => c.header);
    const row = (cells: Record<string, unknown>) => header.map((h) => cells[h] ?? "");
    const list = [
      'Sales!A20, A40, A60, …, 500 rows: Date "x" is not a date; the row is left out (first: A20)',
      "Scores!E1: the column Value appears twice; the first one is used",
      "… and 997 more groups (998 problems)",
      "full list: Problems sheet",
    ].join("\n");
    const tail = {
      header,
      rows: [
        row({ When: "2026-04-02 09:00", Outcome: "done", Problems: 1499, "Problem list": list }),
        row({ When: "2026-04-02 10:00", Outcome: "already running", Problems: 0 }),
      ],
    };
    // 500 + 1 problems listed; 1,499 - 501 = 998 in the groups the cut left out.
    expect(latestProblems(tail, "UTC")).toEqual({
      count: 1499,
      groups: [
        { cells: "Sales!A20, A40, A60, …", rows: 500, message: 'Date "x" is not a date; the row is left out' },
        { cells: "Scores!E1", rows: 1, message: "the column Value appears twice; the first one is used" },
      ],
      notListed: 998,
      sheet: "Problems",
      when: "2026-04-02 09:00",
    });
  });
});

describe("the period the Team view opens on", () => {
  const header = ["Period", "Rep ID", "Score"];
  it("is the latest month in which a rep has a score", () => {
    const table = {
      header,
      rows: [
        ["2026-02", "r1", 0.9],
        ["2026-03", "r1", ""],
        ["2026-Q1", "r1", 0.9],
      ],
    };
    expect(defaultPeriod(table, ["2026-Q1", "2026-03", "2026-02"], 1)).toBe("2026-02");
    expect(defaultPeriod({ header, rows: [["2026-03", "r1", ""]] }, ["2026-03"], 1)).toBe("2026-03");
    expect(defaultPeriod(null, [], 1)).toBeNull();
  });
});
