/**
 * Must show: a run generates reviews only for periods that are new or whose
 * inputs changed (review-prints.ts); the others keep the Reviews sheet's
 * cells exactly, and what people wrote stays theirs. Through the built bundle.
 */
import { describe, expect, it } from "vitest";
import type { Simulator } from "../../src/simulator/index";
import { column, recalculateNow, teamSimulator } from "./fixtures";

/** 2 April 2026: January and February are final, March (due on the 3rd) and April are not. */
const NOW = "2026-04-02T12:00:00Z";
const APRIL_SALE_ROW = 2 + 60; // header, 60 generated sales, then the extra sale

function team(): Simulator {
  return teamSimulator(
    {
      reps: 6,
      salesRows: 60,
      extraSales: [[{ wallClock: "2026-04-01T10:00:00" }, "R0001", "Customer April", 5000, "new", "won"]],
    },
    { now: NOW },
  );
}

/** The periods whose reviews the last run generated, from its log line (ids, codes and counts only). */
function lastReviewEvent(sim: Simulator): { generated: number; periods: string[] } {
  const events = sim
    .logMessages()
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((fields) => fields.event === "reviews");
  const last = events[events.length - 1];
  return { generated: Number(last.generated), periods: String(last.periods).split(",").filter(Boolean).sort() };
}

function reviewCell(sim: Simulator, period: string, repId: string, header: string): unknown {
  const values = sim.sheetValues("Reviews");
  const row = values.find((r) => r[0] === period && r[1] === repId);
  return row?.[column(values, header)];
}

describe("reviews of unchanged periods", () => {
  it("are not generated again: the second run generates none and leaves the Reviews sheet as it was", () => {
    const sim = team();
    recalculateNow(sim);
    const first = lastReviewEvent(sim);
    expect(first.periods).toEqual(["2026", "2026-01", "2026-02", "2026-03", "2026-04", "2026-Q1", "2026-Q2"]);
    expect(first.generated).toBe(7 * 6);
    const reviews = sim.sheetValues("Reviews");
    recalculateNow(sim);
    expect(lastReviewEvent(sim)).toEqual({ generated: 0, periods: [] });
    expect(sim.sheetValues("Reviews")).toEqual(reviews);
  });

  it("are generated again only for the periods a changed sale is in, and the texts say the new figures", () => {
    const sim = team();
    recalculateNow(sim);
    recalculateNow(sim);
    const before = sim.sheetValues("Reviews");
    const march = reviewCell(sim, "2026-03", "R0001", "Generated review");
    sim.setSheetValues("Sales", [[9000]], { startRow: APRIL_SALE_ROW, startColumn: 4 });
    recalculateNow(sim);
    // April, its quarter and its year; March and the first quarter are not affected by an April sale.
    expect(lastReviewEvent(sim).periods).toEqual(["2026", "2026-04", "2026-Q2"]);
    expect(reviewCell(sim, "2026-03", "R0001", "Generated review")).toBe(march);
    const after = sim.sheetValues("Reviews");
    const aprilRow = before.findIndex((r) => r[0] === "2026-04" && r[1] === "R0001");
    expect(after[aprilRow][2]).not.toBe(before[aprilRow][2]);
    expect(after.filter((r) => !["2026-04", "2026-Q2", "2026"].includes(String(r[0])))).toEqual(
      before.filter((r) => !["2026-04", "2026-Q2", "2026"].includes(String(r[0]))),
    );
  });

  it("are generated again when their cell was edited, and people's cells are kept", () => {
    const sim = team();
    recalculateNow(sim);
    const values = sim.sheetValues("Reviews");
    const row = values.findIndex((r) => r[0] === "2026-03" && r[1] === "R0002");
    const generated = values[row][2];
    const managerColumn = column(values, "Manager's review") + 1;
    sim.setSheetValues("Reviews", [["edited by hand"]], { startRow: row + 1, startColumn: 3 });
    sim.setSheetValues("Reviews", [["Great quarter, keep it up"]], { startRow: row + 1, startColumn: managerColumn });
    recalculateNow(sim);
    expect(lastReviewEvent(sim).periods).toEqual(["2026-03"]);
    expect(reviewCell(sim, "2026-03", "R0002", "Generated review")).toBe(generated);
    expect(reviewCell(sim, "2026-03", "R0002", "Manager's review")).toBe("Great quarter, keep it up");
  });

  it("are generated again when their rows were deleted from the sheet", () => {
    const sim = team();
    recalculateNow(sim);
    const reviews = sim.sheetValues("Reviews");
    const kept = reviews.filter((r) => r[0] !== "2026-Q1");
    sim.setSheetValues(
      "Reviews",
      reviews.map((_, i) => (kept[i] ?? reviews[0].map(() => "")).map((cell) => cell as string)),
    );
    recalculateNow(sim);
    expect(lastReviewEvent(sim).periods).toEqual(["2026-Q1"]);
    const after = sim.sheetValues("Reviews");
    expect(after.filter((r) => r[0] === "2026-Q1")).toEqual(reviews.filter((r) => r[0] === "2026-Q1"));
  });
});
