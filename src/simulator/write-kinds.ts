import type { ServiceKinds } from "./execution";

/**
 * Marks service methods as writes, for the call log and the write quotas.
 *
 * @example
 * const kinds = { ...writeKinds("setName", "clear"), getSheetValues: "read" };
 */
export function writeKinds(...names: string[]): ServiceKinds {
  return Object.fromEntries(names.map((n) => [n, "write"]));
}
