/**
 * Reading the Sales sheet: each row through the same cell readers as the
 * other sheets, but in a plain loop rather than zod (a million rows must read
 * in well under 1.5 s), then the Deal ID check that leaves out a deal entered
 * twice for one rep.
 *
 * Separate because Sales is the one large sheet: its fast path and its
 * hash-sorted duplicate check are tuned for size, which no other sheet needs.
 */
import { formatDay } from "../core/calendar";
import type { DayNumber, RepKey, Sale, SaleType } from "../core/records";
import {
  cellFailure,
  displayValue,
  isCellFailure,
  readDay,
  readIdText,
  readNumberCell,
  readShare,
  readText,
  textKey,
  type CellFailure,
  type DateOrder,
  type DayOfInstant,
} from "./cell-values";
import type { FieldOf } from "./input-columns";
import {
  fieldOfRow,
  isBlankRow,
  orEmpty,
  reportFailure,
  required,
  type CellReader,
  type OpenSheet,
  type RowsReader,
} from "./input-rows";
import { isReportNoteRow } from "./report-note-rows";
import { DEAL_TYPE_WORDS } from "./deal-type-words";
import {
  normalizeStage,
  statusReader,
  tallyStage,
  type StageDictionary,
  type StageStatus,
  type StageTally,
} from "./stage-reading";
import { resolveRep, type RepDirectory } from "./read-reps";
import {
  dealProbability,
  probabilityReader,
  type ProbabilityCell,
  type StageProbabilities,
} from "./probability-reading";

/** How the Sales sheet is read beyond its cells: the date order, the stage words and their probabilities. */
export interface SalesReading {
  dayOf: DayOfInstant;
  dateOrder: DateOrder | null;
  stages: StageDictionary;
  /** The settings' stage-to-probability table, for open deals without a Probability cell (default none). */
  stageProbabilities?: StageProbabilities;
}

function salesRow(reading: SalesReading) {
  const { dayOf, dateOrder } = reading;
  const status = statusReader(reading.stages);
  const text = (value: unknown) => readText(value, dayOf);
  return {
    date: (value: unknown) => readDay(value, dayOf, dateOrder),
    rep: required((value: unknown) => readIdText(value, dayOf)),
    customer: orEmpty(text),
    amount: (value: unknown) => readNumberCell(value, dayOf),
    type: typeReader(),
    status,
    opened: (value: unknown) => readDay(value, dayOf, dateOrder),
    split: (value: unknown) => readShare(value, dayOf),
    dealId: orEmpty(text),
    probability: probabilityReader(dayOf),
  } satisfies Record<FieldOf<"sales">, CellReader<unknown>>;
}

/** A Type cell as read: the type, or none with the word when the word is not known. */
interface DealType {
  type: SaleType | null;
  word: string;
  known: boolean;
}

const NO_TYPE: DealType = { type: null, word: "", known: true };
const TYPE_WORDS_ALLOWED = "new, renewal, expansion (新客户, 续约, 增购)";

/**
 * Reads the Type column with the CRMs' type words (deal-type-words.ts),
 * remembering each distinct text; an unknown word is no type, never a
 * reason to leave a deal out.
 */
function typeReader(): (value: unknown) => DealType {
  const words = new Map<string, SaleType>();
  for (const group of DEAL_TYPE_WORDS) {
    for (const type of ["new", "renewal", "expansion"] as const)
      for (const word of group.words[type]) words.set(normalizeStage(word), type);
  }
  const seen = new Map<string, DealType>();
  return (value) => {
    if (value === "" || value === null || value === undefined) return NO_TYPE;
    const text = String(value).trim();
    if (text === "") return NO_TYPE;
    const known = seen.get(text);
    if (known) return known;
    const type = words.get(normalizeStage(text)) ?? null;
    const read: DealType =
      type === null
        ? { type: null, word: text.length > 40 ? text.slice(0, 40) + "…" : text, known: false }
        : { type, word: text, known: true };
    if (seen.size < 10_000) seen.set(text, read);
    return read;
  };
}

function warnOfUnknownType(sheet: OpenSheet<"sales">, row: number, dealType: DealType): void {
  if (dealType.known) return;
  sheet.report(
    row,
    "type",
    "unknown_type",
    { column: sheet.match.label.type, value: dealType.word, allowed: TYPE_WORDS_ALLOWED },
    "warning",
  );
}

/**
 * Warns of a bad Probability on an open deal, the only kind the forecast
 * reads it for: a won or lost deal's probability is history, not a problem.
 */
