import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";

function setup(options: Parameters<typeof createSimulator>[0] = {}) {
  const sim = createSimulator(options);
  const g = sim.globals({ kind: "manual" });
  const ss = g.SpreadsheetApp.getActiveSpreadsheet()!;
  const sheet = ss.getSheets()[0];
  return { sim, g, ss, sheet };
}

describe("reading", () => {
  it("reads empty cells as empty strings, never null", () => {
    const { sheet } = setup();
    expect(sheet.getRange(1, 1, 2, 3).getValues()).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(sheet.getRange("B2").getValue()).toBe("");
    expect(sheet.getRange("A1:B1").getDisplayValues()).toEqual([["", ""]]);
    expect(sheet.getRange("A1").getFormulas()).toEqual([[""]]);
    expect(sheet.getRange("A1").getNotes()).toEqual([[""]]);
  });

  it("getDataRange covers the data, getLastRow/Column ignore formats and notes", () => {
    const { sim, sheet } = setup();
    sim.setSheetValues("Sheet1", [
      ["a", "b"],
      [1, 2],
      [3, ""],
    ]);
    sheet.getRange("E10").setNote("just a note").setNumberFormat("0.00");
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:B3");
    expect(sheet.getDataRange().getValues()).toEqual([
      ["a", "b"],
      [1, 2],
      [3, ""],
    ]);
  });

  it("an empty sheet's data range is A1", () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    expect(sheet.getDataRange().getValues()).toEqual([[""]]);
  });
});

describe("setValues shape", () => {
  it("throws Sheets' messages when rows or columns differ", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([1, 2] as never)).toThrow(
      /don't match the method signature for SpreadsheetApp.Range.setValues/,
    );
  });

  it("writes nothing when a shape check fails", () => {
    const { sim, sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow();
    expect(sim.sheetValues("Sheet1")).toEqual([]);
  });

  it("other plural setters check shapes too", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 1).setNumberFormats([["0"]])).toThrow(/number of rows/);
    expect(() => sheet.getRange(1, 1, 1, 2).setNotes([["a"]])).toThrow(/number of columns/);
  });
});

