import { describe, expect, it } from "vitest";
import {
  fullListLine,
  groupCells,
  groupLine,
  groupProblems,
  moreGroupsLine,
  parseGroupLine,
  problemGroupLines,
  problemsInGroupOrder,
  type ParsedGroupLine,
} from "./problem-groups";
import { problemAt, type Problem } from "./problems";

const badAmount = (row: number, value = "abc"): Problem =>
  problemAt("Sales", "F" + row, "not_a_number", { column: "Amount", value });
const unknownRep = (row: number): Problem => problemAt("Sales", "B" + row, "unknown_rep", { id: "R9" });
const unknownManager = (row: number): Problem =>
  problemAt("Reps", "F" + row, "unknown_manager", { id: "M9" }, "warning");

/** Rows first..last, every `step`th. */
function rows(first: number, last: number, step = 1): number[] {
  const out: number[] = [];
  for (let r = first; r <= last; r += step) out.push(r);
  return out;
}

describe("grouped problem lines", () => {
  it("puts 2,089 bad amounts down one column on one line with the range, the count and the first message", () => {
    // Rows 2 to 2090: 2090 - 2 + 1 = 2,089 problems.
    const problems = rows(2, 2090).map((r) => badAmount(r));
    expect(problemGroupLines(problems, "en")).toEqual([
      'Sales!F2:F2090, 2,089 rows: Amount "abc" is not a number; the row is left out (first: F2)',
    ]);
    expect(problemGroupLines(problems, "zh")).toEqual([
      "Sales!F2:F2090，共 2,089 行：Amount「abc」不是数字，该行未计入（首条：F2）",
    ]);
  });

  it("names the first cells and … when the cells are not one range", () => {
    // Every 20th row from 21 to 10,001: (10001 - 21) / 20 + 1 = 500 problems.
    const problems = rows(21, 10_001, 20).map(unknownRep);
    expect(problems).toHaveLength(500);
    expect(problemGroupLines(problems, "en")).toEqual([
      'Sales!B21, B41, B61, …, 500 rows: Rep ID "R9" is not on the Reps sheet; the row is left out (first: B21)',
    ]);
    expect(problemGroupLines(problems, "zh")).toEqual([
      "Sales!B21、B41、B61、…，共 500 行：销售编号「R9」不在销售人员表中，该行未计入（首条：B21）",
    ]);
  });

  it("names contiguous stretches as ranges, and all of them when there are three or fewer", () => {
    const problems = [...rows(2, 5), 9, ...rows(12, 13)].map((r) => badAmount(r));
    expect(groupCells(groupProblems(problems)[0])).toBe("Sales!F2:F5, F9, F12:F13");
    expect(problemGroupLines(problems, "en")[0]).toBe(
      'Sales!F2:F5, F9, F12:F13, 7 rows: Amount "abc" is not a number; the row is left out (first: F2)',
    );
  });

  it("keeps a single problem as its plain line, the sheet quoted when it has spaces", () => {
    const single = problemAt("Sales data", "D14", "not_a_number", { column: "Amount", value: "x" });
    expect(problemGroupLines([single], "en")).toEqual([
      "'Sales data'!D14: Amount \"x\" is not a number; the row is left out",
    ]);
  });

  it("shows the first problem's message, in the order given, whatever the rows' order", () => {
    const problems = [badAmount(9, "nine"), badAmount(3, "three")];
    expect(groupLine(groupProblems(problems)[0], "en")).toBe(
      'Sales!F3, F9, 2 rows: Amount "nine" is not a number; the row is left out (first: F9)',
    );
  });

  it("puts errors before warnings, then sheets in the order given, then groups as they first appear", () => {
    const problems = [
      unknownManager(3),
      problemAt("Targets", "D4", "target_not_positive", { value: 0 }),
      badAmount(2),
      unknownRep(7),
      badAmount(3),
      unknownManager(8),
    ];
    expect(problemGroupLines(problems, "en")).toEqual([
      "Targets!D4: Target 0 must be greater than 0; the row is left out",
      'Sales!F2:F3, 2 rows: Amount "abc" is not a number; the row is left out (first: F2)',
      'Sales!B7: Rep ID "R9" is not on the Reps sheet; the row is left out',
      'Reps!F3, F8, 2 rows: Manager "M9" is not on the Reps sheet; the rep has no manager (first: F3)',
    ]);
  });

  it("keeps one code, column or severity per group", () => {
    const problems = [
      badAmount(2),
      problemAt("Sales", "F3", "blank_required", { column: "Amount" }),
      problemAt("Sales", "G4", "not_a_number", { column: "Split", value: "x" }),
      problemAt("Sales", "F5", "not_a_number", { column: "Amount", value: "y" }, "warning"),
    ];
    expect(groupProblems(problems).map((g) => g.problems.length)).toEqual([1, 1, 1, 1]);
  });

  it("lists problems at one repeated cell one line each: their messages differ by more than the cell", () => {
    const problems = ["2026-01", "2026-02"].map((period) =>
      problemAt("Plan", "A5", "plan_version_invalid", { period, version: "2026-01" }),
    );
    expect(problemGroupLines(problems, "en")).toEqual([
      "Plan!A5: plan version 2026-01 has errors, so 2026-01 is not computed",
      "Plan!A5: plan version 2026-01 has errors, so 2026-02 is not computed",
    ]);
  });

  it("lists problems that name a period, not a cell's value, one line each", () => {
    const problems = [
      problemAt("Results", "A5", "final_inputs_changed", { period: "2026-02" }, "warning"),
      problemAt("Results", "A20", "final_inputs_changed", { period: "2026-Q1" }, "warning"),
    ];
    expect(problemGroupLines(problems, "en")).toEqual([
      "Results!A5: inputs changed for final period 2026-02; nothing was changed (use Restate period)",
      "Results!A20: inputs changed for final period 2026-Q1; nothing was changed (use Restate period)",
    ]);
  });

  it("orders every problem as its line does, none lost", () => {
    const problems = [unknownManager(3), badAmount(2), unknownRep(7), badAmount(3)];
    const ordered = problemsInGroupOrder(groupProblems(problems));
    expect(ordered.map((p) => p.sheet + "!" + p.cell)).toEqual(["Sales!F2", "Sales!F3", "Sales!B7", "Reps!F3"]);
  });

  it("words the lines left out and the full list exactly", () => {
    expect(moreGroupsLine(3, 1234, "en")).toBe("… and 3 more groups (1,234 problems)");
    expect(moreGroupsLine(1, 1, "en")).toBe("… and 1 more group (1 problem)");
    expect(moreGroupsLine(3, 1234, "zh")).toBe("……另有 3 组（共 1,234 个问题）");
    expect(fullListLine("Problems", "en")).toBe("full list: Problems sheet");
    expect(fullListLine("Problems", "zh")).toBe("完整列表：Problems 表");
  });
});

