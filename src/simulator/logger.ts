/** Logger and console: every line is recorded in `sim.logs` (tests check what logs carry). */
import type { Execution } from "./execution";
import { dateMs, isDateLike } from "./realm";

/** One log line. */
export interface LogEntry {
  source: "Logger" | "console";
  level: "log" | "info" | "warn" | "error" | "debug";
  message: string;
  execution: number;
  at: number;
}

/**
 * Renders one logged value as Apps Script's log viewer would, roughly.
 *
 * @example
 * formatLogValue({ a: 1 }); // '{"a":1}'
 */
function formatLogValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (
    value instanceof Error ||
    (value && typeof value === "object" && "message" in value && "name" in value && "stack" in value)
  ) {
    const e = value as Error;
    return `${e.name}: ${e.message}`;
  }
  if (isDateLike(value)) return Number.isFinite(dateMs(value)) ? new Date(dateMs(value)).toISOString() : "Invalid Date";
  if (value !== null && typeof value === "object") {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Logger.
 *
 * @example
 * Logger.log("rows: %s", 12);
 */
export class LoggerFacade {
  constructor(readonly _x: Execution) {}

  log(format: unknown, ...values: unknown[]): this {
    let message = formatLogValue(format);
    if (values.length > 0 && typeof format === "string" && format.includes("%s")) {
      let i = 0;
      message = format.replace(/%s/g, () => (i < values.length ? formatLogValue(values[i++]) : "%s"));
    } else if (values.length > 0) message = [message, ...values.map(formatLogValue)].join(" ");
    this._x.sim.recordLog(this._x, "Logger", "log", message);
    return this._x.expose("Logger", this);
  }
  clear(): void {}
  getLog(): string {
    return this._x.sim.logs
      .filter((l) => l.source === "Logger" && l.execution === this._x.id)
      .map((l) => l.message)
      .join("\n");
  }
}

/**
 * console, recorded.
 *
 * @example
 * console.warn("run refused: already running");
 */
export class ConsoleFacade {
  constructor(readonly _x: Execution) {}

  _log(level: LogEntry["level"], args: unknown[]): void {
    this._x.sim.recordLog(this._x, "console", level, args.map(formatLogValue).join(" "));
  }

  log(...args: unknown[]): void {
    this._log("log", args);
  }
  info(...args: unknown[]): void {
    this._log("info", args);
  }
  warn(...args: unknown[]): void {
    this._log("warn", args);
  }
  error(...args: unknown[]): void {
    this._log("error", args);
  }
  debug(...args: unknown[]): void {
    this._log("debug", args);
  }
}
