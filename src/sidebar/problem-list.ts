/**
 * The input problems of the latest run, each with its cell, in a
 * disclosure (a native details element, so it works with the keyboard).
 */
import { el } from "./dom";
import type { ProblemList } from "./sidebar-api";
import { t } from "./ui-text";

/**
 * The problems section: a summary with the count, then `Sheet!A1 message` lines.
 *
 * @example
 * problemSection({ count: 1, lines: [{ cell: "Sales!D14", message: "Amount \"x\" is not a number" }], when: "2026-04-02 09:00" });
 */
export function problemSection(problems: ProblemList): HTMLElement {
  if (problems.count === 0) return el("p", { class: "muted problems-none" }, t("problemsNone"));
  const more = problems.count - problems.lines.length;
  return el(
    "details",
    { class: "problems card" },
    el("summary", {}, t("problems", { count: problems.count })),
    problems.when ? el("p", { class: "muted" }, t("problemsWhen", { when: problems.when })) : null,
    el(
      "ul",
      { class: "problem-lines" },
      ...problems.lines.map((line) => el("li", {}, line.cell ? el("code", { class: "cell" }, line.cell) : null, line.cell ? " " : null, line.message)),
    ),
    more > 0 ? el("p", { class: "muted" }, t("problemsMore", { count: more })) : null,
  );
}
