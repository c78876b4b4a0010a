/**
 * The words "Share statements" answers with, in the menu's alert (the
 * sidebar has its own in src/sidebar/ui-text.ts): counts only, never names,
 * addresses or amounts.
 */
import { fill, type Localized } from "../core/localized-text";
import type { Language } from "../core/plan-model";
import type { StatementProgress } from "./statement-run";

const TEXT = {
  done: {
    en: "Private statements: {done} of {total} up to date ({created} created, {refreshed} refreshed).\nReplies copied to Reviews: {replies}.",
    zh: "个人报表：{total} 份中已完成 {done} 份（新建 {created} 份，更新 {refreshed} 份）。\n已复制到评语表的回复：{replies} 条。",
  },
  rest: {
    en: "\nThe rest continue at the next scheduled run (or choose Share statements again).",
    zh: "\n其余将在下次自动运行时继续（也可再次选择“共享个人报表”）。",
  },
  failed: {
    en: "\n{failed} statements could not be written; they are tried again at the next run (see the Run log).",
    zh: "\n{failed} 份报表未能写入，下次运行时重试（见运行日志）。",
  },
  none: {
    en: "No rep has an Email on the Reps sheet, so there is no statement to share.",
    zh: "销售名单中没有填写邮箱的销售，无报表可共享。",
  },
} as const satisfies Record<string, Localized>;

/**
 * What the menu tells after Share statements.
 *
 * @example
 * statementMessage({ left: null, done: 3, total: 3, created: 3, refreshed: 0, replies: 0, failed: 0, statements: 3 }, "en");
 * // "Private statements: 3 of 3 up to date (3 created, 0 refreshed).\nReplies copied to Reviews: 0."
 */
export function statementMessage(progress: StatementProgress | null, language: Language): string {
  if (!progress || progress.total === 0) return TEXT.none[language];
  let message = fill(TEXT.done[language], {
    done: progress.done,
    total: progress.total,
    created: progress.created,
    refreshed: progress.refreshed,
    replies: progress.replies,
  });
  if (progress.failed > 0) message += fill(TEXT.failed[language], { failed: progress.failed });
  if (progress.left !== null) message += TEXT.rest[language];
  return message;
}
