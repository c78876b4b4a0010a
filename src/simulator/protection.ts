/**
 * Protections of sheets and ranges. A protection that is not warning-only
 * stops edits by users who are neither its editors nor the owner, with Sheets'
 * message; warning-only protections never stop a script.
 *
 * In a spreadsheet the script created (drive.ts), a new protection's
 * editors mirror the spreadsheet's own editors until the script first
 * changes its list, as Sheets documents for `protect()`: a protection left
 * as made protects nothing. Neither the owner nor the user running the
 * script can be removed from a protection's editors.
 */
import type { GridRect } from "./a1-notation";
import { assertMayEditFile, sharingOf } from "./drive";
import { type Execution, type ServiceKinds, unwrapService } from "./execution";
import { RangeFacade, exposeRange } from "./range";
import type { ProtectionModel, SheetModel, SpreadsheetModel } from "./sheet-model";
import { UserFacade } from "./session";
import { enumOf } from "./service-enum";
import { signatureError } from "./signature-error";

/** Protections whose editors still mirror their spreadsheet's editors (none changed their list yet). */
const mirroring = new WeakSet<ProtectionModel>();

/**
 * The users who may edit through a protection: while it mirrors its
 * spreadsheet, the spreadsheet's owner and editors; then its own list.
 */
function editorsOf(ss: SpreadsheetModel, p: ProtectionModel): Set<string> {
  const sharing = sharingOf(ss);
  if (sharing && mirroring.has(p)) return new Set([ss.owner, ...sharing.editors]);
  return p.editors;
}

/** Ends a protection's mirroring before its list changes: its list becomes the spreadsheet's editors. */
function ownList(ss: SpreadsheetModel, p: ProtectionModel): Set<string> {
  if (mirroring.has(p)) {
    p.editors = editorsOf(ss, p);
    mirroring.delete(p);
  }
  return p.editors;
}

/** A user the script names: an email address or a User object. */
function userName(user: unknown): string {
  const facade = unwrapService(user, UserFacade);
  return facade ? facade._email : String(user);
}

/** SpreadsheetApp.ProtectionType. */
export const PROTECTION_TYPE = enumOf("RANGE", "SHEET");

/** Sheets' message for an edit of a protected cell. */
const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

/**
 * True when two rectangles share a cell.
 *
 * @example
 * intersects({ row: 1, column: 1, numRows: 2, numColumns: 2 }, { row: 2, column: 2, numRows: 1, numColumns: 1 }); // true
 */
function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

/**
 * Throws Sheets' error when `user` may not edit `rect` of `sheet` (a hard
 * protection covers it and the user is neither an editor nor the owner).
 * `rect` null means the whole sheet (structure changes).
 *
 * @example
 * assertEditable(ss, sheet, { row: 1, column: 1, numRows: 1, numColumns: 1 }, "bob");
 */