function warnOfBadProbability(
  sheet: OpenSheet<"sales">,
  row: number,
  status: StageStatus,
  probability: ProbabilityCell,
): void {
  if (probability.kind !== "bad" || status.status !== "open") return;
  sheet.report(
    row,
    "probability",
    "bad_probability",
    { column: sheet.match.label.probability, value: probability.shown },
    "warning",
  );
}

/** What reading Sales found besides the sales: the stage words seen and the open deals (pipeline). */
export interface SalesReport {
  stageWords: StageTally;
  openDeals: { count: number; amount: number };
}

/**
 * Reads the Sales sheet: the fast loop when `readRows` is null, else the given
 * rows reader (the zod schema, which the tests compare with the loop). The
 * Status cell decides what else a row needs: a won deal its close date, owner
 * and amount; a lost deal no amount; an open deal (pipeline) neither date nor
 * amount, and it counts in no actual, only in the forecast at its probability
 * (the Probability cell, else the stage's, else 1). Rows naming an unknown rep
 * or with a bad cell are left out (a bad Probability only warns), and so is a Deal ID the same rep already has
 * (`duplicate_deal`). A missing sheet gives no sales. `rowsToRead` (1 at a 0-based grid row to read, see
 * sales-scope.ts) limits the fast loop to those rows; the schema reads every row.
 *
 * @example
 * // Sales: ["Date", "Rep ID", "Customer", "Amount"], ["2026-03-31", "r1", " Acme ", "1,200"]
 * readSales(salesSheet, reps, { dayOf: wallClock, dateOrder: null, stages: stageDictionary() }, null).sales;
 * // [{ row: 2, day: 20543, rep: "r1", customer: "Acme", customerKey: "acme", amount: 1200, type: null, status: "won", ... }]
 */
export function readSales(
  sheet: OpenSheet<"sales"> | null,
  reps: RepDirectory,
  reading: SalesReading,
  readRows: RowsReader | null,
  rowsToRead: Uint8Array | null = null,
): { sales: Sale[]; report: SalesReport } {
  const report: SalesReport = { stageWords: new Map(), openDeals: { count: 0, amount: 0 } };
  if (!sheet) return { sales: [], report };
  const readers = salesRow(reading);
  const sales: Sale[] = [];
  const accept = saleAcceptor(sheet, reps, sales, report, reading.stageProbabilities ?? NO_STAGE_PROBABILITIES);
  if (readRows === null) {
    readSalesRowsFast(sheet, reps, readers, accept, rowsToRead);
  } else {
    for (const row of readRows(sheet, readers)) {
      warnOfUnknownType(sheet, row.row, readers.type(row.cells[sheet.match.index.type]));
      if (row.values !== null) {
        const v = row.values;
        accept(
          row.row,
          v.date,
          v.rep,
          v.customer,
          v.amount,
          v.type,
          v.status,
          v.opened,
          v.split,
          v.dealId,
          v.probability,
        );
        continue;
      }
      const repId = fieldOfRow(sheet, readers.rep, row, "rep");
      if (repId !== null) resolveRep(sheet, reps, row.row, "rep", repId, BY_NAME);
    }
  }
  return { sales: withoutRepeatedDeals(sheet, sales), report };
}

const NO_STAGE_PROBABILITIES: StageProbabilities = new Map();

/** Sales owners may be given by Name (one object, not one per row). */
const BY_NAME = { byName: true } as const;

type Accept = (
  row: number,
  date: DayNumber | null,
  repId: string,
  customer: string,
  amount: number | null,
  type: DealType,
  status: StageStatus,
  opened: DayNumber | null,
  split: number,
  dealId: string,
  probability: ProbabilityCell,
) => void;

/**
 * The rules a row's readable cells must meet together, shared by the fast
 * loop and the schema: what the status requires, the owner, and the tally of
 * stage words and open deals.
 */
function saleAcceptor(
  sheet: OpenSheet<"sales">,
  reps: RepDirectory,
  sales: Sale[],
  report: SalesReport,
  stageProbabilities: StageProbabilities,
): Accept {
  const customerKeys = customerKeyReader();
  const repOf = repResolver(sheet, reps);
  const blank = (row: number, field: FieldOf<"sales">) =>
    reportFailure(sheet, row, field, cellFailure("blank_required"));
  return (row, date, repId, customer, amount, dealType, stage, opened, split, dealId, probabilityCell) => {
    tallyStage(report.stageWords, stage);
    warnOfBadProbability(sheet, row, stage, probabilityCell);
    const type = dealType.type;
    const status = stage.status;
    if (status === "open") {
      report.openDeals.count += 1;
      if (amount !== null) report.openDeals.amount += amount * split;
    }
    let complete = true;
    if (status !== "open" && date === null) {
      blank(row, "date");
      complete = false;
    }
    if (status === "won" && amount === null) {
      blank(row, "amount");
      complete = false;
    }
    // Without a Reps sheet every owner becomes a rep: only from rows that are deals, never from a report's footer line.
    if (!complete && reps.fromSales) return;
    const rep = repOf(row, repId);
    // An open deal without a date or an amount is pipeline still being worked, not an error.
    if (rep === null || !complete || date === null || (status === "open" && amount === null)) return;
    sales.push({
      row,
      day: date,
      rep,
      customer,
      customerKey: customerKeys(customer),
      amount: amount ?? 0,
      type,
      status,
      opened: openedOrNull(sheet, row, opened, date),
      split,
      dealId,
      // Only the forecast reads it, and only for open deals; set (undefined) on every sale so all share one shape.
      probability: status === "open" ? dealProbability(probabilityCell, stage.key, stageProbabilities) : undefined,
    });
  };
}

