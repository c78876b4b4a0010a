import { describe, expect, it } from "vitest";
import { dayNumber } from "./calendar";
import { employmentIn } from "./employment";
import type { DayNumber, Period } from "./records";

/** How many months of a period count as employed, for a rep with these dates. */
function monthsEmployed(period: Period, start: DayNumber | null, end: DayNumber | null, fyStart = 1): number {
  return employmentIn({ start, end }, period, [], fyStart).monthsEmployed.length;
}

describe("employmentIn", () => {
  it("counts months with any day employed", () => {
    expect(monthsEmployed("2026-Q1", dayNumber(2026, 2, 15), null)).toBe(2);
    expect(monthsEmployed("2026-Q1", null, null)).toBe(3);
    expect(monthsEmployed("2026", dayNumber(2026, 3, 31), dayNumber(2026, 6, 1))).toBe(4);
    expect(monthsEmployed("2026-Q2", null, dayNumber(2026, 3, 31))).toBe(0);
    expect(monthsEmployed("2026-Q1", dayNumber(2026, 3, 15), null, 4)).toBe(3); // April-June 2026
    expect(monthsEmployed("2025-Q4", dayNumber(2026, 3, 15), null, 4)).toBe(1);
  });
});
