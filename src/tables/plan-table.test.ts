import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLAN_COLUMNS, defaultPlanRows, type PlanColumn } from "../core/default-plan";
import { variantForRole, versionForPeriod } from "../core/plan-lookup";
import type { PlanVersion } from "../core/plan-model";
import { formatProblem, type Problem } from "../core/problems";
import { evaluateTiers, tierCommission } from "../core/tiers";
import { planCases } from "../../test/bad-input/plan-cases";
import { readPlan } from "./plan-table";

// Column letters of the English layout: A Effective from, B Role, C Type,
// D Key, E Weight, F Direction, G Floor, H Cap, I Driver, J Mode, K Gate,
// L Max rate, M Bound, N Rate, O Value, P Note.
const EN_HEADERS = PLAN_COLUMNS.map((column) => column.header.en);

type Row = Partial<Record<PlanColumn, unknown>>;

/** A Plan sheet in the English layout: the header row, then one row per object. */
function sheet(rows: Row[]): unknown[][] {
  return [EN_HEADERS, ...rows.map((row) => PLAN_COLUMNS.map(({ column }) => row[column] ?? ""))];
}

function texts(problems: Problem[]): string[] {
  return problems.map((problem) => formatProblem(problem, "en"));
}

/** The smallest valid plan rows: one metric. */
const REVENUE_ONLY: Row[] = [{ type: "metric", key: "revenue", weight: 1 }];

function onlyVersion(rows: Row[]): { version: PlanVersion; problems: string[] } {
  const { plan, problems } = readPlan(sheet(rows), "Plan");
  expect(plan.versions).toHaveLength(1);
  return { version: plan.versions[0], problems: texts(problems) };
}

describe("the default plan", () => {
  for (const language of ["en", "zh"] as const) {
    it(`reads back in ${language} with no problems`, () => {
      const { plan, problems } = readPlan(defaultPlanRows(language), "Plan");
      expect(problems).toEqual([]);
      expect(plan.versions).toHaveLength(1);
      const [version] = plan.versions;
      expect(version.valid).toBe(true);
      expect(version.effectiveFrom).toBe("");
      expect(version.base.metrics.map((m) => [m.key, m.weight, m.direction, m.manual])).toEqual([
        ["revenue", 0.4, "higher", false],
        ["new_customers", 0.2, "higher", false],
        ["win_rate", 0.1, "higher", false],
        ["renewal_rate", 0.1, "higher", false],
        ["csat", 0.1, "higher", true],
        ["product_knowledge", 0.05, "higher", true],
        ["teamwork", 0.05, "higher", true],
      ]);
      const [bonus, commission] = version.base.components;
      expect(bonus).toMatchObject({
        kind: "target_bonus",
        driver: { kind: "score" },
        mode: "linear",
        gate: 0.6,
        maxRate: 2,
      });
      expect(bonus.tiers).toEqual([
        { bound: 0.6, rate: 0.5 },
        { bound: 0.8, rate: 0.75 },
        { bound: 1, rate: 1 },
        { bound: 1.2, rate: 1.5 },
        { bound: 1.4, rate: 2 },
      ]);
      expect(commission).toMatchObject({
        kind: "commission",
        metric: "revenue",
        mode: "marginal",
        gate: null,
        maxRate: null,
      });
      expect(commission.tiers).toEqual([
        { bound: 0, rate: 0.01 },
        { bound: 50000, rate: 0.02 },
        { bound: 100000, rate: 0.03 },
      ]);
      expect(version.base.targetBonus).toBe(1000);
      expect(version.base.ramp).toEqual([0.5, 0.75, 1]);
      expect(version.settings).toMatchObject({
        fiscalYearStartMonth: 1,
        currency: null,
        language: null,
        payoutPeriod: "month",
        signals: { promoteScore: 1.1, promotePeriods: 3, supportScore: 0.8, supportPeriods: 2 },
      });
    });
  }

  it("pays what its notes say", () => {
    const [bonus, commission] = readPlan(defaultPlanRows("en"), "Plan").plan.versions[0].base.components;
    const rate = (score: number) => evaluateTiers(score, bonus.tiers, bonus.mode).rate;
    expect(rate(0.59)).toBe(0);
    expect(rate(0.6)).toBeCloseTo(0.5, 12);
    expect(rate(0.9)).toBeCloseTo(0.875, 12); // 12.5% per 0.1 below target
    expect(rate(1.0)).toBeCloseTo(1, 12);
    expect(rate(1.1)).toBeCloseTo(1.25, 12); // 25% per 0.1 above target
    expect(rate(1.5)).toBeCloseTo(2, 12);
    // 1% of 50,000 + 2% of 30,000
    expect(tierCommission(80000, commission.tiers, commission.mode)).toBeCloseTo(1100, 9);
    // 500 + 1,000 + 3% of 20,000
    expect(tierCommission(120000, commission.tiers, commission.mode)).toBeCloseTo(2100, 9);
  });

  it("gives managers a bonus on team revenue with the base tiers and their own target bonus", () => {
    const en = readPlan(defaultPlanRows("en"), "Plan").plan.versions[0];
    const zh = readPlan(defaultPlanRows("zh"), "Plan").plan.versions[0];
    const manager = variantForRole(en, "Manager");
    expect(manager.role).toBe("manager");
    expect(manager.components[0]).toMatchObject({
      driver: { kind: "team_attainment", metric: "revenue" },
      mode: "linear",
    });
    expect(manager.components[0].tiers).toEqual(en.base.components[0].tiers);
    expect(manager.targetBonus).toBe(2000);
    expect(manager.metrics).toEqual(en.base.metrics);
    expect(variantForRole(zh, "主管").components[0]).toMatchObject({
      driver: { kind: "team_attainment", metric: "revenue" },
    });
  });

  it("reads the same with blank cells as null, as a local workbook gives them", () => {
    const withNulls = defaultPlanRows("en").map((row) => row.map((cell) => (cell === "" ? null : cell)));
    const { plan, problems } = readPlan(withNulls, "Plan");
    expect(problems).toEqual([]);
    expect(plan).toEqual(readPlan(defaultPlanRows("en"), "Plan").plan);
  });

  it("is used, with a warning, when there is no Plan sheet", () => {
    const { plan, problems } = readPlan(null, "Plan");
    expect(texts(problems)).toEqual(["Plan!A1: there is no Plan sheet; the default plan is used"]);
    expect(problems[0].severity).toBe("warning");
    expect(plan).toEqual(readPlan(defaultPlanRows("en"), "Plan").plan);
  });
});

