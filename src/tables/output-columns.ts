/**
 * The columns of the sheets a recalculation writes: Results (a contract:
 * docs/sheet-formats.md#results), Payouts, Reviews, Dashboard and Run log. Headers are
 * English (other parts of the product find columns by these names); a note
 * on each header cell explains it in the run's language. Each column is either
 * text (written into plain-text `@` cells) or a number with its format.
 */
import { metricValueKind } from "../core/display-format";
import type { Localized } from "../core/localized-text";
import { builtInMetric } from "../core/metric-catalog";

/** "text": plain-text cells; "number": numbers (or blank); "flag": booleans; "when": a date-time. */
type ColumnKind = "text" | "number" | "flag" | "when";

export interface OutputColumn {
  header: string;
  kind: ColumnKind;
  /** Number format of the column's cells (`@` for text). */
  format: string;
  note: Localized;
}

export const TEXT_FORMAT = "@";
export const MONEY_FORMAT = "#,##0.00";
export const PERCENT_FORMAT = "0.0%";
export const SCORE_FORMAT = "0.000";
const INTEGER_FORMAT = "0";
const DAYS_FORMAT = "0.0";
const PLAIN_NUMBER_FORMAT = "0.00";
const RATE_FORMAT = "0.0###";
const WHEN_FORMAT = "yyyy-mm-dd hh:mm:ss";
const SECONDS_FORMAT = "0.0";
const FLAG_FORMAT = "General";

/**
 * A plain-text output column and its header note, as every output sheet's column list writes them.
 *
 * @example
 * textColumn("Rep ID", "The rep's ID.", "销售编号。");
 * // { header: "Rep ID", kind: "text", format: "@", note: { en: "The rep's ID.", zh: "销售编号。" } }
 */
export function textColumn(header: string, en: string, zh: string): OutputColumn {
  return { header, kind: "text", format: TEXT_FORMAT, note: { en, zh } };
}

function number(header: string, format: string, en: string, zh: string): OutputColumn {
  return { header, kind: "number", format, note: { en, zh } };
}

// ---------------------------------------------------------------- Results

/** The fixed first columns of Results (MUST), before the metric columns. */
const RESULTS_FIXED_COLUMNS: readonly OutputColumn[] = [
  textColumn("Period", "Month YYYY-MM, quarter YYYY-Qn or year YYYY.", "期间：月 YYYY-MM、季度 YYYY-Qn 或年度 YYYY。"),
  textColumn("Rep ID", "The rep's ID from the Reps sheet.", "销售人员表中的销售编号。"),
  textColumn("Name", "The rep's name.", "姓名。"),
  textColumn("Team", "The rep's team.", "团队。"),
  number(
    "Score",
    SCORE_FORMAT,
    "Weighted score; 1.000 means on target. Blank when no metric has data and a target.",
    "加权得分，1.000 表示达成目标；没有任何可计分指标时为空。",
  ),
  number(
    "Rank",
    INTEGER_FORMAT,
    "Rank by score over every rep of the period (ties share the better rank).",
    "本期所有销售按得分的排名（同分并列）。",
  ),
  number("Team rank", INTEGER_FORMAT, "Rank within the rep's team.", "团队内排名。"),
  number(
    "Bonus",
    MONEY_FORMAT,
    "The payout including adjustments; blank when the period is not a payout period.",
    "应发金额（含调整）；非发放周期为空。",
  ),
  textColumn(
    "Notes",
    "Provisional or final, proration, ramp, metrics left out of the score, gates not met.",
    "暂定或已定稿、折算、爬坡、未计入得分的指标、未达门槛等说明。",
  ),
  number(
    "Forecast revenue",
    MONEY_FORMAT,
    "Provisional periods only: the revenue won plus Amount × Probability of the rep's open deals closing in the period.",
    "仅暂定期间：已赢单销售额，加上本期预计成交的进行中商机的金额 × 赢率。",
  ),
  number(
    "Forecast payout",
    MONEY_FORMAT,
    "Provisional periods only: the payout including adjustments if those open deals close (recomputed in full); blank when the period is not a payout period.",
    "仅暂定期间：如果这些进行中商机成交，应发金额（含调整，全部重新计算）；非发放周期为空。",
  ),
];

const METRIC_COLUMN_SUFFIXES = [" actual", " target", " attainment"] as const;

/**
 * The number format of a metric's actual and target: money, a percentage,
 * days, a count, or a plain number for manual metrics.
 *
 * @example
 * metricValueFormat("revenue");   // "#,##0.00"
 * metricValueFormat("deals_won"); // "0"
 * metricValueFormat("csat");      // "0.00"
 */
function metricValueFormat(key: string): string {
  switch (metricValueKind(key)) {
    case "money":
      return MONEY_FORMAT;
    case "percent":
      return PERCENT_FORMAT;
    case "days":
      return DAYS_FORMAT;
    default:
      return builtInMetric(key)?.kind === "additive" ? INTEGER_FORMAT : PLAIN_NUMBER_FORMAT;
  }
}

