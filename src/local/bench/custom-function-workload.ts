/**
 * Seeded inputs for the custom functions, as Sheets passes them to a cell:
 * the ranges of a team's input sheets for SCORECARD (sales dates typed as
 * text, as a pasted CRM export has them) and large columns of numbers for the
 * element-wise functions. The bench and the bundle tests build the same data
 * from the same seed.
 */
import { DEFAULT_PLAN_ROWS } from "../../core/default-plan";
import { monthRange } from "../../core/periods";
import { seededRandom } from "../../core/seeded-random";

type Grid = (string | number)[][];

/** The argument ranges of SCORECARD for one team and one year, with the months to ask for. */
export interface ScorecardWorkload {
  reps: Grid;
  sales: Grid;
  targets: Grid;
  scores: Grid;
  plan: Grid;
  /** The year's months, "2025-01" to "2025-12". */
  months: string[];
}

/** The argument ranges of KPI_SCORE: a row per rep, a column per metric. */
export interface KpiScoreWorkload {
  actuals: Grid;
  targets: Grid;
  weights: Grid;
  directions: Grid;
  caps: Grid;
}

const YEAR = 2025;
const DAY_MS = 86_400_000;
const STATUSES = ["won", "won", "won", "lost", "open"];
const DEAL_TYPES = ["new", "new", "renewal", "expansion"];
const BLANK_EVERY = 17;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pick<Item>(random: () => number, items: readonly Item[]): Item {
  return items[Math.floor(random() * items.length)];
}

/**
 * A team of reps and a year of sales, targets and satisfaction scores, with the default plan.
 *
 * @example
 * const work = scorecardWorkload({ salesRows: 10_000, repCount: 100 });
 * work.sales.length // 10001 (the header row and 10,000 sales)
 */
export function scorecardWorkload(size: { salesRows: number; repCount: number; seed?: number }): ScorecardWorkload {
  const random = seededRandom(size.seed ?? 13);
  const months = monthRange(`${YEAR}-01`, `${YEAR}-12`);
  const reps: Grid = [["Rep ID", "Name", "Team", "Role", "Manager", "Start date", "End date"]];
  for (let rep = 0; rep < size.repCount; rep += 1) {
    reps.push([`R${rep}`, `Rep ${rep}`, `Team ${rep % 10}`, "rep", "", "", ""]);
  }
  const sales: Grid = [["Date", "Rep ID", "Customer", "Amount", "Type", "Status", "Opened", "Deal ID"]];
  const start = Date.UTC(YEAR, 0, 1);
  for (let row = 0; row < size.salesRows; row += 1) {
    const closed = start + Math.floor(random() * 365) * DAY_MS;
    const opened = closed - Math.floor(random() * 60) * DAY_MS;
    sales.push([
      isoDay(closed),
      `R${Math.floor(random() * size.repCount)}`,
      `C${Math.floor(random() * (size.salesRows / 2))}`,
      Math.round(random() * 20_000),
      pick(random, DEAL_TYPES),
      pick(random, STATUSES),
      isoDay(opened),
      `D${row}`,
    ]);
  }
  const perRepMonth = size.salesRows / size.repCount / months.length;
  const targets: Grid = [["Rep ID", "Period", "Metric", "Target"]];
  for (const month of months) {
    targets.push(["*", month, "revenue", Math.round(perRepMonth * 0.6 * 10_000)]);
    targets.push(["*", month, "new_customers", Math.max(1, Math.round(perRepMonth * 0.3))]);
    targets.push(["*", month, "win_rate", 0.6]);
    targets.push(["*", month, "renewal_rate", 0.75]);
  }
  const scores: Grid = [["Rep ID", "Period", "Metric", "Value"]];
  for (let rep = 0; rep < size.repCount; rep += 1) {
    for (const month of months) scores.push([`R${rep}`, month, "csat", 3 + Math.round(random() * 20) / 10]);
  }
  return { reps, sales, targets, scores, plan: DEFAULT_PLAN_ROWS, months };
}

/**
 * A column of numbers with a blank every 17th cell, like a sheet column with gaps.
 *
 * @example
 * numberColumn(3, 1, 100) // [[62.5...], [...], [...]]
 */
export function numberColumn(rows: number, seed: number, scale: number): Grid {
  const random = seededRandom(seed);
  return Array.from({ length: rows }, (_, row) => [row % BLANK_EVERY === 0 ? "" : Math.round(random() * scale)]);
}

/**
 * KPI_SCORE's arguments for `rows` reps and 4 metrics (one lower-is-better), with blank cells here and there.
 *
 * @example
 * kpiScoreWorkload(100_000).actuals[0].length // 4
 */
export function kpiScoreWorkload(rows: number, seed = 7): KpiScoreWorkload {
  const random = seededRandom(seed);
  const scales = [20_000, 10, 1, 5];
  const row = (blankChance: number) =>
    scales.map((scale) => (random() < blankChance ? "" : Math.round(random() * scale * 100) / 100));
  return {
    actuals: Array.from({ length: rows }, () => row(0.02)),
    targets: Array.from({ length: rows }, () => row(0.01)),
    weights: [[0.4, 0.3, 0.2, 0.1]],
    directions: [["higher", "higher", "lower", "higher"]],
    caps: [[1.5, 1.5, 1.2, 2]],
  };
}
