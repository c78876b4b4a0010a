/**
 * Reading the Reps sheet into the directory every other input sheet names its
 * reps against: duplicate Rep IDs, end before start, negative target bonuses
 * and unknown managers are found here, and `resolveRep` turns a Rep ID cell of
 * any sheet into a rep key or a problem.
 *
 * Separate because the rep directory is what the other sheets share; each of
 * their readers imports it rather than knowing how Reps is read.
 */
import { formatDay } from "../core/calendar";
import { quoteSheetName } from "../core/a1-notation";
import type { DayNumber, Rep, RepKey } from "../core/records";
import {
  displayValue,
  isPlausibleDay,
  readDay,
  readIdText,
  readNumberCell,
  readText,
  textKey,
  type DateOrder,
  type DayOfInstant,
} from "./cell-values";
import { isWithinBound, MAX_INPUT_NUMBER } from "../core/number-text";
import { groupThousands } from "../core/display-format";
import type { FieldOf, InputSheetKey } from "./input-columns";
import {
  fieldOfRow,
  orEmpty,
  readRowsPlain,
  required,
  type CellReader,
  type OpenSheet,
  type ReadRow,
  type RowOf,
  type RowsReader,
} from "./input-rows";

function repsRow(dayOf: DayOfInstant, dateOrder: DateOrder | null) {
  const text = (value: unknown) => readText(value, dayOf);
  return {
    id: required((value: unknown) => readIdText(value, dayOf)),
    name: required(text),
    email: orEmpty(text),
    role: orEmpty(text),
    team: orEmpty(text),
    manager: orEmpty((value: unknown) => readIdText(value, dayOf)),
    start: (value: unknown) => readDay(value, dayOf, dateOrder),
    end: (value: unknown) => readDay(value, dayOf, dateOrder),
    // Read without the bound here: a typo far beyond it falls back to the plan's default, as a negative one does.
    targetBonus: (value: unknown) => readNumberCell(value, dayOf, Infinity),
  } satisfies Record<FieldOf<"reps">, CellReader<unknown>>;
}

/** The reps that were read, and what other sheets need to match rep cells against them. */
export interface RepDirectory {
  /** false when the Reps sheet is missing or lacks a column: other sheets then report no rep problems. */
  readable: boolean;
  accepted: Rep[];
  byKey: Map<RepKey, Rep>;
  /** Keys on the Reps sheet whose rows were left out, with the cell of the first (`Reps!A5`). */
  leftOut: Map<RepKey, string>;
  /** Case-folded teams and roles of the accepted reps. */
  teams: Set<string>;
  roles: Set<string>;
  /** Case-folded Name to the reps that have it, for Sales owners given by name. */
  byName: Map<string, Rep[]>;
  /**
   * True when there are no reps to match against (no Reps sheet, or one
   * without rows): each new Sales owner becomes a rep, named as written.
   */
  fromSales: boolean;
}

/**
 * Reads the Reps sheet: a Rep ID on two rows leaves both out (`duplicate_rep`),
 * an end before the start leaves the row out, a negative target bonus is
 * ignored with a warning, and a manager not on the sheet is dropped with a
 * warning. A missing sheet (null) gives an unreadable, empty directory.
 *
 * @example
 * const reps = readReps(openSheet("reps", { sheetName: "Reps", values: [["Rep ID", "Name"], [" R1 ", "Ann"]] }, collector), wallClock);
 * reps.accepted[0].key; // "r1"
 * reps.byKey.get("r1")?.name; // "Ann"
 */