/**
 * The three columns of a metric: `<key> actual`, `<key> target`, `<key> attainment`.
 *
 * @example
 * metricColumns("revenue").map((c) => c.header); // ["revenue actual", "revenue target", "revenue attainment"]
 */
function metricColumns(key: string): OutputColumn[] {
  const format = metricValueFormat(key);
  return [
    number(key + " actual", format, `Actual of ${key} in the period.`, `${key} 本期实际值。`),
    number(
      key + " target",
      format,
      `Target of ${key} after proration and ramp; blank when none.`,
      `${key} 目标（已按在职天数和爬坡折算）；无目标时为空。`,
    ),
    number(
      key + " attainment",
      PERCENT_FORMAT,
      `Raw attainment of ${key} (actual / target, or target / actual when lower is better).`,
      `${key} 原始达成率（实际/目标；越低越好的指标为目标/实际）。`,
    ),
  ];
}

/**
 * The metric key of a metric column header, or null for any other header.
 *
 * @example
 * metricOfHeader("win_rate attainment"); // "win_rate"
 * metricOfHeader("Score");               // null
 */
export function metricOfHeader(header: string): string | null {
  for (const suffix of METRIC_COLUMN_SUFFIXES) {
    if (header.endsWith(suffix) && header.length > suffix.length) return header.slice(0, -suffix.length);
  }
  return null;
}

/**
 * The Results columns: the fixed ones, then the plan's metrics in plan order,
 * then metrics that only rows kept from earlier runs have (so nothing they
 * hold is lost when a later plan drops a metric).
 *
 * @example
 * resultsColumns(["revenue"], ["Period", "Rep ID", "old_metric actual"]).map((c) => c.header).slice(11);
 * // ["revenue actual", "revenue target", "revenue attainment",
 * //  "old_metric actual", "old_metric target", "old_metric attainment"]
 */
export function resultsColumns(
  planMetricKeys: readonly string[],
  existingHeader: readonly string[] = [],
): OutputColumn[] {
  const keys: string[] = [...planMetricKeys];
  for (const header of existingHeader) {
    const key = metricOfHeader(header);
    if (key !== null && !keys.includes(key)) keys.push(key);
  }
  return [...RESULTS_FIXED_COLUMNS, ...keys.flatMap(metricColumns)];
}

// ---------------------------------------------------------------- Payouts

/** One line per pay component, per adjustment and a total, for each rep and payout period. */
export const PAYOUT_COLUMNS: readonly OutputColumn[] = [
  textColumn("Period", "The payout period.", "发放期间。"),
  textColumn("Rep ID", "The rep's ID.", "销售编号。"),
  textColumn("Name", "The rep's name.", "姓名。"),
  number("Line", INTEGER_FORMAT, "Order of the line within the rep's payout.", "该销售本期明细的行序。"),
  textColumn(
    "Type",
    "target_bonus, commission, adjustment or total.",
    "target_bonus（目标奖金）、commission（提成）、adjustment（调整）或 total（合计）。",
  ),
  textColumn(
    "Item",
    "The plan's name of the component; for an adjustment, the month it belongs to.",
    "方案中的项目名；调整行为其所属月份。",
  ),
  textColumn(
    "Driver",
    "What drives the component: score, attainment:METRIC, team_attainment:METRIC, or the metric of a commission.",
    "驱动：score（得分）、attainment:指标、team_attainment:指标，或提成所按的指标。",
  ),
  number(
    "Driver value",
    "0.000",
    "The driver's value; blank when there is none (nothing is paid).",
    "驱动值；无值时为空（不发放）。",
  ),
  textColumn("Mode", "step, linear or marginal.", "step（阶梯）、linear（线性）或 marginal（累进）。"),
  number(
    "Tier",
    "0.000",
    "Lower bound of the tier containing the driver; blank below the first tier.",
    "驱动值所在档位的下限；低于第一档时为空。",
  ),
  number(
    "Rate",
    RATE_FORMAT,
    "Rate paid, after Max rate (a multiple of the target bonus, or a share of the amount).",
    "实际比例（已按最高倍数封顶）：目标奖金的倍数，或金额的比例。",
  ),
  number("Max rate", RATE_FORMAT, "The plan's max_rate; blank when none.", "方案的最高倍数；未设置时为空。"),
  number(
    "Base",
    MONEY_FORMAT,
    "Target bonus for the period (monthly x months); blank for a commission.",
    "本期目标奖金（月度 x 月数）；提成为空。",
  ),
  number("Proration", PERCENT_FORMAT, "Days employed / days in the period.", "在职天数 / 期间天数。"),
  number(
    "Gate",
    "0.000",
    "Minimum driver value below which nothing is paid; blank when none.",
    "门槛：驱动值低于此值不发放；未设置时为空。",
  ),
  {
    header: "Gate met",
    kind: "flag",
    format: FLAG_FORMAT,
    note: { en: "Whether the gate is met.", zh: "是否达到门槛。" },
  },
  number(
    "Amount",
    MONEY_FORMAT,
    "Amount of the line; on the total line, the payout (components rounded to cents plus adjustments).",
    "本行金额；合计行为应发金额（各项合计四舍五入到分，加调整）。",
  ),
  textColumn("Reason", "An adjustment's reason.", "调整原因。"),
  textColumn("Notes", "Provisional or final; a negative payout is flagged.", "暂定或已定稿；应发为负时标注。"),
];

