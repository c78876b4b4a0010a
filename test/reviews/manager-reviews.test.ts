/**
 * Manager reviews: who gets one, what the team figures are, which pay lines
 * a manager sees, and (through the built bundle on the demo workbook) that
 * every manager's review is about the team and no manager is recognised.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  coachingPriorities,
  managerPay,
  teamMembersOf,
  teamMetricFindings,
} from "../../src/core/manager-review-findings";
import type { WorkbookData } from "../../src/local/workbook/workbook-data";
import { records, sheetOf } from "../local/start-helpers";
import { demoResultWorkbook } from "./demo-result";
import { GOLDEN_MANAGERS, HANA, IVAN, JADE, MANAGER_PERIOD_ROWS, fixtureManagerReview } from "./fixture-managers";
import { MARCH_ROWS } from "./fixture-team";

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
const rowsOf = (...reps: string[]) => MARCH_ROWS.filter((row) => reps.includes(row.rep));

describe("who gets a manager's review", () => {
  it("a rep with reports in the period: their reports, not the rest of the Team", () => {
    const managerOf = (rep: string) => ({ r01: "m01", r02: "m01" })[rep];
    expect(teamMembersOf(HANA, MANAGER_PERIOD_ROWS, managerOf).map((r) => r.rep)).toEqual(["r01", "r02"]);
  });

  it("a rep paid on team attainment without reports: the other members of their Team", () => {
    expect(teamMembersOf(IVAN, MANAGER_PERIOD_ROWS, () => undefined).map((r) => r.rep)).toEqual(["r04", "r05", "r06"]);
  });

  it("nobody else: a rep, or a manager alone in their Team, gets a rep's review", () => {
    expect(teamMembersOf(MARCH_ROWS[0], MANAGER_PERIOD_ROWS, () => undefined)).toEqual([]);
    expect(teamMembersOf(JADE, MANAGER_PERIOD_ROWS, () => undefined)).toEqual([]);
    expect(fixtureManagerReview("m03", "en")).toMatch(/^Performance review: Jade Lin \(M03\)/);
  });
});

describe("the team's figures", () => {
  it("total actual against total target, as the team_attainment driver computes them", () => {
    const revenue = teamMetricFindings(HANA, rowsOf("r01", "r02", "r03", "r04")).find((m) => m.metric === "revenue")!;
    expect(revenue.actual).toBe(194000);
    expect(revenue.target).toBe(187500);
    expect(revenue.attainment).toBeCloseTo(194000 / 187500, 12);
    expect(HANA.payout!.components[0].driverValue).toBeCloseTo(revenue.attainment!, 12);
  });

  it("a rate is shown as the members' average, with the same attainment as the totals", () => {
    const winRate = teamMetricFindings(HANA, rowsOf("r01", "r03")).find((m) => m.metric === "win_rate")!;
    expect(winRate.averaged).toBe(true);
    expect(winRate.actual).toBeCloseTo((0.45 + 0.32) / 2, 12);
    expect(winRate.attainment).toBeCloseTo((0.45 + 0.32) / 0.8, 12);
  });

  it("coaching priorities are the metrics more than half of the scored members miss, most misses first", () => {
    const members = rowsOf("r01", "r02", "r03", "r04");
    const priorities = coachingPriorities(members, teamMetricFindings(HANA, members));
    expect(priorities).toEqual([
      { metric: "new_customers", missed: 3, of: 4 },
      { metric: "sales_cycle_days", missed: 3, of: 4 },
    ]);
  });
});

describe("a manager's pay lines", () => {
  it("leave out a commission on their own revenue that paid nothing, and keep the team bonus", () => {
    const pay = managerPay(HANA, true);
    expect(pay.payout!.components.map((c) => c.key)).toEqual(["target_bonus"]);
    expect(pay.nextTiers.every((n) => n.status === "top" || n.driverKind === "team_attainment")).toBe(true);
  });

  it("keep a commission that paid something", () => {
    expect(managerPay(JADE, true).payout!.components.map((c) => c.key)).toEqual(["target_bonus", "commission"]);
  });

  it("read in the review: no rank, no commission, no recognition, no own revenue", () => {
    for (const language of ["en", "zh"] as const) {
      const text = fixtureManagerReview("m01", language);
      expect(text).not.toMatch(/rank|排名|Commission|提成|Rep of the month|最佳销售|no target set/);
    }
  });
});

describe("Chinese manager goldens", () => {
  const typed = MANAGER_PERIOD_ROWS.flatMap((row) => [row.name, row.id, row.team]);
  for (const { file } of GOLDEN_MANAGERS) {
    it(`${file}.zh.txt has no English phrase and a 分 on every manual score`, () => {
      const text = typed.reduce(
        (t, name) => t.split(name).join("□"),
        readFileSync(join(GOLDEN_DIR, `${file}.zh.txt`), "utf8"),
      );
      expect(text.match(/[A-Za-z]+(?:[ ,.:;'’!?-]+[A-Za-z]+)+/g) ?? []).toEqual([]);
      for (const line of text.split("\n").filter((l) => l.includes("客户满意度：实际")))
        expect(line).toMatch(/实际 [\d.]+ 分，目标 [\d.]+ 分/);
    });
  }
});

describe("the demo workbook's managers (built bundle)", () => {
  let result: WorkbookData;

  beforeAll(async () => {
    result = await demoResultWorkbook("en");
  });

  const MANAGERS = ["M01", "M02", "M03"];

  it("review each manager on the team, never on their own deals", () => {
    const reviews = records(sheetOf(result, "Reviews")).filter((row) => MANAGERS.includes(String(row["Rep ID"])));
    expect(reviews.length).toBeGreaterThan(30);
    for (const row of reviews) {
      const text = String(row["Generated review"]);
      const where = `${row.Period} ${row["Rep ID"]}`;
      expect(text, where).toMatch(/^Manager review: /);
      expect(text, where).toContain("Your team's members");
      expect(text, where).not.toMatch(/You rank|Commission|no target set|Rep of the/);
    }
  });

  it("give no recognition to a manager, and name no blank team", () => {
    const rows = records(sheetOf(result, "Results"));
    const managerNotes = rows
      .filter((row) => MANAGERS.includes(String(row["Rep ID"])))
      .map((row) => String(row.Notes ?? ""));
    expect(managerNotes.filter((n) => /Rep of the|Most improved/.test(n))).toEqual([]);
    const notes = rows.map((row) => String(row.Notes ?? ""));
    expect(notes.some((n) => /Rep of the month in \w/.test(n))).toBe(true);
    expect(notes.filter((n) => /Rep of the \w+ in (;|$)/.test(n))).toEqual([]);
  });
});