describe("typed-input parsing", () => {
  it("makes formulas of =, + (not a number), - (not a number), @, and = after leading whitespace", () => {
    const { sim, sheet } = setup();
    sheet.getRange(1, 1, 1, 7).setValues([["=1+1", "+1+1", "-5", "-x", "@x", "\t=1+1", '\n=HYPERLINK("x")']]);
    expect(sim.sheetValues("Sheet1")).toEqual([
      [
        { formula: "=1+1" },
        { formula: "=+1+1" },
        -5,
        { formula: "=-x" },
        { formula: "=@x" },
        { formula: "=1+1" },
        { formula: '=HYPERLINK("x")' },
      ],
    ]);
    expect(sheet.getRange("A1:B1").getFormulas()).toEqual([["=1+1", "=+1+1"]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["#ERROR!", "#ERROR!", -5]]);
  });

  it("keeps text after a leading apostrophe, without the apostrophe", () => {
    const { sim, sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([["'=1+1", "'001", "'2026-03", "'+1+1"]]);
    expect(sim.sheetValues("Sheet1")).toEqual([["=1+1", "001", "2026-03", "+1+1"]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([["=1+1", "001", "2026-03", "+1+1"]]);
  });

  it("parses numbers, percentages, grouping, currency and booleans", () => {
    const { sim, sheet } = setup();
    sheet.getRange(1, 1, 1, 9).setValues([["001", "1,234", "12%", "2026", "-5", "1.5", "$1,200.50", "TRUE", "false"]]);
    expect(sim.sheetValues("Sheet1")).toEqual([[1, 1234, 0.12, 2026, -5, 1.5, 1200.5, true, false]]);
    expect(sheet.getRange("C1").getNumberFormat()).toBe("0%");
    expect(sheet.getRange("C1").getDisplayValue()).toBe("12%");
    expect(sheet.getRange("B1").getDisplayValue()).toBe("1,234");
  });

  it("keeps strings as typed in a plain-text column, formulas included", () => {
    const { sim, sheet } = setup();
    sheet.getRange("A1:A5").setNumberFormat("@");
    sheet.getRange("A1:A5").setValues([["001"], ["2026-03"], ["=1+1"], ["2026"], ["'x"]]);
    expect(sim.sheetValues("Sheet1")).toEqual([["001"], ["2026-03"], ["=1+1"], ["2026"], ["'x"]]);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([["001"], ["2026-03"], ["=1+1"], ["2026"]]);
    sheet.getRange("B1").setValue("001");
    expect(sheet.getRange("B1").getValue()).toBe(1);
  });

  it("turns date-like strings into dates in the spreadsheet's zone", () => {
    const { sim, sheet } = setup({ timeZone: "America/Los_Angeles", now: "2026-06-01T00:00:00Z" });
    sheet
      .getRange(1, 1, 1, 6)
      .setValues([["2026-03", "2026-03-31", "3/31/2026", "3/31/2026 14:05", "Mar 2026", "1/2"]]);
    expect(sim.sheetValues("Sheet1")).toEqual([
      [
        { date: "2026-03-01T00:00:00" },
        { date: "2026-03-31T00:00:00" },
        { date: "2026-03-31T00:00:00" },
        { date: "2026-03-31T14:05:00" },
        { date: "2026-03-01T00:00:00" },
        { date: "2026-01-02T00:00:00" },
      ],
    ]);
    const [first] = sheet.getRange("A1").getValues()[0] as Date[];
    expect(first).toBeInstanceOf(Date);
    expect(first.toISOString()).toBe("2026-03-01T08:00:00.000Z");
  });

  it("leaves impossible dates and ordinary text alone", () => {
    const { sim, sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([["2026-02-30", "13/45/2026", "Alice", "R-001"]]);
    expect(sim.sheetValues("Sheet1")).toEqual([["2026-02-30", "13/45/2026", "Alice", "R-001"]]);
  });

  it("reads day-first dates and decimal commas in a German spreadsheet", () => {
    const { sim, sheet } = setup({ locale: "de_DE" });
    sheet.getRange(1, 1, 1, 3).setValues([["31.03.2026", "1,5", "1.234"]]);
    expect(sim.sheetValues("Sheet1")).toEqual([[{ date: "2026-03-31T00:00:00" }, 1.5, 1234]]);
  });

  it("stores null and undefined as empty cells, keeps numbers and booleans", () => {
    const { sim, sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([[null, undefined, 0, false]]);
    expect(sheet.getRange(1, 1, 1, 4).getValues()).toEqual([["", "", 0, false]]);
    expect(sim.sheetValues("Sheet1")).toEqual([["", "", 0, false]]);
  });

  it("refuses more than 50,000 characters in a cell", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange("A1").setValue("x".repeat(50_001))).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    sheet.getRange("A1").setValue("x".repeat(50_000));
  });

  it("reads a number in a date-formatted cell as a date and a date in a number-formatted cell as a serial", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setNumberFormat("yyyy-mm-dd").setValue(46112);
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    sheet.getRange("B1").setValue("2026-03-31");
    sheet.getRange("B1").setNumberFormat("0");
    expect(sheet.getRange("B1").getValue()).toBe(46112);
  });
});

describe("display values and formats", () => {
  it("renders common number and date formats", () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 1, 5);
    range.setValues([[1234.5, 0.125, -3, 0.5, new Date(Date.UTC(2026, 2, 31, 23, 5))]]);
    range.setNumberFormats([["#,##0.00", "0.0%", "0", "0.00", "yyyy-mm-dd hh:mm"]]);
    expect(range.getDisplayValues()).toEqual([["1,234.50", "12.5%", "-3", "0.50", "2026-03-31 23:05"]]);
    expect(sheet.getRange("F1").getNumberFormat()).toBe("0.###############");
  });

  it("gives a written Date a date-time format", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setValue(new Date(Date.UTC(2026, 2, 31, 9, 0, 0)));
    expect(sheet.getRange("A1").getNumberFormat()).toBe("M/d/yyyy H:mm:ss");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("3/31/2026 9:00:00");
  });
});

