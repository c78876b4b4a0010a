/**
 * `npm start` on the demo workbook, run as the README runs it (a real
 * process: build/run-tool.mjs bundles src/local/cli/start.ts and runs it on the
 * built dist/Code.js), then the result workbook read back and checked against
 * figures worked out here by hand from the demo's own rows with the rules'
 * arithmetic (docs/sheet-formats.md: metrics, attainment and score, tiers and
 * pay), never from the engine's output.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellData, WorkbookData } from "../../src/local/workbook/workbook-data";
import { readXlsx, writeXlsx } from "../../src/local/workbook/xlsx-workbook";
import { defaultPlanSheet } from "../../src/local/workbook/default-plan-sheet";
import { DEMO, ensureBuilt, records, runStart, sheetOf, type CommandRun } from "./start-helpers";

const OUTPUT_SHEETS = ["Results", "Payouts", "Reviews", "Dashboard", "Problems", "Run log"];
const INPUT_SHEETS = ["Reps", "Sales", "Targets", "Scores", "Adjustments", "Plan"];

let dir: string;
let run: CommandRun;
let demo: WorkbookData;
let result: WorkbookData;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), "start-demo-"));
  run = runStart(["--out", join(dir, "result.xlsx")]);
  demo = await readXlsx(DEMO);
  result = await readXlsx(join(dir, "result.xlsx"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the demo's rows

const wall = (cell: CellData): string => (cell as { wallClock: string }).wallClock;
const DAY = 86_400_000;
const dayMs = (text: string): number =>
  Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
const daysInMonth = (month: string): number =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]): number => sum(xs) / xs.length;

interface Expected {
  revenue: { actual: number; target: number; attainment: number };
  new_customers: { actual: number; target: number; attainment: number };
  win_rate: { actual: number; target: number; attainment: number };
  score: number;
  bonus: number;
}

/**
 * The figures of one rep and month, by the rules in docs/sheet-formats.md:
 * - revenue actual = sum of Amount x Split (blank = 1) over won deals (Status
 *   won or blank) whose Date falls in the month; target = the rep's own
 *   Targets row, prorated;
 * - new_customers = distinct Customers of won deals of Type new; target from
 *   the most specific Targets row (rep, team:, role:, *), prorated;
 * - win_rate = won / (won + lost) deals closed in the month; renewal_rate the
 *   same among Type renewal; manual metrics = mean of the Scores rows;
 * - proration = days employed in the month / days in the month (additive
 *   targets and the target bonus only);
 * - attainment = actual / target (all higher-is-better here); achievement =
 *   0 below the floor, else attainment capped; score = sum of weight x
 *   achievement / sum of weights over the metrics with data and a target;
 * - target bonus = linear tier rate of the score (0 below the gate),
 *   limited by max_rate, x Target bonus x proration; commission = marginal
 *   tiers on revenue; payout = components rounded half-up to cents, plus
 *   adjustments.
 */
