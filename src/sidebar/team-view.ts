/**
 * The Team view: a period picker, every rep's score (with its band),
 * attainment of a chosen metric, payout and rank, sortable by any column
 * with a click or the keyboard (each header is a button), the team's
 * forecast for a provisional period, then the input problems of the latest
 * run. A rep's name opens the Rep view. Months awaiting approval are named
 * on top, with the approval card for the oldest (approval-card.ts).
 */
import type { App, View } from "./app-state";
import { approvalCard } from "./approval-card";
import { el, field, replaceChildren, selectBox, uniqueId } from "./dom";
import { teamForecastCard } from "./forecast-section";
import { problemSection } from "./problem-list";
import { bandLegend, scoreBadge } from "./score-band";
import type { TeamRow, TeamView } from "./sidebar-api";
import { t, type TextKey } from "./ui-text";
import { money, percent, whole } from "./value-format";
import { showWhenChanged, viewRegions } from "./view-shell";

type SortKey = "name" | "score" | "attainment" | "payout" | "rank";

interface Column {
  key: SortKey;
  short: TextKey;
  long: () => string;
  /** Share of the table's width. */
  width: string;
  numeric: boolean;
}

/** The order a column sorts in first: best first for score, attainment and payout; 1 first for rank. */
const FIRST_DIRECTION: Record<SortKey, 1 | -1> = { name: 1, score: -1, attainment: -1, payout: -1, rank: 1 };

function sortValue(row: TeamRow, key: SortKey, metricIndex: number): string | number | null {
  switch (key) {
    case "name":
      return row.name.toLowerCase();
    case "score":
      return row.score;
    case "attainment":
      return row.attainments[metricIndex] ?? null;
    case "payout":
      return row.payout;
    case "rank":
      return row.rank;
  }
}

/**
 * Rows sorted by a column; blanks always last, ties by rank then name.
 *
 * @example
 * sortRows(rows, "payout", -1, 0)[0].payout; // the largest payout
 *
 * @internal Exported only for test/sidebar/sidebar-logic.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function sortRows(rows: readonly TeamRow[], key: SortKey, direction: 1 | -1, metricIndex: number): TeamRow[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key, metricIndex);
    const y = sortValue(b, key, metricIndex);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number)) * direction;
    }
    return (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name);
  });
}

/**
 * Creates the Team view.
 *
 * @example
 * const team = createTeamView(app);
 * team.show(); // loads the latest month
 */