describe("grid", () => {
  it("throws past the grid in strict mode, like Sheets", () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1, "A" as never)).toThrow(
      /don't match the method signature for SpreadsheetApp.Sheet.getRange/,
    );
    sheet.insertColumnsAfter(26, 4);
    sheet.insertRowsAfter(1000, 500);
    sheet.getRange(1500, 30).setValue(1);
    expect(sheet.getLastRow()).toBe(1500);
  });

  it("grows on write in grow mode", () => {
    const { sheet } = setup({ grid: "grow" });
    sheet.getRange(1, 1, 1200, 1).setValues(Array.from({ length: 1200 }, (_, i) => [i]));
    expect(sheet.getMaxRows()).toBe(1200);
  });

  it("appendRow writes after the last row, parsing strings, and grows the grid", () => {
    const { sim, ss } = setup();
    const log = ss.insertSheet("Run log");
    log.appendRow(["when", "=1"]);
    log.appendRow(["x", "'=1"]);
    expect(sim.sheetValues("Run log")).toEqual([
      ["when", { formula: "=1" }],
      ["x", "=1"],
    ]);
  });

  it("parses A1 forms", () => {
    const { sheet } = setup();
    expect(sheet.getRange("A2:C").getA1Notation()).toBe("A2:C1000");
    expect(sheet.getRange("B:C").getNumColumns()).toBe(2);
    expect(sheet.getRange("2:3").getNumRows()).toBe(2);
    expect(sheet.getRange("$B$2").getRow()).toBe(2);
    expect(() => sheet.getRange("nonsense!")).toThrow("Range not found");
  });
});

describe("sheets", () => {
  it("insertSheet refuses a duplicate name (ignoring case) and deleteSheet removes", () => {
    const { ss } = setup();
    const results = ss.insertSheet("Results");
    expect(() => ss.insertSheet("results")).toThrow(
      'A sheet with the name "results" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName("RESULTS")!.getName()).toBe("Results");
    ss.deleteSheet(results);
    expect(ss.getSheetByName("Results")).toBeNull();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow();
  });

  it("keeps developer metadata on sheets and the spreadsheet", () => {
    const { ss, sim } = setup();
    const sheet = ss.insertSheet("Results");
    sheet.addDeveloperMetadata("salesScorecard.output", "results");
    ss.addDeveloperMetadata("salesScorecard.version", "1", "PROJECT");
    const [entry] = sheet.getDeveloperMetadata();
    expect([entry.getKey(), entry.getValue(), entry.getVisibility()]).toEqual([
      "salesScorecard.output",
      "results",
      "DOCUMENT",
    ]);
    entry.setValue("results2");
    expect(ss.createDeveloperMetadataFinder().withKey("salesScorecard.output").find()[0].getValue()).toBe("results2");
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(["salesScorecard.version"]);
    expect(sim.snapshot().sheets[1].metadata).toEqual([
      { key: "salesScorecard.output", value: "results2", visibility: "DOCUMENT" },
    ]);
    entry.remove();
    expect(sheet.getDeveloperMetadata()).toEqual([]);
  });

  it("records charts", () => {
    const { ss, g, sim } = setup();
    const sheet = ss.insertSheet("Dashboard");
    const chart = sheet
      .newChart()
      .setChartType(g.Charts.ChartType.BAR)
      .addRange(sheet.getRange("A1:B5"))
      .setPosition(2, 4, 0, 0)
      .setOption("title", "Attainment")
      .build();
    sheet.insertChart(chart);
    expect(sim.snapshot().sheets[1].charts).toEqual([
      {
        type: "BAR",
        ranges: ["Dashboard!A1:B5"],
        position: { row: 2, column: 4, offsetX: 0, offsetY: 0 },
        options: { title: "Attainment" },
      },
    ]);
    const [stored] = sheet.getCharts();
    sheet.updateChart(stored.modify().setOption("title", "New").build());
    expect(sim.snapshot().sheets[1].charts[0].options).toEqual({ title: "New" });
  });
});

describe("protection and validation", () => {
  it("hard protection stops other users; warning-only never stops a script", () => {
    const sim = createSimulator({ user: "owner" });
    sim.setSheetValues("Results", [["a"]]);
    const owner = sim
      .globals({ kind: "manual", user: "alice" })
      .SpreadsheetApp.getActiveSpreadsheet()!
      .getSheetByName("Results")!;
    const protection = owner.getRange("A1:C10").protect().setDescription("computed");
    const bob = sim
      .globals({ kind: "manual", user: "bob" })
      .SpreadsheetApp.getActiveSpreadsheet()!
      .getSheetByName("Results")!;
    expect(() => bob.getRange("B2").setValue(1)).toThrow("You are trying to edit a protected cell or object.");
    bob.getRange("D1").setValue(1);
    owner.getRange("B2").setValue(2);
    protection.setWarningOnly(true);
    bob.getRange("B2").setValue(3);
    expect(sim.snapshot().sheets.find((s) => s.name === "Results")!.protections).toEqual([
      {
        type: "RANGE",
        range: "A1:C10",
        description: "computed",
        warningOnly: true,
        editors: ["alice", "owner"],
        unprotected: [],
      },
    ]);
  });

  it("strict data validation rejects invalid writes, lenient accepts them", () => {
    const { sheet, g } = setup();
    const strict = g.SpreadsheetApp.newDataValidation()
      .requireValueInList(["Yes", "No"])
      .setAllowInvalid(false)
      .setHelpText("Yes or No")
      .build();
    sheet.getRange("A1:A3").setDataValidation(strict);
    sheet.getRange("A1").setValue("Yes");
    expect(() => sheet.getRange("A2").setValue("Maybe")).toThrow(
      "The data you entered in cell A2 violates the data validation rules set on this cell.",
    );
    const lenient = g.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 5).build();
    sheet.getRange("B1").setDataValidation(lenient);
    sheet.getRange("B1").setValue(9);
    expect(sheet.getRange("A1").getDataValidation()!.getCriteriaType()).toBe("VALUE_IN_LIST");
    expect(sheet.getRange("A1").getDataValidation()!.getCriteriaValues()).toEqual([["Yes", "No"], true]);
  });
});

