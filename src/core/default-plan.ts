/**
 * The plan a team starts with, as the rows of a `Plan` sheet, and the words
 * the Plan sheet is written in (column headers, row types, setting names) in
 * English and Chinese. "Set up sheets" writes these rows; the local runner
 * adds them to a workbook without a Plan sheet; the Plan table reader accepts
 * every word listed here (and a few aliases of its own).
 *
 * The default plan shows good practice in sales pay: revenue matters
 * most but not alone (new customers, win rate, renewals, satisfaction,
 * product knowledge, teamwork), a target bonus with a threshold and an
 * accelerator above target, a commission that pays more per unit at higher
 * volumes, a different bonus driver for managers, and a ramp for new hires.
 */
import type { Direction, Language, PayoutPeriod, PlanSettings } from "./plan-model";
import type { TierMode } from "./tiers";
import type { Localized } from "./localized-text";
import { DEFAULT_TRAINING_TOPICS } from "./training-topics";

/** The columns of the Plan sheet, in the order the default plan writes them. */
export type PlanColumn =
  | "effectiveFrom"
  | "role"
  | "type"
  | "key"
  | "weight"
  | "direction"
  | "floor"
  | "cap"
  | "driver"
  | "mode"
  | "gate"
  | "maxRate"
  | "bound"
  | "rate"
  | "value"
  | "note";

/**
 * The columns of the Plan sheet with their headers and the note "Set up
 * sheets" puts on each header cell. Only Type and Key are required: a plan
 * without bonuses needs no Driver, Mode, Gate or Max rate column.
 */
