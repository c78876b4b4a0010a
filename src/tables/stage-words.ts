/**
 * The words CRMs write in a deal's stage or status column, as data: which
 * mean won, which lost, and which still open, in English and Chinese, grouped
 * by the product they come from, with where they were found. Words are
 * compared case-insensitively, ignoring spaces, `_` and `-` (`Closed Won`,
 * `closedwon` and `CLOSED_WON` are one word). A stage word not listed here
 * (nor in the settings' own stage words) means the deal is still open, so the
 * `open` lists only document a product's default pipeline stages.
 *
 * No word may be both won and lost (a test checks it). A word a product uses
 * for something else than the outcome (Dynamics' `Status Reason` values such
 * as `On Hold`, Odoo's `Quotation`) is open, by not being listed as won or lost.
 */

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
    product: "Salesforce",
    source:
      "Salesforce default opportunity stages (StageName picklist in the Opportunity schema; OpportunityStage with IsWon/IsClosed, " +
      "developer.salesforce.com field reference)",
    won: ["Closed Won"],
    lost: ["Closed Lost"],
    open: [
      "Prospecting",
      "Qualification",
      "Needs Analysis",
      "Value Proposition",
      "Id. Decision Makers",
      "Perception Analysis",
      "Proposal/Price Quote",
      "Negotiation/Review",
    ],
  },
  {
    product: "HubSpot",
    source:
      "HubSpot default sales pipeline: labels Appointment Scheduled, Qualified to Buy, Presentation Scheduled, Decision Maker " +
      "Bought-In, Contract Sent, Closed Won, Closed Lost (HubSpot deal stage guides); internal values closedwon, closedlost, " +
      "appointmentscheduled... as the API and API-based exports write them",
    won: ["Closed won", "closedwon"],
    lost: ["Closed lost", "closedlost"],
    open: [
      "Appointment scheduled",
      "Qualified to buy",
      "Presentation scheduled",
      "Decision maker bought-in",
      "Contract sent",
      "appointmentscheduled",
      "qualifiedtobuy",
      "presentationscheduled",
      "decisionmakerboughtin",
      "contractsent",
    ],
  },
  {
    product: "Pipedrive",
    source:
      "Pipedrive API Deal status: open = Open, won = Won, lost = Lost, deleted = Deleted (pipedrive client docs, NewDeal.md)",
    won: ["won"],
    lost: ["lost"],
    open: ["open"],
  },
  {
    product: "Zoho CRM",
    source:
      "Zoho CRM default deal stages (Qualification ... Negotiation/Review, Closed Won, Closed Lost, Closed-Lost to Competition) " +
      "as seen in public example exports; not confirmed in Zoho's own docs",
    won: ["Closed Won"],
    lost: ["Closed Lost", "Closed-Lost to Competition"],
    open: ["Identify Decision Makers"],
  },
  {
    product: "Microsoft Dynamics 365 Sales",
    source:
      "Dynamics 365 opportunity statecode Open/Won/Lost and statuscode (Status Reason) In Progress, On Hold, Won, Canceled, " +
      "Out-Sold (WinOpportunity / LoseOpportunity actions, learn.microsoft.com)",
    won: ["Won"],
    lost: ["Lost", "Canceled", "Out-Sold"],
    open: ["Open", "In Progress", "On Hold"],
  },
  {
    product: "Odoo",
    source:
      "Odoo CRM default stages New, Qualified, Proposition, Won (crm.stage; a lost opportunity is archived and shown as Lost); " +
      "sale.order states Quotation, Quotation Sent, Sales Order, Locked, Cancelled",
    won: ["Won", "Sales Order", "Locked"],
    lost: ["Lost", "Cancelled"],
    open: ["New", "Qualified", "Proposition", "Quotation", "Quotation Sent"],
  },
  {
    product: "Maven CRM Sales Opportunities dataset",
    source: "the public Maven Analytics sales_pipeline.csv deal_stage values Won, Lost, Engaging, Prospecting",
    won: ["Won"],
    lost: ["Lost"],
    open: ["Engaging", "Prospecting"],
  },
  {
    product: "Chinese CRMs (简道云, 纷享销客, 销售易)",
    source:
      "商机阶段 and 商机状态 words as seen in public example exports and CRM templates (初步接洽, 需求确定, 方案/报价, 谈判审核, " +
      "赢单, 输单; 成交, 丢单, 进行中; 订单状态 已完成, 已取消); not confirmed in the vendors' docs",
    won: ["赢单", "成交", "已成交", "赢单关闭", "签约", "已签约", "已完成"],
    lost: ["输单", "丢单", "已输单", "输单关闭", "失败", "已取消", "取消"],
    open: [
      "进行中",
      "跟进中",
      "初步接洽",
      "需求确定",
      "需求确认",
      "方案/报价",
      "方案报价",
      "谈判审核",
      "商务谈判",
      "验证客户",
      "待审核",
    ],
  },
  {
    product: "Generic",
    source: "common won/lost wording of CRM and order exports",
    won: ["win", "success", "completed", "complete", "paid", "deal won"],
    lost: ["lose", "loss", "failed", "canceled", "cancelled", "deal lost"],
    open: ["pending", "in progress", "prospecting"],
  },
];
