/**
 * Writes the demo workbook (demo-workbook.ts) to the shipped file
 * `src/local/demo/demo-workbook.xlsx`. Regenerate it (after changing the demo
 * or the default plan) from the project root with:
 *
 *   npm run demo [-- --seed 42] [--out src/local/demo/demo-workbook.xlsx]
 *
 * The same seed gives the same bytes (the file's timestamps are fixed).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { pathToFileURL } from "node:url";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { DEMO_SEED, generateDemoWorkbook } from "./demo-workbook";
import { writeXlsx } from "../workbook/xlsx-workbook";

/** Where the demo workbook is shipped, relative to the project root. */
export const DEMO_WORKBOOK_PATH = "src/local/demo/demo-workbook.xlsx";

/** The file's fixed creation time, so regenerating gives the same bytes. */
export const DEMO_TIMESTAMP = new Date(Date.UTC(2026, 10, 1, 0, 0, 0));

/**
 * Generates the demo workbook and writes it (by default to the shipped file,
 * relative to the current directory), with fixed timestamps.
 *
 * @example
 * await writeDemoWorkbook(".cache/demo-7.xlsx", 7);
 */
export async function writeDemoWorkbook(path = DEMO_WORKBOOK_PATH, seed = DEMO_SEED): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeXlsx(generateDemoWorkbook(seed), path, { timestamp: DEMO_TIMESTAMP });
}

// ---------------------------------------------------------------------------
// Command line: runs only when this module is the program (see the header).

/**
 * The command line: `[--seed N] [--out FILE.xlsx]`, writing the shipped file
 * by default. Exported for a wrapper script; runs by itself only when this
 * module is the program.
 *
 * @example
 * await runGenerateDemo(["--seed", "7", "--out", ".cache/demo-7.xlsx"]); // prints "wrote .cache/demo-7.xlsx (seed 7)"
 */
export async function runGenerateDemo(argv: string[]): Promise<void> {
  let seed = DEMO_SEED;
  let out = DEMO_WORKBOOK_PATH;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--seed") seed = Number(argv[++i]);
    else if (argv[i] === "--out") out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (usage: generate-demo [--seed N] [--out FILE.xlsx])`);
  }
  if (!Number.isInteger(seed)) throw new Error("--seed needs a whole number");
  await writeDemoWorkbook(out, seed);
  console.log(`wrote ${out} (seed ${seed})`);
}

// Both tests matter: bundled into another program, import.meta.url is that
// program's file, so the script's own name is checked too.
const invokedDirectly =
  typeof process !== "undefined" &&
  typeof process.argv[1] === "string" &&
  /(^|[\\/])generate-demo\.(ts|mjs|js)$/.test(process.argv[1]) &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (invokedDirectly) {
  runGenerateDemo(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
