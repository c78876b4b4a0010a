// Runs one of the Node-only tools in src/local/ (start, preview, bench, demo, large inputs):
// bundles it with esbuild for Node into .cache/ and runs it with the rest of
// the command line. The tools never enter the pushed bundle.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [tool, ...args] = process.argv.slice(2);
const TOOLS = {
  start: "cli/start.ts",
  preview: "cli/preview.ts",
  bench: "bench/bench.ts",
  "bench-warehouse": "bench/bench-warehouse.ts",
  "bench-inputs": "bench/generate-large-input.ts",
  demo: "demo/generate-demo.ts",
};

if (!TOOLS[tool]) {
  console.error(`usage: node build/run-tool.mjs ${Object.keys(TOOLS).join("|")} [args]`);
  process.exit(2);
}

// Named and nested as the entry file is (.cache/tools/cli/start.mjs): a tool that runs only as the program
// checks its own file name, and start.ts finds the root three folders up from either.
const outfile = join(root, ".cache", "tools", TOOLS[tool].replace(/\.ts$/, ".mjs"));
const built = await esbuild.build({
  entryPoints: [join(root, "src", "local", TOOLS[tool])],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  packages: "external",
  logLevel: "warning",
  sourcemap: "inline",
  write: false,
});
// Written aside, then renamed: test files run tools in parallel, and a tool
// started while another build of it is writing must never run half a file.
mkdirSync(dirname(outfile), { recursive: true });
const aside = `${outfile}.${process.pid}.tmp`;
writeFileSync(aside, built.outputFiles[0].contents);
renameSync(aside, outfile);
// npm start with a Sales file scores every rep over every period (1,000 reps, 51 periods at 10M rows), and V8
// otherwise lets the old space grow to about four times what a full collection keeps before collecting again
// (10M rows: 400 MB kept, 1.5 GB reached, peak RSS 1.9-2.3 GB). Growing it by at most its own size after each full
// collection keeps the heap within about twice what is alive, with no fixed cap that could stop a larger run
// (README, "Sales in a warehouse").
const heapFlags = tool === "start" && args.includes("--sales") ? ["--heap-growing-percent=100"] : [];
const result = spawnSync(process.execPath, ["--enable-source-maps", "--expose-gc", ...heapFlags, outfile, ...args], {
  stdio: "inherit",
  cwd: root,
});
process.exit(result.status ?? 1);
