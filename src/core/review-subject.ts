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
 * What a result row's notes tell a review, read in one pass over the notes.
 *
 * The notes of a period come in several shapes (one per kind of note), so every loop over them reads objects of many
 * maps: one loop per review rather than one per fact keeps that to a single place.
 */
export interface RowNoteFacts {
  provisional: boolean;
  /** No one had a score in the period, so ranks follow revenue. */
  rankedByRevenue: boolean;
  /** The person's last day when they left during the period; null when they stay. */
  leftOn: DayNumber | null;
  proration: { days: number; of: number } | null;
  /** A ramp that lowered the targets (a factor below 1); null otherwise. */
  ramp: { factor: number; month: number } | null;
}

/**
 * The facts a review reads from a result row's notes; the first note of a kind counts.
 *
 * @example
 * rowNoteFacts(row); // { provisional: false, rankedByRevenue: false, leftOn: 20536, proration: { days: 12, of: 31 }, ramp: null }
 */
export function rowNoteFacts(result: RepPeriodResult): RowNoteFacts {
  const facts: RowNoteFacts = { provisional: false, rankedByRevenue: false, leftOn: null, proration: null, ramp: null };
  for (const note of result.notes) {
    switch (note.code) {
      case "provisional":
        facts.provisional = true;
        break;
      case "ranked_by_revenue":
        facts.rankedByRevenue = true;
        break;
      case "left":
        if (facts.leftOn === null && isNumber(note.lastDay)) facts.leftOn = note.lastDay;
        break;
      case "prorated":
        if (facts.proration === null && isNumber(note.days) && isNumber(note.of))
          facts.proration = { days: note.days, of: note.of };
        break;
      case "ramp":
        if (facts.ramp === null && isNumber(note.factor) && isNumber(note.month) && note.factor < 1)
          facts.ramp = { factor: note.factor, month: note.month };
        break;
    }
  }
  return facts;
}

/**
 * The kind of a period (a month unless its key says otherwise).
 *
 * @example
 * reviewPeriodKind("2026-Q1"); // "quarter"
 * reviewPeriodKind("Spring");  // "month"
 */
export function reviewPeriodKind(period: Period): PeriodKind {
  return isPeriodKey(period) ? periodKind(period) : "month";
}
