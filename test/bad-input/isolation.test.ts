/**
 * No single rep and period stops a run: whatever throws while computing one
 * rep's metrics, pay or review (a bug of ours) costs that rep-period only.
 * Its Results row stays, marked "Not computed: internal error; see Run
 * log", a problem names the rep (their Reps row) and the period, and every
 * other rep and period is computed and written.
 *
 * How the failure is injected: the BUILT bundle has no test hook, and its
 * modules' functions are not reachable from outside (esbuild binds them
 * inside one closure, and the namespace object holds only entry points).
 * So the failure is planted in the vm realm the bundle runs in, by wrapping
 * one built-in the engine relies on, `Map.prototype.get`, so that it throws
 * for one exact lookup only:
 * - metrics: the mean of the csat scores of r0003 in 2026-02 (a key only the
 *   aggregation of that rep and month looks up in a Map of numbers);
 * - pay: the first adjustment filter of r0004 for 2026-02 (the lookup of
 *   their adjustments, then the month test of the February payout);
 * - review: the first history lookup of r0002 that finds their January row
 *   (the February review's).
 * The bundle's own code runs unmodified; only what one call answers is
 * changed, exactly as a bug in that spot would throw.
 */
import { describe, expect, it } from "vitest";
import { createSimulator, loadBundle, type Simulator } from "../../src/simulator";
import type { CellInput } from "../../src/simulator/snapshot";
import { teamSheets } from "../recalculation/fixtures";

const NOT_COMPUTED = "Not computed: internal error; see Run log";
const REVIEW_NOT_GENERATED = "Review not generated: internal error; see Run log";
const OUTPUT_SHEETS = ["Results", "Payouts", "Reviews", "Dashboard", "Run log"];

/** Code evaluated in the bundle's realm before the run: the three planted failures. */
const INJECT_FAILURES = String.raw`
(function () {
  var get = Map.prototype.get;
  var has = Set.prototype.has;
  var payArmed = false;
  var reviewFired = false;
  Map.prototype.get = function (key) {
    var value = get.call(this, key);
    if (key === "r0003\u00012026-02\u0001csat" && typeof value === "number") throw new TypeError("injected: metrics");
    if (key === "r0004" && Array.isArray(value) && value.length > 0 && value[0] && value[0].reason === "INJECTED") payArmed = true;
    if (!reviewFired && key === "r0002" && value && value.period === "2026-01" && Array.isArray(value.metrics)) {
      reviewFired = true;
      throw new RangeError("injected: review");
    }
    return value;
  };
  Set.prototype.has = function (item) {
    var found = has.call(this, item);
    if (payArmed) {
      payArmed = false;
      if (found && item === "2026-02" && this.size === 1) throw new TypeError("injected: pay");
    }
    return found;
  };
})();
`;

function sheetsWithInjectionTargets(): Record<string, CellInput[][]> {
  const sheets = teamSheets({ reps: 5, months: 3, salesRows: 60 });
  // r0003's quarter and year have csat of their own, so only February looks up the planted key.
  sheets.Scores.push(
    ["R0003", { value: "2026-Q1", format: "@" }, "csat", 4.2],
    ["R0003", { value: "2026", format: "@" }, "csat", 4.2],
  );
  sheets.Adjustments.push(["R0004", { value: "2026-02", format: "@" }, 100, "INJECTED"]);
  return sheets;
}

function run(sim: Simulator, inject: boolean): { outcome: string; problems: string[] } {
  const bundle = loadBundle({ simulator: sim, context: { kind: "manual" } });
  try {
    if (inject) bundle.evaluate(INJECT_FAILURES);
    return JSON.parse(String(bundle.evaluate("JSON.stringify(SalesScorecard.local.recalculate({}))")));
  } finally {
    bundle.end();
  }
}

function rowOf(sim: Simulator, sheet: string, period: string, repId: string): Record<string, unknown> | undefined {
  const [header, ...rows] = sim.sheetValues(sheet) as unknown[][];
  const row = rows.find((r) => r[0] === period && r[1] === repId);
  return row && Object.fromEntries((header as string[]).map((h, i) => [h, row[i]]));
}

