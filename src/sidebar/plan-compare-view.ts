/**
 * The Plans view: "Compare plans" and "Copy the Plan to a draft", the same
 * actions as the menu's (src/addon/plan-comparison.ts). After a comparison
 * it shows the total cost change over the months compared, the Plan's and
 * the draft's totals, the reps the draft pays most more and most less, and
 * the draft's problems at their cells. Nothing loads when the tab opens: a
 * comparison computes a year twice, so it runs only when asked.
 */
import type { App, View } from "./app-state";
import { card } from "./card";
import { el, replaceChildren, stat } from "./dom";
import { callServer } from "./server-calls";
import type { PlanComparisonView, PlanRepChange, ProblemLine } from "./sidebar-api";
import { describeResult } from "./setup-view";
import { t, uiLanguage } from "./ui-text";
import { money, percent } from "./value-format";
import { errorNote, loadingNote, runAction } from "./view-status";

/**
 * An amount with its sign: "+" for a rise, the minus sign for a fall.
 *
 * @example
 * signedMoney(1200, "USD"); // "+$1,200.00"
 * signedMoney(-30, "USD");  // "-$30.00"
 */
function signedMoney(value: number, currency: string): string {
  return (value > 0 ? "+" : "") + money(value, currency);
}

/**
 * The change as a share of the Plan's cost; null when the Plan costs nothing.
 *
 * @example
 * costChangeShare({ current: 2950, difference: 1200 }); // 0.4067...
 */
function costChangeShare(view: Pick<PlanComparisonView, "current" | "difference">): number | null {
  if (view.current === null || view.difference === null || view.current === 0) return null;
  return view.difference / Math.abs(view.current);
}

function repItem(rep: PlanRepChange, currency: string): HTMLElement {
  return el(
    "li",
    { class: "plan-rep" },
    el("strong", { class: "rep-name" }, rep.name || rep.repId),
    " (" + rep.repId + ") ",
    el("span", { class: "plan-change" }, signedMoney(rep.difference, currency)),
    el(
      "span",
      { class: "sub" },
      t("planRepFromTo", { from: money(rep.current, currency), to: money(rep.draft, currency) }),
    ),
  );
}

function repList(title: string, reps: readonly PlanRepChange[], className: string, currency: string): HTMLElement {
  return card(
    { class: className },
    title,
    reps.length === 0
      ? el("p", { class: "muted" }, t("planNoOne"))
      : el("ol", { class: "plan-reps" }, ...reps.map((rep) => repItem(rep, currency))),
  );
}

function problemItem(line: ProblemLine): HTMLElement {
  return el(
    "li",
    {},
    line.cells ? el("code", { class: "cell" }, line.cells) : null,
    line.cells ? " " : null,
    line.message,
  );
}

function problemsCard(problems: readonly ProblemLine[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return card(
    { class: "plan-problems" },
    t("planDraftProblems"),
    el("ul", { class: "problem-lines" }, ...problems.map(problemItem)),
  );
}

function totalsCard(view: PlanComparisonView): HTMLElement {
  const share = costChangeShare(view);
  const first = view.months[0] ?? "";
  const last = view.months.at(-1) ?? "";
  return card(
    { class: "plan-totals" },
    t("planCostChange"),
    el(
      "p",
      { class: "plan-total-change" },
      el("strong", {}, signedMoney(view.difference ?? 0, view.currency)),
      share === null ? null : " (" + (share > 0 ? "+" : "") + percent(share) + ")",
    ),
    el(
      "dl",
      { class: "stats" },
      ...stat(t("planMonths"), t("planMonthsValue", { count: view.months.length, first, last })),
      ...stat(t("planCurrent"), money(view.current, view.currency)),
      ...stat(t("planDraft"), money(view.draft, view.currency)),
    ),
    view.sheet ? el("p", { class: "muted" }, t("planSheetWritten", { sheet: view.sheet })) : null,
  );
}

/**
 * What a comparison's answer shows: the totals, the winners and losers, and
 * the draft's problems; or its message, and the problems, when nothing was
 * compared.
 *
 * @example
 * replaceChildren(region, ...comparisonParts(view));
 */
function comparisonParts(view: PlanComparisonView): HTMLElement[] {
  const done = view.outcome === "done";
  const parts: (HTMLElement | null)[] = [
    el("p", { role: done ? "status" : "alert", class: done ? "notice ok" : "notice warn" }, view.message),
  ];
  if (done) {
    parts.push(
      totalsCard(view),
      repList(t("planWinners"), view.winners, "plan-winners", view.currency),
      repList(t("planLosers"), view.losers, "plan-losers", view.currency),
    );
  }
  parts.push(problemsCard(view.problems));
  return parts.filter((part): part is HTMLElement => part !== null);
}

/**
 * Creates the Plans view.
 *
 * @example
 * const plans = createPlanCompareView(app);
 * plans.show();
 */
export function createPlanCompareView(app: App): View {
  const panel = el("section", { class: "view plans-view" });
  const intro = el("div", { class: "content" });
  const result = el("div", { class: "status comparison-result", tabindex: "-1" });
  panel.append(intro, result);

  const compare = (button: HTMLButtonElement) => {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    replaceChildren(result, loadingNote("planComparing"));
    callServer("sidebarComparePlans").then(
      (view) => {
        app.setLanguage(view.language);
        replaceChildren(result, ...comparisonParts(view));
        button.disabled = false;
        button.removeAttribute("aria-busy");
        result.focus();
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        replaceChildren(result, errorNote(t("actionFailed", { message })));
        button.disabled = false;
        button.removeAttribute("aria-busy");
      },
    );
  };

  let builtIn = "";
  // Built once per language, so a comparison under way keeps its busy button when the tab is left and reopened.
  const show = () => {
    if (builtIn === uiLanguage()) return;
    builtIn = uiLanguage();
    const compareButton = el("button", { type: "button", class: "primary compare-plans" }, t("planCompare"));
    compareButton.addEventListener("click", () => compare(compareButton));
    const draftButton = el("button", { type: "button", class: "secondary make-draft" }, t("planMakeDraft"));
    const draftStatus = el("div", { class: "status draft-status" });
    draftButton.addEventListener("click", () =>
      runAction(draftButton, draftStatus, () => callServer("sidebarMakePlanDraft"), describeResult),
    );
    replaceChildren(
      intro,
      card({}, t("planCompareTitle"), el("p", {}, t("planCompareHint")), compareButton),
      card({}, t("planDraftTitle"), el("p", {}, t("planDraftHint")), draftButton, draftStatus),
    );
  };

  return { panel, show };
}
