/**
 * The pipeline forecast in the sidebar: for a rep, "if your open deals close"
 * (revenue, score, payout and the tier each pay component would reach) and
 * the pace (revenue to date against a straight line to the period's end);
 * for the team, the forecast revenue and payout summed over its rows.
 */
import { el } from "./dom";
import { barFill } from "./metric-bars";
import { scoreBadge } from "./score-band";
import type { ForecastView, PaceView, TeamRow } from "./sidebar-api";
import { fill } from "../core/localized-text";
import { t, uiLanguage } from "./ui-text";
import { driverValue, money, rateNumber } from "./value-format";

/** The forecast's own interface text, in English and Chinese (the rest is ui-text.ts's). */
const FORECAST_TEXT = {
  forecastTitle: { en: "If your open deals close", zh: "如果您的进行中商机全部成交" },
  forecastOpenDeals: {
    en: "{count} open deals closing in {period}, each counted at its amount × its probability.",
    zh: "{period} 预计成交的进行中商机共 {count} 个，每个按金额 × 赢率计入。",
  },
  forecastNoOpenDeals: {
    en: "No open deal closes in {period}: the forecast is the actual.",
    zh: "{period} 没有预计成交的进行中商机：预测即为实际。",
  },
  forecastRevenue: { en: "Forecast revenue", zh: "预测销售额" },
  forecastPayout: { en: "Forecast payout", zh: "预测应发金额" },
  forecastTiers: { en: "Tier reached:", zh: "将达到的档位：" },
  forecastTierLine: { en: "{component}: tier from {tier}, rate {rate}", zh: "{component}：{tier} 档，比例 {rate}" },
  pace: { en: "Pace", zh: "进度" },
  paceLine: {
    en: "Revenue to date {actual}; a straight line to {target} at the period's end is at {line} today (day {day} of {days}).",
    zh: "截至今天销售额 {actual}；按直线进度到期末达到 {target}，今天应为 {line}（第 {day} 天，共 {days} 天）。",
  },
  paceAhead: { en: "Ahead of the line by {gap}.", zh: "领先直线进度 {gap}。" },
  paceBehind: { en: "Behind the line by {gap}.", zh: "落后直线进度 {gap}。" },
  paceNoTarget: {
    en: "Revenue to date {actual} (day {day} of {days}); there is no revenue target to pace against.",
    zh: "截至今天销售额 {actual}（第 {day} 天，共 {days} 天）；没有销售额目标，无法比较进度。",
  },
  paceBarLabel: {
    en: "Revenue to date {actual} against {line} on the line",
    zh: "截至今天销售额 {actual}，直线进度 {line}",
  },
  teamForecastTitle: { en: "Team forecast if open deals close", zh: "团队预测（如果进行中商机全部成交）" },
  payoutNow: { en: "Payout now", zh: "当前应发金额" },
} as const;

/** Forecast text in the current language, `{name}` placeholders filled. */
function ft(key: keyof typeof FORECAST_TEXT, args: Record<string, string | number> = {}): string {
  return fill(FORECAST_TEXT[key][uiLanguage()], args);
}

function stat(term: string, value: Node | string): HTMLElement[] {
  return [el("dt", {}, term), el("dd", {}, value)];
}

function tierLines(forecast: ForecastView, currency: string): HTMLElement | null {
  if (forecast.tiers.length === 0) return null;
  return el(
    "ul",
    { class: "forecast-tiers" },
    ...forecast.tiers.map((tier) =>
      el(
        "li",
        {},
        ft("forecastTierLine", {
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
  return el(
    "div",
    { class: "card forecast" },
    el("h3", {}, ft("forecastTitle")),
    el(
      "p",
      { class: "muted" },
      forecast.openDeals === 0
        ? ft("forecastNoOpenDeals", { period })
        : ft("forecastOpenDeals", { count: forecast.openDeals, period }),
    ),
    el(
      "dl",
      { class: "stats" },
      ...stat(ft("forecastRevenue"), money(forecast.revenue, currency)),
      ...stat(t("score"), scoreBadge(forecast.score)),
      ...stat(t("payout"), money(forecast.payout, currency)),
    ),
    forecast.tiers.length > 0 ? el("p", {}, ft("forecastTiers")) : null,
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
      "aria-label": ft("paceBarLabel", {
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
    return el("div", { class: "pace" }, el("h3", {}, ft("pace")), el("p", {}, ft("paceNoTarget", figures)));
  const gap = money(Math.abs(pace.revenueToDate - pace.line), currency);
  return el(
    "div",
    { class: "pace" },
    el("h3", {}, ft("pace")),
    el("p", {}, ft("paceLine", { ...figures, line: money(pace.line, currency), target: money(pace.target, currency) })),
    paceBar(pace, currency),
    el("p", { class: "muted" }, pace.revenueToDate >= pace.line ? ft("paceAhead", { gap }) : ft("paceBehind", { gap })),
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
  return el(
    "div",
    { class: "card forecast" },
    el("h3", {}, ft("teamForecastTitle")),
    el(
      "dl",
      { class: "stats" },
      ...stat(ft("forecastRevenue"), money(revenue, currency)),
      ...stat(ft("forecastPayout"), money(payout, currency)),
      ...stat(
        ft("payoutNow"),
        money(
          total(rows, (row) => row.payout),
          currency,
        ),
      ),
    ),
  );
}
