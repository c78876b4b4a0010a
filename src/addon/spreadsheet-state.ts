/**
 * Where the add-on keeps its state: developer metadata on the spreadsheet.
 *
 * Why there: an add-on's time-driven trigger runs with no active spreadsheet,
 * no document lock and no document properties, and script properties are
 * shared by every document and user of the add-on. Metadata on the
 * spreadsheet travels with it, is reachable wherever the spreadsheet is
 * opened by ID, and is invisible to other scripts (PROJECT visibility).
 *
 * Five small JSON entries, each written by one kind of action so concurrent
 * writers never overwrite each other's fields:
 * - settings: sheet names, language, start period, schedule day and hour;
 * - run: final periods with their input fingerprints, the checkpoint, the
 *   start month and fiscal year start of the last run, final periods whose
 *   inputs changed;
 * - schedule: owner key (no email), trigger ID, install time, heartbeat;
 * - lease: the run that holds the spreadsheet, until when;
 * - statements: the private statements' work left (statement-state.ts).
 * Output sheets carry a sheet-level marker entry naming their role.
 */
import * as z from "zod/mini";
import { METADATA_MAX_CHARS } from "./platform-limits";

const STATE_KEYS = {
  settings: "salesScorecard.settings",
  run: "salesScorecard.run",
  schedule: "salesScorecard.schedule",
  lease: "salesScorecard.lease",
  statements: "salesScorecard.statements",
} as const;

export type StateKey = keyof typeof STATE_KEYS;

/** Sheet-level key marking an output sheet as the add-on's own; its value is the sheet's role. */
export const OUTPUT_MARKER_KEY = "salesScorecard.output";

/** One state entry: the metadata object when it exists (to update it in place) and its raw value. */
export interface StateEntry {
  metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null;
  value: string | null;
  /** Set once this execution created the entry (its object is then looked up if written again). */
  added?: boolean;
}

export type SpreadsheetState = Record<StateKey, StateEntry>;

// ---------------------------------------------------------------- shapes

// Each schema is built on first use (z.lazy): most executions, every custom-function cell among them, never
// read the state, and building zod schemas was most of the script's own work at load.
const periodText = z.lazy(() => z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/)));

const CycleSchema = z.lazy(() =>
  z.object({
    periods: z.array(periodText),
    /** Steps written for these periods (output roles, "chart"). */
    done: z.array(z.string()),
    inputs: z.string(),
    /** Periods after this work, computed once it is complete. */
    later: z._default(z.array(periodText), []),
    /** Final periods being restated by this work. */
    restate: z._default(z.array(periodText), []),
    /** The Dashboard chart this work wants (a signature; "" for none), once its Dashboard step is done. */
    chart: z._default(z.string(), ""),
  }),
);

const OutputRecordSchema = z.lazy(() =>
  z.object({
    /** Sheet ID of the sheet the add-on marked as its own (a sheet found by name with this ID needs no marker read; -1: not known yet). */
    id: z.number(),
    /** Cells of the last block written (to predict the next read and write). */
    cells: z._default(z.number(), 0),
    /**
     * Service calls of the last block's write with a number format per column
     * range, its set-up included (to predict the next write; absent: unknown).
     */
    calls: z.optional(z.number()),
    /**
     * Cells a run reads of the sheet when it reads only the rows below those of final periods (see
     * inspectOutputSheet's `below`): the header, the Period column and the last block's rows from its first row of
     * a period that run recomputed (absent: unknown, the sheet is read whole).
     */
    tail: z.optional(z.number()),
    /** Language of the header notes last written ("" = unknown: write them). */
    notes: z._default(z.string(), ""),
    /** The Dashboard chart on the sheet, as a signature ("" = none known). */
    chart: z._default(z.string(), ""),
  }),
);

const RunStateSchema = z.lazy(() =>
  z.object({
    /** Final periods and the fingerprint of their inputs when they became final. */
    final: z._default(z.record(z.string(), z.string()), {}),
    /** Periods a checkpointed run has not computed yet, in order; null = none. */
    pending: z._default(z.nullable(z.array(periodText)), null),
    /** The start month the last run used (so an idle firing need not read Sales). */
    start: z._default(z.nullable(periodText), null),
    /** Fiscal year start month of the last run's plan. */
    fy: z._default(z.int().check(z.gte(1), z.lte(12)), 1),
    /** Final periods whose inputs have changed since (reported, not applied). */
    changed: z._default(z.array(z.string()), []),
    /** When the last run that did work ended (epoch ms). */
    lastRun: z._default(z.nullable(z.number()), null),
    /**
     * Work a firing left part-written: the periods it computes, the output
     * steps already written for them, and a fingerprint of the inputs they
     * were computed from (when the inputs change, the work starts over).
     */
    cycle: z.optional(z.nullable(CycleSchema)),
    /**
     * Periods not final yet whose reviews a run generated, with the print of
     * what they were made from and of their texts (see review-prints.ts): a
     * later run whose print is the same leaves their reviews as they are.
     */
    reviews: z.optional(z.record(z.string(), z.string())),
    /** What the runs know of their own output sheets, by role (saves service calls; the sheets stay the truth). */
    sheets: z.optional(z.record(z.string(), OutputRecordSchema)),
    /** Due periods the last run found awaiting approval (approval.ts): an idle firing does not run for them. */
    awaiting: z.optional(z.array(periodText)),
  }),
);
export type RunState = z.infer<typeof RunStateSchema>;
export type Cycle = z.infer<typeof CycleSchema>;
export type OutputRecord = z.infer<typeof OutputRecordSchema>;

