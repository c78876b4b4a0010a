/**
 * SCORECARD through the built bundle gives the monthly run's numbers: the
 * bench's workload (src/local/bench/custom-function-workload.ts, smaller), every
 * month of the year, each call in a fresh execution, against the engine
 * computing the whole year at once as the monthly recalculation does.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { makeWallClock } from "../../src/core/calendar";
import { computePeriods } from "../../src/core/engine";
import { manualMetricKeys, planMetricKeys } from "../../src/core/plan-lookup";
import { previousPeriod } from "../../src/core/periods";
import { applyRecognitionNotes, managerKeysOf } from "../../src/core/recognition";
import type { PeriodResult } from "../../src/core/results";
import { scorecardWorkload } from "../../src/local/bench/custom-function-workload";
import { createSimulator, loadBundle } from "../../src/simulator";
import { headersOf, resultsColumns } from "../../src/tables/output-columns";
import { resultRow } from "../../src/tables/output-rows";
import { readPlan } from "../../src/tables/plan-table";
import { readInputs } from "../../src/tables/read-inputs";
import { inputGrids } from "../fixtures/input-grids";

const work = scorecardWorkload({ salesRows: 2_000, repCount: 20 });

/** The engine over the same grids, every month and the month before the first in one run. */
function engineYear(): { results: Map<string, PeriodResult>; metrics: string[] } {
  const wallClock = makeWallClock("UTC");
  const plan = readPlan(work.plan, "Plan", { wallClock }).plan;
  const read = readInputs(
    inputGrids({ reps: work.reps, sales: work.sales, targets: work.targets, scores: work.scores }),
    { wallClock, manualMetrics: manualMetricKeys(plan), planMetrics: new Set(planMetricKeys(plan)) },
  );
  expect(read.problems.filter((problem) => problem.severity === "error")).toEqual([]);
  const periods = [previousPeriod(work.months[0]), ...work.months];
  const engine = computePeriods({ records: read.records, plan, periods, planSheet: "Plan" });
  const results = new Map(engine.results.map((result) => [result.period, result]));
  const managerOf = new Map(read.records.reps.map((rep) => [rep.key, rep.manager]));
  for (const month of work.months) {
    const rows = results.get(month)?.rows ?? [];
    const before = results.get(previousPeriod(month))?.rows ?? [];
    applyRecognitionNotes(
      rows,
      before,
      managerKeysOf(rows, (rep) => managerOf.get(rep)),
    );
  }
  return { results, metrics: planMetricKeys(plan) };
}

function scorecardOf(month: string): unknown[][] {
  const bundle = loadBundle({ simulator: createSimulator({ timeZone: "UTC" }), context: { kind: "customFunction" } });
  return bundle.callJson(
    "SCORECARD",
    work.reps,
    work.sales,
    work.targets,
    work.scores,
    work.plan,
    month,
  ) as unknown[][];
}

/** A number cell as the bundle's JSON returns it: "" where the engine has none. */
function cellOf(value: number | null | undefined): number | string {
  return value === null || value === undefined || !Number.isFinite(value) ? "" : value;
}

describe("SCORECARD equals the engine on the bench's workload (2,000 sales rows, 20 reps)", () => {
  let engine: ReturnType<typeof engineYear>;
  beforeAll(() => {
    engine = engineYear();
  });

  it.each(work.months)("%s: every cell", (month) => {
    const table = scorecardOf(month);
    const result = engine.results.get(month);
    expect(result).toBeDefined();
    const rows = result?.rows ?? [];
    const columns = resultsColumns(engine.metrics);
    const header = table[0] as string[];
    expect(header).toEqual(headersOf(columns));
    // The workload has no input problems, so no summary row below the reps.
    expect(table).toHaveLength(1 + rows.length);
    expect(rows.length).toBe(20);
    // The workload scores and ranks every rep and pays most, so the comparison covers figures, not blanks.
    expect(rows.filter((row) => row.score !== null && row.rank !== null)).toHaveLength(20);
    expect(rows.filter((row) => (row.payout?.total ?? 0) > 0).length).toBeGreaterThan(10);
    const at = (line: unknown[], name: string) => line[header.indexOf(name)];
    rows.forEach((row, index) => {
      const line = table[index + 1];
      expect(at(line, "Period")).toBe(month);
      expect(at(line, "Rep ID")).toBe(row.id);
      expect(at(line, "Name")).toBe(row.name);
      expect(at(line, "Team")).toBe(row.team);
      expect(at(line, "Score")).toBe(cellOf(row.score));
      expect(at(line, "Rank")).toBe(cellOf(row.rank));
      expect(at(line, "Team rank")).toBe(cellOf(row.teamRank));
      expect(at(line, "Bonus")).toBe(cellOf(row.payout?.total));
      for (const metric of row.metrics) {
        expect(at(line, `${metric.key} actual`)).toBe(cellOf(metric.actual));
        expect(at(line, `${metric.key} target`)).toBe(cellOf(metric.target));
        expect(at(line, `${metric.key} attainment`)).toBe(cellOf(metric.attainment));
      }
    });
    // Every other cell (the Notes with their recognition) as the monthly run would write the row.
    const written = rows.map((row) =>
      resultRow(row, columns, { provisional: false, language: "en" }).map((cell) =>
        typeof cell === "number" ? cellOf(cell) : cell === null || cell === undefined ? "" : String(cell),
      ),
    );
    expect(table.slice(1)).toEqual(written);
  });
});
