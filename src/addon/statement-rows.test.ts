import { describe, expect, it } from "vitest";
import {
  indexTeamSheets,
  mergeStatementReviews,
  replyUpdates,
  statementContent,
  type TeamSheets,
} from "./statement-rows";

const TEAM: TeamSheets = {
  results: [
    ["Period", "Rep ID", "Score"],
    ["2026-02", "R1", "90%"],
    ["2026-02", "R2", "80%"],
    ["2026-03", " r1 ", "95%"],
  ],
  payouts: [
    ["Period", "Rep ID", "Amount"],
    ["2026-02", "R2", "100"],
  ],
  reviews: [
    ["Period", "Rep ID", "Generated review", "Manager's review", "Rep reply", "Acknowledged"],
    ["2026-02", "R1", "gen Feb", "", "", false],
    ["2026-03", "R1", "gen Mar", "edited Mar", "typed in Reviews", false],
    ["2026-04", "R1", "gen Apr", "", "", false],
    ["2026-02", "R2", "gen R2", "", "", false],
  ],
};

describe("statement rows", () => {
  const index = indexTeamSheets(TEAM);

  it("holds only the rep's rows and the final reviews, the manager's text first", () => {
    const content = statementContent(TEAM, index, "r1", new Set(["2026-02", "2026-03"]));
    expect(content.results).toEqual([TEAM.results![0], TEAM.results![1], TEAM.results![3]]);
    expect(content.payouts).toEqual([TEAM.payouts![0]]);
    expect(content.reviews).toEqual([
      { period: "2026-02", text: "gen Feb", teamReply: "" },
      { period: "2026-03", text: "edited Mar", teamReply: "typed in Reviews" },
    ]);
  });

  it("keeps existing rows in place, appends new periods seeded from Reviews, never returns existing replies", () => {
    const merged = mergeStatementReviews(
      [{ period: "2026-03", reply: "mine" }],
      [
        { period: "2026-02", text: "Feb", teamReply: "" },
        { period: "2026-03", text: "Mar v2", teamReply: "other" },
      ],
      ["Mar v1"],
    );
    expect(merged).toEqual({
      rows: [
        ["2026-03", "Mar v2"],
        ["2026-02", "Feb"],
      ],
      seeds: [""],
    });
  });

  it("copies non-blank replies that differ from Reviews; blank ones change nothing", () => {
    const rows = [
      { period: "2026-02", reply: "Agreed" },
      { period: "2026-03", reply: "" },
      { period: "2026-04", reply: "typed" },
    ];
    expect(replyUpdates(rows, TEAM, index, "r1")).toEqual([
      { row: 1, reply: "Agreed" },
      { row: 3, reply: "typed" },
    ]);
    expect(replyUpdates([{ period: "2026-03", reply: "typed in Reviews" }], TEAM, index, "r1")).toEqual([]);
  });
});
