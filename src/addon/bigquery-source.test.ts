import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../core/problems";
import { createSimulator } from "../simulator";
import { bigQuerySchema, DEALS_TABLE, warehouseContext } from "../../test/fixtures/bigquery-tables";
import {
  BIGQUERY_SCOPE,
  type ConsentService,
  type WarehouseContext,
  askForBigQueryConsent,
  readTableColumns,
  runWarehouseQuery,
} from "./bigquery-source";

const sim = createSimulator({ now: "2026-04-03T06:00:00Z", user: "alice" });
const DEALS_SCHEMA = bigQuerySchema({ owner: "STRING", amount: "NUMERIC", closed: "DATE" });
sim.bigQuery.setTable(DEALS_TABLE, {
  schema: DEALS_SCHEMA,
  rows: [
    ["r1", "100.5", "2026-03-02"],
    ["r1", "200", "2026-03-30"],
    ["r2", "50", "2026-03-31"],
    ["r3", "75", "2026-02-01"],
  ],
});
afterAll(() => sim.bigQuery.close());

const QUERY = {
  sql: "SELECT owner, SUM(amount) AS revenue FROM `acme-sales.crm.deals` WHERE closed >= @from GROUP BY owner ORDER BY owner",
  parameters: [{ name: "from", parameterType: { type: "DATE" }, parameterValue: { value: "2026-03-01" } }],
};

function contextFor(user = "alice", overrides: Partial<WarehouseContext> = {}): WarehouseContext {
  return { ...warehouseContext(sim, 60_000, user), ...overrides };
}

describe("reading Sales from BigQuery", () => {
  it("reads every page of the answer and counts its calls", () => {
    sim.resetCalls();
    const answer = runWarehouseQuery(contextFor("alice", { pageSize: 1 }), QUERY);
    expect(answer).toMatchObject({
      ok: true,
      value: {
        fields: [
          { name: "owner", type: "STRING" },
          { name: "revenue", type: "NUMERIC" },
        ],
        rows: [
          ["r1", "300.5"],
          ["r2", "50"],
        ],
        calls: 2,
      },
    });
    expect(sim.countCalls({ service: "BigQuery.Jobs" })).toBe(2);
    const request = sim.callsMatching({ service: "BigQuery.Jobs", method: "query" })[0];
    expect(request.args[1]).toBe('"acme-sales"');
  });

  it("polls a job still running, within the deadline", () => {
    sim.bigQuery.queryRunMs = 25_000;
    try {
      const answer = runWarehouseQuery(contextFor(), QUERY);
      expect(answer.ok && answer.value.calls).toBe(3);
    } finally {
      sim.bigQuery.queryRunMs = 500;
    }
  });

  it("cancels a job that would run past the deadline and says so", () => {
    sim.bigQuery.queryRunMs = 120_000;
    try {
      sim.resetCalls();
      const answer = runWarehouseQuery(contextFor("alice", { deadline: sim.now() + 30_000 }), QUERY);
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(formatProblem(answer.problem, "en")).toBe(
        "Sales!A1: the BigQuery query did not finish within 30 s, so Sales were not read; nothing was computed, the next run tries again",
      );
      expect(sim.countCalls({ service: "BigQuery.Jobs", method: "query" })).toBe(1);
      // 10 s in jobs.query and two polls of 10 s: BigQuery stops the job at the job timeout it was given (the 30 s
      // left), so the last poll reports the timeout and nothing keeps running (or billing) after the run.
      expect(sim.countCalls({ service: "BigQuery.Jobs", method: "getQueryResults" })).toBe(2);
      expect(sim.now() - sim.callsMatching({ service: "BigQuery.Jobs", method: "query" })[0].at).toBe(30_000);
    } finally {
      sim.bigQuery.queryRunMs = 500;
    }
  });

  it("turns BigQuery's errors into one problem each, in both languages", () => {
    const missing = runWarehouseQuery(contextFor(), { ...QUERY, sql: QUERY.sql.replace("deals", "nope") });
    expect(missing.ok === false && missing.problem.code).toBe("bigquery_not_found");
    sim.bigQuery.setJobUsers("acme-sales", ["bob"]);
    const denied = runWarehouseQuery(contextFor(), QUERY);
    sim.bigQuery.setJobUsers("acme-sales", null);
    expect(denied.ok === false && denied.problem.code).toBe("bigquery_access_denied");
    if (!denied.ok)
      expect(formatProblem(denied.problem, "zh")).toContain("BigQuery 拒绝访问（Access Denied: Project acme-sales");
    sim.bigQuery.failNext("jobs.query", "rateLimitExceeded");
    const limited = runWarehouseQuery(contextFor(), QUERY);
    expect(limited.ok === false && limited.problem.code).toBe("bigquery_quota");
  });

  it("reads the table's columns and row count", () => {
    const table = readTableColumns(contextFor());
    expect(table).toEqual({
      ok: true,
      value: {
        columns: DEALS_SCHEMA,
        rows: 4,
      },
    });
  });

  it("calls no BigQuery without the scope, and asks for it only where a person is", () => {
    sim.scopes.decline("dave", BIGQUERY_SCOPE);
    sim.resetCalls();
    const answer = runWarehouseQuery(contextFor("dave"), QUERY);
    expect(answer.ok === false && answer.problem.code).toBe("bigquery_scope_missing");
    expect(sim.countCalls({ service: "BigQuery.Jobs" })).toBe(0);
    const { ScriptApp } = sim.globals({ kind: "manual", user: "dave" });
    expect(() => askForBigQueryConsent(ScriptApp as unknown as ConsentService)).toThrow(
      "Authorization is required to perform that action.",
    );
    expect(sim.scopes.prompts.map((p) => p.user)).toEqual(["dave"]);
  });
});
