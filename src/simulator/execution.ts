/**
 * Executions: one Apps Script run (a menu click, a sidebar call, a trigger
 * firing). An execution has a context (who runs it, in which auth mode, with
 * or without an active document), a realm to create values in, and the locks
 * it holds. Service objects handed to the script are wrapped by
 * {@link exposeService} so every call is logged, can be refused by the
 * context's permissions and can fail by fault injection.
 */
import { type CallKind, SERVICE_TAG } from "./call-log";
import type { Realm } from "./realm";

/**
 * What an execution itself needs from whatever runs it: the simulated time and
 * the gate every service call passes (logged, permission-checked,
 * fault-injected). The Simulator implements it.
 */
export interface ExecutionHost {
  now(): number;
  invoke(x: Execution, service: string, method: string, kind: CallKind, args: unknown[], run: () => unknown): unknown;
}

/**
 * The simulator's state as the services reach it through their execution
 * (`x.sim.locks`, `x.sim.ui`). Empty here and filled in by simulator.ts
 * (`declare module "./execution"`), so that this file, which every service
 * imports, does not import the simulator, which imports every service.
 */
// biome-ignore lint/suspicious/noEmptyInterface: declaration merging in simulator.ts fills it in
export interface ServiceHost {}

/** Apps Script's ScriptApp.AuthMode values the simulator knows. */
type AuthModeName = "FULL" | "LIMITED" | "NONE" | "CUSTOM_FUNCTION";

/**
 * Who runs and how:
 * - `manual`: a menu item, a sidebar call or a simple trigger in a document
 *   (active spreadsheet, document lock, document properties available).
 *   `authMode: "NONE"` (an add-on's onOpen before it is enabled): only the Ui,
 *   HtmlService, Logger and Utilities work; every other call throws.
 *   `authMode: "LIMITED"`: the active document works, openById and trigger
 *   management throw.
 * - `trigger`: an installable time-driven trigger: no active spreadsheet
 *   (null), no Ui (throws), no document lock/properties/cache (null).
 * - `customFunction`: a cell formula: reads work, writes throw, no Ui.
 */
export type ContextSpec =
  | { kind: "manual"; authMode?: "FULL" | "LIMITED" | "NONE"; user?: string }
  | { kind: "trigger"; triggerUid?: string; user?: string }
  | { kind: "customFunction"; user?: string };

/** A context with defaults filled in. */
export interface ResolvedContext {
  kind: ContextSpec["kind"];
  authMode: AuthModeName;
  user: string;
  triggerUid: string | null;
}

/**
 * Fills in a context's defaults (user: the simulator's default user).
 *
 * @example
 * resolveContext({ kind: "trigger" }, "alice"); // { kind: "trigger", authMode: "FULL", user: "alice", triggerUid: null }
 */
export function resolveContext(spec: ContextSpec, defaultUser: string): ResolvedContext {
  switch (spec.kind) {
    case "manual":
      return { kind: "manual", authMode: spec.authMode ?? "FULL", user: spec.user ?? defaultUser, triggerUid: null };
    case "trigger":
      return { kind: "trigger", authMode: "FULL", user: spec.user ?? defaultUser, triggerUid: spec.triggerUid ?? null };
    case "customFunction":
      return { kind: "customFunction", authMode: "CUSTOM_FUNCTION", user: spec.user ?? defaultUser, triggerUid: null };
    default:
      throw new Error(`simulator: unknown context kind ${(spec as { kind: string }).kind}`);
  }
}

const NONE_ALLOWED: Record<string, "all" | Set<string>> = {
  SpreadsheetApp: new Set(["getUi", "newDataValidation"]),
  Ui: "all",
  Menu: "all",
  HtmlService: "all",
  HtmlOutput: "all",
  HtmlTemplate: "all",
  Logger: "all",
  console: "all",
  Utilities: "all",
  Session: new Set(["getScriptTimeZone", "getActiveUserLocale"]),
};

const LIMITED_DENIED = new Set([
  "SpreadsheetApp.openById",
  "SpreadsheetApp.openByUrl",
  "ScriptApp.newTrigger",
  "ScriptApp.getProjectTriggers",
  "ScriptApp.getUserTriggers",
  "ScriptApp.deleteTrigger",
]);

const DOCUMENT_SERVICES = new Set([
  "Spreadsheet",
  "Sheet",
  "Range",
  "Protection",
  "DeveloperMetadata",
  "EmbeddedChart",
]);

/**
 * The message of the error a context's permissions raise for a call, or null
 * when the call is allowed.
 *
 * @example
 * deniedMessage(resolveContext({ kind: "manual", authMode: "NONE" }, "a"), "PropertiesService", "getScriptProperties", "other");
 * // "You do not have permission to call PropertiesService.getScriptProperties"
 */
