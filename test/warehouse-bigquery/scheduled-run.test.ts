/**
 * Sales in a BigQuery table, through the BUILT bundle in the simulator (its
 * BigQuery stand-in runs the submitted SQL in DuckDB): a scheduled run with
 * the BigQuery source writes the same sheets as the same deals held in the
 * Sales sheet; its service calls do not grow with the number of deals; a
 * small page size pages the answer in; a query past its time and a refused
 * query are clear problems in the Run log, and nothing is computed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { BIGQUERY_SCOPE } from "../../src/addon/bigquery-source";
import { fireTriggerAnHourLater, type Simulator } from "../../src/simulator/index";
import { DEFAULT_SHEET_NAMES } from "../../src/tables/sheet-roles";
import { callGlobal, outputs, runLogRows, type TeamOptions } from "../recalculation/fixtures";
import { scheduledTeam } from "../recalculation/firings";
import { bigQuerySchema, DEALS_TABLE as TABLE } from "../fixtures/bigquery-tables";

const OUTPUTS = ["Results", "Payouts", "Reviews", "Dashboard"];

const opened: Simulator[] = [];
afterEach(() => {
  for (const sim of opened.splice(0)) sim.bigQuery.close();
});

/** A team with the schedule on; with `bigQuery`, its Sales rows moved into a table and the source set to it. */
function team(options: TeamOptions, bigQuery: boolean): { sim: Simulator; uid: string } {
  const scheduled = scheduledTeam(options, {});
  const { sim } = scheduled;
  opened.push(sim);
  if (!bigQuery) return scheduled;
  const [, ...rows] = sim.sheetValues("Sales");
  sim.bigQuery.setTable(TABLE, {
    schema: bigQuerySchema({
      Date: "TIMESTAMP",
      "Rep ID": "STRING",
      Customer: "STRING",
      Amount: "FLOAT64",
      Type: "STRING",
      Status: "STRING",
    }),
    // The sheet holds UTC wall clocks (the spreadsheet's zone): the same instants as timestamps.
    rows: rows.map(([date, ...rest]) => [`${(date as { date: string }).date}Z`, ...rest]),
  });
  // No Sales sheet at all: a run that read Sales from the spreadsheet would find no deal.
  sim.spreadsheet.removeSheet(sim.sheetModel("Sales"));
  callGlobal(
    sim,
    "sidebarSaveSettings",
    { kind: "manual", user: "alice" },
    {
      sheets: { ...DEFAULT_SHEET_NAMES },
      language: "auto",
      startPeriod: "",
      salesSource: { kind: "bigquery", table: TABLE, billingProject: "acme-sales" },
    },
  );
  return scheduled;
}

const TEAM: TeamOptions = {
  reps: 6,
  months: 3,
  salesRows: 120,
  // Open deals in the provisional month (April, the run's) feed the pipeline forecast's columns.
  extraSales: [
    [{ wallClock: "2026-04-20T10:00:00" }, "R0001", "Customer 500", 5000, "new", "open"],
    [{ wallClock: "2026-04-28T10:00:00" }, "R0002", "Customer 3", 7000, "renewal", "open"],
  ],
};

