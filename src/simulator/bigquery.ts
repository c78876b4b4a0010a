/**
 * The BigQuery advanced service (`BigQuery.Jobs`, `BigQuery.Tables`) as Apps
 * Script exposes it, executing the submitted SQL in DuckDB over tables a
 * test registers. Modelled: jobs.query and jobs.getQueryResults with
 * jobComplete false until the job's simulated run time has passed, page
 * tokens, maxResults and a 10 MB page, totalRows as a string, schemas and f/v
 * rows in BigQuery's text form, a job timeout, jobs.cancel, tables.get;
 * errors as BigQuery raises them (no access 403, not found 404, rate and
 * quota 403, invalid query 400) and armed one-off failures. Waiting for a
 * job moves the simulated clock, as a real call blocks.
 */
import { DuckDbBridge, DuckDbError } from "./bigquery-duckdb";
import { BigQueryError, type BigQueryReason, defaultMessage } from "./bigquery-errors";
import { type QueryParameter, QueryRejection, translateQuery } from "./bigquery-sql";
import {
  type BigQueryCell,
  type BigQueryField,
  billedBytes,
  duckTypeOfColumn,
  fieldOfDuckColumn,
  loadText,
  restCell,
  restTypeName,
  tableTypeOfDuck,
} from "./bigquery-values";
import type { Execution, ServiceKinds } from "./execution";
import { KILL_MESSAGE } from "./faults";

/**
 * The scope BigQuery calls need (granular consent may leave it out).
 *
 * @internal Exported only for src/simulator/bigquery.test.ts, which declines it; the stand-in uses it inside.
 */
export const BIGQUERY_READONLY_SCOPE = "https://www.googleapis.com/auth/bigquery.readonly";

/** A table a test registers: its schema (BigQuery types), rows, and who may read it (default everyone). */
export interface BigQueryTableSpec {
  schema: { name: string; type: string; mode?: "NULLABLE" | "REQUIRED" }[];
  rows: readonly (readonly unknown[])[];
  /** Users allowed to read the table (default: every user). */
  readers?: readonly string[];
  /** Default "US". */
  location?: string;
}

/** A registered table. */
interface TableModel {
  path: string;
  fields: BigQueryField[];
  rowCount: number;
  /** Bytes per column, lower-cased name to bytes (what a query reading the column is billed). */
  columnBytes: Map<string, number>;
  readers: ReadonlySet<string> | null;
  location: string;
}

/** A query job. */
interface JobModel {
  projectId: string;
  jobId: string;
  location: string;
  user: string;
  /** Simulated epoch ms the job finishes (or fails, or was cancelled). */
  doneAt: number;
  error: BigQueryError | null;
  fields: BigQueryField[];
  /**
   * Each row as the JSON text of its REST form (`{"f":[{"v":"12"},...]}`): a page is parsed from these when it
   * is asked for, so a job of many rows holds strings, not an object per cell, and a page's size is their length.
   */
  rows: string[];
  totalBytesProcessed: number;
}

/** A one-off failure armed by {@link BigQueryState.failNext}. */
interface ArmedBigQueryFailure {
  method: string;
  reason: BigQueryReason;
  message: string | null;
  remaining: number;
}

/** BigQuery's default wait of jobs.query and getQueryResults. */
const DEFAULT_WAIT_MS = 10_000;
/** The most a response page may hold (BigQuery: about 10 MB). */
const PAGE_BYTES = 10 * 1024 * 1024;

/**
 * The simulated BigQuery: tables, projects that run jobs, jobs, armed
 * failures, and how long a query runs.
 *
 * @example
 * sim.bigQuery.setTable("acme.crm.sales", { schema: [{ name: "amount", type: "FLOAT64" }], rows: [[12.5]] });
 * sim.bigQuery.queryRunMs = 15_000; // jobs.query returns jobComplete false at its 10 s wait
 */
export class BigQueryState {
  private readonly tables = new Map<string, TableModel>();
  private readonly jobUsers = new Map<string, ReadonlySet<string> | null>();
  private readonly jobs = new Map<string, JobModel>();
  private failures: ArmedBigQueryFailure[] = [];
  private nextJob = 1;
  private db: DuckDbBridge | null = null;
  /** Simulated ms every query job runs, or a function of its SQL (default 500). */
  queryRunMs: number | ((sql: string) => number) = 500;
  /** Bytes of each response page (default BigQuery's 10 MB); tests lower it to see paging. */
  pageBytes = PAGE_BYTES;
  /** Queries run, in order (the SQL as submitted), for tests. */
  readonly queries: string[] = [];