export function deniedMessage(
  context: ResolvedContext,
  service: string,
  method: string,
  kind: CallKind,
): string | null {
  const denied = `You do not have permission to call ${service}.${method}`;
  if (context.authMode === "NONE") {
    const allowed = NONE_ALLOWED[service];
    if (allowed === "all" || allowed?.has(method)) return null;
    return denied;
  }
  if (context.authMode === "LIMITED") return LIMITED_DENIED.has(`${service}.${method}`) ? denied : null;
  if (context.authMode === "CUSTOM_FUNCTION") {
    if (service === "SpreadsheetApp" && (method === "openById" || method === "openByUrl")) return denied;
    if (service === "ScriptApp" && method !== "getScriptId") return denied;
    if (kind === "write" && (DOCUMENT_SERVICES.has(service) || service === "Properties" || service === "Cache"))
      return denied;
    if (service === "Ui" || service === "Menu") return denied;
  }
  return null;
}

/**
 * One execution of the script.
 *
 * @example
 * const execution = sim.startExecution({ kind: "manual" });
 * execution.globals.SpreadsheetApp.getActiveSpreadsheet();
 */
export class Execution {
  readonly id: number;
  readonly context: ResolvedContext;
  readonly realm: Realm;
  readonly sim: ExecutionHost & ServiceHost;
  /** Simulated time the execution (or its current top-level call) started. */
  startedAt: number;
  /** Keys of the locks this execution holds (see lock.ts). */
  readonly heldLocks = new Set<string>();
  /**
   * Set once the execution ran out of time: every later call throws
   * "Exceeded maximum execution time", so a `finally` writes nothing (on
   * Apps Script no `finally` runs at all). A new execution is not affected.
   */
  killed = false;

  constructor(sim: ExecutionHost & ServiceHost, id: number, context: ResolvedContext, realm: Realm) {
    this.sim = sim;
    this.id = id;
    this.context = context;
    this.realm = realm;
    this.startedAt = sim.now();
  }

  /** An Apps Script-like exception created in the script's realm. */
  exception(message: string): Error {
    const error = new this.realm.Error(message);
    Object.defineProperty(error, "name", { value: "Exception", writable: true, configurable: true, enumerable: false });
    return error;
  }

  /** Wraps a service object for this execution (see {@link exposeService}). */
  expose<T extends object>(service: string, target: T, kinds: ServiceKinds = {}): T {
    return exposeService(this, service, target, kinds);
  }
}

/** Per-method call kinds of a service; methods not listed are "other". */
export type ServiceKinds = Readonly<Record<string, CallKind>>;

/**
 * Wraps a service object so the script sees only its public methods (fields
 * and methods whose names start with `_` are hidden) and enum properties.
 * Every method call goes through `Simulator.invoke`: logged, permission
 * checked, fault-injected; results are rebuilt in the script's realm and
 * errors become script-realm exceptions.
 *
 * @example
 * const range = execution.expose("Range", new RangeService(execution, sheet, rect), RANGE_KINDS);
 */
function exposeService<T extends object>(
  execution: Execution,
  service: string,
  target: T,
  kinds: ServiceKinds = {},
): T {
  const existing = proxies.get(target);
  if (existing) return existing as T;
  const wrappers = new Map<string, (...args: unknown[]) => unknown>();
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (prop === SERVICE_TAG) return service;
      if (typeof prop === "symbol") return prop === Symbol.toStringTag ? service : undefined;
      if (prop.startsWith("_") || prop === "constructor") return undefined;
      if (!(prop in t)) return undefined;
      const value: unknown =
        prop === "toString" && (t as { toString: unknown }).toString === Object.prototype.toString
          ? () => service
          : Reflect.get(t, prop);
      if (typeof value !== "function") return value;
      let wrapper = wrappers.get(prop);
      if (!wrapper) {
        const fn = value as (...args: unknown[]) => unknown;
        const kind: CallKind = Object.prototype.hasOwnProperty.call(kinds, prop) ? kinds[prop] : "other";
        const host = (...args: unknown[]): unknown =>
          execution.sim.invoke(execution, service, prop, kind, args, () => fn.apply(t, args));
        wrapper = execution.realm.wrapFunction ? execution.realm.wrapFunction(host) : host;
        wrappers.set(prop, wrapper);
      }
      return wrapper;
    },
    getPrototypeOf() {
      return null;
    },
    has(t, prop) {
      return typeof prop === "string" && !prop.startsWith("_") && prop !== "constructor" && prop in t;
    },
    ownKeys(t) {
      return Reflect.ownKeys(t).filter((k) => typeof k === "string" && !k.startsWith("_"));
    },
    set() {
      return true;
    },
    defineProperty() {
      return true;
    },
    deleteProperty() {
      return true;
    },
  });
  targets.set(proxy, target);
  proxies.set(target, proxy);
  return proxy;
}

const targets = new WeakMap<object, object>();
const proxies = new WeakMap<object, object>();

/**
 * The simulator object behind a service object the script passes back (a
 * rule to `setDataValidation`, a trigger to `deleteTrigger`), when it is an
 * instance of `type`; otherwise null.
 *
 * @example
 * const rule = unwrapService(arg, DataValidationService); // null for anything else
 */
export function unwrapService<T>(value: unknown, type: abstract new (...args: never[]) => T): T | null {
  if (value === null || typeof value !== "object") return null;
  const target = targets.get(value) ?? value;
  return target instanceof type ? (target as T) : null;
}
