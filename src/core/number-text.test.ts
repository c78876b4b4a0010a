import { describe, expect, it } from "vitest";
import { NOT_A_NUMBER, isNotANumber, readNumber, readNumberText } from "./number-text";

describe("readNumber", () => {
  it("keeps finite numbers", () => {
    expect(readNumber(42)).toBe(42);
    expect(readNumber(-0.5)).toBe(-0.5);
  });

  it("reads blanks as no value", () => {
    expect(readNumber("")).toBeNull();
    expect(readNumber("   ")).toBeNull();
    expect(readNumber("\u3000")).toBeNull(); // a full-width space
    expect(readNumber(null)).toBeNull();
    expect(readNumber(undefined)).toBeNull();
  });

  it("rejects what is not a number", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, true, new Date(2026, 2, 1), {}, [1]]) {
      expect(readNumber(value)).toBe(NOT_A_NUMBER);
    }
  });
});

describe("readNumberText", () => {
  const readings: [string, number][] = [
    ["12", 12],
    [" 12.5 ", 12.5],
    ["-3", -3],
    ["+3", 3],
    ["\u22123", -3], // the typographic minus sign
    [".5", 0.5],
    ["5.", 5],
    ["1,234", 1234],
    ["1,234,567.89", 1234567.89],
    ["$1,200", 1200],
    ["-$1,200", -1200],
    ["$-1,200", -1200],
    ["¥3000", 3000],
    ["￥ 3,000.50", 3000.5],
    ["１２３", 123], // full-width digits
    ["１２．５％", 0.125],
    ["＄１，０００", 1000],
    ["12%", 0.12],
    ["12 %", 0.12],
    ["-5%", -0.05],
    ["1.2万", 12000],
    ["1.1万", 11000], // exactly, not 11000.000000000002
    ["3亿", 300000000],
    ["1.5E+3", 1500],
    ["2e-2", 0.02],
    ["001", 1],
  ];
  it.each(readings)("reads %j as %d", (text, expected) => {
    expect(readNumberText(text)).toBe(expected);
  });

  it("reads -0 as 0", () => {
    expect(Object.is(readNumberText("-0"), 0)).toBe(true);
  });

  const rejected = [
    "abc",
    "12abc",
    "1,5", // a decimal comma, not a thousands separator
    "12,34",
    "1,2345",
    ",123",
    "1.2.3",
    "$",
    ".",
    "%",
    "--5",
    "-$-5",
    "5-",
    "1e400",
    "0x10",
    "Infinity",
    "12%%",
    "1万%",
    "€12",
    "TRUE",
  ];
  it.each(rejected)("rejects %j", (text) => {
    expect(readNumberText(text)).toBe(NOT_A_NUMBER);
  });

  it("reads a million mixed cells consistently (its speed is in npm run bench)", () => {
    const samples: unknown[] = [1234.5, "1,234.50", "Alice", "", "12%", "１２３", "¥3000", 7];
    let numbers = 0;
    for (let index = 0; index < 1_000_000; index += 1) {
      const reading = readNumber(samples[index % samples.length]);
      if (typeof reading === "number") {
        numbers += 1;
      }
    }
    expect(numbers).toBe(750_000);
  });
});

describe("isNotANumber", () => {
  it("tells NOT_A_NUMBER from numbers and blanks", () => {
    expect(isNotANumber(readNumber("x"))).toBe(true);
    expect(isNotANumber(readNumber("1"))).toBe(false);
    expect(isNotANumber(readNumber(""))).toBe(false);
  });
});
