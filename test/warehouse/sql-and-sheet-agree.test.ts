/**
 * The warehouse path and the sheet path agree: random Sales (close times at
 * month ends in several time zones, splits, lost and open deals, renewals,
 * deals without a customer, owners by ID and by Name, bad rows) read once from
 * a Sales grid and once by the generated SQL on DuckDB over a Parquet file
 * give the same aggregation contract, the same Results and the same pipeline
 * forecasts (the open deals closing).
 *
 * Amounts are whole, splits and probabilities halves and quarters, so every
 * sum is exact in any order: DuckDB adds in its own order, and "the same"
 * here means bit for bit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../property-seed";
import type { DuckDBConnection } from "@duckdb/node-api";
import { makeWallClock } from "../../src/core/calendar";
import { computePeriods } from "../../src/core/engine";
import { forecastPeriod } from "../../src/core/forecast";
import { newCustomerRuleOf, salesAggregatesOf, type SalesAggregates } from "../../src/core/sales-aggregates";
import { readInputs } from "../../src/tables/read-inputs";
import { inputGrids } from "../fixtures/input-grids";
import { stageDictionary } from "../../src/tables/stage-reading";
import { stageProbabilities } from "../../src/tables/probability-reading";
import { openDuckDb, readSalesFile } from "../../src/local/warehouse/duckdb-sales";
import { commission, metric, plan, target, variant, version } from "../fixtures/engine-fixtures";

const ZONES = ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Asia/Kolkata", "Pacific/Auckland"];
const HEADER = ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Split", "Probability"];
const REPS = [
  ["Rep ID", "Name"],
  ["R1", "Ann Lee"],
  ["R2", "Bo Chen"],
  ["R3", "Cy Diaz"],
];
const OWNERS = ["R1", " r1", "Ann Lee", "R2", "bo chen", "R3", "R9", ""];
const CUSTOMERS = ["Acme", " acme ", "Beta", "Gamma", "Delta", ""];
const TYPES = ["New", "Renewal", "Expansion", "", "Upsell?"];
const STATUSES = ["Won", "", "Closed Lost", "lost", "Proposal", "Negotiation", "#N/A"];
const STAGE_PROBABILITIES = { proposal: 0.25 };

interface DealRow {
  closeMs: number | null;
  owner: string;
  customer: string;
  amount: number | null;
  type: string;
  status: string;
  opened: string | null;
  split: number | null;
  probability: number | null;
}

/** Instants within 14 hours of midnight UTC starting a month of 2026 (January to June). */
const closeInstant = fc
  .record({ month: fc.integer({ min: 1, max: 6 }), minutes: fc.integer({ min: -14 * 60, max: 14 * 60 }) })
  .map(({ month, minutes }) => Date.UTC(2026, month - 1, 1) + minutes * 60_000);

const openedDate = fc
  .record({ month: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => "2026-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0"));

const dealRow: fc.Arbitrary<DealRow> = fc.record({
  closeMs: fc.option(closeInstant, { freq: 12 }),
  owner: fc.constantFrom(...OWNERS),
  customer: fc.constantFrom(...CUSTOMERS),
  amount: fc.option(fc.integer({ min: 0, max: 20_000 }), { freq: 10 }),
  type: fc.constantFrom(...TYPES),
  status: fc.constantFrom(...STATUSES),
  opened: fc.option(openedDate, { freq: 2 }),
  split: fc.option(fc.constantFrom(1, 0.5, 0.25, 0.75, 1.5), { freq: 3 }),
  probability: fc.option(fc.constantFrom(0.5, 0.25, 50, 100, 150), { freq: 2 }),
});

function salesGrid(rows: readonly DealRow[]): unknown[][] {
  return [
    HEADER,
    ...rows.map((r) => [
      r.closeMs === null ? "" : new Date(r.closeMs),
      r.owner,
      r.customer,
      r.amount ?? "",
      r.type,
      r.status,
      r.opened ?? "",
      r.split ?? "",
      r.probability ?? "",
    ]),
  ];
}