function expectedFor(repId: string, month: string): Expected {
  const reps = records(sheetOf(demo, "Reps"));
  const sales = records(sheetOf(demo, "Sales"));
  const targets = records(sheetOf(demo, "Targets"));
  const scores = records(sheetOf(demo, "Scores"));
  const adjustments = records(sheetOf(demo, "Adjustments"));
  const plan = records(sheetOf(demo, "Plan")).filter((row) => row["Effective from"] === null && row.Role === null);

  const rep = reps.find((r) => r["Rep ID"] === repId)!;
  const deals = sales.filter((d) => d["Rep ID"] === repId && wall(d.Date).startsWith(month));
  const status = (d: Record<string, CellData>) => (d.Status ?? "won") as string;
  const won = deals.filter((d) => status(d) === "won");
  const lost = deals.filter((d) => status(d) === "lost");

  // Employment: Start and End dates inclusive.
  const first = dayMs(`${month}-01`);
  const last = dayMs(`${month}-${daysInMonth(month)}`);
  const start = rep["Start date"] === null ? first : Math.max(first, dayMs(wall(rep["Start date"])));
  const end = rep["End date"] === null ? last : Math.min(last, dayMs(wall(rep["End date"])));
  const proration = ((end - start) / DAY + 1) / daysInMonth(month);
  // Tenure long before the month: the new-hire ramp (months 1-3) does not apply.
  expect(dayMs(wall(rep["Start date"])) < first - 120 * DAY).toBe(true);

  const targetRow = (metric: string): number | null => {
    for (const who of [repId, `team:${rep.Team}`, `role:${rep.Role}`, "*"]) {
      const rows = targets.filter((t) => t["Rep ID"] === who && t.Period === month && t.Metric === metric);
      if (rows.length === 1) return rows[0].Target as number;
    }
    return null;
  };

  const actual: Record<string, number | null> = {
    revenue: sum(won.map((d) => (d.Amount as number) * ((d.Split as number | null) ?? 1))),
    new_customers: new Set(won.filter((d) => d.Type === "new").map((d) => d.Customer)).size,
    win_rate: won.length + lost.length > 0 ? won.length / (won.length + lost.length) : null,
  };
  const renewals = deals.filter((d) => d.Type === "renewal" && status(d) !== "open");
  actual.renewal_rate =
    renewals.length > 0 ? renewals.filter((d) => status(d) === "won").length / renewals.length : null;
  const additive = new Set(["revenue", "new_customers"]);

  let weighted = 0;
  let weights = 0;
  const metricRows = plan.filter((row) => row.Type === "metric" || row.Type === "manual");
  for (const row of metricRows) {
    const key = row.Key as string;
    let value = actual[key];
    if (row.Type === "manual") {
      const values = scores
        .filter((s) => s["Rep ID"] === repId && s.Period === month && s.Metric === key)
        .map((s) => s.Value as number);
      value = values.length > 0 ? mean(values) : null;
    }
    const base = targetRow(key);
    const target = base === null ? null : additive.has(key) ? base * proration : base;
    if (value === null || value === undefined || target === null || target <= 0) continue;
    const attainment = value / target;
    const achievement = attainment < (row.Floor as number) ? 0 : Math.min(attainment, row.Cap as number);
    weighted += (row.Weight as number) * achievement;
    weights += row.Weight as number;
  }
  const score = weighted / weights;

  const tiers = (key: string): [number, number][] =>
    plan
      .filter((row) => row.Type === "tier" && row.Key === key)
      .map((row) => [row.Bound as number, row.Rate as number]);
  const bonusRow = plan.find((row) => row.Type === "bonus" && row.Key === "target_bonus")!;
  expect([bonusRow.Driver, bonusRow.Mode]).toEqual(["score", "linear"]);
  const linear = (x: number, points: [number, number][]): number => {
    if (x < points[0][0]) return 0;
    for (let k = 0; k < points.length - 1; k++) {
      const [x0, r0] = points[k];
      const [x1, r1] = points[k + 1];
      if (x < x1) return r0 + ((r1 - r0) * (x - x0)) / (x1 - x0);
    }
    return points[points.length - 1][1];
  };
  const rate =
    score < (bonusRow.Gate as number)
      ? 0
      : Math.min(linear(score, tiers("target_bonus")), bonusRow["Max rate"] as number);
  const targetBonus = rate * (rep["Target bonus"] as number) * proration;

  const commissionRow = plan.find((row) => row.Type === "commission")!;
  expect([commissionRow.Driver, commissionRow.Mode]).toEqual(["revenue", "marginal"]);
  const marginal = (x: number, bands: [number, number][]): number =>
    sum(
      bands.map(
        ([bound, r], k) => r * Math.max(0, Math.min(x, k + 1 < bands.length ? bands[k + 1][0] : Infinity) - bound),
      ),
    );
  const commission = marginal(actual.revenue as number, tiers("commission"));

  const adjustment = sum(
    adjustments.filter((a) => a["Rep ID"] === repId && a.Period === month).map((a) => a.Amount as number),
  );
  const bonus = Math.round((targetBonus + commission) * 100 + 1e-9) / 100 + adjustment;

  const figure = (key: string) => {
    const base = targetRow(key)!;
    const target = additive.has(key) ? base * proration : base;
    return { actual: actual[key] as number, target, attainment: (actual[key] as number) / target };
  };
  return {
    revenue: figure("revenue"),
    new_customers: figure("new_customers"),
    win_rate: figure("win_rate"),
    score,
    bonus,
  };
}

