/**
 * Golden cases for ATTAINMENT and BONUS, shared by the unit tests
 * (src/addon/custom-functions.test.ts) and the tests of the built bundle in
 * the simulator. Arguments are as Sheets passes them: a single cell or a
 * literal as a value, a range as an array of rows, an empty cell as "";
 * trailing omitted arguments are left out of `args`.
 *
 * Compare numbers with GOLDEN_DECIMALS decimals (toBeCloseTo), text exactly;
 * `{ error }` is the exact message of the Error the call throws.
 *
 * This file is data only: it imports nothing, so that it can be run against
 * any build.
 */

/** One cell as Sheets passes it or as a function returns it. */
export type GoldenCell = string | number | boolean;

/** One argument: a single value or rows of values. */
type GoldenArgument = GoldenCell | GoldenCell[][];

/** A function's expected answer: a value, rows of values, or an error message. */
type GoldenExpected = GoldenCell | GoldenCell[][] | { error: string };

/** One call and its expected answer. */
export interface GoldenCase {
  name: string;
  fn: "ATTAINMENT" | "BONUS";
  args: GoldenArgument[];
  expected: GoldenExpected;
}

/** Decimals to which numbers must match. */
export const GOLDEN_DECIMALS = 9;

// Target-bonus tiers of docs/sheet-formats.md#worked-examples: (0.5, 0.5) (1.0, 1.0) (1.2, 1.5).
const BONUS_TIERS = [
  [0.5, 0.5],
  [1.0, 1.0],
  [1.2, 1.5],
];

// Commission tiers of docs/sheet-formats.md#worked-examples: (0, 0.05) (10000, 0.07) (25000, 0.10).
const MONEY_TIERS = [
  [0, 0.05],
  [10000, 0.07],
  [25000, 0.1],
];

const DIRECTION_LIST = "higher, lower, 越高越好, 越低越好";

const ATTAINMENT_CASES: GoldenCase[] = [
  { name: "higher is better: actual / target", fn: "ATTAINMENT", args: [120, 100], expected: 120 / 100 },
  { name: "lower is better: target / actual", fn: "ATTAINMENT", args: [30, 45, "lower"], expected: 45 / 30 },
  { name: "direction in Chinese", fn: "ATTAINMENT", args: [30, 45, "越低越好"], expected: 45 / 30 },
  { name: "direction trimmed, any case", fn: "ATTAINMENT", args: [30, 45, " Lower "], expected: 45 / 30 },
  { name: "direction 越高越好", fn: "ATTAINMENT", args: [30, 45, "越高越好"], expected: 30 / 45 },
  { name: "float noise kept as is: 2.4 / 3", fn: "ATTAINMENT", args: [2.4, 3], expected: 0.8 },
  { name: "zero target: none", fn: "ATTAINMENT", args: [50, 0], expected: "" },
  { name: "negative target: none", fn: "ATTAINMENT", args: [50, -10], expected: "" },
  { name: "lower is better, actual 0: none", fn: "ATTAINMENT", args: [0, 30, "lower"], expected: "" },
  { name: "blank actual: blank", fn: "ATTAINMENT", args: ["", 100], expected: "" },
  { name: "blank target: blank", fn: "ATTAINMENT", args: [100, ""], expected: "" },
  { name: "numbers as text", fn: "ATTAINMENT", args: ["¥1,200", "1,000"], expected: 1200 / 1000 },
  { name: "percent text", fn: "ATTAINMENT", args: ["12%", "10%"], expected: 0.12 / 0.1 },
  { name: "1.2万 is 12000", fn: "ATTAINMENT", args: ["1.2万", 10000], expected: 12000 / 10000 },
  {
    name: "column ranges with blanks and a zero target",
    fn: "ATTAINMENT",
    args: [
      [[120], [""], [50], [40]],
      [[100], [100], [""], [0]],
    ],
    expected: [[120 / 100], [""], [""], [""]],
  },
  {
    name: "a single target broadcasts over a range",
    fn: "ATTAINMENT",
    args: [[[50], [150]], 100],
    expected: [[50 / 100], [150 / 100]],
  },
  {
    name: "a block keeps its shape",
    fn: "ATTAINMENT",
    args: [
      [
        [1, 2],
        [3, ""],
      ],
      [
        [2, 2],
        [2, 2],
      ],
    ],
    expected: [
      [1 / 2, 2 / 2],
      [3 / 2, ""],
    ],
  },
  {
    name: "mismatched shapes",
    fn: "ATTAINMENT",
    args: [
      [[1], [2], [3]],
      [[1], [2]],
    ],
    expected: { error: "ATTAINMENT: actual (3x1) and target (2x1) must have the same shape" },
  },
  {
    name: "text where a number belongs, in a range",
    fn: "ATTAINMENT",
    args: [
      [[1], [2]],
      [[100], ["abc"]],
    ],
    expected: { error: 'ATTAINMENT: target row 2, column 1 is not a number ("abc")' },
  },
  {
    name: "text where a number belongs, a single value",
    fn: "ATTAINMENT",
    args: ["n/a", 100],
    expected: { error: 'ATTAINMENT: actual row 1 is not a number ("n/a")' },
  },
  {
    name: "a decimal comma is not a number",
    fn: "ATTAINMENT",
    args: ["1,5", 1],
    expected: { error: 'ATTAINMENT: actual row 1 is not a number ("1,5")' },
  },
  {
    name: "unknown direction",
    fn: "ATTAINMENT",
    args: [1, 1, "up"],
    expected: { error: `ATTAINMENT: direction "up" is not one of ${DIRECTION_LIST}` },
  },
  {
    name: "missing actual",
    fn: "ATTAINMENT",
    args: [],
    expected: { error: "ATTAINMENT: actual is missing" },
  },
];

