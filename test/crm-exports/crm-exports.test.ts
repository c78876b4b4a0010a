/**
 * CRM exports pasted into Sales as they come out of the product, headers and
 * stage words unrenamed: each fixture of test/fixtures/crm-exports through a
 * whole run of the BUILT bundle in the simulator (with a Reps and a Targets
 * sheet) and through `npm start -- --input <csv>` (the export alone).
 *
 * Revenue per owner and month is checked against a hand computation: the
 * amounts of the won deals, summed per owner and close month, written out.
 * Open deals (no date, no amount, any stage word that is not an outcome) must
 * raise no problem; lost deals, some without an amount, count in no revenue.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvToGrid, decodeCsvBytes } from "../../src/local/workbook/csv-workbook";
import { readXlsx } from "../../src/local/workbook/xlsx-workbook";
import { createSimulator, type Simulator } from "../../src/simulator";
import { recalculateLocally } from "../recalculation/fixtures";
import { ensureBuilt, records, ROOT, runStart, sheetOf } from "../local/start-helpers";

const DIR = join(ROOT, "test/fixtures/crm-exports");

/** Owner as the export writes it, to month, to the won revenue. */
type Revenue = Record<string, Record<string, number>>;

interface Fixture {
  file: string;
  /** How the file's numeric day-month dates read (README: which --date-order it needs). */
  dateOrder?: "dmy" | "mdy";
  /** 1-based sheet rows of the open deals. */
  openRows: number[];
  revenue: Revenue;
}

// Each figure: the Amount of every won deal of that owner closed in that
// month, in file order (the lost and open rows left out).
const SALESFORCE_REVENUE: Revenue = {
  "Alice Chen": { "2026-01": 16750, "2026-02": 16750, "2026-03": 8750 },
  "Bob Martinez": { "2026-01": 21500 + 20750 + 2500, "2026-02": 14250 + 20250 },
  "Carol Smith": { "2026-01": 22250 + 5000 + 17250 },
  "David Kim": { "2026-01": 21750 + 13750, "2026-02": 14750 + 21250 + 16500, "2026-03": 7500 },
};

