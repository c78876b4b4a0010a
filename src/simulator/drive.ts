/**
 * Spreadsheets a script creates (`SpreadsheetApp.create`) and who each
 * spreadsheet is shared with. The simulated spreadsheet the add-on runs in
 * keeps no sharing list: every user of the simulator may open and edit it,
 * as the editors of a team's spreadsheet do. A created spreadsheet belongs
 * to the user who created it and is reachable only by its owner, its
 * editors and its viewers; only the owner and the editors may change it.
 *
 * Test helpers at the end act as a person typing in a spreadsheet: the
 * edit goes through the services as that user, so sharing and protections
 * decide whether it lands.
 *
 * State lives beside the simulator (keyed by it), so the simulator's own
 * state stays as it was for tests that never create a spreadsheet.
 */
import type { Execution } from "./execution";
import type { Simulator } from "./simulator";
import { SpreadsheetModel } from "./sheet-model";
import { sheetValues, type SnapshotCell } from "./snapshot";

/** Who may open and edit one created spreadsheet (users are opaque names, emails in practice). */
export interface Sharing {
  editors: Set<string>;
  viewers: Set<string>;
}

/** The created spreadsheets of one simulator. */
class Drive {
  readonly files = new Map<string, SpreadsheetModel>();
  readonly sharing = new WeakMap<SpreadsheetModel, Sharing>();
  created = 0;
}

const drives = new WeakMap<object, Drive>();

function driveOf(sim: object): Drive {
  let drive = drives.get(sim);
  if (!drive) drives.set(sim, (drive = new Drive()));
  return drive;
}

/** Sharing lists by spreadsheet, whichever simulator made it (a model belongs to one simulator). */
const sharingByModel = new WeakMap<SpreadsheetModel, Sharing>();

/** Sheets' message when a user who may not edit a spreadsheet changes it. */
const NO_EDIT_MESSAGE = "You do not have permission to edit this spreadsheet.";

/** Sheets' message when a user may not open a spreadsheet. */
export const NO_ACCESS_MESSAGE = "You do not have permission to access the requested document.";

/** Characters of a Sheets ID (letters, digits, - and _). */
const ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * A 44-character ID like Sheets', made from a counter so runs are repeatable.
 *
 * @example
 * createdId(1); // "1SimCreated" followed by 33 characters
 */
function createdId(n: number): string {
  let id = "1SimCreated" + String(n).padStart(6, "0");
  let state = n;
  while (id.length < 44) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    id += ID_CHARACTERS[(state >>> 16) % ID_CHARACTERS.length];
  }
  return id;
}

/**
 * Creates a spreadsheet owned by the execution's user, with one empty
 * "Sheet1", in the simulated spreadsheet's time zone and locale.
 *
 * @example
 * createSpreadsheet(execution, "Statement").id; // "1SimCreated..."
 */
export function createSpreadsheet(x: Execution, name: string): SpreadsheetModel {
  const drive = driveOf(x.sim);
  drive.created++;
  const model = new SpreadsheetModel({
    id: createdId(drive.created),
    name,
    timeZone: x.sim.spreadsheet.timeZone,
    locale: x.sim.spreadsheet.locale,
    owner: x.context.user,
  });
  model.addSheet("Sheet1");
  const sharing: Sharing = { editors: new Set(), viewers: new Set() };
  drive.files.set(model.id, model);
  drive.sharing.set(model, sharing);
  sharingByModel.set(model, sharing);
  return model;
}

/**
 * The sharing lists of a spreadsheet; undefined for the simulated
 * spreadsheet, which every user may edit.
 *
 * @example
 * sharingOf(model)?.editors.has("rep@example.com");
 */
export function sharingOf(ss: SpreadsheetModel): Sharing | undefined {
  return sharingByModel.get(ss);
}

/** Lists of the simulated spreadsheet: recorded, never checked (every user may edit it). */
const listedOnly = new WeakMap<SpreadsheetModel, Sharing>();

/**
 * The sharing lists `addEditor` and `getEditors` work on: a created
 * spreadsheet's, or for the simulated spreadsheet lists that restrict no one.
 *
 * @example
 * sharingListsOf(model).viewers.add("rep@example.com");
 */
export function sharingListsOf(ss: SpreadsheetModel): Sharing {
  const sharing = sharingOf(ss);
  if (sharing) return sharing;
  let listed = listedOnly.get(ss);
  if (!listed) listedOnly.set(ss, (listed = { editors: new Set(), viewers: new Set() }));
  return listed;
}

/**
 * Whether a user may change a spreadsheet at all (its owner or an editor).
 *
 * @example
 * mayEditFile(model, "rep@example.com"); // false for a viewer
 */
function mayEditFile(ss: SpreadsheetModel, user: string): boolean {
  const sharing = sharingOf(ss);
  return !sharing || user === ss.owner || sharing.editors.has(user);
}

