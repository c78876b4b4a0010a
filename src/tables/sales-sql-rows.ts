/**
 * Both ends of the warehouse queries of sales-sql.ts in TypeScript: reading
 * the distinct Status and Type texts with the sheet's own stage and type words
 * (so SQL never decides what a word means), and turning the result rows into
 * the aggregation contract, owners matched to reps as the Sales sheet matches them.
 */
import { monthKey } from "../core/periods";
import { problemAt, type Problem } from "../core/problems";
import type { Rep, RepKey } from "../core/records";
import {
  addRepMonth,
  emptyRepMonth,
  type NewCustomerCandidate,
  type NewCustomerRule,
  type RepMonthSales,
  type SalesAggregates,
} from "../core/sales-aggregates";
import { isCellFailure, textKey } from "./cell-values";
import { DEAL_TYPE_WORDS } from "./deal-type-words";
import type { StageProbabilities } from "./probability-reading";
import { normalizeStage, statusOf, type StageDictionary } from "./stage-reading";
import type { SalesVocabulary } from "./sales-sql";

/** A row of the vocabulary query. */
export interface VocabularyRow {
  field: string;
  word: string | null;
}

function typeWords(): Map<string, "new" | "renewal" | "expansion"> {
  const words = new Map<string, "new" | "renewal" | "expansion">();
  for (const group of DEAL_TYPE_WORDS)
    for (const type of ["new", "renewal", "expansion"] as const)
      for (const word of group.words[type]) words.set(normalizeStage(word), type);
  return words;
}

/**
 * Reads each distinct owner, Status and Type text as the Sales sheet would:
 * an owner known when it names a rep; a Status blank
 * is won, a known word its status, any other word open, a text no stage can
 * be read from (an error value, a pasted page) bad; Type words new and renewal.
 *
 * @example
 * salesVocabulary([{ field: "status", word: "Closed Won" }, { field: "owner", word: "R1" }], stageDictionary(), new Map(),
 *   ownerResolver(reps));
 * // { knownOwners: ["R1"], won: ["Closed Won"], lost: [], bad: [], newTypes: [], renewalTypes: [], stageProbabilities: [] }
 */
export function salesVocabulary(
  rows: readonly VocabularyRow[],
  stages: StageDictionary,
  probabilities: StageProbabilities,
  resolve?: OwnerResolver,
): SalesVocabulary {
  const vocabulary: SalesVocabulary = {
    knownOwners: resolve ? [] : null,
    won: [],
    lost: [],
    bad: [],
    newTypes: [],
    renewalTypes: [],
    stageProbabilities: [],
  };
  const types = typeWords();
  const byProbability = new Map<number, string[]>();
  for (const row of rows) {
    const word = row.word ?? "";
    if (row.field === "owner") {
      if (resolve && word !== "" && resolve(word) !== null) vocabulary.knownOwners?.push(word);
      continue;
    }
    if (row.field === "type") {
      const type = types.get(normalizeStage(word.trim()));
      if (type === "new") vocabulary.newTypes.push(word);
      if (type === "renewal") vocabulary.renewalTypes.push(word);
      continue;
    }
    const stage = statusOf(word, stages);
    if (isCellFailure(stage)) vocabulary.bad.push(word);
    else if (stage.status === "won") vocabulary.won.push(word);
    else if (stage.status === "lost") vocabulary.lost.push(word);
    else {
      const probability = probabilities.get(stage.key);
      if (probability === undefined) continue;
      const words = byProbability.get(probability) ?? [];
      words.push(word);
      byProbability.set(probability, words);
    }
  }
  for (const [probability, words] of byProbability) vocabulary.stageProbabilities.push({ probability, words });
  return vocabulary;
}

/** A row of the aggregates query (numbers as numbers: a DuckDB BIGINT is converted by the caller). */
export interface AggregateRow {
  row_kind: string;
  owner: string | null;
  month: number | null;
  customer: string | null;
  day: number | null;
  is_open: number | null;
  left_out: string | null;
  row_count: number | null;
  revenue: number | null;
  deals_won: number | null;
  deals_lost: number | null;
  renewals_won: number | null;
  renewals_lost: number | null;
  cycle_days: number | null;
  cycle_deals: number | null;
  open_deals: number | null;
  open_revenue: number | null;
  open_renewals: number | null;
  open_cycle_days: number | null;
  open_cycle_deals: number | null;
  first_closed_day: number | null;
  last_closed_day: number | null;
}

/** Owner text to rep, as the Sales sheet matches an owner: by Rep ID, else by a Name only one rep has. */
export type OwnerResolver = (owner: string) => RepKey | null;

const NUMBER_LIKE = /^[\d.,\s-]+$/;

/**
 * The resolver of the reps read from the Reps sheet.
 *
 * @example
 * ownerResolver([{ key: "r1", name: "Ann Lee", ... }])(" Ann lee "); // "r1"
 */
