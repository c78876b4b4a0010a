/**
 * The built sidebar in headless Chromium, served by the preview server
 * (server calls answered by the built bundle in the simulator) on the demo
 * workbook with hostile rep names: every view works at 300 px without
 * sideways scrolling and with the keyboard alone, a review is generated and
 * saved into the simulated Reviews sheet beside an untouched reply, sheet
 * text never runs as code, and a failing call shows a readable error.
 * Screenshots of each view go to test-output/sidebar/<view>.png.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../../src/local/cli/preview";
import * as chromium from "./chromium";
import {
  HOSTILE_MONTH,
  HOSTILE_REASON,
  HOSTILE_REPS,
  LONG_NAME,
  PAYLOADS,
  UNBROKEN_NAME,
  hostileSimulator,
} from "./hostile-workbook";

const SHOTS = chromium.screenshotFolder("sidebar");
const VIEWS = ["team", "rep", "review", "setup"] as const;

let session: chromium.SidebarSession | undefined;
let preview: Preview;
let browser: chromium.SidebarBrowser;
let page: Page;
let dialogs: string[] = [];
let pageErrors: string[] = [];

/** What an injected handler or script would have left behind. */
async function injectionTraces(): Promise<{ flag: unknown; images: number; handlers: string[]; scripts: number }> {
  return page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    images: document.querySelectorAll("img").length,
    handlers: [...document.querySelectorAll("*")].flatMap((node) =>
      [...node.attributes].filter((a) => /^on/i.test(a.name)).map((a) => node.tagName + " " + a.name),
    ),
    scripts: document.querySelectorAll("script").length,
  }));
}

function reviewsRow(repId: string, period: string): unknown[] | undefined {
  const values = preview.simulator.sheetValues("Reviews");
  return values.find((row) => row[0] === period && row[1] === repId);
}

function reviewsColumn(header: string): number {
  return (preview.simulator.sheetValues("Reviews")[0] as unknown[]).indexOf(header);
}

beforeAll(async () => {
  session = await chromium.openSidebarSession({ port: 0, simulator: await hostileSimulator() });
  ({ browser, preview, page, dialogs, pageErrors } = session);
  await chromium.waitForView(page, "team");
});

afterAll(() => session?.close());

describe("the served sidebar", () => {
  it("is one HTML file under 150 KB that loads no external script, style or image", async () => {
    const built = readFileSync("dist/Sidebar.html", "utf8");
    expect(statSync("dist/Sidebar.html").size).toBeLessThan(150 * 1024);
    expect(built).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(built).not.toMatch(/<link\b/i);
    expect(built).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(built).not.toContain("google.script.run = ");
    const served = await (await fetch(preview.url)).text();
    // The preview adds exactly one script (the google.script.run stand-in) and nothing else.
    expect(served.match(/<script>/g)?.length).toBe(2);
    expect(served.replace(/<script>\(function \(\) \{[\s\S]*?\}\)\(\);<\/script>/, "")).toBe(built);
  });
});

