/**
 * The pipeline forecast in the sidebar: for a rep, "if your open deals close"
 * (revenue, score, payout and the tier each pay component would reach) and
 * the pace (revenue to date against a straight line to the period's end);
 * for the team, the forecast revenue and payout summed over its rows.
 */
import { card } from "./card";
import { el, stat } from "./dom";
import { barFill } from "./metric-bars";
import { scoreBadge } from "./score-band";
import type { ForecastView, PaceView, TeamRow } from "./sidebar-api";
import { t } from "./ui-text";
import { driverValue, money, rateNumber } from "./value-format";

function tierLines(forecast: ForecastView, currency: string): HTMLElement | null {
  if (forecast.tiers.length === 0) return null;
  return el(
    "ul",
    { class: "forecast-tiers" },
    ...forecast.tiers.map((tier) =>
      el(
        "li",
        {},
        t("forecastTierLine", {
          component: tier.component,
          tier: tier.tier === null ? t("belowFirstTier") : driverValue(tier.driver, tier.tier, currency),
          rate: rateNumber(tier.rate),
        }),
      ),
    ),
  );
}

/**
 * "If your open deals close": the forecast's revenue, score, payout and tiers.
 *
 * @example
 * repForecastCard(rep.forecast, "2026-03", "USD"); // <div class="card forecast">…</div>
 */
export function repForecastCard(forecast: ForecastView, period: string, currency: string): HTMLElement {
  return card(
    { class: "forecast" },
    t("forecastTitle"),
    el(
      "p",
      { class: "muted" },
      forecast.openDeals === 0
        ? t("forecastNoOpenDeals", { period })
        : t("forecastOpenDeals", { count: forecast.openDeals, period }),
    ),
    el(
      "dl",
      { class: "stats" },
      ...stat(t("forecastRevenue"), money(forecast.revenue, currency)),
      ...stat(t("score"), scoreBadge(forecast.score)),
      ...stat(t("payout"), money(forecast.payout, currency)),
    ),
    forecast.tiers.length > 0 ? el("p", {}, t("forecastTiers")) : null,
    tierLines(forecast, currency),
  );
}

/**
 * The share of the target a pace bar fills to, and where the straight line is.
 *
 * @example
 * paceMarks({ revenueToDate: 6000, target: 10000, line: 5000, day: 15, days: 30 }); // { fill: 40, line: 33.3… }
 * @internal Exported for test/forecast/forecast-sidebar-logic.test.ts; the code uses it only inside this file.
 */
export function paceMarks(pace: PaceView): { fill: number; line: number } | null {
  if (pace.target === null || pace.target <= 0 || pace.line === null) return null;
  return { fill: barFill(pace.revenueToDate / pace.target), line: barFill(pace.line / pace.target) };
}

function paceBar(pace: PaceView, currency: string): HTMLElement | null {
  const marks = paceMarks(pace);
  if (!marks) return null;
  const ahead = pace.line !== null && pace.revenueToDate >= pace.line;
  const fill = el("span", { class: "bar-fill" + (ahead ? " met" : "") });
  fill.style.width = marks.fill.toFixed(1) + "%";
  const line = el("span", { class: "bar-target" });
  line.style.left = marks.line.toFixed(1) + "%";
  return el(
    "span",
    {
      class: "bar pace-bar",
      role: "img",
      "aria-label": t("paceBarLabel", {
        actual: money(pace.revenueToDate, currency),
        line: money(pace.line, currency),
      }),
    },
    fill,
    line,
  );
}

/**
 * The pace: revenue to date against a straight line from 0 on the period's
 * first day to the target on its last, with how far ahead or behind.
 *
 * @example
 * paceSection(rep.pace, "USD"); // <div class="pace">…</div>
 */
export function paceSection(pace: PaceView, currency: string): HTMLElement {
  const figures = { actual: money(pace.revenueToDate, currency), day: pace.day, days: pace.days };
  if (pace.target === null || pace.line === null)
    return el("div", { class: "pace" }, el("h3", {}, t("pace")), el("p", {}, t("paceNoTarget", figures)));
  const gap = money(Math.abs(pace.revenueToDate - pace.line), currency);
  return el(
    "div",
    { class: "pace" },
    el("h3", {}, t("pace")),
    el("p", {}, t("paceLine", { ...figures, line: money(pace.line, currency), target: money(pace.target, currency) })),
    paceBar(pace, currency),
    el("p", { class: "muted" }, pace.revenueToDate >= pace.line ? t("paceAhead", { gap }) : t("paceBehind", { gap })),
  );
}

/** Sums a column of the team's rows; null when no row has a figure. */
function total(rows: readonly TeamRow[], pick: (row: TeamRow) => number | null): number | null {
  let sum: number | null = null;
  for (const row of rows) {
    const value = pick(row);
    if (value !== null) sum = (sum ?? 0) + value;
  }
  return sum;
}

/**
 * The team's forecast: Forecast revenue and Forecast payout summed over the
 * period's rows, beside the payout now; null when the period has no forecast
 * (a final period).
 *
 * @example
 * teamForecastCard(team.rows, "USD"); // <div class="card forecast">…</div>
 */
export function teamForecastCard(rows: readonly TeamRow[], currency: string): HTMLElement | null {
  const revenue = total(rows, (row) => row.forecastRevenue ?? null);
  if (revenue === null) return null;
  const payout = total(rows, (row) => row.forecastPayout ?? null);
  return card(
    { class: "forecast" },
    t("teamForecastTitle"),
    el(
      "dl",
      { class: "stats" },
      ...stat(t("forecastRevenue"), money(revenue, currency)),
      ...stat(t("forecastPayout"), money(payout, currency)),
      ...stat(
        t("payoutNow"),
        money(
          total(rows, (row) => row.payout),
          currency,
        ),
      ),
    ),
  );
}
