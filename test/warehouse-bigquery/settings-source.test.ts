/**
 * Choosing a BigQuery Sales source in Setup → Settings, through the BUILT
 * bundle in the simulator: a bad table or project is refused with one line
 * naming the field; a user who left the BigQuery scope out is asked for it
 * right away (and only then); the saved source is checked against the table,
 * and its problems (no access, no such table) are said in the answer.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { BIGQUERY_SCOPE } from "../../src/addon/bigquery-source";
import type { Simulator } from "../../src/simulator";
import { DEFAULT_SHEET_NAMES } from "../../src/tables/sheet-roles";
import { bigQuerySchema, DEALS_TABLE as TABLE } from "../fixtures/bigquery-tables";
import { sidebarCalls, teamSimulator } from "../recalculation/fixtures";

let sim: Simulator;
const { call, failure, storedSettings } = sidebarCalls(() => sim);

function request(salesSource: unknown): Record<string, unknown> {
  return { sheets: { ...DEFAULT_SHEET_NAMES }, language: "auto", startPeriod: "", salesSource };
}

beforeEach(() => {
  sim?.bigQuery.close();
  sim = teamSimulator({ reps: 3, months: 2, salesRows: 10 }, { user: "alice" });
  sim.bigQuery.setTable(TABLE, {
    schema: bigQuerySchema({ owner: "STRING", amount: "NUMERIC" }),
    rows: [
      ["r1", "10"],
      ["r2", "20"],
    ],
    readers: ["alice"],
  });
});
afterAll(() => sim.bigQuery.close());

describe("a BigQuery Sales source in Settings", () => {
  it("is saved, and the answer says what the table holds", () => {
    const result = call(
      "sidebarSaveSettings",
      request({ kind: "bigquery", table: TABLE, billingProject: "acme-sales" }),
    );
    expect(result).toEqual({
      outcome: "done",
      message:
        "Settings saved: Sales source. BigQuery table acme-sales.crm.deals: 2 rows; runs read it aggregated per rep and month.",
    });
    expect((storedSettings() as { salesSource: { kind: string } }).salesSource).toEqual({
      kind: "bigquery",
      table: TABLE,
      billingProject: "acme-sales",
    });
    expect(sim.scopes.prompts).toEqual([]);
    // The Setup view's sheet listing names the table in Sales' place, even without a Sales sheet.
    sim.spreadsheet.removeSheet(sim.sheetModel("Sales"));
    const setup = call("sidebarSetup") as {
      inputSheets: { role: string; name: string; exists: boolean }[];
      setUp: boolean;
    };
    expect(setup.inputSheets.find((s) => s.role === "sales")).toEqual({ role: "sales", name: TABLE, exists: true });
  });

  it("asks a user who left the BigQuery scope out for it, once the source is saved", () => {
    sim.scopes.decline("alice", BIGQUERY_SCOPE);
    const message = failure(
      "sidebarSaveSettings",
      request({ kind: "bigquery", table: TABLE, billingProject: "acme-sales" }),
    );
    expect(message).toContain("Authorization is required to perform that action.");
    expect(sim.scopes.prompts.map((p) => p.scopes)).toEqual([[BIGQUERY_SCOPE]]);
    expect((storedSettings() as { salesSource: { kind: string } }).salesSource.kind).toBe("bigquery");
    expect(sim.countCalls({ service: "BigQuery.Tables" })).toBe(0);
  });

  it("never asks for the scope for the Sales sheet", () => {
    sim.scopes.decline("alice", BIGQUERY_SCOPE);
    call("sidebarSaveSettings", request({ kind: "sheet" }));
    call("sidebarSaveSettings", { sheets: { ...DEFAULT_SHEET_NAMES }, language: "zh", startPeriod: "" });
    expect(sim.scopes.prompts).toEqual([]);
    expect(sim.countCalls((c) => c.service.startsWith("BigQuery"))).toBe(0);
  });

  it("is saved but flagged when the table cannot be read", () => {
    const result = call(
      "sidebarSaveSettings",
      request({ kind: "bigquery", table: "acme-sales.crm.nope", billingProject: "acme-sales" }),
    ) as {
      outcome: string;
      message: string;
    };
    expect(result.outcome).toBe("failed");
    expect(result.message).toBe(
      "Settings saved: Sales source. The table cannot be read yet: Sales!A1: BigQuery has no such table or project (Not found: Table acme-sales:crm.nope): check the table acme-sales.crm.nope and the billing project acme-sales in Setup → Settings; nothing was computed",
    );
  });

  it("refuses a table or project BigQuery could not name, with one line naming the field", () => {
    expect(
      failure("sidebarSaveSettings", request({ kind: "bigquery", table: "deals", billingProject: "acme-sales" })),
    ).toBe('BigQuery table "deals" must be written project.dataset.table, such as acme-sales.crm.deals.');
    expect(
      failure("sidebarSaveSettings", request({ kind: "bigquery", table: TABLE, billingProject: "Acme Sales" })),
    ).toBe(
      'Billing project "Acme Sales" must be a Google Cloud project ID: 6 to 30 lower-case letters, digits or hyphens.',
    );
    expect(failure("sidebarSaveSettings", request({ kind: "warehouse" }))).toBe(
      "Sales source must be this spreadsheet's Sales sheet or a BigQuery table.",
    );
    expect(storedSettings()).toBeNull();
  });
});