// ---------------------------------------------------------------- the tests

describe("npm start on the demo workbook", () => {
  it("runs, prints the leaderboard, a review and where the result is", () => {
    expect(run.stderr).not.toMatch(/Error|at .*\.mjs/);
    // 2 exactly when the demo has input problems (not only warnings), each listed with its cell.
    const listed = run.stderr.split("\n").filter((line) => /^('[^']+'|\w+)![A-Z]+\d+: /.test(line));
    const runLog = records(sheetOf(result, "Run log"));
    expect(listed.length).toBe(runLog[runLog.length - 1].Problems);
    const severities = records(sheetOf(result, "Problems")).map((row) => row.Severity);
    expect(run.status).toBe(severities.includes("error") ? 2 : 0);
    expect(run.stdout).toMatch(/^Leaderboard 2026-10/m);
    expect(run.stdout).toMatch(/^Rank +Rep +Team +Score +Bonus +Revenue$/m);
    expect(run.stdout).toMatch(/^ +1 {2}\S/m);
    expect(run.stdout).toMatch(/^Review of .+ \(R\d+\), 2026-10$/m);
    expect(run.stdout).toMatch(/Performance review: /);
    expect(run.stdout).toMatch(/^Result workbook: .*result\.xlsx$/m);
  });

  it("aligns the leaderboard's columns by display width, Chinese names included", () => {
    const lines = run.stdout.split("\n");
    const header = lines.findIndex((l) => /^Rank +Rep/.test(l));
    const table = lines.slice(header, lines.indexOf("", header));
    const width = (s: string) => [...s].reduce((w, ch) => w + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0);
    const teamColumn = (line: string) => width(line.slice(0, line.search(/ {2}(East|North|South|Team)( |$)/)));
    const columns = table.filter((l) => !/^-/.test(l)).map(teamColumn);
    expect(new Set(columns).size).toBe(1);
    expect(table.some((l) => /\p{Script=Han}/u.test(l))).toBe(true);
  });

  it("writes the inputs and every output sheet", () => {
    const names = result.sheets.map((s) => s.name);
    for (const name of [...INPUT_SHEETS, ...OUTPUT_SHEETS]) expect(names).toContain(name);
    for (const name of INPUT_SHEETS) expect(sheetOf(result, name).values).toEqual(sheetOf(demo, name).values);
    for (const name of OUTPUT_SHEETS) expect(sheetOf(result, name).values.length).toBeGreaterThan(1);
  });

  it("writes numbers as numbers with number formats, IDs and periods as text", () => {
    const results = sheetOf(result, "Results");
    const header = results.values[0] as string[];
    const row = 1;
    const col = (name: string) => header.indexOf(name);
    expect(typeof results.values[row][col("Period")]).toBe("string");
    expect(typeof results.values[row][col("Rep ID")]).toBe("string");
    expect(typeof results.values[row][col("Score")]).toBe("number");
    expect(typeof results.values[row][col("revenue actual")]).toBe("number");
    expect(results.numberFormats?.[row][col("Bonus")]).toMatch(/0\.00/);
    expect(results.numberFormats?.[row][col("revenue attainment")]).toMatch(/%/);
  });

  it("has a Results row for every rep employed in each month, quarter and year, and none for others", () => {
    const reps = records(sheetOf(demo, "Reps"));
    const results = records(sheetOf(result, "Results"));
    const months: string[] = [];
    for (let i = 0; i < 18; i++) {
      const index = 2025 * 12 + 4 + i; // 2025-05 .. 2026-10
      months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
    }
    const quarterOf = (m: string) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`;
    const periods = new Map<string, string[]>(); // period -> its months
    for (const m of months) {
      for (const p of [m, quarterOf(m), m.slice(0, 4)]) periods.set(p, [...(periods.get(p) ?? []), m]);
    }
    const employedIn = (rep: Record<string, CellData>, m: string): boolean => {
      const first = dayMs(`${m}-01`);
      const last = dayMs(`${m}-${daysInMonth(m)}`);
      const start = rep["Start date"] === null ? -Infinity : dayMs(wall(rep["Start date"]));
      const end = rep["End date"] === null ? Infinity : dayMs(wall(rep["End date"]));
      return start <= last && end >= first;
    };
    for (const [period, its] of periods) {
      // A quarter or year only partly inside the data still counts its
      // months in the data; employment is checked over them.
      const expected = reps
        .filter((rep) => its.some((m) => employedIn(rep, m)))
        .map((rep) => rep["Rep ID"])
        .sort();
      const got = results
        .filter((r) => r.Period === period)
        .map((r) => r["Rep ID"])
        .sort();
      expect({ period, reps: got }).toEqual({ period, reps: expected });
    }
    // A leaver and a new hire are in the data.
    expect(results.some((r) => r["Rep ID"] === "R06" && r.Period === "2026-05")).toBe(false);
    expect(results.some((r) => r["Rep ID"] === "R10" && r.Period === "2026-05")).toBe(false);
  });

  it("has a review for every Results row", () => {
    const reviews = records(sheetOf(result, "Reviews"));
    const keys = new Set(
      reviews.filter((r) => typeof r["Generated review"] === "string").map((r) => `${r.Period} ${r["Rep ID"]}`),
    );
    for (const r of records(sheetOf(result, "Results"))) expect(keys.has(`${r.Period} ${r["Rep ID"]}`)).toBe(true);
  });

  describe("matches figures worked out by hand for three reps over two months", () => {
    // R01 and R03 share a split deal in March; R03 closed one at 23:30 on
    // 31 March; R06 left on 17 April (17 of 30 days: targets and target
    // bonus prorated) and has a split deal in March.
    const cases = ["R01", "R03", "R06"].flatMap((rep) => ["2026-03", "2026-04"].map((month) => ({ rep, month })));
    it.each(cases)("$rep $month", ({ rep, month }) => {
      const want = expectedFor(rep, month);
      const row = records(sheetOf(result, "Results")).find((r) => r["Rep ID"] === rep && r.Period === month)!;
      expect(row).toBeDefined();
      for (const key of ["revenue", "new_customers", "win_rate"] as const) {
        expect(row[`${key} actual`] as number).toBeCloseTo(want[key].actual, 9);
        expect(row[`${key} target`] as number).toBeCloseTo(want[key].target, 9);
        expect(row[`${key} attainment`] as number).toBeCloseTo(want[key].attainment, 9);
      }
      expect(row.Score as number).toBeCloseTo(want.score, 9);
      expect(row.Bonus as number).toBeCloseTo(want.bonus, 2);
    });

    it("R06's April targets are prorated to 17 of 30 days", () => {
      const want = expectedFor("R06", "2026-04");
      expect(want.revenue.target).toBeCloseTo((43000 * 17) / 30, 9);
      expect(want.new_customers.target).toBeCloseTo((2 * 17) / 30, 9);
    });
  });
});

// ---------------------------------------------------------------- a broken workbook

describe("npm start on a broken workbook", () => {
  let brokenDir: string;
  let input: string;
  let out: string;
  let before: { sha256: string; mtimeMs: number };
  let broken: CommandRun;
  let written: WorkbookData;

  const sha256 = async (path: string) =>
    createHash("sha256")
      .update(await readFile(path))
      .digest("hex");

  /** Each bad cell, and the start of the line that must name it. */
  const EXPECTED = [
    "Sales!D3: ", // Amount "12abc" is not a number
    "Sales!B4: ", // Rep ID R9 is not on Reps
    "Sales!A5: ", // "2026-02-30" is not a date
    "Targets!B3: ", // Period "2026-13"
    "Targets!D4: ", // Target 0
  ];

  beforeAll(async () => {
    brokenDir = await mkdtemp(join(tmpdir(), "start-broken-"));
    input = join(brokenDir, "broken export.xlsx");
    out = join(brokenDir, "result.xlsx");
    const workbook: WorkbookData = {
      sheets: [
        {
          name: "Reps",
          values: [
            ["Rep ID", "Name", "Team", "Role", "Start date", "Target bonus"],
            ["R1", "Ann Lee", "East", "rep", { wallClock: "2024-01-08T00:00:00" }, 1000],
            ["R2", "王芳", "East", "rep", { wallClock: "2023-05-02T00:00:00" }, 1200],
          ],
        },
        {
          name: "Sales",
          values: [
            ["Date", "Rep ID", "Customer", "Amount", "Status"],
            [{ wallClock: "2026-03-05T00:00:00" }, "R1", "Acme", 1200, "won"],
            [{ wallClock: "2026-03-06T00:00:00" }, "R1", "Beta", "12abc", "won"],
            [{ wallClock: "2026-03-07T00:00:00" }, "R9", "Gamma", 500, "won"],
            ["2026-02-30", "R2", "Delta", 800, "won"],
            [{ wallClock: "2026-03-08T00:00:00" }, "R2", "Epsilon", 900, "maybe"],
            [{ wallClock: "2026-03-31T23:30:00" }, "R2", "Zeta", "1.2万", "won"],
          ],
        },
        {
          name: "Targets",
          values: [
            ["Rep ID", "Period", "Metric", "Target"],
            ["R1", "2026-03", "revenue", 10000],
            ["R2", "2026-13", "revenue", 10000],
            ["R2", "2026-03", "new_customers", 0],
            ["R2", "2026-03", "revenue", 15000],
          ],
        },
        { name: "Scores", values: [["Rep ID", "Period", "Metric", "Value"]] },
        { name: "Adjustments", values: [["Rep ID", "Period", "Amount", "Reason"]] },
      ],
    };
    await writeXlsx(workbook, input);
    before = { sha256: await sha256(input), mtimeMs: (await stat(input)).mtimeMs };
    broken = runStart(["--input", input, "--out", out]);
    written = await readXlsx(out);
  });

  afterAll(async () => {
    await rm(brokenDir, { recursive: true, force: true });
  });

  it("exits 2 and lists every problem with its cell, one per line", () => {
    expect(broken.status).toBe(2);
    const lines = broken.stderr.split("\n");
    for (const start of EXPECTED) expect(lines.filter((line) => line.startsWith(start))).toHaveLength(1);
    const listed = lines.filter((line) => /^\w+![A-Z]+\d+: /.test(line));
    const runLog = records(sheetOf(written, "Run log"));
    expect(listed).toHaveLength(runLog[runLog.length - 1].Problems as number);
    expect(broken.stderr).toMatch(/^The input has \d+ problems/m);
    // A stage word no CRM uses is no problem: the deal is open, and the run says how it read the word.
    expect(broken.stderr).not.toMatch(/^Sales!E6: /m);
    expect(broken.stdout).toMatch(/"maybe" → open/);
    // Every problem cell is also a row of the Problems sheet, with its code.
    const listedCells = records(sheetOf(written, "Problems")).map((row) => `${row.Sheet}!${row.Cell}: `);
    for (const start of EXPECTED) expect(listedCells).toContain(start);
    expect(listedCells).toHaveLength(runLog[runLog.length - 1].Problems as number);
  });

  it("leaves the input byte for byte as it was", async () => {
    expect(await sha256(input)).toBe(before.sha256);
    expect((await stat(input)).mtimeMs).toBe(before.mtimeMs);
  });

  it("computes and writes the rest, with the default plan", () => {
    expect(written.sheets.map((s) => s.name)).toEqual([
      "Reps",
      "Sales",
      "Targets",
      "Scores",
      "Adjustments",
      "Plan",
      ...OUTPUT_SHEETS,
    ]);
    expect(sheetOf(written, "Plan").values).toEqual(defaultPlanSheet("en").values);
    expect(broken.stdout).toMatch(/no Plan sheet: the default plan is used/);
    const results = records(sheetOf(written, "Results")).filter((r) => r.Period === "2026-03");
    const r1 = results.find((r) => r["Rep ID"] === "R1")!;
    const r2 = results.find((r) => r["Rep ID"] === "R2")!;
    // R1: only the good 1,200 deal; R2: the 1.2万 deal at 23:30 on 31 March.
    expect([r1["revenue actual"], r1["revenue target"], r1["revenue attainment"]]).toEqual([1200, 10000, 0.12]);
    expect([r2["revenue actual"], r2["revenue target"], r2["revenue attainment"]]).toEqual([12000, 15000, 0.8]);
  });
});
