/**
 * The contract of what `clasp push` sends: dist/ holds only the script, the
 * sidebar and the manifest; the script's globals are exactly the public entry
 * points plus one namespace object; custom functions carry the JSDoc Sheets
 * reads; the manifest asks for exactly three scopes.
 */
import { readFileSync, readdirSync } from "node:fs";
import * as vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { benchSheets } from "../../src/local/bench/bench-recalculation";
import { createSimulator, loadBundle } from "../../src/simulator";
import { CUSTOM_FUNCTION_PARAMETERS } from "../fixtures/custom-function-parameters";

const CUSTOM_FUNCTIONS: Record<string, readonly string[]> = {
  ...CUSTOM_FUNCTION_PARAMETERS,
  SCORECARD: ["reps", "sales", "targets", "scores", "plan", "period", "adjustments"],
  FORECAST_REVENUE: ["won", "amounts", "probabilities"],
};

/** Menu, install and trigger handlers, the sidebar's server calls. */
const OTHER_ENTRY_POINTS = [
  "onOpen",
  "onInstall",
  "showSidebar",
  "menuSetUpSheets",
  "menuRecalculateNow",
  "menuRestatePeriod",
  "menuApprovePeriod",
  "menuSchedule",
  "menuComparePlans",
  "menuShareStatements",
  "menuHelp",
  "onScheduledRun",
];

const NAMESPACE = "SalesScorecard";

let code = "";

/** Names exported from src/entry-points.ts that are sidebar server calls (sidebar-server.ts, sidebar-setup-calls.ts, plan-comparison-calls.ts). */
function sidebarCalls(): string[] {
  const entry = readFileSync("src/entry-points.ts", "utf8");
  // An export list may span lines (Biome wraps long ones).
  const lists = entry.matchAll(
    /export\s*\{([^}]*)\}\s*from\s*"\.\/addon\/(?:sidebar-server|sidebar-setup-calls|plan-comparison-calls|statement-calls)"/g,
  );
  return [...lists].flatMap((match) =>
    match[1]
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The Setup view's writing calls: listed here too, so a new global is a visible change of this contract. */
const SETUP_CALLS = ["sidebarSaveColumns", "sidebarFillTargets"];

/** The Plans view's calls ("Compare plans", "Copy the Plan to a draft"), for the same reason. */
const PLAN_CALLS = ["sidebarComparePlans", "sidebarMakePlanDraft"];

beforeAll(() => {
  code = readFileSync("dist/Code.js", "utf8");
});

describe("dist/", () => {
  it("holds only the script, the sidebar and the manifest", () => {
    expect(readdirSync("dist").sort()).toEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
  });

  it("has no import, export or require in the pushed script", () => {
    expect(code).not.toMatch(/^\s*import[\s{*]/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });

  it("asks for exactly the four scopes the README lists, and enables the BigQuery advanced service", () => {
    const manifest = JSON.parse(readFileSync("dist/appsscript.json", "utf8"));
    expect([...manifest.oauthScopes].sort()).toEqual([
      "https://www.googleapis.com/auth/bigquery.readonly",
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/script.scriptapp",
      "https://www.googleapis.com/auth/spreadsheets",
    ]);
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: "BigQuery", serviceId: "bigquery", version: "v2" },
    ]);
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect(typeof manifest.timeZone).toBe("string");
  });

  it("serves a sidebar that loads no external script and holds no raw </script inside its script", () => {
    const html = readFileSync("dist/Sidebar.html", "utf8");
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link[^>]*\bhref\s*=\s*["']?https?:/i);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts.length).toBe(1);
    expect(html.match(/<\/script/gi)?.length).toBe(1); // only the closing tag itself
    expect(scripts[0]).not.toContain("<!--");
  });
});

describe("the script's globals", () => {
  it("are exactly the public entry points plus one namespace object", () => {
    const bundle = loadBundle({ simulator: createSimulator(), context: { kind: "manual" } });
    expect(sidebarCalls()).toEqual(expect.arrayContaining([...SETUP_CALLS, ...PLAN_CALLS]));
    const expected = [...Object.keys(CUSTOM_FUNCTIONS), ...OTHER_ENTRY_POINTS, ...sidebarCalls(), NAMESPACE].sort();
    expect(bundle.globals).toEqual(expected);
    expect(bundle.evaluate(`typeof ${NAMESPACE}`)).toBe("object");
    for (const name of expected.filter((n) => n !== NAMESPACE))
      expect(bundle.evaluate(`typeof ${name}`)).toBe("function");
  });

  it("cannot reach Node: no require, process, Buffer or setTimeout", () => {
    const bundle = loadBundle({ simulator: createSimulator(), context: { kind: "manual" } });
    expect(
      bundle.evaluate("[typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof URL].join()"),
    ).toBe("undefined,undefined,undefined,undefined,undefined");
  });

  it("loading the script does no work: no service call at load", () => {
    const sim = createSimulator();
    sim.resetCalls();
    loadBundle({ simulator: sim, context: { kind: "manual" } });
    expect(sim.calls).toHaveLength(0);
  });
});

/** Names the bundle binds to locals at load (`x=globalThis.NAME`; see BOUND_BUILTINS in build/build.mjs). */
function boundNames(): string[] {
  return [...code.matchAll(/=globalThis\.([A-Za-z_$][\w$]*)\b/g)].map((m) => m[1]);
}

describe("built-ins bound to locals (node:vm's slow global lookups)", () => {
  it("binds only ECMAScript built-ins, never an Apps Script service", () => {
    const names = boundNames();
    expect(names).toEqual(expect.arrayContaining(["Math", "Date", "Object", "Map", "Number"]));
    const plain = vm.createContext({});
    for (const name of names) expect(vm.runInContext(`typeof globalThis.${name}`, plain), name).not.toBe("undefined");
    const services = Object.keys(createSimulator().globals({ kind: "manual" }));
    expect(services).toContain("SpreadsheetApp");
    expect(names.filter((name) => services.includes(name))).toEqual([]);
    expect(code).toMatch(/\bSpreadsheetApp\.getActive/);
  });

  it("reads the simulator's Date: a run's Run log says the simulated time, not the host's", () => {
    const sim = createSimulator({
      now: "2026-04-10T12:00:00Z",
      timeZone: "UTC",
      sheets: benchSheets({ salesRows: 30, reps: 3, months: 2 }),
    });
    loadBundle({ simulator: sim, context: { kind: "manual" } }).call("menuRecalculateNow");
    expect(sim.sheetValues("Run log")[1][0]).toEqual({ date: "2026-04-10T12:00:00" });
  });
});

describe("custom function declarations", () => {
  for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) {
    it(`${name} is a top-level function with its real parameter names and @customfunction JSDoc`, () => {
      const declaration = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*\\nfunction ${name}\\(([^)]*)\\)`);
      const match = code.match(declaration);
      expect(match, `no top-level function ${name} with JSDoc`).not.toBeNull();
      const [, jsdoc, list] = match!;
      expect(list.split(",").map((p) => p.trim())).toEqual(params);
      expect(jsdoc).toContain("@customfunction");
      expect(jsdoc).toMatch(/@example/);
      for (const param of params) expect(jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param}\\b`));
      const description = jsdoc.split("\n")[1].replace(/^\s*\*\s?/, "");
      expect(description.length).toBeGreaterThan(10);
    });
  }
});
