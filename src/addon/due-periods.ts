/**
 * Which periods a run computes and which of them become final (see the
 * README). Pure: the wall clock is an argument, already in the
 * spreadsheet's time zone.
 *
 * - A month is closed once it has ended in the spreadsheet's zone, and due
 *   once the schedule's day (1-28) and hour of the following month have
 *   passed. A quarter or a year is due when its last month is.
 * - Locally (no schedule), a period is final when it has ended by the latest
 *   date in Sales (its last day is on or before that date).
 * - Under the Plan's `approval` setting a due month is not final but
 *   awaiting approval, recomputed like a provisional month, until a run
 *   approves it; a quarter or a year awaiting approval becomes final with
 *   the last of its months (README, "Payout approval").
 * - Every run computes every period that is not final, from the start month
 *   through the current month, with their quarters and years, oldest first
 *   (a quarter right after its last month), so a checkpointed run finishes
 *   the oldest work first.
 */
import { dayNumber } from "../core/calendar";
import type { WallClockTime } from "../core/calendar";
import {
  lastDay,
  monthOfDay,
  monthRange,
  monthsOf,
  periodKind,
  periodsCovering,
  quarterOfMonth,
  yearOfMonth,
} from "../core/periods";
import type { DayNumber, Period } from "../core/records";

const MINUTES_PER_DAY = 1440;

/** When months become due: the day of the following month (1-28) and the hour (0-23). */
export interface ScheduleTime {
  day: number;
  hour: number;
}

/** How a run decides finality. */
export type Finality = { kind: "schedule"; at: ScheduleTime } | { kind: "local"; latestSalesDay: DayNumber | null };

export interface RunPlanInput {
  /** First month to compute (the Start period setting, or the earliest month in Sales). */
  startMonth: Period;
  /** Last month to compute: the current month (or the month a local run is asked for). */
  throughMonth: Period;
  /** The spreadsheet's wall clock now. */
  now: WallClockTime;
  finality: Finality;
  /** Periods already final. */
  final: ReadonlySet<Period>;
  fyStart: number;
  /** Final periods to recompute anyway (a restatement). */
  restate?: readonly Period[];
  /** When a checkpointed run left work: only these are computed, in this order. */
  pending?: readonly Period[] | null;
  /** Whether a period waits for an approval once due (the Plan's `approval` setting); default: never. */
  needsApproval?: (period: Period) => boolean;
  /** Months this run approves: final once computed, if they are due. */
  approve?: readonly Period[];
}

export interface RunPlan {
  /** Periods to compute, oldest first. */
  compute: Period[];
  /** Those of `compute` that become final when written. */
  becomeFinal: Set<Period>;
  /** Final periods in range that stay as they are. */
  frozen: Period[];
  /** Those of `compute` that are due but wait for an approval (not final, recomputed by every run). */
  awaiting: Set<Period>;
}

/**
 * The instant (as wall-clock minutes since 1970-01-01) at which a month
 * becomes due: the schedule's day and hour of the following month.
 *
 * @example
 * monthDueAt("2026-03", { day: 3, hour: 6 }) === dayNumber(2026, 4, 3) * 1440 + 360; // true
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function monthDueAt(month: Period, at: ScheduleTime): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? dayNumber(year + 1, 1, at.day) : dayNumber(year, m + 1, at.day);
  return next * MINUTES_PER_DAY + at.hour * 60;
}

/**
 * Whether a period is due: its last month's due time has passed (schedule),
 * or its last day is on or before the latest date in Sales (local).
 *
 * @example
 * isPeriodDue("2026-Q1", wall(2026, 4, 3, 6, 0), { kind: "schedule", at: { day: 3, hour: 6 } }, 1); // true
 * isPeriodDue("2026-Q1", wall(2026, 4, 3, 5, 59), { kind: "schedule", at: { day: 3, hour: 6 } }, 1); // false
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function isPeriodDue(period: Period, now: WallClockTime, finality: Finality, fyStart: number): boolean {
  if (finality.kind === "local")
    return finality.latestSalesDay !== null && lastDay(period, fyStart) <= finality.latestSalesDay;
  const months = monthsOf(period, fyStart);
  return now.day * MINUTES_PER_DAY + now.minutes >= monthDueAt(months[months.length - 1], finality.at);
}

/**
 * Orders periods by the month they end in, a month before the quarter and
 * year ending with it.
 *
 * @example
 * byEnd(["2026", "2026-Q1", "2026-01", "2026-03"], 1); // ["2026-01", "2026-03", "2026-Q1", "2026"]
 */
function byEnd(periods: readonly Period[], fyStart: number): Period[] {
  const kind = { month: 0, quarter: 1, year: 2 } as const;
  const endOf = (p: Period) => lastDay(p, fyStart);
  return [...periods].sort((a, b) => endOf(a) - endOf(b) || kind[periodKind(a)] - kind[periodKind(b)]);
}

/**
 * Every period from the start month through a month: the months, and the
 * quarters and years containing them, oldest first.
 *
 * @example
 * periodsInRange("2026-02", "2026-03", 1); // ["2026-02", "2026-03", "2026-Q1", "2026"]
 *
 * @internal Exported only for test/recalculation/pure-rules.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function periodsInRange(startMonth: Period, throughMonth: Period, fyStart: number): Period[] {
  return byEnd(periodsCovering(monthRange(startMonth, throughMonth), fyStart), fyStart);
}

/**
 * The periods a restatement of `period` recomputes: the period and the
 * quarter and year containing it.
 *
 * @example
 * restatedPeriods("2026-02", 1); // ["2026-02", "2026-Q1", "2026"]
 * restatedPeriods("2026-Q1", 1); // ["2026-Q1", "2026"]
 */
