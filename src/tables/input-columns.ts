/**
 * The columns of every input sheet (docs/sheet-formats.md#input-sheets), in one place, so
 * the reader and "Set up sheets" cannot drift apart: field name, English and
 * Chinese header, whether it is required, what it holds, a one-line help with
 * an example (written as the note on the header cell) and, for enumerations,
 * the allowed values.
 */

export type InputSheetKey = "reps" | "sales" | "targets" | "scores" | "adjustments";

/** What a column holds: decides how a cell is read and which validation "Set up sheets" adds. */
type ColumnKind =
  | "rep_id"
  | "text"
  | "email"
  | "choice"
  | "date"
  | "money"
  | "number"
  | "share"
  | "period"
  | "month"
  | "metric"
  | "target_scope";

interface LocalText {
  en: string;
  zh: string;
}

/** One allowed value of an enumeration, with the words accepted for it. */
export interface Choice {
  value: string;
  en: string;
  zh: string;
}

export interface ColumnSpec<F extends string = string> {
  field: F;
  /** English header, as "Set up sheets" writes it. */
  header: string;
  /** Chinese header, accepted as well. */
  zhHeader: string;
  required: boolean;
  kind: ColumnKind;
  /** One line for the header note, with an example. */
  help: LocalText;
  /** Allowed values of an enumeration. */
  choices?: readonly Choice[];
}

/** The kinds of column whose cells hold text, IDs and periods included. */
const PLAIN_TEXT_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>([
  "rep_id",
  "text",
  "email",
  "period",
  "month",
  "metric",
  "target_scope",
]);

/**
 * Whether "Set up sheets" formats a column as plain text, so IDs such as `001` and periods such as `2026-03` are
 * not turned into numbers or dates by Sheets: every column of text, ID or period kind.
 *
 * @example
 * isPlainTextColumn(INPUT_SHEETS.sales.columns[1]); // true (Rep ID)
 * isPlainTextColumn(INPUT_SHEETS.sales.columns[0]); // false (Date)
 */
export function isPlainTextColumn(column: ColumnSpec): boolean {
  return PLAIN_TEXT_KINDS.has(column.kind);
}

export interface InputSheetSpec<F extends string = string> {
  key: InputSheetKey;
  /** Default sheet name (configurable in settings). */
  defaultName: string;
  /**
   * Whether the sheet must exist: without Sales nothing can be computed; a
   * missing Reps sheet means the reps are the owners in Sales, and a missing
   * Targets, Scores or Adjustments sheet just has no rows.
   */
  required: boolean;
  columns: readonly ColumnSpec<F>[];
}

/**
 * The words of the Sales sheet's Type column, in English and Chinese.
 *
 * @internal Exported only for src/tables/cell-values.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export const SALE_TYPE_CHOICES: readonly Choice[] = [
  { value: "new", en: "new", zh: "新客户" },
  { value: "renewal", en: "renewal", zh: "续约" },
  { value: "expansion", en: "expansion", zh: "增购" },
];

/**
 * The words of the Sales sheet's Status column, in English and Chinese.
 *
 * @internal Exported only for src/tables/cell-values.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export const SALE_STATUS_CHOICES: readonly Choice[] = [
  { value: "won", en: "won", zh: "赢单" },
  { value: "lost", en: "lost", zh: "输单" },
  { value: "open", en: "open", zh: "进行中" },
];

/** The Rep ID column of Sales, Scores and Adjustments: one header, rule and note on each sheet. */
const REP_ID_COLUMN = {
  field: "rep",
  header: "Rep ID",
  zhHeader: "销售编号",
  required: true,
  kind: "rep_id",
  help: {
    en: "The rep's ID as on the Reps sheet, e.g. R101 (case and surrounding spaces are ignored)",
    zh: "销售人员表中的销售编号，例如 R101（不区分大小写，忽略首尾空格）",
  },
} as const satisfies ColumnSpec;

/** The Period column of Targets and Scores (Adjustments takes a month only). */
const PERIOD_COLUMN = {
  field: "period",
  header: "Period",
  zhHeader: "期间",
  required: true,
  kind: "period",
  help: {
    en: "A month, quarter or year, e.g. 2026-03, 2026-Q1 or 2026",
    zh: "月、季度或年，例如 2026-03、2026-Q1 或 2026（也可写 2026年3月、2026年第1季度）",
  },
} as const satisfies ColumnSpec;

