/**
 * The input problems of the latest run, grouped as the Run log lists them:
 * one line per sheet, column, code and severity, with its cells (a range,
 * or the first few and "…"), how many rows, and the first one's message; a
 * single problem as its cell and message. Thousands of bad cells stay a few
 * lines; the Problems sheet has every cell. In a disclosure (a native
 * details element, so it works with the keyboard).
 */
import { el } from "./dom";
import type { ProblemLine, ProblemList } from "./sidebar-api";
import { t } from "./ui-text";
import { whole } from "./value-format";

function groupItem(line: ProblemLine): HTMLElement {
  return el(
    "li",
    {},
    line.cells ? el("code", { class: "cell" }, line.cells) : null,
    line.cells ? " " : null,
    line.rows > 1 ? el("span", { class: "rows" }, t("problemRows", { count: whole(line.rows) })) : null,
    line.rows > 1 ? " " : null,
    line.message,
  );
}

/**
 * The problems section: a summary with the total, then one line per group.
 *
 * @example
 * problemSection({ count: 2089, groups: [{ cells: "Sales!F2:F2090", rows: 2089, message: "Amount \"x\" is not a number" }], notListed: 0, sheet: "Problems", when: "2026-04-02 09:00" });
 */
export function problemSection(problems: ProblemList): HTMLElement {
  if (problems.count === 0) return el("p", { class: "muted problems-none" }, t("problemsNone"));
  return el(
    "details",
    { class: "problems card" },
    el("summary", {}, t("problems", { count: whole(problems.count) })),
    problems.when ? el("p", { class: "muted" }, t("problemsWhen", { when: problems.when })) : null,
    el("ul", { class: "problem-lines" }, ...problems.groups.map(groupItem)),
    problems.notListed > 0
      ? el("p", { class: "muted" }, t("problemsMore", { count: whole(problems.notListed) }))
      : null,
    problems.sheet ? el("p", { class: "muted" }, t("problemsSheet", { sheet: problems.sheet })) : null,
  );
}