function brokenCells(sim: Simulator): string[] {
  const broken: string[] = [];
  for (const name of OUTPUT_SHEETS.filter((n) => sim.sheetNames().includes(n))) {
    sim.sheetValues(name).forEach((row, r) =>
      (row as unknown[]).forEach((cell, c) => {
        if (
          (typeof cell === "number" && !Number.isFinite(cell)) ||
          (typeof cell === "string" && /\b(NaN|Infinity|undefined|null)\b|\[object /.test(cell))
        ) {
          broken.push(`${name} R${r + 1}C${c + 1}: ${String(cell)}`);
        }
      }),
    );
  }
  return broken;
}

describe("one rep-period that throws costs that rep-period only", () => {
  const clean = createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", sheets: sheetsWithInjectionTargets() });
  const cleanSummary = run(clean, false);
  const sim = createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", sheets: sheetsWithInjectionTargets() });
  const summary = run(sim, true);

  it("the run is done, and writes no broken cell", () => {
    expect(cleanSummary.outcome).toBe("done");
    expect(summary.outcome).toBe("done");
    expect(brokenCells(sim)).toEqual([]);
  });

  it("metrics: r0003's February row stays, marked and blank; a problem names the rep's row and the month", () => {
    const row = rowOf(sim, "Results", "2026-02", "R0003")!;
    expect(row.Notes).toContain(NOT_COMPUTED);
    expect(row.Score).toBe("");
    expect(row.Bonus).toBe("");
    expect(row["revenue actual"]).toBe("");
    // Reps: header on row 1, R0001 on row 2, so R0003 on row 4.
    expect(summary.problems).toContain(
      "Reps!A4: R0003 for 2026-02 was not computed because of an internal error (TypeError); their row is marked, everyone else was computed. Please report this",
    );
    expect(rowOf(sim, "Reviews", "2026-02", "R0003")!["Generated review"]).toBe(NOT_COMPUTED);
    expect(rowOf(sim, "Payouts", "2026-02", "R0003")).toBeUndefined();
  });

  it("metrics: r0003's other periods and everyone else's February are computed as without the failure", () => {
    for (const period of ["2026-01", "2026-03", "2026-Q1", "2026"]) {
      expect(rowOf(sim, "Results", period, "R0003")!.Score, period).toBe(
        rowOf(clean, "Results", period, "R0003")!.Score,
      );
    }
    for (const id of ["R0001", "R0002", "R0004", "R0005"]) {
      const row = rowOf(sim, "Results", "2026-02", id)!;
      expect(typeof row.Score, id).toBe("number");
      expect(row.Score, id).toBe(rowOf(clean, "Results", "2026-02", id)!.Score);
      expect(row["revenue actual"], id).toBe(rowOf(clean, "Results", "2026-02", id)!["revenue actual"]);
    }
  });

  it("pay: r0004's February keeps its score, its bonus is blank and marked, its other months are paid", () => {
    const row = rowOf(sim, "Results", "2026-02", "R0004")!;
    expect(row.Score).toBe(rowOf(clean, "Results", "2026-02", "R0004")!.Score);
    expect(row.Bonus).toBe("");
    expect(row.Notes).toContain(NOT_COMPUTED);
    expect(rowOf(sim, "Payouts", "2026-02", "R0004")).toBeUndefined();
    expect(summary.problems).toContain(
      "Reps!A5: R0004 for 2026-02 was not computed because of an internal error (TypeError); their row is marked, everyone else was computed. Please report this",
    );
    for (const period of ["2026-01", "2026-03"])
      expect(rowOf(sim, "Results", period, "R0004")!.Bonus, period).toBe(
        rowOf(clean, "Results", period, "R0004")!.Bonus,
      );
    expect(rowOf(sim, "Results", "2026-02", "R0005")!.Bonus).toBe(rowOf(clean, "Results", "2026-02", "R0005")!.Bonus);
  });

  it("review: r0002's February review cell holds a short note, every other review is written", () => {
    expect(rowOf(sim, "Reviews", "2026-02", "R0002")!["Generated review"]).toBe(REVIEW_NOT_GENERATED);
    expect(summary.problems).toContain(
      "Reps!A3: the review of R0002 for 2026-02 was not generated because of an internal error (RangeError); its cell holds a note, the other reviews were written. Please report this",
    );
    // Results are untouched by a failed review.
    expect(rowOf(sim, "Results", "2026-02", "R0002")!.Score).toBe(rowOf(clean, "Results", "2026-02", "R0002")!.Score);
    const reviews = (sim.sheetValues("Reviews") as unknown[][]).slice(1);
    const notes = reviews
      .filter((r) => r[2] === REVIEW_NOT_GENERATED || r[2] === NOT_COMPUTED)
      .map((r) => r[0] + " " + r[1]);
    expect(notes.sort()).toEqual(["2026-02 R0002", "2026-02 R0003"]);
    for (const r of reviews) expect(String(r[2]).length, r[0] + " " + r[1]).toBeGreaterThan(40);
  });

  it("the problems are exactly the three injected failures beyond what a clean run reports", () => {
    const extra = summary.problems.filter((p) => !cleanSummary.problems.includes(p));
    expect(extra).toHaveLength(3);
  });
});
