import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";

describe("PropertiesService", () => {
  it("stores strings per scope and refuses values over 9 KB", () => {
    const sim = createSimulator({ user: "alice" });
    const { PropertiesService } = sim.globals();
    const script = PropertiesService.getScriptProperties();
    script.setProperty("a", 1 as never).setProperties({ b: "2", c: "3" });
    expect(script.getProperty("a")).toBe("1");
    expect(script.getProperty("missing")).toBeNull();
    expect(script.getProperties()).toEqual({ a: "1", b: "2", c: "3" });
    script.deleteProperty("b");
    expect(script.getKeys().sort()).toEqual(["a", "c"]);
    expect(() => script.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    PropertiesService.getUserProperties().setProperty("u", "1");
    expect(
      sim.globals({ kind: "manual", user: "bob" }).PropertiesService.getUserProperties().getProperty("u"),
    ).toBeNull();
    expect(sim.properties.snapshot().user).toEqual({ alice: { u: "1" } });
  });
});

describe("LockService", () => {
  it("tryLock fails and waitLock throws while another execution holds the lock; waiting advances the clock", () => {
    const sim = createSimulator({ now: 0 });
    sim.holdLock("document");
    const lock = sim.globals().LockService.getDocumentLock()!;
    expect(lock.tryLock(5000)).toBe(false);
    expect(sim.now()).toBe(5000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow("Lock timeout: another process was holding the lock for too long.");
    sim.releaseHeldLock("document");
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(sim.isLockHeld("document")).toBe(false);
  });

  it("a hold with a duration is waited out when the timeout allows", () => {
    const sim = createSimulator({ now: 0 });
    sim.holdLock("script", { forMs: 2000 });
    expect(sim.globals().LockService.getScriptLock().tryLock(10_000)).toBe(true);
    expect(sim.now()).toBe(2000);
  });

  it("two executions contend for the same document lock until the first ends", () => {
    const sim = createSimulator();
    const first = sim.startExecution({ kind: "manual", user: "alice" });
    const second = sim.startExecution({ kind: "manual", user: "bob" });
    expect(first.globals.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(second.globals.LockService.getDocumentLock()!.tryLock(100)).toBe(false);
    sim.endExecution(first);
    expect(second.globals.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
  });
});

describe("ScriptApp triggers", () => {
  it("allows one time-driven trigger per user per document and records where it was created", () => {
    const sim = createSimulator({ user: "alice" });
    const { ScriptApp } = sim.globals({ kind: "manual" });
    const trigger = ScriptApp.newTrigger("onSchedule").timeBased().everyHours(1).create();
    expect(trigger.getHandlerFunction()).toBe("onSchedule");
    expect(trigger.getEventType()).toBe("CLOCK");
    expect(() => ScriptApp.newTrigger("onSchedule").timeBased().everyDays(1).atHour(3).create()).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google Account user.",
    );
    const bob = sim.globals({ kind: "manual", user: "bob" }).ScriptApp;
    bob.newTrigger("onSchedule").timeBased().everyHours(1).create();
    expect(sim.triggerList().map((t) => [t.user, t.documentId, t.schedule])).toEqual([
      ["alice", "sim-spreadsheet-0001", { everyHours: 1 }],
      ["bob", "sim-spreadsheet-0001", { everyHours: 1 }],
    ]);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    ScriptApp.newTrigger("onSchedule").timeBased().everyHours(1).create();
  });

  it("refuses triggers more frequent than hourly for add-ons, bad intervals, and more than 20 per user", () => {
    const sim = createSimulator({ addOn: false });
    const { ScriptApp } = sim.globals();
    expect(() => ScriptApp.newTrigger("f").timeBased().everyHours(3)).toThrow(/everyHours/);
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger("g").timeBased().everyHours(1).create()).toThrow(
      "This script has too many triggers.",
    );
    const addOn = createSimulator().globals().ScriptApp;
    expect(() => addOn.newTrigger("f").timeBased().everyMinutes(5).create()).toThrow(/once per hour/);
  });
});

describe("CacheService", () => {
  it("expires entries on the simulated clock", () => {
    const sim = createSimulator({ now: 0 });
    const cache = sim.globals().CacheService.getScriptCache();
    cache.put("k", "v", 60);
    cache.putAll({ a: "1", b: "2" });
    expect(cache.get("k")).toBe("v");
    expect(cache.getAll(["a", "b", "c"])).toEqual({ a: "1", b: "2" });
    sim.advance(60_000);
    expect(cache.get("k")).toBeNull();
    expect(cache.get("a")).toBe("1");
    sim.caches.evictAll();
    expect(cache.get("a")).toBeNull();
  });
});

describe("Ui and HtmlService", () => {
  it("records menus, sidebars, alerts and prompts with queued answers", () => {
    const sim = createSimulator({ htmlFiles: { Sidebar: "<p>hi</p>" } });
    const { SpreadsheetApp, HtmlService } = sim.globals();
    const ui = SpreadsheetApp.getUi();
    ui.createMenu("Scorecard")
      .addItem("Recalculate now", "recalculateNow")
      .addSeparator()
      .addSubMenu(ui.createMenu("More").addItem("Restate", "restate"))
      .addToUi();
    expect(sim.ui.menus[0].entries).toEqual([
      { caption: "Recalculate now", functionName: "recalculateNow" },
      { separator: true },
      { submenu: { caption: "More", addon: false, entries: [{ caption: "Restate", functionName: "restate" }] } },
    ]);
    ui.showSidebar(HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Sales Scorecard"));
    expect(sim.ui.shown).toEqual([
      {
        kind: "sidebar",
        title: "Sales Scorecard",
        content: "<p>hi</p>",
        width: null,
        height: null,
        execution: expect.any(Number),
      },
    ]);
    expect(() => HtmlService.createHtmlOutputFromFile("Missing")).toThrow("No HTML file named Missing was found.");
    expect(ui.alert("Done")).toBe("OK");
    sim.queueUiResponse({ button: "CANCEL", text: "2026-03" });
    const response = ui.prompt("Restate", "Which period?", ui.ButtonSet.OK_CANCEL);
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual(["CANCEL", "2026-03"]);
    expect(sim.ui.prompts[0]).toMatchObject({ title: "Restate", prompt: "Which period?", buttons: "OK_CANCEL" });
  });

  it("evaluates simple templates", () => {
    const { HtmlService } = createSimulator().globals();
    const template = HtmlService.createTemplate("<b><?= name ?></b><?!= raw ?>") as Record<string, unknown> & {
      evaluate(): { getContent(): string };
    };
    template.name = "<x>";
    template.raw = "<i>";
    expect(template.evaluate().getContent()).toBe("<b>&lt;x&gt;</b><i>");
  });
});

describe("Session, Utilities, Logger", () => {
  it("gives no email, a stable per-user key and the script's zone", () => {
    const sim = createSimulator({ scriptTimeZone: "Asia/Kolkata", locale: "zh_CN" });
    const alice = sim.globals({ kind: "manual", user: "alice" }).Session;
    expect(alice.getActiveUser().getEmail()).toBe("");
    expect(alice.getEffectiveUser().getEmail()).toBe("");
    expect(alice.getTemporaryActiveUserKey()).toBe(
      sim.globals({ kind: "trigger", user: "alice" }).Session.getTemporaryActiveUserKey(),
    );
    expect(alice.getTemporaryActiveUserKey()).not.toBe(
      sim.globals({ kind: "manual", user: "bob" }).Session.getTemporaryActiveUserKey(),
    );
    expect(alice.getScriptTimeZone()).toBe("Asia/Kolkata");
    expect(alice.getActiveUserLocale()).toBe("zh");
    expect(sim.countCalls({ service: "Session", method: "getActiveUser" })).toBe(1);
  });

  it("sleeps on the simulated clock and makes seeded UUIDs", () => {
    const a = createSimulator({ now: 0, seed: 7 });
    const b = createSimulator({ now: 0, seed: 7 });
    a.globals().Utilities.sleep(1500);
    expect(a.now()).toBe(1500);
    const uuid = a.globals().Utilities.getUuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.globals().Utilities.getUuid()).toBe(uuid);
    expect(
      a.globals().Utilities.computeDigest(a.globals().Utilities.DigestAlgorithm.SHA_256, "abc").slice(0, 4),
    ).toEqual([-70, 120, 22, -65]);
  });

  it("records Logger and console lines", () => {
    const sim = createSimulator();
    const g = sim.globals();
    g.Logger.log("rows: %s", 3);
    g.console.warn("refused", { reason: "already running" });
    expect(sim.logs.map((l) => [l.source, l.level, l.message])).toEqual([
      ["Logger", "log", "rows: 3"],
      ["console", "warn", 'refused {"reason":"already running"}'],
    ]);
  });
});
