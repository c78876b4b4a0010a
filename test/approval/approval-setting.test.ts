/**
 * The Plan's `approval` setting (审批): on/off, 是/否, TRUE/FALSE or a
 * checkbox; off by default; any other value is a problem of the version.
 */
import { describe, expect, it } from "vitest";
import { PLAN_COLUMNS, type PlanColumn } from "../../src/core/default-plan";
import { formatProblem } from "../../src/core/problems";
import { readPlan } from "../../src/tables/plan-table";

const EN_HEADERS = PLAN_COLUMNS.map((column) => column.header.en);

function planWith(setting: { key: string; value: unknown } | null): unknown[][] {
  const rows: Partial<Record<PlanColumn, unknown>>[] = [{ type: "metric", key: "revenue", weight: 1 }];
  if (setting) rows.push({ type: "setting", key: setting.key, value: setting.value });
  return [EN_HEADERS, ...rows.map((row) => PLAN_COLUMNS.map(({ column }) => row[column] ?? ""))];
}

function approvalOf(setting: { key: string; value: unknown } | null): { approval: boolean; problems: string[] } {
  const { plan, problems } = readPlan(planWith(setting), "Plan");
  return {
    approval: plan.versions[0].settings.approval,
    problems: problems.map((problem) => formatProblem(problem, "en")),
  };
}

describe("the approval setting", () => {
  it("is off when the Plan does not give it", () => {
    expect(approvalOf(null)).toEqual({ approval: false, problems: [] });
  });

  for (const [key, value, on] of [
    ["approval", "on", true],
    ["approval", "OFF", false],
    ["审批", "是", true],
    ["审批", "否", false],
    ["Approval", "TRUE", true],
    ["approval", "false", false],
    ["approval", true, true],
    ["approval", false, false],
  ] as const) {
    it(`reads ${key} = ${String(value)} as ${on ? "on" : "off"}`, () => {
      expect(approvalOf({ key, value })).toEqual({ approval: on, problems: [] });
    });
  }

  it("makes the version unusable with any other value, saying which values it takes", () => {
    const { problems } = approvalOf({ key: "approval", value: "maybe" });
    expect(problems).toEqual([
      'Plan!O3: Value "maybe" is not valid here (on, off (是, 否), TRUE, FALSE); plan version - is not used',
    ]);
  });
});
