import { describe, expect, it } from "vitest";
import {
  checkWorkbookData,
  findSheet,
  parseWallClock,
  rectangle,
  wallClock,
  wallClockToWallMs,
  wallMsToWallClock,
} from "./workbook-data";

describe("wall clocks", () => {
  it("formats and parses without any time zone", () => {
    expect(wallClock(2026, 3, 31, 23, 30)).toEqual({ wallClock: "2026-03-31T23:30:00" });
    expect(parseWallClock("2026-03-31T23:30:00")).toEqual({
      year: 2026,
      month: 3,
      day: 31,
      hour: 23,
      minute: 30,
      second: 0,
    });
    expect(parseWallClock("2026-03-31")).toEqual({ year: 2026, month: 3, day: 31, hour: 0, minute: 0, second: 0 });
    expect(parseWallClock("2026-03-31 08:05")).toMatchObject({ hour: 8, minute: 5 });
  });

  it("rejects impossible dates and times", () => {
    expect(parseWallClock("2026-02-29")).toBeNull();
    expect(parseWallClock("2024-02-29")).not.toBeNull();
    expect(parseWallClock("2026-13-01")).toBeNull();
    expect(parseWallClock("2026-03-31T24:00:00")).toBeNull();
    expect(parseWallClock("2026-03-31Z")).toBeNull();
    expect(() => wallClock(2026, 2, 30)).toThrow();
  });

  it("converts to and from wall ms (UTC fields), rounding to the second", () => {
    expect(wallClockToWallMs("2026-03-31T23:30:00")).toBe(Date.UTC(2026, 2, 31, 23, 30));
    expect(wallMsToWallClock(Date.UTC(2026, 2, 31, 23, 30))).toBe("2026-03-31T23:30:00");
    expect(wallMsToWallClock(Date.UTC(2026, 2, 31, 23, 29, 59) + 600)).toBe("2026-03-31T23:30:00");
    expect(wallMsToWallClock(Date.UTC(2026, 2, 31, 23, 30) + 400)).toBe("2026-03-31T23:30:00");
  });
});

describe("wall clocks in their full form", () => {
  /** Every so many days and seconds from year 900 to 10100, so both ends of the four-digit years are crossed. */
  function* instants(): Generator<number> {
    for (let ms = Date.UTC(900, 0, 1); ms < Date.UTC(10100, 0, 1); ms += 86_400_000 * 997.3 + 1_234_567.8) yield ms;
  }

  it("formats any instant as its UTC fields to the second", () => {
    for (const ms of instants()) {
      const rounded = Math.round(ms / 1000) * 1000;
      const iso = new Date(rounded).toISOString(); // "+010000-01-06T..." past 9999
      expect(wallMsToWallClock(ms)).toBe(iso.startsWith("+") ? iso.slice(2, 22) : iso.slice(0, 19));
    }
  });

  it("parses a full form, with T or a space, as the same fields as the pattern does", () => {
    for (const ms of instants()) {
      const text = wallMsToWallClock(ms);
      if (text.length !== 19) continue;
      const fields = parseWallClock(text);
      expect(fields).not.toBeNull();
      expect(wallClockToWallMs(text)).toBe(Math.round(ms / 1000) * 1000);
      expect(parseWallClock(text.replace("T", " "))).toEqual(fields);
    }
    expect(parseWallClock("2026-0a-31T00:00:00")).toBeNull();
    expect(parseWallClock("2026-02-29T00:00:00")).toBeNull();
    expect(parseWallClock("2026-03-31T23:59:60")).toBeNull();
    expect(parseWallClock("2026-03-31X23:30:00")).toBeNull();
    expect(parseWallClock("２026-03-31T23:30:00")).toBeNull();
  });
});

describe("workbook shape", () => {
  it("pads rows to a rectangle", () => {
    const values = rectangle(
      [
        ["Rep ID", "Period", "Amount", "Reason"],
        ["R01", "2026-03", 200],
      ],
      null,
    );
    expect(values[1]).toEqual(["R01", "2026-03", 200, null]);
  });

  it("finds sheets ignoring case and spaces around", () => {
    const workbook = { sheets: [{ name: "Sales", values: [] }] };
    expect(findSheet(workbook, " sales ")?.name).toBe("Sales");
    expect(findSheet(workbook, "Reps")).toBeUndefined();
  });

  it("names what is malformed, with cell addresses", () => {
    const problems = checkWorkbookData({
      sheets: [
        {
          name: "A",
          values: [
            [1, Number.NaN],
            [{ wallClock: "2026-02-30" }, { formula: "SUM(A1)" }],
          ],
        },
        { name: "a", values: [[1], [1, 2]] },
        { name: "Bad:name", values: [], numberFormats: [[null]] },
      ],
    });
    expect(problems).toEqual([
      "A!B1: not a finite number (NaN)",
      "A!A2: not a valid wall clock (2026-02-30)",
      'A!B2: formula without a leading "=" (SUM(A1))',
      'sheet "a": two sheets have this name',
      'sheet "a" row 2: not 1 cells wide',
      'sheet "Bad:name": name has one of \\ / ? * [ ] :',
      'sheet "Bad:name": numberFormats is not a grid of text or null the shape of values',
    ]);
    expect(
      checkWorkbookData({
        sheets: [{ name: "Ok", values: [["x", null, true, { wallClock: "2026-03-31T23:30:00" }]] }],
      }),
    ).toEqual([]);
  });

  it("survives a JSON round trip unchanged", () => {
    const workbook = {
      sheets: [
        { name: "S", values: [["a", 1, true, null, { wallClock: "2026-03-31T23:30:00" }, { formula: "=1+1" }]] },
      ],
    };
    expect(JSON.parse(JSON.stringify(workbook))).toEqual(workbook);
  });
});
