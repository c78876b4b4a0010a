/**
 * A synchronous bridge to DuckDB for the BigQuery stand-in. The simulator's
 * services are synchronous (as Apps Script's are) while @duckdb/node-api is
 * asynchronous, so DuckDB runs in a worker thread: the caller posts a
 * request with a port of its own, blocks on a shared flag (Atomics.wait)
 * until the worker has answered, then takes the answer off the port
 * (receiveMessageOnPort). The worker is unref'd, so it never keeps a test's
 * process alive.
 */
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageChannel, Worker, receiveMessageOnPort, threadId } from "node:worker_threads";

/** One value bound to a DuckDB named parameter: a string or a list of strings (the SQL casts them). */
export type BridgeParameter = string | null | readonly (string | null)[];

/** A query's answer: column names, DuckDB type names ("BIGINT", "DECIMAL(18,3)") and JSON-safe rows. */
export interface BridgeResult {
  names: string[];
  types: string[];
  rows: unknown[][];
}

/** What the worker is asked: a statement, a table to fill from string cells, or a view to define. */
type BridgeRequest =
  | { kind: "run"; sql: string; params: Record<string, BridgeParameter> }
  | { kind: "load"; table: string; columns: { name: string; type: string }[]; rows: (string | null)[][] }
  | { kind: "view"; table: string; select: string };

type BridgeReply = ({ ok: true } & BridgeResult) | { ok: false; message: string };

/**
 * How long a caller waits for DuckDB before giving up (a hung worker must not hang the test run); long
 * enough for `npm start --sales` over a file of 100M rows, whose aggregation takes minutes.
 */
const BRIDGE_TIMEOUT_MS = 900_000;