  /** Registers (or replaces) a table; its project runs jobs for everyone unless {@link setJobUsers} says otherwise. */
  setTable(path: string, spec: BigQueryTableSpec): void {
    if (path.split(".").length !== 3) throw new Error(`simulator: a table path is project.dataset.table, got ${path}`);
    const fields: BigQueryField[] = spec.schema.map((f) => ({
      name: f.name,
      type: restTypeName(f.type),
      mode: f.mode ?? "NULLABLE",
    }));
    const texts = spec.rows.map((row) => fields.map((_, i) => loadText(row[i])));
    const columnBytes = new Map<string, number>();
    fields.forEach((field, i) => {
      let bytes = 0;
      for (const row of texts) bytes += billedBytes(field.type, row[i]);
      columnBytes.set(field.name.toLowerCase(), bytes);
    });
    this.database().load(
      path,
      spec.schema.map((f) => ({ name: f.name, type: duckTypeOfColumn(f.type) })),
      texts,
    );
    this.tables.set(path, {
      path,
      fields,
      rowCount: spec.rows.length,
      columnBytes,
      readers: spec.readers ? new Set(spec.readers) : null,
      location: spec.location ?? "US",
    });
    const project = path.split(".")[0];
    if (!this.jobUsers.has(project)) this.jobUsers.set(project, null);
  }

  /**
   * Registers (or replaces) a table backed by a Parquet or CSV file: a DuckDB view over the file, so its
   * rows never pass through JavaScript and every query reads the file. The schema is the file's (DESCRIBE),
   * each column cast to the DuckDB type of its BigQuery counterpart, as {@link setTable} stores them.
   * Billed bytes per column are counted as {@link setTable} counts them, in one scan of the file here:
   * the column's non-null values times its type's width, plus the UTF-8 length of each STRING value.
   *
   * @example
   * sim.bigQuery.setFileTable("local-files.sales.sales", "/data/sales.parquet");
   */
  setFileTable(path: string, file: string, options: { readers?: readonly string[]; location?: string } = {}): void {
    if (path.split(".").length !== 3) throw new Error(`simulator: a table path is project.dataset.table, got ${path}`);
    const reader = fileReaderSql(file);
    const db = this.database();
    const described = db.run(`DESCRIBE SELECT * FROM ${reader}`);
    const columns = described.rows.map((row) => ({ name: String(row[0]), type: tableTypeOfDuck(String(row[1])) }));
    const casts = columns.map(
      (c) => `CAST(${quoteName(c.name)} AS ${duckTypeOfColumn(c.type)}) AS ${quoteName(c.name)}`,
    );
    db.createView(path, `SELECT ${casts.join(", ")} FROM ${reader}`);
    const counts = columns.flatMap((c, i) => [
      `COUNT(${quoteName(c.name)}) AS "n${i}"`,
      ...(c.type === "STRING" ? [`COALESCE(SUM(strlen(${quoteName(c.name)})), 0) AS "s${i}"`] : []),
    ]);
    const stats = db.run(`SELECT COUNT(*) AS "rows", ${counts.join(", ")} FROM ${quoteName(path)}`);
    const cell = (name: string): number => Number(stats.rows[0][stats.names.indexOf(name)] ?? 0);
    const columnBytes = new Map<string, number>();
    columns.forEach((c, i) => {
      const lengths = c.type === "STRING" ? cell(`s${i}`) : 0;
      columnBytes.set(c.name.toLowerCase(), cell(`n${i}`) * billedBytes(c.type, "") + lengths);
    });
    this.tables.set(path, {
      path,
      fields: columns.map((c) => ({ name: c.name, type: c.type, mode: "NULLABLE" })),
      rowCount: cell("rows"),
      columnBytes,
      readers: options.readers ? new Set(options.readers) : null,
      location: options.location ?? "US",
    });
    const project = path.split(".")[0];
    if (!this.jobUsers.has(project)) this.jobUsers.set(project, null);
  }

  /** Which users may run jobs in (bill queries to) a project; null: everyone. Unknown projects run none. */
  setJobUsers(projectId: string, users: readonly string[] | null): void {
    this.jobUsers.set(projectId, users ? new Set(users) : null);
  }