// ---------------------------------------------------------------- Reviews

export const REVIEW_HEADERS = {
  period: "Period",
  repId: "Rep ID",
  generated: "Generated review",
  manager: "Manager's review",
  reply: "Rep reply",
  acknowledged: "Acknowledged",
} as const;

/** Reviews: the run writes the first three columns only; the others belong to people. */
export const REVIEW_COLUMNS: readonly OutputColumn[] = [
  textColumn(REVIEW_HEADERS.period, "The period reviewed.", "评估期间。"),
  textColumn(REVIEW_HEADERS.repId, "The rep's ID.", "销售编号。"),
  textColumn(
    REVIEW_HEADERS.generated,
    "Written by Sales Scorecard at each recalculation.",
    "由销售绩效记分卡在每次重算时生成。",
  ),
  textColumn(
    REVIEW_HEADERS.manager,
    "The manager's edited review, saved from the sidebar. Recalculation never changes it.",
    "主管修改后的评语（在侧边栏保存），重算不会改动。",
  ),
  textColumn(
    REVIEW_HEADERS.reply,
    "The rep's reply. Recalculation never changes it.",
    "销售本人的回复，重算不会改动。",
  ),
  {
    header: REVIEW_HEADERS.acknowledged,
    kind: "flag",
    format: FLAG_FORMAT,
    note: { en: "Ticked by the rep once read. Recalculation never changes it.", zh: "销售阅读后勾选，重算不会改动。" },
  },
];

/** How many leading Reviews columns a run owns and writes. */
export const REVIEW_RUN_COLUMNS = 3;

// ---------------------------------------------------------------- Dashboard

/** The leaderboard table's columns before the per-metric attainment columns. */
const LEADERBOARD_FIXED_COLUMNS: readonly OutputColumn[] = [
  number("Rank", INTEGER_FORMAT, "Rank by score.", "按得分排名。"),
  textColumn("Rep ID", "The rep's ID.", "销售编号。"),
  textColumn("Name", "The rep's name.", "姓名。"),
  textColumn("Team", "The rep's team.", "团队。"),
  number("Score", SCORE_FORMAT, "Weighted score.", "加权得分。"),
  number("Bonus", MONEY_FORMAT, "Payout including adjustments.", "应发金额（含调整）。"),
];

/**
 * The leaderboard's columns: rank, rep, score, bonus, then each metric's attainment.
 *
 * @example
 * leaderboardColumns(["revenue"]).map((c) => c.header).slice(-1); // ["revenue attainment"]
 */
export function leaderboardColumns(metricKeys: readonly string[]): OutputColumn[] {
  return [...LEADERBOARD_FIXED_COLUMNS, ...metricKeys.map((key) => metricColumns(key)[2])];
}

// ---------------------------------------------------------------- Run log

export const RUN_LOG_COLUMNS: readonly OutputColumn[] = [
  {
    header: "When",
    kind: "when",
    format: WHEN_FORMAT,
    note: { en: "When the run started (spreadsheet time zone).", zh: "运行开始时间（表格时区）。" },
  },
  textColumn(
    "Started by",
    "schedule, menu, sidebar, restate, setup or local.",
    "启动方式：schedule（定时）、menu（菜单）、sidebar（侧边栏）、restate（重算期间）、setup（创建工作表）或 local（本地）。",
  ),
  textColumn("Periods", "Periods computed by the run.", "本次计算的期间。"),
  textColumn("Made final", "Periods that became final in this run.", "本次定稿的期间。"),
  number("Rows written", INTEGER_FORMAT, "Result rows written.", "写入的结果行数。"),
  textColumn(
    "Outcome",
    "done, continues (checkpoint), already running, failed, or nothing to do.",
    "结果：done（完成）、continues（未完成，下次继续）、already running（已有运行）、failed（失败）。",
  ),
  number("Duration (s)", SECONDS_FORMAT, "Seconds the run took.", "运行用时（秒）。"),
  number("Problems", INTEGER_FORMAT, "Number of input problems found.", "发现的输入问题数。"),
  textColumn(
    "Problem list",
    "Each problem with its cell; cut below the 50,000-character cell limit.",
    "各问题及其单元格；超过单元格 50,000 字符上限时截断。",
  ),
  textColumn(
    "Details",
    "Changes made by a restatement, sheets left alone, and similar.",
    "重算期间的改动、未改动的工作表等说明。",
  ),
  textColumn("Run ID", "Identifies the run in the add-on's logs.", "运行编号，对应加载项日志。"),
];

/**
 * The headers of a list of columns.
 *
 * @example
 * headersOf(REVIEW_COLUMNS)[2]; // "Generated review"
 */
export function headersOf(columns: readonly OutputColumn[]): string[] {
  return columns.map((c) => c.header);
}