describe("headers and words", () => {
  it("accepts Chinese headers, type names, directions, modes, drivers and settings", () => {
    const values = [
      [
        "生效期间",
        "岗位",
        "类型",
        "项目",
        "权重",
        "方向",
        "下限",
        "上限",
        "驱动",
        "模式",
        "门槛",
        "最高倍数",
        "档位下限",
        "比例",
        "值",
        "说明",
      ],
      ["", "", "指标", "销售额", "60%", "", "50%", "", "", "", "", "", "", "", "", "中文指标名也可以"],
      ["", "", "手工指标", "客户满意度", 0.4, "越高越好", "", "1.2", "", "", "", "", "", "", "", ""],
      ["", "", "奖金", "绩效奖金", "", "", "", "", "达成率：revenue", "阶梯", 0.8, 1.5, "", "", "", ""],
      ["", "", "档位", "绩效奖金", "", "", "", "", "", "", "", "", 0.8, "50%", "", ""],
      ["", "", "档位", "绩效奖金", "", "", "", "", "", "", "", "", 1, 1, "", ""],
      ["", "", "提成", "提成", "", "", "", "", "", "累进", "", "", "", "", "", ""],
      ["", "", "档位", "提成", "", "", "", "", "", "", "", "", "0", "3%", "", ""],
      ["", "", "爬坡", 1, "", "", "", "", "", "", "", "", "", "", "60%", ""],
      ["", "", "设置", "目标奖金", "", "", "", "", "", "", "", "", "", "", "¥2,000", ""],
      ["", "", "设置", "发放周期", "", "", "", "", "", "", "", "", "", "", "季", ""],
      ["", "", "设置", "财年起始月", "", "", "", "", "", "", "", "", "", "", 4, ""],
      ["", "", "设置", "币种", "", "", "", "", "", "", "", "", "", "", "人民币", ""],
      ["", "", "设置", "语言", "", "", "", "", "", "", "", "", "", "", "中文", ""],
      ["", "", "培训", "客户满意度", "", "", "", "", "", "", "", "", "", "", "投诉处理工作坊", ""],
    ];
    const { plan, problems } = readPlan(values, "考核方案");
    expect(problems).toEqual([]);
    const [version] = plan.versions;
    expect(version.base.metrics).toEqual([
      { key: "revenue", weight: 0.6, direction: "higher", floor: 0.5, cap: 1.5, manual: false },
      { key: "客户满意度", weight: 0.4, direction: "higher", floor: 0, cap: 1.2, manual: true },
    ]);
    expect(version.base.components).toEqual([
      {
        kind: "target_bonus",
        key: "绩效奖金",
        driver: { kind: "attainment", metric: "revenue" },
        mode: "step",
        tiers: [
          { bound: 0.8, rate: 0.5 },
          { bound: 1, rate: 1 },
        ],
        gate: 0.8,
        maxRate: 1.5,
      },
      {
        kind: "commission",
        key: "提成",
        metric: "revenue",
        mode: "marginal",
        tiers: [{ bound: 0, rate: 0.03 }],
        gate: null,
        maxRate: null,
      },
    ]);
    expect(version.base.ramp).toEqual([0.6]);
    expect(version.base.targetBonus).toBe(2000);
    expect(version.settings).toMatchObject({
      payoutPeriod: "quarter",
      fiscalYearStartMonth: 4,
      currency: "CNY",
      language: "zh",
    });
    expect(version.settings.training.客户满意度).toEqual({ en: "投诉处理工作坊", zh: "投诉处理工作坊" });
  });

  it("matches headers in any order and case, ignoring spaces, _ and -, and ignores extra columns", () => {
    const values = [
      ["weight", "Comment", "KEY", "t-y-p-e", "max_rate"],
      [0.5, "anything", "revenue", "Metric", ""],
      ["50%", "", "deals_won", " METRIC ", ""],
    ];
    const { plan, problems } = readPlan(values, "Plan");
    expect(problems).toEqual([]);
    expect(plan.versions[0].base.metrics.map((m) => [m.key, m.weight])).toEqual([
      ["revenue", 0.5],
      ["deals_won", 0.5],
    ]);
  });

  it("accepts setting keys written as words, directions and modes in any case, and 'manual metric' as a type", () => {
    const { version, problems } = onlyVersion([
      { type: "Manual metric", key: "Product knowledge", weight: 1, direction: " LOWER " },
      { type: "setting", key: "Target bonus", value: "¥1,500" },
      { type: "setting", key: "payout-period", value: "Quarterly" },
      { type: "setting", key: "currency", value: "eur" },
    ]);
    expect(problems).toEqual([]);
    expect(version.base.metrics[0]).toMatchObject({ key: "product_knowledge", direction: "lower", manual: true });
    expect(version.base.targetBonus).toBe(1500);
    expect(version.settings.payoutPeriod).toBe("quarter");
    expect(version.settings.currency).toBe("EUR");
  });

  it("ignores blank rows and rows holding only a Note", () => {
    const { version, problems } = onlyVersion([{}, { note: "Scorecard" }, ...REVENUE_ONLY, { note: "   " }]);
    expect(problems).toEqual([]);
    expect(version.row).toBe(4);
    expect(version.base.metrics).toHaveLength(1);
  });

  it("reports a missing Type or Key column and computes nothing", () => {
    const { plan, problems } = readPlan(
      [
        ["Key", "Weight"],
        ["revenue", 1],
      ],
      "Plan",
    );
    expect(texts(problems)).toEqual(["Plan!C1: the required column Type is missing"]);
    expect(plan.versions.map((v) => v.valid)).toEqual([false]);
  });

  it("reports a column a row needs once, on the first free header cell", () => {
    const values = [
      ["Type", "Key"],
      ["metric", "revenue"],
      ["metric", "deals_won"],
    ];
    const { plan, problems } = readPlan(values, "Plan");
    expect(texts(problems)).toEqual(["Plan!C1: the required column Weight is missing"]);
    expect(plan.versions[0].valid).toBe(false);
  });

  it("reports an empty plan", () => {
    const { plan, problems } = readPlan([EN_HEADERS], "Plan");
    expect(texts(problems)).toEqual(["Plan!A2: plan version - has no metric with a weight above 0; it is not used"]);
    expect(plan.versions[0].valid).toBe(false);
  });
});