const BONUS_CASES: GoldenCase[] = [
  // Worked examples of docs/sheet-formats.md#worked-examples (target bonus 1000).
  { name: "x = 1.1, step (default mode)", fn: "BONUS", args: [1.1, BONUS_TIERS, 1000], expected: 1000 * 1.0 },
  { name: "x = 1.1, step", fn: "BONUS", args: [1.1, BONUS_TIERS, 1000, "step"], expected: 1000 * 1.0 },
  {
    name: "x = 1.1, linear: 1000 x (1.0 + 0.5 x 0.1 / 0.2)",
    fn: "BONUS",
    args: [1.1, BONUS_TIERS, 1000, "linear"],
    expected: 1000 * (1.0 + (0.5 * 0.1) / 0.2),
  },
  {
    name: "x = 1.1, marginal: 1000 x (0.5 x 0.5 + 1.0 x 0.1)",
    fn: "BONUS",
    args: [1.1, BONUS_TIERS, 1000, "marginal"],
    expected: 1000 * (0.5 * 0.5 + 1.0 * 0.1),
  },
  {
    name: "x = 1.3, step, max_rate 1.4: 1000 x 1.4",
    fn: "BONUS",
    args: [1.3, BONUS_TIERS, 1000, "step", 1.4],
    expected: 1000 * 1.4,
  },
  {
    name: "x = 1.3, linear, max_rate 1.4: the last rate 1.5, capped",
    fn: "BONUS",
    args: [1.3, BONUS_TIERS, 1000, "linear", 1.4],
    expected: 1000 * 1.4,
  },
  {
    name: "x = 1.3, marginal, max_rate 1.4: 1000 x (0.25 + 0.2 + 1.5 x 0.1), under the cap",
    fn: "BONUS",
    args: [1.3, BONUS_TIERS, 1000, "marginal", 1.4],
    expected: 1000 * (0.25 + 0.2 + 1.5 * 0.1),
  },
  {
    name: "max_rate caps the marginal sum of slices: x = 3, max_rate 1.4",
    fn: "BONUS",
    args: [3, BONUS_TIERS, 1000, "marginal", 1.4],
    expected: 1000 * 1.4, // 0.25 + 0.2 + 1.5 x 1.8 = 3.15, capped
  },
  {
    name: "commission, marginal: 500 + 1050 + 500",
    fn: "BONUS",
    args: [30000, MONEY_TIERS, 1, "marginal"],
    expected: 0.05 * 10000 + 0.07 * 15000 + 0.1 * 5000,
  },
  {
    name: "commission, step: the rate (0.10) times target_bonus; with the amount as target_bonus, 30000 x 0.10",
    fn: "BONUS",
    args: [30000, MONEY_TIERS, 30000, "step"],
    expected: 30000 * 0.1,
  },
  {
    name: "step with target_bonus 1 gives the rate",
    fn: "BONUS",
    args: [30000, MONEY_TIERS, 1, "step"],
    expected: 0.1,
  },
  { name: "target_bonus omitted: 1", fn: "BONUS", args: [1.1, BONUS_TIERS], expected: 1.0 },
  { name: "target_bonus a blank cell: blank", fn: "BONUS", args: [1.1, BONUS_TIERS, "", "linear"], expected: "" },

  // Every bound in each mode, x computed as a float (noise above or below the bound).
  ...boundCases("step", { 0.5: 0.5, 1.0: 1.0, 1.2: 1.5 }),
  ...boundCases("linear", { 0.5: 0.5, 1.0: 1.0, 1.2: 1.5 }),
  ...boundCases("marginal", { 0.5: 0, 1.0: 0.5 * 0.5, 1.2: 0.5 * 0.5 + 1.0 * 0.2 }),

  // Just below each bound: bound - 1e-7.
  {
    name: "step at 0.5 - 1e-7: below the first bound",
    fn: "BONUS",
    args: [0.5 - 1e-7, BONUS_TIERS, 1000, "step"],
    expected: 0,
  },
  {
    name: "step at 1.0 - 1e-7: the 0.5 tier",
    fn: "BONUS",
    args: [1.0 - 1e-7, BONUS_TIERS, 1000, "step"],
    expected: 1000 * 0.5,
  },
  {
    name: "step at 1.2 - 1e-7: the 1.0 tier",
    fn: "BONUS",
    args: [1.2 - 1e-7, BONUS_TIERS, 1000, "step"],
    expected: 1000 * 1.0,
  },
  { name: "linear at 0.5 - 1e-7", fn: "BONUS", args: [0.5 - 1e-7, BONUS_TIERS, 1000, "linear"], expected: 0 },
  {
    name: "linear at 1.0 - 1e-7: 1000 x (0.5 + 0.5 x (0.5 - 1e-7) / 0.5)",
    fn: "BONUS",
    args: [1.0 - 1e-7, BONUS_TIERS, 1000, "linear"],
    expected: 1000 * (0.5 + (0.5 * (0.5 - 1e-7)) / 0.5),
  },
  {
    name: "linear at 1.2 - 1e-7: 1000 x (1.0 + 0.5 x (0.2 - 1e-7) / 0.2)",
    fn: "BONUS",
    args: [1.2 - 1e-7, BONUS_TIERS, 1000, "linear"],
    expected: 1000 * (1.0 + (0.5 * (0.2 - 1e-7)) / 0.2),
  },
  { name: "marginal at 0.5 - 1e-7", fn: "BONUS", args: [0.5 - 1e-7, BONUS_TIERS, 1000, "marginal"], expected: 0 },
  {
    name: "marginal at 1.0 - 1e-7: 1000 x 0.5 x (0.5 - 1e-7)",
    fn: "BONUS",
    args: [1.0 - 1e-7, BONUS_TIERS, 1000, "marginal"],
    expected: 1000 * 0.5 * (0.5 - 1e-7),
  },
  {
    name: "marginal at 1.2 - 1e-7: 1000 x (0.25 + 1.0 x (0.2 - 1e-7))",
    fn: "BONUS",
    args: [1.2 - 1e-7, BONUS_TIERS, 1000, "marginal"],
    expected: 1000 * (0.25 + 1.0 * (0.2 - 1e-7)),
  },

  // Below the first bound.
  { name: "step at 0", fn: "BONUS", args: [0, BONUS_TIERS, 1000, "step"], expected: 0 },
  { name: "linear at 0", fn: "BONUS", args: [0, BONUS_TIERS, 1000, "linear"], expected: 0 },
  { name: "marginal at 0", fn: "BONUS", args: [0, BONUS_TIERS, 1000, "marginal"], expected: 0 },

  // Commission bounds as floats.
  {
    name: "commission step at 9999.999999999998 ((2.3 - 1.3) x 10000): the 10000 tier",
    fn: "BONUS",
    args: [(2.3 - 1.3) * 10000, MONEY_TIERS, 1, "step"],
    expected: 0.07,
  },
  {
    name: "commission marginal at 24999.999999999996 ((2.3 - 1.3) x 25000): 500 + 1050",
    fn: "BONUS",
    args: [(2.3 - 1.3) * 25000, MONEY_TIERS, 1, "marginal"],
    expected: 0.05 * 10000 + 0.07 * 15000,
  },

  // Ranges, blanks, text.
  {
    name: "a range of x with a blank",
    fn: "BONUS",
    args: [[[1.1], [""], [0.4]], BONUS_TIERS, 1000],
    expected: [[1000 * 1.0], [""], [0]],
  },
  {
    name: "x and target_bonus ranges of one shape, a blank target_bonus",
    fn: "BONUS",
    args: [[[1.1], [1.3]], BONUS_TIERS, [[2000], [""]], "step"],
    expected: [[2000 * 1.0], [""]],
  },
  {
    name: "a row of x",
    fn: "BONUS",
    args: [[[0.6, 1.0, 1.25]], BONUS_TIERS, 100, "step"],
    expected: [[100 * 0.5, 100 * 1.0, 100 * 1.5]],
  },
  { name: "x as percent text", fn: "BONUS", args: ["110%", BONUS_TIERS, "¥1,000"], expected: 1000 * 1.0 },
  { name: "mode trimmed, any case", fn: "BONUS", args: [1.1, BONUS_TIERS, 1000, " Marginal "], expected: 1000 * 0.35 },
  {
    name: "tiers with blank rows",
    fn: "BONUS",
    args: [
      1.1,
      [
        [0.5, 0.5],
        ["", ""],
        [1.0, 1.0],
        [1.2, 1.5],
        ["", ""],
      ],
      1000,
    ],
    expected: 1000 * 1.0,
  },
  {
    name: "decreasing rates are allowed",
    fn: "BONUS",
    args: [
      1.5,
      [
        [0, 1],
        [1, 0.5],
      ],
      1000,
    ],
    expected: 1000 * 0.5,
  },
  { name: "blank x: blank", fn: "BONUS", args: ["", BONUS_TIERS, 1000], expected: "" },

  // Bad arguments.
  {
    name: "tiers not ascending",
    fn: "BONUS",
    args: [
      1.1,
      [
        [0.5, 0.5],
        [1.0, 1.0],
        [1.0, 1.5],
      ],
      1000,
    ],
    expected: { error: "BONUS: tiers row 3 is not ascending" },
  },
  {
    name: "tiers not ascending, counted in the range's rows",
    fn: "BONUS",
    args: [
      1.1,
      [
        [1.0, 0.5],
        ["", ""],
        [0.5, 1.0],
      ],
      1000,
    ],
    expected: { error: "BONUS: tiers row 3 is not ascending" },
  },
  {
    name: "negative rate",
    fn: "BONUS",
    args: [
      1.1,
      [
        [0.5, 0.5],
        [1.0, -1],
      ],
    ],
    expected: { error: "BONUS: tiers row 2, column 2 is negative" },
  },
  {
    name: "a tier row with a blank rate",
    fn: "BONUS",
    args: [
      1.1,
      [
        [0.5, 0.5],
        [1.0, ""],
      ],
    ],
    expected: { error: "BONUS: tiers row 2, column 2 is blank" },
  },
  {
    name: "a tier bound that is text",
    fn: "BONUS",
    args: [
      1.1,
      [
        ["Bound", "Rate"],
        [1.0, 1.0],
      ],
    ],
    expected: { error: 'BONUS: tiers row 1, column 1 is not a number ("Bound")' },
  },
  {
    name: "tiers with 3 columns",
    fn: "BONUS",
    args: [1.1, [[0.5, 0.5, 1]]],
    expected: { error: "BONUS: tiers (1x3) must have 2 columns: bound and rate" },
  },
  {
    name: "empty tiers",
    fn: "BONUS",
    args: [1.1, [["", ""]]],
    expected: { error: "BONUS: tiers has no rows" },
  },
  {
    name: "unknown mode",
    fn: "BONUS",
    args: [1.1, BONUS_TIERS, 1000, "stepp"],
    expected: { error: 'BONUS: mode "stepp" is not one of step, linear, marginal' },
  },
  {
    name: "negative target_bonus",
    fn: "BONUS",
    args: [1.1, BONUS_TIERS, -1000],
    expected: { error: "BONUS: target_bonus row 1 is negative" },
  },
  {
    name: "negative target_bonus in a range",
    fn: "BONUS",
    args: [[[1.1], [1.2]], BONUS_TIERS, [[1000], [-5]]],
    expected: { error: "BONUS: target_bonus row 2, column 1 is negative" },
  },
  {
    name: "negative max_rate",
    fn: "BONUS",
    args: [1.1, BONUS_TIERS, 1000, "step", -1],
    expected: { error: "BONUS: max_rate is negative" },
  },
  {
    name: "max_rate that is text",
    fn: "BONUS",
    args: [1.1, BONUS_TIERS, 1000, "step", "lots"],
    expected: { error: 'BONUS: max_rate is not a number ("lots")' },
  },
  {
    name: "x that is text",
    fn: "BONUS",
    args: ["abc", BONUS_TIERS, 1000],
    expected: { error: 'BONUS: x row 1 is not a number ("abc")' },
  },
  {
    name: "x and target_bonus of different shapes",
    fn: "BONUS",
    args: [[[1], [2]], BONUS_TIERS, [[1], [2], [3]]],
    expected: { error: "BONUS: x (2x1) and target_bonus (3x1) must have the same shape" },
  },
  {
    name: "missing tiers",
    fn: "BONUS",
    args: [1.1],
    expected: { error: "BONUS: tiers is missing" },
  },
];

