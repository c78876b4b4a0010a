import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { dayNumber, makeWallClock } from "../core/calendar";
import {
  MAX_TEXT_LENGTH,
  displayValue,
  isBlankCell,
  isCellFailure,
  isDateValue,
  parseDateText,
  readChoice,
  readDay,
  readMonthCell,
  readNumberCell,
  readPeriodCell,
  readPositiveNumber,
  readShare,
  readTargetScope,
  readText,
  textKey,
} from "./cell-values";
import { SALE_STATUS_CHOICES, SALE_TYPE_CHOICES } from "./input-columns";

const utc = makeWallClock("UTC");
const shanghai = makeWallClock("Asia/Shanghai");

function failureOf(result: unknown): string {
  if (!isCellFailure(result)) throw new Error("expected a failure, got " + JSON.stringify(result));
  return result.failure;
}

describe("text and IDs", () => {
  it("trims text and reads blanks as null", () => {
    expect(readText("  Alice  ")).toBe("Alice");
    expect(readText("")).toBeNull();
    expect(readText("   ")).toBeNull();
    expect(readText("\u3000")).toBeNull();
    expect(readText(undefined)).toBeNull();
  });

  it("reads a number as its text, an integer without decimals", () => {
    expect(readText(101)).toBe("101");
    expect(readText(1.0)).toBe("1");
    expect(readText(-0)).toBe("0");
    expect(readText(1.5)).toBe("1.5");
    expect(textKey(readText(101) as string)).toBe(textKey(readText(" 101 ") as string));
  });

  it("reads booleans as Sheets shows them", () => {
    expect(readText(true)).toBe("TRUE");
    expect(readText(false)).toBe("FALSE");
  });

  it("reads a date in a text column as the day the sheet shows", () => {
    expect(readText(new Date(Date.UTC(2026, 2, 31, 16, 30)), shanghai)).toBe("2026-04-01");
  });

  it("folds case and spaces for keys", () => {
    expect(textKey("  R101 ")).toBe("r101");
    expect(textKey("r101")).toBe(textKey("R101"));
  });

  it("refuses text longer than the limit, even a 50,000-character cell", () => {
    expect(readText("x".repeat(MAX_TEXT_LENGTH))).toHaveLength(MAX_TEXT_LENGTH);
    expect(readText("  " + "x".repeat(MAX_TEXT_LENGTH) + "  ")).toHaveLength(MAX_TEXT_LENGTH);
    const long = readText("y".repeat(50_000));
    expect(long).toEqual({ failure: "text_too_long", args: { length: 50_000, max: MAX_TEXT_LENGTH } });
  });
});

describe("enumerations", () => {
  it("reads English and Chinese words, trimmed and case-insensitive", () => {
    expect(readChoice("new", SALE_TYPE_CHOICES)).toBe("new");
    expect(readChoice(" Renewal ", SALE_TYPE_CHOICES)).toBe("renewal");
    expect(readChoice("EXPANSION", SALE_TYPE_CHOICES)).toBe("expansion");
    expect(readChoice("新客户", SALE_TYPE_CHOICES)).toBe("new");
    expect(readChoice("续约", SALE_TYPE_CHOICES)).toBe("renewal");
    expect(readChoice(" 增购 ", SALE_TYPE_CHOICES)).toBe("expansion");
    expect(readChoice("赢单", SALE_STATUS_CHOICES)).toBe("won");
    expect(readChoice("输单", SALE_STATUS_CHOICES)).toBe("lost");
    expect(readChoice("进行中", SALE_STATUS_CHOICES)).toBe("open");
    expect(readChoice("Won", SALE_STATUS_CHOICES)).toBe("won");
    expect(readChoice("", SALE_STATUS_CHOICES)).toBeNull();
  });

  it("lists the allowed words for anything else", () => {
    expect(readChoice("closed", SALE_STATUS_CHOICES)).toEqual({
      failure: "bad_choice",
      args: { value: "closed", allowed: "won, lost, open (赢单, 输单, 进行中)" },
    });
    expect(failureOf(readChoice(1, SALE_TYPE_CHOICES))).toBe("bad_choice");
  });
});