export const ScheduleRecordSchema = z.lazy(() =>
  z.object({
    /** Session.getTemporaryActiveUserKey() of the editor whose trigger runs the schedule. */
    owner: z.string(),
    /** Unique ID of the owner's trigger. */
    trigger: z.string(),
    installed: z.number(),
    /** When the trigger last fired (epoch ms); null before its first firing. */
    beat: z._default(z.nullable(z.number()), null),
  }),
);
export type ScheduleRecord = z.infer<typeof ScheduleRecordSchema>;

export const LeaseSchema = z.lazy(() =>
  z.object({
    run: z.string(),
    /** Epoch ms after which the lease is void (its run was killed). */
    until: z.number(),
    /** Periods a restatement is recomputing: a later run completes them if this one is killed. */
    restate: z._default(z.array(periodText), []),
  }),
);
export type Lease = z.infer<typeof LeaseSchema>;

/**
 * Parses a stored JSON value with a schema; a missing, broken or foreign
 * value gives the schema's defaults from `{}` (or null when it has none).
 *
 * @example
 * parseStored(RunStateSchema, '{"final":{"2026-01":"abc"}}').final; // { "2026-01": "abc" }
 * parseStored(RunStateSchema, "not json").final;                      // {}
 */
export function parseStored<T>(schema: z.ZodMiniType<T>, value: string | null): T | null {
  if (value !== null) {
    try {
      const parsed = schema.safeParse(JSON.parse(value));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through to the defaults
    }
  }
  const defaults = schema.safeParse({});
  return defaults.success ? defaults.data : null;
}

/**
 * The run state stored in a state entry (defaults when there is none).
 *
 * @example
 * runStateOf({ metadata: null, value: null }).final; // {}
 */
export function runStateOf(entry: StateEntry): RunState {
  return (
    parseStored(RunStateSchema, entry.value) ?? {
      final: {},
      pending: null,
      start: null,
      fy: 1,
      changed: [],
      lastRun: null,
    }
  );
}

/**
 * JSON of a state value, checked against the metadata size limit.
 *
 * @example
 * stateJson({ a: 1 }); // '{"a":1}'
 */
function stateJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length > METADATA_MAX_CHARS / 4) throw new Error("state value too large: " + json.length + " characters");
  return json;
}

// ---------------------------------------------------------------- adapter

/**
 * Reads the four state entries of a spreadsheet: one metadata listing, then
 * the key (and the value of the entries that are ours) of each entry. A
 * second read in the same execution (the schedule's firing reads the state,
 * then the guard reads it again inside the lock) re-reads only the lease
 * and the run state, through the entries the first read found: two calls
 * instead of a listing and two per entry. The settings and the schedule
 * are kept as first read, seconds before (settings saved in between are
 * used from the next run on).
 *
 * @example
 * const state = readSpreadsheetState(SpreadsheetApp.getActiveSpreadsheet());
 * runStateOf(state.run).final;
 */
export function readSpreadsheetState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetState {
  const again = lastRead && lastRead.ss === ss ? rereadValues(lastRead.state) : null;
  const state = again ?? listState(ss);
  lastRead = { ss, state };
  return state;
}

/** The state read last in this execution, whose entries a second read reuses. */
let lastRead: { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; state: SpreadsheetState } | null = null;

function listState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetState {
  const state: SpreadsheetState = {
    settings: { metadata: null, value: null },
    run: { metadata: null, value: null },
    schedule: { metadata: null, value: null },
    lease: { metadata: null, value: null },
    statements: { metadata: null, value: null },
  };
  const byKey = new Map<string, StateKey>(Object.entries(STATE_KEYS).map(([name, key]) => [key, name as StateKey]));
  for (const metadata of ss.getDeveloperMetadata()) {
    const name = byKey.get(metadata.getKey());
    if (name === undefined || state[name].metadata !== null) continue;
    state[name] = { metadata, value: metadata.getValue() };
  }
  return state;
}

/** The values of entries already found, read anew; null when a fresh listing is needed. */
function rereadValues(previous: SpreadsheetState): SpreadsheetState | null {
  // Without a lease entry another run may have created one since: list again.
  if (!previous.lease.metadata || !previous.run.metadata) return null;
  // An entry this execution created is not in the listing it kept.
  if (Object.values(previous).some((entry) => entry.metadata === null && entry.value !== null)) return null;
  const state = {} as SpreadsheetState;
  try {
    for (const key of Object.keys(STATE_KEYS) as StateKey[]) {
      const metadata = previous[key].metadata;
      const fresh = key === "lease" || key === "run";
      state[key] = { metadata, value: metadata && fresh ? metadata.getValue() : previous[key].value };
    }
  } catch {
    return null; // an entry was removed
  }
  return state;
}

/**
 * Writes one state entry: in place when it exists, else as new metadata on
 * the spreadsheet (PROJECT visibility: only this add-on sees it).
 *
 * @example
 * writeStateEntry(ss, state, "run", { final: {}, pending: null });
 */
export function writeStateEntry(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: SpreadsheetState,
  key: StateKey,
  value: unknown,
): void {
  const json = stateJson(value);
  const entry = state[key];
  if (!entry.metadata && entry.added) entry.metadata = findStateMetadata(ss, key);
  if (entry.metadata) {
    entry.metadata.setValue(json);
  } else {
    ss.addDeveloperMetadata(STATE_KEYS[key], json, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    entry.added = true;
  }
  entry.value = json;
}

/**
 * The metadata object of a state entry, looked up by key (used only after
 * the entry was created in this execution and must be written again).
 *
 * @example
 * findStateMetadata(ss, "lease")?.getValue();
 */
export function findStateMetadata(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: StateKey,
): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(STATE_KEYS[key])
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET)
    .find();
  return found.length > 0 ? found[0] : null;
}
