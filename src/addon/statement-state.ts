/**
 * What the add-on keeps about private statements, in its own developer
 * metadata (PROJECT visibility, like the rest of its state):
 * - the work left (the `statements` state entry): whether a share or a
 *   refresh is under way, the rep it continues after, and its progress;
 * - the index: for each rep, their statement's spreadsheet ID and a hash of
 *   the email it is shared with. 200 IDs do not fit one metadata value
 *   (7,500 characters here), so the index is split over a few entries of
 *   one key, each written only when it changes.
 */
import * as z from "zod/mini";
import { hashText } from "./input-fingerprint";
import { METADATA_MAX_CHARS } from "./platform-limits";
import { parseStored, type SpreadsheetState, writeStateEntry } from "./spreadsheet-state";

// Built on first use (z.lazy): most executions, each custom-function cell among them,
// never check this, and building zod schemas was most of the script's work at load.
const WorkSchema = z.lazy(() =>
  z.object({
    /** "share": every rep with an Email (statements created or refreshed); "refresh": existing statements; null: none. */
    kind: z._default(z.nullable(z.enum(["share", "refresh"])), null),
    /** Key of the last rep done ("" = start from the first rep). */
    after: z._default(z.string(), ""),
    /** A refresh asked while this work was under way: done again from the first rep once it ends. */
    again: z._default(z.boolean(), false),
    /** Statements done and to do in the work under way. */
    done: z._default(z.int(), 0),
    total: z._default(z.int(), 0),
    /** When the last work ended (epoch ms), and how many statements it left shared. */
    finished: z._default(z.nullable(z.number()), null),
    shared: z._default(z.int(), 0),
  }),
);
export type StatementWork = z.infer<typeof WorkSchema>;

/**
 * The statement work stored in the state (none when there is no entry).
 *
 * @example
 * statementWorkOf(readSpreadsheetState(ss)).kind; // null when nothing is left
 */
export function statementWorkOf(state: SpreadsheetState): StatementWork {
  return (
    parseStored(WorkSchema, state.statements.value) ?? {
      kind: null,
      after: "",
      again: false,
      done: 0,
      total: 0,
      finished: null,
      shared: 0,
    }
  );
}

/**
 * Whether statement work is left for a later run (read from the state
 * already read: no service call).
 *
 * @example
 * statementsPending(state); // true while a share of 200 statements is under way
 */
export function statementsPending(state: SpreadsheetState): boolean {
  return state.statements.value !== null && statementWorkOf(state).kind !== null;
}

/**
 * Stores the statement work.
 *
 * @example
 * saveStatementWork(ss, state, { ...work, after: "r0042", done: 42 });
 */
export function saveStatementWork(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  work: StatementWork,
): void {
  writeStateEntry(ss, state, "statements", work);
}

// ---------------------------------------------------------------- the index

const INDEX_KEY = "salesScorecard.statementIndex";

/** Characters of one index entry's value, well under the state's per-value size. */
const CHUNK_CHARS = Math.floor(METADATA_MAX_CHARS / 4) - 500;

/** One rep's statement: the spreadsheet's ID and a hash of the email it is shared with. */
interface StatementEntry {
  id: string;
  email: string;
}

/** The index as read: entries by rep key, and the metadata that holds them (to write back in place). */
export interface StatementIndex {
  entries: Map<string, StatementEntry>;
  /** The entries holding the index; metadata null for one this execution added (looked up if written again). */
  chunks: { metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null; value: string }[];
}

/**
 * A hash of an email (the index keeps no address).
 *
 * @example
 * emailPrint(" Ann@Example.com") === emailPrint("ann@example.com"); // true
 */
export function emailPrint(email: string): string {
  return hashText(email.trim().toLowerCase());
}

/**
 * Reads the statement index: one find and one read per entry (a few).
 *
 * @example
 * readStatementIndex(ss).entries.get("r0001")?.id;
 */
export function readStatementIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): StatementIndex {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(INDEX_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET)
    .find();
  const index: StatementIndex = { entries: new Map(), chunks: [] };
  for (const metadata of found) {
    const value = metadata.getValue() ?? "";
    index.chunks.push({ metadata, value });
    for (const [rep, id, email] of parseChunk(value)) index.entries.set(rep, { id, email });
  }
  return index;
}

function parseChunk(value: string): [string, string, string][] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is [string, string, string] =>
        Array.isArray(e) && e.length === 3 && e.every((part) => typeof part === "string"),
    );
  } catch {
    return [];
  }
}

/**
 * The index entries as values of at most CHUNK_CHARS characters each, reps in order.
 *
 * @example
 * indexChunks(new Map([["r1", { id: "1abc", email: "x9" }]])); // ['[["r1","1abc","x9"]]']
 */
function indexChunks(entries: ReadonlyMap<string, StatementEntry>): string[] {
  const chunks: string[] = [];
  let part: string[] = [];
  let size = 2;
  for (const [rep, entry] of entries) {
    const item = JSON.stringify([rep, entry.id, entry.email]);
    if (part.length > 0 && size + item.length + 1 > CHUNK_CHARS) {
      chunks.push("[" + part.join(",") + "]");
      part = [];
      size = 2;
    }
    part.push(item);
    size += item.length + 1;
  }
  if (part.length > 0) chunks.push("[" + part.join(",") + "]");
  return chunks;
}

/**
 * Writes the index back: each entry whose value changed (in place), new
 * entries added, entries no longer needed removed. Usually one call.
 *
 * @example
 * index.entries.set("r0001", { id, email: emailPrint(email) });
 * saveStatementIndex(ss, index);
 */
export function saveStatementIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, index: StatementIndex): void {
  const values = indexChunks(index.entries);
  values.forEach((value, i) => {
    const chunk = index.chunks[i];
    if (chunk && chunk.value === value) return;
    if (!chunk) {
      ss.addDeveloperMetadata(INDEX_KEY, value, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
      index.chunks.push({ metadata: null, value });
      return;
    }
    chunk.metadata = chunk.metadata ?? findChunk(ss, chunk.value);
    chunk.metadata?.setValue(value);
    chunk.value = value;
  });
  for (const chunk of index.chunks.splice(values.length)) (chunk.metadata ?? findChunk(ss, chunk.value))?.remove();
}

/** The metadata object of an entry this execution added (the add answers the spreadsheet, not the entry). */
function findChunk(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  value: string,
): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(INDEX_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET)
    .find();
  return found.find((metadata) => metadata.getValue() === value) ?? null;
}