export const PLAN_COLUMNS: readonly { column: PlanColumn; header: Localized; required: boolean; help: Localized }[] = [
  {
    column: "effectiveFrom",
    header: { en: "Effective from", zh: "生效期间" },
    required: false,
    help: {
      en: "First month the rows apply to, e.g. 2026-04; blank = from the beginning. Rows with one Effective from form one complete version.",
      zh: "这些行开始生效的月份，例如 2026-04；留空表示从最早开始。生效期间相同的行组成一个完整的方案版本。",
    },
  },
  {
    column: "role",
    header: { en: "Role", zh: "岗位" },
    required: false,
    help: {
      en: "Blank or * for everyone; a role (as on Reps, e.g. manager) overrides the same item for that role.",
      zh: "留空或 * 表示所有人；填写岗位（与销售人员表一致，例如 主管）则为该岗位覆盖同名项目。",
    },
  },
  {
    column: "type",
    header: { en: "Type", zh: "类型" },
    required: true,
    help: {
      en: "metric, manual, bonus, commission, tier, ramp, setting or training",
      zh: "指标、手工指标、奖金、提成、档位、爬坡、设置 或 培训",
    },
  },
  {
    column: "key",
    header: { en: "Key", zh: "项目" },
    required: true,
    help: {
      en: "The metric (revenue, csat), the bonus or commission name, the ramp month (1, 2, 3) or the setting (target_bonus)",
      zh: "指标（revenue、csat）、奖金或提成名称、爬坡月份（1、2、3）或设置项（目标奖金）",
    },
  },
  {
    column: "weight",
    header: { en: "Weight", zh: "权重" },
    required: false,
    help: {
      en: "Metric weight, e.g. 40% or 0.4; weights need not add up to 100%; 0 removes a metric for a role",
      zh: "指标权重，例如 40% 或 0.4；权重之和不必为 100%；岗位行填 0 表示去掉该指标",
    },
  },
  {
    column: "direction",
    header: { en: "Direction", zh: "方向" },
    required: false,
    help: {
      en: "higher or lower is better; required for manual metrics",
      zh: "越高越好 或 越低越好；手工指标必填",
    },
  },
  {
    column: "floor",
    header: { en: "Floor", zh: "下限" },
    required: false,
    help: {
      en: "Attainment below it scores 0, e.g. 50%; blank = 0",
      zh: "达成率低于此值计 0 分，例如 50%；留空为 0",
    },
  },
  {
    column: "cap",
    header: { en: "Cap", zh: "上限" },
    required: false,
    help: {
      en: "Attainment counts up to it, e.g. 150%; blank = 150%",
      zh: "达成率最多按此值计分，例如 150%；留空为 150%",
    },
  },
  {
    column: "driver",
    header: { en: "Driver", zh: "驱动" },
    required: false,
    help: {
      en: "Bonus: score, attainment:METRIC or team_attainment:METRIC; commission: revenue",
      zh: "奖金：得分、达成率:指标 或 团队达成率:指标；提成：revenue",
    },
  },
  {
    column: "mode",
    header: { en: "Mode", zh: "模式" },
    required: false,
    help: {
      en: "How tiers pay: step (blank), linear or marginal",
      zh: "档位计算方式：阶梯（留空）、线性 或 累进",
    },
  },
  {
    column: "gate",
    header: { en: "Gate", zh: "门槛" },
    required: false,
    help: {
      en: "Nothing is paid below it: a score or attainment (0.6) for a bonus, an amount for a commission",
      zh: "低于此值不发放：奖金为得分或达成率（如 0.6），提成为金额",
    },
  },
  {
    column: "maxRate",
    header: { en: "Max rate", zh: "最高倍数" },
    required: false,
    help: {
      en: "Highest rate paid, e.g. 2 = at most twice the target bonus; blank = no limit",
      zh: "最高发放倍数，例如 2 表示最多为目标奖金的 2 倍；留空为不限",
    },
  },
  {
    column: "bound",
    header: { en: "Bound", zh: "档位下限" },
    required: false,
    help: {
      en: "Tier rows: where the tier starts (score, attainment or amount), ascending",
      zh: "档位行：该档起点（得分、达成率或金额），须严格递增",
    },
  },
  {
    column: "rate",
    header: { en: "Rate", zh: "比例" },
    required: false,
    help: {
      en: "Tier rows: bonus multiple (1 = 100% of the target bonus) or commission share (3%)",
      zh: "档位行：奖金倍数（1 = 目标奖金的 100%）或提成比例（3%）",
    },
  },
  {
    column: "value",
    header: { en: "Value", zh: "值" },
    required: false,
    help: {
      en: "Ramp: target multiplier (50%); setting: its value; training: the topic to recommend",
      zh: "爬坡：目标系数（50%）；设置：设置值；培训：推荐的培训内容",
    },
  },
  {
    column: "note",
    header: { en: "Note", zh: "说明" },
    required: false,
    help: {
      en: "Free text for people; the add-on ignores it",
      zh: "备注，仅供阅读，计算时忽略",
    },
  },
];

/** What a Plan row declares (its Type cell). */
export type PlanRowType = "metric" | "manual" | "bonus" | "commission" | "tier" | "ramp" | "setting" | "training";

export const PLAN_ROW_TYPE_NAMES: Readonly<Record<PlanRowType, Localized>> = {
  metric: { en: "metric", zh: "指标" },
  manual: { en: "manual", zh: "手工指标" },
  bonus: { en: "bonus", zh: "奖金" },
  commission: { en: "commission", zh: "提成" },
  tier: { en: "tier", zh: "档位" },
  ramp: { en: "ramp", zh: "爬坡" },
  setting: { en: "setting", zh: "设置" },
  training: { en: "training", zh: "培训" },
};

/** The Key of a `setting` row. */
export type PlanSettingKey =
  | "target_bonus"
  | "payout_period"
  | "fiscal_year_start"
  | "currency"
  | "language"
  | "promote_score"
  | "promote_periods"
  | "support_score"
  | "support_periods"
  | "approval";

