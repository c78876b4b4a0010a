/**
 * The demo's sheets laid out: headers, rows and number formats of Reps,
 * Sales, Targets, Scores, Adjustments and Plan.
 */
import { DEFAULT_PLAN_ROWS } from "../../core/default-plan";
import { dayCell, dayOf, type Month } from "./demo-calendar";
import { soleWonDealIn, type Deal } from "./demo-deals";
import { PEOPLE } from "./demo-people";
import type { Random } from "./demo-random";
import { ratingRows } from "./demo-ratings";
import { targetRows } from "./demo-targets";
import type { CellData, SheetData } from "../workbook/workbook-data";

/**
 * The Reps sheet: everyone, with start and end dates and target bonuses.
 *
 * @example
 * repsSheet().values[0]; // ["Rep ID", "Name", "Email", "Role", "Team", "Manager", ...]
 */
export function repsSheet(): SheetData {
  const header = ["Rep ID", "Name", "Email", "Role", "Team", "Manager", "Start date", "End date", "Target bonus"];
  const rows: CellData[][] = PEOPLE.map((p) => [
    p.id,
    p.name,
    p.email,
    p.role,
    p.team,
    p.manager === "" ? null : p.manager,
    dayCell(dayOf(p.start)),
    p.end === null ? null : dayCell(dayOf(p.end)),
    p.targetBonus,
  ]);
  return withFormats("Reps", header, rows, { "Target bonus": "#,##0" });
}

/**
 * The Sales sheet: one row per deal (two for a split deal).
 *
 * @example
 * salesSheet(deals, dealIds).values.length; // deals.length + 1
 */
export function salesSheet(deals: Deal[], dealIds: Map<number, string>): SheetData {
  const header = ["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Split", "Deal ID"];
  const rows: CellData[][] = deals.map((d) => [
    dayCell(d.day, d.hour, d.minute),
    d.rep,
    d.customer,
    d.amount,
    d.type,
    d.status,
    dayCell(d.opened),
    d.split,
    dealIds.get(d.group) as string,
  ]);
  return withFormats("Sales", header, rows, { Amount: "#,##0" });
}

/**
 * The Targets sheet.
 *
 * @example
 * targetsSheet(demoMonths()).name; // "Targets"
 */
export function targetsSheet(months: Month[]): SheetData {
  return withFormats("Targets", ["Rep ID", "Period", "Metric", "Target"], targetRows(months), {});
}

/**
 * The Scores sheet: the manager ratings.
 *
 * @example
 * scoresSheet(demoMonths(), random).name; // "Scores"
 */
export function scoresSheet(months: Month[], random: Random): SheetData {
  return withFormats("Scores", ["Rep ID", "Period", "Metric", "Value"], ratingRows(months, random), {});
}

/**
 * The Adjustments sheet: a spiff, an award and a clawback of a real deal.
 *
 * @example
 * adjustmentsSheet(deals, dealIds).values[3]; // ["R04", "2026-02", -150, "Clawback: ..."]
 */
export function adjustmentsSheet(deals: Deal[], dealIds: Map<number, string>): SheetData {
  // The clawback refers to a real won deal of Marco Rossi's in January 2026.
  const refunded = soleWonDealIn(deals, "R04", 2026, 1);
  const rows: CellData[][] = [
    ["R03", "2025-11", 200, "Spiff: November new-customer contest"],
    ["R08", "2025-12", 300, "年度销售冠军奖励（华南区）"],
    [
      "R04",
      "2026-02",
      -150,
      `Clawback: ${refunded ? `${refunded.customer} refunded deal ${dealIds.get(refunded.group)}` : "customer refund"}`,
    ],
  ];
  return withFormats("Adjustments", ["Rep ID", "Period", "Amount", "Reason"], rows, { Amount: "#,##0" });
}

/**
 * The Plan sheet: the default plan.
 *
 * @example
 * planSheet().name; // "Plan"
 */
export function planSheet(): SheetData {
  const values: CellData[][] = DEFAULT_PLAN_ROWS.map((row) => row.map((cell) => (cell === "" ? null : cell)));
  return { name: "Plan", values };
}

/** A sheet with number formats on the named columns' data cells. */
function withFormats(name: string, header: string[], rows: CellData[][], formats: Record<string, string>): SheetData {
  const numberFormats = [header.map(() => null), ...rows.map(() => header.map((h) => formats[h] ?? null))];
  const sheet: SheetData = { name, values: [header, ...rows] };
  if (Object.keys(formats).length > 0) sheet.numberFormats = numberFormats;
  return sheet;
}
