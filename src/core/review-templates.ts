/**
 * The words of a review, one catalogue per language, as data.
 *
 * review-text.ts chooses a template for each fact and fills its `{name}`
 * placeholders (localized-text.ts `fill`); it never builds sentences itself.
 * The Chinese is written for Chinese managers, not translated word for word:
 * it addresses the rep as 你 in the respectful tone of a Chinese workplace
 * review, uses full-width punctuation, and keeps the same figures.
 */
import { ENGLISH_MONTH_NAMES } from "./english-calendar-names";
import type { Language } from "./plan-model";
import type { PeriodKind } from "./periods";

export interface PluralForms {
  one: string;
  other: string;
}

const EN_TEXTS = {
  // Heading and summary
  heading: "Performance review: {rep}, {period}",
  repWithId: "{name} ({id})",
  provisional: "Provisional: {period} is not closed yet, so these figures may still change.",
  summaryHeading: "Summary",
  summaryScore: "Your scorecard score for {period} is {score}.",
  bandExcellent: "An excellent period: you are well above your overall target.",
  bandOnTarget: "You met your overall target.",
  bandClose: "You are close to your overall target.",
  bandBelow:
    "You are below your overall target this period; the areas to improve and the plan below are where to focus.",
  // A leaver has no plan below, so the band says only where they ended.
  bandBelowLast: "You finished below your overall target this period.",
  rankWithTeam: "You rank {rank} of {of} overall and {teamRank} of {teamOf} in your team ({team}).",
  rankOverall: "You rank {rank} of {of} overall.",
  // Said instead of a rank: a rank in the first weeks says more about the start date than the work.
  onboardingNoRank: "You joined {days} ago, so this review gives no rank: your first 90 days are for learning the job.",
  payoutTotal: "Your payout for the period is {amount}.",
  payoutNone: "No payout is calculated for this period.",
  noScore:
    "There is no score for {period}: no metric had both data and a target, so there is no rank and no target bonus this period.",
  noScoreRankedByRevenue:
    "There is no score for {period}: no metric had both data and a target yet, so there is no target bonus this period. By revenue, you rank {rank} of {of}.",
  prorationDays:
    "You were employed {days} of the {of} days of the period, so targets and the target bonus are prorated.",
  ramp: "As a new hire in month {month} of your ramp-up, your targets are set at {factor} of the full level.",
  lastPeriod: "This was your last {period} with us: your last day was {day}.",
  // Results by metric
  resultsHeading: "Results by metric",
  metricLine: "{metric}: {actual} against a target of {target} ({attainment})",
  metricAtCap: "{metric}: {actual} against a target of {target} (counted at the cap)",
  metricNoTarget: "{metric}: {actual}, no target set",
  metricNoData: "{metric}: no data this period",
  // A manager's score (Scores sheet): English reads "4.2 against a target of 4.5" without a unit.
  manualScore: "{value}",
  metricNoDataWithTarget: "{metric}: no data this period (target {target})",
  leftOutNoData: "Left out of the score for lack of data: {list}.",
  leftOutNoTarget: "Left out of the score for lack of a target: {list}.",
  weightSpread: "Their weight is spread over the other metrics.",
  // Strengths
  strengthsHeading: "Strengths",
  strength: "{metric}: {attainment} of target, {actual} against {target}.",
  strengthWithTeam: "{metric}: {attainment} of target, {actual} against {target}; the team median is {teamMedian}.",
  closestToTarget: "No metric reached its target this period; your strongest was {metric} at {attainment} of target.",
  noStrength: "No metric reached its target this period.",
  // Areas to improve
  weaknessesHeading: "Areas to improve",
  shortCount: "{metric}: {gap} {unit} short of the target of {target} ({attainment}).",
  shortMoney: "{metric}: {gap} short of the target of {target} ({attainment}).",
  belowNumber: "{metric}: {gap} below the target of {target} ({attainment}).",
  belowPercent: "{metric}: {gap} percentage points below the target of {target} ({attainment}).",
  longerDays: "{metric}: {gap} longer than the target of {target} ({attainment}).",
  aboveNumber: "{metric}: {gap} above the target of {target} ({attainment}).",
  abovePercent: "{metric}: {gap} percentage points above the target of {target} ({attainment}).",
  allOnTarget: "Every scored metric met its target this period.",
  // Comparisons
  comparisonsHeading: "Compared with earlier periods and the team",
  previousScoreUp: "Score against {period}: up {points} points, from {previous} to {current}.",
  previousScoreDown: "Score against {period}: down {points} points, from {previous} to {current}.",
  previousScoreSame: "Score against {period}: unchanged at {current}.",
  previousMetrics: "Attainment against {period}: {list}.",
  metricUp: "{metric} up {points} points, from {previous} to {current}",
  metricDown: "{metric} down {points} points, from {previous} to {current}",
  metricSame: "{metric} unchanged at {current}",
  recentHigher: "Score against your average over the previous {count} {periods} ({mean}): {points} points higher.",
  recentLower: "Score against your average over the previous {count} {periods} ({mean}): {points} points lower.",
  recentSame: "Score level with your average over the previous {count} {periods} ({mean}).",
  teamHigher: "Score against your team's median ({median}): {points} points higher.",
  teamLower: "Score against your team's median ({median}): {points} points lower.",
  teamSame: "Score level with your team's median ({median}).",
  nothingToCompare: "There is no earlier period to compare with yet.",
  // Pay
  payHeading: "Pay and the next tier",
  payHeadingLast: "Pay",
  targetBonusLine: "{name}: {amount} (rate {rate}{capped}; base {base}{prorated}).",
  cappedFrom: ", capped from {rawRate}",
  proratedDays: "; prorated for {days} of {of} days",
  proratedShare: "; prorated to {share}",
  commissionLine: "{name}: {amount} on {metric} of {driver}.",
  notPaidGate: "{name}: {amount}, not paid because {driver} is below the gate of {gate}.",
  notPaidNoDriver: "{name}: {amount}, not paid as {reason}.",
  driverScore: "your score of {value}",
  driverAttainment: "{metric} attainment of {value}",
  driverTeamAttainment: "the team's {metric} attainment of {value}",
  driverAmount: "{metric} of {value}",
  missingScore: "there is no score this period",
  missingAttainment: "{metric} has no attainment this period",
  missingTeamAttainment: "the team has no {metric} attainment this period",
  missingAmount: "there is no {metric} this period",
  adjustment: "Adjustment: {amount} ({reason}).",
  adjustmentNoReason: "Adjustment: {amount}.",
  moreAdjustments: "{count} more adjustments totalling {amount}.",
  payoutTotalLine: "Total payout: {amount}.",
  negativeTotal:
    "The total is negative because the adjustments exceed what was earned this period; let's go through it together.",
  nextTierSentence: "{driver} ({more}) {goal}.",
  nextScore: "A score of {threshold}",
  nextAttainment: "{metric} at {threshold} of target",
  nextTeamAttainment: "A team {metric} attainment of {threshold}",
  morePoints: "{points} points more",
  moreActual: "{extra} more",
  moreCount: "{count} more {unit}",
  lessDays: "{extra} shorter",
  lessActual: "{extra} lower",
  goalTier: "reaches the next tier of the {name}",
  goalGate: "reaches the gate from which the {name} is paid",
  nextAmountTier: "{extra} more {metric} ({threshold} in total) reaches the next tier of the {name}.",
  nextAmountGate: "{extra} more {metric} ({threshold} in total) reaches the gate from which the {name} is paid.",
  topTier: "You are in the top tier of the {name}.",
  // Training and development
  trainingHeading: "Training and development",
  training: "Recommended training for {metrics}: {topic}.",
  onboarding: "You are in your first 90 days ({days} so far): focus on {focus}.",
  advancedTraining: "Every scored metric is on target: consider advanced training, or mentoring a newer colleague.",
  promotion:
    "Your score has been at or above {threshold} for {count} consecutive {periods}: let's talk about a stretch assignment and your next career step.",
  support:
    "Your score has been below {threshold} for {count} consecutive {periods}: let's agree a support plan together, with clear weekly goals, coaching and a short weekly check-in.",
  // Recognition
  recognitionHeading: "Recognition",
  awardInTeam: "{award} in your team ({team}). Congratulations!",
  awardInTeamShared:
    "{award} in your team ({team}), shared with {count} {colleagues} on the same score. Congratulations!",
  award: "{award}. Congratulations!",
  awardShared: "{award}, shared with {count} {colleagues} on the same score. Congratulations!",
  mostImproved: "{award}: your score rose {points} points on the previous {period}.",
  // Closing
  closing:
    "Please add your comments or questions in the reply column next to this review. Your view matters to me, and I am happy to go through any point together.",
  closingLast:
    "Thank you for your work and your contribution to the team, and all the best for the future. If you have any comments or questions, please add them in the reply column next to this review; I am happy to go through any point together.",
  shortened: "(The review was shortened to fit in one cell.)",
} as const;

