import { afterEach, describe, expect, it } from "vitest";
import * as fc from "fast-check";
import {
  civilFromDay,
  dayNumber,
  daysInMonth,
  formatDay,
  isCivilDate,
  isLeapYear,
  makeWallClock,
  intlOffsetMs,
  makeWallClockFromOffset,
} from "./calendar";
import { MONTH_END_ZONES } from "../../test/fixtures/month-end-zones";
import { monthOfDay } from "./periods";
import { seededRandom } from "./seeded-random";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

describe("day numbers", () => {
  it("counts days since 1970-01-01", () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2026, 3, 31)).toBe(20543);
    expect(dayNumber(2026, 3, 31)).toBe(Date.UTC(2026, 2, 31) / DAY_MS);
    expect(dayNumber(2000, 3, 1) - dayNumber(2000, 2, 28)).toBe(2); // 2000 is a leap year
    expect(dayNumber(2100, 3, 1) - dayNumber(2100, 2, 28)).toBe(1); // 2100 is not
  });

  it("turns day numbers back into civil dates", () => {
    expect(civilFromDay(20543)).toEqual({ year: 2026, month: 3, day: 31 });
    expect(civilFromDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(civilFromDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilFromDay(dayNumber(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("round-trips every day between years 1 and 9999 (sampled) and agrees with Date.UTC", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1, 1, 1), max: dayNumber(9999, 12, 31) }), (day) => {
        const civil = civilFromDay(day);
        expect(dayNumber(civil.year, civil.month, civil.day)).toBe(day);
        expect(isCivilDate(civil.year, civil.month, civil.day)).toBe(true);
        const utc = new Date(day * DAY_MS);
        expect([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]).toEqual([
          civil.year,
          civil.month,
          civil.day,
        ]);
      }),
      { numRuns: 2000 },
    );
  });

  it("formats days as ISO text", () => {
    expect(formatDay(20543)).toBe("2026-03-31");
    expect(formatDay(dayNumber(2026, 1, 5))).toBe("2026-01-05");
    expect(formatDay(dayNumber(987, 6, 7))).toBe("0987-06-07");
  });

  it("knows month lengths and leap years", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
  });

  it("tells real dates from impossible ones", () => {
    expect(isCivilDate(2026, 2, 28)).toBe(true);
    expect(isCivilDate(2026, 2, 29)).toBe(false);
    expect(isCivilDate(2026, 2, 30)).toBe(false);
    expect(isCivilDate(2024, 2, 29)).toBe(true);
    expect(isCivilDate(2026, 4, 31)).toBe(false);
    expect(isCivilDate(2026, 13, 1)).toBe(false);
    expect(isCivilDate(2026, 0, 1)).toBe(false);
    expect(isCivilDate(2026, 1, 0)).toBe(false);
    expect(isCivilDate(2026, 1.5, 1)).toBe(false);
  });
});

/** The instant at which a zone's wall clock shows the given time, for a known offset. */
function instantOfWallClock(offsetMinutes: number, y: number, m: number, d: number, hh: number, mm: number): number {
  return Date.UTC(y, m - 1, d, hh, mm) - offsetMinutes * MINUTE_MS;
}

describe("wall clock: deals at the month end land in the month the sheet shows", () => {
  for (const [zone, offset] of MONTH_END_ZONES) {
    it(`${zone}: 23:30 on 31 March is March, 00:30 on 1 April is April`, () => {
      const wallClock = makeWallClock(zone);
      const lateMarch = wallClock(instantOfWallClock(offset, 2026, 3, 31, 23, 30));
      const earlyApril = wallClock(instantOfWallClock(offset, 2026, 4, 1, 0, 30));
      expect(lateMarch).toEqual({ day: dayNumber(2026, 3, 31), minutes: 23 * 60 + 30 });
      expect(earlyApril).toEqual({ day: dayNumber(2026, 4, 1), minutes: 30 });
      expect(monthOfDay(lateMarch.day)).toBe("2026-03");
      expect(monthOfDay(earlyApril.day)).toBe("2026-04");
    });
  }

  it("gives the same answers through an injected offset function", () => {
    const kolkata = makeWallClockFromOffset(() => 330);
    expect(kolkata(instantOfWallClock(330, 2026, 3, 31, 23, 30))).toEqual({ day: 20543, minutes: 1410 });
    expect(kolkata(instantOfWallClock(330, 2026, 4, 1, 0, 30))).toEqual({ day: 20544, minutes: 30 });
  });
});

describe("wall clock: independent of the machine's zone", () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("gives the same days whatever TZ the process runs in", () => {
    const instants = [Date.UTC(2026, 2, 31, 15, 30), Date.UTC(2026, 2, 31, 16, 30), Date.UTC(2026, 0, 1, 0, 0)];
    const answers: unknown[] = [];
    for (const tz of ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"]) {
      process.env.TZ = tz;
      const shanghai = makeWallClock("Asia/Shanghai");
      answers.push(instants.map((ms) => shanghai(ms)));
    }
    const expected = [
      { day: dayNumber(2026, 3, 31), minutes: 23 * 60 + 30 },
      { day: dayNumber(2026, 4, 1), minutes: 30 },
      { day: dayNumber(2026, 1, 1), minutes: 8 * 60 },
    ];
    for (const answer of answers) expect(answer).toEqual(expected);
  });
});