describe("defaults of a row", () => {
  it("gives a built-in metric its direction, floor 0 and cap 150%", () => {
    const { version } = onlyVersion([{ type: "metric", key: "sales_cycle_days", weight: 1 }]);
    expect(version.base.metrics[0]).toEqual({
      key: "sales_cycle_days",
      weight: 1,
      direction: "lower",
      floor: 0,
      cap: 1.5,
      manual: false,
    });
  });

  it("gives a bonus the score driver and step mode, a commission revenue and step, and no gate or max rate", () => {
    const { version, problems } = onlyVersion([
      ...REVENUE_ONLY,
      { type: "bonus", key: "b" },
      { type: "tier", key: "b", bound: 1, rate: 1 },
      { type: "commission", key: "c" },
      { type: "tier", key: "C", bound: 0, rate: 0.05 },
      { type: "setting", key: "target_bonus", value: 500 },
    ]);
    expect(problems).toEqual([]);
    expect(version.base.components).toEqual([
      {
        kind: "target_bonus",
        key: "b",
        driver: { kind: "score" },
        mode: "step",
        tiers: [{ bound: 1, rate: 1 }],
        gate: null,
        maxRate: null,
      },
      {
        kind: "commission",
        key: "c",
        metric: "revenue",
        mode: "step",
        tiers: [{ bound: 0, rate: 0.05 }],
        gate: null,
        maxRate: null,
      },
    ]);
  });

  it("reads attainment and team_attainment without a metric as revenue", () => {
    const { version, problems } = onlyVersion([
      ...REVENUE_ONLY,
      { type: "bonus", key: "a", driver: "attainment" },
      { type: "tier", key: "a", bound: 1, rate: 1 },
      { type: "bonus", key: "t", driver: "Team_Attainment" },
      { type: "tier", key: "t", bound: 1, rate: 1 },
      { type: "setting", key: "target_bonus", value: 500 },
    ]);
    expect(problems).toEqual([]);
    expect(version.base.components.map((c) => c.kind === "target_bonus" && c.driver)).toEqual([
      { kind: "attainment", metric: "revenue" },
      { kind: "team_attainment", metric: "revenue" },
    ]);
  });

  it("uses the default settings and training topics when the version gives none, and 'auto' currency and language", () => {
    const { version } = onlyVersion([
      ...REVENUE_ONLY,
      { type: "setting", key: "currency", value: "auto" },
      { type: "setting", key: "language", value: "自动" },
    ]);
    expect(version.settings.currency).toBeNull();
    expect(version.settings.language).toBeNull();
    expect(version.settings.payoutPeriod).toBe("month");
    expect(version.settings.training.new_customers).toEqual({
      en: "prospecting and lead generation",
      zh: "客户开发和线索挖掘",
    });
    expect(version.base.targetBonus).toBe(0);
    expect(version.base.ramp).toEqual([]);
  });

  it("replaces a default training topic in both languages", () => {
    const { version } = onlyVersion([
      ...REVENUE_ONLY,
      { type: "training", key: "revenue", value: "Negotiation workshop" },
    ]);
    expect(version.settings.training.revenue).toEqual({ en: "Negotiation workshop", zh: "Negotiation workshop" });
    expect(version.settings.training.win_rate.en).toBe("opportunity qualification and objection handling");
  });
});

