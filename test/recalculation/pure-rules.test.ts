/**
 * The pure rules behind a run: which periods are due, how rows merge, how
 * text is neutralised, how the problem list is cut, how reviews keep their
 * places, how settings validate.
 */
import { describe, expect, it } from "vitest";
import { dayNumber } from "../../src/core/calendar";
import { a1 } from "../../src/core/a1-notation";
import { APRIL_RUN, MONTHLY_SCHEDULE, wallMoment as wall } from "../fixtures/scheduled-run";
import { problemAt } from "../../src/core/problems";
import * as duePeriods from "../../src/addon/due-periods";
import { hashText } from "../../src/addon/input-fingerprint";
import * as reviewCells from "../../src/addon/review-cells";
import { problemListText } from "../../src/addon/run-log-row";
import { defaultSettings, runLanguage, validateSettings } from "../../src/addon/settings";
import { leaseIsLive } from "../../src/addon/run-guard";
import { resultsColumns } from "../../src/tables/output-columns";
import { comparePeriodCells, mergeByPeriod, rowOrder, tableOf } from "../../src/tables/output-rows";
import { formatLike, tableChanges } from "../../src/tables/restatement-diff";
import { cutLines, neutraliseText } from "../../src/tables/sheet-text";
import { latestPeriod } from "../../src/addon/dashboard-rows";

describe("due periods", () => {
  it("makes a month due at the schedule's day and hour of the next month", () => {
    expect(duePeriods.monthDueAt("2026-12", { day: 3, hour: 6 })).toBe(dayNumber(2027, 1, 3) * 1440 + 360);
    expect(duePeriods.isPeriodDue("2026-03", wall(2026, 4, 3, 5, 59), MONTHLY_SCHEDULE, 1)).toBe(false);
    expect(duePeriods.isPeriodDue("2026-03", wall(2026, 4, 3, 6, 0), MONTHLY_SCHEDULE, 1)).toBe(true);
    expect(duePeriods.isPeriodDue("2026-Q1", wall(2026, 4, 3, 6, 0), MONTHLY_SCHEDULE, 1)).toBe(true);
    expect(duePeriods.isPeriodDue("2026-Q2", wall(2026, 4, 3, 6, 0), MONTHLY_SCHEDULE, 1)).toBe(false);
    expect(duePeriods.isPeriodDue("2025", wall(2026, 1, 3, 6, 0), MONTHLY_SCHEDULE, 1)).toBe(true);
    expect(duePeriods.isPeriodDue("2025", wall(2026, 1, 3, 6, 0), MONTHLY_SCHEDULE, 4)).toBe(false); // fiscal 2025 ends March 2026
  });

  it("locally, makes a period final once it has ended by the latest date in Sales", () => {
    const local = { kind: "local" as const, latestSalesDay: dayNumber(2026, 3, 31) };
    expect(duePeriods.isPeriodDue("2026-03", wall(2020, 1, 1), local, 1)).toBe(true);
    expect(duePeriods.isPeriodDue("2026-Q1", wall(2020, 1, 1), local, 1)).toBe(true);
    expect(duePeriods.isPeriodDue("2026-04", wall(2020, 1, 1), local, 1)).toBe(false);
    expect(duePeriods.isPeriodDue("2026", wall(2020, 1, 1), local, 1)).toBe(false);
  });

  it("orders periods by their end and plans the non-final ones", () => {
    expect(duePeriods.periodsInRange("2025-11", "2026-01", 1)).toEqual([
      "2025-11",
      "2025-12",
      "2025-Q4",
      "2025",
      "2026-01",
      "2026-Q1",
      "2026",
    ]);
    const plan = duePeriods.planRun({ ...APRIL_RUN, final: new Set(["2026-01"]) });
    expect(plan.compute).toEqual(["2026-02", "2026-03", "2026-Q1", "2026-04", "2026-Q2", "2026"]);
    expect([...plan.becomeFinal]).toEqual(["2026-02", "2026-03", "2026-Q1"]);
    expect(plan.frozen).toEqual(["2026-01"]);
    const restate = duePeriods.planRun({
      ...APRIL_RUN,
      final: new Set(["2026-01", "2026-02", "2026-03", "2026-Q1"]),
      restate: duePeriods.restatedPeriods("2026-02", 1),
    });
    expect(restate.compute).toEqual(["2026-02", "2026-Q1", "2026-04", "2026-Q2", "2026"]);
    expect(restate.becomeFinal.has("2026-02")).toBe(true);
  });

  it("continues a checkpoint with its pending periods only", () => {
    const plan = duePeriods.planRun({ ...APRIL_RUN, final: new Set(["2026-01"]), pending: ["2026-Q1", "2026-04"] });
    expect(plan.compute).toEqual(["2026-Q1", "2026-04"]);
  });

  it("tells an idle firing from one with work, from the state alone", () => {
    const base = { startMonth: "2026-01", at: { day: 3, hour: 6 }, fyStart: 1, pending: null };
    expect(duePeriods.hasDueWork({ ...base, now: wall(2026, 3, 2, 9), final: new Set(["2026-01"]) })).toBe(false);
    expect(duePeriods.hasDueWork({ ...base, now: wall(2026, 3, 3, 6), final: new Set(["2026-01"]) })).toBe(true);
    expect(duePeriods.hasDueWork({ ...base, now: wall(2026, 3, 3, 6), final: new Set(["2026-01", "2026-02"]) })).toBe(
      false,
    );
    expect(
      duePeriods.hasDueWork({ ...base, now: wall(2026, 3, 2, 9), final: new Set(["2026-01"]), pending: ["2026-02"] }),
    ).toBe(true);
    expect(duePeriods.hasDueWork({ ...base, startMonth: null, now: wall(2026, 3, 2, 9), final: new Set() })).toBe(true);
  });
});