/** Every golden case. */
export const GOLDEN_CASES: GoldenCase[] = [...ATTAINMENT_CASES, ...BONUS_CASES];

function boundCases(mode: string, multipleAtBound: Record<number, number>): GoldenCase[] {
  // x reaching each bound only through float noise, from above and from below.
  const nearBounds: [number, string, number][] = [
    [0.5, "((0.1 + 0.2) / 0.3) x 0.5", ((0.1 + 0.2) / 0.3) * 0.5], // 0.5000000000000001
    [0.5, "0.58 - 0.08", 0.58 - 0.08], // 0.49999999999999994
    [1.0, "(0.1 + 0.2) / 0.3", (0.1 + 0.2) / 0.3], // 1.0000000000000002
    [1.0, "2.3 - 1.3", 2.3 - 1.3], // 0.9999999999999998
    [1.2, "0.4 x 3", 0.4 * 3], // 1.2000000000000002
    [1.2, "1.2 + 0.12 - 0.12", 1.2 + 0.12 - 0.12], // 1.1999999999999997
    [1.2, "3.6 / 3", 3.6 / 3],
  ];
  return nearBounds.map(([bound, written, x]) => ({
    name: `${mode} at ${written}, read as ${bound}`,
    fn: "BONUS",
    args: [x, BONUS_TIERS, 1000, mode],
    expected: 1000 * multipleAtBound[bound],
  }));
}
