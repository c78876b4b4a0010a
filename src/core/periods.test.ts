import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { dayNumber } from "./calendar";
import {
  comparePeriods,
  daysEmployed,
  daysIn,
  firstDay,
  isPeriodKey,
  lastDay,
  monthKey,
  monthOfDay,
  monthRange,
  monthsOf,
  parsePeriod,
  periodKind,
  periodsCovering,
  previousPeriod,
  quarterOfMonth,
  tenureMonth,
  yearOfMonth,
} from "./periods";

describe("parsePeriod", () => {
  const accepted: [string | number, string][] = [
    ["2026-03", "2026-03"],
    ["2026-3", "2026-03"],
    ["2026/03", "2026-03"],
    ["2026/3", "2026-03"],
    [" 2026-12 ", "2026-12"],
    ["2026 - 03", "2026-03"],
    ["2026-Q1", "2026-Q1"],
    ["2026-q4", "2026-Q4"],
    ["2026Q1", "2026-Q1"],
    ["2026 q1", "2026-Q1"],
    ["2026 Q 2", "2026-Q2"],
    ["2026/Q3", "2026-Q3"],
    ["2026", "2026"],
    [2026, "2026"],
    ["2026年3月", "2026-03"],
    ["2026年03月", "2026-03"],
    ["2026 年 3 月", "2026-03"],
    ["2026年3月份", "2026-03"],
    ["2026年第1季度", "2026-Q1"],
    ["2026年第一季度", "2026-Q1"],
    ["2026年第四季度", "2026-Q4"],
    ["2026年2季度", "2026-Q2"],
    ["2026年Q1", "2026-Q1"],
    ["2026年q3", "2026-Q3"],
    ["2026年", "2026"],
    ["2026年度", "2026"],
    // Full-width digits, letters, dash, slash and space.
    ["２０２６－０３", "2026-03"],
    ["２０２６／３", "2026-03"],
    ["２０２６－Ｑ１", "2026-Q1"],
    ["２０２６\u3000ｑ２", "2026-Q2"],
    ["２０２６年３月", "2026-03"],
    ["２０２６年第２季度", "2026-Q2"],
    ["２０２６", "2026"],
  ];
  for (const [input, expected] of accepted) {
    it(`reads ${JSON.stringify(input)} as ${expected}`, () => {
      expect(parsePeriod(input)).toBe(expected);
    });
  }

  const rejected: (string | number)[] = [
    "",
    "  ",
    "2026-13",
    "2026-00",
    "2026-Q5",
    "2026-Q0",
    "2026Q",
    "26-03",
    "2026-003",
    "03-2026",
    "March 2026",
    "2026-03-31",
    "2026.03",
    "2026年13月",
    "2026年第5季度",
    "2026年第五季度",
    "abc",
    "20261",
    2026.5,
    202603,
    999,
    10000,
    Number.NaN,
    -2026,
  ];
  for (const input of rejected) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(parsePeriod(input)).toBeNull();
    });
  }

  it("rejects values that are neither text nor numbers", () => {
    expect(parsePeriod(true as unknown as string)).toBeNull();
    expect(parsePeriod(null as unknown as string)).toBeNull();
  });

  it("returns keys that are period keys", () => {
    for (const [input] of accepted) expect(isPeriodKey(parsePeriod(input)!)).toBe(true);
    expect(isPeriodKey("2026-3")).toBe(false);
  });
});

