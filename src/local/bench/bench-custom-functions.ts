/**
 * The custom functions through the built bundle, each call in a fresh
 * execution: Sheets runs every formula cell in its own execution, so nothing
 * a call computes is there for the next one. Figures only, no assertions.
 *
 * A call's time is the function alone: the vm context, the bundle's
 * evaluation and the copy of the arguments into the context are left out
 * (the bench's cold-start line measures the first two; Sheets does the copy),
 * and so is collecting the garbage they leave.
 */
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { createSimulator, loadBundle } from "../../simulator";
import { kpiScoreWorkload, numberColumn, scorecardWorkload } from "./custom-function-workload";

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

/** The time of one call of `name` in a fresh execution of the bundle. */
function freshCall(distDir: string | undefined, name: string, args: readonly unknown[]): CallTime {
  const bundle = loadBundle({ simulator: createSimulator(), context: { kind: "customFunction" }, distDir });
  const fn = bundle.evaluate(name) as (...values: unknown[]) => unknown;
  const contextArgs = args.map((arg) => bundle.toContext(arg));
  // The bench's own garbage (earlier contexts, the copied arguments) is collected first, so a call pays for its own
  // garbage only, as in Sheets (gc is there when run through build/run-tool.mjs, which passes --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  fn(...contextArgs);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  bundle.end();
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function timeText(wall: readonly number[], cpu: readonly number[]): string {
  return `${ms(median(wall)).padStart(10)} (CPU ${ms(median(cpu))})`;
}

function scorecardYear(distDir: string | undefined): string[] {
  const work = scorecardWorkload({ salesRows: SCORECARD_SALES_ROWS, repCount: SCORECARD_REPS });
  const argsFor = (month: string) => [work.reps, work.sales, work.targets, work.scores, work.plan, month];
  freshCall(distDir, "SCORECARD", argsFor(work.months[0])); // warms Node itself
  const totals: number[] = [];
  const cpuTotals: number[] = [];
  const slowest: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const calls = work.months.map((month) => freshCall(distDir, "SCORECARD", argsFor(month)));
    totals.push(calls.reduce((sum, call) => sum + call.wall, 0));
    cpuTotals.push(calls.reduce((sum, call) => sum + call.cpu, 0));
    slowest.push(Math.max(...calls.map((call) => call.wall)));
  }
  const floor = coldPassCpu(work.sales);
  return [
    `  SCORECARD, 12 monthly calls over ${SCORECARD_SALES_ROWS.toLocaleString("en-US")} sales rows / ` +
      `${SCORECARD_REPS} reps: total ${timeText(totals, cpuTotals)}, slowest call ${ms(median(slowest))}   goal ≤ 25 ms`,
    `    floor: one pass that only looks at each Sales row's date, in a fresh context as every call is: ` +
      `CPU ${ms(floor)} a call, ${ms(floor * work.months.length)} for the 12`,
  ];
}

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

function largeCall(distDir: string | undefined, label: string, name: string, args: readonly unknown[]): string {
  freshCall(distDir, name, args);
  const runs = Array.from({ length: RUNS }, () => freshCall(distDir, name, args));
  const times = timeText(
    runs.map((run) => run.wall),
    runs.map((run) => run.cpu),
  );
  return `  ${label.padEnd(56)} ${times}   goal < 1 s`;
}

function largeCalls(distDir: string | undefined): string[] {
  const rows = LARGE_ROWS.toLocaleString("en-US");
  const kpi = kpiScoreWorkload(LARGE_ROWS);
  const actual = numberColumn(LARGE_ROWS, 1, 20_000);
  const target = numberColumn(LARGE_ROWS, 2, 20_000);
  const scores = numberColumn(LARGE_ROWS, 3, 150).map(([value]) => [value === "" ? "" : Number(value) / 100]);
  const team = scorecardWorkload({ salesRows: LARGE_ROWS, repCount: 1000 });
  return [
    largeCall(distDir, `KPI_SCORE, ${rows} rows x 4 metrics`, "KPI_SCORE", [
      kpi.actuals,
      kpi.targets,
      kpi.weights,
      kpi.directions,
      kpi.caps,
    ]),
    largeCall(distDir, `ATTAINMENT, ${rows} rows`, "ATTAINMENT", [actual, target]),
    largeCall(distDir, `BONUS (linear), ${rows} rows`, "BONUS", [scores, TIERS, 1000, "linear", 2]),
    largeCall(distDir, `NEXT_TIER_GAP, ${rows} rows`, "NEXT_TIER_GAP", [actual, target, TIERS]),
    largeCall(distDir, `SUGGEST_TARGET (trend), ${rows} values`, "SUGGEST_TARGET", [actual, 0.1, "trend"]),
    largeCall(distDir, `SEASONAL_SPLIT, a column of ${rows} months`, "SEASONAL_SPLIT", [1_200_000, actual]),
    largeCall(distDir, `SCORECARD, one month of ${rows} sales rows / 1,000 reps`, "SCORECARD", [
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
 * The bench's lines for the custom functions: SCORECARD's monthly calls, KPI_SCORE and every other function over
 * 100,000 rows, each call in a fresh execution of the built bundle, medians of 5.
 *
 * @example
 * console.log(benchCustomFunctions().join("\n"));
 */
export function benchCustomFunctions(options: BenchCustomFunctionsOptions = {}): string[] {
  return [
    `Custom functions through the bundle, each call in a fresh execution (call only), median of ${RUNS}: wall time (process CPU time)`,
    ...scorecardYear(options.distDir),
    ...largeCalls(options.distDir),
    "  Reference: the same work as spreadsheet formulas (SUMIFS + nested IF) in a headless formula engine: about 20 s,",
    "  measured once when the issue was filed; not rerun (no formula engine is a dependency)",
  ];
}
