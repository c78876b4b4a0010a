/**
 * The element-wise custom functions (SCORECARD lives in scorecard-function.ts);
 * the README lists them.
 *
 * Each function only reads its arguments (custom-function-arguments) and calls the
 * core; every failure leaves as a one-line `Error("NAME: ...")`. The build
 * copies each JSDoc block onto a top-level stub, which is what Sheets reads
 * for autocomplete and argument help: keep one block right above each
 * `export function`, and export nothing else from this file.
 */

import {
  DEFAULT_ACHIEVEMENT_LIMITS,
  DIRECTION_NAMES,
  attainment,
  metricAchievement,
  parseDirection,
} from "../core/attainment";
import type { AchievementLimits, Direction } from "../core/attainment";
import { roundTo } from "../core/rounding";
import { seasonalSplit, suggestTarget } from "../core/target-setting";
import { nextTierBound, tierPayoutAmount } from "../core/tiers";
import {
  commonShape,
  elementAt,
  elementSubject,
  isOmitted,
  mapElementwise,
  readChoice,
  readDirectionArgument,
  readElementNumber,
  readMonthlyHistory,
  readNonNegativeElement,
  readNumbersInReadingOrder,
  readOptionalNonNegativeNumber,
  readOptionalNumber,
  readTargetMethodArgument,
  readTierModeArgument,
  readTierTable,
  readVector,
  requireArgument,
} from "./custom-function-arguments";
import { ARGUMENT_MESSAGES, ArgumentError, runCustomFunction } from "./custom-function-errors";
import { BLANK_RESULT } from "./custom-function-values";
import type {
  ElementPlace,
  NamedArgument,
  ResultCell,
  SheetArgument,
  SheetResult,
  VectorCell,
} from "./custom-function-values";

const DEFAULT_TARGET_BONUS = 1;
const DEFAULT_GROWTH = 0;
// A gap is money or a count: 9 decimals keep it exact and drop float noise
// such as 0.6000000000000001.
const GAP_DECIMALS = 9;

/**
 * Attainment of each actual against its target: actual / target, or target / actual when lower is better; blank where there is none.
 *
 * @param {number|Array<Array<number>>} actual The actual value, or a range of them.
 * @param {number|Array<Array<number>>} target The target, or a range of the same shape as actual. A single target applies to every actual.
 * @param {string} direction Optional: "higher" (default) or "lower" is better; also 越高越好 or 越低越好.
 * @return {number|string|Array<Array<number|string>>} The attainment (1 = on target), or "" where there is none.
 * @example =ATTAINMENT(B2:B10, C2:C10)
 * @customfunction
 */
export function ATTAINMENT(actual: SheetArgument, target: SheetArgument, direction?: SheetArgument): SheetResult {
  return runCustomFunction("ATTAINMENT", () => {
    const actualArgument = required("actual", actual);
    const targetArgument = required("target", target);
    const chosenDirection = readDirectionArgument({ name: "direction", value: direction });
    return mapActualsAndTargets(
      actualArgument,
      targetArgument,
      (actualNumber, targetNumber) => attainment(actualNumber, targetNumber, chosenDirection) ?? BLANK_RESULT,
    );
  });
}

/**
 * Weighted KPI score per rep: a row per rep, a column per metric; 1 = on target. Metrics without data or target are left out and their weight spread over the rest.
 *
 * @param {Array<Array<number>>} actuals The actuals, a row per rep and a column per metric.
 * @param {Array<Array<number>>} targets The targets, the same shape as actuals.
 * @param {Array<Array<number>>} weights One weight per metric, as a row or a column.
 * @param {Array<Array<string>>} directions Optional: one direction per metric ("higher" or "lower"; default "higher").
 * @param {Array<Array<number>>} caps Optional: one cap on achievement per metric (default 1.5).
 * @return {number|string|Array<Array<number|string>>} One score per row, or "" for a row with no usable metric.
 * @example =KPI_SCORE(B2:D10, F2:H10, B1:D1, B12:D12)
 * @customfunction
 */
