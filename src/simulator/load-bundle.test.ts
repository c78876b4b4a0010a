import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createSimulator, loadBundle } from "./index";

/** A fixture shaped like the build's output: an iife namespace plus top-level stubs. */
const CODE = String.raw`
var Lib = (() => {
  var loads = 0;
  function attainment(actual, target) { return target === 0 ? null : actual / target; }
  function probe() {
    return {
      require: typeof require, process: typeof process, Buffer: typeof Buffer, setTimeout: typeof setTimeout,
      URL: typeof URL, fetch: typeof fetch, TextEncoder: typeof TextEncoder, structuredClone: typeof structuredClone,
      WebAssembly: typeof WebAssembly, global: typeof global, module: typeof module,
    };
  }
  function now() { return [Date.now(), new Date().getTime(), typeof Date()]; }
  function kinds(rows, when) {
    var values = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sales").getDataRange().getValues();
    return {
      argArray: rows instanceof Array, argDate: when instanceof Date, valuesArray: values instanceof Array,
      cellDate: values[1][0] instanceof Date, cellYear: values[1][0].getFullYear(),
    };
  }
  function caught() {
    try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1, 2).setValues([[1]]); }
    catch (e) { return { isError: e instanceof Error, name: e.name, message: e.message }; }
  }
  function install() {
    PropertiesService.getScriptProperties().setProperty("spreadsheetId", SpreadsheetApp.getActiveSpreadsheet().getId());
    return ScriptApp.newTrigger("onSchedule").timeBased().everyHours(1).create().getUniqueId();
  }
  function onSchedule(e) {
    var active = SpreadsheetApp.getActiveSpreadsheet();
    var ss = SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty("spreadsheetId"));
    ss.getSheetByName("Sales").getRange("C1").setValue("ran " + e.triggerUid);
    return { active: active, authMode: e.authMode, hasYear: typeof e.year === "number" };
  }
  function run() {
    var lock = LockService.getDocumentLock();
    if (!lock.tryLock(1000)) return "already running";
    try { SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sales").getRange("D1").setValue("done"); return "ok"; }
    finally { lock.releaseLock(); }
  }
  function writeThree() {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sales");
    try { sheet.getRange("E1").setValue(1); sheet.getRange("E2").setValue(2); sheet.getRange("E3").setValue(3); }
    finally { sheet.getRange("E4").setValue("cleanup"); }
  }
  function local() {
    return [new Date(2026, 2, 31).toISOString(), new Date(Date.UTC(2026, 2, 31, 16)).getHours(), new Date("2026-03-31T10:00").toISOString(),
      new Date("2026-03-31").toISOString(), new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), String(new Date(Date.UTC(2026, 2, 31, 16)))];
  }
  function count() { loads++; return loads; }
  function sidebar() { return HtmlService.createHtmlOutputFromFile("Sidebar").getContent(); }
  return { attainment, probe, now, kinds, caught, install, onSchedule, run, writeThree, local, count, sidebar };
})();
function ATTAINMENT(actual, target) { return Lib.attainment(actual, target); }
function probe() { return Lib.probe(); }
function now() { return Lib.now(); }
function kinds(rows, when) { return Lib.kinds(rows, when); }
function caught() { return Lib.caught(); }
function install() { return Lib.install(); }
function onSchedule(e) { return Lib.onSchedule(e); }
function run() { return Lib.run(); }
function writeThree() { return Lib.writeThree(); }
function local() { return Lib.local(); }
function count() { return Lib.count(); }
function sidebar() { return Lib.sidebar(); }
`;

let dist = "";
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "sim-dist-"));
  writeFileSync(join(dist, "Code.js"), CODE);
  writeFileSync(join(dist, "Z-after.js"), "var ORDER = typeof Lib === 'object' ? 'after Code.js' : 'before';");
  writeFileSync(join(dist, "Sidebar.html"), "<!doctype html><p>sidebar</p>");
  writeFileSync(
    join(dist, "appsscript.json"),
    JSON.stringify({ timeZone: "America/Los_Angeles", runtimeVersion: "V8" }),
  );
});

function simulator(options: Parameters<typeof createSimulator>[0] = {}) {
  const sim = createSimulator({ now: "2026-04-02T09:00:00Z", timeZone: "Asia/Shanghai", user: "alice", ...options });
  sim.setSheetValues("Sales", [
    ["Date", "Amount"],
    [{ wallClock: "2026-03-31" }, 1200],
  ]);
  return sim;
}