describe("a scheduled run with Sales in BigQuery", () => {
  it("writes the same sheets as the same deals in the Sales sheet", () => {
    const sheet = team(TEAM, false);
    expect(fireTriggerAnHourLater(sheet.sim, sheet.uid).outcome).toBe("done");
    const warehouse = team(TEAM, true);
    const firing = fireTriggerAnHourLater(warehouse.sim, warehouse.uid);
    expect(firing.outcome).toBe("done");
    expect(outputs(warehouse.sim, OUTPUTS)).toEqual(outputs(sheet.sim, OUTPUTS));
    // April has no won deal: its Forecast revenue is the open deals at their probability (1 without a stage table).
    const [header, ...rows] = warehouse.sim.sheetValues("Results");
    const forecastOf = (rep: string) =>
      rows.find((row) => row[0] === "2026-04" && row[1] === rep)?.[header.indexOf("Forecast revenue")];
    expect([forecastOf("R0001"), forecastOf("R0002"), forecastOf("R0003")]).toEqual([5000, 7000, 0]);
    // tables.get, the vocabulary query and the aggregates query.
    expect(firing.calls.filter((c) => c.service.startsWith("BigQuery")).map((c) => `${c.service}.${c.method}`)).toEqual(
      ["BigQuery.Tables.get", "BigQuery.Jobs.query", "BigQuery.Jobs.query"],
    );
    // The spreadsheet was never asked for a Sales sheet.
    expect(firing.calls.filter((c) => c.method === "getSheetByName" && c.args[0] === '"Sales"')).toEqual([]);
  });

  it("reports a final month whose deals changed in the table, and only then", () => {
    /** The Run log's last row after the next month's run, with or without a January deal changed meanwhile. */
    const nextMonthRun = (change: boolean): string => {
      const { sim, uid } = team(TEAM, true);
      expect(fireTriggerAnHourLater(sim, uid).outcome).toBe("done");
      if (change)
        sim.bigQuery.setTable(TABLE, {
          schema: bigQuerySchema({ Date: "TIMESTAMP", "Rep ID": "STRING", Amount: "FLOAT64" }),
          rows: [["2026-01-05T10:00:00Z", "R0001", 999_999]],
        });
      // April becomes due on 3 May at 06:00: that run reads the table again.
      sim.setNow("2026-05-03T06:30:00Z");
      expect(fireTriggerAnHourLater(sim, uid).outcome).toBe("done");
      return JSON.stringify(runLogRows(sim).at(-1));
    };
    expect(nextMonthRun(false)).not.toContain("inputs changed for final period");
    expect(nextMonthRun(true)).toContain("inputs changed for final period 2026-01");
  });

  it("makes as many service calls for ten times the deals", () => {
    const small = team({ ...TEAM, salesRows: 60 }, true);
    const large = team({ ...TEAM, salesRows: 600 }, true);
    const smallFiring = fireTriggerAnHourLater(small.sim, small.uid);
    const largeFiring = fireTriggerAnHourLater(large.sim, large.uid);
    expect([smallFiring.outcome, largeFiring.outcome]).toEqual(["done", "done"]);
    expect(largeFiring.calls.length).toBe(smallFiring.calls.length);
    console.log(
      `service calls per scheduled run: ${smallFiring.calls.length} at 60 deals, ${largeFiring.calls.length} at 600`,
    );
  });

  it("pages a long answer in and writes the same sheets", () => {
    const whole = team(TEAM, true);
    fireTriggerAnHourLater(whole.sim, whole.uid);
    const paged = team(TEAM, true);
    paged.sim.bigQuery.pageBytes = 1500;
    const firing = fireTriggerAnHourLater(paged.sim, paged.uid);
    expect(firing.outcome).toBe("done");
    expect(firing.calls.filter((c) => c.method === "getQueryResults").length).toBeGreaterThan(2);
    expect(outputs(paged.sim, OUTPUTS)).toEqual(outputs(whole.sim, OUTPUTS));
  });

  it("computes nothing when the query runs past its time, and says so in the Run log", () => {
    const slow = team(TEAM, true);
    slow.sim.bigQuery.queryRunMs = 10 * 60_000;
    const firing = fireTriggerAnHourLater(slow.sim, slow.uid);
    expect(firing.killed).toBe(false);
    expect(slow.sim.sheetNames()).not.toContain("Results");
    expect(JSON.stringify(runLogRows(slow.sim).at(-1))).toContain("the BigQuery query did not finish within");
  });

  it("computes nothing, calls no BigQuery and says what to do when the scheduling user left the scope out", () => {
    const declined = team(TEAM, true);
    declined.sim.scopes.decline("alice", BIGQUERY_SCOPE);
    const firing = fireTriggerAnHourLater(declined.sim, declined.uid);
    expect(firing.calls.filter((c) => c.service.startsWith("BigQuery"))).toEqual([]);
    expect(declined.sim.scopes.prompts).toEqual([]);
    expect(declined.sim.sheetNames()).not.toContain("Results");
    expect(JSON.stringify(runLogRows(declined.sim).at(-1))).toContain(
      "you have not allowed the add-on to read BigQuery: save the Sales source again in Setup → Settings to be asked",
    );
  });

  it("computes nothing when BigQuery refuses the query, and says why", () => {
    const refused = team(TEAM, true);
    refused.sim.bigQuery.failNext("jobs.query", "quotaExceeded");
    fireTriggerAnHourLater(refused.sim, refused.uid);
    expect(refused.sim.sheetNames()).not.toContain("Results");
    expect(JSON.stringify(runLogRows(refused.sim).at(-1))).toContain(
      "BigQuery refused the query for quota or rate limits",
    );
    // The sidebar's Setup view lists the run's problems (in the run's language; Chinese: bigquery-source.test.ts).
    const setup = callGlobal(refused.sim, "sidebarSetup", { kind: "manual", user: "alice" }) as {
      problems: { groups: unknown[] };
    };
    expect(setup.problems.groups[0]).toEqual({
      cells: "Sales!A1",
      rows: 1,
      message:
        "BigQuery refused the query for quota or rate limits (Quota exceeded: Your project acme-sales exceeded quota for free query bytes scanned.); nothing was computed, the next run tries again",
    });
  });
});
