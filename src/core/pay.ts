/**
 * Pay: the plan's components applied to a rep's results, with a trace of
 * every step (driver, tier, rate, max_rate, proration, gate) that the Payouts
 * sheet, the sidebar and the review show.
 */
import type { Employment } from "./employment";
import type { BonusDriver, CommissionComponent, PayoutPeriod, PlanVariant, TargetBonusComponent } from "./plan-model";
import type { Adjustment } from "./records";
import type { ComponentTrace, PayoutResult, RepPeriodResult } from "./results";
import { roundHalfUpCents, roundTo } from "./rounding";
import { evaluateTiers, tierPayout } from "./tiers";

/** A manager's team attainment of a metric in the period, or null when none. */
export type TeamAttainment = (metric: string) => number | null;

export interface PayoutInput {
  result: RepPeriodResult;
  variant: PlanVariant;
  employment: Employment;
  /** Money paid at 100 % per month. */
  monthlyTargetBonus: number;
  payoutPeriod: PayoutPeriod;
  /** The rep's adjustments for the months of the payout period. */
  adjustments: readonly Adjustment[];
  teamAttainment: TeamAttainment;
  /** Every actual of the rep, so a commission can use a metric outside the scorecard. */
  actuals: Readonly<Record<string, number | null>>;
}

const GATE_DECIMALS = 9;

/**
 * Whether a driver meets a gate, compared at the precision tiers use so that
 * 0.1 + 0.2 meets a gate of 0.3.
 *
 * @example
 * gateMet(0.1 + 0.2, 0.3); // true
 * gateMet(0.59, 0.6);      // false
 */
function gateMet(driver: number | null, gate: number | null): boolean {
  if (gate === null) return driver !== null;
  return driver !== null && roundTo(driver, GATE_DECIMALS) >= gate;
}

/**
 * The value that drives a target bonus.
 *
 * @example
 * driverValue({ kind: "score" }, result, () => null); // result.score
 */
function driverValue(driver: BonusDriver, result: RepPeriodResult, teamAttainment: TeamAttainment): number | null {
  switch (driver.kind) {
    case "score":
      return result.score;
    case "attainment":
      return result.metrics.find((m) => m.key === driver.metric)?.attainment ?? null;
    case "team_attainment":
      return teamAttainment(driver.metric);
  }
}

/**
 * The target bonus base of a payout period and its proration: a month pays
 * the monthly bonus prorated by days employed; a quarter or year pays the
 * monthly bonus times the months employed, prorated by the days employed in
 * those months.
 *
 * @example
 * // Hired 15 March: 17 of 31 days.
 * targetBonusBase(1000, "month", employment); // { base: 1000, proration: 17 / 31 }
 */
function targetBonusBase(
  monthly: number,
  payoutPeriod: PayoutPeriod,
  employment: Employment,
): { base: number; proration: number } {
  if (payoutPeriod === "month") return { base: monthly, proration: employment.proration };
  const months = employment.monthsEmployed.length;
  const proration = employment.daysInMonthsEmployed > 0 ? employment.daysEmployed / employment.daysInMonthsEmployed : 0;
  return { base: monthly * months, proration };
}

/**
 * A target-bonus component: rate from the table (a multiple of the target
 * bonus), limited by max_rate, times the base and the proration; 0 when the
 * gate is not met or the driver has no value.
 *
 * @example
 * // Tiers (0.5, 0.5) (1.0, 1.0) (1.2, 1.5), step, score 1.3, max_rate 1.4, 17 of 31 days:
 * targetBonusTrace(component, 1.3, 1000, 17 / 31).amount; // 1000 x 1.4 x 17/31 = 767.74...
 */
function targetBonusTrace(
  component: TargetBonusComponent,
  driver: number | null,
  base: number,
  proration: number,
): ComponentTrace {
  const met = gateMet(driver, component.gate);
  const payout = tierPayout(driver ?? 0, component.tiers, component.mode, base, { maxRate: component.maxRate });
  const paid = met && driver !== null;
  return {
    key: component.key,
    kind: "target_bonus",
    driver: component.driver,
    driverValue: driver,
    mode: component.mode,
    tierIndex: payout.tierIndex,
    tierBound: payout.tierBound,
    nextBound: payout.nextBound,
    slices: payout.slices,
    rawRate: payout.multiple,
    maxRate: component.maxRate,
    rate: paid ? payout.paidMultiple : 0,
    gate: component.gate,
    gateMet: met,
    base,
    proration,
    amount: paid ? payout.paidMultiple * base * proration : 0,
  };
}

/**
 * A commission component: the table applied to the amount. Its rate is the
 * effective share of the amount (the tier rate in step and linear, paid /
 * amount in marginal); max_rate caps that share.
 *
 * @example
 * // Tiers (0, 5%) (10000, 7%) (25000, 10%), marginal, amount 30000:
 * commissionTrace(component, 30000).amount; // 500 + 1050 + 500 = 2050
 */
function commissionTrace(component: CommissionComponent, amount: number | null): ComponentTrace {
  const x = amount ?? 0;
  const met = gateMet(amount, component.gate);
  const outcome = evaluateTiers(x, component.tiers, component.mode);
  const paidByTable = component.mode === "marginal" ? outcome.multiple : outcome.rate * outcome.x;
  const rawRate = outcome.x > 0 ? paidByTable / outcome.x : 0;
  const rate = component.maxRate !== null ? Math.min(rawRate, component.maxRate) : rawRate;
  const capped = rate < rawRate;
  return {
    key: component.key,
    kind: "commission",
    driver: { kind: "amount", metric: component.metric },
    driverValue: amount,
    mode: component.mode,
    tierIndex: outcome.tierIndex,
    tierBound: outcome.tierBound,
    nextBound: outcome.nextBound,
    slices: outcome.slices,
    rawRate,
    maxRate: component.maxRate,
    rate: met ? rate : 0,
    gate: component.gate,
    gateMet: met,
    base: 1,
    proration: 1,
    amount: met && outcome.x > 0 ? (capped ? rate * outcome.x : paidByTable) : 0,
  };
}

/**
 * The payout of a rep for a payout period: the components' sum rounded
 * half-up to cents, plus the period's adjustments (outside every cap).
 *
 * @example
 * // Step, score 1.3, max_rate 1.4, 17/31 days, adjustment -100:
 * payoutFor(input).total; // 767.74 - 100 = 667.74
 */
export function payoutFor(input: PayoutInput): PayoutResult {
  const { base, proration } = targetBonusBase(input.monthlyTargetBonus, input.payoutPeriod, input.employment);
  // Pushed, not mapped: see scoreRep in engine.ts (every array of a result is built by push).
  const components: ComponentTrace[] = [];
  for (const component of input.variant.components) {
    components.push(
      component.kind === "commission"
        ? commissionTrace(component, input.actuals[component.metric] ?? null)
        : targetBonusTrace(
            component,
            driverValue(component.driver, input.result, input.teamAttainment),
            base,
            proration,
          ),
    );
  }
  const componentsTotal = roundHalfUpCents(components.reduce((sum, c) => sum + c.amount, 0));
  const adjustments: PayoutResult["adjustments"] = [];
  for (const a of input.adjustments)
    adjustments.push({ period: a.period, amount: a.amount, reason: a.reason, row: a.row });
  const total = roundHalfUpCents(componentsTotal + adjustments.reduce((sum, a) => sum + a.amount, 0));
  return { payoutPeriod: input.payoutPeriod, components, componentsTotal, adjustments, total, negative: total < 0 };
}
