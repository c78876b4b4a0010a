/**
 * Saving the Settings section through the BUILT bundle in the simulator:
 * renamed sheets are what the next recalculation reads and writes; a bad
 * field is refused with one line in the spreadsheet's language naming it,
 * and nothing is written; a save while a run holds the spreadsheet is
 * refused; the schedule's day and hour are kept.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadBundle, type Simulator } from "../../src/simulator";
import { sameSettings } from "../../src/sidebar/setup-view";
import type { SettingsValues } from "../../src/sidebar/sidebar-api";
import { DEFAULT_SHEET_NAMES, type SheetRole } from "../../src/tables/sheet-roles";
import { recalculateNow, runLogRows, sidebarCalls, teamSimulator } from "../recalculation/fixtures";

const TEAM = { reps: 5, months: 3, salesRows: 60 };

/** Input tabs renamed in Sheets, and new names for every output. */
const RENAMED = {
  ...DEFAULT_SHEET_NAMES,
  reps: "Team",
  sales: "Deals 2026",
  targets: "Goals",
  scores: "Manual scores",
  adjustments: "Corrections",
  results: "Scorecard results",
  payouts: "Pay lines",
  reviews: "Feedback",
  dashboard: "Board",
  runLog: "History",
  problems: "Input problems",
};

const INPUT_RENAMES: [string, string][] = [
  ["Reps", RENAMED.reps],
  ["Sales", RENAMED.sales],
  ["Targets", RENAMED.targets],
  ["Scores", RENAMED.scores],
  ["Adjustments", RENAMED.adjustments],
];

let sim: Simulator;

const { call, failure, storedSettings } = sidebarCalls(() => sim);

function request(
  overrides: { sheets?: Partial<Record<SheetRole, string>>; language?: unknown; startPeriod?: unknown } = {},
): Record<string, unknown> {
  return {
    sheets: { ...DEFAULT_SHEET_NAMES, ...overrides.sheets },
    language: overrides.language ?? "auto",
    startPeriod: overrides.startPeriod ?? "",
  };
}

/** Renames a tab, as a manager would in Sheets. */
function renameTab(from: string, to: string): void {
  sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName(from)!.setName(to);
}

beforeEach(() => {
  sim = teamSimulator(TEAM);
});