export const PLAN_SETTING_NAMES: Readonly<Record<PlanSettingKey, Localized>> = {
  target_bonus: { en: "target_bonus", zh: "目标奖金" },
  payout_period: { en: "payout_period", zh: "发放周期" },
  fiscal_year_start: { en: "fiscal_year_start", zh: "财年起始月" },
  currency: { en: "currency", zh: "币种" },
  language: { en: "language", zh: "语言" },
  promote_score: { en: "promote_score", zh: "晋升得分" },
  promote_periods: { en: "promote_periods", zh: "晋升期数" },
  support_score: { en: "support_score", zh: "辅导得分" },
  support_periods: { en: "support_periods", zh: "辅导期数" },
  approval: { en: "approval", zh: "审批" },
};

const PLAN_DIRECTION_NAMES: Readonly<Record<Direction, Localized>> = {
  higher: { en: "higher", zh: "越高越好" },
  lower: { en: "lower", zh: "越低越好" },
};

export const PLAN_MODE_NAMES: Readonly<Record<TierMode, Localized>> = {
  step: { en: "step", zh: "阶梯" },
  linear: { en: "linear", zh: "线性" },
  marginal: { en: "marginal", zh: "累进" },
};

/** Driver words before the `:METRIC` part. */
export const PLAN_DRIVER_NAMES: Readonly<Record<"score" | "attainment" | "team_attainment", Localized>> = {
  score: { en: "score", zh: "得分" },
  attainment: { en: "attainment", zh: "达成率" },
  team_attainment: { en: "team_attainment", zh: "团队达成率" },
};

export const PLAN_PAYOUT_PERIOD_NAMES: Readonly<Record<PayoutPeriod, Localized>> = {
  month: { en: "month", zh: "月" },
  quarter: { en: "quarter", zh: "季" },
  year: { en: "year", zh: "年" },
};

/** The Value of `currency` and `language` that means "from the spreadsheet's locale". */
export const PLAN_AUTO_VALUE: Localized = { en: "auto", zh: "自动" };

/** Attainment below the floor achieves 0; the default keeps every bit of progress. */
export const DEFAULT_METRIC_FLOOR = 0;
/** Achievement counts up to 150 % of target, so one metric cannot carry the score alone. */
export const DEFAULT_METRIC_CAP = 1.5;

/**
 * Settings of a plan version whose rows do not give them. The development
 * signals: 3 periods in a row at 110 % or more suggest a promotion or stretch
 * conversation; 2 periods in a row below 80 % call for a support plan.
 */
export const DEFAULT_SETTINGS: PlanSettings = {
  fiscalYearStartMonth: 1,
  currency: null,
  language: null,
  payoutPeriod: "month",
  signals: { promoteScore: 1.1, promotePeriods: 3, supportScore: 0.8, supportPeriods: 2 },
  training: { ...DEFAULT_TRAINING_TOPICS },
  approval: false,
};

/** One row of the default plan, numbers written once for both languages. */
interface DefaultRow {
  type: PlanRowType;
  key: string | Localized;
  role?: Localized;
  weight?: number;
  direction?: Direction;
  floor?: number;
  cap?: number;
  driver?: Localized;
  mode?: TierMode;
  gate?: number;
  maxRate?: number;
  bound?: number;
  rate?: number;
  value?: number | { payoutPeriod: PayoutPeriod } | "auto";
  note: Localized;
}

const MANAGER: Localized = { en: "manager", zh: "主管" };
const BONUS_KEY: Localized = { en: "target_bonus", zh: "绩效奖金" };
const COMMISSION_KEY: Localized = { en: "commission", zh: "销售提成" };

