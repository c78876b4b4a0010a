/**
 * `npm run bench`: figures, never assertions. Prints the pushed bundle's size
 * and cold start, the engine on generated data (parsing included) and a full
 * recalculation at spreadsheet scale.
 *
 * Run: npm run bench [-- --quick] (quick skips the 1M-row sizes).
 * `-- --firings` prints only the time-budget firings; `--dist=DIR` runs
 * them on another build (to compare calls per run before and after a change).
 * `-- --recalculation` prints only the full recalculation (with `--quick`, at 100k rows; with `--dist=DIR`, another build's).
 * `-- --scorecard` prints only SCORECARD's 12 monthly calls and their breakdown (with `--dist=DIR`, another build's).
 * `-- --engine` prints only the engine on generated data (with `--quick`, up to 100k rows).
 */
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { makeWallClock } from "../../core/calendar";
import { DEFAULT_PLAN_ROWS } from "../../core/default-plan";
import { computePeriods } from "../../core/engine";
import { manualMetricKeys, planMetricKeys } from "../../core/plan-lookup";
import { monthRange, periodsCovering } from "../../core/periods";
import { seededRandom } from "../../core/seeded-random";
import { createSimulator, loadBundle } from "../../simulator";
import { readPlan } from "../../tables/plan-table";
import { readInputs, type InputGrids } from "../../tables/read-inputs";
import { benchRecalculation } from "./bench-recalculation";
import { benchFirings, LATENCIES } from "./bench-firings";
import { benchCustomFunctions, benchScorecard } from "./bench-custom-functions";
import { median } from "./median";
import { gridsOf } from "./bench-grids";

const quick = process.argv.includes("--quick");
const firingsOnly = process.argv.includes("--firings");
const recalculationOnly = process.argv.includes("--recalculation");
const scorecardOnly = process.argv.includes("--scorecard");
const engineOnly = process.argv.includes("--engine");
const distDir = process.argv.find((a) => a.startsWith("--dist="))?.slice("--dist=".length);

function ms(value: number): string {
  return value.toFixed(1) + " ms";
}

function bundleSize(): string[] {
  const code = readFileSync("dist/Code.js");
  const html = statSync("dist/Sidebar.html").size;
  return [
    "Pushed bundle",
    `  dist/Code.js       ${(code.length / 1024).toFixed(1)} KB (${(gzipSync(code).length / 1024).toFixed(1)} KB gzipped)`,
    `  dist/Sidebar.html  ${(html / 1024).toFixed(1)} KB`,
  ];
}

/** A fresh context, evaluating the bundle, one ATTAINMENT call: what every custom-function cell pays. */
function coldStart(): string[] {
  const runs: number[] = [];
  const evaluateOnly: number[] = [];
  for (let i = 0; i < 21; i++) {
    const sim = createSimulator();
    const started = performance.now();
    const bundle = loadBundle({ simulator: sim, context: { kind: "customFunction" } });
    const loaded = performance.now();
    bundle.call("ATTAINMENT", 120, 100);
    const done = performance.now();
    if (i === 0) continue; // the first run also warms Node itself
    runs.push(done - started);
    evaluateOnly.push(loaded - started);
  }
  return [
    "Cold start (fresh vm context + evaluate bundle + one ATTAINMENT call), median of 20",
    `  total ${ms(median(runs))}  (context + evaluation ${ms(median(evaluateOnly))})  goal: under 50 ms`,
  ];
}

/** One custom-function call over a large range, as Sheets would make it for a whole column. */
function customFunctionThroughput(): string[] {
  const bundle = loadBundle({ simulator: createSimulator(), context: { kind: "customFunction" } });
  const lines = ["Custom functions through the bundle (one call per range), median of 5"];
  for (const cells of [10_000, 100_000, 500_000]) {
    const column = bundle.toContext(Array.from({ length: cells }, (_, i) => [i % 7 === 0 ? "" : (i % 300) / 200]));
    const tiers = bundle.toContext([
      [0.5, 0.5],
      [1, 1],
      [1.2, 1.5],
    ]);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      bundle.call("BONUS", column, tiers, 1000, "linear", 2);
      runs.push(performance.now() - started);
    }
    lines.push(
      `  BONUS over ${cells.toLocaleString("en-US").padStart(7)} cells: ${ms(median(runs)).padStart(10)}   (Sheets allows a custom function 30 s)`,
    );
  }
  return lines;
}

