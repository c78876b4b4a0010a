import { describe, expect, it } from "vitest";
import { makeWallClock } from "../../src/core/calendar";
import { formatProblem } from "../../src/core/problems";
import type { InputSheetKey } from "../../src/tables/input-columns";
import { readInputs, type InputGrids, type ReadInputsOptions } from "../../src/tables/read-inputs";
import {
  BAD_INPUT_CASES,
  CORPUS_MANUAL_METRICS,
  CORPUS_PLAN_METRICS,
  CORPUS_TIME_ZONE,
  DEFAULT_SHEET_NAMES,
  type BadInputCase,
} from "./corpus";

const OPTIONS: ReadInputsOptions = {
  wallClock: makeWallClock(CORPUS_TIME_ZONE),
  planMetrics: new Set(CORPUS_PLAN_METRICS),
  manualMetrics: new Set(CORPUS_MANUAL_METRICS),
};

function gridsOf(testCase: BadInputCase): InputGrids {
  const grids = {} as InputGrids;
  for (const key of Object.keys(DEFAULT_SHEET_NAMES) as InputSheetKey[]) {
    grids[key] = { sheetName: testCase.sheetNames?.[key] ?? DEFAULT_SHEET_NAMES[key], values: testCase.grids[key] };
  }
  return grids;
}

function countsOf(result: ReturnType<typeof readInputs>): Record<InputSheetKey, number> {
  const { reps, sales, targets, scores, adjustments } = result.records;
  return {
    reps: reps.length,
    sales: sales.length,
    targets: targets.length,
    scores: scores.length,
    adjustments: adjustments.length,
  };
}

describe("bad input corpus", () => {
  it("has at least 40 cases with distinct names", () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_INPUT_CASES.map((c) => c.name)).size).toBe(BAD_INPUT_CASES.length);
  });

  for (const testCase of BAD_INPUT_CASES) {
    describe(testCase.name, () => {
      const result = readInputs(gridsOf(testCase), OPTIONS);

      it("reports exactly the expected problems", () => {
        expect(result.problems.map((problem) => formatProblem(problem, "en"))).toEqual(testCase.expectedProblems);
      });

      it("still reads everything else", () => {
        expect(countsOf(result)).toEqual(testCase.expectedCounts);
      });

      it("reads Sales the same through the zod schema as through the fast path", () => {
        const throughSchema = readInputs(gridsOf(testCase), { ...OPTIONS, salesThroughSchema: true });
        expect(throughSchema.problems).toEqual(result.problems);
        expect(throughSchema.records).toEqual(result.records);
      });

      it("reads every sheet the same through the zod schema as through the plain loops", () => {
        const throughSchema = readInputs(gridsOf(testCase), { ...OPTIONS, throughSchema: true });
        expect(throughSchema.problems).toEqual(result.problems);
        expect(throughSchema.records).toEqual(result.records);
      });

      it("can say every problem in Chinese too", () => {
        for (const problem of result.problems) {
          const text = formatProblem(problem, "zh");
          expect(text).not.toMatch(/\{\w+\}/);
          expect(text).toMatch(/[\u4e00-\u9fff]/);
        }
      });
    });
  }
});

describe("problems in Chinese", () => {
  function problemsOf(name: string, language: "en" | "zh"): string[] {
    const testCase = BAD_INPUT_CASES.find((c) => c.name === name);
    if (!testCase) throw new Error("no case " + name);
    return readInputs(gridsOf(testCase), OPTIONS).problems.map((problem) => formatProblem(problem, language));
  }

  it("says a missing sheet, unknown reps and bad numbers in Chinese", () => {
    expect(problemsOf("without a Reps sheet the reps are the owners in Sales, said once", "zh")[0]).toBe(
      "Reps!A1: 没有销售人员表（或表为空）：已把销售记录中的 3 名负责人作为销售人员；“创建模板工作表”可将其写入销售人员表供补充",
    );
    expect(problemsOf("reps that are not on the Reps sheet, in every sheet", "zh")).toEqual([
      "Sales!B5: 销售编号「R9」不在销售人员表中，该行未计入",
      "Targets!A5: 销售编号「R9」不在销售人员表中，该行未计入",
      "Scores!A3: 销售编号「R9」不在销售人员表中，该行未计入",
      "Adjustments!A3: 销售编号「R9」不在销售人员表中，该行未计入",
    ]);
    expect(
      problemsOf("two Reps rows with one ID are both left out, and so are the rep's rows elsewhere", "zh").slice(0, 3),
    ).toEqual([
      "Reps!A2: 销售编号「R1」与 A5 重复，两行均未计入",
      "Reps!A5: 销售编号「R1」与 A2 重复，两行均未计入",
      "Sales!B2: 销售编号「R1」在销售人员表中未计入（见 Reps!A2），该行未计入",
    ]);
    expect(problemsOf("Split outside 0-1 (50% is accepted)", "zh")[0]).toBe(
      "Sales!H5: 分成比例 1.5 必须在 0 到 1 之间，该行未计入",
    );
    expect(problemsOf("targets at or below zero", "zh")[0]).toBe("Targets!D5: 目标 0 必须大于 0，该行未计入");
  });

  it("names columns as the sheet's Chinese headers do", () => {
    const result = readInputs(
      {
        reps: {
          sheetName: "销售人员",
          values: [
            ["销售编号", "姓名"],
            ["R1", "张伟"],
          ],
        },
        sales: {
          sheetName: "销售记录",
          values: [
            ["日期", "销售编号", "客户", "金额"],
            ["2026-02-30", "R1", "星辰科技", "很多"],
          ],
        },
        targets: { sheetName: "目标", values: [["销售编号", "期间", "指标"]] },
        scores: { sheetName: "评分", values: null },
        adjustments: { sheetName: "调整", values: null },
      },
      OPTIONS,
    );
    expect(result.problems.map((problem) => formatProblem(problem, "zh"))).toEqual([
      "'销售记录'!A2: 日期「2026-02-30」不是有效日期（请写成 2026-03-31、2026年3月31日，或使用日期单元格），该行未计入",
      "'销售记录'!D2: 金额「很多」不是数字，该行未计入",
      "'目标'!D1: 缺少必填列 目标；第 1 行的表头为：销售编号, 期间, 指标。请在“设置 → 列对应”中指定（本地运行用 --mapping）",
    ]);
  });
});