  /** The next `times` calls of a method ("jobs.query", "jobs.getQueryResults", "tables.get") fail with a reason. */
  failNext(method: string, reason: BigQueryReason, options: { message?: string; times?: number } = {}): void {
    this.failures.push({ method, reason, message: options.message ?? null, remaining: options.times ?? 1 });
  }

  /** Stops DuckDB's worker (tests call it in afterAll; it never keeps the process alive anyway). */
  close(): void {
    this.db?.close();
    this.db = null;
  }

  // ---- used by the service facades

  /** Throws an armed failure of this method, if any. */
  _takeFailure(method: string, projectId: string): void {
    const failure = this.failures.find((f) => f.method === method && f.remaining > 0);
    if (!failure) return;
    failure.remaining--;
    if (failure.remaining === 0) this.failures = this.failures.filter((f) => f !== failure);
    throw new BigQueryError(method, failure.reason, failure.message ?? defaultMessage(failure.reason, projectId));
  }

  _table(path: string): TableModel | undefined {
    return this.tables.get(path);
  }

  _mayRunJobs(projectId: string, user: string): "yes" | "no project" | "denied" {
    if (!this.jobUsers.has(projectId)) return "no project";
    const users = this.jobUsers.get(projectId);
    return users === null || users === undefined || users.has(user) ? "yes" : "denied";
  }

  _newJobId(): string {
    return `job_sim${String(this.nextJob++).padStart(6, "0")}`;
  }

  _addJob(job: JobModel): void {
    this.jobs.set(`${job.projectId}:${job.jobId}`, job);
  }

  _job(projectId: string, jobId: string): JobModel | undefined {
    return this.jobs.get(`${projectId}:${jobId}`);
  }

  _runMs(sql: string): number {
    return typeof this.queryRunMs === "function" ? this.queryRunMs(sql) : this.queryRunMs;
  }

  database(): DuckDbBridge {
    if (!this.db) this.db = new DuckDbBridge();
    return this.db;
  }
}

const JOBS_KINDS: ServiceKinds = { query: "read", getQueryResults: "read", get: "read", cancel: "other" };
const TABLES_KINDS: ServiceKinds = { get: "read" };

/** The `BigQuery` global: its Jobs and Tables collections. */
export interface BigQueryGlobal {
  Jobs: BigQueryJobsFacade;
  Tables: BigQueryTablesFacade;
}

/**
 * The `BigQuery` global of one execution.
 *
 * @example
 * const { BigQuery } = sim.globals({ kind: "manual" });
 * BigQuery.Jobs.query({ query: "SELECT 1", useLegacySql: false }, "acme");
 */
export function bigQueryGlobal(x: Execution): BigQueryGlobal {
  return Object.freeze({
    Jobs: x.expose("BigQuery.Jobs", new BigQueryJobsFacade(x), JOBS_KINDS),
    Tables: x.expose("BigQuery.Tables", new BigQueryTablesFacade(x), TABLES_KINDS),
  });
}

/** Throws unless the running user granted the BigQuery scope (granular consent may have left it out). */
function requireGrantedScope(x: Execution, method: string): void {
  if (x.sim.scopes.granted(x.context.user, BIGQUERY_READONLY_SCOPE)) return;
  throw new Error(
    `Specified permissions are not sufficient to call ${method}. Required permissions: ${BIGQUERY_READONLY_SCOPE}`,
  );
}

/**
 * BigQuery.Jobs.
 *
 * @example
 * BigQuery.Jobs.getQueryResults("acme", jobId, { pageToken, maxResults: 1000, timeoutMs: 10000 });
 */
class BigQueryJobsFacade {
  _x: Execution;

  constructor(execution: Execution) {
    this._x = execution;
  }

  private get _state(): BigQueryState {
    return this._x.sim.bigQuery;
  }

