/**
 * Each metric's actual against its target as a bar (CSS): the bar fills to
 * the attainment on a scale to 150 % (the default achievement cap), a tick
 * marks the target, and the figures are written beside it, so nothing
 * depends on reading the bar.
 */
import { el } from "./dom";
import type { RepMetric, UiLanguage } from "./sidebar-api";
import { t } from "./ui-text";
import { metricValue, percent } from "./value-format";

/** The attainment at the bar's right end. */
const BAR_SCALE_MAX = 1.5;

/**
 * How far a bar fills, in percent of its width (0-100).
 *
 * @example
 * barFill(0.75); // 50
 * barFill(2);    // 100
 * barFill(null); // 0
 */
export function barFill(attainment: number | null): number {
  if (attainment === null || attainment <= 0) return 0;
  return Math.min(100, (attainment / BAR_SCALE_MAX) * 100);
}

function bar(metric: RepMetric): HTMLElement {
  const fill = el("span", { class: "bar-fill" + (metric.attainment !== null && metric.attainment >= 1 ? " met" : "") });
  fill.style.width = barFill(metric.attainment).toFixed(1) + "%";
  const target = el("span", { class: "bar-target" });
  target.style.left = ((1 / BAR_SCALE_MAX) * 100).toFixed(1) + "%";
  return el(
    "span",
    {
      class: "bar",
      role: "img",
      "aria-label": t("barLabel", { metric: metric.label, attainment: percent(metric.attainment) }),
    },
    fill,
    target,
  );
}

/**
 * The metrics list: name and attainment, the bar, then actual and target.
 *
 * @example
 * metricBars(rep.metrics, "en", "USD");
 */
export function metricBars(metrics: readonly RepMetric[], language: UiLanguage, currency: string): HTMLElement {
  return el(
    "ul",
    { class: "metrics" },
    ...metrics.map((metric) => {
      const actual = metricValue(metric.kind, metric.actual, language, currency);
      const target =
        metric.target === null ? t("noTarget") : metricValue(metric.kind, metric.target, language, currency);
      const figures = metric.actual === null ? t("noData") : t("metricLine", { actual, target });
      return el(
        "li",
        {},
        el(
          "span",
          { class: "metric-head" },
          el("span", { class: "metric-name", title: metric.label }, metric.label),
          el("span", { class: "metric-att" }, percent(metric.attainment)),
        ),
        metric.attainment === null ? null : bar(metric),
        el("span", { class: "metric-figures", title: figures }, figures),
      );
    }),
  );
}
