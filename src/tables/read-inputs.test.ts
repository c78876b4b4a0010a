import { describe, expect, it } from "vitest";
import { dayNumber, makeWallClock } from "../core/calendar";
import { formatProblem } from "../core/problems";
import { readInputs, type InputGrids, type ReadInputsOptions } from "./read-inputs";
import { MONTH_END_ZONES } from "../../test/fixtures/month-end-zones";
import { inputGrids } from "../../test/fixtures/input-grids";

const MINUTE_MS = 60_000;

function options(timeZone = "UTC"): ReadInputsOptions {
  return {
    wallClock: makeWallClock(timeZone),
    planMetrics: new Set(["revenue", "deals_won", "new_customers", "csat"]),
    manualMetrics: new Set(["csat"]),
  };
}

function grids(values: Partial<Record<keyof InputGrids, unknown[][] | null>>): InputGrids {
  // Sales must exist: a test about other sheets gets a Sales sheet with headers only.
  return inputGrids({ sales: [["Date", "Rep ID", "Customer", "Amount"]], ...values });
}

/** Reads the grids (Sales with headers only unless given) with the tests' default options. */
function read(values: Partial<Record<keyof InputGrids, unknown[][] | null>>) {
  return readInputs(grids(values), options());
}

const REPS = [
  ["Rep ID", "Name", "Email", "Role", "Team", "Manager", "Start date", "End date", "Target bonus"],
  [" R1 ", "Ann Lee", "ann@example.com", "AE", "East", "", "2025-01-01", "", "1,000"],
  [102, "Bob", "", "", "", "r1", "2026-03-15", "2026-06-30", ""],
];

describe("readInputs: records", () => {
  it("reads reps with keys, managers, dates and target bonuses", () => {
    const { records, problems } = readInputs(grids({ reps: REPS }), options());
    expect(problems).toEqual([]);
    expect(records.reps).toEqual([
      {
        row: 2,
        key: "r1",
        id: "R1",
        name: "Ann Lee",
        email: "ann@example.com",
        role: "AE",
        team: "East",
        manager: "",
        start: dayNumber(2025, 1, 1),
        end: null,
        targetBonus: 1000,
      },
      {
        row: 3,
        key: "102",
        id: "102",
        name: "Bob",
        email: "",
        role: "",
        team: "",
        manager: "r1",
        start: dayNumber(2026, 3, 15),
        end: dayNumber(2026, 6, 30),
        targetBonus: null,
      },
    ]);
    expect(records.salesHaveType).toBe(false);
  });

  it("reads sales with their defaults: Status won, Split 1, Type null", () => {
    const { records, problems } = read({
      reps: REPS,
      sales: [
        ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Split", "Deal ID"],
        ["2026-03-31", "r1", "  Acme Ltd ", "¥1,200", "", "", "2026-03-01", "", " D-1 "],
        ["2026/4/1", 102, "ACME LTD", "1.2万", "续约", "输单", "", "50%", 7],
      ],
    });
    expect(problems).toEqual([]);
    expect(records.salesHaveType).toBe(true);
    expect(records.sales).toEqual([
      {
        row: 2,
        day: dayNumber(2026, 3, 31),
        rep: "r1",
        customer: "Acme Ltd",
        customerKey: "acme ltd",
        amount: 1200,
        type: null,
        status: "won",
        opened: dayNumber(2026, 3, 1),
        split: 1,
        dealId: "D-1",
      },
      {
        row: 3,
        day: dayNumber(2026, 4, 1),
        rep: "102",
        customer: "ACME LTD",
        customerKey: "acme ltd",
        amount: 12000,
        type: "renewal",
        status: "lost",
        opened: null,
        split: 0.5,
        dealId: "7",
      },
    ]);
  });

  it("reads target scopes, periods and metric keys", () => {
    const { records, problems } = read({
      reps: REPS,
      targets: [
        ["Rep ID", "Period", "Metric", "Target"],
        ["r1", "2026-3", "Revenue", "5万"],
        ["team: East", "2026年第2季度", "新客户数", 4],
        ["ROLE：AE", "2026", "deals-won", 20],
        ["*", 2026, "csat", 4.5],
      ],
    });
    expect(problems).toEqual([]);
    expect(records.targets).toEqual([
      { row: 2, scope: { level: "rep", rep: "r1" }, period: "2026-03", metric: "revenue", target: 50000 },
      { row: 3, scope: { level: "team", team: "East" }, period: "2026-Q2", metric: "new_customers", target: 4 },
      { row: 4, scope: { level: "role", role: "AE" }, period: "2026", metric: "deals_won", target: 20 },
      { row: 5, scope: { level: "all" }, period: "2026", metric: "csat", target: 4.5 },
    ]);
  });

  it("reads scores and adjustments", () => {
    const { records, problems } = read({
      reps: REPS,
      scores: [
        ["Rep ID", "Period", "Metric", "Value"],
        ["R1", "2026年3月", "客户满意度", "4.5"],
      ],
      adjustments: [
        ["Rep ID", "Period", "Amount", "Reason"],
        ["102", "2026/04", "-$200", " Clawback of D-1 "],
      ],
    });
    expect(problems).toEqual([]);
    expect(records.scores).toEqual([{ row: 2, rep: "r1", period: "2026-03", metric: "csat", value: 4.5 }]);
    expect(records.adjustments).toEqual([
      { row: 2, rep: "102", period: "2026-04", amount: -200, reason: "Clawback of D-1" },
    ]);
  });

  it("reports problems sorted by sheet, row and column", () => {
    const { problems } = read({
      reps: REPS,
      sales: [
        ["Date", "Rep ID", "Customer", "Amount"],
        ["x", "R1", "A", "y"],
        ["2026-03-01", "R9", "A", 1],
      ],
      adjustments: [
        ["Rep ID", "Period", "Amount", "Reason"],
        ["R9", "2026-03", 1, "x"],
      ],
    });
    expect(problems.map((p) => formatProblem(p, "en"))).toEqual([
      'Sales!A2: Date "x" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Sales!D2: Amount "y" is not a number; the row is left out',
      'Sales!B3: Rep ID "R9" is not on the Reps sheet; the row is left out',
      'Adjustments!A2: Rep ID "R9" is not on the Reps sheet; the row is left out',
    ]);
    expect(problems.map((p) => p.severity)).toEqual(["error", "error", "error", "error"]);
  });
});

