/**
 * The recalculation benchmark (`npm run bench`): a full "Recalculate now"
 * through the BUILT bundle in the simulator, at the largest size a
 * spreadsheet holds (about a million sales rows; with the outputs, under the
 * 10-million-cell limit), 1,000 reps and 12 months to catch up. It prints
 * Node's compute time, the peak heap, cells read and written, service calls,
 * and a projected Apps Script time against the run's time budget, with the
 * assumptions of the projection.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { readFileSync } from "node:fs";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { RUN_TIME_BUDGET_MS, MAX_SPREADSHEET_CELLS } from "../../addon/platform-limits";
import { createSimulator, loadBundle, type CallRecord, type Simulator } from "../../simulator/index";
import type { CellInput } from "../../simulator/snapshot";

export interface BenchSize {
  salesRows: number;
  reps: number;
  months: number;
}

/** The largest size: 1,000,000 sales rows of 6 columns, 1,000 reps, 12 months. */
const FULL_SIZE: BenchSize = { salesRows: 1_000_000, reps: 1_000, months: 12 };

/** `--quick`: a tenth of the sales rows. */
const QUICK_SIZE: Partial<BenchSize> = { salesRows: 100_000 };

const FIXTURE_SLICE = 50_000;

function withoutQuick(options: Partial<BenchSize> & { quick?: boolean }): Partial<BenchSize> {
  const size: Partial<BenchSize> = {};
  if (options.salesRows !== undefined) size.salesRows = options.salesRows;
  if (options.reps !== undefined) size.reps = options.reps;
  if (options.months !== undefined) size.months = options.months;
  return size;
}

/** Assumptions of the projection (printed with it). */
const PROJECTION = {
  msPerServiceCall: 10,
  /** Reading a cell with getValues. */
  msPerCellRead: 0.005,
  /** Writing a cell with setValues or setNumberFormats. */
  msPerCellWritten: 0.02,
  /** Apps Script's V8 against Node on a developer machine. */
  computeFactor: 4,
};

/** Goals of issue 13 for the full size (1M sales rows). */
const GOALS = {
  projectedMs: 90_000,
  peakHeapBytes: 1.2 * 1024 ** 3,
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Input sheets of the benchmark: deterministic, no randomness. */
export function benchSheets(size: BenchSize): Record<string, CellInput[][]> {
  const reps: CellInput[][] = [["Rep ID", "Name", "Team", "Role", "Manager"]];
  for (let r = 1; r <= size.reps; r++)
    reps.push(["R" + pad(r, 4), "Rep " + r, "Team " + (r % 20), r % 20 === 0 ? "manager" : "", ""]);
  const sales: CellInput[][] = [["Date", "Rep ID", "Customer", "Amount", "Type", "Status"]];
  const types = ["new", "renewal", "expansion"];
  for (let i = 0; i < size.salesRows; i++) {
    const month = i % size.months;
    const year = 2025 + Math.floor((3 + month) / 12);
    const m = ((3 + month) % 12) + 1;
    const day = 1 + ((i * 7) % 28);
    sales.push([
      { wallClock: `${year}-${pad(m, 2)}-${pad(day, 2)}T10:00:00` },
      "R" + pad(1 + (i % size.reps), 4),
      "Customer " + (i % 5000),
      500 + ((i * 137) % 9500),
      types[i % 3],
      i % 5 === 0 ? "lost" : "won",
    ]);
  }
  const targets: CellInput[][] = [["Rep ID", "Period", "Metric", "Target"]];
  for (let k = 0; k < size.months; k++) {
    const year = 2025 + Math.floor((3 + k) / 12);
    const period = `${year}-${pad(((3 + k) % 12) + 1, 2)}`;
    for (const [metric, target] of [
      ["revenue", 250_000],
      ["new_customers", 30],
      ["win_rate", 0.7],
      ["renewal_rate", 0.7],
    ] as const) {
      targets.push(["*", { value: period, format: "@" }, metric, target]);
    }
  }
  return {
    Reps: reps,
    Sales: sales,
    Targets: targets,
    Scores: [["Rep ID", "Period", "Metric", "Value"]],
    Adjustments: [["Rep ID", "Period", "Amount", "Reason"]],
  };
}

function cellsOf(summary: string | undefined): number {
  const match = /^\[(\d+) x (\d+)\]$/.exec(summary ?? "");
  return match ? Number(match[1]) * Number(match[2]) : 0;
}

/** Cells in a value a read returned: a 2-D array's cells, else none. */
function cellsReturned(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  let cells = 0;
  for (const row of value) if (Array.isArray(row)) cells += row.length;
  return cells;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1) + " s";
}

/** User and system CPU time of this process so far, in ms. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * CPU time of the main thread alone, in ms (Linux: its schedstat, in ns), without the GC's helper threads, whose
 * share of the process CPU varies from run to run on a busy machine; null elsewhere.
 */
function mainThreadCpuMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0) + " MB";
}

