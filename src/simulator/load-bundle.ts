/**
 * Loads the built script (dist/*.js, in name order as clasp pushes them)
 * into a fresh `node:vm` context holding only ECMAScript built-ins and the
 * simulator's Apps Script globals: one loadBundle call is one Apps Script
 * execution (the script is evaluated anew, as Apps Script does for every
 * run). Several bundles may share one simulator (an editor's menu click and
 * the trigger's run).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import * as vm from "node:vm";
import type { ContextSpec, Execution } from "./execution";
import { type Realm, importValue } from "./realm";
import type { AppsScriptGlobals, Simulator } from "./simulator";
import { isValidTimeZone, instantToWall, wallParts } from "./time-zone";
import { installContextDate } from "./vm-date";

/** A script file to evaluate. */
interface BundleSource {
  name: string;
  code: string;
}

/** Options of {@link loadBundle}. */
export interface LoadBundleOptions {
  simulator: Simulator;
  /** The execution context (default `{ kind: "manual" }`). */
  context?: ContextSpec;
  /** Folder of the built files (default "dist", against the current directory). */
  distDir?: string;
  /** Scripts to evaluate instead of distDir's *.js (fixtures). */
  sources?: BundleSource[];
  /**
   * Local time of the context's Date: "script" (default) uses the simulator's
   * script time zone, as Apps Script does; "host" leaves Node's.
   */
  localTimeZone?: "script" | "host";
  /** Built-ins removed from the context, absent from Apps Script or unneeded (default WebAssembly, SharedArrayBuffer, Atomics). */
  removeGlobals?: string[];
}

/** A loaded script: one execution. */
export interface LoadedBundle {
  /** The vm context (its global object). */
  context: vm.Context;
  /** Names of the global properties the bundle's scripts added (sorted). */
  globals: string[];
  /** The simulator execution behind the context. */
  execution: Execution;
  /** Calls a global function with arguments rebuilt in the context; returns the context's value (locks released after, as at the end of an Apps Script run). */
  call(name: string, ...args: unknown[]): unknown;
  /** Like call, with the result passed through the context's JSON.stringify and the host's JSON.parse. */
  callJson(name: string, ...args: unknown[]): unknown;
  /** Rebuilds arrays, plain objects and Dates with the context's constructors. */
  toContext<T>(value: T): T;
  /** The clock-trigger event object Apps Script passes for a trigger (default: the context's triggerUid). */
  triggerEvent(triggerUid?: string): unknown;
  /** Calls the handler of a trigger with its event (trigger contexts; default: the context's triggerUid). */
  fireTrigger(triggerUid?: string): unknown;
  /** Evaluates an expression in the context (for tests: `bundle.evaluate("typeof require")`). */
  evaluate(code: string): unknown;
  /** Ends the execution (releases its locks). */
  end(): void;
}

const DEFAULT_REMOVED = ["WebAssembly", "SharedArrayBuffer", "Atomics"];

/**
 * Reads the *.js files of a folder in name order.
 *
 * @example
 * readBundleSources("dist"); // [{ name: "dist/Code.js", code: "..." }]
 */
function readBundleSources(distDir: string): BundleSource[] {
  const dir = resolve(distDir);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => ({ name: join(dir, f), code: readFileSync(join(dir, f), "utf8") }));
}

function loadDistExtras(simulator: Simulator, distDir: string): void {
  const dir = resolve(distDir);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return;
  }
  for (const f of files.filter((name) => name.endsWith(".html"))) {
    const key = f.replace(/\.html$/, "");
    if (!simulator.htmlFiles.has(key)) simulator.htmlFiles.set(key, readFileSync(join(dir, f), "utf8"));
  }
  if (!simulator.scriptTimeZoneGiven && files.includes("appsscript.json")) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8")) as { timeZone?: unknown };
      if (isValidTimeZone(manifest.timeZone)) simulator.scriptTimeZone = manifest.timeZone;
    } catch {
      // a broken manifest is the build's problem, not the loader's
    }
  }
}

function hostError(error: unknown): Error {
  if (error !== null && typeof error === "object" && "message" in error) {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    const out = new Error(String(e.message));
    out.name = typeof e.name === "string" ? e.name : "Error";
    if (typeof e.stack === "string") out.stack = e.stack;
    (out as Error & { cause?: unknown }).cause = error;
    return out;
  }
  return new Error(`script threw a non-error value: ${String(error)}`);
}

