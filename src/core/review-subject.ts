/**
 * Who and which period a review is about, read from the person's result row:
 * the same for a rep's review and a manager's.
 */
import { isPeriodKey, periodKind, type PeriodKind } from "./periods";
import type { DayNumber, Period, RepKey } from "./records";
import type { RepPeriodResult } from "./results";
import { isNumber } from "./review-figures";

/** The person a review is about, as the Reps sheet names them. */
export interface ReviewPerson {
  key: RepKey;
  id: string;
  name: string;
  team: string;
  role: string;
}

/** The period a review covers, and what it needs to name it. */
export interface ReviewPeriod {
  period: Period;
  periodKind: PeriodKind;
  fiscalYearStartMonth: number;
  provisional: boolean;
}

/**
 * The person of a result row.
 *
 * @example
 * reviewPerson(row); // { key: "r1", id: "R1", name: "Ann Lee", team: "East", role: "AE" }
 */
export function reviewPerson(result: RepPeriodResult): ReviewPerson {
  return { key: result.rep, id: result.id, name: result.name, team: result.team, role: result.role };
}

/**
 * The period of a result row: its kind (a month unless the key says
 * otherwise), the fiscal year's first month, and whether it is provisional.
 *
 * @example
 * reviewPeriod(row, 4); // { period: "2026-Q1", periodKind: "quarter", fiscalYearStartMonth: 4, provisional: false }
 */
export function reviewPeriod(result: RepPeriodResult, fiscalYearStartMonth: number): ReviewPeriod {
  return {
    period: result.period,
    periodKind: isPeriodKey(result.period) ? periodKind(result.period) : "month",
    fiscalYearStartMonth,
    provisional: result.notes.some((n) => n.code === "provisional"),
  };
}

/**
 * The last day of a person who left during the period, or null.
 *
 * @example
 * leftOnOf(row); // 20536 when a "left" note gives that last day
 */
export function leftOnOf(result: RepPeriodResult): DayNumber | null {
  for (const note of result.notes) {
    if (note.code === "left" && isNumber(note.lastDay)) return note.lastDay;
  }
  return null;
}
