/**
 * readDay remembers the days of short date texts (cell-values.ts): the same
 * answers as reading each text afresh, whatever the order of the reads.
 */
import { describe, expect, it } from "vitest";
import { dayNumber, makeWallClock } from "../core/calendar";
import { readDay } from "./cell-values";

const utc = makeWallClock("UTC");
const shanghai = makeWallClock("Asia/Shanghai");

describe("readDay with remembered date texts", () => {
  it("reads a text by the order asked, whichever order read it before", () => {
    expect(readDay("3/1/2017", utc, "mdy")).toBe(dayNumber(2017, 3, 1));
    expect(readDay("3/1/2017", utc, "dmy")).toBe(dayNumber(2017, 1, 3));
    expect(readDay("3/1/2017", utc, "mdy")).toBe(dayNumber(2017, 3, 1));
    expect(readDay("3/1/2017", utc, null)).toMatchObject({ failure: "ambiguous_date" });
  });

  it("gives each read its own failure object", () => {
    const first = readDay("3/1/2017", utc, null);
    const second = readDay("3/1/2017", utc, null);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(readDay("2026-02-30", utc)).not.toBe(readDay("2026-02-30", utc));
  });

  it("reads a zoned date-time by the wall clock asked, after another clock read it", () => {
    expect(readDay("2026-03-31T20:00:00Z", utc)).toBe(dayNumber(2026, 3, 31));
    expect(readDay("2026-03-31T20:00:00Z", shanghai)).toBe(dayNumber(2026, 4, 1));
    expect(readDay("2026-03-31", shanghai)).toBe(dayNumber(2026, 3, 31));
    expect(readDay("2026-03-31", utc)).toBe(dayNumber(2026, 3, 31));
  });

  it("reads every day of 40 years right, more texts than it keeps, twice over", () => {
    const first = dayNumber(2000, 1, 1);
    const texts = Array.from({ length: 40 * 366 }, (_, offset) => {
      const date = new Date((first + offset) * 86_400_000);
      return { text: date.toISOString().slice(0, 10), day: first + offset };
    });
    for (let pass = 0; pass < 2; pass += 1) {
      const wrong = texts.filter(({ text, day }) => readDay(text, utc) !== day);
      expect(wrong).toEqual([]);
    }
  });
});
