/**
 * Reading the Status column of Sales: a CRM's stage word (`Closed Won`,
 * `Negotiation`, `赢单`) becomes won, lost or open, by the built-in words of
 * stage-words.ts and the manager's own words from the settings (which win).
 * A blank Status means won, as it always has; any other word not known
 * means the deal is still open. Every word seen is tallied so a run can say
 * how it read each one, and a wrong guess is visible.
 */
import type { SaleStatus } from "../core/records";
import { normalizeHeader } from "./header-matching";
import { STAGE_WORDS } from "./stage-words";
import { cellFailure, displayValue, isErrorValue, MAX_TEXT_LENGTH, type CellFailure } from "./cell-values";

/** Normalised stage word to its status, and whether the word came from the settings. */
export type StageDictionary = ReadonlyMap<string, { status: SaleStatus; own: boolean }>;

/** A Status cell as read: the status, and the word as written (blank for a blank cell). */
export interface StageStatus {
  status: SaleStatus;
  /** The word as the sheet writes it, trimmed; "" for a blank cell. */
  word: string;
  /** How the word was known: built in, the manager's own, or not at all (so open). */
  known: "built-in" | "own" | "unknown" | "blank";
  /** The word as compared (normalised), so tallying a million rows normalises each word once. */
  key: string;
}

/** Every distinct stage word seen, by its normalised form. */
export type StageTally = Map<string, { word: string; status: SaleStatus; rows: number; known: StageStatus["known"] }>;

/** Our own Status values, which need no report when they are all a sheet uses. */
const OWN_VALUES = new Set(["won", "lost", "open", "赢单", "输单", "进行中"]);

/**
 * The stage words a run reads Status with: the built-in ones, then the
 * manager's own (settings) over them.
 *
 * @example
 * const stages = stageDictionary({ Signed: "won" });
 * stages.get("closedwon"); // { status: "won", own: false }
 * stages.get("signed");    // { status: "won", own: true }
 */
export function stageDictionary(own: Readonly<Record<string, SaleStatus>> = {}): StageDictionary {
  const dictionary = new Map<string, { status: SaleStatus; own: boolean }>();
  for (const group of STAGE_WORDS) {
    for (const status of ["won", "lost", "open"] as const) {
      for (const word of group[status]) {
        const key = normalizeStage(word);
        if (!dictionary.has(key)) dictionary.set(key, { status, own: false });
      }
    }
  }
  for (const [word, status] of Object.entries(own)) dictionary.set(normalizeStage(word), { status, own: true });
  return dictionary;
}

/**
 * A stage word reduced to what is compared: case, spaces, `_` and `-` ignored.
 *
 * @example
 * normalizeStage(" Closed_Won "); // "closedwon"
 */
export function normalizeStage(word: string): string {
  return normalizeHeader(word);
}

const BLANK: StageStatus = { status: "won", word: "", known: "blank", key: "" };

/**
 * Reads a Status cell: blank is won; a known word its status; any other word
 * open (an unknown stage is a deal still being worked). A checkbox, a number,
 * a date, an error value or a pasted page of text is no stage word: a failure.
 *
 * @example
 * statusOf("Closed Lost", stageDictionary()); // { status: "lost", word: "Closed Lost", known: "built-in", key: "closedlost" }
 * statusOf("Demo booked", stageDictionary()); // { status: "open", word: "Demo booked", known: "unknown", key: "demobooked" }
 * statusOf("", stageDictionary());            // { status: "won", word: "", known: "blank", key: "" }
 */
export function statusOf(value: unknown, stages: StageDictionary): StageStatus | CellFailure {
  if (value === "" || value === null || value === undefined) return BLANK;
  // A checkbox, a number or a date is no stage: something was pasted into the wrong column.
  if (typeof value !== "string") return cellFailure("not_a_stage", { value: displayValue(value) });
  const word = value.trim();
  if (word === "") return BLANK;
  if (isErrorValue(word)) return cellFailure("error_value", { value: word });
  if (word.length > MAX_TEXT_LENGTH) return cellFailure("text_too_long", { length: word.length, max: MAX_TEXT_LENGTH });
  const key = normalizeStage(word);
  const found = stages.get(key);
  if (found) return { status: found.status, word, known: found.own ? "own" : "built-in", key };
  return { status: "open", word, known: "unknown", key };
}

/**
 * A Status reader that remembers each distinct cell text: a million rows hold
 * a handful of stage words, and one object per row would be garbage.
 *
 * @example
 * const read = statusReader(stageDictionary());
 * read("Closed Won") === read("Closed Won"); // true (the same object)
 */
export function statusReader(stages: StageDictionary, limit = 10_000): (value: unknown) => StageStatus | CellFailure {
  const seen = new Map<string, StageStatus | CellFailure>();
  return (value) => {
    if (typeof value !== "string") return statusOf(value, stages);
    const known = seen.get(value);
    if (known !== undefined) return known;
    const status = statusOf(value, stages);
    if (seen.size < limit) seen.set(value, status);
    return status;
  };
}

/**
 * Counts a row's stage word.
 *
 * @example
 * const tally: StageTally = new Map();
 * tallyStage(tally, statusOf("Won", stageDictionary()));
 * tally.get("won"); // { word: "Won", status: "won", rows: 1, known: "built-in" }
 */
export function tallyStage(tally: StageTally, stage: StageStatus): void {
  if (stage.known === "blank") return;
  const key = stage.key;
  const seen = tally.get(key);
  if (seen) seen.rows += 1;
  else tally.set(key, { word: stage.word, status: stage.status, rows: 1, known: stage.known });
}

/**
 * Whether a tally holds any word a manager should see how it was read: one
 * that is not one of our own Status values.
 *
 * @example
 * worthReporting(tallyOf(["won", "lost"]));        // false
 * worthReporting(tallyOf(["Closed Won", "Demo"])); // true
 */
export function worthReporting(tally: StageTally): boolean {
  for (const entry of tally.values()) if (!OWN_VALUES.has(entry.word.toLowerCase())) return true;
  return false;
}