export function KPI_SCORE(
  actuals: SheetArgument,
  targets: SheetArgument,
  weights: SheetArgument,
  directions?: SheetArgument,
  caps?: SheetArgument,
): SheetResult {
  return runCustomFunction("KPI_SCORE", () => {
    const actualsArgument = required("actuals", actuals);
    const targetsArgument = required("targets", targets);
    const weightsArgument = required("weights", weights);
    const shape = commonShape([actualsArgument, targetsArgument]);
    const metricCount = shape === null ? 1 : shape.columns;
    const metricWeights = readMetricWeights(weightsArgument, metricCount);
    const metricDirections = readMetricDirections({ name: "directions", value: directions }, metricCount);
    const metricCaps = readMetricCaps({ name: "caps", value: caps }, metricCount);
    // weightedScore's sums, in its order, so the same score to the last bit (a test holds them equal); weightedScore
    // also builds each metric's share and left-out reason, which over 100,000 rows cost most of the call.
    const limits = metricCaps.map((cap): AchievementLimits => ({ floor: DEFAULT_ACHIEVEMENT_LIMITS.floor, cap }));
    // One place for every cell: it is read only when a message names a cell.
    const place: ElementPlace = { row: 0, column: 0 };
    const scoreOfRow = (row: number): ResultCell => {
      let weightTotal = 0;
      let weightedSum = 0;
      place.row = row;
      for (let column = 0; column < metricCount; column += 1) {
        place.column = column;
        const actual = readElementNumber(actualsArgument, elementAt(actualsArgument.value, row, column), place);
        const target = readElementNumber(targetsArgument, elementAt(targetsArgument.value, row, column), place);
        const achieved = metricAchievement(actual, target, metricDirections[column], limits[column]);
        if (achieved === null) {
          continue;
        }
        weightTotal += metricWeights[column];
        weightedSum += metricWeights[column] * achieved;
      }
      return weightTotal > 0 ? weightedSum / weightTotal : BLANK_RESULT;
    };
    if (shape === null) {
      return scoreOfRow(0);
    }
    const scores: ResultCell[][] = new Array(shape.rows);
    for (let row = 0; row < shape.rows; row += 1) {
      scores[row] = [scoreOfRow(row)];
    }
    return scores;
  });
}

/**
 * Bonus from a tier table: the rate of x's tier (step), the interpolated rate (linear) or the sum of x's slices (marginal), limited by max_rate, times the target bonus.
 *
 * @param {number|Array<Array<number>>} x The driver: a score, an attainment or an amount, or a range of them.
 * @param {Array<Array<number>>} tiers The tier table: rows of (lower bound, rate), bounds ascending.
 * @param {number|Array<Array<number>>} target_bonus Optional: the bonus paid at rate 1 (default 1), or a range of the same shape as x.
 * @param {string} mode Optional: "step" (default), "linear" or "marginal".
 * @param {number} max_rate Optional: the highest rate paid (in marginal mode, the highest sum of slices).
 * @return {number|string|Array<Array<number|string>>} The bonus, or "" where x or target_bonus is blank.
 * @example =BONUS(E2:E10, $H$2:$I$4, 1000, "linear", 1.4)
 * @customfunction
 */
export function BONUS(
  x: SheetArgument,
  tiers: SheetArgument,
  target_bonus?: SheetArgument,
  mode?: SheetArgument,
  max_rate?: SheetArgument,
): SheetResult {
  return runCustomFunction("BONUS", () => {
    const xArgument = required("x", x);
    const tierTable = readTierTable({ name: "tiers", value: tiers });
    const chosenMode = readTierModeArgument({ name: "mode", value: mode });
    const maxRate = readOptionalNonNegativeNumber({ name: "max_rate", value: max_rate }, null);
    // Element-wise: only a left-out argument takes the default; a blank cell
    // gives a blank result like any blank element.
    const bonusArgument = {
      name: "target_bonus",
      value: target_bonus === undefined || target_bonus === null ? DEFAULT_TARGET_BONUS : target_bonus,
    };
    return mapElementwise([xArgument, bonusArgument], ([xValue, bonusValue], place) => {
      const driver = readElementNumber(xArgument, xValue, place);
      const targetBonus = readNonNegativeElement(bonusArgument, bonusValue, place);
      if (driver === null || targetBonus === null) {
        return BLANK_RESULT;
      }
      return tierPayoutAmount(driver, tierTable, chosenMode, targetBonus, { maxRate });
    });
  });
}

/**
 * How much more actual reaches the next tier bound of attainment; for a lower-is-better metric, how much the actual must drop. Blank at the top tier or without attainment.
 *
 * @param {number|Array<Array<number>>} actual The actual value, or a range of them.
 * @param {number|Array<Array<number>>} target The target, or a range of the same shape as actual.
 * @param {Array<Array<number>>} tiers The tier table on attainment: rows of (lower bound, rate), or a column of bounds.
 * @param {string} direction Optional: "higher" (default) or "lower" is better; also 越高越好 or 越低越好.
 * @return {number|string|Array<Array<number|string>>} The gap (a positive amount), or "".
 * @example =NEXT_TIER_GAP(B2:B10, C2:C10, $H$2:$I$4)
 * @customfunction
 */
export function NEXT_TIER_GAP(
  actual: SheetArgument,
  target: SheetArgument,
  tiers: SheetArgument,
  direction?: SheetArgument,
): SheetResult {
  return runCustomFunction("NEXT_TIER_GAP", () => {
    const actualArgument = required("actual", actual);
    const targetArgument = required("target", target);
    const tierTable = readTierTable({ name: "tiers", value: tiers }, { boundsOnly: true });
    const chosenDirection = readDirectionArgument({ name: "direction", value: direction });
    return mapActualsAndTargets(actualArgument, targetArgument, (actualNumber, targetNumber) => {
      const reached = attainment(actualNumber, targetNumber, chosenDirection);
      const bound = reached === null ? null : nextTierBound(reached, tierTable);
      if (bound === null) {
        return BLANK_RESULT;
      }
      return gapToBound(actualNumber, targetNumber, bound, chosenDirection);
    });
  });
}

