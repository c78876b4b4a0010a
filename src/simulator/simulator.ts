/**
 * The simulator: the state of one spreadsheet, its script's stores, locks,
 * triggers and Ui, a clock, a call log and fault injection; and the Apps
 * Script globals for any execution context.
 */
import { type BigQueryGlobal, BigQueryState, bigQueryGlobal } from "./bigquery";
import { copyServiceErrorFields } from "./bigquery-errors";
import { CacheState, cacheService } from "./cache";
import { type CallFilter, type CallRecord, cellsIn, matchesCall, summarizeArgs } from "./call-log";
import type { CallKind } from "./call-log";
import { CHARTS_GLOBAL } from "./charts";
import { type InstantInput, SimClock, toEpochMs } from "./clock";
import { type ContextSpec, Execution, type ExecutionHost, deniedMessage, resolveContext } from "./execution";
import { Faults, KILL_MESSAGE, type LatencyModel, latencyOf } from "./faults";
import { HtmlServiceFacade } from "./html";
import { LockState, lockKey, lockService } from "./lock";
import type { ServiceScope } from "./scoped-service";
import { ConsoleFacade, type LogEntry, LoggerFacade } from "./logger";
import { ScopeState } from "./oauth-scopes";
import { PropertiesState, propertiesService } from "./properties";
import { HOST_REALM, type Realm, importValue } from "./realm";
import { SessionFacade } from "./session";
import { type SheetModel, SpreadsheetModel } from "./sheet-model";
import {
  type CellInput,
  type SnapshotCell,
  type SpreadsheetSnapshot,
  sheetValues,
  snapshotSpreadsheet,
  writeFixture,
} from "./snapshot";
import { SpreadsheetAppFacade } from "./spreadsheet-app";
import { assertTimeZone } from "./time-zone";
import { SCRIPT_APP_KINDS, ScriptAppFacade, TriggerState } from "./triggers";
import { type UiResponse, UiState } from "./ui";
import { UtilitiesFacade, seededRandom } from "./utilities";

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /** Simulated now (default 2026-01-15T12:00:00Z). Strings need an explicit offset. */
  now?: InstantInput;
  /** The spreadsheet's time zone (default "UTC"). */
  timeZone?: string;
  /** The spreadsheet's locale (default "en_US"); decides how typed strings parse. */
  locale?: string;
  /** The script's time zone (Session.getScriptTimeZone and the vm Date's local time). Default: the manifest's (loader) or "UTC". */
  scriptTimeZone?: string;
  /** The default user running executions (default "user1"). Users are opaque names. */
  user?: string;
  /** The spreadsheet's owner (default: `user`); the owner may edit through any protection. */
  owner?: string;
  /** Default "sim-spreadsheet-0001". */
  spreadsheetId?: string;
  /** Default "Sales Scorecard test". */
  spreadsheetName?: string;
  /** Initial sheets, in order (default one empty "Sheet1"). Values as in `setSheetValues`. */
  sheets?: Record<string, CellInput[][]>;
  /** HTML files by name without ".html" (the loader adds dist/*.html). */
  htmlFiles?: Record<string, string>;
  /** Seed of getUuid and temporary user keys (default 1). */
  seed?: number;
  /**
   * "strict" (default, as Sheets): getRange past the grid throws "The
   * coordinates of the range are outside the dimensions of the sheet.";
   * "grow": ranges may pass the grid and writes grow it.
   */
  grid?: "strict" | "grow";
  /** Enforce add-on trigger rules (one trigger per event type per user per document, at most hourly). Default true. */
  addOn?: boolean;
  /** Session.getActiveUserLocale() per user (default: the spreadsheet locale's language). */
  userLocales?: Record<string, string>;
  /** Simulated ms each service call takes (a number, or per call). Default 0. Adds to `latency`. */
  callCostMs?: number | ((call: CallRecord) => number);
  /**
   * How long each service call takes in simulated time: a fixed part per
   * call and a part per cell the call moves (cells of a 2-D array argument
   * or result), or a function of the call and its cells. Default none.
   */
  latency?: LatencyModel;
  /**
   * Kill an execution (Apps Script's 6-minute limit: {@link SCRIPT_RUN_LIMIT_MS})
   * once its simulated time would pass this. Off by default.
   */
  executionTimeLimitMs?: number;
  /** Session users' getEmail() returns the user name instead of "" (as with the email scope). Default false. */
  revealEmails?: boolean;
  /** ScriptApp.getScriptId() (default "sim-script-0001"). */
  scriptId?: string;
  /** Also print Logger/console lines to the test's console (default false). */
  echoLogs?: boolean;
}

