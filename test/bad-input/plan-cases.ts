/**
 * Bad Plan sheets for the bad-input corpus: the values as `getValues()` gives
 * them (headers in row 0) and every problem expected, as shown in English
 * with the sheet named `Plan`, in the order the reader lists them (by row,
 * then column).
 */

export interface PlanBadInputCase {
  name: string;
  planValues: unknown[][];
  expectedProblems: string[];
}

export const PLAN_HEADER = [
  "Effective from",
  "Role",
  "Type",
  "Key",
  "Weight",
  "Direction",
  "Floor",
  "Cap",
  "Driver",
  "Mode",
  "Gate",
  "Max rate",
  "Bound",
  "Rate",
  "Value",
  "Note",
];

type Cells = Partial<Record<(typeof COLUMNS)[number], unknown>>;

const COLUMNS = [
  "effectiveFrom",
  "role",
  "type",
  "key",
  "weight",
  "direction",
  "floor",
  "cap",
  "driver",
  "mode",
  "gate",
  "maxRate",
  "bound",
  "rate",
  "value",
  "note",
] as const;

function plan(...rows: Cells[]): unknown[][] {
  return [PLAN_HEADER, ...rows.map((row) => COLUMNS.map((column) => row[column] ?? ""))];
}

const SCORECARD: Cells[] = [
  { type: "metric", key: "revenue", weight: "60%" },
  { type: "metric", key: "new_customers", weight: "40%" },
];

const BONUS: Cells[] = [
  { type: "setting", key: "target_bonus", value: 1000 },
  { type: "bonus", key: "target_bonus", mode: "linear", gate: 0.6, maxRate: 2 },
  { type: "tier", key: "target_bonus", bound: 0.6, rate: 0.5 },
  { type: "tier", key: "target_bonus", bound: 1, rate: 1 },
  { type: "tier", key: "target_bonus", bound: 1.2, rate: 1.5 },
];

