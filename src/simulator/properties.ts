/** PropertiesService: script, user and document stores with Apps Script's size limits. */
import type { Execution, ServiceKinds } from "./execution";
import { type ScopedService, scopedService } from "./scoped-service";
import { ScopedStores } from "./scoped-stores";

/** Largest value a property may hold, in UTF-8 bytes (Apps Script: 9 KB). */
const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
/** Largest total size of one store, in UTF-8 bytes (Apps Script: 500 KB). */
const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * One key-value store.
 *
 * @example
 * const store = new PropertyStore();
 * store.values.set("k", "v");
 */
export class PropertyStore {
  readonly values = new Map<string, string>();

  /** Total UTF-8 bytes of keys and values. */
  bytes(): number {
    let total = 0;
    for (const [k, v] of this.values) total += utf8Bytes(k) + utf8Bytes(v);
    return total;
  }

  /** A plain-object copy, keys sorted. */
  toObject(): Record<string, string> {
    return Object.fromEntries([...this.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

/**
 * All property stores of the simulated script.
 *
 * @example
 * const state = new PropertiesState();
 * state.user("alice").values.get("k");
 */
export class PropertiesState extends ScopedStores<PropertyStore> {
  constructor() {
    super(() => new PropertyStore());
  }

  /** JSON-safe copy of every store. */
  snapshot(): {
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
    document: Record<string, Record<string, string>>;
  } {
    const users = Object.fromEntries(
      [...this.users].filter(([, s]) => s.values.size > 0).map(([u, s]) => [u, s.toObject()]),
    );
    const docs = Object.fromEntries(
      [...this.documents].filter(([, s]) => s.values.size > 0).map(([d, s]) => [d, s.toObject()]),
    );
    return { script: this.script.toObject(), user: users, document: docs };
  }
}

const PROPERTIES_KINDS: ServiceKinds = {
  getProperty: "read",
  getProperties: "read",
  getKeys: "read",
  setProperty: "write",
  setProperties: "write",
  deleteProperty: "write",
  deleteAllProperties: "write",
};

function keyArg(key: unknown): string {
  if (key === null || key === undefined) throw new Error("Invalid argument: key");
  return String(key);
}

/**
 * A Properties store as the script sees it.
 *
 * @example
 * PropertiesService.getScriptProperties().setProperty("k", "v").getProperty("k"); // "v"
 */
export class PropertiesFacade {
  constructor(
    readonly _x: Execution,
    readonly _store: PropertyStore,
  ) {}

  _self(): this {
    return this._x.expose("Properties", this, PROPERTIES_KINDS);
  }

  _put(entries: [string, string][], deleteAllOthers: boolean): void {
    for (const [, value] of entries) {
      if (utf8Bytes(value) > MAX_PROPERTY_VALUE_BYTES) throw new Error("Argument too large: value");
    }
    const next = new Map(deleteAllOthers ? [] : this._store.values);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += utf8Bytes(k) + utf8Bytes(v);
    if (total > MAX_PROPERTY_STORE_BYTES)
      throw new Error("You have exceeded the property storage quota. Please remove some properties and try again.");
    this._store.values.clear();
    for (const [k, v] of next) this._store.values.set(k, v);
  }

  getProperty(key: unknown): string | null {
    return this._store.values.get(keyArg(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store.values);
  }
  getKeys(): string[] {
    return [...this._store.values.keys()];
  }
  setProperty(key: unknown, value: unknown): this {
    if (value === null || value === undefined) throw new Error("Invalid argument: value");
    this._put([[keyArg(key), String(value)]], false);
    return this._self();
  }
  setProperties(properties: unknown, deleteAllOthers: unknown = false): this {
    if (properties === null || typeof properties !== "object") throw new Error("Invalid argument: properties");
    const entries = Object.entries(properties as Record<string, unknown>).map(
      ([k, v]) => [k, String(v)] as [string, string],
    );
    this._put(entries, deleteAllOthers === true);
    return this._self();
  }
  deleteProperty(key: unknown): this {
    this._store.values.delete(keyArg(key));
    return this._self();
  }
  deleteAllProperties(): this {
    this._store.values.clear();
    return this._self();
  }
}

/**
 * PropertiesService for one execution; `getDocumentProperties()` is null
 * outside a document (time-driven trigger).
 *
 * @example
 * propertiesService(execution).getDocumentProperties(); // null in a trigger context
 */
export function propertiesService(x: Execution): ScopedService<"Properties", PropertiesFacade> {
  return scopedService(x, "Properties", x.sim.properties, (store) =>
    x.expose("Properties", new PropertiesFacade(x, store), PROPERTIES_KINDS),
  );
}
