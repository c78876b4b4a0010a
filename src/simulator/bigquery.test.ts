import { afterAll, describe, expect, it } from "vitest";
import { BIGQUERY_READONLY_SCOPE } from "./bigquery";
import { javaDouble } from "./bigquery-values";
import { createSimulator } from "./index";

const sim = createSimulator({ now: "2026-04-02T09:00:00Z", user: "alice" });
sim.bigQuery.setTable("acme.crm.sales", {
  schema: [
    { name: "rep", type: "STRING" },
    { name: "amount", type: "FLOAT64" },
    { name: "closed", type: "TIMESTAMP" },
    { name: "units", type: "INT64" },
  ],
  rows: [
    ["r1", 1200, "2026-03-31T23:30:00Z", 2],
    ["r1", 300.5, "2026-03-01T00:00:00Z", 1],
    ["r2", 50, "2026-02-10T12:00:00Z", null],
  ],
});
afterAll(() => sim.bigQuery.close());

const SQL = "SELECT rep, SUM(amount) AS revenue, COUNT(*) AS deals FROM `acme.crm.sales` GROUP BY rep ORDER BY rep";

function request(query: string, extra: Record<string, unknown> = {}) {
  return { query, useLegacySql: false, ...extra };
}

describe("BigQuery stand-in", () => {
  it("answers jobs.query with a schema, f/v rows in text form and totalRows as a string", () => {
    const { BigQuery } = sim.globals({ kind: "manual" });
    const response = BigQuery.Jobs.query(request(SQL), "acme") as Record<string, unknown>;
    expect(response.jobComplete).toBe(true);
    expect(response.totalRows).toBe("2");
    expect(response.schema).toEqual({
      fields: [
        { name: "rep", type: "STRING", mode: "NULLABLE" },
        { name: "revenue", type: "FLOAT", mode: "NULLABLE" },
        { name: "deals", type: "INTEGER", mode: "NULLABLE" },
      ],
    });
    expect(response.rows).toEqual([
      { f: [{ v: "r1" }, { v: "1500.5" }, { v: "2" }] },
      { f: [{ v: "r2" }, { v: "50.0" }, { v: "1" }] },
    ]);
    expect(response.pageToken).toBeUndefined();
    // rep (2+2 bytes x 3) and amount (8 x 3) are read; the query names no other column.
    expect(response.totalBytesProcessed).toBe(String(3 * 4 + 3 * 8));
  });

  it("binds named parameters, arrays included, and renders timestamps as epoch seconds", () => {
    const { BigQuery } = sim.globals({ kind: "manual" });
    const response = BigQuery.Jobs.query(
      request(
        "SELECT closed, units FROM `acme.crm.sales` WHERE rep IN UNNEST(@reps) AND amount >= @min ORDER BY closed",
        {
          parameterMode: "NAMED",
          queryParameters: [
            {
              name: "reps",
              parameterType: { type: "ARRAY", arrayType: { type: "STRING" } },
              parameterValue: { arrayValues: [{ value: "r1" }] },
            },
            { name: "min", parameterType: { type: "FLOAT64" }, parameterValue: { value: "500" } },
          ],
        },
      ),
      "acme",
    ) as { rows: unknown[] };
    expect(response.rows).toEqual([{ f: [{ v: javaDouble(Date.parse("2026-03-31T23:30:00Z") / 1000) }, { v: "2" }] }]);
  });

  it("runs BigQuery's DATE in a zone, DATE of a DATETIME and UNIX_DATE", () => {
    const { BigQuery } = sim.globals({ kind: "manual" });
    const response = BigQuery.Jobs.query(
      request(
        "SELECT DATE(closed, @zone) AS local_day, UNIX_DATE(DATE(closed, @zone)) AS day_number," +
          " DATE(DATETIME '2026-03-31 23:30:00') AS wall_day, CAST(NULL AS DATE) AS none" +
          " FROM `acme.crm.sales` WHERE rep = 'r1' ORDER BY closed",
        {
          parameterMode: "NAMED",
          queryParameters: [
            { name: "zone", parameterType: { type: "STRING" }, parameterValue: { value: "Asia/Shanghai" } },
          ],
        },
      ),
      "acme",
    ) as { rows: { f: { v: string | null }[] }[]; schema: { fields: { type: string }[] } };
    // 2026-03-31T23:30Z is already 1 April in Shanghai; 2026-03-01T00:00Z is 08:00 on 1 March there.
    expect(response.rows.map((r) => r.f.map((c) => c.v))).toEqual([
      ["2026-03-01", String(Date.UTC(2026, 2, 1) / 86_400_000), "2026-03-31", null],
      ["2026-04-01", String(Date.UTC(2026, 3, 1) / 86_400_000), "2026-03-31", null],
    ]);
    expect(response.schema.fields.map((f) => f.type)).toEqual(["DATE", "INTEGER", "DATE", "DATE"]);
  });

  it("pages with maxResults and page tokens through getQueryResults", () => {
    const { BigQuery } = sim.globals({ kind: "manual" });
    const first = BigQuery.Jobs.query(
      request("SELECT amount FROM `acme.crm.sales` ORDER BY amount", { maxResults: 2 }),
      "acme",
    ) as {
      rows: unknown[];
      pageToken: string;
      jobReference: { jobId: string };
    };
    expect(first.rows).toHaveLength(2);
    const second = BigQuery.Jobs.getQueryResults("acme", first.jobReference.jobId, {
      pageToken: first.pageToken,
      maxResults: 2,
    }) as { rows: { f: { v: string }[] }[]; pageToken?: string; totalRows: string };
    expect(second.rows.map((r) => r.f[0].v)).toEqual(["1200.0"]);
    expect(second.pageToken).toBeUndefined();
    expect(second.totalRows).toBe("3");
  });

  it("returns jobComplete false while the job runs and moves the clock as the calls wait", () => {
    sim.bigQuery.queryRunMs = 25_000;
    try {
      const { BigQuery } = sim.globals({ kind: "manual" });
      const start = sim.now();
      const first = BigQuery.Jobs.query(request(SQL, { timeoutMs: 10_000 }), "acme") as {
        jobComplete: boolean;
        jobReference: { jobId: string };
        rows?: unknown;
      };
      expect(first.jobComplete).toBe(false);
      expect(first.rows).toBeUndefined();
      expect(sim.now() - start).toBe(10_000);
      const poll = BigQuery.Jobs.getQueryResults("acme", first.jobReference.jobId, { timeoutMs: 10_000 }) as {
        jobComplete: boolean;
      };
      expect(poll.jobComplete).toBe(false);
      const done = BigQuery.Jobs.getQueryResults("acme", first.jobReference.jobId, { timeoutMs: 10_000 }) as {
        jobComplete: boolean;
        totalRows: string;
      };
      expect(done).toMatchObject({ jobComplete: true, totalRows: "2" });
      expect(sim.now() - start).toBe(25_000);
    } finally {
      sim.bigQuery.queryRunMs = 500;
    }
  });

  it("kills an execution whose wait for a job would pass its time limit", () => {
    const limited = createSimulator({ now: "2026-04-02T09:00:00Z", executionTimeLimitMs: 15_000 });
    limited.bigQuery.setTable("acme.crm.sales", { schema: [{ name: "rep", type: "STRING" }], rows: [["r1"]] });
    limited.bigQuery.queryRunMs = 60_000;
    try {
      const { BigQuery } = limited.globals({ kind: "manual" });
      const first = BigQuery.Jobs.query(request("SELECT rep FROM `acme.crm.sales`"), "acme") as {
        jobReference: { jobId: string };
      };
      expect(() => BigQuery.Jobs.getQueryResults("acme", first.jobReference.jobId, { timeoutMs: 10_000 })).toThrow(
        "Exceeded maximum execution time",
      );
      expect(() => BigQuery.Jobs.get("acme", first.jobReference.jobId)).toThrow("Exceeded maximum execution time");
    } finally {
      limited.bigQuery.close();
    }
  });

  it("fails a job that runs past its jobTimeoutMs with BigQuery's timeout", () => {
    sim.bigQuery.queryRunMs = 60_000;
    try {
      const { BigQuery } = sim.globals({ kind: "manual" });
      const first = BigQuery.Jobs.query(request(SQL, { timeoutMs: 1000, jobTimeoutMs: 5000 }), "acme") as {
        jobReference: { jobId: string };
      };
      expect(() => BigQuery.Jobs.getQueryResults("acme", first.jobReference.jobId, { timeoutMs: 10_000 })).toThrow(
        /failed with error: Job execution was cancelled: Job timed out after 5s/,
      );
    } finally {
      sim.bigQuery.queryRunMs = 500;
    }
  });

  it("throws BigQuery's errors as GoogleJsonResponseException with details", () => {
    const { BigQuery } = sim.globals({ kind: "manual" });
    const caught = (
      fn: () => unknown,
    ): { name: string; message: string; details: { code: number; errors: { reason: string }[] } } => {
      try {
        fn();
      } catch (error) {
        return error as never;
      }
      throw new Error("did not throw");
    };
    const missing = caught(() => BigQuery.Jobs.query(request("SELECT 1 FROM `acme.crm.nope`"), "acme"));
    expect(missing.name).toBe("GoogleJsonResponseException");
    expect(missing.message).toBe(
      "API call to bigquery.jobs.query failed with error: Not found: Table acme:crm.nope was not found in location US",
    );
    expect(missing.details.code).toBe(404);
    expect(caught(() => BigQuery.Jobs.query(request(SQL), "other")).details.errors[0].reason).toBe("notFound");
    sim.bigQuery.setJobUsers("acme", ["bob"]);
    expect(caught(() => BigQuery.Jobs.query(request(SQL), "acme")).details).toMatchObject({
      code: 403,
      errors: [{ reason: "accessDenied" }],
    });
    sim.bigQuery.setJobUsers("acme", null);
    sim.bigQuery.failNext("jobs.query", "quotaExceeded");
    expect(caught(() => BigQuery.Jobs.query(request(SQL), "acme")).details.errors[0].reason).toBe("quotaExceeded");
    expect(caught(() => BigQuery.Jobs.query(request("SELECT nope FROM `acme.crm.sales`"), "acme")).message).toMatch(
      /Unrecognized name: nope/,
    );
    expect(caught(() => BigQuery.Jobs.query({ query: SQL }, "acme")).details.code).toBe(400);
  });

  it("gives a table's schema through Tables.get, and logs every call", () => {
    sim.resetCalls();
    const { BigQuery } = sim.globals({ kind: "manual" });
    const table = BigQuery.Tables.get("acme", "crm", "sales") as {
      schema: { fields: { name: string; type: string }[] };
      numRows: string;
    };
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "rep:STRING",
      "amount:FLOAT",
      "closed:TIMESTAMP",
      "units:INTEGER",
    ]);
    expect(table.numRows).toBe("3");
    expect(sim.countCalls({ service: "BigQuery.Tables", method: "get" })).toBe(1);
  });

  it("refuses calls when the user left the BigQuery scope out, and requireScopes prompts for it", () => {
    sim.scopes.decline("carol", BIGQUERY_READONLY_SCOPE);
    const { BigQuery, ScriptApp } = sim.globals({ kind: "manual", user: "carol" });
    expect(() => BigQuery.Tables.get("acme", "crm", "sales")).toThrow(/Required permissions: .*bigquery.readonly/);
    expect(
      ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [BIGQUERY_READONLY_SCOPE]).getAuthorizationStatus(),
    ).toBe("REQUIRED");
    expect(() => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [BIGQUERY_READONLY_SCOPE])).toThrow(
      "Authorization is required to perform that action.",
    );
    expect(sim.scopes.prompts).toEqual([{ user: "carol", scopes: [BIGQUERY_READONLY_SCOPE], at: sim.now() }]);
    sim.scopes.grant("carol", BIGQUERY_READONLY_SCOPE);
    expect(() => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [BIGQUERY_READONLY_SCOPE])).not.toThrow();
  });
});

describe("javaDouble", () => {
  it("writes doubles as BigQuery's JSON does", () => {
    expect([
      javaDouble(12),
      javaDouble(0.5),
      javaDouble(12_000_000),
      javaDouble(1774999800),
      javaDouble(0.0001),
    ]).toEqual(["12.0", "0.5", "1.2E7", "1.7749998E9", "1.0E-4"]);
  });
});