/** Resolved options. */
export interface ResolvedSimulatorOptions {
  timeZone: string;
  locale: string;
  user: string;
  owner: string;
  spreadsheetId: string;
  spreadsheetName: string;
  seed: number;
  grid: "strict" | "grow";
  addOn: boolean;
  userLocales: Record<string, string>;
  callCostMs: number | ((call: CallRecord) => number);
  latency: LatencyModel;
  executionTimeLimitMs: number | undefined;
  revealEmails: boolean;
  scriptId: string;
  echoLogs: boolean;
}

/** The Apps Script globals one execution sees. */
export interface AppsScriptGlobals {
  SpreadsheetApp: SpreadsheetAppFacade;
  PropertiesService: ReturnType<typeof propertiesService>;
  LockService: ReturnType<typeof lockService>;
  ScriptApp: ScriptAppFacade;
  HtmlService: HtmlServiceFacade;
  Session: SessionFacade;
  Utilities: UtilitiesFacade;
  CacheService: ReturnType<typeof cacheService>;
  Logger: LoggerFacade;
  console: ConsoleFacade;
  Charts: typeof CHARTS_GLOBAL;
  BigQuery: BigQueryGlobal;
}

declare module "./execution" {
  /** The services see the whole simulator through their execution. */
  interface ServiceHost extends Simulator {}
}

/**
 * The in-memory Apps Script world.
 *
 * @example
 * const sim = new Simulator({ timeZone: "Asia/Shanghai" });
 * const { SpreadsheetApp } = sim.globals({ kind: "manual" });
 */
export class Simulator implements ExecutionHost {
  readonly options: ResolvedSimulatorOptions;
  readonly clock: SimClock;
  readonly spreadsheet: SpreadsheetModel;
  readonly properties = new PropertiesState();
  readonly caches = new CacheState();
  readonly locks = new LockState();
  readonly triggers = new TriggerState();
  readonly ui = new UiState();
  readonly faults = new Faults();
  /** The BigQuery stand-in's tables, jobs and armed failures (see bigquery.ts). */
  readonly bigQuery = new BigQueryState();
  /** Scopes users declined under granular consent, and the consent prompts shown. */
  readonly scopes = new ScopeState();
  readonly htmlFiles = new Map<string, string>();
  /** Every service call, in order. */
  calls: CallRecord[] = [];
  /** Every Logger/console line, in order. */
  logs: LogEntry[] = [];
  /** The script time zone; `scriptTimeZoneGiven` tells whether the options set it. */
  scriptTimeZone: string;
  readonly scriptTimeZoneGiven: boolean;
  /** Random source of getUuid. */
  readonly random: () => number;
  private nextExecution = 1;
  private readonly executions = new Map<number, Execution>();

