/**
 * The Sales sheet as CRMs export it, through a whole run of the built bundle:
 * open deals are pipeline (no problem, no actual), a lost deal needs no
 * amount, owners may be names, the header may sit below title rows, Customer
 * and Status may be missing, and a sheet without one dated won or lost deal
 * computes nothing rather than a table of zeros.
 */
import { describe, expect, it } from "vitest";
import { createSimulator } from "../../src/simulator/index";
import type { CellInput } from "../../src/simulator/snapshot";
import { column, recalculateLocally } from "../recalculation/fixtures";

type Summary = { outcome: string; problems: string[]; details: string[] };

const REPS: CellInput[][] = [
  ["Rep ID", "Name", "Team"],
  ["R1", "Ann Lee", "East"],
  ["R2", "Bo Chen", "East"],
  ["R3", "Cy Diaz", "West"],
];

function run(
  sheets: Record<string, CellInput[][]>,
  options: Record<string, unknown> = {},
): { sim: ReturnType<typeof createSimulator>; summary: Summary } {
  const sim = createSimulator({ now: "2026-05-10T12:00:00Z", timeZone: "UTC", sheets });
  const summary = recalculateLocally(sim, options) as unknown as Summary;
  // These workbooks have no Plan sheet on purpose: the default plan's warning is not what is tested.
  const problems = summary.problems.filter((p) => p !== "Plan!A1: there is no Plan sheet; the default plan is used");
  expect(problems.length).toBe(summary.problems.length - 1);
  return { sim, summary: { ...summary, problems } };
}

/** Results' `<metric> actual` per rep ID and period. */
function actuals(sim: ReturnType<typeof createSimulator>, metric: string): Record<string, number | string> {
  const values = sim.sheetValues("Results");
  const out: Record<string, number | string> = {};
  for (const row of values.slice(1))
    out[String(row[column(values, "Period")]) + " " + String(row[column(values, "Rep ID")])] = row[
      column(values, metric + " actual")
    ] as number | string;
  return out;
}

describe("open deals at scale", () => {
  it("10,000 rows with 2,000 open deals (no close date or no amount) give no problem, and open deals count in no actual", () => {
    const sales: CellInput[][] = [["Opportunity Owner", "Account Name", "Close Date", "Amount", "Stage"]];
    const expected = new Map<string, number>();
    const owners = ["R1", "R2", "R3"];
    for (let i = 0; i < 10_000; i += 1) {
      const owner = owners[i % 3];
      const month = 3 + (i % 2);
      const day = 1 + (i % 28);
      const date = `2026-0${month}-${String(day).padStart(2, "0")}`;
      if (i % 5 === 0) {
        // Open: every fifth row, some without a date, some without an amount, some with both.
        // "Demo booked" is no CRM's built-in word: read as open, and said to be unknown.
        const stage = ["Prospecting", "Demo booked", "Proposal/Price Quote"][i % 3];
        sales.push([owner, "Acct " + i, i % 2 === 0 ? "" : date, i % 3 === 0 ? "" : 500, stage]);
        continue;
      }
      const lost = i % 7 === 0;
      // Lost deals often have no amount in an export: they still count as lost.
      sales.push([owner, "Acct " + i, date, lost ? "" : 100, lost ? "Closed Lost" : "Closed Won"]);
      if (!lost) expected.set(`2026-0${month} ${owner}`, (expected.get(`2026-0${month} ${owner}`) ?? 0) + 100);
    }
    const { sim, summary } = run({ Reps: REPS, Sales: sales });
    expect(summary.problems).toEqual([]);
    expect(summary.outcome).toBe("done");
    const revenue = actuals(sim, "revenue");
    for (const [key, amount] of expected) expect(revenue[key]).toBe(amount);
    // The run says how it read the stage words and what the pipeline holds.
    expect(summary.details).toContain("Status words read:");
    expect(summary.details.some((line) => line.includes('"Closed Won" → won'))).toBe(true);
    expect(
      summary.details.some((line) => line.includes('"Demo booked" → open') && line.includes("not a known word")),
    ).toBe(true);
    expect(
      summary.details.some((line) =>
        /^2,000 open deals \(\$[\d,.]+\) are pipeline: counted in no actual\.$/.test(line),
      ),
    ).toBe(true);
  });

  it("counts a lost deal with a blank amount in the win rate", () => {
    const sales: CellInput[][] = [
      ["Close Date", "Sales Rep", "Amount", "Stage"],
      ["2026-03-02", "R1", 1000, "Won"],
      ["2026-03-03", "R1", "", "Lost"],
      ["2026-03-04", "R1", 3000, "Won"],
      ["2026-03-05", "R1", "", "Lost"],
    ];
    const { sim, summary } = run({ Reps: REPS, Sales: sales });
    expect(summary.problems.filter((p) => !p.includes("Customer"))).toEqual([]);
    // 2 won / (2 won + 2 lost) = 0.5; before, the lost rows were dropped and the rate was 1.
    expect(actuals(sim, "win_rate")["2026-03 R1"]).toBe(0.5);
    expect(actuals(sim, "revenue")["2026-03 R1"]).toBe(1000 + 3000);
  });
});

