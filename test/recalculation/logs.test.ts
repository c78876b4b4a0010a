/**
 * What reaches the developer's Cloud logs: ids, codes and counts, never
 * names, amounts, review text or cell values (docs/sheet-formats.md#problems-scopes-and-logs).
 */
import { describe, expect, it } from "vitest";
import { callGlobal, recalculateNow, teamSimulator } from "./fixtures";

const NAME = "Zelda Quixote";
const CUSTOMER = "Umbrella Holdings";
const AMOUNT = 98765.43;

describe("logs", () => {
  it("carry no names, customers, amounts or review text, through runs, a refused run and a failed sheet", () => {
    const sim = teamSimulator({
      extraReps: [["RZ01", NAME, "East", "", ""]],
      extraSales: [[{ wallClock: "2026-02-10T10:00:00" }, "RZ01", CUSTOMER, AMOUNT, "new", "won"]],
    });
    recalculateNow(sim, "alice");
    callGlobal(sim, "menuRecalculateNow", { kind: "manual", user: "alice" });
    sim.holdLock("script");
    callGlobal(sim, "menuRecalculateNow", { kind: "manual", user: "bob" });
    sim.releaseHeldLock("script");
    const messages = sim.logMessages();
    expect(messages.length).toBeGreaterThan(0);
    const all = messages.join("\n");
    expect(all).not.toContain(NAME);
    expect(all).not.toContain(CUSTOMER);
    expect(all).not.toContain(String(AMOUNT));
    expect(all).not.toContain("98,765");
    expect(all).not.toMatch(/Performance review|Rep \d/);
    // Every line is a JSON object of ids, codes and counts.
    for (const line of messages) {
      const fields = JSON.parse(line) as Record<string, unknown>;
      for (const value of Object.values(fields))
        expect(["string", "number", "boolean"]).toContain(value === null ? "boolean" : typeof value);
    }
  });
});