export type ReviewTextKey = keyof typeof EN_TEXTS;

const ZH_TEXTS: Record<ReviewTextKey, string> = {
  heading: "绩效评估：{rep}，{period}",
  repWithId: "{name}（{id}）",
  provisional: "说明：{period}尚未结账，以下数据为暂定结果，后续可能调整。",
  summaryHeading: "总体情况",
  summaryScore: "你在{period}的综合得分为 {score}。",
  bandExcellent: "本期表现出色，整体明显超出目标。",
  bandOnTarget: "本期整体达成了目标。",
  bandClose: "本期整体已接近目标。",
  bandBelow: "本期整体未达目标。接下来请重点关注下面的待改进项和培训安排。",
  bandBelowLast: "本期整体未达目标。",
  rankWithTeam: "你在全部 {of} 名销售中排名第 {rank}，在团队（{team}）{teamOf} 人中排名第 {teamRank}。",
  rankOverall: "你在全部 {of} 名销售中排名第 {rank}。",
  onboardingNoRank: "你入职 {days}，仍在适应期，本期暂不排名。",
  payoutTotal: "本期应发 {amount}。",
  payoutNone: "本期不单独核算奖金。",
  noScore: "{period}暂无综合得分：没有一项指标同时有数据和目标。因此本期不参与排名，也不发目标奖金。",
  noScoreRankedByRevenue:
    "{period}暂无综合得分：还没有一项指标同时有数据和目标，因此本期不发目标奖金。按销售额，你在 {of} 人中排第 {rank}。",
  prorationDays: "你本期在岗 {days} 天（共 {of} 天），目标和目标奖金已按在岗天数折算。",
  ramp: "你正处于新人爬坡期第 {month} 个月，目标按正常水平的 {factor} 设定。",
  lastPeriod: "这是你在公司的最后一{period}，最后工作日为{day}。",
  resultsHeading: "各项指标",
  metricLine: "{metric}：实际 {actual}，目标 {target}，完成率 {attainment}",
  metricAtCap: "{metric}：实际 {actual}，目标 {target}，按上限计分",
  metricNoTarget: "{metric}：实际 {actual}，未设定目标",
  metricNoData: "{metric}：本期无数据",
  manualScore: "{value} 分",
  metricNoDataWithTarget: "{metric}：本期无数据（目标 {target}）",
  leftOutNoData: "{list}本期无数据，未计入得分。",
  leftOutNoTarget: "{list}未设目标，未计入得分。",
  weightSpread: "相应权重已分摊给其他指标。",
  strengthsHeading: "优势",
  strength: "{metric}：完成率 {attainment}（实际 {actual}，目标 {target}）。",
  strengthWithTeam: "{metric}：完成率 {attainment}（实际 {actual}，目标 {target}），团队中位数 {teamMedian}。",
  closestToTarget: "本期没有指标达成目标。最接近的是{metric}，完成率 {attainment}。",
  noStrength: "本期没有指标达成目标。",
  weaknessesHeading: "待改进",
  shortCount: "{metric}：目标 {target}，还差 {gap} {unit}（完成率 {attainment}）。",
  shortMoney: "{metric}：目标 {target}，还差 {gap}（完成率 {attainment}）。",
  belowNumber: "{metric}：比目标 {target} 低 {gap}（完成率 {attainment}）。",
  belowPercent: "{metric}：比目标 {target} 低 {gap} 个百分点（完成率 {attainment}）。",
  longerDays: "{metric}：比目标 {target}长 {gap}（完成率 {attainment}）。",
  aboveNumber: "{metric}：比目标 {target} 高 {gap}（完成率 {attainment}）。",
  abovePercent: "{metric}：比目标 {target} 高 {gap} 个百分点（完成率 {attainment}）。",
  allOnTarget: "本期所有计分指标都已达标。",
  comparisonsHeading: "与往期及团队对比",
  previousScoreUp: "综合得分由{period}的 {previous} 升至 {current}，提高 {points} 个百分点。",
  previousScoreDown: "综合得分由{period}的 {previous} 降至 {current}，下降 {points} 个百分点。",
  previousScoreSame: "综合得分与{period}持平，仍为 {current}。",
  previousMetrics: "与{period}相比，各指标完成率的变化：\n  · {list}",
  metricUp: "{metric}：{previous} → {current}，提高 {points} 个百分点",
  metricDown: "{metric}：{previous} → {current}，下降 {points} 个百分点",
  metricSame: "{metric}：持平，仍为 {current}",
  recentHigher: "综合得分比前 {count} {periods}的平均水平（{mean}）高 {points} 个百分点。",
  recentLower: "综合得分比前 {count} {periods}的平均水平（{mean}）低 {points} 个百分点。",
  recentSame: "综合得分与前 {count} {periods}的平均水平（{mean}）持平。",
  teamHigher: "综合得分比团队中位数（{median}）高 {points} 个百分点。",
  teamLower: "综合得分比团队中位数（{median}）低 {points} 个百分点。",
  teamSame: "综合得分与团队中位数（{median}）持平。",
  nothingToCompare: "暂无往期数据可供对比。",
  payHeading: "奖金与下一档位",
  payHeadingLast: "奖金结算",
  targetBonusLine: "{name}：{amount}（系数 {rate}{capped}；基数 {base}{prorated}）。",
  cappedFrom: "，已按上限由 {rawRate} 下调",
  proratedDays: "；按在岗 {days}/{of} 天折算",
  proratedShare: "；按 {share} 折算",
  commissionLine: "{name}：{amount}（按{metric} {driver} 计算）。",
  notPaidGate: "{name}：{amount}（{driver} 未达发放门槛 {gate}，本期不发放）。",
  notPaidNoDriver: "{name}：{amount}（{reason}，不发放）。",
  driverScore: "综合得分 {value}",
  driverAttainment: "{metric}完成率 {value}",
  driverTeamAttainment: "团队{metric}完成率 {value}",
  driverAmount: "{metric} {value}",
  missingScore: "本期无综合得分",
  missingAttainment: "本期{metric}无完成率",
  missingTeamAttainment: "本期团队{metric}无完成率",
  missingAmount: "本期无{metric}数据",
  adjustment: "调整：{amount}（{reason}）。",
  adjustmentNoReason: "调整：{amount}。",
  moreAdjustments: "另有 {count} 项调整，合计 {amount}。",
  payoutTotalLine: "应发合计：{amount}。",
  negativeTotal: "调整金额超过了本期所得，因此应发合计为负数。具体怎么处理，我们当面沟通。",
  nextTierSentence: "{driver}（{more}），{goal}。",
  nextScore: "综合得分达到 {threshold}",
  nextAttainment: "{metric}完成率达到 {threshold}",
  nextTeamAttainment: "团队{metric}完成率达到 {threshold}",
  morePoints: "再提高 {points} 个百分点",
  moreActual: "还差 {extra}",
  moreCount: "还差 {count} {unit}",
  lessDays: "还需缩短 {extra}",
  lessActual: "还需降低 {extra}",
  goalTier: "{name}即可进入下一档",
  goalGate: "即可拿到{name}",
  nextAmountTier: "{metric}再增加 {extra}（达到 {threshold}），{name}即可进入下一档。",
  nextAmountGate: "{metric}再增加 {extra}（达到 {threshold}），即可拿到{name}。",
  topTier: "你的{name}已处于最高档。",
  trainingHeading: "培训与发展",
  training: "针对{metrics}，建议的培训方向：{topic}。",
  onboarding: "你入职 {days}，还在前 90 天的适应期。这段时间的重点是{focus}。",
  advancedTraining: "各项计分指标均已达标，可以考虑参加高级培训，或带教新同事。",
  promotion:
    "你已连续 {count} {periods}综合得分不低于 {threshold}。我们可以聊聊更有挑战的任务，以及你下一步的职业发展。",
  support:
    "你已连续 {count} {periods}综合得分低于 {threshold}。我们一起定一份提升计划：明确每周目标，安排有针对性的辅导，每周简短沟通一次进展。",
  recognitionHeading: "表彰",
  awardInTeam: "恭喜你获评团队（{team}）{award}！",
  awardInTeamShared: "恭喜你获评团队（{team}）{award}（与另外 {count} {colleagues}得分并列）！",
  award: "恭喜你获评{award}！",
  awardShared: "恭喜你获评{award}（与另外 {count} {colleagues}得分并列）！",
  mostImproved: "恭喜你获评{award}：综合得分较上{period}提高 {points} 个百分点。",
  closing: "对这份评估有任何想法或疑问，欢迎写在旁边的回复栏里，也可以约时间当面聊。",
  closingLast:
    "感谢你在职期间的付出和对团队的贡献，祝你今后一切顺利！对这份评估有任何疑问，欢迎写在旁边的回复栏里，也可以约时间当面聊。",
  shortened: "（评估内容过长，已截短以放入单元格。）",
};

