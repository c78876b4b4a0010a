/**
 * Must show: reps named `=HYPERLINK("http://x","y")` and `+1+1`, a Rep ID
 * `001` and periods like `2026` come out as the same text in every output
 * sheet; negative numbers stay numbers.
 */
import { describe, expect, it } from "vitest";
import { createSimulator } from "../../src/simulator/index";
import { recalculateNow, teamSheets } from "./fixtures";

const HYPERLINK = '=HYPERLINK("http://x","y")';

describe("text written as text", () => {
  it("keeps hostile names, leading-zero IDs and year periods as the same text; negative money stays a number", () => {
    const sheets = teamSheets({
      reps: 2,
      months: 3,
      salesRows: 30,
      extraReps: [
        [{ value: "001", format: "@" }, HYPERLINK, "=East", "", ""],
        ["R9", "+1+1", "@team", "", ""],
      ],
      extraSales: [
        [{ wallClock: "2026-03-31T23:30:00" }, { value: "001", format: "@" }, "-Acme", 4000, "new", "won"],
        [{ wallClock: "2026-02-10T10:00:00" }, "R9", "Beta", 3000, "new", "won"],
      ],
    });
    sheets.Adjustments.push([{ value: "001", format: "@" }, { value: "2026-03", format: "@" }, -5000, "=clawback"]);
    const sim = createSimulator({ now: "2026-04-10T12:00:00Z", sheets });
    recalculateNow(sim);

    for (const name of ["Results", "Payouts", "Reviews", "Dashboard"]) {
      const values = sim.sheetValues(name);
      const flat = values.flat();
      expect(
        flat.filter((cell) => typeof cell === "object"),
        name,
      ).toEqual([]); // no formula, no date
      // Reviews hold names inside the generated text; the other sheets in a Name column.
      const texts = name === "Reviews" ? flat.map(String).join("\n") : null;
      if (texts === null) expect(flat, name).toContain(HYPERLINK);
      else expect(texts).toContain(HYPERLINK);
      if (texts === null) expect(flat, name).toContain("+1+1");
      else expect(texts).toContain("+1+1");
      expect(flat, name).toContain("001");
      const idColumn = 1;
      const headerRow = name === "Dashboard" ? 3 : 0;
      const ids = values.slice(headerRow + 1).map((row) => row[idColumn]);
      expect(
        ids.every((id) => typeof id === "string"),
        name,
      ).toBe(true);
      const periodsText = name === "Dashboard" ? [] : values.slice(1).map((row) => row[0]);
      expect(
        periodsText.every((p) => typeof p === "string"),
        name,
      ).toBe(true);
    }
    const results = sim.sheetValues("Results");
    const periods = new Set(results.slice(1).map((row) => row[0]));
    expect([...periods].sort()).toEqual(["2026", "2026-01", "2026-02", "2026-03", "2026-04", "2026-Q1", "2026-Q2"]);
    expect(results.find((row) => row[0] === "2026-03" && row[1] === "001")![3]).toBe("=East");
    expect(sim.sheetValues("Reviews").some((row) => row[0] === "2026" && row[1] === "001")).toBe(true);
    const payouts = sim.sheetValues("Payouts");
    const clawback = payouts.find((row) => row[0] === "2026-03" && row[1] === "001" && row[4] === "adjustment")!;
    expect(clawback[16]).toBe(-5000);
    expect(clawback[17]).toBe("=clawback");
    const bonus = results.find((row) => row[0] === "2026-03" && row[1] === "001")![7];
    expect(typeof bonus).toBe("number");
    expect(bonus as number).toBeLessThan(0);
    // The deal at 23:30 on 31 March counts in March.
    const revenue = results[0].indexOf("revenue actual");
    expect(results.find((row) => row[0] === "2026-03" && row[1] === "001")![revenue]).toBe(4000);
  });
});
