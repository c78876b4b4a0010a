/**
 * The words of a manager's review, in English and Chinese: one template per
 * sentence, filled with figures already formatted. The Chinese follows
 * docs/chinese-style.md like the rep reviews: 你 (the review is written by
 * the manager's own manager), the same component names, and units after
 * figures (家 and 单 for counts, 分 for manual scores, 人 for people).
 */
import type { Language } from "./plan-model";

export type ManagerTextKey = keyof typeof MANAGER_TEXTS_EN;

const MANAGER_TEXTS_EN = {
  heading: "Manager review: {manager}, {period}",
  managerWithId: "{name} ({id})",
  provisional: "Provisional: {period} is not final yet, so these figures may still change.",
  leftOn: "Your last day was {day}. Thank you for leading the team; this review looks back only.",
  resultHeading: "Team result",
  summaryInTeam: "Your team ({team}) of {count} {people} scored {score} on average in {period}: {split}.",
  summary: "Your team of {count} {people} scored {score} on average in {period}: {split}.",
  splitMixed: "{ahead} at or above target, {below} below",
  splitNoneAhead: "nobody is at target yet",
  splitAllAhead: "everyone is at or above target",
  summaryNoScore: "Nobody in your team of {count} {people} has a score for {period} yet, so there is no team score.",
  attainmentExplained:
    "Each line is the team's total against its total target (for rates, days and scores, the members' average):",
  teamMetric: "{metric}: {actual} against {target}, {attainment}",
  teamMetricNoAttainment: "{metric}: {actual} against {target}",
  proratedTotal: "{target} (some targets prorated)",
  noTeamFigures: "No team figures for {period} yet.",
  membersHeading: "Your team's members",
  memberAhead: "{member}: {score}, at or above target.",
  memberAheadWeakest:
    "{member}: {score}, at or above target overall; still behind on {metric} ({actual} against {target}, {gap}).",
  memberBelow: "{member}: {score}; furthest behind on {metric}: {actual} against a target of {target}, {gap}.",
  gapShort: "{gap} short",
  gapOver: "{gap} over",
  points: "{points} percentage points",
  memberBelowNoGap: "{member}: {score}, below target with no single metric below its target.",
  moreMembers: "And {count} more {people} {where}.",
  moreAhead: "at or above target",
  moreBelow: "below target",
  unscored: "No score yet: {members}.",
  coachingHeading: "Coaching priorities",
  coaching: "{metric}: {missed} of {of} members below target; the team is at {attainment}.",
  coachingNoAttainment: "{metric}: {missed} of {of} members below target.",
  noCoaching: "No metric is missed by most of the team: coach each member on their own furthest-behind metric above.",
  trainingHeading: "Training for the team",
  training: "For {metrics}: {topic}.",
  payHeading: "Your pay",
  teamBonusLine: "{name}: {amount}. The team's {metric} attainment of {value} pays {rate} of {base}{prorated}.",
  teamBonusGate:
    "{name}: {amount}. The team's {metric} attainment of {value} is below the gate of {gate}, so it pays nothing.",
  teamBonusNoDriver:
    "{name}: {amount}. The team has no {metric} attainment this period (no targets), so it pays nothing.",
  otherComponent: "{name}: {amount}.",
  prorated: ", prorated to {share} for the days you were employed",
  adjustment: "Adjustment: {amount} ({reason}).",
  adjustmentNoReason: "Adjustment: {amount}.",
  moreAdjustments: "{count} more adjustments: {amount} in all.",
  total: "Total payout: {amount}.",
  negativeTotal: "The total is negative: the adjustments outweigh this period's pay.",
  nextTier:
    "The team's {metric} attainment needs {points} more points to reach {threshold}, the next tier of the {name}.",
  nextGate:
    "The team's {metric} attainment needs {points} more points to reach {threshold}, below which the {name} pays nothing.",
  topTier: "The team's result already earns the top tier of the {name}.",
} as const;