export interface ReviewCatalogue {
  texts: Record<ReviewTextKey, string>;
  /** Starts every list line; plain text that reads well in a cell. */
  bullet: string;
  /** Joins list items; the last two are joined by `listLastSeparator`. */
  listSeparator: string;
  listLastSeparator: string;
  /** Joins list items that have commas of their own (in Chinese, one item a line). */
  clauseSeparator: string;
  /** Joins the sentences of a paragraph (Chinese needs no space after 。). */
  sentenceSeparator: string;
  /** Month names, January first. */
  monthNames: readonly string[];
  monthLabel: string;
  /** A calendar day, in the style of `monthLabel`. */
  dayLabel: string;
  quarterLabel: string;
  yearLabel: string;
  fiscalQuarterLabel: string;
  fiscalYearLabel: string;
  /** "3 {months}" and "the previous {month}". */
  periodNoun: Record<PeriodKind, PluralForms>;
  /** The award for the best rep of a team in a period. */
  bestOfPeriod: Record<PeriodKind, string>;
  mostImprovedOfPeriod: Record<PeriodKind, string>;
  componentName: Record<"target_bonus" | "commission", string>;
  /** Unit of a whole-count metric's gap ("2 new customers short"). */
  countUnit: Record<string, PluralForms>;
  colleague: PluralForms;
}

