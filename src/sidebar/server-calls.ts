/**
 * The sidebar's one way to the server: a typed promise over
 * `google.script.run`, with the request and result types shared with the
 * server (sidebar-api.ts). At most MAX_IN_FLIGHT calls run at once (Apps
 * Script allows about ten, and each call is a whole script execution, so a
 * few is quicker for everyone); the rest wait in order.
 */
import { errorMessage } from "../core/error-text";
import type { SidebarCallName, SidebarCalls } from "./sidebar-api";

/** Calls running at once. */
const MAX_IN_FLIGHT = 3;

type Handler = (value: unknown) => void;

interface ScriptRunner {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner } };
  }
}

type Args<N extends SidebarCallName> = Parameters<SidebarCalls[N]>;
type Result<N extends SidebarCallName> = ReturnType<SidebarCalls[N]>;

let inFlight = 0;
const waiting: (() => void)[] = [];

function startNext(): void {
  while (inFlight < MAX_IN_FLIGHT && waiting.length > 0) {
    inFlight += 1;
    waiting.shift()!();
  }
}

/**
 * The message of whatever a failure handler received: Apps Script passes an
 * Error; anything else is shown as text. A leading "Error: " or
 * "Exception: " (how Apps Script may prefix a thrown message) is dropped.
 *
 * @example
 * failureMessage(new Error("Rep R9 has no results for 2026-03.")); // "Rep R9 has no results for 2026-03."
 * failureMessage(new Error("Exception: Service unavailable"));   // "Service unavailable"
 *
 * @internal Exported only for test/sidebar/sidebar-logic.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function failureMessage(error: unknown): string {
  return errorMessage(error).replace(/^(?:Error|Exception|ScriptError):\s*/, "");
}

function runner(): ScriptRunner {
  const run = window.google?.script?.run;
  if (!run)
    throw new Error("google.script.run is not available (open the sidebar from Sheets, or run npm run preview)");
  return run;
}

/**
 * Calls a server function; resolves with its result, rejects with an Error
 * holding the server's one-line message.
 *
 * @example
 * const team = await callServer("sidebarTeam", { period: "2026-03" });
 * team.rows.length;
 */
export function callServer<N extends SidebarCallName>(name: N, ...args: Args<N>): Promise<Result<N>> {
  return new Promise<Result<N>>((resolve, reject) => {
    waiting.push(() => {
      const done = () => {
        inFlight -= 1;
        startNext();
      };
      try {
        const chain = runner()
          .withSuccessHandler((value) => {
            done();
            resolve(value as Result<N>);
          })
          .withFailureHandler((error) => {
            done();
            reject(new Error(failureMessage(error)));
          });
        // Called as a method: the real runner may rely on `this`.
        (chain as unknown as Record<string, (...a: unknown[]) => void>)[name](...args);
      } catch (error) {
        done();
        reject(new Error(failureMessage(error)));
      }
    });
    startNext();
  });
}
