/**
 * Large inputs for measuring `npm start` on big exports: a workbook of Reps,
 * Sales (200,000 rows by default) and Targets, and one CSV file of a million
 * sales rows (read by `npm start` as the Sales sheet; its reps are the owners
 * in it). Seeded, so the same options give the same files.
 *
 *   npm run bench:inputs -- [--out-dir .cache/large] [--xlsx-rows 200000] [--csv-rows 1000000] [--seed 7]
 *
 * Then: `npm start -- --input .cache/large/large-200k.xlsx` or
 * `npm start -- --input .cache/large/sales-1m.csv`.
 *
 * The workbook is written with exceljs's streaming writer and the CSV line by
 * line, so generating never holds the whole input in memory.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { seededRandom } from "../../core/seeded-random";

export interface LargeInputOptions {
  /** Folder the files go to (created when missing). */
  outDir: string;
  /** Sales rows of the workbook (0: no workbook). */
  xlsxRows: number;
  /** Sales rows of the CSV file (0: no CSV file). */
  csvRows: number;
  seed: number;
}

export const LARGE_INPUT_DEFAULTS: LargeInputOptions = {
  outDir: ".cache/large",
  xlsxRows: 200_000,
  csvRows: 1_000_000,
  seed: 7,
};

const REPS = 500;
const TEAMS = ["North", "South", "East", "West", "Central"];
const TYPES = ["new", "renewal", "expansion"];
/** Twelve months, April 2025 to March 2026. */
const MONTHS: readonly { year: number; month: number }[] = Array.from({ length: 12 }, (_, k) => ({
  year: 2025 + Math.floor((3 + k) / 12),
  month: ((3 + k) % 12) + 1,
}));

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const repId = (n: number): string => `R${pad(n, 4)}`;
const periodKey = (m: { year: number; month: number }): string => `${m.year}-${pad(m.month)}`;

/** One generated deal; `wallMs` is its wall clock read as UTC. */
interface Deal {
  wallMs: number;
  rep: string;
  customer: string;
  amount: number;
  type: string;
  status: string;
  dealId: string;
}

/** The deals of a run, one at a time, from a seeded generator. */
function* deals(count: number, seed: number): Generator<Deal> {
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  for (let i = 0; i < count; i++) {
    const m = MONTHS[pick(MONTHS.length)];
    const day = 1 + pick(28);
    const wallMs = Date.UTC(m.year, m.month - 1, day, 8 + pick(10), pick(60));
    yield {
      wallMs,
      rep: repId(1 + pick(REPS)),
      customer: `Customer ${1 + pick(20_000)}`,
      amount: 100 * (5 + pick(200)),
      type: TYPES[pick(TYPES.length)],
      status: random() < 0.25 ? "lost" : "won",
      dealId: `D${pad(i + 1, 7)}`,
    };
  }
}

/**
 * Writes the workbook (Reps, Sales, Targets) with exceljs's streaming writer.
 *
 * @example
 * await writeLargeWorkbook(".cache/large/large-200k.xlsx", 200_000, 7);
 */
