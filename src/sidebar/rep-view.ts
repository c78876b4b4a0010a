/**
 * The Rep view: one rep's period at a glance (score with its band, ranks,
 * payout), for a provisional period what happens if the open deals close
 * and the pace, each metric's actual against target as a bar, the score
 * trace and the payout trace line by line, and the score's trend over
 * recent periods.
 */
import type { App, View } from "./app-state";
import { el, stat } from "./dom";
import { paceSection, repForecastCard } from "./forecast-section";
import { metricBars } from "./metric-bars";
import { payoutTrace } from "./payout-trace";
import { renderRepPickers, settleRep, type RepChoiceResult } from "./rep-picker";
import { scoreBadge } from "./score-band";
import { scoreSparkline } from "./score-sparkline";
import { scoreTrace } from "./score-trace";
import { callServer } from "./server-calls";
import type { RepView } from "./sidebar-api";
import { t } from "./ui-text";
import { money, whole } from "./value-format";
import { showWhenChanged, viewRegions } from "./view-shell";

function rankText(rank: number | null, count: number): string {
  return rank === null ? "—" : t("rankOf", { rank: whole(rank), count });
}

/**
 * The rep's summary card.
 *
 * @example
 * repSummary(rep); // <div class="card">name, team, score, ranks, payout</div>
 */
function repSummary(rep: RepView): HTMLElement {
  const otherNotes = rep.provisional
    ? rep.notes
        .split(/[;；]\s*/)
        .slice(1)
        .join("; ")
    : rep.notes;
  return el(
    "div",
    { class: "card" },
    el("h2", { class: "rep-name", title: rep.name }, rep.name || rep.repId),
    el("p", { class: "sub" }, [rep.team, rep.repId, rep.period].filter(Boolean).join(" · ")),
    el(
      "dl",
      { class: "stats" },
      ...stat(t("score"), scoreBadge(rep.score)),
      ...stat(t("rank"), rankText(rep.rank, rep.rankedCount)),
      ...stat(t("teamRank"), rankText(rep.teamRank, rep.teamRankedCount)),
      ...stat(t("payout"), money(rep.payout, rep.currency)),
    ),
    rep.provisional ? el("p", { class: "notice warn" }, t("provisional")) : null,
    otherNotes ? el("p", { class: "muted" }, t("notes") + ": " + otherNotes) : null,
  );
}

/**
 * Creates the Rep view.
 *
 * @example
 * const rep = createRepView(app);
 * rep.show();
 */
export function createRepView(app: App): View {
  const { panel, controls, content } = viewRegions("rep-view");
  const keyNow = () => [app.state.version, app.state.period ?? "", app.state.repId ?? ""].join("|");
  const show = showWhenChanged(content, keyNow, fetchRep, render);

  async function fetchRep(): Promise<{ choice: RepChoiceResult; rep: RepView | null }> {
    const choice = await settleRep(app);
    if (choice.period === null || choice.repId === null) return { choice, rep: null };
    return { choice, rep: await callServer("sidebarRep", { period: choice.period, repId: choice.repId }) };
  }

  function render({ choice, rep }: { choice: RepChoiceResult; rep: RepView | null }): void {
    renderRepPickers(app, controls, choice.team, show);
    if (!rep) {
      content.append(el("p", { class: "notice" }, t("noResults")));
      return;
    }
    content.append(
      repSummary(rep),
      rep.forecast ? repForecastCard(rep.forecast, rep.period, rep.currency) : "",
      rep.pace ? paceSection(rep.pace, rep.currency) : "",
      el("h3", {}, t("metrics")),
      metricBars(rep.metrics, rep.language, rep.currency),
      el("h3", {}, t("scoreTrace")),
      scoreTrace(rep.scoreTrace, rep.score),
      el("h3", {}, t("payoutTrace")),
      payoutTrace(rep.payoutLines, rep.currency),
      el("h3", {}, t("trend")),
      scoreSparkline(rep.trend),
    );
  }

  return { panel, show };
}
