import { describe, expect, it } from "vitest";
import type { PeriodResult, RepPeriodResult } from "../core/results";
import type { ResultIndex } from "./period-computation";
import { reviewInputPrints, reviewsPrint } from "./review-prints";

/** Just enough of a result row for the prints, which hash whatever a row holds. */
function row(rep: string, codes: string[], score = 1): RepPeriodResult {
  return { rep, id: rep, score, notes: codes.map((code) => ({ code })) } as unknown as RepPeriodResult;
}

function printsOf(march: RepPeriodResult[], february: RepPeriodResult[]): Map<string, string> {
  const results = new Map<string, PeriodResult>([["2026-03", { period: "2026-03", rows: march } as PeriodResult]]);
  const index: ResultIndex = new Map([
    ["2026-02", new Map(february.map((r) => [r.rep, r]))],
    ["2026-03", new Map(march.map((r) => [r.rep, r]))],
  ]);
  return reviewInputPrints(results, index, [], () => ["settings"]);
}

describe("reviewInputPrints", () => {
  const february = [row("a", ["prorated"]), row("b", [])];
  const march = [row("a", ["rep_of_the_month", "prorated"]), row("b", [])];
  const print = printsOf(march, february).get("2026-03");

  it("is the same for the same rows", () => {
    expect(printsOf(march, february).get("2026-03")).toBe(print);
  });

  it("changes with the period's own awards, their place among the notes and any other field", () => {
    expect(printsOf([row("a", ["prorated"]), row("b", [])], february).get("2026-03")).not.toBe(print);
    expect(printsOf([row("a", ["prorated", "rep_of_the_month"]), row("b", [])], february).get("2026-03")).not.toBe(
      print,
    );
    expect(printsOf([row("a", ["rep_of_the_month", "prorated"]), row("b", [], 2)], february).get("2026-03")).not.toBe(
      print,
    );
  });

  it("leaves an earlier period's awards out, and not its other notes", () => {
    expect(printsOf(march, [row("a", ["prorated", "most_improved"]), row("b", [])]).get("2026-03")).toBe(print);
    expect(printsOf(march, [row("a", []), row("b", [])]).get("2026-03")).not.toBe(print);
  });

  it("changes with any field of an earlier period's rows, however deep, and with a field's kind", () => {
    const deep = (value: unknown): RepPeriodResult =>
      ({ ...row("a", []), metrics: [{ key: "revenue", actual: value }] }) as unknown as RepPeriodResult;
    const printWith = (value: unknown) => printsOf(march, [deep(value), row("b", [])]).get("2026-03");
    const prints = [1200, 1200.5, "1200", null, undefined, true, false, [1200], { actual: 1200 }, ""].map(printWith);
    expect(new Set(prints).size).toBe(prints.length);
    expect(printWith(1200)).toBe(printWith(1200));
  });

  it("tells apart rows whose fields are split differently between neighbours", () => {
    const named = (name: string, team: string): RepPeriodResult =>
      ({ ...row("a", []), name, team }) as unknown as RepPeriodResult;
    const first = printsOf(march, [named("ab", "c"), row("b", [])]).get("2026-03");
    expect(printsOf(march, [named("a", "bc"), row("b", [])]).get("2026-03")).not.toBe(first);
  });

  // A name is fed as text once, then by its number: renaming a field must still change the print, wherever it is.
  it("changes with a field's name, the first time it appears and every time after", () => {
    const withField = (rep: string, name: string): RepPeriodResult =>
      ({ ...row(rep, []), [name]: 1 }) as unknown as RepPeriodResult;
    const base = printsOf(march, [withField("a", "extra"), withField("b", "extra")]).get("2026-03");
    expect(printsOf(march, [withField("a", "extra"), withField("b", "extra")]).get("2026-03")).toBe(base);
    expect(printsOf(march, [withField("a", "other"), withField("b", "other")]).get("2026-03")).not.toBe(base);
    expect(printsOf(march, [withField("a", "other"), withField("b", "extra")]).get("2026-03")).not.toBe(base);
    expect(printsOf(march, [withField("a", "extra"), withField("b", "other")]).get("2026-03")).not.toBe(base);
    expect(printsOf(march, [withField("a", "extra"), withField("b", "id")]).get("2026-03")).not.toBe(base);
  });
});

describe("reviewsPrint", () => {
  const result = { period: "2026-03", rows: [row("a", []), row("b", [])] } as PeriodResult;
  const printOf = (texts: Record<string, string>, input = "in") => reviewsPrint(input, result, (id) => texts[id]);
  const print = printOf({ a: "Review A", b: "Review B" });

  it("is the same for the same texts and inputs", () => {
    expect(printOf({ a: "Review A", b: "Review B" })).toBe(print);
  });

  it("changes with any text, with text moved between rows, and with the inputs", () => {
    expect(printOf({ a: "Review A.", b: "Review B" })).not.toBe(print);
    expect(printOf({ a: "Review AR", b: "eview B" })).not.toBe(print);
    expect(printOf({ a: "Review B", b: "Review A" })).not.toBe(print);
    expect(printOf({ a: "Review A", b: "Review B" }, "in2")).not.toBe(print);
  });

  it("is null when a row has no text", () => {
    expect(printOf({ a: "Review A" })).toBeNull();
  });
});
