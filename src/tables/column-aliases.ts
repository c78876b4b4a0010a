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
 *
 * Which column a manager means, where an export has several:
 * - the amount is what the deal is worth when won, never a probability-weighted
 *   figure: Salesforce's and HubSpot's `Expected Revenue` / `Weighted amount`
 *   are left out (their `Amount` is always there), while Odoo's
 *   `Expected Revenue` is its deal value (its weighted one is
 *   `Prorated Revenue`) and is listed;
 * - the date is when the deal closed: an actual close date before an expected
 *   one (Dynamics `Actual Close Date` before `Est. Close Date`, Pipedrive
 *   `Deal closed on` before `Expected close date`), since a won or lost deal
 *   has the actual one and an open deal needs no date;
 * - the owner is the deal's owner, never its creator (`Created By`) or the
 *   account's owner (`Account Owner`, next to `Opportunity Owner` in Salesforce);
 * - the status is the outcome column where an export has two: Pipedrive's
 *   `Deal - Status` (open, won, lost) before its `Deal - Stage` (pipeline
 *   steps), which is why Pipedrive comes before HubSpot, whose `Deal Stage`
 *   reads the same once `-` and spaces are ignored.
 *
 * The probability is the deal's own win probability (Salesforce and Zoho
 * `Probability (%)`, HubSpot `Deal probability`); Dynamics and Odoo export it
 * as `Probability`, our own header, and 纷享销客 and 简道云 as `赢率`, our own
 * Chinese one. It is read for open deals only, by the pipeline forecast.
 *
 * No product's type column is listed: CRMs fill it with their own words
 * (Salesforce `New Customer`, `Existing Customer - Upgrade`; HubSpot and Zoho
 * `New Business`, `Existing Business`), which are not new, renewal or
 * expansion, and a recognised column with unreadable values would cost the
 * rows, where an unrecognised one is just ignored.
 *
 * The fixture corpus under test/fixtures/crm-exports holds one export per
 * group, with these headers in the product's column order.
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
    product: "Salesforce opportunity report",
    source:
      "Salesforce Field Reference, Opportunity (developer.salesforce.com, salesforce_field_reference_Opportunity): field labels " +
      "Opportunity Owner/Owner ID, Close Date, Amount, Expected Revenue (weighted, not listed), Account Name, Created Date, " +
      "Opportunity Type, Opportunity ID, Probability (%); report columns as in public report specifications (Opportunity Owner, Stage)",
    sheet: "sales",
    names: {
      date: ["Close Date"],
      rep: ["Opportunity Owner"],
      customer: ["Account Name"],
      status: ["Stage"],
      opened: ["Created Date"],
      split: ["Split Percentage"],
      dealId: ["Opportunity ID"],
      probability: ["Probability (%)"],
    },
  },
  {
    product: "Pipedrive deals export",
    source:
      "Pipedrive API Deal model (pipedrive client docs: owner, value, status open/won/lost, won_time, lost_time, close_time, " +
      "expected_close_date, add_time); export headers 'Deal - Owner', 'Deal - Value', 'Deal - Won time', 'Deal - Deal closed on', " +
      "'Deal - Deal created', 'Deal - Organization' (and the deal's probability field as 'Deal - Probability') as read by public scripts over Pipedrive exports (the 'Deal - ' prefix is " +
      "listed as written, since `-` and spaces are ignored)",
    sheet: "sales",
    names: {
      date: [
        "Deal - Deal closed on",
        "Deal closed on",
        "Deal - Won time",
        "Won time",
        "Deal - Expected close date",
        "Expected close date",
      ],
      rep: ["Deal - Owner", "Owner name"],
      customer: ["Deal - Organization", "Organization", "Organisation"],
      amount: ["Deal - Value", "Value"],
      status: ["Deal - Status", "Deal - Stage"],
      opened: ["Deal - Deal created", "Deal created", "Deal - Add time", "Add time"],
      dealId: ["Deal - ID"],
      probability: ["Deal - Probability"],
    },
  },
  {
    product: "HubSpot deals export",
    source:
      'HubSpot Knowledge Base, "HubSpot\'s default deal properties" (knowledge.hubspot.com/crm-deals/hubspots-default-deal-properties); ' +
      "headers of a public all-deals export (hubspot-crm-exports-all-deals CSV read in a public repository): Deal ID, Deal Name, " +
      "Deal Stage, Close Date, Deal owner, Amount, Amount in company currency, Weighted amount (not listed), Create Date, Deal Type, " +
      "Associated Company; newer exports name the ID column Record ID; the default property Deal probability (the stage's win probability)",
    sheet: "sales",
    names: {
      rep: ["Deal owner"],
      customer: ["Associated Company"],
      amount: ["Amount in company currency"],
      status: ["Deal Stage"],
      opened: ["Create Date"],
      dealId: ["Record ID"],
      probability: ["Deal probability"],
    },
  },
  {
    product: "Zoho CRM deals export",
    source:
      "Zoho CRM Deals fields as listed by the Workato Zoho CRM connector (Deal owner, Amount, Expected revenue) and the Fivetran " +
      "Zoho CRM schema (owner_name, created_time); Closing Date, Created Time and Probability (%) as seen in public example exports; " +
      "not confirmed in Zoho's own docs",
    sheet: "sales",
    names: {
      date: ["Closing Date"],
      opened: ["Created Time"],
      dealId: ["Record Id"],
      probability: ["Probability (%)"],
    },
  },
  {
    product: "Microsoft Dynamics 365 Sales opportunities",
    source:
      "Dynamics 365 Sales opportunity table (learn.microsoft.com, ce/sales/developer/entities/opportunity; opportunity-entities): " +
      "actualclosedate, estimatedclosedate, actualvalue, estimatedvalue, statecode Open/Won/Lost, customerid; view column labels " +
      "Actual Close Date, Est. Close Date, Actual Revenue, Est. Revenue, Potential Customer, Created On, Owner, and the Excel " +
      "export's hidden '(Do Not Modify) Opportunity' ID column as seen in public example exports",
    sheet: "sales",
    names: {
      date: ["Actual Close Date", "Est. Close Date", "Estimated Close Date"],
      rep: ["Owner"],
      customer: ["Potential Customer", "Account"],
      amount: ["Actual Revenue", "Est. Revenue", "Estimated Revenue"],
      opened: ["Created On"],
      dealId: ["(Do Not Modify) Opportunity"],
    },
  },
  {
    product: "Odoo CRM pipeline and sales orders",
    source:
      "Odoo crm.lead field labels (addons/crm/models/crm_lead.py, OCA/OCB): Expected Revenue (the deal value; Prorated Revenue is " +
      "the weighted one), Expected Closing, Closed Date, Customer, Stage, Salesperson; Created on from Odoo's base fields; " +
      "sale.order labels Order Date, Salesperson, Total, Customer, Order Reference as in public sale.order models",
    sheet: "sales",
    names: {
      date: ["Closed Date", "Expected Closing", "Order Date"],
      rep: ["Salesperson"],
      amount: ["Expected Revenue", "Total"],
      opened: ["Created on"],
      dealId: ["Order Reference"],
    },
  },
  {
    product: "Chinese CRMs (简道云, 纷享销客, 销售易): 商机 and 销售订单",
    source:
      "names as seen in public example exports and CRM field lists (商机名称, 客户名称, 商机金额, 商机阶段, 负责人, 结单日期, " +
      "预计成交日期, 创建时间, 赢率 (our own Chinese header), 销售订单: 订单金额, 下单日期, 销售人员); not confirmed in the vendors' docs",
    sheet: "sales",
    names: {
      date: [
        "结单日期",
        "成交日期",
        "实际成交日期",
        "签约日期",
        "下单日期",
        "订单日期",
        "预计成交日期",
        "预计结单日期",
      ],
      rep: ["负责人", "商机负责人", "销售负责人", "所有人", "销售人员", "销售员", "业务员"],
      customer: ["客户名称", "所属客户", "客户全称"],
      amount: ["成交金额", "商机金额", "销售金额", "订单金额", "合同金额", "订单总额"],
      status: ["商机状态", "商机阶段", "销售阶段", "阶段", "订单状态"],
      opened: ["创建时间", "商机创建时间"],
      dealId: ["商机编号", "商机ID", "订单号", "单据编号"],
      probability: ["赢率(%)", "成交概率", "赢单概率", "成交可能性"],
    },
  },
  {
    product: "Generic order export",
    source:
      "common headers of order and invoice exports (e.g. Odoo and ERP sale order lists): Order Date, Sales Person, Customer Name, Revenue, Total; " +
      "pipeline sheets' Win probability",
    sheet: "sales",
    names: {
      date: ["Sale Date", "Invoice Date", "Closed On"],
      rep: ["Sales Rep", "Sales Representative", "Sales Owner"],
      customer: ["Customer Name", "Client", "Company"],
      amount: ["Revenue", "Sales Amount", "Order Total", "Order Amount", "Deal Value", "Net Amount"],
      opened: ["Created", "Created At", "Date Created", "Open Date"],
      dealId: ["Order ID", "Order Number", "Order No", "Invoice Number"],
      probability: ["Win probability", "Win Probability (%)", "Close probability"],
    },
  },
  {
    product: "Generic snake_case export",
    source:
      'the public Maven Analytics "CRM Sales Opportunities" dataset, sales_pipeline.csv (opportunity_id, sales_agent, product, ' +
      "account, deal_stage, engage_date, close_date, close_value; e.g. database/raw_sales_pipeline.sql in " +
      "TauGI0/gn-price_realization_analysis_of_closed_deals_vs_srp_using_crm_data), and common snake_case column naming of " +
      "database and BI exports",
    sheet: "sales",
    names: {
      date: ["close_date", "closed_date", "closed_at", "won_date", "order_date", "sale_date", "date_closed"],
      rep: ["sales_agent", "sales_rep", "owner_name", "rep", "rep_name", "seller", "agent"],
      customer: ["account", "account_name", "customer_name", "client", "client_name", "company", "company_name"],
      amount: ["close_value", "deal_value", "value", "revenue", "sales", "total", "order_total", "amount_usd"],
      status: ["deal_stage", "stage", "stage_name", "outcome", "result"],
      opened: ["engage_date", "created_date", "created_at", "create_date", "open_date", "opened_date"],
      dealId: ["opportunity_id", "deal_id", "order_id", "id"],
      probability: ["win_probability", "deal_probability", "close_probability"],
    },
  },
  {
    product: "User and employee exports (Reps)",
    source:
      "common headers of CRM user lists and HR employee exports (Salesforce and HubSpot user exports: User ID, Full Name, Email, " +
      "Role, Team; HR systems: Employee ID, Department, Hire Date; 员工编号, 工号, 部门, 入职时间); not confirmed in the vendors' docs",
    sheet: "reps",
    names: {
      id: ["User ID", "Employee ID", "Employee Number", "员工编号", "工号", "用户ID"],
      name: ["Full Name", "Display Name", "Employee Name", "员工姓名"],
      email: ["Email Address", "E-mail", "电子邮箱", "邮件地址"],
      role: ["Job Title", "Title", "Position", "职位", "职务"],
      team: ["Sales Team", "Department", "部门", "所属部门"],
      manager: ["Manager ID", "上级编号", "主管编号"],
      start: ["Hire Date", "入职时间"],
      end: ["Termination Date", "Leave Date", "离职时间"],
    },
  },
];
