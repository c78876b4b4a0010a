/**
 * The command line of `npm start` (src/local/cli/start.ts): parsing and checking
 * the arguments, and the usage text.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { parsePeriod } from "../../core/periods";
import type { Language } from "../../core/plan-model";

/** What the command line asks for. */
interface StartOptions {
  /** An .xlsx file, a folder of CSV files or one CSV file (the Sales sheet); null = the demo workbook. */
  input: string | null;
  /** Compute through this period and show its leaderboard; null = the latest month in Sales. */
  period: string | null;
  /** null = from the input's headers (Chinese headers: zh), else en. */
  language: Language | null;
  /** The result workbook's path; null = {@link DEFAULT_OUT}. */
  out: string | null;
  /** The spreadsheet's time zone, in which dates are read as wall clock. */
  timeZone: string;
  /** How numeric day-month text dates such as `3/1/2026` are read; null = the mapping file's, else only unambiguous ones. */
  dateOrder: DateOrderOption | null;
  /** A JSON file of column mapping, date order and stage words; null = none. */
  mapping: string | null;
  /** A Parquet or CSV file of deals read in the Sales sheet's place, as a BigQuery table would be; absent = none. */
  sales?: string;
}

type DateOrderOption = "dmy" | "mdy";

export type ParsedCommandLine =
  | { kind: "run"; options: StartOptions }
  | { kind: "help" }
  | { kind: "error"; message: string };

/** Where the result workbook goes without `--out` (out/ is git-ignored). */
export const DEFAULT_OUT = "out/sales-scorecard-result.xlsx";

/** The spreadsheet time zone without `--time-zone`. */
const DEFAULT_TIME_ZONE = "UTC";

export const USAGE = `Usage: npm start -- [options]
       node build/run-tool.mjs start [options]   (after npm run build)

Runs the Sales Scorecard add-on's recalculation (the built dist/Code.js, in an
offline Apps Script simulator) on a workbook, writes the result workbook (the
inputs plus Results, Payouts, Reviews, Dashboard and Run log), and prints the
leaderboard of the latest period and the top rep's review. Without --input it
runs on the demo workbook shipped in the repo. Nothing goes over the network.

Options:
  --input PATH       an .xlsx workbook; a folder of CSV files named after the
                     sheets (Reps.csv, Sales.csv, Targets.csv, Scores.csv,
                     Adjustments.csv, Plan.csv); or one CSV file, a CRM export
                     of deals, read as the Sales sheet: the reps are its
                     owners and, with no Targets, results show actuals and
                     ranks (.csv, .tsv, or .txt as Excel saves Unicode text).
                     CSV: UTF-8, UTF-16 or GB18030, separated by commas,
                     semicolons or tabs. Only read, never written.
                     Default: src/local/demo/demo-workbook.xlsx
  --period P         compute through period P (2026-03, 2026-Q1, 2026) and show
                     its leaderboard. Default: through the latest month in Sales
  --lang en|zh       language of the reviews (over the Plan's language setting),
                     the problems and this output.
                     Default: zh when the input's headers are Chinese, else en
  --out FILE.xlsx    where to write the result workbook (not the input).
                     Default: ${DEFAULT_OUT}
  --time-zone ZONE   the spreadsheet's time zone (IANA name, e.g. Asia/Shanghai);
                     dates in the input are read as wall clock in it. Default: UTC
  --date-order dmy|mdy
                     how dates written as text like 3/1/2026 are read: dmy is
                     3 January, mdy 1 March. Default: the mapping file's, else
                     such a date is a problem (unless the day is over 12)
  --mapping FILE.json
                     the add-on's column mapping, date order and stage words,
                     as the sidebar saves them in Sheets:
                       { "columns": { "sales": { "date": "Fecha", "rep": "Vendedor",
                                                 "amount": "Importe" } },
                         "dateOrder": "dmy",
                         "stageWords": { "Firmado": "won", "Perdido": "lost" } }
                     columns: per sheet (reps, sales, targets, scores,
                     adjustments), our field to the header the input has;
                     stageWords: a Status word to won, lost or open.
                     Example: docs/examples/mapping.json
  --sales FILE       a .parquet or .csv file of deals to use instead of the
                     workbook's Sales sheet: the add-on's BigQuery Sales source
                     runs its generated SQL on DuckDB over the file (rows never
                     pass through JavaScript). Reps, Targets and the Plan come
                     from the workbook. Columns are matched like the Sales
                     sheet's (and --mapping's sales columns)
  -h, --help         print this help

Exit status:
  0  the result workbook is written; the input had no problems (warnings at most)
  1  no usable result: bad arguments, an unreadable input, a failed
     recalculation (its Run log row is still written) or a failed write
  2  the result workbook is written, but the input has problems (each listed as
     Sheet!A1: message); the rows concerned are left out. Also: the --mapping
     file is not valid (each mistake listed with its key; nothing is computed)
`;

