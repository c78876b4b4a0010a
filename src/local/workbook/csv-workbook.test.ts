import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CsvFormatError, csvToGrid, decodeCsvBytes, detectSeparator, parseCsv, readCsvFolder } from "./csv-workbook";

/**
 * GB18030 (= GBK for these characters) bytes, written out by hand since Node
 * has no GB18030 encoder: 姓 D0 D5, 名 C3 FB, 金 BD F0, 额 B6 EE, 王 CD F5,
 * 芳 B7 BC, 华 BB AA, 东 B6 AB.
 */
const GB = {
  姓名: [0xd0, 0xd5, 0xc3, 0xfb],
  金额: [0xbd, 0xf0, 0xb6, 0xee],
  王芳: [0xcd, 0xf5, 0xb7, 0xbc],
  华东: [0xbb, 0xaa, 0xb6, 0xab],
};
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
/** "姓名,金额,Team\r\n王芳,1200,华东\r\n" in GB18030. */
const GB18030_FILE = new Uint8Array([
  ...GB.姓名,
  ...ascii(","),
  ...GB.金额,
  ...ascii(",Team\r\n"),
  ...GB.王芳,
  ...ascii(",1200,"),
  ...GB.华东,
  ...ascii("\r\n"),
]);

describe("parseCsv (RFC 4180)", () => {
  it("splits fields and records, CRLF, LF or CR", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\r\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r1,2\r")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps empty fields and empty lines", () => {
    expect(parseCsv(",x,\r\n\r\ny")).toEqual([["", "x", ""], [""], ["y"]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("handles quotes, escaped quotes, separators and line breaks inside quotes", () => {
    const text = 'Name,Note\r\n"Becker, Tom","He said ""yes""\r\nthen left"\r\n"",x\r\n';
    expect(parseCsv(text)).toEqual([
      ["Name", "Note"],
      ["Becker, Tom", 'He said "yes"\r\nthen left'],
      ["", "x"],
    ]);
  });

  it("is lenient like spreadsheet imports with stray quotes", () => {
    expect(parseCsv('5" screen,ok')).toEqual([['5" screen', "ok"]]);
    expect(parseCsv('"abc"def,x')).toEqual([["abcdef", "x"]]);
  });

  it("reports a quote left open with the line where it opened", () => {
    let error: unknown;
    try {
      parseCsv('a,b\r\n1,"open\r\nstill open\r\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvFormatError);
    expect((error as CsvFormatError).line).toBe(2);
  });

  it("counts lines across quoted line breaks", () => {
    expect(() => parseCsv('"x\ny"\n"z', { firstLine: 1 })).toThrow(/line 3/);
  });
});

describe("csvToGrid", () => {
  it('drops a BOM, pads to a rectangle with "" and drops trailing blank rows', () => {
    expect(csvToGrid("\uFEFFRep ID,Name,Team\r\nR01,Li Na\r\n\r\n,\r\n")).toEqual([
      ["Rep ID", "Name", "Team"],
      ["R01", "Li Na", ""],
    ]);
  });

  it("honours Excel's sep= line", () => {
    expect(csvToGrid("sep=;\r\nRep ID;Amount\r\nR01;1,5\r\n")).toEqual([
      ["Rep ID", "Amount"],
      ["R01", "1,5"],
    ]);
  });

  it("leaves every value as text", () => {
    expect(csvToGrid("001,2026-03,1200,=1+1,TRUE\n")).toEqual([["001", "2026-03", "1200", "=1+1", "TRUE"]]);
  });
});

describe("decodeCsvBytes", () => {
  it("decodes UTF-8 with and without a BOM", () => {
    const bytes = new TextEncoder().encode("姓名,Amount\n王芳,1");
    expect(decodeCsvBytes(bytes)).toEqual({ text: "姓名,Amount\n王芳,1", encoding: "utf-8" });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({
      text: "姓名,Amount\n王芳,1",
      encoding: "utf-8",
    });
  });

  it("falls back to GB18030 when the bytes are not UTF-8", () => {
    expect(decodeCsvBytes(GB18030_FILE)).toEqual({ text: "姓名,金额,Team\r\n王芳,1200,华东\r\n", encoding: "gb18030" });
  });

  it("decodes UTF-16 with a BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, 0xd3, 0x59, 0x0d, 0x54]); // 姓 U+59D3, 名 U+540D
    expect(decodeCsvBytes(le)).toEqual({ text: "姓名", encoding: "utf-16le" });
  });
});

describe("detectSeparator", () => {
  it("takes the separator the header line holds most of, outside quotes", () => {
    expect(detectSeparator("Owner,Amount,Close Date\r\nAnn,1200,2026-03-01\r\n")).toBe(",");
    expect(detectSeparator("Owner;Amount;Close Date\nAnn;1,5;2026-03-01\n")).toBe(";");
    expect(detectSeparator("Owner\tAmount\tClose Date\nAnn\t1,200\t2026-03-01\n")).toBe("\t");
    expect(detectSeparator('"Owner; name; full",Amount\n')).toBe(",");
    expect(detectSeparator('"Owner\nname";Amount;Stage\n')).toBe(";");
  });

  it("skips lines holding none (a title line), and falls back to a comma", () => {
    expect(detectSeparator("Opportunities report\n\nOwner;Amount\nAnn;5\n")).toBe(";");
    expect(detectSeparator("Owner\nAnn\n")).toBe(",");
    expect(detectSeparator("")).toBe(",");
    expect(detectSeparator("a;b,c\n")).toBe(",");
  });

  it("is what csvToGrid splits on unless a sep= line says otherwise", () => {
    expect(csvToGrid('Owner;Amount;Note\r\nAnn;"1,5";"two\nlines"\r\n')).toEqual([
      ["Owner", "Amount", "Note"],
      ["Ann", "1,5", "two\nlines"],
    ]);
    expect(csvToGrid("sep=,\nOwner;Name,Amount\n")).toEqual([["Owner;Name", "Amount"]]);
  });
});

describe("readCsvFolder", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "csv-workbook-"));
    await writeFile(
      join(dir, "Sales.csv"),
      '\uFEFFDate,Rep ID,Customer,Amount\r\n2026-03-31 23:30,R01,"Acme, Inc.","1,200"\r\n2026-04-01,R02,,\r\n',
    );
    await writeFile(join(dir, "Reps.CSV"), GB18030_FILE);
    await writeFile(join(dir, "Empty.csv"), "");
    await writeFile(join(dir, "notes.txt"), "not a sheet");
    await writeFile(join(dir, ".hidden.csv"), "x");
    await writeFile(join(dir, "~$Sales.csv"), "x");
    await mkdir(join(dir, "old.csv"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads each CSV file as a sheet named after it, all values text", async () => {
    const workbook = await readCsvFolder(dir);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Empty", "Reps", "Sales"]);
    const byName = Object.fromEntries(workbook.sheets.map((s) => [s.name, s.values]));
    expect(byName.Empty).toEqual([]);
    expect(byName.Reps).toEqual([
      ["姓名", "金额", "Team"],
      ["王芳", "1200", "华东"],
    ]);
    expect(byName.Sales).toEqual([
      ["Date", "Rep ID", "Customer", "Amount"],
      ["2026-03-31 23:30", "R01", "Acme, Inc.", "1,200"],
      ["2026-04-01", "R02", "", ""],
    ]);
  });

  it("names the file when one cannot be parsed", async () => {
    const bad = await mkdtemp(join(tmpdir(), "csv-bad-"));
    try {
      await writeFile(join(bad, "Targets.csv"), 'Rep ID,Period\r\nR01,"2026-03\r\n');
      await expect(readCsvFolder(bad)).rejects.toThrow("Targets.csv:2: a quoted field is not closed");
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