describe("the Team view", () => {
  it("shows every rep of the latest month with score, attainment, payout and rank", async () => {
    const period = await page.$eval("#panel-team select", (select) => (select as HTMLSelectElement).value);
    expect(period).toBe(HOSTILE_MONTH);
    const results = preview.simulator.sheetValues("Results");
    const rowsOfPeriod = results.filter((row) => row[0] === HOSTILE_MONTH);
    expect(await page.locator("#panel-team tbody tr").count()).toBe(rowsOfPeriod.length);
    const first = await page.locator("#panel-team tbody tr").first().innerText();
    expect(first).toMatch(/%/);
    expect(first).toMatch(/\$/);
    // Score bands are told in words, not colour alone.
    expect(await page.locator("#panel-team .legend").innerText()).toMatch(/below 80%/);
  });

  it("sorts by a column with a click and with the keyboard", async () => {
    const payoutHeader = page.locator("#panel-team thead th").nth(3);
    await payoutHeader.locator("button").click();
    await expect.poll(() => payoutHeader.getAttribute("aria-sort")).toBe("descending");
    const payouts = await page.$$eval("#panel-team tbody tr td:nth-child(4)", (cells) =>
      cells.map((c) => Number(c.textContent!.replace(/[^0-9.-]/g, ""))),
    );
    const shown = payouts.filter((p) => !Number.isNaN(p));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    const nameButton = page.locator("#panel-team thead th").nth(0).locator("button");
    await nameButton.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#panel-team thead th").nth(0).getAttribute("aria-sort")).toBe("ascending");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("sort"))).toBe(true);
    await page.locator("#panel-team thead th").nth(4).locator("button").click();
    await expect.poll(() => page.locator("#panel-team thead th").nth(4).getAttribute("aria-sort")).toBe("ascending");
  });

  it("shows the input problems of the latest run, each with its cell", async () => {
    const problems = page.locator("#panel-team details.problems");
    await problems.locator("summary").click();
    const lines = await problems.locator("li").allInnerTexts();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    // Each line starts with its cells: one cell, a range, or the first few and "…".
    for (const line of lines) expect(line).toMatch(/^('[^']+'|\w+)![A-Z]+\d+[ :,]/);
    expect(await problems.locator("p").allInnerTexts()).toContain(
      "Every problem cell, one row each: the Problems sheet.",
    );
    expect(lines.join("\n")).toContain(PAYLOADS.img);
    expect(lines.join("\n")).toContain("ZZ9");
  });
});

describe("text from the sheets", () => {
  it("shows hostile rep names, teams and customers as text and runs nothing", async () => {
    const text = await page.locator("#panel-team tbody").innerText();
    for (const [, name] of HOSTILE_REPS) expect(text).toContain(name);
    expect(text).toContain(PAYLOADS.svg);
    const traces = await injectionTraces();
    expect(traces.flag).toBeUndefined();
    expect(traces.images).toBe(0);
    expect(traces.handlers).toEqual([]);
    expect(traces.scripts).toBe(2);
    expect(dialogs).toEqual([]);
  });
});

describe("the Rep view", () => {
  it("opens from a rep's name and shows bars, the payout trace with the adjustment's reason as text, and a trend", async () => {
    await page.locator("#panel-team tbody button.link", { hasText: PAYLOADS.img }).click();
    await chromium.waitForView(page, "rep");
    expect(await page.getAttribute("#tab-rep", "aria-selected")).toBe("true");
    expect(await page.locator("#panel-rep h2").innerText()).toBe(PAYLOADS.img);
    const metrics = await page.locator("#panel-rep ul.metrics > li").count();
    expect(metrics).toBeGreaterThanOrEqual(5);
    expect(await page.locator("#panel-rep .bar[role=img]").count()).toBeGreaterThan(0);
    const trace = await page.locator("#panel-rep ol.payout-trace").innerText();
    expect(trace).toMatch(/Target bonus/);
    expect(trace).toMatch(/Commission/);
    expect(trace).toContain(HOSTILE_REASON);
    expect(trace).toMatch(/Total/);
    const payout = preview.simulator
      .sheetValues("Results")
      .find((row) => row[0] === HOSTILE_MONTH && row[1] === "H01")![7] as number;
    expect(trace).toContain(
      "$" + payout.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
    expect(await page.locator("#panel-rep .sparkline-chart polyline").count()).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    expect((await injectionTraces()).flag).toBeUndefined();
  });

  it("wraps a long name and an unbroken one inside 300 px", async () => {
    for (const name of [LONG_NAME, UNBROKEN_NAME]) {
      const id = HOSTILE_REPS.find(([, n]) => n === name)![0];
      await page.selectOption("#panel-rep select.rep-picker", id);
      await chromium.waitForView(page, "rep");
      await expect.poll(() => page.locator("#panel-rep h2").innerText()).toBe(name);
      expect(await chromium.scrollsSideways(page)).toBe(false);
    }
  });
});

describe("the Review view", () => {
  it("generates the review in the other language, saves the edited text as the manager's review, and keeps the reply", async () => {
    const replyColumn = reviewsColumn("Rep reply");
    const rowIndex = preview.simulator
      .sheetValues("Reviews")
      .findIndex((row) => row[0] === HOSTILE_MONTH && row[1] === "H01");
    expect(rowIndex).toBeGreaterThan(0);
    const reply = "Thanks! " + PAYLOADS.flag + " " + PAYLOADS.js;
    preview.simulator.setSheetValues("Reviews", [[{ value: reply, format: "@" }]], {
      startRow: rowIndex + 1,
      startColumn: replyColumn + 1,
    });
    const generatedBefore = reviewsRow("H01", HOSTILE_MONTH)![2];

    await page.selectOption("#panel-rep select.rep-picker", "H01");
    await chromium.waitForView(page, "rep");
    await chromium.openTab(page, "review");
    expect(await page.locator("#panel-review blockquote.reply").innerText()).toBe(reply);
    const english = await page.locator("#panel-review textarea").inputValue();
    expect(english).toBe(generatedBefore);
    expect(english).toContain(PAYLOADS.img);

    await page.getByRole("button", { name: "中文" }).click();
    await chromium.waitForView(page, "review");
    expect(await page.getByRole("button", { name: "中文" }).getAttribute("aria-pressed")).toBe("true");
    const chinese = await page.locator("#panel-review textarea").inputValue();
    expect(chinese).toMatch(/绩效/);
    expect(chinese).toContain(PAYLOADS.img);

    const edited = chinese + "\n\n" + PAYLOADS.script + " =1+1";
    await page.locator("#panel-review textarea").fill(edited);
    await expect.poll(() => page.locator("#panel-review .dirty").innerText()).toMatch(/Unsaved/);
    await page.getByRole("button", { name: "Save as manager's review" }).click();
    await expect
      .poll(() => page.locator("#panel-review .status").innerText())
      .toMatch(/Saved at .* \(Reviews row \d+\)/);

    const row = reviewsRow("H01", HOSTILE_MONTH)!;
    expect(row[reviewsColumn("Manager's review")]).toBe(edited);
    expect(row[replyColumn]).toBe(reply);
    expect(row[2]).toBe(generatedBefore);
    expect(dialogs).toEqual([]);
    expect((await injectionTraces()).flag).toBeUndefined();
  });

  it("copies the review (or leaves it selected to copy by hand)", async () => {
    await page.getByRole("button", { name: "Copy" }).click();
    await expect.poll(() => page.locator("#panel-review .status").innerText()).toMatch(/Copied|Ctrl\+C/);
  });
});

describe("the Setup view", () => {
  it("shows sheets, schedule, last run and Run log, and recalculates", async () => {
    await chromium.openTab(page, "setup");
    const text = await page.locator("#panel-setup").innerText();
    expect(text).toMatch(/Every input sheet and the Plan are there/);
    expect(text).toMatch(/Automatic recalculation/);
    expect(text).toMatch(/Off\./);
    const before = preview.simulator.sheetValues("Run log").length;
    await page.getByRole("button", { name: "Recalculate now" }).click();
    await expect
      .poll(() => page.locator("#panel-setup .action-status").innerText(), { timeout: 30_000 })
      .toMatch(/Computed|Every period is final/);
    await chromium.waitForView(page, "setup");
    expect(preview.simulator.sheetValues("Run log").length).toBe(before + 1);
    expect(await page.locator("#panel-setup ul.run-log li").first().innerText()).toMatch(
      /sidebar · (done|nothing to do)/,
    );
  });

  it("turns the schedule on with its day and hour, showing the owner as you", async () => {
    await page.fill("#panel-setup input[type=number]", "5");
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect.poll(() => page.locator("#panel-setup .action-status").innerText()).toMatch(/day 5 of the next month/);
    await chromium.waitForView(page, "setup");
    expect(await page.locator("#panel-setup").innerText()).toMatch(/On \(yours\)/);
    expect(preview.simulator.triggerList()).toHaveLength(1);
  });
});

describe("at 300 px", () => {
  it("no view scrolls sideways, and each is photographed", async () => {
    expect(await page.evaluate(() => window.innerWidth)).toBe(chromium.SIDEBAR_WIDTH);
    await page.reload();
    await chromium.waitForView(page, "team");
    await page.locator("#panel-team details.problems summary").click();
    for (const view of VIEWS) {
      await chromium.openTab(page, view);
      if (view === "rep") {
        // An ordinary rep of the demo for the picture; the hostile ones are checked above.
        await page.selectOption("#panel-rep select.rep-picker", "R01");
        await chromium.waitForView(page, "rep");
      }
      expect(await chromium.scrollsSideways(page), view).toBe(false);
      await page.screenshot({ path: join(SHOTS, view + ".png"), fullPage: true });
    }
  });
});

describe("in a Chinese spreadsheet", () => {
  it("speaks Chinese in every view, still without sideways scrolling", async () => {
    const zh = await startPreview({ port: 0, locale: "zh_CN", realClock: false });
    const zhPage = await browser.context.newPage();
    try {
      zhPage.on("dialog", (dialog) => void dialog.dismiss());
      await zhPage.goto(zh.url);
      for (const [view, word] of [
        ["team", "团队"],
        ["rep", "各项指标"],
        ["review", "评语"],
        ["setup", "自动重算"],
      ] as const) {
        await zhPage.click("#tab-" + view);
        await chromium.waitForView(zhPage, view);
        expect(await zhPage.locator("#panel-" + view).innerText()).toContain(word);
        expect(await zhPage.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
        expect(
          await zhPage.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
        ).toBe(true);
        await zhPage.screenshot({ path: join(SHOTS, view + "-zh.png"), fullPage: true });
      }
      expect(await zhPage.locator("#tab-team").innerText()).toBe("团队");
    } finally {
      await zhPage.close();
      await zh.close();
    }
  });
});

describe("with the keyboard alone", () => {
  it("reaches and uses every view: tabs with arrow keys, pickers, sorting, saving and actions", async () => {
    await page.reload();
    await chromium.waitForView(page, "team");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-team");
    // Focus is visible.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");

    // Team: into the panel, the period picker, then a sortable header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("panel-team");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("sort"))).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("#panel-team thead th").nth(0).getAttribute("aria-sort")).not.toBe("none");

    // Rep: arrow to the tab, pick another rep with the keyboard.
    await page.focus("#tab-team");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-rep");
    await chromium.waitForView(page, "rep");
    const repBefore = await page.locator("#panel-rep h2").innerText();
    await page.focus("#panel-rep select.rep-picker");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator("#panel-rep h2").innerText(), { timeout: 30_000 }).not.toBe(repBefore);
    await chromium.waitForView(page, "rep");

    // Review: type and save with Tab and Enter.
    await page.focus("#tab-rep");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-review");
    await chromium.waitForView(page, "review");
    await page.focus("#panel-review textarea");
    await page.keyboard.press("End");
    await page.keyboard.type(" Keyboard note.");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Save as manager's review");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#panel-review .status").innerText()).toMatch(/Saved at/);

    // Setup: End jumps to the last tab; Tab reaches the actions.
    await page.focus("#tab-review");
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-setup");
    await chromium.waitForView(page, "setup");
    expect(await chromium.tabTo(page, "Recalculate now")).toBe(true);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#panel-setup .action-status").innerText(), { timeout: 30_000 })
      .toMatch(/Computed|Every period is final/);

    // Home goes back to the first tab.
    await page.focus("#tab-setup");
    await page.keyboard.press("Home");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-team");
  });
});

describe("when a server call fails", () => {
  it("shows a readable error in the view, and the sidebar stays usable", async () => {
    await page.reload();
    await chromium.waitForView(page, "team");
    preview.failNext(
      "sidebarRep",
      "Service Spreadsheets failed while accessing document with id sim-spreadsheet-0001.",
    );
    await page.click("#tab-rep");
    const alert = page.locator("#panel-rep [role=alert]");
    await expect
      .poll(() => alert.innerText())
      .toMatch(/Could not load: Service Spreadsheets failed while accessing document/);
    // Try again recovers; the tabs kept working meanwhile.
    expect(await page.locator("#tab-setup").isEnabled()).toBe(true);
    await page.locator("#panel-rep [role=alert] button", { hasText: "Try again" }).click();
    await chromium.waitForView(page, "rep");
    expect(await page.locator("#panel-rep h2").count()).toBe(1);
    // A view that failed loads again when visited again.
    preview.failNext("sidebarSetup", "Exceeded maximum execution time");
    await page.click("#tab-setup");
    await expect
      .poll(() => page.locator("#panel-setup [role=alert]").innerText())
      .toMatch(/Could not load: Exceeded maximum execution time/);
    await chromium.openTab(page, "team");
    await chromium.openTab(page, "setup");
    expect(await page.locator("#panel-setup [role=alert]").count()).toBe(0);

    preview.failNext(
      "sidebarSaveReview",
      "Another Sales Scorecard run is working on this spreadsheet. Try again in a few minutes.",
    );
    await chromium.openTab(page, "review");
    const save = page.getByRole("button", { name: "Save as manager's review" });
    await save.click();
    await expect
      .poll(() => page.locator("#panel-review .status [role=alert]").innerText())
      .toMatch(/That did not work: Another Sales Scorecard run is working/);
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await expect.poll(() => page.locator("#panel-review .status").innerText()).toMatch(/Saved at/);
  });

  it("shows a loading state while a call runs", async () => {
    preview.delayNext("sidebarSetup", 1500);
    await page.evaluate(() => {
      (document.getElementById("tab-team") as HTMLButtonElement).click();
    });
    await page.reload();
    await chromium.waitForView(page, "team");
    await page.click("#tab-setup");
    await expect.poll(() => page.locator("#panel-setup [role=status].loading").count()).toBe(1);
    expect(await page.getAttribute("#panel-setup .content", "aria-busy")).toBe("true");
    await chromium.waitForView(page, "setup");
  });

  it("left no page error and opened no dialog along the way", () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
