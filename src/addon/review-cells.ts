/**
 * The Reviews sheet's run-owned cells: the generated review of each rep and
 * period, and the merge that keeps people's columns and row positions.
 *
 * Rules:
 * - Existing rows keep their positions; rows for new (Period, Rep ID) keys
 *   are appended in Results order. Rows whose rep no longer has a result
 *   are kept as they are (they may hold a reply).
 * - The run writes only Period, Rep ID and Generated review (A:C).
 * - When the generated review of a row whose Acknowledged cell is set
 *   changes, the new review starts with a marker line saying so. The marker
 *   stays until the review changes again; it is ignored when comparing, so an
 *   unchanged review keeps its cell exactly as it was.
 */
import { currencyFor } from "../core/display-format";
import { lastDay } from "../core/periods";
import { a1, quoteSheetName } from "../core/a1-notation";
import type { Localized } from "../core/localized-text";
import type { Language, PlanSettings } from "../core/plan-model";
import type { Recognition } from "../core/recognition";
import { managerReviewFindings, teamMembersOf } from "../core/manager-review-findings";
import { managerReviewText } from "../core/manager-review-text";
import type { Rep, RepKey } from "../core/records";
import { isNotComputed, type RepPeriodResult } from "../core/results";
import { reviewFindings } from "../core/review-findings";
import { reviewText } from "../core/review-text";
import { REVIEW_HEADERS, REVIEW_RUN_COLUMNS } from "../tables/output-columns";
import { plainText, type CellValue } from "../tables/sheet-text";
import { notComputedNote, type SheetTable } from "../tables/output-rows";

export const CHANGED_AFTER_ACKNOWLEDGEMENT: Localized = {
  en: "⚠ Changed after acknowledgement: this review was recalculated after the rep acknowledged it.",
  zh: "⚠ 确认后有更新：销售确认之后，本评语已重新计算。",
};

/** Everything the generated review of one row needs. */
export interface ReviewContext {
  result: RepPeriodResult;
  /** The rep's earlier periods of the same kind, oldest first. */
  history: RepPeriodResult[];
  /** Every row of the period. */
  periodRows: RepPeriodResult[];
  /** The rows of the rep's team in the period (found from periodRows when not given). */
  teamRows?: RepPeriodResult[];
  /** How many reps of the period are ranked (counted from periodRows when not given). */
  rankedCount?: number;
  recognition: Recognition;
  settings: PlanSettings;
  rep: Rep | undefined;
  /** Every rep by key, for the Manager column: a rep with reports gets a manager's review. */
  reps?: ReadonlyMap<RepKey, Rep>;
  fyStart: number;
  language: Language;
  /** The spreadsheet's currency (`spreadsheetCurrency`), for a plan that sets none. */
  currency: string;
}

/**
 * The key a row's team is grouped by: trimmed and case-folded.
 *
 * @example
 * teamKey({ team: " East " }); // "east"
 */
export function teamKey(row: Pick<RepPeriodResult, "team">): string {
  return row.team.trim().toLowerCase();
}

/**
 * The rows of a period grouped by team, so each review does not search the
 * whole period for its team (a period can hold a thousand reps).
 *
 * @example
 * rowsByTeam(marchRows).get("east")?.length; // 3
 */
export function rowsByTeam(rows: readonly RepPeriodResult[]): Map<string, RepPeriodResult[]> {
  const teams = new Map<string, RepPeriodResult[]>();
  for (const row of rows) {
    const key = teamKey(row);
    const members = teams.get(key);
    if (members) members.push(row);
    else teams.set(key, [row]);
  }
  return teams;
}

const NO_MANAGER = (): undefined => undefined;
let managerLookups: WeakMap<ReadonlyMap<RepKey, Rep>, (rep: RepKey) => RepKey | undefined> | undefined;

/** One lookup function per directory, so teamMembersOf indexes a period's rows by manager once, not per review. */
function managerLookup(reps: ReadonlyMap<RepKey, Rep> | undefined): (rep: RepKey) => RepKey | undefined {
  if (!reps) return NO_MANAGER;
  managerLookups ??= new WeakMap();
  let lookup = managerLookups.get(reps);
  if (!lookup) {
    lookup = (rep) => reps.get(rep)?.manager;
    managerLookups.set(reps, lookup);
  }
  return lookup;
}

