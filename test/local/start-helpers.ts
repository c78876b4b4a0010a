/**
 * Shared by the `npm start` tests: making sure dist/ is built from the
 * current sources, running the command as the README does, reading sheets
 * as records.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CellData, SheetData, WorkbookData } from "../../src/local/workbook/workbook-data";

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
  const sources = [
    "src/addon",
    "src/core",
    "src/tables",
    "src/sidebar",
    "src/entry-points.ts",
    "build/build.mjs",
    "appsscript.json",
  ]
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

/** Every data row of the Results sheet of one period. */
export function resultRows(workbook: WorkbookData, period: string): Record<string, CellData>[] {
  return records(sheetOf(workbook, "Results")).filter((row) => row.Period === period);
}

/**
 * GB18030 (GBK) bytes of a text, using the platform's decoder to build the
 * table of the characters that occur (Node's TextEncoder only writes UTF-8).
 */
export function gb18030(text: string): Buffer {
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) <= 0x7f) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
