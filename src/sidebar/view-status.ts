/**
 * Loading and error states. Every view loads into a region: "Loading…"
 * while the call runs, the view when it answers, or the server's message
 * with a Try again button when it fails. A later load supersedes an earlier
 * one still running, so a slow answer never overwrites a newer choice. The
 * controls outside the region stay usable throughout.
 */
import { el, replaceChildren } from "./dom";
import { t, type TextKey } from "./ui-text";

/**
 * A "Loading…" note announced politely.
 *
 * @example
 * loadingNote(); // <p role="status" class="loading">Loading…</p>
 */
export function loadingNote(key: TextKey = "loading"): HTMLElement {
  return el("p", { role: "status", class: "loading" }, el("span", { class: "spinner", "aria-hidden": "true" }), t(key));
}

/**
 * An error message with an optional retry button.
 *
 * @example
 * errorNote("Could not load: Rep R9 has no results for 2026-03.", () => load());
 */
export function errorNote(message: string, retry?: () => void): HTMLElement {
  return el(
    "div",
    { role: "alert", class: "error" },
    el("p", {}, message),
    retry ? el("button", { type: "button", class: "secondary", on: { click: retry } }, t("retry")) : null,
  );
}

/** Loads into one region; see {@link createLoader}. */
export type Loader = <T>(fetch: () => Promise<T>, render: (value: T) => void) => void;

/**
 * A loader bound to a region. `onError` runs when a load fails (a view
 * forgets what it had loaded, so coming back to it loads again).
 *
 * @example
 * const load = createLoader(content, () => (loadedKey = ""));
 * load(() => callServer("sidebarSetup"), (setup) => renderSetup(setup));
 */
export function createLoader(region: HTMLElement, onError?: () => void): Loader {
  let ticket = 0;
  const load: Loader = (fetch, render) => {
    const mine = ++ticket;
    region.setAttribute("aria-busy", "true");
    replaceChildren(region, loadingNote());
    fetch().then(
      (value) => {
        if (mine !== ticket) return;
        region.removeAttribute("aria-busy");
        replaceChildren(region);
        render(value);
      },
      (error: unknown) => {
        if (mine !== ticket) return;
        region.removeAttribute("aria-busy");
        onError?.();
        const message = error instanceof Error ? error.message : String(error);
        replaceChildren(
          region,
          errorNote(t("errorPrefix", { message }), () => load(fetch, render)),
        );
      },
    );
  };
  return load;
}

/**
 * Runs an action from a button: the button is disabled and marked busy
 * while it runs; the outcome (or the error) goes to `status`.
 *
 * @example
 * runAction(button, status, () => callServer("sidebarRecalculate"), (result) => result.message);
 */
export function runAction<T>(
  button: HTMLButtonElement,
  status: HTMLElement,
  action: () => Promise<T>,
  describe: (value: T) => { text: string; ok: boolean },
  after?: (value: T) => void,
): void {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  replaceChildren(status, loadingNote("working"));
  action().then(
    (value) => {
      const outcome = describe(value);
      replaceChildren(
        status,
        el(
          "p",
          { role: outcome.ok ? "status" : "alert", class: outcome.ok ? "notice ok" : "notice warn" },
          outcome.text,
        ),
      );
      button.disabled = false;
      button.removeAttribute("aria-busy");
      after?.(value);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      replaceChildren(status, errorNote(t("actionFailed", { message })));
      button.disabled = false;
      button.removeAttribute("aria-busy");
    },
  );
}
