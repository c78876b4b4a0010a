/**
 * What `npm start` says, in English and Chinese (the run's language). The
 * usage text and argument errors are English only (they come before any
 * input is read).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { formatNumber } from "../../core/display-format";
import type { Language } from "../../core/plan-model";

export interface StartMessages {
  reading: (file: string) => string;
  computing: string;
  writing: (file: string) => string;
  defaultPlan: string;
  salesFromCsv: (file: string) => string;
  earlierOutputs: (sheets: string) => string;
  computed: (count: number, first: string, last: string, final: number, provisional: number) => string;
  nothingComputed: string;
  leaderboard: (period: string, provisional: boolean) => string;
  noRows: (period: string) => string;
  review: (name: string, id: string, period: string) => string;
  problems: (errors: number, warnings: number) => string;
  moreGroups: (groups: number, problems: number, sheet: string, file: string) => string;
  fullList: (sheet: string, file: string) => string;
  details: string;
  result: (path: string) => string;
  failed: (error: string) => string;
}

export const START_MESSAGES: Record<Language, StartMessages> = {
  en: {
    reading: (file) => `Reading ${file}`,
    computing: "Computing scores, pay and reviews",
    writing: (file) => `Writing ${file}`,
    defaultPlan: "The input has no Plan sheet: the default plan is used, and the result workbook includes it.",
    salesFromCsv: (file) => `${file} is read as the Sales sheet.`,
    earlierOutputs: (sheets) => `Taken as an earlier run's output and recomputed: ${sheets}.`,
    computed: (count, first, last, final, provisional) =>
      `Computed ${count} period${count === 1 ? "" : "s"}, ${first} to ${last}: ${final} final, ${provisional} provisional (not ended by the latest date in Sales).`,
    nothingComputed: "No period was computed (see the problems below and the Run log sheet).",
    leaderboard: (period, provisional) => `Leaderboard ${period}${provisional ? " (provisional)" : ""}`,
    noRows: (period) => `No results for ${period}: no rep was employed then, or it is outside the periods computed.`,
    review: (name, id, period) => `Review of ${name}${name === id ? "" : ` (${id})`}, ${period}`,
    problems: (errors, warnings) =>
      errors > 0
        ? `The input has ${errors} problem${errors === 1 ? "" : "s"}${warnings > 0 ? ` and ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}; rows with problems are left out, the rest is computed:`
        : `The input has ${warnings} warning${warnings === 1 ? "" : "s"} (nothing is left out):`,
    moreGroups: (groups, problems, sheet, file) =>
      `… and ${formatNumber(groups, 0)} more group${groups === 1 ? "" : "s"} (${formatNumber(problems, 0)} problem${problems === 1 ? "" : "s"}): see the ${sheet} sheet in ${file}`,
    fullList: (sheet, file) => `Every problem cell, one row each: the ${sheet} sheet in ${file}`,
    details: "Run details:",
    result: (path) => `Result workbook: ${path}`,
    failed: (error) => `The recalculation failed (${error}); the Run log sheet of the result workbook says more.`,
  },
  zh: {
    reading: (file) => `正在读取 ${file}`,
    computing: "正在计算得分、奖金和评语",
    writing: (file) => `正在写入 ${file}`,
    defaultPlan: "输入中没有考核方案表（Plan）：已使用默认方案，结果工作簿中包含该方案。",
    salesFromCsv: (file) => `${file} 作为销售记录表（Sales）读取。`,
    earlierOutputs: (sheets) => `以下工作表视为先前运行的输出，已重新计算：${sheets}。`,
    computed: (count, first, last, final, provisional) =>
      `已计算 ${count} 个期间（${first} 至 ${last}）：${final} 个已定稿，${provisional} 个为暂定（截至销售记录的最晚日期尚未结束）。`,
    nothingComputed: "没有计算任何期间（请查看下面的问题和运行日志表）。",
    leaderboard: (period, provisional) => `排行榜 ${period}${provisional ? "（暂定）" : ""}`,
    noRows: (period) => `${period} 没有结果：该期间无人在职，或不在已计算的期间之内。`,
    review: (name, id, period) => `${name}${name === id ? "" : `（${id}）`}${period} 评语`,
    problems: (errors, warnings) =>
      errors > 0
        ? `输入中有 ${errors} 个问题${warnings > 0 ? `和 ${warnings} 个提醒` : ""}；有问题的行未计入，其余照常计算：`
        : `输入中有 ${warnings} 个提醒（没有行被排除）：`,
    moreGroups: (groups, problems, sheet, file) =>
      `……另有 ${formatNumber(groups, 0)} 组（共 ${formatNumber(problems, 0)} 个问题），请查看 ${file} 中的「${sheet}」表`,
    fullList: (sheet, file) => `每个有问题的单元格各占一行，见 ${file} 中的「${sheet}」表`,
    details: "运行详情：",
    result: (path) => `结果工作簿：${path}`,
    failed: (error) => `重算失败（${error}）；详情见结果工作簿的运行日志表。`,
  },
};