export const REPS_COLUMNS = [
  {
    field: "id",
    header: "Rep ID",
    zhHeader: "销售编号",
    required: true,
    kind: "rep_id",
    help: {
      en: "Unique ID of the rep, e.g. R101 (case and surrounding spaces are ignored)",
      zh: "销售人员的唯一编号，例如 R101（不区分大小写，忽略首尾空格）",
    },
  },
  {
    field: "name",
    header: "Name",
    zhHeader: "姓名",
    required: true,
    kind: "text",
    help: {
      en: "The rep's name as shown in results and reviews, e.g. Alice Chen",
      zh: "显示在结果和评语中的姓名，例如 张伟",
    },
  },
  {
    field: "email",
    header: "Email",
    zhHeader: "邮箱",
    required: false,
    kind: "email",
    help: { en: "Optional email, e.g. alice@example.com", zh: "可选，邮箱地址，例如 zhangwei@example.com" },
  },
  {
    field: "role",
    header: "Role",
    zhHeader: "岗位",
    required: false,
    kind: "text",
    help: {
      en: "Optional role; selects the plan variant, e.g. Account Executive",
      zh: "可选，岗位；用于选择考核方案的岗位版本，例如 客户经理",
    },
  },
  {
    field: "team",
    header: "Team",
    zhHeader: "团队",
    required: false,
    kind: "text",
    help: { en: "Optional team, e.g. East", zh: "可选，所属团队，例如 华东组" },
  },
  {
    field: "manager",
    header: "Manager",
    zhHeader: "主管",
    required: false,
    kind: "rep_id",
    help: { en: "Optional Rep ID of the rep's manager, e.g. R100", zh: "可选，主管的销售编号，例如 R100" },
  },
  {
    field: "start",
    header: "Start date",
    zhHeader: "入职日期",
    required: false,
    kind: "date",
    help: {
      en: "Optional first day employed, e.g. 2026-03-15 (targets and bonus are prorated)",
      zh: "可选，入职第一天，例如 2026-03-15（目标和奖金按在职天数折算）",
    },
  },
  {
    field: "end",
    header: "End date",
    zhHeader: "离职日期",
    required: false,
    kind: "date",
    help: { en: "Optional last day employed, e.g. 2026-06-30", zh: "可选，最后在职日，例如 2026-06-30" },
  },
  {
    field: "targetBonus",
    header: "Target bonus",
    zhHeader: "目标奖金",
    required: false,
    kind: "money",
    help: {
      en: "Optional money paid per month at 100%, e.g. 1000 (blank = the plan's default)",
      zh: "可选，达成 100% 时每月的奖金，例如 1000（留空则用方案默认值）",
    },
  },
] as const satisfies readonly ColumnSpec[];

/**
 * The Sales sheet's columns.
 *
 * @internal Exported only for src/tables/column-aliases.test.ts and src/tables/header-matching.test.ts, which check it
 * directly; the code uses it inside this file.
 */
export const SALES_COLUMNS = [
  {
    field: "date",
    header: "Date",
    zhHeader: "日期",
    required: true,
    kind: "date",
    help: { en: "Close date of the deal, e.g. 2026-03-31", zh: "成交（关闭）日期，例如 2026-03-31" },
  },
  REP_ID_COLUMN,
  {
    field: "customer",
    header: "Customer",
    zhHeader: "客户",
    required: false,
    kind: "text",
    help: {
      en: "Optional customer name, e.g. Acme Ltd (case is ignored when counting customers; without it new_customers has no data)",
      zh: "可选，客户名称，例如 星辰科技（统计客户数时不区分大小写；没有此列则新客户数无数据）",
    },
  },
  {
    field: "amount",
    header: "Amount",
    zhHeader: "金额",
    required: true,
    kind: "money",
    help: {
      en: "Deal amount, e.g. 12000 (¥, $, thousands separators and 1.2万 are read)",
      zh: "成交金额，例如 12000（可写 ¥、$、千位分隔符或 1.2万）",
    },
  },
  {
    field: "type",
    header: "Type",
    zhHeader: "类型",
    required: false,
    kind: "choice",
    choices: SALE_TYPE_CHOICES,
    help: {
      en: "Optional: new, renewal or expansion (新客户, 续约, 增购)",
      zh: "可选：新客户、续约 或 增购（也可写 new、renewal、expansion）",
    },
  },
  {
    field: "status",
    header: "Status",
    zhHeader: "状态",
    required: false,
    kind: "choice",
    choices: SALE_STATUS_CHOICES,
    help: {
      en: "Optional: won, lost or open (赢单, 输单, 进行中), or your CRM's stage (Closed Won, Closed Lost...; other stages are open); blank = won",
      zh: "可选：赢单、输单 或 进行中（也可写 won、lost、open，或 CRM 的阶段如 成交、丢单；其他阶段视为进行中）；留空视为赢单",
    },
  },
  {
    field: "opened",
    header: "Opened",
    zhHeader: "创建日期",
    required: false,
    kind: "date",
    help: {
      en: "Optional date the opportunity was opened, e.g. 2026-02-01 (for the sales cycle)",
      zh: "可选，商机创建日期，例如 2026-02-01（用于计算销售周期）",
    },
  },
  {
    field: "split",
    header: "Split",
    zhHeader: "分成比例",
    required: false,
    kind: "share",
    help: {
      en: "Optional share of the credit from 0 to 1, e.g. 0.5 or 50% (blank = 1); a shared deal is one row per rep",
      zh: "可选，业绩分成比例 0 到 1，例如 0.5 或 50%（留空为 1）；多人分单时每人一行",
    },
  },
  {
    field: "dealId",
    header: "Deal ID",
    zhHeader: "订单编号",
    required: false,
    kind: "text",
    help: {
      en: "Optional deal ID, e.g. D-2026-001; the same Deal ID twice for one rep is a problem",
      zh: "可选，订单编号，例如 D-2026-001；同一销售的订单编号不能重复",
    },
  },
  {
    field: "probability",
    header: "Probability",
    zhHeader: "赢率",
    required: false,
    kind: "number",
    help: {
      en: "Optional chance an open deal is won, 0 to 1 or a percent, e.g. 0.4, 40% or 40 (blank = the stage's, else 1); only the forecast uses it",
      zh: "可选，进行中商机的赢率，0 到 1 或百分比，例如 0.4、40% 或 40（留空则按阶段赢率，否则为 1）；仅用于业绩预测",
    },
  },
] as const satisfies readonly ColumnSpec[];