describe("sheet text", () => {
  it("neutralises what Sheets would read as a formula, a number, a date or an escape", () => {
    for (const risky of [
      "=1+1",
      "+1+1",
      "-x",
      "@x",
      "\tx",
      "\rx",
      "\nx",
      "'quoted",
      "001",
      "2026",
      "2026-03",
      "TRUE",
      "$5",
      "Mar 5",
    ]) {
      expect(neutraliseText(risky)).toBe("'" + risky);
    }
    expect(neutraliseText("Alice")).toBe("Alice");
    expect(neutraliseText("")).toBe("");
  });

  it("cuts a list below the limit and says how many were left out", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => "line " + i + " " + "x".repeat(40));
    const text = cutLines(lines, 50_000, (n) => `... and ${n} more`);
    expect(text.length).toBeLessThan(50_000);
    const kept = text.split("\n").length - 1;
    expect(text.endsWith(`... and ${2000 - kept} more`)).toBe(true);
    // 5,000 problems, each in its own column: 5,000 groups of one, too many for one cell.
    const problems = Array.from({ length: 5000 }, (_, i) =>
      problemAt("Run log", a1(2, i + 1), "not_a_number", { column: "Amount", value: "x".repeat(20) }),
    );
    const listed = problemListText(problems, "zh", "Problems");
    expect(listed.length).toBeLessThan(50_000);
    expect(listed.startsWith("'Run log'!A2: ")).toBe(true);
    const listedLines = listed.split("\n");
    const shown = listedLines.length - 2;
    expect(listedLines.slice(-2)).toEqual([
      `……另有 ${(5000 - shown).toLocaleString("en")} 组（共 ${(5000 - shown).toLocaleString("en")} 个问题）`,
      "完整列表：Problems 表",
    ]);
  });
});

describe("merging rows by (Period, Rep ID)", () => {
  const columns = resultsColumns(["revenue"]);
  const header = columns.map((c) => c.header);
  const row = (period: string, id: string, rank: number | "", revenue: number) =>
    header.map((h) =>
      h === "Period" ? period : h === "Rep ID" ? id : h === "Rank" ? rank : h === "revenue actual" ? revenue : "",
    );

  it("keeps rows of periods not recomputed exactly, replaces the others, and sorts by period then rank", () => {
    const existing = tableOf([header, row("2026-02", "b", 1, 5), row("2026-01", "a", 2, 7), row("2026-01", "b", 1, 9)]);
    const fresh = {
      values: [row("2026-02", "a", 1, 11), row("2026-02", "b", 2, 3)],
      formats: [columns.map((c) => c.format), columns.map((c) => c.format)],
    };
    const merged = mergeByPeriod(
      existing,
      columns,
      fresh,
      new Set(["2026-02"]),
      rowOrder(header, { fyStart: 1, numbers: ["Rank"], texts: ["Rep ID"] }),
    );
    expect(merged.values.map((r) => [r[0], r[1], r[header.indexOf("revenue actual")]])).toEqual([
      ["2026-01", "b", 9],
      ["2026-01", "a", 7],
      ["2026-02", "a", 11],
      ["2026-02", "b", 3],
    ]);
  });

  it("keeps metric columns that only older rows have", () => {
    const older = tableOf([
      [...resultsColumns([]).map((c) => c.header), "csat actual", "csat target", "csat attainment"],
      ["2026-01", "a", "", "", "", "", "", "", "", 4.2, 4.5, 0.93],
    ]);
    const wider = resultsColumns(["revenue"], older!.header);
    expect(wider.map((c) => c.header).slice(-3)).toEqual(["csat actual", "csat target", "csat attainment"]);
  });

  it("sorts periods as they end", () => {
    expect(["2026", "2026-Q1", "2026-02", "x", "2025-12"].sort((a, b) => comparePeriodCells(a, b, 1))).toEqual([
      "2025-12",
      "2026-02",
      "2026-Q1",
      "2026",
      "x",
    ]);
    expect(latestPeriod(["2026-01", "2026-Q1", "2026-03", "2026"], 1)).toBe("2026-03");
  });

  it("lists a restatement's changes cell by cell, at the cells written", () => {
    const header = ["Period", "Rep ID", "Bonus"];
    const before = tableOf([header, ["2026-01", "r1", 7], ["2026-02", "r1", 1200], ["2026-02", "r2", 5]]);
    const after = [
      ["2026-01", "r1", 9],
      ["2026-02", "r1", 1350],
      ["2026-02", "r3", 1],
    ];
    const formats = after.map(() => ["@", "@", "#,##0.00"]);
    expect(tableChanges({ sheet: "Results", before, header, after, formats }, new Set(["2026-02"]))).toEqual([
      "Results!C3: 1,200.00 → 1,350.00 (2026-02 r1 Bonus)",
      "Results!A4: row added (2026-02 r3)",
      "Results: row removed (2026-02 r2)",
    ]);
  });

  it("shows a changed number as its cell's format does", () => {
    expect(formatLike(1350, "#,##0.00")).toBe("1,350.00");
    expect(formatLike(-1234567.891, "#,##0.00")).toBe("-1,234,567.89");
    expect(formatLike(0.8523, "0.0%")).toBe("85.2%");
    expect(formatLike(1.25, "0.000")).toBe("1.250");
    expect(formatLike(0.025, "0.0###")).toBe("0.025");
    expect(formatLike(2, "0.0###")).toBe("2.0");
    expect(formatLike(3, "0")).toBe("3");
    expect(formatLike(1 / 3, "General")).toBe("0.333333");
  });
});

