/**
 * Bad input, case by case: the input sheets as `getValues()` would return
 * them, the exact problems (English, as `formatProblem` writes them) and how
 * many records are still read from each sheet. Plan errors are not here (the
 * plan reader has its own corpus).
 *
 * Every case starts from a small clean workbook (three reps, three deals,
 * three targets, one score, one adjustment) and changes it, so each case
 * shows one kind of mistake and that everything else is still read.
 */
import { runInNewContext } from "node:vm";
import type { InputSheetKey } from "../../src/tables/input-columns";

type Grid = unknown[][];

export interface BadInputCase {
  name: string;
  /** The input sheets: a 2-D array (row 0 = headers) or null for a missing sheet. */
  grids: Record<InputSheetKey, Grid | null>;
  /** Sheet names when not the defaults. */
  sheetNames?: Partial<Record<InputSheetKey, string>>;
  expectedProblems: string[];
  expectedCounts: Record<InputSheetKey, number>;
}

/** The spreadsheet's zone for every case: Date cells are read on its wall clock. */
export const CORPUS_TIME_ZONE = "Asia/Shanghai";
export const CORPUS_PLAN_METRICS = ["revenue", "deals_won", "new_customers", "win_rate", "csat", "product_knowledge"];
export const CORPUS_MANUAL_METRICS = ["csat", "product_knowledge"];

export const DEFAULT_SHEET_NAMES: Record<InputSheetKey, string> = {
  reps: "Reps",
  sales: "Sales",
  targets: "Targets",
  scores: "Scores",
  adjustments: "Adjustments",
};

const REPS_HEADER = ["Rep ID", "Name", "Team", "Role", "Manager", "Start date", "End date", "Target bonus"];
const REPS_ROWS: Grid = [
  ["R1", "Ann", "East", "AE", "", "2025-01-01", "", 1000],
  ["R2", "Bob", "East", "AE", "R1", "", "", ""],
  ["R3", "Cat", "West", "SDR", "R1", "2026-03-15", "", ""],
];
const SALES_HEADER = ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Split", "Deal ID"];
const SALES_ROWS: Grid = [
  ["2026-03-05", "R1", "Acme", 12000, "new", "won", "2026-02-01", "", "D1"],
  ["2026-03-20", "R2", "Globex", "8,000", "renewal", "lost", "", "", "D2"],
  ["2026-03-31 23:30", "R3", "Initech", "¥5,000", "expansion", "", "", 0.5, "D3"],
];
const TARGETS_HEADER = ["Rep ID", "Period", "Metric", "Target"];
const TARGETS_ROWS: Grid = [
  ["R1", "2026-03", "revenue", 10000],
  ["team:East", "2026-03", "revenue", 8000],
  ["*", "2026-03", "deals_won", 5],
];
const SCORES_HEADER = ["Rep ID", "Period", "Metric", "Value"];
const SCORES_ROWS: Grid = [["R1", "2026-03", "csat", 4.5]];
const ADJUSTMENTS_HEADER = ["Rep ID", "Period", "Amount", "Reason"];
const ADJUSTMENTS_ROWS: Grid = [["R2", "2026-03", -100, "Refund"]];

const FULL_COUNTS: Record<InputSheetKey, number> = { reps: 3, sales: 3, targets: 3, scores: 1, adjustments: 1 };

function copy(grid: Grid): Grid {
  return grid.map((row) => [...row]);
}

/** The clean workbook with some sheets replaced. */
function book(changes: Partial<Record<InputSheetKey, Grid | null>> = {}): Record<InputSheetKey, Grid | null> {
  const base: Record<InputSheetKey, Grid> = {
    reps: [REPS_HEADER, ...REPS_ROWS],
    sales: [SALES_HEADER, ...SALES_ROWS],
    targets: [TARGETS_HEADER, ...TARGETS_ROWS],
    scores: [SCORES_HEADER, ...SCORES_ROWS],
    adjustments: [ADJUSTMENTS_HEADER, ...ADJUSTMENTS_ROWS],
  };
  const grids = {} as Record<InputSheetKey, Grid | null>;
  for (const key of Object.keys(base) as InputSheetKey[]) {
    const changed = changes[key];
    grids[key] = changed === undefined ? copy(base[key]) : changed === null ? null : copy(changed);
  }
  return grids;
}

/** Rows added after the clean rows of one sheet (the first added row is row 5 on Reps, Sales and Targets). */
const reps = (...rows: Grid): Grid => [REPS_HEADER, ...REPS_ROWS, ...rows];
const sales = (...rows: Grid): Grid => [SALES_HEADER, ...SALES_ROWS, ...rows];
const targets = (...rows: Grid): Grid => [TARGETS_HEADER, ...TARGETS_ROWS, ...rows];
const scores = (...rows: Grid): Grid => [SCORES_HEADER, ...SCORES_ROWS, ...rows];
const adjustments = (...rows: Grid): Grid => [ADJUSTMENTS_HEADER, ...ADJUSTMENTS_ROWS, ...rows];

