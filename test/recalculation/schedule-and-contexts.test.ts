/**
 * Must show: onOpen in AuthMode.NONE touches no properties, locks or
 * triggers; the trigger handler, run in the trigger context, computes the
 * due periods correctly and opens no other file; with the spreadsheet in
 * UTC, America/Los_Angeles, Asia/Shanghai and Asia/Kolkata the same
 * wall-clock dates land in the same periods, and a trigger firing an hour
 * late, or twice in an hour, changes nothing.
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type Simulator } from "../../src/simulator/index";
import { parseWallIso, wallToInstant } from "../../src/simulator/time-zone";
import { callGlobal, outputs, recalculateNow, runLogRows, sheetsSnapshot, teamSimulator } from "./fixtures";

const TEAM = {
  reps: 4,
  months: 3,
  salesRows: 60,
  extraSales: [[{ wallClock: "2026-03-31T23:30:00" }, "R0001", "Late night", 777, "new", "won"]],
};

function at(zone: string, wallClock: string): number {
  return wallToInstant(parseWallIso(wallClock), zone);
}

function turnScheduleOn(sim: Simulator, user = "alice"): string {
  sim.queueUiResponse({ button: "YES" });
  callGlobal(sim, "menuSchedule", { kind: "manual", user });
  const triggers = sim.triggerList().filter((t) => t.user === user);
  expect(triggers).toHaveLength(1);
  return triggers[0].uid;
}

function fire(sim: Simulator, uid: string, user = "alice"): void {
  const bundle = loadBundle({ simulator: sim, context: { kind: "trigger", triggerUid: uid, user } });
  try {
    bundle.fireTrigger();
  } finally {
    bundle.end();
  }
}

describe("onOpen", () => {
  it("in AuthMode.NONE builds the menu and touches no properties, locks or triggers", () => {
    const sim = teamSimulator();
    callGlobal(sim, "onOpen", { kind: "manual", authMode: "NONE" }, { authMode: "NONE" });
    const services = new Set(sim.calls.map((c) => c.service));
    for (const forbidden of ["PropertiesService", "Properties", "LockService", "Lock", "ScriptApp", "Trigger"])
      expect(services.has(forbidden), forbidden).toBe(false);
    expect(sim.calls.filter((c) => c.error)).toEqual([]);
    expect(sim.ui.menus[0].entries.length).toBeGreaterThanOrEqual(6);
  });
});

describe("the schedule", () => {
  it("installs one trigger, however often it is turned on", () => {
    const sim = teamSimulator();
    turnScheduleOn(sim);
    // A second "on" (another tab that still showed "off"): the earlier trigger is replaced.
    const entry = sim.spreadsheet.metadata.find((m) => m.key === "salesScorecard.schedule")!;
    entry.value = null;
    turnScheduleOn(sim);
    expect(sim.triggerList()).toHaveLength(1);
    expect(JSON.stringify(sim.snapshot().metadata)).not.toMatch(/@/); // no email anywhere
  });

  it("fires in the trigger context, finalises what is due, opens no other file, and an idle firing logs nothing", () => {
    const sim = teamSimulator(TEAM, { now: "2026-04-03T04:00:00Z", user: "alice" });
    recalculateNow(sim, "alice");
    const uid = turnScheduleOn(sim);
    const logRows = runLogRows(sim).length;

    sim.setNow("2026-04-03T05:30:00Z"); // before day 3, 06:00: March is not due
    sim.resetCalls();
    const logLines = sim.logs.length;
    fire(sim, uid);
    expect(runLogRows(sim)).toHaveLength(logRows);
    expect(sim.calls.length).toBeLessThanOrEqual(16);
    expect(sim.calls.filter((c) => c.kind === "write").map((c) => c.service + "." + c.method)).toEqual([
      "DeveloperMetadata.setValue",
    ]);
    expect(sim.logs.length).toBe(logLines);

    sim.setNow("2026-04-03T06:05:00Z");
    sim.resetCalls();
    fire(sim, uid);
    const opened = sim.callsMatching({ service: "SpreadsheetApp" });
    expect(opened.map((c) => c.method)).toEqual(["openById"]);
    expect(opened[0].args).toEqual([JSON.stringify(sim.options.spreadsheetId)]);
    expect(sim.callsMatching({ method: "getActiveSpreadsheet" })).toEqual([]);
    const last = runLogRows(sim).at(-1)!;
    expect(last[1]).toBe("schedule");
    expect(last[3]).toBe("2026-03, 2026-Q1");
    const after = sheetsSnapshot(sim);

    for (const later of ["2026-04-03T06:40:00Z", "2026-04-03T07:50:00Z"]) {
      sim.setNow(later);
      fire(sim, uid);
    }
    expect(sheetsSnapshot(sim)).toEqual(after);
    expect(runLogRows(sim).length).toBe(logRows + 1);
  });

  it("lets another editor take over an overdue schedule; the old trigger then removes itself", () => {
    const sim = teamSimulator(TEAM, { now: "2026-04-01T00:00:00Z", user: "alice" });
    const alices = turnScheduleOn(sim, "alice");
    sim.queueUiResponse({ button: "YES" });
    callGlobal(sim, "menuSchedule", { kind: "manual", user: "bob" }); // not overdue: refused
    expect(sim.triggerList().map((t) => t.user)).toEqual(["alice"]);
    sim.advance(4 * 3600_000);
    sim.queueUiResponse({ button: "YES" });
    callGlobal(sim, "menuSchedule", { kind: "manual", user: "bob" });
    expect(
      sim
        .triggerList()
        .map((t) => t.user)
        .sort(),
    ).toEqual(["alice", "bob"]);
    fire(sim, alices, "alice");
    expect(sim.triggerList().map((t) => t.user)).toEqual(["bob"]);
  });
});

describe("time zones", () => {
  const zones = ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Asia/Kolkata"];

  it("put the same wall-clock dates in the same periods, and a late or doubled firing changes nothing", () => {
    const byZone = new Map<string, unknown>();
    for (const zone of zones) {
      const variants: unknown[] = [];
      for (const firings of [
        ["2026-04-03T06:10:00"],
        ["2026-04-03T07:10:00"],
        ["2026-04-03T06:10:00", "2026-04-03T06:40:00"],
      ]) {
        const sim = teamSimulator(TEAM, { timeZone: zone, now: at(zone, "2026-04-02T12:00:00"), user: "alice" });
        recalculateNow(sim, "alice");
        const uid = turnScheduleOn(sim);
        for (const wall of firings) {
          sim.setNow(at(zone, wall));
          fire(sim, uid);
        }
        const log = runLogRows(sim);
        expect(log.at(-1)![3], zone + " " + firings.join()).toBe("2026-03, 2026-Q1");
        variants.push(outputs(sim));
      }
      expect(variants[1]).toEqual(variants[0]);
      expect(variants[2]).toEqual(variants[0]);
      byZone.set(zone, variants[0]);
    }
    for (const zone of zones) expect(byZone.get(zone), zone).toEqual(byZone.get("UTC"));
    const results = (byZone.get("UTC") as { Results: unknown[][] }).Results;
    const revenue = (results[0] as string[]).indexOf("revenue actual");
    expect(results.some((row) => row[0] === "2026-03" && row[1] === "R0001" && typeof row[revenue] === "number")).toBe(
      true,
    );
  });
});
