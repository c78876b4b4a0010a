/**
 * A review's pay: the payout as shown (components, the first adjustments, the
 * total), what it takes to reach each component's next tier or gate, and the
 * gates not met. Points to the next tier are taken between the rounded
 * figures, so they add up with the figures cited beside them.
 */
import { ceilTo, metricPrecision } from "./display-format";
import type { BonusDriver } from "./plan-model";
import type { ComponentTrace, MetricResult, RepPeriodResult } from "./results";
import { FRACTION_PRECISION, isNumber, isWholeCount, MONEY_PRECISION } from "./review-figures";
import { metricOf } from "./review-metric-findings";
import { roundTo } from "./rounding";

type DriverKind = "score" | "attainment" | "team_attainment" | "amount";

export interface ComponentFinding {
  key: string;
  kind: "target_bonus" | "commission";
  /** Name shown needs the key only when the plan has two components of one kind. */
  showKey: boolean;
  driverKind: DriverKind;
  /** The metric of an attainment, team attainment or amount driver; null for the score. */
  driverMetric: string | null;
  driverValue: number | null;
  amount: number;
  rawRate: number;
  rate: number;
  capped: boolean;
  base: number;
  proration: number;
  gate: number | null;
  gateMet: boolean;
}

interface AdjustmentFinding {
  amount: number;
  reason: string;
}

export interface PayoutFinding {
  total: number;
  componentsTotal: number;
  components: ComponentFinding[];
  /** The first adjustments in sheet order (at most {@link MAX_LISTED_ADJUSTMENTS}). */
  adjustments: AdjustmentFinding[];
  /** Adjustments not listed, and their sum. */
  moreAdjustments: { count: number; total: number } | null;
  negative: boolean;
}

/** What it takes to reach the next tier (or the gate) of a pay component. */
export type NextTierFinding =
  | {
      status: "below";
      component: string;
      kind: "target_bonus" | "commission";
      showKey: boolean;
      driverKind: DriverKind;
      driverMetric: string | null;
      /** "gate": the component pays nothing until the driver reaches the gate. */
      reaching: "gate" | "tier";
      current: number;
      threshold: number;
      /** threshold - current between the figures as shown (fraction for score and attainments, money for amounts). */
      difference: number;
      /** For an attainment driver with a target: how much more (or less, for lower-is-better) actual it takes, in the metric's units. */
      extraActual: number | null;
    }
  | { status: "top"; component: string; kind: "target_bonus" | "commission"; showKey: boolean };

export interface GateFinding {
  component: string;
  kind: "target_bonus" | "commission";
  showKey: boolean;
  driverKind: DriverKind;
  driverMetric: string | null;
  value: number;
  gate: number;
}

/**
 * Adjustments listed one by one; the rest are summed, so a review stays short.
 *
 * @internal Exported only for src/core/review-findings.test.ts, which checks it directly; the code uses it inside this
 * file.
 */
export const MAX_LISTED_ADJUSTMENTS = 10;

/** The metric of a component's driver; null for the score. */
function driverMetricOf(trace: ComponentTrace): string | null {
  const driver: BonusDriver | { kind: "amount"; metric: string } = trace.driver;
  return driver.kind === "score" ? null : driver.metric;
}

function countOfKind(components: readonly ComponentTrace[], kind: ComponentTrace["kind"]): number {
  let count = 0;
  for (const c of components) if (c.kind === kind) count += 1;
  return count;
}

function componentFindings(components: ComponentTrace[]): ComponentFinding[] {
  // Pushed, not mapped, and every field in one literal: see metricFindings in review-metric-findings.ts.
  const findings: ComponentFinding[] = [];
  for (const c of components) {
    const finding: ComponentFinding = {
      key: c.key,
      kind: c.kind,
      showKey: countOfKind(components, c.kind) > 1,
      driverKind: c.driver.kind,
      driverMetric: driverMetricOf(c),
      // Made with null and set after: see the score in reviewFindings (review-findings.ts).
      driverValue: null,
      amount: isNumber(c.amount) ? c.amount : 0,
      rawRate: isNumber(c.rawRate) ? c.rawRate : 0,
      rate: isNumber(c.rate) ? c.rate : 0,
      capped: isNumber(c.rawRate) && isNumber(c.rate) && c.rawRate > c.rate,
      base: isNumber(c.base) ? c.base : 0,
      proration: isNumber(c.proration) ? c.proration : 1,
      gate: null,
      gateMet: c.gateMet,
    };
    finding.driverValue = isNumber(c.driverValue) ? c.driverValue : null;
    finding.gate = isNumber(c.gate) ? c.gate : null;
    findings.push(finding);
  }
  return findings;
}

function adjustmentFindings(adjustments: readonly { amount: number; reason: string }[]): AdjustmentFinding[] {
  const findings: AdjustmentFinding[] = [];
  const listed = Math.min(adjustments.length, MAX_LISTED_ADJUSTMENTS);
  for (let i = 0; i < listed; i++) {
    const a = adjustments[i];
    findings.push({ amount: isNumber(a.amount) ? a.amount : 0, reason: a.reason });
  }
  return findings;
}