const VALUE_OPTIONS = [
  "--input",
  "--period",
  "--lang",
  "--out",
  "--time-zone",
  "--date-order",
  "--mapping",
  "--sales",
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** True when Intl knows the IANA time zone name. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses the arguments after `npm start --`. Options take their value as the
 * next argument or after `=` (`--period=2026-03`); each may be given once.
 *
 * @example
 * parseCommandLine(["--input", "export.csv", "--lang", "zh", "--date-order", "dmy"]);
 * // { kind: "run", options: { input: "export.csv", period: null, language: "zh", out: null, timeZone: "UTC",
 * //   dateOrder: "dmy", mapping: null } }
 * parseCommandLine(["--lang", "fr"]).kind; // "error"
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const given = new Map<ValueOption, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      if (arg.startsWith("-")) return error(`unknown option ${name}`);
      return error(`unexpected argument "${arg}" (to run on a file, use --input ${arg})`);
    }
    const option = name as ValueOption;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) return error(`${option} needs a value`);
      i++;
    }
    if (value.trim() === "") return error(`${option} needs a value`);
    if (given.has(option)) return error(`${option} is given twice`);
    given.set(option, value);
  }

  const language = given.get("--lang");
  if (language !== undefined && language !== "en" && language !== "zh")
    return error(`--lang must be en or zh, not "${language}"`);
  const period = given.get("--period");
  const parsedPeriod = period === undefined ? null : parsePeriod(period.trim());
  if (period !== undefined && parsedPeriod === null)
    return error(`--period "${period}" is not a period such as 2026-03, 2026-Q1 or 2026`);
  const timeZone = given.get("--time-zone") ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone))
    return error(`--time-zone "${timeZone}" is not a time zone name such as UTC or Asia/Shanghai`);
  const out = given.get("--out") ?? null;
  if (out !== null && !/\.xlsx$/i.test(out)) return error(`--out "${out}" must be a file name ending in .xlsx`);
  const sales = given.get("--sales");
  if (sales !== undefined && !/\.(parquet|csv)$/i.test(sales))
    return error(`--sales "${sales}" must be a file name ending in .parquet or .csv`);
  const dateOrder = given.get("--date-order");
  if (dateOrder !== undefined && dateOrder !== "dmy" && dateOrder !== "mdy") {
    return error(`--date-order must be dmy (3/1/2026 is 3 January) or mdy (1 March), not "${dateOrder}"`);
  }

  return {
    kind: "run",
    options: {
      input: given.get("--input") ?? null,
      period: parsedPeriod,
      language: (language as Language | undefined) ?? null,
      out,
      timeZone,
      dateOrder: dateOrder ?? null,
      mapping: given.get("--mapping") ?? null,
      ...(sales === undefined ? {} : { sales }),
    },
  };
}

function error(message: string): ParsedCommandLine {
  return { kind: "error", message };
}
