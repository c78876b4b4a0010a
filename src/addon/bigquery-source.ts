/**
 * Reading Sales from a BigQuery table through the BigQuery advanced service
 * (README, "Sales in a warehouse"): the table's schema first (tables.get),
 * so the Sales fields are found among its columns before anything is billed; then one query job (jobs.query) whose answer, a few rows per rep
 * and month, is paged in with getQueryResults. The job gets a timeout
 * inside the run's time budget, and the calls wait no longer than that
 * either; a job still running then is cancelled. Every failure becomes one
 * problem in the spreadsheet's language (core/problems.ts), and the run
 * computes nothing from Sales rather than from a part of them.
 *
 * The scope: the manifest lists bigquery.readonly, but granular consent
 * lets a user leave it out; the run checks it first
 * (ScriptApp.getAuthorizationInfo with the scope) and asks for it only when
 * a user chooses this source (ScriptApp.requireScopes, from Settings).
 */
import { problemAt, type Problem } from "../core/problems";
import type { SalesSource } from "./settings";

/**
 * The scope reading a table needs; the manifest lists it, and a user grants it when choosing the source.
 *
 * @internal Exported only for the tests that decline it in the simulator; the code uses it inside this file.
 */
export const BIGQUERY_SCOPE = "https://www.googleapis.com/auth/bigquery.readonly";

/** A BigQuery named query parameter as the REST API takes it. */
export interface QueryParameter {
  name: string;
  parameterType: { type: string; arrayType?: { type: string } };
  parameterValue: { value?: string; arrayValues?: { value: string }[] };
}

/** One query for the warehouse: standard SQL with named @parameters. */
export interface WarehouseQuery {
  sql: string;
  parameters: QueryParameter[];
}

/** A query's answer: column names and types as BigQuery gives them, and rows of text cells (null for NULL). */
export interface WarehouseRows {
  fields: { name: string; type: string }[];
  rows: (string | null)[][];
  /** Bytes BigQuery processed (what on-demand pricing bills). */
  bytesProcessed: number;
  /** Calls made to BigQuery, for the Run log's details and the tests. */
  calls: number;
}

/** A table's columns, names and BigQuery types. */
export interface TableColumns {
  columns: { name: string; type: string }[];
  rows: number;
}

/** What a read gives: the rows, or the one problem that stopped it. */
export type WarehouseOutcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

// ---------------------------------------------------------------- the services, as far as this reads them

interface QueryResponse {
  jobComplete?: boolean;
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  schema?: { fields?: { name: string; type: string }[] };
  rows?: { f: { v: unknown }[] }[];
  pageToken?: string;
  totalRows?: string;
  totalBytesProcessed?: string;
}

/** The BigQuery advanced service's calls this file makes. */
export interface BigQueryService {
  Jobs: {
    query(request: object, projectId: string): QueryResponse;
    getQueryResults(projectId: string, jobId: string, optionalArgs: object): QueryResponse;
    cancel(projectId: string, jobId: string, optionalArgs?: object): unknown;
  };
  Tables: {
    get(
      projectId: string,
      datasetId: string,
      tableId: string,
    ): { schema?: { fields?: { name: string; type: string }[] }; numRows?: string };
  };
}

/** ScriptApp's granular-consent calls (newer than the typings this project builds with). */
export interface ConsentService {
  AuthMode: { FULL: unknown };
  AuthorizationStatus: { REQUIRED: unknown };
  getAuthorizationInfo(authMode: unknown, scopes: string[]): { getAuthorizationStatus(): unknown };
  requireScopes(authMode: unknown, scopes: string[]): void;
}

/** Where a problem is shown, and the time the reading may take. */
export interface WarehouseContext {
  bigQuery: BigQueryService;
  scriptApp: ConsentService;
  source: Extract<SalesSource, { kind: "bigquery" }>;
  /** The Sales sheet's name: problems about Sales are shown at its A1, wherever Sales come from. */
  salesSheet: string;
  now: () => number;
  /** Epoch ms by which the reading must be done (the run's budget less what must follow it). */
  deadline: number;
  /** Rows asked for per page (default: as many as BigQuery sends, up to 10 MB). */
  pageSize?: number;
}

/** The advanced service's global, present when the manifest enables it (the typings declare none). */
declare const BigQuery: BigQueryService | undefined;

/**
 * The BigQuery advanced service (the manifest enables it as `BigQuery`), with a clear error when it is not.
 *
 * @example
 * readTableColumns({ bigQuery: advancedBigQuery(), scriptApp: ScriptApp as unknown as ConsentService, ... });
 */
export function advancedBigQuery(): BigQueryService {
  if (typeof BigQuery === "undefined" || !BigQuery)
    throw new Error("The BigQuery advanced service is not enabled in appsscript.json.");
  return BigQuery;
}

