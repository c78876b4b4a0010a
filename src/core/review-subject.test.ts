import { describe, expect, it } from "vitest";
import { resultRow as row } from "../../test/fixtures/result-row";
import { reviewPeriodKind, rowNoteFacts } from "./review-subject";

describe("rowNoteFacts", () => {
  it("reads nothing from a row without notes", () => {
    expect(rowNoteFacts(row("2026-03", 0.9))).toEqual({
      provisional: false,
      rankedByRevenue: false,
      leftOn: null,
      proration: null,
      ramp: null,
    });
  });

  it("reads every fact a review states from one row's notes, whatever their order", () => {
    const notes = row("2026-03", null, [], {
      notes: [
        { code: "left_out", metrics: ["csat"] },
        { code: "ramp", factor: 0.5, month: 2 },
        { code: "left", lastDay: 20536 },
        { code: "ranked_by_revenue" },
        { code: "prorated", days: 12, of: 31 },
        { code: "provisional" },
      ],
    });
    expect(rowNoteFacts(notes)).toEqual({
      provisional: true,
      rankedByRevenue: true,
      leftOn: 20536,
      proration: { days: 12, of: 31 },
      ramp: { factor: 0.5, month: 2 },
    });
  });

  it("keeps the first usable note of a kind and skips a ramp that lowered nothing", () => {
    const notes = row("2026-03", 0.9, [], {
      notes: [
        { code: "ramp", factor: 1, month: 4 },
        { code: "ramp", factor: 0.75, month: 3 },
        { code: "prorated", days: Number.NaN, of: 31 },
        { code: "prorated", days: 20, of: 31 },
        { code: "prorated", days: 10, of: 31 },
      ],
    });
    const facts = rowNoteFacts(notes);
    expect(facts.ramp).toEqual({ factor: 0.75, month: 3 });
    expect(facts.proration).toEqual({ days: 20, of: 31 });
  });
});

describe("reviewPeriodKind", () => {
  it("names the kind of a period key, and calls any other period a month", () => {
    expect(reviewPeriodKind("2026-03")).toBe("month");
    expect(reviewPeriodKind("2026-Q1")).toBe("quarter");
    expect(reviewPeriodKind("2026")).toBe("year");
    expect(reviewPeriodKind("Spring")).toBe("month");
  });
});
