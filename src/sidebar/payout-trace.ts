/**
 * The payout trace line by line, as the Payouts sheet holds it: for each
 * pay component its driver and value, mode, tier, rate, max rate, base,
 * proration and gate, then each adjustment with its reason, then the total.
 */
import { el } from "./dom";
import type { PayoutLine } from "./sidebar-api";
import { fact, traceLine } from "./trace-line";
import { t, uiLanguage, type TextKey } from "./ui-text";
import { driverValue, money, percent, rateNumber } from "./value-format";
import { formatNumber } from "../core/display-format";
import { metricLabel } from "../core/metric-catalog";

const MODE_WORDS: Record<string, TextKey> = { step: "modeStep", linear: "modeLinear", marginal: "modeMarginal" };

/**
 * A Payouts Driver cell in words: "score", "revenue attainment", or a
 * commission's metric by its name.
 *
 * @example
 * driverWords("attainment:revenue"); // "Revenue attainment"
 * driverWords("revenue");            // "Revenue"
 */
function driverWords(driver: string): string {
  const language = uiLanguage();
  if (driver === "score") return t("driverScore");
  const match = /^(attainment|team_attainment):(.+)$/.exec(driver);
  if (match)
    return t(match[1] === "attainment" ? "driverAttainment" : "driverTeamAttainment", {
      metric: metricLabel(match[2], language),
    });
  return metricLabel(driver, language);
}

function modeWords(mode: string): string {
  const key = Object.prototype.hasOwnProperty.call(MODE_WORDS, mode) ? MODE_WORDS[mode] : undefined;
  return key ? t(key) : mode || "—";
}

function rateText(line: PayoutLine): string {
  if (line.rate === null) return "—";
  // A commission's rate is a share of the amount; a target bonus's is a multiple of the base.
  return line.type === "commission" ? formatNumber(line.rate * 100, 2) + "%" : "× " + rateNumber(line.rate);
}

function gateText(line: PayoutLine, currency: string): string {
  if (line.gate === null) return t("noGate");
  const gate = driverValue(line.driver, line.gate, currency);
  return line.gateMet === false ? t("gateNotMet", { gate }) : t("gateMet", { gate });
}

function componentTitle(line: PayoutLine): string {
  const kind = line.type === "commission" ? t("commission") : t("targetBonus");
  return line.item && line.item !== line.type ? kind + " · " + line.item : kind;
}

function componentLine(line: PayoutLine, currency: string): HTMLElement {
  const tier = line.tier === null ? t("belowFirstTier") : driverValue(line.driver, line.tier, currency);
  return traceLine(
    "trace-line",
    el("strong", {}, componentTitle(line)),
    el("span", { class: "trace-amount" }, money(line.amount, currency)),
    el(
      "dl",
      { class: "facts" },
      ...fact(t("driver"), driverWords(line.driver) + " = " + driverValue(line.driver, line.driverValue, currency)),
      ...fact(t("mode"), modeWords(line.mode)),
      ...fact(t("tier"), tier),
      ...fact(t("rate"), rateText(line)),
      ...(line.maxRate !== null
        ? fact(
            t("maxRate"),
            line.type === "commission" ? formatNumber(line.maxRate * 100, 2) + "%" : "× " + rateNumber(line.maxRate),
          )
        : []),
      ...(line.base !== null ? fact(t("base"), money(line.base, currency)) : []),
      ...fact(t("proration"), percent(line.proration)),
      ...fact(t("gate"), gateText(line, currency)),
    ),
  );
}

function adjustmentLine(line: PayoutLine, currency: string): HTMLElement {
  return traceLine(
    "trace-line",
    el("strong", {}, t("adjustment") + (line.item ? " · " + line.item : "")),
    el("span", { class: "trace-amount" }, money(line.amount, currency)),
    line.reason ? el("dl", { class: "facts" }, ...fact(t("reason"), line.reason)) : null,
  );
}

function totalLine(line: PayoutLine, currency: string): HTMLElement {
  return traceLine(
    "trace-line trace-total",
    el("strong", {}, t("total")),
    el("strong", { class: "trace-amount" }, money(line.amount, currency)),
    line.notes ? el("p", { class: "muted" }, line.notes) : null,
  );
}

/**
 * The trace of a rep's payout.
 *
 * @example
 * payoutTrace(rep.payoutLines, "USD"); // <ol class="trace">...</ol>
 */
export function payoutTrace(lines: readonly PayoutLine[], currency: string): HTMLElement {
  if (lines.length === 0) return el("p", { class: "muted" }, t("noPayout"));
  return el(
    "ol",
    { class: "trace payout-trace" },
    ...lines.map((line) =>
      line.type === "total"
        ? totalLine(line, currency)
        : line.type === "adjustment"
          ? adjustmentLine(line, currency)
          : componentLine(line, currency),
    ),
  );
}
