/**
 * The words CRMs write in a deal's stage or status column, as data: which
 * mean won, which lost, and which still open, in English and Chinese, grouped
 * by the product they come from, with where they were found. Words are
 * compared case-insensitively, ignoring spaces, `_` and `-` (`Closed Won`,
 * `closedwon` and `CLOSED_WON` are one word). A stage word not listed here
 * (nor in the settings' own stage words) means the deal is still open.
 */
import type { SaleStatus } from "../core/records";

/** One product's stage words. */
export interface StageWordGroup {
  product: string;
  source: string;
  won: readonly string[];
  lost: readonly string[];
  open: readonly string[];
}

export const STAGE_WORDS: readonly StageWordGroup[] = [
  {
    product: "Sales Scorecard",
    source: "this add-on's own Status values",
    won: ["won", "赢单"],
    lost: ["lost", "输单"],
    open: ["open", "进行中"],
  },
  {
    product: "Generic",
    source: "common won/lost wording of CRM and order exports",
    won: ["closed won", "closedwon", "win", "success", "completed", "complete", "paid", "成交", "已成交", "赢单", "签约", "已签约"],
    lost: ["closed lost", "closedlost", "lose", "loss", "failed", "cancelled", "canceled", "丢单", "输单", "已输单", "失败"],
    open: ["pending", "in progress", "prospecting", "跟进中"],
  },
];

/** How a stage word was read, for the run's report. */
export type StageReading = SaleStatus;
