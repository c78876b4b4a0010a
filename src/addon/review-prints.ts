/**
 * Which periods' reviews a run can leave as they are on the Reviews sheet.
 *
 * Generating a review is a large part of a run's compute, and most periods a
 * run recomputes (every period not final yet) did not change since the last
 * run. A review is a function of what it is made from: the period's result
 * rows (recognition notes included), the rows of up to three earlier periods
 * of the same kind (history and the previous period's recognition; their
 * own awards left out), the
 * period's plan settings, the reps (managers, start dates), the language and
 * the currency. A run records, for each period whose reviews it generated, a
 * print of those inputs together with a print of the texts generated. A
 * later run leaves a period's reviews alone when the print of its inputs now
 * and of the texts the sheet holds for its rows gives the same print: the
 * texts on the sheet are then exactly what generating them again would give.
 * A review edited on the sheet, a row deleted, a sheet replaced, or any input
 * changed makes the prints differ, and the period's reviews are generated.
 */
import { previousPeriod } from "../core/periods";
import type { Period, Rep } from "../core/records";
import type { PeriodResult, RepPeriodResult } from "../core/results";
import type { SheetTable } from "../tables/output-rows";
import { REVIEW_HEADERS } from "../tables/output-columns";
import { hashText, ValueHasher } from "./input-fingerprint";
import type { ResultIndex } from "./period-computation";
import { reviewKey, storedReview } from "./review-cells";

/** Replaced by the build with a hash of the review generator's sources (build/build.mjs). */
declare const __REVIEW_WORDING__: string | undefined;

/**
 * Part of every review print, so that reviews left alone because their
 * inputs did not change are generated again once when a release changes the
 * generator's wording. Unbuilt code (unit tests) has one fixed tag.
 */
const REVIEW_GENERATOR_VERSION = typeof __REVIEW_WORDING__ === "string" ? __REVIEW_WORDING__ : "source";

/** How many earlier periods a review reads (historyOf's depth). */
const HISTORY_DEPTH = 3;

/** Notes of the awards recognition adds to a computed period's rows (context periods are not recognised). */
const AWARD_NOTES = new Set(["rep_of_the_month", "most_improved"]);

/**
 * Leaves awards out of an earlier period's row: the same period has them
 * when the run computed it and not when it was computed only for
 * comparison, and a review reads the awards of its own period only.
 */
function withoutAwards(row: RepPeriodResult): RepPeriodResult {
  if (!row.notes.some((note) => AWARD_NOTES.has(note.code))) return row;
  return { ...row, notes: row.notes.filter((note) => !AWARD_NOTES.has(note.code)) };
}

/** A row's awards with their places among its notes: with the row without awards, the whole row. */
function awardsOf(row: RepPeriodResult): unknown[] {
  const awards: unknown[] = [];
  row.notes.forEach((note, place) => {
    if (AWARD_NOTES.has(note.code)) awards.push(place, note);
  });
  return awards;
}

/** What kind of value follows in a print's stream: every value starts with one, so two values never feed the same words. */
const ValueKind = {
  Null: 0,
  False: 1,
  True: 2,
  Number: 3,
  Text: 4,
  Undefined: 5,
  List: 6,
  Fields: 7,
} as const;

/**
 * Feeds a JSON-like value to the hasher field by field, each value tagged
 * with its kind and each list or object with its size, so a changed field
 * changes the print as a changed JSON text would, without building the text
 * (building and hashing a period's JSON was a tenth of a 1M-row run's compute).
 */
function hashValue(hasher: ValueHasher, value: unknown, names: Map<string, number>): void {
  switch (typeof value) {
    case "number":
      hasher.number(ValueKind.Number);
      hasher.number(value);
      return;
    case "string":
      hasher.number(ValueKind.Text);
      hasher.text(value);
      return;
    case "boolean":
      hasher.number(value ? ValueKind.True : ValueKind.False);
      return;
    case "undefined":
      hasher.number(ValueKind.Undefined);
      return;
  }
  if (value === null) hasher.number(ValueKind.Null);
  else if (Array.isArray(value)) {
    hasher.number(ValueKind.List);
    hasher.number(value.length);
    for (let i = 0; i < value.length; i++) hashValue(hasher, value[i], names);
  } else {
    const fields = value as Record<string, unknown>;
    hasher.number(ValueKind.Fields);
    hasher.number(fieldCount(fields));
    // for-in visits a plain object's fields in Object.keys' order, without an array of keys per object.
    for (const key in fields) {
      hashName(hasher, key, names);
      hashValue(hasher, fields[key], names);
    }
  }
}

