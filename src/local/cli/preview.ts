/**
 * `npm run preview`: the real sidebar in a local browser, without Google.
 *
 * A small HTTP server on 127.0.0.1 serves the BUILT `dist/Sidebar.html`
 * with one extra script tag (added here only, never in dist/) defining a
 * `google.script.run` stand-in. Its calls POST to this server, which answers
 * each by loading the built bundle (`dist/*.js`) anew in the Apps Script
 * simulator, as Apps Script starts a new execution per call, and calling
 * the global function of that name. The simulator holds the demo workbook
 * (or a workbook or simulator given), recalculated once so the output
 * sheets exist.
 *
 * Only the sidebar's server calls can be called. Tests start it in-process
 * with `startPreview` and may make the next call of a name fail or wait.
 *
 *   npm run preview -- [--port 8080] [--lang zh] [--time-zone Asia/Shanghai] [--input FILE.xlsx]
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { readFileSync, existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBundle, type Simulator } from "../../simulator";
import type { SidebarCallName } from "../../sidebar/sidebar-api";
import { simulatorFromWorkbook } from "../workbook/workbook-simulator";
import { readXlsx } from "../workbook/xlsx-workbook";

/** The calls the sidebar makes: the only functions the preview lets the page call. */
const SIDEBAR_CALLS: Record<SidebarCallName, true> = {
  sidebarTeam: true,
  sidebarRep: true,
  sidebarReview: true,
  sidebarSaveReview: true,
  sidebarSetup: true,
  sidebarSetUpSheets: true,
  sidebarRecalculate: true,
  sidebarRestate: true,
  sidebarSchedule: true,
  sidebarSaveSettings: true,
  sidebarSaveColumns: true,
  sidebarFillTargets: true,
  sidebarComparePlans: true,
  sidebarMakePlanDraft: true,
  sidebarApprove: true,
  sidebarShareStatements: true,
};

/** The demo workbook shipped in the repo. */
export const DEMO_WORKBOOK = join("src", "local", "demo", "demo-workbook.xlsx");

/** Where the page posts its calls. */
export const CALL_PATH = "/__preview/call";

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface PreviewOptions {
  /** Port on 127.0.0.1 (default 8080; 0 = any free port). */
  port?: number;
  /** The simulator to serve (default: the workbook below, loaded fresh). */
  simulator?: Simulator;
  /** Workbook to load when no simulator is given (default the demo workbook). */
  workbook?: string;
  /** Spreadsheet time zone and locale of a loaded workbook (default "UTC", "en_US"; locale "zh_CN" makes the add-on Chinese). */
  timeZone?: string;
  locale?: string;
  /** Run the local recalculation once before serving (default true). */
  recalculate?: boolean;
  /** Set the simulator's clock to the real time before each call (default: true unless a simulator is given). */
  realClock?: boolean;
  /** Folder of the built files (default "dist"). */
  distDir?: string;
  /** Simulated user making the calls (default the simulator's). */
  user?: string;
}

/** One call the page made, for tests. */
export interface PreviewCall {
  name: string;
  args: unknown[];
  ok: boolean;
  message?: string;
}

export interface Preview {
  url: string;
  simulator: Simulator;
  /** Calls answered so far, in order. */
  calls: PreviewCall[];
  /** The next call of `name` fails with `message` (a server error as the sidebar would get it). */
  failNext(name: SidebarCallName, message?: string): void;
  /** The next call of `name` waits `ms` before it is answered (to see loading states). */
  delayNext(name: SidebarCallName, ms: number): void;
  close(): Promise<void>;
}

/**
 * The `google.script.run` stand-in injected into the served page: chainable
 * withSuccessHandler / withFailureHandler / withUserObject, then any
 * function name; like Apps Script it refuses Dates and functions in
 * arguments and turns undefined array slots into null (JSON does).
 */
export const SCRIPT_RUN_SHIM = `(function () {
  function illegal(value, depth) {
    if (depth > 50) return "a value nested too deep";
    if (value === null) return null;
    if (typeof value === "function") return "a function";
    if (Object.prototype.toString.call(value) === "[object Date]") return "a Date";
    if (typeof value === "object") {
      if (typeof Node !== "undefined" && value instanceof Node) return "a DOM element";
      for (var key in value) { if (Object.prototype.hasOwnProperty.call(value, key)) { var found = illegal(value[key], depth + 1); if (found) return found; } }
    }
    return null;
  }
  function runner(success, failure, user) {
    return new Proxy({}, { get: function (_target, name) {
      if (name === "withSuccessHandler") return function (f) { return runner(f, failure, user); };
      if (name === "withFailureHandler") return function (f) { return runner(success, f, user); };
      if (name === "withUserObject") return function (u) { return runner(success, failure, u); };
      if (typeof name !== "string") return undefined;
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var fail = function (message) { if (failure) failure(new Error(message), user); else console.error(message); };
        var bad = illegal(args, 0);
        if (bad) { setTimeout(function () { fail("Failed due to illegal value in argument: " + bad); }, 0); return; }
        fetch(${JSON.stringify(CALL_PATH)}, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: name, args: args }) })
          .then(function (response) { return response.json(); })
          .then(function (answer) { if (answer.ok) { if (success) success(answer.value === undefined ? undefined : answer.value, user); } else fail(answer.message); })
          .catch(function (error) { fail("The preview server did not answer: " + error.message); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } } } };
})();`;

/**
 * The served page: the built sidebar with the shim's script tag added at
 * the end of its head (so it runs before the sidebar's own script).
 *
 * @example
 * previewPage("<html><head></head><body></body></html>"); // "...<script>(function () {...})();</script></head>..."
 */
