/**
 * Recognition for a period (docs/sheet-formats.md#review-text-and-recognition):
 * the best rep of each team and the most improved rep overall, rewards that
 * are not money ("销售冠军", "月度最佳销售").
 *
 * Rules:
 * - It applies to every period kind: a month names the rep of the month, a
 *   quarter the rep of the quarter, a year the rep of the year (the review
 *   text names it after the period's kind). The field keeps the name
 *   `repOfTheMonth`, the award's usual name.
 * - Scores are compared rounded to 4 decimals, as ranks are, so reps who share
 *   rank 1 in a team are all named (a shared award, never a silent pick).
 *   Reps without a score, or with a score of 0, are not eligible: a team
 *   tied at 0 has no rep of the month. A group needs at least two scored
 *   reps, since leading nobody is no lead.
 * - Reps without a team form one group of their own (key ""), so a company
 *   without teams still has a rep of the month; its texts name the company,
 *   never a blank team.
 * - Recognition is for reps: managers (see {@link managerKeysOf}) are judged
 *   on their team's result and take no award from their own reports.
 * - Most improved: the largest increase of the score over the previous period
 *   among reps with a score in both; a fall or no change is never an
 *   improvement, nor is a rise that ends at a score of 0; equal increases go
 *   to the smallest rep key, so the answer is the same on every run.
 */
import { isPaidOnTeam, teamMembersOf } from "./manager-review-findings";
import type { RepPeriodResult } from "./results";
import type { RepKey } from "./records";

interface MostImproved {
  rep: RepKey;
  /** Score this period minus score in the previous period (> 0). */
  delta: number;
}

export interface Recognition {
  /** Team -> reps with the team's highest score, sorted by key; teams in sorted order. */
  repOfTheMonth: Record<string, RepKey[]>;
  mostImproved: MostImproved | null;
}

/** Ranks compare scores at 4 decimals (docs/sheet-formats.md#rounding); recognition follows. */
const COMPARISON_DECIMALS = 4;

/** Scored reps a team needs for a rep of the month: one rep alone leads nobody. */
const MIN_GROUP_SIZE = 2;

