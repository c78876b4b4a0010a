/**
 * The generated data of `npm run bench:warehouse`: a Parquet Sales table of
 * deals written by DuckDB (deterministic in the row number: 1,000 reps,
 * 200,000 customers, three years), the team workbook the same reps need for
 * `npm start --sales`, and the plain GROUP BY that checks revenue per rep and
 * month (README, "Sales in a warehouse").
 */
import type { WorkbookData } from "../workbook/workbook-data";

export const BENCH_REPS = 1000;
const CUSTOMERS = 200_000;
/** Deals close over these three years. */
export const FIRST_MONTH = "2024-01";
export const LAST_MONTH = "2026-12";
const SECONDS = 3 * 365 * 86_400;

function sqlText(text: string): string {
  return "'" + text.replace(/'/g, "''") + "'";
}

/**
 * DuckDB's statement that writes `rows` generated deals to a Parquet file: a CRM export's columns.
 *
 * @example
 * await connection.run(generateSalesSql(1_000_000, "/tmp/sales.parquet"));
 */
export function generateSalesSql(rows: number, path: string): string {
  return `COPY (
  SELECT
    TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds((i * 7919) % ${SECONDS}) AS "Close Date",
    'R' || (i % ${BENCH_REPS}) AS "Rep ID",
    'Customer ' || ((i * 31) % ${CUSTOMERS}) AS "Customer",
    CAST(100 + (i * 37) % 50000 AS DOUBLE) AS "Amount",
    CASE WHEN i < ${CUSTOMERS} THEN 'New Customer' WHEN i % 3 = 0 THEN 'Renewal' ELSE 'Expansion' END AS "Type",
    CASE i % 10 WHEN 0 THEN 'Closed Lost' WHEN 1 THEN 'Proposal' WHEN 2 THEN 'Negotiation' ELSE 'Closed Won' END AS "Stage",
    CAST(TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds((i * 7919) % ${SECONDS}) AS DATE) - CAST(i % 90 AS INTEGER) AS "Created Date",
    CASE WHEN i % 7 = 0 THEN 0.5 ELSE 1.0 END AS "Split",
    CASE WHEN i % 10 = 1 THEN 40.0 END AS "Probability"
  FROM generate_series(0, ${rows - 1}) AS t(i)
) TO ${sqlText(path)} (FORMAT parquet, COMPRESSION zstd)`;
}

/**
 * Revenue per rep (its Rep ID as written) and month (UTC) straight from the file: won Amount × Split, the check.
 *
 * @example
 * (await connection.runAndReadAll(plainGroupBySql("sales.parquet"))).getRows(); // [["R13", "2024-01", 7952836.5], ...]
 */
export function plainGroupBySql(path: string): string {
  return `SELECT "Rep ID" AS rep, strftime(timezone('UTC', "Close Date"), '%Y-%m') AS month,
  SUM("Amount" * "Split") AS revenue
FROM read_parquet(${sqlText(path)}) WHERE "Stage" = 'Closed Won' GROUP BY ALL`;
}

/**
 * The team workbook for `npm start --sales` on the generated deals: the 1,000 reps (Target bonus 1,000) and a
 * revenue, new-customer and win-rate target for everyone in every month; no Sales sheet, the default plan.
 *
 * @example
 * await writeXlsx(benchTeamWorkbook(), "team.xlsx");
 */
export function benchTeamWorkbook(): WorkbookData {
  const reps: (string | number | null)[][] = [
    ["Rep ID", "Name", "Email", "Role", "Team", "Manager", "Start date", "End date", "Target bonus"],
  ];
  for (let i = 0; i < BENCH_REPS; i += 1)
    reps.push(["R" + i, "Rep " + i, null, "rep", "Team " + (i % 20), null, null, null, 1000]);
  const targets: (string | number)[][] = [["Rep ID", "Period", "Metric", "Target"]];
  const [firstYear, lastYear] = [Number(FIRST_MONTH.slice(0, 4)), Number(LAST_MONTH.slice(0, 4))];
  for (let year = firstYear; year <= lastYear; year += 1)
    for (let month = 1; month <= 12; month += 1) {
      const period = `${year}-${String(month).padStart(2, "0")}`;
      targets.push(
        ["*", period, "revenue", 2_000_000],
        ["*", period, "new_customers", 5],
        ["*", period, "win_rate", 0.35],
      );
    }
  return {
    sheets: [
      { name: "Reps", values: reps },
      { name: "Targets", values: targets },
    ],
  };
}
