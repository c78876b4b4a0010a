import { describe, expect, it } from "vitest";
import { dayNumber } from "../core/calendar";
import type { RepPeriodResult } from "../core/results";
import { notesText } from "./output-rows";

function leaver(): RepPeriodResult {
  return {
    period: "2026-03",
    rep: "r06",
    id: "R06",
    name: "Frank Zhou",
    team: "West",
    role: "",
    score: 0.97,
    rank: 3,
    teamRank: 2,
    metrics: [],
    proration: 12 / 31,
    daysEmployed: 12,
    ramp: 1,
    payout: null,
    notes: [
      { code: "prorated", days: 12, of: 31 },
      { code: "left", lastDay: dayNumber(2026, 3, 12) },
    ],
  };
}

describe("Results notes", () => {
  it("tell a leaver from a new hire: the last day beside the proration", () => {
    expect(notesText(leaver(), false, "en")).toBe("Prorated: 12 of 31 days employed; Left on 2026-03-12");
    expect(notesText(leaver(), false, "zh")).toBe("按在职天数折算：12/31 天；已于 2026-03-12 离职");
  });
});
