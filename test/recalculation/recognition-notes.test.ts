/**
 * Recognition reaches the Results notes through the built bundle: one rep of
 * the month per team (ties all named), and the most improved rep.
 */
import { describe, expect, it } from "vitest";
import { column, recalculateLocally, teamSimulator } from "./fixtures";

describe("recognition in the Results notes", () => {
  const sim = teamSimulator({ reps: 6, months: 3 });
  recalculateLocally(sim);
  const results = sim.sheetValues("Results") as unknown[][];
  const [period, team, score, notes] = ["Period", "Team", "Score", "Notes"].map((h) => column(results, h));
  const rows = results.slice(1);

  it("names the highest score of each team in each month as rep of the month", () => {
    const months = [...new Set(rows.map((r) => String(r[period])))].filter((p) => /^\d{4}-\d{2}$/.test(p));
    expect(months.length).toBeGreaterThan(1);
    for (const month of months) {
      const inMonth = rows.filter((r) => r[period] === month && typeof r[score] === "number");
      for (const teamName of new Set(inMonth.map((r) => String(r[team])))) {
        const members = inMonth.filter((r) => r[team] === teamName);
        const best = Math.max(...members.map((r) => Math.round((r[score] as number) * 10000)));
        const named = members.filter((r) => String(r[notes]).includes(`Rep of the month in ${teamName}`));
        expect(named.length).toBeGreaterThan(0);
        for (const r of named) expect(Math.round((r[score] as number) * 10000)).toBe(best);
      }
    }
  });

  it("names at most one most improved rep per period, never in the first period", () => {
    const byPeriod = new Map<string, number>();
    for (const r of rows)
      if (String(r[notes]).includes("Most improved"))
        byPeriod.set(String(r[period]), (byPeriod.get(String(r[period])) ?? 0) + 1);
    expect(byPeriod.size).toBeGreaterThan(0);
    for (const count of byPeriod.values()) expect(count).toBe(1);
    const first = String(rows[0][period]);
    expect(byPeriod.has(first)).toBe(false);
  });
});
