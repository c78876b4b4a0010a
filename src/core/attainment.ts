/**
 * Attainment and achievement of one metric (docs/sheet-formats.md#attainment-and-score).
 *
 * "None" is `null` throughout: a metric without attainment is left out of the
 * score rather than counted as 0.
 */

import { roundTo } from "./rounding";

/** Whether a higher or a lower actual is better. */
export type Direction = "higher" | "lower";

/** The bounds that turn an attainment into an achievement. */
export interface AchievementLimits {
  /** Attainment below the floor achieves 0. */
  floor: number;
  /** Achievement never exceeds the cap. */
  cap: number;
}

/** Floor 0 and cap 1.5, the plan's defaults. */
export const DEFAULT_ACHIEVEMENT_LIMITS: Readonly<AchievementLimits> = Object.freeze({ floor: 0, cap: 1.5 });

/** Every accepted direction name, as it would be listed to a user. */
export const DIRECTION_NAMES: readonly string[] = ["higher", "lower", "越高越好", "越低越好"];

// A Map, not an object literal: "constructor" must not read as a direction.
const DIRECTIONS_BY_NAME: ReadonlyMap<string, Direction> = new Map<string, Direction>([
  ["higher", "higher"],
  ["lower", "lower"],
  ["越高越好", "higher"],
  ["越低越好", "lower"],
]);

// The floor is compared at the precision tiers use, so 2.4 / 3
// (0.7999999999999999) meets a floor of 0.8.
const COMPARISON_DECIMALS = 9;

/**
 * Attainment: actual / target when higher is better, target / actual when
 * lower is better; null (none) when the target is missing, not positive or
 * not finite, when the actual is missing, or, lower being better, when the
 * actual is 0 or less.
 *
 * @example
 * attainment(120, 100, "higher") // 1.2
 * attainment(30, 45, "lower") // 1.5 (45 / 30)
 * attainment(50, 0, "higher") // null
 */
export function attainment(actual: number | null, target: number | null, direction: Direction): number | null {
  if (!isUsableTarget(target) || actual === null || !Number.isFinite(actual)) {
    return null;
  }
  if (direction === "higher") {
    return actual / target;
  }
  return actual > 0 ? target / actual : null;
}

/**
 * Achievement from an attainment: 0 below the floor, else the attainment
 * clamped to the cap; null when there is no attainment. The floor is compared
 * with the attainment rounded to 9 decimals.
 *
 * @example
 * achievement(1.8, { floor: 0, cap: 1.5 }) // 1.5
 * achievement(0.7, { floor: 0.8, cap: 1.5 }) // 0
 * achievement(null, { floor: 0, cap: 1.5 }) // null
 *
 * @internal Exported only for src/tables/score-trace-note.test.ts, attainment.test.ts and other tests, which check it
 * directly; the code uses it inside this file.
 */
export function achievement(attainmentValue: number | null, limits: AchievementLimits): number | null {
  if (attainmentValue === null) {
    return null;
  }
  if (roundTo(attainmentValue, COMPARISON_DECIMALS) < limits.floor) {
    return 0;
  }
  return Math.min(attainmentValue, limits.cap);
}

/**
 * A metric's achievement from its actual and target, including the one case
 * that has no attainment but does achieve: lower is better, the actual is 0
 * and there is a target, which achieves the cap.
 *
 * @example
 * metricAchievement(0, 30, "lower", { floor: 0, cap: 1.5 }) // 1.5
 * metricAchievement(40, 50, "higher", { floor: 0, cap: 1.5 }) // 0.8
 * metricAchievement(-2, 30, "lower", { floor: 0, cap: 1.5 }) // null
 */
export function metricAchievement(
  actual: number | null,
  target: number | null,
  direction: Direction,
  limits: AchievementLimits,
): number | null {
  if (direction === "lower" && actual === 0 && isUsableTarget(target)) {
    return limits.cap;
  }
  return achievement(attainment(actual, target, direction), limits);
}

/**
 * Whether a target can be attained: a finite number above 0.
 *
 * @example
 * isUsableTarget(100) // true
 * isUsableTarget(0) // false
 * isUsableTarget(null) // false
 */
export function isUsableTarget(target: number | null): target is number {
  return target !== null && Number.isFinite(target) && target > 0;
}

/**
 * Reads a direction name, trimmed and case-insensitive: `higher`, `lower`,
 * `越高越好` or `越低越好`; null for anything else.
 *
 * @example
 * parseDirection(" Lower ") // "lower"
 * parseDirection("越高越好") // "higher"
 * parseDirection("up") // null
 */
export function parseDirection(name: string): Direction | null {
  return DIRECTIONS_BY_NAME.get(name.trim().toLowerCase()) ?? null;
}
