/**
 * The score over recent periods as a small inline SVG line, with a dashed
 * line at 100 % (on target). Blank scores break the line. The chart has a
 * text alternative, and the first and last points are written under it.
 */
import { el, svg } from "./dom";
import type { TrendPoint } from "./sidebar-api";
import { t } from "./ui-text";
import { percent } from "./value-format";

const WIDTH = 260;
const HEIGHT = 56;
const PAD = 5;

/**
 * The y range shown: the scores and 100 %, with a little room.
 *
 * @example
 * yRange([0.9, 1.2]); // { low: 0.85, high: 1.25 }
 *
 * @internal Exported only for test/sidebar/sidebar-logic.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function yRange(scores: readonly number[]): { low: number; high: number } {
  const low = Math.min(1, ...scores);
  const high = Math.max(1, ...scores);
  const room = Math.max(0.05, (high - low) * 0.1);
  return { low: low - room, high: high + room };
}

/**
 * Points of the line, split where a score is blank.
 *
 * @example
 * lineSegments([{ period: "a", score: 1 }, { period: "b", score: null }, { period: "c", score: 0.9 }]).length; // 2
 *
 * @internal Exported only for test/sidebar/sidebar-logic.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function lineSegments(points: readonly TrendPoint[]): { x: number; y: number; last: boolean }[][] {
  const scores = points.map((p) => p.score).filter((s): s is number => s !== null);
  const { low, high } = yRange(scores);
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const segments: { x: number; y: number; last: boolean }[][] = [];
  let current: { x: number; y: number; last: boolean }[] = [];
  points.forEach((point, i) => {
    if (point.score === null) {
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    const x = points.length > 1 ? PAD + i * step : WIDTH / 2;
    const y = PAD + (1 - (point.score - low) / (high - low)) * (HEIGHT - 2 * PAD);
    current.push({ x, y, last: i === points.length - 1 });
  });
  if (current.length) segments.push(current);
  return segments;
}

/**
 * The sparkline of a trend.
 *
 * @example
 * scoreSparkline(rep.trend); // <figure class="sparkline"><svg role="img" ...></figure>
 */
export function scoreSparkline(points: readonly TrendPoint[]): HTMLElement {
  const scored = points.filter((p) => p.score !== null);
  if (scored.length < 2) return el("p", { class: "muted" }, t("trendEmpty"));
  const first = points[0];
  const last = points[points.length - 1];
  const label = t("trendLabel", {
    first: first.period,
    last: last.period,
    from: percent(first.score),
    to: percent(last.score),
  });
  const scores = scored.map((p) => p.score as number);
  const { low, high } = yRange(scores);
  const targetY = PAD + (1 - (1 - low) / (high - low)) * (HEIGHT - 2 * PAD);
  const chart = svg(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: "img",
      "aria-label": label,
      focusable: "false",
      class: "sparkline-chart",
    },
    svg("title", {}, label),
    svg("line", { x1: 0, x2: WIDTH, y1: targetY.toFixed(1), y2: targetY.toFixed(1), class: "spark-target" }),
    ...lineSegments(points).flatMap((segment) => [
      svg("polyline", {
        points: segment.map((p) => p.x.toFixed(1) + "," + p.y.toFixed(1)).join(" "),
        class: "spark-line",
      }),
      ...segment.map((p) =>
        svg("circle", {
          cx: p.x.toFixed(1),
          cy: p.y.toFixed(1),
          r: p.last ? 3.5 : 2,
          class: p.last ? "spark-last" : "spark-point",
        }),
      ),
    ]),
  );
  return el(
    "figure",
    { class: "sparkline" },
    chart,
    el(
      "figcaption",
      { class: "spark-ends" },
      el("span", {}, first.period + " " + percent(first.score)),
      el("span", {}, last.period + " " + percent(last.score)),
    ),
  );
}
