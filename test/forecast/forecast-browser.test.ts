/**
 * The forecast in the built sidebar, in headless Chromium, served by the
 * preview server on the forecast workbook (forecast-workbook.ts) on 16 March
 * 2026: the Rep view's "If your open deals close" (revenue, score, payout,
 * tiers) and pace for the provisional March, none for the final February,
 * and the Team view's forecast, at 300 px. Screenshots go to
 * test-output/sidebar/forecast-*.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chromium from "../sidebar/chromium";
import { forecastSimulator } from "./forecast-workbook";

const SHOTS = chromium.screenshotFolder("sidebar");

let session: chromium.SidebarSession | undefined;
let page: Page;
let pageErrors: string[] = [];

async function chooseRep(period: string, repId: string): Promise<void> {
  await page.click("#tab-rep");
  await chromium.waitForView(page, "rep");
  await page.selectOption("#panel-rep select.period-picker", period);
  await chromium.waitForView(page, "rep");
  await page.selectOption("#panel-rep select.rep-picker", repId);
  await chromium.waitForView(page, "rep");
}

beforeAll(async () => {
  session = await chromium.openRecalculatedSession(forecastSimulator());
  ({ page, pageErrors } = session);
  await chromium.waitForView(page, "team");
});

afterAll(() => session?.close());

describe("the Rep view of a provisional month", () => {
  it("shows what happens if the rep's open deals close, worked out by hand", async () => {
    await chooseRep("2026-03", "R1");
    const card = await page.locator("#panel-rep .card.forecast").innerText();
    expect(card).toMatch(/If your open deals close/);
    // Elm 5,000 x 40 % and Fir 3,000 x 1 close in March; Juniper (April) does not count.
    expect(card).toMatch(/2 open deals closing in 2026-03/);
    // 6,000 + 2,000 + 3,000 = 11,000; score 1.1; 1,000 (tier 1.0) + 550 commission + 100 adjustment.
    expect(card).toContain("$11,000.00");
    expect(card).toMatch(/110\.0%/);
    expect(card).toContain("$1,650.00");
    expect(card).toMatch(/target_bonus: tier from 100\.0%, rate 1/);
    expect(card).toMatch(/commission: tier from \$0\.00, rate 0\.05/);
  });

  it("shows the pace: revenue to date against the straight line on day 16 of 31", async () => {
    const pace = await page.locator("#panel-rep .pace").innerText();
    // 10,000 x 16 / 31 = 5,161.29; 6,000 is 838.71 ahead.
    expect(pace).toContain("Revenue to date $6,000.00");
    expect(pace).toContain("$5,161.29");
    expect(pace).toContain("day 16 of 31");
    expect(pace).toContain("Ahead of the line by $838.71");
    expect(await page.locator("#panel-rep .pace-bar").count()).toBe(1);
    expect(await chromium.scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "forecast-rep.png"), fullPage: true });
  });

  it("shows no forecast and no pace for a final month", async () => {
    await chooseRep("2026-02", "R1");
    expect(await page.locator("#panel-rep .card.forecast").count()).toBe(0);
    expect(await page.locator("#panel-rep .pace").count()).toBe(0);
  });
});

describe("the Team view of a provisional month", () => {
  it("shows the team's forecast revenue and payout beside the payout now", async () => {
    await page.click("#tab-team");
    await chromium.waitForView(page, "team");
    await page.selectOption("#panel-team select", "2026-03");
    await chromium.waitForView(page, "team");
    const card = await page.locator("#panel-team .card.forecast").innerText();
    // Revenue 11,000 + 10,000; payout 1,650 + 1,500 against 900 + 950 now.
    expect(card).toContain("$21,000.00");
    expect(card).toContain("$3,150.00");
    expect(card).toContain("$1,850.00");
    expect(await chromium.scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(SHOTS, "forecast-team.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