/**
 * The Sales rows, read with the same readers as the schema but without an
 * object per row in between: a million rows must read in well under 1.5 s,
 * and garbage collection was most of the cost. Must agree with
 * `readRowsWithSchema` (tested on the bad-input corpus).
 */
function readSalesRowsFast(
  sheet: OpenSheet<"sales">,
  reps: RepDirectory,
  readers: ReturnType<typeof salesRow>,
  accept: Accept,
  rowsToRead: Uint8Array | null,
): void {
  const { values: grid, usedColumns } = sheet;
  const at = sheet.match.index;
  let row = 0;
  let failed = false;
  // Each column's position once, and each cell read inline: in a fresh execution (every SCORECARD call) this loop
  // runs interpreted at first, where each call per cell costs more than the reading.
  const { date: dateAt, rep: repAt, customer: customerAt, amount: amountAt, type: typeAt, status: statusAt } = at;
  const { opened: openedAt, split: splitAt, dealId: dealIdAt, probability: probabilityAt } = at;
  const check = <T>(result: T | CellFailure, field: FieldOf<"sales">): T => {
    if (isCellFailure(result)) {
      reportFailure(sheet, row, field, result);
      failed = true;
    }
    return result as T;
  };
  for (let index = sheet.headerIndex + 1; index < grid.length; index += 1) {
    if (rowsToRead !== null && rowsToRead[index] !== 1) continue;
    const cells = grid[index] ?? [];
    if (isBlankRow(cells, usedColumns) || isReportNoteRow(cells, usedColumns, at.date)) continue;
    row = index + 1;
    failed = false;
    const date = check(readers.date(dateAt >= 0 ? cells[dateAt] : undefined), "date");
    const repId = check(readers.rep(repAt >= 0 ? cells[repAt] : undefined), "rep");
    const customer = check(readers.customer(customerAt >= 0 ? cells[customerAt] : undefined), "customer");
    const amount = check(readers.amount(amountAt >= 0 ? cells[amountAt] : undefined), "amount");
    const type = readers.type(typeAt >= 0 ? cells[typeAt] : undefined);
    warnOfUnknownType(sheet, row, type);
    const status = check(readers.status(statusAt >= 0 ? cells[statusAt] : undefined), "status");
    const opened = check(readers.opened(openedAt >= 0 ? cells[openedAt] : undefined), "opened");
    const split = check(readers.split(splitAt >= 0 ? cells[splitAt] : undefined), "split");
    const dealId = check(readers.dealId(dealIdAt >= 0 ? cells[dealIdAt] : undefined), "dealId");
    const probability = readers.probability(probabilityAt >= 0 ? cells[probabilityAt] : undefined);
    if (failed) {
      // A row left out for a bad cell still names an unknown rep, as the schema path does.
      if (!isCellFailure(repId)) resolveRep(sheet, reps, row, "rep", repId, BY_NAME);
      continue;
    }
    accept(row, date, repId, customer, amount, type, status, opened, split, dealId, probability);
  }
}

/** How many distinct texts the readers below remember: past it they only grow, and read each text afresh. */
const REMEMBERED_TEXTS = 100_000;

/**
 * A Customer cell's key (trimmed, case-folded), one string per distinct key:
 * customers repeat across a Sales sheet, and a million surviving copies of
 * their keys cost more garbage collection than the lookups. Each text's key is
 * remembered too, so a repeated customer makes no new string at all.
 */
function customerKeyReader(): (customer: string) => string {
  const keyOfText = new Map<string, string>();
  const canonical = new Map<string, string>();
  return (customer) => {
    const remembered = keyOfText.get(customer);
    if (remembered !== undefined) return remembered;
    const key = textKey(customer);
    let one = canonical.get(key);
    if (one === undefined) {
      one = key;
      if (canonical.size < REMEMBERED_TEXTS) canonical.set((one = copyOf(key)), one);
    }
    if (keyOfText.size < REMEMBERED_TEXTS) keyOfText.set(copyOf(customer), one);
    return one;
  };
}