/**
 * Loads the built script into a fresh vm context for one execution.
 *
 * @example
 * const sim = createSimulator({ timeZone: "Asia/Shanghai" });
 * const menu = loadBundle({ simulator: sim, context: { kind: "manual", user: "alice" } });
 * menu.call("installSchedule");
 * const trigger = loadBundle({ simulator: sim, context: { kind: "trigger", triggerUid: sim.triggerList()[0].uid, user: "alice" } });
 * trigger.fireTrigger();
 */
export function loadBundle(options: LoadBundleOptions): LoadedBundle {
  const sim = options.simulator;
  const distDir = options.distDir ?? "dist";
  if (!options.sources) loadDistExtras(sim, distDir);
  const sources = options.sources ?? readBundleSources(distDir);

  const context = vm.createContext({}, { name: "apps-script", codeGeneration: { strings: true, wasm: false } });
  for (const name of options.removeGlobals ?? DEFAULT_REMOVED)
    vm.runInContext(`delete globalThis[${JSON.stringify(name)}];`, context);
  vm.runInContext(`delete globalThis.console;`, context);
  installContextDate(context, {
    now: () => sim.now(),
    timeZone: options.localTimeZone === "host" ? null : sim.scriptTimeZone,
  });

  const realm = vm.runInContext(
    `({ Date: Date, Error: Error, Array: Array, Object: Object,
        wrapFunction: function (fn) { return function () { return fn.apply(undefined, Array.prototype.slice.call(arguments)); }; } })`,
    context,
  ) as Realm;
  const execution = sim.startExecution(options.context ?? { kind: "manual" }, realm);
  const globals = execution.globals as AppsScriptGlobals;
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(context, name, { value, writable: true, enumerable: false, configurable: true });
  }
  const before = new Set(Object.getOwnPropertyNames(context));
  for (const source of sources) vm.runInContext(source.code, context, { filename: source.name });
  const added = Object.getOwnPropertyNames(context)
    .filter((n) => !before.has(n))
    .sort();

  const toContext = <T>(value: T): T => importValue(realm, value) as T;
  const lookup = (name: string): ((...args: unknown[]) => unknown) => {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`loadBundle: not a function name: ${name}`);
    const fn = vm.runInContext(`typeof ${name} === "function" ? ${name} : undefined`, context) as
      | ((...args: unknown[]) => unknown)
      | undefined;
    if (!fn) throw new Error(`loadBundle: the script defines no global function ${name}`);
    return fn;
  };
  const call = (name: string, ...args: unknown[]): unknown => {
    const fn = lookup(name);
    execution.startedAt = sim.now();
    try {
      return fn.apply(
        undefined,
        args.map((a) => toContext(a)),
      );
    } catch (error) {
      throw hostError(error);
    } finally {
      sim.locks.releaseAll(execution);
    }
  };
  const contextJson = vm.runInContext("JSON", context) as JSON;
  const triggerEvent = (triggerUid?: string): unknown => {
    const uid = triggerUid ?? execution.context.triggerUid;
    if (!uid)
      throw new Error("loadBundle: no triggerUid (give one, or load the bundle in a trigger context with triggerUid)");
    const p = wallParts(instantToWall(sim.now(), "UTC"));
    const jan1 = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
    const dayOfYear = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
    return toContext({
      authMode: "FULL",
      triggerUid: uid,
      year: p.year,
      month: p.month,
      "day-of-month": p.day,
      "day-of-week": p.weekday === 0 ? 7 : p.weekday,
      "week-of-year": Math.floor((dayOfYear - 1 + jan1) / 7) + 1,
      hour: p.hour,
      minute: p.minute,
      second: p.second,
      timezone: "UTC",
    });
  };
  return {
    context,
    globals: added,
    execution,
    call,
    callJson(name: string, ...args: unknown[]): unknown {
      const result = call(name, ...args);
      if (result === undefined) return undefined;
      const text = contextJson.stringify(result);
      return text === undefined ? undefined : JSON.parse(text);
    },
    toContext,
    triggerEvent,
    fireTrigger(triggerUid?: string): unknown {
      const uid = triggerUid ?? execution.context.triggerUid;
      const trigger = uid ? sim.triggers.byUid(uid) : undefined;
      if (!trigger) throw new Error(`loadBundle: no installed trigger ${uid ?? "(none given)"}`);
      return call(trigger.handler, triggerEvent(uid ?? undefined));
    },
    evaluate(code: string): unknown {
      return vm.runInContext(code, context);
    },
    end(): void {
      sim.endExecution(execution);
    },
  };
}