/** A GC before the run, when Node was started with --expose-gc (run-tool does), so the heap starts from live data. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Sums the main thread's GC pauses from now until stop() (entries are delivered on a later turn of the event loop). */
function gcPauses(): { stop: () => Promise<number> } {
  let pausedMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pausedMs += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    stop: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      for (const entry of observer.takeRecords()) pausedMs += entry.duration;
      observer.disconnect();
      return pausedMs;
    },
  };
}

function gridCells(sim: Simulator): number {
  return sim.spreadsheet.cellCount();
}

/**
 * The projection with the script's compute taken two other ways. Process CPU
 * (the headline) counts V8's background compiler and garbage collector
 * threads as if they ran in turn with the script; in an execution they run
 * beside it, so its elapsed time lies between its own thread's CPU time and
 * that sum. The wall time is the elapsed time on this machine, and only
 * trustworthy when nothing else runs.
 */
function computeVariants(fixedMs: number, wallMs: number, mainMs: number | null): string[] {
  const projected = (ms: number) => seconds(fixedMs + ms * PROJECTION.computeFactor);
  return [
    ...(mainMs === null
      ? []
      : [
          `    with the script's own thread only (main-thread CPU ${seconds(mainMs)} x ${PROJECTION.computeFactor}; ` +
            `V8's compiler and GC threads run beside it): ${projected(mainMs)}`,
        ]),
    `    with the script's wall time on this machine (${seconds(wallMs)} x ${PROJECTION.computeFactor}; ` +
      `only when nothing else runs): ${projected(wallMs)}`,
  ];
}

/**
 * The simulator holding the bench's sheets. The fixture's own arrays stay in
 * this function, so they are garbage by the time the run's heap is measured.
 */
function simulatorWithSheets(size: BenchSize): Simulator {
  // On 10 April 2026, April 2025 to March 2026 are all due: 12 months to catch up.
  const sheets = benchSheets(size);
  const sales = sheets.Sales;
  const sim = createSimulator({
    now: "2026-04-10T12:00:00Z",
    timeZone: "Asia/Shanghai",
    grid: "strict",
    sheets: { ...sheets, Sales: sales.slice(0, 1) },
  });
  // A sheet holds only the columns it needs, as an exported Sales sheet would (26 columns of a million rows pass the cell limit).
  sim.sheetModel("Sales").maxColumns = sales[0].length;
  // Loaded in slices: one fixture call per million rows overflows the stack.
  for (let start = 1; start < sales.length; start += FIXTURE_SLICE) {
    sim.setSheetValues("Sales", sales.slice(start, start + FIXTURE_SLICE), { startRow: start + 1 });
  }
  return sim;
}

/**
 * Runs the benchmark and answers the lines to print (`quick`: 100,000 sales
 * rows; any size may be given).
 *
 * @example
 * for (const line of await benchRecalculation({ quick: true })) console.log(line);
 */
