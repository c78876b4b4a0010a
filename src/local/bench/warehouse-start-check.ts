/**
 * `npm run bench:warehouse -- --start`: the warehouse must-show as one
 * command. For each size (10M Sales rows unless `--rows=` says otherwise) it
 * reuses or generates the Parquet file of generated deals and writes the team
 * workbook of the same 1,000 reps (both in the system's temporary folder),
 * builds the add-on, then runs the real `npm start -- --input team.xlsx
 * --sales sales.parquet` (through build/run-tool.mjs, with its node flags) as
 * a child process and measures it: wall time, peak RSS (the whole process,
 * DuckDB's worker thread included) and rows per second. Last, it reads the
 * result workbook's monthly Results rows and compares `revenue actual` per
 * rep and month with a plain GROUP BY over the file in DuckDB. Figures are
 * printed, never asserted, except that a mismatch or a failed run exits 1
 * (README, "Sales in a warehouse").
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDuckDb } from "../warehouse/duckdb-sales";
import { readXlsx, writeXlsx } from "../workbook/xlsx-workbook";
import { median } from "./median";
import { benchTeamWorkbook, generateSalesSql, plainGroupBySql } from "./warehouse-bench-data";

/** The issue's bounds for 10M rows: wall time under 90 s, peak memory under 2 GB (MB of 2^20 bytes). */
const WALL_LIMIT_S = 90;
const PEAK_LIMIT_MB = 2048;

/** Where the generated files stay between runs, so that a second check reuses the Parquet files. */
const FOLDER = join(tmpdir(), "scorecard-warehouse-check");

/**
 * Loaded into every Node process of the start run (NODE_OPTIONS): on exit each appends its pid, peak RSS in KB and
 * CPU time in microseconds, which no parent can read once the child is gone (Node reports no children's rusage).
 */
const PEAK_RECORDER = `process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpu = usage.userCPUTime + usage.systemCPUTime;
  const line = [process.pid, usage.maxRSS, cpu].join(" ") + "\\n";
  require("node:fs").appendFileSync(process.env.SCORECARD_PEAK_RSS_FILE, line);
});
`;

interface StartRun {
  wallS: number;
  peakMb: number;
  /** User and system CPU time of every Node process of the run: what a loaded machine does not stretch. */
  cpuS: number;
}

interface RevenueCheck {
  repMonths: number;
  mismatches: string[];
}

async function salesFile(rows: number): Promise<{ path: string; note: string }> {
  const path = join(FOLDER, `sales-${rows}.parquet`);
  if (existsSync(path)) return { path, note: "reused" };
  const partial = `${path}.${process.pid}.partial`;
  const connection = await openDuckDb();
  const started = performance.now();
  await connection.run(generateSalesSql(rows, partial));
  connection.closeSync();
  // Renamed only once complete, so that an interrupted generation is never reused.
  renameSync(partial, path);
  return { path, note: `generated in ${((performance.now() - started) / 1000).toFixed(1)} s` };
}