describe("readInputs: deals at the month's edges land in the month the sheet shows", () => {
  for (const [zone, offset] of MONTH_END_ZONES) {
    it(zone, () => {
      const wall = (y: number, m: number, d: number, hh: number, mm: number) =>
        new Date(Date.UTC(y, m - 1, d, hh, mm) - offset * MINUTE_MS);
      const { records, problems } = readInputs(
        grids({
          reps: [
            ["Rep ID", "Name"],
            ["R1", "Ann"],
          ],
          sales: [
            ["Date", "Rep ID", "Customer", "Amount"],
            [wall(2026, 3, 31, 23, 30), "R1", "Late", 1],
            [wall(2026, 4, 1, 0, 30), "R1", "Early", 1],
          ],
          adjustments: [
            ["Rep ID", "Period", "Amount", "Reason"],
            ["R1", wall(2026, 3, 31, 23, 30), 1, "x"],
          ],
        }),
        options(zone),
      );
      expect(problems).toEqual([]);
      expect(records.sales.map((s) => s.day)).toEqual([dayNumber(2026, 3, 31), dayNumber(2026, 4, 1)]);
      expect(records.adjustments.map((a) => a.period)).toEqual(["2026-03"]);
    });
  }
});

describe("readInputs: duplicate Deal IDs among many rows", () => {
  it("finds exactly the repeated Deal IDs a plain Map finds", () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const sales: unknown[][] = [["Date", "Rep ID", "Customer", "Amount", "Deal ID"]];
    for (let i = 0; i < 200_000; i += 1) {
      const rep = "R" + random(20);
      // Mostly distinct IDs, some repeated, in varying case.
      const id = random(50) === 0 ? "dup" + random(500) : "D" + i;
      sales.push(["2026-03-01", rep, "C", 1, random(2) ? id.toUpperCase() : id]);
    }
    const reps: unknown[][] = [["Rep ID", "Name"]];
    for (let r = 0; r < 20; r += 1) reps.push(["R" + r, "Rep " + r]);
    const { records, problems } = readInputs(grids({ reps, sales }), options());

    const firstRow = new Map<string, number>();
    const expectedLeftOut: string[] = [];
    sales.slice(1).forEach((cells, index) => {
      const key = String(cells[1]).toLowerCase() + "|" + String(cells[4]).toLowerCase();
      const earlier = firstRow.get(key);
      if (earlier === undefined) firstRow.set(key, index + 2);
      else
        expectedLeftOut.push(
          `Sales!E${index + 2}: Deal ID "${cells[4]}" is also on E${earlier} for the same rep; this row is left out`,
        );
    });
    expect(expectedLeftOut.length).toBeGreaterThan(100);
    expect(problems.map((p) => formatProblem(p, "en"))).toEqual(expectedLeftOut);
    expect(records.sales.length).toBe(200_000 - expectedLeftOut.length);
  });
});

describe("readInputs: only the Scores rows of some periods", () => {
  const SCORES = [
    ["Rep ID", "Period", "Metric", "Value"],
    ["R1", "2026-02", "csat", 4],
    ["R1", "2026-03", "csat", 5],
    ["R1", "2026年3月", "csat", 3],
    ["R1", "2026-01", "csat", "lots"],
    ["R9", "2026-01", "csat", 4],
    ["R1", "March", "csat", 4],
  ];

  it("skips a row whose Period cell is another period's key, problems and all; other cells are read as usual", () => {
    const all = readInputs(grids({ reps: REPS, scores: SCORES }), options());
    const some = readInputs(grids({ reps: REPS, scores: SCORES }), {
      ...options(),
      scorePeriods: new Set(["2026-03"]),
    });
    expect(all.records.scores.map((score) => score.row)).toEqual([2, 3, 4]);
    expect(some.records.scores.map((score) => [score.row, score.period, score.value])).toEqual([
      [3, "2026-03", 5],
      [4, "2026-03", 3],
    ]);
    expect(all.problems.map((problem) => problem.cell)).toEqual(["D5", "A6", "B7"]);
    expect(some.problems.map((problem) => problem.cell)).toEqual(["B7"]);
  });
});
