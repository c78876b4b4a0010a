/**
 * Numbers far beyond any real amount (`1e308`, one typo away from an
 * overflow) in every input sheet and in the Plan, through a whole run of the
 * BUILT bundle: each run ends done, with a problem at the bad cell, no output
 * cell holding NaN or Infinity, and every other rep computed with the same
 * actuals as in a run without the bad cell.
 */
import { describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../src/simulator";
import type { CellInput } from "../../src/simulator/snapshot";
import { recalculateLocally } from "../recalculation/fixtures";
import { PLAN_COLUMNS, STANDARD_PAY_ROWS } from "../fixtures/plan-grid";

type Grid = CellInput[][];
type Book = Record<"Plan" | "Reps" | "Sales" | "Targets" | "Scores" | "Adjustments", Grid>;

const PLAN_HEADER = [...PLAN_COLUMNS, "Effective from"];

/** One plan version from January: revenue and a manual csat score, a commission, a bonus on the score. */
function planRows(from: string): Grid {
  return [
    ["metric", "revenue", 0.6, "", "", "", "", "", "", from],
    ["manual", "csat", 0.4, "higher", "", "", "", "", "", from],
    ...STANDARD_PAY_ROWS.map((row) => [...row, from]),
  ];
}

/** Periods as text, as a manager types them into a cell formatted as text. */
function period(text: string): CellInput {
  return { value: text, format: "@" };
}

/** Three reps with March deals, targets for everyone, one score and one adjustment. */
function cleanBook(): Book {
  return {
    Plan: [PLAN_HEADER, ...planRows("2026-01")],
    Reps: [
      ["Rep ID", "Name", "Team", "Target bonus"],
      ["R1", "Ann", "East", 1200],
      ["R2", "Bob", "East", ""],
      ["R3", "Cat", "West", ""],
    ],
    Sales: [
      ["Date", "Rep ID", "Customer", "Amount"],
      ["2026-03-05", "R1", "Acme", 12000],
      ["2026-03-06", "R2", "Globex", 8000],
      ["2026-03-07", "R3", "Initech", 5000],
      ["2026-02-10", "R2", "Hooli", 3000],
    ],
    Targets: [
      ["Rep ID", "Period", "Metric", "Target"],
      ["*", period("2026-03"), "revenue", 10000],
      ["*", period("2026-03"), "csat", 4],
    ],
    Scores: [
      ["Rep ID", "Period", "Metric", "Value"],
      ["R1", period("2026-03"), "csat", 4.5],
    ],
    Adjustments: [
      ["Rep ID", "Period", "Amount", "Reason"],
      ["R2", period("2026-03"), -100, "Refund"],
    ],
  };
}

function run(book: Book): { sim: Simulator; summary: { outcome: string; problems: string[] } } {
  const sim = createSimulator({ now: "2026-04-10T04:00:00Z", timeZone: "Asia/Shanghai", sheets: book as never });
  const summary = recalculateLocally(sim) as { outcome: string; problems: string[] };
  return { sim, summary };
}

/** Per Results row, `period rep` to the rep's actuals (every `… actual` column). */
function actualsByRep(sim: Simulator): Map<string, Record<string, unknown>> {
  const [header, ...rows] = sim.sheetValues("Results") as unknown[][];
  const names = header as string[];
  const actualColumns = names.map((name, index) => [name, index] as const).filter(([name]) => name.endsWith(" actual"));
  const byRep = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = String(row[names.indexOf("Period")]) + " " + String(row[names.indexOf("Rep ID")]);
    byRep.set(key, Object.fromEntries(actualColumns.map(([name, index]) => [name, row[index]])));
  }
  return byRep;
}

/** Every output cell that reads as a broken number. */
function brokenCells(sim: Simulator): string[] {
  const broken: string[] = [];
  for (const name of ["Results", "Payouts", "Reviews", "Dashboard"].filter((n) => sim.sheetNames().includes(n))) {
    sim.sheetValues(name).forEach((row, r) =>
      (row as unknown[]).forEach((cell, c) => {
        const bad =
          (typeof cell === "number" && !Number.isFinite(cell)) ||
          (typeof cell === "string" && /\b(NaN|Infinity)\b|e\+\d{3}/.test(cell));
        if (bad) broken.push(`${name} R${r + 1}C${c + 1}: ${String(cell)}`);
      }),
    );
  }
  return broken;
}

const BOUND = "±1,000,000,000,000";

interface HostileCase {
  name: string;
  change: (book: Book) => void;
  problems: string[];
  /** The rep whose row the bad cell leaves out, if any: the others must keep their actuals. */
  repLeftOut?: string;
}

