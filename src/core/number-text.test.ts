import { describe, expect, it } from "vitest";
import * as numberText from "./number-text";

describe("readNumber", () => {
  it("keeps finite numbers", () => {
    expect(numberText.readNumber(42)).toBe(42);
    expect(numberText.readNumber(-0.5)).toBe(-0.5);
  });

  it("reads blanks as no value", () => {
    expect(numberText.readNumber("")).toBeNull();
    expect(numberText.readNumber("   ")).toBeNull();
    expect(numberText.readNumber("\u3000")).toBeNull(); // a full-width space
    expect(numberText.readNumber(null)).toBeNull();
    expect(numberText.readNumber(undefined)).toBeNull();
  });

  it("rejects what is not a number", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, true, new Date(2026, 2, 1), {}, [1]]) {
      expect(numberText.readNumber(value)).toBe(numberText.NOT_A_NUMBER);
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
    expect(numberText.readNumberText(text)).toBe(expected);
  });

  it("reads -0 as 0", () => {
    expect(Object.is(numberText.readNumberText("-0"), 0)).toBe(true);
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
    expect(numberText.readNumberText(text)).toBe(numberText.NOT_A_NUMBER);
  });

  it("reads a million mixed cells consistently (its speed is in npm run bench)", () => {
    const samples: unknown[] = [1234.5, "1,234.50", "Alice", "", "12%", "１２３", "¥3000", 7];
    let numbers = 0;
    for (let index = 0; index < 1_000_000; index += 1) {
      const reading = numberText.readNumber(samples[index % samples.length]);
      if (typeof reading === "number") {
        numbers += 1;
      }
    }
    expect(numbers).toBe(750_000);
  });
});

describe("isNotANumber", () => {
  it("tells NOT_A_NUMBER from numbers and blanks", () => {
    expect(numberText.isNotANumber(numberText.readNumber("x"))).toBe(true);
    expect(numberText.isNotANumber(numberText.readNumber("1"))).toBe(false);
    expect(numberText.isNotANumber(numberText.readNumber(""))).toBe(false);
  });
});

describe("magnitude bounds", () => {
  it("are a trillion for inputs and plan numbers, a million for plan rates", () => {
    expect(numberText.MAX_INPUT_NUMBER).toBe(1_000_000_000_000);
    expect(numberText.MAX_PLAN_NUMBER).toBe(1_000_000_000_000);
    expect(numberText.MAX_PLAN_RATE).toBe(1_000_000);
  });

  it("keep a million rows at the bound, and a rate times an amount, finite and exact", () => {
    // 1,000,000 rows of 1e12 sum to 1e18, below 2^63 and far from overflow.
    let sum = 0;
    for (let row = 0; row < 1_000_000; row += 1) sum += numberText.MAX_INPUT_NUMBER;
    expect(sum).toBe(1e18);
    expect(Number.isFinite(numberText.MAX_PLAN_RATE * numberText.MAX_INPUT_NUMBER * 1_000_000)).toBe(true);
  });

  it("include the bound itself and refuse what lies beyond it on either side", () => {
    expect(numberText.isWithinBound(1e12, numberText.MAX_INPUT_NUMBER)).toBe(true);
    expect(numberText.isWithinBound(-1e12, numberText.MAX_INPUT_NUMBER)).toBe(true);
    expect(numberText.isWithinBound(0, numberText.MAX_INPUT_NUMBER)).toBe(true);
    expect(numberText.isWithinBound(1e12 + 0.01, numberText.MAX_INPUT_NUMBER)).toBe(false);
    expect(numberText.isWithinBound(-1e12 - 0.01, numberText.MAX_INPUT_NUMBER)).toBe(false);
    expect(numberText.isWithinBound(1e308, numberText.MAX_INPUT_NUMBER)).toBe(false);
    expect(numberText.isWithinBound(-1e308, numberText.MAX_INPUT_NUMBER)).toBe(false);
    expect(numberText.isWithinBound(Number.NaN, numberText.MAX_INPUT_NUMBER)).toBe(false);
  });

  it("leave reading to the bound check: the text 1e308 is a number, 1e400 is not", () => {
    expect(numberText.readNumberText("1e308")).toBe(1e308);
    expect(numberText.readNumberText("-1e308")).toBe(-1e308);
    expect(numberText.readNumberText("1e400")).toBe(numberText.NOT_A_NUMBER);
  });
});
