/**
 * The typed records the tables layer reads from the input sheets.
 *
 * Everything here is already validated: a row with a problem never becomes a
 * record (it becomes a {@link Problem} instead). Dates are civil days in the
 * spreadsheet's wall clock, so the core never needs a time zone.
 */

/** Days since 1970-01-01 of a civil (wall-clock) date: 2026-03-31 is 20543. */
export type DayNumber = number;

/**
 * A period key: `YYYY-MM` (month), `YYYY-Qn` (fiscal quarter) or `YYYY`
 * (fiscal year). Fiscal quarters and years are named after the calendar year
 * in which the fiscal year starts.
 */
export type Period = string;

/** A Rep ID after trimming and case-folding: the key every sheet joins on. */
export type RepKey = string;

/** Where a record came from, so results and problems can point at the cell. */
interface SourceRow {
  /** 1-based sheet row number. */
  row: number;
}

export interface Rep extends SourceRow {
  key: RepKey;
  /** The Rep ID as typed (trimmed), shown in outputs. */
  id: string;
  name: string;
  email: string;
  role: string;
  team: string;
  /** Key of the rep's manager, "" when none. */
  manager: RepKey;
  start: DayNumber | null;
  end: DayNumber | null;
  /** Monthly money paid at 100 %; null = the plan's default. */
  targetBonus: number | null;
}

export type SaleType = "new" | "renewal" | "expansion";
export type SaleStatus = "won" | "lost" | "open";

export interface Sale extends SourceRow {
  day: DayNumber;
  rep: RepKey;
  /** Customer name as typed, trimmed. */
  customer: string;
  /** Case-folded customer, for distinct counts. */
  customerKey: string;
  amount: number;
  /** null when the sheet has no Type column or the cell is blank. */
  type: SaleType | null;
  status: SaleStatus;
  opened: DayNumber | null;
  /** Share of the credit, 0-1. */
  split: number;
  dealId: string;
  /** Chance an open deal is won, 0-1, which only the pipeline forecast reads; absent = 1. */
  probability?: number;
}

/** Who a Targets row applies to, in precedence order rep > team > role > all. */
export type TargetScope =
  | { level: "rep"; rep: RepKey }
  | { level: "team"; team: string }
  | { level: "role"; role: string }
  | { level: "all" };

export interface TargetRecord extends SourceRow {
  scope: TargetScope;
  period: Period;
  metric: string;
  target: number;
}

export interface ScoreRecord extends SourceRow {
  rep: RepKey;
  period: Period;
  metric: string;
  value: number;
}

export interface Adjustment extends SourceRow {
  rep: RepKey;
  /** Always a month. */
  period: Period;
  amount: number;
  reason: string;
}

/** Everything the input sheets hold, once read. */
export interface InputRecords {
  reps: Rep[];
  sales: Sale[];
  targets: TargetRecord[];
  scores: ScoreRecord[];
  adjustments: Adjustment[];
  /** Whether the Sales sheet has a Type column (new_customers depends on it). */
  salesHaveType: boolean;
  /** Whether the Sales sheet has a Customer column: without it new_customers has no data. */
  salesHaveCustomer?: boolean;
}