describe("role variants", () => {
  const rows: Row[] = [
    { type: "metric", key: "revenue", weight: 0.6 },
    { type: "metric", key: "new_customers", weight: 0.4 },
    { type: "bonus", key: "bonus", mode: "linear" },
    { type: "tier", key: "bonus", bound: 0.5, rate: 0.5 },
    { type: "tier", key: "bonus", bound: 1, rate: 1 },
    { type: "commission", key: "commission", mode: "marginal" },
    { type: "tier", key: "commission", bound: 0, rate: 0.01 },
    { type: "ramp", key: 1, value: 0.5 },
    { type: "ramp", key: 2, value: 0.75 },
    { type: "setting", key: "target_bonus", value: 1000 },
    // Senior reps: revenue counts more, new customers not at all, win rate joins;
    // a richer commission table; no ramp; a bigger target bonus.
    { role: "Senior", type: "metric", key: "revenue", weight: 0.8 },
    { role: "senior", type: "metric", key: "new_customers", weight: 0 },
    { role: "SENIOR", type: "metric", key: "win_rate", weight: 0.2 },
    { role: "senior", type: "tier", key: "commission", bound: 0, rate: 0.02 },
    { role: "senior", type: "tier", key: "commission", bound: 100000, rate: 0.04 },
    { role: "senior", type: "ramp", key: 1, value: 1 },
    { role: "senior", type: "setting", key: "target_bonus", value: 3000 },
    // Managers: the bonus replaced (driver and mode), keeping the base tiers.
    { role: "manager", type: "bonus", key: "Bonus", driver: "team_attainment:revenue", mode: "step", gate: 0.8 },
  ];

  it("overrides the base per item for the role and leaves the base alone", () => {
    const { version, problems } = onlyVersion(rows);
    expect(problems).toEqual([]);
    expect(version.base.metrics.map((m) => [m.key, m.weight])).toEqual([
      ["revenue", 0.6],
      ["new_customers", 0.4],
    ]);
    const senior = variantForRole(version, "  senior ");
    expect(senior.role).toBe("Senior");
    expect(senior.metrics.map((m) => [m.key, m.weight])).toEqual([
      ["revenue", 0.8],
      ["win_rate", 0.2],
    ]);
    expect(senior.components[0]).toEqual(version.base.components[0]);
    expect(senior.components[1]).toMatchObject({
      kind: "commission",
      mode: "marginal",
      tiers: [
        { bound: 0, rate: 0.02 },
        { bound: 100000, rate: 0.04 },
      ],
    });
    expect(senior.ramp).toEqual([1]);
    expect(senior.targetBonus).toBe(3000);
  });

  it("replaces a whole component row, inheriting the base tiers when the role gives none", () => {
    const { version } = onlyVersion(rows);
    const manager = variantForRole(version, "Manager");
    expect(manager.components[0]).toEqual({
      kind: "target_bonus",
      key: "Bonus",
      driver: { kind: "team_attainment", metric: "revenue" },
      mode: "step",
      tiers: [
        { bound: 0.5, rate: 0.5 },
        { bound: 1, rate: 1 },
      ],
      gate: 0.8,
      maxRate: null,
    });
    expect(manager.components[1]).toEqual(version.base.components[1]);
    expect(manager.metrics).toEqual(version.base.metrics);
    expect(manager.ramp).toEqual([0.5, 0.75]);
    expect(manager.targetBonus).toBe(1000);
  });

  it("gives an unknown or blank role the base plan", () => {
    const { version } = onlyVersion(rows);
    expect(variantForRole(version, "intern")).toBe(version.base);
    expect(variantForRole(version, "")).toBe(version.base);
    expect(Object.keys(version.variants).sort()).toEqual(["manager", "senior"]);
  });

  it("lets a role's metric row name a manual metric the version declares, keeping its direction", () => {
    const { version, problems } = onlyVersion([
      { type: "metric", key: "revenue", weight: 0.8 },
      { type: "manual", key: "csat", weight: 0.2, direction: "higher" },
      { role: "support", type: "metric", key: "CSAT", weight: 0.6 },
      { role: "hunter", type: "metric", key: "csat", weight: 0 },
      { role: "lab", type: "manual", key: "defects", weight: 0.5, direction: "lower" },
      { type: "training", key: "defects", value: "Quality reviews" },
    ]);
    expect(problems).toEqual([]);
    expect(variantForRole(version, "support").metrics).toEqual([
      { key: "revenue", weight: 0.8, direction: "higher", floor: 0, cap: 1.5, manual: false },
      { key: "csat", weight: 0.6, direction: "higher", floor: 0, cap: 1.5, manual: true },
    ]);
    expect(variantForRole(version, "hunter").metrics.map((m) => m.key)).toEqual(["revenue"]);
    expect(variantForRole(version, "lab").metrics.map((m) => [m.key, m.direction])).toEqual([
      ["revenue", "higher"],
      ["csat", "higher"],
      ["defects", "lower"],
    ]);
    expect(version.settings.training.defects.en).toBe("Quality reviews");
  });

  it("reads Role * as the base", () => {
    const { version, problems } = onlyVersion([{ role: "*", type: "metric", key: "revenue", weight: 1 }]);
    expect(problems).toEqual([]);
    expect(version.base.metrics).toHaveLength(1);
    expect(version.variants).toEqual({});
  });
});