  query(request: unknown, projectId: unknown): Record<string, unknown> {
    requireGrantedScope(this._x, "BigQuery.Jobs.query");
    const method = "jobs.query";
    const project = requireText(projectId, method, "projectId");
    const body = (request ?? {}) as {
      query?: unknown;
      useLegacySql?: unknown;
      parameterMode?: unknown;
      queryParameters?: QueryParameter[];
      timeoutMs?: unknown;
      maxResults?: unknown;
      jobTimeoutMs?: unknown;
      location?: unknown;
    };
    this._state._takeFailure(method, project);
    const query = requireText(body.query, method, "query");
    this.checkJobsAllowed(method, project);
    if (body.useLegacySql !== false)
      throw new BigQueryError(
        method,
        "invalidQuery",
        "Legacy SQL is the default of jobs.query; this query needs useLegacySql: false (standard SQL).",
      );
    const parameters = body.queryParameters ?? [];
    if (parameters.length > 0 && body.parameterMode !== "NAMED")
      throw new BigQueryError(method, "invalid", "Query parameters need parameterMode NAMED for @name parameters.");
    const job = this.runJob(method, project, query, parameters, body);
    this._state._addJob(job);
    const complete = this.waitFor(job, optionalNumber(body.timeoutMs) ?? DEFAULT_WAIT_MS);
    const reference = { projectId: job.projectId, jobId: job.jobId, location: job.location };
    if (!complete) return { kind: "bigquery#queryResponse", jobReference: reference, jobComplete: false };
    if (job.error) throw job.error;
    return {
      kind: "bigquery#queryResponse",
      ...page(job, 0, optionalNumber(body.maxResults), this._state.pageBytes),
      jobReference: reference,
      jobComplete: true,
      totalBytesProcessed: String(job.totalBytesProcessed),
      cacheHit: false,
    };
  }

  getQueryResults(projectId: unknown, jobId: unknown, optionalArgs: unknown = {}): Record<string, unknown> {
    requireGrantedScope(this._x, "BigQuery.Jobs.getQueryResults");
    const method = "jobs.getQueryResults";
    const project = requireText(projectId, method, "projectId");
    const id = requireText(jobId, method, "jobId");
    const args = (optionalArgs ?? {}) as { pageToken?: unknown; maxResults?: unknown; timeoutMs?: unknown };
    this._state._takeFailure(method, project);
    const job = this.ownJob(method, project, id);
    const complete = this.waitFor(job, optionalNumber(args.timeoutMs) ?? DEFAULT_WAIT_MS);
    const reference = { projectId: job.projectId, jobId: job.jobId, location: job.location };
    if (!complete) return { kind: "bigquery#getQueryResultsResponse", jobReference: reference, jobComplete: false };
    if (job.error) throw new BigQueryError(method, job.error.details.errors[0].reason, job.error.details.message);
    const start = args.pageToken === undefined || args.pageToken === null ? 0 : startOfToken(method, args.pageToken);
    return {
      kind: "bigquery#getQueryResultsResponse",
      ...page(job, start, optionalNumber(args.maxResults), this._state.pageBytes),
      jobReference: reference,
      jobComplete: true,
      totalBytesProcessed: String(job.totalBytesProcessed),
      cacheHit: false,
    };
  }

  get(projectId: unknown, jobId: unknown): Record<string, unknown> {
    requireGrantedScope(this._x, "BigQuery.Jobs.get");
    const method = "jobs.get";
    const job = this.ownJob(method, requireText(projectId, method, "projectId"), requireText(jobId, method, "jobId"));
    const done = this._x.sim.now() >= job.doneAt;
    const errorResult = done && job.error ? job.error.details.errors[0] : undefined;
    return {
      kind: "bigquery#job",
      jobReference: { projectId: job.projectId, jobId: job.jobId, location: job.location },
      status: { state: done ? "DONE" : "RUNNING", ...(errorResult ? { errorResult, errors: [errorResult] } : {}) },
    };
  }

  cancel(projectId: unknown, jobId: unknown): Record<string, unknown> {
    requireGrantedScope(this._x, "BigQuery.Jobs.cancel");
    const method = "jobs.cancel";
    const job = this.ownJob(method, requireText(projectId, method, "projectId"), requireText(jobId, method, "jobId"));
    const now = this._x.sim.now();
    if (now < job.doneAt) {
      job.doneAt = now;
      job.error = new BigQueryError(
        "jobs.query",
        "invalidQuery",
        "Job execution was cancelled: User requested cancellation",
      );
    }
    return { kind: "bigquery#jobCancelResponse", job: this.get(job.projectId, job.jobId) };
  }