export function readReps(
  sheet: OpenSheet<"reps"> | null,
  dayOf: DayOfInstant,
  dateOrder: DateOrder | null = null,
  readRows: RowsReader = readRowsPlain,
): RepDirectory {
  const directory = emptyDirectory(sheet !== null, false);
  if (!sheet) return directory;
  const readers = repsRow(dayOf, dateOrder);
  const rows = readRows(sheet, readers);
  // Rows whose Rep ID is readable count for duplicates even when another cell failed.
  const rowsByKey = new Map<RepKey, { id: string; read: ReadRow<RowOf<typeof readers>> }[]>();
  for (const read of rows) {
    const id = read.values ? read.values.id : fieldOfRow(sheet, readers.id, read, "id");
    if (id === null) continue;
    const key = textKey(id);
    const same = rowsByKey.get(key);
    if (same) same.push({ id, read });
    else rowsByKey.set(key, [{ id, read }]);
  }
  const candidates: { key: RepKey; row: number; values: RowOf<typeof readers> }[] = [];
  for (const [key, same] of rowsByKey) {
    directory.leftOut.set(key, quoteSheetName(sheet.name) + "!" + sheet.cellOf(same[0].read.row, "id"));
    if (same.length > 1) {
      same.forEach(({ id, read }, position) => {
        const other = same[position === 0 ? 1 : 0].read.row;
        sheet.report(read.row, "id", "duplicate_rep", { id: displayValue(id), other: sheet.cellOf(other, "id") });
      });
      continue;
    }
    const { read } = same[0];
    if (read.values) candidates.push({ key, row: read.row, values: read.values });
  }
  for (const candidate of candidates) {
    const rep = repOfRow(sheet, candidate.key, candidate.row, candidate.values);
    if (!rep) continue;
    directory.accepted.push(rep);
    directory.byKey.set(rep.key, rep);
    directory.leftOut.delete(rep.key);
  }
  for (const rep of directory.accepted) {
    const sameName = directory.byName.get(textKey(rep.name));
    if (sameName) sameName.push(rep);
    else directory.byName.set(textKey(rep.name), [rep]);
    if (rep.team) directory.teams.add(textKey(rep.team));
    if (rep.role) directory.roles.add(textKey(rep.role));
    checkManager(sheet, rep, rowsByKey);
  }
  directory.accepted.sort((a, b) => a.row - b.row);
  return directory;
}

/**
 * An employment date as used: an implausible one (a 0 typed into a date
 * cell, a 0202 typo) is ignored with a warning; an End date far in the
 * future (9999-12-31, a common placeholder) means no end, without a word.
 */
function employmentDay(
  sheet: OpenSheet<"reps">,
  row: number,
  field: "start" | "end",
  day: DayNumber | null,
): DayNumber | null {
  if (day === null || isPlausibleDay(day)) return day;
  if (field === "end" && day > 0) return null;
  sheet.report(
    row,
    field,
    "implausible_employment_date",
    { column: sheet.match.label[field], value: formatDay(day) },
    "warning",
  );
  return null;
}

function repOfRow(
  sheet: OpenSheet<"reps">,
  key: RepKey,
  row: number,
  values: RowOf<ReturnType<typeof repsRow>>,
): Rep | null {
  const start = employmentDay(sheet, row, "start", values.start);
  const end = employmentDay(sheet, row, "end", values.end);
  if (start !== null && end !== null && end < start) {
    sheet.report(row, "end", "end_before_start", { end: formatDay(end), start: formatDay(start) });
    return null;
  }
  let targetBonus = values.targetBonus;
  if (targetBonus !== null && targetBonus < 0) {
    sheet.report(row, "targetBonus", "negative_target_bonus", { value: targetBonus }, "warning");
    targetBonus = null;
  } else if (targetBonus !== null && !isWithinBound(targetBonus, MAX_INPUT_NUMBER)) {
    sheet.report(
      row,
      "targetBonus",
      "target_bonus_too_large",
      { value: displayValue(targetBonus), max: groupThousands(String(MAX_INPUT_NUMBER)) },
      "warning",
    );
    targetBonus = null;
  }
  return {
    row,
    key,
    id: values.id,
    name: values.name,
    email: values.email,
    role: values.role,
    team: values.team,
    // Resolved against the whole sheet once every rep is read.
    manager: values.manager,
    start,
    end,
    targetBonus,
  };
}

