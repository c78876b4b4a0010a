/**
 * Problems at scale: a CRM export with thousands of bad cells gives thousands
 * of problems, mostly the same mistake down one column. They are grouped by
 * sheet, column, code and severity into one line each (the cells as a range,
 * the number of rows, the first one's message), so the console, the Run log
 * and the sidebar stay readable; the Problems sheet keeps every cell.
 */
import { formatNumber } from "./display-format";
import type { Language } from "./plan-model";
import { quoteSheetName } from "./a1-notation";
import { formatProblem, problemMessage, type Problem, type ProblemCode, type Severity } from "./problems";

/** Problems of one sheet, column, code and severity, in the order given. */
export interface ProblemGroup {
  sheet: string;
  /** Column letters of the cells (`F`). */
  column: string;
  code: ProblemCode;
  severity: Severity;
  problems: Problem[];
}

/**
 * Problems that stay one line each: their message names a period, a plan
 * version or a sheet rather than a cell's value, so two of them say
 * different things (and there are at most a few per period).
 */
const UNGROUPED_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "final_inputs_changed",
  "negative_payout",
  "foreign_output_sheet",
  "plan_version_invalid",
  "plan_no_version",
]);

/** Runs of cells named before the "…" of a group that is not one range. */
const CELL_RUNS_SHOWN = 3;

const GROUP_TEXT = {
  en: {
    separator: ", ",
    line: (where: string, rows: string, message: string, first: string) =>
      `${where}, ${rows} rows: ${message} (first: ${first})`,
    more: (groups: string, problems: string) =>
      `… and ${groups} more group${groups === "1" ? "" : "s"} (${problems} problem${problems === "1" ? "" : "s"})`,
    fullList: (sheet: string) => `full list: ${sheet} sheet`,
  },
  zh: {
    separator: "、",
    line: (where: string, rows: string, message: string, first: string) =>
      `${where}，共 ${rows} 行：${message}（首条：${first}）`,
    more: (groups: string, problems: string) => `……另有 ${groups} 组（共 ${problems} 个问题）`,
    fullList: (sheet: string) => `完整列表：${sheet} 表`,
  },
} as const;

const CELL = /^([A-Z]+)(\d+)$/;

function columnOf(cell: string): string {
  return CELL.exec(cell)?.[1] ?? cell;
}

function rowOf(cell: string): number {
  return Number(CELL.exec(cell)?.[2] ?? 0);
}

function staysApart(group: ProblemGroup): boolean {
  return UNGROUPED_CODES.has(group.code) || new Set(group.problems.map((p) => p.cell)).size < group.problems.length;
}

function singleGroup(problem: Problem): ProblemGroup {
  return {
    sheet: problem.sheet,
    column: columnOf(problem.cell),
    code: problem.code,
    severity: problem.severity,
    problems: [problem],
  };
}

/**
 * Groups problems by sheet, column, code and severity: errors before
 * warnings, then sheets in the order they first appear, then groups in the
 * order they first appear; each group's problems in the order given. A group
 * with two problems at one cell (a header cell reported twice, say), and the
 * run-level problems that name a period, a version or a sheet, are not about
 * rows: their problems stay one group each, since their messages differ by
 * more than the cell.
 *
 * @example
 * groupProblems([
 *   problemAt("Sales", "F2", "not_a_number", { column: "Amount", value: "abc" }),
 *   problemAt("Reps", "F3", "unknown_manager", { id: "M9" }, "warning"),
 *   problemAt("Sales", "F3", "not_a_number", { column: "Amount", value: "x" }),
 * ]).map((g) => g.problems.length); // [2, 1]
 */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const byKey = new Map<string, ProblemGroup>();
  const sheetOrder = new Map<string, number>();
  for (const problem of problems) {
    if (!sheetOrder.has(problem.sheet)) sheetOrder.set(problem.sheet, sheetOrder.size);
    const column = columnOf(problem.cell);
    const key = JSON.stringify([problem.sheet, column, problem.code, problem.severity]);
    const group = byKey.get(key);
    if (group) group.problems.push(problem);
    else
      byKey.set(key, {
        sheet: problem.sheet,
        column,
        code: problem.code,
        severity: problem.severity,
        problems: [problem],
      });
  }
  const groups = [...byKey.values()].flatMap((g) => (staysApart(g) ? g.problems.map(singleGroup) : [g]));
  const rank = (g: ProblemGroup) => (g.severity === "error" ? 0 : 1) * sheetOrder.size + (sheetOrder.get(g.sheet) ?? 0);
  // Array.prototype.sort is stable, so groups of one sheet keep their first-appearance order.
  return groups.sort((a, b) => rank(a) - rank(b));
}

