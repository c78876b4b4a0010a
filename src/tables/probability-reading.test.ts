import { describe, expect, it } from "vitest";
import { makeWallClock } from "../core/calendar";
import { dealProbability, probabilityReader, readProbability, stageProbabilities } from "./probability-reading";
import { readInputs, type InputGrids, type ReadInputsOptions } from "./read-inputs";
import { inputGrids } from "../../test/fixtures/input-grids";

describe("readProbability", () => {
  it("reads a fraction, a percent, and a number above 1 as a percent", () => {
    expect(readProbability(0.4)).toEqual({ kind: "read", value: 0.4 });
    expect(readProbability("40%")).toEqual({ kind: "read", value: 0.4 });
    expect(readProbability(40)).toEqual({ kind: "read", value: 0.4 });
    expect(readProbability("10.0")).toEqual({ kind: "read", value: 0.1 });
    expect(readProbability(100)).toEqual({ kind: "read", value: 1 });
    expect(readProbability(1)).toEqual({ kind: "read", value: 1 });
    expect(readProbability(0)).toEqual({ kind: "read", value: 0 });
  });

  it("is blank for an empty cell and bad for text, below 0 or above 100 %", () => {
    expect(readProbability("")).toEqual({ kind: "blank" });
    expect(readProbability(null)).toEqual({ kind: "blank" });
    expect(readProbability("high")).toEqual({ kind: "bad", shown: "high" });
    expect(readProbability(-0.1)).toEqual({ kind: "bad", shown: "-0.1" });
    expect(readProbability("150%")).toEqual({ kind: "bad", shown: "150%" });
    expect(readProbability(101)).toEqual({ kind: "bad", shown: "101" });
  });

  it("remembers each distinct cell through the reader", () => {
    const read = probabilityReader();
    expect(read(40)).toBe(read(40));
    expect(read("40%")).toEqual({ kind: "read", value: 0.4 });
  });
});

describe("dealProbability", () => {
  const stages = stageProbabilities({ "Proposal Sent": 0.5 });
  it("takes the cell, else the stage's (case and spaces ignored), else 1; a bad cell counts at 0", () => {
    expect(dealProbability({ kind: "read", value: 0.2 }, "proposalsent", stages)).toBe(0.2);
    expect(dealProbability({ kind: "blank" }, "proposalsent", stages)).toBe(0.5);
    expect(dealProbability({ kind: "blank" }, "negotiation", stages)).toBe(1);
    expect(dealProbability({ kind: "bad", shown: "high" }, "proposalsent", stages)).toBe(0);
  });
});

function grids(sales: unknown[][]): InputGrids {
  return inputGrids({
    reps: [
      ["Rep ID", "Name"],
      ["R1", "Ann"],
    ],
    sales,
  });
}

const OPTIONS: ReadInputsOptions = {
  wallClock: makeWallClock("UTC"),
  planMetrics: new Set(["revenue"]),
  manualMetrics: new Set(),
  stageProbabilities: { "Proposal sent": 0.5 },
};

describe("reading Sales with a Probability column", () => {
  const sales = [
    ["Date", "Rep ID", "Amount", "Status", "Probability (%)"],
    ["2026-03-20", "R1", 1000, "Negotiation", 40],
    ["2026-03-21", "R1", 1000, "Proposal sent", ""],
    ["2026-03-22", "R1", 1000, "Discovery", ""],
    ["2026-03-23", "R1", 1000, "Negotiation", "likely"],
    ["2026-03-05", "R1", 1000, "won", "likely"],
  ];

  for (const salesThroughSchema of [false, true]) {
    it(`gives open deals their probability, warns of a bad one on an open deal only (${salesThroughSchema ? "schema" : "fast loop"})`, () => {
      const { records, problems } = readInputs(grids(sales), { ...OPTIONS, salesThroughSchema });
      expect(records.sales.map((s) => [s.status, s.probability])).toEqual([
        ["open", 0.4],
        ["open", 0.5],
        ["open", 1],
        ["open", 0],
        ["won", undefined],
      ]);
      const about = problems.filter((p) => p.code === "bad_probability");
      expect(about.map((p) => [p.cell, p.code, p.severity, p.args.value])).toEqual([
        ["E5", "bad_probability", "warning", "likely"],
      ]);
    });
  }
});
