/**
 * What one rep's private statement holds, made from the team's output
 * sheets (pure: values in, values out): the rep's Results rows and Payouts
 * lines as the team's sheets show them, and the reviews of final periods
 * (the manager's review when there is one, else the generated review), each
 * with a reply cell.
 *
 * Reply rules (see the README, Private statements):
 * - a statement's review rows keep their positions, keyed by period; a new
 *   period's row is appended, its reply cell seeded from Reviews' Rep reply;
 * - a refresh never writes a reply cell that exists;
 * - a non-blank reply that differs from Reviews' Rep reply is copied there;
 *   a blank one changes nothing, so no reply is ever lost.
 */
import { plainText } from "../tables/sheet-text";
import { REVIEW_HEADERS } from "../tables/output-columns";

/** The team's output sheets a statement is made from (header row first; null when a sheet is missing). */
export interface TeamSheets {
  /** Results as shown (display values). */
  results: string[][] | null;
  /** Payouts as shown (display values). */
  payouts: string[][] | null;
  /** Reviews' values (the rep's reply is written back there). */
  reviews: unknown[][] | null;
}

/** One review of a statement: its period, the text the rep reads, and the reply Reviews holds for it. */
export interface StatementReview {
  period: string;
  text: string;
  /** Reviews' Rep reply ("" when none). */
  teamReply: string;
}

/** One rep's statement contents. */
export interface StatementContent {
  /** Results' header and the rep's rows. */
  results: string[][];
  /** Payouts' header and the rep's lines. */
  payouts: string[][];
  reviews: StatementReview[];
}

/** Where each rep's rows are on the team's sheets, found once per batch. */
export interface TeamIndex {
  results: Map<string, number[]>;
  payouts: Map<string, number[]>;
  /** Reviews rows by rep, and the columns of the Reviews sheet. */
  reviews: Map<string, number[]>;
  reviewColumns: { period: number; generated: number; manager: number; reply: number };
}

/**
 * The key a Rep ID is matched by: trimmed and case-folded (as Reviews rows are keyed).
 *
 * @example
 * repKeyOf(" R0001 ") === repKeyOf("r0001"); // true
 */
function repKeyOf(repId: unknown): string {
  return plainText(repId).trim().toLowerCase();
}

function rowsByRep(values: readonly (readonly unknown[])[] | null): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  if (!values || values.length === 0) return rows;
  const column = values[0].map((h) => plainText(h).trim()).indexOf(REVIEW_HEADERS.repId);
  if (column < 0) return rows;
  for (let r = 1; r < values.length; r++) {
    const key = repKeyOf(values[r][column]);
    if (key === "") continue;
    const list = rows.get(key);
    if (list) list.push(r);
    else rows.set(key, [r]);
  }
  return rows;
}

/**
 * Indexes the team's sheets by rep, once for a whole batch of statements.
 *
 * @example
 * indexTeamSheets({ results, payouts, reviews }).results.get("r0001"); // [1, 5, 9]
 */
export function indexTeamSheets(team: TeamSheets): TeamIndex {
  const header = (team.reviews?.[0] ?? []).map((h) => plainText(h).trim());
  return {
    results: rowsByRep(team.results),
    payouts: rowsByRep(team.payouts),
    reviews: rowsByRep(team.reviews),
    reviewColumns: {
      period: header.indexOf(REVIEW_HEADERS.period),
      generated: header.indexOf(REVIEW_HEADERS.generated),
      manager: header.indexOf(REVIEW_HEADERS.manager),
      reply: header.indexOf(REVIEW_HEADERS.reply),
    },
  };
}

function pick(values: string[][] | null, rows: readonly number[] | undefined): string[][] {
  if (!values || values.length === 0) return [];
  return [values[0], ...(rows ?? []).map((r) => values[r])];
}

/**
 * One rep's statement: their Results rows and Payouts lines under the team
 * sheets' headers, and the reviews of the final periods, oldest row first.
 *
 * @example
 * statementContent(team, indexTeamSheets(team), "r0001", new Set(["2026-03"])).reviews[0].period; // "2026-03"
 */
