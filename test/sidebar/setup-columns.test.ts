/**
 * The Setup view's writing actions through the BUILT bundle in the
 * simulator: saving the Columns section (a valid mapping is stored and used;
 * an unknown field or a header not in the sheet's header row is refused
 * with one line and nothing is written), "Set up sheets" writing Reps from
 * the owners in Sales (never changing a Reps sheet that has rows), and
 * "Fill Targets from history" (existing targets skipped and counted).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../src/simulator";
import type { CellInput } from "../../src/simulator/snapshot";
import type { ActionResult, SetupView } from "../../src/sidebar/sidebar-api";
import { column, recalculateNow, sidebarCalls, teamSimulator } from "../recalculation/fixtures";

let sim: Simulator;

const { call, failure, storedSettings } = sidebarCalls(() => sim);

const day = (iso: string): CellInput => ({ wallClock: iso + "T10:00:00" });

/** A Sales sheet as a Spanish CRM exports it: no header the add-on knows. */
const SPANISH_SALES: CellInput[][] = [
  ["Vendedor", "Fecha", "Importe", "Estado"],
  ["Ana Ruiz", day("2026-02-10"), 1000, "Ganado"],
  ["Bo Li", day("2026-03-05"), 2500, "Ganado"],
  ["ana ruiz ", day("2026-03-20"), 400, "Perdido"],
  ["Bo Li", day("2026-03-21"), 900, "Negociación"],
];

function spanishSimulator(): Simulator {
  return createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", sheets: { Sales: SPANISH_SALES } });
}

