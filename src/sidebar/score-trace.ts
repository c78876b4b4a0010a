/**
 * The score trace, metric by metric: each metric's attainment, floor and
 * cap, its weight and the share of the weight it actually carries, its
 * achievement and the points it adds; the metrics left out of the score,
 * each with why; and the total, which is the score.
 */
import { formatFixed, formatNumber } from "../core/display-format";
import { el } from "./dom";
import type { ScoreTrace, ScoreTraceLine } from "./sidebar-api";
import { fact, traceLine } from "./trace-line";
import { t } from "./ui-text";
import { percent } from "./value-format";

/** Points and scores as the Results sheet's Score column shows them (0.000). */
const POINT_DECIMALS = 3;

/**
 * A score or a metric's points with three decimals, or "—".
 *
 * @example
 * points(0.55);  // "0.550"
 * points(null);  // "—"
 */
function points(value: number | null): string {
  return value === null ? t("none") : formatFixed(value, POINT_DECIMALS);
}

function weightText(line: ScoreTraceLine): string {
  const weight = formatNumber(line.weight, 4);
  return line.share === null ? weight : t("scoreTraceShare", { weight, share: percent(line.share) });
}

function countedLine(line: ScoreTraceLine): HTMLElement {
  return traceLine(
    "trace-line",
    el("strong", { title: line.label }, line.label),
    el("span", { class: "trace-amount" }, t("scoreTracePoints", { points: points(line.points) })),
    el(
      "dl",
      { class: "facts" },
      ...fact(t("scoreTraceAttainment"), percent(line.attainment)),
      ...fact(t("scoreTraceFloorCap"), percent(line.floor) + " / " + percent(line.cap)),
      ...fact(t("scoreTraceWeight"), weightText(line)),
      ...fact(t("scoreTraceAchievement"), percent(line.achievement)),
    ),
  );
}

function leftOutLine(line: ScoreTraceLine): HTMLElement {
  return traceLine(
    "trace-line left-out",
    el("strong", { title: line.label }, line.label),
    el("span", { class: "trace-amount muted" }, t("scoreTraceLeftOut")),
    el("p", { class: "muted" }, t(line.leftOut === "no_target" ? "scoreTraceNoTarget" : "scoreTraceNoData")),
  );
}

function totalLine(trace: ScoreTrace): HTMLElement {
  const total = trace.total === null ? t("none") : points(trace.total) + " (" + percent(trace.total) + ")";
  return traceLine(
    "trace-line trace-total",
    el("strong", {}, t("scoreTraceTotal")),
    el("strong", { class: "trace-amount" }, total),
  );
}

/**
 * The trace of a rep's score, with a note when today's plan no longer
 * reproduces the stored score.
 *
 * @example
 * scoreTrace(rep.scoreTrace, rep.score); // <div class="score-trace"><ol class="trace">...</ol></div>
 */
export function scoreTrace(trace: ScoreTrace | null, storedScore: number | null): HTMLElement {
  if (trace === null) return el("p", { class: "muted" }, t("scoreTraceNoPlan"));
  const counted = trace.lines.filter((line) => line.leftOut === null);
  const leftOut = trace.lines.filter((line) => line.leftOut !== null);
  return el(
    "div",
    { class: "score-trace" },
    el("details", {}, el("summary", {}, t("scoreTraceHelpTitle")), el("p", { class: "muted" }, t("scoreTraceHelp"))),
    trace.matchesScore
      ? null
      : el("p", { class: "notice warn" }, t("scoreTracePlanChanged", { score: points(storedScore) })),
    counted.length === 0 ? el("p", { class: "muted" }, t("scoreTraceNone")) : null,
    el(
      "ol",
      { class: "trace score-trace-lines" },
      ...counted.map(countedLine),
      ...leftOut.map(leftOutLine),
      counted.length > 0 ? totalLine(trace) : null,
    ),
  );
}
