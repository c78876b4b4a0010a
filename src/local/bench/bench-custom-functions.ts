/**
 * The custom functions through the built bundle, each call in a fresh
 * execution: Sheets runs every formula cell in its own execution, so nothing
 * a call computes is there for the next one. Figures only, no assertions.
 *
 * A call's time is the function alone: the vm context, the bundle's
 * evaluation and the copy of the arguments into the context are left out
 * (Sheets does the copy), and so is collecting the garbage they leave.
 * SCORECARD's lines then show where a fresh execution's time goes: the
 * call's fixed cost and the rest, what V8's optimizing compiler takes of
 * them, the script's evaluation, and the simulator's own parts, with how the
 * simulator differs from Apps Script.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { createSimulator, loadBundle } from "../../simulator";
import { kpiScoreWorkload, numberColumn, type ScorecardWorkload, scorecardWorkload } from "./custom-function-workload";

const RUNS = 5;
const LARGE_ROWS = 100_000;
const SCORECARD_SALES_ROWS = 10_000;
const SCORECARD_REPS = 100;
const TIERS = [
  [0.5, 0.5],
  [1, 1],
  [1.2, 1.5],
];

/** Options of {@link benchCustomFunctions}. */
export interface BenchCustomFunctionsOptions {
  /** Folder of the built bundle (default "dist"). */
  distDir?: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Wall and process CPU milliseconds of a call; CPU time varies less when other work shares the machine. */
interface CallTime {
  wall: number;
  cpu: number;
}

/** Where one fresh execution's time goes: each part in wall and process CPU milliseconds. */
interface ExecutionTime {
  /** A new simulator, its vm context and the Apps Script globals, then evaluating the bundle in it. */
  load: CallTime;
  /** Copying the arguments into the context (the simulator's work: Sheets hands the script its ranges). */
  copy: CallTime;
  /** The custom function itself. */
  call: CallTime;
}

function cpuMs(): number {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
}

/** Runs `work` and returns what it returned with its wall and process CPU milliseconds. */
function timedValue<T>(work: () => T): { value: T; time: CallTime } {
  const cpuBefore = cpuMs();
  const started = performance.now();
  const value = work();
  return { value, time: { wall: performance.now() - started, cpu: cpuMs() - cpuBefore } };
}

function timed(work: () => unknown): CallTime {
  return timedValue(work).time;
}

// The bench's own garbage (earlier contexts, the copied arguments) is collected before each part, so a part pays
// for its own garbage only, as in Sheets (gc is there when run through build/run-tool.mjs, which passes --expose-gc).
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The built script, read once, as each execution loads it. */
interface BuiltScript {
  code: string;
  /** The manifest's time zone: the script's (loadBundle reads it from the folder, but here the source is given). */
  timeZone: string | undefined;
  kb: number;
}

function builtScript(distDir = "dist"): BuiltScript {
  const code = readFileSync(join(distDir, "Code.js"), "utf8");
  const manifest = JSON.parse(readFileSync(join(distDir, "appsscript.json"), "utf8")) as { timeZone?: string };
  return { code, timeZone: manifest.timeZone, kb: Buffer.byteLength(code) / 1024 };
}

type LoadedBundle = ReturnType<typeof loadBundle>;

/** A new simulator and a vm context holding the script, as one execution in Sheets. */
function openExecution(script: BuiltScript, code = script.code): LoadedBundle {
  return loadBundle({
    simulator: createSimulator({ scriptTimeZone: script.timeZone }),
    context: { kind: "customFunction" },
    sources: [{ name: "Code.js", code }],
  });
}

/**
 * Runs `work` with V8's compilation cache off. V8 keeps a compiled script for any later script of the same source
 * in the process, whatever the vm context, so an execution would skip parsing the bundle and compiling the
 * functions it calls, paid for once by the first. Apps Script is not known to keep compiled code between
 * executions, so here every execution compiles what it runs.
 */
function withoutCompilationCache<T>(work: () => T): T {
  v8.setFlagsFromString("--no-compilation-cache");
  try {
    return work();
  } finally {
    v8.setFlagsFromString("--compilation-cache");
  }
}

/**
 * Runs `work` with V8's optimizing compiler (TurboFan) off, so no code is optimized: the difference from the same
 * work with it on is what optimizing costs (it compiles on background threads, which the process's CPU counts).
 */
function withoutOptimizingCompiler<T>(work: () => T): T {
  v8.setFlagsFromString("--no-turbofan");
  try {
    return work();
  } finally {
    v8.setFlagsFromString("--turbofan");
  }
}

/** One call of `name` in a fresh execution of the bundle, with the time of each part. */
function freshExecution(script: BuiltScript, name: string, args: readonly unknown[]): ExecutionTime {
  collectGarbage();
  const loaded = timedValue(() => openExecution(script));
  const bundle = loaded.value;
  const fn = bundle.evaluate(name) as (...values: unknown[]) => unknown;
  collectGarbage();
  const copied = timedValue(() => args.map((arg) => bundle.toContext(arg)));
  collectGarbage();
  const call = timed(() => fn(...copied.value));
  bundle.end();
  return { load: loaded.time, copy: copied.time, call };
}

/** The time of one call of `name` in a fresh execution of the bundle (the call alone). */
function freshCall(script: BuiltScript, name: string, args: readonly unknown[]): CallTime {
  return freshExecution(script, name, args).call;
}

/** CPU milliseconds (median) of a new simulator and vm context with the Apps Script globals and no script. */
function contextCpu(script: BuiltScript): number {
  const runs = Array.from({ length: RUNS * 12 }, () => {
    collectGarbage();
    const opened = timedValue(() => openExecution(script, ""));
    opened.value.end();
    return opened.time.cpu;
  });
  return median(runs);
}

function timeText(wall: readonly number[], cpu: readonly number[]): string {
  return `${ms(median(wall)).padStart(10)} (CPU ${ms(median(cpu))})`;
}

/** The medians over the runs of each run's total for the 12 calls, in CPU and wall milliseconds. */
interface YearTotals {
  cpu: number;
  wall: number;
  /** The slowest call's wall time (median over the runs). */
  slowest: number;
}

function yearTotals(runs: readonly (readonly CallTime[])[]): YearTotals {
  return {
    cpu: median(runs.map((calls) => calls.reduce((sum, call) => sum + call.cpu, 0))),
    wall: median(runs.map((calls) => calls.reduce((sum, call) => sum + call.wall, 0))),
    slowest: median(runs.map((calls) => Math.max(...calls.map((call) => call.wall)))),
  };
}

function totalsText(totals: YearTotals): string {
  return `CPU ${ms(totals.cpu)} (wall ${ms(totals.wall)})`;
}

/** The 12 monthly calls of a workload, each in a fresh execution, RUNS times. */
function scorecardExecutions(script: BuiltScript, work: ScorecardWorkload): ExecutionTime[][] {
  const argsFor = (month: string) => [work.reps, work.sales, work.targets, work.scores, work.plan, month];
  freshExecution(script, "SCORECARD", argsFor(work.months[0])); // warms Node itself
  return Array.from({ length: RUNS }, () =>
    work.months.map((month) => freshExecution(script, "SCORECARD", argsFor(month))),
  );
}

/**
 * The 12 calls one after another in a single execution, timed after a first round: what the calls cost once V8
 * has compiled and optimized the code. Sheets never runs them so; this shows what a fresh start costs.
 */
function warmYear(script: BuiltScript, work: ScorecardWorkload): YearTotals {
  const bundle = openExecution(script);
  const fn = bundle.evaluate("SCORECARD") as (...values: unknown[]) => unknown;
  const args = [work.reps, work.sales, work.targets, work.scores, work.plan].map((arg) => bundle.toContext(arg));
  const year = () => work.months.map((month) => timed(() => fn(...args, month)));
  year();
  const runs = Array.from({ length: RUNS }, () => {
    collectGarbage();
    return year();
  });
  bundle.end();
  return yearTotals(runs);
}

/** A part of the executions: the medians of each run's total over the 12 calls. */
function partTotals(runs: readonly ExecutionTime[][], part: keyof ExecutionTime): YearTotals {
  return yearTotals(runs.map((run) => run.map((execution) => execution[part])));
}

function scorecardYear(script: BuiltScript): string[] {
  const work = scorecardWorkload({ salesRows: SCORECARD_SALES_ROWS, repCount: SCORECARD_REPS });
  const months = work.months.length;
  const runs = scorecardExecutions(script, work);
  const calls = partTotals(runs, "call");
  const fixed = partTotals(scorecardExecutions(script, scorecardWorkload({ salesRows: 1, repCount: 1 })), "call");
  const unoptimized = partTotals(
    withoutOptimizingCompiler(() => scorecardExecutions(script, work)),
    "call",
  );
  const context = contextCpu(script) * months;
  const evaluation = partTotals(runs, "load").cpu - context;
  const warm = warmYear(script, work);
  const floor = coldPassCpu(work.sales) * months;
  const perCall = (total: number) => `${ms(total / months)} a call`;
  return [
    `  SCORECARD, ${months} monthly calls over ${SCORECARD_SALES_ROWS.toLocaleString("en-US")} sales rows / ` +
      `${SCORECARD_REPS} reps, each in a fresh execution: the calls ${totalsText(calls)}, slowest call ` +
      `${ms(calls.slowest)}   goal ≤ 25 ms`,
    `    of which each call's fixed cost (the same call with 1 rep and 1 sales row): ${totalsText(fixed)}, ` +
      `${perCall(fixed.cpu)}, most of it compiling the code the call runs`,
    `    and the rest, rows and reps read and scored by code that starts cold: CPU ${ms(calls.cpu - fixed.cpu)}`,
    `    of the calls, V8 optimizing the code that runs hot (TurboFan, on background threads): CPU ` +
      `${ms(calls.cpu - unoptimized.cpu)}; the same calls with it off: ${totalsText(unoptimized)} ` +
      "(a setting of V8, not of the script)",
    `    floor: one pass that only looks at each Sales row's date, in a fresh context as every call is: ` +
      `CPU ${ms(floor)} for the 12`,
    "  Each execution also loads the script before the call (CPU for the 12):",
    `    evaluating the bundle (parsing ${script.kb.toFixed(0)} KB, compiling and running its top-level code): ` +
      `CPU ${ms(evaluation)} (${perCall(evaluation)})`,
    `    the simulator's vm context and Apps Script globals: CPU ${ms(context)} (Apps Script's own set-up, not ours)`,
    `    copying the arguments into the context: CPU ${ms(partTotals(runs, "copy").cpu)} ` +
      "(the simulator's work; Sheets hands them over)",
    `  A fresh execution in all, evaluation and call: CPU ${ms(evaluation + calls.cpu)} for the 12 ` +
      `(${perCall(evaluation + calls.cpu)})`,
    "  For reference, the same 12 calls in one execution once V8 has compiled and optimized them " +
      `(Sheets never runs them so): ${totalsText(warm)}`,
    ...SIMULATOR_DIFFERENCES.map((line) => `  ${line}`),
  ];
}

/** How the bench's fresh executions differ from Apps Script's, printed with the figures. */
const SIMULATOR_DIFFERENCES = [
  "How the simulator differs from Apps Script here:",
  "- the script runs in a node:vm context on Node's V8; a global lookup there costs ~30x a plain one, so the build",
  "  reads the ECMAScript built-ins into locals once at load (build/build.mjs), which Apps Script does not need;",
  "- SpreadsheetApp and the other services are the simulator's, in the same process: no call crosses a network;",
  "- each execution compiles the script anew (V8's compilation cache is off), as if Apps Script kept no compiled",
  "  code between executions (not known either way); with the cache, evaluating the bundle costs a few ms instead;",
  "- CPU is the whole process's, V8's background compiler and garbage collector threads included.",
];

// The least any call does: look at every row once. Plain ES5 so that it runs as the bundle's own loops run.
const PASS_SOURCE = `(function (rows) {
  var texts = 0;
  for (var i = 1; i < rows.length; i += 1) if (typeof rows[i][0] === "string") texts += 1;
  return texts;
})`;

/**
 * CPU milliseconds (median) of one pass over the rows in a new vm context: a fresh execution starts with no
 * compiled code, so the pass runs interpreted until V8 optimizes it, many times slower than the same pass warm.
 */
function coldPassCpu(rows: readonly unknown[][]): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS * 3; run += 1) {
    const pass = vm.runInContext(PASS_SOURCE, vm.createContext({})) as (grid: readonly unknown[][]) => number;
    const before = process.cpuUsage();
    pass(rows);
    const cpu = process.cpuUsage(before);
    times.push((cpu.user + cpu.system) / 1000);
  }
  return median(times);
}

