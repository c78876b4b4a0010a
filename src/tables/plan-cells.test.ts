import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_METRICS, metricLabel } from "../core/metric-catalog";
import { MAX_PLAN_NUMBER, MAX_PLAN_RATE } from "../core/number-text";
import { metricKeyOf, type RowCells, readRowCells, rowCells, rowSchemaOf, rowSchemas, textOf } from "./plan-cells";

/** The plan problem codes a row's cells raise, by field. */
function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] };
}): Record<string, string> {
  if (result.success) return {};
  return Object.fromEntries(result.error!.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe("plan number bounds", () => {
  it("reads tier rates up to a million and bounds up to a trillion, the bounds included", () => {
    expect(MAX_PLAN_RATE).toBe(1e6);
    expect(MAX_PLAN_NUMBER).toBe(1e12);
    expect(rowSchemas().tier.safeParse({ key: "Commission", bound: 1e12, rate: 1e6 })).toEqual({
      success: true,
      data: { key: "Commission", bound: 1e12, rate: 1e6 },
    });
  });

  it("refuses a tier rate or bound just above its bound, and 1e308, as plan_too_large on that field", () => {
    expect(issuesOf(rowSchemas().tier.safeParse({ key: "C", bound: 0, rate: 1_000_001 }))).toEqual({
      rate: "plan_too_large",
    });
    expect(issuesOf(rowSchemas().tier.safeParse({ key: "C", bound: 1e12 + 1, rate: 0.1 }))).toEqual({
      bound: "plan_too_large",
    });
    expect(issuesOf(rowSchemas().tier.safeParse({ key: "C", bound: "1e308", rate: 1e308 }))).toEqual({
      bound: "plan_too_large",
      rate: "plan_too_large",
    });
    const issue = rowSchemas().tier.safeParse({ key: "C", bound: 0, rate: 1e308 }).error!.issues[0] as {
      params?: unknown;
    };
    expect(issue.params).toEqual({ value: "1e+308", max: "1,000,000" });
  });

  it("bounds a maximum rate like a tier rate, and the target bonus like an amount", () => {
    expect(
      issuesOf(rowSchemas().bonus.safeParse({ key: "B", driver: "", mode: "", gate: "", maxRate: 1e308 })),
    ).toEqual({ maxRate: "plan_too_large" });
    expect(
      issuesOf(rowSchemas().commission.safeParse({ key: "C", driver: "", mode: "", gate: 1e13, maxRate: 2 })),
    ).toEqual({ gate: "plan_too_large" });
    expect(issuesOf(rowSchemas().settingValue.target_bonus.safeParse({ value: -1e308 }))).toEqual({
      value: "plan_too_large",
    });
    expect(rowSchemas().settingValue.target_bonus.safeParse({ value: 1e12 }).success).toBe(true);
  });

  it("reads NaN and the infinities as not numbers", () => {
    for (const rate of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(issuesOf(rowSchemas().tier.safeParse({ key: "C", bound: 0, rate }))).toEqual({ rate: "plan_bad_number" });
    }
  });

  it("says an error value in a text cell is not text", () => {
    expect(textOf("#N/A")).toEqual({
      planProblem: "plan_bad_value",
      args: { value: "#N/A", expected: "text, not an error value" },
    });
  });
});

describe("plan row cells read plainly", () => {
  // Values each cell may hold: blanks, words of every reader, numbers in and out of bounds, wrong kinds.
  const CELL_VALUES: unknown[] = [
    "",
    null,
    undefined,
    "  ",
    "Revenue",
    "csat",
    "新客户数",
    "team bonus",
    "higher",
    "lower",
    "sideways",
    "step",
    "linear",
    "score",
    "attainment:revenue",
    "team_attainment:win_rate",
    "attainment:x:y",
    "monthly",
    "季度",
    "USD",
    "¥",
    "auto",
    "zh",
    "on",
    "否",
    "fiscal_year_start",
    "payout period",
    "nope",
    "#N/A",
    "x".repeat(1001),
    "10%",
    "1,200",
    "-5",
    "1e308",
    0,
    1,
    3,
    0.5,
    1.5,
    -1,
    13,
    601,
    1e13,
    Number.NaN,
    true,
    new Date(Date.UTC(2026, 2, 1)),
  ];

  it("gives the row exactly when its schema reads it, with the same values", () => {
    const { settingValue, ...types } = rowCells();
    const every = [...Object.values(types), ...Object.values(settingValue)] as RowCells<unknown>[];
    const cellsOf = (fields: string[]) =>
      fc.record(Object.fromEntries(fields.map((field) => [field, fc.constantFrom(...CELL_VALUES)])));
    for (const cells of every) {
      fc.assert(
        fc.property(cellsOf(Object.keys(cells.readers)), (raw) => {
          const parsed = rowSchemaOf(cells).safeParse(raw);
          expect(readRowCells(cells, raw)).toEqual(parsed.success ? parsed.data : null);
        }),
        { numRuns: 300 },
      );
    }
  });

  it("leaves a metric whose cap is below its floor to the schema, which names the cap", () => {
    const raw = { key: "revenue", weight: 1, direction: "", floor: 0.8, cap: 0.5 };
    expect(readRowCells(rowCells().metric, raw)).toBeNull();
    expect(issuesOf(rowSchemas().metric.safeParse(raw))).toEqual({ cap: "plan_cap_below_floor" });
  });
});

describe("metricKeyOf", () => {
  it("reads each built-in metric's key and its English and Chinese names, in any case and spacing, as its key", () => {
    for (const metric of BUILT_IN_METRICS) {
      for (const name of [metric.key, metricLabel(metric.key, "en"), metricLabel(metric.key, "zh")]) {
        expect(metricKeyOf(`  ${name.toUpperCase().replace(/_/g, " ")} `)).toBe(metric.key);
      }
    }
  });

  it("keeps any other name as a key of its own", () => {
    expect(metricKeyOf(" CSAT score ")).toBe("csat_score");
    expect(metricKeyOf("on-time delivery")).toBe("on_time_delivery");
  });
});