describe("versions", () => {
  const twoVersions: Row[] = [
    { type: "metric", key: "revenue", weight: 1 },
    { effectiveFrom: "2026-04", type: "metric", key: "revenue", weight: 0.5 },
    { effectiveFrom: "2026/4", type: "metric", key: "new_customers", weight: 0.5 },
    { effectiveFrom: "2026年4月", type: "setting", key: "payout_period", value: "quarter" },
  ];

  it("groups rows by Effective from month into complete versions, earliest first", () => {
    const { plan, problems } = readPlan(sheet(twoVersions), "Plan");
    expect(problems).toEqual([]);
    expect(plan.versions.map((v) => [v.effectiveFrom, v.row, v.valid])).toEqual([
      ["", 2, true],
      ["2026-04", 3, true],
    ]);
    expect(plan.versions[1].base.metrics.map((m) => m.key)).toEqual(["revenue", "new_customers"]);
    // A version is complete: nothing is inherited from the one before.
    expect(plan.versions[0].settings.payoutPeriod).toBe("month");
    expect(plan.versions[1].settings.payoutPeriod).toBe("quarter");
  });

  it("applies to a period the version in force at its first month", () => {
    const { plan } = readPlan(sheet(twoVersions), "Plan");
    const from = (period: string, fyStart = 1) => versionForPeriod(plan, period, fyStart)?.effectiveFrom;
    expect(from("2026-03")).toBe("");
    expect(from("2026-04")).toBe("2026-04");
    expect(from("2026-Q1")).toBe("");
    expect(from("2026-Q2")).toBe("2026-04");
    expect(from("2026")).toBe("");
    expect(from("2027")).toBe("2026-04");
    expect(from("2026", 4)).toBe("2026-04");
    expect(from("2025-Q4", 4)).toBe("");
  });

  it("reads an Effective from that Sheets turned into a date in the spreadsheet's zone", () => {
    // 1 April 2026 00:00 in Shanghai is 31 March 16:00 UTC.
    const aprilInShanghai = new Date(Date.UTC(2026, 2, 31, 16, 0));
    const wallClock = (ms: number) => ({ day: Math.floor((ms + 8 * 3600_000) / 86_400_000) });
    const values = sheet([
      ...REVENUE_ONLY,
      { effectiveFrom: aprilInShanghai, type: "metric", key: "deals_won", weight: 1 },
    ]);
    const { plan } = readPlan(values, "Plan", { wallClock });
    expect(plan.versions.map((v) => v.effectiveFrom)).toEqual(["", "2026-04"]);
  });

  it("validates each version on its own: an invalid one leaves the valid one usable", () => {
    const { plan, problems } = readPlan(
      sheet([...REVENUE_ONLY, { effectiveFrom: "2026-07", type: "metric", key: "revenue", weight: "lots" }]),
      "Plan",
    );
    expect(texts(problems)).toEqual(['Plan!E3: Weight "lots" is not a number; plan version 2026-07 is not used']);
    expect(plan.versions.map((v) => [v.effectiveFrom, v.valid])).toEqual([
      ["", true],
      ["2026-07", false],
    ]);
    expect(versionForPeriod(plan, "2026-06", 1)?.valid).toBe(true);
    expect(versionForPeriod(plan, "2026-07", 1)?.valid).toBe(false);
  });

  it("marks every version invalid when a row's Effective from is not a month", () => {
    const { plan, problems } = readPlan(
      sheet([...REVENUE_ONLY, { effectiveFrom: "2026-Q3", type: "metric", key: "revenue", weight: 1 }]),
      "Plan",
    );
    expect(texts(problems)).toEqual([
      'Plan!A3: Effective from "2026-Q3" is not a month such as 2026-04, so its row belongs to no version; no plan version is used until it is fixed',
    ]);
    expect(plan.versions.map((v) => v.valid)).toEqual([false]);
  });

  it("warns when a later version changes the fiscal year start, which keeps the first version's", () => {
    const { plan, problems } = readPlan(
      sheet([
        ...REVENUE_ONLY,
        { type: "setting", key: "fiscal_year_start", value: 4 },
        { effectiveFrom: "2026-04", type: "metric", key: "revenue", weight: 1 },
        { effectiveFrom: "2026-04", type: "setting", key: "fiscal_year_start", value: 7 },
        { effectiveFrom: "2027-04", type: "metric", key: "revenue", weight: 1 },
      ]),
      "Plan",
    );
    expect(texts(problems)).toEqual([
      "Plan!O5: fiscal_year_start 7 differs from 4 in the first plan version; quarters and years keep following 4",
      "Plan!A6: fiscal_year_start 1 differs from 4 in the first plan version; quarters and years keep following 4",
    ]);
    expect(problems.every((p) => p.severity === "warning")).toBe(true);
    expect(plan.versions.every((v) => v.valid)).toBe(true);
  });
});

