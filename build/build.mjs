// Builds dist/: exactly what clasp pushes.
//
//   dist/Code.js          the add-on: one iife bundle exposing a namespace object,
//                         then a top-level `function NAME(...)` stub per public
//                         entry point (Apps Script only sees top-level functions),
//                         each carrying its source JSDoc (Sheets reads
//                         @customfunction and the parameter names from it).
//   dist/Sidebar.html     the sidebar client, JS and CSS inlined into one file.
//   dist/appsscript.json  the manifest.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
export const NAMESPACE = "SalesScorecard";
const ENTRY = join(root, "src", "entry-points.ts");

/** Export names of the entry, from an ESM pass (an iife metafile lists none). */
async function entryExportNames() {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    write: false,
    metafile: true,
    outdir: "out-esm",
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => file.startsWith("src/"))
    .map((file) => join(root, file));
  return { names: output.exports, inputs };
}

/**
 * zod keeps its config and registry on `globalThis`, which would add globals
 * to the script (and do work at load). Inside the bundle they become
 * module-local objects instead.
 */
const zodWithoutGlobals = {
  name: "zod-without-globals",
  setup(build) {
    build.onLoad({ filter: /zod[\\/]v4[\\/]core[\\/](core|registries)\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      return { contents: "var zodScope = {};\n" + source.replace(/\bglobalThis\b/g, "zodScope"), loader: "js" };
    });
  },
};

/**
 * ECMAScript built-ins the bundle reads through a local binding instead of a
 * global lookup. Inside the simulator's node:vm context every global lookup
 * goes through the context's interceptor and costs about 30 times a plain
 * one, which made the bench measure lookups rather than our code (a 1M-row
 * run's compute fell from 30.8 s to 6.8 s with the same output once they were
 * locals); Apps Script's V8 pays nothing of the kind, so bench figures with
 * the lookups would be no guide to it. The bindings are read once, when the
 * script is evaluated, from the running script's own global object: in the
 * simulator that is the context's (with the simulator's Date). The Apps
 * Script services (SpreadsheetApp and the rest) are never bound: they stay
 * global lookups made at call time, as Apps Script requires.
 */
export const BOUND_BUILTINS = [
  "Array",
  "BigInt",
  "Boolean",
  "Date",
  "Error",
  "Intl",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Promise",
  "RangeError",
  "Reflect",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "SyntaxError",
  "TypeError",
  "WeakMap",
  "WeakSet",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
];

const BUILTINS_MODULE = "bundle:bound-builtins";

/** The module esbuild injects: it exports each built-in under its own name, so the bundle's references use it. */
function boundBuiltinsSource() {
  return BOUND_BUILTINS.map(
    (name) => `var bound$${name} = globalThis.${name};\nexport { bound$${name} as ${name} };`,
  ).join("\n");
}

const boundBuiltins = {
  name: "bound-builtins",
  setup(build) {
    build.onResolve({ filter: /^bundle:bound-builtins$/ }, (args) => ({
      path: args.path,
      namespace: "bound-builtins",
    }));
    build.onLoad({ filter: /.*/, namespace: "bound-builtins" }, () => ({
      contents: boundBuiltinsSource(),
      loader: "js",
    }));
  },
};

/** The review generator's source files: what the reviews' wording is made from. */
const REVIEW_WORDING_SOURCE =
  /^(review-|manager-review-|recognition|training-topics|prorated-phrases|number-text|display-format|localized-text).*(?<!\.test)\.ts$/;

/**
 * A hash of the review generator's sources. Reviews whose inputs did not
 * change are left as the sheet holds them; this tag makes a release that
 * changes their wording generate them once again, without anyone having to
 * remember to bump a version by hand.
 */
function reviewWordingTag() {
  const core = join(root, "src", "core");
  const hash = createHash("sha256");
  for (const file of readdirSync(core)
    .filter((name) => REVIEW_WORDING_SOURCE.test(name))
    .sort()) {
    hash.update(file).update(readFileSync(join(core, file)));
  }
  return hash.digest("hex").slice(0, 12);
}

