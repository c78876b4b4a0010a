import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, makeWallClock } from "../core/calendar";
import { DEFAULT_PLAN_ROWS } from "../core/default-plan";
import type { InputRecords, Sale } from "../core/records";
import { readPlan } from "../tables/plan-table";
import { hashText, periodFingerprints, ValueHasher } from "./input-fingerprint";

const PLAN = readPlan(DEFAULT_PLAN_ROWS, "Plan", { wallClock: makeWallClock("UTC") }).plan;
const PERIODS = ["2026-03", "2026-04", "2026-Q2"];

function sale(overrides: Partial<Sale> = {}): Sale {
  return {
    row: 2,
    day: dayNumber(2026, 4, 10),
    rep: "r1",
    customer: "Acme",
    customerKey: "acme",
    amount: 1200,
    type: "new",
    status: "won",
    opened: dayNumber(2026, 3, 1),
    split: 1,
    dealId: "D1",
    ...overrides,
  };
}

function records(sales: Sale[]): InputRecords {
  return {
    reps: [
      {
        row: 2,
        key: "r1",
        id: "R1",
        name: "Ann",
        email: "",
        role: "AE",
        team: "East",
        manager: "",
        start: null,
        end: null,
        targetBonus: null,
      },
    ],
    sales,
    targets: [{ row: 2, scope: { level: "all" }, period: "2026-04", metric: "revenue", target: 5000 }],
    scores: [],
    adjustments: [],
    salesHaveType: true,
  };
}

const OTHER_SALES = [sale({ row: 3, dealId: "D2", amount: 80.5 }), sale({ row: 4, day: dayNumber(2026, 3, 5) })];

function prints(sales: Sale[]): Map<string, string> {
  return periodFingerprints(records(sales), PLAN, PERIODS, 1);
}

describe("periodFingerprints", () => {
  it("gives equal inputs equal fingerprints, whatever the order and row numbers of the sales", () => {
    const first = prints([sale(), ...OTHER_SALES]);
    const reordered = prints([OTHER_SALES[1], { ...OTHER_SALES[0], row: 9 }, { ...sale(), row: 7 }]);
    expect(reordered).toEqual(first);
    expect(first.get("2026-03")).not.toBe(first.get("2026-04"));
  });

  const changes: [string, Partial<Sale>][] = [
    ["the day (same month)", { day: dayNumber(2026, 4, 11) }],
    ["the rep", { rep: "r2" }],
    ["the customer", { customerKey: "acme inc" }],
    ["a whole amount", { amount: 1201 }],
    ["an amount in its last bit", { amount: 1200.0000000000002 }],
    ["a fractional amount", { amount: 0.1 }],
    ["a negative amount", { amount: -1200 }],
    ["a large amount", { amount: 2 ** 40 }],
    ["the type", { type: "renewal" }],
    ["a blank type", { type: null }],
    ["the status", { status: "lost" }],
    ["the opened day", { opened: dayNumber(2026, 3, 2) }],
    ["a blank opened day", { opened: null }],
    ["the split", { split: 0.5 }],
    ["the deal ID", { dealId: "D1b" }],
    ["the probability", { probability: 0.4 }],
    ["text moved between two cells", { rep: "r1a", customerKey: "cme" }],
  ];
  for (const [what, change] of changes) {
    it(`changes the month's and quarter's fingerprints, not another month's, when ${what} changes`, () => {
      const before = prints([sale(), ...OTHER_SALES]);
      const after = prints([sale(change), ...OTHER_SALES]);
      expect(after.get("2026-04")).not.toBe(before.get("2026-04"));
      expect(after.get("2026-Q2")).not.toBe(before.get("2026-Q2"));
      expect(after.get("2026-03")).toBe(before.get("2026-03"));
    });
  }

  it("tells a number from a text of the same digits, and a blank from zero", () => {
    expect(prints([sale({ opened: null })]).get("2026-04")).not.toBe(prints([sale({ opened: 0 })]).get("2026-04"));
    expect(prints([sale({ dealId: "1200" })]).get("2026-04")).not.toBe(
      prints([sale({ dealId: "1200", amount: 1201 })]).get("2026-04"),
    );
  });

  it("counts a duplicated sale: two equal rows are not one", () => {
    expect(prints([sale(), sale({ row: 3 })]).get("2026-04")).not.toBe(prints([sale()]).get("2026-04"));
  });

  it("changes with a target of the period and with a rep's dates", () => {
    const base = records([sale()]);
    const before = periodFingerprints(base, PLAN, PERIODS, 1).get("2026-04");
    const target = { ...base, targets: [{ ...base.targets[0], target: 5001 }] };
    expect(periodFingerprints(target, PLAN, PERIODS, 1).get("2026-04")).not.toBe(before);
    const leaver = { ...base, reps: [{ ...base.reps[0], end: dayNumber(2026, 4, 20) }] };
    expect(periodFingerprints(leaver, PLAN, PERIODS, 1).get("2026-04")).not.toBe(before);
  });
});

describe("hashText", () => {
  it("is stable and tells near texts apart", () => {
    expect(hashText("abc")).toBe(hashText("abc"));
    expect(hashText("abc")).not.toBe(hashText("abd"));
    expect(hashText("abc", 1)).not.toBe(hashText("abc"));
  });
});

/** cyrb53 over a list of 32-bit words, written out: what a ValueHasher's stream must equal. */
function cyrb53OfWords(seed: number, words: readonly number[]): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (const word of words) {
    h1 = Math.imul(h1 ^ word, 2654435761);
    h2 = Math.imul(h2 ^ word, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A value's words: a text is 3, its length, its UTF-16 codes; an integer 1 and itself; another number 2, its 64 bits. */
function wordsOf(value: string | number): number[] {
  if (typeof value === "string")
    return [3, value.length, ...Array.from({ length: value.length }, (_, i) => value.charCodeAt(i))];
  if (value === (value | 0)) return [1, value];
  const bits = new Uint32Array(new Float64Array([value]).buffer);
  return [2, bits[0], bits[1]];
}

describe("ValueHasher", () => {
  // Period fingerprints are stored with final periods: a faster hasher must give the very same numbers.
  it("gives cyrb53 of the words its texts and numbers stand for, in order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.integer(), fc.double({ noNaN: true }))),
        (seed, values) => {
          const hasher = new ValueHasher();
          hasher.start(seed);
          for (const value of values) {
            if (typeof value === "string") hasher.text(value);
            else hasher.number(value);
          }
          expect(hasher.finish()).toBe(cyrb53OfWords(seed, values.flatMap(wordsOf)));
        },
      ),
    );
  });
});
