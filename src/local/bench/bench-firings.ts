/**
 * The time-budget benchmark (`npm run bench`): the BUILT bundle's scheduled
 * firings in the simulator, with Apps Script's 6-minute kill and a latency
 * per service call, on a team of 200 reps and 20,000 deals with 12 months
 * to catch up and then two months, one at a time. It prints the service
 * calls of a run and, for each latency, the firings needed, their calls,
 * and whether any was killed.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import {
  createSimulator,
  fireTriggerAnHourLater,
  loadBundle,
  SCRIPT_RUN_LIMIT_MS,
  type CallRecord,
  type FiringOutcome,
  type LatencyModel,
  type Simulator,
} from "../../simulator/index";
import { LOCAL_SERVICES } from "../../simulator/faults";
import { benchSheets, type BenchSize } from "./bench-recalculation";

/** The team of the probe that found runs killed before they saved anything. */
const FIRING_TEAM: BenchSize = { salesRows: 20_000, reps: 200, months: 12 };

/** Latencies to try: uniform per call, and per call plus per cell moved. */
export const LATENCIES: { name: string; model: LatencyModel }[] = [
  { name: "none", model: {} },
  { name: "1 s a call", model: { perCallMs: 1000 } },
  { name: "3.5 s a call", model: { perCallMs: 3500 } },
  { name: "5 s a call", model: { perCallMs: 5000 } },
  { name: "1 s + 0.3 ms a cell", model: { perCallMs: 1000, perCellMs: 0.3 } },
  { name: "1 s + 0.5 ms a cell", model: { perCallMs: 1000, perCellMs: 0.5 } },
  { name: "1 s + 0.7 ms a cell", model: { perCallMs: 1000, perCellMs: 0.7 } },
  { name: "1 s + 0.9 ms a cell", model: { perCallMs: 1000, perCellMs: 0.9 } },
];

const MAX_FIRINGS = 10;
const MONTH_MS = 30 * 24 * 3600_000;

type FiringResult = FiringOutcome;

function scheduledSim(size: BenchSize, latency: LatencyModel, distDir: string): { sim: Simulator; uid: string } {
  const sim = createSimulator({
    now: "2026-04-10T12:00:00Z",
    timeZone: "UTC",
    sheets: benchSheets(size),
    latency,
    executionTimeLimitMs: SCRIPT_RUN_LIMIT_MS,
  });
  sim.queueUiResponse({ button: "YES" });
  const menu = loadBundle({ simulator: sim, context: { kind: "manual", user: "alice" }, distDir });
  menu.call("menuSchedule");
  menu.end();
  return { sim, uid: sim.triggerList()[0].uid };
}

function fire(sim: Simulator, uid: string, distDir: string): FiringResult {
  return fireTriggerAnHourLater(sim, uid, { distDir });
}

function fireUntilDone(sim: Simulator, uid: string, distDir: string): FiringResult[] {
  const firings: FiringResult[] = [];
  while (firings.length < MAX_FIRINGS) {
    firings.push(fire(sim, uid, distDir));
    if (firings[firings.length - 1].outcome === "done") break;
  }
  return firings;
}

/** Calls that reach a service (logging and builders are local: see the simulator's latency model). */
function charged(calls: CallRecord[]): number {
  return calls.filter((c) => !LOCAL_SERVICES.includes(c.service)).length;
}

function describeFirings(firings: FiringResult[]): string {
  const done = firings.at(-1)?.outcome === "done";
  const killed = firings.filter((f) => f.killed).length;
  const each = firings
    .map((f) => `${charged(f.calls)}/${Math.round(f.seconds)}s${f.killed ? " KILLED" : ""}`)
    .join(" ");
  return `${done ? firings.length : `>${MAX_FIRINGS} (no progress)`} firing(s)${killed ? `, ${killed} killed` : ""}  [calls/time: ${each}]`;
}

/**
 * Runs the benchmark and answers the lines to print. `distDir` picks the
 * bundle (another build's, to compare); `latencies` the models to try.
 *
 * @example
 * for (const line of benchFirings({ latencies: LATENCIES.slice(0, 2) })) console.log(line);
 */
export function benchFirings(
  options: { distDir?: string; latencies?: { name: string; model: LatencyModel }[]; size?: BenchSize } = {},
): string[] {
  const distDir = options.distDir ?? "dist";
  const size = options.size ?? FIRING_TEAM;
  const lines = [
    `Time budget under the 6-minute kill: scheduled firings of the built bundle, ${size.reps} reps, ${size.salesRows.toLocaleString("en")} deals, ${size.months} months to catch up, then two months one at a time`,
  ];
  for (const { name, model } of options.latencies ?? LATENCIES) {
    const { sim, uid } = scheduledSim(size, model, distDir);
    const catchUp = fireUntilDone(sim, uid, distDir);
    sim.advance(MONTH_MS);
    const firstMonth = fireUntilDone(sim, uid, distDir);
    sim.advance(MONTH_MS);
    const monthly = fireUntilDone(sim, uid, distDir);
    if (name === "none") {
      const runCalls = (f: FiringResult) => `${f.calls.length} (${charged(f.calls)} reaching a service)`;
      lines.push(
        `  service calls per run: catch-up ${runCalls(catchUp[0])}, first month ${runCalls(firstMonth[0])}, a later month ${runCalls(monthly[0])}`,
      );
      continue;
    }
    lines.push(`  ${name.padEnd(20)} catch-up: ${describeFirings(catchUp)}`);
    lines.push(`  ${"".padEnd(20)} a month:  ${describeFirings(monthly)}`);
  }
  lines.push(
    "  Firing times are the latency model's only: the simulator charges service calls, never computing (see below).",
  );
  return lines;
}