/** One clean row with some cells changed (by 0-based column). */
function changed(row: unknown[], changes: Record<number, unknown>): unknown[] {
  const copyOfRow = [...row];
  for (const [column, value] of Object.entries(changes)) copyOfRow[Number(column)] = value;
  return copyOfRow;
}

/** A sale row for R1 with some cells changed. */
function sale(changes: Record<number, unknown> = {}): unknown[] {
  return changed(["2026-03-09", "R1", "Acme", 100, "", "", "", "", ""], changes);
}

/** A Date made in another realm, as the Apps Script simulator hands them over. */
function foreignDate(ms: number): unknown {
  return runInNewContext(`new Date(${ms})`);
}

/** The instant at which Shanghai's wall clock shows the time (UTC+8, no daylight saving). */
function shanghaiInstant(y: number, m: number, d: number, hh = 0, mm = 0): number {
  return Date.UTC(y, m - 1, d, hh, mm) - 8 * 3_600_000;
}

const LONG = 50_000;

export const BAD_INPUT_CASES: BadInputCase[] = [
  {
    name: "a clean workbook reads without problems",
    grids: book(),
    expectedProblems: [],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "without a Reps sheet the reps are the owners in Sales, said once",
    grids: book({ reps: null }),
    expectedProblems: [
      "Reps!A1: there is no Reps sheet (or it is empty): the reps are the 3 owners found in Sales; Set up sheets writes them to a Reps sheet to complete",
      // The owners have no team, so a team target matches no one.
      `Targets!A3: Rep ID "team:East" matches no rep's team or role on the Reps sheet; the row is left out`,
    ],
    expectedCounts: { reps: 3, sales: 3, targets: 2, scores: 1, adjustments: 1 },
  },
  {
    name: "a missing Sales sheet is a problem",
    grids: book({ sales: null }),
    expectedProblems: ["Sales!A1: the sheet Sales is missing"],
    expectedCounts: { ...FULL_COUNTS, sales: 0 },
  },
  {
    name: "missing Targets, Scores and Adjustments sheets are no rows, not problems",
    grids: book({ targets: null, scores: null, adjustments: null }),
    expectedProblems: [],
    expectedCounts: { ...FULL_COUNTS, targets: 0, scores: 0, adjustments: 0 },
  },
  {
    name: "sheets with headers only have no rows and no problems",
    grids: book({
      reps: [REPS_HEADER],
      sales: [SALES_HEADER],
      targets: [TARGETS_HEADER],
      scores: [SCORES_HEADER],
      adjustments: [ADJUSTMENTS_HEADER],
    }),
    expectedProblems: [],
    expectedCounts: { reps: 0, sales: 0, targets: 0, scores: 0, adjustments: 0 },
  },
  {
    name: "an empty Sales sheet names the columns it needs",
    grids: book({ sales: [] }),
    expectedProblems: [
      "Sales!A1: the required column Date is missing",
      "Sales!B1: the required column Rep ID is missing",
      "Sales!C1: the required column Amount is missing",
    ],
    expectedCounts: { ...FULL_COUNTS, sales: 0 },
  },
  {
    name: "an empty Targets sheet is no targets",
    grids: book({
      targets: [
        ["", ""],
        ["", ""],
      ],
    }),
    expectedProblems: [],
    expectedCounts: { ...FULL_COUNTS, targets: 0 },
  },
  {
    name: "a Sales sheet without an Amount column reports it on the first free header cell",
    grids: book({
      sales: [
        ["Date", "Rep ID", "Customer", "Type", "Status", "Opened", "Split", "Deal ID"],
        ["2026-03-05", "R1", "Acme", "new", "won", "", "", "D1"],
      ],
    }),
    expectedProblems: [
      "Sales!I1: the required column Amount is missing; row 1 has: Date, Rep ID, Customer, Type, Status, Opened, Split, Deal ID. Map it in Setup → Columns (locally: --mapping)",
    ],
    expectedCounts: { ...FULL_COUNTS, sales: 0 },
  },
  {
    name: "a Reps sheet without a Name column: no rep, and rows elsewhere cannot be matched",
    grids: book({
      reps: [
        ["Rep ID", "Team", "Role", "Manager", "Start date", "End date", "Target bonus"],
        ["R1", "East", "AE", "", "", "", ""],
      ],
    }),
    expectedProblems: [
      "Reps!H1: the required column Name is missing; row 1 has: Rep ID, Team, Role, Manager, Start date, End date, Target bonus. Map it in Setup → Columns (locally: --mapping)",
    ],
    expectedCounts: { reps: 0, sales: 0, targets: 1, scores: 0, adjustments: 0 },
  },
  {
    name: "Chinese headers, numbers, dates, periods, types, statuses, scopes and metric names are read",
    grids: book({
      reps: [
        ["销售编号", "姓名", "团队", "岗位", "主管", "入职日期", "离职日期", "目标奖金"],
        ["R1", "张伟", "East", "AE", "", "2025年1月1日", "", "１０００"],
        ["R2", "李娜", "East", "AE", "r1", "", "", ""],
        ["R3", "王芳", "West", "SDR", "R1", "２０２６－０３－１５", "", "0.3万"],
      ],
      sales: [
        ["日期", "销售编号", "客户", "金额", "类型", "状态", "创建日期", "分成比例", "订单编号"],
        ["2026年3月5日", "R1", "星辰科技", "1.2万", "新客户", "赢单", "2026年2月1日", "50%", "D1"],
        ["２０２６－０３－２０", "R2", "Globex", "￥８,０００", "续约", "输单", "", "", ""],
        ["2026/3/31 23:30", "R3", "Initech", "¥5,000", "增购", "进行中", "", "１００％", ""],
      ],
      targets: [
        ["销售编号", "期间", "指标", "目标"],
        ["R1", "2026年3月", "revenue", "1万"],
        ["团队：East", "2026年第1季度", "销售额", "3万"],
        ["岗位:AE", "2026年", "新客户数", 10],
        ["*", "２０２６Ｑ２", "deals_won", 5],
      ],
      scores: [
        ["销售编号", "期间", "指标", "数值"],
        ["R1", "2026年3月", "客户满意度", "４.５"],
      ],
      adjustments: [
        ["销售编号", "期间", "金额", "原因"],
        ["R2", "2026年3月", "-100", "退款"],
      ],
    }),
    expectedProblems: [],
    expectedCounts: { reps: 3, sales: 3, targets: 4, scores: 1, adjustments: 1 },
  },
  {
    name: "headers in any order, case and spacing, with _ and -",
    grids: book({
      sales: [
        [" deal-id ", "SPLIT", "opened", "STATUS", "type", "amount", "customer", "rep_id", "DATE"],
        ["D1", "", "2026-02-01", "won", "new", 12000, "Acme", "R1", "2026-03-05"],
        ["D2", "", "", "lost", "renewal", "8,000", "Globex", "R2", "2026-03-20"],
        ["D3", 0.5, "", "", "expansion", "¥5,000", "Initech", "R3", "2026-03-31 23:30"],
      ],
    }),
    expectedProblems: [],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "extra columns are ignored, and a row with only an extra column is blank",
    grids: book({
      sales: [
        ["Date", "Notes", "Rep ID", "Customer", "Amount"],
        ["2026-03-05", "x".repeat(LONG), "R1", "Acme", 12000],
        ["", "just a note", "", "", ""],
        ["2026-03-06", "=1+1", "R2", "Globex", 10],
      ],
    }),
    expectedProblems: [],
    expectedCounts: { ...FULL_COUNTS, sales: 2 },
  },
  {
    name: "a column found twice is a warning and the first one is used",
    grids: book({
      sales: [
        [...SALES_HEADER, "金额"],
        [...SALES_ROWS[0], "abc"],
        [...SALES_ROWS[1], "abc"],
        [...SALES_ROWS[2], "abc"],
      ],
    }),
    expectedProblems: ["Sales!J1: the column 金额 appears twice; the first one is used"],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "a blank Name leaves the rep out, and the rep's rows elsewhere say why",
    grids: book({ reps: [REPS_HEADER, REPS_ROWS[0], changed(REPS_ROWS[1], { 1: "" }), REPS_ROWS[2]] }),
    expectedProblems: [
      "Reps!B3: Name is blank; the row is left out",
      'Sales!B3: Rep ID "R2" is left out on the Reps sheet (see Reps!A3); the row is left out',
      'Adjustments!A2: Rep ID "R2" is left out on the Reps sheet (see Reps!A3); the row is left out',
    ],
    expectedCounts: { ...FULL_COUNTS, reps: 2, sales: 2, adjustments: 0 },
  },
  {
    name: "blank required cells in Sales; a blank Customer is not one",
    grids: book({ sales: sales(sale({ 0: "" }), sale({ 1: "  " }), sale({ 2: "" }), sale({ 3: "" })) }),
    expectedProblems: [
      "Sales!A5: Date is blank; the row is left out",
      "Sales!B6: Rep ID is blank; the row is left out",
      "Sales!D8: Amount is blank; the row is left out",
    ],
    expectedCounts: { ...FULL_COUNTS, sales: 4 },
  },
  {
    name: "blank required cells in Targets, Scores and Adjustments",
    grids: book({
      targets: targets(["R1", "", "revenue", 100], ["", "2026-04", "revenue", 100], ["R1", "2026-04", "revenue", ""]),
      scores: scores(["R1", "2026-03", "", 3]),
      adjustments: adjustments(["R1", "2026-03", 50, ""]),
    }),
    expectedProblems: [
      "Targets!B5: Period is blank; the row is left out",
      "Targets!A6: Rep ID is blank; the row is left out",
      "Targets!D7: Target is blank; the row is left out",
      "Scores!C3: Metric is blank; the row is left out",
      "Adjustments!D3: Reason is blank; the row is left out",
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "rows shorter than the header read their missing cells as blank",
    grids: book({ sales: sales(["2026-03-09", "R1", "Acme"]) }),
    expectedProblems: ["Sales!D5: Amount is blank; the row is left out"],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "text and booleans where numbers belong",
    grids: book({
      reps: [REPS_HEADER, REPS_ROWS[0], REPS_ROWS[1], changed(REPS_ROWS[2], { 7: "lots" })],
      sales: sales(sale({ 3: "abc" }), sale({ 3: true }), sale({ 3: "1,5" }), sale({ 3: "12 apples" })),
      targets: targets(["R1", "2026-04", "revenue", "many"]),
      scores: scores(["R1", "2026-04", "csat", "good"]),
      adjustments: adjustments(["R1", "2026-03", "n/a", "Bonus"]),
    }),
    expectedProblems: [
      'Reps!H4: Target bonus "lots" is not a number; the row is left out',
      'Sales!B4: Rep ID "R3" is left out on the Reps sheet (see Reps!A4); the row is left out',
      'Sales!D5: Amount "abc" is not a number; the row is left out',
      'Sales!D6: Amount "TRUE" is not a number; the row is left out',
      'Sales!D7: Amount "1,5" is not a number; the row is left out',
      'Sales!D8: Amount "12 apples" is not a number; the row is left out',
      'Targets!D5: Target "many" is not a number; the row is left out',
      'Scores!D3: Value "good" is not a number; the row is left out',
      'Adjustments!C3: Amount "n/a" is not a number; the row is left out',
    ],
    expectedCounts: { ...FULL_COUNTS, reps: 2, sales: 2 },
  },
  {
    name: "a date where a number belongs is quoted as the sheet shows it",
    grids: book({
      sales: sales(
        sale({ 3: foreignDate(shanghaiInstant(2026, 3, 31)) }),
        sale({ 7: foreignDate(shanghaiInstant(2026, 4, 1)) }),
      ),
    }),
    expectedProblems: [
      'Sales!D5: Amount "2026-03-31" is not a number; the row is left out',
      'Sales!H6: Split "2026-04-01" is not a number; the row is left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "numbers and booleans where dates belong",
    grids: book({ sales: sales(sale({ 0: 46112 }), sale({ 0: 20260331 }), sale({ 6: true })) }),
    expectedProblems: [
      'Sales!A5: Date "46112" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Sales!A6: Date "20260331" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Sales!G7: Opened "TRUE" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "impossible and unreadable dates",
    grids: book({
      reps: reps(["R4", "Dan", "", "", "", "2026-13-01", "", ""], ["R5", "Eve", "", "", "", "", "31/13/2026", ""]),
      sales: sales(sale({ 0: "2026-02-30" }), sale({ 0: "2026-02-29" }), sale({ 1: "R4" }), sale({ 0: "13/31/2026" })),
    }),
    expectedProblems: [
      'Reps!F5: Start date "2026-13-01" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Reps!G6: End date "31/13/2026" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Sales!A5: Date "2026-02-30" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Sales!A6: Date "2026-02-29" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Sales!B7: Rep ID "R4" is left out on the Reps sheet (see Reps!A5); the row is left out',
      'Sales!A8: Date "13/31/2026" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "an invalid Date value is not a date",
    grids: book({ sales: sales(sale({ 0: foreignDate(Number.NaN) })) }),
    expectedProblems: [
      'Sales!A5: Date "Invalid Date" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "reps that are not on the Reps sheet, in every sheet",
    grids: book({
      sales: sales(sale({ 1: "R9" })),
      targets: targets(["R9", "2026-03", "revenue", 1]),
      scores: scores(["R9", "2026-03", "csat", 3]),
      adjustments: adjustments(["R9", "2026-03", 10, "Bonus"]),
    }),
    expectedProblems: [
      'Sales!B5: Rep ID "R9" is not on the Reps sheet; the row is left out',
      'Targets!A5: Rep ID "R9" is not on the Reps sheet; the row is left out',
      'Scores!A3: Rep ID "R9" is not on the Reps sheet; the row is left out',
      'Adjustments!A3: Rep ID "R9" is not on the Reps sheet; the row is left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "two Reps rows with one ID are both left out, and so are the rep's rows elsewhere",
    grids: book({ reps: reps(["R1", "Ann again", "", "", "", "", "", ""]) }),
    expectedProblems: [
      'Reps!A2: Rep ID "R1" is also on A5; both rows are left out',
      'Reps!A5: Rep ID "R1" is also on A2; both rows are left out',
      'Sales!B2: Rep ID "R1" is left out on the Reps sheet (see Reps!A2); the row is left out',
      'Targets!A2: Rep ID "R1" is left out on the Reps sheet (see Reps!A2); the row is left out',
      'Scores!A2: Rep ID "R1" is left out on the Reps sheet (see Reps!A2); the row is left out',
    ],
    expectedCounts: { reps: 2, sales: 2, targets: 2, scores: 0, adjustments: 1 },
  },
  {
    name: "IDs differing only in case and spaces are one ID, so a duplicate",
    grids: book({ reps: reps([" r3 ", "Cat again", "", "", "", "", "", ""]) }),
    expectedProblems: [
      'Reps!A4: Rep ID "R3" is also on A5; both rows are left out',
      'Reps!A5: Rep ID "r3" is also on A4; both rows are left out',
      'Sales!B4: Rep ID "R3" is left out on the Reps sheet (see Reps!A4); the row is left out',
    ],
    expectedCounts: { ...FULL_COUNTS, reps: 2, sales: 2 },
  },
  {
    name: "a number and its text are one ID, so a duplicate",
    grids: book({ reps: reps([101, "Num", "", "", "", "", "", ""], ["101", "Text", "", "", "", "", "", ""]) }),
    expectedProblems: [
      'Reps!A5: Rep ID "101" is also on A6; both rows are left out',
      'Reps!A6: Rep ID "101" is also on A5; both rows are left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "three rows with one ID each name another",
    grids: book({
      reps: reps(
        ["R4", "A", "", "", "", "", "", ""],
        ["R4", "B", "", "", "", "", "", ""],
        ["r4", "C", "", "", "", "", "", ""],
      ),
    }),
    expectedProblems: [
      'Reps!A5: Rep ID "R4" is also on A6; both rows are left out',
      'Reps!A6: Rep ID "R4" is also on A5; both rows are left out',
      'Reps!A7: Rep ID "r4" is also on A5; both rows are left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "numbers as IDs and IDs in other cases or with spaces match the Reps sheet",
    grids: book({
      reps: reps([101, "Num", "East", "AE", "r1", "", "", ""]),
      sales: sales(
        sale({ 1: " 101 ", 8: "D4" }),
        sale({ 1: 101, 8: "D5" }),
        sale({ 1: "r1 ", 8: "D6" }),
        sale({ 1: "  R2", 8: 7 }),
      ),
      targets: targets([101, "2026-03", "revenue", 500], ["101.0", "2026-04", "revenue", 500]),
      adjustments: adjustments(["101", "2026-03", 5, "Bonus"]),
    }),
    // "101.0" typed as text is another ID than the number 101.
    expectedProblems: ['Targets!A6: Rep ID "101.0" is not on the Reps sheet; the row is left out'],
    expectedCounts: { reps: 4, sales: 7, targets: 4, scores: 1, adjustments: 2 },
  },
  {
    name: "periods that cannot be read",
    grids: book({
      targets: targets(
        ["R1", "March", "revenue", 100],
        ["R1", "2026-13", "revenue", 100],
        ["R1", 2026.5, "revenue", 100],
        ["R1", "2026-Q5", "revenue", 100],
      ),
      scores: scores(["R1", "Q1", "csat", 3]),
    }),
    expectedProblems: [
      'Targets!B5: Period "March" is not a period (use 2026-03, 2026-Q1 or 2026); the row is left out',
      'Targets!B6: Period "2026-13" is not a period (use 2026-03, 2026-Q1 or 2026); the row is left out',
      'Targets!B7: Period "2026.5" is not a period (use 2026-03, 2026-Q1 or 2026); the row is left out',
      'Targets!B8: Period "2026-Q5" is not a period (use 2026-03, 2026-Q1 or 2026); the row is left out',
      'Scores!B3: Period "Q1" is not a period (use 2026-03, 2026-Q1 or 2026); the row is left out',
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "periods in every accepted form, including dates",
    grids: book({
      targets: targets(
        ["R2", "2026-4", "revenue", 1],
        ["R2", "2026/05", "revenue", 1],
        ["R2", "2026q3", "revenue", 1],
        ["R2", "2026 Q4", "revenue", 1],
        ["R2", 2027, "revenue", 1],
        ["R2", "2027年2月", "revenue", 1],
        ["R2", "2027年第一季度", "deals_won", 1],
        ["R2", "2028年", "revenue", 1],
        ["R2", foreignDate(shanghaiInstant(2028, 6, 30, 23, 30)), "revenue", 1],
      ),
      adjustments: adjustments(
        ["R1", foreignDate(shanghaiInstant(2026, 4, 1, 0, 30)), 5, "Bonus"],
        ["R1", "２０２６年４月", 5, "Bonus"],
      ),
    }),
    expectedProblems: [],
    expectedCounts: { ...FULL_COUNTS, targets: 12, adjustments: 3 },
  },
  {
    name: "Adjustments need a month",
    grids: book({
      adjustments: adjustments(
        ["R1", "2026-Q1", 50, "Bonus"],
        ["R1", 2026, 50, "Bonus"],
        ["R1", "2026年3月", 50, "Bonus"],
        ["R1", "soon", 50, "Bonus"],
      ),
    }),
    expectedProblems: [
      'Adjustments!B3: Period "2026-Q1" must be a month such as 2026-03; the row is left out',
      'Adjustments!B4: Period "2026" must be a month such as 2026-03; the row is left out',
      'Adjustments!B6: Period "soon" must be a month such as 2026-03; the row is left out',
    ],
    expectedCounts: { ...FULL_COUNTS, adjustments: 2 },
  },
  {
    name: "targets at or below zero",
    grids: book({
      targets: targets(
        ["R2", "2026-03", "revenue", 0],
        ["R2", "2026-04", "revenue", -5],
        ["R2", "2026-05", "revenue", "0%"],
        ["R2", "2026-06", "win_rate", "30%"],
      ),
    }),
    expectedProblems: [
      "Targets!D5: Target 0 must be greater than 0; the row is left out",
      "Targets!D6: Target -5 must be greater than 0; the row is left out",
      "Targets!D7: Target 0% must be greater than 0; the row is left out",
    ],
    expectedCounts: { ...FULL_COUNTS, targets: 4 },
  },
  {
    name: "two rep targets for one period and metric are both left out (the next level applies)",
    grids: book({ targets: targets(["r1 ", "2026年3月", "Revenue", 9000]) }),
    expectedProblems: [
      "Targets!A2: another target for the same rep, period and metric at the same level is on A5; neither is used",
      "Targets!A5: another target for the same rep, period and metric at the same level is on A2; neither is used",
    ],
    expectedCounts: { ...FULL_COUNTS, targets: 2 },
  },
  {
    name: "team targets differing in case are at one level",
    grids: book({ targets: targets(["TEAM: east", "2026-03", "revenue", 7000]) }),
    expectedProblems: [
      "Targets!A3: another target for the same rep, period and metric at the same level is on A5; neither is used",
      "Targets!A5: another target for the same rep, period and metric at the same level is on A3; neither is used",
    ],
    expectedCounts: { ...FULL_COUNTS, targets: 2 },
  },
  {
    name: "three targets for everyone at one level; other levels and periods are not duplicates",
    grids: book({
      targets: targets(
        ["*", "2026-03", "deals_won", 6],
        ["*", "2026-03", "deals_won", 7],
        ["R2", "2026-03", "deals_won", 4],
        ["role:AE", "2026-03", "deals_won", 4],
        ["*", "2026-Q1", "deals_won", 15],
      ),
    }),
    expectedProblems: [
      "Targets!A4: another target for the same rep, period and metric at the same level is on A5; neither is used",
      "Targets!A5: another target for the same rep, period and metric at the same level is on A4; neither is used",
      "Targets!A6: another target for the same rep, period and metric at the same level is on A4; neither is used",
    ],
    expectedCounts: { ...FULL_COUNTS, targets: 5 },
  },
  {
    name: "the same Deal ID twice for one rep: the later row is left out",
    grids: book({
      sales: sales(
        sale({ 8: "d1 " }),
        sale({ 1: "R2", 8: "D1" }),
        sale({ 3: "x", 8: "D7" }),
        sale({ 8: "D7" }),
        sale({ 8: "D1" }),
      ),
    }),
    expectedProblems: [
      'Sales!I5: Deal ID "d1" is also on I2 for the same rep; this row is left out',
      'Sales!D7: Amount "x" is not a number; the row is left out',
      'Sales!I9: Deal ID "D1" is also on I2 for the same rep; this row is left out',
    ],
    // The row with the bad Amount does not count as the first D7, so row 8 is read.
    expectedCounts: { ...FULL_COUNTS, sales: 5 },
  },
  {
    name: "Split outside 0-1 (50% is accepted)",
    grids: book({
      sales: sales(
        sale({ 7: 1.5 }),
        sale({ 7: "150%" }),
        sale({ 7: -0.2 }),
        sale({ 7: "50%" }),
        sale({ 7: 50 }),
        sale({ 7: 0 }),
        sale({ 7: "half" }),
      ),
    }),
    expectedProblems: [
      "Sales!H5: Split 1.5 must be between 0 and 1; the row is left out",
      "Sales!H6: Split 150% must be between 0 and 1; the row is left out",
      "Sales!H7: Split -0.2 must be between 0 and 1; the row is left out",
      "Sales!H9: Split 50 must be between 0 and 1; the row is left out",
      'Sales!H11: Split "half" is not a number; the row is left out',
    ],
    expectedCounts: { ...FULL_COUNTS, sales: 5 },
  },
  {
    name: "50,000-character cells are refused without repeating them",
    grids: book({
      reps: reps(["R4", "n".repeat(LONG), "", "", "", "", "", ""]),
      sales: sales(
        sale({ 2: "x".repeat(LONG) }),
        sale({ 3: "9".repeat(LONG) }),
        sale({ 1: "r".repeat(LONG) }),
        sale({ 8: "d".repeat(1001) }),
      ),
      adjustments: adjustments(["R1", "2026-03", 5, "z".repeat(LONG)]),
    }),
    expectedProblems: [
      "Reps!B5: Name is 50000 characters long (at most 1000); the row is left out",
      "Sales!C5: Customer is 50000 characters long (at most 1000); the row is left out",
      'Sales!D6: Amount "9999999999999999999999999999999999999999…" is not a number; the row is left out',
      "Sales!B7: Rep ID is 50000 characters long (at most 1000); the row is left out",
      "Sales!I8: Deal ID is 1001 characters long (at most 1000); the row is left out",
      "Adjustments!D3: Reason is 50000 characters long (at most 1000); the row is left out",
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "an End date before the Start date leaves the rep out",
    grids: book({
      reps: [REPS_HEADER, REPS_ROWS[0], changed(REPS_ROWS[1], { 5: "2026-03-10", 6: "2026-03-01" }), REPS_ROWS[2]],
    }),
    expectedProblems: [
      "Reps!G3: End date 2026-03-01 is before Start date 2026-03-10; the rep is left out",
      'Sales!B3: Rep ID "R2" is left out on the Reps sheet (see Reps!A3); the row is left out',
      'Adjustments!A2: Rep ID "R2" is left out on the Reps sheet (see Reps!A3); the row is left out',
    ],
    expectedCounts: { ...FULL_COUNTS, reps: 2, sales: 2, adjustments: 0 },
  },
  {
    name: "a rep who starts and leaves on one day is fine",
    grids: book({
      reps: [REPS_HEADER, REPS_ROWS[0], changed(REPS_ROWS[1], { 5: "2026-03-10", 6: "2026-03-10" }), REPS_ROWS[2]],
    }),
    expectedProblems: [],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "a Manager who is not on the Reps sheet is a warning",
    grids: book({ reps: [REPS_HEADER, REPS_ROWS[0], REPS_ROWS[1], changed(REPS_ROWS[2], { 4: "R9" })] }),
    expectedProblems: ['Reps!E4: Manager "R9" is not on the Reps sheet; the rep has no manager'],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "a negative Target bonus is a warning and the plan's default is used",
    grids: book({ reps: [REPS_HEADER, changed(REPS_ROWS[0], { 7: -500 }), REPS_ROWS[1], REPS_ROWS[2]] }),
    expectedProblems: ["Reps!H2: Target bonus -500 is negative; the plan's default is used"],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "an unknown Type word is a warning and the deal counts without a type; an unknown Status word is an open deal",
    grids: book({
      sales: sales(
        sale({ 4: "big" }),
        sale({ 5: "closed" }),
        sale({ 4: "New", 5: "WON" }),
        sale({ 4: "Existing Customer - Upgrade" }),
      ),
    }),
    expectedProblems: [
      'Sales!E5: Type "big" is not one of new, renewal, expansion (新客户, 续约, 增购); the deal counts without a type',
    ],
    // "closed" is read as open: kept as pipeline, counted in no actual.
    expectedCounts: { ...FULL_COUNTS, sales: 7 },
  },
  {
    name: "an Opened date after the close date is a warning; the deal counts",
    grids: book({ sales: [SALES_HEADER, changed(SALES_ROWS[0], { 6: "2026-04-01" }), SALES_ROWS[1], SALES_ROWS[2]] }),
    expectedProblems: [
      "Sales!G2: Opened 2026-04-01 is after the close Date 2026-03-05; the deal counts but not its sales cycle",
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "Scores hold manual metrics of the plan only",
    grids: book({
      scores: scores(
        ["R1", "2026-03", "revenue", 5],
        ["R1", "2026-03", "happiness", 5],
        ["R1", "2026-03", "Product knowledge", 4],
        ["R1", "2026-03", "avg_deal_size", 4],
        ["R2", "2026-Q1", "CSAT", 4],
      ),
    }),
    expectedProblems: [
      'Scores!C3: Metric "revenue" is computed from Sales, not entered in Scores; the row is left out',
      'Scores!C4: Metric "happiness" is not in the plan; the row is left out',
      'Scores!C6: Metric "avg_deal_size" is computed from Sales, not entered in Scores; the row is left out',
    ],
    expectedCounts: { ...FULL_COUNTS, scores: 3 },
  },
  {
    name: "Targets metrics must be built in or in the plan; display names are accepted",
    grids: book({
      targets: targets(
        ["R1", "2026-03", "profit", 1],
        ["R1", "2026-03", "renewal_rate", 0.9],
        ["R2", "2026-03", "销售额", 5000],
        ["R2", "2026-03", "New Customers", 3],
        ["R2", "2026-03", "win-rate", "40%"],
      ),
    }),
    expectedProblems: ['Targets!C5: Metric "profit" is not in the plan; the row is left out'],
    // renewal_rate is built in: kept though this plan does not score it.
    expectedCounts: { ...FULL_COUNTS, targets: 7 },
  },
  {
    name: "team and role targets, in English and Chinese, and ones that match no rep",
    grids: book({
      targets: targets(
        ["team:Nowhere", "2026-03", "revenue", 1],
        ["role:AE", "2026-03", "revenue", 1],
        ["岗位：SDR", "2026-03", "revenue", 1],
        ["团队:West", "2026-03", "deals_won", 2],
        ["Role:Manager", "2026-03", "revenue", 1],
      ),
    }),
    expectedProblems: [
      `Targets!A5: Rep ID "team:Nowhere" matches no rep's team or role on the Reps sheet; the row is left out`,
      `Targets!A9: Rep ID "Role:Manager" matches no rep's team or role on the Reps sheet; the row is left out`,
    ],
    expectedCounts: { ...FULL_COUNTS, targets: 6 },
  },
  {
    name: "blank rows are skipped and problems keep the sheet's row numbers",
    grids: book({
      sales: [
        SALES_HEADER,
        SALES_ROWS[0],
        ["", "", "", "", "", "", "", "", ""],
        ["  ", "", "\u3000", "", "", "", "", "", ""],
        sale({ 3: "x" }),
        [],
      ],
    }),
    expectedProblems: ['Sales!D5: Amount "x" is not a number; the row is left out'],
    expectedCounts: { ...FULL_COUNTS, sales: 1 },
  },
  {
    name: "every problem of a row is reported at once",
    grids: book({ sales: sales(["2026-02-30", "R9", "", "abc", "big", "maybe", "someday", 2, ""]) }),
    expectedProblems: [
      'Sales!A5: Date "2026-02-30" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      'Sales!B5: Rep ID "R9" is not on the Reps sheet; the row is left out',
      'Sales!D5: Amount "abc" is not a number; the row is left out',
      'Sales!E5: Type "big" is not one of new, renewal, expansion (新客户, 续约, 增购); the deal counts without a type',
      'Sales!G5: Opened "someday" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      "Sales!H5: Split 2 must be between 0 and 1; the row is left out",
    ],
    expectedCounts: FULL_COUNTS,
  },
  {
    name: "Date values from another realm at the month's edges are read on the sheet's wall clock",
    grids: book({
      reps: [
        REPS_HEADER,
        changed(REPS_ROWS[0], { 5: foreignDate(shanghaiInstant(2025, 1, 1)) }),
        REPS_ROWS[1],
        REPS_ROWS[2],
      ],
      sales: sales(
        sale({ 0: foreignDate(shanghaiInstant(2026, 3, 31, 23, 30)), 8: "late" }),
        sale({ 0: foreignDate(shanghaiInstant(2026, 4, 1, 0, 30)), 8: "early" }),
        sale({
          0: foreignDate(shanghaiInstant(2026, 4, 1)),
          6: foreignDate(shanghaiInstant(2026, 4, 1, 23, 59)),
          8: "same day",
        }),
      ),
    }),
    expectedProblems: [],
    expectedCounts: { ...FULL_COUNTS, sales: 6 },
  },
  {
    name: "sheet names with spaces are quoted",
    grids: book({ sales: sales(sale({ 3: "x" })), adjustments: null }),
    sheetNames: { sales: "Sales 2026", adjustments: "Pay adjustments" },
    expectedProblems: ["'Sales 2026'!D5: Amount \"x\" is not a number; the row is left out"],
    expectedCounts: { ...FULL_COUNTS, adjustments: 0 },
  },
];