describe("kinds, months, quarters, years", () => {
  it("tells the kind of a key", () => {
    expect(periodKind("2026-03")).toBe("month");
    expect(periodKind("2026-Q2")).toBe("quarter");
    expect(periodKind("2026")).toBe("year");
    expect(() => periodKind("2026-3")).toThrow(RangeError);
  });

  it("builds month keys and finds the month of a day", () => {
    expect(monthKey(2026, 3)).toBe("2026-03");
    expect(monthKey(2026, 11)).toBe("2026-11");
    expect(monthOfDay(dayNumber(2026, 3, 31))).toBe("2026-03");
    expect(monthOfDay(dayNumber(2026, 4, 1))).toBe("2026-04");
  });

  it("lists the months of calendar quarters and years", () => {
    expect(monthsOf("2026-03")).toEqual(["2026-03"]);
    expect(monthsOf("2026-Q1")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(monthsOf("2026-Q4")).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(monthsOf("2026")).toHaveLength(12);
    expect(monthsOf("2026")[0]).toBe("2026-01");
    expect(monthsOf("2026")[11]).toBe("2026-12");
  });

  it("names fiscal quarters and years after the calendar year the fiscal year starts in (April start)", () => {
    expect(monthsOf("2026-Q1", 4)).toEqual(["2026-04", "2026-05", "2026-06"]);
    expect(monthsOf("2026-Q4", 4)).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(monthsOf("2026", 4)[0]).toBe("2026-04");
    expect(monthsOf("2026", 4)[11]).toBe("2027-03");
    expect(quarterOfMonth("2026-03", 4)).toBe("2025-Q4");
    expect(quarterOfMonth("2026-04", 4)).toBe("2026-Q1");
    expect(quarterOfMonth("2026-12", 4)).toBe("2026-Q3");
    expect(quarterOfMonth("2027-01", 4)).toBe("2026-Q4");
    expect(yearOfMonth("2026-03", 4)).toBe("2025");
    expect(yearOfMonth("2026-04", 4)).toBe("2026");
    expect(yearOfMonth("2027-03", 4)).toBe("2026");
  });

  it("finds calendar quarters and years by default", () => {
    expect(quarterOfMonth("2026-03")).toBe("2026-Q1");
    expect(quarterOfMonth("2026-04")).toBe("2026-Q2");
    expect(yearOfMonth("2026-12")).toBe("2026");
  });

  it("keeps every month in the quarter and year that list it (any fiscal start)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month, fyStart) => {
          const m = monthKey(year, month);
          expect(monthsOf(quarterOfMonth(m, fyStart), fyStart)).toContain(m);
          expect(monthsOf(yearOfMonth(m, fyStart), fyStart)).toContain(m);
        },
      ),
    );
  });

  it("rejects fiscal start months outside 1-12", () => {
    expect(() => monthsOf("2026-Q1", 0)).toThrow(RangeError);
    expect(() => quarterOfMonth("2026-01", 13)).toThrow(RangeError);
    expect(() => yearOfMonth("2026-01", 2.5)).toThrow(RangeError);
  });

  it("rejects a quarter or year where a month is needed", () => {
    expect(() => quarterOfMonth("2026-Q1")).toThrow(RangeError);
    expect(() => monthRange("2026", "2026-03")).toThrow(RangeError);
  });
});

