/**
 * The engine's scoresOnly periods (SCORECARD's previous period, read only for
 * the most improved rep): the same scores as a full computation, without
 * ranks or pay, and the other periods untouched.
 */
import { describe, expect, it } from "vitest";
import { computePeriods } from "../../src/core/engine";
import { bonus, plan, records, rep, sale, target, variant, version } from "../fixtures/engine-fixtures";

const input = records({
  reps: [rep("A", { team: "East" }), rep("B", { team: "East" }), rep("C", { team: "West" })],
  sales: [
    sale("A", "2026-02-03", 1500),
    sale("B", "2026-02-10", 800),
    sale("C", "2026-02-11", 1000),
    sale("A", "2026-03-04", 900),
    sale("B", "2026-03-12", 1300),
  ],
  targets: [target({ level: "all" }, "2026-02", "revenue", 1000), target({ level: "all" }, "2026-03", "revenue", 1000)],
});
const paidPlan = plan(version({ base: variant({ components: [bonus()] }) }));

function computed(scoresOnly?: ReadonlySet<string>) {
  return computePeriods({ records: input, plan: paidPlan, periods: ["2026-02", "2026-03"], scoresOnly });
}

describe("scoresOnly periods", () => {
  const full = computed();
  const lean = computed(new Set(["2026-02"]));

  it("give every rep the score and metrics a full computation gives", () => {
    const scores = (rows: (typeof full.results)[0]["rows"]) =>
      Object.fromEntries(rows.map((row) => [row.id, [row.score, row.metrics]]));
    expect(scores(lean.results[0].rows)).toEqual(scores(full.results[0].rows));
    // A 1.5, B 0.8, C 1.0 of a 1,000 revenue target.
    expect(lean.results[0].rows.map((row) => [row.id, row.score])).toEqual(
      expect.arrayContaining([
        ["A", 1.5],
        ["B", 0.8],
        ["C", 1],
      ]),
    );
  });

  it("rank and pay no one in them", () => {
    for (const row of lean.results[0].rows) expect([row.rank, row.teamRank, row.payout]).toEqual([null, null, null]);
    expect(full.results[0].rows.every((row) => row.rank !== null && row.payout !== null)).toBe(true);
  });

  it("leave the other periods as a full computation gives them", () => {
    expect(lean.results[1]).toEqual(full.results[1]);
    expect(lean.problems).toEqual(full.problems);
  });
});
