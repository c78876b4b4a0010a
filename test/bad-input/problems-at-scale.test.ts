/**
 * Problems at scale, through the built bundle in the simulator: thousands of
 * bad cells give one grouped line per sheet, column, code and severity in the
 * Run log and the console, with totals that agree, while the Problems sheet
 * lists every problem cell, one row each, and nothing is cut silently.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RunSummary } from "../../src/addon/recalculation";
import { fill } from "../../src/core/localized-text";
import { PROBLEM_MESSAGES, type ProblemCode } from "../../src/core/problems";
import { parseGroupLine } from "../../src/core/problem-groups";
import { defaultPlanSheet } from "../../src/local/workbook/default-plan-sheet";
import { consoleProblemLines } from "../../src/local/cli/problem-lines";
import { START_MESSAGES } from "../../src/local/cli/start-messages";
import { createSimulator, type Simulator } from "../../src/simulator/index";
import type { CellInput } from "../../src/simulator/snapshot";
import { ensureBuilt } from "../local/start-helpers";
import { callGlobal, column, recalculateLocally, runLogRows, teamSheets } from "../recalculation/fixtures";

const message = (code: ProblemCode, args: Record<string, string | number> = {}) =>
  fill(PROBLEM_MESSAGES[code].en, args);
const PLAN_DEFAULT = ["Plan", "A1", "warning", message("plan_default_used"), "plan_default_used"];

function simulatorOf(sheets: Record<string, CellInput[][]>): Simulator {
  return createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", sheets });
}

/** The latest Run log row's Problems count and Problem list. */
function runLogProblems(sim: Simulator): { count: number; list: string } {
  const header = sim.sheetValues("Run log")[0];
  const row = runLogRows(sim).at(-1)!;
  return { count: row[header.indexOf("Problems")] as number, list: String(row[header.indexOf("Problem list")]) };
}

/** What the console prints for a summary: the total line first. */
function consoleTotal(summary: RunSummary): { lines: string[]; total: number } {
  const lines = consoleProblemLines(summary, START_MESSAGES.en, "result.xlsx");
  const match = /^The input has (\d+) problems?(?: and (\d+) warnings?)?/.exec(lines[0])!;
  return { lines, total: Number(match[1]) + Number(match[2] ?? 0) };
}

beforeAll(() => {
  ensureBuilt();
});

describe("10,000 Sales rows with 500 bad dates", () => {
  // Sheet rows 20, 40, ..., 10,000 (every 20th): 10,000 / 20 = 500 bad dates.
  const BAD_ROWS = Array.from({ length: 500 }, (_, i) => 20 * (i + 1));
  const dateMessage = message("not_a_date", { column: "Date", value: "not a date" });
  let sim: Simulator;
  let summary: RunSummary;

  beforeAll(() => {
    const sheets = teamSheets({ salesRows: 10_000 });
    for (const row of BAD_ROWS) sheets.Sales[row - 1][0] = "not a date";
    sim = simulatorOf(sheets);
    summary = recalculateLocally(sim) as unknown as RunSummary;
  }, 120_000);

  it("gives one grouped line for them in the Run log, then where the full list is", () => {
    const { count, list } = runLogProblems(sim);
    // 500 bad dates + the default-plan warning.
    expect(count).toBe(501);
    expect(list.split("\n")).toEqual([
      `Sales!A20, A40, A60, …, 500 rows: ${dateMessage} (first: A20)`,
      "Plan!A1: " + message("plan_default_used"),
      "full list: Problems sheet",
    ]);
  });

  it("prints the same grouped line in the console, with a total equal to the Run log's", () => {
    const { lines, total } = consoleTotal(summary);
    expect(lines).toEqual([
      "The input has 500 problems and 1 warning; rows with problems are left out, the rest is computed:",
      `Sales!A20, A40, A60, …, 500 rows: ${dateMessage} (first: A20)`,
      "Plan!A1: " + message("plan_default_used"),
      "Every problem cell, one row each: the Problems sheet in result.xlsx",
    ]);
    expect(total).toBe(runLogProblems(sim).count);
    expect(summary.problemCount).toBe(501);
    expect(summary.errorCount).toBe(500);
  });

  it("gives the sidebar the grouped lines and the total, not 500 rows", () => {
    const team = callGlobal(sim, "sidebarTeam", { kind: "manual" }, { period: null }) as { problems: unknown };
    expect(team.problems).toEqual({
      count: 501,
      groups: [
        { cells: "Sales!A20, A40, A60, …", rows: 500, message: dateMessage },
        { cells: "Plan!A1", rows: 1, message: message("plan_default_used") },
      ],
      notListed: 0,
      sheet: "Problems",
      when: expect.any(String),
    });
  });

  it("lists every one of the 500 cells on the Problems sheet, in the lines' order", () => {
    const values = sim.sheetValues("Problems");
    expect(values[0]).toEqual(["Sheet", "Cell", "Severity", "Problem", "Code"]);
    expect(values).toHaveLength(1 + 501);
    BAD_ROWS.forEach((row, i) =>
      expect(values[1 + i]).toEqual(["Sales", "A" + row, "error", dateMessage, "not_a_date"]),
    );
    expect(values[501]).toEqual(PLAN_DEFAULT);
  });

  it("owns the Problems sheet like Results: marked, warning-only protection, text cells", () => {
    const sheet = sim.snapshot().sheets.find((s) => s.name === "Problems")!;
    expect(sheet.metadata).toContainEqual(expect.objectContaining({ key: "salesScorecard.output", value: "problems" }));
    expect(sheet.protections).toHaveLength(1);
    expect(sheet.protections[0].warningOnly).toBe(true);
    expect(sheet.frozenRows).toBe(1);
    for (const cell of ["A1", "A2", "B2", "D2", "E501"]) expect(sheet.formats[cell], cell).toBe("@");
  });

  it("is rewritten by the next run: a fixed input leaves the header and a line saying there are none", () => {
    // A team with the plan on its sheet and 500 extra rows with bad dates; then the bad rows are cleared.
    const sheets = {
      ...teamSheets({
        salesRows: 100,
        extraSales: BAD_ROWS.map(() => ["not a date", "R0001", "C", 100, "new", "won"]),
      }),
      Plan: defaultPlanSheet("en").values as CellInput[][],
    };
    const twice = simulatorOf(sheets);
    recalculateLocally(twice);
    expect(twice.sheetValues("Problems")).toHaveLength(1 + 500);
    twice
      .globals()
      .SpreadsheetApp.getActiveSpreadsheet()!
      .getSheetByName("Sales")!
      .getRange(102, 1, 500, 6)
      .clearContent();
    const second = recalculateLocally(twice) as unknown as RunSummary;
    expect(second.problemCount).toBe(0);
    const values = twice.sheetValues("Problems");
    // The 500 rows the first run wrote are blanked by the same block.
    expect(values.filter((row) => row.some((cell) => cell !== ""))).toEqual([
      ["Sheet", "Cell", "Severity", "Problem", "Code"],
      ["No problems: the latest run found none in the inputs.", "", "", "", ""],
    ]);
    expect(runLogProblems(twice)).toEqual({ count: 0, list: "" });
  }, 120_000);
});

