/**
 * The `Plan comparison` sheet (README, Plan modelling): its columns, and a
 * comparison as the rows written there. One row per rep and month, then a
 * total row per month, then the total of every month compared. Headers are
 * English like every output sheet's; the total rows' labels are in the
 * run's language.
 */
import { fill, type Localized } from "../core/localized-text";
import type { PlanComparison } from "../core/plan-comparison";
import type { Language } from "../core/plan-model";
import { MONEY_FORMAT, TEXT_FORMAT, type OutputColumn } from "./output-columns";
import type { CellValue } from "./sheet-text";

function text(header: string, en: string, zh: string): OutputColumn {
  return { header, kind: "text", format: TEXT_FORMAT, note: { en, zh } };
}

function money(header: string, en: string, zh: string): OutputColumn {
  return { header, kind: "number", format: MONEY_FORMAT, note: { en, zh } };
}

/** The columns of the Plan comparison sheet. */
export const PLAN_COMPARISON_COLUMNS: readonly OutputColumn[] = [
  text("Period", 'The month; "Total" for every month compared.', "月份；“Total”为所有对比月份的合计。"),
  text("Rep ID", "The rep's ID from the Reps sheet; blank on a total row.", "销售编号；合计行为空。"),
  text("Name", "The rep's name, or what a total row adds up.", "姓名，或合计行的说明。"),
  money(
    "Current payout",
    "The payout under the Plan, adjustments included (as the Bonus column of Results).",
    "按现行方案（Plan）的应发金额，含调整（与结果表的 Bonus 列相同）。",
  ),
  money(
    "Draft payout",
    "The payout under the Plan draft, with the same adjustments.",
    "按方案草稿（Plan draft）的应发金额，含相同的调整。",
  ),
  money("Difference", "Draft payout minus current payout.", "草稿应发减去现行应发。"),
];

const LABELS = {
  monthTotal: { en: "Month total", zh: "本月合计" },
  total: { en: "Total of {count} months, {first} to {last}", zh: "{count} 个月合计（{first} 至 {last}）" },
} as const satisfies Record<string, Localized>;

/** The Period cell of the overall total row. */
const TOTAL_PERIOD = "Total";

/**
 * The sheet's rows, header first, with each cell's number format.
 *
 * @example
 * comparisonBlock(comparison, "en").values[1]; // ["2026-03", "R01", "Li Na", 1100, 2000, 900]
 */
export function comparisonBlock(
  comparison: PlanComparison,
  language: Language,
): { values: CellValue[][]; formats: string[][] } {
  const formats = PLAN_COMPARISON_COLUMNS.map((column) => column.format);
  const values: CellValue[][] = [PLAN_COMPARISON_COLUMNS.map((column) => column.header)];
  for (const row of comparison.rows)
    values.push([row.period, row.repId, row.name, row.current, row.draft, row.difference]);
  for (const month of comparison.monthTotals)
    values.push([month.period, "", LABELS.monthTotal[language], month.current, month.draft, month.difference]);
  const { months, total } = comparison;
  if (months.length > 0) {
    const label = fill(LABELS.total[language], { count: months.length, first: months[0], last: months.at(-1)! });
    values.push([TOTAL_PERIOD, "", label, total.current, total.draft, total.difference]);
  }
  return { values, formats: values.map((_, i) => (i === 0 ? formats.map(() => TEXT_FORMAT) : formats)) };
}