/**
 * Feeds a field's name: its text the first time the print meets it, then
 * only its number in order of first appearance. The stream still tells any
 * two sequences of names apart (each number stands for the text fed when it
 * was given), and the few names of a result row are not hashed a character
 * at a time for each of thousands of rows.
 */
function hashName(hasher: ValueHasher, name: string, names: Map<string, number>): void {
  const known = names.get(name);
  if (known !== undefined) {
    hasher.number(known);
    return;
  }
  hasher.number(-1);
  hasher.text(name);
  names.set(name, names.size);
}

/** How many fields for-in visits: a result row's objects are plain, so Object.keys(fields).length. */
function fieldCount(fields: Record<string, unknown>): number {
  let count = 0;
  for (const _ in fields) count++;
  return count;
}

/** The print of a list of values (a period's rows), as hashText's base-36 text. */
function valuesPrint(hasher: ValueHasher, values: readonly unknown[]): string {
  hasher.start(0);
  hashValue(hasher, values, new Map());
  return hasher.finish().toString(36);
}

/** The plan settings, language and currency a period's reviews are written with (any JSON-safe value). */
export type ReviewSettingsOf = (period: Period) => unknown;

/**
 * The print of the inputs of each period's reviews (see the file comment).
 *
 * @example
 * const prints = reviewInputPrints(results, index, reps, (p) => [settingsFor(p), "en", "USD"]);
 * prints.get("2026-03"); // e.g. "1x3k9f0a2b"
 */
export function reviewInputPrints(
  results: ReadonlyMap<Period, PeriodResult>,
  index: ResultIndex,
  reps: readonly Rep[],
  settingsOf: ReviewSettingsOf,
): Map<Period, string> {
  const hasher = new ValueHasher();
  const periodPrints = new Map<Period, string>();
  const periodPrint = (period: Period): string => {
    let print = periodPrints.get(period);
    if (print === undefined) {
      const rows = index.get(period);
      print = rows ? valuesPrint(hasher, [...rows.values()].map(withoutAwards)) : "-";
      periodPrints.set(period, print);
    }
    return print;
  };
  // A period's own rows are its rows without awards (printed once, and reused when a later period reads them) plus its awards.
  const ownPrint = (period: Period): string => {
    const rows = index.get(period);
    return rows
      ? hashText(periodPrint(period) + "\u0001" + valuesPrint(hasher, [...rows.values()].map(awardsOf)))
      : "-";
  };
  const repsPrint = hashText(JSON.stringify(reps));
  const prints = new Map<Period, string>();
  for (const period of results.keys()) {
    const parts = [String(REVIEW_GENERATOR_VERSION), repsPrint, JSON.stringify(settingsOf(period)), ownPrint(period)];
    let previous = period;
    for (let i = 0; i < HISTORY_DEPTH; i++) {
      previous = previousPeriod(previous);
      parts.push(periodPrint(previous));
    }
    prints.set(period, hashText(parts.join("\u0001")));
  }
  return prints;
}

/**
 * The generated text each (Period, Rep ID) of the Reviews sheet holds, its
 * change marker left out; a key whose rows hold different texts maps to
 * null (such a period is always generated again).
 *
 * @example
 * storedReviewTexts(existing).get(reviewKey("2026-03", "R001")); // "Performance review: ..."
 */
export function storedReviewTexts(existing: SheetTable | null): Map<string, string | null> {
  const texts = new Map<string, string | null>();
  if (!existing) return texts;
  const [period, repId, generated] = [REVIEW_HEADERS.period, REVIEW_HEADERS.repId, REVIEW_HEADERS.generated].map((h) =>
    existing.header.indexOf(h),
  );
  if (period < 0 || repId < 0 || generated < 0) return texts;
  for (const row of existing.rows) {
    const key = reviewKey(row[period], row[repId]);
    const text = storedReview(row[generated]);
    const seen = texts.get(key);
    texts.set(key, seen === undefined || seen === text ? text : null);
  }
  return texts;
}

/**
 * The print of a period's reviews: the print of their inputs and of their
 * texts in the order of the period's rows (null: a text is missing).
 *
 * @example
 * reviewsPrint("1x3k9f0a2b", marchResult, (repId) => texts.get(reviewKey("2026-03", repId)));
 */
export function reviewsPrint(
  inputPrint: string,
  result: PeriodResult,
  textOf: (repId: string) => string | null | undefined,
): string | null {
  // One stream of the texts, each with its length, rather than a hash of each joined and hashed again.
  const hasher = new ValueHasher();
  hasher.start(0);
  hasher.text(inputPrint);
  for (const row of result.rows) {
    const text = textOf(row.id);
    if (text === null || text === undefined) return null;
    hasher.text(text);
  }
  return hasher.finish().toString(36);
}