describe("saving the Columns section", () => {
  beforeEach(() => {
    sim = spanishSimulator();
  });

  it("shows Sales' own headers with guesses, stores a valid mapping, and shows it as mapped", () => {
    const before = call("sidebarSetup") as SetupView;
    const sales = before.columns.sheets.find((s) => s.sheet === "sales")!;
    expect(sales).toMatchObject({
      sheetName: "Sales",
      exists: true,
      headerRow: 1,
      headers: ["Vendedor", "Fecha", "Importe", "Estado"],
    });
    expect(sales.fields.filter((f) => f.required).map((f) => [f.field, f.matched])).toEqual([
      ["date", null],
      ["rep", null],
      ["amount", null],
    ]);
    // Estado is not a header we know, so there is no Status column and no stage words yet.
    expect(before.columns.statusHeader).toBeNull();
    expect(before.fillTargets).toEqual({ period: "2026-05", growthPercent: 10 });

    const saved = call("sidebarSaveColumns", {
      columns: { sales: { date: "Fecha", rep: "Vendedor", amount: "Importe", status: "Estado" }, reps: {} },
      dateOrder: "dmy",
      stageWords: {},
    }) as ActionResult;
    expect(saved).toEqual({ outcome: "done", message: "Columns saved: the next run reads Sales and Reps with them." });
    expect(storedSettings()).toMatchObject({
      columns: { sales: { date: "Fecha", rep: "Vendedor", amount: "Importe", status: "Estado" } },
      dateOrder: "dmy",
      stageWords: {},
    });

    const after = call("sidebarSetup") as SetupView;
    const mapped = after.columns.sheets.find((s) => s.sheet === "sales")!.fields;
    expect(mapped.filter((f) => f.how === "mapping").map((f) => [f.field, f.matched])).toEqual([
      ["date", "Fecha"],
      ["rep", "Vendedor"],
      ["amount", "Importe"],
      ["status", "Estado"],
    ]);
    // Now the Status column is known: its words, most rows first, and how each is read.
    expect(after.columns.statusHeader).toBe("Estado");
    expect(after.columns.stageWords).toEqual([
      { word: "Ganado", rows: 2, reading: "open", source: "unknown" },
      { word: "Perdido", rows: 1, reading: "open", source: "unknown" },
      { word: "Negociación", rows: 1, reading: "open", source: "unknown" },
    ]);
  });

  it("stores the manager's stage words, and only those that differ from how the add-on reads them", () => {
    call("sidebarSaveColumns", {
      columns: { sales: { date: "Fecha", rep: "Vendedor", amount: "Importe", status: "Estado" } },
      dateOrder: "auto",
      stageWords: {},
    });
    const saved = call("sidebarSaveColumns", {
      columns: { sales: { date: "Fecha", rep: "Vendedor", amount: "Importe", status: "Estado" } },
      dateOrder: "auto",
      stageWords: { Ganado: "won", Perdido: "lost", Negociación: "open" },
    }) as ActionResult;
    expect(saved.outcome).toBe("done");
    expect((storedSettings() as { stageWords: unknown }).stageWords).toEqual({ Ganado: "won", Perdido: "lost" });
    const words = (call("sidebarSetup") as SetupView).columns.stageWords;
    expect(words.map((w) => [w.word, w.reading, w.source])).toEqual([
      ["Ganado", "won", "yours"],
      ["Perdido", "lost", "yours"],
      ["Negociación", "open", "unknown"],
    ]);
    // The same choices again: nothing to save.
    expect(
      call("sidebarSaveColumns", {
        columns: { sales: { date: "Fecha", rep: "Vendedor", amount: "Importe", status: "Estado" } },
        dateOrder: "auto",
        stageWords: { Ganado: "won", Perdido: "lost", Negociación: "open" },
      }),
    ).toEqual({ outcome: "nothing to do", message: "Nothing to save: these are the columns in use." });
  });

  const refusals: [string, unknown, string][] = [
    [
      "an unknown field",
      { columns: { sales: { seller: "Vendedor" } }, dateOrder: "auto", stageWords: {} },
      'Sales sheet has no field "seller": its fields are date, rep, customer, amount, type, status, opened, split, dealId, probability.',
    ],
    [
      "a header not in the sheet's header row",
      { columns: { sales: { rep: "Owner", date: "Fecha" } }, dateOrder: "auto", stageWords: {} },
      'Sales sheet has no column "Owner" in its header row (row 1).',
    ],
    [
      "one header for two fields",
      { columns: { sales: { date: "Fecha", opened: "Fecha" } }, dateOrder: "auto", stageWords: {} },
      'Sales sheet: column "Fecha" is chosen for both date and opened; a column can stand for one field only.',
    ],
    [
      "a sheet the section does not map",
      { columns: { plan: {} }, dateOrder: "auto", stageWords: {} },
      "Only the Sales and Reps sheets' columns are set here, not plan.",
    ],
    [
      "a date order that is not one",
      { columns: {}, dateOrder: "ymd", stageWords: {} },
      "The date order must be auto, dmy (day first) or mdy (month first).",
    ],
    [
      "a stage read as something else",
      { columns: {}, dateOrder: "auto", stageWords: { Ganado: "maybe" } },
      'Stage word "Ganado" must be read as won, lost or open.',
    ],
    [
      "a missing part",
      { columns: {}, stageWords: {} },
      "The date order must be auto, dmy (day first) or mdy (month first).",
    ],
    [
      "a payload that is not an object",
      "Vendedor",
      "The columns must be sent as { columns: { sales, reps }, dateOrder, stageWords }.",
    ],
  ];
  for (const [what, argument, expected] of refusals) {
    it(`refuses ${what} with one line, and writes nothing`, () => {
      const before = sim.snapshot();
      sim.resetCalls();
      expect(failure("sidebarSaveColumns", argument)).toBe(expected);
      expect(sim.countCalls({ kind: "write" })).toBe(0);
      expect(storedSettings()).toBeNull();
      expect(sim.snapshot()).toEqual(before);
    });
  }

  it("refuses a header in a sheet that does not exist", () => {
    expect(
      failure("sidebarSaveColumns", { columns: { reps: { id: "Código" } }, dateOrder: "auto", stageWords: {} }),
    ).toBe('There is no Reps sheet named "Reps", so its columns cannot be chosen.');
    expect(storedSettings()).toBeNull();
  });

  it("is refused while the guard's lock is busy", () => {
    sim.holdLock("script", { forMs: 60_000 });
    expect(
      failure("sidebarSaveColumns", { columns: { sales: { rep: "Vendedor" } }, dateOrder: "auto", stageWords: {} }),
    ).toBe("Another Sales Scorecard run is working on this spreadsheet. Try again in a few minutes.");
    sim.releaseHeldLock("script");
    expect(storedSettings()).toBeNull();
  });
});