/** Consecutive rows as [first, last] pairs, ascending. */
function rowRuns(cells: readonly string[]): [number, number][] {
  const rows = [...new Set(cells.map(rowOf))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/**
 * Where a group's cells are: one range when they are contiguous rows of the
 * column, otherwise the first few cells or ranges and "…".
 *
 * @example
 * groupCells(group);       // "Sales!F2:F2090"
 * groupCells(every20th);   // "Sales!A21, A41, A61, …"
 * groupCells(every20th, "zh"); // "Sales!A21、A41、A61、…"
 */
export function groupCells(group: ProblemGroup, language: Language = "en"): string {
  const prefix = quoteSheetName(group.sheet) + "!";
  if (group.problems.length === 1) return prefix + group.problems[0].cell;
  const runs = rowRuns(group.problems.map((p) => p.cell));
  const shown = runs
    .slice(0, CELL_RUNS_SHOWN)
    .map(([first, last]) => group.column + first + (last > first ? ":" + group.column + last : ""));
  if (runs.length > CELL_RUNS_SHOWN) shown.push("…");
  return prefix + shown.join(GROUP_TEXT[language].separator);
}

/**
 * A group as one line: a single problem as `<Sheet>!<A1>: <message>`, more
 * as the cells, the count of rows and the first one's message.
 *
 * @example
 * groupLine(group, "en");
 * // 'Sales!F2:F2090, 2,089 rows: Amount "abc" is not a number; the row is left out (first: F2)'
 * groupLine(group, "zh");
 * // 'Sales!F2:F2090，共 2,089 行：Amount「abc」不是数字，该行未计入（首条：F2）'
 */
export function groupLine(group: ProblemGroup, language: Language): string {
  const first = group.problems[0];
  if (group.problems.length === 1) return formatProblem(first, language);
  return GROUP_TEXT[language].line(
    groupCells(group, language),
    formatNumber(group.problems.length, 0),
    problemMessage(first, language),
    first.cell,
  );
}

/**
 * The grouped lines of a run's problems.
 *
 * @example
 * problemGroupLines(problems, "en"); // ['Sales!F2:F2090, 2,089 rows: ...', 'Reps!F3: Manager "M9" ...']
 */
export function problemGroupLines(problems: readonly Problem[], language: Language): string[] {
  return groupProblems(problems).map((g) => groupLine(g, language));
}

/**
 * Every problem in the order of its group's line, so that the Problems sheet
 * reads in the order the lines do.
 *
 * @example
 * problemsInGroupOrder(groupProblems(problems)).length === problems.length; // true
 */
export function problemsInGroupOrder(groups: readonly ProblemGroup[]): Problem[] {
  return groups.flatMap((g) => g.problems);
}

/**
 * The line that stands for groups left out of a list, with the exact number
 * of groups and of problems in them.
 *
 * @example
 * moreGroupsLine(3, 1234, "en"); // "… and 3 more groups (1,234 problems)"
 * moreGroupsLine(3, 1234, "zh"); // "……另有 3 组（共 1,234 个问题）"
 */
export function moreGroupsLine(groups: number, problems: number, language: Language): string {
  return GROUP_TEXT[language].more(formatNumber(groups, 0), formatNumber(problems, 0));
}

/**
 * Where every problem is listed, one cell a row.
 *
 * @example
 * fullListLine("Problems", "en"); // "full list: Problems sheet"
 */
export function fullListLine(sheet: string, language: Language): string {
  return GROUP_TEXT[language].fullList(sheet);
}

const FULL_LIST_PATTERNS: readonly RegExp[] = [/^full list: ([\s\S]+) sheet$/, /^完整列表：([\s\S]+) 表$/];

/**
 * The sheet a {@link fullListLine} names, in either language; null for any other line.
 *
 * @example
 * parseFullListLine("full list: Problems sheet"); // "Problems"
 * parseFullListLine("Sales!D14: Amount is blank"); // null
 */
export function parseFullListLine(line: string): string | null {
  for (const pattern of FULL_LIST_PATTERNS) {
    const match = pattern.exec(line);
    if (match) return match[1];
  }
  return null;
}

/** A grouped line read back: where, how many problems it stands for, and the message. */
export interface ParsedGroupLine {
  /** `Sales!F2:F2090`, `Sales!A21, A41, A61, …` or `Sales!D14`; "" for a line that names no cell. */
  cells: string;
  /** Problems the line stands for: 1 for a single problem, 0 for a line that names no cell. */
  rows: number;
  message: string;
}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_]*)`;
const REF = String.raw`[A-Z]{1,3}\d+`;
const RUN = `${REF}(?::${REF})?`;
const CELLS = `${SHEET}!${RUN}(?:(?:, |、)(?:${RUN}|…))*`;
const GROUP_PATTERNS: readonly RegExp[] = [
  new RegExp(`^(${CELLS}), ([\\d,]+) rows: ([\\s\\S]*) \\(first: ${REF}\\)$`),
  new RegExp(`^(${CELLS})，共 ([\\d,]+) 行：([\\s\\S]*)（首条：${REF}）$`),
];
const SINGLE_PATTERN = new RegExp(`^(${SHEET}!${REF}): ([\\s\\S]*)$`);

/**
 * Reads a line made by {@link groupLine} back into its parts (the sidebar
 * shows them apart); any other line is a message that names no cell.
 *
 * @example
 * parseGroupLine('Sales!F2:F9, 8 rows: Amount "x" is not a number (first: F2)');
 * // { cells: "Sales!F2:F9", rows: 8, message: 'Amount "x" is not a number' }
 * parseGroupLine("Sales!D14: Amount is blank"); // { cells: "Sales!D14", rows: 1, message: "Amount is blank" }
 * parseGroupLine("full list: Problems sheet");  // { cells: "", rows: 0, message: "full list: Problems sheet" }
 */
export function parseGroupLine(line: string): ParsedGroupLine {
  for (const pattern of GROUP_PATTERNS) {
    const match = pattern.exec(line);
    if (match) return { cells: match[1], rows: Number(match[2].replace(/,/g, "")), message: match[3] };
  }
  const single = SINGLE_PATTERN.exec(line);
  return single ? { cells: single[1], rows: 1, message: single[2] } : { cells: "", rows: 0, message: line };
}
