/**
 * `npm run bench:warehouse`: the warehouse path's figures, never assertions.
 * For 1M and 10M Sales rows (and 100M with `--huge`; `--rows=N,M` for
 * others) and 1,000 reps: DuckDB writes a Parquet file of generated deals
 * (generate_series, not JavaScript), then a child process runs the local
 * warehouse path on it (the generated SQL on DuckDB, the contract, the engine
 * over every month, quarter and year) and reports its wall time and peak RSS,
 * DuckDB's native memory included. Revenue per rep and month is checked
 * against a plain GROUP BY; the file is deleted after each size. Last, what
 * BigQuery would bill for one run at 100M rows: the columns each query reads
 * times BigQuery's bytes per value (README, "Sales in a warehouse").
 *
 * `--start` checks the real `npm start --sales` instead: see warehouse-start-check.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_PLAN_ROWS } from "../../core/default-plan";
import { computePeriods } from "../../core/engine";
import { monthRange, periodsCovering } from "../../core/periods";
import type { Rep } from "../../core/records";
import { readPlan } from "../../tables/plan-table";
import { stageProbabilities } from "../../tables/probability-reading";
import { stageDictionary } from "../../tables/stage-reading";
import { openDuckDb, readSalesFile } from "../warehouse/duckdb-sales";
import { runStartCheck } from "./warehouse-start-check";
import { BENCH_REPS, FIRST_MONTH, generateSalesSql, LAST_MONTH, plainGroupBySql } from "./warehouse-bench-data";

function benchReps(): Rep[] {
  return Array.from({ length: BENCH_REPS }, (_, i) => ({
    key: "r" + i,
    id: "R" + i,
    name: "Rep " + i,
    email: "",
    role: "",
    team: "Team " + (i % 20),
    manager: "",
    start: null,
    end: null,
    targetBonus: null,
    row: i + 2,
  }));
}

interface ChildFigures {
  queryMs: number;
  engineMs: number;
  wallMs: number;
  maxRssMb: number;
  rowsCounted: number;
  rows: number;
  monthsFile: string;
}

/** The child: the local warehouse path on one file, figures on stdout as JSON. */
async function runChild(path: string, monthsFile: string): Promise<void> {
  const started = performance.now();
  const connection = await openDuckDb();
  const reps = benchReps();
  const sales = await readSalesFile(connection, path, {
    reps,
    timeZone: "UTC",
    stages: stageDictionary(),
    stageProbabilities: stageProbabilities(),
  });
  const queried = performance.now();
  if (!sales.aggregates) throw new Error("no contract: " + JSON.stringify(sales.problems));
  const plan = readPlan(DEFAULT_PLAN_ROWS, "Plan", {}).plan;
  const records = { reps, sales: [], targets: [], scores: [], adjustments: [], salesHaveType: true };
  const periods = periodsCovering(monthRange(FIRST_MONTH, LAST_MONTH), 1);
  const out = computePeriods({ records, salesAggregates: sales.aggregates, plan, periods });
  const done = performance.now();
  writeFileSync(monthsFile, JSON.stringify(sales.aggregates.months.map((m) => [m.rep, m.month, m.revenue])));
  const figures: ChildFigures = {
    queryMs: queried - started,
    engineMs: done - queried,
    wallMs: done - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rowsCounted: sales.rowsCounted ?? 0,
    rows: out.results.reduce((sum, r) => sum + r.rows.length, 0),
    monthsFile,
  };
  process.stdout.write(JSON.stringify(figures) + "\n");
}

function runInChild(path: string, monthsFile: string): ChildFigures {
  const script = process.argv[1];
  const started = performance.now();
  // The heap flag npm start --sales runs with (build/run-tool.mjs), so that both paths' memory compares.
  const args = ["--heap-growing-percent=100", script, "--child=" + path, "--months=" + monthsFile];
  const child = spawnSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error("the warehouse run failed:\n" + child.stderr);
  const figures = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as ChildFigures;
  // The child's own clock starts after Node has loaded; the process's wall time includes that.
  figures.wallMs = performance.now() - started;
  return figures;
}

/** The largest difference between the contract's revenue per rep and month and the plain GROUP BY's. */
async function checkRevenue(path: string, monthsFile: string): Promise<{ cells: number; worst: number }> {
  const connection = await openDuckDb();
  const reader = await connection.runAndReadAll(plainGroupBySql(path));
  const expected = new Map<string, number>();
  // The contract keys a rep by the lower-cased Rep ID.
  for (const [rep, month, revenue] of reader.getRows())
    expected.set(String(rep).toLowerCase() + " " + month, Number(revenue));
  const months = JSON.parse(readFileSync(monthsFile, "utf8")) as [string, string, number][];
  let worst = 0;
  let cells = 0;
  for (const [rep, month, revenue] of months) {
    if (revenue === 0) continue;
    cells += 1;
    const want = expected.get(rep + " " + month);
    if (want === undefined) throw new Error("revenue check: " + rep + " " + month + " is not in the GROUP BY");
    worst = Math.max(worst, Math.abs(revenue - want) / Math.max(1, Math.abs(want)));
  }
  if (cells !== expected.size) throw new Error(`revenue check: ${cells} rep-months, the GROUP BY has ${expected.size}`);
  return { cells, worst };
}

