/**
 * Shared by the `npm start` tests: making sure dist/ is built from the
 * current sources, running the command as the README does, reading sheets
 * as records.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CellData, SheetData, WorkbookData } from "../../src/local/workbook-data";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DEMO = join(ROOT, "src/local/demo/demo-workbook.xlsx");

/** Newest modification time of the files under a folder (recursively). */
function newestUnder(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestUnder(join(path, name))), 0);
}

/**
 * Builds dist/ when it is missing or older than what goes into it (the
 * add-on's sources, the sidebar, the build script and the manifest; the
 * Node-only tools in src/local and src/simulator do not).
 */
export function ensureBuilt(): void {
  const code = join(ROOT, "dist", "Code.js");
  const sources = ["src/addon", "src/core", "src/tables", "src/sidebar", "src/entry-points.ts", "build/build.mjs", "appsscript.json"]
    .map((p) => join(ROOT, p))
    .filter((p) => existsSync(p));
  const stale = !existsSync(code) || sources.some((p) => newestUnder(p) > statSync(code).mtimeMs);
  if (!stale) return;
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `node build/run-tool.mjs start ARGS`: what `npm start -- ARGS` runs after building. */
export function runStart(args: string[]): CommandRun {
  const started = Date.now();
  const child = spawnSync(process.execPath, ["build/run-tool.mjs", "start", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: ROOT },
    timeout: 120_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, ms: Date.now() - started };
}

export function sheetOf(workbook: WorkbookData, name: string): SheetData {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} (sheets: ${workbook.sheets.map((s) => s.name).join(", ")})`);
  return sheet;
}

/** A sheet's data rows as records keyed by the header row. */
export function records(sheet: SheetData): Record<string, CellData>[] {
  const [header, ...rows] = sheet.values;
  return rows.map((row) => Object.fromEntries(header.map((h, c) => [String(h), row[c] ?? null])));
}
