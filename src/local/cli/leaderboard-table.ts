/**
 * The leaderboard `npm start` prints: one period's rows of the Results sheet
 * (rank, rep, team, score, bonus, and revenue when the plan has it) as a
 * text table whose columns line up in a terminal, Chinese names included.
 * Without targets (a bare CRM export) no rep has a score or a rank, so the
 * revenue column is what orders and tells the reps apart.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import type { Language } from "../../core/plan-model";
import { displayWidth, padToWidth } from "./display-width";
import type { CellData, SheetData } from "../workbook/workbook-data";

export interface LeaderboardRow {
  rank: number | null;
  repId: string;
  name: string;
  team: string;
  score: number | null;
  /** The payout including adjustments; null when the period is not a payout period. */
  bonus: number | null;
  /** `revenue actual`; null when the plan has no revenue metric or the rep no data. */
  revenue: number | null;
}

const NEEDED = ["Period", "Rep ID", "Name", "Team", "Score", "Rank", "Bonus"] as const;
const REVENUE_COLUMN = "revenue actual";

function text(cell: CellData | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return "wallClock" in cell ? cell.wallClock : cell.formula;
  return String(cell).trim();
}

function numberOrNull(cell: CellData | undefined): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}

/**
 * The rows of one period of a Results sheet (headers as the add-on writes
 * them: `Period`, `Rep ID`, `Name`, `Team`, `Score`, `Rank`, `Bonus`, and
 * `revenue actual` when there is one), ranked reps first by rank, then the
 * reps without a rank by revenue, highest first; ties in sheet order.
 *
 * @example
 * leaderboardRows(resultsSheet, "2026-10")[0];
 * // { rank: 1, repId: "R08", name: "陈静", team: "South", score: 1.198, bonus: 2290.71, revenue: 57250 }
 */
export function leaderboardRows(results: SheetData, period: string): LeaderboardRow[] {
  const header = (results.values[0] ?? []).map(text);
  const at = Object.fromEntries(NEEDED.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof NEEDED)[number],
    number
  >;
  const missing = NEEDED.filter((name) => at[name] < 0);
  if (missing.length > 0) throw new Error(`the ${results.name} sheet has no ${missing.join(", ")} column`);
  const revenueAt = header.indexOf(REVENUE_COLUMN);
  const rows = results.values
    .slice(1)
    .filter((row) => text(row[at.Period]) === period)
    .map((row) => ({
      rank: numberOrNull(row[at.Rank]),
      repId: text(row[at["Rep ID"]]),
      name: text(row[at.Name]),
      team: text(row[at.Team]),
      score: numberOrNull(row[at.Score]),
      bonus: numberOrNull(row[at.Bonus]),
      revenue: revenueAt < 0 ? null : numberOrNull(row[revenueAt]),
    }));
  // A stable sort: ties keep the sheet's order.
  return rows.sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      (a.rank === null ? (b.revenue ?? -Infinity) - (a.revenue ?? -Infinity) || 0 : 0),
  );
}

const HEADERS: Record<Language, [string, string, string, string, string, string]> = {
  en: ["Rank", "Rep", "Team", "Score", "Bonus", "Revenue"],
  zh: ["排名", "销售", "团队", "得分", "奖金", "收入"],
};

const BLANK = "–";

/**
 * Lines of a text table: a header, a rule, then the rows; columns two spaces
 * apart, padded by display width (a Chinese character takes two columns).
 *
 * @example
 * formatTable(["Rep", "Score"], [["王芳", "1.25"], ["Li Na", "0.9"]], ["left", "right"]);
 * // ["Rep    Score", "-----  -----", "王芳    1.25", "Li Na    0.9"]
 *
 * @internal Exported only for test/local/start-parts.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ("left" | "right")[],
): string[] {
  const widths = headers.map((h, c) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[c] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => padToWidth(cell, widths[c], align[c] ?? "left"))
      .join("  ")
      .replace(/\s+$/, "");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** Rounds half away from zero on the decimal digits shown (1.2345 -> "1.235"), as a spreadsheet shows it. */
function decimals(value: number, digits: number): string {
  const scale = 10 ** digits;
  const scaled = Number((Math.abs(value) * scale).toPrecision(15));
  return ((Math.sign(value) * Math.round(scaled)) / scale).toFixed(digits);
}

/**
 * The leaderboard as lines of text: rank, rep (name and ID, or the one when
 * they are the same, as for reps taken from Sales' owners), team, score (3
 * decimals, as on the Results sheet; 1.000 is on target), bonus and, when
 * any row has one, revenue (money, 2 decimals); `–` where there is none.
 *
 * @example
 * formatLeaderboard([{ rank: 1, repId: "R08", name: "陈静", team: "South", score: 1.1984, bonus: 2290.71, revenue: null }], "en");
 * // ["Rank  Rep         Team   Score     Bonus", "----  ----------  -----  -----  --------", "   1  陈静 (R08)  South  1.198  2,290.71"]
 */
export function formatLeaderboard(rows: readonly LeaderboardRow[], language: Language): string[] {
  const money = new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const withRevenue = rows.some((row) => row.revenue !== null);
  const cells = rows.map((row) => {
    const line = [
      row.rank === null ? BLANK : String(row.rank),
      row.name === "" || row.name === row.repId ? row.repId : `${row.name} (${row.repId})`,
      row.team === "" ? BLANK : row.team,
      row.score === null ? BLANK : decimals(row.score, 3),
      row.bonus === null ? BLANK : money.format(row.bonus),
    ];
    if (withRevenue) line.push(row.revenue === null ? BLANK : money.format(row.revenue));
    return line;
  });
  const headers = HEADERS[language].slice(0, withRevenue ? 6 : 5);
  return formatTable(headers, cells, ["right", "left", "left", "right", "right", "right"]);
}
