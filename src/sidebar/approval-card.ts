/**
 * The Team view's approval card (README, "Payout approval"): which months
 * await approval, and for the oldest of them, shown in the view, an
 * "Approve…" button that first shows the month's total payout, its reps
 * and the latest run's open problems, with a name field, then approves on
 * a second, explicit click. Cancel closes the card and does nothing.
 */
import type { App } from "./app-state";
import { el, field, replaceChildren } from "./dom";
import { callServer } from "./server-calls";
import { describeResult } from "./setup-view";
import type { TeamView } from "./sidebar-api";
import { t } from "./ui-text";
import { money, whole } from "./value-format";
import { runAction } from "./view-status";

/** Problem lines shown in the confirm step (the full list follows in the view). */
const PROBLEM_LINES_SHOWN = 5;

/**
 * The approval card of a Team answer; null when no month awaits approval.
 * The outcome goes to `status` (outside the reloaded content); after an
 * approval the sheets have changed: `reload` shows the view again.
 *
 * @example
 * content.append(approvalCard(team, app, statusRegion, show) ?? "");
 */
export function approvalCard(team: TeamView, app: App, status: HTMLElement, reload: () => void): HTMLElement | null {
  if (team.awaiting.length === 0) return null;
  const month = team.awaiting[0];
  const card = el(
    "section",
    { class: "card approval" },
    el("p", { class: "notice warn" }, t("awaiting", { periods: team.awaiting.join(", ") })),
  );
  // Only the month on screen can be approved here: its figures are the ones the confirm step shows.
  if (team.period !== month) return card;
  const confirm = el("div", { class: "approval-confirm" });
  const open = el("button", { type: "button", class: "secondary approve-open" }, t("approveOpen", { period: month }));
  open.addEventListener("click", () => {
    open.hidden = true;
    replaceChildren(confirm, confirmStep(team, month, app, status, reload, close));
    const name = confirm.querySelector("input");
    if (name) (name as HTMLInputElement).focus();
  });
  const close = () => {
    replaceChildren(confirm);
    open.hidden = false;
    open.focus();
  };
  card.append(open, confirm);
  return card;
}

function confirmStep(
  team: TeamView,
  month: string,
  app: App,
  status: HTMLElement,
  reload: () => void,
  close: () => void,
): HTMLElement {
  const total = team.rows.reduce((sum, row) => sum + (row.payout ?? 0), 0);
  const problems = team.problems;
  const name = el("input", { type: "text", class: "approver-name", maxlength: "100", autocomplete: "name" });
  const approve = el("button", { type: "button", class: "primary approve-confirm" }, t("approveConfirm"));
  const cancel = el("button", { type: "button", class: "secondary approve-cancel" }, t("approveCancel"));
  approve.addEventListener("click", () =>
    runAction(
      approve,
      status,
      () => callServer("sidebarApprove", { period: month, name: name.value }),
      describeResult,
      () => {
        app.sheetsChanged();
        reload();
        status.focus();
      },
    ),
  );
  cancel.addEventListener("click", close);
  return el(
    "div",
    { role: "group", "aria-label": t("approveTitle", { period: month }) },
    el("h3", {}, t("approveTitle", { period: month })),
    el(
      "dl",
      { class: "approval-figures" },
      el("dt", {}, t("approveTotal")),
      el("dd", { class: "approval-total" }, money(total, team.currency)),
      el("dt", {}, t("approveReps")),
      el("dd", {}, whole(team.rows.length)),
      el("dt", {}, t("approveProblems")),
      el("dd", { class: "approval-problems" }, whole(problems.count)),
    ),
    el(
      "p",
      { class: problems.count > 0 ? "notice warn" : "muted" },
      problems.count > 0 ? t("approveProblemsSome", { count: problems.count }) : t("approveProblemsNone"),
    ),
    problems.groups.length > 0
      ? el(
          "ul",
          { class: "approval-problem-lines" },
          ...problems.groups
            .slice(0, PROBLEM_LINES_SHOWN)
            .map((line) => el("li", {}, (line.cells ? line.cells + ": " : "") + line.message)),
        )
      : "",
    el("p", { class: "muted" }, t("approveFinal")),
    field(t("approveName"), name),
    el("div", { class: "actions" }, approve, cancel),
  );
}