/**
 * The generated review of one rep and period: the ONE place the review
 * generator is called, so changing it is one edit.
 *
 * @example
 * reviewForRow({ result, history, periodRows, recognition: recognise(periodRows, previousRows),
 *   settings, rep, fyStart: 1, language: "en", currency: "USD" }); // "Performance review: Alice Chen (R001), March 2026 ..."
 *
 * @internal Exported only for test/reviews/fixture-managers.ts, which checks it directly; the code uses it inside this
 * file.
 */
export function reviewForRow(context: ReviewContext): string {
  const { result } = context;
  const members = teamMembersOf(result, context.periodRows, managerLookup(context.reps));
  if (members.length > 0) {
    const language = context.settings.language ?? context.language;
    const findings = managerReviewFindings({ result, members, settings: context.settings });
    return managerReviewText(findings, language, currencyFor(context.settings.currency, context.currency));
  }
  const teamRows = context.teamRows ?? teamRowsOf(result, context.periodRows);
  const start = context.rep?.start ?? null;
  const tenureDays = start === null ? null : lastDay(result.period, context.fyStart) - start + 1;
  const findings = reviewFindings({
    result,
    history: context.history,
    teamRows,
    periodRowCount: context.rankedCount ?? context.periodRows.filter((row) => row.rank !== null).length,
    recognition: context.recognition,
    settings: context.settings,
    tenureDays,
  });
  const language = context.settings.language ?? context.language;
  return reviewText(findings, language, currencyFor(context.settings.currency, context.currency));
}

function teamRowsOf(result: RepPeriodResult, periodRows: readonly RepPeriodResult[]): RepPeriodResult[] {
  const team = teamKey(result);
  return periodRows.filter((row) => teamKey(row) === team);
}

/**
 * The generated text of a stored cell, without a change marker.
 *
 * @example
 * storedReview(CHANGED_AFTER_ACKNOWLEDGEMENT.en + "\nNew text"); // "New text"
 */
export function storedReview(cell: unknown): string {
  const text = plainText(cell);
  for (const marker of Object.values(CHANGED_AFTER_ACKNOWLEDGEMENT)) {
    if (text.startsWith(marker + "\n")) return text.slice(marker.length + 1);
  }
  return text;
}

/**
 * Whether an Acknowledged cell is set: a ticked box, a date, a non-zero
 * number or any text other than "false"/"no"/"否".
 *
 * @example
 * isAcknowledged(true);   // true
 * isAcknowledged(false);  // false
 * isAcknowledged("yes");  // true
 * isAcknowledged("");     // false
 */
export function isAcknowledged(cell: unknown): boolean {
  if (cell === true) return true;
  if (cell === false || cell === null || cell === undefined || cell === "") return false;
  if (typeof cell === "number") return cell !== 0;
  if (typeof cell === "string") return !/^\s*(false|no|n|否|0)?\s*$/i.test(cell);
  return true;
}

/** A fresh generated review of a (Period, Rep ID). */
export interface FreshReview {
  period: string;
  repId: string;
  text: string;
  /** The language of `text`, which the change marker must share; the run's language when not given. */
  language?: Language;
}

/**
 * The key of a (Period, Rep ID) on the Reviews sheet: trimmed, the ID case-folded.
 *
 * @example
 * reviewKey(" 2026-03", "R001") === reviewKey("2026-03", "r001 "); // true
 */
export function reviewKey(period: unknown, repId: unknown): string {
  return plainText(period).trim() + "\u0001" + plainText(repId).trim().toLowerCase();
}

/**
 * The run's columns (A:C) of the Reviews sheet after a run, header first:
 * existing rows in place (their generated review updated when it changed),
 * new rows appended. `existing` must hold every row, blank ones included
 * (see `tableOf(values, { keepBlankRows: true })`), so positions hold.
 *
 * @example
 * mergeReviews(existing, [{ period: "2026-03", repId: "r1", text: "..." }], "en").length; // header + rows
 */
