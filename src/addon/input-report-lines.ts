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
import WORDS from "./input-report-lines-text.json";

const word = catalogueText(WORDS);

/** How many stage words a run lists; the rest are counted. */
const STAGE_WORDS_SHOWN = 30;

/**
 * The lines a run adds to its details about how it read Sales.
 *
 * @example
 * const stageWords = [{ word: "Closed Won", status: "won", rows: 12, known: true }];
 * inputReportLines({ stageWords, stageWordsWorthReporting: true,
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
