import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { dayNumber, makeWallClock } from "../core/calendar";
import { MAX_INPUT_NUMBER } from "../core/number-text";
import { fill } from "../core/localized-text";
import { PROBLEM_MESSAGES } from "../core/problems";
import {
  MAX_TEXT_LENGTH,
  displayValue,
  isBlankCell,
  isCellFailure,
  isDateValue,
  isErrorValue,
  readIdText,
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
      "31/13/2026",
      "13/31/2026",
      "3/31/26",
      "32 Mar 2026",
      "Marchember 3 2026",
      "Mar 3 2026 13:00 pm",
      "2026-03-31T10:00:00+24:00",
      "Mar 2026",
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
    expect(readDay("2024-02-29", utc)).toBe(dayNumber(2024, 2, 29));
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

// The test's own list of Sheets' error values, not the code's, so a value dropped from the code fails here.
const SHEETS_ERROR_VALUES = "#N/A #REF! #DIV/0! #VALUE! #NAME? #NUM! #NULL! #ERROR! #SPILL! #CALC!".split(" ");
const newYork = makeWallClock("America/New_York");

describe("ISO date-times", () => {
  it("reads a date-time without a zone as written (wall clock), whatever the sheet's zone", () => {
    for (const text of ["2017-03-10T10:00:00", "2017-03-10T23:59:59.999", "2017-03-10 10:00", "2017-03-10T00:00"]) {
      expect(readDay(text, shanghai), text).toBe(dayNumber(2017, 3, 10));
      expect(readDay(text, newYork), text).toBe(dayNumber(2017, 3, 10));
    }
  });

  it("reads a date-time with Z or an offset as an instant, on the sheet's wall clock", () => {
    // 10:00 UTC is 18:00 in Shanghai and 05:00 in New York (EST, UTC-5): 10 March in both.
    expect(readDay("2017-03-10T10:00:00Z", shanghai)).toBe(dayNumber(2017, 3, 10));
    expect(readDay("2017-03-10T10:00:00Z", newYork)).toBe(dayNumber(2017, 3, 10));
    // 10:00 at +08:00 is 02:00 UTC, 21:00 on 9 March in New York.
    expect(readDay("2017-03-10T10:00:00.000+08:00", shanghai)).toBe(dayNumber(2017, 3, 10));
    expect(readDay("2017-03-10T10:00:00.000+08:00", newYork)).toBe(dayNumber(2017, 3, 9));
    expect(readDay("2017-03-10T10:00:00+0800", newYork)).toBe(dayNumber(2017, 3, 9));
    expect(readDay("2017-03-10T10:00:00+08", newYork)).toBe(dayNumber(2017, 3, 9));
  });

  it("moves an instant across midnight into the next or previous day of the sheet's zone", () => {
    // 20:00 UTC on 31 March is 04:00 on 1 April in Shanghai (UTC+8) and 16:00 on 31 March in New York (EDT, UTC-4).
    expect(readDay("2026-03-31T20:00:00Z", shanghai)).toBe(dayNumber(2026, 4, 1));
    expect(readDay("2026-03-31T20:00:00Z", newYork)).toBe(dayNumber(2026, 3, 31));
    expect(readDay("2026-03-31T20:00:00Z", utc)).toBe(dayNumber(2026, 3, 31));
    // 02:00 UTC on 1 April is 10:00 on 1 April in Shanghai and 22:00 on 31 March in New York.
    expect(readDay("2026-04-01T02:00:00Z", shanghai)).toBe(dayNumber(2026, 4, 1));
    expect(readDay("2026-04-01T02:00:00Z", newYork)).toBe(dayNumber(2026, 3, 31));
    // 23:30 at -05:00 on 31 December is 04:30 UTC on 1 January: 12:30 on 1 January 2027 in Shanghai.
    expect(readDay("2026-12-31T23:30:00-05:00", shanghai)).toBe(dayNumber(2027, 1, 1));
    expect(readDay("2026-12-31 23:30 -05:00", newYork)).toBe(dayNumber(2026, 12, 31));
  });

  it("reads a zoned instant in UTC when no wall clock is given", () => {
    expect(readDay("2026-03-31T20:00:00Z", utc)).toBe(dayNumber(2026, 3, 31));
    expect(readDay("2026-03-31T20:00:00Z", shanghai)).toBe(dayNumber(2026, 4, 1));
  });
});

describe("dates with month names", () => {
  it("reads English month names, short or full, in any case; two-digit years are 20yy", () => {
    const third = dayNumber(2022, 1, 3);
    for (const text of [
      "03-Jan-22",
      "3-Jan-2022",
      "3-JAN-22",
      "Jan 3, 2022",
      "jan 3 2022",
      "January 3 2022",
      "JANUARY 3, 2022",
      "3 January 2022",
      "3 Jan 2022",
      "3 Jan 2022 14:05",
      "3 Jan. 2022",
      "Jan-03-2022",
      "3rd January 2022",
      "January 3rd, 2022",
      "Jan 3, 2022 2:05 PM",
      "３ Ｊａｎ ２０２２",
    ]) {
      expect(readDay(text, utc), text).toBe(third);
    }
    expect(readDay("29-Feb-24", utc)).toBe(dayNumber(2024, 2, 29));
    expect(readDay("Sept 30, 2026", utc)).toBe(dayNumber(2026, 9, 30));
    expect(readDay("31 Dec 99", utc)).toBe(dayNumber(2099, 12, 31));
    expect(readDay("1 May 2026", utc)).toBe(dayNumber(2026, 5, 1));
  });

  it("refuses impossible days and unknown month names", () => {
    for (const text of [
      "29-Feb-23",
      "31 Apr 2026",
      "3 Janu 2022",
      "3 Foo 2022",
      "Jan 3 2022 25:00",
      "3 Jan 2022 13:00 PM",
    ]) {
      expect(failureOf(readDay(text, utc)), text).toBe("not_a_date");
    }
  });

  it("reads Chinese dates with zero-padded months and a time", () => {
    expect(readDay("2022年1月3日", utc)).toBe(dayNumber(2022, 1, 3));
    expect(readDay("2022年01月03日 10:00", utc)).toBe(dayNumber(2022, 1, 3));
    expect(readDay("2022年01月03日10:00:30", utc)).toBe(dayNumber(2022, 1, 3));
  });
});

describe("numeric day-month dates and the date order", () => {
  it("reads in the given order: day first or month first", () => {
    for (const text of ["3/1/2017", "03.01.2017", "3-1-2017", "03/01/2017 10:00", "3.1.2017 23:59:59"]) {
      expect(readDay(text, utc, "dmy"), text).toBe(dayNumber(2017, 1, 3));
      expect(readDay(text, utc, "mdy"), text).toBe(dayNumber(2017, 3, 1));
    }
  });

  it("refuses in a given order what that order cannot read, even when the other could", () => {
    expect(failureOf(readDay("13/1/2017", utc, "mdy"))).toBe("not_a_date");
    expect(failureOf(readDay("1/13/2017", utc, "dmy"))).toBe("not_a_date");
  });

  it("without an order reads only what has one reading", () => {
    expect(readDay("13/1/2017", utc)).toBe(dayNumber(2017, 1, 13));
    expect(readDay("1/13/2017", utc)).toBe(dayNumber(2017, 1, 13));
    expect(readDay("31.03.2026", utc, null)).toBe(dayNumber(2026, 3, 31));
    expect(readDay("3/31/2026 8:00", utc, undefined)).toBe(dayNumber(2026, 3, 31));
    // Both readings are 1 January, and 7 July: the same day either way.
    expect(readDay("1/1/2017", utc)).toBe(dayNumber(2017, 1, 1));
    expect(readDay("07/07/2017", utc)).toBe(dayNumber(2017, 7, 7));
    // 29/2 is a day in 2024 only; 2/29/2023 is no day either way.
    expect(readDay("29/2/2024", utc)).toBe(dayNumber(2024, 2, 29));
    expect(failureOf(readDay("2/29/2023", utc))).toBe("not_a_date");
  });

  it("names both days when the text could be either, and says what to set", () => {
    const result = readDay("3/1/2017", utc);
    expect(result).toEqual({
      failure: "ambiguous_date",
      args: { value: "3/1/2017", dmy: "3 January", mdy: "1 March", dmyZh: "1月3日", mdyZh: "3月1日" },
    });
    const args = { column: "Date", ...(result as { args: Record<string, string> }).args };
    expect(fill(PROBLEM_MESSAGES.ambiguous_date.en, args)).toBe(
      'Date "3/1/2017" could be 3 January or 1 March; set the date order (day first or month first) in the settings, or --date-order dmy|mdy locally; the row is left out',
    );
    expect(fill(PROBLEM_MESSAGES.ambiguous_date.zh, args)).toBe(
      "Date「3/1/2017」既可能是1月3日，也可能是3月1日；请在设置中指定日期顺序（日在前或月在前），本地运行可用 --date-order dmy|mdy；该行未计入",
    );
    expect(failureOf(readDay("12.11.2026 10:00", utc))).toBe("ambiguous_date");
    expect(failureOf(readDay("3/1/2017", utc))).toBe("ambiguous_date");
    expect(readDay("3/1/2017", utc, "dmy")).toBe(dayNumber(2017, 1, 3));
  });

  it("says which forms are read when the text is no date at all", () => {
    const failure = readDay("soon", utc) as { args: Record<string, string> };
    expect(fill(PROBLEM_MESSAGES.not_a_date.en, { column: "Date", ...failure.args })).toBe(
      'Date "soon" is not a date (use 2026-03-31, 31 Mar 2026 or a date cell); the row is left out',
    );
    expect(fill(PROBLEM_MESSAGES.not_a_date.zh, { column: "成交日期", ...failure.args })).toBe(
      "成交日期「soon」不是有效日期（请写成 2026-03-31、2026年3月31日，或使用日期单元格），该行未计入",
    );
  });
});

describe("magnitude bounds", () => {
  it("reads numbers up to the bound, the bound itself included", () => {
    expect(MAX_INPUT_NUMBER).toBe(1e12);
    expect(readNumberCell(1e12)).toBe(1e12);
    expect(readNumberCell(-1e12)).toBe(-1e12);
    expect(readNumberCell("1,000,000,000,000")).toBe(1e12);
    expect(readNumberCell("1e12")).toBe(1e12);
    expect(failureOf(readNumberCell("1万亿"))).toBe("not_a_number"); // two suffixes are no number form
  });

  it("refuses a number just above the bound, as a number or as text", () => {
    const justAbove = 1e12 + 0.01;
    expect(readNumberCell(justAbove)).toEqual({
      failure: "number_too_large",
      args: { value: "1000000000000.01", max: "1,000,000,000,000" },
    });
    expect(failureOf(readNumberCell(-justAbove))).toBe("number_too_large");
    expect(failureOf(readNumberCell("1,000,000,000,001"))).toBe("number_too_large");
    expect(failureOf(readNumberCell("10001亿"))).toBe("number_too_large");
  });

  it("refuses 1e308, -1e308 and the text 1e308, naming the value and the bound", () => {
    expect(readNumberCell(1e308)).toEqual({
      failure: "number_too_large",
      args: { value: "1e+308", max: "1,000,000,000,000" },
    });
    expect(readNumberCell(-1e308)).toEqual({
      failure: "number_too_large",
      args: { value: "-1e+308", max: "1,000,000,000,000" },
    });
    expect(readNumberCell("1e308")).toEqual({
      failure: "number_too_large",
      args: { value: "1e308", max: "1,000,000,000,000" },
    });
    expect(readNumberCell(Number.MAX_VALUE)).toMatchObject({ failure: "number_too_large" });
    const args = { column: "Amount", ...(readNumberCell(1e308) as { args: Record<string, string> }).args };
    expect(fill(PROBLEM_MESSAGES.number_too_large.en, args)).toBe(
      "Amount 1e+308 is beyond ±1,000,000,000,000; the row is left out",
    );
    expect(fill(PROBLEM_MESSAGES.number_too_large.zh, args)).toBe(
      "Amount 1e+308 超出 ±1,000,000,000,000 的范围，该行未计入",
    );
  });

  it("reads NaN and the infinities as not numbers", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(failureOf(readNumberCell(value)), String(value)).toBe("not_a_number");
    }
    expect(failureOf(readNumberCell("Infinity"))).toBe("not_a_number");
  });

  it("takes another bound when the caller gives one", () => {
    expect(readNumberCell(1e6, undefined, 1e6)).toBe(1e6);
    expect(readNumberCell("1000001", undefined, 1e6)).toEqual({
      failure: "number_too_large",
      args: { value: "1000001", max: "1,000,000" },
    });
  });

  it("bounds targets, shares and scores through the same reader", () => {
    expect(failureOf(readPositiveNumber(1e308))).toBe("number_too_large");
    expect(failureOf(readPositiveNumber(-1e308))).toBe("number_too_large");
    expect(failureOf(readShare(1e308))).toBe("number_too_large");
  });
});

