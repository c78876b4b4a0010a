/**
 * The few DOM helpers the sidebar is built with. Every value that comes
 * from the sheets reaches the page through a text node or an attribute
 * value set with `setAttribute`, never through `innerHTML`, so a rep named
 * `<img src=x onerror=alert(1)>` is shown as that text and runs nothing.
 * No helper sets a URL attribute, and event handlers are functions, never
 * attribute strings.
 */

/** A child: a node, text (always a text node), or nothing. */
export type Child = Node | string | null | undefined | false;

/** Attribute values: text, a number, true for a bare attribute; false, null or undefined leave it out. */
type AttributeValue = string | number | boolean | null | undefined;

export interface ElementOptions {
  [attribute: string]: AttributeValue | Partial<Record<string, EventListener>> | undefined;
  /** Event listeners by event name. */
  on?: Partial<Record<string, EventListener>>;
}

/** Attributes that take a URL or code: never set from here. */
const REFUSED_ATTRIBUTES = /^(on|href$|src$|action$|formaction$|xlink:href$|srcdoc$)/i;

function setAttributes(node: Element, options: ElementOptions): void {
  for (const [name, value] of Object.entries(options)) {
    if (name === "on") continue;
    if (REFUSED_ATTRIBUTES.test(name)) throw new Error("dom: refusing to set attribute " + name);
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [event, listener] of Object.entries(options.on ?? {})) {
    if (listener) node.addEventListener(event, listener);
  }
}

/**
 * Appends children: text as text nodes, nodes as they are.
 *
 * @example
 * append(list, el("li", {}, "one"), "plain text", null);
 */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/**
 * An HTML element with attributes, listeners and children.
 *
 * @example
 * el("button", { type: "button", class: "primary", on: { click: save } }, "Save");
 * el("td", { title: rep.name }, rep.name); // the name as text, whatever it holds
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, options);
  append(node, ...children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * An SVG element (inline charts) with attributes and children.
 *
 * @example
 * svg("svg", { viewBox: "0 0 100 20", role: "img" }, svg("polyline", { points: "0,10 100,5" }));
 */
export function svg(tag: string, options: ElementOptions = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttributes(node, options);
  append(node, ...children);
  return node;
}

/**
 * Replaces a node's children.
 *
 * @example
 * replaceChildren(panel, el("p", {}, "Loading…"));
 */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

let idCounter = 0;

/**
 * A page-unique id for label/aria wiring.
 *
 * @example
 * uniqueId("period"); // "period-3"
 */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return prefix + "-" + idCounter;
}

/**
 * A select with options (value, label), one selected.
 *
 * @example
 * selectBox({ id: "period" }, [["2026-03", "2026-03"]], "2026-03", (value) => load(value));
 */
export function selectBox(
  options: ElementOptions,
  items: readonly (readonly [string, string])[],
  selected: string | null,
  onChange: (value: string) => void,
): HTMLSelectElement {
  const select = el("select", { ...options, on: { change: () => onChange(select.value) } });
  for (const [value, label] of items) {
    const option = el("option", { value }, label);
    if (value === selected) option.selected = true;
    select.appendChild(option);
  }
  return select;
}

/**
 * A label and its control, stacked.
 *
 * @example
 * field("Period", selectBox({}, items, current, load));
 */
export function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || uniqueId("field");
  control.id = id;
  return el("div", { class: "field" }, el("label", { for: id }, label), control);
}

/**
 * A figure's term and value in a `<dl class="stats">`: spread them into the list.
 *
 * @example
 * el("dl", { class: "stats" }, ...stat("Score", "0.92"), ...stat("Payout", "$1,200.00"));
 */
export function stat(term: string, value: Child): HTMLElement[] {
  return [el("dt", {}, term), el("dd", {}, value)];
}
