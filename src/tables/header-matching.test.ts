import { describe, expect, it } from "vitest";
import { formatProblem } from "../core/problems";
import { matchHeaders, normalizeHeader } from "./header-matching";
import { REPS_COLUMNS, SALES_COLUMNS, TARGETS_COLUMNS } from "./input-columns";

describe("normalizeHeader", () => {
  it("ignores case, spaces, _ and -", () => {
    expect(normalizeHeader("Rep ID")).toBe("repid");
    expect(normalizeHeader(" rep_id ")).toBe("repid");
    expect(normalizeHeader("REP-ID")).toBe("repid");
    expect(normalizeHeader("Rep  _-  Id")).toBe("repid");
    expect(normalizeHeader("StartDate")).toBe("startdate");
  });

  it("ignores full-width spaces and reads full-width letters as ASCII", () => {
    expect(normalizeHeader("销售\u3000编号")).toBe("销售编号");
    expect(normalizeHeader("ＲｅｐＩＤ")).toBe("repid");
    expect(normalizeHeader("\uFEFFDate")).toBe("date"); // a byte-order mark from a CSV export
  });

  it("reads non-text headers as text", () => {
    expect(normalizeHeader(2026)).toBe("2026");
    expect(normalizeHeader(null)).toBe("");
    expect(normalizeHeader(undefined)).toBe("");
  });
});

describe("matchHeaders", () => {
  it("finds columns in any order, case and spacing, ignoring extra columns", () => {
    const { index, problems, complete } = matchHeaders(
      ["notes", "AMOUNT", "customer", "rep_id", " date ", "Deal-ID", "split"],
      SALES_COLUMNS,
      "Sales",
    );
    expect(problems).toEqual([]);
    expect(complete).toBe(true);
    expect(index).toEqual({ date: 4, rep: 3, customer: 2, amount: 1, type: -1, status: -1, opened: -1, split: 6, dealId: 5 });
  });

  it("accepts the Chinese headers and names columns in Chinese", () => {
    const { index, label, problems } = matchHeaders(["日期", "销售编号", "客户", "金额", "类型", "状态", "创建日期", "分成比例", "订单编号"], SALES_COLUMNS, "销售");
    expect(problems).toEqual([]);
    expect(index).toEqual({ date: 0, rep: 1, customer: 2, amount: 3, type: 4, status: 5, opened: 6, split: 7, dealId: 8 });
    expect(label.amount).toBe("金额");
  });

  it("mixes English and Chinese headers", () => {
    const { index, label, problems } = matchHeaders(["Rep ID", "姓名", "Start date", "离职日期"], REPS_COLUMNS, "Reps");
    expect(problems).toEqual([]);
    expect([index.id, index.name, index.start, index.end]).toEqual([0, 1, 2, 3]);
    expect([label.id, label.name]).toEqual(["Rep ID", "姓名"]);
  });

  it("reports a missing required column on the first free header cell", () => {
    const { problems, complete } = matchHeaders(["Date", "Rep ID", "Customer", "", "Notes"], SALES_COLUMNS, "Sales");
    expect(complete).toBe(false);
    expect(problems.map((p) => formatProblem(p, "en"))).toEqual(["Sales!F1: the required column Amount is missing"]);
  });

  it("puts several missing columns on consecutive free cells, from A1 on an empty row", () => {
    const { problems } = matchHeaders([], TARGETS_COLUMNS, "Targets");
    expect(problems.map((p) => formatProblem(p, "en"))).toEqual([
      "Targets!A1: the required column Rep ID is missing",
      "Targets!B1: the required column Period is missing",
      "Targets!C1: the required column Metric is missing",
      "Targets!D1: the required column Target is missing",
    ]);
  });

  it("names a missing column in Chinese when the sheet's headers are Chinese", () => {
    const { problems } = matchHeaders(["销售编号", "期间", "指标"], TARGETS_COLUMNS, "目标");
    expect(problems.map((p) => formatProblem(p, "zh"))).toEqual(["'目标'!D1: 缺少必填列 目标"]);
  });

  it("does not mind a missing optional column", () => {
    const { index, problems, complete } = matchHeaders(["Rep ID", "Name"], REPS_COLUMNS, "Reps");
    expect(problems).toEqual([]);
    expect(complete).toBe(true);
    expect(index.targetBonus).toBe(-1);
  });

  it("warns about a column found twice and uses the first", () => {
    const { index, problems } = matchHeaders(["Date", "Rep ID", "Customer", "Amount", "金额"], SALES_COLUMNS, "Sales");
    expect(index.amount).toBe(3);
    expect(problems.map((p) => [formatProblem(p, "en"), p.severity])).toEqual([
      ["Sales!E1: the column 金额 appears twice; the first one is used", "warning"],
    ]);
  });

  it("quotes a sheet name with spaces", () => {
    const { problems } = matchHeaders(["Rep ID"], REPS_COLUMNS, "My reps");
    expect(formatProblem(problems[0], "en")).toBe("'My reps'!B1: the required column Name is missing");
  });
});
