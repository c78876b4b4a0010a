/**
 * Spreadsheet: the one simulated spreadsheet as the script sees it (the
 * active one in a document context, reachable with openById everywhere).
 */
import { parseA1, splitSheetName } from "./a1-notation";
import {
  type DeveloperMetadataFacade,
  DeveloperMetadataFinderFacade,
  addMetadata,
  metadataAt,
} from "./developer-metadata";
import { type Sharing, assertMayEditFile, sharingListsOf } from "./drive";
import { type Execution, type ServiceKinds, unwrapService } from "./execution";
import { type ProtectionFacade, assertEditable, exposeProtection } from "./protection";
import { type RangeFacade, checkRect, exposeRange } from "./range";
import { UserFacade } from "./session";
import { SheetFacade, checkSheetName, exposeSheet } from "./sheet";
import type { SheetModel, SpreadsheetModel } from "./sheet-model";
import { isValidTimeZone } from "./time-zone";
import { writeKinds } from "./write-kinds";
import { signatureError } from "./signature-error";

const SPREADSHEET_KINDS: ServiceKinds = writeKinds(
  "insertSheet",
  "deleteSheet",
  "setSpreadsheetTimeZone",
  "setSpreadsheetLocale",
  "rename",
  "addDeveloperMetadata",
  "addEditor",
  "addEditors",
  "addViewer",
  "addViewers",
  "removeEditor",
  "removeViewer",
);

/**
 * Wraps the spreadsheet for the script.
 *
 * @example
 * exposeSpreadsheet(execution, sim.spreadsheet).getSheets();
 */
export function exposeSpreadsheet(x: Execution, ss: SpreadsheetModel): SpreadsheetFacade {
  return x.expose("Spreadsheet", new SpreadsheetFacade(x, ss), SPREADSHEET_KINDS);
}

/**
 * A Spreadsheet as the script sees it.
 *
 * @example
 * const ss = SpreadsheetApp.openById(id);
 * ss.getSpreadsheetTimeZone(); // "Asia/Shanghai"
 */