describe("days of periods", () => {
  it("finds first and last days and day counts", () => {
    expect(firstDay("2026-03")).toBe(dayNumber(2026, 3, 1));
    expect(lastDay("2026-03")).toBe(dayNumber(2026, 3, 31));
    expect(daysIn("2026-03")).toBe(31);
    expect(daysIn("2026-02")).toBe(28);
    expect(daysIn("2024-02")).toBe(29);
    expect(daysIn("2026-Q1")).toBe(90);
    expect(daysIn("2024-Q1")).toBe(91);
    expect(daysIn("2026")).toBe(365);
    expect(daysIn("2024")).toBe(366);
  });

  it("follows the fiscal year for quarters and years (April start)", () => {
    expect(firstDay("2026-Q1", 4)).toBe(dayNumber(2026, 4, 1));
    expect(lastDay("2026-Q4", 4)).toBe(dayNumber(2027, 3, 31));
    expect(firstDay("2026", 4)).toBe(dayNumber(2026, 4, 1));
    expect(lastDay("2026", 4)).toBe(dayNumber(2027, 3, 31));
    expect(daysIn("2027", 4)).toBe(366); // April 2027 - March 2028 holds 29 February 2028
  });

  it("counts days employed for a mid-month hire: 15 March is 17 of 31 days", () => {
    const hired = dayNumber(2026, 3, 15);
    expect(daysEmployed("2026-03", hired, null)).toBe(17);
    expect(daysIn("2026-03")).toBe(31);
    expect(daysEmployed("2026-02", hired, null)).toBe(0);
    expect(daysEmployed("2026-04", hired, null)).toBe(30);
    expect(daysEmployed("2026-Q1", hired, null)).toBe(17);
    expect(daysEmployed("2026", hired, null)).toBe(365 - 31 - 28 - 14);
  });

  it("counts days employed for a leaver, the End date included", () => {
    const left = dayNumber(2026, 5, 10);
    expect(daysEmployed("2026-05", null, left)).toBe(10);
    expect(daysEmployed("2026-06", null, left)).toBe(0);
    expect(daysEmployed("2026-04", null, left)).toBe(30);
    expect(daysEmployed("2026-Q2", null, left)).toBe(30 + 10);
    // Hired and gone in the same month: 15 to 20 March.
    expect(daysEmployed("2026-03", dayNumber(2026, 3, 15), dayNumber(2026, 3, 20))).toBe(6);
    // Started and left the same day.
    expect(daysEmployed("2026-03", dayNumber(2026, 3, 15), dayNumber(2026, 3, 15))).toBe(1);
    expect(daysEmployed("2026-03", null, null)).toBe(31);
  });

  it("counts days employed in fiscal periods", () => {
    const hired = dayNumber(2026, 3, 15);
    expect(daysEmployed("2025-Q4", hired, null, 4)).toBe(17);
    expect(daysEmployed("2025", hired, null, 4)).toBe(17);
    expect(daysEmployed("2026", hired, null, 4)).toBe(365);
  });

  it("counts months of tenure for the new-hire ramp", () => {
    const hired = dayNumber(2026, 3, 15);
    expect(tenureMonth("2026-03", hired)).toBe(1);
    expect(tenureMonth("2026-04", hired)).toBe(2);
    expect(tenureMonth("2027-03", hired)).toBe(13);
    expect(tenureMonth("2026-02", hired)).toBe(0);
    expect(tenureMonth("2026-03", null)).toBeNull();
    expect(tenureMonth("2026-01", dayNumber(2025, 12, 31))).toBe(2);
  });
});

describe("ranges, order and covering periods", () => {
  it("lists months across a year end", () => {
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthRange("2026-03", "2026-03")).toEqual(["2026-03"]);
    expect(monthRange("2026-04", "2026-03")).toEqual([]);
  });

  it("steps back one period of the same kind", () => {
    const previousOf = { "2026-03": "2026-02", "2026-01": "2025-12", "2026-Q3": "2026-Q2", "2026-Q1": "2025-Q4" };
    for (const [period, previous] of Object.entries(previousOf)) expect(previousPeriod(period), period).toBe(previous);
    expect(previousPeriod("2026")).toBe("2025");
  });

  it("orders by start, then month before quarter before year", () => {
    const sorted = ["2026-Q2", "2026", "2026-04", "2026-02", "2026-Q1", "2026-01", "2025-12"].sort((a, b) =>
      comparePeriods(a, b),
    );
    expect(sorted).toEqual(["2025-12", "2026-01", "2026-Q1", "2026", "2026-02", "2026-04", "2026-Q2"]);
    expect(comparePeriods("2026-03", "2026-03")).toBe(0);
  });

  it("orders fiscal periods by their real start (April start)", () => {
    const sorted = ["2026-03", "2025-Q4", "2026", "2026-04", "2026-Q1"].sort((a, b) => comparePeriods(a, b, 4));
    expect(sorted).toEqual(["2025-Q4", "2026-03", "2026-04", "2026-Q1", "2026"]);
  });

  it("adds every quarter and year containing the months", () => {
    expect(periodsCovering(["2026-04", "2026-03"])).toEqual(["2026-Q1", "2026", "2026-03", "2026-04", "2026-Q2"]);
    // April start: March 2026 is in 2025-Q4 and fiscal 2025; April 2026 starts 2026-Q1 and fiscal 2026.
    expect(periodsCovering(["2026-03", "2026-04"], 4)).toEqual([
      "2025",
      "2025-Q4",
      "2026-03",
      "2026-04",
      "2026-Q1",
      "2026",
    ]);
    expect(periodsCovering([])).toEqual([]);
    expect(periodsCovering(["2026-01", "2026-01"])).toEqual(["2026-01", "2026-Q1", "2026"]);
    expect(periodsCovering(["2026-Q2"])).toEqual(["2026", "2026-Q2"]);
  });
});