describe("problems, each with its cell and text", () => {
  const withBonus = (extra: Row[]): Row[] => [
    ...REVENUE_ONLY,
    { type: "setting", key: "target_bonus", value: 1000 },
    { type: "bonus", key: "bonus" },
    ...extra,
  ];
  /** A bonus of one tier whose Driver is `driver`. */
  const bonusDrivenBy = (driver: string): Row[] =>
    withBonus([{ type: "tier", key: "bonus", bound: 1, rate: 1 }]).map((row) =>
      row.type === "bonus" ? { ...row, driver } : row,
    );

  const cases: { name: string; rows: Row[]; expected: string[] }[] = [
    {
      name: "a weight that is not a number",
      rows: [{ type: "metric", key: "revenue", weight: "abc" }],
      expected: ['Plan!E2: Weight "abc" is not a number; plan version - is not used'],
    },
    {
      name: "a negative weight",
      rows: [...REVENUE_ONLY, { type: "metric", key: "deals_won", weight: "-10%" }],
      expected: ["Plan!E3: Weight -10% must not be negative; plan version - is not used"],
    },
    {
      name: "a blank weight",
      rows: [...REVENUE_ONLY, { type: "metric", key: "deals_won" }],
      expected: ["Plan!E3: Weight is blank; plan version - is not used"],
    },
    {
      name: "a negative floor and a cap of 0",
      rows: [{ type: "metric", key: "revenue", weight: 1, floor: -1, cap: 0 }],
      expected: [
        "Plan!G2: Floor -1 must not be negative; plan version - is not used",
        'Plan!H2: Cap "0" is not valid here (above 0); plan version - is not used',
      ],
    },
    {
      name: "a cap below the floor",
      rows: [...REVENUE_ONLY, { type: "metric", key: "win_rate", weight: 1, floor: 0.9, cap: 0.8 }],
      expected: ["Plan!H3: Cap 0.8 is below the floor 0.9; plan version - is not used"],
    },
    {
      name: "a metric that is not built in",
      rows: [...REVENUE_ONLY, { type: "metric", key: "revnue", weight: 1 }],
      expected: ['Plan!D3: Metric "revnue" is neither built in nor declared as manual; plan version - is not used'],
    },
    {
      name: "a built-in metric declared as manual",
      rows: [...REVENUE_ONLY, { type: "manual", key: "win_rate", weight: 1, direction: "higher" }],
      expected: [
        "Plan!D3: win_rate is a built-in metric computed from Sales: use the type metric, not manual; plan version - is not used",
      ],
    },
    {
      name: "a manual metric without a direction",
      rows: [...REVENUE_ONLY, { type: "manual", key: "csat", weight: 1 }],
      expected: ["Plan!F3: Direction is blank; plan version - is not used"],
    },
    {
      name: "an unknown direction",
      rows: [...REVENUE_ONLY, { type: "manual", key: "csat", weight: 1, direction: "up" }],
      expected: [
        'Plan!F3: Direction "up" is not valid here (higher, lower (越高越好, 越低越好)); plan version - is not used',
      ],
    },
    {
      name: "a direction against the built-in metric's",
      rows: [...REVENUE_ONLY, { type: "metric", key: "sales_cycle_days", weight: 1, direction: "higher" }],
      expected: [
        'Plan!F3: Direction "higher" contradicts the direction sales_cycle_days already has; leave it blank or match it; plan version - is not used',
      ],
    },
    {
      name: "a direction against the declared manual metric's",
      rows: [
        ...REVENUE_ONLY,
        { type: "manual", key: "csat", weight: 0.5, direction: "higher" },
        { role: "support", type: "metric", key: "csat", weight: 1, direction: "lower" },
      ],
      expected: [
        'Plan!F4: Direction "lower" contradicts the direction csat already has; leave it blank or match it; plan version - is not used',
      ],
    },
    {
      name: "an unknown type",
      rows: [...REVENUE_ONLY, { type: "metrics", key: "deals_won", weight: 1 }],
      expected: [
        'Plan!C3: Type "metrics" is not one of metric, manual, bonus, commission, tier, ramp, setting, training (指标, 手工指标, 奖金, 提成, 档位, 爬坡, 设置, 培训); plan version - is not used',
      ],
    },
    {
      name: "a blank type",
      rows: [...REVENUE_ONLY, { key: "deals_won", weight: 1 }],
      expected: ["Plan!C3: Type is blank; plan version - is not used"],
    },
    {
      name: "an unknown mode",
      rows: withBonus([
        { type: "tier", key: "bonus", bound: 1, rate: 1 },
        { type: "commission", key: "c", mode: "stepped" },
        { type: "tier", key: "c", bound: 0, rate: 0.1 },
      ]),
      expected: ['Plan!J6: Mode "stepped" is not one of step, linear, marginal; plan version - is not used'],
    },
    {
      name: "tier bounds that are not ascending",
      rows: withBonus([
        { type: "tier", key: "bonus", bound: 0.8, rate: 0.5 },
        { type: "tier", key: "bonus", bound: 1.2, rate: 1 },
        { type: "tier", key: "bonus", bound: 1.2, rate: 1.5 },
      ]),
      expected: ["Plan!M7: tier bounds of bonus are not strictly ascending; plan version - is not used"],
    },
    {
      name: "a negative rate and a bound that is not a number",
      rows: withBonus([{ type: "tier", key: "bonus", bound: "x", rate: -0.5 }]),
      expected: [
        'Plan!M5: Bound "x" is not a number; plan version - is not used',
        "Plan!N5: Rate -0.5 must not be negative; plan version - is not used",
      ],
    },
    {
      name: "a component without tiers",
      rows: withBonus([]),
      expected: ["Plan!D4: bonus has no tier rows; plan version - is not used"],
    },
    {
      name: "tier rows for no component",
      rows: [
        ...REVENUE_ONLY,
        { type: "tier", key: "bonnus", bound: 1, rate: 1 },
        { type: "tier", key: "bonnus", bound: 2, rate: 2 },
      ],
      expected: [
        "Plan!D3: tier rows name bonnus, which is not a bonus or commission of this version; plan version - is not used",
      ],
    },
    {
      name: "role tier rows for a component the role and base lack",
      rows: [...REVENUE_ONLY, { role: "manager", type: "tier", key: "bonus", bound: 1, rate: 1 }],
      expected: [
        "Plan!D3: tier rows name bonus, which is not a bonus or commission of this version; plan version - is not used",
      ],
    },
    {
      name: "a driver that is not one",
      rows: bonusDrivenBy("revenue"),
      expected: [
        'Plan!I4: Driver "revenue" is not valid (use score, attainment:METRIC or team_attainment:METRIC); plan version - is not used',
      ],
    },
    {
      name: "a driver on a metric that does not exist",
      rows: bonusDrivenBy("attainment:nps"),
      expected: ['Plan!I4: Metric "nps" is neither built in nor declared as manual; plan version - is not used'],
    },
    {
      name: "a driver on a metric the role does not score",
      rows: [
        ...bonusDrivenBy("attainment:revenue"),
        { role: "hunter", type: "metric", key: "revenue", weight: 0 },
        { role: "hunter", type: "metric", key: "new_customers", weight: 1 },
      ],
      expected: [
        'Plan!I4: Driver "attainment:revenue" uses revenue, which role hunter does not score (no weight above 0); plan version - is not used',
      ],
    },
    {
      name: "team attainment of a ratio",
      rows: bonusDrivenBy("team_attainment:win_rate"),
      expected: [
        'Plan!I4: Driver "team_attainment:win_rate": team attainment adds up the team\'s actuals and targets, so it needs revenue, deals_won, new_customers, not win_rate; plan version - is not used',
      ],
    },
    {
      name: "a commission on something that is not an amount",
      rows: [
        ...REVENUE_ONLY,
        { type: "commission", key: "c", driver: "deals_won" },
        { type: "tier", key: "c", bound: 0, rate: 0.1 },
      ],
      expected: [
        'Plan!I3: a commission is paid on an amount: Driver "deals_won" must be revenue; plan version - is not used',
      ],
    },
    {
      name: "no metric with a weight above 0",
      rows: [
        { type: "metric", key: "revenue", weight: 0 },
        { type: "setting", key: "target_bonus", value: 100 },
      ],
      expected: ["Plan!A2: plan version - has no metric with a weight above 0; it is not used"],
    },
    {
      name: "a role that removes every metric",
      rows: [...REVENUE_ONLY, { role: "trainee", type: "metric", key: "revenue", weight: 0 }],
      expected: [
        "Plan!B3: role trainee has no metric with a weight above 0 in plan version -; the version is not used",
      ],
    },
    {
      name: "a duplicated metric",
      rows: [...REVENUE_ONLY, { type: "metric", key: "Revenue", weight: 0.5 }],
      expected: ["Plan!D3: Revenue is defined twice in plan version - for role *; the version is not used"],
    },
    {
      name: "a duplicated component within a role",
      rows: [
        ...REVENUE_ONLY,
        { role: "manager", type: "commission", key: "c" },
        { role: "manager", type: "tier", key: "c", bound: 0, rate: 0.1 },
        { role: "Manager", type: "commission", key: "C" },
      ],
      expected: ["Plan!D5: C is defined twice in plan version - for role Manager; the version is not used"],
    },
    {
      name: "a duplicated setting",
      rows: [
        ...REVENUE_ONLY,
        { type: "setting", key: "payout_period", value: "month" },
        { type: "setting", key: "Payout period", value: "year" },
      ],
      expected: ["Plan!D4: Payout period is defined twice in plan version - for role *; the version is not used"],
    },
    {
      name: "an unknown setting",
      rows: [...REVENUE_ONLY, { type: "setting", key: "bonus_cap", value: 2 }],
      expected: [
        'Plan!D3: Setting "bonus_cap" is not one of target_bonus, payout_period, fiscal_year_start, currency, language, promote_score, promote_periods, support_score, support_periods, approval (目标奖金, 发放周期, 财年起始月, 币种, 语言, 晋升得分, 晋升期数, 辅导得分, 辅导期数, 审批); plan version - is not used',
      ],
    },
    {
      name: "setting values that are not valid",
      rows: [
        ...REVENUE_ONLY,
        { type: "setting", key: "payout_period", value: "weekly" },
        { type: "setting", key: "fiscal_year_start", value: 13 },
        { type: "setting", key: "language", value: "fr" },
        { type: "setting", key: "promote_periods", value: 1.5 },
        { type: "setting", key: "target_bonus", value: "" },
      ],
      expected: [
        'Plan!O3: Value "weekly" is not valid here (month, quarter, year (月, 季, 年)); plan version - is not used',
        'Plan!O4: Value "13" is not valid here (1-12); plan version - is not used',
        'Plan!O5: Value "fr" is not valid here (auto, en, zh); plan version - is not used',
        'Plan!O6: Value "1.5" is not valid here (a whole number from 1); plan version - is not used',
        "Plan!O7: Value is blank; plan version - is not used",
      ],
    },
    {
      name: "a version-wide setting given for a role",
      rows: [...REVENUE_ONLY, { role: "manager", type: "setting", key: "payout_period", value: "quarter" }],
      expected: [
        "Plan!B3: payout_period applies to every role: leave Role blank (only target_bonus may differ by role); plan version - is not used",
      ],
    },
    {
      name: "a training topic for a role",
      rows: [...REVENUE_ONLY, { role: "manager", type: "training", key: "revenue", value: "Coaching" }],
      expected: [
        "Plan!B3: revenue applies to every role: leave Role blank (only target_bonus may differ by role); plan version - is not used",
      ],
    },
    {
      name: "a training topic for an unknown metric",
      rows: [...REVENUE_ONLY, { type: "training", key: "nps", value: "Listening" }],
      expected: ['Plan!D3: Metric "nps" is neither built in nor declared as manual; plan version - is not used'],
    },
    {
      name: "ramp months with a gap, and a multiplier of 0",
      rows: [
        ...REVENUE_ONLY,
        { type: "ramp", key: 1, value: 0.5 },
        { type: "ramp", key: 3, value: 1 },
        { type: "ramp", key: "x", value: 0 },
      ],
      expected: [
        'Plan!D5: Key "x" is not a number; plan version - is not used',
        'Plan!O5: Value "0" is not valid here (above 0); plan version - is not used',
        "Plan!D4: ramp month 3 has no month 2 before it: number the months 1, 2, 3… without gaps; plan version - is not used",
      ],
    },
  ];

  for (const { name, rows, expected } of cases) {
    it(name, () => {
      const { plan, problems } = readPlan(sheet(rows), "Plan");
      expect(texts(problems).sort()).toEqual([...expected].sort());
      expect(problems.every((p) => p.severity === "error")).toBe(true);
      expect(plan.versions.map((v) => v.valid)).toEqual([false]);
    });
  }

  it("lists problems by row, then column", () => {
    const { problems } = readPlan(
      sheet([{ type: "metric", key: "revenue", weight: "x", cap: "y" }, { type: "nope" }]),
      "Plan",
    );
    expect(problems.map((p) => p.cell)).toEqual(["E2", "H2", "C3"]);
  });

  it("quotes a sheet name with spaces", () => {
    const { problems } = readPlan(sheet([{ type: "metric", key: "revenue", weight: "x" }]), "Pay plan");
    expect(texts(problems)[0]).toBe("'Pay plan'!E2: Weight \"x\" is not a number; plan version - is not used");
  });

  it("writes the messages in Chinese too", () => {
    const { problems } = readPlan(sheet([...REVENUE_ONLY, { type: "metric", key: "deals_won", weight: -1 }]), "Plan");
    expect(problems.map((p) => formatProblem(p, "zh"))).toEqual(["Plan!E3: Weight -1 不能为负数；方案版本 - 未启用"]);
  });
});