describe("renamed sheets", () => {
  it("are what the next recalculation reads and writes, and the schedule's day and hour are kept", () => {
    call("sidebarSchedule", { on: true, day: 7, hour: 5 });
    for (const [from, to] of INPUT_RENAMES) renameTab(from, to);

    const saved = call("sidebarSaveSettings", request({ sheets: RENAMED, startPeriod: " 2026-02 " })) as {
      outcome: string;
      message: string;
    };
    expect(saved).toEqual({
      outcome: "done",
      message:
        "Settings saved: Reps sheet, Sales sheet, Targets sheet, Scores sheet, Adjustments sheet, Results sheet, Payouts sheet, Reviews sheet, Dashboard sheet, Run log sheet, Problems sheet, Start period. " +
        "Sheets are not renamed: the next recalculation reads and writes the sheets with these names.",
    });
    // The Columns section's settings keep their defaults: saving sheet names does not touch them.
    expect(storedSettings()).toEqual({
      sheets: RENAMED,
      language: "auto",
      startPeriod: "2026-02",
      scheduleDay: 7,
      scheduleHour: 5,
      currency: "auto",
      columns: {},
      dateOrder: "auto",
      stageWords: {},
      stageProbabilities: {},
      salesSource: { kind: "sheet" },
    });
    const setup = call("sidebarSetup") as {
      setUp: boolean;
      inputSheets: { name: string; exists: boolean }[];
      settings: { current: unknown };
    };
    expect(setup.settings.current).toEqual({
      sheets: RENAMED,
      language: "auto",
      startPeriod: "2026-02",
      salesSource: { kind: "sheet" },
    });
    expect(setup.inputSheets.filter((s) => s.exists).map((s) => s.name)).toEqual(INPUT_RENAMES.map(([, to]) => to));

    recalculateNow(sim);

    // The same team with the default names, recalculated the same way, wrote the same rows.
    const control = teamSimulator(TEAM);
    const saveControl = loadBundle({ simulator: control, context: { kind: "manual" } });
    saveControl.callJson("sidebarSaveSettings", request({ startPeriod: "2026-02" }));
    saveControl.end();
    recalculateNow(control);

    const names = sim.sheetNames();
    for (const name of ["Results", "Payouts", "Reviews", "Dashboard", "Run log", "Problems", "Sales", "Reps"])
      expect(names).not.toContain(name);
    expect(sim.sheetValues(RENAMED.results)).toEqual(control.sheetValues("Results"));
    expect(sim.sheetValues(RENAMED.payouts)).toEqual(control.sheetValues("Payouts"));
    expect(sim.sheetValues(RENAMED.reviews)).toEqual(control.sheetValues("Reviews"));
    expect(sim.sheetValues(RENAMED.dashboard)).toEqual(control.sheetValues("Dashboard"));
    expect(sim.sheetValues(RENAMED.problems)).toEqual(control.sheetValues("Problems"));
    const periods = new Set(
      sim
        .sheetValues(RENAMED.results)
        .slice(1)
        .map((row) => row[0]),
    );
    expect(periods.has("2026-02") && periods.has("2026-03") && !periods.has("2026-01")).toBe(true);
    // Started by, periods, made final, rows written, outcome and the number of problems (their text names the sheets as they are now called).
    const summary = (row: unknown[]) => [row[1], row[2], row[3], row[4], row[5], row[7]];
    const log = sim.sheetValues(RENAMED.runLog).at(-1)!;
    expect(log[5]).toBe("done");
    expect(summary(log)).toEqual(summary(control.sheetValues("Run log").at(-1)!));
  });

  it("may name an output sheet that does not exist yet: the next run creates it", () => {
    const saved = call("sidebarSaveSettings", request({ sheets: { results: "Results 2026" } })) as { outcome: string };
    expect(saved.outcome).toBe("done");
    recalculateNow(sim);
    expect(sim.sheetNames()).toContain("Results 2026");
  });

  it("answers 'nothing to do' when nothing changed, and writes nothing but the guard", () => {
    call("sidebarSaveSettings", request({ language: "en" }));
    const before = storedSettings();
    const again = call("sidebarSaveSettings", request({ language: "en" })) as { outcome: string; message: string };
    expect(again).toEqual({ outcome: "nothing to do", message: "Nothing to save: these are the settings in use." });
    expect(storedSettings()).toEqual(before);
  });

  it("answer in the new language, which the next Setup view speaks", () => {
    const saved = call("sidebarSaveSettings", request({ language: "zh" })) as { message: string };
    expect(saved.message).toBe("设置已保存：语言。");
    expect(
      (call("sidebarSetup") as { language: string; settings: { fields: { label: string }[] } }).settings.fields[1]
        .label,
    ).toBe("销售记录表");
  });
});

