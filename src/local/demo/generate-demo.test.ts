import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_ROWS } from "../../core/default-plan";
import { PEOPLE } from "./demo-people";
import { generateDemoWorkbook } from "./demo-workbook";
import { DEMO_WORKBOOK_PATH } from "./generate-demo";
import { findSheet, isWallClock, type CellData, type SheetData, type WorkbookData } from "../workbook/workbook-data";
import { readXlsx } from "../workbook/xlsx-workbook";

const workbook = generateDemoWorkbook();

function sheet(name: string, book: WorkbookData = workbook): SheetData {
  const found = findSheet(book, name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Data rows as objects keyed by header. */
function records(name: string): Record<string, CellData>[] {
  const [header, ...rows] = sheet(name).values;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

const wall = (cell: CellData): string => {
  if (!isWallClock(cell)) throw new Error(`not a date: ${JSON.stringify(cell)}`);
  return cell.wallClock;
};

const reps = records("Reps");
const sales = records("Sales");
const targets = records("Targets");
const scores = records("Scores");
const adjustments = records("Adjustments");

describe("the demo workbook generator", () => {
  it("is deterministic: the same seed gives the same workbook, another seed another", () => {
    expect(generateDemoWorkbook(42)).toEqual(workbook);
    expect(generateDemoWorkbook(7)).toEqual(generateDemoWorkbook(7));
    expect(sheet("Sales", generateDemoWorkbook(7)).values).not.toEqual(sheet("Sales").values);
  });

  it("has the input sheets with their English headers, and the default plan", () => {
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Reps", "Sales", "Targets", "Scores", "Adjustments", "Plan"]);
    expect(sheet("Reps").values[0]).toEqual([
      "Rep ID",
      "Name",
      "Email",
      "Role",
      "Team",
      "Manager",
      "Start date",
      "End date",
      "Target bonus",
    ]);
    expect(sheet("Sales").values[0]).toEqual([
      "Date",
      "Rep ID",
      "Customer",
      "Amount",
      "Type",
      "Status",
      "Opened",
      "Split",
      "Deal ID",
    ]);
    expect(sheet("Targets").values[0]).toEqual(["Rep ID", "Period", "Metric", "Target"]);
    expect(sheet("Scores").values[0]).toEqual(["Rep ID", "Period", "Metric", "Value"]);
    expect(sheet("Adjustments").values[0]).toEqual(["Rep ID", "Period", "Amount", "Reason"]);
    expect(sheet("Plan").values).toEqual(DEFAULT_PLAN_ROWS.map((row) => row.map((c) => (c === "" ? null : c))));
  });

  it("has three teams, each with one manager the team's reps report to", () => {
    const teams = [...new Set(reps.map((r) => r.Team))].sort();
    expect(teams).toEqual(["East", "North", "South"]);
    expect([...new Set(reps.map((r) => r.Role))].sort()).toEqual(["manager", "rep"]);
    for (const team of teams) {
      const managers = reps.filter((r) => r.Team === team && r.Role === "manager");
      expect(managers).toHaveLength(1);
      const members = reps.filter((r) => r.Team === team && r.Role === "rep");
      expect(members.length).toBeGreaterThanOrEqual(3);
      for (const m of members) expect(m.Manager).toBe(managers[0]["Rep ID"]);
    }
    expect(reps.length).toBeGreaterThanOrEqual(12);
    expect(new Set(reps.map((r) => r["Rep ID"])).size).toBe(reps.length);
    // Both languages among the names.
    expect(reps.some((r) => /[\u4e00-\u9fff]/.test(String(r.Name)))).toBe(true);
    expect(reps.some((r) => /^[A-Za-z ]+$/.test(String(r.Name)))).toBe(true);
  });

  it("has a new hire starting and a leaver leaving in the middle of a month within the data", () => {
    const midMonth = (text: string) => Number(text.slice(8, 10)) > 1 && text >= "2025-05-01" && text <= "2026-10-31";
    const hires = reps.filter((r) => midMonth(wall(r["Start date"])));
    const leavers = reps.filter((r) => r["End date"] !== null && midMonth(wall(r["End date"])));
    expect(hires).toHaveLength(1);
    expect(leavers).toHaveLength(1);
    const hire = String(hires[0]["Rep ID"]);
    const leaver = String(leavers[0]["Rep ID"]);
    // Nobody sells outside their employment.
    for (const s of sales) {
      const person = reps.find((r) => r["Rep ID"] === s["Rep ID"])!;
      expect(wall(s.Date).slice(0, 10) >= wall(person["Start date"]).slice(0, 10)).toBe(true);
      if (person["End date"] !== null)
        expect(wall(s.Date).slice(0, 10) <= wall(person["End date"]).slice(0, 10)).toBe(true);
    }
    expect(sales.some((s) => s["Rep ID"] === leaver)).toBe(true);
    // The new hire's first full month sells less than her later months.
    const won = (rep: string, month: string) =>
      sales
        .filter((s) => s["Rep ID"] === rep && s.Status === "won" && wall(s.Date).startsWith(month))
        .reduce((sum, s) => sum + Number(s.Amount) * Number(s.Split ?? 1), 0);
    const start = wall(hires[0]["Start date"]);
    const firstFull = start.slice(0, 5) + String(Number(start.slice(5, 7)) + 1).padStart(2, "0");
    expect(won(hire, firstFull)).toBeLessThan(won(hire, "2026-10"));
  });

  it("has 18 months of deals, 2025-05 to 2026-10, busier in Q4 and quieter in February", () => {
    const months = [...new Set(sales.map((s) => wall(s.Date).slice(0, 7)))].sort();
    expect(months).toHaveLength(18);
    expect(months[0]).toBe("2025-05");
    expect(months[17]).toBe("2026-10");
    const revenue = (month: string) =>
      sales
        .filter((s) => s.Status === "won" && wall(s.Date).startsWith(month))
        .reduce((sum, s) => sum + Number(s.Amount) * Number(s.Split ?? 1), 0);
    const average = months.reduce((sum, m) => sum + revenue(m), 0) / months.length;
    expect(revenue("2025-12")).toBeGreaterThan(1.15 * average);
    expect(revenue("2025-11")).toBeGreaterThan(average);
    expect(revenue("2026-02")).toBeLessThan(0.85 * average);
  });

  it("has every deal type and status, opened dates, and a deal at 23:30 on 31 March", () => {
    expect(new Set(sales.map((s) => s.Type))).toEqual(new Set(["new", "renewal", "expansion"]));
    for (const status of ["won", "lost", "open"])
      expect(sales.filter((s) => s.Status === status).length).toBeGreaterThan(10);
    for (const s of sales) {
      expect(wall(s.Opened) <= wall(s.Date)).toBe(true);
      expect(Number(s.Amount)).toBeGreaterThan(0);
    }
    expect(sales.some((s) => wall(s.Date) === "2026-03-31T23:30:00" && s.Status === "won")).toBe(true);
  });

  it("has split deals: one Deal ID on two rows for two reps of one team, Split 0.5 each", () => {
    const byDeal = new Map<string, Record<string, CellData>[]>();
    for (const s of sales) byDeal.set(String(s["Deal ID"]), [...(byDeal.get(String(s["Deal ID"])) ?? []), s]);
    const shared = [...byDeal.values()].filter((rows) => rows.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const rows of shared) {
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.Split)).toEqual([0.5, 0.5]);
      expect(rows[0]["Rep ID"]).not.toBe(rows[1]["Rep ID"]);
      expect(rows[0].Customer).toBe(rows[1].Customer);
      expect(rows[0].Amount).toBe(rows[1].Amount);
      const teamOf = (id: CellData) => reps.find((r) => r["Rep ID"] === id)!.Team;
      expect(teamOf(rows[0]["Rep ID"])).toBe(teamOf(rows[1]["Rep ID"]));
    }
    expect(sales.filter((s) => s.Split !== null).every((s) => s.Split === 0.5)).toBe(true);
  });

  it("has targets at every level, for months, quarters and years, for every kind of metric", () => {
    const scopes = new Set(
      targets.map((t) =>
        String(t["Rep ID"])
          .replace(/^(team|role):.*$/, "$1:NAME")
          .replace(/^[RM]\d\d$/, "REP"),
      ),
    );
    expect(scopes).toEqual(new Set(["REP", "team:NAME", "role:NAME", "*"]));
    const periods = targets.map((t) => String(t.Period));
    expect(periods.some((p) => /^\d{4}-\d\d$/.test(p))).toBe(true);
    expect(periods.some((p) => /^\d{4}-Q[1-4]$/.test(p))).toBe(true);
    expect(periods.some((p) => /^\d{4}$/.test(p))).toBe(true);
    const metrics = new Set(targets.map((t) => t.Metric));
    for (const m of [
      "revenue",
      "new_customers",
      "win_rate",
      "renewal_rate",
      "deals_won",
      "csat",
      "product_knowledge",
      "teamwork",
    ])
      expect(metrics).toContain(m);
    expect(targets.every((t) => typeof t.Target === "number" && t.Target > 0)).toBe(true);
    expect(targets.find((t) => t.Metric === "win_rate")?.Target).toBe(0.35);
    expect(targets.find((t) => t.Metric === "csat")?.Target).toBe(4.5);
    expect(targets.filter((t) => t.Metric === "revenue" && /Q/.test(String(t.Period))).length).toBeGreaterThan(0);
    // No two rows at one level for one scope, period and metric.
    const keys = targets.map((t) => `${t["Rep ID"]}|${t.Period}|${t.Metric}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("spreads revenue attainment around target", () => {
    const won = new Map<string, number>();
    for (const s of sales) {
      if (s.Status !== "won") continue;
      const key = `${s["Rep ID"]}|${wall(s.Date).slice(0, 7)}`;
      won.set(key, (won.get(key) ?? 0) + Number(s.Amount) * Number(s.Split ?? 1));
    }
    const attainments = targets
      .filter((t) => t.Metric === "revenue" && /^\d{4}-\d\d$/.test(String(t.Period)))
      .map((t) => (won.get(`${t["Rep ID"]}|${t.Period}`) ?? 0) / Number(t.Target))
      .sort((a, b) => a - b);
    const quantile = (p: number) => attainments[Math.floor(p * (attainments.length - 1))];
    expect(quantile(0.1)).toBeGreaterThan(0.55);
    expect(quantile(0.1)).toBeLessThan(0.9);
    expect(quantile(0.5)).toBeGreaterThan(0.9);
    expect(quantile(0.5)).toBeLessThan(1.15);
    expect(quantile(0.9)).toBeGreaterThan(1.15);
    expect(quantile(0.9)).toBeLessThan(1.6);
  });

  it("has manual scores for the three manual metrics on a 1-5 scale", () => {
    expect(new Set(scores.map((s) => s.Metric))).toEqual(new Set(["csat", "product_knowledge", "teamwork"]));
    expect(scores.every((s) => typeof s.Value === "number" && s.Value >= 1 && s.Value <= 5)).toBe(true);
    expect(scores.every((s) => /^\d{4}-\d\d$/.test(String(s.Period)))).toBe(true);
  });

  it("has a positive and a negative adjustment, each with a reason", () => {
    expect(adjustments.some((a) => Number(a.Amount) === 200)).toBe(true);
    expect(adjustments.some((a) => Number(a.Amount) === -150)).toBe(true);
    expect(adjustments.every((a) => String(a.Reason).length > 5 && /^\d{4}-\d\d$/.test(String(a.Period)))).toBe(true);
  });

  it("lists its cast as on the Reps sheet", () => {
    expect(PEOPLE.map((p) => p.id)).toEqual(reps.map((r) => r["Rep ID"]));
  });

  it("matches the shipped workbook (else regenerate it: see generate-demo.ts)", async () => {
    expect(existsSync(DEMO_WORKBOOK_PATH), `${DEMO_WORKBOOK_PATH} is missing`).toBe(true);
    const shipped = await readXlsx(DEMO_WORKBOOK_PATH);
    expect(shipped.sheets.map((s) => s.name)).toEqual(workbook.sheets.map((s) => s.name));
    for (const s of workbook.sheets) {
      expect(
        sheet(s.name, shipped).values,
        `sheet ${s.name} of ${DEMO_WORKBOOK_PATH} is out of date: regenerate it`,
      ).toEqual(s.values);
    }
  });
});
