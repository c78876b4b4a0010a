import { describe, expect, it } from "vitest";
import { dayNumber } from "../core/calendar";
import type { ComponentTrace, MetricResult, RepPeriodResult } from "../core/results";
import { targetBonusTrace } from "../../test/fixtures/component-trace";
import { resultRow as resultFixture } from "../../test/fixtures/result-row";
import { PAYOUT_COLUMNS, resultsColumns, textColumn } from "./output-columns";
import { mergeByPeriod, notesText, payoutRows, resultRow, rowOrder } from "./output-rows";

function leaver(): RepPeriodResult {
  return {
    period: "2026-03",
    rep: "r06",
    id: "R06",
    name: "Frank Zhou",
    team: "West",
    role: "",
    score: 0.97,
    rank: 3,
    teamRank: 2,
    metrics: [],
    proration: 12 / 31,
    daysEmployed: 12,
    ramp: 1,
    payout: null,
    notes: [
      { code: "prorated", days: 12, of: 31 },
      { code: "left", lastDay: dayNumber(2026, 3, 12) },
    ],
  };
}

describe("Results notes", () => {
  it("tell a leaver from a new hire: the last day beside the proration", () => {
    expect(notesText(leaver(), false, "en")).toBe("Prorated: 12 of 31 days employed; Left on 2026-03-12");
    expect(notesText(leaver(), false, "zh")).toBe("按在职天数折算：12/31 天；已于 2026-03-12 离职");
  });
});

function metric(key: string, leftOut: MetricResult["leftOut"], actual: number | null = null): MetricResult {
  return {
    key,
    direction: "higher",
    weight: 0.5,
    manual: false,
    actual,
    target: leftOut === "no_target" ? null : 100,
    targetSource: leftOut === "no_target" ? "" : "rep",
    attainment: actual === null ? null : actual / 100,
    achievement: null,
    leftOut,
  };
}

describe("Results rows", () => {
  it("name why each metric was left out, however many rows share the note", () => {
    const noTarget = resultFixture("2026-03", null, [metric("revenue", "no_target"), metric("win_rate", "no_data")], {
      notes: [{ code: "left_out", metrics: ["revenue", "win_rate"] }],
    });
    const noData = resultFixture("2026-03", null, [metric("revenue", "no_data"), metric("win_rate", "no_data")], {
      notes: [{ code: "left_out", metrics: ["revenue", "win_rate"] }],
    });
    for (let i = 0; i < 2; i++) {
      expect(notesText(noTarget, false, "en")).toBe("Left out of the score: Revenue (no target), Win rate (no data)");
      expect(notesText(noData, false, "en")).toBe("Left out of the score: Revenue (no data), Win rate (no data)");
    }
  });

  it("put each metric's figures under its own columns, and leave a metric the row lacks blank", () => {
    const columns = resultsColumns(["revenue"], ["old_metric actual"]);
    const result = resultFixture("2026-03", null, [metric("revenue", null, 80)], { notes: [] });
    const row = resultRow(result, columns, { provisional: false, language: "en" });
    const cell = (header: string) => row[columns.findIndex((c) => c.header === header)];
    expect(row).toHaveLength(columns.length);
    expect([cell("Period"), cell("Rep ID"), cell("Score"), cell("Bonus"), cell("Forecast payout")]).toEqual([
      "2026-03",
      "R1",
      "",
      "",
      "",
    ]);
    expect([cell("revenue actual"), cell("revenue target"), cell("revenue attainment")]).toEqual([80, 100, 0.8]);
    expect([cell("old_metric actual"), cell("old_metric target"), cell("old_metric attainment")]).toEqual(["", "", ""]);
  });
});

describe("mergeByPeriod", () => {
  it("keeps the rows of other periods, moved into today's columns, each with its formats, in order", () => {
    const columns = [textColumn("Period", "", ""), textColumn("Rep ID", "", ""), textColumn("Notes", "", "")];
    const existing = {
      header: ["Rep ID", "Period"],
      rows: [
        ["b", "2026-02"],
        ["a", "2026-03"],
        ["A", "2026-01"],
      ],
    };
    const fresh = { values: [["2026-03", "c", "new"]], formats: [["@", "0", "@"]] };
    const order = rowOrder(["Period", "Rep ID", "Notes"], { fyStart: 1, texts: ["Rep ID"] });
    const merged = mergeByPeriod(existing, columns, fresh, new Set(["2026-03"]), order, (row) => [String(row[1])]);
    expect(merged.values).toEqual([
      ["2026-01", "A", ""],
      ["2026-02", "b", ""],
      ["2026-03", "c", "new"],
    ]);
    expect(merged.formats).toEqual([["A"], ["b"], ["@", "0", "@"]]);
  });
});

/** A component paying its whole base on a driver value of 0.9, in the tier from 0.8. */
function trace(key: string, kind: ComponentTrace["kind"], driver: ComponentTrace["driver"]): ComponentTrace {
  return targetBonusTrace({ key, kind, driver, driverValue: 0.9, tierBound: 0.8 });
}

describe("payoutRows", () => {
  it("write a line per component and adjustment and a total, each with the formats its driver calls for", () => {
    const result = resultFixture("2026-03", 0.9, [], {
      payout: {
        payoutPeriod: "month",
        components: [
          trace("bonus", "target_bonus", { kind: "score" }),
          trace("pct", "target_bonus", { kind: "attainment", metric: "revenue" }),
          trace("commission", "commission", { kind: "amount", metric: "revenue" }),
        ],
        componentsTotal: 3000,
        adjustments: [{ period: "2026-02", amount: -50, reason: "clawback", row: 2 }],
        total: 2950,
        negative: false,
      },
    });
    const { values, formats } = payoutRows(result, { provisional: true, language: "en" });
    const header = PAYOUT_COLUMNS.map((c) => c.header);
    const cells = (line: readonly unknown[], ...names: string[]) => names.map((name) => line[header.indexOf(name)]);
    expect(values.map((line) => line.length)).toEqual([19, 19, 19, 19, 19]);
    expect(values.map((line) => cells(line, "Period", "Rep ID", "Line", "Type", "Item", "Driver"))).toEqual([
      ["2026-03", "R1", 1, "target_bonus", "bonus", "score"],
      ["2026-03", "R1", 2, "target_bonus", "pct", "attainment:revenue"],
      ["2026-03", "R1", 3, "commission", "commission", "revenue"],
      ["2026-03", "R1", 4, "adjustment", "2026-02", ""],
      ["2026-03", "R1", 5, "total", "total", ""],
    ]);
    expect(cells(values[0], "Driver value", "Tier", "Base", "Gate", "Gate met", "Amount")).toEqual([
      0.9,
      0.8,
      1000,
      "",
      true,
      1000,
    ]);
    expect(cells(values[2], "Base")).toEqual([""]);
    expect(cells(values[3], "Amount", "Reason", "Driver value")).toEqual([-50, "clawback", ""]);
    expect(cells(values[4], "Amount", "Notes")[0]).toBe(2950);
    expect(String(cells(values[4], "Notes")[0])).toMatch(/^Provisional/);
    const valueFormats = formats.map((line) => cells(line, "Driver value", "Tier", "Gate"));
    expect(valueFormats).toEqual([
      ["0.000", "0.000", "0.000"],
      ["0.0%", "0.0%", "0.0%"],
      ["#,##0.00", "#,##0.00", "#,##0.00"],
      ["0.000", "0.000", "0.000"],
      ["0.000", "0.000", "0.000"],
    ]);
    expect(formats.map((line) => cells(line, "Amount", "Period"))).toEqual(new Array(5).fill(["#,##0.00", "@"]));
  });
});
