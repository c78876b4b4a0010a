/**
 * The spreadsheet's wall clock, for every entry point that reads dates: the
 * recalculation, SCORECARD and the sidebar. Dates in cells are instants; the
 * spreadsheet's time zone decides which day they show.
 */
import { makeWallClock, makeWallClockFromOffset, type WallClock } from "../core/calendar";

/**
 * Minutes east of UTC at an instant, from Apps Script's `Utilities`.
 *
 * @example
 * utilitiesOffsetMinutes("Asia/Kolkata")(Date.UTC(2026, 2, 31)); // 330
 */
function utilitiesOffsetMinutes(timeZone: string): (instantMs: number) => number {
  return (instantMs) => {
    const text = Utilities.formatDate(new Date(instantMs), timeZone, "Z");
    const sign = text.startsWith("-") ? -1 : 1;
    return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(3, 5)));
  };
}

/**
 * The wall clock of a time zone: `Intl` when the runtime knows the zone (one
 * call per distinct day), else `Utilities.formatDate` (whether Apps Script's
 * V8 carries full time-zone data is a check for a live deployment).
 *
 * @example
 * spreadsheetWallClock("Asia/Shanghai")(Date.UTC(2026, 2, 31, 15, 30)).minutes; // 1410 (23:30)
 */
export function spreadsheetWallClock(timeZone: string): WallClock {
  try {
    return makeWallClock(timeZone);
  } catch {
    return makeWallClockFromOffset(utilitiesOffsetMinutes(timeZone));
  }
}
