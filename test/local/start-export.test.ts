/**
 * `npm start` on a raw CRM export, run as the README runs it (a real process
 * on the built bundle): one CSV file is the Sales sheet, with the CRM's own
 * headers and stage words, in any of the encodings and separators Excel and
 * WPS write; `--date-order` and `--mapping` reach the run as the
 * spreadsheet's settings. Expected revenues are worked out here by hand from
 * the rows written in each test.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLocalRecalculation } from "../../src/local/cli/local-recalculation";
import { readInputWorkbook } from "../../src/local/workbook/input-workbook";
import { parseMappingText, type RunSettings } from "../../src/local/workbook/mapping-file";
import { readXlsx, writeXlsx } from "../../src/local/workbook/xlsx-workbook";
import type { WorkbookData } from "../../src/local/workbook/workbook-data";
import { DEMO, ROOT, ensureBuilt, gb18030, records, resultRows, runStart, sheetOf } from "./start-helpers";

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), "start-export-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** CSV text of rows, quoting a field that holds the separator, a quote or a line break. */
function csv(rows: string[][], separator = ",", lineEnd = "\r\n"): string {
  const field = (text: string) =>
    text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  return rows.map((row) => row.map(field).join(separator) + lineEnd).join("");
}

/** `revenue actual` of each owner in one period of a result workbook, by Rep ID. */
function revenueOf(result: WorkbookData, period: string): Record<string, unknown> {
  return Object.fromEntries(resultRows(result, period).map((row) => [String(row["Rep ID"]), row["revenue actual"]]));
}

const path = (name: string) => join(dir, name);

// A Salesforce opportunity report as exported: its own headers, stage words,
// a quoted amount with a thousands comma, and a US date whose day is over 12
// (so it can only be read one way, with no date order given).
const SALESFORCE_HEADER = ["Opportunity Owner", "Account Name", "Close Date", "Amount", "Stage"];
const SALESFORCE_ROWS = [
  ["Ann Lee", "Acme", "2026-01-15", "1000", "Closed Won"],
  ["Ann Lee", "Beta", "2026-01-20", "500", "Closed Lost"],
  ["Bob Ray", "Gamma, Inc.", "2026-01-31", "2,000", "Closed Won"],
  ["Ann Lee", "Zeta", "2026-01-25", "900", "Negotiation/Review"],
  ["Bob Ray", "Delta", "2026-02-03", "700", "Proposal/Price Quote"],
  ["Ann Lee", "Epsilon", "2026-02-10", "300", "Closed Won"],
  ["Bob Ray", "Eta", "2/14/2026", "450.50", "Closed Won"],
];
// Won deals only; Closed Lost and the open stages count in no revenue:
//   Ann Lee 2026-01: Acme 1,000 (Beta lost, Zeta open)      = 1,000
//   Bob Ray 2026-01: Gamma 2,000                            = 2,000
//   Ann Lee 2026-02: Epsilon 300                            =   300
//   Bob Ray 2026-02: Eta 450.50 (Delta open)                =   450.50
const SALESFORCE_REVENUE = {
  "2026-01": { "Ann Lee": 1000, "Bob Ray": 2000 },
  "2026-02": { "Ann Lee": 300, "Bob Ray": 450.5 },
};