describe("grouped lines read back", () => {
  it("splits a range line, a scattered line and a single line into cells, rows and message, quoted sheet names included", () => {
    const cases: [line: string, parts: ParsedGroupLine][] = [
      [
        'Sales!F2:F2090, 2,089 rows: Amount "abc" is not a number; the row is left out (first: F2)',
        { cells: "Sales!F2:F2090", rows: 2089, message: 'Amount "abc" is not a number; the row is left out' },
      ],
      [
        "Sales!A21、A41、A61、…，共 500 行：Date「x」不是有效日期，该行未计入（首条：A21）",
        { cells: "Sales!A21、A41、A61、…", rows: 500, message: "Date「x」不是有效日期，该行未计入" },
      ],
      ['Sales!D14: Amount "x" is not a number', { cells: "Sales!D14", rows: 1, message: 'Amount "x" is not a number' }],
      [
        "'Run log'!A1: a sheet named Run log exists",
        { cells: "'Run log'!A1", rows: 1, message: "a sheet named Run log exists" },
      ],
      [
        "'Run log'!A1: the sheet is someone else's",
        { cells: "'Run log'!A1", rows: 1, message: "the sheet is someone else's" },
      ],
      ["'销售 记录'!B2: 销售编号为空", { cells: "'销售 记录'!B2", rows: 1, message: "销售编号为空" }],
      ["… and 3 more groups (1,234 problems)", { cells: "", rows: 0, message: "… and 3 more groups (1,234 problems)" }],
      ["... and 12 more problems", { cells: "", rows: 0, message: "... and 12 more problems" }],
    ];
    for (const [line, parts] of cases) expect(parseGroupLine(line)).toEqual(parts);
  });

  it("reads back every line it makes, in both languages", () => {
    const problems = [
      ...rows(2, 40).map((r) => badAmount(r, "a: b, 3 rows: c")),
      ...rows(21, 400, 20).map(unknownRep),
      unknownManager(3),
    ];
    for (const language of ["en", "zh"] as const) {
      const groups = groupProblems(problems);
      const parsed = problemGroupLines(problems, language).map(parseGroupLine);
      expect(parsed.map((p) => p.rows)).toEqual(groups.map((g) => g.problems.length));
      expect(parsed.map((p) => p.cells)).toEqual(groups.map((g) => groupCells(g, language)));
    }
  });
});