export function statementContent(
  team: TeamSheets,
  index: TeamIndex,
  repKey: string,
  finalPeriods: ReadonlySet<string>,
): StatementContent {
  const reviews: StatementReview[] = [];
  const { period, generated, manager, reply } = index.reviewColumns;
  if (team.reviews && period >= 0 && generated >= 0) {
    for (const r of index.reviews.get(repKey) ?? []) {
      const row = team.reviews[r];
      const when = plainText(row[period]).trim();
      if (!finalPeriods.has(when)) continue;
      const edited = manager >= 0 ? plainText(row[manager]).trim() : "";
      reviews.push({
        period: when,
        text: edited !== "" ? plainText(row[manager]) : plainText(row[generated]),
        teamReply: reply >= 0 ? plainText(row[reply]) : "",
      });
    }
  }
  return {
    results: pick(team.results, index.results.get(repKey)),
    payouts: pick(team.payouts, index.payouts.get(repKey)),
    reviews,
  };
}

/** A review row already on a statement: its period and what its reply cell holds. */
export interface StatementReplyRow {
  period: string;
  reply: string;
}

/** A statement's review rows after a refresh. */
export interface MergedStatementReviews {
  /** Period and review text of every row, in place (rows no longer reviewed keep their text). */
  rows: [string, string][];
  /** Reply cells of the rows appended (after `existing`), seeded from Reviews. */
  seeds: string[];
}

/**
 * Merges a statement's review rows with the fresh reviews: existing rows
 * stay where they are, their text updated; new periods are appended with
 * Reviews' reply as their seed. Reply cells that exist are not part of the
 * result: a refresh never writes them.
 *
 * @example
 * mergeStatementReviews(
 *   [{ period: "2026-02", reply: "ok" }],
 *   [{ period: "2026-02", text: "B", teamReply: "" }, { period: "2026-03", text: "C", teamReply: "" }],
 *   ["2026-02", "old B"],
 * );
 * // { rows: [["2026-02", "B"], ["2026-03", "C"]], seeds: [""] }
 */
export function mergeStatementReviews(
  existing: readonly StatementReplyRow[],
  fresh: readonly StatementReview[],
  existingTexts: readonly string[] = [],
): MergedStatementReviews {
  const byPeriod = new Map(fresh.map((review) => [review.period, review]));
  const rows: [string, string][] = existing.map((row, i) => [
    row.period,
    byPeriod.get(row.period)?.text ?? existingTexts[i] ?? "",
  ]);
  const present = new Set(existing.map((row) => row.period));
  const seeds: string[] = [];
  for (const review of fresh) {
    if (present.has(review.period)) continue;
    present.add(review.period);
    rows.push([review.period, review.text]);
    seeds.push(review.teamReply);
  }
  return { rows, seeds };
}

/** A reply to copy into Reviews: the 0-based row of the Reviews values and the text. */
export interface ReplyUpdate {
  row: number;
  reply: string;
}

/**
 * The replies a statement holds that Reviews does not: non-blank replies
 * that differ from the Rep reply of the same period and rep. Blank replies
 * change nothing.
 *
 * @example
 * replyUpdates([{ period: "2026-03", reply: "Agreed" }], team, index, "r0001"); // [{ row: 4, reply: "Agreed" }]
 */
export function replyUpdates(
  rows: readonly StatementReplyRow[],
  team: TeamSheets,
  index: TeamIndex,
  repKey: string,
): ReplyUpdate[] {
  const { period, reply } = index.reviewColumns;
  if (!team.reviews || period < 0 || reply < 0) return [];
  const rowOf = new Map<string, number>();
  for (const r of index.reviews.get(repKey) ?? []) rowOf.set(plainText(team.reviews[r][period]).trim(), r);
  const updates: ReplyUpdate[] = [];
  for (const row of rows) {
    if (row.reply.trim() === "") continue;
    const r = rowOf.get(row.period.trim());
    if (r === undefined || plainText(team.reviews[r][reply]) === row.reply) continue;
    updates.push({ row: r, reply: row.reply });
  }
  return updates;
}
