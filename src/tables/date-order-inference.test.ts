import { describe, expect, it } from "vitest";
import { inferDateOrder } from "./date-order-inference";

describe("inferDateOrder", () => {
  it("reads the order off the first date that cannot be read both ways", () => {
    expect(inferDateOrder([["Date"], ["3/1/2026"], ["14/01/2026"], ["1/13/2026"]], [0], 1)).toBe("dmy");
    expect(inferDateOrder([["Date"], ["3/1/2026"], ["1/14/2026 10:00"]], [0], 1)).toBe("mdy");
    expect(
      inferDateOrder(
        [
          ["x", "Opened"],
          ["", "25.12.2025"],
        ],
        [5, 1],
        1,
      ),
    ).toBe("dmy");
  });

  it("says nothing when no date tells: year-first text, date cells, or only ambiguous days", () => {
    expect(inferDateOrder([["Date"], ["3/1/2026"], ["2026-01-14"], [45000], [null]], [0], 1)).toBeNull();
    expect(inferDateOrder([["Date"]], [0], 1)).toBeNull();
    expect(inferDateOrder([["Date"], ["14/01/2026"]], [-1], 1)).toBeNull();
  });

  it("passes over year-first texts to the first day-month one, which tells", () => {
    expect(inferDateOrder([["Date"], ["2026-01-14"], ["2026/13/01"], [" 14/01/2026"]], [0], 1)).toBe("dmy");
    expect(inferDateOrder([["Date"], ["123/01/2026"], ["12/13/2026"]], [0], 1)).toBe("mdy");
  });

  it("starts below the header row", () => {
    expect(inferDateOrder([["13/01/2026"], ["1/14/2026"]], [0], 1)).toBe("mdy");
  });
});