// ---------------------------------------------------------------- consent

/**
 * Whether the running user granted the BigQuery scope. Under granular
 * consent a user may have left it out when authorizing the add-on.
 *
 * @example
 * hasBigQueryConsent(ScriptApp); // false until the user allows BigQuery
 */
function hasBigQueryConsent(scriptApp: ConsentService): boolean {
  const info = scriptApp.getAuthorizationInfo(scriptApp.AuthMode.FULL, [BIGQUERY_SCOPE]);
  return info.getAuthorizationStatus() !== scriptApp.AuthorizationStatus.REQUIRED;
}

/**
 * Asks for the BigQuery scope when the user has not granted it: Apps Script
 * ends the execution and shows the consent prompt (only where a person is
 * present: Settings, never a scheduled run).
 *
 * @example
 * askForBigQueryConsent(ScriptApp); // returns when granted; otherwise the prompt ends this execution
 */
export function askForBigQueryConsent(scriptApp: ConsentService): void {
  if (!hasBigQueryConsent(scriptApp)) scriptApp.requireScopes(scriptApp.AuthMode.FULL, [BIGQUERY_SCOPE]);
}

// ---------------------------------------------------------------- reading

/** Consent asked once per reading: the scope cannot be granted in the middle of an execution. */
const consentByContext = new WeakMap<WarehouseContext, boolean>();

function consentOf(context: WarehouseContext): boolean {
  let granted = consentByContext.get(context);
  if (granted === undefined) consentByContext.set(context, (granted = hasBigQueryConsent(context.scriptApp)));
  return granted;
}

/**
 * The table's columns (tables.get), or the problem that stopped the read
 * (no consent, no access, no such table).
 *
 * @example
 * const columns = readTableColumns(context);
 * if (columns.ok) columns.value.columns.map((c) => c.name); // ["close_date", "owner", "amount", ...]
 */
export function readTableColumns(context: WarehouseContext): WarehouseOutcome<TableColumns> {
  const parts = splitTable(context.source.table);
  if (!consentOf(context)) return refusal(context, "bigquery_scope_missing");
  try {
    const table = context.bigQuery.Tables.get(parts.projectId, parts.datasetId, parts.tableId);
    return {
      ok: true,
      value: {
        columns: (table.schema?.fields ?? []).map((f) => ({ name: String(f.name), type: String(f.type) })),
        rows: Number(table.numRows ?? 0),
      },
    };
  } catch (error) {
    return { ok: false, problem: problemOfError(context, error) };
  }
}

/**
 * Runs one query in the billing project and reads every page of its
 * answer, within the context's deadline: the job is given the time left as
 * its timeout, each call waits at most that long, and a job still running
 * at the deadline is cancelled and reported.
 *
 * @example
 * const answer = runWarehouseQuery(context, { sql: "SELECT ... FROM `acme.crm.deals` WHERE ...", parameters });
 * if (answer.ok) answer.value.rows.length; // rep-months, whatever the number of deals
 */
export function runWarehouseQuery(context: WarehouseContext, query: WarehouseQuery): WarehouseOutcome<WarehouseRows> {
  if (!consentOf(context)) return refusal(context, "bigquery_scope_missing");
  const project = context.source.billingProject;
  let calls = 0;
  let jobId: string | null = null;
  let given = 0;
  try {
    const left = timeLeft(context);
    given = left;
    if (left <= 0) return timedOut(context, left);
    let response = context.bigQuery.Jobs.query(
      {
        query: query.sql,
        useLegacySql: false,
        parameterMode: "NAMED",
        queryParameters: query.parameters,
        timeoutMs: Math.min(MAX_WAIT_MS, left),
        jobTimeoutMs: Math.max(MIN_JOB_TIMEOUT_MS, left),
        ...(context.pageSize ? { maxResults: context.pageSize } : {}),
      },
      project,
    );
    calls++;
    jobId = response.jobReference?.jobId ?? null;
    const location = response.jobReference?.location;
    const more = (pageToken?: string): QueryResponse => {
      calls++;
      return context.bigQuery.Jobs.getQueryResults(project, jobId ?? "", {
        timeoutMs: Math.min(MAX_WAIT_MS, Math.max(0, timeLeft(context))),
        ...(pageToken ? { pageToken } : {}),
        ...(context.pageSize ? { maxResults: context.pageSize } : {}),
        ...(location ? { location } : {}),
      });
    };
    while (response.jobComplete !== true) {
      if (timeLeft(context) <= 0 || jobId === null) {
        if (jobId !== null) calls += cancelQuietly(context, project, jobId, location);
        return timedOut(context, given);
      }
      response = more();
    }
    const fields = (response.schema?.fields ?? []).map((f) => ({ name: String(f.name), type: String(f.type) }));
    const rows: (string | null)[][] = [];
    addRows(rows, response);
    const bytesProcessed = Number(response.totalBytesProcessed ?? 0);
    while (response.pageToken) {
      if (timeLeft(context) <= 0) return timedOut(context, given);
      response = more(response.pageToken);
      addRows(rows, response);
    }
    return { ok: true, value: { fields, rows, bytesProcessed, calls } };
  } catch (error) {
    return { ok: false, problem: problemOfError(context, error, given) };
  }
}

