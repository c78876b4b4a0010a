/**
 * Headless Chromium for the sidebar tests: Debian's package driven by
 * playwright-core (no browser is downloaded), with the flags known to work
 * on this kind of machine, in a throw-away profile.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startPreview, type Preview, type PreviewOptions } from "../../src/local/cli/preview";
import type { Simulator } from "../../src/simulator";
import { recalculateNow } from "../recalculation/fixtures";

const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The sidebar's width in Sheets. */
export const SIDEBAR_WIDTH = 300;

/**
 * Fails with instructions when Debian's Chromium is not installed.
 *
 * @example
 * requireChromium(); // throws "The sidebar's browser tests need Chromium at /usr/bin/chromium ..."
 */
function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The sidebar's browser tests need Chromium at ${CHROMIUM_PATH}. Install Debian's package once: ` +
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium",
    );
  }
}

/** A running browser and how to dispose of it. */
export interface SidebarBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile and a 300 px wide viewport.
 *
 * @example
 * const browser = await launchSidebarBrowser();
 * const page = await browser.context.newPage();
 */
async function launchSidebarBrowser(): Promise<SidebarBrowser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), "sidebar-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: SIDEBAR_WIDTH, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page whose dialogs (dismissed) and uncaught errors are recorded, for a test to assert there were none. */
export interface WatchedPage {
  page: Page;
  dialogs: string[];
  pageErrors: string[];
}

/**
 * Opens a page of the browser at a URL, recording every dialog (and
 * dismissing it, so a stray alert cannot hang the test) and every uncaught
 * page error.
 *
 * @example
 * const { page, dialogs, pageErrors } = await openWatchedPage(browser, preview.url);
 * expect(dialogs).toEqual([]);
 */
async function openWatchedPage(browser: SidebarBrowser, url: string): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type() + ": " + dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(url);
  return { page, dialogs, pageErrors };
}

/** A preview served to a watched page in a browser of its own, and how to dispose of both. */
export interface SidebarSession extends WatchedPage {
  browser: SidebarBrowser;
  preview: Preview;
  close(): Promise<void>;
}

/**
 * Launches a browser, starts the local preview with `options` and opens a
 * watched page on it: what every sidebar browser test starts from.
 * `beforeOpen` changes the served spreadsheet before the sidebar first loads.
 *
 * @example
 * const session = await openSidebarSession({ port: 0, simulator });
 * await waitForView(session.page, "team");
 * await session.close();
 */
export async function openSidebarSession(
  options: PreviewOptions,
  beforeOpen?: (preview: Preview) => void,
): Promise<SidebarSession> {
  const browser = await launchSidebarBrowser();
  const preview = await startPreview(options);
  beforeOpen?.(preview);
  const watched = await openWatchedPage(browser, preview.url);
  return {
    ...watched,
    browser,
    preview,
    async close() {
      await browser.close();
      await preview.close();
    },
  };
}

/**
 * Runs "Recalculate now" on `simulator` (as the menu item would, so the
 * output sheets are the add-on's own), then opens a sidebar session on it
 * that does not recalculate a second time.
 *
 * @example
 * const session = await openRecalculatedSession(approvalTeam());
 */
export function openRecalculatedSession(simulator: Simulator): Promise<SidebarSession> {
  recalculateNow(simulator);
  return openSidebarSession({ port: 0, simulator, recalculate: false });
}

/**
 * The folder under test-output/ a browser test saves its screenshots in,
 * made if it is missing.
 *
 * @example
 * const SHOTS = screenshotFolder("sidebar"); // "test-output/sidebar"
 * await page.screenshot({ path: join(SHOTS, "team.png") });
 */
export function screenshotFolder(name: string): string {
  const folder = join("test-output", name);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Waits until a view's panel (`team`, `rep`, `review`, `setup`) is shown and
 * nothing in it is loading any more.
 *
 * @example
 * await page.click("#tab-rep");
 * await waitForView(page, "rep");
 */
export async function waitForView(page: Page, view: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const panel = document.getElementById("panel-" + id);
      return (
        !!panel &&
        !panel.hidden &&
        !panel.querySelector('[aria-busy="true"], .loading') &&
        panel.querySelector(".content")!.childElementCount > 0
      );
    },
    view,
    { timeout: 30_000 },
  );
}

/**
 * Whether the page scrolls sideways: the document or its body wider than the window.
 *
 * @example
 * expect(await scrollsSideways(page)).toBe(false);
 */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth > document.documentElement.clientWidth ||
      document.body.scrollWidth > document.body.clientWidth,
  );
}

/**
 * Opens a view's tab and waits until the view has loaded.
 *
 * @example
 * await openTab(page, "setup");
 */
export async function openTab(page: Page, view: string): Promise<void> {
  await page.click("#tab-" + view);
  await waitForView(page, view);
}

/**
 * Presses Tab until the focused element's text is `text`, at most `presses`
 * times: whether the keyboard alone reaches it.
 *
 * @example
 * expect(await tabTo(page, "Save settings")).toBe(true);
 * await page.keyboard.press("Enter");
 */
export async function tabTo(page: Page, text: string, presses = 20): Promise<boolean> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent)) === text) return true;
  }
  return false;
}