function largeCall(script: BuiltScript, label: string, name: string, args: readonly unknown[]): string {
  freshCall(script, name, args);
  const runs = Array.from({ length: RUNS }, () => freshCall(script, name, args));
  const times = timeText(
    runs.map((run) => run.wall),
    runs.map((run) => run.cpu),
  );
  return `  ${label.padEnd(56)} ${times}   goal < 1 s`;
}

function largeCalls(script: BuiltScript): string[] {
  const rows = LARGE_ROWS.toLocaleString("en-US");
  const kpi = kpiScoreWorkload(LARGE_ROWS);
  const actual = numberColumn(LARGE_ROWS, 1, 20_000);
  const target = numberColumn(LARGE_ROWS, 2, 20_000);
  const scores = numberColumn(LARGE_ROWS, 3, 150).map(([value]) => [value === "" ? "" : Number(value) / 100]);
  const team = scorecardWorkload({ salesRows: LARGE_ROWS, repCount: 1000 });
  return [
    largeCall(script, `KPI_SCORE, ${rows} rows x 4 metrics`, "KPI_SCORE", [
      kpi.actuals,
      kpi.targets,
      kpi.weights,
      kpi.directions,
      kpi.caps,
    ]),
    largeCall(script, `ATTAINMENT, ${rows} rows`, "ATTAINMENT", [actual, target]),
    largeCall(script, `BONUS (linear), ${rows} rows`, "BONUS", [scores, TIERS, 1000, "linear", 2]),
    largeCall(script, `NEXT_TIER_GAP, ${rows} rows`, "NEXT_TIER_GAP", [actual, target, TIERS]),
    largeCall(script, `SUGGEST_TARGET (trend), ${rows} values`, "SUGGEST_TARGET", [actual, 0.1, "trend"]),
    largeCall(script, `SEASONAL_SPLIT, a column of ${rows} months`, "SEASONAL_SPLIT", [1_200_000, actual]),
    largeCall(script, `SCORECARD, one month of ${rows} sales rows / 1,000 reps`, "SCORECARD", [
      team.reps,
      team.sales,
      team.targets,
      team.scores,
      team.plan,
      "2025-06",
    ]),
  ];
}

/**
 * SCORECARD's lines alone (the 12 monthly calls and their breakdown), for comparing two builds quickly.
 *
 * @example
 * console.log(benchScorecard({ distDir: "dist" }).join("\n"));
 */
export function benchScorecard(options: BenchCustomFunctionsOptions = {}): string[] {
  const script = builtScript(options.distDir);
  return withoutCompilationCache(() => scorecardYear(script));
}

/**
 * The bench's lines for the custom functions: SCORECARD's monthly calls, KPI_SCORE and every other function over
 * 100,000 rows, each call in a fresh execution of the built bundle, medians of 5.
 *
 * @example
 * console.log(benchCustomFunctions().join("\n"));
 */
export function benchCustomFunctions(options: BenchCustomFunctionsOptions = {}): string[] {
  const script = builtScript(options.distDir);
  return [
    `Custom functions through the bundle, each call in a fresh execution (call only), median of ${RUNS}: wall time (process CPU time)`,
    ...withoutCompilationCache(() => [...scorecardYear(script), ...largeCalls(script)]),
    "  Reference: the same work as spreadsheet formulas (SUMIFS + nested IF) in a headless formula engine: about 20 s,",
    "  measured once when the issue was filed; not rerun (no formula engine is a dependency)",
  ];
}
