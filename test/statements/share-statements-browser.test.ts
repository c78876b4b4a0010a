/**
 * "Share statements" in the sidebar's Setup view, in headless Chromium
 * served by the preview: the card says what it does, the button (reached
 * by keyboard too) creates one statement per rep with an Email and the
 * status line tells the counts; a second click refreshes them without
 * making new ones. Nothing scrolls sideways at 300 px. Screenshot:
 * test-output/sidebar/share-statements.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createdSpreadsheets, sharingOf } from "../../src/simulator/drive";
import type { Simulator } from "../../src/simulator/index";
import * as chromium from "../sidebar/chromium";
import { MANAGER, repEmail, statementTeam } from "./fixtures";

const SHOTS = chromium.screenshotFolder("sidebar");
const STATUS = "#panel-setup .action-status";

let sim: Simulator;
let session: chromium.SidebarSession | undefined;
let page: Page;
let pageErrors: string[] = [];

async function statusAfter(click: () => Promise<void>): Promise<string> {
  await page.$eval(STATUS, (status) => {
    status.textContent = "";
  });
  await click();
  await page.waitForFunction(
    (selector) => /statements/i.test(document.querySelector(selector)?.textContent ?? ""),
    STATUS,
    {
      timeout: 30_000,
    },
  );
  return page.$eval(STATUS, (status) => status.textContent ?? "");
}

beforeAll(async () => {
  // Rep 2 has no Email: no statement for them.
  sim = statementTeam({ reps: 3, months: 3 }, {}, [2]);
  session = await chromium.openSidebarSession({ port: 0, simulator: sim, user: MANAGER });
  ({ page, pageErrors } = session);
  await chromium.openTab(page, "setup");
});

afterAll(() => session?.close());

describe("Share statements in the sidebar", () => {
  it("shows what it does and shares one statement per rep with an Email", async () => {
    const card = page.locator("#panel-setup section.card", { hasText: "Share statements" });
    expect(await card.textContent()).toContain("private statement");
    const text = await statusAfter(() => card.getByRole("button", { name: "Share statements" }).click());
    expect(text).toContain("2 of 2 up to date (2 created, 0 refreshed)");
    const statements = createdSpreadsheets(sim);
    expect(statements.map((ss) => ss.name)).toEqual([
      "Sales Scorecard statement: Rep 1 (R0001)",
      "Sales Scorecard statement: Rep 3 (R0003)",
    ]);
    expect(statements.map((ss) => [...sharingOf(ss)!.editors])).toEqual([[repEmail(1)], [repEmail(3)]]);
    expect(statements.every((ss) => ss.owner === MANAGER)).toBe(true);
    expect(await chromium.scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "share-statements.png"), fullPage: true });
  });

  it("refreshes them from the keyboard, making no new ones", async () => {
    await page.focus("#tab-setup");
    const text = await statusAfter(async () => {
      expect(await chromium.tabTo(page, "Share statements", 60)).toBe(true);
      await page.keyboard.press("Enter");
    });
    expect(text).toContain("2 of 2 up to date (0 created, 2 refreshed)");
    expect(createdSpreadsheets(sim)).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });
});
