/**
 * BigQuery standard SQL to DuckDB, as far as the add-on's generated queries
 * need it (the stand-in executes them in DuckDB): backtick-quoted table
 * paths and names, "..." string literals, named @parameters (bound as text
 * and cast to their declared type), and the type and function names the two
 * spell differently. Anything else passes through unchanged, so a query
 * using more of BigQuery fails loudly in DuckDB rather than quietly
 * meaning something else.
 */
import type { BridgeParameter } from "./bigquery-duckdb";

/** A query parameter as BigQuery's REST API takes it. */
export interface QueryParameter {
  name?: string;
  parameterType?: { type?: string; arrayType?: { type?: string } };
  parameterValue?: { value?: unknown; arrayValues?: { value?: unknown }[] };
}

/** A translated query: DuckDB SQL, its parameters bound as text, the tables it names and the words it uses. */
export interface TranslatedQuery {
  sql: string;
  params: Record<string, BridgeParameter>;
  /** Table paths named in backticks ("project.dataset.table"), whether registered or not. */
  tables: string[];
  /** Every bare or quoted identifier, lower-cased (to count the columns a query reads). */
  identifiers: Set<string>;
}

/** A query BigQuery would refuse before running it: the message and BigQuery's reason. */
export class QueryRejection extends Error {
  constructor(
    message: string,
    readonly reason: "invalidQuery" | "invalid" = "invalidQuery",
  ) {
    super(message);
  }
}

const TYPE_NAMES: Record<string, string> = {
  INT64: "BIGINT",
  FLOAT64: "DOUBLE",
  STRING: "VARCHAR",
  BOOL: "BOOLEAN",
  NUMERIC: "DECIMAL(38,9)",
  BIGNUMERIC: "DECIMAL(38,9)",
  DATE: "DATE",
  TIMESTAMP: "TIMESTAMPTZ",
  DATETIME: "TIMESTAMP",
};

/** Words spelled differently in DuckDB (types inside CAST, and functions). */
const WORDS: Record<string, string> = {
  INT64: "BIGINT",
  FLOAT64: "DOUBLE",
  NUMERIC: "DECIMAL(38,9)",
  BIGNUMERIC: "DECIMAL(38,9)",
  SAFE_CAST: "TRY_CAST",
  COUNTIF: "COUNT_IF",
  LOGICAL_OR: "BOOL_OR",
  LOGICAL_AND: "BOOL_AND",
};

/**
 * Translates one BigQuery query for DuckDB. `registered` holds the table
 * paths DuckDB has (stored under their full dotted path as one name).
 *
 * @example
 * translateQuery("SELECT SUM(amount) FROM `p.d.sales` WHERE rep = @rep", [
 *   { name: "rep", parameterType: { type: "STRING" }, parameterValue: { value: "r1" } },
 * ]);
 * // { sql: 'SELECT SUM(amount) FROM "p.d.sales" WHERE rep = CAST($rep AS VARCHAR)', params: { rep: "r1" }, ... }
 */
export function translateQuery(query: string, parameters: readonly QueryParameter[] = []): TranslatedQuery {
  const state: TranslationState = {
    declared: declaredParameters(parameters),
    tables: [],
    identifiers: new Set(),
    used: new Set(),
  };
  const sql = translateFragment(query, state);
  const params: Record<string, BridgeParameter> = {};
  for (const name of state.used) params[name] = state.declared.get(name.toLowerCase())!.value;
  return { sql, params, tables: state.tables, identifiers: state.identifiers };
}

/** What translating a query gathers as it goes (a function's arguments are translated with the same state). */
interface TranslationState {
  declared: Map<string, DeclaredParameter>;
  tables: string[];
  identifiers: Set<string>;
  used: Set<string>;
}

/**
 * BigQuery functions DuckDB spells otherwise, by their translated arguments: DATE of a DATETIME, DATE of a
 * TIMESTAMP in a zone (ICU's timezone() gives the wall clock there), and UNIX_DATE (days since 1970-01-01).
 */
const FUNCTIONS: Record<string, (args: string[]) => string | null> = {
  DATE: (args) =>
    args.length === 1
      ? `CAST(${args[0]} AS DATE)`
      : args.length === 2
        ? `CAST(timezone(${args[1]}, ${args[0]}) AS DATE)`
        : null,
  UNIX_DATE: (args) => (args.length === 1 ? `(${args[0]} - DATE '1970-01-01')` : null),
};

