import { describe, expect, it } from "vitest";
import { dayNumber } from "./calendar";
import type { Sale } from "./records";
import { addRepMonth, emptyRepMonth, salesAggregatesOf } from "./sales-aggregates";

function sale(day: number, status: Sale["status"]): Sale {
  return {
    row: 2,
    day,
    rep: "r1",
    customer: "",
    customerKey: "",
    amount: 100,
    type: null,
    status,
    opened: null,
    split: 1,
    dealId: "",
  };
}

describe("closed days in the contract", () => {
  it("are the earliest and latest won or lost days of a month, open deals aside", () => {
    const sales = [
      sale(dayNumber(2026, 4, 3), "lost"),
      sale(dayNumber(2026, 4, 17), "won"),
      sale(dayNumber(2026, 4, 29), "open"),
    ];
    const [april] = salesAggregatesOf(sales, "none").months;
    expect(april.firstClosedDay).toBe(dayNumber(2026, 4, 3));
    expect(april.lastClosedDay).toBe(dayNumber(2026, 4, 17));
  });

  it("stay null for a month of open deals only, and merge as the earlier and later day", () => {
    const [open] = salesAggregatesOf([sale(dayNumber(2026, 5, 2), "open")], "none").months;
    expect([open.firstClosedDay, open.lastClosedDay]).toEqual([null, null]);
    const into = { ...emptyRepMonth("r1", "2026-04"), firstClosedDay: 10, lastClosedDay: 20 };
    addRepMonth(into, { ...emptyRepMonth("r1", "2026-04"), firstClosedDay: 5, lastClosedDay: 15 });
    expect([into.firstClosedDay, into.lastClosedDay]).toEqual([5, 20]);
    addRepMonth(into, emptyRepMonth("r1", "2026-04"));
    expect([into.firstClosedDay, into.lastClosedDay]).toEqual([5, 20]);
  });
});