export async function writeLargeWorkbook(path: string, salesRows: number, seed: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const reps = book.addWorksheet("Reps");
  reps.addRow(["Rep ID", "Name", "Team", "Role", "Start date"]).commit();
  for (let r = 1; r <= REPS; r++) {
    const row = reps.addRow([repId(r), `Rep ${r}`, TEAMS[r % TEAMS.length], "rep", new Date(Date.UTC(2024, 0, 1))]);
    row.getCell(5).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  reps.commit();

  const sales = book.addWorksheet("Sales");
  sales.addRow(["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Deal ID"]).commit();
  for (const deal of deals(salesRows, seed)) {
    const row = sales.addRow([
      new Date(deal.wallMs),
      deal.rep,
      deal.customer,
      deal.amount,
      deal.type,
      deal.status,
      deal.dealId,
    ]);
    row.getCell(1).numFmt = "yyyy-mm-dd hh:mm";
    row.commit();
  }
  sales.commit();

  const targets = book.addWorksheet("Targets");
  targets.addRow(["Rep ID", "Period", "Metric", "Target"]).commit();
  for (const m of MONTHS) {
    targets.addRow(["*", periodKey(m), "win_rate", 0.7]).commit();
    targets.addRow(["*", periodKey(m), "deals_won", Math.max(1, Math.round(salesRows / REPS / 12 / 2))]).commit();
    for (let r = 1; r <= REPS; r++) {
      targets.addRow([repId(r), periodKey(m), "revenue", 5_000 * Math.ceil(salesRows / REPS / 12 / 2)]).commit();
    }
  }
  targets.commit();
  await book.commit();
}

/**
 * Writes a CRM-style CSV export of deals, a line at a time.
 *
 * @example
 * await writeLargeSalesCsv(".cache/large/sales-1m.csv", 1_000_000, 7);
 */
export async function writeLargeSalesCsv(path: string, salesRows: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> =>
    out.write(text) ? Promise.resolve() : new Promise((done) => out.once("drain", () => done()));
  await write("Date,Rep ID,Customer,Amount,Type,Status,Deal ID\n");
  let batch = "";
  let inBatch = 0;
  for (const d of deals(salesRows, seed)) {
    const t = new Date(d.wallMs);
    const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    batch += `${date},${d.rep},${d.customer},${d.amount},${d.type},${d.status},${d.dealId}\n`;
    if (++inBatch === 10_000) {
      await write(batch);
      batch = "";
      inBatch = 0;
    }
  }
  await write(batch);
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

/**
 * The command line (see the module comment); writes the files and names them.
 *
 * @example
 * await runGenerateLargeInput(["--out-dir", "/tmp/large", "--xlsx-rows", "1000", "--csv-rows", "0"]);
 */
export async function runGenerateLargeInput(argv: readonly string[]): Promise<string[]> {
  const options = { ...LARGE_INPUT_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === "--out-dir") options.outDir = value;
    else if (argv[i] === "--xlsx-rows") options.xlsxRows = Number(value);
    else if (argv[i] === "--csv-rows") options.csvRows = Number(value);
    else if (argv[i] === "--seed") options.seed = Number(value);
    else throw new Error(`unknown argument ${argv[i]} (see src/local/bench/generate-large-input.ts)`);
    i++;
  }
  for (const key of ["xlsxRows", "csvRows", "seed"] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`${key} needs a whole number >= 0`);
  }
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  if (options.xlsxRows > 0) {
    const path = join(options.outDir, `large-${rowsLabel(options.xlsxRows)}.xlsx`);
    await writeLargeWorkbook(path, options.xlsxRows, options.seed);
    written.push(path);
  }
  if (options.csvRows > 0) {
    const path = join(options.outDir, `sales-${rowsLabel(options.csvRows)}.csv`);
    await writeLargeSalesCsv(path, options.csvRows, options.seed);
    written.push(path);
  }
  return written;
}

/** 200000 → "200k", 1000000 → "1m", 1234 → "1234". */
function rowsLabel(rows: number): string {
  if (rows % 1_000_000 === 0) return `${rows / 1_000_000}m`;
  if (rows % 1_000 === 0) return `${rows / 1_000}k`;
  return String(rows);
}

// Both tests matter: bundled into another program, import.meta.url is that
// program's file, so the script's own name is checked too.
const invokedDirectly =
  typeof process !== "undefined" &&
  typeof process.argv[1] === "string" &&
  /(^|[\\/])generate-large-input\.(ts|mjs|js)$/.test(process.argv[1]) &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (invokedDirectly) {
  runGenerateLargeInput(process.argv.slice(2)).then(
    (paths) => console.log(paths.map((p) => `wrote ${p}`).join("\n")),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
