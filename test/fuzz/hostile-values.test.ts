/**
 * Hostile values dropped into random cells of a valid workbook (Reps, Sales,
 * Targets, Scores, Adjustments, Plan), each workbook run through the whole
 * BUILT bundle's recalculation in the simulator.
 *
 * For every case:
 * - the run is done (never "failed": a run fails for platform reasons only);
 * - no output cell (Results, Payouts, Reviews, Dashboard, Run log, and the
 *   Problems sheet when there is one) holds NaN, Infinity, undefined,
 *   null, `[object`, or a number that is not finite (text the workbook
 *   itself holds, copied as typed, is not counted);
 * - every injected cell whose value is genuinely invalid for its column
 *   is named in a problem (`Sheet!A1: ...`). What "genuinely invalid" means
 *   is written per column below (`MUST_REPORT`): text in Amount must be
 *   reported; spaces around a valid Rep ID need not.
 *
 * A case is one injected cell: 1,000 of them, five per workbook (in five
 * different rows, each checked on its own), so the suite runs 200 whole
 * recalculations. CI uses a fixed seed; a local run draws one (or takes
 * FUZZ_SEED) and every failure names it, with the workbook and the cell
 * (FUZZ_REPORT=file appends every failure to that file as well).
 */
import { appendFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSimulator, loadBundle } from "../../src/simulator";
import type { CellInput } from "../../src/simulator/snapshot";
import { seededRandom } from "../../src/core/seeded-random";
import { planGrid } from "../fixtures/plan-grid";

const SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.CI
    ? 20261127
    : Math.floor(Math.random() * 2 ** 31);
const WORKBOOKS = 200;
const CELLS_PER_WORKBOOK = 5;
const BLOCKS = 10;

const OUTPUT_SHEETS = ["Results", "Payouts", "Reviews", "Dashboard", "Run log", "Problems"];

// ---------------------------------------------------------------- random

const random = seededRandom;

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

// ---------------------------------------------------------------- the valid workbook

const REP_IDS = ["R01", "R02", "R03", "R04", "R05"];
const MONTHS = ["2026-01", "2026-02", "2026-03"];

function day(month: string, d: number): CellInput {
  return { wallClock: `${month}-${String(d).padStart(2, "0")}T10:00:00` };
}

function text(value: string): CellInput {
  return { value, format: "@" };
}

/** The valid workbook: 5 reps, 60 deals over 3 months, targets, scores, adjustments and a plan. */
function validWorkbook(): Record<string, CellInput[][]> {
  const reps: CellInput[][] = [["Rep ID", "Name", "Team", "Role", "Manager", "Start date", "End date", "Target bonus"]];
  REP_IDS.forEach((id, i) =>
    reps.push([
      id,
      "Rep " + (i + 1),
      i % 2 ? "West" : "East",
      "AE",
      i === 0 ? "" : "R01",
      i === 4 ? day("2025-06", 1) : "",
      "",
      i === 2 ? 1200 : "",
    ]),
  );
  const sales: CellInput[][] = [
    ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Split", "Deal ID"],
  ];
  for (let i = 0; i < 60; i++) {
    const month = MONTHS[i % 3];
    sales.push([
      day(month, 1 + ((i * 7) % 27)),
      REP_IDS[i % 5],
      "Customer " + (i % 23),
      1000 + ((i * 137) % 9000),
      ["new", "renewal", "expansion"][i % 3],
      i % 6 === 0 ? "lost" : "won",
      i % 4 === 0 ? day(month, 1) : "",
      i % 10 === 0 ? 0.5 : "",
      "D" + (100 + i),
    ]);
  }
  const targets: CellInput[][] = [["Rep ID", "Period", "Metric", "Target"]];
  for (const month of MONTHS) {
    targets.push(
      ["*", text(month), "revenue", 20000],
      ["*", text(month), "deals_won", 4],
      ["*", text(month), "win_rate", 0.6],
      ["*", text(month), "csat", 4.5],
    );
  }
  const scores: CellInput[][] = [["Rep ID", "Period", "Metric", "Value"]];
  for (const month of MONTHS)
    for (const id of REP_IDS.slice(0, 4)) scores.push([id, text(month), "csat", 4 + (id.charCodeAt(2) % 2) * 0.5]);
  const adjustments: CellInput[][] = [
    ["Rep ID", "Period", "Amount", "Reason"],
    ["R02", text("2026-02"), 150, "Spiff"],
    ["R04", text("2026-03"), -80, "Clawback"],
  ];
  const plan: CellInput[][] = planGrid({ revenue: 0.5, deals_won: 0.2, win_rate: 0.1 }, { csat: 0.2 });
  return { Reps: reps, Sales: sales, Targets: targets, Scores: scores, Adjustments: adjustments, Plan: plan };
}