describe("owners, headers and missing columns", () => {
  it("matches owners given by Name while Reps holds IDs; a name two reps share is a problem at its cell", () => {
    const reps: CellInput[][] = [...REPS, ["R4", "Ann Lee", "West"]];
    const sales: CellInput[][] = [
      ["Date", "Sales Person", "Customer", "Amount"],
      ["2026-03-02", " bo chen ", "Acme", 1200],
      ["2026-03-09", "R3", "Globex", 800],
      ["2026-03-10", "Cy Diaz", "Initech", 200],
      ["2026-03-11", "Ann Lee", "Umbrella", 999],
    ];
    const { sim, summary } = run({ Reps: reps, Sales: sales });
    expect(summary.problems).toEqual([
      'Sales!B5: Sales Person "Ann Lee" is the Name of more than one rep (R1, R4); use the Rep ID; the row is left out',
    ]);
    const revenue = actuals(sim, "revenue");
    expect(revenue["2026-03 R2"]).toBe(1200);
    expect(revenue["2026-03 R3"]).toBe(800 + 200);
    expect(revenue["2026-03 R1"]).toBe(0);
  });

  it("finds the header row below a report's title and filter lines, and says which row it used", () => {
    const sales: CellInput[][] = [
      ["Opportunities by Owner — Q1 2026"],
      ["Filtered By: Close Date equals LAST QUARTER"],
      [],
      ["Opportunity Owner", "Opportunity Name", "Account Name", "Type", "Amount", "Close Date", "Stage"],
      ["Ann Lee", "Renewal 2026", "Acme", "Existing Customer - Upgrade", 5000, "2026-03-30", "Closed Won"],
      ["R2", "New logo", "Globex", "New Customer", 2500, "2026-03-12", "Closed Won"],
      ["R2", "Upsell", "Globex", "Existing Customer - Upgrade", 900, "2026-03-20", "Closed Lost"],
      ["R3", "Pilot", "Hooli", "Pilot", 400, "2026-03-21", "Closed Won"],
      ["Grand Totals (4 records)", "", "", "", 8800, "", ""],
      [],
      ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
      ["Confidential Information - Do Not Distribute"],
      ["Generated By: Ann Lee 4/2/2026, 9:14 AM"],
    ];
    const { sim, summary } = run({ Reps: REPS, Sales: sales });
    // The footer and the totals line are not deals; an unknown Type word costs the deal only its type.
    expect(summary.problems).toEqual([
      "Sales!A4: the header row is row 4; the 3 row(s) above it are taken as a title and ignored",
      'Sales!D8: Type "Pilot" is not one of new, renewal, expansion (新客户, 续约, 增购); the deal counts without a type',
    ]);
    expect(actuals(sim, "revenue")["2026-03 R1"]).toBe(5000);
    expect(actuals(sim, "revenue")["2026-03 R2"]).toBe(2500);
    expect(actuals(sim, "revenue")["2026-03 R3"]).toBe(400);
    // Salesforce's "New Customer" is the type new: Globex is R2's one new customer.
    expect(actuals(sim, "new_customers")["2026-03 R2"]).toBe(1);
  });

  it("reads an order export with no Customer and no Status: every row won, new_customers without data, said once", () => {
    const sales: CellInput[][] = [
      ["Order Date", "Salesperson", "Revenue", "Product"],
      ["2026-03-02", "R1", 120.5, "Widget"],
      ["2026-03-15", "R1", 79.5, "Gadget"],
      ["2026-04-01", "R2", 300, "Widget"],
    ];
    const { sim, summary } = run({ Reps: REPS, Sales: sales });
    expect(summary.problems).toEqual(["Sales!A1: Sales has no Customer column, so new_customers has no data"]);
    expect(summary.outcome).toBe("done");
    expect(actuals(sim, "revenue")["2026-03 R1"]).toBe(120.5 + 79.5);
    expect(actuals(sim, "revenue")["2026-04 R2"]).toBe(300);
    expect(actuals(sim, "new_customers")["2026-03 R1"]).toBe("");
  });

  it("makes the owners the reps when there is no Reps sheet, and says so once", () => {
    const sales: CellInput[][] = [
      ["close_date", "sales_agent", "account", "close_value", "deal_stage"],
      ["2026-03-02", "Moses Frase", "Cancity", 1054, "Won"],
      ["2026-03-04", "Darcel Schlecht", "Isdom", 4514, "Won"],
      ["2026-03-08", "Moses Frase", "Codehow", 0, "Lost"],
      ["", "Darcel Schlecht", "Hatfan", "", "Engaging"],
      ["Copyright (c) 2026 Example CRM Inc. Report generated 2026-04-02"],
    ];
    const { sim, summary } = run({ Sales: sales });
    expect(summary.problems).toEqual([
      "Reps!A1: there is no Reps sheet (or it is empty): the reps are the 2 owners found in Sales; Set up sheets writes them to a Reps sheet to complete",
    ]);
    const values = sim.sheetValues("Results");
    const names = values.slice(1).map((row) => row[column(values, "Name")]);
    expect(new Set(names)).toEqual(new Set(["Moses Frase", "Darcel Schlecht"]));
    expect(actuals(sim, "revenue")["2026-03 Darcel Schlecht"]).toBe(4514);
    // No targets: no score, but the ranks follow revenue (4514 > 1054), and each row says so.
    const march = values.slice(1).filter((row) => row[column(values, "Period")] === "2026-03");
    const rankOf = (name: string) =>
      march.find((row) => row[column(values, "Name")] === name)?.[column(values, "Rank")];
    expect([rankOf("Darcel Schlecht"), rankOf("Moses Frase")]).toEqual([1, 2]);
    expect(march.every((row) => row[column(values, "Score")] === "")).toBe(true);
    expect(
      march.every((row) =>
        String(row[column(values, "Notes")]).includes("Ranked by revenue: no one has a score yet (no targets)"),
      ),
    ).toBe(true);
    expect(summary.details.some((line) => line.startsWith("There are no targets yet"))).toBe(true);
    // The review says the same rank as the row, and why there is no score.
    const reviews = sim.sheetValues("Reviews");
    const review = reviews.find((row) => row[0] === "2026-03" && row[1] === "Darcel Schlecht")?.[2];
    expect(String(review)).toContain(
      "no metric had both data and a target yet, so there is no target bonus this period. By revenue, you rank 1 of 2.",
    );
  });
});

