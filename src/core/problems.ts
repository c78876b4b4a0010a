/**
 * Problems found in the input: records first (sheet, cell, code, arguments),
 * text only when shown, so the same problem reads well in English and Chinese.
 */
import { quoteSheetName } from "./a1-notation";
import { fill, type Localized } from "./localized-text";
import type { Language } from "./plan-model";

export type Severity = "error" | "warning";

export interface Problem {
  sheet: string;
  /** A1 reference of the cell (or the header cell for a missing column, "A1" for a sheet). */
  cell: string;
  code: ProblemCode;
  args: Record<string, string | number>;
  severity: Severity;
}

/**
 * Every problem the product reports. Placeholders `{name}` are filled from the
 * problem's args; the English and Chinese are written separately, not translated
 * word for word.
 *
 * @internal Exported only for src/tables/cell-values.test.ts and test/bad-input/problems-at-scale.test.ts, which check
 * it directly; the code uses it inside this file.
 */
export const PROBLEM_MESSAGES = {
  // Sheets and columns
  missing_sheet: { en: "the sheet {sheet} is missing", zh: "缺少工作表 {sheet}" },
  missing_column: { en: "the required column {column} is missing", zh: "缺少必填列 {column}" },
  missing_column_found: {
    en: "the required column {column} is missing; row {row} has: {found}. Map it in Setup → Columns (locally: --mapping)",
    zh: "缺少必填列 {column}；第 {row} 行的表头为：{found}。请在“设置 → 列对应”中指定（本地运行用 --mapping）",
  },
  missing_column_guess: {
    en: "the required column {column} is missing: is it {guess}? Row {row} has: {found}. Map it in Setup → Columns (locally: --mapping)",
    zh: "缺少必填列 {column}：是否为 {guess}？第 {row} 行的表头为：{found}。请在“设置 → 列对应”中指定（本地运行用 --mapping）",
  },
  ambiguous_rep_name: {
    en: '{column} "{id}" is the Name of more than one rep ({others}); use the Rep ID; the row is left out',
    zh: "{column}「{id}」同时是多名销售的姓名（{others}），请改用销售编号，该行未计入",
  },
  reps_from_sales: {
    en: "there is no Reps sheet (or it is empty): the reps are the {count} owners found in Sales; Set up sheets writes them to a Reps sheet to complete",
    zh: "没有销售人员表（或表为空）：已把销售记录中的 {count} 名负责人作为销售人员；“创建模板工作表”可将其写入销售人员表供补充",
  },
  sales_stand_in: {
    en: "there is no sheet named {expected}; the sheet {sheet} has a sales header row and is read as {expected} (rename it, or choose it in Setup, to make this official)",
    zh: "没有名为 {expected} 的工作表；工作表 {sheet} 含有销售记录的表头，已作为 {expected} 读取（可将其改名，或在“设置”中选定）",
  },
  bigquery_scope_missing: {
    en: "Sales come from the BigQuery table {table}, but you have not allowed the add-on to read BigQuery: save the Sales source again in Setup → Settings to be asked; nothing was computed",
    zh: "销售记录来自 BigQuery 表 {table}，但您尚未允许本插件读取 BigQuery：请在“设置”中重新保存销售记录来源以授权；本次未计算",
  },
  bigquery_access_denied: {
    en: "BigQuery refused access ({detail}): ask for the BigQuery Data Viewer role on {table} and BigQuery Job User on {project}; nothing was computed",
    zh: "BigQuery 拒绝访问（{detail}）：请申请 {table} 的 BigQuery 数据查看者角色和 {project} 的 BigQuery 作业用户角色；本次未计算",
  },
  bigquery_not_found: {
    en: "BigQuery has no such table or project ({detail}): check the table {table} and the billing project {project} in Setup → Settings; nothing was computed",
    zh: "BigQuery 中找不到该表或项目（{detail}）：请在“设置”中检查表 {table} 和计费项目 {project}；本次未计算",
  },
  bigquery_quota: {
    en: "BigQuery refused the query for quota or rate limits ({detail}); nothing was computed, the next run tries again",
    zh: "BigQuery 因配额或速率限制拒绝了查询（{detail}）；本次未计算，下次运行会重试",
  },
  bigquery_timeout: {
    en: "the BigQuery query did not finish within {seconds} s, so Sales were not read; nothing was computed, the next run tries again",
    zh: "BigQuery 查询未在 {seconds} 秒内完成，未能读取销售记录；本次未计算，下次运行会重试",
  },
  bigquery_failed: {
    en: "the BigQuery query failed ({detail}); nothing was computed",
    zh: "BigQuery 查询失败（{detail}）；本次未计算",
  },

  header_row_below_titles: {
    en: "the header row is row {row}; the {above} row(s) above it are taken as a title and ignored",
    zh: "表头在第 {row} 行；其上方 {above} 行视为标题，已忽略",
  },
  no_customer_column: {
    en: "Sales has no Customer column, so new_customers has no data",
    zh: "销售记录没有客户列，新客户数指标无数据",
  },
  date_out_of_window: {
    en: "{column} {value} is outside the plausible close dates ({from} to {to}): a typo in the year? The row is left out",
    zh: "{column} {value} 不在合理的成交日期范围内（{from} 至 {to}），年份是否输错？该行未计入",
  },
  opened_out_of_window: {
    en: "{column} {value} is outside the plausible dates ({from} to {to}): a typo in the year? The deal counts but not its sales cycle",
    zh: "{column} {value} 不在合理日期范围内（{from} 至 {to}），年份是否输错？该单计入业绩但不计入销售周期",
  },
  implausible_employment_date: {
    en: "{column} {value} is not a plausible date (before 1900 or after 2199): a typo? It is ignored",
    zh: "{column} {value} 不是合理的日期（早于 1900 年或晚于 2199 年），是否输错？已忽略",
  },
  no_usable_dates: {
    en: "no won or lost deal in Sales has a usable close date, so nothing is computed",
    zh: "销售记录中没有任何赢单或输单带有可用的成交日期，未进行计算",
  },
  duplicate_column: {
    en: "the column {column} appears twice; the first one is used",
    zh: "列 {column} 出现了两次，已使用第一列",
  },
  // Cells
  blank_required: { en: "{column} is blank; the row is left out", zh: "{column} 为空，该行未计入" },
  not_a_number: {
    en: '{column} "{value}" is not a number; the row is left out',
    zh: "{column}「{value}」不是数字，该行未计入",
  },
  not_a_date: {
    en: '{column} "{value}" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
    zh: "{column}「{value}」不是有效日期（请写成 2026-03-31、2026年3月31日，或使用日期单元格），该行未计入",
  },
  ambiguous_date: {
    en: '{column} "{value}" could be {dmy} or {mdy}; set the date order (day first or month first) in the settings, or --date-order dmy|mdy locally; the row is left out',
    zh: "{column}「{value}」既可能是{dmyZh}，也可能是{mdyZh}；请在设置中指定日期顺序（日在前或月在前），本地运行可用 --date-order dmy|mdy；该行未计入",
  },
  number_too_large: {
    en: "{column} {value} is beyond ±{max}; the row is left out",
    zh: "{column} {value} 超出 ±{max} 的范围，该行未计入",
  },
  bad_id: {
    en: "{column} {value} is not an ID (a checkbox, a date or an error value); the row is left out",
    zh: "{column} {value} 不是编号（像是复选框、日期或错误值），该行未计入",
  },
  error_value: {
    en: "{column} holds the error value {value}; the row is left out",
    zh: "{column} 是错误值 {value}（公式出错），该行未计入",
  },
  not_a_period: {
    en: '{column} "{value}" is not a period (use 2026-03, 2026-Q1 or 2026); the row is left out',
    zh: "{column}「{value}」不是有效期间（如 2026-03、2026-Q1 或 2026），该行未计入",
  },
  not_a_month: {
    en: '{column} "{value}" must be a month such as 2026-03; the row is left out',
    zh: "{column}「{value}」必须是月份（如 2026-03），该行未计入",
  },
  bad_choice: {
    en: '{column} "{value}" is not one of {allowed}; the row is left out',
    zh: "{column}「{value}」不在可选值 {allowed} 之中，该行未计入",
  },
  not_a_stage: {
    en: "{column} {value} is not a stage word (won, lost, open or your CRM's stage); the row is left out",
    zh: "{column} {value} 不是阶段用语（赢单、输单、进行中或 CRM 的阶段名称），该行未计入",
  },
  unknown_type: {
    en: '{column} "{value}" is not one of {allowed}; the deal counts without a type',
    zh: "{column}「{value}」不在 {allowed} 之中；该单计入业绩，但不区分类型",
  },
  bad_probability: {
    en: '{column} "{value}" is not a probability (0 to 1, or a percent up to 100%); the deal counts as its status says, but is left out of the forecast',
    zh: "{column}「{value}」不是有效的赢率（0 到 1，或不超过 100% 的百分比）；该单按其状态计入，但不计入业绩预测",
  },
  split_out_of_range: {
    en: "Split {value} must be between 0 and 1; the row is left out",
    zh: "分成比例 {value} 必须在 0 到 1 之间，该行未计入",
  },
  target_not_positive: {
    en: "Target {value} must be greater than 0; the row is left out",
    zh: "目标 {value} 必须大于 0，该行未计入",
  },
  target_bonus_too_large: {
    en: "Target bonus {value} is beyond {max}: a typo? The plan's default is used",
    zh: "目标奖金 {value} 超过 {max}，是否输错？已改用方案默认值",
  },
  negative_target_bonus: {
    en: "Target bonus {value} is negative; the plan's default is used",
    zh: "目标奖金 {value} 为负数，已改用方案默认值",
  },
  text_too_long: {
    en: "{column} is {length} characters long (at most {max}); the row is left out",
    zh: "{column} 长度为 {length} 个字符（上限 {max}），该行未计入",
  },
  end_before_start: {
    en: "End date {end} is before Start date {start}; the rep is left out",
    zh: "离职日期 {end} 早于入职日期 {start}，该销售未计入",
  },
  opened_after_close: {
    en: "Opened {opened} is after the close Date {date}; the deal counts but not its sales cycle",
    zh: "创建日期 {opened} 晚于成交日期 {date}，该单计入业绩但不计入销售周期",
  },
  // Identity
  unknown_rep: {
    en: 'Rep ID "{id}" is not on the Reps sheet; the row is left out',
    zh: "销售编号「{id}」不在销售人员表中，该行未计入",
  },
  duplicate_rep: {
    en: 'Rep ID "{id}" is also on {other}; both rows are left out',
    zh: "销售编号「{id}」与 {other} 重复，两行均未计入",
  },
  rep_left_out: {
    en: 'Rep ID "{id}" is left out on the Reps sheet (see {other}); the row is left out',
    zh: "销售编号「{id}」在销售人员表中未计入（见 {other}），该行未计入",
  },
  unknown_scope: {
    en: '{column} "{value}" matches no rep\'s team or role on the Reps sheet; the row is left out',
    zh: "{column}「{value}」与销售人员表中任何人的团队或岗位都不匹配，该行未计入",
  },
  unknown_manager: {
    en: 'Manager "{id}" is not on the Reps sheet; the rep has no manager',
    zh: "主管「{id}」不在销售人员表中，视为无主管",
  },
  duplicate_deal: {
    en: 'Deal ID "{id}" is also on {other} for the same rep; this row is left out',
    zh: "订单编号「{id}」与同一销售的 {other} 重复，该行未计入",
  },
  duplicate_target: {
    en: "another target for the same rep, period and metric at the same level is on {other}; neither is used",
    zh: "{other} 已有同一销售、期间、指标、同一层级的目标，两者均未使用",
  },
  unknown_metric: {
    en: 'Metric "{metric}" is not in the plan; the row is left out',
    zh: "指标「{metric}」不在考核方案中，该行未计入",
  },
  not_manual_metric: {
    en: 'Metric "{metric}" is computed from Sales, not entered in Scores; the row is left out',
    zh: "指标「{metric}」由销售记录自动计算，无需在评分表中填写，该行未计入",
  },
  // Plan
  plan_bad_number: {
    en: '{column} "{value}" is not a number; plan version {version} is not used',
    zh: "{column}「{value}」不是数字；方案版本 {version} 未启用",
  },
  plan_too_large: {
    en: "{column} {value} is beyond ±{max}; plan version {version} is not used",
    zh: "{column} {value} 超出 ±{max} 的范围；方案版本 {version} 未启用",
  },
  plan_negative: {
    en: "{column} {value} must not be negative; plan version {version} is not used",
    zh: "{column} {value} 不能为负数；方案版本 {version} 未启用",
  },
  plan_not_ascending: {
    en: "tier bounds of {key} are not strictly ascending; plan version {version} is not used",
    zh: "{key} 的档位下限没有严格递增；方案版本 {version} 未启用",
  },
  plan_decreasing_rates: {
    en: "tier rates of {key} decrease as the bound rises; check this is intended",
    zh: "{key} 的档位比例随下限升高而下降，请确认是否有意如此",
  },
  plan_unknown_mode: {
    en: 'Mode "{value}" is not one of step, linear, marginal; plan version {version} is not used',
    zh: "模式「{value}」不是 step、linear、marginal 之一；方案版本 {version} 未启用",
  },
  plan_unknown_metric: {
    en: 'Metric "{metric}" is neither built in nor declared as manual; plan version {version} is not used',
    zh: "指标「{metric}」既不是内置指标也未声明为手工指标；方案版本 {version} 未启用",
  },
  plan_unknown_type: {
    en: 'Type "{value}" is not one of {allowed}; plan version {version} is not used',
    zh: "类型「{value}」不在 {allowed} 之中；方案版本 {version} 未启用",
  },
  plan_unknown_setting: {
    en: 'Setting "{key}" is not one of {allowed}; plan version {version} is not used',
    zh: "设置项「{key}」不在 {allowed} 之中；方案版本 {version} 未启用",
  },
  plan_bad_value: {
    en: '{column} "{value}" is not valid here ({expected}); plan version {version} is not used',
    zh: "{column}「{value}」无效（应为 {expected}）；方案版本 {version} 未启用",
  },
  plan_bad_driver: {
    en: 'Driver "{value}" is not valid (use score, attainment:METRIC or team_attainment:METRIC); plan version {version} is not used',
    zh: "驱动「{value}」无效（应为 score、attainment:指标 或 team_attainment:指标）；方案版本 {version} 未启用",
  },
  plan_no_tiers: {
    en: "{key} has no tier rows; plan version {version} is not used",
    zh: "{key} 没有档位行；方案版本 {version} 未启用",
  },
  plan_tier_without_component: {
    en: "tier rows name {key}, which is not a bonus or commission of this version; plan version {version} is not used",
    zh: "档位行引用的 {key} 不是此版本的奖金或提成项；方案版本 {version} 未启用",
  },
  plan_no_metrics: {
    en: "plan version {version} has no metric with a weight above 0; it is not used",
    zh: "方案版本 {version} 没有权重大于 0 的指标，未启用",
  },
  plan_duplicate_item: {
    en: "{key} is defined twice in plan version {version} for role {role}; the version is not used",
    zh: "{key} 在方案版本 {version}（岗位 {role}）中重复定义，该版本未启用",
  },
  plan_version_invalid: {
    en: "plan version {version} has errors, so {period} is not computed",
    zh: "方案版本 {version} 有错误，{period} 未计算",
  },
  plan_no_version: {
    en: "no plan version applies to {period} (the first starts {version}); it is not computed",
    zh: "{period} 之前没有生效的方案版本（最早的版本从 {version} 起），未计算",
  },
  plan_default_used: { en: "there is no Plan sheet; the default plan is used", zh: "没有考核方案表，已使用默认方案" },
  plan_blank: {
    en: "{column} is blank; plan version {version} is not used",
    zh: "{column} 为空；方案版本 {version} 未启用",
  },
  plan_bad_effective_from: {
    en: '{column} "{value}" is not a month such as 2026-04, so its row belongs to no version; no plan version is used until it is fixed',
    zh: "{column}「{value}」不是月份（如 2026-04），无法归入任何方案版本；修正之前所有方案版本均不启用",
  },
  plan_direction_mismatch: {
    en: '{column} "{value}" contradicts the direction {metric} already has; leave it blank or match it; plan version {version} is not used',
    zh: "{column}「{value}」与指标 {metric} 已有的方向相反，请留空或保持一致；方案版本 {version} 未启用",
  },
  plan_manual_built_in: {
    en: "{metric} is a built-in metric computed from Sales: use the type metric, not manual; plan version {version} is not used",
    zh: "{metric} 是根据销售记录计算的内置指标，类型应为“指标”而非“手工指标”；方案版本 {version} 未启用",
  },
  plan_cap_below_floor: {
    en: "{column} {value} is below the floor {floor}; plan version {version} is not used",
    zh: "{column} {value} 低于下限 {floor}；方案版本 {version} 未启用",
  },
  plan_commission_driver: {
    en: 'a commission is paid on an amount: Driver "{value}" must be {allowed}; plan version {version} is not used',
    zh: "提成按金额计算，驱动「{value}」应为 {allowed}；方案版本 {version} 未启用",
  },
  plan_team_driver_not_additive: {
    en: 'Driver "{value}": team attainment adds up the team\'s actuals and targets, so it needs {allowed}, not {metric}; plan version {version} is not used',
    zh: "驱动「{value}」：团队达成率需要把团队的实际值和目标分别相加，只能用于 {allowed}，不能用于 {metric}；方案版本 {version} 未启用",
  },
  plan_driver_not_scored: {
    en: 'Driver "{value}" uses {metric}, which role {role} does not score (no weight above 0); plan version {version} is not used',
    zh: "驱动「{value}」使用的指标 {metric} 不在岗位 {role} 的考核指标中（权重不大于 0）；方案版本 {version} 未启用",
  },
  plan_not_per_role: {
    en: "{key} applies to every role: leave Role blank (only target_bonus may differ by role); plan version {version} is not used",
    zh: "{key} 对所有岗位统一生效，岗位请留空（只有目标奖金可以按岗位设置）；方案版本 {version} 未启用",
  },
  plan_ramp_gap: {
    en: "ramp month {month} has no month {missing} before it: number the months 1, 2, 3… without gaps; plan version {version} is not used",
    zh: "爬坡第 {month} 个月之前缺少第 {missing} 个月，月份须从 1 起连续编号；方案版本 {version} 未启用",
  },
  plan_role_no_metrics: {
    en: "role {role} has no metric with a weight above 0 in plan version {version}; the version is not used",
    zh: "方案版本 {version} 中岗位 {role} 没有权重大于 0 的指标，该版本未启用",
  },
  plan_no_target_bonus: {
    en: "{key} pays multiples of the target bonus, but plan version {version} sets no target_bonus: reps without a Target bonus on Reps get nothing from it",
    zh: "{key} 按目标奖金的倍数发放，但方案版本 {version} 未设置目标奖金：销售人员表中未填目标奖金的人不会获得这项奖金",
  },
  plan_fiscal_year_ignored: {
    en: "fiscal_year_start {value} differs from {first} in the first plan version; quarters and years keep following {first}",
    zh: "财年起始月 {value} 与第一个方案版本的 {first} 不同；季度和年度仍按 {first} 划分",
  },
  // Runs
  final_inputs_changed: {
    en: "inputs changed for final period {period}; nothing was changed (use Restate period)",
    zh: "已定稿期间 {period} 的输入有变动；结果未改动（如需更新请使用“重算期间”）",
  },
  negative_payout: {
    en: "{id}'s payout for {period} is negative ({amount})",
    zh: "{id} 在 {period} 的应发金额为负（{amount}）",
  },
  rep_period_failed: {
    en: "{id} for {period} was not computed because of an internal error ({error}); their row is marked, everyone else was computed. Please report this",
    zh: "{id} 在 {period} 的结果因内部错误（{error}）未能计算；该行已标注，其他人均已正常计算。请反馈此问题",
  },
  rep_review_failed: {
    en: "the review of {id} for {period} was not generated because of an internal error ({error}); its cell holds a note, the other reviews were written. Please report this",
    zh: "{id} 在 {period} 的评语因内部错误（{error}）未能生成；该单元格已写入说明，其他评语均已写入。请反馈此问题",
  },
  sale_outside_employment: {
    en: "the deal is dated {date}, in a month when {id} was not employed (Start date {start}, End date {end}); it is left out of that month",
    zh: "该单成交日期为 {date}，{id} 当月不在职（入职日期 {start}，离职日期 {end}）；该单不计入当月业绩",
  },
  foreign_output_sheet: {
    en: "a sheet named {sheet} exists and was not created by Sales Scorecard; it was left alone",
    zh: "已存在名为 {sheet} 的工作表，且不是由销售绩效记分卡创建，未改动",
  },
  // Sales in a warehouse (README, "Sales in a warehouse"): rows have no cells to point at, so these count them.
  warehouse_column_type: {
    en: "the column {column} holds {kind} values; it can be read only as {allowed}",
    zh: "列 {column} 的类型为 {kind}，只能按 {allowed} 读取",
  },
  warehouse_rows_left_out: {
    en: "{count} rows were left out: {reason}",
    zh: "{count} 行未计入：{reason}",
  },
  warehouse_unknown_owner: {
    en: 'the owner "{id}" of {count} rows is not on the Reps sheet; those rows are left out',
    zh: "{count} 行的负责人「{id}」不在销售人员表中，这些行未计入",
  },
} satisfies Record<string, Localized>;