describe("numbers", () => {
  it("reads numbers and the documented text forms", () => {
    expect(readNumberCell(1200)).toBe(1200);
    expect(readNumberCell("1,200")).toBe(1200);
    expect(readNumberCell("¥1,200.50")).toBe(1200.5);
    expect(readNumberCell("￥3000")).toBe(3000);
    expect(readNumberCell("$-5")).toBe(-5);
    expect(readNumberCell("１２００")).toBe(1200);
    expect(readNumberCell("12%")).toBe(0.12);
    expect(readNumberCell("1.2万")).toBe(12000);
    expect(readNumberCell("")).toBeNull();
  });

  it("never reads other text as 0", () => {
    expect(readNumberCell("abc")).toEqual({ failure: "not_a_number", args: { value: "abc" } });
    expect(failureOf(readNumberCell(true))).toBe("not_a_number");
    expect(failureOf(readNumberCell(new Date(0)))).toBe("not_a_number");
    expect(failureOf(readNumberCell(Number.NaN))).toBe("not_a_number");
  });

  it("reads Split as a share from 0 to 1, blank = 1, 50% accepted", () => {
    expect(readShare("")).toBe(1);
    expect(readShare(undefined)).toBe(1);
    expect(readShare(0)).toBe(0);
    expect(readShare(1)).toBe(1);
    expect(readShare("50%")).toBe(0.5);
    expect(readShare("０.２５")).toBe(0.25);
    expect(readShare(1.5)).toEqual({ failure: "split_out_of_range", args: { value: "1.5" } });
    expect(failureOf(readShare(50))).toBe("split_out_of_range");
    expect(failureOf(readShare(-0.1))).toBe("split_out_of_range");
    expect(failureOf(readShare("half"))).toBe("not_a_number");
  });

  it("reads targets above 0 only", () => {
    expect(readPositiveNumber("5万")).toBe(50000);
    expect(readPositiveNumber("")).toBeNull();
    expect(readPositiveNumber(0)).toEqual({ failure: "target_not_positive", args: { value: "0" } });
    expect(failureOf(readPositiveNumber(-3))).toBe("target_not_positive");
  });
});

describe("dates", () => {
  it("reads a Date as the day the spreadsheet's wall clock shows", () => {
    const lateMarchInShanghai = new Date(Date.UTC(2026, 2, 31, 15, 30)); // 23:30 on 31 March there
    expect(readDay(lateMarchInShanghai, shanghai)).toBe(dayNumber(2026, 3, 31));
    expect(readDay(new Date(Date.UTC(2026, 2, 31, 16, 30)), shanghai)).toBe(dayNumber(2026, 4, 1));
    expect(readDay(new Date(Date.UTC(2026, 2, 31, 16, 30)), utc)).toBe(dayNumber(2026, 3, 31));
  });

  it("recognises a Date made in another realm without instanceof", () => {
    const foreign = runInNewContext("new Date(Date.UTC(2026, 2, 31, 15, 30))");
    expect(foreign instanceof Date).toBe(false);
    expect(isDateValue(foreign)).toBe(true);
    expect(readDay(foreign, shanghai)).toBe(dayNumber(2026, 3, 31));
    expect(isDateValue({ getTime: () => 0 })).toBe(false);
  });

  it("reads year-first text dates, with an optional time", () => {
    const day = dayNumber(2026, 3, 31);
    for (const text of [
      "2026-03-31",
      "2026-3-31",
      "2026/3/31",
      "2026/03/31",
      "2026.3.31",
      " 2026-03-31 ",
      "2026-03-31 23:30",
      "2026-03-31 23:30:59",
      "2026-03-31T23:30:00",
      "2026/3/31 8:05",
      "2026年3月31日",
      "2026年03月31日",
      "2026 年 3 月 31 日",
      "2026年3月31号",
      "2026年3月31日 14:00",
      "２０２６－０３－３１",
      "２０２６年３月３１日",
    ]) {
      expect(readDay(text, utc), text).toBe(day);
    }
  });

  it("refuses impossible dates, bare numbers and other forms", () => {
    for (const value of [
      "2026-02-30",
      "2026-02-29",
      "2026-13-01",
      "2026-04-31",
      "2026-03-31 24:00",
      "2026-03-31 23:60",
      "31/03/2026",
      "3/31/2026",
      "2026-03",
      "2026-03/31",
      "tomorrow",
      "2026-03-31Z",
      46112,
      20260331,
      true,
    ]) {
      expect(failureOf(readDay(value, utc)), String(value)).toBe("not_a_date");
    }
    expect(readDay(new Date(Number.NaN), utc)).toEqual({ failure: "not_a_date", args: { value: "Invalid Date" } });
    expect(readDay("", utc)).toBeNull();
    expect(parseDateText("2024-02-29")).toBe(dayNumber(2024, 2, 29));
  });
});