async function bundleAddon() {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "iife",
    globalName: NAMESPACE,
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    charset: "utf8",
    // Readable output for profiling: DEBUG_BUILD=1 npm run build
    minify: !process.env.DEBUG_BUILD,
    legalComments: "none",
    write: false,
    outdir: "out-iife",
    logLevel: "warning",
    inject: [BUILTINS_MODULE],
    define: { __REVIEW_WORDING__: JSON.stringify(reviewWordingTag()) },
    plugins: [zodWithoutGlobals, boundBuiltins],
  });
  return result.outputFiles[0].text;
}

/** Splits a parameter list at top-level commas and keeps each name. */
function parameterNames(list) {
  const names = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if ("([{<".includes(ch)) depth++;
    if (")]}>".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      names.push(current);
      current = "";
    } else current += ch;
  }
  if (current.trim()) names.push(current);
  return names
    .map(
      (p) =>
        p
          .trim()
          .replace(/^\.\.\./, "")
          .match(/^[A-Za-z_$][\w$]*/)?.[0],
    )
    .filter(Boolean);
}

/**
 * Finds `export function NAME(params)` and the JSDoc block right above it, in
 * the files the bundle is made of (never the Node-only tools).
 */
export function findExportedFunctions(files) {
  const found = new Map();
  const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export\s+function\s+([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\(/g;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(pattern)) {
      const start = match.index + match[0].length;
      let depth = 1;
      let end = start;
      while (depth > 0 && end < text.length) {
        if (text[end] === "(") depth++;
        if (text[end] === ")") depth--;
        end++;
      }
      const jsdoc = match[1] ? match[1].trim() : "";
      found.set(match[2], { file, jsdoc, params: parameterNames(text.slice(start, end - 1)) });
    }
  }
  return found;
}

function topLevelStubs(exportNames, functions) {
  const stubs = [];
  for (const name of exportNames) {
    const fn = functions.get(name);
    if (!fn) continue; // a non-function export stays on the namespace object only
    const params = fn.params.join(", ");
    const doc = fn.jsdoc ? fn.jsdoc + "\n" : "";
    stubs.push(`${doc}function ${name}(${params}) {\n  return ${NAMESPACE}.${name}(${params});\n}\n`);
  }
  return stubs.join("\n");
}

/** Makes inlined script text safe inside <script>...</script>. */
export function escapeInlineScript(js) {
  return js.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
}

async function buildSidebar() {
  const clientEntry = join(root, "src", "sidebar", "client.ts");
  const template = readFileSync(join(root, "src", "sidebar", "sidebar.html"), "utf8");
  const css = readFileSync(join(root, "src", "sidebar", "sidebar.css"), "utf8");
  const result = await esbuild.build({
    entryPoints: [clientEntry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    charset: "utf8",
    minify: true,
    legalComments: "none",
    write: false,
    outdir: "out-sidebar",
    logLevel: "warning",
  });
  const js = escapeInlineScript(result.outputFiles[0].text);
  // Function replacers: a `$` in the code must not be read as a pattern.
  return template.replace("/*__CSS__*/", () => css).replace("/*__SCRIPT__*/", () => js);
}

async function main() {
  const [{ names, inputs }, bundle, sidebar] = await Promise.all([entryExportNames(), bundleAddon(), buildSidebar()]);
  const functions = findExportedFunctions(inputs);
  const header = "// Sales Scorecard, built " + "by build/build.mjs. Do not edit: edit src/ and run npm run build.\n";
  const files = {
    "Code.js": header + bundle + "\n" + topLevelStubs(names, functions),
    "Sidebar.html": sidebar,
    "appsscript.json": readFileSync(join(root, "appsscript.json"), "utf8"),
  };
  // Each file is replaced whole (written aside, then renamed), so a test or a
  // runner reading dist/ while a build runs never finds it missing or half written.
  mkdirSync(dist, { recursive: true });
  for (const name of readdirSync(dist))
    if (!(name in files) && !name.endsWith(".tmp")) rmSync(join(dist, name), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    const aside = join(dist, "." + name + "." + process.pid + ".tmp");
    writeFileSync(aside, text);
    renameSync(aside, join(dist, name));
  }
  const size = statSync(join(dist, "Code.js")).size;
  if (!process.argv.includes("--quiet")) {
    console.log(`built dist/Code.js (${(size / 1024).toFixed(1)} KB), dist/Sidebar.html, dist/appsscript.json`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
