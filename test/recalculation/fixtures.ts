/**
 * Spreadsheets for the recalculation tests: a small team with sales, targets
 * and scores, built for any number of reps, months and sales rows, loaded
 * into the simulator; and helpers to run the BUILT bundle in it.
 */
import { createSimulator, loadBundle, type Simulator, type SimulatorOptions } from "../../src/simulator/index";
import type { CellInput } from "../../src/simulator/snapshot";

export interface TeamOptions {
  reps?: number;
  /** Months of sales, from firstMonth. */
  months?: number;
  firstMonth?: string;
  salesRows?: number;
  /** Extra reps rows (e.g. hostile names), appended. */
  extraReps?: CellInput[][];
  extraSales?: CellInput[][];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function addMonths(month: string, k: number): { year: number; month: number } {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * Input sheets of a team: Reps (two teams), Sales spread evenly over the
 * months and reps (deterministic), Targets for every rep ("*") and month,
 * Scores of one manual metric.
 */
export function teamSheets(options: TeamOptions = {}): Record<string, CellInput[][]> {
  const reps = options.reps ?? 4;
  const months = options.months ?? 3;
  const firstMonth = options.firstMonth ?? "2026-01";
  const salesRows = options.salesRows ?? 40;
  const repRows: CellInput[][] = [["Rep ID", "Name", "Team", "Role", "Start date"]];
  for (let r = 1; r <= reps; r++) repRows.push(["R" + pad(r, 4), "Rep " + r, r % 2 ? "East" : "West", "", ""]);
  repRows.push(...(options.extraReps ?? []));
  const repIds = repRows.slice(1).map((row) => String(row[0]));
  const sales: CellInput[][] = [["Date", "Rep ID", "Customer", "Amount", "Type", "Status"]];
  const types = ["new", "renewal", "expansion"];
  for (let i = 0; i < salesRows; i++) {
    const m = addMonths(firstMonth, i % months);
    const day = 1 + ((i * 7) % 28);
    const rep = repIds[i % repIds.length];
    const status = i % 5 === 0 ? "lost" : "won";
    sales.push([
      { wallClock: `${m.year}-${pad(m.month, 2)}-${pad(day, 2)}T10:00:00` },
      rep,
      "Customer " + (i % 97),
      1000 + ((i * 137) % 9000),
      types[i % 3],
      status,
    ]);
  }
  sales.push(...(options.extraSales ?? []));
  const targets: CellInput[][] = [["Rep ID", "Period", "Metric", "Target"]];
  for (let k = 0; k < months; k++) {
    const m = addMonths(firstMonth, k);
    const period = `${m.year}-${pad(m.month, 2)}`;
    targets.push(["*", { value: period, format: "@" }, "revenue", 20000]);
    targets.push(["*", { value: period, format: "@" }, "new_customers", 3]);
    targets.push(["*", { value: period, format: "@" }, "win_rate", 0.5]);
    targets.push(["*", { value: period, format: "@" }, "renewal_rate", 0.5]);
    targets.push(["*", { value: period, format: "@" }, "csat", 4.5]);
  }
  const scores: CellInput[][] = [["Rep ID", "Period", "Metric", "Value"]];
  for (let k = 0; k < months; k++) {
    const m = addMonths(firstMonth, k);
    for (const id of repIds.slice(0, 3))
      scores.push([id, { value: `${m.year}-${pad(m.month, 2)}`, format: "@" }, "csat", 4 + (k % 2) * 0.5]);
  }
  const adjustments: CellInput[][] = [["Rep ID", "Period", "Amount", "Reason"]];
  return { Reps: repRows, Sales: sales, Targets: targets, Scores: scores, Adjustments: adjustments };
}

/** A simulator holding a team's sheets. */
export function teamSimulator(team: TeamOptions = {}, options: SimulatorOptions = {}): Simulator {
  return createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", ...options, sheets: teamSheets(team) });
}

/** Loads the built bundle as one execution and calls a global function. */
export function callGlobal(
  sim: Simulator,
  name: string,
  context: Parameters<typeof loadBundle>[0]["context"] = { kind: "manual" },
  ...args: unknown[]
): unknown {
  const bundle = loadBundle({ simulator: sim, context });
  try {
    return bundle.callJson(name, ...args);
  } finally {
    bundle.end();
  }
}

/** The message of the error a global function throws (a sidebar call refused); fails the test when it does not throw. */
export function failureOf(sim: Simulator, name: string, ...args: unknown[]): string {
  try {
    callGlobal(sim, name, { kind: "manual" }, ...args);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(name + " did not fail");
}

/** The settings stored in the spreadsheet's developer metadata (null when none). */
function storedSettings(sim: Simulator): Record<string, unknown> | null {
  const entry = sim.snapshot().metadata.find((m) => m.key === "salesScorecard.settings");
  return entry?.value ? JSON.parse(entry.value) : null;
}

/** A test's sidebar calls on its current simulator, each one execution, as google.script.run makes them. */
export interface SidebarCalls {
  /** Calls a global and gives its value through JSON. */
  call(name: string, ...args: unknown[]): unknown;
  /** The message a refused call throws; fails the test when it does not throw. */
  failure(name: string, ...args: unknown[]): string;
  /** The settings stored in the spreadsheet (null when none). */
  storedSettings(): Record<string, unknown> | null;
}

/**
 * {@link callGlobal}, {@link failureOf} and {@link storedSettings} bound to
 * the simulator a test holds; `simulator` is asked at each call, so a
 * `beforeEach` may replace it.
 *
 * @example
 * let sim: Simulator;
 * const { call, failure } = sidebarCalls(() => sim);
 * call("sidebarSetup");
 */
export function sidebarCalls(simulator: () => Simulator): SidebarCalls {
  return {
    call: (name, ...args) => callGlobal(simulator(), name, { kind: "manual" }, ...args),
    failure: (name, ...args) => failureOf(simulator(), name, ...args),
    storedSettings: () => storedSettings(simulator()),
  };
}

/** Runs "Recalculate now" (the menu item) once. */
export function recalculateNow(sim: Simulator, user?: string): void {
  callGlobal(sim, "menuRecalculateNow", { kind: "manual", user });
}

/** Runs the namespace's local recalculation; answers its summary. */
export function recalculateLocally(sim: Simulator, options: Record<string, unknown> = {}): Record<string, unknown> {
  const bundle = loadBundle({ simulator: sim, context: { kind: "manual" } });
  try {
    const result = bundle.evaluate(`JSON.stringify(SalesScorecard.local.recalculate(${JSON.stringify(options)}))`);
    return JSON.parse(String(result));
  } finally {
    bundle.end();
  }
}

/** The output sheets' values (JSON-safe), the Run log aside. */
export function outputs(
  sim: Simulator,
  names = ["Results", "Payouts", "Reviews", "Dashboard"],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = sim.sheetNames().includes(name) ? sim.sheetValues(name) : null;
  return out;
}

/** A sheet snapshot of every sheet but the Run log, without the spreadsheet-level state (it holds times). */
export function sheetsSnapshot(sim: Simulator): unknown {
  return sim.snapshot().sheets.filter((sheet) => sheet.name !== "Run log");
}

/** The Run log's data rows (header excluded). */
export function runLogRows(sim: Simulator): unknown[][] {
  return sim.sheetNames().includes("Run log") ? sim.sheetValues("Run log").slice(1) : [];
}

/** Column of a header in a sheet's values. */
export function column(values: unknown[][], header: string): number {
  return (values[0] as unknown[]).indexOf(header);
}