/**
 * The payout as the review shows it: components, the first adjustments and the total.
 *
 * @example
 * payoutFinding(result); // { total: 1150, components: [...], adjustments: [{ amount: -100, reason: "..." }], ... }
 */
export function payoutFinding(result: RepPeriodResult): PayoutFinding | null {
  const payout = result.payout;
  if (payout === null) return null;
  const rest = payout.adjustments.slice(MAX_LISTED_ADJUSTMENTS);
  return {
    total: isNumber(payout.total) ? payout.total : 0,
    componentsTotal: isNumber(payout.componentsTotal) ? payout.componentsTotal : 0,
    components: componentFindings(payout.components),
    adjustments: adjustmentFindings(payout.adjustments),
    moreAdjustments:
      rest.length > 0
        ? {
            count: rest.length,
            total: roundTo(
              rest.reduce((sum, a) => sum + (isNumber(a.amount) ? a.amount : 0), 0),
              MONEY_PRECISION,
            ),
          }
        : null,
    // The figure shown decides, so the note can never contradict the total beside it.
    negative: isNumber(payout.total) && roundTo(payout.total, MONEY_PRECISION) < 0,
  };
}

/**
 * How much more actual an attainment driver needs to reach a bound, in the
 * metric's units, rounded up at the precision shown (whole units for counts).
 * For lower-is-better, how much lower the actual must be.
 *
 * @example
 * extraActualFor({ key: "revenue", direction: "higher", actual: 46000, target: 50000 }, 1.0); // 4000
 * extraActualFor({ key: "sales_cycle_days", direction: "lower", actual: 36, target: 30 }, 1.0); // 6
 *
 * @internal Exported only for review-pay-findings.test.ts, which checks it directly; the code uses it inside this file.
 */
export function extraActualFor(
  metric: Pick<MetricResult, "key" | "direction" | "actual" | "target">,
  bound: number,
): number | null {
  if (!isNumber(metric.actual) || !isNumber(metric.target) || metric.target <= 0 || bound <= 0) return null;
  const needed =
    metric.direction === "higher" ? bound * metric.target - metric.actual : metric.actual - metric.target / bound;
  if (!(needed > 0)) return null;
  return ceilTo(needed, isWholeCount(metric.key) ? 0 : metricPrecision(metric.key));
}

/**
 * The way to the next tier (or the gate) of each component with a driver value.
 *
 * @example
 * nextTierFindings(result, payoutFinding(result)!.components, result.payout!.components);
 * // [{ status: "below", component: "bonus", driverKind: "score", current: 0.92, threshold: 1, difference: 0.08, ... }]
 */
export function nextTierFindings(
  result: RepPeriodResult,
  components: ComponentFinding[],
  traces: ComponentTrace[],
): NextTierFinding[] {
  const findings: NextTierFinding[] = [];
  components.forEach((c, index) => {
    const trace = traces[index];
    if (c.driverValue === null) return;
    const belowGate = c.gate !== null && !c.gateMet;
    const threshold = belowGate ? c.gate : isNumber(trace.nextBound) ? trace.nextBound : null;
    if (threshold === null) {
      if (c.kind === "target_bonus")
        findings.push({ status: "top", component: c.key, kind: c.kind, showKey: c.showKey });
      return;
    }
    const isMoney = c.driverKind === "amount";
    const precision = isMoney ? MONEY_PRECISION : FRACTION_PRECISION;
    const difference = roundTo(roundTo(threshold, precision) - roundTo(c.driverValue, precision), precision);
    if (!(difference > 0)) return;
    const metric =
      c.driverKind === "attainment" && c.driverMetric !== null ? metricOf(result, c.driverMetric) : undefined;
    findings.push({
      status: "below",
      component: c.key,
      kind: c.kind,
      showKey: c.showKey,
      driverKind: c.driverKind,
      driverMetric: c.driverMetric,
      reaching: belowGate ? "gate" : "tier",
      current: c.driverValue,
      threshold,
      difference,
      extraActual: metric !== undefined ? extraActualFor(metric, threshold) : null,
    });
  });
  return findings;
}

/**
 * The components whose gate the driver has not reached.
 *
 * @example
 * gateFindings(payoutFinding(result)!.components); // [{ component: "bonus", driverKind: "score", value: 0.7, gate: 0.8, ... }]
 */
export function gateFindings(components: ComponentFinding[]): GateFinding[] {
  const gates: GateFinding[] = [];
  for (const c of components) {
    if (c.gateMet || c.gate === null || c.driverValue === null) continue;
    gates.push({
      component: c.key,
      kind: c.kind,
      showKey: c.showKey,
      driverKind: c.driverKind,
      driverMetric: c.driverMetric,
      value: c.driverValue,
      gate: c.gate,
    });
  }
  return gates;
}
