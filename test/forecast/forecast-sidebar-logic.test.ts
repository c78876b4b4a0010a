/**
 * The forecast's pure sidebar rules, without a browser: where the pace bar
 * fills to and where its straight line stands.
 */
import { describe, expect, it } from "vitest";
import { paceMarks } from "../../src/sidebar/forecast-section";

describe("paceMarks", () => {
  it("fills to revenue to date and marks the line, both on the bars' scale to 150 % of the target", () => {
    // 6,000 of 10,000 is 60 %, 40 % of the bar; the line at 5,161.29 is 51.6 %, 34.4 % of the bar.
    const marks = paceMarks({ revenueToDate: 6000, target: 10000, line: (10000 * 16) / 31, day: 16, days: 31 })!;
    expect(marks.fill).toBeCloseTo(40, 10);
    expect(marks.line).toBeCloseTo((16 / 31 / 1.5) * 100, 10);
  });

  it("has no bar without a target", () => {
    expect(paceMarks({ revenueToDate: 6000, target: null, line: null, day: 16, days: 31 })).toBeNull();
  });
});