/** BigQuery's bytes per value: 8 for numbers, dates and timestamps, 2 + UTF-8 length for a STRING. */
async function bytesScannedAt(path: string, rows: number, atRows: number): Promise<string[]> {
  const connection = await openDuckDb();
  const reader = await connection.runAndReadAll(
    `SELECT avg(strlen("Rep ID")), avg(strlen("Customer")), avg(strlen("Type")), avg(strlen("Stage"))
     FROM read_parquet('${path.replace(/'/g, "''")}')`,
  );
  const [rep, customer, type, stage] = (reader.getRows()[0] ?? []).map((v) => 2 + Number(v));
  const fixed = 8;
  // The vocabulary query reads owner, Stage and Type; the aggregates query every mapped column once.
  const vocabulary = rep + stage + type;
  const aggregates = fixed * 5 + rep + customer + type + stage;
  const perRow = vocabulary + aggregates;
  const bytes = perRow * atRows;
  const tib = bytes / 2 ** 40;
  return [
    `BigQuery bytes scanned per run at ${(atRows / 1e6).toFixed(0)}M rows (from ${(rows / 1e6).toFixed(0)}M rows' value sizes):`,
    `  vocabulary query ${vocabulary.toFixed(1)} B/row, aggregates query ${aggregates.toFixed(1)} B/row`,
    `  ${(bytes / 1e9).toFixed(1)} GB = ${tib.toFixed(4)} TiB per run; at the on-demand list price of $6.25/TiB` +
      ` about $${(tib * 6.25).toFixed(2)} per run (the first TiB of a month is free)`,
  ];
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0) + " MB";
}

async function main(): Promise<void> {
  const child = process.argv.find((a) => a.startsWith("--child="))?.slice("--child=".length);
  if (child) {
    const months = process.argv.find((a) => a.startsWith("--months="))?.slice("--months=".length) ?? "";
    await runChild(child, months);
    return;
  }
  const given = process.argv.find((a) => a.startsWith("--rows="))?.slice("--rows=".length);
  const repeats = Number(process.argv.find((a) => a.startsWith("--repeat="))?.slice("--repeat=".length) ?? 1);
  if (process.argv.includes("--start")) {
    // run-tool.mjs runs the tools from the repository's root.
    const passed = await runStartCheck(process.cwd(), given ? given.split(",").map(Number) : [10_000_000], repeats);
    process.exitCode = passed ? 0 : 1;
    return;
  }
  const sizes = given
    ? given.split(",").map(Number)
    : [1_000_000, 10_000_000, ...(process.argv.includes("--huge") ? [100_000_000] : [])];
  const folder = mkdtempSync(join(tmpdir(), "bench-warehouse-"));
  const lines: string[] = [];
  try {
    for (const rows of sizes) {
      const path = join(folder, `sales-${rows}.parquet`);
      const generator = await openDuckDb();
      const generated = performance.now();
      await generator.run(generateSalesSql(rows, path));
      const generateMs = performance.now() - generated;
      generator.closeSync();
      const runs: ChildFigures[] = [];
      for (let i = 0; i < repeats; i += 1) runs.push(runInChild(path, join(folder, "months.json")));
      runs.sort((a, b) => a.wallMs - b.wallMs);
      const median = runs[Math.floor(runs.length / 2)];
      const check = await checkRevenue(path, join(folder, "months.json"));
      const line =
        `${(rows / 1e6).toFixed(0).padStart(4)}M rows (${mb(statSync(path).size)} Parquet, generated in ` +
        `${(generateMs / 1000).toFixed(1)} s): wall ${(median.wallMs / 1000).toFixed(1)} s (query ` +
        `${(median.queryMs / 1000).toFixed(1)} s, engine ${(median.engineMs / 1000).toFixed(1)} s), peak RSS ` +
        `${median.maxRssMb.toFixed(0)} MB, ${((rows / median.wallMs) * 1000).toFixed(0)} rows/s; ` +
        `${median.rows} result rows; revenue of ${check.cells} rep-months = GROUP BY (worst relative difference ` +
        `${check.worst.toExponential(1)})` +
        (repeats > 1 ? ` [median of ${repeats}]` : "");
      console.log(line);
      lines.push(line);
      if (rows === sizes[sizes.length - 1])
        for (const l of await bytesScannedAt(path, rows, 100_000_000)) console.log(l);
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