export class SpreadsheetFacade {
  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
  ) {}

  _sheet(value: unknown, method: string): SheetModel {
    const facade = unwrapService(value, SheetFacade);
    if (!facade || !this._ss.sheets.includes(facade._sheet))
      throw signatureError(`SpreadsheetApp.Spreadsheet.${method}`);
    return facade._sheet;
  }

  getId(): string {
    return this._ss.id;
  }
  getName(): string {
    return this._ss.name;
  }
  rename(name: unknown): void {
    assertMayEditFile(this._ss, this._x.context.user);
    this._ss.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._ss.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._ss.timeZone;
  }
  setSpreadsheetTimeZone(timezone: unknown): void {
    if (!isValidTimeZone(timezone)) throw new Error(`Invalid argument: timezone`);
    this._ss.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._ss.locale;
  }
  setSpreadsheetLocale(locale: unknown): void {
    if (typeof locale !== "string" || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      throw new Error("Invalid argument: locale");
    this._ss.locale = locale;
  }
  getSheets(): SheetFacade[] {
    return this._ss.sheets.map((s) => exposeSheet(this._x, this._ss, s));
  }
  getNumSheets(): number {
    return this._ss.sheets.length;
  }
  getSheetByName(name: unknown): SheetFacade | null {
    const sheet = typeof name === "string" ? this._ss.sheetByName(name) : undefined;
    return sheet ? exposeSheet(this._x, this._ss, sheet) : null;
  }
  getSheetById(id: unknown): SheetFacade | null {
    const sheet = typeof id === "number" ? this._ss.sheetById(id) : undefined;
    return sheet ? exposeSheet(this._x, this._ss, sheet) : null;
  }
  getActiveSheet(): SheetFacade {
    const sheet =
      (this._ss.activeSheetId !== null ? this._ss.sheetById(this._ss.activeSheetId) : undefined) ?? this._ss.sheets[0];
    return exposeSheet(this._x, this._ss, sheet);
  }
  setActiveSheet(sheet: unknown): SheetFacade {
    const model = this._sheet(sheet, "setActiveSheet");
    this._ss.activeSheetId = model.sheetId;
    return exposeSheet(this._x, this._ss, model);
  }
  /** insertSheet(), (index), (name), (name, index); the new sheet becomes active. */
  insertSheet(...args: unknown[]): SheetFacade {
    let name: string | undefined;
    let index = this._ss.sheets.length;
    for (const a of args) {
      if (typeof a === "string") name = a;
      else if (typeof a === "number" && Number.isInteger(a)) index = a;
      else if (a !== undefined && (a === null || typeof a !== "object"))
        throw signatureError("SpreadsheetApp.Spreadsheet.insertSheet");
    }
    if (name === undefined || name === "") {
      let n = this._ss.sheets.length + 1;
      while (this._ss.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    assertMayEditFile(this._ss, this._x.context.user);
    checkSheetName(this._ss, name);
    if (index < 0 || index > this._ss.sheets.length) throw new Error("Invalid argument: sheetIndex");
    const sheet = this._ss.addSheet(name, index);
    this._ss.activeSheetId = sheet.sheetId;
    return exposeSheet(this._x, this._ss, sheet);
  }
  deleteSheet(sheet: unknown): void {
    const model = this._sheet(sheet, "deleteSheet");
    if (this._ss.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    assertEditable(this._ss, model, null, this._x.context.user);
    this._ss.removeSheet(model);
  }
  getRange(a1Notation: unknown): RangeFacade {
    if (typeof a1Notation !== "string") throw new Error("Range not found");
    const { sheetName, a1 } = splitSheetName(a1Notation);
    const sheet =
      sheetName === null
        ? (this._ss.sheetById(this._ss.activeSheetId ?? -1) ?? this._ss.sheets[0])
        : this._ss.sheetByName(sheetName);
    if (!sheet) throw new Error("Range not found");
    const rect = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    if (!rect) throw new Error("Range not found");
    checkRect(this._x, sheet, rect);
    return exposeRange(this._x, this._ss, sheet, rect);
  }
  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this._x.sim.ui.toasts.push({
      message: String(message ?? ""),
      title: title === undefined ? "" : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : Number(timeoutSeconds),
    });
  }
  getProtections(type: unknown): ProtectionFacade[] {
    if (type !== "SHEET" && type !== "RANGE") throw signatureError("SpreadsheetApp.Spreadsheet.getProtections");
    return this._ss.protections.filter((p) => p.type === type).map((p) => exposeProtection(this._x, this._ss, p));
  }
  // ---- sharing (a created spreadsheet's lists restrict who opens and edits it; see drive.ts)
  _self(): this {
    return this._x.expose("Spreadsheet", this, SPREADSHEET_KINDS);
  }
  /** Only the owner and editors share a spreadsheet; an email or a User names the user. */
  _share(users: unknown, change: (user: string, sharing: Sharing) => void): this {
    assertMayEditFile(this._ss, this._x.context.user);
    const sharing = sharingListsOf(this._ss);
    const list = Array.isArray(users) ? users : [users];
    for (const user of list) {
      const facade = unwrapService(user, UserFacade);
      const name = facade ? facade._email : typeof user === "string" ? user.trim() : "";
      if (!/^[^@\s]+@[^@\s]+$/.test(name)) throw new Error(`Invalid email: ${name || String(user)}`);
      change(name, sharing);
    }
    return this._self();
  }
  _users(names: Iterable<string>): UserFacade[] {
    return [...names].map((name) => this._x.expose("User", new UserFacade(name)));
  }
  /** Makes a user an editor (a viewer is promoted). */
  addEditor(user: unknown): this {
    return this._share(user, (name, sharing) => {
      if (name === this._ss.owner) return;
      sharing.viewers.delete(name);
      sharing.editors.add(name);
    });
  }
  addEditors(users: unknown): this {
    if (!Array.isArray(users)) throw new Error("Invalid argument: emailAddresses");
    return this.addEditor(users);
  }
  /** Makes a user a viewer (an editor stays an editor). */
  addViewer(user: unknown): this {
    return this._share(user, (name, sharing) => {
      if (name !== this._ss.owner && !sharing.editors.has(name)) sharing.viewers.add(name);
    });
  }
  addViewers(users: unknown): this {
    if (!Array.isArray(users)) throw new Error("Invalid argument: emailAddresses");
    return this.addViewer(users);
  }
  /** Removes an editor (also from the viewers, as for Drive files). */
  removeEditor(user: unknown): this {
    return this._share(user, (name, sharing) => {
      sharing.editors.delete(name);
      sharing.viewers.delete(name);
    });
  }
  removeViewer(user: unknown): this {
    return this._share(user, (name, sharing) => {
      sharing.viewers.delete(name);
    });
  }
  /** The owner and the editors. */
  getEditors(): UserFacade[] {
    return this._users(new Set([this._ss.owner, ...sharingListsOf(this._ss).editors]));
  }
  getViewers(): UserFacade[] {
    return this._users(sharingListsOf(this._ss).viewers);
  }
  getOwner(): UserFacade {
    return this._x.expose("User", new UserFacade(this._ss.owner));
  }
  addDeveloperMetadata(...args: unknown[]): this {
    addMetadata(this._x, this._ss, null, args);
    return this._self();
  }
  getDeveloperMetadata(): DeveloperMetadataFacade[] {
    return metadataAt(this._x, this._ss, null);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFacade {
    return this._x.expose("DeveloperMetadataFinder", new DeveloperMetadataFinderFacade(this._x, this._ss, undefined), {
      find: "read",
    });
  }
}