async function writeParquet(connection: DuckDBConnection, rows: readonly DealRow[], path: string): Promise<void> {
  await connection.run(
    'CREATE OR REPLACE TABLE deals ("Date" TIMESTAMPTZ, "Rep ID" VARCHAR, "Customer" VARCHAR, "Amount" DOUBLE,' +
      ' "Type" VARCHAR, "Status" VARCHAR, "Opened" DATE, "Split" DOUBLE, "Probability" DOUBLE)',
  );
  for (const r of rows) {
    // Blank cells are NULLs in a warehouse, except text the sheet also reads as blank.
    await connection.run(
      "INSERT INTO deals VALUES (CASE WHEN $ms IS NULL THEN NULL ELSE make_timestamptz(CAST($ms AS BIGINT) * 1000) END," +
        " $owner, $customer, $amount, $type, $status, CAST($opened AS DATE), $split, $probability)",
      {
        ms: r.closeMs === null ? null : String(r.closeMs),
        owner: r.owner,
        customer: r.customer,
        amount: r.amount,
        type: r.type,
        status: r.status,
        opened: r.opened,
        split: r.split,
        probability: r.probability,
      },
    );
  }
  await connection.run("COPY deals TO '" + path.replace(/'/g, "''") + "' (FORMAT parquet)");
}

function sorted(aggregates: SalesAggregates): SalesAggregates {
  const key = (parts: readonly (string | number | boolean)[]) => parts.join("\u0001");
  return {
    months: [...aggregates.months].sort((a, b) => (key([a.rep, a.month]) < key([b.rep, b.month]) ? -1 : 1)),
    newCustomers: [...aggregates.newCustomers].sort((a, b) =>
      key([a.rep, a.month, a.customerKey, a.open]) < key([b.rep, b.month, b.customerKey, b.open]) ? -1 : 1,
    ),
    newCustomerRule: aggregates.newCustomerRule,
  };
}

const PLAN = plan(
  version({
    base: variant({
      metrics: [
        metric("revenue", 0.3),
        metric("deals_won", 0.1),
        metric("new_customers", 0.2),
        metric("win_rate", 0.1),
        metric("avg_deal_size", 0.1),
        metric("sales_cycle_days", 0.1, { direction: "lower" }),
        metric("renewal_rate", 0.1),
      ],
      components: [commission()],
    }),
  }),
);
/** Periods forecast as if their open deals closed: a month, a quarter, the year. */
const FORECAST_PERIODS = ["2026-03", "2026-Q2", "2026"];
const PERIODS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-Q1", "2026-Q2", "2026"];
const TARGETS = [
  "revenue",
  "deals_won",
  "new_customers",
  "win_rate",
  "avg_deal_size",
  "sales_cycle_days",
  "renewal_rate",
]
  .map((key, i) => target({ level: "all" }, "2026-03", key, [20_000, 3, 2, 0.5, 8_000, 20, 0.8][i]))
  .concat([target({ level: "all" }, "2026-Q2", "revenue", 50_000)]);

let connection: DuckDBConnection;
let folder: string;
let files = 0;
/** What the draws covered, so a generator that stops producing a case fails the test instead of passing it. */
const seen = { candidates: 0, openDeals: 0, renewals: 0, cycles: 0, leftOut: 0 };

beforeAll(async () => {
  connection = await openDuckDb();
  folder = mkdtempSync(join(tmpdir(), "warehouse-agree-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("the SQL path and the sheet path", () => {
  it("give the same contract and the same Results for random sales", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealRow, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...ZONES),
        fc.boolean(),
        async (rows, zone, withType) => {
          const grid = salesGrid(rows);
          const columns = withType ? HEADER : HEADER.filter((h) => h !== "Type");
          const sheetGrid = withType ? grid : grid.map((row) => row.filter((_, i) => i !== 4));
          const sheet = readInputs(inputGrids({ reps: REPS, sales: sheetGrid }), {
            wallClock: makeWallClock(zone),
            manualMetrics: new Set(),
            planMetrics: new Set(["revenue"]),
            stageProbabilities: STAGE_PROBABILITIES,
          });
          expect(columns.length).toBe(sheetGrid[0].length);
          const records = { ...sheet.records, targets: TARGETS };
          const fromSheet = salesAggregatesOf(
            records.sales,
            newCustomerRuleOf(records.salesHaveType, records.salesHaveCustomer ?? true),
          );

          const path = join(folder, "sales-" + files++ + ".parquet");
          await writeParquet(connection, rows, path);
          if (!withType) {
            await connection.run(
              'COPY (SELECT * EXCLUDE ("Type") FROM read_parquet(\'' + path + "')) TO '" + path + ".x.parquet'",
            );
          }
          const fromSql = await readSalesFile(connection, withType ? path : path + ".x.parquet", {
            reps: records.reps,
            timeZone: zone,
            stages: stageDictionary(),
            stageProbabilities: stageProbabilities(STAGE_PROBABILITIES),
          });
          expect(sorted(fromSql.aggregates!)).toEqual(sorted(fromSheet));
          seen.candidates += fromSheet.newCustomers.length;
          seen.leftOut += fromSql.problems.length;
          for (const month of fromSheet.months) {
            seen.openDeals += month.openDeals;
            seen.renewals += month.renewalsWon + month.renewalsLost;
            seen.cycles += month.cycleDeals;
          }

          const viaSheet = computePeriods({ records, plan: PLAN, periods: PERIODS });
          const viaSql = computePeriods({
            records: { ...records, sales: [] },
            salesAggregates: fromSql.aggregates,
            plan: PLAN,
            periods: PERIODS,
          });
          expect(viaSql.results).toEqual(viaSheet.results);

          for (const period of FORECAST_PERIODS) {
            const sheetForecast = forecastPeriod({ records, plan: PLAN, periods: [] }, period);
            const sqlForecast = forecastPeriod(
              { records: { ...records, sales: [] }, salesAggregates: fromSql.aggregates, plan: PLAN, periods: [] },
              period,
            );
            expect(sqlForecast).toEqual(sheetForecast);
          }
        },
      ),
      { numRuns: 40 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  }, 120_000);
});