export const TARGETS_COLUMNS = [
  {
    field: "scope",
    header: "Rep ID",
    zhHeader: "销售编号",
    required: true,
    kind: "target_scope",
    help: {
      en: "Whom the target is for: a Rep ID (R101), team:NAME, role:NAME or * for everyone; team and role targets are per member",
      zh: "目标对象：销售编号（R101）、团队:名称、岗位:名称，或 * 表示所有人；团队和岗位目标是每人的目标",
    },
  },
  PERIOD_COLUMN,
  {
    field: "metric",
    header: "Metric",
    zhHeader: "指标",
    required: true,
    kind: "metric",
    help: {
      en: "A metric key of the plan, e.g. revenue, new_customers or win_rate",
      zh: "考核方案中的指标，例如 revenue、new_customers 或 win_rate",
    },
  },
  {
    field: "target",
    header: "Target",
    zhHeader: "目标",
    required: true,
    kind: "number",
    help: {
      en: "The target, a number above 0, e.g. 50000 or 30% for a rate",
      zh: "目标值，须大于 0，例如 50000，比率可写 30%",
    },
  },
] as const satisfies readonly ColumnSpec[];

const SCORES_COLUMNS = [
  REP_ID_COLUMN,
  PERIOD_COLUMN,
  {
    field: "metric",
    header: "Metric",
    zhHeader: "指标",
    required: true,
    kind: "metric",
    help: { en: "A manual metric declared in the plan, e.g. csat", zh: "方案中声明的手工指标，例如 csat" },
  },
  {
    field: "value",
    header: "Value",
    zhHeader: "数值",
    required: true,
    kind: "number",
    help: { en: "The score entered for the period, e.g. 4.5", zh: "该期间的评分，例如 4.5" },
  },
] as const satisfies readonly ColumnSpec[];

const ADJUSTMENTS_COLUMNS = [
  REP_ID_COLUMN,
  {
    field: "period",
    header: "Period",
    zhHeader: "期间",
    required: true,
    kind: "month",
    help: { en: "The month the adjustment is paid in, e.g. 2026-03", zh: "调整发放的月份，例如 2026-03" },
  },
  {
    field: "amount",
    header: "Amount",
    zhHeader: "金额",
    required: true,
    kind: "money",
    help: {
      en: "Money added to the payout, negative for a clawback, e.g. -200",
      zh: "加到应发金额上的金额，扣回时为负数，例如 -200",
    },
  },
  {
    field: "reason",
    header: "Reason",
    zhHeader: "原因",
    required: true,
    kind: "text",
    help: {
      en: "Why, shown on the Payouts sheet, e.g. Refund of order D-2026-001",
      zh: "调整原因，显示在发放明细中，例如 订单 D-2026-001 退款",
    },
  },
] as const satisfies readonly ColumnSpec[];

export const INPUT_SHEETS = {
  reps: { key: "reps", defaultName: "Reps", required: false, columns: REPS_COLUMNS },
  sales: { key: "sales", defaultName: "Sales", required: true, columns: SALES_COLUMNS },
  targets: { key: "targets", defaultName: "Targets", required: false, columns: TARGETS_COLUMNS },
  scores: { key: "scores", defaultName: "Scores", required: false, columns: SCORES_COLUMNS },
  adjustments: { key: "adjustments", defaultName: "Adjustments", required: false, columns: ADJUSTMENTS_COLUMNS },
} as const satisfies Record<InputSheetKey, InputSheetSpec>;

/** The input sheets in the order they are read and their problems listed. */
export const INPUT_SHEET_ORDER: readonly InputSheetKey[] = ["reps", "sales", "targets", "scores", "adjustments"];

/** Field names of one input sheet's columns. */
export type FieldOf<K extends InputSheetKey> = (typeof INPUT_SHEETS)[K]["columns"][number]["field"];