export function assertEditable(ss: SpreadsheetModel, sheet: SheetModel, rect: GridRect | null, user: string): void {
  assertMayEditFile(ss, user);
  if (user === ss.owner) return;
  const whole: GridRect = { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
  const target = rect ?? whole;
  for (const p of ss.protections) {
    if (p.sheetId !== sheet.sheetId || p.warningOnly || editorsOf(ss, p).has(user)) continue;
    if (p.type === "RANGE" && p.rect && intersects(p.rect, target)) throw new Error(PROTECTED_MESSAGE);
    if (p.type === "SHEET" && !(rect && p.unprotected.some((u) => contains(u, rect))))
      throw new Error(PROTECTED_MESSAGE);
  }
}

const PROTECTION_KINDS: ServiceKinds = Object.fromEntries(
  [
    "setDescription",
    "setWarningOnly",
    "remove",
    "addEditor",
    "addEditors",
    "removeEditor",
    "removeEditors",
    "setDomainEdit",
    "setUnprotectedRanges",
    "setRange",
    "setRangeName",
  ].map((m) => [m, "write"]),
);

/**
 * A Protection as the script sees it.
 *
 * @example
 * sheet.getRange("A1:C9").protect().setDescription("computed").setWarningOnly(true);
 */
export class ProtectionFacade {
  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _p: ProtectionModel,
  ) {}

  _self(): this {
    return this._x.expose("Protection", this, PROTECTION_KINDS);
  }
  _sheet(): SheetModel {
    const sheet = this._ss.sheetById(this._p.sheetId);
    if (!sheet) throw new Error("The protection's sheet was deleted.");
    return sheet;
  }
  /** A change only an editor of the protection may make: checked first, then made; the protection is returned. */
  _change(apply: () => void): this {
    this._assertCanChange();
    apply();
    return this._self();
  }
  _assertCanChange(): void {
    if (!this.canEdit()) throw new Error(PROTECTED_MESSAGE);
  }

  getProtectionType(): string {
    return this._p.type;
  }
  getDescription(): string {
    return this._p.description;
  }
  setDescription(description: unknown): this {
    return this._change(() => {
      this._p.description = String(description);
    });
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(warningOnly: unknown): this {
    return this._change(() => {
      this._p.warningOnly = warningOnly === true;
    });
  }
  canEdit(): boolean {
    const user = this._x.context.user;
    return user === this._ss.owner || editorsOf(this._ss, this._p).has(user);
  }
  canDomainEdit(): boolean {
    return this._p.domainEdit;
  }
  setDomainEdit(editable: unknown): this {
    return this._change(() => {
      this._p.domainEdit = editable === true;
    });
  }
  getEditors(): UserFacade[] {
    // A created spreadsheet's users were named by their email addresses: the script sees those.
    const reveal = this._x.sim.options.revealEmails || sharingOf(this._ss) !== undefined;
    return [...new Set([this._ss.owner, ...editorsOf(this._ss, this._p)])].map((u) =>
      this._x.expose("User", new UserFacade(reveal ? u : "")),
    );
  }
  addEditor(user: unknown): this {
    return this._change(() => {
      ownList(this._ss, this._p).add(userName(user));
    });
  }
  addEditors(users: unknown): this {
    return this._change(() => {
      const list = ownList(this._ss, this._p);
      if (Array.isArray(users)) for (const u of users) list.add(userName(u));
    });
  }
  removeEditor(user: unknown): this {
    return this._change(() => {
      this._removeEditor(ownList(this._ss, this._p), userName(user));
    });
  }
  removeEditors(users: unknown): this {
    return this._change(() => {
      const list = ownList(this._ss, this._p);
      if (Array.isArray(users)) for (const u of users) this._removeEditor(list, userName(u));
    });
  }
  /** Neither the owner nor the user running the script leaves the list (Sheets ignores them). */
  _removeEditor(list: Set<string>, user: string): void {
    if (user === this._ss.owner || user === this._x.context.user) return;
    list.delete(user);
  }
  getRange(): RangeFacade {
    const sheet = this._sheet();
    const rect = this._p.rect ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    return exposeRange(this._x, this._ss, sheet, rect);
  }
  getUnprotectedRanges(): RangeFacade[] {
    const sheet = this._sheet();
    return this._p.unprotected.map((r) => exposeRange(this._x, this._ss, sheet, r));
  }
  setUnprotectedRanges(ranges: unknown): this {
    return this._change(() => {
      if (this._p.type !== "SHEET") throw new Error("Unprotected ranges can only be set on a sheet protection.");
      if (!Array.isArray(ranges)) throw signatureError("SpreadsheetApp.Protection.setUnprotectedRanges");
      this._p.unprotected = ranges.map((r) => rectOfRange(r));
    });
  }
  remove(): void {
    this._assertCanChange();
    this._ss.protections = this._ss.protections.filter((p) => p !== this._p);
  }
}

/** Reads the rectangle of a Range the script passes in. */
function rectOfRange(range: unknown): GridRect {
  const r = unwrapService(range, RangeFacade);
  if (!r) throw new Error("Invalid argument: range");
  return { ...r._r };
}

/**
 * Creates a protection owned by the running user (its editors: that user and the owner).
 *
 * @example
 * addProtection(execution, ss, sheet, null); // a sheet protection
 */
export function addProtection(
  x: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  rect: GridRect | null,
): ProtectionFacade {
  if (rect === null) {
    const existing = ss.protections.find((p) => p.sheetId === sheet.sheetId && p.type === "SHEET");
    if (existing) return exposeProtection(x, ss, existing);
  }
  const model: ProtectionModel = {
    id: ss.nextId++,
    type: rect === null ? "SHEET" : "RANGE",
    sheetId: sheet.sheetId,
    rect: rect ? { ...rect } : null,
    description: "",
    warningOnly: false,
    editors: new Set([x.context.user, ss.owner]),
    domainEdit: false,
    unprotected: [],
  };
  ss.protections.push(model);
  if (sharingOf(ss)) mirroring.add(model);
  return exposeProtection(x, ss, model);
}

/**
 * Wraps a protection model for the script.
 *
 * @example
 * exposeProtection(execution, ss, model).isWarningOnly();
 */
export function exposeProtection(x: Execution, ss: SpreadsheetModel, model: ProtectionModel): ProtectionFacade {
  return x.expose("Protection", new ProtectionFacade(x, ss, model), PROTECTION_KINDS);
}