describe("loadBundle", () => {
  it("evaluates every dist/*.js in name order and lists the globals the bundle added", () => {
    const bundle = loadBundle({ simulator: simulator(), distDir: dist });
    expect(bundle.globals).toEqual([
      "ATTAINMENT",
      "Lib",
      "ORDER",
      "caught",
      "count",
      "install",
      "kinds",
      "local",
      "now",
      "onSchedule",
      "probe",
      "run",
      "sidebar",
      "writeThree",
    ]);
    expect(bundle.evaluate("ORDER")).toBe("after Code.js");
    expect(bundle.call("ATTAINMENT", 50, 200)).toBe(0.25);
  });

  it("gives the script no require, process, Buffer, timers, URL, fetch, TextEncoder or structuredClone", () => {
    const bundle = loadBundle({ simulator: simulator(), distDir: dist });
    expect(bundle.callJson("probe")).toEqual({
      require: "undefined",
      process: "undefined",
      Buffer: "undefined",
      setTimeout: "undefined",
      URL: "undefined",
      fetch: "undefined",
      TextEncoder: "undefined",
      structuredClone: "undefined",
      WebAssembly: "undefined",
      global: "undefined",
      module: "undefined",
    });
  });

  it("gives the script the simulated clock", () => {
    const sim = simulator();
    const bundle = loadBundle({ simulator: sim, distDir: dist });
    const at = Date.parse("2026-04-02T09:00:00Z");
    expect(bundle.callJson("now")).toEqual([at, at, "string"]);
    sim.advance(90_000);
    expect(bundle.callJson("now")).toEqual([at + 90_000, at + 90_000, "string"]);
  });

  it("builds arrays and Dates in the context so instanceof works there", () => {
    const bundle = loadBundle({ simulator: simulator(), distDir: dist });
    expect(bundle.callJson("kinds", [[1, 2]], new Date(0))).toEqual({
      argArray: true,
      argDate: true,
      valuesArray: true,
      cellDate: true,
      cellYear: 2026,
    });
  });

  it("throws service errors as the context's Error named Exception", () => {
    const bundle = loadBundle({ simulator: simulator(), distDir: dist });
    expect(bundle.callJson("caught")).toEqual({
      isError: true,
      name: "Exception",
      message:
        "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    });
  });

  it("uses the manifest's time zone for the context Date's local time", () => {
    const bundle = loadBundle({ simulator: simulator(), distDir: dist });
    expect(bundle.callJson("local")).toEqual([
      "2026-03-31T07:00:00.000Z",
      9,
      "2026-03-31T17:00:00.000Z",
      "2026-03-31T00:00:00.000Z",
      480,
      "Tue Mar 31 2026 09:00:00 GMT-0700 (Pacific Daylight Time)",
    ]);
  });

  it("re-evaluates the script for every execution", () => {
    const sim = simulator();
    const first = loadBundle({ simulator: sim, distDir: dist });
    expect([first.call("count"), first.call("count")]).toEqual([1, 2]);
    expect(loadBundle({ simulator: sim, distDir: dist }).call("count")).toBe(1);
  });

  it("serves dist/*.html to HtmlService", () => {
    expect(loadBundle({ simulator: simulator(), distDir: dist }).call("sidebar")).toBe("<!doctype html><p>sidebar</p>");
  });

  it("runs a time-driven trigger in a second context over the same state", () => {
    const sim = simulator();
    const uid = loadBundle({ simulator: sim, distDir: dist, context: { kind: "manual", user: "alice" } }).call(
      "install",
    ) as string;
    expect(sim.triggerList()).toEqual([
      {
        uid,
        handler: "onSchedule",
        eventType: "CLOCK",
        user: "alice",
        documentId: "sim-spreadsheet-0001",
        schedule: { everyHours: 1 },
      },
    ]);
    sim.resetCalls();
    const trigger = loadBundle({
      simulator: sim,
      distDir: dist,
      context: { kind: "trigger", triggerUid: uid, user: "alice" },
    });
    expect(trigger.callJson("onSchedule", trigger.triggerEvent())).toEqual({
      active: null,
      authMode: "FULL",
      hasYear: true,
    });
    expect(trigger.fireTrigger()).toBeDefined();
    expect(sim.sheetValues("Sales")[0][2]).toBe(`ran ${uid}`);
    expect(sim.countCalls({ service: "SpreadsheetApp", method: "openById", context: "trigger" })).toBe(2);
  });

  it("lets two executions contend for the document lock", () => {
    const sim = simulator();
    const editor = loadBundle({ simulator: sim, distDir: dist, context: { kind: "manual", user: "alice" } });
    expect(editor.evaluate("LockService.getDocumentLock().tryLock(0)")).toBe(true);
    const other = loadBundle({ simulator: sim, distDir: dist, context: { kind: "manual", user: "bob" } });
    expect(other.call("run")).toBe("already running");
    editor.end();
    expect(other.call("run")).toBe("ok");
    expect(sim.isLockHeld("document")).toBe(false);
  });

  it("dies at the k-th write inside the script: no finally can write, earlier writes stay", () => {
    const sim = simulator();
    const bundle = loadBundle({ simulator: sim, distDir: dist });
    sim.dieAtWrite(2);
    expect(() => bundle.call("writeThree")).toThrow("Exceeded maximum execution time");
    expect(sim.sheetValues("Sales").map((row) => row[4] ?? "")).toEqual([1, ""]);
    sim.revive();
    bundle.call("writeThree");
    expect(sim.sheetValues("Sales").map((row) => row[4])).toEqual([1, 2, 3, "cleanup"]);
  });

  it("loads inline sources for small fixtures", () => {
    const bundle = loadBundle({
      simulator: createSimulator(),
      sources: [{ name: "f.js", code: "function ATTAINMENT(a, b) { return a / b; }" }],
    });
    expect(bundle.globals).toEqual(["ATTAINMENT"]);
    expect(bundle.call("ATTAINMENT", 3, 4)).toBe(0.75);
  });

  const built = join(process.cwd(), "dist", "Code.js");
  it.skipIf(!existsSync(built))("loads the real build without touching any service at top level", () => {
    const sim = createSimulator();
    const bundle = loadBundle({ simulator: sim, distDir: join(process.cwd(), "dist") });
    expect(bundle.globals).toContain("SalesScorecard");
    expect(sim.calls).toEqual([]);
    expect(bundle.evaluate("typeof require")).toBe("undefined");
  });
});