  private checkJobsAllowed(method: string, project: string): void {
    const allowed = this._state._mayRunJobs(project, this._x.context.user);
    if (allowed === "no project") throw new BigQueryError(method, "notFound", `Not found: Project ${project}`);
    if (allowed === "denied")
      throw new BigQueryError(
        method,
        "accessDenied",
        `Access Denied: Project ${project}: User does not have bigquery.jobs.create permission in project ${project}.`,
      );
  }

  private ownJob(method: string, project: string, jobId: string): JobModel {
    const job = this._state._job(project, jobId);
    if (!job || job.user !== this._x.context.user)
      throw new BigQueryError(method, "notFound", `Not found: Job ${project}:${jobId}`);
    return job;
  }

  /** Runs the SQL now (DuckDB) and dates the job's end by the simulated run time and its timeout. */
  private runJob(
    method: string,
    project: string,
    query: string,
    parameters: readonly QueryParameter[],
    body: { jobTimeoutMs?: unknown; location?: unknown },
  ): JobModel {
    const state = this._state;
    state.queries.push(query);
    const now = this._x.sim.now();
    const base = {
      projectId: project,
      jobId: state._newJobId(),
      location: typeof body.location === "string" ? body.location : "US",
      user: this._x.context.user,
    };
    let translated: ReturnType<typeof translateQuery>;
    try {
      translated = translateQuery(query, parameters);
    } catch (error) {
      if (error instanceof QueryRejection) throw new BigQueryError(method, error.reason, error.message);
      throw error;
    }
    let bytes = 0;
    for (const path of translated.tables) bytes += this.readableTable(method, path, translated.identifiers);
    const runMs = state._runMs(query);
    const jobTimeoutMs = optionalNumber(body.jobTimeoutMs);
    if (jobTimeoutMs !== undefined && runMs > jobTimeoutMs) {
      const seconds = Math.round(jobTimeoutMs / 1000);
      const error = new BigQueryError(
        method,
        "timeout",
        `Job execution was cancelled: Job timed out after ${seconds}s`,
      );
      return { ...base, doneAt: now + jobTimeoutMs, error, fields: [], rows: [], totalBytesProcessed: 0 };
    }
    let result: ReturnType<DuckDbBridge["run"]>;
    try {
      result = state.database().run(translated.sql, translated.params);
    } catch (error) {
      if (error instanceof DuckDbError) throw new BigQueryError(method, "invalidQuery", bigQueryMessageOf(error));
      throw error;
    }
    const fields = result.names.map((name, i) => fieldOfDuckColumn(name, result.types[i]));
    const rows = result.rows.map((row) => JSON.stringify({ f: row.map((cell, i) => restCell(cell, result.types[i])) }));
    return { ...base, doneAt: now + runMs, error: null, fields, rows, totalBytesProcessed: bytes };
  }

  /** The billed bytes of a table a query reads, after checking it exists and the user may read it. */
  private readableTable(method: string, path: string, identifiers: ReadonlySet<string>): number {
    const table = this._state._table(path);
    const [project, dataset, name] = path.split(".");
    if (!table)
      throw new BigQueryError(
        method,
        "notFound",
        `Not found: Table ${project}:${dataset}.${name} was not found in location US`,
      );
    if (table.readers && !table.readers.has(this._x.context.user))
      throw new BigQueryError(
        method,
        "accessDenied",
        `Access Denied: Table ${project}:${dataset}.${name}: User does not have permission to query table ${project}:${dataset}.${name}, or perhaps it does not exist.`,
      );
    let bytes = 0;
    for (const [column, columnBytes] of table.columnBytes) if (identifiers.has(column)) bytes += columnBytes;
    return bytes;
  }

  /**
   * Blocks (moves the clock) until the job ends or the wait runs out; true when it ended. A wait that would
   * pass the execution's time limit kills the execution there, as Apps Script stops a script blocked in a call.
   */
  private waitFor(job: JobModel, waitMs: number): boolean {
    const x = this._x;
    const remaining = job.doneAt - x.sim.now();
    if (remaining <= 0) return true;
    const wait = Math.min(remaining, Math.max(0, waitMs));
    const limit = x.sim.options.executionTimeLimitMs;
    if (limit !== undefined && x.sim.now() + wait - x.startedAt > limit) {
      x.sim.clock.set(Math.max(x.sim.now(), x.startedAt + limit));
      x.killed = true;
      throw new Error(KILL_MESSAGE);
    }
    x.sim.advance(wait);
    return x.sim.now() >= job.doneAt;
  }
}