/** A generated team: reps, a year of sales as Sheets returns them (Date cells), targets, scores. */
function generatedGrids(salesRows: number, repCount: number): InputGrids {
  const random = seededRandom(12345);
  const reps: unknown[][] = [["Rep ID", "Name", "Team", "Role", "Manager", "Start date", "End date", "Target bonus"]];
  for (let r = 0; r < repCount; r++) reps.push(["R" + r, "Rep " + r, "Team " + (r % 10), "rep", "", "", "", ""]);
  const sales: unknown[][] = [["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Split", "Deal ID"]];
  const start = Date.UTC(2025, 0, 1);
  const yearMs = 365 * 86_400_000;
  for (let i = 0; i < salesRows; i++) {
    const at = start + Math.floor(random() * yearMs);
    const status = random() < 0.7 ? "won" : random() < 0.8 ? "lost" : "open";
    const type = random() < 0.5 ? "new" : random() < 0.6 ? "renewal" : "expansion";
    sales.push([
      new Date(at),
      "R" + Math.floor(random() * repCount),
      "C" + Math.floor(random() * 50_000),
      Math.round(random() * 20_000),
      type,
      status,
      new Date(at - Math.floor(random() * 60) * 86_400_000),
      1,
      "D" + i,
    ]);
  }
  const targets: unknown[][] = [["Rep ID", "Period", "Metric", "Target"]];
  for (const month of monthRange("2025-01", "2025-12")) {
    targets.push(["*", month, "revenue", Math.round((salesRows / repCount / 12) * 0.7 * 10_000)]);
    targets.push(["*", month, "new_customers", Math.max(1, Math.round((salesRows / repCount / 12) * 0.3))]);
    targets.push(["*", month, "win_rate", 0.6]);
    targets.push(["*", month, "renewal_rate", 0.75]);
  }
  const scores: unknown[][] = [["Rep ID", "Period", "Metric", "Value"]];
  for (let r = 0; r < repCount; r++)
    for (const month of monthRange("2025-01", "2025-12"))
      scores.push(["R" + r, month, "csat", 3 + Math.round(random() * 20) / 10]);
  return gridsOf({ reps, sales, targets, scores });
}

function engineOnce(grids: InputGrids): { parse: number; compute: number; rows: number } {
  const wallClock = makeWallClock("Asia/Shanghai");
  const started = performance.now();
  const plan = readPlan(DEFAULT_PLAN_ROWS, "Plan", { wallClock }).plan;
  const read = readInputs(grids, {
    wallClock,
    manualMetrics: manualMetricKeys(plan),
    planMetrics: new Set(planMetricKeys(plan)),
  });
  const parsed = performance.now();
  const periods = periodsCovering(monthRange("2025-01", "2025-12"), 1);
  const out = computePeriods({ records: read.records, plan, periods });
  const done = performance.now();
  return { parse: parsed - started, compute: done - parsed, rows: out.results.reduce((n, r) => n + r.rows.length, 0) };
}

function engine(): string[] {
  const lines = [
    "Engine on generated data: 1,000 reps, 12 months (+ 4 quarters + the year), parsing included, median of 3",
  ];
  const totals = new Map<number, number>();
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  for (const size of sizes) {
    const grids = generatedGrids(size, 1000);
    engineOnce(grids); // warm-up
    const runs = [engineOnce(grids), engineOnce(grids), engineOnce(grids)];
    const parse = median(runs.map((r) => r.parse));
    const compute = median(runs.map((r) => r.compute));
    totals.set(size, parse + compute);
    lines.push(
      `  ${size.toLocaleString("en-US").padStart(9)} sales rows: parse ${ms(parse).padStart(10)}  compute ${ms(compute).padStart(10)}  total ${ms(parse + compute).padStart(10)}  (${runs[0].rows} result rows)`,
    );
  }
  if (totals.has(1_000_000)) {
    const ratio = totals.get(1_000_000)! / totals.get(100_000)!;
    lines.push(`  1M / 100k time ratio: ${ratio.toFixed(2)} (10 = linear in the rows)   goal: 1M rows under 3 s`);
  }
  return lines;
}

/** What the figures above can and cannot say about Apps Script. */
function simulatorDifferences(): string[] {
  return [
    "How the simulator differs from Apps Script",
    "  - The script runs in a node:vm context on this machine's Node, not on Google's servers. Inside node:vm every",
    "    global lookup is about 30x slower than in plain Node; the build binds the ECMAScript built-ins (Math, Object,",
    "    Date, Map...) to locals once at load, so the figures above no longer carry that cost. The Apps Script services",
    "    (SpreadsheetApp...) are still global lookups, as in Apps Script, and are few per run.",
    "  - Service calls are in-memory: their host time is reported apart and left out of the script's compute. Apps",
    "    Script's per-call and per-cell costs are not real here: the projection assumes them (its lines above), and the",
    "    firings use a latency model (logging and builder calls free); neither was measured on Apps Script.",
    "  - Apps Script's compute speed is an assumption too: the projection multiplies Node's compute by a fixed factor.",
    "  - The simulated spreadsheet lives in the same heap as the script, so the peak heap includes it; Apps Script",
    "    keeps the spreadsheet outside the script, and its own memory limits are not modelled.",
    "  - Timings share the machine with whatever else runs; compare medians, and rerun before trusting a change.",
  ];
}

async function main(): Promise<void> {
  if (firingsOnly) {
    console.log(benchFirings({ distDir, latencies: distDir ? LATENCIES.slice(0, 1) : LATENCIES }).join("\n"));
    return;
  }
  if (recalculationOnly) {
    console.log((await benchRecalculation({ quick, distDir })).join("\n"));
    return;
  }
  if (scorecardOnly) {
    console.log(benchScorecard({ distDir }).join("\n"));
    return;
  }
  if (engineOnly) {
    console.log(engine().join("\n"));
    return;
  }
  const sections: string[][] = [
    bundleSize(),
    coldStart(),
    customFunctionThroughput(),
    benchCustomFunctions(),
    engine(),
  ];
  for (const lines of sections) console.log(lines.join("\n") + "\n");
  console.log((await benchRecalculation({ quick, distDir })).join("\n") + "\n");
  console.log(benchFirings().join("\n") + "\n");
  console.log(simulatorDifferences().join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