describe("structure changes and snapshots", () => {
  it("inserting and deleting rows moves cells and range protections", () => {
    const sim = createSimulator();
    sim.setSheetValues("Sheet1", [["a"], ["b"], ["c"]]);
    const sheet = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
    sheet.getRange("A3").protect().setWarningOnly(true);
    sheet.insertRowsBefore(2, 2);
    expect(sim.sheetValues("Sheet1")).toEqual([["a"], [""], [""], ["b"], ["c"]]);
    expect(sim.snapshot().sheets[0].protections[0].range).toBe("A5");
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sim.sheetValues("Sheet1")).toEqual([["a"], ["b"], ["c"]]);
    expect(sim.snapshot().sheets[0].protections[0].range).toBe("A3");
  });

  it("clear() removes contents and formats but keeps notes; clearContent keeps formats", () => {
    const { sim, sheet } = setup();
    sheet.getRange("A1").setValue(5).setNumberFormat("0.00").setNote("n");
    sheet.getRange("A1").clearContent();
    expect(sim.snapshot().sheets[0].formats).toEqual({ A1: "0.00" });
    sheet.clear();
    expect(sim.snapshot().sheets[0]).toMatchObject({ values: [], formats: {}, notes: { A1: "n" } });
  });

  it("gives identical snapshots for identical runs", () => {
    const run = () => {
      const sim = createSimulator({ timeZone: "Asia/Kolkata" });
      const ss = sim.globals().SpreadsheetApp.getActiveSpreadsheet()!;
      const out = ss.insertSheet("Results");
      out.getRange(1, 1, 2, 3).setNumberFormats([
        ["@", "0.00", "yyyy-mm"],
        ["@", "0.00", "yyyy-mm"],
      ]);
      out.getRange(1, 1, 2, 3).setValues([
        ["R-001", 0.5, new Date(Date.UTC(2026, 2, 1))],
        ["=x", 1, "2026-04"],
      ]);
      out.getRange("A1:C1").setNotes([["provisional", "", ""]]);
      out.addDeveloperMetadata("salesScorecard.output", "results");
      return sim.snapshot();
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(first.sheets[1].values).toEqual([
      ["R-001", 0.5, { date: "2026-03-01T05:30:00" }],
      ["=x", 1, { date: "2026-04-01T00:00:00" }],
    ]);
  });
});
