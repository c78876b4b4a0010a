/**
 * Values that could break a run or vanish in silence, each a problem at
 * its cell while the run is done and the
 * rest is computed, through the BUILT bundle:
 * - two deals of 1e308 for one rep: both are problems at their Amount
 *   cells, and the rep's real 12,000 stays his revenue;
 * - a deal dated 0202-03-05 and one dated 1899-12-30 (Sheets' day zero):
 *   problems at their Date cells;
 * - a deal of a rep whose Start date is in 2099: a warning at its Date
 *   cell (the engine counts only employed reps in a month, so the deal is
 *   left out of that month, never in silence).
 */
import { describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../src/simulator";
import type { CellInput } from "../../src/simulator/snapshot";
import { recalculateLocally } from "../recalculation/fixtures";

const REPS: CellInput[][] = [
  ["Rep ID", "Name", "Team", "Start date"],
  ["R1", "Ann", "East", ""],
  ["R2", "Bob", "East", ""],
  ["R3", "Cat", "West", { wallClock: "2099-01-01T00:00:00" }],
];
const SALES_HEADER: CellInput[] = ["Date", "Rep ID", "Customer", "Amount"];
const TARGETS: CellInput[][] = [
  ["Rep ID", "Period", "Metric", "Target"],
  ["*", { value: "2026-03", format: "@" }, "revenue", 10000],
];

function simulator(sales: CellInput[][]): Simulator {
  return createSimulator({
    now: "2026-04-10T04:00:00Z",
    timeZone: "UTC",
    sheets: { Reps: REPS, Sales: [SALES_HEADER, ...sales], Targets: TARGETS },
  });
}

function run(sim: Simulator): { outcome: string; problems: string[] } {
  return recalculateLocally(sim) as { outcome: string; problems: string[] };
}

function marchRow(sim: Simulator, repId: string): Record<string, unknown> | undefined {
  const [header, ...rows] = sim.sheetValues("Results") as unknown[][];
  const row = rows.find((r) => r[0] === "2026-03" && r[1] === repId);
  return row && Object.fromEntries((header as string[]).map((h, i) => [h, row[i]]));
}

function at(problems: readonly string[], cell: string): string[] {
  return problems.filter((line) => line.startsWith(cell + ": ") || line.startsWith(cell + ","));
}

describe("values the probe found", () => {
  // Each case: two odd deals between a good one for R1 and one for R2; each odd deal is one problem at its cell.
  const oddDeals = [
    {
      name: "two deals of 1e308 for one rep are problems at their cells, and his real 12,000 stays",
      deals: [
        [{ wallClock: "2026-03-10T10:00:00" }, "R1", "Huge", 1e308],
        [{ wallClock: "2026-03-11T10:00:00" }, "R1", "Huger", 1e308],
      ],
      cells: ["Sales!D3", "Sales!D4"],
    },
    {
      name: "deals dated 0202-03-05 and 1899-12-30 are problems at their Date cells, and the run is done",
      deals: [
        [{ wallClock: "0202-03-05T10:00:00" }, "R1", "Ancient", 5000],
        [{ wallClock: "1899-12-30T00:00:00" }, "R2", "Day zero", 7000],
      ],
      cells: ["Sales!A3", "Sales!A4"],
    },
  ];
  for (const { name, deals, cells } of oddDeals) {
    it(name, () => {
      const sim = simulator([
        [{ wallClock: "2026-03-05T10:00:00" }, "R1", "Acme", 12000],
        ...deals,
        [{ wallClock: "2026-03-12T10:00:00" }, "R2", "Globex", 8000],
      ]);
      const summary = run(sim);
      expect(summary.outcome).toBe("done");
      for (const cell of cells) expect(at(summary.problems, cell), cell).toHaveLength(1);
      expect(marchRow(sim, "R1")!["revenue actual"]).toBe(12000);
      expect(marchRow(sim, "R2")!["revenue actual"]).toBe(8000);
    });
  }

  it("a deal of a rep whose Start date is 2099 is a warning at its Date cell, not a silent drop", () => {
    const sim = simulator([
      [{ wallClock: "2026-03-05T10:00:00" }, "R1", "Acme", 12000],
      [{ wallClock: "2026-03-06T10:00:00" }, "R3", "Initech", 9000],
    ]);
    const summary = run(sim);
    expect(summary.outcome).toBe("done");
    expect(summary.problems).toContain(
      "Sales!A3: the deal is dated 2026-03-06, in a month when R3 was not employed (Start date 2099-01-01, End date -); it is left out of that month",
    );
    expect(marchRow(sim, "R3")).toBeUndefined();
    expect(marchRow(sim, "R1")!["revenue actual"]).toBe(12000);
  });
});
