/**
 * A run's write steps and how a run too slow to do them all spreads them
 * over several runs.
 *
 * A run writes its output sheets in steps, one sheet each (the Dashboard
 * with its chart). Before reading the output sheets it plans the steps that
 * its time budget allows, from the costs it measured so far; before each
 * step it checks again with the exact size of the block. Steps it cannot do
 * are left to the next run, recorded in the run state as a cycle: the
 * periods being written, the steps done for them, and a fingerprint of the
 * inputs and of which periods become final. The next run with the same
 * fingerprint computes the same periods and does only the steps left;
 * periods become final when every step is done. When the inputs change in
 * between, the cycle starts over, so sheets never mix two versions of the
 * inputs.
 */
import type { Period } from "../core/records";
import { hashText, ValueHasher } from "./input-fingerprint";
import { BELOW_FINAL_CALLS, inspectSize, type InspectOptions } from "./output-writer";
import type { Cycle, OutputRecord, RunState } from "./spreadsheet-state";
import { addWork, type TimeBudget, type WorkSize } from "./time-budget";

/** The write steps, in order (the Dashboard's chart apart from its values: it needs no Results read). */
export const STEPS = ["results", "payouts", "reviews", "dashboard", "chart", "problems"] as const;
export type Step = (typeof STEPS)[number];

/** Output sheets whose values a run merges with. */
export type MergedRole = "results" | "payouts" | "reviews";

/** The merged sheets whose values each step needs (the Dashboard and the problems are made from the merged Results). */
const STEP_READS: Record<Step, readonly MergedRole[]> = {
  results: ["results"],
  dashboard: ["results"],
  chart: [],
  payouts: ["payouts"],
  reviews: ["reviews"],
  problems: ["results"],
};

/**
 * Service calls of building the Dashboard chart, the removal of the old one
 * aside (builders are local objects: only calls that reach the spreadsheet
 * count): newChart, two getRange, insertChart.
 */
export const CHART_CALLS = 4;

/** Calls of a set-up of a new output sheet (see prepareOutputSheet), with its header notes and a grid growth. */
const NEW_SHEET_CALLS = 6 + 2 + 1;

/** What a run does about the cycle it finds. */
export interface CycleWork {
  /** Continuing the cycle found (same inputs). */
  continuing: boolean;
  cycle: Cycle | null;
  /** Steps left, in order. */
  remaining: Step[];
  /** Periods to compute (the run state's pending list for this run). */
  pending: Period[] | null;
  /** Final periods to restate (those asked, and those a cycle is restating). */
  restate: Period[];
}

/**
 * A fingerprint of everything a cycle's blocks are made from, but for which
 * periods become final (added once computed).
 *
 * @example
 * inputsPrint({ grids, plan: null, settings, language: "en", timeZone: "UTC" }); // e.g. "1x3k9a0d2f"
 */
export function inputsPrint(parts: Record<string, unknown>): string {
  return printOf(parts);
}

/** Arrays longer than this (a sheet's rows) are hashed value by value. */
const LONG_ARRAY = 1024;

/** What each value fed to the hasher is, so that two different grids never feed the same words. */
const KIND = { row: 0, text: 1, number: 2, boolean: 3, date: 4, other: 5 } as const;

function isDate(value: unknown): value is Date {
  // Dates come from the script's realm or the spreadsheet's: tell them by their tag, not by instanceof.
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** Feeds one element of a long array (a row of cells, or a cell) to the hasher. */
function hashItem(hasher: ValueHasher, item: unknown): void {
  if (Array.isArray(item)) {
    hasher.number(KIND.row);
    hasher.number(item.length);
    for (let i = 0; i < item.length; i++) hashItem(hasher, item[i]);
  } else if (typeof item === "string") {
    hasher.number(KIND.text);
    hasher.text(item);
  } else if (typeof item === "number") {
    hasher.number(KIND.number);
    hasher.number(item);
  } else if (typeof item === "boolean") {
    hasher.number(KIND.boolean);
    hasher.number(item ? 1 : 0);
  } else if (isDate(item)) {
    hasher.number(KIND.date);
    hasher.number(item.getTime());
  } else {
    hasher.number(KIND.other);
    hasher.text(JSON.stringify(item) ?? "undefined");
  }
}

/**
 * The hash of a JSON-safe value, made a part at a time. A long array (a
 * million-row grid) is hashed value by value: as JSON it would take hundreds
 * of megabytes of text for an instant, and a date's text costs far more
 * than its number.
 */
function printOf(value: unknown): string {
  if (Array.isArray(value) && value.length > LONG_ARRAY) {
    const hasher = new ValueHasher();
    hasher.start(value.length);
    for (let i = 0; i < value.length; i++) hashItem(hasher, value[i]);
    return "[" + hasher.finish().toString(36);
  }
  // Objects with their own JSON form (dates, from any realm) go as JSON.
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    let print = "{";
    for (const [key, item] of Object.entries(value))
      print = hashText(print + "\u0002" + key + "\u0001" + printOf(item));
    return print;
  }
  return hashText(JSON.stringify(value) ?? "undefined");
}