describe("Set up sheets writes Reps from Sales", () => {
  const OWNERS_SALES: CellInput[][] = [
    ["Date", "Owner", "Customer", "Amount"],
    [day("2026-03-01"), "Ana Ruiz", "Acme", 100],
    [day("2026-03-02"), " Bo Li ", "Acme", 100],
    [day("2026-03-03"), "ANA RUIZ", "Beta", 100],
    [day("2026-03-04"), "", "Beta", 100],
    [day("2026-03-05"), 101, "Gamma", 100],
  ];

  it("with no Reps sheet: one row per distinct owner, as written first, for the manager to complete", () => {
    sim = createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC", sheets: { Sales: OWNERS_SALES } });
    const result = call("sidebarSetUpSheets") as ActionResult;
    expect(result.message).toContain("The Reps sheet now lists the 3 owners found in Sales");
    const reps = sim.sheetValues("Reps");
    expect(reps[0].slice(0, 2)).toEqual(["Rep ID", "Name"]);
    expect(reps.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ["Ana Ruiz", "Ana Ruiz"],
      ["Bo Li", "Bo Li"],
      ["101", "101"],
    ]);
    // Typed as text, so the ID 101 stays "101" and matches the owner cell.
    expect(sim.snapshot().sheets.find((s) => s.name === "Reps")!.formats.A4).toBe("@");
  });

  it("with a Reps sheet holding only its headers: fills the Rep ID and Name columns wherever they are", () => {
    sim = createSimulator({
      now: "2026-04-10T12:00:00Z",
      timeZone: "UTC",
      sheets: { Sales: OWNERS_SALES, Reps: [["Team", "Name", "Rep ID"]] },
    });
    call("sidebarSetUpSheets");
    expect(sim.sheetValues("Reps")).toEqual([
      ["Team", "Name", "Rep ID"],
      ["", "Ana Ruiz", "Ana Ruiz"],
      ["", "Bo Li", "Bo Li"],
      ["", "101", "101"],
    ]);
  });

  it("never changes a Reps sheet that has rows", () => {
    const reps: CellInput[][] = [
      ["Rep ID", "Name"],
      ["R1", "Someone"],
    ];
    sim = createSimulator({
      now: "2026-04-10T12:00:00Z",
      timeZone: "UTC",
      sheets: { Sales: OWNERS_SALES, Reps: reps },
    });
    const before = sim.snapshot().sheets.find((s) => s.name === "Reps");
    const result = call("sidebarSetUpSheets") as ActionResult;
    expect(result.message).not.toContain("owners found in Sales");
    expect(sim.snapshot().sheets.find((s) => s.name === "Reps")).toEqual(before);
  });

  it("with no Sales sheet either: a Reps template without rows", () => {
    sim = createSimulator({ now: "2026-04-10T12:00:00Z", timeZone: "UTC" });
    call("sidebarSetUpSheets");
    expect(sim.sheetValues("Reps")).toHaveLength(1);
  });
});