export function previewPage(builtHtml: string): string {
  const tag = "<script>" + SCRIPT_RUN_SHIM + "</script>";
  const at = builtHtml.indexOf("</head>");
  if (at < 0) throw new Error("preview: dist/Sidebar.html has no </head>");
  return builtHtml.slice(0, at) + tag + builtHtml.slice(at);
}

/**
 * The simulator of a workbook file, with the output sheets written once by
 * the local recalculation.
 *
 * @example
 * const sim = await workbookSimulator(DEMO_WORKBOOK, { timeZone: "UTC", locale: "en_US" });
 */
export async function workbookSimulator(
  path: string,
  options: { timeZone?: string; locale?: string; now?: number } = {},
): Promise<Simulator> {
  const workbook = await readXlsx(path);
  return simulatorFromWorkbook(workbook, {
    timeZone: options.timeZone ?? "UTC",
    locale: options.locale ?? "en_US",
    now: options.now,
  });
}

/**
 * Runs the add-on's local recalculation once in a simulator (one execution).
 *
 * @example
 * recalculateOnce(sim, "dist").outcome; // "done"
 */
export function recalculateOnce(simulator: Simulator, distDir = "dist"): { outcome: string } {
  const bundle = loadBundle({ simulator, context: { kind: "manual" }, distDir });
  try {
    return JSON.parse(String(bundle.evaluate("JSON.stringify(SalesScorecard.local.recalculate({}))")));
  } finally {
    bundle.end();
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolveBody(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(value));
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Starts the preview server; answers its URL, the simulator behind it, and
 * hooks for tests.
 *
 * @example
 * const preview = await startPreview({ port: 0 });
 * console.log(preview.url); // "http://127.0.0.1:41234/"
 * preview.failNext("sidebarRep", "Service error: Spreadsheets");
 * await preview.close();
 */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const distDir = resolve(options.distDir ?? "dist");
  const htmlPath = join(distDir, "Sidebar.html");
  if (!existsSync(htmlPath) || !existsSync(join(distDir, "Code.js"))) {
    throw new Error(`preview: ${distDir} has no built sidebar and script; run npm run build first`);
  }
  const realClock = options.realClock ?? options.simulator === undefined;
  const simulator =
    options.simulator ??
    (await workbookSimulator(options.workbook ?? DEMO_WORKBOOK, {
      timeZone: options.timeZone,
      locale: options.locale,
      now: realClock ? Date.now() : undefined,
    }));
  if (options.recalculate ?? true) recalculateOnce(simulator, distDir);

  const failures = new Map<string, string>();
  const delays = new Map<string, number>();
  const calls: PreviewCall[] = [];

  const answerCall = (name: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; message: string } => {
    if (realClock) simulator.setNow(Date.now());
    const bundle = loadBundle({ simulator, context: { kind: "manual", user: options.user }, distDir });
    try {
      return { ok: true, value: bundle.callJson(name, ...args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    } finally {
      bundle.end();
    }
  };

  const handleCall = async (request: IncomingMessage, response: ServerResponse) => {
    let parsed: { name?: unknown; args?: unknown };
    try {
      parsed = JSON.parse(await readBody(request));
    } catch {
      return sendJson(response, 400, { ok: false, message: "preview: the request is not JSON" });
    }
    const name = typeof parsed.name === "string" ? parsed.name : "";
    const args = Array.isArray(parsed.args) ? parsed.args : [];
    if (!Object.prototype.hasOwnProperty.call(SIDEBAR_CALLS, name)) {
      return sendJson(response, 200, { ok: false, message: `Script function not found: ${name.slice(0, 60)}` });
    }
    const delay = delays.get(name);
    if (delay !== undefined) {
      delays.delete(name);
      await sleep(delay);
    }
    const failure = failures.get(name);
    if (failure !== undefined) {
      failures.delete(name);
      calls.push({ name, args, ok: false, message: failure });
      return sendJson(response, 200, { ok: false, message: failure });
    }
    const answer = answerCall(name, args);
    calls.push({ name, args, ok: answer.ok, ...(answer.ok ? {} : { message: answer.message }) });
    sendJson(response, 200, answer);
  };

  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method === "GET" && (path === "/" || path === "/index.html" || path === "/Sidebar.html")) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(previewPage(readFileSync(htmlPath, "utf8")));
      return;
    }
    if (request.method === "POST" && path === CALL_PATH) {
      handleCall(request, response).catch((error: unknown) =>
        sendJson(response, 500, { ok: false, message: "preview: " + String(error) }),
      );
      return;
    }
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("not found");
  });
  await new Promise<void>((ready, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, "127.0.0.1", () => ready());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    simulator,
    calls,
    failNext(name, message = "Service Spreadsheets failed while accessing document") {
      failures.set(name, message);
    },
    delayNext(name, ms) {
      delays.set(name, ms);
    },
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections?.();
        server.close(() => closed());
      }),
  };
}

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: readonly string[]): Promise<void> {
  const portText = argument(args, "--port");
  const port = portText === undefined ? 8080 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, not ${portText}`);
  const language = argument(args, "--lang");
  if (language !== undefined && language !== "en" && language !== "zh")
    throw new Error(`--lang must be en or zh, not ${language}`);
  const preview = await startPreview({
    port,
    workbook: argument(args, "--input"),
    timeZone: argument(args, "--time-zone"),
    locale: language === "zh" ? "zh_CN" : undefined,
  });
  console.log(`Sales Scorecard sidebar preview: ${preview.url}`);
  console.log("Server calls run the built bundle in the simulator on the workbook; Ctrl+C stops.");
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