export function mergeReviews(
  existing: SheetTable | null,
  fresh: readonly FreshReview[],
  language: Language,
): CellValue[][] {
  const header: CellValue[] = [REVIEW_HEADERS.period, REVIEW_HEADERS.repId, REVIEW_HEADERS.generated];
  // Each fresh review's key is made once: twenty thousand reviews a run are looked up and then appended by it.
  const freshKeys: string[] = [];
  const byKey = new Map<string, FreshReview>();
  for (const review of fresh) {
    const key = reviewKey(review.period, review.repId);
    freshKeys.push(key);
    byKey.set(key, review);
  }
  const out: CellValue[][] = [header];
  const present = new Set<string>();
  if (existing) {
    const col = (name: string) => existing.header.indexOf(name);
    const [period, repId, generated, acknowledged] = [
      col(REVIEW_HEADERS.period),
      col(REVIEW_HEADERS.repId),
      col(REVIEW_HEADERS.generated),
      col(REVIEW_HEADERS.acknowledged),
    ];
    for (const row of existing.rows) {
      const cells = [row[period], row[repId], row[generated]].map((cell) =>
        cell === null || cell === undefined ? "" : (cell as CellValue),
      );
      const key = reviewKey(cells[0], cells[1]);
      present.add(key);
      const review = byKey.get(key);
      if (review && storedReview(cells[2]) !== review.text) {
        cells[2] =
          acknowledged >= 0 && isAcknowledged(row[acknowledged])
            ? CHANGED_AFTER_ACKNOWLEDGEMENT[review.language ?? language] + "\n" + review.text
            : review.text;
      }
      out.push(cells.slice(0, REVIEW_RUN_COLUMNS));
    }
  }
  for (let i = 0; i < fresh.length; i++) {
    const review = fresh[i];
    const key = freshKeys[i];
    if (present.has(key)) continue;
    present.add(key);
    out.push([review.period, review.repId, review.text]);
  }
  return out;
}

/**
 * The Run log lines of a restatement's changes to the generated reviews of
 * `periods`: `Reviews!C7: generated review changed (2026-02 R0001)`, or
 * `added` for a row the run appended. `after` is the run's Reviews columns
 * as written, header first (see `mergeReviews`); the text itself is not
 * logged, only which cell changed.
 *
 * @example
 * reviewChanges("Reviews", existing, merged, new Set(["2026-02"]));
 * // ["Reviews!C7: generated review changed (2026-02 R0001)"]
 */
export function reviewChanges(
  sheet: string,
  before: SheetTable | null,
  after: readonly CellValue[][],
  periods: ReadonlySet<string>,
): string[] {
  const old = new Map<string, string>();
  if (before) {
    const [period, repId, generated] = [REVIEW_HEADERS.period, REVIEW_HEADERS.repId, REVIEW_HEADERS.generated].map(
      (h) => before.header.indexOf(h),
    );
    if (period >= 0 && repId >= 0 && generated >= 0) {
      for (const row of before.rows) old.set(reviewKey(row[period], row[repId]), storedReview(row[generated]));
    }
  }
  const lines: string[] = [];
  after.forEach((row, index) => {
    if (index === 0 || !periods.has(plainText(row[0]).trim())) return;
    const was = old.get(reviewKey(row[0], row[1]));
    const cell = quoteSheetName(sheet) + "!" + a1(index + 1, 3);
    const who = " (" + plainText(row[0]).trim() + " " + plainText(row[1]).trim() + ")";
    if (was === undefined) lines.push(cell + ": generated review added" + who);
    else if (was !== storedReview(row[2])) lines.push(cell + ": generated review changed" + who);
  });
  return lines;
}

const REVIEW_NOT_GENERATED: Localized = {
  en: "Review not generated: internal error; see Run log",
  zh: "评语未生成：内部错误，详见运行日志",
};

/**
 * The short note a review cell holds when its review could not be generated.
 *
 * @example
 * reviewFailureNote("en"); // "Review not generated: internal error; see Run log"
 */
export function reviewFailureNote(language: Language): string {
  return REVIEW_NOT_GENERATED[language];
}

/** A generated review, or the short note its cell holds when it could not be made. */
export interface SafeReview {
  text: string;
  /** The name of what was thrown while generating it; null when it was generated. */
  error: string | null;
}

/**
 * The review of one row, isolated: a row that was not computed gets its
 * note, and a review that throws (a bug of ours) gets a short note and the
 * error's name, so one review never stops the others.
 *
 * @example
 * safeReviewForRow(context).text; // the review, or "Review not generated: internal error; see Run log"
 */
export function safeReviewForRow(context: ReviewContext): SafeReview {
  const language = context.settings.language ?? context.language;
  // A row without figures has nothing to review; one whose pay alone failed still has its score to talk about.
  if (isNotComputed(context.result) && context.result.metrics.length === 0)
    return { text: notComputedNote(language), error: null };
  try {
    return { text: reviewForRow(context), error: null };
  } catch (error) {
    const name =
      error !== null && typeof error === "object" && "name" in error
        ? String((error as { name: unknown }).name).slice(0, 40)
        : "Error";
    return { text: reviewFailureNote(language), error: name };
  }
}
