/**
 * The Setup view's Settings section in headless Chromium, served by the
 * preview server on the demo workbook: a sheet name changed with the
 * keyboard alone is saved into the simulated spreadsheet; a refused save
 * says why beside the form and keeps what was typed; Reset fills in the
 * defaults; a typed name is shown as text; the language setting turns the
 * sidebar Chinese; nothing scrolls sideways at 300 px. Screenshots go to
 * test-output/sidebar/setup-settings*.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../../src/local/cli/preview";
import { demoSimulator } from "./demo-simulator";
import type { Simulator } from "../../src/simulator";
import * as chromium from "./chromium";
import { PAYLOADS } from "./hostile-workbook";

const SHOTS = chromium.screenshotFolder("sidebar");
const SETTINGS = "#panel-setup details.settings";

let session: chromium.SidebarSession | undefined;
let preview: Preview;
let page: Page;
let dialogs: string[] = [];
let pageErrors: string[] = [];

/** The settings stored in the simulated spreadsheet's developer metadata. */
function storedSettings(sim: Simulator): {
  sheets: Record<string, string>;
  language: string;
  startPeriod: string;
  scheduleDay: number;
  scheduleHour: number;
} | null {
  const entry = sim.snapshot().metadata.find((m) => m.key === "salesScorecard.settings");
  return entry?.value ? JSON.parse(entry.value) : null;
}

async function activeRole(): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-role"));
}

beforeAll(async () => {
  const sim = await demoSimulator();
  // The manager has renamed the Sales tab in Sheets; the add-on still looks for "Sales".
  session = await chromium.openSidebarSession({ port: 0, simulator: sim }, () =>
    sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName("Sales")!.setName("Deals"),
  );
  ({ preview, page, dialogs, pageErrors } = session);
  await chromium.openTab(page, "setup");
});

afterAll(() => session?.close());

