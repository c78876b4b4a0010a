/** Apps Script's service enums (SpreadsheetApp.ProtectionType, Ui.Button, ...): frozen objects whose values are their names. */

/**
 * A frozen enum whose every value is its own name, as Apps Script's are.
 *
 * @example
 * const PROTECTION_TYPE = enumOf("RANGE", "SHEET");
 * PROTECTION_TYPE.SHEET; // "SHEET"
 */
export function enumOf<const N extends string>(...names: N[]): Readonly<Record<N, N>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as Readonly<Record<N, N>>;
}