describe("Fill Targets from history", () => {
  // teamSimulator with 4 reps, 3 months (2026-01..03) and 12 sales: sale i is in month i % 3, by rep
  // R000(i % 4 + 1), amount 1000 + (i × 137) % 9000, lost when i % 5 = 0. Won revenue per month:
  //   R0001: Jan lost (i=0), Feb 1548 (i=4), Mar 2096 (i=8): history from its first won month, Feb: [1548, 2096]
  //   R0002: Jan 2233 (i=9), Feb 1137 (i=1), Mar lost (i=5): [2233, 1137, 0]
  //   R0003: Jan 1822 (i=6), Feb lost (i=10), Mar 1274 (i=2): [1822, 0, 1274]
  //   R0004: Jan 1411 (i=3), Feb 1959 (i=7), Mar 2507 (i=11): [1411, 1959, 2507]
  // Today is 2026-04-10, so the history ends with March (April is not over).
  const TEAM = { reps: 4, months: 3, salesRows: 12 };
  const EXPECTED: [string, number][] = [
    ["R0001", 2000], // (1548 + 2096) / 2 × 1.1 = 2004.2 → 2000
    ["R0002", 1200], // (2233 + 1137 + 0) / 3 × 1.1 = 1235.67 → 1200
    ["R0004", 2200], // (1411 + 1959 + 2507) / 3 × 1.1 = 2154.9 → 2200
  ];

  function targetRows(period: string): unknown[][] {
    const values = sim.sheetValues("Targets");
    const at = column(values, "Period");
    return values.slice(1).filter((row) => row[at] === period);
  }

  beforeEach(() => {
    sim = teamSimulator(TEAM);
    // R0003 already has its own May target: it is kept and skipped.
    const targets = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName("Targets")!;
    targets
      .getRange(targets.getLastRow() + 1, 1, 1, 4)
      .setNumberFormat("@")
      .setValues([["R0003", "2026-05", "revenue", 5000]]);
  });

  it("appends a rounded revenue target per rep for next month, skipping and counting the rep that has one", () => {
    const rowsBefore = sim.sheetValues("Targets").length;
    const firstRowsBefore = sim.sheetValues("Targets").slice(0, rowsBefore);
    const result = call("sidebarFillTargets", { period: "2026-05", growthPercent: 10 }) as ActionResult;
    expect(result).toEqual({
      outcome: "done",
      message:
        "Targets for 2026-05: 3 revenue targets added (the average of up to 12 months of revenue, plus 10%, rounded to the nearest 100). " +
        "1 reps already had a revenue target for 2026-05 and were skipped.",
    });
    const values = sim.sheetValues("Targets");
    expect(values.slice(0, rowsBefore)).toEqual(firstRowsBefore);
    expect(values.slice(rowsBefore)).toEqual(EXPECTED.map(([rep, target]) => [rep, "2026-05", "revenue", target]));
    expect(targetRows("2026-05").find((row) => row[0] === "R0003")).toEqual(["R0003", "2026-05", "revenue", 5000]);

    // Asked again: every rep has one now, nothing is added.
    const again = call("sidebarFillTargets", { period: "2026-05", growthPercent: 10 }) as ActionResult;
    expect(again.outcome).toBe("nothing to do");
    expect(again.message).toContain("4 reps already had a revenue target for 2026-05 and were skipped.");
    expect(sim.sheetValues("Targets")).toHaveLength(values.length);
  });

  it("writes rows a run reads without a problem", () => {
    call("sidebarFillTargets", { period: "2026-05", growthPercent: 10 });
    recalculateNow(sim);
    const problems = sim.sheetNames().includes("Problems") ? sim.sheetValues("Problems").slice(1) : [];
    expect(problems.filter((row) => String(row.join(" ")).includes("Targets"))).toEqual([]);
  });

  it("creates the Targets sheet when there is none, and is refused while the guard's lock is busy", () => {
    sim
      .globals()
      .SpreadsheetApp.getActiveSpreadsheet()!
      .deleteSheet(sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName("Targets")!);
    sim.holdLock("script", { forMs: 60_000 });
    expect(failure("sidebarFillTargets", { period: "2026-05", growthPercent: 10 })).toBe(
      "Another Sales Scorecard run is working on this spreadsheet. Try again in a few minutes.",
    );
    sim.releaseHeldLock("script");
    expect(sim.sheetNames()).not.toContain("Targets");

    const result = call("sidebarFillTargets", { period: "2026-05", growthPercent: 0 }) as ActionResult;
    expect(result.outcome).toBe("done");
    // Without growth: R0001 1822 → 1800, R0002 1123.33 → 1100, R0003 1032 → 1000, R0004 1959 → 2000.
    expect(sim.sheetValues("Targets")).toEqual([
      ["Rep ID", "Period", "Metric", "Target"],
      ["R0001", "2026-05", "revenue", 1800],
      ["R0002", "2026-05", "revenue", 1100],
      ["R0003", "2026-05", "revenue", 1000],
      ["R0004", "2026-05", "revenue", 2000],
    ]);
  });

  it("refuses a month that is not YYYY-MM and a growth that is not a number, writing nothing", () => {
    const before = sim.snapshot();
    expect(failure("sidebarFillTargets", { period: "2026-5", growthPercent: 10 })).toBe(
      "The month must be written as YYYY-MM, e.g. 2026-05.",
    );
    expect(failure("sidebarFillTargets", { period: "2026-05", growthPercent: null })).toBe(
      "The growth must be a number of percent from -90 to 1000, e.g. 10.",
    );
    expect(sim.snapshot()).toEqual(before);
  });
});
