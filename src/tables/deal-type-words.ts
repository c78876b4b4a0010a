/**
 * The words CRMs write in a deal's type column, as data: which mean a new
 * customer, a renewal or an expansion, in English and Chinese, by product,
 * with where they were found. Compared ignoring case, spaces, `_` and `-`.
 * A word not listed reads as no type, with a warning (the deal still counts).
 */
import type { SaleType } from "../core/records";

export interface DealTypeWordGroup {
  product: string;
  source: string;
  words: Readonly<Record<SaleType, readonly string[]>>;
}

export const DEAL_TYPE_WORDS: readonly DealTypeWordGroup[] = [
  {
    product: "Sales Scorecard",
    source: "this add-on's own Type values",
    words: { new: ["new", "新客户"], renewal: ["renewal", "续约"], expansion: ["expansion", "增购"] },
  },
  {
    product: "Salesforce",
    source:
      "Salesforce default Opportunity Type picklist: New Customer, Existing Customer - Upgrade, Existing Customer - Replacement, Existing Customer - Downgrade",
    words: {
      new: ["New Customer"],
      renewal: ["Existing Customer - Renewal"],
      expansion: ["Existing Customer - Upgrade", "Existing Customer - Replacement", "Existing Customer - Downgrade"],
    },
  },
  {
    product: "HubSpot and Zoho CRM",
    source:
      "HubSpot's default Deal Type values New Business and Existing Business; Zoho CRM's Type values New Business and Existing Business",
    words: { new: ["New Business", "newbusiness"], renewal: [], expansion: ["Existing Business", "existingbusiness"] },
  },
  {
    product: "Generic",
    source: "common deal type wording of CRM and order exports, English and Chinese",
    words: {
      new: ["new logo", "new deal", "first order", "新签", "新购", "新客", "首单"],
      renewal: ["renew", "renewals", "续签", "续费", "续订"],
      expansion: ["upsell", "up-sell", "cross-sell", "cross sell", "upgrade", "add-on", "增购", "加购", "升级", "扩容"],
    },
  },
];