function comparable(score: number): number {
  const factor = 10 ** COMPARISON_DECIMALS;
  return Math.round(score * factor) / factor;
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hasScore(row: Pick<RepPeriodResult, "score">): row is { score: number } {
  return row.score !== null && Number.isFinite(row.score);
}

/**
 * The managers of a period: the reps with a team, that is reports employed
 * in the period (`managerOf` reads the Reps sheet's Manager column) or, for
 * those paid on team attainment, other members of their Team. A manager
 * without either is a rep and may be recognised.
 *
 * @example
 * managerKeysOf(rows, (rep) => repsByKey.get(rep)?.manager); // Set { "m01" }
 * managerKeysOf(rows); // only those paid on team attainment who have team-mates
 */
export function managerKeysOf(
  rows: readonly RepPeriodResult[],
  managerOf: (rep: RepKey) => RepKey | undefined = () => undefined,
): Set<RepKey> {
  // Only reps someone reports to, or paid on their team, can be managers: the rest need no team search.
  const named = new Set<RepKey>();
  for (const row of rows) {
    const manager = managerOf(row.rep);
    if (manager !== undefined && manager !== "" && manager !== row.rep) named.add(manager);
  }
  const managers = new Set<RepKey>();
  for (const row of rows) {
    if (!named.has(row.rep) && !isPaidOnTeam(row)) continue;
    if (teamMembersOf(row, rows, managerOf).length > 0) managers.add(row.rep);
  }
  return managers;
}

/**
 * Reps with a score, grouped by team; teams in sorted order.
 *
 * @example
 * scoredRepsByTeam(rows); // [["East", [row1, row3]], ["West", [row2]]]
 */
function scoredRepsByTeam(rows: RepPeriodResult[]): Array<[string, RepPeriodResult[]]> {
  const groups: Record<string, RepPeriodResult[]> = {};
  for (const row of rows) {
    if (!hasScore(row)) continue;
    if (!Object.prototype.hasOwnProperty.call(groups, row.team)) groups[row.team] = [];
    groups[row.team].push(row);
  }
  // Pushed, not mapped: an array from Array.prototype.map turns holey once V8 optimizes the mapping function, and
  // its readers would be compiled again for the second kind of array.
  const teams: Array<[string, RepPeriodResult[]]> = [];
  for (const team of Object.keys(groups).sort(byKey)) teams.push([team, groups[team]]);
  return teams;
}

/**
 * The reps of one team with its highest score (all of them when tied), sorted
 * by key; nobody when that score is 0 or less, since leading a team that
 * scored nothing is no achievement.
 *
 * @example
 * bestOfTeam([{ rep: "b", score: 1.1 }, { rep: "a", score: 1.1 }, { rep: "c", score: 0.9 }]); // ["a", "b"]
 * bestOfTeam([{ rep: "a", score: 0 }, { rep: "b", score: 0 }]); // []
 *
 * @internal Exported only for recognition.test.ts, which checks it directly; the code uses it inside this file.
 */
export function bestOfTeam(teamRows: Pick<RepPeriodResult, "rep" | "score">[]): RepKey[] {
  let best = -Infinity;
  for (const row of teamRows) {
    if (hasScore(row)) best = Math.max(best, comparable(row.score));
  }
  if (!(best > 0)) return [];
  // Pushed, not mapped: every review looks itself up in these lists (see scoredRepsByTeam).
  const reps: RepKey[] = [];
  for (const row of teamRows) if (hasScore(row) && comparable(row.score) === best) reps.push(row.rep);
  return reps.sort(byKey);
}

/**
 * The rep whose score rose most since the previous period; null when nobody's did.
 *
 * @example
 * mostImprovedRep(
 *   [{ rep: "a", score: 0.9 }, { rep: "b", score: 1.0 }],
 *   [{ rep: "a", score: 0.7 }, { rep: "b", score: 0.95 }],
 * ); // { rep: "a", delta: 0.2 } (up to binary noise)
 *
 * @internal Exported only for recognition.test.ts, which checks it directly; the code uses it inside this file.
 */
export function mostImprovedRep(
  rows: Pick<RepPeriodResult, "rep" | "score">[],
  previousRows: Pick<RepPeriodResult, "rep" | "score">[],
): MostImproved | null {
  const previousScore: Record<string, number> = {};
  for (const row of previousRows) {
    if (hasScore(row)) previousScore[row.rep] = row.score;
  }
  let winner: MostImproved | null = null;
  let winnerGain = 0;
  // One pass in the rows' order, a tie going to the smaller key: the same winner as a pass over the rows sorted by
  // key, without sorting a period's thousand rows for one name.
  for (const row of rows) {
    if (!hasScore(row) || !(comparable(row.score) > 0)) continue;
    if (!Object.prototype.hasOwnProperty.call(previousScore, row.rep)) continue;
    const before = previousScore[row.rep];
    const gain = comparable(row.score) - comparable(before);
    const shown = comparable(gain);
    const shownWinner = comparable(winnerGain);
    if (shown > shownWinner || (winner !== null && shown === shownWinner && byKey(row.rep, winner.rep) < 0)) {
      winner = { rep: row.rep, delta: row.score - before };
      winnerGain = gain;
    }
  }
  return winner;
}

/**
 * Recognition for a period: rep of the month (quarter, year) per team and the
 * most improved rep against the previous period of the same kind. Managers
 * (by default those the rows show paid on team attainment) are left out.
 *
 * @example
 * recognise(marchRows, februaryRows);
 * // { repOfTheMonth: { East: ["r01"], West: ["r07", "r09"] }, mostImproved: { rep: "r04", delta: 0.18 } }
 */
export function recognise(
  rows: RepPeriodResult[],
  previousRows: RepPeriodResult[],
  managers: ReadonlySet<RepKey> = managerKeysOf(rows),
): Recognition {
  const reps = rows.filter((row) => !managers.has(row.rep));
  const repOfTheMonth: Record<string, RepKey[]> = {};
  for (const [team, teamRows] of scoredRepsByTeam(reps)) {
    if (teamRows.length < MIN_GROUP_SIZE) continue;
    const best = bestOfTeam(teamRows);
    if (best.length > 0) repOfTheMonth[team] = best;
  }
  return { repOfTheMonth, mostImproved: mostImprovedRep(reps, previousRows) };
}

/**
 * Writes recognition into the rows' notes (the Results Notes column):
 * "rep_of_the_month" on each team's best, "most_improved" on the rep with
 * the largest score rise since the previous period.
 *
 * @example
 * applyRecognitionNotes(marchRows, februaryRows);
 * marchRows.find((r) => r.rep === "r04")!.notes; // [..., { code: "most_improved", delta: 0.18 }]
 */
export function applyRecognitionNotes(
  rows: RepPeriodResult[],
  previousRows: RepPeriodResult[],
  managers: ReadonlySet<RepKey> = managerKeysOf(rows),
): Recognition {
  const recognition = recognise(rows, previousRows, managers);
  const best = new Map<RepKey, string>();
  for (const [team, reps] of Object.entries(recognition.repOfTheMonth)) for (const rep of reps) best.set(rep, team);
  for (const row of rows) {
    const team = best.get(row.rep);
    if (team !== undefined) row.notes.push({ code: "rep_of_the_month", team });
    if (recognition.mostImproved?.rep === row.rep)
      row.notes.push({ code: "most_improved", delta: recognition.mostImproved.delta });
  }
  return recognition;
}
