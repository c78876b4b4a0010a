/**
 * What a run says about how it read the input, besides problems: how it read
 * each stage word of Sales (so a wrong guess is visible) and how many open
 * deals it took as pipeline. These go to the Run log's details, the console
 * of a local run and the sidebar's run log; they are not problems, because
 * nothing is wrong.
 */
import { formatMoney, groupThousands } from "../core/display-format";
import type { Language } from "../core/plan-model";
import { catalogueText } from "../core/localized-text";
import type { InputReport } from "../tables/read-inputs";

const WORDS = {
  stages: { en: "Status words read:", zh: "状态用语的识别：" },
  stage: { en: '"{word}" → {status} ({rows} {rowWord}{how})', zh: "「{word}」→ {status}（{rows} 行{how}）" },
  unknown: { en: ", not a known word", zh: "，未识别的用语" },
  own: { en: ", your setting", zh: "，按您的设置" },
  won: { en: "won", zh: "赢单" },
  lost: { en: "lost", zh: "输单" },
  open: { en: "open", zh: "进行中" },
  more: { en: "… and {count} more words", zh: "……另有 {count} 个用语" },
  change: {
    en: "A stage read wrongly? Set your own stage words in Setup (locally: stageWords in --mapping).",
    zh: "如有识别错误，请在“设置”中指定您自己的阶段用语（本地运行：--mapping 中的 stageWords）。",
  },
  no_targets: {
    en: "There are no targets yet: Results show each rep's actuals, but no score, attainment or target bonus. Add rows to Targets, or let the sidebar suggest them from history (Setup → Fill Targets from history).",
    zh: "尚未设定目标：结果表只显示每人的实际值，没有得分、达成率和目标奖金。请在目标表中添加目标，或在侧边栏“设置 → 按历史填写目标”中由系统按历史数据建议。",
  },
  open_deals: {
    en: "{count} open {dealWord} ({amount}) {are} pipeline: counted in no actual.",
    zh: "{count} 笔进行中的商机（{amount}）属于销售管道，不计入任何实际值。",
  },
} as const;

const word = catalogueText(WORDS);

/** How many stage words a run lists; the rest are counted. */
const STAGE_WORDS_SHOWN = 30;

/**
 * The lines a run adds to its details about how it read Sales.
 *
 * @example
 * inputReportLines({ stageWords: [{ word: "Closed Won", status: "won", rows: 12, known: true }], stageWordsWorthReporting: true,
 *   openDeals: { count: 0, amount: 0 }, headerRows: {}, repsFromSales: false, hasTargets: true }, "en", "USD");
 * // ["Status words read:", "  \"Closed Won\" → won (12 rows)", "A stage read wrongly? ..."]
 */
export function inputReportLines(report: InputReport, language: Language, currency: string): string[] {
  const lines: string[] = [];
  if (report.stageWordsWorthReporting) {
    const sorted = [...report.stageWords].sort((a, b) => b.rows - a.rows || a.word.localeCompare(b.word));
    lines.push(word("stages", language));
    for (const entry of sorted.slice(0, STAGE_WORDS_SHOWN)) {
      const how = !entry.known ? word("unknown", language) : entry.own ? word("own", language) : "";
      lines.push(
        "  " +
          word("stage", language, {
            word: entry.word,
            status: word(entry.status, language),
            rows: groupThousands(String(entry.rows)),
            rowWord: entry.rows === 1 ? "row" : "rows",
            how,
          }),
      );
    }
    if (sorted.length > STAGE_WORDS_SHOWN)
      lines.push("  " + word("more", language, { count: sorted.length - STAGE_WORDS_SHOWN }));
    lines.push(word("change", language));
  }
  if (!report.hasTargets) lines.push(word("no_targets", language));
  if (report.openDeals.count > 0) {
    const amount = formatMoney(report.openDeals.amount, currency);
    lines.push(
      word("open_deals", language, {
        count: groupThousands(String(report.openDeals.count)),
        amount,
        dealWord: report.openDeals.count === 1 ? "deal" : "deals",
        are: report.openDeals.count === 1 ? "is" : "are",
      }),
    );
  }
  return lines;
}
