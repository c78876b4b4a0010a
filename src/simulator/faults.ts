/**
 * Fault injection: death at the k-th write, one-off failures, and the
 * latency model that moves the clock so the 6-minute kill can happen.
 */
import type { CallKind, CallRecord } from "./call-log";

/** The message Apps Script gives when it kills an execution that ran too long. */
export const KILL_MESSAGE = "Exceeded maximum execution time";

/** Apps Script kills a run after 6 minutes: the `executionTimeLimitMs` that models the platform. */
export const SCRIPT_RUN_LIMIT_MS = 6 * 60_000;

/**
 * Services whose calls reach no server and take no time in the object form
 * of a latency model: logging (buffered by Apps Script) and builders (a
 * chart, a validation rule or a trigger is built in the script and sent by
 * the one call that uses it).
 */
export const LOCAL_SERVICES: readonly string[] = [
  "console",
  "Logger",
  "EmbeddedChartBuilder",
  "DataValidationBuilder",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
  "TriggerBuilder",
];

/**
 * How long a service call takes in simulated time: `perCallMs` for every
 * call (but those of `local` services, default {@link LOCAL_SERVICES}) plus
 * `perCellMs` for each cell it moves; or a function of the call and the
 * cells it moves, which charges whatever it returns.
 */
export type LatencyModel =
  | { perCallMs?: number; perCellMs?: number; local?: readonly string[] }
  | ((call: CallRecord, cells: number) => number);

/**
 * The simulated ms one call takes under a latency model.
 *
 * @example
 * latencyOf({ perCallMs: 1000, perCellMs: 0.25 }, call, 4000); // 2000
 */
export function latencyOf(model: LatencyModel, call: CallRecord, cells: number): number {
  if (typeof model !== "function" && (model.local ?? LOCAL_SERVICES).includes(call.service)) return 0;
  const ms = typeof model === "function" ? model(call, cells) : (model.perCallMs ?? 0) + (model.perCellMs ?? 0) * cells;
  if (!(ms >= 0) || !Number.isFinite(ms))
    throw new Error(`simulator: a latency model gave ${ms} ms for ${call.service}.${call.method}`);
  return ms;
}

/** A one-off failure armed by `sim.failOn`. */
export interface ArmedFailure {
  service: string;
  method: string;
  message: string;
  /** How many more matching calls fail (default 1). */
  remaining: number;
}

/**
 * The fault state of a simulator.
 *
 * @example
 * const faults = new Faults();
 * faults.dieAtWrite(3);
 */
export class Faults {
  /** True once a death fired; cleared by revive(). */
  dead = false;
  private dieAt: number | null = null;
  private writes = 0;
  private failures: ArmedFailure[] = [];

  /** Arms death at the k-th write from now (k >= 1). */
  dieAtWrite(k: number): void {
    if (!Number.isInteger(k) || k < 1) throw new Error(`simulator: dieAtWrite needs an integer k >= 1, got ${k}`);
    this.dieAt = k;
    this.writes = 0;
  }

  /** Clears death and the armed death (a new execution may start). */
  revive(): void {
    this.dead = false;
    this.dieAt = null;
    this.writes = 0;
  }

  /** Arms a failure of the next `times` calls of service.method. */
  failOn(service: string, method: string, message: string, times = 1): void {
    this.failures.push({ service, method, message, remaining: times });
  }

  /** Clears armed one-off failures. */
  clearFailures(): void {
    this.failures = [];
  }

  /** The message of an armed failure this call triggers (consuming it), or null. */
  takeFailure(service: string, method: string): string | null {
    const failure = this.failures.find((f) => f.service === service && f.method === method && f.remaining > 0);
    if (!failure) return null;
    failure.remaining--;
    if (failure.remaining === 0) this.failures = this.failures.filter((f) => f !== failure);
    return failure.message;
  }

  /** Counts a call; true when it is the armed k-th write (the simulator dies). */
  countAndCheckDeath(kind: CallKind): boolean {
    if (kind !== "write" || this.dieAt === null) return false;
    this.writes++;
    if (this.writes < this.dieAt) return false;
    this.dead = true;
    this.dieAt = null;
    return true;
  }

  /** Writes counted since dieAtWrite was armed. */
  get writesSinceArmed(): number {
    return this.writes;
  }
}