describe("60,000 problems", () => {
  // 60,000 Sales rows, all but every 60th with a bad Amount: 60,000 - 60,000 / 60 = 59,000 errors;
  // a Scores header with the Value column 1,000 times: 999 duplicate-column warnings, each its own group;
  // and the default-plan warning. 59,000 + 999 + 1 = 60,000 problems in 1 + 999 + 1 = 1,001 groups.
  const TOTAL = 60_000;
  const GROUPS = 1_001;
  let sim: Simulator;
  let summary: RunSummary;

  beforeAll(() => {
    const sheets = teamSheets({ salesRows: 60_000 });
    const amount = column(sheets.Sales as unknown[][], "Amount");
    for (let i = 0; i < 60_000; i++) if (i % 60 !== 0) sheets.Sales[i + 1][amount] = "abc";
    sheets.Scores = [["Rep ID", "Period", "Metric", ...new Array<string>(1000).fill("Value")]];
    sim = simulatorOf(sheets);
    summary = recalculateLocally(sim) as unknown as RunSummary;
  }, 300_000);

  it("still gives a Run log cell under 50,000 characters, with an exact count of what was cut", () => {
    const { count, list } = runLogProblems(sim);
    expect(count).toBe(TOTAL);
    expect(list.length).toBeLessThan(50_000);
    const lines = list.split("\n");
    expect(lines.at(-1)).toBe("full list: Problems sheet");
    const shown = lines.slice(0, -2).map(parseGroupLine);
    expect(shown[0]).toEqual({
      cells: "Sales!D3:D61, D63:D121, D123:D181, …",
      rows: 59_000,
      message: message("not_a_number", { column: "Amount", value: "abc" }),
    });
    const listed = shown.reduce((sum, line) => sum + line.rows, 0);
    const cut = /^… and ([\d,]+) more groups \(([\d,]+) problems\)$/.exec(lines.at(-2)!)!;
    expect(Number(cut[1].replace(/,/g, ""))).toBe(GROUPS - shown.length);
    expect(Number(cut[2].replace(/,/g, ""))).toBe(TOTAL - listed);
    expect(shown.length).toBeGreaterThan(100);
  });

  it("prints 30 groups in the console, then exactly what is left, and the same total", () => {
    const { lines, total } = consoleTotal(summary);
    expect(total).toBe(TOTAL);
    expect(summary.problemGroupCount).toBe(GROUPS);
    // The total line, 30 groups (59,000 + 29 warnings), then 1,001 - 30 = 971 groups of 60,000 - 59,029 = 971 problems.
    expect(lines).toHaveLength(1 + 30 + 1);
    expect(lines.at(-1)).toBe("… and 971 more groups (971 problems): see the Problems sheet in result.xlsx");
  });

  it("lists all 60,000 problems on the Problems sheet", () => {
    const values = sim.sheetValues("Problems");
    expect(values).toHaveLength(1 + TOTAL);
    const cells = new Set(values.slice(1).map((row) => row[0] + "!" + row[1]));
    expect(cells.size).toBe(TOTAL);
    for (let i = 0; i < 60_000; i++) if (i % 60 !== 0) expect(cells.has("Sales!D" + (i + 2))).toBe(true);
  });
});