function translateFragment(query: string, state: TranslationState): string {
  const { declared, tables, identifiers, used } = state;
  const out: string[] = [];
  // BigQuery's `x IN UNNEST(@list)` is DuckDB's `x IN (SELECT UNNEST(...))`: the depths whose ")" closes one.
  const extraClose: number[] = [];
  let depth = 0;
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (c === "-" && query[i + 1] === "-") {
      const end = query.indexOf("\n", i);
      i = end === -1 ? query.length : end;
    } else if (c === "#") {
      const end = query.indexOf("\n", i);
      i = end === -1 ? query.length : end;
    } else if (c === "/" && query[i + 1] === "*") {
      const end = query.indexOf("*/", i + 2);
      if (end === -1) throw new QueryRejection(`Syntax error: Unclosed comment at ${position(query, i)}`);
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const end = closingQuote(query, i, c);
      out.push(singleQuoted(unescapeString(query.slice(i + 1, end))));
      i = end + 1;
    } else if (c === "`") {
      const { path, end } = backtickPath(query, i);
      for (const part of path) identifiers.add(part.toLowerCase());
      if (path.length >= 3 || (path.length === 1 && path[0].split(".").length >= 3)) {
        const table = path.join(".");
        tables.push(table);
        out.push(doubleQuoted(table));
      } else out.push(path.map(doubleQuoted).join("."));
      i = end;
    } else if (c === "@" && /[A-Za-z_]/.test(query[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(query.slice(i + 1))![0];
      const parameter = declared.get(name.toLowerCase());
      if (!parameter) throw new QueryRejection(`Query parameter '${name}' not found at ${position(query, i)}`);
      used.add(parameter.name);
      out.push(`CAST($${parameter.name} AS ${parameter.duckType})`);
      i += 1 + name.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(query.slice(i))![0];
      const inUnnest = /^IN\s+UNNEST\s*\(/i.exec(query.slice(i));
      if (word.toUpperCase() === "IN" && inUnnest) {
        out.push("IN (SELECT UNNEST(");
        extraClose.push(depth);
        depth++;
        i += inUnnest[0].length;
        continue;
      }
      const call = functionCall(query, i + word.length);
      const rewrite = call ? FUNCTIONS[word.toUpperCase()] : undefined;
      const rewritten = call && rewrite ? rewrite(call.args.map((arg) => translateFragment(arg, state))) : null;
      if (call && rewritten !== null) {
        out.push(rewritten);
        i = call.end;
        continue;
      }
      identifiers.add(word.toLowerCase());
      out.push(WORDS[word.toUpperCase()] ?? word);
      i += word.length;
    } else {
      out.push(c);
      if (c === "(") depth++;
      if (c === ")") {
        depth--;
        if (extraClose[extraClose.length - 1] === depth) {
          extraClose.pop();
          out.push(")");
        }
      }
      i++;
    }
  }
  return out.join("");
}

/** The arguments of a call whose "(" follows `from` (spaces allowed), split at top-level commas; null if none. */
function functionCall(query: string, from: number): { args: string[]; end: number } | null {
  let i = from;
  while (query[i] === " " || query[i] === "\t" || query[i] === "\n") i++;
  if (query[i] !== "(") return null;
  const args: string[] = [];
  let depth = 0;
  let start = i + 1;
  for (i = i + 1; i < query.length; i++) {
    const c = query[i];
    if (c === "'" || c === '"') i = closingQuote(query, i, c);
    else if (c === "`") i = query.indexOf("`", i + 1);
    else if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (c === ")" || (c === "," && depth === 0)) {
      args.push(query.slice(start, i).trim());
      start = i + 1;
      if (c === ")") return { args: args.filter((arg, n) => arg !== "" || n > 0), end: i + 1 };
    }
  }
  throw new QueryRejection(`Syntax error: Unclosed parenthesis at ${position(query, from)}`);
}

interface DeclaredParameter {
  name: string;
  duckType: string;
  value: BridgeParameter;
}

function declaredParameters(parameters: readonly QueryParameter[]): Map<string, DeclaredParameter> {
  const declared = new Map<string, DeclaredParameter>();
  for (const parameter of parameters) {
    const name = parameter.name;
    if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new QueryRejection(`Invalid query parameter name: ${String(name)}`, "invalid");
    const type = String(parameter.parameterType?.type ?? "").toUpperCase();
    if (type === "ARRAY") {
      const itemType = duckTypeOfParameter(String(parameter.parameterType?.arrayType?.type ?? ""), name);
      const items = (parameter.parameterValue?.arrayValues ?? []).map((item) => textOf(item.value));
      declared.set(name.toLowerCase(), { name, duckType: `${itemType}[]`, value: items });
    } else {
      const value = textOf(parameter.parameterValue?.value);
      declared.set(name.toLowerCase(), { name, duckType: duckTypeOfParameter(type, name), value });
    }
  }
  return declared;
}

function duckTypeOfParameter(type: string, name: string): string {
  const duck = TYPE_NAMES[type.toUpperCase()];
  if (!duck) throw new QueryRejection(`Invalid query parameter type for ${name}: ${type || "(none)"}`, "invalid");
  return duck;
}

function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function closingQuote(query: string, start: number, quote: string): number {
  for (let i = start + 1; i < query.length; i++) {
    if (query[i] === "\\") i++;
    else if (query[i] === quote) return i;
  }
  throw new QueryRejection(`Syntax error: Unclosed string literal at ${position(query, start)}`);
}

function unescapeString(body: string): string {
  return body.replace(/\\(.)/g, (_, ch: string) => ({ n: "\n", t: "\t", r: "\r" })[ch] ?? ch);
}

/** A run of backtick-quoted parts joined by dots: `p.d.t`, `p`.`d`.`t` or `p.d`.t. */
function backtickPath(query: string, start: number): { path: string[]; end: number } {
  const path: string[] = [];
  let i = start;
  for (;;) {
    if (query[i] === "`") {
      const close = query.indexOf("`", i + 1);
      if (close === -1) throw new QueryRejection(`Syntax error: Unclosed identifier at ${position(query, i)}`);
      path.push(...query.slice(i + 1, close).split("."));
      i = close + 1;
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(query.slice(i));
      if (!word) break;
      path.push(word[0]);
      i += word[0].length;
    }
    if (query[i] !== "." || !/[`A-Za-z_]/.test(query[i + 1] ?? "")) break;
    i++;
  }
  return { path, end: i };
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function doubleQuoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** BigQuery's "[line:column]" of an offset. */
function position(query: string, offset: number): string {
  const before = query.slice(0, offset).split("\n");
  return `[${before.length}:${before[before.length - 1].length + 1}]`;
}