// ---------------------------------------------------------------- hostile values

type Kind =
  | "boolean"
  | "date"
  | "number"
  | "negative"
  | "huge"
  | "tiny"
  | "negativeZero"
  | "zero"
  | "nanText"
  | "badDateText"
  | "zeroText"
  | "ancientDate"
  | "zeroDate"
  | "farDate"
  | "formula"
  | "symbol"
  | "control"
  | "rtl"
  | "emoji"
  | "long"
  | "html"
  | "error"
  | "blank"
  | "paddedId";

interface Hostile {
  kind: Kind;
  input: CellInput;
  /** How it reads in a message. */
  label: string;
}

const LONG_TEXT = "Lorem ipsum dolor sit amet ".repeat(80).slice(0, 2000);

const HOSTILE: readonly Hostile[] = [
  { kind: "boolean", input: true, label: "TRUE" },
  { kind: "boolean", input: false, label: "FALSE" },
  { kind: "date", input: { wallClock: "2026-03-05T00:00:00" }, label: "date 2026-03-05" },
  { kind: "number", input: 42, label: "42" },
  { kind: "number", input: 3.5, label: "3.5" },
  { kind: "negative", input: -7, label: "-7" },
  { kind: "huge", input: 1e308, label: "1e308" },
  { kind: "huge", input: -1e308, label: "-1e308" },
  { kind: "tiny", input: 1e-320, label: "1e-320" },
  { kind: "negativeZero", input: -0, label: "-0" },
  { kind: "zero", input: 0, label: "0" },
  { kind: "nanText", input: "NaN", label: '"NaN"' },
  { kind: "nanText", input: "Infinity", label: '"Infinity"' },
  { kind: "nanText", input: "-Infinity", label: '"-Infinity"' },
  { kind: "nanText", input: "1e999", label: '"1e999"' },
  { kind: "badDateText", input: "2026-02-30", label: '"2026-02-30"' },
  { kind: "badDateText", input: "31/02/2026", label: '"31/02/2026"' },
  { kind: "zeroText", input: "0", label: '"0"' },
  { kind: "ancientDate", input: { wallClock: "0202-03-05T00:00:00" }, label: "date 0202-03-05" },
  { kind: "zeroDate", input: { wallClock: "1899-12-30T00:00:00" }, label: "date 1899-12-30" },
  { kind: "farDate", input: { wallClock: "9999-12-31T00:00:00" }, label: "date 9999-12-31" },
  { kind: "formula", input: "=1+1", label: '"=1+1"' },
  { kind: "formula", input: "=A1", label: '"=A1"' },
  { kind: "symbol", input: "+", label: '"+"' },
  { kind: "symbol", input: "@", label: '"@"' },
  { kind: "symbol", input: "-", label: '"-"' },
  { kind: "control", input: "a\tb", label: '"a\\tb"' },
  { kind: "control", input: "line 1\nline 2", label: '"line 1\\nline 2"' },
  { kind: "rtl", input: "\u200Fabc", label: '"RLM abc"' },
  { kind: "rtl", input: "\u202Eevil", label: '"RLO evil"' },
  { kind: "emoji", input: "😀🔥", label: '"😀🔥"' },
  { kind: "long", input: LONG_TEXT, label: "2,000 characters" },
  { kind: "html", input: "<b>x</b>", label: '"<b>x</b>"' },
  { kind: "html", input: "<script>alert(1)</script>", label: '"<script>"' },
  { kind: "error", input: "#N/A", label: "#N/A" },
  { kind: "error", input: "#REF!", label: "#REF!" },
  { kind: "error", input: "#DIV/0!", label: "#DIV/0!" },
  { kind: "blank", input: "", label: "blank" },
  { kind: "blank", input: " ", label: '" "' },
  { kind: "blank", input: "\t", label: '"\\t"' },
];