/**
 * A new string equal to a text, for the texts the readers above remember. A map finding a text compares it with
 * the key it holds, so its keys are read on every hit, and the customer keys go on into every later map and set:
 * copies made together sit close in memory, where the sheet's own cell texts lie scattered through a million
 * rows. Measured at a million rows, reading Sales took a fifth less time.
 */
function copyOf(text: string): string {
  return (" " + text).slice(1);
}

/**
 * The rep a Rep ID cell names ({@link resolveRep}), remembered per cell text once found: a million rows name a
 * few hundred reps, and a found rep is found again the same way, with nothing to report.
 */
function repResolver(sheet: OpenSheet<"sales">, reps: RepDirectory): (row: number, repId: string) => RepKey | null {
  const found = new Map<string, RepKey>();
  return (row, repId) => {
    const known = found.get(repId);
    if (known !== undefined) return known;
    const rep = resolveRep(sheet, reps, row, "rep", repId, BY_NAME);
    if (rep !== null && found.size < REMEMBERED_TEXTS) found.set(copyOf(repId), rep);
    return rep;
  };
}

/** Row positions are packed below a 31-bit hash in one float64 (31 + 22 bits < 53). */
const POSITION_LIMIT = 4_194_304;

/**
 * The same Deal ID (trimmed, case-folded) twice for one rep: the later rows
 * are left out, each naming the first. A Map of a million strings costs most
 * of a second, so the rows are sorted by a hash of rep and Deal ID instead,
 * and only rows whose hashes collide are compared as text.
 */
function withoutRepeatedDeals(sheet: OpenSheet<"sales">, sales: Sale[]): Sale[] {
  if (sales.length >= POSITION_LIMIT) return withoutRepeatedDealsByMap(sheet, sales);
  const packed = new Float64Array(sales.length);
  let count = 0;
  for (let position = 0; position < sales.length; position += 1) {
    const sale = sales[position];
    if (sale.dealId !== "") packed[count++] = dealHash(sale.rep, textKey(sale.dealId)) * POSITION_LIMIT + position;
  }
  const sorted = packed.subarray(0, count).sort();
  const repeated = new Set<number>();
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i += 1) {
    if (i < sorted.length && Math.floor(sorted[i] / POSITION_LIMIT) === Math.floor(sorted[runStart] / POSITION_LIMIT))
      continue;
    if (i - runStart > 1) {
      // Within a run positions ascend, so the first of each Deal ID is its earliest row.
      const first = new Map<string, Sale>();
      for (let j = runStart; j < i; j += 1) {
        const position = sorted[j] % POSITION_LIMIT;
        if (isRepeatedDeal(sheet, first, sales[position])) repeated.add(position);
      }
    }
    runStart = i;
  }
  return repeated.size === 0 ? sales : sales.filter((_, position) => !repeated.has(position));
}

function withoutRepeatedDealsByMap(sheet: OpenSheet<"sales">, sales: Sale[]): Sale[] {
  const first = new Map<string, Sale>();
  return sales.filter((sale) => sale.dealId === "" || !isRepeatedDeal(sheet, first, sale));
}

function isRepeatedDeal(sheet: OpenSheet<"sales">, first: Map<string, Sale>, sale: Sale): boolean {
  const key = sale.rep + "\u0001" + textKey(sale.dealId);
  const earlier = first.get(key);
  if (earlier === undefined) {
    first.set(key, sale);
    return false;
  }
  sheet.report(sale.row, "dealId", "duplicate_deal", {
    id: displayValue(sale.dealId),
    other: sheet.cellOf(earlier.row, "dealId"),
  });
  return true;
}

/** FNV-1a over rep key and Deal ID, as a 31-bit non-negative integer. */
function dealHash(rep: RepKey, dealKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < rep.length; i += 1) hash = Math.imul(hash ^ rep.charCodeAt(i), 16777619);
  hash = Math.imul(hash ^ 1, 16777619);
  for (let i = 0; i < dealKey.length; i += 1) hash = Math.imul(hash ^ dealKey.charCodeAt(i), 16777619);
  return hash >>> 1;
}

/** An Opened date after the close date cannot give a sales cycle: the deal counts without one. */
function openedOrNull(
  sheet: OpenSheet<"sales">,
  row: number,
  opened: DayNumber | null,
  closed: DayNumber,
): DayNumber | null {
  if (opened === null || opened <= closed) return opened;
  sheet.report(row, "opened", "opened_after_close", { opened: formatDay(opened), date: formatDay(closed) }, "warning");
  return null;
}
