/**
 * Figures for the pipeline forecast, never assertions: reading a large Sales
 * sheet with a Probability column, and what forecasting a run's provisional
 * periods (the month, its quarter and year) costs beside computing them.
 *
 * Run: npx esbuild src/local/bench/bench-forecast.ts --bundle --platform=node --format=esm
 *   --packages=external --outfile=.cache/tools/bench-forecast.mjs && node .cache/tools/bench-forecast.mjs [rows]
 */
import { performance } from "node:perf_hooks";
import { makeWallClock } from "../../core/calendar";
import { DEFAULT_PLAN_ROWS } from "../../core/default-plan";
import { manualMetricKeys, planMetricKeys } from "../../core/plan-lookup";
import { monthRange } from "../../core/periods";
import { seededRandom } from "../../core/seeded-random";
import { readPlan } from "../../tables/plan-table";
import { readInputs, type InputGrids } from "../../tables/read-inputs";
import { provisionalForecasts } from "../../addon/period-forecasts";
import { computeWithinBudget, groupSalesByMonth } from "../../addon/period-computation";
import { median } from "./median";
import { gridsOf } from "./bench-grids";

const RUNS = 5;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** A year of sales (2025), a fifth of December's deals still open, a Probability on most open deals. */
function grids(salesRows: number, repCount: number): InputGrids {
  const random = seededRandom(12345);
  const reps: unknown[][] = [["Rep ID", "Name", "Team"]];
  for (let r = 0; r < repCount; r++) reps.push(["R" + r, "Rep " + r, "Team " + (r % 10)]);
  const header = ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Split", "Deal ID", "Probability"];
  const sales: unknown[][] = [header];
  const start = Date.UTC(2025, 0, 1);
  const yearMs = 365 * 86_400_000;
  for (let i = 0; i < salesRows; i++) {
    const at = start + Math.floor(random() * yearMs);
    const open = random() < 0.2;
    const status = open ? "Negotiation" : random() < 0.75 ? "won" : "lost";
    const probability = open && random() < 0.8 ? Math.round(random() * 10) * 10 : "";
    sales.push([
      new Date(at),
      "R" + Math.floor(random() * repCount),
      "C" + Math.floor(random() * 50_000),
      Math.round(random() * 20_000),
      random() < 0.5 ? "new" : "renewal",
      status,
      1,
      "D" + i,
      probability,
    ]);
  }
  const targets: unknown[][] = [["Rep ID", "Period", "Metric", "Target"]];
  for (const month of monthRange("2025-01", "2025-12")) {
    targets.push(["*", month, "revenue", Math.round((salesRows / repCount / 12) * 0.6 * 10_000)]);
    targets.push(["*", month, "new_customers", Math.max(1, Math.round((salesRows / repCount / 12) * 0.3))]);
  }
  return gridsOf({ reps, sales, targets });
}

function main(): void {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const wallClock = makeWallClock("UTC");
  const plan = readPlan(DEFAULT_PLAN_ROWS, "Plan", { wallClock }).plan;
  const input = grids(rows, 200);
  const options = { wallClock, manualMetrics: manualMetricKeys(plan), planMetrics: new Set(planMetricKeys(plan)) };
  const reads: number[] = [];
  let records = readInputs(input, options).records;
  for (let i = 0; i < RUNS; i++) reads.push(timed(() => (records = readInputs(input, options).records)));
  const provisional = ["2025-12", "2025-Q4", "2025"];
  const grouped = groupSalesByMonth(records.sales);
  const compute = () =>
    computeWithinBudget(
      { records, plan, planSheet: "Plan", fyStart: 1, periods: provisional, hasTime: () => true },
      grouped,
    );
  const computed = compute().results;
  const computes: number[] = [];
  const forecasts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    computes.push(timed(compute));
    forecasts.push(
      timed(() =>
        provisionalForecasts(computed, () => false, { records, plan, planSheet: "Plan", fyStart: 1, grouped }),
      ),
    );
  }
  console.log(`Sales rows ${rows.toLocaleString("en-US")} (20% open), medians of ${RUNS} runs`);
  console.log(`  readInputs                                ${median(reads).toFixed(1)} ms`);
  console.log(`  compute 2025-12, 2025-Q4, 2025            ${median(computes).toFixed(1)} ms`);
  console.log(`  forecast of the same three periods        ${median(forecasts).toFixed(1)} ms`);
}

main();