function paddedId(next: () => number): Hostile {
  const id = pick(next, REP_IDS);
  return { kind: "paddedId", input: "  " + id + " ", label: `"  ${id} "` };
}

// ---------------------------------------------------------------- what each column must report

const DATE_CELLS: ReadonlySet<Kind> = new Set(["date", "ancientDate", "zeroDate", "farDate"]);
const NUMBERS: ReadonlySet<Kind> = new Set(["number", "negative", "huge", "tiny", "negativeZero", "zero"]);
/** Text that reads as a finite number. */
const NUMERIC_TEXT: ReadonlySet<Kind> = new Set(["zeroText"]);

function isBlank(h: Hostile): boolean {
  return h.kind === "blank";
}

/** Not a usable number: a checkbox, a date, text that is no number, an error, or beyond any plausible amount. */
function isBadNumber(h: Hostile): boolean {
  if (NUMBERS.has(h.kind)) return h.kind === "huge";
  if (NUMERIC_TEXT.has(h.kind)) return false;
  return !isBlank(h);
}

function numberValue(h: Hostile): number | null {
  if (NUMBERS.has(h.kind)) return h.input as number;
  if (NUMERIC_TEXT.has(h.kind)) return Number(h.input);
  return null;
}

/** Not a plausible date: anything but a date cell of a plausible year (9999-12-31 allowed where `farOk`). */
function isBadDate(h: Hostile, farOk: boolean): boolean {
  if (isBlank(h)) return false;
  if (h.kind === "date") return false;
  if (h.kind === "farDate") return !farOk;
  return true;
}

/** Whether a hostile value must be reported, given the row it lands in (as it was before). */
type Policy = (h: Hostile, row: readonly CellInput[]) => boolean;

const requiredId: Policy = (h) =>
  isBlank(h) || h.kind === "boolean" || DATE_CELLS.has(h.kind) || h.kind === "error" || h.kind === "long";
/** A reference to a rep: anything but a known Rep ID (spaces around it aside) matches no rep. */
const repReference: Policy = (h) => h.kind !== "paddedId";
const optionalRepReference: Policy = (h) => h.kind !== "paddedId" && !isBlank(h);
const requiredText: Policy = (h) => isBlank(h) || h.kind === "error" || h.kind === "long";
const optionalText: Policy = (h) => h.kind === "error" || h.kind === "long";
const requiredDate: Policy = (h) => isBlank(h) || isBadDate(h, false);
const optionalDate: Policy = (h) => isBadDate(h, false);
const endDate: Policy = (h) => isBadDate(h, true);
const requiredAmount: Policy = (h) => isBlank(h) || isBadNumber(h);
/** A Sales Amount: a lost deal needs none (its Status is column F of the row as it was). */
const saleAmount: Policy = (h, row) => (isBlank(h) ? row[5] !== "lost" : isBadNumber(h));
const targetBonus: Policy = (h) => isBadNumber(h) || (numberValue(h) ?? 0) < 0;
const positiveNumber: Policy = (h) => isBlank(h) || isBadNumber(h) || !((numberValue(h) ?? 0) > 0);
const share: Policy = (h) => !isBlank(h) && (isBadNumber(h) || (numberValue(h) ?? 0) < 0 || (numberValue(h) ?? 0) > 1);
/** Any value that is not one of the choices (the catalogue holds none): blank is allowed. */
const optionalChoice: Policy = (h) => !isBlank(h);
/**
 * Status: any word may be a CRM's stage name (read as an open deal and
 * listed with the stage words), but a checkbox, a number, a date, an error
 * or 2,000 characters is no stage.
 */