export function createTeamView(app: App): View {
  // An approval's outcome stays above the content, which reloads after it.
  const approvalStatus = el("div", { class: "status action-status", tabindex: "-1" });
  const { panel, controls, content } = viewRegions("team-view", approvalStatus);
  let sortKey: SortKey = "rank";
  let direction: 1 | -1 = 1;
  let metricKey: string | null = null;
  const keyNow = () => app.state.version + "|" + (app.state.period ?? "");
  const show = showWhenChanged(content, keyNow, () => app.teamFor(app.state.period), render);

  const choosePeriod = (period: string) => {
    app.state.period = period;
    show();
  };

  function render(team: TeamView): void {
    renderControls(team);
    if (team.period === null) {
      content.append(el("p", { class: "notice" }, t("noResults")), problemSection(team.problems));
      return;
    }
    // A month awaiting approval is provisional too: the approval card says more.
    if (team.provisional && !team.awaiting.includes(team.period))
      content.append(el("p", { class: "notice warn" }, t("provisional")));
    content.append(approvalCard(team, app, approvalStatus, show) ?? "");
    if (team.changedFinal.length > 0)
      content.append(el("p", { class: "notice warn" }, t("changedFinal", { periods: team.changedFinal.join(", ") })));
    content.append(
      bandLegend(),
      teamTable(team),
      teamForecastCard(team.rows, team.currency) ?? "",
      problemSection(team.problems),
    );
  }

  function renderControls(team: TeamView): void {
    const periodPicker = selectBox(
      {},
      team.periods.map((p) => [p, p] as const),
      team.period,
      choosePeriod,
    );
    const metricIndex = Math.max(
      0,
      team.metrics.findIndex((m) => m.key === metricKey),
    );
    const metricPicker = selectBox(
      {},
      team.metrics.map((m) => [m.key, m.label] as const),
      team.metrics[metricIndex]?.key ?? null,
      (key) => {
        metricKey = key;
        rerenderKeepingFocus(team);
      },
    );
    replaceChildren(
      controls,
      team.periods.length ? field(t("period"), periodPicker) : null,
      team.metrics.length ? field(t("attainmentOf"), metricPicker) : null,
    );
  }

  // Re-rendering for a new metric keeps the metric picker focused.
  function rerenderKeepingFocus(team: TeamView): void {
    replaceChildren(content);
    render(team);
    const picker = controls.querySelectorAll("select")[1];
    if (picker) (picker as HTMLSelectElement).focus();
  }

  function teamTable(team: TeamView): HTMLElement {
    const metricIndex = Math.max(
      0,
      team.metrics.findIndex((m) => m.key === metricKey),
    );
    const metricLabel = team.metrics[metricIndex]?.label ?? "";
    const columns: Column[] = [
      { key: "name", short: "colRep", long: () => t("colRep"), width: "33%", numeric: false },
      { key: "score", short: "colScore", long: () => t("colScore"), width: "22%", numeric: true },
      {
        key: "attainment",
        short: "colAttainment",
        long: () => t("colAttainmentLong", { metric: metricLabel }),
        width: "16%",
        numeric: true,
      },
      { key: "payout", short: "colPayout", long: () => t("colPayout"), width: "22%", numeric: true },
      { key: "rank", short: "colRank", long: () => t("colRankLong"), width: "7%", numeric: true },
    ];
    const captionId = uniqueId("team-caption");
    const body = el("tbody");
    const headers = columns.map((column) => {
      const button = el(
        "button",
        { type: "button", class: "sort", title: t("sortBy", { column: column.long() }) },
        t(column.short),
        el("span", { class: "sort-mark", "aria-hidden": "true" }),
        el("span", { class: "visually-hidden" }, column.short === "colRep" ? "" : " (" + column.long() + ")"),
      );
      const th = el("th", { scope: "col", class: column.numeric ? "num" : "" }, button);
      button.addEventListener("click", () => {
        direction = sortKey === column.key ? (direction === 1 ? -1 : 1) : FIRST_DIRECTION[column.key];
        sortKey = column.key;
        fill();
      });
      return th;
    });
    const fill = () => {
      headers.forEach((th, i) => {
        const on = columns[i].key === sortKey;
        th.setAttribute("aria-sort", on ? (direction === 1 ? "ascending" : "descending") : "none");
        const mark = th.querySelector(".sort-mark");
        if (mark) mark.textContent = on ? (direction === 1 ? " ↑" : " ↓") : "";
      });
      replaceChildren(
        body,
        ...sortRows(team.rows, sortKey, direction, metricIndex).map((row) => teamRowElement(row, team, metricIndex)),
      );
    };
    fill();
    return el(
      "table",
      { class: "team-table", "aria-labelledby": captionId },
      el("caption", { id: captionId, class: "visually-hidden" }, t("teamCaption", { period: team.period ?? "" })),
      el("colgroup", {}, ...columns.map((c) => el("col", { style: "width:" + c.width }))),
      el("thead", {}, el("tr", {}, ...headers)),
      body,
    );
  }

  function teamRowElement(row: TeamRow, team: TeamView, metricIndex: number): HTMLElement {
    const payout = money(row.payout, team.currency);
    const attainment = percent(row.attainments[metricIndex] ?? null);
    return el(
      "tr",
      {},
      el(
        "td",
        { class: "rep-cell" },
        el(
          "button",
          {
            type: "button",
            class: "link clamp",
            title: t("openRep", { name: row.name }),
            on: { click: () => app.openRep(row.repId) },
          },
          row.name || row.repId,
        ),
        el(
          "span",
          { class: "sub", title: row.team + " · " + row.repId },
          row.team ? row.team + " · " + row.repId : row.repId,
        ),
      ),
      el("td", { class: "num" }, scoreBadge(row.score)),
      el("td", { class: "num", title: attainment }, attainment),
      el("td", { class: "num", title: payout }, payout),
      el("td", { class: "num" }, whole(row.rank)),
    );
  }

  return { panel, show };
}
