/**
 * SCORECARD through the built bundle: the same table the engine computes,
 * on ranges with headers and whole columns, bad rows counted in Notes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeWallClock } from "../../src/core/calendar";
import { DEFAULT_PLAN_ROWS } from "../../src/core/default-plan";
import { computePeriods } from "../../src/core/engine";
import { manualMetricKeys, planMetricKeys } from "../../src/core/plan-lookup";
import { readInputs } from "../../src/tables/read-inputs";
import { inputGrids } from "../fixtures/input-grids";
import { readPlan } from "../../src/tables/plan-table";
import { createSimulator, loadBundle } from "../../src/simulator";

const REPS_HEADER = ["Rep ID", "Name", "Team", "Role", "Start date"];
const SALES_HEADER = ["Date", "Rep ID", "Customer", "Amount", "Type", "Status"];
const TARGETS_HEADER = ["Rep ID", "Period", "Metric", "Target"];
const SCORES_HEADER = ["Rep ID", "Period", "Metric", "Value"];

type Grid = unknown[][];

function bundleFor(timeZone = "UTC") {
  return loadBundle({ simulator: createSimulator({ timeZone }), context: { kind: "customFunction" } });
}

/** Whole columns: Sheets passes the blank rows below the data too. */
function wholeColumn(grid: Grid, rows = 200): Grid {
  const width = grid[0].length;
  return [...grid, ...Array.from({ length: rows }, () => Array.from({ length: width }, () => ""))];
}

function engineTable(reps: Grid, sales: Grid, targets: Grid, scores: Grid, period: string) {
  const wallClock = makeWallClock("UTC");
  const plan = readPlan(DEFAULT_PLAN_ROWS, "Plan", { wallClock }).plan;
  const read = readInputs(inputGrids({ reps, sales, targets, scores }), {
    wallClock,
    manualMetrics: manualMetricKeys(plan),
    planMetrics: new Set(planMetricKeys(plan)),
  });
  return computePeriods({ records: read.records, plan, periods: [period] }).results[0];
}

const reps: Grid = [
  REPS_HEADER,
  ["R1", "Ann", "East", "rep", ""],
  ["R2", "王芳", "East", "rep", ""],
  ["001", '=HYPERLINK("x")', "West", "rep", ""],
];
const sales: Grid = [
  SALES_HEADER,
  ["2026-03-03", "R1", "Acme", 60000, "new", "won"],
  ["2026-03-09", "r2 ", "Beta", "¥45,000", "续约", "赢单"],
  ["2026-03-10", "R2", "Gamma", 10000, "renewal", "lost"],
  ["2026-03-12", "001", "Delta", 20000, "new", "won"],
];
const targets: Grid = [
  TARGETS_HEADER,
  ["*", "2026-03", "revenue", 50000],
  ["*", "2026-03", "new_customers", 2],
  ["*", "2026-03", "win_rate", 0.5],
];
const scores: Grid = [SCORES_HEADER, ["R1", "2026-03", "csat", 4.6]];

/** SCORECARD of the fixture's reps, targets, scores and default plan over a Sales grid, as the bundle answers. */
function scorecardOf(salesGrid: Grid, period = "2026-03"): unknown[][] {
  return bundleFor().callJson("SCORECARD", reps, salesGrid, targets, scores, DEFAULT_PLAN_ROWS, period) as unknown[][];
}