describe("wall clock: changes of offset", () => {
  it("follows Los Angeles into daylight saving time (8 March 2026, 02:00 -> 03:00)", () => {
    const la = makeWallClock("America/Los_Angeles");
    // 09:59 UTC = 01:59 PST; 10:00 UTC = 03:00 PDT.
    expect(la(Date.UTC(2026, 2, 8, 9, 59))).toEqual({ day: dayNumber(2026, 3, 8), minutes: 1 * 60 + 59 });
    expect(la(Date.UTC(2026, 2, 8, 10, 0))).toEqual({ day: dayNumber(2026, 3, 8), minutes: 3 * 60 });
    // A date-only cell at local midnight before and after the change.
    expect(la(Date.UTC(2026, 2, 8, 8, 0))).toEqual({ day: dayNumber(2026, 3, 8), minutes: 0 });
    expect(la(Date.UTC(2026, 2, 9, 7, 0))).toEqual({ day: dayNumber(2026, 3, 9), minutes: 0 });
  });

  it("follows a change at half past a UTC hour (Adelaide, 5 April 2026, 03:00 ACDT -> 02:00 ACST)", () => {
    const adelaide = makeWallClock("Australia/Adelaide");
    // The change is at 16:30 UTC: both instants are in one UTC hour.
    expect(adelaide(Date.UTC(2026, 3, 4, 16, 29))).toEqual({ day: dayNumber(2026, 4, 5), minutes: 2 * 60 + 59 });
    expect(adelaide(Date.UTC(2026, 3, 4, 16, 31))).toEqual({ day: dayNumber(2026, 4, 5), minutes: 2 * 60 + 1 });
  });

  it("agrees with Intl for random instants in many zones", () => {
    const zones = [
      "UTC",
      "America/Los_Angeles",
      "Asia/Shanghai",
      "Asia/Kolkata",
      "Australia/Adelaide",
      "America/St_Johns",
      "Europe/London",
      "Pacific/Chatham",
      "Asia/Kathmandu",
    ];
    const clocks = zones.map((zone) => makeWallClock(zone));
    const reference = zones.map(
      (timeZone) =>
        new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
        }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: zones.length - 1 }),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (z, ms) => {
          const parts = Object.fromEntries(reference[z].formatToParts(ms).map((p) => [p.type, Number(p.value)]));
          expect(clocks[z](ms)).toEqual({
            day: dayNumber(parts.year, parts.month, parts.day),
            minutes: (parts.hour % 24) * 60 + parts.minute,
          });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("calls the offset function about once per distinct UTC day", () => {
    let calls = 0;
    // A zone at +1 that moves to +2 at 01:30 UTC on day 100 and back on day 300.
    const offset = (ms: number): number => {
      calls += 1;
      return ms >= 100 * DAY_MS + 90 * MINUTE_MS && ms < 300 * DAY_MS + 90 * MINUTE_MS ? 120 : 60;
    };
    const clock = makeWallClockFromOffset(offset);
    const random = seededRandom(7);
    for (let i = 0; i < 200_000; i += 1) {
      const ms = Math.floor(random() * 1000 * DAY_MS);
      const expectedOffset = ms >= 100 * DAY_MS + 90 * MINUTE_MS && ms < 300 * DAY_MS + 90 * MINUTE_MS ? 120 : 60;
      const wall = ms + expectedOffset * MINUTE_MS;
      const got = clock(ms);
      if (got.day !== Math.floor(wall / DAY_MS)) throw new Error("wrong day at " + ms);
    }
    // 1001 day boundaries, 25 hour boundaries per changing day, and exact calls inside the changing hours.
    expect(calls).toBeLessThan(1200);
  });

  it("rejects instants that are not finite and zones that do not exist", () => {
    expect(() => makeWallClock("UTC")(Number.NaN)).toThrow(RangeError);
    expect(() => makeWallClock("Not/AZone")).toThrow(RangeError);
  });

  it("reads a zone's offset from Intl, half hours, DST and years before Christ included", () => {
    expect(intlOffsetMs("Asia/Kolkata")(Date.UTC(2026, 0, 1))).toBe(5.5 * HOUR_MS);
    expect(intlOffsetMs("America/Los_Angeles")(Date.UTC(2026, 2, 8, 9, 59, 59))).toBe(-8 * HOUR_MS);
    expect(intlOffsetMs("America/Los_Angeles")(Date.UTC(2026, 2, 8, 10))).toBe(-7 * HOUR_MS);
    const tenBc = new Date(0);
    tenBc.setUTCFullYear(-9, 5, 15); // 10 BC is year -9 in Date's count
    expect(intlOffsetMs("UTC")(tenBc.getTime() + 1234)).toBe(0);
    expect(() => intlOffsetMs("UTC")(Number.NaN)).toThrow(RangeError);
    expect(() => intlOffsetMs("Not/AZone")).toThrow(RangeError);
  });

  it("keeps the hour of an instant past the changing hour", () => {
    const clock = makeWallClockFromOffset((ms) => (ms >= 10 * DAY_MS + 30 * MINUTE_MS ? 0 : 60));
    expect(clock(10 * DAY_MS + 29 * MINUTE_MS)).toEqual({ day: 10, minutes: 89 });
    expect(clock(10 * DAY_MS + 31 * MINUTE_MS)).toEqual({ day: 10, minutes: 31 });
    expect(clock(10 * DAY_MS + HOUR_MS)).toEqual({ day: 10, minutes: 60 });
  });
});