const stage: Policy = (h) =>
  h.kind === "boolean" || NUMBERS.has(h.kind) || DATE_CELLS.has(h.kind) || h.kind === "error" || h.kind === "long";
/** A period: nothing in the catalogue is one, but a date cell of a plausible year may be read as its month. */
const requiredPeriod: Policy = (h) => h.kind !== "date";
/** A metric: nothing in the catalogue is one. */
const requiredMetric: Policy = () => true;
const planNumber: Policy = (h) => isBadNumber(h) && !isBlank(h);
const planWord: Policy = (h) => !isBlank(h);
/** A manual metric's name is the manager's own: any text may be one. */
const planKey: Policy = (h, row) => !isBlank(h) && (row[0] !== "manual" || typeof h.input !== "string");

const MUST_REPORT: Record<string, Record<string, Policy>> = {
  Reps: {
    "Rep ID": requiredId,
    Name: requiredText,
    Team: optionalText,
    Role: optionalText,
    Manager: optionalRepReference,
    "Start date": optionalDate,
    "End date": endDate,
    "Target bonus": targetBonus,
  },
  Sales: {
    Date: requiredDate,
    "Rep ID": repReference,
    Customer: optionalText,
    Amount: saleAmount,
    Type: optionalChoice,
    Status: stage,
    Opened: optionalDate,
    Split: share,
    "Deal ID": optionalText,
  },
  Targets: { "Rep ID": repReference, Period: requiredPeriod, Metric: requiredMetric, Target: positiveNumber },
  Scores: { "Rep ID": repReference, Period: requiredPeriod, Metric: requiredMetric, Value: requiredAmount },
  Adjustments: { "Rep ID": repReference, Period: requiredPeriod, Amount: requiredAmount, Reason: requiredText },
  Plan: {
    Type: planWord,
    Key: planKey,
    Weight: planNumber,
    Direction: planWord,
    Driver: planWord,
    Mode: planWord,
    Bound: planNumber,
    Rate: planNumber,
    Value: planNumber,
  },
};

// ---------------------------------------------------------------- cases

interface Injection {
  sheet: string;
  header: string;
  cell: string;
  value: Hostile;
  mustReport: boolean;
  /** The rep whose row it is (the Reps row's own ID, or the row's Rep ID elsewhere), "" on Plan. */
  rep: string;
}

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Sheets to inject into, weighted by how many cells they have. */
const SHEET_WEIGHTS: readonly [string, number][] = [
  ["Sales", 40],
  ["Reps", 15],
  ["Targets", 15],
  ["Scores", 10],
  ["Adjustments", 10],
  ["Plan", 10],
];

function pickSheet(next: () => number): string {
  let roll = next() * 100;
  for (const [sheet, weight] of SHEET_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return sheet;
  }
  return "Sales";
}