export function restatedPeriods(period: Period, fyStart: number): Period[] {
  const kind = periodKind(period);
  if (kind === "year") return [period];
  const firstMonth = monthsOf(period, fyStart)[0];
  if (kind === "quarter") return [period, yearOfMonth(firstMonth, fyStart)];
  return [period, quarterOfMonth(period, fyStart), yearOfMonth(period, fyStart)];
}

/**
 * What a run computes: the pending periods of a checkpoint when there are
 * any, else every period in range that is not final (plus restated ones);
 * and which of them become final.
 *
 * @example
 * planRun({ startMonth: "2026-01", throughMonth: "2026-04", now: wall(2026, 4, 10, 9, 0),
 *   finality: { kind: "schedule", at: { day: 3, hour: 6 } }, final: new Set(["2026-01"]), fyStart: 1 });
 * // compute: 2026-02, 2026-03, 2026-Q1, 2026-04, 2026-Q2, 2026; becomeFinal: 2026-02, 2026-03, 2026-Q1
 * // With needsApproval: () => true and approve: ["2026-02"]: becomeFinal 2026-02; awaiting 2026-03, 2026-Q1
 */
export function planRun(input: RunPlanInput): RunPlan {
  const inRange = periodsInRange(input.startMonth, input.throughMonth, input.fyStart);
  const restate = new Set(input.restate ?? []);
  const frozen = inRange.filter((p) => input.final.has(p) && !restate.has(p));
  let compute: Period[];
  if (input.pending && input.pending.length > 0) {
    compute = input.pending.filter((p) => !input.final.has(p) || restate.has(p));
  } else {
    const wanted = new Set(inRange.filter((p) => !input.final.has(p)));
    for (const p of restate) wanted.add(p);
    compute = byEnd([...wanted], input.fyStart);
  }
  const { becomeFinal, awaiting } = finalityOf(compute, input, new Set(inRange), restate);
  return { compute, becomeFinal, frozen, awaiting };
}

/**
 * Which computed periods become final and which wait for an approval. A
 * period without approval is final once due (or when already final and
 * restated); with it, a month is final only when this run approves it, and
 * a quarter or a year when each of its months in range is (or becomes)
 * final, so approving the last month closes them too. A restated period
 * under approval waits again.
 */
function finalityOf(
  compute: readonly Period[],
  input: RunPlanInput,
  inRange: ReadonlySet<Period>,
  restate: ReadonlySet<Period>,
): { becomeFinal: Set<Period>; awaiting: Set<Period> } {
  const needsApproval = input.needsApproval ?? (() => false);
  const approve = new Set(input.approve ?? []);
  const becomeFinal = new Set<Period>();
  const awaiting = new Set<Period>();
  const staysFinal = (p: Period) => input.final.has(p) && !restate.has(p);
  // Oldest first, a month before the quarter and year ending with it: a quarter sees its months decided.
  for (const p of byEnd(compute, input.fyStart)) {
    const due = isPeriodDue(p, input.now, input.finality, input.fyStart);
    if (!needsApproval(p)) {
      if (input.final.has(p) || due) becomeFinal.add(p);
      continue;
    }
    if (!due) continue;
    const approved =
      periodKind(p) === "month"
        ? approve.has(p)
        : monthsOf(p, input.fyStart).every((m) => !inRange.has(m) || staysFinal(m) || becomeFinal.has(m));
    (approved ? becomeFinal : awaiting).add(p);
  }
  return { becomeFinal, awaiting };
}

/**
 * Whether a scheduled firing has work: a checkpoint is pending, or a due
 * period in range is not final yet. Decided from the stored state alone, so
 * an idle firing reads no sheet.
 *
 * @example
 * hasDueWork({ startMonth: "2026-01", now: wall(2026, 3, 2, 9, 0), at: { day: 3, hour: 6 },
 *   final: new Set(["2026-01"]), fyStart: 1, pending: null }); // false (February is due on 3 March)
 * hasDueWork({ startMonth: "2026-01", now: wall(2026, 3, 9, 9, 0), at: { day: 3, hour: 6 },
 *   final: new Set(["2026-01"]), fyStart: 1, pending: null, awaiting: new Set(["2026-02"]) }); // false
 */
export function hasDueWork(input: {
  startMonth: Period | null;
  now: WallClockTime;
  at: ScheduleTime;
  final: ReadonlySet<Period>;
  fyStart: number;
  pending: readonly Period[] | null;
  /** Due periods the last run found awaiting approval: like provisional ones, no reason to run. */
  awaiting?: ReadonlySet<Period>;
}): boolean {
  if (input.pending && input.pending.length > 0) return true;
  if (input.startMonth === null) return true;
  const current = monthOfDay(input.now.day);
  const finality: Finality = { kind: "schedule", at: input.at };
  const awaiting = input.awaiting ?? new Set<Period>();
  return periodsInRange(input.startMonth, current, input.fyStart).some(
    (p) => !input.final.has(p) && !awaiting.has(p) && isPeriodDue(p, input.now, finality, input.fyStart),
  );
}

/**
 * The month containing a day.
 *
 * @example
 * currentMonth({ day: dayNumber(2026, 3, 31), minutes: 1410 }); // "2026-03"
 */
export function currentMonth(now: WallClockTime): Period {
  return monthOfDay(now.day);
}
