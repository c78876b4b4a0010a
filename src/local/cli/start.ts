/**
 * `npm start`: runs the built add-on's recalculation offline on the demo
 * workbook or a manager's own export, writes the result workbook, and prints
 * the latest period's leaderboard and the top rep's review.
 *
 *   npm start -- [--input FILE.xlsx|DIR|FILE.csv] [--period P] [--lang en|zh] [--out F.xlsx]
 *                [--time-zone Z] [--date-order dmy|mdy] [--mapping FILE.json] [--sales FILE.parquet|FILE.csv]
 *
 * See {@link USAGE} for the options and the exit status. Steps: check the
 * mapping file, read the input (never written), add the default plan when it
 * has no Plan sheet, run `SalesScorecard.local.recalculate` from dist/Code.js
 * in the Apps Script simulator (which stores the mapping and date order as
 * the spreadsheet's settings first), write every sheet to the result
 * workbook, print.
 * Progress goes to stderr for any step that takes more than a second; the
 * input's problems go to stderr, one per line (`Sheet!A1: message`); the
 * rest to stdout.
 *
 * Node-only tooling (src/local); never part of the pushed bundle. Run by
 * build/run-tool.mjs, which bundles this file into .cache/tools/cli/start.mjs.
 */
import { mkdir, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { errorMessage } from "../../core/error-text";
import { DEFAULT_SHEET_NAMES } from "../../tables/sheet-roles";
import { DEFAULT_OUT, USAGE, parseCommandLine } from "./cli-options";
import { withDefaultPlan } from "../workbook/default-plan-sheet";
import { displayWidth } from "./display-width";
import { DEMO_WORKBOOK_PATH } from "../demo/generate-demo";
import { inputLanguage, localeOf } from "./input-language";
import { planLanguageOf, reviewLanguageChoice, reviewLanguageNote } from "./review-language-note";
import { InputError, readInputWorkbook, type InputKind } from "../workbook/input-workbook";
import { formatLeaderboard, leaderboardRows, type LeaderboardRow } from "./leaderboard-table";
import { runLocalRecalculation, type LocalRecalculation } from "./local-recalculation";
import { MappingFileError, readMappingFile, type RunSettings } from "../workbook/mapping-file";
import { consoleProblemLines } from "./problem-lines";
import { countProblems } from "./problem-severity";
import { createProgress, PROGRESS_WORDS } from "./progress";
import { START_MESSAGES } from "./start-messages";
import type { CellData, WorkbookData } from "../workbook/workbook-data";
import type { SimulatorWorkbook } from "../workbook/workbook-simulator";
import { writeXlsx } from "../workbook/xlsx-workbook";

/** Exit statuses (also in the usage text). */
export const EXIT = {
  /** Written; the input had no problems (warnings at most). */
  ok: 0,
  /** No usable result: bad arguments, unreadable input, failed recalculation or write. */
  failure: 1,
  /** Written, but the input has problems; their rows are left out. Also: an invalid --mapping file (nothing written). */
  inputProblems: 2,
} as const;

/** Where the output goes; tests may capture it. */
export interface StartIo {
  out(text: string): void;
  err(text: string): void;
  /** File descriptor for progress lines (default 2). */
  progressFd?: number;
  /** Progress lines after this long (default 1000 ms). */
  progressAfterMs?: number;
  /** Folder relative --input and --out paths start from (default: npm's INIT_CWD, else the current folder). */
  baseDir?: string;
}

/** The repository's root: this file is three folders down (src/local/cli/start.ts, or .cache/tools/cli/start.mjs once bundled). */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const processIo: StartIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A path as a person reads it: relative to `base` when inside it. */
function shown(path: string, base: string): string {
  const rel = relative(base, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

function textOf(cell: CellData | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return "wallClock" in cell ? cell.wallClock : cell.formula;
  return String(cell);
}

/** The generated review of one rep and period from the Reviews sheet, or null. */
function reviewOf(result: SimulatorWorkbook, period: string, repId: string): string | null {
  const sheet = result.sheet(DEFAULT_SHEET_NAMES.reviews);
  if (!sheet || sheet.values.length === 0) return null;
  const header = sheet.values[0].map(textOf);
  const [p, r, g] = ["Period", "Rep ID", "Generated review"].map((h) => header.indexOf(h));
  if (p < 0 || r < 0 || g < 0) return null;
  const row = sheet.values.find((v) => textOf(v[p]) === period && textOf(v[r]) === repId);
  const text = row ? textOf(row[g]).trim() : "";
  return text === "" ? null : text;
}

/**
 * Runs the command; resolves to the exit status.
 *
 * @example
 * const status = await main(["--input", "export.xlsx", "--out", "/tmp/result.xlsx"]);
 */
export async function main(argv: readonly string[], io: StartIo = processIo): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === "help") {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (parsed.kind === "error") {
    io.err(`npm start: ${parsed.message}\nFor the options: npm start -- --help\n`);
    return EXIT.failure;
  }
  const options = parsed.options;
  const baseDir = io.baseDir ?? process.env.INIT_CWD ?? process.cwd();
  const inputPath = options.input === null ? join(ROOT, DEMO_WORKBOOK_PATH) : resolve(baseDir, options.input);
  const outPath = options.out === null ? join(ROOT, DEFAULT_OUT) : resolve(baseDir, options.out);
  if (await sameFile(inputPath, outPath)) {
    io.err(`npm start: --out is the input (${options.out}); the input is never written. Choose another file.\n`);
    return EXIT.failure;
  }

  const salesPath = options.sales === undefined ? undefined : resolve(baseDir, options.sales);
  if (salesPath !== undefined && !(await isFile(salesPath))) {
    io.err(`npm start: --sales ${options.sales}: no such file (${salesPath})\n`);
    return EXIT.failure;
  }

  let settings: RunSettings = {};
  if (options.mapping !== null) {
    try {
      settings = await readMappingFile(resolve(baseDir, options.mapping));
    } catch (error) {
      if (!(error instanceof MappingFileError)) throw error;
      io.err(error.lines.map((line) => `npm start: --mapping ${line}\n`).join(""));
      return EXIT.inputProblems;
    }
  }
  if (options.dateOrder !== null) settings = { ...settings, dateOrder: options.dateOrder };

  let words = START_MESSAGES[options.language ?? "en"];
  const progress = createProgress({
    fd: io.progressFd,
    afterMs: io.progressAfterMs,
    words: PROGRESS_WORDS[options.language ?? "en"],
  });
  try {
    // ---- read
    let input: WorkbookData | null;
    let kind: InputKind;
    try {
      ({ workbook: input, kind } = await progress.step(words.reading(shown(inputPath, baseDir)), () =>
        readInputWorkbook(inputPath),
      ));
    } catch (error) {
      io.err(
        `npm start: ${error instanceof InputError ? error.message : `cannot read ${inputPath}: ${errorMessage(error)}`}\n`,
      );
      return EXIT.failure;
    }
    // The input's headers stand for the spreadsheet's locale (and so its
    // currency); --lang changes only the language of what is written.
    const headerLanguage = inputLanguage(input);
    const language = options.language ?? headerLanguage;
    words = START_MESSAGES[language];
    progress.setWords(PROGRESS_WORDS[language]);
    // The run is handed the workbook and nothing here keeps it, so the input's
    // grids can go once they are in the simulator (a big export's are hundreds of MB).
    const withPlan = withDefaultPlan(input, language);
    const planAdded = withPlan.added;
    let handedOver: WorkbookData | null = withPlan.workbook;
    withPlan.workbook = { sheets: [] };
    const planLanguage = planLanguageOf(handedOver);
    input = null;
    const handOver = (): WorkbookData => {
      const workbook = handedOver as WorkbookData;
      handedOver = null;
      return workbook;
    };

    // ---- compute
    let run: LocalRecalculation;
    try {
      run = await progress.step(words.computing, () =>
        runLocalRecalculation(handOver, {
          distDir: join(ROOT, "dist"),
          timeZone: options.timeZone,
          locale: localeOf(headerLanguage),
          language: options.language,
          period: options.period,
          settings,
          ...(salesPath === undefined ? {} : { salesFile: salesPath }),
        }),
      );
    } catch (error) {
      io.err(`npm start: ${errorMessage(error)}\n`);
      return EXIT.failure;
    }
    const { summary, result } = run;
    words = START_MESSAGES[summary.language === "zh" ? "zh" : "en"];
    progress.setWords(PROGRESS_WORDS[summary.language === "zh" ? "zh" : "en"]);

    // ---- write
    try {
      await mkdir(dirname(outPath), { recursive: true });
      await progress.step(words.writing(shown(outPath, baseDir)), () => writeXlsx(result, outPath));
    } catch (error) {
      io.err(`npm start: cannot write ${outPath}: ${errorMessage(error)}\n`);
      return EXIT.failure;
    }

    // ---- report
    const reviewLanguage = reviewLanguageChoice(options.language, planLanguage, headerLanguage);
    const notes = [
      ...inputNotes(kind, shown(inputPath, baseDir), words),
      reviewLanguageNote(reviewLanguage, summary.language === "zh" ? "zh" : "en"),
    ];
    report(io, run, { notes, planAdded, period: options.period, outPath: shown(outPath, baseDir), words });
    if (summary.outcome === "failed") return EXIT.failure;
    return countProblems(summary).errors > 0 ? EXIT.inputProblems : EXIT.ok;
  } finally {
    await progress.close();
  }
}

/** What the run made of the input's shape: a CSV file read as Sales (the run itself reports a missing Reps sheet and missing targets). */
function inputNotes(kind: InputKind, inputPath: string, words: (typeof START_MESSAGES)["en"]): string[] {
  const notes: string[] = [];
  if (kind === "csv-file") notes.push(words.salesFromCsv(inputPath));
  return notes;
}

function report(
  io: StartIo,
  run: LocalRecalculation,
  context: {
    notes: string[];
    planAdded: boolean;
    period: string | null;
    outPath: string;
    words: (typeof START_MESSAGES)["en"];
  },
): void {
  const { summary, result, earlierOutputs } = run;
  const words = context.words;
  const language = summary.language === "zh" ? "zh" : "en";
  const lines: string[] = [...context.notes];
  if (context.planAdded) lines.push(words.defaultPlan);
  if (earlierOutputs.length > 0) lines.push(words.earlierOutputs(earlierOutputs.join(", ")));
  if (summary.outcome === "failed") {
    io.out(lines.map((l) => l + "\n").join(""));
    io.err(words.failed(summary.error ?? "error") + "\n");
    io.out(words.result(context.outPath) + "\n");
    return;
  }
  const periods = summary.periods;
  if (periods.length > 0) {
    const final = periods.filter((p) => summary.madeFinal.includes(p)).length;
    lines.push(words.computed(periods.length, periods[0], periods[periods.length - 1], final, periods.length - final));
  } else lines.push(words.nothingComputed);

  const period = context.period ?? summary.dashboardPeriod;
  const resultsSheet = result.sheet(DEFAULT_SHEET_NAMES.results);
  let rows: LeaderboardRow[] = [];
  if (period !== null && resultsSheet && resultsSheet.values.length > 0) rows = leaderboardRows(resultsSheet, period);
  if (period !== null) {
    lines.push("");
    if (rows.length === 0) lines.push(words.noRows(period));
    else {
      lines.push(words.leaderboard(period, !summary.madeFinal.includes(period)));
      lines.push(...formatLeaderboard(rows, language));
      const top = rows.find((row) => row.rank !== null);
      const review = top ? reviewOf(result, period, top.repId) : null;
      if (top && review !== null) {
        const title = words.review(top.name || top.repId, top.repId, period);
        lines.push("", title, "=".repeat(Math.min(72, Math.max(8, displayWidth(title)))), review);
      }
    }
  }
  if (summary.details.length > 0) lines.push("", words.details, ...summary.details.map((d) => "  " + d));
  io.out(lines.map((l) => l + "\n").join(""));

  const problemLines = consoleProblemLines(summary, words, context.outPath);
  if (problemLines.length > 0) io.err(["", ...problemLines].map((l) => l + "\n").join(""));
  io.out("\n" + words.result(context.outPath) + "\n");
}

// Both tests matter: bundled into another tool, import.meta.url is that
// tool's file, so the program's own name is checked too.
const invokedDirectly =
  typeof process.argv[1] === "string" &&
  /(^|[\\/])start\.(ts|mjs|js)$/.test(process.argv[1]) &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`npm start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}