const MANAGER_TEXTS_ZH: Record<ManagerTextKey, string> = {
  heading: "主管绩效评估：{manager}，{period}",
  managerWithId: "{name}（{id}）",
  provisional: "{period}尚未定稿，以下数据仍可能变动。",
  leftOn: "你的最后工作日为{day}。感谢你带领团队，本评估仅作回顾。",
  resultHeading: "团队业绩",
  summaryInTeam: "你的团队（{team}）共 {count} 人，{period}平均综合得分为 {score}，{split}。",
  summary: "你的团队共 {count} 人，{period}平均综合得分为 {score}，{split}。",
  splitMixed: "其中 {ahead} 人达到或超过目标，{below} 人未达目标",
  splitNoneAhead: "目前无人达到目标",
  splitAllAhead: "全员达到或超过目标",
  summaryNoScore: "你的团队共 {count} 人，{period}尚无人有综合得分，因此没有团队得分。",
  attainmentExplained: "以下各项为团队合计实际与合计目标的对比（比率、天数和评分取成员平均值）：",
  teamMetric: "{metric}：实际 {actual}，目标 {target}，完成率 {attainment}",
  teamMetricNoAttainment: "{metric}：实际 {actual}，目标 {target}",
  proratedTotal: "{target}（含折算目标）",
  noTeamFigures: "{period}暂无团队数据。",
  membersHeading: "团队成员",
  memberAhead: "{member}：综合得分 {score}，已达到目标。",
  memberAheadWeakest:
    "{member}：综合得分 {score}，整体已达标，但{metric}仍有差距（实际 {actual}，目标 {target}，{gap}）。",
  memberBelow: "{member}：综合得分 {score}，差距最大的是{metric}（实际 {actual}，目标 {target}，{gap}）。",
  gapShort: "还差 {gap}",
  gapOver: "超出 {gap}",
  points: "{points} 个百分点",
  memberBelowNoGap: "{member}：综合得分 {score}，未达目标，但没有哪一项指标单独低于目标。",
  moreMembers: "另有 {count} 人{where}。",
  moreAhead: "达到或超过目标",
  moreBelow: "未达目标",
  unscored: "暂无得分：{members}。",
  coachingHeading: "辅导重点",
  coaching: "{metric}：{of} 人中有 {missed} 人未达目标，团队完成率 {attainment}。",
  coachingNoAttainment: "{metric}：{of} 人中有 {missed} 人未达目标。",
  noCoaching: "没有哪项指标是多数成员未达标的，请按上文每人差距最大的指标分别辅导。",
  trainingHeading: "团队培训建议",
  training: "{metrics}：{topic}。",
  payHeading: "你的薪酬",
  teamBonusLine: "{name}：{amount}。团队{metric}完成率为 {value}，按 {base} 的 {rate} 发放{prorated}。",
  teamBonusGate: "{name}：{amount}。团队{metric}完成率为 {value}，低于 {gate} 的发放门槛，本期不发放。",
  teamBonusNoDriver: "{name}：{amount}。团队本期没有{metric}完成率（未设定目标），本期不发放。",
  otherComponent: "{name}：{amount}。",
  prorated: "，并按在职天数折算为 {share}",
  adjustment: "调整：{amount}（{reason}）。",
  adjustmentNoReason: "调整：{amount}。",
  moreAdjustments: "另有 {count} 笔调整，合计 {amount}。",
  total: "本期应发金额：{amount}。",
  negativeTotal: "应发金额为负：调整项超过了本期薪酬。",
  nextTier: "团队{metric}完成率再提高 {points} 个百分点，达到 {threshold}，即可进入{name}的下一档。",
  nextGate: "团队{metric}完成率再提高 {points} 个百分点，达到 {threshold}，{name}才开始发放。",
  topTier: "团队业绩已达到{name}的最高档。",
};

export interface ManagerWords {
  texts: Record<ManagerTextKey, string>;
  people: { one: string; other: string };
  /** The unit after a whole count the rep catalogue names none for; "" where the language uses none. */
  countUnit: string;
  bullet: string;
}

const WORDS: Record<Language, ManagerWords> = {
  en: {
    texts: MANAGER_TEXTS_EN,
    people: { one: "person", other: "people" },
    countUnit: "",
    bullet: "• ",
  },
  zh: {
    texts: MANAGER_TEXTS_ZH,
    people: { one: "人", other: "人" },
    countUnit: " 个",
    bullet: "• ",
  },
};

/**
 * The words of a manager's review in a language.
 *
 * @example
 * managerWords("zh").texts.resultHeading; // "团队业绩"
 */
export function managerWords(language: Language): ManagerWords {
  return WORDS[language];
}
