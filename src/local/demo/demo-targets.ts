/**
 * The demo's targets: seasonal revenue quotas per rep, and targets at every
 * level (rep, `team:`, `role:`, `*`) for months, some quarters and the years.
 */
import { type Month, quarterOf, tenure } from "./demo-calendar";
import { PEOPLE, type Profile, TEAMS } from "./demo-people";
import type { CellData } from "../workbook/workbook-data";

/** Monthly seasonality of quotas and activity: Q4 higher, February lower. */
export const SEASON = [0.85, 0.7, 1.0, 0.95, 1.0, 1.05, 0.9, 0.85, 1.0, 1.1, 1.2, 1.35];

/** Monthly new-customer target of a rep, by calendar month. */
export const NEW_CUSTOMER_TARGET = [2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3];

/** Monthly deals-won target of a rep, by calendar month. */
const DEALS_WON_TARGET = [4, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 6];

const WIN_RATE_TARGET = 0.35;
const RENEWAL_RATE_TARGET: Record<string, number> = { East: 0.85, North: 0.8, South: 0.8 };
const MANUAL_TARGETS: Record<string, number> = { csat: 4.5, product_knowledge: 4, teamwork: 4 };

/**
 * A value rounded to a multiple of a step.
 *
 * @example
 * roundToStep(12345, 1000); // 12000
 */
export function roundToStep(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/**
 * A rep's monthly revenue target: their quota, seasonal, 6% higher from 2026.
 *
 * @example
 * revenueTarget(profile, month); // 48000 for a 48000 quota in a season of 1.0 in 2025
 */
export function revenueTarget(profile: Profile, month: Month): number {
  return roundToStep(profile.quota * SEASON[month.month - 1] * (month.year >= 2026 ? 1.06 : 1), 1000);
}

/**
 * The rows of the Targets sheet (Rep ID, Period, Metric, Target).
 *
 * @example
 * targetRows(demoMonths())[0]; // ["*", "2025-05", "win_rate", 0.35]
 */
export function targetRows(months: Month[]): CellData[][] {
  const rows: CellData[][] = [];
  const reps = PEOPLE.filter((p) => p.role === "rep" && p.profile);
  const periodsOfYear = (year: number): Month[] => months.filter((m) => m.year === year);
  for (const month of months) {
    const m = month.month - 1;
    rows.push(["*", month.key, "win_rate", WIN_RATE_TARGET]);
    for (const [metric, target] of Object.entries(MANUAL_TARGETS)) rows.push(["*", month.key, metric, target]);
    rows.push(["role:rep", month.key, "new_customers", NEW_CUSTOMER_TARGET[m]]);
    rows.push(["role:rep", month.key, "deals_won", DEALS_WON_TARGET[m]]);
    for (const team of TEAMS) rows.push([`team:${team}`, month.key, "renewal_rate", RENEWAL_RATE_TARGET[team]]);
    for (const rep of reps)
      if (tenure(rep, month)) rows.push([rep.id, month.key, "revenue", revenueTarget(rep.profile as Profile, month)]);
  }
  // Quarters and years: ratio and manual metrics need their own rows; additive
  // ones default to the sum of the months, overridden here for two quarters.
  const quarters = [...new Set(months.map(quarterOf))];
  for (const quarter of quarters) {
    rows.push(["*", quarter, "win_rate", WIN_RATE_TARGET]);
    for (const [metric, target] of Object.entries(MANUAL_TARGETS)) rows.push(["*", quarter, metric, target]);
    for (const team of TEAMS) rows.push([`team:${team}`, quarter, "renewal_rate", RENEWAL_RATE_TARGET[team]]);
  }
  rows.push(["role:rep", "2026-Q1", "new_customers", 5]);
  rows.push(["role:rep", "2026-Q2", "new_customers", 7]);
  for (const quarter of ["2026-Q1", "2026-Q2"]) {
    const qMonths = months.filter((m) => quarterOf(m) === quarter);
    for (const rep of reps) {
      if (!qMonths.every((m) => tenure(rep, m)?.fraction === 1)) continue;
      const sum = qMonths.reduce((s, m) => s + revenueTarget(rep.profile as Profile, m), 0);
      rows.push([rep.id, quarter, "revenue", Math.ceil(sum / 5000) * 5000]);
    }
  }
  for (const year of [2025, 2026]) {
    if (periodsOfYear(year).length === 0) continue;
    rows.push(["*", String(year), "win_rate", WIN_RATE_TARGET]);
    for (const [metric, target] of Object.entries(MANUAL_TARGETS)) rows.push(["*", String(year), metric, target]);
    for (const team of TEAMS) rows.push([`team:${team}`, String(year), "renewal_rate", RENEWAL_RATE_TARGET[team]]);
  }
  return rows;
}
