/**
 * The layers of src/ import only downwards. Every static import and
 * re-export (`import`, `import type`, `export ... from`) of every file under
 * src/ is read and checked against the allowed graph below; the failure lists
 * each offending edge as `from -> to`. docs/architecture.md describes the
 * layers; each has its own tsconfig.json fencing the platform types it sees.
 *
 * The allowed graph (a layer always imports itself):
 *
 * - core       -> nothing else: pure, no platform, no package.
 * - tables     -> core. Package: zod.
 * - addon      -> core, tables, and types of the sidebar contract
 *                 (src/sidebar/sidebar-api.ts: the requests and responses that
 *                 cross `google.script.run`, types only). Package: zod.
 * - sidebar    -> core (pure, so it bundles into the page: display formats and
 *                 metric names), types of tables (the sheet roles). Never addon:
 *                 what both sides share lives in sidebar-api.ts or lower.
 *                 No package (the sidebar page stays small).
 * - simulator  -> core (pure helpers, such as the seeded random). Node and
 *                 esbuild: it stands in for Apps Script on Node.
 * - local      -> core, tables, addon, simulator, and types of the sidebar
 *                 contract; never the sidebar's DOM code. Node and packages.
 * - src/entry-points.ts -> addon only.
 * - tests (*.test.ts beside any file) run in Node: they may import anything,
 *   test/ included. A file that is not a test never imports from test/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SRC = join(ROOT, "src");

type Layer = "core" | "tables" | "addon" | "sidebar" | "simulator" | "local" | "entry-points" | "test" | "outside";

/** What a layer may import: whole layers, single files (as types only), and packages. */
interface Allowance {
  layers: readonly Layer[];
  typeOnlyLayers?: readonly Layer[];
  typeOnlyFiles?: readonly string[];
  /** Package names (before any `/`); "*" = any package or Node built-in. */
  packages: readonly string[];
}

const SIDEBAR_CONTRACT = "src/sidebar/sidebar-api.ts";

const ALLOWED: Record<Exclude<Layer, "test" | "outside">, Allowance> = {
  core: { layers: ["core"], packages: [] },
  tables: { layers: ["core", "tables"], packages: ["zod"] },
  addon: { layers: ["core", "tables", "addon"], typeOnlyFiles: [SIDEBAR_CONTRACT], packages: ["zod"] },
  sidebar: { layers: ["core", "sidebar"], typeOnlyLayers: ["tables"], packages: [] },
  simulator: { layers: ["core", "simulator"], packages: ["*"] },
  local: {
    layers: ["core", "tables", "addon", "simulator", "local"],
    typeOnlyFiles: [SIDEBAR_CONTRACT],
    packages: ["*"],
  },
  "entry-points": { layers: ["addon"], packages: [] },
};

/** One import or re-export of a file. */
interface ImportEdge {
  from: string;
  specifier: string;
  typeOnly: boolean;
}

/**
 * `import x, { a, type B } from "m"`, `import type ... from "m"`, `import * as m from "m"`,
 * `export { a } from "m"`, `export * from "m"` and `import "m"`, each at the start of a line
 * (Biome formats every import so), which keeps JSDoc examples out.
 */
const IMPORT_STATEMENT =
  /^(import|export)(\s+type)?\s+(?:((?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?)|[\w$]+)\s+from\s+)?["']([^"']+)["']/gm;

function importsOf(path: string): ImportEdge[] {
  const text = readFileSync(path, "utf8");
  const from = relative(ROOT, path).split(sep).join("/");
  return [...text.matchAll(IMPORT_STATEMENT)].map((match) => ({
    from,
    specifier: match[4],
    typeOnly: match[2] !== undefined || everyNameIsAType(match[3]),
  }));
}

/** `{ type A, type B }` imports nothing at run time either. */
function everyNameIsAType(clause: string | undefined): boolean {
  if (!clause?.startsWith("{")) return false;
  const names = clause
    .slice(1, -1)
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith("type "));
}

function layerOf(file: string): Layer {
  if (/\.test\.ts$/.test(file)) return "test";
  if (file === "src/entry-points.ts") return "entry-points";
  const [top, name = ""] = file.split("/");
  const folder = name.replace(/\.ts$/, "");
  if (top !== "src") return "outside";
  return (["core", "tables", "addon", "sidebar", "simulator", "local"] as const).find((l) => l === folder) ?? "outside";
}

