/**
 * Realms: the simulator runs in Node, the bundle in a `node:vm` context with
 * its own `Date`, `Array`, `Error`. Values the simulator hands to the script
 * are rebuilt with the script realm's constructors so `instanceof` works
 * there; values coming from the script are read by duck typing.
 */

import { SERVICE_TAG } from "./call-log";

/** The constructors of one JavaScript realm the simulator creates values with. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /**
   * Makes a function of this realm that calls a host function (so the script
   * never holds a host function, whose constructor would be the host's
   * `Function`). Absent for the host realm.
   */
  wrapFunction?: (fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;
}

/** The realm of the Node process (used when tests call services directly). */
export const HOST_REALM: Realm = { Date, Error, Array, Object };

/**
 * True for a `Date` of any realm (`instanceof Date` fails across realms).
 *
 * @example
 * isDateLike(new Date()); // true
 * isDateLike("2026-03-31"); // false
 */
export function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * Epoch milliseconds of a `Date` of any realm (NaN for an invalid date).
 *
 * @example
 * dateMs(new Date(0)); // 0
 */
export function dateMs(value: Date): number {
  return Date.prototype.getTime.call(value);
}

function isPlainObject(value: object): boolean {
  if ((value as { [SERVICE_TAG]?: unknown })[SERVICE_TAG] !== undefined) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** Values a service built directly with the script realm's constructors: importValue hands them over as they are. */
const builtInRealm = new WeakSet<object>();

/**
 * Marks a value a service built with the script realm's constructors all
 * through (a million-row `getValues`), so it is not copied once more.
 *
 * @example
 * return builtForRealm(rows); // rows made with realm.Array and realm.Date
 */
export function builtForRealm<T extends object>(value: T): T {
  builtInRealm.add(value);
  return value;
}

/**
 * Rebuilds a value with a realm's constructors: arrays, plain objects and
 * Dates are copied (deeply), anything else (primitives, service objects) is
 * returned as is.
 *
 * @example
 * const copy = importValue(realm, [[1, new Date(0)]]); // copy instanceof realm.Array
 */
export function importValue(realm: Realm, value: unknown): unknown {
  if (typeof value === "function")
    return realm.wrapFunction ? realm.wrapFunction(value as (...args: unknown[]) => unknown) : value;
  if (value === null || typeof value !== "object") return value;
  if (builtInRealm.has(value)) return value;
  if (isDateLike(value)) return new realm.Date(dateMs(value));
  if (Array.isArray(value)) {
    // Made at its size: an array grown by push keeps spare room (17 places for a row of six).
    const out = new realm.Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = importValue(realm, value[i]);
    return out;
  }
  if (isPlainObject(value)) {
    const out = new realm.Object() as Record<string, unknown>;
    for (const key of Object.keys(value)) out[key] = importValue(realm, (value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
