import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CellData, SheetData, SheetSequence, WorkbookData } from "./workbook-data";
import { installLocaleDateFormats, readXlsx, widthSample, writeXlsx, writeXlsxBuffer } from "./xlsx-workbook";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "xlsx-workbook-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LONG_REVIEW =
  "Li Na reached 112% of her revenue target in March (53,760 against 48,000), ranking 2nd of 11. " +
  "Her win rate fell to 28%: review the lost deals with your manager.\n李娜三月份销售额完成目标的 112%。";

/** Every kind of value, with the awkward cases. */
const VALUES: CellData[][] = [
  ["Rep ID", "Amount", "When", "Text", "Flag"],
  ["001", 1200, { wallClock: "2026-03-31T23:30:00" }, "=1+1", true],
  ["101", -150.25, { wallClock: "2026-03-31T00:00:00" }, "+5", false],
  ["R01", 0.1 + 0.2, { wallClock: "2026-04-01T00:00:00" }, "-x", null],
  ["王芳", 1e-9, { wallClock: "1999-12-31T23:59:59" }, "@home", "TRUE"],
  ["2026-03", 123456789.123, { wallClock: "2026-10-31T12:00:00" }, LONG_REVIEW, "2026"],
  [null, 0, { wallClock: "1900-03-01T00:00:00" }, "\ttab", " 12 "],
];

const WORKBOOK: WorkbookData = {
  sheets: [
    {
      name: "Inputs",
      values: VALUES,
      numberFormats: VALUES.map((row, r) => row.map((_, c) => (r > 0 && c === 1 ? "#,##0.00" : null))),
      notes: VALUES.map((row, r) => row.map((_, c) => (r === 0 && c === 0 ? "Rep ID: e.g. R01\n销售编号" : null))),
    },
    {
      name: "结果",
      values: [
        ["期间", "得分"],
        ["2026-03", 0.93],
      ],
    },
  ],
};

async function roundTrip(workbook: WorkbookData, name: string): Promise<WorkbookData> {
  const path = join(dir, name);
  await writeXlsx(workbook, path);
  return readXlsx(path);
}

