/**
 * Score bands: below 80 %, 80 % to under 100 %, and 100 % and over (on or
 * above target). Each band has a colour, a symbol and words, so the band
 * reads without colour too.
 */
import { el } from "./dom";
import { t, type TextKey } from "./ui-text";
import { percent } from "./value-format";

type ScoreBand = "high" | "mid" | "low" | "none";

/** Where the middle band starts. */
const MID_BAND_FROM = 0.8;
/** Where the top band starts (on target). */
const HIGH_BAND_FROM = 1;

/**
 * The band of a score.
 *
 * @example
 * scoreBand(1.02); // "high"
 * scoreBand(0.85); // "mid"
 * scoreBand(0.5);  // "low"
 * scoreBand(null); // "none"
 *
 * @internal Exported only for test/sidebar/sidebar-logic.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function scoreBand(score: number | null): ScoreBand {
  if (score === null) return "none";
  // Rounded as shown, so "100.0%" is never in the middle band.
  const shown = Math.round(score * 1000) / 1000;
  if (shown >= HIGH_BAND_FROM) return "high";
  if (shown >= MID_BAND_FROM) return "mid";
  return "low";
}

const SYMBOLS: Record<ScoreBand, string> = { high: "▲", mid: "●", low: "▼", none: "" };
const WORDS: Record<ScoreBand, TextKey> = { high: "bandHigh", mid: "bandMid", low: "bandLow", none: "bandNone" };

/**
 * A band's words.
 *
 * @example
 * bandWords("low"); // "below 80% of target"
 */
function bandWords(band: ScoreBand): string {
  return t(WORDS[band]);
}

/**
 * A score with its band: coloured, with the band's symbol, and the band's
 * words for screen readers and as a tooltip.
 *
 * @example
 * scoreBadge(0.74); // <span class="band band-low" title="below 80% of target">▼ 74.0%</span>
 */
export function scoreBadge(score: number | null): HTMLElement {
  const band = scoreBand(score);
  return el(
    "span",
    { class: "band band-" + band, title: percent(score) + " — " + bandWords(band) },
    SYMBOLS[band] ? el("span", { "aria-hidden": "true" }, SYMBOLS[band] + " ") : null,
    percent(score),
    el("span", { class: "visually-hidden" }, " (" + bandWords(band) + ")"),
  );
}

/**
 * The legend of the bands.
 *
 * @example
 * bandLegend(); // <p class="legend">▲ at or above target ... </p>
 */
export function bandLegend(): HTMLElement {
  const bands: ScoreBand[] = ["high", "mid", "low"];
  return el(
    "ul",
    { class: "legend", "aria-label": t("legend") },
    ...bands.map((band) =>
      el(
        "li",
        { class: "band band-" + band },
        el("span", { "aria-hidden": "true" }, SYMBOLS[band] + " "),
        bandWords(band),
      ),
    ),
  );
}
