/**
 * The view switcher as a proper tablist (WAI-ARIA tabs pattern): one tab
 * in the Tab order (roving tabindex), Left/Right arrows move and activate,
 * Home/End jump to the ends, each tab controls its panel.
 */
import { el } from "./dom";

export interface TabSpec {
  id: string;
  label: () => string;
  panel: HTMLElement;
  /** Called each time the tab becomes the selected one. */
  onShow: () => void;
}

export interface Tabs {
  list: HTMLElement;
  select(id: string, options?: { focus?: boolean }): void;
  selected(): string;
  /** Sets every tab's label again (after a language change). */
  relabel(): void;
}

/**
 * Builds the tablist and wires its panels.
 *
 * @example
 * const tabs = createTabs([{ id: "team", label: () => t("tabTeam"), panel, onShow: team.show }], () => t("tabs"));
 * document.body.append(tabs.list, panel);
 * tabs.select("team");
 */
export function createTabs(specs: readonly TabSpec[], listLabel: () => string): Tabs {
  const list = el("div", { role: "tablist", class: "tabs", "aria-label": listLabel() });
  const buttons = specs.map((spec) => {
    const button = el("button", {
      type: "button",
      role: "tab",
      id: "tab-" + spec.id,
      "aria-controls": "panel-" + spec.id,
      "aria-selected": "false",
      tabindex: "-1",
    });
    button.textContent = spec.label();
    spec.panel.id = "panel-" + spec.id;
    spec.panel.setAttribute("role", "tabpanel");
    spec.panel.setAttribute("aria-labelledby", button.id);
    spec.panel.setAttribute("tabindex", "0");
    spec.panel.hidden = true;
    list.appendChild(button);
    return button;
  });
  let current = "";

  const select = (id: string, options: { focus?: boolean } = {}) => {
    const index = specs.findIndex((spec) => spec.id === id);
    if (index < 0) return;
    specs.forEach((spec, i) => {
      const on = i === index;
      buttons[i].setAttribute("aria-selected", on ? "true" : "false");
      buttons[i].tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
    });
    if (options.focus) buttons[index].focus();
    current = id;
    specs[index].onShow();
  };

  buttons.forEach((button, i) => {
    button.addEventListener("click", () => select(specs[i].id));
    button.addEventListener("keydown", (event) => {
      const last = specs.length - 1;
      const to =
        event.key === "ArrowRight"
          ? i === last
            ? 0
            : i + 1
          : event.key === "ArrowLeft"
            ? i === 0
              ? last
              : i - 1
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? last
                : -1;
      if (to < 0) return;
      event.preventDefault();
      select(specs[to].id, { focus: true });
    });
  });

  return {
    list,
    select,
    selected: () => current,
    relabel() {
      list.setAttribute("aria-label", listLabel());
      specs.forEach((spec, i) => {
        buttons[i].textContent = spec.label();
      });
    },
  };
}