describe("xlsx round trip", () => {
  it("keeps numbers, text, booleans, blanks and wall-clock dates exactly", async () => {
    const back = await roundTrip(WORKBOOK, "round-trip.xlsx");
    expect(back.sheets.map((s) => s.name)).toEqual(["Inputs", "结果"]);
    expect(back.sheets[0].values).toEqual(VALUES);
    expect(back.sheets[1].values).toEqual(WORKBOOK.sheets[1].values);
    expect(back.sheets[0].notes?.[0][0]).toBe("Rep ID: e.g. R01\n销售编号");
  });

  it("keeps wall-clock dates whatever the process time zone", async () => {
    const original = process.env.TZ;
    try {
      for (const zone of ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati", "America/St_Johns"]) {
        process.env.TZ = zone;
        // The zone really applies to this process (else the test proves nothing).
        const offset = new Date(Date.UTC(2026, 2, 31, 23, 30)).getTimezoneOffset();
        expect(offset === 0).toBe(zone === "UTC");
        const back = await roundTrip(WORKBOOK, `tz-${zone.replace("/", "-")}.xlsx`);
        expect(back.sheets[0].values.map((row) => row[2])).toEqual(VALUES.map((row) => row[2]));
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it("gives number formats back, with defaults for dates and a text format for number-like text", async () => {
    const back = await roundTrip(WORKBOOK, "formats.xlsx");
    const formats = back.sheets[0].numberFormats!;
    expect(formats[1][1]).toBe("#,##0.00");
    expect(formats[1][2]).toBe("yyyy-mm-dd hh:mm");
    expect(formats[2][2]).toBe("yyyy-mm-dd");
    expect(formats[4][2]).toBe("yyyy-mm-dd hh:mm:ss");
    expect(formats[1][0]).toBe("@"); // "001"
    expect(formats[1][3]).toBe("@"); // "=1+1"
    expect(formats[5][0]).toBe("@"); // "2026-03"
    expect(formats[3][0]).toBeNull(); // "R01"
    expect(formats[4][0]).toBeNull(); // "王芳"
  });

  it("writes text as text, never as a formula, and { formula } as a formula", async () => {
    const path = join(dir, "formulas.xlsx");
    await writeXlsx(
      {
        sheets: [
          {
            name: "S",
            values: [
              ["=1+1", { formula: "=SUM(B1:B2)" }],
              ["@x", 2],
            ],
          },
        ],
      },
      path,
    );
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(path);
    const ws = raw.getWorksheet("S")!;
    expect(ws.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A1").value).toBe("=1+1");
    expect(ws.getCell("B1").type).toBe(ExcelJS.ValueType.Formula);
    expect((await readXlsx(path)).sheets[0].values).toEqual([
      ["=1+1", { formula: "=SUM(B1:B2)" }],
      ["@x", 2],
    ]);
  });

  it("bolds and freezes the header, sizes columns and wraps long text", async () => {
    const path = join(dir, "layout.xlsx");
    await writeXlsx(WORKBOOK, path);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(path);
    const ws = raw.getWorksheet("Inputs")!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("D6").alignment?.wrapText).toBe(true);
    expect(ws.getCell("D2").alignment?.wrapText).toBeFalsy();
    expect(ws.getColumn(4).width).toBe(60);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(1).width).toBeLessThan(15);
    const frozen = (await readXlsx(path)).sheets[0].frozenRows;
    expect(frozen).toBe(1);
  });

  it("honours a sheet's frozenRows, including none", async () => {
    const back = await roundTrip(
      {
        sheets: [
          { name: "A", values: [["x"]], frozenRows: 0 },
          { name: "B", values: [["x"], ["y"], ["z"]], frozenRows: 2 },
        ],
      },
      "frozen.xlsx",
    );
    expect(back.sheets.map((s) => s.frozenRows)).toEqual([0, 2]);
  });

  it("refuses a malformed workbook before touching the disk", async () => {
    const path = join(dir, "never.xlsx");
    await expect(writeXlsx({ sheets: [{ name: "S", values: [[Number.NaN]] }] }, path)).rejects.toThrow(
      /S!A1: not a finite number/,
    );
    await expect(writeXlsx({ sheets: [{ name: "S", values: [[{ wallClock: "2026-02-30" }]] }] }, path)).rejects.toThrow(
      /wall clock/,
    );
    await expect(stat(path)).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("gives the same bytes for the same data when a timestamp is given", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const timestamp = new Date(Date.UTC(2026, 10, 1));
      vi.setSystemTime(new Date(Date.UTC(2027, 0, 1, 10, 0, 0)));
      const first = await writeXlsxBuffer(WORKBOOK, { timestamp });
      vi.setSystemTime(new Date(Date.UTC(2028, 5, 6, 17, 31, 7)));
      const second = await writeXlsxBuffer(WORKBOOK, { timestamp });
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("rows written past exceljs's row objects", () => {
  /** Plain rows around rows exceljs writes itself (a note, a formula), an empty row, and blanks at both ends. */
  const MIXED: SheetData = {
    name: "Mixed",
    values: [
      ["ID", "Amount", "When", "Won", "Note"],
      ["D-1", 1200.5, { wallClock: "2026-03-31T23:30:00" }, true, 'a < b & "c"'],
      [null, -0.25, null, false, null],
      ["D-3", 3, { wallClock: "2026-04-01T00:00:00" }, null, "noted"],
      ["D-4", { formula: "=B2*2" }, null, true, " padded "],
      [null, null, null, null, null],
      ["D-6", 1e-9, { wallClock: "1999-12-31T23:59:59" }, false, "2026-03"],
      [null, null, null, 7, null],
      ["A&amp;B", " two\nlines ", "王芳 & co", "tab\there", "  "],
    ],
    numberFormats: [
      [null, null, null, null, null],
      [null, "#,##0.00", null, null, null],
      [null, "0%", null, null, null],
      [null, null, "yyyy-mm-dd", null, null],
      [null, "#,##0", null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
    ],
    notes: [
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, "checked by 王芳"],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
    ],
  };

  it("reads back every value, format and note of plain rows mixed with rows exceljs writes", async () => {
    const back = (await roundTrip({ sheets: [MIXED] }, "mixed.xlsx")).sheets[0];
    expect(back.values).toEqual(MIXED.values);
    expect(back.notes?.[3][4]).toBe("checked by 王芳");
    expect(back.numberFormats?.[1][1]).toBe("#,##0.00");
    expect(back.numberFormats?.[2][1]).toBe("0%");
    expect(back.numberFormats?.[4][1]).toBe("#,##0");
    expect(back.numberFormats?.[6][4]).toBe("@"); // "2026-03"
  });

  it("gives the rows the styles exceljs gives them", async () => {
    const path = join(dir, "mixed-styles.xlsx");
    await writeXlsx({ sheets: [MIXED] }, path);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(path);
    const ws = raw.getWorksheet("Mixed")!;
    expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(ws.getCell("C4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("D2").value).toBe(true);
    expect(ws.getCell("E2").value).toBe('a < b & "c"');
    expect(ws.getCell("B5").formula).toBe("B2*2");
    expect(ws.getCell("A6").value).toBeNull();
    // Text in its cell and text in the shared strings read back alike.
    expect(["A9", "B9", "C9", "D9", "E9"].map((a) => ws.getCell(a).value)).toEqual(MIXED.values[8]);
  });
});

describe("writing sheets made one at a time", () => {
  /** The workbook's sheets from a generator, each name recorded as its sheet is taken. */
  function sequenceOf(workbook: WorkbookData, taken: string[] = []): SheetSequence {
    function* sheets(): Generator<SheetData> {
      for (const sheet of workbook.sheets) {
        taken.push(sheet.name);
        yield sheet;
      }
    }
    return { sheets: sheets() };
  }

  it("gives the same bytes as the whole workbook", async () => {
    const timestamp = new Date(Date.UTC(2026, 10, 1));
    const whole = await writeXlsxBuffer(WORKBOOK, { timestamp });
    const taken: string[] = [];
    const sequence = await writeXlsxBuffer(sequenceOf(WORKBOOK, taken), { timestamp });
    expect(Buffer.from(sequence).equals(Buffer.from(whole))).toBe(true);
    expect(taken).toEqual(["Inputs", "结果"]);
  });

  it("refuses a malformed sheet or a repeated name, naming it, and writes no file", async () => {
    const path = join(dir, "one-at-a-time-refused.xlsx");
    const bad: WorkbookData = { sheets: [WORKBOOK.sheets[0], { name: "S", values: [[1], [2, 3]] }] };
    await expect(writeXlsx(sequenceOf(bad), path)).rejects.toThrow(/sheet "S" row 2: not 1 cells wide/);
    const twice: WorkbookData = { sheets: [WORKBOOK.sheets[1], { name: "结果", values: [[1]] }] };
    await expect(writeXlsx(sequenceOf(twice), path)).rejects.toThrow(/sheet "结果": two sheets have this name/);
    await expect(stat(path)).rejects.toThrow();
  });
});

describe("reading what other programs write", () => {
  let path: string;
  let before: { hash: string; mtimeMs: number; size: number };

  const fingerprint = async (file: string) => {
    const bytes = await readFile(file);
    const info = await stat(file);
    return { hash: createHash("sha256").update(bytes).digest("hex"), mtimeMs: info.mtimeMs, size: info.size };
  };

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Sales");
    ws.getCell("A1").value = { richText: [{ text: "Cus", font: { bold: true } }, { text: "tomer" }] };
    ws.getCell("B1").value = { text: "Link", hyperlink: "https://example.com" };
    ws.getCell("C1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = { error: "#N/A" };
    ws.getCell("E1").value = { formula: "A1&B1" } as ExcelJS.CellFormulaValue;
    ws.getCell("F1").value = {
      formula: "DATE(2026,3,31)+23.5/24",
      result: new Date(Date.UTC(2026, 2, 31, 23, 30)),
    } as ExcelJS.CellFormulaValue;
    ws.getCell("F1").numFmt = "yyyy-mm-dd hh:mm";
    ws.getCell("A2").value = "merged";
    ws.mergeCells("A2:B2");
    ws.getCell("C2").value = "";
    ws.getCell("A3").value = new Date(Date.UTC(2026, 2, 31, 23, 30));
    ws.getCell("A3").numFmt = 'yyyy"年"m"月"d"日" hh:mm';
    ws.getCell("A3").note = { texts: [{ text: "close " }, { text: "date" }] };
    ws.getCell("H10").style = { font: { bold: true } }; // formatted but empty: not part of the data
    path = join(dir, "foreign.xlsx");
    await book.xlsx.writeFile(path);
    before = await fingerprint(path);
  });

  it("reads rich text, links, formula results, errors, merges and dates as Sheets shows them", async () => {
    const { sheets } = await readXlsx(path);
    expect(sheets[0].values).toEqual([
      ["Customer", "Link", 2, "#N/A", { formula: "=A1&B1" }, { wallClock: "2026-03-31T23:30:00" }],
      ["merged", null, null, null, null, null],
      [{ wallClock: "2026-03-31T23:30:00" }, null, null, null, null, null],
    ]);
    expect(sheets[0].notes?.[2][0]).toBe("close date");
    expect(sheets[0].numberFormats?.[2][0]).toBe('yyyy"年"m"月"d"日" hh:mm');
  });

  it("reads a sheet whose XML its own reader leaves alone (here a DOCTYPE) through exceljs", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("S");
    ws.addRow(["Rep", "Amount"]);
    ws.addRow(["R1", 5]);
    // Stored, not deflated, so the sheet's XML can be changed in place (nothing checks the checksum).
    const stored = Buffer.from(
      await book.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions),
    );
    const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const at = stored.indexOf(declaration, stored.indexOf("xl/worksheets/sheet1.xml"));
    expect(at).toBeGreaterThan(0);
    stored.write("<!DOCTYPE worksheet>".padEnd(declaration.length, " "), at, "latin1");
    const doctyped = join(dir, "doctype.xlsx");
    await writeFile(doctyped, stored);
    expect((await readXlsx(doctyped)).sheets[0].values).toEqual([
      ["Rep", "Amount"],
      ["R1", 5],
    ]);
  });

  it("leaves the input file byte-identical", async () => {
    await readXlsx(path);
    await readXlsx(path);
    expect(await fingerprint(path)).toEqual(before);
  });

  it("reads dates of a 1904-date-system workbook", async () => {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    const ws = book.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2026, 2, 31, 23, 30));
    ws.getCell("A1").numFmt = "yyyy-mm-dd hh:mm";
    const file = join(dir, "1904.xlsx");
    await book.xlsx.writeFile(file);
    expect((await readXlsx(file)).sheets[0].values).toEqual([[{ wallClock: "2026-03-31T23:30:00" }]]);
  });

  it("knows the Chinese built-in date formats exceljs leaves out", () => {
    const lookup = installLocaleDateFormats();
    expect(lookup).not.toBeNull();
    expect(lookup!(31)).toBe('yyyy"年"m"月"d"日"');
    expect(lookup!(58)).toBe('m"月"d"日"');
    expect(lookup!(14)).toBe("mm-dd-yy");
    expect(lookup!(3)).toBe("#,##0");
  });

  it("rejects a file that is not a workbook", async () => {
    const file = join(dir, "not.xlsx");
    await writeFile(file, "Rep ID,Name\n");
    await expect(readXlsx(file)).rejects.toThrow();
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("column widths of long sheets", () => {
  it("measure every row of a sheet up to 5,000 rows", () => {
    const measured = widthSample(5_000);
    expect(Array.from({ length: 5_000 }, (_, r) => measured(r)).every(Boolean)).toBe(true);
  });

  it("measure the header, both ends and about a thousand rows between of a longer sheet", () => {
    const rows = 1_000_000;
    const measured = widthSample(rows);
    let count = 0;
    for (let r = 0; r < rows; r++) if (measured(r)) count++;
    expect([measured(0), measured(1_000), measured(rows - 1), measured(500_001)]).toEqual([true, true, true, false]);
    expect(count).toBeGreaterThan(2_000);
    expect(count).toBeLessThan(3_100);
  });
});