const FIXTURES: Fixture[] = [
  {
    file: "salesforce.csv",
    dateOrder: "mdy",
    openRows: [8, 11, 12, 18, 20, 22, 23, 24, 25, 26, 32],
    revenue: SALESFORCE_REVENUE,
  },
  {
    // The same deals below a title and two filter lines: rows move down by three.
    file: "salesforce-report.csv",
    dateOrder: "mdy",
    openRows: [11, 14, 15, 21, 23, 25, 26, 27, 28, 29, 35],
    revenue: SALESFORCE_REVENUE,
  },
  {
    file: "hubspot.csv",
    openRows: [4, 5, 16, 18, 21],
    revenue: {
      "Alice Chen": { "2026-01": 4500 + 17750 + 15750 + 2000, "2026-02": 13000 + 4500, "2026-03": 23000 + 10750 },
      "Bob Martinez": { "2026-01": 10500 + 7250 + 3250, "2026-02": 13750 + 8250 + 7500, "2026-03": 19500 },
      "Carol Smith": { "2026-01": 23750 + 4750, "2026-02": 20750, "2026-03": 16500 + 19500 + 6500 },
    },
  },
  {
    // By "Deal - Deal closed on"; "Deal - Creator" is not the owner.
    file: "pipedrive.csv",
    openRows: [4, 7, 8, 12, 16, 23, 24, 26],
    revenue: {
      "Bob Martinez": { "2026-02": 21750 + 23750 + 19750, "2026-03": 20000 + 4750 + 3250 + 5500 },
      "Carol Smith": { "2026-02": 11000 + 21750 + 14750 + 10500, "2026-03": 18000 + 2750 },
      "David Kim": { "2026-02": 17500 + 8500, "2026-03": 11250 + 8500 + 7000 },
    },
  },
  {
    // Amount, not the weighted Expected Revenue; "Created By" is not the owner.
    file: "zoho.csv",
    dateOrder: "dmy",
    openRows: [5, 8, 11, 12, 18, 25, 27, 31],
    revenue: {
      "Alice Chen": { "2026-01": 7500 + 18750, "2026-02": 15250, "2026-03": 21750 + 22000 },
      "Carol Smith": { "2026-01": 20250 + 13250 + 7750, "2026-02": 17000 + 21000, "2026-03": 17750 },
      "David Kim": { "2026-01": 6750, "2026-02": 7500 + 8750, "2026-03": 2750 + 18750 },
    },
  },
  {
    // Actual Revenue and Actual Close Date, not the estimates (1500 more, sometimes a month earlier).
    file: "dynamics365.csv",
    openRows: [4, 8, 11, 12, 13, 15, 16, 17, 24, 26, 29, 31],
    revenue: {
      "Alice Chen": { "2026-01": 8750, "2026-02": 23250, "2026-03": 12500 + 23250 + 22750 },
      "Bob Martinez": { "2026-01": 2750, "2026-02": 16250, "2026-03": 23250 + 3250 },
      "Carol Smith": { "2026-01": 19250, "2026-02": 12250 + 23000 },
      "David Kim": { "2026-01": 22500, "2026-02": 22750 + 7500 },
    },
  },
  {
    // By Closed Date, not Expected Closing.
    file: "odoo.csv",
    openRows: [2, 3, 4, 8, 14, 20, 21, 24, 25],
    revenue: {
      "Alice Chen": { "2026-01": 9500, "2026-02": 18750 + 18750, "2026-03": 18000 + 13500 },
      "Bob Martinez": { "2026-01": 17250, "2026-02": 9250 + 16250, "2026-03": 6250 + 23250 + 22250 },
      "David Kim": { "2026-01": 13500 + 14500, "2026-02": 2000 + 11500, "2026-03": 19500 + 8250 + 9000 },
    },
  },
  {
    // By 结单日期, not 预计成交日期; dates written 2026年1月11日.
    file: "jiandaoyun.csv",
    openRows: [4, 17, 23, 24, 26, 33],
    revenue: {
      刘洋: { "2026-01": 184000 + 176000, "2026-02": 299000 + 243000, "2026-03": 237000 },
      张伟: { "2026-01": 24000 + 272000, "2026-02": 99000 + 291000 + 128000, "2026-03": 32000 + 51000 },
      李娜: { "2026-01": 278000 + 168000 + 52000, "2026-02": 149000 + 299000, "2026-03": 278000 },
      王芳: { "2026-01": 97000 + 170000, "2026-02": 203000 + 150000 + 149000, "2026-03": 142000 },
    },
  },
  {
    file: "fxiaoke.csv",
    openRows: [3, 5, 12, 18, 23, 25],
    revenue: {
      刘洋: { "2026-02": 263000 + 113000 + 75000 + 94000, "2026-03": 115000 + 77000 + 294000 },
      李娜: { "2026-02": 255000 + 82000 + 46000 + 247000, "2026-03": 194000 + 140000 },
      王芳: { "2026-02": 205000 + 180000, "2026-03": 54000 },
    },
  },
  {
    // 商机状态 (成交, 丢单, 进行中) and 销售阶段 both; amounts as ¥210,000 and 8.9万.
    file: "xiaoshouyi.csv",
    openRows: [4, 5, 8, 10, 11, 18, 20, 21, 25],
    revenue: {
      刘洋: { "2026-01": 30000, "2026-02": 97000 + 242000, "2026-03": 89000 + 271000 },
      张伟: { "2026-01": 210000 + 279000, "2026-02": 36000 + 246000, "2026-03": 212000 + 58000 },
      王芳: { "2026-01": 208000 + 188000, "2026-02": 63000 + 246000, "2026-03": 44000 + 107000 },
    },
  },
  {
    // No Customer and no Status column: every order is a sale; owners are Rep IDs; dates "Jan 9, 2026".
    file: "order-export.csv",
    openRows: [],
    revenue: {
      R1: { "2026-01": 16250 + 11750 + 19000, "2026-02": 8250 + 16250 + 9750, "2026-03": 20250 + 5750 + 19250 },
      R2: { "2026-01": 4500 + 4750 + 10000, "2026-02": 16250 + 15750 + 22500, "2026-03": 2750 + 14250 + 9500 },
      R3: { "2026-01": 11750 + 7250 + 17750, "2026-02": 14250 + 5250 + 3500, "2026-03": 14500 + 3750 },
    },
  },
  {
    // Lost deals with close_value 0 or blank; Prospecting without engage_date.
    file: "snake-case.csv",
    openRows: [5, 7, 10, 11, 14, 33],
    revenue: {
      "Alice Chen": { "2026-01": 10750, "2026-02": 20000 + 20000, "2026-03": 3250 + 11750 },
      "Bob Martinez": { "2026-01": 11500, "2026-02": 21500 + 18000, "2026-03": 10000 },
      "Carol Smith": { "2026-01": 16000 + 18250, "2026-02": 7250 + 16500 + 8000, "2026-03": 15250 + 21750 },
      "David Kim": { "2026-01": 9500 + 14750, "2026-02": 5500 + 3000, "2026-03": 17500 + 8250 + 18000 },
    },
  },
];

const MONTHS = ["2026-01", "2026-02", "2026-03"];

function csvGrid(file: string): string[][] {
  return csvToGrid(decodeCsvBytes(readFileSync(join(DIR, file))).text);
}

/** The shared Reps sheet: R1-R4 with English names, R5-R8 with Chinese ones. */
const REPS = csvGrid("reps.csv");
const REP_ID_BY_NAME = new Map(REPS.slice(1).map((row) => [row[1], row[0]]));