const DEFAULT_ROWS: readonly DefaultRow[] = [
  // The scorecard: weights sum to 100 % so each reads as a share of the score.
  {
    type: "metric",
    key: "revenue",
    weight: 0.4,
    direction: "higher",
    floor: 0,
    cap: 1.5,
    note: {
      en: "Won deal amounts against the revenue target: 40% of the score. Above 150% of target (Cap) it adds no more.",
      zh: "赢单金额对比销售额目标，占得分 40%；超过目标 150%（上限）的部分不再加分。",
    },
  },
  {
    type: "metric",
    key: "new_customers",
    weight: 0.2,
    direction: "higher",
    floor: 0,
    cap: 1.5,
    note: {
      en: "Customers won for the first time (Sales Type new) against the target.",
      zh: "首次成交的客户数（销售表类型为“新客户”），对比目标。",
    },
  },
  {
    type: "metric",
    key: "win_rate",
    weight: 0.1,
    direction: "higher",
    floor: 0,
    cap: 1.5,
    note: {
      en: "Won / (won + lost) among deals closed in the period; give it a target on Targets, e.g. 30%.",
      zh: "本期结束的商机中赢单所占比例；请在目标表中设定目标，如 30%。",
    },
  },
  {
    type: "metric",
    key: "renewal_rate",
    weight: 0.1,
    direction: "higher",
    floor: 0,
    cap: 1.5,
    note: {
      en: "Share of renewal deals won: keeps existing customers in view.",
      zh: "续约商机的赢单比例，关注老客户留存。",
    },
  },
  {
    type: "manual",
    key: "csat",
    weight: 0.1,
    direction: "higher",
    floor: 0,
    cap: 1.5,
    note: {
      en: "Customer satisfaction, entered on Scores (e.g. survey average out of 5 against a target of 4.5).",
      zh: "客户满意度，在评分表中填写（如满分 5 分的调研均分，目标 4.5）。",
    },
  },
  {
    type: "manual",
    key: "product_knowledge",
    weight: 0.05,
    direction: "higher",
    floor: 0,
    cap: 1.5,
    note: {
      en: "Product test result or manager's assessment, entered on Scores.",
      zh: "产品知识考试成绩或主管评估，在评分表中填写。",
    },
  },
  {
    type: "manual",
    key: "teamwork",
    weight: 0.05,
    direction: "higher",
    floor: 0,
    cap: 1.5,
    note: {
      en: "Manager's rating of collaboration and help given to colleagues, entered on Scores.",
      zh: "主管对协作与帮助同事情况的评分，在评分表中填写。",
    },
  },
  // The target bonus: a threshold, then a straight line to 100 % at target and
  // one twice as steep above it, so over-achievement pays more than it did below.
  {
    type: "bonus",
    key: BONUS_KEY,
    driver: PLAN_DRIVER_NAMES.score,
    mode: "linear",
    gate: 0.6,
    maxRate: 2,
    note: {
      en: "Monthly bonus on the weighted score: nothing below 0.6 (Gate), then in a straight line between the tiers below; at most 2x the target bonus (Max rate).",
      zh: "按加权得分发放的月度奖金：得分低于 0.6（门槛）不发；各档之间按直线计算；最多为目标奖金的 2 倍（最高倍数）。",
    },
  },
  {
    type: "tier",
    key: BONUS_KEY,
    bound: 0.6,
    rate: 0.5,
    note: {
      en: "Score 0.6: 50% of the target bonus, the entry point.",
      zh: "得分 0.6：目标奖金的 50%，起发点。",
    },
  },
  {
    type: "tier",
    key: BONUS_KEY,
    bound: 0.8,
    rate: 0.75,
    note: {
      en: "Score 0.8: 75%. Below target each 0.1 of score adds 12.5% of the target bonus.",
      zh: "得分 0.8：75%。目标以下得分每提高 0.1，奖金增加目标奖金的 12.5%。",
    },
  },
  {
    type: "tier",
    key: BONUS_KEY,
    bound: 1,
    rate: 1,
    note: {
      en: "Score 1.0 (on target): 100% of the target bonus.",
      zh: "得分 1.0（达成目标）：目标奖金的 100%。",
    },
  },
  {
    type: "tier",
    key: BONUS_KEY,
    bound: 1.2,
    rate: 1.5,
    note: {
      en: "Score 1.2: 150%. Above target each 0.1 adds 25%, twice as much (the accelerator).",
      zh: "得分 1.2：150%。超出目标后得分每提高 0.1，奖金增加 25%，是目标以下的两倍（加速）。",
    },
  },
  {
    type: "tier",
    key: BONUS_KEY,
    bound: 1.4,
    rate: 2,
    note: {
      en: "Score 1.4 and above: 200%, the most paid.",
      zh: "得分 1.4 及以上：200%，即最高额度。",
    },
  },
  // The commission: 1 % of the first 50,000 a month, more on the slices above.
  {
    type: "commission",
    key: COMMISSION_KEY,
    driver: { en: "revenue", zh: "revenue" },
    mode: "marginal",
    note: {
      en: "Commission on the month's won revenue; each slice is paid at its own tier's rate (Mode marginal).",
      zh: "按当月赢单金额计提；各段金额分别按所在档位的比例计算（累进）。",
    },
  },
  {
    type: "tier",
    key: COMMISSION_KEY,
    bound: 0,
    rate: 0.01,
    note: {
      en: "1% of the first 50,000.",
      zh: "前 50,000 的部分按 1%。",
    },
  },
  {
    type: "tier",
    key: COMMISSION_KEY,
    bound: 50000,
    rate: 0.02,
    note: {
      en: "2% of the part from 50,000 to 100,000.",
      zh: "50,000 至 100,000 的部分按 2%。",
    },
  },
  {
    type: "tier",
    key: COMMISSION_KEY,
    bound: 100000,
    rate: 0.03,
    note: {
      en: "3% of the part above 100,000.",
      zh: "超过 100,000 的部分按 3%。",
    },
  },
  // Managers are paid on their team's result, not their own deals.
  {
    type: "bonus",
    role: MANAGER,
    key: BONUS_KEY,
    driver: driverOn("team_attainment", "revenue"),
    mode: "linear",
    gate: 0.6,
    maxRate: 2,
    note: {
      en: "Managers (Role manager on Reps): the same bonus, driven by the team's total revenue against its total target; it uses the tiers above.",
      zh: "主管（销售人员表中岗位为“主管”）：同样的奖金，按团队销售额合计对比团队目标合计计算，沿用上面的档位。",
    },
  },
  {
    type: "setting",
    role: MANAGER,
    key: "target_bonus",
    value: 2000,
    note: {
      en: "Managers' monthly target bonus when the Reps sheet gives none.",
      zh: "主管的月度目标奖金（销售人员表未填写时使用）。",
    },
  },
  // New hires reach full targets in their third month.
  {
    type: "ramp",
    key: "1",
    value: 0.5,
    note: {
      en: "New hires: 50% of the targets in their first month (the month of the Start date).",
      zh: "新员工入职当月：目标按 50% 计。",
    },
  },
  {
    type: "ramp",
    key: "2",
    value: 0.75,
    note: {
      en: "75% in the second month.",
      zh: "入职第二个月：按 75% 计。",
    },
  },
  {
    type: "ramp",
    key: "3",
    value: 1,
    note: {
      en: "Full targets from the third month on.",
      zh: "第三个月起按全额目标。",
    },
  },
  // Settings.
  {
    type: "setting",
    key: "target_bonus",
    value: 1000,
    note: {
      en: "Monthly bonus paid at 100% when the Reps sheet gives none.",
      zh: "得分 100% 时的月度奖金（销售人员表未填写时使用）。",
    },
  },
  {
    type: "setting",
    key: "payout_period",
    value: { payoutPeriod: "month" },
    note: {
      en: "How often pay is worked out: month, quarter or year.",
      zh: "奖金与提成的计算周期：月、季或年。",
    },
  },
  {
    type: "setting",
    key: "fiscal_year_start",
    value: 1,
    note: {
      en: "Month the fiscal year starts (1 = January); quarters and years follow it.",
      zh: "财年起始月份（1 = 一月），季度和年度按此划分。",
    },
  },
  {
    type: "setting",
    key: "currency",
    value: "auto",
    note: {
      en: "auto: the spreadsheet's currency (from its locale: CNY for Chinese, USD for US English); or a code such as EUR.",
      zh: "自动：按表格的区域设置（中文为人民币 CNY，美国英文为美元 USD）；也可填写 EUR 等币种代码。",
    },
  },
  {
    type: "setting",
    key: "language",
    value: "auto",
    note: {
      en: "Language of reviews: auto (the spreadsheet's), en or zh.",
      zh: "评语语言：自动（跟随表格）、en 或 zh。",
    },
  },
  {
    type: "setting",
    key: "promote_score",
    value: 1.1,
    note: {
      en: "A score of 1.1 or more ...",
      zh: "得分达到 1.1 及以上……",
    },
  },
  {
    type: "setting",
    key: "promote_periods",
    value: 3,
    note: {
      en: "... 3 periods in a row suggests a promotion or stretch conversation.",
      zh: "……连续 3 期，建议沟通晋升或更具挑战的目标。",
    },
  },
  {
    type: "setting",
    key: "support_score",
    value: 0.8,
    note: {
      en: "A score below 0.8 ...",
      zh: "得分低于 0.8……",
    },
  },
  {
    type: "setting",
    key: "support_periods",
    value: 2,
    note: {
      en: "... 2 periods in a row calls for a support plan.",
      zh: "……连续 2 期，建议制定辅导改进计划。",
    },
  },
];