export function ownerResolver(reps: readonly Rep[]): OwnerResolver {
  const byKey = new Map(reps.map((rep) => [rep.key, rep.key]));
  const byName = new Map<string, RepKey[]>();
  for (const rep of reps) {
    const name = textKey(rep.name);
    if (name !== "") byName.set(name, [...(byName.get(name) ?? []), rep.key]);
  }
  return (owner) => {
    const key = textKey(owner);
    const known = byKey.get(key);
    if (known !== undefined) return known;
    if (NUMBER_LIKE.test(key)) return null;
    const named = byName.get(key);
    return named && named.length === 1 ? named[0] : null;
  };
}

const LEFT_OUT_REASONS: Readonly<Record<string, string>> = {
  blank_rep: "no owner",
  bad_status: "a status that is no stage word",
  split_out_of_range: "a Split outside 0-1",
  blank_date: "no close date",
  blank_amount: "a won deal without an amount",
};

/** The contract of a query's rows, and what the rows say was left out. */
export interface WarehouseSales {
  aggregates: SalesAggregates;
  problems: Problem[];
  /** Rows counted in the contract. */
  rowsCounted: number;
}

function monthOfKey(month: number): string {
  return monthKey(Math.floor(month / 100), month % 100);
}

function repMonthOf(row: AggregateRow, rep: RepKey): RepMonthSales {
  const month = emptyRepMonth(rep, monthOfKey(row.month ?? 0));
  month.revenue = row.revenue ?? 0;
  month.dealsWon = row.deals_won ?? 0;
  month.dealsLost = row.deals_lost ?? 0;
  month.renewalsWon = row.renewals_won ?? 0;
  month.renewalsLost = row.renewals_lost ?? 0;
  month.cycleDaysSum = row.cycle_days ?? 0;
  month.cycleDeals = row.cycle_deals ?? 0;
  month.openDeals = row.open_deals ?? 0;
  month.openRevenue = row.open_revenue ?? 0;
  month.openRenewals = row.open_renewals ?? 0;
  month.openCycleDaysSum = row.open_cycle_days ?? 0;
  month.openCycleDeals = row.open_cycle_deals ?? 0;
  month.firstClosedDay = row.first_closed_day ?? null;
  month.lastClosedDay = row.last_closed_day ?? null;
  return month;
}

/**
 * The contract from the aggregates query's rows: owners matched to reps (an
 * owner written two ways adds into one rep), unknown owners and left-out rows
 * as problems on the source, counted rather than cited by cell.
 *
 * @example
 * const { aggregates } = warehouseSales(rows, ownerResolver(records.reps), "first_win", "crm.sales.deals");
 * aggregates.months[0]; // { rep: "r1", month: "2026-03", revenue: 1200, ... }
 */
export function warehouseSales(
  rows: readonly AggregateRow[],
  resolve: OwnerResolver,
  rule: NewCustomerRule,
  sourceName: string,
): WarehouseSales {
  const months = new Map<string, RepMonthSales>();
  const candidates = new Map<string, NewCustomerCandidate>();
  const unknown = new Map<string, number>();
  const leftOut = new Map<string, number>();
  const problems: Problem[] = [];
  let rowsCounted = 0;
  for (const row of rows) {
    if (row.row_kind === "left_out") {
      const count = row.row_count ?? 0;
      if (row.left_out === "unknown_rep") {
        const owner = row.owner ?? "";
        unknown.set(owner, (unknown.get(owner) ?? 0) + count);
      } else if (row.left_out !== null && row.left_out in LEFT_OUT_REASONS)
        leftOut.set(row.left_out, (leftOut.get(row.left_out) ?? 0) + count);
      continue;
    }
    const owner = row.owner ?? "";
    const rep = resolve(owner);
    if (rep === null) {
      if (row.row_kind === "month") unknown.set(owner, (unknown.get(owner) ?? 0) + (row.row_count ?? 0));
      continue;
    }
    if (row.row_kind === "month") {
      rowsCounted += row.row_count ?? 0;
      const month = repMonthOf(row, rep);
      const key = rep + "\u0001" + month.month;
      const known = months.get(key);
      if (known === undefined) months.set(key, month);
      else addRepMonth(known, month);
    } else if (row.row_kind === "candidate" && rule !== "none") {
      const candidate: NewCustomerCandidate = {
        rep,
        month: monthOfKey(row.month ?? 0),
        customerKey: row.customer ?? "",
        day: row.day ?? 0,
        open: row.is_open === 1,
      };
      const key = [rep, candidate.month, candidate.customerKey, candidate.open ? "o" : "w"].join("\u0001");
      const known = candidates.get(key);
      if (known === undefined) candidates.set(key, candidate);
      else if (candidate.day < known.day) known.day = candidate.day;
    }
  }
  for (const [reason, count] of leftOut)
    problems.push(problemAt(sourceName, "", "warehouse_rows_left_out", { count, reason: LEFT_OUT_REASONS[reason] }));
  for (const [id, count] of unknown) problems.push(problemAt(sourceName, "", "warehouse_unknown_owner", { id, count }));
  return {
    aggregates: { months: [...months.values()], newCustomers: [...candidates.values()], newCustomerRule: rule },
    problems,
    rowsCounted,
  };
}