  constructor(options: SimulatorOptions = {}) {
    const user = options.user ?? "user1";
    this.options = {
      timeZone: assertTimeZone(options.timeZone ?? "UTC"),
      locale: options.locale ?? "en_US",
      user,
      owner: options.owner ?? user,
      spreadsheetId: options.spreadsheetId ?? "sim-spreadsheet-0001",
      spreadsheetName: options.spreadsheetName ?? "Sales Scorecard test",
      seed: options.seed ?? 1,
      grid: options.grid ?? "strict",
      addOn: options.addOn ?? true,
      userLocales: options.userLocales ?? {},
      callCostMs: options.callCostMs ?? 0,
      latency: options.latency ?? {},
      executionTimeLimitMs: options.executionTimeLimitMs,
      revealEmails: options.revealEmails ?? false,
      scriptId: options.scriptId ?? "sim-script-0001",
      echoLogs: options.echoLogs ?? false,
    };
    this.clock = new SimClock(options.now);
    this.scriptTimeZone = assertTimeZone(options.scriptTimeZone ?? "UTC");
    this.scriptTimeZoneGiven = options.scriptTimeZone !== undefined;
    this.random = seededRandom(this.options.seed);
    this.spreadsheet = new SpreadsheetModel({
      id: this.options.spreadsheetId,
      name: this.options.spreadsheetName,
      timeZone: this.options.timeZone,
      locale: this.options.locale,
      owner: this.options.owner,
    });
    const sheets = options.sheets ?? { Sheet1: [] };
    for (const [name, values] of Object.entries(sheets)) writeFixture(this.spreadsheet, name, values, this.clock.now());
    if (this.spreadsheet.sheets.length === 0) this.spreadsheet.addSheet("Sheet1");
    for (const [name, html] of Object.entries(options.htmlFiles ?? {}))
      this.htmlFiles.set(name.replace(/\.html$/, ""), html);
  }

  // ---- executions

  /**
   * Starts an execution: a context and the realm its values are made in (the
   * host's by default; the loader passes the vm context's).
   */
  startExecution(spec: ContextSpec, realm: Realm = HOST_REALM): Execution & { globals: AppsScriptGlobals } {
    const execution = new Execution(
      this,
      this.nextExecution++,
      resolveContext(spec, this.options.user),
      realm,
    ) as Execution & { globals: AppsScriptGlobals };
    execution.globals = this.buildGlobals(execution);
    this.executions.set(execution.id, execution);
    return execution;
  }

  /** The Apps Script globals of a new execution in the host realm (tests calling services directly). */
  globals(spec: ContextSpec = { kind: "manual" }, realm: Realm = HOST_REALM): AppsScriptGlobals {
    return this.startExecution(spec, realm).globals;
  }

  /** Ends an execution: releases the locks it holds (Apps Script does so when a script stops). */
  endExecution(execution: Execution): void {
    this.locks.releaseAll(execution);
    this.executions.delete(execution.id);
  }

  private buildGlobals(x: Execution): AppsScriptGlobals {
    return {
      SpreadsheetApp: x.expose("SpreadsheetApp", new SpreadsheetAppFacade(x), {
        newDataValidation: "other",
        openById: "other",
      }),
      PropertiesService: x.expose("PropertiesService", propertiesService(x)),
      LockService: x.expose("LockService", lockService(x)),
      ScriptApp: x.expose("ScriptApp", new ScriptAppFacade(x), SCRIPT_APP_KINDS),
      HtmlService: x.expose("HtmlService", new HtmlServiceFacade(x)),
      Session: x.expose("Session", new SessionFacade(x)),
      Utilities: x.expose("Utilities", new UtilitiesFacade(x)),
      CacheService: x.expose("CacheService", cacheService(x)),
      Logger: x.expose("Logger", new LoggerFacade(x)),
      console: x.expose("console", new ConsoleFacade(x)),
      Charts: CHARTS_GLOBAL,
      BigQuery: bigQueryGlobal(x),
    };
  }