describe("warnings leave the version valid", () => {
  it("warns of rates that fall as the bound rises, on the Rate cell", () => {
    const { version, problems } = onlyVersion([
      ...REVENUE_ONLY,
      { type: "commission", key: "c" },
      { type: "tier", key: "c", bound: 0, rate: 0.05 },
      { type: "tier", key: "c", bound: 10000, rate: 0.03 },
    ]);
    expect(problems).toEqual(["Plan!N5: tier rates of c decrease as the bound rises; check this is intended"]);
    expect(version.valid).toBe(true);
    expect(version.base.components[0].tiers).toEqual([
      { bound: 0, rate: 0.05 },
      { bound: 10000, rate: 0.03 },
    ]);
  });

  it("warns of a bonus without any target_bonus setting", () => {
    const { version, problems } = onlyVersion([
      ...REVENUE_ONLY,
      { type: "bonus", key: "bonus" },
      { type: "tier", key: "bonus", bound: 1, rate: 1 },
    ]);
    expect(problems).toEqual([
      "Plan!D3: bonus pays multiples of the target bonus, but plan version - sets no target_bonus: reps without a Target bonus on Reps get nothing from it",
    ]);
    expect(version.valid).toBe(true);
    expect(version.base.targetBonus).toBe(0);
  });
});