export type ProblemCode = keyof typeof PROBLEM_MESSAGES;

/**
 * The problem as one line, `<Sheet>!<A1>: <message>`.
 *
 * @example
 * formatProblem({ sheet: "Sales", cell: "D14", code: "not_a_number",
 *   args: { column: "Amount", value: "abc" }, severity: "error" }, "en");
 * // 'Sales!D14: Amount "abc" is not a number; the row is left out'
 */
export function formatProblem(problem: Problem, language: Language): string {
  return quoteSheetName(problem.sheet) + "!" + problem.cell + ": " + problemMessage(problem, language);
}

/**
 * The message of a problem without its cell, in a language.
 *
 * @example
 * problemMessage(problemAt("Sales", "D14", "not_a_number", { column: "Amount", value: "abc" }), "en");
 * // 'Amount "abc" is not a number; the row is left out'
 */
export function problemMessage(problem: Problem, language: Language): string {
  return fill(PROBLEM_MESSAGES[problem.code][language], problem.args);
}

/**
 * Builds a problem record.
 *
 * @example
 * problemAt("Sales", "B3", "unknown_rep", { id: "r9" });
 */
export function problemAt(
  sheet: string,
  cell: string,
  code: ProblemCode,
  args: Record<string, string | number> = {},
  severity: Severity = "error",
): Problem {
  return { sheet, cell, code, args, severity };
}