  /**
   * Runs one service call for an execution: logs it, applies death, the
   * context's permissions and armed failures, charges its simulated cost
   * (a write before it runs, a read once its result's size is known), runs
   * it, rebuilds the result in the script's realm and turns errors into
   * script-realm exceptions. A call whose cost would take the execution past
   * its time limit is killed instead: it throws, a write does not land, and
   * every later call of that execution throws too.
   */
  invoke(x: Execution, service: string, method: string, kind: CallKind, args: unknown[], run: () => unknown): unknown {
    const record: CallRecord = {
      seq: this.calls.length + 1,
      execution: x.id,
      context: x.context.kind,
      service,
      method,
      kind,
      args: summarizeArgs(args),
      at: this.clock.now(),
    };
    this.calls.push(record);
    const fail = (message: string): Error => {
      record.error = message;
      const error = x.exception(message);
      simExceptions.add(error);
      return error;
    };
    if (this.faults.dead || x.killed) throw fail(KILL_MESSAGE);
    const denied = deniedMessage(x.context, service, method, kind);
    if (denied) throw fail(denied);
    const failure = this.faults.takeFailure(service, method);
    if (failure !== null) throw fail(failure);
    if (this.faults.countAndCheckDeath(kind)) throw fail(KILL_MESSAGE);
    const argCells = cellsIn(args);
    if (kind !== "read" && !this.charge(x, record, argCells)) throw fail(KILL_MESSAGE);
    let result: unknown;
    try {
      result = run();
    } catch (error) {
      if (kind === "read") this.charge(x, record, argCells);
      if (error !== null && typeof error === "object" && simExceptions.has(error)) throw error;
      const thrown = fail(error instanceof Error ? error.message : String(error));
      copyServiceErrorFields(error, thrown, (value) => importValue(x.realm, value));
      throw thrown;
    }
    if (kind === "read" && !this.charge(x, record, argCells + cellsIn([result]))) throw fail(KILL_MESSAGE);
    return importValue(x.realm, result);
  }

  /**
   * Advances the clock by a call's cost; false (the execution is killed, the
   * clock stands at the moment of the kill) when that passes the time limit.
   */
  private charge(x: Execution, record: CallRecord, cells: number): boolean {
    const fixed =
      typeof this.options.callCostMs === "function" ? this.options.callCostMs(record) : this.options.callCostMs;
    const cost = fixed + latencyOf(this.options.latency, record, cells);
    const limit = this.options.executionTimeLimitMs;
    if (limit !== undefined && this.clock.now() + cost - x.startedAt > limit) {
      this.clock.set(Math.max(this.clock.now(), x.startedAt + limit));
      x.killed = true;
      return false;
    }
    if (cost > 0) this.clock.advance(cost);
    return true;
  }

  /** The document an execution runs in (null in a time-driven trigger). */
  documentIdOf(x: Execution): string | null {
    return x.context.kind === "trigger" ? null : this.spreadsheet.id;
  }

  /** The document the running trigger was created from (trigger contexts), or null. */
  triggerDocumentOf(x: Execution): string | null {
    return x.context.triggerUid ? (this.triggers.byUid(x.context.triggerUid)?.documentId ?? null) : null;
  }

  /** Session.getActiveUserLocale() of a user. */
  userLocaleOf(user: string): string {
    return this.options.userLocales[user] ?? this.spreadsheet.locale.split("_")[0];
  }

  /** Records a log line. */
  recordLog(x: Execution, source: LogEntry["source"], level: LogEntry["level"], message: string): void {
    this.logs.push({ source, level, message, execution: x.id, at: this.clock.now() });
    if (this.options.echoLogs) console.log(`[${source}.${level} #${x.id}] ${message}`);
  }

  // ---- clock

  /** Epoch ms of the simulated now. */
  now(): number {
    return this.clock.now();
  }
  /** Sets the simulated now (Date, epoch ms, or ISO string with an offset). */
  setNow(value: InstantInput): void {
    this.clock.set(value);
  }
  /** Advances the simulated clock. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  // ---- call log

  /** Calls matching a filter or predicate. */
  callsMatching(filter: CallFilter | ((call: CallRecord) => boolean) = {}): CallRecord[] {
    return this.calls.filter((c) => matchesCall(c, filter));
  }
  /** How many calls match a filter or predicate. */
  countCalls(filter: CallFilter | ((call: CallRecord) => boolean) = {}): number {
    return this.callsMatching(filter).length;
  }
  /** Empties the call log. */
  resetCalls(): void {
    this.calls = [];
  }

  // ---- faults

