import { afterAll, describe, expect, it } from "vitest";
import { dayNumber } from "../core/calendar";
import type { Rep } from "../core/records";
import { createSimulator } from "../simulator";
import { bigQuerySchema, DEALS_TABLE, warehouseContext } from "../../test/fixtures/bigquery-tables";
import { readWarehouseRows, warehouseAggregatesOf } from "./sales-source";
import { defaultSettings } from "./settings";

const sim = createSimulator({ now: "2026-04-03T06:00:00Z", user: "alice" });
sim.bigQuery.setTable(DEALS_TABLE, {
  schema: bigQuerySchema({
    "Close Date": "TIMESTAMP",
    Owner: "STRING",
    Amount: "NUMERIC",
    Stage: "STRING",
    Type: "STRING",
    Customer: "STRING",
    Opened: "DATE",
    Split: "FLOAT64",
  }),
  rows: [
    // 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai: an April deal there.
    ["2026-03-31T17:00:00Z", "r1", "100", "Won", "New", "Acme", "2026-03-20", 1],
    ["2026-03-15T02:00:00Z", "Ann Lee", "50", "Closed Lost", "Renewal", "Beta", null, null],
    ["2026-03-10T00:00:00Z", "r2", "200", "Won", "Renewal", "Acme", "2026-03-01", 0.5],
    ["2026-03-20T00:00:00Z", "nobody", "10", "Won", "New", "Gamma", null, 1],
  ],
});
afterAll(() => sim.bigQuery.close());

function rep(key: string, name: string): Rep {
  return {
    key,
    id: key,
    name,
    email: "",
    role: "AE",
    team: "",
    manager: "",
    start: null,
    end: null,
    targetBonus: null,
  } as unknown as Rep;
}

describe("Sales read from a BigQuery table as the aggregation contract", () => {
  it("adds the deals up per rep and month in the spreadsheet's zone, owners matched to reps by ID or Name", () => {
    sim.resetCalls();
    const reps = [rep("r1", "Ann Lee"), rep("r2", "Bo Chen")];
    const read = readWarehouseRows(warehouseContext(sim, 120_000), {
      settings: defaultSettings(),
      timeZone: "Asia/Shanghai",
      reps,
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { aggregates, problems } = warehouseAggregatesOf(read.value, reps, "Sales");
    const months = [...aggregates.months].sort((a, b) => (a.rep + a.month < b.rep + b.month ? -1 : 1));
    expect(
      months.map((m) => [
        m.rep,
        m.month,
        m.revenue,
        m.dealsWon,
        m.dealsLost,
        m.renewalsWon,
        m.renewalsLost,
        m.cycleDaysSum,
        m.cycleDeals,
      ]),
    ).toEqual([
      ["r1", "2026-03", 0, 0, 1, 0, 1, 0, 0],
      ["r1", "2026-04", 100, 1, 0, 0, 0, 12, 1],
      ["r2", "2026-03", 100, 1, 0, 1, 0, 9, 1],
    ]);
    expect(aggregates.newCustomerRule).toBe("type");
    expect(aggregates.newCustomers).toEqual([
      { rep: "r1", month: "2026-04", customerKey: "acme", day: dayNumber(2026, 4, 1), open: false },
    ]);
    expect(problems.map((p) => p.code)).toContain("warehouse_unknown_owner");
    // tables.get and two queries, whatever the number of deals.
    expect(read.value.calls).toBe(3);
    expect(sim.countCalls((c) => c.service.startsWith("BigQuery"))).toBe(3);
  });
});
