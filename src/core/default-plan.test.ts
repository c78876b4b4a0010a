import { describe, expect, it } from "vitest";
import {
  DEFAULT_PLAN_ROWS,
  DEFAULT_SETTINGS,
  PLAN_COLUMNS,
  PLAN_ROW_TYPE_NAMES,
  defaultPlanRows,
} from "./default-plan";
import { BUILT_IN_METRICS } from "./metric-catalog";

const column = (name: string) => PLAN_COLUMNS.findIndex((c) => c.column === name);

describe("the default plan rows", () => {
  it("are the English rows, header first, every row as wide as the header", () => {
    expect(DEFAULT_PLAN_ROWS).toEqual(defaultPlanRows("en"));
    for (const language of ["en", "zh"] as const) {
      const rows = defaultPlanRows(language);
      expect(rows[0]).toEqual(PLAN_COLUMNS.map((c) => c.header[language]));
      for (const row of rows) {
        expect(row).toHaveLength(PLAN_COLUMNS.length);
        for (const cell of row) expect(["string", "number"]).toContain(typeof cell);
      }
    }
  });

  it("write headers, types and notes in the language asked for", () => {
    const zh = defaultPlanRows("zh");
    expect(zh[0].slice(0, 4)).toEqual(["生效期间", "岗位", "类型", "项目"]);
    const zhTypes = new Set(Object.values(PLAN_ROW_TYPE_NAMES).map((n) => n.zh));
    for (const row of zh.slice(1)) {
      expect(zhTypes.has(String(row[column("type")]))).toBe(true);
      expect(String(row[column("note")])).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const row of defaultPlanRows("en").slice(1)) {
      expect(String(row[column("note")])).not.toMatch(/[\u4e00-\u9fff]/);
      expect(String(row[column("note")]).length).toBeGreaterThan(0);
    }
  });

  it("have metric weights that add up to 100%, so each reads as a share of the score", () => {
    const weights = DEFAULT_PLAN_ROWS.slice(1)
      .filter(
        (row) => (row[column("type")] === "metric" || row[column("type")] === "manual") && row[column("role")] === "",
      )
      .map((row) => Number(row[column("weight")]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("keep metric keys as identifiers in both languages, since Targets and Scores name them", () => {
    const keys = (language: "en" | "zh") =>
      defaultPlanRows(language)
        .filter((row) => row[column("type")] === PLAN_ROW_TYPE_NAMES.metric[language])
        .map((row) => row[column("key")]);
    expect(keys("zh")).toEqual(keys("en"));
    expect(keys("en")).toEqual(["revenue", "new_customers", "win_rate", "renewal_rate"]);
  });
});

describe("DEFAULT_SETTINGS", () => {
  it("are a monthly payout, a January fiscal year, the locale's currency and language", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      fiscalYearStartMonth: 1,
      currency: null,
      language: null,
      payoutPeriod: "month",
    });
    expect(DEFAULT_SETTINGS.signals).toEqual({
      promoteScore: 1.1,
      promotePeriods: 3,
      supportScore: 0.8,
      supportPeriods: 2,
    });
  });

  it("hold a training topic for every built-in metric", () => {
    for (const metric of BUILT_IN_METRICS) expect(DEFAULT_SETTINGS.training[metric.key], metric.key).toBeDefined();
  });
});

describe("PLAN_COLUMNS", () => {
  it("require only Type and Key, and help in both languages", () => {
    expect(PLAN_COLUMNS.filter((c) => c.required).map((c) => c.column)).toEqual(["type", "key"]);
    for (const c of PLAN_COLUMNS) {
      expect(c.help.en.length).toBeGreaterThan(0);
      expect(c.help.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
