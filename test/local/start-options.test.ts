/**
 * `npm start`'s arguments and inputs, through its main function (the real
 * process is exercised in start-command.test.ts): help, bad arguments,
 * refusing to write the input, a folder of CSV files in GB18030 with Chinese
 * headers, Chinese output.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommandLine, USAGE } from "../../src/local/cli/cli-options";
import { main } from "../../src/local/cli/start";
import { readXlsx } from "../../src/local/workbook/xlsx-workbook";
import { DEMO, ensureBuilt, gb18030, records, sheetOf } from "./start-helpers";

let dir: string;
let devNull: number;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), "start-options-"));
  devNull = openSync("/dev/null", "w");
});

afterAll(async () => {
  closeSync(devNull);
  await rm(dir, { recursive: true, force: true });
});

async function start(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    progressFd: devNull,
    baseDir: dir,
  });
  return { status, out, err };
}

const sha256 = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

describe("the command line", () => {
  it("prints the usage with --help and exits 0", async () => {
    const run = await start(["--help"]);
    expect(run.status).toBe(0);
    expect(run.out).toBe(USAGE);
    expect(USAGE).toMatch(/--input PATH/);
    expect(USAGE).toMatch(/Exit status/);
    expect(USAGE).toMatch(/or one CSV file, a CRM export/);
    expect(USAGE).toMatch(/--date-order dmy\|mdy/);
    expect(USAGE).toMatch(/--mapping FILE\.json/);
  });

  it.each([
    [["--lang", "fr"], /--lang must be en or zh, not "fr"/],
    [["--period", "2026-13"], /--period "2026-13" is not a period/],
    [["--time-zone", "Mars/Olympus"], /--time-zone "Mars\/Olympus" is not a time zone/],
    [["--out", "result.csv"], /--out "result.csv" must be a file name ending in .xlsx/],
    [["--input"], /--input needs a value/],
    [["--input", "--lang", "zh"], /--input needs a value/],
    [["--verbose"], /unknown option --verbose/],
    [["--date-order", "ymd"], /--date-order must be dmy \(3\/1\/2026 is 3 January\) or mdy \(1 March\), not "ymd"/],
    [["--mapping"], /--mapping needs a value/],
    [["export.xlsx"], /unexpected argument "export.xlsx" \(to run on a file, use --input export.xlsx\)/],
    [["--lang", "en", "--lang", "zh"], /--lang is given twice/],
  ])("refuses %j with a clear message and exit 1", async (args, message) => {
    const run = await start(args);
    expect(run.status).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.err).toMatch(/npm start -- --help/);
    expect(run.out).toBe("");
  });

  it("accepts --option=value and normalises the period", () => {
    expect(parseCommandLine(["--period=2026年3月", "--lang=zh", "--time-zone", "Asia/Shanghai"])).toEqual({
      kind: "run",
      options: {
        input: null,
        period: "2026-03",
        language: "zh",
        out: null,
        timeZone: "Asia/Shanghai",
        dateOrder: null,
        mapping: null,
      },
    });
  });

  it("refuses --out equal to the input, and leaves it alone", async () => {
    const copy = join(dir, "export.xlsx");
    await writeFile(copy, await readFile(DEMO));
    const before = await sha256(copy);
    const run = await start(["--input", "export.xlsx", "--out", "./export.xlsx"]);
    expect(run.status).toBe(1);
    expect(run.err).toMatch(/--out is the input/);
    expect(await sha256(copy)).toBe(before);
  });

  it.each([
    ["missing.xlsx", /missing\.xlsx: no such file or folder/],
    ["old.xls", /only \.xlsx workbooks are read/],
    ["fake.xlsx", /not an \.xlsx workbook/],
  ])("explains an input it cannot read (%s) and exits 1", async (name, message) => {
    if (name !== "missing.xlsx") await writeFile(join(dir, name), "Rep ID,Name\nR1,Ann\n");
    const run = await start(["--input", name, "--out", "never.xlsx"]);
    expect(run.status).toBe(1);
    expect(run.err).toMatch(message);
  });
});

describe("a folder of CSV files", () => {
  it("reads GB18030 with Chinese headers, runs in Chinese and writes the default plan in Chinese", async () => {
    const folder = join(dir, "导出");
    await mkdir(folder);
    const files: Record<string, string> = {
      "Reps.csv":
        "销售编号,姓名,团队,岗位,入职日期,目标奖金\r\n001,王芳,华东,rep,2024-01-08,1000\r\n002,李娜,华东,rep,2023-05-02,1200\r\n",
      "Sales.csv":
        '日期,销售编号,客户,金额,状态\r\n2026-03-05,001,启航酒店,"12,000",赢单\r\n2026-03-31 23:30,002,万象贸易,1.5万,赢单\r\n2026-03-06,003,未知客户,500,赢单\r\n',
      "Targets.csv": "销售编号,期间,指标,目标\r\n*,2026年3月,revenue,20000\r\n",
    };
    // GB18030 bytes: Node has no encoder, so the few Chinese characters are mapped by hand.
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), gb18030(text));
    // Dates are wall clock in any zone: the 23:30 deal on 31 March stays in March.
    const run = await start(["--input", "导出", "--out", "结果.xlsx", "--time-zone", "Pacific/Auckland"]);
    expect(run.err).toMatch(/^Sales!B4: 销售编号「003」不在销售人员表中/m);
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/^排行榜 2026-03/m);
    expect(run.out).toMatch(/没有考核方案表/);
    const result = await readXlsx(join(dir, "结果.xlsx"));
    expect(sheetOf(result, "Plan").values[0][0]).toBe("生效期间");
    const rows = records(sheetOf(result, "Results")).filter((r) => r.Period === "2026-03");
    // IDs keep their zeros; 1.5万 is 15000 and the 23:30 deal is in March.
    expect(rows.map((r) => [r["Rep ID"], r["revenue actual"]]).sort()).toEqual([
      ["001", 12000],
      ["002", 15000],
    ]);
  });

  it("recomputes an earlier result given as input: same Results, one more Run log row", async () => {
    const first = await readXlsx(join(dir, "结果.xlsx"));
    const run = await start(["--input", "结果.xlsx", "--out", "again.xlsx", "--time-zone", "Pacific/Auckland"]);
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/视为先前运行的输出，已重新计算：Results, Payouts, Reviews, Dashboard, Run log/);
    const again = await readXlsx(join(dir, "again.xlsx"));
    for (const name of ["Results", "Payouts", "Reviews", "Dashboard", "Plan"])
      expect(sheetOf(again, name).values).toEqual(sheetOf(first, name).values);
    expect(records(sheetOf(again, "Run log"))).toHaveLength(records(sheetOf(first, "Run log")).length + 1);
  });
});