/** A workbook with hostile values in distinct random cells (Plan: only its filled cells). */
function hostileWorkbook(next: () => number): { sheets: Record<string, CellInput[][]>; injections: Injection[] } {
  const sheets = validWorkbook();
  const injections: Injection[] = [];
  const used = new Set<string>();
  while (injections.length < CELLS_PER_WORKBOOK) {
    const sheet = pickSheet(next);
    const grid = sheets[sheet];
    const r = 1 + Math.floor(next() * (grid.length - 1));
    const c = Math.floor(next() * grid[0].length);
    if (sheet === "Plan" && grid[r][c] === "") continue;
    // One cell per row: a row left out for one bad cell is not read further (an unknown Manager
    // is not looked up for a rep who is left out), so a second cell there would not be attributable.
    const row = sheet + "!" + (r + 1);
    if (used.has(row)) continue;
    const header = String(grid[0][c]);
    const value = next() < 0.05 ? paddedId(next) : pick(next, HOSTILE);
    // A hostile Rep ID or Name on Reps would make the same text elsewhere a known rep (a Sales owner
    // may be a rep's Name).
    const namesRep = (on: string, column: string) => on === "Reps" && (column === "Rep ID" || column === "Name");
    if (
      injections.some((i) => i.value.input === value.input && (namesRep(i.sheet, i.header) || namesRep(sheet, header)))
    )
      continue;
    // Nor a rep's Reps row and a row of theirs elsewhere: a rep left out for a bad Reps cell
    // leaves their deals out before those deals' dates are weighed.
    const repOfRow = sheet === "Reps" ? REP_IDS[r - 1] : String(grid[r][grid[0].indexOf("Rep ID")] ?? "");
    // A Rep ID on Reps that is another rep's ID padded with spaces makes that rep a duplicate too.
    const repsTouched = (on: string, column: string, rep: string, input: unknown) =>
      on === "Reps" && column === "Rep ID" ? [rep, String(input).trim()] : [rep];
    const mine = repsTouched(sheet, header, repOfRow, value.input);
    if (
      injections.some(
        (i) =>
          i.rep !== "" &&
          (i.sheet === "Reps") !== (sheet === "Reps") &&
          repsTouched(i.sheet, i.header, i.rep, i.value.input).some((rep) => mine.includes(rep)),
      )
    )
      continue;
    used.add(row);
    const cell = columnLetter(c) + (r + 1);
    const mustReport = MUST_REPORT[sheet][header](value, [...grid[r]]);
    grid[r][c] = value.input;
    injections.push({ sheet, header, cell, value, mustReport, rep: sheet === "Plan" ? "" : repOfRow });
  }
  return { sheets, injections };
}

// ---------------------------------------------------------------- checks

interface Summary {
  outcome: string;
  problems: string[];
}

function runWorkbook(sheets: Record<string, CellInput[][]>): { summary: Summary; outputs: Map<string, unknown[][]> } {
  const sim = createSimulator({ now: "2026-04-10T04:00:00Z", timeZone: "UTC", sheets: sheets as never });
  const bundle = loadBundle({ simulator: sim, context: { kind: "manual" } });
  let summary: Summary;
  try {
    summary = JSON.parse(String(bundle.evaluate("JSON.stringify(SalesScorecard.local.recalculate({}))")));
  } finally {
    bundle.end();
  }
  const outputs = new Map<string, unknown[][]>();
  for (const name of OUTPUT_SHEETS)
    if (sim.sheetNames().includes(name)) outputs.set(name, sim.sheetValues(name) as unknown[][]);
  return { summary, outputs };
}

const PROBLEM_CELL = /^('(?:[^']|'')*'|[^!]+)!([A-Z]{1,3}\d+)(?::|,)/;

/** The cells problems are about, as `Sheet!A1`. */
function problemCells(problems: readonly string[]): Set<string> {
  const cells = new Set<string>();
  for (const line of problems) {
    const match = PROBLEM_CELL.exec(line);
    if (match) cells.add(match[1].replace(/^'|'$/g, "").replace(/''/g, "'") + "!" + match[2]);
  }
  return cells;
}

const BROKEN_TEXT = /\b(NaN|Infinity|undefined|null)\b|\[object /;

/** Output cells that read as a broken number or a missing value; text copied from the workbook's own cells is taken out first. */
function brokenCells(outputs: Map<string, unknown[][]>, copied: readonly string[]): string[] {
  const broken: string[] = [];
  for (const [name, values] of outputs) {
    values.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === "number" && !Number.isFinite(cell))
          broken.push(`${name}!${columnLetter(c)}${r + 1} = ${cell}`);
        if (cell === null || cell === undefined) broken.push(`${name}!${columnLetter(c)}${r + 1} = ${String(cell)}`);
        if (typeof cell !== "string") return;
        let rest = cell;
        // Longest first, so "-" does not cut "-Infinity" before it is taken out whole.
        for (const text of [...copied].sort((a, b) => b.length - a.length)) rest = rest.split(text).join(" ");
        if (BROKEN_TEXT.test(rest))
          broken.push(`${name}!${columnLetter(c)}${r + 1} = ${JSON.stringify(cell.slice(0, 120))}`);
      }),
    );
  }
  return broken;
}

