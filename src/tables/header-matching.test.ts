import { describe, expect, it } from "vitest";
import { formatProblem } from "../core/problems";
import { describeHeaders, findHeaderRow, matchHeaders, normalizeHeader } from "./header-matching";
import { REPS_COLUMNS, SALES_COLUMNS, TARGETS_COLUMNS } from "./input-columns";

describe("normalizeHeader", () => {
  it("ignores case, spaces, _ and -", () => {
    for (const header of ["Rep ID", " rep_id ", "REP-ID", "Rep  _-  Id"])
      expect(normalizeHeader(header), header).toBe("repid");
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
    expect(index).toEqual({
      date: 4,
      rep: 3,
      customer: 2,
      amount: 1,
      type: -1,
      status: -1,
      opened: -1,
      split: 6,
      dealId: 5,
      probability: -1,
    });
  });

  it("accepts the Chinese headers and names columns in Chinese", () => {
    const { index, label, problems } = matchHeaders(
      ["日期", "销售编号", "客户", "金额", "类型", "状态", "创建日期", "分成比例", "订单编号"],
      SALES_COLUMNS,
      "销售",
    );
    expect(problems).toEqual([]);
    expect(index).toEqual({
      date: 0,
      rep: 1,
      customer: 2,
      amount: 3,
      type: 4,
      status: 5,
      opened: 6,
      split: 7,
      dealId: 8,
      probability: -1,
    });
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

  it("lists the headers found and the likeliest, for an input sheet that can be mapped", () => {
    const { problems } = matchHeaders(["Fecha", "Vendedor", "Importe total", "Amount due"], SALES_COLUMNS, "Sales", {
      sheetKey: "sales",
    });
    expect(problems.map((p) => formatProblem(p, "en"))).toEqual([
      "Sales!E1: the required column Date is missing; row 1 has: Fecha, Vendedor, Importe total, Amount due. Map it in Setup → Columns (locally: --mapping)",
      "Sales!F1: the required column Rep ID is missing; row 1 has: Fecha, Vendedor, Importe total, Amount due. Map it in Setup → Columns (locally: --mapping)",
      // Both contain a name Amount is known by (Amount, and the order exports' Total).
      'Sales!G1: the required column Amount is missing: is it "Amount due" / "Importe total"? Row 1 has: Fecha, Vendedor, Importe total, Amount due. Map it in Setup → Columns (locally: --mapping)',
    ]);
  });

  it("recognises a CRM export's headers and prefers the better name when two columns name one field", () => {
    const { index, matchedBy, label, problems } = matchHeaders(
      ["Opportunity Name", "Opportunity Owner", "Amount", "Close Date", "Stage", "Account Name", "close_value"],
      SALES_COLUMNS,
      "Sales",
      { sheetKey: "sales" },
    );
    expect(problems).toEqual([]);
    expect([index.rep, index.amount, index.date, index.status, index.customer]).toEqual([1, 2, 3, 4, 5]);
    expect(matchedBy.amount).toBe("built-in");
    expect(matchedBy.date).toBe("alias");
    expect(label.date).toBe("Close Date");
  });

  it("lets the manager's mapping win over every name", () => {
    const { index, matchedBy } = matchHeaders(["Date", "Fecha", "Vendedor", "Importe"], SALES_COLUMNS, "Sales", {
      sheetKey: "sales",
      mapping: { date: "fecha", rep: " Vendedor ", amount: "IMPORTE" },
    });
    expect([index.date, index.rep, index.amount]).toEqual([1, 2, 3]);
    expect(matchedBy.date).toBe("mapping");
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
    expect(
      matchHeaders(["销售编号", "期间", "指标"], TARGETS_COLUMNS, "目标", { sheetKey: "targets" }).problems.map((p) =>
        formatProblem(p, "zh"),
      ),
    ).toEqual([
      "'目标'!D1: 缺少必填列 目标；第 1 行的表头为：销售编号, 期间, 指标。请在“设置 → 列对应”中指定（本地运行用 --mapping）",
    ]);
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

describe("findHeaderRow", () => {
  it("finds the header row below a report's title and filter lines", () => {
    const values = [
      ["Opportunities by owner"],
      ["Filtered by: Close Date equals THIS YEAR"],
      [],
      ["Opportunity Owner", "Close Date", "Amount", "Stage"],
      ["Ann", "3/1/2026", 100, "Closed Won"],
    ];
    expect(findHeaderRow(values, SALES_COLUMNS, { sheetKey: "sales" })).toBe(3);
  });

  it("keeps the first row when it is the header, and the first non-blank row when nothing is recognised", () => {
    expect(
      findHeaderRow(
        [
          ["Date", "Rep ID", "Amount"],
          ["Date", "Rep ID", "Amount"],
        ],
        SALES_COLUMNS,
      ),
    ).toBe(0);
    expect(findHeaderRow([[], ["", "Fecha", "Vendedor"], ["x"]], SALES_COLUMNS, { sheetKey: "sales" })).toBe(1);
  });

  it("looks no further than the first 10 rows", () => {
    const values = [...Array.from({ length: 10 }, () => ["title"]), ["Date", "Rep ID", "Amount"]];
    expect(findHeaderRow(values, SALES_COLUMNS)).toBe(0);
  });
});

describe("describeHeaders", () => {
  it("says for each field what it is matched with and guesses the rest", () => {
    const described = describeHeaders([["Vendedor", "Close Date", "Importe total"]], "sales", { rep: "Vendedor" });
    expect(described.headerRow).toBe(1);
    expect(described.headers).toEqual(["Vendedor", "Close Date", "Importe total"]);
    const byField = Object.fromEntries(described.fields.map((f) => [f.field, f]));
    expect(byField.rep).toMatchObject({ matched: "Vendedor", how: "mapping", required: true });
    expect(byField.date).toMatchObject({ matched: "Close Date", how: "alias" });
    expect(byField.amount).toMatchObject({ matched: null, how: null, required: true });
  });
});