describe("Sheets error values", () => {
  it("tells each error value, in any case, and nothing else that starts with #", () => {
    for (const text of SHEETS_ERROR_VALUES) {
      expect(isErrorValue(text), text).toBe(true);
      expect(isErrorValue(text.toLowerCase()), text).toBe(true);
    }
    expect(isErrorValue("#1")).toBe(false);
    expect(isErrorValue("#N/A!")).toBe(false);
    expect(isErrorValue("N/A")).toBe(false);
  });

  it("refuses each error value in a text cell as error_value", () => {
    for (const text of SHEETS_ERROR_VALUES) {
      expect(readText(text), text).toEqual({ failure: "error_value", args: { value: text } });
      expect(readText(" " + text + " "), text).toEqual({ failure: "error_value", args: { value: text } });
    }
    const args = { column: "Customer", value: "#N/A" };
    expect(fill(PROBLEM_MESSAGES.error_value.en, args)).toBe(
      "Customer holds the error value #N/A; the row is left out",
    );
    expect(fill(PROBLEM_MESSAGES.error_value.zh, args)).toBe("Customer 是错误值 #N/A（公式出错），该行未计入");
  });

  it("says error_value rather than 'not a number' or 'not a date' for an error value in those cells", () => {
    for (const text of SHEETS_ERROR_VALUES) {
      expect(readNumberCell(text), text).toEqual({ failure: "error_value", args: { value: text } });
      expect(readDay(text, utc), text).toEqual({ failure: "error_value", args: { value: text } });
    }
  });
});