  /** The k-th write from now throws "Exceeded maximum execution time", and every call after it too, until revive(). */
  dieAtWrite(k: number): void {
    this.faults.dieAtWrite(k);
  }
  /** Clears a death (and an armed one); releases the locks of executions still registered. */
  revive(): void {
    if (this.faults.dead) for (const x of this.executions.values()) this.locks.releaseAll(x);
    this.faults.revive();
  }
  /** True after a death and before revive(). */
  get dead(): boolean {
    return this.faults.dead;
  }
  /** The next `times` calls of service.method (e.g. "Range", "setValues") throw `message`. */
  failOn(service: string, method: string, message = `Service error: ${service}.${method}`, times = 1): void {
    this.faults.failOn(service, method, message, times);
  }
  /** Makes a lock busy as if another execution held it, for `forMs` of simulated time or until releaseHeldLock. */
  holdLock(scope: ServiceScope, options: { user?: string; forMs?: number } = {}): void {
    const key = lockKey(scope, options.user ?? this.options.user, this.spreadsheet.id);
    this.locks.holds.set(key, {
      holder: "external",
      until: options.forMs === undefined ? null : this.clock.now() + options.forMs,
    });
  }
  /** Releases a lock taken with holdLock. */
  releaseHeldLock(scope: ServiceScope, options: { user?: string } = {}): void {
    const key = lockKey(scope, options.user ?? this.options.user, this.spreadsheet.id);
    if (this.locks.holds.get(key)?.holder === "external") this.locks.holds.delete(key);
  }
  /** True when a lock is held by anyone. */
  isLockHeld(scope: ServiceScope, options: { user?: string } = {}): boolean {
    return (
      this.locks.current(lockKey(scope, options.user ?? this.options.user, this.spreadsheet.id), this.clock.now()) !==
      undefined
    );
  }

  // ---- ui

  /** Queues answers for the next alerts/prompts (in order). */
  queueUiResponse(...responses: UiResponse[]): void {
    this.ui.responses.push(...responses);
  }

  // ---- sheets

  /** The model of a sheet (throws when missing). */
  sheetModel(name: string): SheetModel {
    const sheet = this.spreadsheet.sheetByName(name);
    if (!sheet) throw new Error(`simulator: no sheet named "${name}"`);
    return sheet;
  }
  /** Writes fixture cells (see CellInput) into a sheet, creating it when missing; not logged. */
  setSheetValues(name: string, values: CellInput[][], options: { startRow?: number; startColumn?: number } = {}): void {
    writeFixture(this.spreadsheet, name, values, this.clock.now(), options.startRow ?? 1, options.startColumn ?? 1);
  }
  /** The stored values of a sheet's data range, JSON-safe (dates `{ date }` as wall clocks, formulas `{ formula }`). */
  sheetValues(name: string): SnapshotCell[][] {
    return sheetValues(this.sheetModel(name));
  }
  /** Names of the sheets, in order. */
  sheetNames(): string[] {
    return this.spreadsheet.sheets.map((s) => s.name);
  }
  /** JSON-safe snapshot of the whole spreadsheet. */
  snapshot(): SpreadsheetSnapshot {
    return snapshotSpreadsheet(this.spreadsheet);
  }
  /** Installed triggers, JSON-safe. */
  triggerList(): {
    uid: string;
    handler: string;
    eventType: string;
    user: string;
    documentId: string | null;
    schedule: Record<string, string | number>;
  }[] {
    return this.triggers.list.map((t) => ({
      uid: t.uid,
      handler: t.handler,
      eventType: t.eventType,
      user: t.user,
      documentId: t.documentId,
      schedule: { ...t.schedule },
    }));
  }
  /** Log messages, optionally of one level. */
  logMessages(level?: LogEntry["level"]): string[] {
    return this.logs.filter((l) => level === undefined || l.level === level).map((l) => l.message);
  }
  /** Epoch ms from an InstantInput (helper for tests). */
  static instant(value: InstantInput): number {
    return toEpochMs(value);
  }
}

const simExceptions = new WeakSet<object>();
