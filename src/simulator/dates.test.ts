import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";
import { formatSimpleDate } from "./date-format";
import { instantToWall, wallToInstant } from "./time-zone";

const ZONES = ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Asia/Kolkata"] as const;
/** The instant of the wall clock 2026-03-31 23:30 in each zone, written out by hand. */
const INSTANT_OF_WALL: Record<(typeof ZONES)[number], string> = {
  UTC: "2026-03-31T23:30:00.000Z",
  "America/Los_Angeles": "2026-04-01T06:30:00.000Z",
  "Asia/Shanghai": "2026-03-31T15:30:00.000Z",
  "Asia/Kolkata": "2026-03-31T18:00:00.000Z",
};

describe("wall clocks and zones", () => {
  it.each(ZONES)("a wall clock read in %s gives the instant written out by hand", (zone) => {
    const sim = createSimulator({ timeZone: zone });
    sim.setSheetValues("Sheet1", [[{ wallClock: "2026-03-31T23:30" }]]);
    const value = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0].getRange("A1").getValue() as Date;
    expect(value.toISOString()).toBe(INSTANT_OF_WALL[zone]);
  });

  it.each(ZONES)("a Date written in %s reads back as the same instant and is stored as its wall clock", (zone) => {
    const sim = createSimulator({ timeZone: zone });
    const sheet = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
    const instant = new Date(INSTANT_OF_WALL[zone]);
    sheet.getRange("A1").setValues([[instant]]);
    expect(sim.sheetValues("Sheet1")).toEqual([[{ date: "2026-03-31T23:30:00" }]]);
    expect((sheet.getRange("A1").getValue() as Date).getTime()).toBe(instant.getTime());
  });

  it("keeps the wall clock when the spreadsheet's zone changes, so the instant shifts as in Sheets", () => {
    const sim = createSimulator({ timeZone: "Asia/Shanghai" });
    const ss = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!;
    ss.getSheets()[0].getRange("A1").setValue(new Date(INSTANT_OF_WALL["Asia/Shanghai"]));
    for (const zone of ZONES) {
      ss.setSpreadsheetTimeZone(zone);
      expect((ss.getSheets()[0].getRange("A1").getValue() as Date).toISOString()).toBe(INSTANT_OF_WALL[zone]);
    }
    expect(sim.sheetValues("Sheet1")).toEqual([[{ date: "2026-03-31T23:30:00" }]]);
  });

  it("puts a month-end instant in the right month per zone", () => {
    const instant = Date.UTC(2026, 2, 31, 20, 0); // 2026-03-31 20:00 UTC
    expect(formatSimpleDate(instant, "UTC", "yyyy-MM")).toBe("2026-03");
    expect(formatSimpleDate(instant, "Asia/Shanghai", "yyyy-MM")).toBe("2026-04");
    expect(formatSimpleDate(instant, "America/Los_Angeles", "yyyy-MM")).toBe("2026-03");
    expect(formatSimpleDate(instant, "Asia/Kolkata", "yyyy-MM-dd HH:mm XXX")).toBe("2026-04-01 01:30 +05:30");
  });

  it("handles DST gaps and overlaps in Los Angeles", () => {
    const la = "America/Los_Angeles";
    // 2026-03-08 02:30 does not exist (spring forward): read with the offset before the gap.
    expect(new Date(wallToInstant(Date.UTC(2026, 2, 8, 2, 30), la)).toISOString()).toBe("2026-03-08T10:30:00.000Z");
    // 2026-11-01 01:30 happens twice: the earlier instant.
    expect(new Date(wallToInstant(Date.UTC(2026, 10, 1, 1, 30), la)).toISOString()).toBe("2026-11-01T08:30:00.000Z");
    expect(instantToWall(Date.UTC(2026, 10, 1, 9, 30), la)).toBe(Date.UTC(2026, 10, 1, 1, 30));
  });

  it("formats SimpleDateFormat patterns and refuses unknown letters", () => {
    const t = Date.UTC(2026, 2, 31, 16, 5, 9, 42);
    expect(formatSimpleDate(t, "America/Los_Angeles", "EEE, d MMM yyyy HH:mm:ss.SSS Z")).toBe(
      "Tue, 31 Mar 2026 09:05:09.042 -0700",
    );
    expect(formatSimpleDate(t, "UTC", "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe("2026-03-31T16:05:09Z");
    expect(formatSimpleDate(t, "Asia/Shanghai", "h:mm a, EEEE, MMMM D")).toBe("12:05 AM, Wednesday, April 91");
    expect(() => formatSimpleDate(t, "UTC", "yyyy-qq")).toThrow("Illegal pattern character 'q'");
  });

  it("Utilities.formatDate falls back to GMT for an unknown zone, as Java does", () => {
    const { Utilities } = createSimulator().globals();
    expect(Utilities.formatDate(new Date(Date.UTC(2026, 0, 1, 5)), "Not/AZone", "HH:mm")).toBe("05:00");
  });
});

describe("independence from the host's TZ", () => {
  it("gives the same results whatever process.env.TZ is", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-tz-"));
    const entry = join(dir, "probe.ts");
    writeFileSync(
      entry,
      `import { createSimulator } from ${JSON.stringify(join(__dirname, "index.ts"))};
       const out: unknown[] = [];
       for (const zone of ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Asia/Kolkata"]) {
         const sim = createSimulator({ timeZone: zone, now: "2026-03-31T20:00:00Z" });
         const sheet = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
         sheet.getRange(1, 1, 1, 4).setValues([[new Date(Date.UTC(2026, 2, 31, 20)), "2026-03", "3/31/2026 23:30", "1/2"]]);
         out.push(sim.sheetValues("Sheet1"), sheet.getRange(1, 1, 1, 4).getValues().map((r) => r.map((d) => (d as Date).toISOString())));
       }
       console.log(JSON.stringify(out));`,
    );
    const outfile = join(dir, "probe.mjs");
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "silent",
    });
    const run = (tz: string) =>
      execFileSync(process.execPath, [outfile], { env: { ...process.env, TZ: tz }, encoding: "utf8" });
    const results = ["UTC", "America/New_York", "Asia/Tokyo", "Pacific/Chatham", "Asia/Kathmandu"].map(run);
    for (const r of results) expect(r).toBe(results[0]);
    const parsed = JSON.parse(results[0]) as unknown[];
    expect(parsed[2]).toEqual([
      [
        { date: "2026-03-31T13:00:00" },
        { date: "2026-03-01T00:00:00" },
        { date: "2026-03-31T23:30:00" },
        { date: "2026-01-02T00:00:00" },
      ],
    ]);
    expect(parsed[5]).toEqual([
      ["2026-03-31T20:00:00.000Z", "2026-02-28T16:00:00.000Z", "2026-03-31T15:30:00.000Z", "2026-01-01T16:00:00.000Z"],
    ]);
  }, 30_000);
});
