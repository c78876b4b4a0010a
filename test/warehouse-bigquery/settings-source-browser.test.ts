/**
 * The Settings section's Sales source in headless Chromium, served by the
 * preview server on the demo workbook: the table fields show only for a
 * BigQuery table; choosing one with the keyboard and saving stores it in the
 * simulated spreadsheet and says what the table holds; a bad table path is
 * refused beside the form; nothing scrolls sideways at 300 px. A screenshot
 * goes to test-output/sidebar/setup-sales-source.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../../src/local/cli/preview";
import { demoSimulator } from "../sidebar/demo-simulator";
import type { Simulator } from "../../src/simulator";
import { bigQuerySchema, DEALS_TABLE } from "../fixtures/bigquery-tables";
import * as chromium from "../sidebar/chromium";

const SHOTS = chromium.screenshotFolder("sidebar");
const SETTINGS = "#panel-setup details.settings";
const SOURCE = SETTINGS + " fieldset.sales-source";

let session: chromium.SidebarSession | undefined;
let preview: Preview;
let page: Page;
let pageErrors: string[] = [];

function storedSource(sim: Simulator): unknown {
  const entry = sim.snapshot().metadata.find((m) => m.key === "salesScorecard.settings");
  return entry?.value ? JSON.parse(entry.value).salesSource : null;
}

beforeAll(async () => {
  const sim = await demoSimulator();
  sim.bigQuery.setTable(DEALS_TABLE, {
    schema: bigQuerySchema({ "Close Date": "DATE", Owner: "STRING", Amount: "NUMERIC" }),
    rows: [
      ["2026-10-01", "R001", "1200"],
      ["2026-10-02", "R002", "800"],
    ],
  });
  session = await chromium.openSidebarSession({ port: 0, simulator: sim });
  ({ preview, page, pageErrors } = session);
  await chromium.openTab(page, "setup");
  await page.locator(SETTINGS + " summary").click();
});

afterAll(() => {
  preview?.simulator.bigQuery.close();
  return session?.close();
});

describe("the Sales source in Settings", () => {
  it("shows the table fields only for a BigQuery table", async () => {
    expect(await page.isChecked(SOURCE + ' input[value="sheet"]')).toBe(true);
    expect(await page.isVisible(SOURCE + ' input[data-field="bigquery-table"]')).toBe(false);
    await page.focus(SOURCE + ' input[value="sheet"]');
    await page.keyboard.press("ArrowDown");
    expect(await page.isChecked(SOURCE + ' input[value="bigquery"]')).toBe(true);
    expect(await page.isVisible(SOURCE + ' input[data-field="bigquery-table"]')).toBe(true);
    await expect.poll(() => page.locator(SETTINGS + " .dirty").innerText()).toBe("Unsaved changes.");
  });

  it("refuses a table path BigQuery could not name, beside the form", async () => {
    await page.fill(SOURCE + ' input[data-field="bigquery-table"]', "deals");
    await page.fill(SOURCE + ' input[data-field="billing-project"]', "acme-sales");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => page.locator(SETTINGS + " [role=alert]").innerText(), { timeout: 30_000 })
      .toContain('BigQuery table "deals" must be written project.dataset.table');
    expect(storedSource(preview.simulator) ?? null).toBeNull();
  });

  it("saves a BigQuery table and says what it holds", async () => {
    await page.fill(SOURCE + ' input[data-field="bigquery-table"]', "acme-sales.crm.deals");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => page.locator("#panel-setup .action-status").innerText(), { timeout: 30_000 })
      .toBe(
        "Settings saved: Sales source. BigQuery table acme-sales.crm.deals: 2 rows; runs read it aggregated per rep and month.",
      );
    await chromium.waitForView(page, "setup");
    expect(storedSource(preview.simulator)).toEqual({
      kind: "bigquery",
      table: "acme-sales.crm.deals",
      billingProject: "acme-sales",
    });
    expect(await page.isChecked(SOURCE + ' input[value="bigquery"]')).toBe(true);
    expect(await page.inputValue(SOURCE + ' input[data-field="bigquery-table"]')).toBe("acme-sales.crm.deals");
    expect(await chromium.scrollsSideways(page)).toBe(false);
    await page.locator(SOURCE).screenshot({ path: join(SHOTS, "setup-sales-source.png") });
    expect(pageErrors).toEqual([]);
  });
});