describe("any sheet", () => {
  const vocabulary = [
    "",
    "metric",
    "manual",
    "bonus",
    "commission",
    "tier",
    "ramp",
    "setting",
    "training",
    "指标",
    "档位",
    "revenue",
    "csat",
    "win_rate",
    "target_bonus",
    "payout_period",
    "fiscal_year_start",
    "b",
    "manager",
    "score",
    "attainment:revenue",
    "team_attainment",
    "linear",
    "marginal",
    "higher",
    "lower",
    "2026-04",
    "2026-Q2",
    "abc",
    "12%",
    "-1",
    "*",
  ];
  const cell = fc.oneof(
    fc.constantFrom(...vocabulary),
    fc.integer({ min: -2, max: 13 }),
    fc.double({ noNaN: true }),
    fc.constant(null),
  );

  it("is read without throwing; every error leaves some version invalid, and none leaves all valid", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 16, maxLength: 16 }), { maxLength: 12 }), (rows) => {
        const { plan, problems } = readPlan([EN_HEADERS, ...rows], "Plan");
        expect(plan.versions.length).toBeGreaterThan(0);
        const froms = plan.versions.map((v) => v.effectiveFrom);
        expect(froms).toEqual([...froms].sort());
        for (const problem of problems) expect(problem.cell).toMatch(/^[A-P]\d+$/);
        const hasError = problems.some((p) => p.severity === "error");
        expect(plan.versions.every((v) => v.valid)).toBe(!hasError);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the bad-input corpus of plans", () => {
  it("has at least 10 cases", () => {
    expect(planCases.length).toBeGreaterThanOrEqual(10);
  });

  for (const testCase of planCases) {
    it(testCase.name, () => {
      const { problems } = readPlan(testCase.planValues, "Plan");
      expect(texts(problems)).toEqual(testCase.expectedProblems);
    });
  }
});
