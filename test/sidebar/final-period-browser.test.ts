/**
 * A final period in the built sidebar, in headless Chromium, served by the
 * preview server on the demo workbook: after a late deal lands in a final
 * month and the add-on recalculates, the Review view's text is the review
 * the Reviews sheet stores and the Rep view's payout is the Payouts total;
 * regenerating is a button that says it uses today's inputs; the Rep view
 * shows the score trace, with the keyboard and at 300 px.
 * Screenshots go to test-output/sidebar/final-*.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../../src/local/cli/preview";
import { demoSimulator } from "./demo-simulator";
import { callGlobal, column } from "../recalculation/fixtures";
import * as chromium from "./chromium";

const SHOTS = chromium.screenshotFolder("sidebar");
const REP = "R01";

let session: chromium.SidebarSession | undefined;
let preview: Preview;
let page: Page;
let finalPeriod: string;
let storedReview: string;
let payoutsTotal: number;

function sheetRow(
  sheet: string,
  match: (row: unknown[], at: (header: string) => number) => boolean,
): unknown[] | undefined {
  const values = preview.simulator.sheetValues(sheet);
  const at = (header: string) => column(values, header);
  return values.find((row) => match(row, at));
}

function totalOf(period: string): number {
  const values = preview.simulator.sheetValues("Payouts");
  const row = sheetRow(
    "Payouts",
    (r, at) => r[at("Period")] === period && r[at("Rep ID")] === REP && r[at("Type")] === "total",
  )!;
  return row[column(values, "Amount")] as number;
}

function money(amount: number): string {
  return "$" + amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

async function choose(view: "rep" | "review", period: string): Promise<void> {
  await chromium.openTab(page, view);
  await page.selectOption(`#panel-${view} select.period-picker`, period);
  await chromium.waitForView(page, view);
  await page.selectOption(`#panel-${view} select.rep-picker`, REP);
  await chromium.waitForView(page, view);
}

beforeAll(async () => {
  const simulator = await demoSimulator();
  session = await chromium.openSidebarSession({ port: 0, simulator }, (served) => {
    preview = served;
    settleLateDeal();
  });
  page = session.page;
  await chromium.waitForView(page, "team");
});

/** Notes the final period's figures, then adds a late deal dated in it and recalculates. */
function settleLateDeal(): void {
  const setup = callGlobal(preview.simulator, "sidebarSetup") as { finalPeriods: string[] };
  finalPeriod = setup.finalPeriods
    .filter((p) => /^\d{4}-\d{2}$/.test(p))
    .sort()
    .at(-1)!;
  payoutsTotal = totalOf(finalPeriod);
  storedReview = String(sheetRow("Reviews", (r) => r[0] === finalPeriod && r[1] === REP)![2]);
  // A late deal dated in the final month, then a recalculation: the final period keeps its figures.
  const sales = preview.simulator.sheetValues("Sales");
  preview.simulator.setSheetValues(
    "Sales",
    [[{ wallClock: finalPeriod + "-14T10:00:00" }, REP, "Late Deal Co", 300_000, "new", "won", null, null, "LATE-1"]],
    { startRow: sales.length + 1 },
  );
  callGlobal(preview.simulator, "menuRecalculateNow");
}

afterAll(() => session?.close());

describe("a final period after a late deal", () => {
  it("keeps its Payouts total in the add-on's own sheets", () => {
    expect(finalPeriod).toMatch(/^\d{4}-\d{2}$/);
    expect(totalOf(finalPeriod)).toBe(payoutsTotal);
    expect(storedReview).toMatch(/^Performance review/);
    expect(storedReview).toContain("Your payout for the period is " + money(payoutsTotal));
  });

  it("shows the Payouts total as the Rep view's payout, and the score trace", async () => {
    await choose("rep", finalPeriod);
    const card = await page.locator("#panel-rep .card").innerText();
    expect(card).toContain(money(payoutsTotal));
    expect(card).not.toMatch(/Provisional/);
    const trace = page.locator("#panel-rep .score-trace");
    await expect.poll(() => trace.count()).toBe(1);
    const text = await trace.innerText();
    expect(text).toMatch(/Revenue/);
    expect(text).toMatch(/points/);
    expect(text).toMatch(/Score = sum of points/);
    // The help opens from the keyboard.
    await trace.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await trace.locator("details").getAttribute("open")).not.toBeNull();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await page.screenshot({ path: join(SHOTS, "final-rep.png"), fullPage: true });
  });

  it("shows the stored review, and regenerates only when asked, saying so", async () => {
    await choose("review", finalPeriod);
    const shown = await page.locator("#panel-review textarea").inputValue();
    expect(shown).toBe(storedReview);
    // The payout the review states is the final Payouts total.
    expect(shown).toContain("Your payout for the period is " + money(payoutsTotal));
    expect(await page.locator("#panel-review").innerText()).toMatch(
      /This period is final: this is the review stored in the Reviews sheet/,
    );
    // Switching language does not regenerate behind the manager's back.
    await page.getByRole("button", { name: "中文" }).click();
    await chromium.waitForView(page, "review");
    expect(await page.locator("#panel-review textarea").inputValue()).toBe(storedReview);
    expect(await page.locator("#panel-review").innerText()).toMatch(/can only be regenerated/);
    await page.getByRole("button", { name: "English" }).click();
    await chromium.waitForView(page, "review");
    const regenerate = page.getByRole("button", { name: "Regenerate from today's inputs" });
    await regenerate.focus();
    await page.keyboard.press("Enter");
    await chromium.waitForView(page, "review");
    expect(await page.locator("#panel-review").innerText()).toMatch(/Regenerated from today's inputs: it may differ/);
    const regenerated = await page.locator("#panel-review textarea").inputValue();
    expect(regenerated).not.toBe(storedReview);
    expect(regenerated).not.toContain(money(payoutsTotal));
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await page.screenshot({ path: join(SHOTS, "final-review-regenerated.png"), fullPage: true });
    await page.getByRole("button", { name: "Show the stored review" }).click();
    await chromium.waitForView(page, "review");
    expect(await page.locator("#panel-review textarea").inputValue()).toBe(storedReview);
    // A regeneration asked for one rep is not carried to another choice and back.
    await regenerate.click();
    await chromium.waitForView(page, "review");
    await page.selectOption("#panel-review select.rep-picker", "R02");
    await chromium.waitForView(page, "review");
    await page.selectOption("#panel-review select.rep-picker", REP);
    await chromium.waitForView(page, "review");
    expect(await page.locator("#panel-review textarea").inputValue()).toBe(storedReview);
    // Nothing was written by looking or regenerating.
    expect(String(sheetRow("Reviews", (r) => r[0] === finalPeriod && r[1] === REP)![2])).toBe(storedReview);
  });
});
