/**
 * The `--mapping` file of `npm start`: the add-on's column mapping, date
 * order, stage words and their probabilities as JSON, the settings a manager saves in
 * Sheets, so a run on an export reads it as the spreadsheet would.
 *
 *   { "columns": { "sales": { "date": "Fecha", "rep": "Vendedor", "amount": "Importe" } },
 *     "dateOrder": "dmy",
 *     "stageWords": { "Firmado": "won", "Perdido": "lost" },
 *     "stageProbabilities": { "Propuesta": 0.5 } }
 *
 * Checked strictly here, at the edge, so a typo is a one-line message naming
 * its key instead of a mapping silently ignored: unknown keys, fields that
 * the sheet does not have, blank headers, one header for two fields of a
 * sheet and stage words that are not won, lost or open are all refused.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import * as z from "zod/mini";
import { INPUT_SHEETS, INPUT_SHEET_ORDER, type InputSheetKey } from "../../tables/input-columns";
import { decodeCsvBytes } from "./csv-workbook";

/** The settings a mapping file (and `--date-order`) gives a run. */
export interface RunSettings {
  columns?: Partial<Record<InputSheetKey, Record<string, string>>>;
  dateOrder?: "auto" | "dmy" | "mdy";
  stageWords?: Record<string, "won" | "lost" | "open">;
  /** The forecast's probability (0-1) of an open deal by its stage word. */
  stageProbabilities?: Record<string, number>;
}

/** A mapping file that cannot be used: one line per mistake, each naming the file and the key. */
export class MappingFileError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "MappingFileError";
  }
}

const TOP_KEYS = ["columns", "dateOrder", "stageWords", "stageProbabilities"] as const;
const DATE_ORDERS = ["dmy", "mdy", "auto"] as const;
const STAGES = ["won", "lost", "open"] as const;

const headerText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

function fieldsOf(sheet: InputSheetKey): string[] {
  return INPUT_SHEETS[sheet].columns.map((column) => column.field);
}

const sheetColumns = (sheet: InputSheetKey) =>
  z
    .strictObject(
      Object.fromEntries(fieldsOf(sheet).map((field) => [field, z.optional(headerText)])) as Record<
        string,
        z.ZodMiniOptional<typeof headerText>
      >,
    )
    .check(
      z.superRefine((mapping, context) => {
        const seen = new Map<string, string>();
        for (const [field, header] of Object.entries(mapping)) {
          if (header === undefined) continue;
          const key = header.toLowerCase();
          const other = seen.get(key);
          if (other !== undefined)
            context.issues.push({
              code: "custom",
              input: header,
              path: [field],
              message: `the header "${header}" is already mapped to ${other}; one column can stand for one field`,
            });
          else seen.set(key, field);
        }
      }),
    );

const MappingFileSchema = z.strictObject({
  columns: z.optional(
    z.strictObject(Object.fromEntries(INPUT_SHEET_ORDER.map((sheet) => [sheet, z.optional(sheetColumns(sheet))]))),
  ),
  dateOrder: z.optional(z.enum(DATE_ORDERS)),
  stageWords: z.optional(z.record(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), z.enum(STAGES))),
  stageProbabilities: z.optional(
    z.record(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), z.number().check(z.gte(0), z.lte(1))),
  ),
});

/** A key path as a person writes it: `columns.sales.date`, `stageWords["Closed Won"]`. */
function keyPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    const name = String(part);
    if (/^[A-Za-z_$][\w$]*$/.test(name)) text += (text === "" ? "" : ".") + name;
    else text += `[${JSON.stringify(name)}]`;
  }
  return text === "" ? "the file" : text;
}

/** The keys allowed at a path, for an unknown key's message. */
function allowedKeys(path: readonly PropertyKey[]): string {
  if (path.length === 0) return TOP_KEYS.join(", ");
  if (path.length === 1) return INPUT_SHEET_ORDER.join(", ");
  return fieldsOf(String(path[1]) as InputSheetKey).join(", ");
}

function issueLine(issue: z.core.$ZodIssue): string {
  const path = issue.path;
  const at = keyPath(path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys
        .map(
          (key) =>
            `${keyPath([...path, key])}: unknown key; ${path.length === 2 ? `the ${String(path[1])} fields are` : "expected one of"} ${allowedKeys(path)}`,
        )
        .join("\n");
    case "invalid_type":
      return `${at}: must be ${issue.expected === "object" || issue.expected === "record" ? "an object { ... }" : `a ${issue.expected}`}`;
    case "invalid_value":
      return `${at}: must be ${issue.values.map(String).join(", ")}${typeof issue.input === "string" ? `, not "${issue.input}"` : ""}`;
    case "invalid_key":
      return `${at}: a stage word must be a text of 1 to 200 characters`;
    case "too_small":
      return `${at}: must not be blank`;
    case "too_big":
      return `${at}: must be at most 200 characters`;
    default:
      return `${at}: ${issue.message}`;
  }
}

/**
 * Checks a mapping file's text; the settings, or one line per mistake.
 *
 * @example
 * parseMappingText('{ "columns": { "sales": { "date": "Fecha" } }, "dateOrder": "dmy" }');
 * // { ok: true, settings: { columns: { sales: { date: "Fecha" } }, dateOrder: "dmy" } }
 * parseMappingText('{ "columns": { "sales": { "fecha": "Fecha" } } }');
 * // { ok: false, errors: ["columns.sales.fecha: unknown key; the sales fields are date, rep, customer, ..."] }
 *
 * @internal Exported only for test/local/start-export.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export function parseMappingText(text: string): { ok: true; settings: RunSettings } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const parsed = MappingFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.flatMap((issue) => issueLine(issue).split("\n")) };
  const settings: RunSettings = {};
  const columns = parsed.data.columns;
  if (columns !== undefined) {
    settings.columns = {};
    for (const sheet of INPUT_SHEET_ORDER) {
      const mapping = columns[sheet];
      if (mapping === undefined) continue;
      settings.columns[sheet] = Object.fromEntries(
        Object.entries(mapping).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
    }
  }
  if (parsed.data.dateOrder !== undefined) settings.dateOrder = parsed.data.dateOrder;
  if (parsed.data.stageWords !== undefined) settings.stageWords = parsed.data.stageWords;
  if (parsed.data.stageProbabilities !== undefined) settings.stageProbabilities = parsed.data.stageProbabilities;
  return { ok: true, settings };
}

/**
 * Reads and checks a mapping file (UTF-8 or GB18030, like the CSV files);
 * throws a {@link MappingFileError} whose lines each start with the file's name.
 *
 * @example
 * const settings = await readMappingFile("docs/examples/mapping.json");
 * settings.dateOrder; // "dmy"
 */
export async function readMappingFile(path: string): Promise<RunSettings> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new MappingFileError([
      `${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : "cannot be read"}`,
    ]);
  }
  const result = parseMappingText(decodeCsvBytes(bytes).text);
  if (!result.ok) throw new MappingFileError(result.errors.map((line) => `${name}: ${line}`));
  return result.settings;
}