/** BigQuery waits at most this long per call anyway (and a shorter wait keeps the run's own clock honest). */
const MAX_WAIT_MS = 10_000;
/** The shortest job timeout asked for: BigQuery needs some time to start a job at all. */
const MIN_JOB_TIMEOUT_MS = 1_000;

function timeLeft(context: WarehouseContext): number {
  return context.deadline - context.now();
}

function addRows(into: (string | null)[][], response: QueryResponse): void {
  for (const row of response.rows ?? [])
    into.push(row.f.map((cell) => (cell.v === null || cell.v === undefined ? null : String(cell.v))));
}

/** Cancels a job the run no longer waits for (BigQuery bills what it already scanned either way); one call. */
function cancelQuietly(context: WarehouseContext, project: string, jobId: string, location?: string): number {
  try {
    context.bigQuery.Jobs.cancel(project, jobId, location ? { location } : {});
  } catch (_error) {
    // The job may have ended meanwhile; the timeout is reported either way.
  }
  return 1;
}

function splitTable(path: string): { projectId: string; datasetId: string; tableId: string } {
  const last = path.lastIndexOf(".");
  const middle = path.lastIndexOf(".", last - 1);
  return { projectId: path.slice(0, middle), datasetId: path.slice(middle + 1, last), tableId: path.slice(last + 1) };
}

function refusal(context: WarehouseContext, code: "bigquery_scope_missing"): { ok: false; problem: Problem } {
  return { ok: false, problem: problemAt(context.salesSheet, "A1", code, { table: context.source.table }) };
}

/** "Did not finish within {seconds} s": the time the query was given. */
function timedOut(context: WarehouseContext, givenMs: number): { ok: false; problem: Problem } {
  const seconds = Math.max(0, Math.round(givenMs / 1000));
  return {
    ok: false,
    problem: problemAt(context.salesSheet, "A1", "bigquery_timeout", { table: context.source.table, seconds }),
  };
}

/** The reason BigQuery gave (details.errors[0].reason), or one read from the message. */
function reasonOf(error: unknown): string {
  const details = (error as { details?: { errors?: { reason?: unknown }[] } } | null)?.details;
  const reason = details?.errors?.[0]?.reason;
  if (typeof reason === "string") return reason;
  const message = messageOf(error);
  if (/Required permissions|not sufficient|Authorization is required/i.test(message)) return "scope";
  if (/Access Denied/i.test(message)) return "accessDenied";
  if (/Not found/i.test(message)) return "notFound";
  if (/Quota exceeded/i.test(message)) return "quotaExceeded";
  if (/rate limit/i.test(message)) return "rateLimitExceeded";
  if (/timed out|timeout/i.test(message)) return "timeout";
  return "";
}

function messageOf(error: unknown): string {
  const text =
    error instanceof Error || (error !== null && typeof error === "object" && "message" in error)
      ? String((error as { message: unknown }).message)
      : String(error);
  return text.replace(/^API call to bigquery\.[\w.]+ failed with error: /, "");
}

/** Longest stretch of BigQuery's own message kept in a problem. */
const DETAIL_LENGTH = 200;

function problemOfError(context: WarehouseContext, error: unknown, givenMs = 0): Problem {
  const detail = messageOf(error).slice(0, DETAIL_LENGTH);
  const args = { table: context.source.table, project: context.source.billingProject, detail };
  switch (reasonOf(error)) {
    case "scope":
      return problemAt(context.salesSheet, "A1", "bigquery_scope_missing", args);
    case "accessDenied":
      return problemAt(context.salesSheet, "A1", "bigquery_access_denied", args);
    case "notFound":
      return problemAt(context.salesSheet, "A1", "bigquery_not_found", args);
    case "quotaExceeded":
    case "rateLimitExceeded":
      return problemAt(context.salesSheet, "A1", "bigquery_quota", args);
    case "timeout":
      return problemAt(context.salesSheet, "A1", "bigquery_timeout", { ...args, seconds: Math.round(givenMs / 1000) });
    default:
      return problemAt(context.salesSheet, "A1", "bigquery_failed", args);
  }
}
