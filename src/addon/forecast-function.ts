/**
 * FORECAST_REVENUE, the pipeline forecast in a cell: the revenue won so far
 * plus each open deal's amount times its probability, the probabilities read
 * as the Sales sheet's Probability column is (README, "Pipeline forecast").
 *
 * Like custom-functions.ts, the build copies the JSDoc block onto the
 * top-level stub Sheets reads: keep it right above the `export function`,
 * and export nothing else from this file.
 */
import { readProbability } from "../tables/probability-reading";
import {
  elementSubject,
  isOmitted,
  mapElementwise,
  readElementNumber,
  readOptionalNumber,
  requireArgument,
} from "./custom-function-arguments";
import { ArgumentError, runCustomFunction } from "./custom-function-errors";
import type { SheetArgument, SheetResult, SheetValue } from "./custom-function-values";

/**
 * Where a period lands if its open deals close: the revenue won plus each open deal's amount times its probability.
 *
 * @param {number} won The revenue won so far in the period (blank = 0).
 * @param {number|Array<Array<number>>} amounts The open deals' amounts, a range (blank cells are skipped).
 * @param {number|string|Array<Array<number|string>>} probabilities Optional: each deal's probability, the same shape as amounts or one for all: 0 to 1, a percent (40%), or 1 to 100 read as a percent (40); blank = 1.
 * @return {number} won + the sum of amount x probability.
 * @example =FORECAST_REVENUE(B2, Pipeline!D2:D40, Pipeline!E2:E40)
 * @customfunction
 */
export function FORECAST_REVENUE(
  won: SheetArgument,
  amounts: SheetArgument,
  probabilities?: SheetArgument,
): SheetResult {
  return runCustomFunction("FORECAST_REVENUE", () => {
    const wonRevenue = readOptionalNumber({ name: "won", value: won }, 0) ?? 0;
    const amountsArgument = { name: "amounts", value: amounts };
    requireArgument(amountsArgument);
    const probabilitiesArgument = { name: "probabilities", value: isOmitted(probabilities) ? 1 : probabilities };
    const weighted = mapElementwise([amountsArgument, probabilitiesArgument], ([amount, probability], place) => {
      const value = readElementNumber(amountsArgument, amount, place);
      if (value === null) return 0;
      return value * probabilityOf(probability, elementSubject(probabilitiesArgument, place));
    });
    return wonRevenue + sum(weighted);
  });
}

function probabilityOf(value: SheetValue, subject: string): number {
  const cell = readProbability(value);
  if (cell.kind === "bad") throw new ArgumentError(`${subject} is not a probability (0 to 1, or a percent up to 100%)`);
  return cell.kind === "read" ? cell.value : 1;
}

function sum(result: SheetResult): number {
  if (!Array.isArray(result)) return Number(result);
  let total = 0;
  for (const row of result) for (const cell of row) total += Number(cell);
  return total;
}
