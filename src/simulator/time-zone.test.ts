import { describe, expect, it } from "vitest";
import { intlOffsetMs } from "../core/calendar";
import { SpreadsheetModel } from "./sheet-model";
import { writeFixture } from "./snapshot";
import { instantToWall, wallToInstant, zoneOffsetMs } from "./time-zone";

/** The wall clock of an instant as Intl gives it, without any cache: what the cached answers must equal. */
function intlWall(instantMs: number, timeZone: string): number {
  return instantMs + intlOffsetMs(timeZone)(instantMs);
}

describe("cached zone offsets", () => {
  it("give Intl's wall clock every minute around a DST change, before and after the change is cached", () => {
    // Los Angeles springs forward at 2026-03-08 10:00 UTC; Lord Howe moves by half an hour.
    for (const [zone, change] of [
      ["America/Los_Angeles", Date.UTC(2026, 2, 8, 10)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 15)],
    ] as const) {
      for (let pass = 0; pass < 2; pass++) {
        for (let t = change - 7_200_000; t <= change + 7_200_000; t += 60_000) {
          expect(instantToWall(t, zone)).toBe(intlWall(t, zone));
          expect(instantToWall(t - 1000, zone)).toBe(intlWall(t - 1000, zone));
        }
      }
    }
  });

  it("keep the milliseconds and the seconds of a historical offset", () => {
    // Shanghai's local mean time before 1901 was UTC+8:05:43.
    const t = Date.UTC(1890, 5, 1, 12, 0, 0, 250);
    expect(zoneOffsetMs("Asia/Shanghai", t)).toBe(intlWall(t - 250, "Asia/Shanghai") - (t - 250));
    expect(instantToWall(t, "Asia/Shanghai") - instantToWall(t - 250, "Asia/Shanghai")).toBe(250);
  });

  it("read a wall clock in a spring-forward gap with the offset before it", () => {
    const wall = Date.UTC(2026, 2, 8, 2, 30);
    expect(wallToInstant(wall, "America/Los_Angeles")).toBe(Date.UTC(2026, 2, 8, 10, 30));
  });

  it("still reject an unknown zone", () => {
    expect(() => instantToWall(0, "Mars/Olympus")).toThrow();
  });
});

describe("writeFixture", () => {
  it("writes a sheet of 200,000 rows (too many for a spread into Math.max)", () => {
    const ss = new SpreadsheetModel({ id: "x", name: "Book", timeZone: "UTC", locale: "en_US", owner: "a" });
    const rows = Array.from({ length: 200_000 }, (_, i) => [i, "x"]);
    const sheet = writeFixture(ss, "Sales", rows, 0);
    expect([sheet.maxRows, sheet.maxColumns, sheet.lastRow()]).toEqual([200_000, 26, 200_000]);
  });

  it("leaves the cell under a hole of a sparse row alone", () => {
    const ss = new SpreadsheetModel({ id: "x", name: "Book", timeZone: "UTC", locale: "en_US", owner: "a" });
    writeFixture(ss, "S", [["a", "b"]], 0);
    const sparse: (string | undefined)[] = [];
    sparse[1] = "c";
    const sheet = writeFixture(ss, "S", [sparse], 0);
    expect([sheet.cell(1, 1)?.content, sheet.cell(1, 2)?.content]).toEqual([
      { kind: "text", value: "a" },
      { kind: "text", value: "c" },
    ]);
  });
});