/** The repository path an import points at (extension-less as written), or null for a package. */
function targetOf(edge: ImportEdge): string | null {
  if (!edge.specifier.startsWith(".")) return null;
  const fromFolder = edge.from.split("/").slice(0, -1).join("/");
  return normalize(join(fromFolder, edge.specifier)).split(sep).join("/");
}

function packageName(specifier: string): string {
  return specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
}

/** Why an import is not allowed, or null when it is. */
function violation(edge: ImportEdge): string | null {
  const layer = layerOf(edge.from);
  if (layer === "test" || layer === "outside") return null;
  const allowance = ALLOWED[layer];
  const target = targetOf(edge);
  if (target === null) {
    const name = packageName(edge.specifier);
    const packageAllowed = allowance.packages.includes("*") || allowance.packages.includes(name);
    return packageAllowed ? null : `package ${edge.specifier}`;
  }
  const file = `${target}.ts`;
  const targetLayer = layerOf(file);
  if (allowance.layers.includes(targetLayer)) return null;
  if (edge.typeOnly && allowance.typeOnlyLayers?.includes(targetLayer)) return null;
  if (edge.typeOnly && allowance.typeOnlyFiles?.includes(file)) return null;
  return targetLayer === "outside" ? "outside src/" : `${targetLayer}${edge.typeOnly ? " (types)" : ""}`;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe("layer imports", () => {
  const edges = sourceFiles(SRC).flatMap(importsOf);

  it("reads the imports of every layer", () => {
    const layers = new Set(edges.map((edge) => layerOf(edge.from)));
    for (const layer of ["core", "tables", "addon", "sidebar", "simulator", "local", "entry-points", "test"]) {
      expect(layers, layer).toContain(layer);
    }
    expect(edges.length).toBeGreaterThan(500);
  });

  it("tells type-only imports from value imports", () => {
    expect(everyNameIsAType("{ type A, type B }")).toBe(true);
    expect(everyNameIsAType("{ type A, b }")).toBe(false);
    expect(everyNameIsAType("* as z")).toBe(false);
  });

  it("tells an allowed edge from one that runs up a layer", () => {
    const edge = (from: string, specifier: string, typeOnly = false): ImportEdge => ({ from, specifier, typeOnly });
    expect(violation(edge("src/tables/read-sales.ts", "../core/calendar"))).toBeNull();
    expect(violation(edge("src/core/periods.ts", "../tables/cell-values", true))).toBe("tables (types)");
    expect(violation(edge("src/addon/menu.ts", "../sidebar/sidebar-api", true))).toBeNull();
    expect(violation(edge("src/addon/menu.ts", "../sidebar/dom"))).toBe("sidebar");
    expect(violation(edge("src/sidebar/rep-view.ts", "../tables/sheet-roles", true))).toBeNull();
    expect(violation(edge("src/sidebar/rep-view.ts", "../tables/sheet-roles"))).toBe("tables");
    expect(violation(edge("src/sidebar/rep-view.ts", "../addon/settings", true))).toBe("addon (types)");
    expect(violation(edge("src/local/preview.ts", "../sidebar/client"))).toBe("sidebar");
    expect(violation(edge("src/entry-points.ts", "./core/periods"))).toBe("core");
    expect(violation(edge("src/simulator/range.ts", "../addon/menu"))).toBe("addon");
    expect(violation(edge("src/core/periods.ts", "node:fs"))).toBe("package node:fs");
    expect(violation(edge("src/sidebar/client.ts", "zod/mini"))).toBe("package zod/mini");
    expect(violation(edge("src/tables/read-sales.ts", "../../test/fixtures/result-row"))).toBe("outside src/");
    expect(violation(edge("src/tables/read-inputs.test.ts", "../../test/fixtures/result-row"))).toBeNull();
  });

  it("never imports up a layer", () => {
    const offending = edges.flatMap((edge) => {
      const why = violation(edge);
      return why === null ? [] : [`${edge.from} -> ${edge.specifier}  (${layerOf(edge.from)} may not import ${why})`];
    });
    expect(offending, `imports that run up a layer:\n${offending.join("\n")}`).toEqual([]);
  });
});
