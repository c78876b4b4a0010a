/** Apps Script's error for a call whose arguments do not fit the method's signature. */

/**
 * The error Apps Script throws when a call's arguments do not fit the method,
 * naming the argument types when the caller gives them.
 *
 * @example
 * signatureError("SpreadsheetApp.Sheet.getRange").message;
 * // "The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange."
 * signatureError("LockService.Lock.tryLock", "string").message;
 * // "The parameters (string) don't match the method signature for LockService.Lock.tryLock."
 */
export function signatureError(method: string, types?: string): Error {
  const parameters = types === undefined ? "The parameters" : `The parameters (${types})`;
  return new Error(`${parameters} don't match the method signature for ${method}.`);
}