function buildAddOn(root: string): void {
  const build = spawnSync(process.execPath, [join(root, "build", "build.mjs"), "--quiet"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the add-on's build failed");
}

/** One `npm start -- --input team --sales file --out result` (the add-on built already), measured. */
function runStart(root: string, team: string, sales: string, result: string): StartRun {
  // Named after this process: two checks may run at once over the same folder.
  const recorder = join(FOLDER, `peak-rss-${process.pid}.cjs`);
  const peaks = join(FOLDER, `peak-rss-${process.pid}.txt`);
  writeFileSync(recorder, PEAK_RECORDER);
  rmSync(peaks, { force: true });
  const args = ["start", "--input", team, "--sales", sales, "--time-zone", "UTC", "--out", result];
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(root, "build", "run-tool.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: `--require=${recorder}`, SCORECARD_PEAK_RSS_FILE: peaks },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallS = (performance.now() - started) / 1000;
  // Exit 2 is "written, with input problems"; the generated deals have none, but the result is still checked.
  if (child.status !== 0 && child.status !== 2)
    throw new Error(
      `npm start --sales failed (status ${child.status}, ${child.signal ?? "no signal"}):\n${child.stderr}`,
    );
  const records = readFileSync(peaks, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(" ").map(Number));
  rmSync(peaks, { force: true });
  rmSync(recorder, { force: true });
  const peakMb = Math.max(...records.map(([, kb]) => kb)) / 1024;
  return { wallS, peakMb, cpuS: records.reduce((sum, [, , micros]) => sum + micros, 0) / 1e6 };
}

/** Every monthly Results row's `revenue actual` against the GROUP BY's revenue of that rep and month. */
async function checkRevenue(sales: string, result: string): Promise<RevenueCheck> {
  const connection = await openDuckDb();
  const expected = new Map<string, number>();
  for (const [rep, month, revenue] of (await connection.runAndReadAll(plainGroupBySql(sales))).getRows())
    expected.set(rep + " " + month, Number(revenue));
  connection.closeSync();
  const results = (await readXlsx(result)).sheets.find((sheet) => sheet.name === "Results");
  if (!results) throw new Error("the result workbook has no Results sheet");
  const [header, ...rows] = results.values;
  const [period, rep, revenue] = ["Period", "Rep ID", "revenue actual"].map((name) => header.indexOf(name));
  const mismatches: string[] = [];
  let repMonths = 0;
  const seen = new Set<string>();
  for (const row of rows) {
    if (!/^\d{4}-\d{2}$/.test(String(row[period]))) continue;
    const key = row[rep] + " " + row[period];
    const want = expected.get(key) ?? 0;
    const got = typeof row[revenue] === "number" ? row[revenue] : 0;
    repMonths += 1;
    seen.add(key);
    if (got !== want) mismatches.push(`${key}: Results ${got}, GROUP BY ${want}`);
  }
  for (const key of expected.keys()) if (!seen.has(key)) mismatches.push(`${key}: in the GROUP BY, not in Results`);
  return { repMonths, mismatches };
}

function mb(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 0 }) + " MB";
}

/**
 * Runs the must-show for each size, `repeats` times each, and prints the figures; false when a check failed.
 *
 * @example
 * const passed = await runStartCheck("/work/main", [10_000_000], 5);
 */
export async function runStartCheck(root: string, sizes: readonly number[], repeats: number): Promise<boolean> {
  mkdirSync(FOLDER, { recursive: true });
  const team = join(FOLDER, "team.xlsx");
  // Written aside and renamed, so that a check running at the same time never reads half a workbook.
  await writeXlsx(benchTeamWorkbook(), `${team}.${process.pid}.xlsx`);
  renameSync(`${team}.${process.pid}.xlsx`, team);
  buildAddOn(root);
  let passed = true;
  for (const rows of sizes) {
    const sales = await salesFile(rows);
    const label = `${(rows / 1e6).toLocaleString("en-US")}M rows`;
    console.log(`${label}: ${sales.path} (${mb(statSync(sales.path).size / 2 ** 20)}, ${sales.note})`);
    const result = join(FOLDER, `result-${rows}-${process.pid}.xlsx`);
    const runs: StartRun[] = [];
    for (let i = 0; i < repeats; i += 1) {
      const run = runStart(root, team, sales.path, result);
      runs.push(run);
      console.log(
        `  run ${i + 1}: wall ${run.wallS.toFixed(1)} s (CPU ${run.cpuS.toFixed(1)} s), peak RSS ${mb(run.peakMb)}, ` +
          `${Math.round(rows / run.wallS).toLocaleString("en-US")} rows/s`,
      );
    }
    const check = await checkRevenue(sales.path, result);
    rmSync(result, { force: true });
    const wall = median(runs.map((run) => run.wallS));
    const cpu = median(runs.map((run) => run.cpuS));
    const peak = Math.max(...runs.map((run) => run.peakMb));
    console.log(
      `  ${label}: wall ${wall.toFixed(1)} s, CPU ${cpu.toFixed(1)} s${repeats > 1 ? ` (medians of ${repeats})` : ""}, ` +
        `peak RSS ${mb(peak)}` +
        `${repeats > 1 ? " (highest)" : ""}, ${Math.round(rows / wall).toLocaleString("en-US")} rows/s; wall < ` +
        `${WALL_LIMIT_S} s: ${wall < WALL_LIMIT_S ? "yes" : "NO"}, peak < ${mb(PEAK_LIMIT_MB)}: ` +
        `${peak < PEAK_LIMIT_MB ? "yes" : "NO"}`,
    );
    console.log(
      `  revenue per rep and month in Results vs a plain GROUP BY: ${check.repMonths.toLocaleString("en-US")} ` +
        `rep-months, mismatches = ${check.mismatches.length}`,
    );
    for (const line of check.mismatches.slice(0, 5)) console.log("    " + line);
    if (check.mismatches.length > 0) passed = false;
  }
  return passed;
}
