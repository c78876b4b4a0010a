/**
 * The demo's manager ratings on the Scores sheet: csat, product knowledge and
 * teamwork around each rep's profile; managers rated near target.
 */
import { type Month, tenure } from "./demo-calendar";
import { PEOPLE } from "./demo-people";
import type { Random } from "./demo-random";
import type { CellData } from "../workbook/workbook-data";

/**
 * The rows of the Scores sheet (Rep ID, Period, Metric, Value).
 *
 * @example
 * ratingRows(demoMonths(), random)[0]; // ["M01", "2025-05", "product_knowledge", 4.2]
 */
export function ratingRows(months: Month[], random: Random): CellData[][] {
  const rows: CellData[][] = [];
  const rating = (mean: number): number =>
    Math.min(5, Math.max(1, Math.round((mean + 0.22 * random.normal()) * 10) / 10));
  for (const month of months) {
    for (const p of PEOPLE) {
      const t = tenure(p, month);
      if (!t) continue;
      if (p.profile) {
        // A new hire learns the products over their first months.
        const knowledge =
          p.start >= "2025-05-01"
            ? Math.min(4.3, p.profile.knowledge + 0.3 * (t.tenureMonth - 1))
            : p.profile.knowledge;
        rows.push([p.id, month.key, "csat", rating(p.profile.csat)]);
        rows.push([p.id, month.key, "product_knowledge", rating(knowledge)]);
        rows.push([p.id, month.key, "teamwork", rating(p.profile.teamwork)]);
      } else {
        // Managers: no deals and no csat of their own, so these two ratings are
        // their whole score (their bonus follows the team); kept near target so
        // they do not top the leaderboard by default.
        rows.push([p.id, month.key, "product_knowledge", rating(4.1)]);
        rows.push([p.id, month.key, "teamwork", rating(4.0)]);
      }
    }
  }
  return rows;
}