function checkWorkbook(index: number): string[] {
  const next = random((SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const { sheets, injections } = hostileWorkbook(next);
  const where = `seed ${SEED}, workbook ${index}`;
  const injected = injections.map((i) => `${i.sheet}!${i.cell} ${i.header} = ${i.value.label}`).join("; ");
  let result: ReturnType<typeof runWorkbook>;
  try {
    result = runWorkbook(sheets);
  } catch (error) {
    return [`${where}: the run threw ${String(error).slice(0, 200)} [${injected}]`];
  }
  const failures: string[] = [];
  if (result.summary.outcome !== "done" && result.summary.outcome !== "nothing to do") {
    failures.push(`${where}: outcome ${result.summary.outcome} [${injected}]`);
  }
  const copied = injections
    .map((i) => i.value.input)
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  for (const cell of brokenCells(result.outputs, copied))
    failures.push(`${where}: broken output ${cell} [${injected}]`);
  const named = problemCells(result.summary.problems);
  for (const injection of injections) {
    if (injection.mustReport && !named.has(injection.sheet + "!" + injection.cell)) {
      failures.push(
        `${where}: ${injection.sheet}!${injection.cell} (${injection.header}) = ${injection.value.label} is named in no problem [${injected}]`,
      );
    }
  }
  return failures;
}

describe(`hostile values in random cells, through the built bundle (seed ${SEED}; FUZZ_SEED=${SEED} repeats it)`, () => {
  const perBlock = WORKBOOKS / BLOCKS;
  for (let block = 0; block < BLOCKS; block++) {
    const first = block * perBlock;
    it(`workbooks ${first}-${first + perBlock - 1}: done, no broken output, every invalid injected cell reported`, () => {
      const failures: string[] = [];
      for (let i = first; i < first + perBlock; i++) failures.push(...checkWorkbook(i));
      if (process.env.FUZZ_REPORT) appendFileSync(process.env.FUZZ_REPORT, failures.map((f) => f + "\n").join(""));
      expect(failures, `seed ${SEED}`).toEqual([]);
    });
  }
});

describe("the fuzz's own rules", () => {
  it("inject 1,000 cells over the workbooks, each policy deciding for every value", () => {
    let cells = 0;
    let must = 0;
    for (let i = 0; i < WORKBOOKS; i++) {
      const { injections } = hostileWorkbook(random((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0));
      cells += injections.length;
      must += injections.filter((j) => j.mustReport).length;
    }
    expect(cells).toBe(1000);
    expect(must).toBeGreaterThan(500);
  });

  it("text in Amount must be reported; spaces around a valid Rep ID, or a stage word, need not", () => {
    const byLabel = (label: string) => HOSTILE.find((h) => h.label === label)!;
    const must = (sheet: string, header: string, h: Hostile, row: CellInput[] = []) =>
      MUST_REPORT[sheet][header](h, row);
    expect(must("Sales", "Amount", byLabel('"=1+1"'))).toBe(true);
    expect(must("Sales", "Amount", byLabel("1e308"))).toBe(true);
    expect(must("Sales", "Amount", byLabel("-0"))).toBe(false);
    expect(
      must(
        "Sales",
        "Rep ID",
        paddedId(() => 0),
      ),
    ).toBe(false);
    expect(must("Sales", "Rep ID", byLabel("TRUE"))).toBe(true);
    expect(must("Sales", "Status", byLabel('"=1+1"'))).toBe(false);
    expect(must("Sales", "Status", byLabel("#N/A"))).toBe(true);
    expect(must("Reps", "End date", byLabel("date 9999-12-31"))).toBe(false);
    expect(must("Sales", "Date", byLabel("date 1899-12-30"))).toBe(true);
    expect(must("Plan", "Key", byLabel('"NaN"'), ["manual"])).toBe(false);
    expect(must("Plan", "Key", byLabel('"NaN"'), ["metric"])).toBe(true);
  });
});