describe("the Settings section", () => {
  it("saves a sheet name changed with the keyboard alone, and the simulated spreadsheet holds it", async () => {
    expect(await page.locator("#panel-setup").innerText()).toMatch(/Sales — missing/);
    expect(storedSettings(preview.simulator)).toBeNull();

    // The disclosure opens with Enter; Tab walks the sheet names in order.
    await page.focus(SETTINGS + " summary");
    await page.keyboard.press("Enter");
    expect(await page.$eval(SETTINGS, (details) => (details as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await activeRole()).toBe("reps");
    await page.keyboard.press("Tab");
    expect(await activeRole()).toBe("sales");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels![0].textContent)).toBe(
      "Sales sheet",
    );
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Deals");
    await expect.poll(() => page.locator(SETTINGS + " .dirty").innerText()).toBe("Unsaved changes.");
    // Enter in the field saves.
    await page.keyboard.press("Enter");

    await expect
      .poll(() => page.locator("#panel-setup .action-status").innerText(), { timeout: 30_000 })
      .toBe(
        "Settings saved: Sales sheet. Sheets are not renamed: the next recalculation reads and writes the sheets with these names.",
      );
    await chromium.waitForView(page, "setup");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("action-status"))).toBe(true);
    expect(await page.locator("#panel-setup").innerText()).toMatch(/Every input sheet and the Plan are there/);
    // Still open after the reload, showing what was saved.
    expect(await page.$eval(SETTINGS, (details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await page.inputValue(SETTINGS + ' input[data-role="sales"]')).toBe("Deals");
    expect(await page.locator(SETTINGS + " .dirty").innerText()).toBe("");

    const stored = storedSettings(preview.simulator)!;
    expect(stored.sheets).toMatchObject({ sales: "Deals", reps: "Reps", results: "Results", runLog: "Run log" });
    expect(stored).toMatchObject({ language: "auto", startPeriod: "", scheduleDay: 3, scheduleHour: 6 });
  });

  it("shows a refused save beside the form, keeps what was typed, and saves nothing", async () => {
    const sales = page.locator(SETTINGS + ' input[data-role="sales"]');
    await sales.focus();
    await page.keyboard.press("End");
    await page.keyboard.type("/2026");
    // Tab on to Save settings and press it.
    expect(await chromium.tabTo(page, "Save settings")).toBe(true);
    await page.keyboard.press("Enter");
    const alert = page.locator(SETTINGS + " [role=alert]");
    await expect
      .poll(() => alert.innerText())
      .toBe(
        'That did not work: Sales sheet name "Deals/2026" contains /, which Sheets does not allow in sheet names ([ ] * ? / \\ :).',
      );
    expect(await sales.inputValue()).toBe("Deals/2026");
    expect(await page.locator(SETTINGS + " .dirty").innerText()).toBe("Unsaved changes.");
    expect(await page.getByRole("button", { name: "Save settings" }).isEnabled()).toBe(true);
    expect(storedSettings(preview.simulator)!.sheets.sales).toBe("Deals");
  });

  it("fills in the defaults with Reset, saving nothing until Save", async () => {
    await page.getByRole("button", { name: "Reset to defaults" }).focus();
    await page.keyboard.press("Space");
    expect(await page.inputValue(SETTINGS + ' input[data-role="sales"]')).toBe("Sales");
    expect(await page.locator(SETTINGS + " [role=status]").innerText()).toBe(
      "Defaults filled in: choose Save settings to keep them.",
    );
    expect(await page.locator(SETTINGS + " .dirty").innerText()).toBe("Unsaved changes.");
    expect(storedSettings(preview.simulator)!.sheets.sales).toBe("Deals");
  });

  it("shows a typed name as text only, wherever it appears", async () => {
    await page.reload();
    await chromium.openTab(page, "setup");
    await page.locator(SETTINGS + " summary").click();
    await page.fill(SETTINGS + ' input[data-role="scores"]', PAYLOADS.flag);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => page.locator("#panel-setup .action-status").innerText(), { timeout: 30_000 })
      .toMatch(/^Settings saved: Scores sheet\./);
    await chromium.waitForView(page, "setup");
    expect(await page.locator("#panel-setup ul.sheet-list").innerText()).toContain(PAYLOADS.flag + " — missing");
    expect(await page.inputValue(SETTINGS + ' input[data-role="scores"]')).toBe(PAYLOADS.flag);
    expect(
      await page.evaluate(() => [
        (window as unknown as { __xss?: unknown }).__xss,
        document.querySelectorAll("img").length,
      ]),
    ).toEqual([undefined, 0]);
    expect(storedSettings(preview.simulator)!.sheets.scores).toBe(PAYLOADS.flag);
  });

  it("does not scroll sideways at 300 px, even with a 100-character name", async () => {
    expect(await page.evaluate(() => window.innerWidth)).toBe(chromium.SIDEBAR_WIDTH);
    await page.fill(SETTINGS + ' input[data-role="runLog"]', "W".repeat(100));
    expect(await chromium.scrollsSideways(page)).toBe(false);
    await page.locator(SETTINGS).screenshot({ path: join(SHOTS, "setup-settings.png") });
  });

  it("turns the sidebar Chinese when the language is set to Chinese", async () => {
    await page.reload();
    await chromium.openTab(page, "setup");
    await page.focus(SETTINGS + " summary");
    await page.keyboard.press("Enter");
    const language = page.locator(SETTINGS + " select");
    await language.focus();
    // auto → English → 中文
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await language.inputValue()).toBe("zh");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Save settings");
    await page.keyboard.press("Enter");

    await expect
      .poll(() => page.locator("#panel-setup .action-status").innerText(), { timeout: 30_000 })
      .toBe("设置已保存：语言。");
    await chromium.waitForView(page, "setup");
    expect(await page.locator("#tab-team").innerText()).toBe("团队");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await page.locator(SETTINGS + " summary").innerText()).toBe("参数设置");
    expect(
      await page
        .locator(SETTINGS + " label[for]")
        .first()
        .innerText(),
    ).toBe("销售人员表");
    expect(storedSettings(preview.simulator)!.language).toBe("zh");
    expect(await chromium.scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "setup-settings-zh.png"), fullPage: true });
  });

  it("left no page error and opened no dialog along the way", () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