const EN: ReviewCatalogue = {
  texts: EN_TEXTS,
  bullet: "• ",
  listSeparator: ", ",
  listLastSeparator: " and ",
  clauseSeparator: "; ",
  sentenceSeparator: " ",
  monthNames: ENGLISH_MONTH_NAMES,
  monthLabel: "{monthName} {year}",
  dayLabel: "{day} {monthName} {year}",
  quarterLabel: "Q{quarter} {year}",
  yearLabel: "{year}",
  fiscalQuarterLabel: "Q{quarter} of fiscal year {year}",
  fiscalYearLabel: "fiscal year {year}",
  periodNoun: {
    month: { one: "month", other: "months" },
    quarter: { one: "quarter", other: "quarters" },
    year: { one: "year", other: "years" },
  },
  bestOfPeriod: { month: "Rep of the month", quarter: "Rep of the quarter", year: "Rep of the year" },
  mostImprovedOfPeriod: {
    month: "Most improved rep of the month",
    quarter: "Most improved rep of the quarter",
    year: "Most improved rep of the year",
  },
  componentName: { target_bonus: "target bonus", commission: "commission" },
  countUnit: {
    new_customers: { one: "new customer", other: "new customers" },
    deals_won: { one: "deal", other: "deals" },
  },
  colleague: { one: "colleague", other: "colleagues" },
};