describe("SCORECARD in the built bundle", () => {
  it("returns the header and one row per rep, agreeing with the engine on score, rank and bonus", () => {
    const table = bundleFor().callJson(
      "SCORECARD",
      wholeColumn(reps),
      wholeColumn(sales),
      wholeColumn(targets),
      wholeColumn(scores),
      DEFAULT_PLAN_ROWS,
      "2026-03",
    ) as unknown[][];
    const header = table[0] as string[];
    expect(header.slice(0, 9)).toEqual([
      "Period",
      "Rep ID",
      "Name",
      "Team",
      "Score",
      "Rank",
      "Team rank",
      "Bonus",
      "Notes",
    ]);
    expect(header).toContain("revenue actual");
    const expected = engineTable(reps, sales, targets, scores, "2026-03");
    expect(table).toHaveLength(1 + expected.rows.length);
    const col = (name: string) => header.indexOf(name);
    for (const [i, row] of expected.rows.entries()) {
      const got = table[i + 1];
      expect(got[col("Rep ID")]).toBe(row.id);
      expect(got[col("Score")]).toBeCloseTo(row.score!, 12);
      expect(got[col("Rank")]).toBe(row.rank);
      expect(got[col("Bonus")]).toBe(row.payout!.total);
    }
    // Text stays text: the Rep ID 001 and a formula-looking name come back as typed.
    expect(table.map((r) => r[col("Rep ID")])).toContain("001");
    expect(table.map((r) => r[col("Name")])).toContain('=HYPERLINK("x")');
  });

  it("works out R1's row by hand", () => {
    const table = scorecardOf(sales);
    const header = table[0] as string[];
    const r1 = table.find((r) => r[1] === "R1")!;
    // revenue 60000 / 50000 = 1.2; new customers 1 / 2 = 0.5; win rate 1 / 1 won of won+lost = 1 / 0.5 = 2 (capped 1.5 in the score)
    expect(r1[header.indexOf("revenue actual")]).toBe(60000);
    expect(r1[header.indexOf("revenue attainment")]).toBeCloseTo(60000 / 50000, 12);
    expect(r1[header.indexOf("new_customers attainment")]).toBeCloseTo(1 / 2, 12);
    expect(r1[header.indexOf("win_rate attainment")]).toBeCloseTo(1 / 0.5, 12);
  });

  it("leaves a bad row out and counts it in the last row's Notes", () => {
    const bad = [
      ...sales,
      ["2026-03-15", "R1", "Eps", "lots", "new", "won"],
      ["2026-03-16", "R9", "Zeta", 5, "new", "won"],
    ];
    const table = scorecardOf(bad);
    const header = table[0] as string[];
    const last = table[table.length - 1];
    expect(last[header.indexOf("Notes")]).toBe(
      '2 input problems, rows left out: Sales!D6: Amount "lots" is not a number; the row is left out; Sales!B7: Rep ID "R9" is not on the Reps sheet; the row is left out',
    );
    expect(table).toHaveLength(1 + 3 + 1);
  });

  it("counts in Notes the problems of the rows its period reads: Sales of the period and the one before", () => {
    const withJanuary = [...sales, ["2026-01-15", "R1", "Eps", "lots", "new", "won"]];
    const march = scorecardOf(withJanuary, "2026-03");
    expect(march).toEqual(scorecardOf(sales, "2026-03"));
    const february = scorecardOf(withJanuary, "2026-02");
    const header = february[0] as string[];
    expect(february[february.length - 1][header.indexOf("Notes")]).toBe(
      '1 input problem, rows left out: Sales!D6: Amount "lots" is not a number; the row is left out',
    );
  });

  it("reads the period as 2026年3月 or as a date, and fails with a one-line message on a bad one", () => {
    const bundle = bundleFor("Asia/Shanghai");
    const a = bundle.callJson("SCORECARD", reps, sales, targets, scores, DEFAULT_PLAN_ROWS, "2026年3月") as unknown[][];
    const b = bundle.callJson("SCORECARD", reps, sales, targets, scores, DEFAULT_PLAN_ROWS, "2026-03") as unknown[][];
    expect(a).toEqual(b);
    expect(() => bundle.callJson("SCORECARD", reps, sales, targets, scores, DEFAULT_PLAN_ROWS, "March")).toThrow(
      'SCORECARD: period "March" is not a period (use 2026-03, 2026-Q1 or 2026)',
    );
    expect(() => bundle.callJson("SCORECARD", "", sales, targets, scores, DEFAULT_PLAN_ROWS, "2026-03")).toThrow(
      "SCORECARD: reps is missing",
    );
  });

  it("agrees with the engine on random teams (property)", () => {
    const bundle = bundleFor();
    const saleRow = fc.tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom("R1", "R2", "001"),
      fc.constantFrom("A", "B", "C", "D"),
      fc.integer({ min: 0, max: 90000 }),
      fc.constantFrom("new", "renewal", "expansion"),
      fc.constantFrom("won", "won", "lost", "open"),
    );
    fc.assert(
      fc.property(fc.array(saleRow, { maxLength: 25 }), fc.integer({ min: 1, max: 100000 }), (rows, revenueTarget) => {
        const s: Grid = [
          SALES_HEADER,
          ...rows.map(([d, rep, c, amount, type, status]) => [
            `2026-03-${String(d).padStart(2, "0")}`,
            rep,
            c,
            amount,
            type,
            status,
          ]),
        ];
        const t: Grid = [TARGETS_HEADER, ["*", "2026-03", "revenue", revenueTarget], ["*", "2026-03", "win_rate", 0.4]];
        const table = bundle.callJson("SCORECARD", reps, s, t, scores, DEFAULT_PLAN_ROWS, "2026-03") as unknown[][];
        const expected = engineTable(reps, s, t, scores, "2026-03");
        const header = table[0] as string[];
        expect(
          table
            .slice(1)
            .map((r) => [r[header.indexOf("Rep ID")], r[header.indexOf("Rank")], r[header.indexOf("Bonus")]]),
        ).toEqual(expected.rows.map((r) => [r.id, r.rank ?? "", r.payout!.total]));
      }),
      { numRuns: 40 },
    );
  });
});