/**
 * BigQuery.Tables.
 *
 * @example
 * BigQuery.Tables.get("acme", "crm", "sales").schema.fields; // [{ name: "amount", type: "FLOAT", mode: "NULLABLE" }, ...]
 */
class BigQueryTablesFacade {
  _x: Execution;

  constructor(execution: Execution) {
    this._x = execution;
  }

  get(projectId: unknown, datasetId: unknown, tableId: unknown): Record<string, unknown> {
    requireGrantedScope(this._x, "BigQuery.Tables.get");
    const method = "tables.get";
    const project = requireText(projectId, method, "projectId");
    const dataset = requireText(datasetId, method, "datasetId");
    const name = requireText(tableId, method, "tableId");
    this._x.sim.bigQuery._takeFailure(method, project);
    const table = this._x.sim.bigQuery._table(`${project}.${dataset}.${name}`);
    const id = `${project}:${dataset}.${name}`;
    if (!table) throw new BigQueryError(method, "notFound", `Not found: Table ${id}`);
    if (table.readers && !table.readers.has(this._x.context.user))
      throw new BigQueryError(
        method,
        "accessDenied",
        `Access Denied: Table ${id}: Permission bigquery.tables.get denied on table ${id} (or it may not exist).`,
      );
    let numBytes = 0;
    for (const bytes of table.columnBytes.values()) numBytes += bytes;
    return {
      kind: "bigquery#table",
      id,
      tableReference: { projectId: project, datasetId: dataset, tableId: name },
      schema: { fields: table.fields.map((f) => ({ ...f })) },
      numRows: String(table.rowCount),
      numBytes: String(numBytes),
      location: table.location,
      type: "TABLE",
    };
  }
}

function requireText(value: unknown, method: string, name: string): string {
  if (typeof value === "string" && value !== "") return value;
  throw new BigQueryError(method, "invalid", `Required parameter is missing: ${name}`);
}

function optionalNumber(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A page of a finished job from row `start`: at most maxResults rows and pageBytes of JSON. */
function page(
  job: JobModel,
  start: number,
  maxResults: number | undefined,
  pageBytes: number,
): { schema: { fields: BigQueryField[] }; totalRows: string; rows?: { f: BigQueryCell[] }[]; pageToken?: string } {
  const limit = maxResults !== undefined && maxResults > 0 ? maxResults : Number.POSITIVE_INFINITY;
  const rows: { f: BigQueryCell[] }[] = [];
  let bytes = 0;
  let i = start;
  while (i < job.rows.length && rows.length < limit) {
    const text = job.rows[i];
    if (rows.length > 0 && bytes + text.length > pageBytes) break;
    rows.push(JSON.parse(text) as { f: BigQueryCell[] });
    bytes += text.length;
    i++;
  }
  return {
    schema: { fields: job.fields.map((f) => ({ ...f })) },
    totalRows: String(job.rows.length),
    ...(rows.length > 0 ? { rows } : {}),
    ...(i < job.rows.length ? { pageToken: tokenOf(i) } : {}),
  };
}

function tokenOf(start: number): string {
  return Buffer.from(`sim-page:${start}`).toString("base64");
}

function startOfToken(method: string, token: unknown): number {
  const match = /^sim-page:(\d+)$/.exec(Buffer.from(String(token), "base64").toString());
  if (!match) throw new BigQueryError(method, "invalid", `Invalid page token: ${String(token)}`);
  return Number(match[1]);
}

/** A name as a DuckDB quoted identifier. */
function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * DuckDB's reader of a Parquet or CSV file (by its extension). The path is a quoted string literal, not a
 * parameter: a view's definition cannot hold parameters.
 */
function fileReaderSql(file: string): string {
  const literal = `'${file.replace(/'/g, "''")}'`;
  if (/\.parquet$/i.test(file)) return `read_parquet(${literal})`;
  if (/\.csv$/i.test(file)) return `read_csv_auto(${literal})`;
  throw new Error(`simulator: a file table is a .parquet or .csv file, got ${file}`);
}

/** A DuckDB error as BigQuery would word it: an unknown column is "Unrecognized name". */
function bigQueryMessageOf(error: DuckDbError): string {
  const column = /Referenced column "?([^"\s]+)"? not found/.exec(error.message);
  if (column) return `Unrecognized name: ${column[1]}`;
  return error.message.split("\n")[0];
}