describe("periods", () => {
  it("reads periods from text and numbers, including Chinese and full-width forms", () => {
    expect(readPeriodCell("2026-03", utc)).toBe("2026-03");
    expect(readPeriodCell("2026年3月", utc)).toBe("2026-03");
    expect(readPeriodCell("2026年第1季度", utc)).toBe("2026-Q1");
    expect(readPeriodCell("２０２６Ｑ２", utc)).toBe("2026-Q2");
    expect(readPeriodCell(2026, utc)).toBe("2026");
    expect(readPeriodCell("", utc)).toBeNull();
  });

  it("reads a Date as the month the sheet shows", () => {
    expect(readPeriodCell(new Date(Date.UTC(2026, 2, 31, 16, 30)), shanghai)).toBe("2026-04");
    expect(readPeriodCell(new Date(Date.UTC(2026, 2, 31, 16, 30)), utc)).toBe("2026-03");
  });

  it("refuses what is not a period", () => {
    expect(readPeriodCell("2026-13", utc)).toEqual({ failure: "not_a_period", args: { value: "2026-13" } });
    expect(failureOf(readPeriodCell(2026.5, utc))).toBe("not_a_period");
    expect(failureOf(readPeriodCell(true, utc))).toBe("not_a_period");
  });

  it("asks for a month where only a month will do", () => {
    expect(readMonthCell("2026/3", utc)).toBe("2026-03");
    expect(readMonthCell(new Date(Date.UTC(2026, 2, 5)), utc)).toBe("2026-03");
    expect(readMonthCell("2026-Q1", utc)).toEqual({ failure: "not_a_month", args: { value: "2026-Q1" } });
    expect(failureOf(readMonthCell(2026, utc))).toBe("not_a_month");
    expect(failureOf(readMonthCell("soon", utc))).toBe("not_a_month");
    expect(readMonthCell("", utc)).toBeNull();
  });
});

describe("target scopes", () => {
  it("reads *, team: and role: in English and Chinese, with either colon", () => {
    expect(readTargetScope("*")).toEqual({ level: "all" });
    expect(readTargetScope(" * ")).toEqual({ level: "all" });
    expect(readTargetScope("team:East")).toEqual({ level: "team", name: "East" });
    expect(readTargetScope("TEAM : East ")).toEqual({ level: "team", name: "East" });
    expect(readTargetScope("Team：East")).toEqual({ level: "team", name: "East" });
    expect(readTargetScope("团队:华东组")).toEqual({ level: "team", name: "华东组" });
    expect(readTargetScope("团队：华东组")).toEqual({ level: "team", name: "华东组" });
    expect(readTargetScope("role:AE")).toEqual({ level: "role", name: "AE" });
    expect(readTargetScope("Role:Account Executive")).toEqual({ level: "role", name: "Account Executive" });
    expect(readTargetScope("岗位：客户经理")).toEqual({ level: "role", name: "客户经理" });
  });

  it("reads anything else as a Rep ID, numbers as their text", () => {
    expect(readTargetScope(" R101 ")).toEqual({ level: "rep", id: "R101", key: "r101" });
    expect(readTargetScope(101)).toEqual({ level: "rep", id: "101", key: "101" });
    expect(readTargetScope("team:")).toEqual({ level: "rep", id: "team:", key: "team:" });
    expect(readTargetScope("")).toBeNull();
  });
});

describe("blank cells and messages", () => {
  it("tells blank cells", () => {
    expect(isBlankCell("")).toBe(true);
    expect(isBlankCell(" \u3000")).toBe(true);
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell(false)).toBe(false);
  });

  it("quotes cells briefly", () => {
    expect(displayValue("  abc ")).toBe("abc");
    expect(displayValue("x".repeat(100))).toBe("x".repeat(40) + "…");
    expect(displayValue(12.5)).toBe("12.5");
    expect(displayValue(false)).toBe("FALSE");
    expect(displayValue(new Date(Date.UTC(2026, 2, 31, 16, 30)), shanghai)).toBe("2026-04-01");
    expect(displayValue(new Date(Date.UTC(2026, 2, 31, 16, 30)))).toBe("2026-03-31T16:30:00.000Z");
  });
});