describe("an export imported under its own name", () => {
  it("is read as Sales when no sheet is named Sales, and the run says so", () => {
    const pipeline: CellInput[][] = [
      ["opportunity_id", "sales_agent", "account", "deal_stage", "engage_date", "close_date", "close_value"],
      ["1C1I7A6R", "R1", "Cancity", "Won", "2026-02-20", "2026-03-01", 1054],
      ["Z063OYW0", "R2", "Isdom", "Won", "2026-02-25", "2026-03-11", 4514],
    ];
    const notes: CellInput[][] = [
      ["Rep ID", "Amount", "note"],
      ["R1", 5, "not a sales sheet: no date"],
    ];
    const { sim, summary } = run({ Reps: REPS, Notes: notes, sales_pipeline: pipeline });
    expect(summary.problems).toEqual([
      "sales_pipeline!A1: there is no sheet named Sales; the sheet sales_pipeline has a sales header row and is read as Sales (rename it, or choose it in Setup, to make this official)",
    ]);
    expect(actuals(sim, "revenue")["2026-03 R2"]).toBe(4514);
  });
});

describe("nothing usable, nothing computed", () => {
  it("with no usable close date in Sales it says so and writes no leaderboard of zeros", () => {
    const sales: CellInput[][] = [
      ["Close Date", "Owner", "Amount", "Stage"],
      ["", "R1", 100, "Prospecting"],
      ["soon", "R2", 200, "Closed Won"],
    ];
    const { sim, summary } = run({ Reps: REPS, Sales: sales });
    expect(summary.problems).toEqual([
      "Sales!A1: Sales has no Customer column, so new_customers has no data",
      'Sales!A3: Close Date "soon" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
      "Sales!A1: no won or lost deal in Sales has a usable close date, so nothing is computed",
    ]);
    const results = sim.sheetNames().includes("Results") ? sim.sheetValues("Results").slice(1) : [];
    expect(results).toEqual([]);
  });
});