/**
 * Suggests a target from history (oldest first, blanks skipped): its average, median, last value or trend, times (1 + growth), never below 0.
 *
 * @param {number|Array<Array<number>>} history Past values, read row by row, left to right, oldest first.
 * @param {number} growth Optional: the growth to add, e.g. 10% or 0.1 (default 0).
 * @param {string} method Optional: "average" (default), "median", "last" or "trend" (least-squares line, one step ahead).
 * @return {number} The suggested target.
 * @example =SUGGEST_TARGET(B2:M2, 10%, "trend")
 * @customfunction
 */
export function SUGGEST_TARGET(history: SheetArgument, growth?: SheetArgument, method?: SheetArgument): SheetResult {
  return runCustomFunction("SUGGEST_TARGET", () => {
    const historyArgument = required("history", history);
    const values = readNumbersInReadingOrder(historyArgument);
    const chosenGrowth = readOptionalNumber({ name: "growth", value: growth }, null) ?? DEFAULT_GROWTH;
    const chosenMethod = readTargetMethodArgument({ name: "method", value: method });
    if (values.length === 0) {
      throw new ArgumentError(ARGUMENT_MESSAGES.noNumbers(historyArgument.name));
    }
    return suggestTarget(values, chosenGrowth, chosenMethod);
  });
}

/**
 * Splits an annual target into 12 monthly targets by the seasonality of past years; equal months without a complete year of history.
 *
 * @param {number} annual_target The target for the year.
 * @param {Array<Array<number>>} monthly_history Past monthly values from the fiscal year's first month: a row, a column, a year per row (12 columns) or a year per column (12 rows).
 * @return {Array<Array<number>>} 12 monthly targets summing to annual_target: a column when the history is a column, else a row.
 * @example =SEASONAL_SPLIT(120000, B2:M4)
 * @customfunction
 */
export function SEASONAL_SPLIT(annual_target: SheetArgument, monthly_history: SheetArgument): SheetResult {
  return runCustomFunction("SEASONAL_SPLIT", () => {
    const annualArgument = required("annual_target", annual_target);
    const annualTarget = readOptionalNonNegativeNumber(annualArgument, null);
    const history = readMonthlyHistory(required("monthly_history", monthly_history));
    if (annualTarget === null) {
      return BLANK_RESULT;
    }
    const months = seasonalSplit(annualTarget, history.months);
    return history.orientation === "column" ? months.map((month) => [month]) : [months];
  });
}

/** Computes each actual against its target, element by element; a blank actual or target gives a blank. */
function mapActualsAndTargets(
  actualArgument: NamedArgument,
  targetArgument: NamedArgument,
  compute: (actual: number, target: number) => ResultCell,
): SheetResult {
  return mapElementwise([actualArgument, targetArgument], ([actualValue, targetValue], place) => {
    const actualNumber = readElementNumber(actualArgument, actualValue, place);
    const targetNumber = readElementNumber(targetArgument, targetValue, place);
    return actualNumber === null || targetNumber === null ? BLANK_RESULT : compute(actualNumber, targetNumber);
  });
}

function required(name: string, value: SheetArgument): NamedArgument {
  const argument = { name, value };
  requireArgument(argument);
  return argument;
}

function gapToBound(actual: number, target: number, bound: number, direction: Direction): number {
  // Lower is better: attainment target / actual reaches the bound when the
  // actual drops to target / bound; the gap is that drop, as a positive number.
  const gap = direction === "higher" ? bound * target - actual : actual - target / bound;
  return Math.max(0, roundTo(gap, GAP_DECIMALS));
}

function readMetricWeights(argument: NamedArgument, metricCount: number): number[] {
  return readVector(argument, metricCount, "actuals").map(({ value, place }) => {
    const weight = readNonNegativeElement(argument, value, place);
    if (weight === null) {
      throw new ArgumentError(ARGUMENT_MESSAGES.blank(elementSubject(argument, place)));
    }
    return weight;
  });
}

function readMetricDirections(argument: NamedArgument, metricCount: number): Direction[] {
  if (isOmitted(argument.value)) {
    return new Array<Direction>(metricCount).fill("higher");
  }
  return readVector(argument, metricCount, "actuals").map(({ value, place }: VectorCell) =>
    readChoice(elementSubject(argument, place), value, parseDirection, DIRECTION_NAMES, "higher"),
  );
}

function readMetricCaps(argument: NamedArgument, metricCount: number): number[] {
  if (isOmitted(argument.value)) {
    return new Array<number>(metricCount).fill(DEFAULT_ACHIEVEMENT_LIMITS.cap);
  }
  return readVector(argument, metricCount, "actuals").map(
    ({ value, place }) => readNonNegativeElement(argument, value, place) ?? DEFAULT_ACHIEVEMENT_LIMITS.cap,
  );
}
