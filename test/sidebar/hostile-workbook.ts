/**
 * The demo workbook with reps whose names, team, customers and adjustment
 * reasons are script-injection payloads or very long text, for the browser
 * tests: whatever the sheets hold must show as that text and run nothing.
 */
import type { Simulator } from "../../src/simulator";
import type { CellInput } from "../../src/simulator";
import { demoSimulator } from "./demo-simulator";

/** Payloads an injected handler would run; `flag` ones set window.__xss. */
export const PAYLOADS = {
  img: "<img src=x onerror=alert(1)>",
  script: "<script>alert(1)</script>",
  svg: '"><svg onload=alert(1)>',
  js: "javascript:alert(1)",
  flag: '<img src=x onerror="window.__xss=1">',
  flagSvg: '<svg onload="window.__xss=2"></svg>',
} as const;

export const LONG_NAME = "Bartholomew-Maximilian Featherstonehaugh-Cholmondeley of Westminster-upon-Thames";
export const UNBROKEN_NAME = "W".repeat(64);

/** The hostile reps: Rep ID, Name, Team. */
export const HOSTILE_REPS: readonly [string, string, string][] = [
  ["H01", PAYLOADS.img, "East"],
  ["H02", PAYLOADS.script, PAYLOADS.svg],
  ["H03", PAYLOADS.js, "South"],
  ["H04", PAYLOADS.flag, "East"],
  ["H05", LONG_NAME, "South"],
  ["H06", UNBROKEN_NAME, "East"],
  ["H07", PAYLOADS.flagSvg, "South"],
];

/** The month the hostile reps sell in (the demo's latest). */
export const HOSTILE_MONTH = "2026-10";

/** The adjustment reason given to H01. */
export const HOSTILE_REASON = PAYLOADS.script + " " + PAYLOADS.svg + " " + PAYLOADS.js;

function appendRows(sim: Simulator, sheet: string, rows: CellInput[][]): void {
  sim.setSheetValues(sheet, rows, { startRow: sim.sheetValues(sheet).length + 1 });
}

/**
 * The demo workbook in a simulator, with the hostile reps, their deals and
 * an adjustment appended (not yet recalculated).
 *
 * @example
 * const sim = await hostileSimulator();
 * const preview = await startPreview({ port: 0, simulator: sim });
 */
export async function hostileSimulator(): Promise<Simulator> {
  const sim = await demoSimulator();
  appendRows(
    sim,
    "Reps",
    HOSTILE_REPS.map(([id, name, team]) => [
      id,
      name,
      "",
      "rep",
      team,
      "M01",
      { wallClock: "2024-01-08T00:00:00" },
      null,
      1000,
    ]),
  );
  const sales: CellInput[][] = [];
  HOSTILE_REPS.forEach(([id], i) => {
    for (let k = 0; k < 3; k++) {
      const day = String(3 + i * 3 + k).padStart(2, "0");
      sales.push([
        { wallClock: `${HOSTILE_MONTH}-${day}T10:00:00` },
        id,
        PAYLOADS.img + " Ltd " + k,
        12000 + 1000 * i + 500 * k,
        k === 0 ? "new" : "expansion",
        "won",
        { wallClock: "2026-08-01T00:00:00" },
        null,
        `HX-${id}-${k}`,
      ]);
    }
  });
  // Two bad rows, so the latest run has input problems to list (one quoting a payload).
  sales.push([
    { wallClock: `${HOSTILE_MONTH}-20T10:00:00` },
    "H01",
    "Bad Amount Co",
    PAYLOADS.img,
    "new",
    "won",
    null,
    null,
    "HX-BAD-1",
  ]);
  sales.push([
    { wallClock: `${HOSTILE_MONTH}-21T10:00:00` },
    "ZZ9",
    "Unknown Rep Co",
    1000,
    "new",
    "won",
    null,
    null,
    "HX-BAD-2",
  ]);
  appendRows(sim, "Sales", sales);
  appendRows(sim, "Adjustments", [["H01", { value: HOSTILE_MONTH, format: "@" }, -75, HOSTILE_REASON]]);
  return sim;
}
