/**
 * The sidebar's cards, the blocks every view is a column of: a titled card,
 * and a card that folds shut under its title (Setup's Columns and Settings).
 */
import { el, type Child } from "./dom";

/**
 * A card: a section headed by its title, with a class of its own beside `card` if given.
 *
 * @example
 * card({}, t("restate"), el("p", { class: "muted" }, t("noFinal")));
 * // <section class="card"><h3>Restate period</h3><p class="muted">No period is final yet.</p></section>
 */
export function card(options: { class?: string }, title: string, ...children: Child[]): HTMLElement {
  const className = options.class === undefined ? "card" : "card " + options.class;
  return el("section", { class: className }, el("h3", {}, title), ...children);
}

/**
 * A card that folds open and shut under its title; `onToggle` hears each change, so a view can keep the card as the
 * user left it across a reload.
 *
 * @example
 * foldingCard("settings", t("settings"), settingsOpen, (open) => (settingsOpen = open), form);
 * // <details class="card settings"><summary>Settings</summary><form>…</form></details>
 */
export function foldingCard(
  className: string,
  title: string,
  open: boolean,
  onToggle: (open: boolean) => void,
  ...children: Child[]
): HTMLDetailsElement {
  const section = el("details", { class: "card " + className, open }, el("summary", {}, title), ...children);
  section.addEventListener("toggle", () => onToggle(section.open));
  return section;
}