export const planCases: PlanBadInputCase[] = [
  {
    name: "plan: a weight typed as words",
    planValues: plan(
      { type: "metric", key: "revenue", weight: "forty" },
      { type: "metric", key: "deals_won", weight: 0.6 },
    ),
    expectedProblems: ['Plan!E2: Weight "forty" is not a number; plan version - is not used'],
  },
  {
    name: "plan: a negative rate in a tier",
    planValues: plan(...SCORECARD, ...BONUS.slice(0, 3), { type: "tier", key: "target_bonus", bound: 1, rate: -1 }),
    expectedProblems: ["Plan!N7: Rate -1 must not be negative; plan version - is not used"],
  },
  {
    name: "plan: tier bounds out of order",
    planValues: plan(
      ...SCORECARD,
      ...BONUS.slice(0, 2),
      { type: "tier", key: "target_bonus", bound: 1, rate: 1 },
      { type: "tier", key: "target_bonus", bound: 0.6, rate: 0.5 },
    ),
    expectedProblems: ["Plan!M7: tier bounds of target_bonus are not strictly ascending; plan version - is not used"],
  },
  {
    name: "plan: decreasing commission rates are only a warning",
    planValues: plan(
      ...SCORECARD,
      { type: "commission", key: "commission", mode: "marginal" },
      { type: "tier", key: "commission", bound: 0, rate: "5%" },
      { type: "tier", key: "commission", bound: 50000, rate: "3%" },
    ),
    expectedProblems: ["Plan!N6: tier rates of commission decrease as the bound rises; check this is intended"],
  },
  {
    name: "plan: an unknown mode",
    planValues: plan(...SCORECARD, BONUS[0], { ...BONUS[1], mode: "progressive" }, ...BONUS.slice(2)),
    expectedProblems: ['Plan!J5: Mode "progressive" is not one of step, linear, marginal; plan version - is not used'],
  },
  {
    name: "plan: a metric neither built in nor declared",
    planValues: plan(...SCORECARD, { type: "metric", key: "nps", weight: 0.2 }),
    expectedProblems: ['Plan!D4: Metric "nps" is neither built in nor declared as manual; plan version - is not used'],
  },
  {
    name: "plan: a manual metric without its direction",
    planValues: plan(...SCORECARD, { type: "manual", key: "csat", weight: 0.1 }),
    expectedProblems: ["Plan!F4: Direction is blank; plan version - is not used"],
  },
  {
    name: "plan: an unknown row type",
    planValues: plan(...SCORECARD, { type: "kpi", key: "win_rate", weight: 0.1 }),
    expectedProblems: [
      'Plan!C4: Type "kpi" is not one of metric, manual, bonus, commission, tier, ramp, setting, training (指标, 手工指标, 奖金, 提成, 档位, 爬坡, 设置, 培训); plan version - is not used',
    ],
  },
  {
    name: "plan: a bonus without tier rows and tier rows for a misspelt bonus",
    planValues: plan(...SCORECARD, BONUS[0], BONUS[1], { type: "tier", key: "target_bonnus", bound: 1, rate: 1 }),
    expectedProblems: [
      "Plan!D5: target_bonus has no tier rows; plan version - is not used",
      "Plan!D6: tier rows name target_bonnus, which is not a bonus or commission of this version; plan version - is not used",
    ],
  },
  {
    name: "plan: an unknown driver",
    planValues: plan(...SCORECARD, BONUS[0], { ...BONUS[1], driver: "quota" }, ...BONUS.slice(2)),
    expectedProblems: [
      'Plan!I5: Driver "quota" is not valid (use score, attainment:METRIC or team_attainment:METRIC); plan version - is not used',
    ],
  },
  {
    name: "plan: every weight 0",
    planValues: plan({ type: "metric", key: "revenue", weight: 0 }, { type: "metric", key: "deals_won", weight: "0%" }),
    expectedProblems: ["Plan!A2: plan version - has no metric with a weight above 0; it is not used"],
  },
  {
    name: "plan: a metric twice for one role",
    planValues: plan(
      ...SCORECARD,
      { role: "manager", type: "metric", key: "revenue", weight: 1 },
      { role: "Manager", type: "metric", key: "revenue", weight: 0.5 },
    ),
    expectedProblems: ["Plan!D5: revenue is defined twice in plan version - for role Manager; the version is not used"],
  },
  {
    name: "plan: an unknown setting and a payout period that is not one",
    planValues: plan(
      ...SCORECARD,
      { type: "setting", key: "bonus_pool", value: 5000 },
      { type: "setting", key: "payout_period", value: "weekly" },
    ),
    expectedProblems: [
      'Plan!D4: Setting "bonus_pool" is not one of target_bonus, payout_period, fiscal_year_start, currency, language, promote_score, promote_periods, support_score, support_periods, approval (目标奖金, 发放周期, 财年起始月, 币种, 语言, 晋升得分, 晋升期数, 辅导得分, 辅导期数, 审批); plan version - is not used',
      'Plan!O5: Value "weekly" is not valid here (month, quarter, year (月, 季, 年)); plan version - is not used',
    ],
  },
  {
    name: "plan: a later version with an error beside a valid one",
    planValues: plan(
      ...SCORECARD,
      { effectiveFrom: "2026-07", type: "metric", key: "revenue", weight: "1O0%" },
      { effectiveFrom: "2026-07", type: "metric", key: "win_rate", weight: 1 },
    ),
    expectedProblems: ['Plan!E4: Weight "1O0%" is not a number; plan version 2026-07 is not used'],
  },
  {
    name: "plan: an Effective from that is not a month",
    planValues: plan(...SCORECARD, { effectiveFrom: "next year", type: "metric", key: "revenue", weight: 1 }),
    expectedProblems: [
      'Plan!A4: Effective from "next year" is not a month such as 2026-04, so its row belongs to no version; no plan version is used until it is fixed',
    ],
  },
  {
    name: "plan: Chinese headers, a negative weight and a ramp with a gap",
    planValues: [
      ["类型", "项目", "权重", "方向", "值"],
      ["指标", "revenue", "-50%", "", ""],
      ["指标", "deals_won", "50%", "", ""],
      ["爬坡", 1, "", "", "50%"],
      ["爬坡", 3, "", "", "100%"],
    ],
    expectedProblems: [
      "Plan!C2: 权重 -50% must not be negative; plan version - is not used",
      "Plan!B5: ramp month 3 has no month 2 before it: number the months 1, 2, 3… without gaps; plan version - is not used",
    ],
  },
  {
    name: "plan: no Type column",
    planValues: [
      ["Key", "Weight"],
      ["revenue", 1],
    ],
    expectedProblems: ["Plan!C1: the required column Type is missing"],
  },
];
