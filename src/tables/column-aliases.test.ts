/**
 * The alias and stage-word tables are data that many hands will add to: these
 * checks keep every addition unambiguous. A header name must mean one field
 * of its sheet, whichever product it came from, and must not be another
 * field's own header; a stage word must not be both won and lost.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvToGrid, decodeCsvBytes } from "../local/workbook/csv-workbook";
import { COLUMN_ALIASES } from "./column-aliases";
import { findHeaderRow, matchHeaders, normalizeHeader } from "./header-matching";
import { INPUT_SHEETS, SALES_COLUMNS, type InputSheetKey } from "./input-columns";
import { STAGE_WORDS } from "./stage-words";

/** Every normalised name of a sheet to the fields (and where) it stands for. */
function namesOfSheet(sheet: InputSheetKey): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  const add = (name: string, field: string) => {
    const key = normalizeHeader(name);
    if (!fields.has(key)) fields.set(key, new Set());
    fields.get(key)!.add(field);
  };
  for (const group of COLUMN_ALIASES.filter((g) => g.sheet === sheet)) {
    for (const [field, names] of Object.entries(group.names)) for (const name of names) add(name, field);
  }
  return fields;
}

const SHEETS = Object.keys(INPUT_SHEETS) as InputSheetKey[];

describe("column aliases", () => {
  it("name only fields the sheet has, with a source, and no blank or repeated name within a group", () => {
    for (const group of COLUMN_ALIASES) {
      const fields = new Set<string>(INPUT_SHEETS[group.sheet].columns.map((c) => c.field));
      expect(group.source.length, group.product).toBeGreaterThan(20);
      const seen = new Set<string>();
      for (const [field, names] of Object.entries(group.names)) {
        expect(fields.has(field), `${group.product}: ${field}`).toBe(true);
        for (const name of names) {
          const key = normalizeHeader(name);
          expect(key, `${group.product}: "${name}"`).not.toBe("");
          expect(seen.has(key), `${group.product}: "${name}" listed twice`).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  for (const sheet of SHEETS) {
    it(`never let one name stand for two fields of ${sheet}, across all groups`, () => {
      const ambiguous = [...namesOfSheet(sheet)]
        .filter(([, fields]) => fields.size > 1)
        .map(([name, fields]) => `${name}: ${[...fields].join(", ")}`);
      expect(ambiguous).toEqual([]);
    });

    it(`never give a ${sheet} field another field's own English or Chinese header`, () => {
      const own = new Map<string, string>();
      for (const column of INPUT_SHEETS[sheet].columns) {
        own.set(normalizeHeader(column.header), column.field);
        own.set(normalizeHeader(column.zhHeader), column.field);
      }
      const clashes: string[] = [];
      for (const [name, fields] of namesOfSheet(sheet)) {
        const owner = own.get(name);
        for (const field of fields)
          if (owner !== undefined && owner !== field) clashes.push(`${name} is ${owner}'s header, listed for ${field}`);
      }
      expect(clashes).toEqual([]);
    });
  }

  it("list the amount a manager means: never a weighted or expected figure of a product that always exports Amount", () => {
    const salesforce = COLUMN_ALIASES.find((g) => g.product.startsWith("Salesforce"))!;
    const hubspot = COLUMN_ALIASES.find((g) => g.product.startsWith("HubSpot"))!;
    for (const group of [salesforce, hubspot]) {
      const amounts = (group.names.amount ?? []).map(normalizeHeader);
      expect(amounts).not.toContain("expectedrevenue");
      expect(amounts).not.toContain("weightedamount");
    }
    // Dynamics: the revenue actually won before the estimate.
    const dynamics = COLUMN_ALIASES.find((g) => g.product.includes("Dynamics"))!;
    expect(dynamics.names.amount?.[0]).toBe("Actual Revenue");
    expect(dynamics.names.date?.[0]).toBe("Actual Close Date");
  });
});

describe("stage words", () => {
  it("never make one word both won and lost, or won or lost and also open, across all groups", () => {
    const statusOf = new Map<string, Set<string>>();
    for (const group of STAGE_WORDS) {
      for (const status of ["won", "lost", "open"] as const) {
        for (const word of group[status]) {
          const key = normalizeHeader(word);
          expect(key, `${group.product}: "${word}"`).not.toBe("");
          if (!statusOf.has(key)) statusOf.set(key, new Set());
          statusOf.get(key)!.add(status);
        }
      }
    }
    const ambiguous = [...statusOf]
      .filter(([, statuses]) => statuses.size > 1)
      .map(([word, statuses]) => `${word}: ${[...statuses].join(", ")}`);
    expect(ambiguous).toEqual([]);
  });

  it("know the outcome words of every product in the fixture corpus", () => {
    const won = new Set(STAGE_WORDS.flatMap((g) => g.won.map(normalizeHeader)));
    const lost = new Set(STAGE_WORDS.flatMap((g) => g.lost.map(normalizeHeader)));
    for (const word of ["Closed Won", "closedwon", "Won", "won", "赢单", "成交", "Sales Order"])
      expect(won.has(normalizeHeader(word)), word).toBe(true);
    for (const word of [
      "Closed Lost",
      "closedlost",
      "Lost",
      "lost",
      "输单",
      "丢单",
      "Closed-Lost to Competition",
      "Out-Sold",
    ]) {
      expect(lost.has(normalizeHeader(word)), word).toBe(true);
    }
  });
});

const SALESFORCE = {
  date: "Close Date",
  rep: "Opportunity Owner",
  customer: "Account Name",
  amount: "Amount",
  status: "Stage",
  opened: "Created Date",
  dealId: "Opportunity ID",
};

/** Jiandaoyun and Fxiaoke name the columns of their opportunity exports alike. */
const JIANDAOYUN_AND_FXIAOKE = {
  date: "结单日期",
  rep: "负责人",
  customer: "客户名称",
  amount: "商机金额",
  status: "商机阶段",
  opened: "创建时间",
};

/** The column a manager means for each field, in each export of the fixture corpus (absent: no such column). */
const MEANT: Record<
  string,
  Partial<Record<"date" | "rep" | "customer" | "amount" | "status" | "opened" | "dealId", string>>
> = {
  "salesforce.csv": SALESFORCE,
  "salesforce-report.csv": SALESFORCE,
  "hubspot.csv": {
    date: "Close Date",
    rep: "Deal owner",
    customer: "Associated Company",
    amount: "Amount",
    status: "Deal Stage",
    opened: "Create Date",
    dealId: "Record ID",
  },
  "pipedrive.csv": {
    date: "Deal - Deal closed on",
    rep: "Deal - Owner",
    customer: "Deal - Organization",
    amount: "Deal - Value",
    status: "Deal - Status",
    opened: "Deal - Deal created",
    dealId: "Deal - ID",
  },
  "zoho.csv": {
    date: "Closing Date",
    rep: "Deal Owner",
    customer: "Account Name",
    amount: "Amount",
    status: "Stage",
    opened: "Created Time",
    dealId: "Record Id",
  },
  "dynamics365.csv": {
    date: "Actual Close Date",
    rep: "Owner",
    customer: "Potential Customer",
    amount: "Actual Revenue",
    status: "Status",
    opened: "Created On",
    dealId: "(Do Not Modify) Opportunity",
  },
  "odoo.csv": {
    date: "Closed Date",
    rep: "Salesperson",
    customer: "Customer",
    amount: "Expected Revenue",
    status: "Stage",
    opened: "Created on",
    dealId: "ID",
  },
  "jiandaoyun.csv": JIANDAOYUN_AND_FXIAOKE,
  "fxiaoke.csv": JIANDAOYUN_AND_FXIAOKE,
  "xiaoshouyi.csv": {
    date: "结单日期",
    rep: "所有人",
    customer: "客户名称",
    amount: "商机金额",
    status: "商机状态",
    opened: "创建时间",
  },
  "order-export.csv": { date: "Order Date", rep: "Sales Person", amount: "Revenue", dealId: "Order ID" },
  "snake-case.csv": {
    date: "close_date",
    rep: "sales_agent",
    customer: "account",
    amount: "close_value",
    status: "deal_stage",
    opened: "engage_date",
    dealId: "opportunity_id",
  },
};

describe("the fixture corpus's headers", () => {
  for (const [file, meant] of Object.entries(MEANT)) {
    it(`${file}: each field is the column a manager means, not a creator, an estimate or a weighted figure`, () => {
      const grid = csvToGrid(
        decodeCsvBytes(readFileSync(new URL(`../../test/fixtures/crm-exports/${file}`, import.meta.url))).text,
      );
      const headerRow = findHeaderRow(grid, SALES_COLUMNS, { sheetKey: "sales" });
      const header = grid[headerRow];
      const { index } = matchHeaders(header, SALES_COLUMNS, "Sales", { sheetKey: "sales", row: headerRow + 1 });
      const found = Object.fromEntries(
        Object.keys(meant).map((field) => [field, header[index[field as keyof typeof index]]]),
      );
      expect(found).toEqual(meant);
      if (!("customer" in meant)) expect(index.customer).toBe(-1);
      if (!("status" in meant)) expect(index.status).toBe(-1);
    });
  }
});