/**
 * The full fingerprint of a cycle: the inputs, and the periods that become
 * final (a month may become due between two runs: its rows then change),
 * hashed so the run state stays small however many periods there are.
 *
 * @example
 * cyclePrint("1x3k9a0d2f", new Set(["2026-03"])); // "1x3k9a0d2f|" and a hash of "2026-03"
 */
export function cyclePrint(inputs: string, becomeFinal: ReadonlySet<Period>): string {
  return inputs + "|" + hashText([...becomeFinal].sort().join(","));
}

/**
 * Whether a run continues the cycle in the run state: same inputs, and no
 * restatement asked beyond the cycle's own.
 *
 * @example
 * cycleWork({ ...runState, cycle: { periods: ["2026-03"], done: ["results"], inputs: "ab|", later: [], restate: [] } }, "ab", []);
 * // { continuing: true, remaining: ["dashboard", "payouts", "reviews", "problems"], pending: ["2026-03"], ... }
 */
export function cycleWork(runState: RunState, inputs: string, restate: readonly Period[]): CycleWork {
  const cycle = runState.cycle ?? null;
  const allRestate = [...new Set([...restate, ...(cycle?.restate ?? [])])];
  if (cycle?.inputs.startsWith(inputs + "|") && restate.every((p) => cycle.restate.includes(p))) {
    return {
      continuing: true,
      cycle,
      remaining: STEPS.filter((s) => !cycle.done.includes(s)),
      pending: cycle.periods,
      restate: allRestate,
    };
  }
  const pending = cycle ? [...cycle.periods, ...cycle.later] : runState.pending;
  return {
    continuing: false,
    cycle: null,
    remaining: [...STEPS],
    pending: pending && pending.length > 0 ? pending : null,
    restate: allRestate,
  };
}

/**
 * How a run inspects each output sheet, given the steps it plans and what
 * it knows of its sheets: the merged sheets a step needs with their values
 * (with their grid only when their own step writes them), the Dashboard and
 * Problems when their step is planned, and the Run log always (its last
 * row only).
 *
 * @example
 * inspections(["results"], {}).results; // { values: true, grid: true, knownId: -1 }
 */
export function inspections(
  steps: readonly Step[],
  records: Readonly<Record<string, OutputRecord>>,
): Partial<Record<MergedRole | "dashboard" | "problems" | "runLog", InspectOptions>> {
  const knownId = (role: string) => records[role]?.id ?? -1;
  const plan: Partial<Record<MergedRole | "dashboard" | "problems" | "runLog", InspectOptions>> = {};
  for (const step of steps) {
    for (const role of STEP_READS[step]) {
      const writes = (step as string) === role;
      plan[role] = { values: true, grid: writes || plan[role]?.grid === true, knownId: knownId(role) };
    }
  }
  if (steps.includes("dashboard"))
    plan.dashboard = { values: false, charts: steps.includes("chart"), knownId: knownId("dashboard") };
  else if (steps.includes("chart"))
    plan.dashboard = { values: false, charts: true, grid: false, width: false, knownId: knownId("dashboard") };
  if (steps.includes("problems")) plan.problems = { values: false, knownId: knownId("problems") };
  plan.runLog = { values: false, width: false, knownId: knownId("runLog") };
  return plan;
}

