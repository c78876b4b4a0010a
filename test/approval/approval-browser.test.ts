/**
 * The Team view's approve flow in the built sidebar, in headless Chromium,
 * served by the preview server on a team whose Plan has `approval` on: the
 * months awaiting approval are named; the oldest, when shown, has an
 * Approve button that first shows the month's total payout, its reps and
 * the open problems, takes an optional name, and approves only on the
 * second click (Cancel calls nothing); after it the month is final and the
 * Approvals sheet has the row. At 300 px, with the keyboard.
 * Screenshots go to test-output/sidebar/approval-*.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../../src/local/cli/preview";
import { column } from "../recalculation/fixtures";
import * as chromium from "../sidebar/chromium";
import { approvalTeam, runState } from "./fixtures";

const SHOTS = chromium.screenshotFolder("sidebar");

let session: chromium.SidebarSession;
let preview: Preview;
let page: Page;

function money(amount: number): string {
  return "$" + amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function januaryTotal(): number {
  const results = preview.simulator.sheetValues("Results");
  const bonus = column(results, "Bonus");
  return results.filter((row) => row[0] === "2026-01").reduce((sum, row) => sum + Number(row[bonus] || 0), 0);
}

async function showPeriod(period: string): Promise<void> {
  await page.selectOption("#panel-team .controls select >> nth=0", period);
  await chromium.waitForView(page, "team");
}

const approveCalls = () => preview.calls.filter((call) => call.name === "sidebarApprove");

beforeAll(async () => {
  session = await chromium.openRecalculatedSession(approvalTeam());
  ({ preview, page } = session);
  await chromium.waitForView(page, "team");
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe("the Team view under approval", () => {
  it("names the months awaiting approval, and offers Approve only for the oldest", async () => {
    const notice = await page.textContent("#panel-team .approval .notice");
    expect(notice).toContain("Awaiting approval: 2026-01, 2026-02, 2026-03");
    await showPeriod("2026-02");
    expect(await page.locator("#panel-team .approve-open").count()).toBe(0);
    await showPeriod("2026-01");
    expect(await page.textContent("#panel-team .approve-open")).toBe("Approve 2026-01…");
  });

  it("shows the total payout, reps and open problems first; Cancel calls nothing", async () => {
    await page.click("#panel-team .approve-open");
    expect(await page.textContent("#panel-team .approval-total")).toBe(money(januaryTotal()));
    expect(await page.textContent("#panel-team .approval-figures")).toContain("Reps4");
    expect(await page.locator("#panel-team .approval-problems").count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "approval-confirm.png"), fullPage: true });
    expect(await chromium.scrollsSideways(page)).toBe(false);
    await page.click("#panel-team .approve-cancel");
    expect(await page.locator("#panel-team .approve-confirm").count()).toBe(0);
    expect(approveCalls()).toEqual([]);
    expect(Object.keys(runState(preview.simulator).final)).toEqual([]);
  });

  it("approves with the keyboard: the month is final and the Approvals sheet has the row with the name", async () => {
    await page.focus("#panel-team .approve-open");
    await page.keyboard.press("Enter");
    // The name field has the focus once the confirm step opens.
    await page.keyboard.type("Ana Li");
    await page.focus("#panel-team .approve-confirm");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => document.querySelector("#panel-team")?.textContent?.includes("Approved 2026-01"),
      null,
      {
        timeout: 60_000,
      },
    );
    expect(approveCalls()).toEqual([
      expect.objectContaining({ ok: true, args: [{ period: "2026-01", name: "Ana Li" }] }),
    ]);
    expect(Object.keys(runState(preview.simulator).final)).toEqual(["2026-01"]);
    const approvals = preview.simulator.sheetValues("Approvals");
    expect(approvals[1][0]).toBe("2026-01");
    expect(String(approvals[1][1])).toMatch(/^Ana Li \(user key /);
    await chromium.waitForView(page, "team");
    await page.waitForFunction(() =>
      document.querySelector("#panel-team .approval .notice")?.textContent?.includes("2026-02, 2026-03"),
    );
    expect(await page.locator("#panel-team .approve-open").count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "approval-done.png"), fullPage: true });
    expect(session.dialogs).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