describe("reviews", () => {
  const header = ["Period", "Rep ID", "Generated review", "Manager's review", "Rep reply", "Acknowledged"];

  it("keep positions, append new rows, and mark a changed acknowledged review", () => {
    const existing = tableOf(
      [
        header,
        ["2026-01", "a", "old a", "mgr", "reply", true],
        ["", "", "", "", "", ""],
        ["2026-01", "b", "old b", "", "", ""],
        ["2026-01", "c", "same", "", "", true],
      ],
      { keepBlankRows: true },
    );
    const merged = reviewCells.mergeReviews(
      existing,
      [
        { period: "2026-01", repId: "a", text: "new a" },
        { period: "2026-01", repId: "b", text: "new b" },
        { period: "2026-01", repId: "c", text: "same" },
        { period: "2026-01", repId: "d", text: "new d" },
      ],
      "en",
    );
    expect(merged).toEqual([
      header.slice(0, 3),
      ["2026-01", "a", reviewCells.CHANGED_AFTER_ACKNOWLEDGEMENT.en + "\nnew a"],
      ["", "", ""],
      ["2026-01", "b", "new b"],
      ["2026-01", "c", "same"],
      ["2026-01", "d", "new d"],
    ]);
    expect(reviewCells.storedReview(merged[1][2])).toBe("new a");
  });

  it("reads Acknowledged as people fill it in", () => {
    expect([true, "yes", "✓", new Date(0), 1].map(reviewCells.isAcknowledged)).toEqual([true, true, true, true, true]);
    expect([false, "", "FALSE", "no", "否", 0, null].map(reviewCells.isAcknowledged)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("settings and the guard", () => {
  it("validates settings with defaults and clear errors", () => {
    expect(defaultSettings()).toMatchObject({ language: "auto", startPeriod: "", scheduleDay: 3, scheduleHour: 6 });
    expect(validateSettings({ scheduleDay: 29 }, defaultSettings()).ok).toBe(false);
    expect(validateSettings({ startPeriod: "2026-13" }, defaultSettings()).ok).toBe(false);
    expect(validateSettings({ sheets: { results: "Sales" } }, defaultSettings()).ok).toBe(false);
    const ok = validateSettings({ sheets: { runLog: "运行日志" }, language: "zh" }, defaultSettings());
    expect(ok.ok && ok.settings.sheets.runLog).toBe("运行日志");
    expect(runLanguage(defaultSettings(), "zh_CN")).toBe("zh");
    expect(runLanguage(defaultSettings(), "en_GB")).toBe("en");
  });

  it("treats an expired lease as free", () => {
    expect(leaseIsLive({ run: "a", until: 2000, restate: [] }, "b", 1999)).toBe(true);
    expect(leaseIsLive({ run: "a", until: 2000, restate: [] }, "b", 2000)).toBe(false);
    expect(leaseIsLive({ run: "", until: 0, restate: [] }, "b", 0)).toBe(false);
    expect(hashText("abc")).toBe(hashText("abc"));
  });
});
