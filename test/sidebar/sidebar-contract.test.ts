import { describe, expect, it } from "vitest";
import * as entryPoints from "../../src/entry-points";
import { SIDEBAR_CALLS } from "../../src/addon/sidebar-calls";

// The compile-time half of the contract is in src/addon/sidebar-calls.ts (satisfies SidebarCalls)
// and src/addon/request-schema.ts (each zod schema parses exactly its request type).
describe("the sidebar's server calls", () => {
  it("are the globals the entry points export under those names, and no other sidebar function is", () => {
    const exported = Object.entries(entryPoints).filter(([name]) => name.startsWith("sidebar"));
    expect(Object.fromEntries(exported)).toEqual(SIDEBAR_CALLS);
    for (const [name, call] of exported) expect(call, name).toBe(SIDEBAR_CALLS[name as keyof typeof SIDEBAR_CALLS]);
  });
});
