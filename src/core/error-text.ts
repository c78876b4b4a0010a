/**
 * What a thrown value says. Apps Script, the sidebar's failure handler and
 * Node all hand over whatever was thrown: an Error, an object with a
 * message (Apps Script's own exceptions are not always Errors in the
 * sidebar), or anything else, which is shown as text.
 */

/**
 * The message of a thrown value, or the value as text when it has none.
 *
 * @example
 * errorMessage(new Error("Rep R9 has no results")); // "Rep R9 has no results"
 * errorMessage({ message: "Service unavailable" });  // "Service unavailable"
 * errorMessage("timed out");                          // "timed out"
 */
export function errorMessage(error: unknown): string {
  return hasField(error, "message") ? String(error.message) : String(error);
}

/**
 * The name of a thrown value ("TypeError"), or "Error" when it has none.
 *
 * @example
 * errorName(new TypeError("x")); // "TypeError"
 * errorName("x");                // "Error"
 */
export function errorName(error: unknown): string {
  return hasField(error, "name") ? String(error.name) : "Error";
}

function hasField<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return value !== null && typeof value === "object" && key in value;
}