/**
 * A manager must be on the Reps sheet; one who is there but left out (a
 * duplicate, a bad row) is kept as the key, since the problem is reported on
 * that row already.
 */
function checkManager(sheet: OpenSheet<"reps">, rep: Rep, rowsByKey: ReadonlyMap<RepKey, unknown>): void {
  if (rep.manager === "") return;
  const key = textKey(rep.manager);
  if (rowsByKey.has(key)) {
    rep.manager = key;
    return;
  }
  sheet.report(rep.row, "manager", "unknown_manager", { id: displayValue(rep.manager) }, "warning");
  rep.manager = "";
}

/**
 * A directory with no reps yet, that takes each new Sales owner as a rep:
 * for a Sales export pasted without a Reps sheet.
 *
 * @example
 * const reps = repsFromSales();
 * resolveRep(salesSheet, reps, 2, "rep", "Ann Lee", { byName: true }); // "ann lee", and reps.accepted[0].name === "Ann Lee"
 */
export function repsFromSales(): RepDirectory {
  return emptyDirectory(true, true);
}

function emptyDirectory(readable: boolean, fromSales: boolean): RepDirectory {
  return {
    readable,
    accepted: [],
    byKey: new Map(),
    leftOut: new Map(),
    teams: new Set(),
    roles: new Set(),
    byName: new Map(),
    fromSales,
  };
}

/**
 * The key of the rep a row names, or null (with a problem) when the rep is not
 * on the Reps sheet or was left out there. With `byName` (Sales owners), a
 * text that is no Rep ID may be exactly one rep's Name; a Name shared by two
 * reps is a problem. Without a readable Reps sheet no row can be matched, and
 * its problem says so once rather than once per row.
 *
 * @example
 * resolveRep(salesSheet, reps, 5, "rep", " R1 ");  // "r1"
 * resolveRep(salesSheet, reps, 6, "rep", "Ann Lee", { byName: true }); // "r1" when R1's Name is Ann Lee
 * resolveRep(salesSheet, reps, 7, "rep", "R9");    // null, with unknown_rep on the Rep ID cell of row 7
 */
export function resolveRep<K extends InputSheetKey>(
  sheet: OpenSheet<K>,
  reps: RepDirectory,
  row: number,
  field: FieldOf<K>,
  id: string,
  options: { byName?: boolean } = {},
): RepKey | null {
  const key = textKey(id);
  const known = reps.byKey.get(key);
  // The Reps sheet's own key string, so a million Sales rows share a few hundred strings.
  if (known) return known.key;
  if (reps.fromSales) return addOwner(reps, key, id, row);
  if (!reps.readable) return null;
  // A number is an ID that matches no rep, never a name.
  if (options.byName && !NUMBER_LIKE.test(key)) {
    const named = reps.byName.get(key);
    if (named && named.length === 1) return named[0].key;
    if (named && named.length > 1) {
      const others = named.map((rep) => rep.id).join(", ");
      sheet.report(row, field, "ambiguous_rep_name", {
        column: sheet.match.label[field],
        id: displayValue(id),
        others,
      });
      return null;
    }
  }
  const leftOutAt = reps.leftOut.get(key);
  if (leftOutAt !== undefined) sheet.report(row, field, "rep_left_out", { id: displayValue(id), other: leftOutAt });
  else sheet.report(row, field, "unknown_rep", { id: displayValue(id) });
  return null;
}

const NUMBER_LIKE = /^[-+]?[\d.,]+(e[-+]?\d+)?$/;

function addOwner(reps: RepDirectory, key: RepKey, id: string, row: number): RepKey {
  const rep: Rep = {
    row,
    key,
    id,
    name: id,
    email: "",
    role: "",
    team: "",
    manager: "",
    start: null,
    end: null,
    targetBonus: null,
  };
  reps.accepted.push(rep);
  reps.byKey.set(key, rep);
  return key;
}