describe("one CSV file from a CRM", () => {
  it("is read as Sales with its own headers and stage words, exits 0 and writes revenue per owner and month", async () => {
    await writeFile(path("opportunities.csv"), csv([SALESFORCE_HEADER, ...SALESFORCE_ROWS]));
    const run = runStart(["--input", path("opportunities.csv"), "--out", path("opportunities.xlsx")]);
    expect(run.stderr).not.toMatch(/Sales!/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/opportunities\.csv is read as the Sales sheet/);
    expect(run.stdout).toMatch(/no targets/i);
    // Reps taken from Sales' owners have their name as ID: shown once.
    expect(run.stdout).toMatch(/^Review of (Ann Lee|Bob Ray), 2026-02$/m);
    const result = await readXlsx(path("opportunities.xlsx"));
    expect(revenueOf(result, "2026-01")).toEqual(SALESFORCE_REVENUE["2026-01"]);
    expect(revenueOf(result, "2026-02")).toEqual(SALESFORCE_REVENUE["2026-02"]);
    // Win rate, Ann Lee 2026-01: 1 won (Acme) / (1 won + 1 lost (Beta)) = 0.5; the open Zeta counts in neither.
    const ann = resultRows(result, "2026-01").find((row) => row["Rep ID"] === "Ann Lee")!;
    expect(ann["win_rate actual"]).toBe(0.5);
    // No targets: nothing to attain, and the input came through unchanged.
    expect(ann["revenue target"]).toBeNull();
    expect(sheetOf(result, "Sales").values[0]).toEqual(SALESFORCE_HEADER);
  });

  it("reads a semicolon-separated export with a byte-order mark and a line break inside a quoted field", async () => {
    const rows = SALESFORCE_ROWS.map((row) =>
      row.map((cell) => (cell === "2,000" ? "2000" : cell === "Acme" ? "Acme\nGmbH" : cell)),
    );
    await writeFile(path("semicolons.csv"), "\uFEFF" + csv([SALESFORCE_HEADER, ...rows], ";"));
    const run = runStart(["--input", path("semicolons.csv"), "--out", path("semicolons.xlsx")]);
    expect(run.stderr).not.toMatch(/Sales!/);
    expect(run.status).toBe(0);
    const result = await readXlsx(path("semicolons.xlsx"));
    expect(revenueOf(result, "2026-01")).toEqual(SALESFORCE_REVENUE["2026-01"]);
    expect(revenueOf(result, "2026-02")).toEqual(SALESFORCE_REVENUE["2026-02"]);
    expect(records(sheetOf(result, "Sales"))[0]["Account Name"]).toBe("Acme\nGmbH");
  });

  it("reads a GB18030 export of a Chinese CRM and answers in Chinese", async () => {
    const text = csv([
      ["负责人", "客户名称", "结单日期", "成交金额", "商机阶段"],
      ["王芳", "启航酒店", "2026-03-05", "12000", "赢单"],
      ["王芳", "万象贸易", "2026-03-09", "8000", "输单"],
      ["李娜", "东方物流", "2026-03-12", "6500", "赢单"],
      ["李娜", "华夏科技", "2026-03-20", "4000", "商务谈判"],
      ["王芳", "海天商贸", "2026-03-28", "3000", "赢单"],
    ]);
    await writeFile(path("商机.csv"), gb18030(text));
    const run = runStart(["--input", path("商机.csv"), "--out", path("商机.xlsx")]);
    expect(run.stderr).not.toMatch(/Sales!/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/作为销售记录表（Sales）读取/);
    expect(run.stdout).toMatch(/^排行榜 2026-03/m);
    // 王芳: 启航酒店 12,000 + 海天商贸 3,000 (万象贸易 lost) = 15,000; 李娜: 东方物流 6,500 (华夏科技 open) = 6,500.
    const result = await readXlsx(path("商机.xlsx"));
    expect(revenueOf(result, "2026-03")).toEqual({ 王芳: 15000, 李娜: 6500 });
  });
});

describe("one exported text file", () => {
  it("may be Excel's Unicode text: UTF-16 with tabs, still the Sales sheet", async () => {
    const text = "\uFEFF" + csv([SALESFORCE_HEADER, SALESFORCE_ROWS[0]], "\t");
    await writeFile(path("report.txt"), Buffer.from(text, "utf16le"));
    const { workbook, kind } = await readInputWorkbook(path("report.txt"));
    expect(kind).toBe("csv-file");
    expect(workbook.sheets).toEqual([{ name: "Sales", values: [SALESFORCE_HEADER, SALESFORCE_ROWS[0]] }]);
  });
});