/**
 * Predicted size of inspecting the sheets and doing the steps, from what
 * the run state recorded of each sheet (the last block's cells: the sheet
 * is read about that size and written a little larger).
 *
 * @example
 * estimateSteps(["results"], { results: { id: 7, cells: 1000, notes: "en", chart: "" } }).calls; // reads + 4
 *
 * @internal Exported only for test/recalculation/time-budget.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function estimateSteps(
  steps: readonly Step[],
  records: Readonly<Record<string, OutputRecord>>,
  costs?: Pick<TimeBudget, "predict">,
): WorkSize {
  return addWork(readsOf(steps, records), estimateWrites(steps, records, costs));
}

/**
 * Predicted size of inspecting the sheets some steps need; `below`'s sheet
 * read below its final periods' rows only (its recorded tail, grown).
 */
function readsOf(
  steps: readonly Step[],
  records: Readonly<Record<string, OutputRecord>>,
  below: Step | null = null,
): WorkSize {
  // A sheet the run state knows nothing of is taken to be missing: one call.
  const reads = Object.entries(inspections(steps, records)).map(([role, options]) => {
    const record = records[role];
    if (!record) return { calls: 1, cells: 0 };
    if (role !== below || record.tail === undefined) return inspectSize(options!, record.cells);
    const whole = inspectSize(options!, 0);
    return { calls: whole.calls + BELOW_FINAL_CALLS, cells: grown(record.tail) };
  });
  return addWork(...reads);
}

/**
 * Predicted size of writing `cells` of a sheet: by format ranges, in the
 * calls its last write took (`recordedCalls`), its cells once; or with its
 * formats as a grid, in `gridCalls`, its cells twice. With `costs` and
 * recorded calls, the one predicted faster, as the run would choose; else the grid.
 */
function fasterWrite(
  cells: number,
  recordedCalls: number | undefined,
  gridCalls: number,
  costs?: Pick<TimeBudget, "predict">,
): WorkSize {
  const grid = { calls: gridCalls, cells: 2 * cells };
  if (!recordedCalls || !costs) return grid;
  const ranges = { calls: recordedCalls, cells };
  return costs.predict(ranges) < costs.predict(grid) ? ranges : grid;
}

/** A sheet grows between two runs (a month's rows): its next block is taken to be a tenth larger. */
function grown(cells: number): number {
  return cells + Math.ceil(cells / 10);
}

/**
 * Predicted size of the writes of some steps alone (see {@link estimateSteps}).
 * A sheet is written either with a number format per column range (the
 * calls the run state recorded of its last write, its values once) or, when
 * calls are slow, with its formats as a second grid (a few calls, its cells
 * twice): with `costs`, the one predicted faster, as the run would choose;
 * without, or with no calls recorded, the grid.
 *
 * @example
 * estimateWrites(["payouts"], {}).calls; // 13: a new sheet's set-up and its block
 * estimateWrites(["payouts"], { payouts: { id: 7, cells: 1000, calls: 20, notes: "en", chart: "" } }, budget);
 * // { calls: 20, cells: 1100 } when 16 calls take less time than 1,100 cells, else the grid's { calls: 4, cells: 2200 }
 * @internal Exported only for run-steps.test.ts, which checks the choice directly; the code uses it inside this file.
 */
export function estimateWrites(
  steps: readonly Step[],
  records: Readonly<Record<string, OutputRecord>>,
  costs?: Pick<TimeBudget, "predict">,
): WorkSize {
  const writes = steps.map((step) => {
    if (step === "chart") return { calls: CHART_CALLS + 1, cells: 0 };
    const record = records[step];
    return fasterWrite(grown(record?.cells ?? 0), record?.calls, 4 + (record ? 0 : NEW_SHEET_CALLS), costs);
  });
  return addWork(...writes);
}

/**
 * What a run does after its steps whatever happens: write the run state,
 * append its Run log row (with a set-up when the sheet is new, a grid
 * growth when it is full), give the lease back.
 *
 * @example
 * finishSize({ own: true, full: false }); // { calls: 5, cells: 44 }
 */
export function finishSize(runLog: { own: boolean; full: boolean }): WorkSize {
  return { calls: 5 + (runLog.own ? (runLog.full ? 1 : 0) : NEW_SHEET_CALLS - 1), cells: 2 * 2 * 11 };
}

/** Steps whose sheet a run may write from the first row it changes (sorted by period, a month's rows come last). */
const TAIL_STEPS: readonly Step[] = ["results", "payouts"];