const CASES: HostileCase[] = [
  {
    name: "an Amount of 1e308",
    change: (book) => book.Sales.push(["2026-03-20", "R1", "Typo Inc", 1e308]),
    problems: [`Sales!D6: Amount 1e+308 is beyond ${BOUND}; the row is left out`],
  },
  {
    name: "an Amount of -1e308",
    change: (book) => book.Sales.push(["2026-03-20", "R2", "Typo Inc", -1e308]),
    problems: [`Sales!D6: Amount -1e+308 is beyond ${BOUND}; the row is left out`],
  },
  {
    name: "an Amount of the text 1e308",
    change: (book) => book.Sales.push(["2026-03-20", "R3", "Typo Inc", "1e308"]),
    problems: [`Sales!D6: Amount 1e308 is beyond ${BOUND}; the row is left out`],
  },
  {
    name: "a Target of 1e308",
    change: (book) => book.Targets.push(["R2", period("2026-03"), "revenue", 1e308]),
    problems: [`Targets!D4: Target 1e+308 is beyond ${BOUND}; the row is left out`],
  },
  {
    name: "a Scores Value of 1e308",
    change: (book) => book.Scores.push(["R2", period("2026-03"), "csat", 1e308]),
    problems: [`Scores!D3: Value 1e+308 is beyond ${BOUND}; the row is left out`],
  },
  {
    // Two rows for one rep: summed, they would be Infinity.
    name: "two Adjustments Amounts of 1e308 for one rep",
    change: (book) =>
      book.Adjustments.push(["R3", period("2026-03"), 1e308, "Typo"], ["R3", period("2026-03"), 1e308, "Typo again"]),
    problems: [
      `Adjustments!C3: Amount 1e+308 is beyond ${BOUND}; the row is left out`,
      `Adjustments!C4: Amount 1e+308 is beyond ${BOUND}; the row is left out`,
    ],
  },
  {
    name: "a Reps Target bonus of 1e308",
    change: (book) => {
      book.Reps[1][3] = 1e308;
    },
    // A typo in the bonus must not cost the rep their whole row: the plan's default is used, with a warning.
    problems: ["Reps!D2: Target bonus 1e+308 is beyond 1,000,000,000,000: a typo? The plan's default is used"],
  },
  {
    name: "a checkbox, an error value and a date where a Rep ID belongs",
    change: (book) => {
      book.Scores.push([true, period("2026-03"), "csat", 3]);
      book.Targets.push(["#REF!", period("2026-03"), "revenue", 500]);
      book.Adjustments.push([{ wallClock: "2026-03-31" }, period("2026-03"), 50, "Bonus"]);
    },
    problems: [
      "Targets!A4: Rep ID #REF! is not an ID (a checkbox, a date or an error value); the row is left out",
      "Scores!A3: Rep ID TRUE is not an ID (a checkbox, a date or an error value); the row is left out",
      "Adjustments!A3: Rep ID 2026-03-31 is not an ID (a checkbox, a date or an error value); the row is left out",
    ],
  },
];

function expectProblems(problems: string[], expected: string[]): void {
  for (const line of expected)
    expect(
      problems.some((problem) => problem.startsWith(line)),
      `${line}\n in ${problems.join("\n")}`,
    ).toBe(true);
}

describe("numbers beyond the bounds through a whole run of the built bundle", () => {
  const baseline = run(cleanBook());

  it("the clean workbook runs without problems and computes every rep", () => {
    expect(baseline.summary.outcome).toBe("done");
    expect(baseline.summary.problems).toEqual([]);
    const actuals = actualsByRep(baseline.sim);
    // March revenue as the Sales rows give it: R1 12,000, R2 8,000, R3 5,000.
    expect(actuals.get("2026-03 R1")?.["revenue actual"]).toBe(12000);
    expect(actuals.get("2026-03 R2")?.["revenue actual"]).toBe(8000);
    expect(actuals.get("2026-03 R3")?.["revenue actual"]).toBe(5000);
    // Q1 adds R2's February deal: 8,000 + 3,000.
    expect(actuals.get("2026-Q1 R2")?.["revenue actual"]).toBe(11000);
  });

  for (const hostile of CASES) {
    it(hostile.name, () => {
      const book = cleanBook();
      hostile.change(book);
      const { sim, summary } = run(book);
      expect(summary.outcome).toBe("done");
      expectProblems(summary.problems, hostile.problems);
      expect(brokenCells(sim)).toEqual([]);
      const expected = actualsByRep(baseline.sim);
      const actual = actualsByRep(sim);
      for (const [key, values] of expected) {
        if (hostile.repLeftOut !== undefined && key.endsWith(" " + hostile.repLeftOut)) continue;
        expect(actual.get(key), key).toEqual(values);
      }
    });
  }

  it("a Plan tier rate of 1e308 is a problem at its cell, and only its version is not used", () => {
    const book = cleanBook();
    // A second version from April whose commission rate is a typo; March is computed by the January version.
    const april = planRows("2026-04");
    april[6][7] = 1e308;
    book.Plan.push(...april);
    const tierIndex = book.Plan.length - 2; // the April commission tier, above its setting row
    expect(book.Plan[tierIndex][7]).toBe(1e308);
    const rateRow = tierIndex + 1;
    const { sim, summary } = run(book);
    expect(summary.outcome).toBe("done");
    expectProblems(summary.problems, [
      `Plan!H${rateRow}: Rate 1e+308 is beyond ±1,000,000; plan version 2026-04 is not used`,
    ]);
    expect(brokenCells(sim)).toEqual([]);
    expect(actualsByRep(sim)).toEqual(actualsByRep(baseline.sim));
  });

  it("a Plan tier rate of 1e308 in the only version: the run is done and reports it, computing nothing", () => {
    const book = cleanBook();
    book.Plan[7][7] = 1e308;
    const { sim, summary } = run(book);
    expect(summary.outcome).toBe("done");
    expectProblems(summary.problems, ["Plan!H8: Rate 1e+308 is beyond ±1,000,000; plan version 2026-01 is not used"]);
    expect(brokenCells(sim)).toEqual([]);
  });
});