// Plain JavaScript: the worker evaluates it as is (Node 20 runs no TypeScript). Parameters arrive as strings
// or lists of strings; the SQL casts them. A loaded table is filled through a VARCHAR staging table and cast
// column by column, so every cell reaches DuckDB the way BigQuery's own text form would.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const duckdb = require(workerData.duckdbPath);
let connection;
const quote = (name) => '"' + String(name).replace(/"/g, '""') + '"';
const literal = (text) => "'" + String(text).replace(/'/g, "''") + "'";
async function connect() {
  if (!connection) {
    connection = await (await duckdb.DuckDBInstance.create(":memory:")).connect();
    await connection.run("SET TimeZone = 'UTC'");
    // DuckDB's default takes up to 80 % of RAM (15 GB peak over a 100M-row file); the answers are small.
    await connection.run("SET memory_limit = '1GB'");
    // Without its allocator's background threads DuckDB keeps what a query freed (about 500 MB after a 10M-row
    // scan) while the run goes on scoring; with them it is given back within seconds.
    await connection.run("SET allocator_background_threads = true");
    // A query over its cap spills to temp_directory, by default .tmp in the working folder: two runs from one
    // folder then removed each other's files (an IO error, or a crash). A folder of this worker's own instead.
    await connection.run("SET temp_directory = " + literal(workerData.tempDirectory));
  }
  return connection;
}
function bind(params) {
  const values = {};
  const types = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      values[name] = duckdb.listValue(value);
      types[name] = duckdb.LIST(duckdb.VARCHAR);
    } else {
      values[name] = value;
      types[name] = duckdb.VARCHAR;
    }
  }
  return { values, types };
}
// A name is a table (setTable) or a view (setFileTable); DROP TABLE refuses a view and DROP VIEW a table.
async function drop(c, name) {
  const found = await c.runAndReadAll("SELECT table_type FROM information_schema.tables WHERE table_name = $name", { name });
  const type = found.getRows()[0]?.[0];
  if (type === "VIEW") await c.run("DROP VIEW " + quote(name));
  else if (type !== undefined) await c.run("DROP TABLE " + quote(name));
}
async function view(c, request) {
  await drop(c, request.table);
  await c.run("CREATE VIEW " + quote(request.table) + " AS " + request.select);
  return { names: [], types: [], rows: [] };
}
async function load(c, request) {
  const staging = quote(request.table + "$staging");
  await drop(c, request.table);
  await c.run("DROP TABLE IF EXISTS " + staging);
  await c.run("CREATE TABLE " + staging + " (" + request.columns.map((col) => quote(col.name) + " VARCHAR").join(", ") + ")");
  const appender = await c.createAppender(request.table + "$staging");
  for (const row of request.rows) {
    for (const cell of row) cell === null ? appender.appendNull() : appender.appendVarchar(cell);
    appender.endRow();
  }
  appender.closeSync();
  const casts = request.columns.map((col) => "CAST(" + quote(col.name) + " AS " + col.type + ") AS " + quote(col.name));
  await c.run("CREATE TABLE " + quote(request.table) + " AS SELECT " + casts.join(", ") + " FROM " + staging);
  await c.run("DROP TABLE " + staging);
  return { names: [], types: [], rows: [] };
}
async function run(c, request) {
  const { values, types } = bind(request.params);
  const reader = await c.runAndReadAll(request.sql, values, types);
  return { names: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRowsJson() };
}
parentPort.on("message", async ({ port, signal, request }) => {
  let reply;
  try {
    const c = await connect();
    const answer = request.kind === "load" ? load(c, request) : request.kind === "view" ? view(c, request) : run(c, request);
    reply = { ok: true, ...(await answer) };
  } catch (error) {
    reply = { ok: false, message: String((error && error.message) || error) };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/**
 * One in-memory DuckDB database reached synchronously.
 *
 * @example
 * const db = new DuckDbBridge();
 * db.load("p.d.sales", [{ name: "amount", type: "DOUBLE" }], [["12.5"]]);
 * db.run('SELECT SUM(amount) AS total FROM "p.d.sales" WHERE amount > CAST($min AS DOUBLE)', { min: "1" });
 * db.close();
 */
export class DuckDbBridge {
  private worker: Worker | null = null;

  /** Creates (or replaces) a table from string cells, each column cast to its DuckDB type. */
  load(table: string, columns: { name: string; type: string }[], rows: (string | null)[][]): void {
    this.send({ kind: "load", table, columns, rows });
  }

  /**
   * Creates (or replaces) a view named `table` over a SELECT, such as one reading a file: the rows stay in
   * the file and every query reads them from there.
   */
  createView(table: string, select: string): void {
    this.send({ kind: "view", table, select });
  }

  /** Runs a statement with named parameters ($name in the SQL) and returns its rows. */
  run(sql: string, params: Record<string, BridgeParameter> = {}): BridgeResult {
    return this.send({ kind: "run", sql, params });
  }

  /** Stops the worker (a later call starts a new, empty database). */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private send(request: BridgeRequest): BridgeResult {
    const worker = this.start();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ port: port2, signal, request }, [port2]);
    const waited = Atomics.wait(signal, 0, 0, BRIDGE_TIMEOUT_MS);
    const received = receiveMessageOnPort(port1);
    port1.close();
    if (waited === "timed-out" || !received) throw new Error("simulator: DuckDB did not answer in time");
    const reply = received.message as BridgeReply;
    if (!reply.ok) throw new DuckDbError(reply.message);
    return { names: reply.names, types: reply.types, rows: reply.rows };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const duckdbPath = createRequire(import.meta.url).resolve("@duckdb/node-api");
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { duckdbPath, tempDirectory: spillFolder() } });
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/**
 * A folder name no other DuckDB uses (DuckDB creates it when a query first spills, and removes its files).
 *
 * @example
 * spillFolder(); // "/tmp/scorecard-duckdb-4242-1-k3j9x0"
 */
export function spillFolder(): string {
  return join(tmpdir(), `scorecard-duckdb-${process.pid}-${threadId}-${Math.random().toString(36).slice(2, 8)}`);
}

/** An error DuckDB raised (bad SQL, a missing table, a failed cast): the stand-in turns it into BigQuery's. */
export class DuckDbError extends Error {}
