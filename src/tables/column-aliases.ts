/**
 * The column names of common CRM and order exports, as data: for each input
 * sheet's field, the headers other products write for it, in English and
 * Chinese, grouped by the product (or kind of export) they come from, with
 * where the names were found. Header matching compares them the same way as
 * our own headers (case, spaces, `_` and `-` ignored).
 *
 * Order matters: when a sheet has two columns that both name a field (a
 * Salesforce report with `Amount` and `Expected Revenue`), the column whose
 * name comes first in this file wins: our own header, then the groups in
 * order, then the names in a group in order.
 *
 * A name must never stand for two fields of one sheet (a test checks it).
 */
import type { InputSheetKey } from "./input-columns";

/** One product's (or one kind of export's) names for the fields of one input sheet. */
export interface AliasGroup {
  /** The product or export kind, e.g. "Salesforce opportunity report". */
  product: string;
  /** Where the names were found: the documentation page or public example. */
  source: string;
  sheet: InputSheetKey;
  /** Field (as in input-columns.ts) to the headers that mean it, best first. */
  names: Readonly<Record<string, readonly string[]>>;
}

export const COLUMN_ALIASES: readonly AliasGroup[] = [
  {
    product: "Generic snake_case export",
    source: "common snake_case column naming of CSV exports from databases and BI tools",
    sheet: "sales",
    names: {
      date: ["close_date", "closed_date", "closed_at", "won_date", "order_date", "sale_date", "date_closed"],
      rep: ["sales_agent", "sales_rep", "owner", "owner_name", "rep", "rep_name", "salesperson", "sales_person", "seller", "agent"],
      customer: ["account", "account_name", "customer_name", "client", "client_name", "company", "company_name"],
      amount: ["close_value", "deal_value", "value", "revenue", "sales", "total", "order_total", "amount_usd"],
      status: ["deal_stage", "stage", "stage_name", "outcome", "result"],
      opened: ["engage_date", "created_date", "created_at", "create_date", "open_date", "opened_date"],
      dealId: ["opportunity_id", "deal_id", "order_id", "id"],
      type: ["deal_type", "opportunity_type"],
    },
  },
];
