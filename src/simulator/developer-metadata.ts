/** Developer metadata on the spreadsheet and on sheets, with a finder. */
import type { Execution, ServiceKinds } from "./execution";
import type { MetadataEntry, SpreadsheetModel } from "./sheet-model";
import { type SheetFacade, exposeSheet } from "./sheet";
import { type SpreadsheetFacade, exposeSpreadsheet } from "./spreadsheet";
import { enumOf } from "./service-enum";

/** SpreadsheetApp.DeveloperMetadataVisibility. */
export const DEVELOPER_METADATA_VISIBILITY = enumOf("DOCUMENT", "PROJECT");
/** SpreadsheetApp.DeveloperMetadataLocationType. */
export const DEVELOPER_METADATA_LOCATION_TYPE = enumOf("SPREADSHEET", "SHEET", "ROW", "COLUMN");

const METADATA_KINDS: ServiceKinds = { setKey: "write", setValue: "write", setVisibility: "write", remove: "write" };

/** What a metadata entry and its location both hold: the execution, the spreadsheet and the entry. */
abstract class MetadataEntryFacade {
  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _m: MetadataEntry,
  ) {}
}

/**
 * A DeveloperMetadata entry as the script sees it.
 *
 * @example
 * sheet.getDeveloperMetadata()[0].getKey(); // "salesScorecard.output"
 */
export class DeveloperMetadataFacade extends MetadataEntryFacade {
  _self(): this {
    return this._x.expose("DeveloperMetadata", this, METADATA_KINDS);
  }

  getId(): number {
    return this._m.id;
  }
  getKey(): string {
    return this._m.key;
  }
  getValue(): string | null {
    return this._m.value;
  }
  getVisibility(): string {
    return this._m.visibility;
  }
  setKey(key: unknown): this {
    this._m.key = validKey(key);
    return this._self();
  }
  setValue(value: unknown): this {
    this._m.value = metadataValue(value);
    return this._self();
  }
  setVisibility(visibility: unknown): this {
    this._m.visibility = validVisibility(visibility);
    return this._self();
  }
  remove(): void {
    this._ss.metadata = this._ss.metadata.filter((m) => m !== this._m);
  }
  getLocation(): DeveloperMetadataLocationFacade {
    return this._x.expose("DeveloperMetadataLocation", new DeveloperMetadataLocationFacade(this._x, this._ss, this._m));
  }
}

/**
 * Where a metadata entry sits.
 *
 * @example
 * entry.getLocation().getLocationType(); // "SHEET"
 */
export class DeveloperMetadataLocationFacade extends MetadataEntryFacade {
  getLocationType(): string {
    return locationType(this._m);
  }
  getSheet(): SheetFacade | null {
    const sheet = this._m.sheetId === null ? undefined : this._ss.sheetById(this._m.sheetId);
    return sheet ? exposeSheet(this._x, this._ss, sheet) : null;
  }
  getSpreadsheet(): SpreadsheetFacade | null {
    return this._m.sheetId === null ? exposeSpreadsheet(this._x, this._ss) : null;
  }
}

function locationType(entry: MetadataEntry): "SPREADSHEET" | "SHEET" {
  return entry.sheetId === null ? "SPREADSHEET" : "SHEET";
}

/** A value as metadata keeps it: text, or null for none. */
function metadataValue(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** An entry wrapped for the script. */
function exposeEntry(x: Execution, ss: SpreadsheetModel, entry: MetadataEntry): DeveloperMetadataFacade {
  return new DeveloperMetadataFacade(x, ss, entry)._self();
}

function validKey(key: unknown): string {
  if (typeof key !== "string" || key === "") throw new Error("Invalid argument: key");
  return key;
}

function validVisibility(visibility: unknown): "DOCUMENT" | "PROJECT" {
  if (visibility !== "DOCUMENT" && visibility !== "PROJECT") throw new Error("Invalid argument: visibility");
  return visibility;
}

/**
 * Adds metadata: (key), (key, value), (key, visibility) or (key, value, visibility).
 *
 * @example
 * addMetadata(execution, ss, sheet.sheetId, ["salesScorecard.output", "Results"]);
 */
export function addMetadata(
  _execution: Execution,
  ss: SpreadsheetModel,
  sheetId: number | null,
  args: unknown[],
): void {
  const key = validKey(args[0]);
  let value: string | null = null;
  let visibility: "DOCUMENT" | "PROJECT" = "DOCUMENT";
  if (args.length === 2) {
    if (args[1] === "DOCUMENT" || args[1] === "PROJECT") visibility = args[1];
    else value = metadataValue(args[1]);
  } else if (args.length >= 3) {
    value = metadataValue(args[1]);
    visibility = validVisibility(args[2]);
  }
  ss.metadata.push({ id: ss.nextId++, key, value, visibility, sheetId });
}

/**
 * Metadata entries at one location, wrapped for the script.
 *
 * @example
 * metadataAt(execution, ss, null); // the spreadsheet-level entries
 */
export function metadataAt(x: Execution, ss: SpreadsheetModel, sheetId: number | null): DeveloperMetadataFacade[] {
  return ss.metadata.filter((m) => m.sheetId === sheetId).map((m) => exposeEntry(x, ss, m));
}

/**
 * A DeveloperMetadataFinder; `sheetId` undefined searches the whole spreadsheet.
 *
 * @example
 * ss.createDeveloperMetadataFinder().withKey("salesScorecard.output").find();
 */
export class DeveloperMetadataFinderFacade {
  _filters: ((m: MetadataEntry) => boolean)[] = [];

  constructor(
    readonly _x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _sheetId: number | undefined,
  ) {}

  _add(filter: (m: MetadataEntry) => boolean): this {
    this._filters.push(filter);
    return this._x.expose("DeveloperMetadataFinder", this, { find: "read" });
  }

  withKey(key: unknown): this {
    return this._add((m) => m.key === key);
  }
  withValue(value: unknown): this {
    return this._add((m) => m.value === value);
  }
  withId(id: unknown): this {
    return this._add((m) => m.id === id);
  }
  withVisibility(visibility: unknown): this {
    return this._add((m) => m.visibility === visibility);
  }
  withLocationType(type: unknown): this {
    return this._add((m) => locationType(m) === type);
  }
  find(): DeveloperMetadataFacade[] {
    return this._ss.metadata
      .filter((m) => this._sheetId === undefined || m.sheetId === this._sheetId)
      .filter((m) => this._filters.every((f) => f(m)))
      .map((m) => exposeEntry(this._x, this._ss, m));
  }
}
