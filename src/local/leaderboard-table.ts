/**
 * The leaderboard `npm start` prints: one period's rows of the Results sheet
 * (rank, rep, team, score, bonus) as a text table whose columns line up in a
 * terminal, Chinese names included.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import type { Language } from "../core/plan-model";
import { displayWidth, padToWidth } from "./display-width";
import type { CellData, SheetData } from "./workbook-data";

export interface LeaderboardRow {
  rank: number | null;
  repId: string;
  name: string;
  team: string;
  score: number | null;
  /** The payout including adjustments; null when the period is not a payout period. */
  bonus: number | null;
}

const NEEDED = ["Period", "Rep ID", "Name", "Team", "Score", "Rank", "Bonus"] as const;

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
 * them: `Period`, `Rep ID`, `Name`, `Team`, `Score`, `Rank`, `Bonus`), ranked
 * reps first by rank, then the reps without a score, in sheet order.
 *
 * @example
 * leaderboardRows(resultsSheet, "2026-10")[0]; // { rank: 1, repId: "R08", name: "陈静", team: "South", score: 1.198, bonus: 2290.71 }
 */
export function leaderboardRows(results: SheetData, period: string): LeaderboardRow[] {
  const header = (results.values[0] ?? []).map(text);
  const at = Object.fromEntries(NEEDED.map((name) => [name, header.indexOf(name)])) as Record<(typeof NEEDED)[number], number>;
  const missing = NEEDED.filter((name) => at[name] < 0);
  if (missing.length > 0) throw new Error(`the ${results.name} sheet has no ${missing.join(", ")} column`);
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
    }));
  // A stable sort: ties keep the sheet's order.
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

const HEADERS: Record<Language, [string, string, string, string, string]> = {
  en: ["Rank", "Rep", "Team", "Score", "Bonus"],
  zh: ["排名", "销售", "团队", "得分", "奖金"],
};

const BLANK = "–";

/**
 * Lines of a text table: a header, a rule, then the rows; columns two spaces
 * apart, padded by display width (a Chinese character takes two columns).
 *
 * @example
 * formatTable(["Rep", "Score"], [["王芳", "1.25"], ["Li Na", "0.9"]], ["left", "right"]);
 * // ["Rep    Score", "-----  -----", "王芳    1.25", "Li Na    0.9"]
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly ("left" | "right")[]): string[] {
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
  return (Math.sign(value) * Math.round(scaled) / scale).toFixed(digits);
}

/**
 * The leaderboard as lines of text: rank, rep (name and ID), team, score
 * (3 decimals, as on the Results sheet; 1.000 is on target) and bonus (money,
 * 2 decimals); `–` where there is none.
 *
 * @example
 * formatLeaderboard([{ rank: 1, repId: "R08", name: "陈静", team: "South", score: 1.1984, bonus: 2290.71 }], "en");
 * // ["Rank  Rep         Team   Score     Bonus", "----  ----------  -----  -----  --------", "   1  陈静 (R08)  South  1.198  2,290.71"]
 */
export function formatLeaderboard(rows: readonly LeaderboardRow[], language: Language): string[] {
  const money = new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cells = rows.map((row) => [
    row.rank === null ? BLANK : String(row.rank),
    row.name === "" ? row.repId : `${row.name} (${row.repId})`,
    row.team === "" ? BLANK : row.team,
    row.score === null ? BLANK : decimals(row.score, 3),
    row.bonus === null ? BLANK : money.format(row.bonus),
  ]);
  return formatTable(HEADERS[language], cells, ["right", "left", "left", "right", "right"]);
}