/**
 * Throws Sheets' error when a user may not change a spreadsheet.
 *
 * @example
 * assertMayEditFile(model, "viewer@example.com"); // throws
 */
export function assertMayEditFile(ss: SpreadsheetModel, user: string): void {
  if (!mayEditFile(ss, user)) throw new Error(NO_EDIT_MESSAGE);
}

/**
 * The spreadsheet with an ID that a user may open: the simulated one, or a
 * created one the user owns or is an editor or viewer of; undefined when
 * there is none or the user has no access.
 *
 * @example
 * openableSpreadsheet(sim, id, "alice")?.name;
 */
export function openableSpreadsheet(
  sim: { spreadsheet: SpreadsheetModel },
  id: string,
  user: string,
): SpreadsheetModel | undefined {
  if (id === sim.spreadsheet.id) return sim.spreadsheet;
  const model = driveOf(sim).files.get(id);
  if (!model) return undefined;
  const sharing = sharingOf(model);
  if (user === model.owner || sharing?.editors.has(user) || sharing?.viewers.has(user)) return model;
  return undefined;
}

/**
 * Whether a spreadsheet with this ID exists (whoever may open it).
 *
 * @example
 * spreadsheetExists(sim, "1SimCreated..."); // true
 */
export function spreadsheetExists(sim: { spreadsheet: SpreadsheetModel }, id: string): boolean {
  return id === sim.spreadsheet.id || driveOf(sim).files.has(id);
}

// ---------------------------------------------------------------- test helpers (not logged)

/**
 * Every spreadsheet scripts created in a simulator, in creation order.
 *
 * @internal Exported only for the statement tests (test/statements).
 *
 * @example
 * createdSpreadsheets(sim).map((ss) => ss.name); // ["Statement: Ann (R0001)", ...]
 */
export function createdSpreadsheets(sim: object): SpreadsheetModel[] {
  return [...driveOf(sim).files.values()];
}

/**
 * One created spreadsheet by ID (throws when there is none).
 *
 * @example
 * createdSpreadsheet(sim, id).owner; // "alice"
 */
function createdSpreadsheet(sim: object, id: string): SpreadsheetModel {
  const model = driveOf(sim).files.get(id);
  if (!model) throw new Error(`simulator: no created spreadsheet with ID ${id}`);
  return model;
}

/**
 * The stored values of a sheet of a created spreadsheet, JSON-safe (as `sim.sheetValues`).
 *
 * @internal Exported only for the statement tests (test/statements).
 *
 * @example
 * createdSheetValues(sim, id, "Results")[1][1]; // "R0001"
 */
export function createdSheetValues(sim: object, id: string, sheetName: string): SnapshotCell[][] {
  const sheet = createdSpreadsheet(sim, id).sheetByName(sheetName);
  if (!sheet) throw new Error(`simulator: no sheet named "${sheetName}" in ${id}`);
  return sheetValues(sheet);
}

// ---------------------------------------------------------------- a person typing (test helpers, logged as their execution)

/**
 * Types a value into one cell of a spreadsheet as `user`: opens it by ID
 * (throws when the user may not), then sets the cell as typed input.
 * Throws Sheets' message when the cell is protected from the user.
 *
 * @internal Exported only for the statement tests (test/statements), which act as the rep.
 *
 * @example
 * typeAsUser(sim, "rep1@example.com", statementId, "Reviews", "C2", "Thanks, agreed");
 */
export function typeAsUser(
  sim: Simulator,
  user: string,
  spreadsheetId: string,
  sheetName: string,
  a1: string,
  value: string | number | boolean,
): void {
  const execution = sim.startExecution({ kind: "manual", user });
  try {
    const sheet = execution.globals.SpreadsheetApp.openById(spreadsheetId).getSheetByName(sheetName);
    if (!sheet) throw new Error(`simulator: no sheet named "${sheetName}" in ${spreadsheetId}`);
    sheet.getRange(a1).setValue(value);
  } finally {
    sim.endExecution(execution);
  }
}

/**
 * Whether `user` may type into a cell, asked without changing it (the
 * cell's value is written back as it was).
 *
 * @internal Exported only for the statement tests (test/statements).
 *
 * @example
 * mayType(sim, "rep1@example.com", statementId, "Results", "A1"); // false
 */
export function mayType(sim: Simulator, user: string, spreadsheetId: string, sheetName: string, a1: string): boolean {
  const execution = sim.startExecution({ kind: "manual", user });
  try {
    const sheet = execution.globals.SpreadsheetApp.openById(spreadsheetId).getSheetByName(sheetName);
    if (!sheet) return false;
    const range = sheet.getRange(a1);
    range.setValues(range.getValues());
    return true;
  } catch {
    return false;
  } finally {
    sim.endExecution(execution);
  }
}
