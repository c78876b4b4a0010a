/**
 * The lines of the sidebar's traces (how a payout and a score were worked
 * out): each a head with a title and an amount, then the facts or note that
 * explain it.
 */
import { type Child, el } from "./dom";

/**
 * A term and its value, for a trace line's list of facts.
 *
 * @example
 * el("dl", { class: "facts" }, ...fact("Rate", "2%")); // <dl><dt>Rate</dt><dd>2%</dd></dl>
 */
export function fact(term: string, value: string): HTMLElement[] {
  return [el("dt", {}, term), el("dd", { title: value }, value)];
}

/**
 * A trace line: its title and amount side by side, then its details.
 *
 * @example
 * traceLine("trace-line", el("strong", {}, "Adjustment"), el("span", { class: "trace-amount" }, "$50.00"), null);
 * // <li class="trace-line"><span class="trace-head"><strong>Adjustment</strong><span ...>$50.00</span></span></li>
 */
export function traceLine(
  className: string,
  title: HTMLElement,
  amount: HTMLElement,
  ...details: Child[]
): HTMLElement {
  return el("li", { class: className }, el("span", { class: "trace-head" }, title, amount), ...details);
}