describe("bad input", () => {
  const cases: [string, unknown, string][] = [
    [
      "a duplicate name (ignoring case)",
      request({ sheets: { results: " sales " } }),
      'Results sheet name "sales" is already the name of the Sales sheet: each sheet needs its own name.',
    ],
    [
      "a forbidden character",
      request({ sheets: { sales: "Deals/2026" } }),
      'Sales sheet name "Deals/2026" contains /, which Sheets does not allow in sheet names ([ ] * ? / \\ :).',
    ],
    [
      "a bad start period",
      request({ startPeriod: "2026-13" }),
      'Start period "2026-13" must be blank (the earliest month in Sales) or a month such as 2026-03.',
    ],
    ["a blank name", request({ sheets: { reps: "   " } }), "Reps sheet name must not be blank."],
    [
      "a name over 100 characters",
      request({ sheets: { plan: "P".repeat(101) } }),
      "Plan sheet name is 101 characters long: Sheets allows at most 100.",
    ],
    [
      "a line break",
      request({ sheets: { runLog: "Run\nlog" } }),
      "Run log sheet name contains a line break or another control character.",
    ],
    ["an unknown language", request({ language: "fr" }), "Language must be auto, en or zh."],
    [
      "a missing sheet name",
      { ...request(), sheets: { ...DEFAULT_SHEET_NAMES, runLog: undefined } },
      "Run log sheet name must be text.",
    ],
    [
      "the schedule's day (edited with the schedule)",
      { ...request(), scheduleDay: 9 },
      "Unknown setting scheduleDay: only sheet names, language, start period and the Sales source are saved here.",
    ],
    ["no object", null, "Settings must be an object { sheets, language, startPeriod }."],
    [
      "several problems, the first three on one line",
      request({ sheets: { sales: "", targets: "a?", results: "Reps" }, language: "de", startPeriod: "March" }),
      'Sales sheet name must not be blank. Targets sheet name "a?" contains ?, which Sheets does not allow in sheet names ([ ] * ? / \\ :). Results sheet name "Reps" is already the name of the Reps sheet: each sheet needs its own name.',
    ],
  ];
  for (const [what, argument, expected] of cases) {
    it(`${what} is refused with one line naming the field, and nothing is written`, () => {
      call("sidebarSaveSettings", request({ startPeriod: "2026-01" }));
      const before = storedSettings();
      sim.resetCalls();
      const message = failure("sidebarSaveSettings", argument);
      expect(message).toBe(expected);
      expect(message).not.toContain("\n");
      expect(sim.countCalls({ kind: "write" })).toBe(0);
      expect(storedSettings()).toEqual(before);
    });
  }

  it("is refused in Chinese in a Chinese spreadsheet", () => {
    sim = teamSimulator(TEAM, { locale: "zh_CN" });
    expect(failure("sidebarSaveSettings", request({ sheets: { results: "Sales" } }))).toBe(
      "结果表名称“Sales”已是销售记录表的名称：每个工作表需要各自的名称。",
    );
    expect(failure("sidebarSaveSettings", request({ startPeriod: "2026/03" }))).toBe(
      "起始期间“2026/03”必须留空（即销售记录中最早的月份）或填写 2026-03 这样的月份。",
    );
    expect(storedSettings()).toBeNull();
  });
});

describe("while a run holds the spreadsheet", () => {
  const BUSY = "Another Sales Scorecard run is working on this spreadsheet. Try again in a few minutes.";

  it("a save is refused, readably, and only the Run log says so", () => {
    recalculateNow(sim);
    // A run killed after taking the lease keeps it for a few minutes.
    sim.dieAtWrite(2);
    try {
      recalculateNow(sim);
    } catch {
      // killed, as intended
    }
    sim.revive();
    const before = storedSettings();
    expect(failure("sidebarSaveSettings", request({ sheets: { sales: "Deals" } }))).toBe(BUSY);
    expect(storedSettings()).toEqual(before);
    const refused = runLogRows(sim).at(-1)!;
    expect([refused[1], refused[5]]).toEqual(["sidebar", "already running"]);
  });

  it("a save is refused while the guard's lock is busy", () => {
    sim.holdLock("script", { forMs: 60_000 });
    expect(failure("sidebarSaveSettings", request({ language: "zh" }))).toBe(BUSY);
    sim.releaseHeldLock("script");
    expect(storedSettings()).toBeNull();
  });
});

describe("the form's unsaved mark", () => {
  it("ignores spaces the server trims, and sees any other change", () => {
    const saved: SettingsValues = { sheets: { ...DEFAULT_SHEET_NAMES }, language: "auto", startPeriod: "2026-01" };
    expect(
      sameSettings({ ...saved, sheets: { ...DEFAULT_SHEET_NAMES, sales: " Sales " }, startPeriod: "2026-01 " }, saved),
    ).toBe(true);
    expect(sameSettings({ ...saved, sheets: { ...DEFAULT_SHEET_NAMES, sales: "Deals" } }, saved)).toBe(false);
    expect(sameSettings({ ...saved, language: "zh" }, saved)).toBe(false);
    expect(sameSettings({ ...saved, startPeriod: "" }, saved)).toBe(false);
  });
});