describe("--date-order", () => {
  // 3/1/2026 is 3 January day-first and 1 March month-first; the other two dates are ISO.
  const rows = [
    SALESFORCE_HEADER,
    ["Ann Lee", "Gamma", "2026-01-10", "50", "Closed Won"],
    ["Ann Lee", "Acme", "3/1/2026", "1000", "Closed Won"],
    ["Ann Lee", "Beta", "2026-03-20", "200", "Closed Won"],
  ];

  beforeAll(async () => {
    await writeFile(path("ambiguous.csv"), csv(rows));
  });

  it("dmy puts a 3/1/2026 deal in January", async () => {
    const run = runStart(["--input", path("ambiguous.csv"), "--date-order", "dmy", "--out", path("dmy.xlsx")]);
    expect(run.status).toBe(0);
    const result = await readXlsx(path("dmy.xlsx"));
    // January: Gamma 50 + Acme 1,000 = 1,050; March: Beta 200.
    expect(revenueOf(result, "2026-01")).toEqual({ "Ann Lee": 1050 });
    expect(revenueOf(result, "2026-03")).toEqual({ "Ann Lee": 200 });
  });

  it("mdy puts it in March", async () => {
    const run = runStart(["--input", path("ambiguous.csv"), "--date-order=mdy", "--out", path("mdy.xlsx")]);
    expect(run.status).toBe(0);
    const result = await readXlsx(path("mdy.xlsx"));
    // January: Gamma 50; March: Acme 1,000 + Beta 200 = 1,200.
    expect(revenueOf(result, "2026-01")).toEqual({ "Ann Lee": 50 });
    expect(revenueOf(result, "2026-03")).toEqual({ "Ann Lee": 1200 });
  });

  it("without it, the date that reads two ways is a problem at its cell and its row is left out", async () => {
    const run = runStart(["--input", path("ambiguous.csv"), "--out", path("no-order.xlsx")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Sales!C3/);
    const result = await readXlsx(path("no-order.xlsx"));
    expect(revenueOf(result, "2026-03")).toEqual({ "Ann Lee": 200 });
  });
});

describe("--mapping", () => {
  // Headers no alias knows, a manager's own stage words, day-first dates.
  const header = ["Vendedor", "Cliente", "Fecha", "Importe", "Etapa"];
  const rows = [
    ["Lucía Gómez", "Hotel Sol", "15/01/2026", "1200", "Firmado"],
    ["Lucía Gómez", "Bodega Luna", "03/02/2026", "800", "Firmado"],
    ["Lucía Gómez", "Café Mar", "20/01/2026", "999", "Perdido"],
    ["Pablo Ruiz", "Taller Río", "28/01/2026", "2500", "Firmado"],
    ["Pablo Ruiz", "Finca Sur", "10/02/2026", "700", "En negociación"],
  ];
  const mapping = {
    columns: { sales: { rep: "Vendedor", customer: "Cliente", date: "Fecha", amount: "Importe", status: "Etapa" } },
    dateOrder: "dmy",
    stageWords: { Firmado: "won", Perdido: "lost", "En negociación": "open" },
  };

  beforeAll(async () => {
    await writeFile(path("ventas.csv"), csv([header, ...rows]));
    await writeFile(path("mapping.json"), JSON.stringify(mapping, null, 2));
  });

  it("maps headers no alias knows, with the file's date order and stage words, and the run computes", async () => {
    const run = runStart([
      "--input",
      path("ventas.csv"),
      "--mapping",
      path("mapping.json"),
      "--out",
      path("ventas.xlsx"),
    ]);
    expect(run.stderr).not.toMatch(/Sales!/);
    expect(run.status).toBe(0);
    const result = await readXlsx(path("ventas.xlsx"));
    // Lucía 2026-01: Hotel Sol 1,200 (Café Mar lost); Pablo 2026-01: Taller Río 2,500.
    expect(revenueOf(result, "2026-01")).toEqual({ "Lucía Gómez": 1200, "Pablo Ruiz": 2500 });
    // 03/02/2026 is 3 February day-first: Lucía 2026-02: Bodega Luna 800; Pablo: Finca Sur is open, 0.
    expect(revenueOf(result, "2026-02")).toEqual({ "Lucía Gómez": 800, "Pablo Ruiz": 0 });
  });

  it("is what makes those headers readable: without it Sales has no usable columns", () => {
    const run = runStart(["--input", path("ventas.csv"), "--out", path("unmapped.xlsx")]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Sales!/);
  });

  it("refuses a bad file with one line per mistake naming its key, exit 2, nothing written", async () => {
    await writeFile(
      path("bad.json"),
      JSON.stringify({
        columns: { sales: { fecha: "Fecha" } },
        dateOrder: "ymd",
        stageWords: { Firmado: "signed" },
        extra: 1,
      }),
    );
    const run = runStart(["--input", path("ventas.csv"), "--mapping", path("bad.json"), "--out", path("never.xlsx")]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([
      "npm start: --mapping bad.json: columns.sales.fecha: unknown key; the sales fields are date, rep, customer, amount, type, status, opened, split, dealId, probability",
      'npm start: --mapping bad.json: dateOrder: must be dmy, mdy, auto, not "ymd"',
      'npm start: --mapping bad.json: stageWords.Firmado: must be won, lost, open, not "signed"',
      "npm start: --mapping bad.json: extra: unknown key; expected one of columns, dateOrder, stageWords, stageProbabilities",
    ]);
    expect(run.stdout).toBe("");
    expect(existsSync(path("never.xlsx"))).toBe(false);
  });
});

describe("the mapping file's checks", () => {
  it.each([
    ["{ columns: {} }", /^not valid JSON \(/],
    ["[]", /^the file: must be an object/],
    [
      '{ "columns": { "deals": {} } }',
      /^columns\.deals: unknown key; expected one of reps, sales, targets, scores, adjustments$/,
    ],
    ['{ "columns": { "sales": { "date": "  " } } }', /^columns\.sales\.date: must not be blank$/],
    ['{ "columns": { "sales": { "date": 3 } } }', /^columns\.sales\.date: must be a string$/],
    [
      '{ "columns": { "sales": { "date": "Fecha", "opened": "fecha" } } }',
      /^columns\.sales\.opened: the header "fecha" is already mapped to date/,
    ],
    [
      '{ "stageWords": { "Closed Won": "won", "On hold": "paused" } }',
      /^stageWords\["On hold"\]: must be won, lost, open, not "paused"$/,
    ],
  ])("%s", (text, message) => {
    const checked = parseMappingText(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors).toHaveLength(1);
      expect(checked.errors[0]).toMatch(message);
    }
  });

  it("accepts the README's example file", async () => {
    const checked = parseMappingText(await readFile(join(ROOT, "docs/examples/mapping.json"), "utf8"));
    expect(checked).toMatchObject({ ok: true, settings: { dateOrder: "dmy" } });
  });
});

describe("local.recalculate's settings", () => {
  const workbook: WorkbookData = {
    sheets: [
      {
        name: "Sales",
        values: [
          ["Owner", "Date", "Amount"],
          ["Ann Lee", "3/1/2026", 1000],
        ],
      },
    ],
  };
  const options = { distDir: join(ROOT, "dist"), timeZone: "UTC", locale: "en_US", language: null, period: null };

  it("are checked by the bundle as the sidebar's are, and refused with the key named", () => {
    expect(() =>
      runLocalRecalculation(workbook, { ...options, settings: { dateOrder: "ymd" } as unknown as RunSettings }),
    ).toThrow(/local\.recalculate: settings: dateOrder/);
  });

  it("are stored before the run reads Sales", () => {
    const { result } = runLocalRecalculation(workbook, { ...options, settings: { dateOrder: "dmy" } });
    // 3/1/2026 day first is 3 January: Ann Lee's January revenue is the 1,000.
    expect(revenueOf({ sheets: [...result.sheets] }, "2026-01")).toEqual({ "Ann Lee": 1000 });
  });
});

describe("--lang", () => {
  it("writes the reviews in its language even when the Plan says language en", async () => {
    const demo = await readXlsx(DEMO);
    const plan = sheetOf(demo, "Plan");
    const [header] = plan.values;
    const type = header.indexOf("Type");
    const key = header.indexOf("Key");
    const value = header.indexOf("Value");
    const row = plan.values.find((r) => r[type] === "setting" && r[key] === "language")!;
    row[value] = "en";
    await writeXlsx(demo, path("plan-en.xlsx"));

    const run = runStart([
      "--input",
      path("plan-en.xlsx"),
      "--lang",
      "zh",
      "--period",
      "2026-03",
      "--out",
      path("plan-en-zh.xlsx"),
    ]);
    expect(run.status).toBe(0);
    const reviews = records(sheetOf(await readXlsx(path("plan-en-zh.xlsx")), "Reviews")).filter(
      (r) => r.Period === "2026-03",
    );
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect(String(review["Generated review"])).toMatch(/\p{Script=Han}/u);
      expect(String(review["Generated review"])).not.toMatch(/Performance review/);
    }
  });
});