const ZH: ReviewCatalogue = {
  texts: ZH_TEXTS,
  bullet: "• ",
  listSeparator: "、",
  listLastSeparator: "、",
  // Each metric's change on its own line: one long sentence of seven clauses is unreadable.
  clauseSeparator: "\n  · ",
  sentenceSeparator: "",
  monthNames: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
  monthLabel: "{year}年{monthName}月",
  dayLabel: "{year}年{monthName}月{day}日",
  quarterLabel: "{year}年第{quarter}季度",
  yearLabel: "{year}年",
  fiscalQuarterLabel: "{year}财年第{quarter}季度",
  fiscalYearLabel: "{year}财年",
  // Chinese counts periods with their measure word: 3 个月, 2 个季度, 2 年.
  periodNoun: {
    month: { one: "个月", other: "个月" },
    quarter: { one: "个季度", other: "个季度" },
    year: { one: "年", other: "年" },
  },
  bestOfPeriod: { month: "本月最佳销售", quarter: "本季度最佳销售", year: "年度最佳销售" },
  mostImprovedOfPeriod: { month: "本月进步之星", quarter: "本季度进步之星", year: "年度进步之星" },
  componentName: { target_bonus: "目标奖金", commission: "提成" },
  countUnit: {
    new_customers: { one: "家", other: "家" },
    deals_won: { one: "单", other: "单" },
  },
  colleague: { one: "位同事", other: "位同事" },
};

/**
 * The catalogue of each language.
 *
 * @internal Exported only for src/core/review-text.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export const REVIEW_CATALOGUES: Readonly<Record<Language, ReviewCatalogue>> = { en: EN, zh: ZH };

/**
 * The catalogue for a language.
 *
 * @example
 * reviewCatalogue("zh").texts.strengthsHeading; // "优势"
 */
export function reviewCatalogue(language: Language): ReviewCatalogue {
  return REVIEW_CATALOGUES[language];
}
