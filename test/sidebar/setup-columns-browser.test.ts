/**
 * The Setup view's Columns section in headless Chromium, served by the
 * preview server on a spreadsheet whose Sales headers the add-on does not
 * know (`Vendedor`, `Fecha`, `Importe`): the section opens by itself, the
 * manager picks each column in its select and saves; then the scheduled
 * trigger handler, run in the trigger context, reads Sales with that
 * mapping and stage words (Results has each rep's revenue). A hostile
 * header and stage word show as text.
 * Nothing scrolls sideways at 300 px. Screenshots go to
 * test-output/sidebar/setup-columns*.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, loadBundle, type Simulator } from "../../src/simulator";
import type { CellInput } from "../../src/simulator/snapshot";
import { column } from "../recalculation/fixtures";
import * as chromium from "./chromium";

const SHOTS = chromium.screenshotFolder("sidebar");
const COLUMNS = "#panel-setup details.columns";
const HOSTILE = "<img src=x onerror=alert(1)>";

const day = (iso: string): CellInput => ({ wallClock: iso + "T10:00:00" });

const SALES: CellInput[][] = [
  ["Vendedor", "Fecha", "Importe", "Estado", HOSTILE],
  ["Ana", day("2026-03-05"), 1200, "Ganado", "x"],
  ["Bo", day("2026-03-12"), 800, "Ganado", "y"],
  ["Ana", day("2026-03-20"), 300, "Ganado", "z"],
  ["Bo", day("2026-03-21"), 5000, "Perdido", "z"],
  ["Bo", day("2026-03-22"), 999, HOSTILE, "z"],
];
const REPS: CellInput[][] = [
  ["Rep ID", "Name"],
  ["Ana", "Ana Ruiz"],
  ["Bo", "Bo Li"],
];

let sim: Simulator;
let session: chromium.SidebarSession | undefined;
let page: Page;
let dialogs: string[] = [];
let pageErrors: string[] = [];

function storedSettings(): {
  columns?: Record<string, Record<string, string>>;
  dateOrder?: string;
  stageWords?: Record<string, string>;
} | null {
  const entry = sim.snapshot().metadata.find((m) => m.key === "salesScorecard.settings");
  return entry?.value ? JSON.parse(entry.value) : null;
}

function fieldSelect(field: string): string {
  return `${COLUMNS} select[data-sheet="sales"][data-field="${field}"]`;
}

beforeAll(async () => {
  sim = createSimulator({
    now: "2026-04-03T04:00:00Z",
    timeZone: "UTC",
    locale: "en_GB",
    user: "alice",
    sheets: { Sales: SALES, Reps: REPS },
  });
  session = await chromium.openSidebarSession({ port: 0, simulator: sim, recalculate: false, user: "alice" });
  ({ page, dialogs, pageErrors } = session);
  await chromium.openTab(page, "setup");
});

afterAll(() => session?.close());

describe("the Columns section", () => {
  it("opens by itself when Sales' required columns are not found, offering the sheet's own headers", async () => {
    expect(await page.$eval(COLUMNS, (details) => (details as HTMLDetailsElement).open)).toBe(true);
    const choices = await page.$$eval(`${fieldSelect("date")} option`, (options) => options.map((o) => o.textContent));
    expect(choices[0]).toBe("— not in this sheet —");
    expect([...choices].sort()).toEqual(
      ["— not in this sheet —", "Estado", "Fecha", "Importe", "Vendedor", HOSTILE].sort(),
    );
    expect(await page.inputValue(fieldSelect("date"))).toBe("");
    expect(await page.locator(COLUMNS).innerText()).toContain("not found: pick its column");
    // The hostile header is an option's text, never markup.
    expect(await page.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
  });

  it("saves the columns picked in the selects, with the keyboard to submit", async () => {
    await page.selectOption(fieldSelect("date"), "Fecha");
    await page.selectOption(fieldSelect("rep"), "Vendedor");
    // The amount with the keyboard alone: focus its select and type the start of the header.
    await page.focus(fieldSelect("amount"));
    await page.keyboard.type("Imp");
    expect(await page.inputValue(fieldSelect("amount"))).toBe("Importe");
    await page.selectOption(fieldSelect("status"), "Estado");
    await page.selectOption(`${COLUMNS} select[data-setting="dateOrder"]`, "dmy");
    await page.focus(`${COLUMNS} button[type=submit]`);
    await page.keyboard.press("Enter");

    await expect
      .poll(() => page.locator("#panel-setup .action-status").innerText(), { timeout: 30_000 })
      .toBe("Columns saved: the next run reads Sales and Reps with them.");
    await chromium.waitForView(page, "setup");
    expect(storedSettings()).toMatchObject({
      columns: { sales: { date: "Fecha", rep: "Vendedor", amount: "Importe", status: "Estado" } },
      dateOrder: "dmy",
    });
    // Still open after the reload, showing each as mapped.
    expect(await page.$eval(COLUMNS, (details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await page.inputValue(fieldSelect("rep"))).toBe("Vendedor");
    expect(await page.locator(COLUMNS).innerText()).toContain("mapped");
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(
      false,
    );
    expect(await page.evaluate(() => window.innerWidth)).toBe(chromium.SIDEBAR_WIDTH);
    await page.locator(COLUMNS).screenshot({ path: join(SHOTS, "setup-columns.png") });
  });

  it("lists the Status words with how each is read, and saves the manager's readings", async () => {
    const words = await page.$$eval(`${COLUMNS} select[data-word]`, (selects) =>
      selects.map((s) => [s.getAttribute("data-word"), (s as HTMLSelectElement).value]),
    );
    expect(words).toEqual([
      ["Ganado", "open"],
      ["Perdido", "open"],
      [HOSTILE, "open"],
    ]);
    expect(await page.locator(COLUMNS).innerText()).toContain(HOSTILE + " (1 rows)");
    expect(await page.locator(COLUMNS).innerText()).toContain("not recognised: read as open");
    // With the keyboard: focus a word's select and type the start of the reading.
    await page.focus(`${COLUMNS} select[data-word="Ganado"]`);
    await page.keyboard.type("w");
    await page.focus(`${COLUMNS} select[data-word="Perdido"]`);
    await page.keyboard.type("l");
    await page.focus(`${COLUMNS} button[type=submit]`);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => storedSettings()?.stageWords, { timeout: 30_000 })
      .toEqual({ Ganado: "won", Perdido: "lost" });
    await chromium.waitForView(page, "setup");
    expect(await page.inputValue(`${COLUMNS} select[data-word="Ganado"]`)).toBe("won");
    expect(await page.locator(COLUMNS).innerText()).toContain("yours");
    expect(await page.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(
      false,
    );
    await page.screenshot({ path: join(SHOTS, "setup-columns-page.png"), fullPage: true });
  });

  it("is what the scheduled run, in the trigger context, reads Sales with", () => {
    sim.queueUiResponse({ button: "YES" });
    const menu = loadBundle({ simulator: sim, context: { kind: "manual", user: "alice" } });
    try {
      menu.callJson("menuSchedule");
    } finally {
      menu.end();
    }
    const [trigger] = sim.triggerList().filter((t) => t.user === "alice");
    expect(trigger).toBeDefined();
    sim.setNow("2026-04-03T06:05:00Z");
    const run = loadBundle({ simulator: sim, context: { kind: "trigger", triggerUid: trigger.uid, user: "alice" } });
    try {
      run.fireTrigger();
    } finally {
      run.end();
    }

    const results = sim.sheetValues("Results");
    const rows = results.slice(1).filter((row) => row[column(results, "Period")] === "2026-03");
    const revenue = Object.fromEntries(
      rows.map((row) => [row[column(results, "Rep ID")], row[column(results, "revenue actual")]]),
    );
    // Ana: 1200 + 300; Bo: 800 (5000 lost, 999 still open).
    expect(revenue).toEqual({ Ana: 1500, Bo: 800 });
  });

  it("speaks Chinese in a Chinese spreadsheet, with the sheet's headers as they are", async () => {
    const settings = loadBundle({ simulator: sim, context: { kind: "manual", user: "alice" } });
    try {
      const setup = settings.callJson("sidebarSetup") as { settings: { current: Record<string, unknown> } };
      settings.callJson("sidebarSaveSettings", { ...setup.settings.current, language: "zh" });
    } finally {
      settings.end();
    }
    await page.reload();
    await chromium.openTab(page, "setup");
    await page.locator(COLUMNS + " summary").click();
    expect(await page.locator(COLUMNS + " summary").innerText()).toBe("列设置");
    expect(await page.locator(`label[for="${await page.getAttribute(fieldSelect("date"), "id")}"]`).innerText()).toBe(
      "日期（必填）",
    );
    expect(await page.locator(COLUMNS).innerText()).toContain("已映射");
    expect(await page.inputValue(fieldSelect("date"))).toBe("Fecha");
    expect(await page.locator("#panel-setup .fill-targets h3").innerText()).toBe("根据历史填充目标");
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(
      false,
    );
    await page.screenshot({ path: join(SHOTS, "setup-columns-zh.png"), fullPage: true });
  });

  it("left no page error and opened no dialog along the way", () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
