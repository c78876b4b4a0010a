/** The call log: one record per service call an execution makes. */

/** How a call touches state: reads of sheet data or stores, writes, or anything else. */
export type CallKind = "read" | "write" | "other";

/** Property holding the Apps Script class name of a simulated service object. */
export const SERVICE_TAG: unique symbol = Symbol("simulator.service");

/** One service call. */
export interface CallRecord {
  /** 1-based position in the log. */
  seq: number;
  /** Id of the execution that made the call. */
  execution: number;
  /** Kind of that execution's context ("manual", "trigger", "customFunction", "host"). */
  context: string;
  /** Apps Script class, e.g. "Range", "SpreadsheetApp", "Properties". */
  service: string;
  method: string;
  kind: CallKind;
  /** Short, JSON-safe summary of the arguments (2-D arrays as "[rows x cols]"). */
  args: string[];
  /** Simulated time of the call (epoch ms). */
  at: number;
  /** Set when the call threw: the message. */
  error?: string;
}

/** Selects calls: every given field must match (method may be a RegExp). */
export interface CallFilter {
  service?: string;
  method?: string | RegExp;
  kind?: CallKind;
  execution?: number;
  context?: string;
}

/**
 * True when a call matches a filter or predicate.
 *
 * @example
 * matchesCall(record, { service: "Range", method: /^set/ });
 */
export function matchesCall(record: CallRecord, filter: CallFilter | ((record: CallRecord) => boolean) = {}): boolean {
  if (typeof filter === "function") return filter(record);
  if (filter.service !== undefined && record.service !== filter.service) return false;
  if (
    filter.method !== undefined &&
    (typeof filter.method === "string" ? record.method !== filter.method : !filter.method.test(record.method))
  )
    return false;
  if (filter.kind !== undefined && record.kind !== filter.kind) return false;
  if (filter.execution !== undefined && record.execution !== filter.execution) return false;
  if (filter.context !== undefined && record.context !== filter.context) return false;
  return true;
}

function summarize(value: unknown, depth = 0): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? value.slice(0, 77) + "..." : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "function") return "function";
  if (Object.prototype.toString.call(value) === "[object Date]") {
    const ms = Date.prototype.getTime.call(value);
    return Number.isFinite(ms) ? `Date(${new Date(ms).toISOString()})` : "Date(invalid)";
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((row) => Array.isArray(row))) {
      const widths = new Set(value.map((row: unknown[]) => row.length));
      return `[${value.length} x ${widths.size === 1 ? [...widths][0] : [...widths].join("|")}]`;
    }
    if (depth > 0 || value.length > 10) return `[${value.length}]`;
    return `[${value.map((v) => summarize(v, depth + 1)).join(", ")}]`;
  }
  const service = (value as { [SERVICE_TAG]?: unknown })[SERVICE_TAG];
  if (typeof service === "string") return service;
  const tag = (value as { constructor?: { name?: string } }).constructor?.name;
  if (tag && tag !== "Object") return tag;
  return depth > 0
    ? "{...}"
    : `{${Object.keys(value as object)
        .slice(0, 8)
        .join(",")}}`;
}

/**
 * Summarizes call arguments for the log.
 *
 * @example
 * summarizeArgs([[[1, 2], [3, 4]]]); // ["[2 x 2]"]
 */
export function summarizeArgs(args: readonly unknown[]): string[] {
  return args.map((a) => summarize(a));
}

/**
 * Cells a call moves: the cells of each 2-D array among `values` (a write's
 * arguments, or a read's result wrapped in an array).
 *
 * @example
 * cellsIn([[[1, 2], [3, 4]], "x"]); // 4
 */
export function cellsIn(values: readonly unknown[]): number {
  let cells = 0;
  for (const value of values) {
    if (!Array.isArray(value) || value.length === 0 || !value.every((row) => Array.isArray(row))) continue;
    for (const row of value as unknown[][]) cells += row.length;
  }
  return cells;
}
