/**
 * The Plans view of the built sidebar in headless Chromium, served by the
 * preview server on the comparison workbook (test/plan-comparison): without
 * a draft it says how to make one and "Copy the Plan to a draft" makes it;
 * with a draft paying 5% instead of 2% above 50,000, "Compare plans" shows
 * the total cost change (+$1,200.00, worked out in plan-comparison.test.ts),
 * the Plan's and the draft's totals, and the reps paid more; reached with
 * the keyboard alone, at 300 px without scrolling sideways.
 * Screenshots go to test-output/plan-comparison/.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../../src/local/cli/preview";
import * as chromium from "../sidebar/chromium";
import { commissionPlan, comparisonSimulator } from "./comparison-workbook";

const SHOTS = chromium.screenshotFolder("plan-comparison");

let session: chromium.SidebarSession | undefined;
let preview: Preview;
let watched: chromium.WatchedPage;
let page: Page;

async function openPlans(): Promise<void> {
  await page.waitForSelector("#tab-team[aria-selected='true']");
  await page.focus("#tab-team");
  // Team, Rep, Review, Plans, Setup: End jumps to Setup, the last; the left arrow moves back to Plans.
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.waitForSelector("#panel-plans:not([hidden]) button.compare-plans");
}

async function resultText(): Promise<string> {
  await page.waitForFunction(() => {
    const region = document.querySelector("#panel-plans .comparison-result");
    return !!region && region.childElementCount > 0 && !region.querySelector(".loading");
  });
  return page.locator("#panel-plans .comparison-result").innerText();
}

beforeAll(async () => {
  session = await chromium.openRecalculatedSession(comparisonSimulator());
  ({ preview, page } = session);
  watched = session;
});

afterAll(() => session?.close());

describe("the Plans view", () => {
  it("opens with the keyboard and, without a draft, says how to make one", async () => {
    await openPlans();
    expect(await page.locator("#tab-plans").innerText()).toBe("Plans");
    await page.focus("#panel-plans button.compare-plans");
    await page.keyboard.press("Enter");
    const text = await resultText();
    expect(text).toContain('There is no "Plan draft" sheet');
    expect(preview.simulator.sheetNames()).not.toContain("Plan comparison");
  });

  it("copies the Plan to a draft, once", async () => {
    await page.click("#panel-plans button.make-draft");
    await page.waitForSelector("#panel-plans .draft-status .notice");
    expect(await page.locator("#panel-plans .draft-status").innerText()).toContain(
      'Copied the Plan sheet to "Plan draft"',
    );
    expect(preview.simulator.sheetValues("Plan draft")).toEqual(preview.simulator.sheetValues("Plan"));
  });

  it("shows the total cost change, both totals and the reps paid more", async () => {
    preview.simulator.setSheetValues("Plan draft", commissionPlan(0.01, 0.05) as never);
    await page.click("#panel-plans button.compare-plans");
    const text = await resultText();
    expect(text).toContain("Total cost change");
    expect(await page.locator("#panel-plans .plan-total-change").innerText()).toBe("+$1,200.00 (+40.7%)");
    const totals = await page.locator("#panel-plans .plan-totals dl").innerText();
    expect(totals).toContain("3: 2026-01 to 2026-03");
    expect(totals).toContain("$2,950.00");
    expect(totals).toContain("$4,150.00");
    const winners = await page.locator("#panel-plans .plan-winners li").allInnerTexts();
    expect(winners.map((w) => w.split("\n")[0])).toEqual(["Ann (R01) +$900.00", "Bo (R02) +$300.00"]);
    expect(await page.locator("#panel-plans .plan-losers").innerText()).toContain("No one.");
    expect(text).toContain("the Plan comparison sheet");
    await page.screenshot({ path: join(SHOTS, "plans-compared.png"), fullPage: true });
  });

  it("fits 300 px without scrolling sideways, with no dialog or page error", async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(chromium.SIDEBAR_WIDTH);
    expect(watched.dialogs).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });

  it("lists the draft's problems at their cells", async () => {
    const bad = commissionPlan(0.01, 0.05);
    bad[4] = ["tier", "commission", "", "", "", 50000, "lots", ""];
    preview.simulator.setSheetValues("Plan draft", bad as never);
    await page.click("#panel-plans button.compare-plans");
    await resultText();
    const problems = await page.locator("#panel-plans .plan-problems").innerText();
    expect(problems).toContain("'Plan draft'!G5");
    await page.screenshot({ path: join(SHOTS, "plans-draft-problems.png"), fullPage: true });
  });
});