/** A revenue target for everyone in each month (so revenue has a target and an attainment). */
function targetsGrid(): unknown[][] {
  return [
    ["Rep ID", "Period", "Metric", "Target"],
    ...["2026-01", "2026-02", "2026-03", "2026-04"].map((p) => ["*", { value: p, format: "@" }, "revenue", 100000]),
  ];
}

function simulatorFor(fixture: Fixture): Simulator {
  return createSimulator({
    now: "2026-05-10T12:00:00Z",
    timeZone: "UTC",
    sheets: { Reps: REPS, Sales: csvGrid(fixture.file), Targets: targetsGrid() } as never,
  });
}

/** Sheet row of each problem on Sales (`Sales!D12: ...` is 12). */
function salesProblemRows(problems: readonly string[]): number[] {
  return problems.flatMap((p) => {
    const match = /^'?Sales'?!\$?[A-Z]+\$?(\d+)\b/.exec(p);
    return match ? [Number(match[1])] : [];
  });
}

/** Results' revenue actual of one rep and month; undefined when there is no such row. */
function revenueIn(results: Record<string, unknown>[], repId: string, month: string): unknown {
  const row = results.find((r) => r.Period === month && r["Rep ID"] === repId);
  return row === undefined ? undefined : row["revenue actual"];
}

function asRecords(values: unknown[][]): Record<string, unknown>[] {
  const [header, ...rows] = values;
  return rows.map((row) => Object.fromEntries((header as unknown[]).map((h, c) => [String(h), (row as unknown[])[c]])));
}

/** Revenue actual is 0 or left blank for a rep without a won deal in a month. */
function expectNoRevenue(value: unknown, where: string): void {
  expect([0, "", null, undefined], where).toContain(value);
}

describe.each(FIXTURES)("$file in the simulator, with Reps and Targets", (fixture) => {
  let summary: { outcome: string; problems: string[]; errorCount?: number };
  let results: Record<string, unknown>[];

  beforeAll(() => {
    ensureBuilt();
    const sim = simulatorFor(fixture);
    const settings = fixture.dateOrder ? { settings: { dateOrder: fixture.dateOrder } } : {};
    summary = recalculateLocally(sim, settings) as typeof summary;
    results = sim.sheetNames().includes("Results") ? asRecords(sim.sheetValues("Results") as unknown[][]) : [];
  });

  it("runs to done", () => {
    expect(summary.outcome, summary.problems.join("\n")).toBe("done");
  });

  it("raises no problem on any open deal", () => {
    const open = new Set(fixture.openRows);
    expect(summary.problems.filter((problem) => open.has(salesProblemRows([problem])[0] ?? -1))).toEqual([]);
  });

  it("reads every row: no Sales row left out", () => {
    expect(summary.errorCount ?? 0, summary.problems.join("\n")).toBe(0);
  });

  it("sums the won deals per owner and month, open and lost ones left out", () => {
    for (const [owner, months] of Object.entries(fixture.revenue)) {
      const repId = REP_ID_BY_NAME.get(owner) ?? owner;
      for (const month of MONTHS) {
        const where = `${owner} ${month}`;
        if (month in months) expect(revenueIn(results, repId, month), where).toBe(months[month]);
        else expectNoRevenue(revenueIn(results, repId, month), where);
      }
    }
  });
});

describe.each(FIXTURES)("npm start -- --input $file", (fixture) => {
  let dir: string;
  let status: number | null;
  let output: string;
  let results: Record<string, unknown>[];

  beforeAll(async () => {
    ensureBuilt();
    dir = await mkdtemp(join(tmpdir(), "crm-export-"));
    const out = join(dir, "result.xlsx");
    const args = ["--input", join(DIR, fixture.file), "--out", out];
    if (fixture.dateOrder) args.push("--date-order", fixture.dateOrder);
    const run = runStart(args);
    status = run.status;
    output = run.stdout + run.stderr;
    results = status === 0 || status === 2 ? records(sheetOf(await readXlsx(out), "Results")) : [];
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("exits 0: the result is written and the export had at most warnings", () => {
    expect(status, output).toBe(0);
  });

  it("gives the same revenue per owner and month, the owners being the reps", () => {
    for (const [owner, months] of Object.entries(fixture.revenue)) {
      // Without a Reps sheet the owners as written are the reps.
      const ofOwner = results.filter((r) => r["Rep ID"] === owner || r.Name === owner);
      for (const month of MONTHS) {
        const row = ofOwner.find((r) => r.Period === month);
        const where = `${owner} ${month}`;
        if (month in months) expect(row?.["revenue actual"], where).toBe(months[month]);
        else expectNoRevenue(row?.["revenue actual"], where);
      }
    }
  });
});