export async function benchRecalculation(
  options: Partial<BenchSize> & { quick?: boolean; distDir?: string } = {},
): Promise<string[]> {
  const size: BenchSize = { ...FULL_SIZE, ...(options.quick ? QUICK_SIZE : {}), ...withoutQuick(options) };
  const setupStart = performance.now();
  const sim = simulatorWithSheets(size);
  const setupMs = performance.now() - setupStart;
  const inputCells = ["Reps", "Sales", "Targets", "Scores", "Adjustments"].reduce((sum, name) => {
    const sheet = sim.sheetModel(name);
    return sum + sheet.lastRow() * sheet.lastColumn();
  }, 0);

  // Time inside the simulator's services is not the script's compute time.
  let serviceMs = 0;
  let serviceCpuMs = 0;
  let serviceMainMs = 0;
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakAt = "before the run";
  // Counted from what the reads return, not from the sheets' sizes: a sheet read twice counts twice.
  let cellsRead = 0;
  const invoke = sim.invoke.bind(sim);
  sim.invoke = ((...args: Parameters<Simulator["invoke"]>) => {
    const started = performance.now();
    const cpuStarted = cpuMs();
    const mainStarted = mainThreadCpuMs();
    // Sampled before the call too: what the script holds when it calls, without the call's own garbage.
    sampleHeap(`before call ${sim.calls.length + 1} (${args[2]})`);
    try {
      const result = invoke(...args);
      if (args[3] === "read") cellsRead += cellsReturned(result);
      return result;
    } finally {
      serviceMs += performance.now() - started;
      serviceCpuMs += cpuMs() - cpuStarted;
      serviceMainMs += (mainThreadCpuMs() ?? 0) - (mainStarted ?? 0);
      sampleHeap(`after call ${sim.calls.length} (${args[2]})`);
    }
  }) as Simulator["invoke"];
  function sampleHeap(at: string): void {
    const used = process.memoryUsage().heapUsed;
    if (used <= peakHeap) return;
    peakHeap = used;
    peakAt = at;
  }

  const bundle = loadBundle({ simulator: sim, context: { kind: "manual" }, distDir: options.distDir });
  sim.resetCalls();
  const gc = gcPauses();
  const runStart = performance.now();
  const runCpuStart = cpuMs();
  const runMainStart = mainThreadCpuMs();
  bundle.call("menuRecalculateNow");
  const runMs = performance.now() - runStart;
  const runCpuMs = cpuMs() - runCpuStart;
  const runMainEnd = mainThreadCpuMs();
  const gcMs = await gc.stop();
  bundle.end();
  sampleHeap("at the end of the run");

  const calls: CallRecord[] = sim.calls;
  const computeWallMs = runMs - serviceMs;
  const mainComputeMs = runMainStart === null || runMainEnd === null ? null : runMainEnd - runMainStart - serviceMainMs;
  // The projection takes CPU time: on a shared machine wall time also counts the waits for a core.
  const computeMs = runCpuMs - serviceCpuMs;
  const cellsWritten = calls
    .filter((c) => c.method === "setValues" || c.method === "setNumberFormats")
    .reduce((sum, c) => sum + cellsOf(c.args[0]), 0);
  const valuesWritten = calls.filter((c) => c.method === "setValues").reduce((sum, c) => sum + cellsOf(c.args[0]), 0);
  const callsMs = calls.length * PROJECTION.msPerServiceCall;
  const readMs = cellsRead * PROJECTION.msPerCellRead;
  const writtenMs = cellsWritten * PROJECTION.msPerCellWritten;
  const scriptMs = computeMs * PROJECTION.computeFactor;
  const projected = callsMs + readMs + writtenMs + scriptMs;
  const full = size.salesRows >= FULL_SIZE.salesRows;
  const goal = (text: string) =>
    full ? `goal: ${text}` : `goal (at ${FULL_SIZE.salesRows.toLocaleString("en")} rows): ${text}`;
  const log = sim.sheetValues("Run log");
  const outcome = log[log.length - 1];
  return [
    `Recalculation bench: ${size.salesRows.toLocaleString("en")} sales rows, ${size.reps.toLocaleString("en")} reps, ${size.months} months to catch up (${options.distDir ?? "dist"}/Code.js in the simulator)`,
    `  outcome: ${String(outcome[5])}; periods computed: ${String(outcome[2]).split(", ").length}; result rows written: ${String(outcome[4])}`,
    `  spreadsheet grid after the run: ${gridCells(sim).toLocaleString("en")} cells (limit ${MAX_SPREADSHEET_CELLS.toLocaleString("en")})`,
    `  fixture set-up (not part of the run): ${seconds(setupMs)}`,
    `  run, host wall time: ${seconds(runMs)} = script compute ${seconds(computeWallMs)} + simulator services ${seconds(serviceMs)}`,
    `  run, process CPU time: ${seconds(runCpuMs)} = script compute ${seconds(computeMs)} + simulator services ${seconds(serviceCpuMs)} (GC threads included)`,
    ...(runMainStart === null || runMainEnd === null
      ? []
      : [
          `  run, main thread CPU time: script compute ${seconds(mainComputeMs ?? 0)} + simulator services ${seconds(serviceMainMs)} (steadier than process CPU on a busy machine)`,
        ]),
    `  garbage collection pauses during the run: ${seconds(gcMs)} of the host wall time (services' garbage included)`,
    `  peak heap: ${mb(peakHeap)}   ${goal("under 1.2 GB")} (${peakHeap < GOALS.peakHeapBytes ? "met" : "NOT met"})`,
    `    sampled after a forced GC before the run and around every service call, so a peak between two calls is missed;`,
    `    highest ${peakAt};`,
    `    ${mb(heapBefore)} of it was held before the run: the simulated spreadsheet, which Apps Script keeps outside the script`,
    `  cells read: ${cellsRead.toLocaleString("en")} (the input sheets hold ${inputCells.toLocaleString("en")}); cells written: ${valuesWritten.toLocaleString("en")} values + ${(cellsWritten - valuesWritten).toLocaleString("en")} number formats`,
    `  service calls: ${calls.length} (reads ${calls.filter((c) => c.kind === "read").length}, writes ${calls.filter((c) => c.kind === "write").length})`,
    `  projected Apps Script time: ${seconds(projected)}   ${goal(`under ${seconds(GOALS.projectedMs)}`)} (${projected < GOALS.projectedMs ? "met" : "NOT met"}); run budget ${seconds(RUN_TIME_BUDGET_MS)}`,
    `    = ${calls.length} calls x ${PROJECTION.msPerServiceCall} ms per call (${seconds(callsMs)})`,
    `    + ${cellsRead.toLocaleString("en")} cells read x ${PROJECTION.msPerCellRead * 1000} µs (${seconds(readMs)})`,
    `    + ${cellsWritten.toLocaleString("en")} cells written x ${PROJECTION.msPerCellWritten * 1000} µs, values and formats alike (${seconds(writtenMs)})`,
    `    + script compute (CPU) ${seconds(computeMs)} x ${PROJECTION.computeFactor}, the assumed compute multiplier from Node to Apps Script's V8 (${seconds(scriptMs)})`,
    ...computeVariants(callsMs + readMs + writtenMs, computeWallMs, mainComputeMs),
    "    The per-call and per-cell costs and the multiplier are assumptions of our model, not measured on Apps Script;",
    "    work that does not fit the budget is checkpointed a period at a time.",
  ];
}