describe("ID cells", () => {
  it("reads text and numbers as IDs, as text cells are read", () => {
    expect(readIdText(" R101 ")).toBe("R101");
    expect(readIdText(101)).toBe("101");
    expect(readIdText(1.0)).toBe("1");
    expect(readIdText("")).toBeNull();
    expect(readIdText(undefined)).toBeNull();
    expect(readIdText("2026-03-31")).toBe("2026-03-31"); // text someone typed is an ID
  });

  it("refuses checkboxes, dates, error values and numbers that are not finite as bad_id", () => {
    expect(readIdText(true)).toEqual({ failure: "bad_id", args: { value: "TRUE" } });
    expect(readIdText(false)).toEqual({ failure: "bad_id", args: { value: "FALSE" } });
    expect(readIdText(new Date(Date.UTC(2026, 2, 31, 16, 30)), shanghai)).toEqual({
      failure: "bad_id",
      args: { value: "2026-04-01" },
    });
    expect(failureOf(readIdText(runInNewContext("new Date(0)")))).toBe("bad_id");
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(failureOf(readIdText(value)), String(value)).toBe("bad_id");
    }
    for (const text of SHEETS_ERROR_VALUES)
      expect(readIdText(text), text).toEqual({ failure: "bad_id", args: { value: text } });
    const args = { column: "Rep ID", value: "TRUE" };
    expect(fill(PROBLEM_MESSAGES.bad_id.en, args)).toBe(
      "Rep ID TRUE is not an ID (a checkbox, a date or an error value); the row is left out",
    );
    expect(fill(PROBLEM_MESSAGES.bad_id.zh, args)).toBe("Rep ID TRUE 不是编号（像是复选框、日期或错误值），该行未计入");
  });

  it("reads the Targets scope through the ID reader", () => {
    expect(failureOf(readTargetScope(true))).toBe("bad_id");
    expect(failureOf(readTargetScope("#REF!"))).toBe("bad_id");
    expect(failureOf(readTargetScope(new Date(0)))).toBe("bad_id");
    expect(readTargetScope(101)).toEqual({ level: "rep", id: "101", key: "101" });
  });
});
