/**
 * The golden cases of ATTAINMENT and BONUS, run through the BUILT bundle in
 * the simulator: the same table the TypeScript unit tests use.
 */
import { describe, expect, it } from "vitest";
import { createSimulator, loadBundle } from "../../src/simulator";
import { GOLDEN_CASES, GOLDEN_DECIMALS, type GoldenCell } from "../golden/tier-cases";

const bundle = loadBundle({ simulator: createSimulator(), context: { kind: "customFunction" } });

function expectCell(actual: unknown, expected: GoldenCell): void {
  if (typeof expected === "number") expect(actual as number).toBeCloseTo(expected, GOLDEN_DECIMALS);
  else expect(actual).toBe(expected);
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error("expected the call to throw");
}

describe("golden cases through the built bundle", () => {
  it.each(GOLDEN_CASES.map((golden) => [golden.fn + ": " + golden.name, golden] as const))("%s", (_, golden) => {
    const { expected } = golden;
    const call = () => bundle.callJson(golden.fn, ...golden.args);
    if (typeof expected === "object" && !Array.isArray(expected)) {
      const message = errorOf(call);
      expect(message).toBe(expected.error);
      expect(message).not.toMatch(/\n|\s+at\s/);
      return;
    }
    const result = call();
    if (!Array.isArray(expected)) return expectCell(result, expected);
    const rows = result as unknown[][];
    expect(rows.map((r) => r.length)).toEqual(expected.map((r) => r.length));
    expected.forEach((row, i) => row.forEach((cell, j) => expectCell(rows[i][j], cell)));
  });

  it("errors thrown inside the bundle are the script's own Error with a one-line message", () => {
    const isError = bundle.evaluate(
      `(function () { try { BONUS(1, [[1, 0.5], [0.5, 1]]); } catch (e) { return e instanceof Error && e.message; } })()`,
    );
    expect(isError).toBe("BONUS: tiers row 2 is not ascending");
  });
});
