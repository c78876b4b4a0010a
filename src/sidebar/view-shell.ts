/**
 * The shell the data views share: a panel with the pickers on top and the
 * region a load fills below, and a `show` that loads again only when what
 * the view shows has changed (the data version or a choice), so switching
 * tabs back and forth does not call the server each time.
 */
import { el } from "./dom";
import { createLoader } from "./view-status";

/** A view's panel and its two regions. */
interface ViewRegions {
  panel: HTMLElement;
  /** The pickers; they stay usable while the content loads. */
  controls: HTMLElement;
  /** What a load fills: "Loading…", the view, or the error. */
  content: HTMLElement;
}

/**
 * A view's panel with its controls on top, then `between` (a language bar,
 * say), then the content region.
 *
 * @example
 * const { panel, controls, content } = viewRegions("rep-view");
 * // <section class="view rep-view"><div class="controls"/><div class="content"/></section>
 */
export function viewRegions(className: string, ...between: HTMLElement[]): ViewRegions {
  const panel = el("section", { class: "view " + className });
  const controls = el("div", { class: "controls" });
  const content = el("div", { class: "content" });
  panel.append(controls, ...between, content);
  return { panel, controls, content };
}

/**
 * A view's `show`: loads into `content` unless the key of what the view
 * shows is the one last loaded. The key is taken again once the answer is
 * in, because fetching may settle the period or rep. A failed load forgets
 * its key, so showing the view again retries.
 *
 * @example
 * const show = showWhenChanged(content, () => String(app.state.version), () => callServer("sidebarSetup"), render);
 * show(); // loads
 * show(); // nothing changed: keeps what is shown
 */
export function showWhenChanged<T>(
  content: HTMLElement,
  keyNow: () => string,
  fetch: () => Promise<T>,
  render: (value: T) => void,
): () => void {
  let loadedKey = "";
  const load = createLoader(content, () => {
    loadedKey = "";
  });
  return () => {
    if (keyNow() === loadedKey) return;
    loadedKey = keyNow();
    load(fetch, (value) => {
      loadedKey = keyNow();
      render(value);
    });
  };
}