/**
 * Share of such a sheet a run whose whole write would not fit must have time
 * for: the rows it changes (its latest periods'), or as many of them as fit,
 * left to the next run (see the Results and Payouts writes in recalculation.ts).
 */
const TAIL_SHARE = 0.1;

/**
 * Predicted size of the write of a step that writes only some of its rows:
 * a share of its cells, by format ranges (its last calls) or as a formats grid, whichever is faster.
 */
function estimateTailWrite(
  step: Step,
  records: Readonly<Record<string, OutputRecord>>,
  costs: Pick<TimeBudget, "predict">,
): WorkSize | null {
  const record = records[step];
  if (!TAIL_STEPS.includes(step) || !record?.calls) return null;
  return fasterWrite(Math.ceil(TAIL_SHARE * grown(record.cells)), record.calls, 4, costs);
}

/** Predicted size of a step that writes only some of its rows, with its reads (its own sheet's below final rows, with `below`). */
function estimateTail(
  step: Step,
  records: Readonly<Record<string, OutputRecord>>,
  costs: Pick<TimeBudget, "predict">,
  below = false,
): WorkSize | null {
  const write = estimateTailWrite(step, records, costs);
  return write ? addWork(readsOf([step], records, below ? step : null), write) : null;
}

/**
 * Predicted size of the write of a run's first planned step, from now: the
 * whole sheet, or only the rows it changes when the whole would not fit.
 *
 * @example
 * estimateFirstWrite(["payouts"], records, budget, finish, FIRST_STEP_LIMIT_MS); // e.g. { calls: 20, cells: 40_000 }
 */
export function estimateFirstWrite(
  planned: readonly Step[],
  records: Readonly<Record<string, OutputRecord>>,
  budget: TimeBudget,
  finish: WorkSize,
  firstStepLimitMs: number,
): WorkSize {
  const whole = estimateWrites(planned.slice(0, 1), records, budget);
  const tail = planned.length > 0 ? estimateTailWrite(planned[0], records, budget) : null;
  return tail && !budget.fits(whole, finish, firstStepLimitMs) ? tail : whole;
}

/** The steps a run plans, and the step (if any) whose sheet it reads below its final periods' rows only. */
export interface PlannedWork {
  steps: Step[];
  below: Step | null;
}

/**
 * The steps a run plans: the longest run of the steps left that, with the
 * reads they need, fits the budget before the finish. The first step may
 * reach `firstStepLimitMs` instead, so that a run whose fixed calls fill
 * the budget still saves something; when even its whole sheet would not fit,
 * it is planned if writing a tenth of it would (the run then writes the whole
 * sheet, the rows it changes, or as many of those as fit); when not even
 * reading the whole sheet leaves time for that, and the step is one of
 * `readableBelow` with its tail recorded, it is planned if reading only the
 * rows below its final periods' would (`below`).
 *
 * @example
 * planWork(["payouts", "reviews"], budget, records, finishSize(true), FIRST_STEP_LIMIT_MS, ["payouts"]);
 * // e.g. { steps: ["payouts"], below: "payouts" }
 */
export function planWork(
  remaining: readonly Step[],
  budget: TimeBudget,
  records: Readonly<Record<string, OutputRecord>>,
  finish: WorkSize,
  firstStepLimitMs: number,
  readableBelow: readonly Step[] = [],
): PlannedWork {
  const chosen: Step[] = [];
  for (const step of remaining) {
    const next = [...chosen, step];
    const size = estimateSteps(next, records, budget);
    if (!budget.fits(size, finish, chosen.length === 0 ? firstStepLimitMs : budget.budgetMs)) break;
    chosen.push(step);
  }
  if (chosen.length > 0 || remaining.length === 0) return { steps: chosen, below: null };
  const first = remaining[0];
  const tail = estimateTail(first, records, budget);
  if (tail && budget.fits(tail, finish, firstStepLimitMs)) return { steps: [first], below: null };
  const readsBelow = readableBelow.includes(first) && records[first]?.tail !== undefined;
  const below = readsBelow ? estimateTail(first, records, budget, true) : null;
  return below && budget.fits(below, finish, firstStepLimitMs)
    ? { steps: [first], below: first }
    : { steps: [], below: null };
}