/**
 * The default plan as sheet rows, header row first, with headers, row types,
 * names and notes in one language. Numbers are numbers (0.4, not "40%"), so
 * the sheet can format them.
 *
 * @example
 * defaultPlanRows("en")[0].slice(0, 4); // ["Effective from", "Role", "Type", "Key"]
 * defaultPlanRows("zh")[1].slice(2, 5); // ["指标", "revenue", 0.4]
 */
export function defaultPlanRows(language: Language): (string | number)[][] {
  const header = PLAN_COLUMNS.map((c) => c.header[language]);
  return [header, ...DEFAULT_ROWS.map((row) => sheetRow(row, language))];
}

/**
 * The default plan in English, header row first. Marked pure so the bundle,
 * which builds the rows only when a run has no Plan sheet, leaves it out:
 * every execution would otherwise build it at load.
 */
export const DEFAULT_PLAN_ROWS: (string | number)[][] = /* @__PURE__ */ defaultPlanRows("en");

function sheetRow(row: DefaultRow, language: Language): (string | number)[] {
  const cells: Record<PlanColumn, string | number> = {
    effectiveFrom: "",
    role: row.role ? row.role[language] : "",
    type: PLAN_ROW_TYPE_NAMES[row.type][language],
    key: keyText(row, language),
    weight: row.weight ?? "",
    direction: row.direction ? PLAN_DIRECTION_NAMES[row.direction][language] : "",
    floor: row.floor ?? "",
    cap: row.cap ?? "",
    driver: row.driver ? row.driver[language] : "",
    mode: row.mode ? PLAN_MODE_NAMES[row.mode][language] : "",
    gate: row.gate ?? "",
    maxRate: row.maxRate ?? "",
    bound: row.bound ?? "",
    rate: row.rate ?? "",
    value: valueText(row, language),
    note: row.note[language],
  };
  return PLAN_COLUMNS.map((c) => cells[c.column]);
}

function keyText(row: DefaultRow, language: Language): string {
  if (typeof row.key !== "string") return row.key[language];
  // Setting keys are localised; metric keys and ramp months are identifiers.
  return row.type === "setting" ? PLAN_SETTING_NAMES[row.key as PlanSettingKey][language] : row.key;
}

function driverOn(word: "attainment" | "team_attainment", metric: string): Localized {
  return { en: PLAN_DRIVER_NAMES[word].en + ":" + metric, zh: PLAN_DRIVER_NAMES[word].zh + ":" + metric };
}

function valueText(row: DefaultRow, language: Language): string | number {
  if (row.value === undefined) return "";
  if (row.value === "auto") return PLAN_AUTO_VALUE[language];
  if (typeof row.value === "number") return row.value;
  return PLAN_PAYOUT_PERIOD_NAMES[row.value.payoutPeriod][language];
}
