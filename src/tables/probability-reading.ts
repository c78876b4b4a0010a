/**
 * Reading a deal's win probability for the pipeline forecast: the Sales
 * Probability cell, else the stage's probability from the settings, else 1.
 *
 * A cell reads as a fraction from 0 to 1 (`0.4`), a percent (`40%`), or a
 * number above 1 up to 100 taken as a percent (`40`), since CRMs export
 * `Probability (%)` as 0-100. So `1` is 100 %, never 1 %. Anything else (text,
 * below 0, above 100 %) is a bad probability: the row still counts as its
 * status says, and an open deal with it is left out of the forecast (a
 * forecast must not guess a deal in), with a warning at the cell (README,
 * "Pipeline forecast").
 */
import { normalizeStage } from "./stage-reading";
import { displayValue, isCellFailure, readNumberCell, type DayOfInstant } from "./cell-values";

/** A Probability cell as read: blank, a probability from 0 to 1, or a bad value as the sheet shows it. */
export type ProbabilityCell = { kind: "blank" } | { kind: "read"; value: number } | { kind: "bad"; shown: string };

const BLANK: ProbabilityCell = { kind: "blank" };

/**
 * Reads a Probability cell.
 *
 * @example
 * readProbability(0.4);    // { kind: "read", value: 0.4 }
 * readProbability("40%");  // { kind: "read", value: 0.4 }
 * readProbability(40);     // { kind: "read", value: 0.4 }
 * readProbability("");     // { kind: "blank" }
 * readProbability("high"); // { kind: "bad", shown: "high" }
 * readProbability(150);    // { kind: "bad", shown: "150" }
 */
export function readProbability(value: unknown, dayOf?: DayOfInstant): ProbabilityCell {
  const number = readNumberCell(value, dayOf);
  if (number === null) return BLANK;
  // A percent sign has already made the number a fraction: "150%" is 1.5, too much, not 1.5 %.
  const highest = typeof value === "string" && /[%％]/.test(value) ? 1 : 100;
  if (isCellFailure(number) || number < 0 || number > highest)
    return { kind: "bad", shown: displayValue(value, dayOf) };
  return { kind: "read", value: number <= 1 ? number : number / 100 };
}

/**
 * A Probability reader that remembers each distinct cell: a pipeline holds a
 * handful of probabilities, and one object per row would be garbage.
 *
 * @example
 * const read = probabilityReader();
 * read(40) === read(40); // true (the same object)
 */
export function probabilityReader(dayOf?: DayOfInstant, limit = 10_000): (value: unknown) => ProbabilityCell {
  const seen = new Map<unknown, ProbabilityCell>();
  return (value) => {
    if (value === "" || value === null || value === undefined) return BLANK;
    if (typeof value !== "string" && typeof value !== "number") return readProbability(value, dayOf);
    const known = seen.get(value);
    if (known !== undefined) return known;
    const cell = readProbability(value, dayOf);
    if (seen.size < limit) seen.set(value, cell);
    return cell;
  };
}

/** Normalised stage word to its win probability (0-1), from the settings. */
export type StageProbabilities = ReadonlyMap<string, number>;

/**
 * The settings' stage-to-probability table, keyed as stage words are compared
 * (case, spaces, `_` and `-` ignored).
 *
 * @example
 * stageProbabilities({ "Proposal Sent": 0.5 }).get("proposalsent"); // 0.5
 */
export function stageProbabilities(table: Readonly<Record<string, number>> = {}): StageProbabilities {
  return new Map(Object.entries(table).map(([word, probability]) => [normalizeStage(word), probability]));
}

/**
 * The probability an open deal counts at: its own cell, else its stage's,
 * else 1; 0 (left out of the forecast) when the cell is bad.
 *
 * @example
 * dealProbability({ kind: "blank" }, "proposalsent", stageProbabilities({ "Proposal sent": 0.5 })); // 0.5
 * dealProbability({ kind: "read", value: 0.2 }, "proposalsent", stageProbabilities({ "Proposal sent": 0.5 })); // 0.2
 * dealProbability({ kind: "bad", shown: "high" }, "", new Map()); // 0
 */
export function dealProbability(cell: ProbabilityCell, stageKey: string, stages: StageProbabilities): number {
  if (cell.kind === "read") return cell.value;
  if (cell.kind === "bad") return 0;
  return stages.get(stageKey) ?? 1;
}
