import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { type SheetReaderContext, sheetRows, UnexpectedSheetXml } from "./xlsx-sheet-rows";

/** exceljs's own worksheet reader, which sheetRows stands in for. */
const require = createRequire(import.meta.url);
const WorksheetReader = require("exceljs/lib/stream/xlsx/worksheet-reader.js") as new (
  options: object,
) => AsyncIterable<{
  number: number;
  cellCount: number;
  getCell(column: number): { value: unknown; numFmt?: string };
}>;

const STYLES: Record<number, { numFmt?: string }> = {
  0: {},
  1: { numFmt: "yyyy-mm-dd" },
  2: { numFmt: "0.00" },
  3: { numFmt: "General" },
  4: { numFmt: 'yyyy"年"m"月"' },
};

const CONTEXT: SheetReaderContext = {
  sharedStrings: ["plain", { richText: [{ text: "ri" }, { text: "ch" }] }, " spaced ", ""],
  styles: { getStyleModel: (id) => STYLES[id] ?? null },
  properties: { model: { date1904: false } },
};

function sheet(rows: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="3" width="9" style="1"/></cols>' +
    `<sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`
  );
}

/** Every awkward shape a worksheet's cells come in. */
const SHEET = sheet(
  [
    '<row r="1" spans="1:9"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>',
    '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>99</v></c><c r="F1" s="1"/><c r="I1" t="b"><v>1</v></c></row>',
    '<row r="2"><c r="A2" s="1"><v>46112.5</v></c><c r="B2" s="2"><v>1234.5</v></c><c r="C2" s="3"><v>-0</v></c>',
    '<c r="D2" s="4"><v>46082</v></c><c r="E2" s="9"><v>7</v></c><c r="F2"><v></v></c><c r="G2"><v>1e400</v></c></row>',
    '<row r="4" s="1" customFormat="1"><c r="A4"><v>46000</v></c><c r="B4" s="2"><v>46000</v></c><c r="C4" s="0"><v>3</v></c></row>',
    '<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5"><f>1-1</f><v>0</v></c><c r="C5" t="str"><f>A1&amp;"x"</f><v>a&amp;amp;b</v></c>',
    '<c r="D5"><f>NA()</f></c><c r="E5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F5" s="1"><f>TODAY()</f><v>46100.25</v></c>',
    '<c r="G5"><f t="shared" ref="G5:G6" si="0">A5*2</f><v>4</v></c></row>',
    '<row r="6"><c r="G6"><f t="shared" si="0"/><v>0</v></c><c r="H6" t="b"><f>TRUE()</f><v>1</v></c></row>',
    '<row r="7">\n  <c r="A7" t="str">\n    <v>line one\r\nline two</v>\n  </c>\n  <c r="B7" t="inlineStr"><is><t>in</t></is></c>',
    '<c r="C7" t="inlineStr"><is><r><t>first</t></r><r><t>second</t></r></is></c><c r="D7" t="e"><v>#N/A</v></c>',
    '<c r=\'E7\' t=\'b\'><v>true</v></c><c r="F7" t="b"><v>0</v></c><!-- a comment --><c r="G7"><v><![CDATA[9]]>5</v></c>',
    '<c r="H7" t="str"><v>&#x4E1C;&#26041;&lt;&gt;&quot;&apos;</v></c><c r="AA7"><v>  42 </v></c></row>',
    '<row r="8"><c r="A8" t="s"><v>0</v></c><c r="A8" s="2"/><c r="B8"><v>1</v></c><c r="B8" s="1"><v>2</v></c></row>',
    '<row r="9"/><row r="10"><x:c r="A10"><v>1</v></x:c><c r="B10" t="n"><v>3.25</v></c></row>',
  ].join(""),
);

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

type Seen = { number: number; cells: ({ value: unknown; numFmt: string | undefined } | null)[] }[];

async function exceljsRows(xml: string, size: number): Promise<Seen> {
  const reader = new WorksheetReader({
    workbook: CONTEXT,
    id: 1,
    iterator: chunksOf(xml, size),
    options: { worksheets: "emit", hyperlinks: "ignore" },
  });
  const seen: Seen = [];
  for await (const row of reader) {
    const cells: Seen[number]["cells"] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      cells.push({ value: cell.value, numFmt: cell.numFmt });
    }
    seen.push({ number: row.number, cells });
  }
  return seen;
}

async function ourRows(xml: string, size: number): Promise<Seen> {
  const seen: Seen = [];
  for await (const rows of sheetRows(chunksOf(xml, size), CONTEXT)) {
    for (const row of rows) {
      const cells: Seen[number]["cells"] = [];
      // A gap is a cell exceljs makes when asked: no value, its row's number format (none here but row 4's).
      for (const cell of Array.from(row.cells)) cells.push(cell === undefined ? null : { ...cell });
      seen.push({ number: row.number, cells });
    }
  }
  return seen;
}

/** exceljs's rows with its gap cells made like ours, for comparing. */
function withGaps(exceljs: Seen, ours: Seen): Seen {
  return exceljs.map((row, r) => ({
    number: row.number,
    cells: row.cells.map((cell, c) => (ours[r]?.cells[c] === null && (cell?.value ?? null) === null ? null : cell)),
  }));
}

describe("sheetRows", () => {
  it("reads every cell as exceljs's worksheet reader does, however the text is cut into chunks", async () => {
    const expected = await exceljsRows(SHEET, SHEET.length);
    expect(expected.length).toBe(9);
    for (const size of [SHEET.length, 1000, 64, 7, 1]) {
      const ours = await ourRows(SHEET, size);
      expect(ours).toEqual(withGaps(expected, ours));
    }
  });

  it("leaves XML it does not expect to exceljs", async () => {
    const odd = [
      sheet('<row r="1"><c t="n"><v>1</v></c></row>'), // a cell without a reference
      sheet('<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>'),
      `<!DOCTYPE x []>${sheet("")}`,
      sheet('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -20),
    ];
    for (const xml of odd) await expect(ourRows(xml, 50)).rejects.toThrow(UnexpectedSheetXml);
  });
});
