/**
 * The warehouse adds money as exact decimals (9 places), so a rep-month's
 * revenue and open revenue do not depend on the order the rows are added in:
 * the same deals in two orders give the same doubles, where a sum of doubles
 * gives 0.6000000000000001 one way and 0.6 the other.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDuckDb, readSalesFile } from "../../src/local/warehouse/duckdb-sales";
import { stageProbabilities } from "../../src/tables/probability-reading";
import { stageDictionary } from "../../src/tables/stage-reading";
import { rep } from "../fixtures/engine-fixtures";

const HEADER = ["Close Date", "Rep ID", "Amount", "Stage", "Probability"];
const DEALS = [
  ["2026-03-02", "R1", "0.1", "Closed Won", ""],
  ["2026-03-03", "R1", "0.2", "Closed Won", ""],
  ["2026-03-04", "R1", "0.3", "Closed Won", ""],
  ["2026-03-05", "R1", "0.1", "Negotiation", "100"],
  ["2026-03-06", "R1", "0.2", "Negotiation", "100"],
  ["2026-03-07", "R1", "0.3", "Negotiation", "100"],
];

const REP = rep("R1");

const folder = mkdtempSync(join(tmpdir(), "warehouse-sum-order-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Revenue and open revenue of R1's March from a CSV of the deals in this order, read on one thread (file order). */
async function marchSums(name: string, deals: string[][]): Promise<[number, number]> {
  const path = join(folder, name);
  writeFileSync(path, [HEADER, ...deals].map((row) => row.join(",")).join("\n") + "\n");
  const connection = await openDuckDb({ threads: "1" });
  const file = await readSalesFile(connection, path, {
    reps: [REP],
    timeZone: "UTC",
    stages: stageDictionary(),
    stageProbabilities: stageProbabilities(),
  });
  const march = file.aggregates?.months.find((m) => m.rep === "r1" && m.month === "2026-03");
  return [march?.revenue ?? Number.NaN, march?.openRevenue ?? Number.NaN];
}

describe("money sums in the warehouse query", () => {
  it("do not depend on the order of the rows", async () => {
    expect([0.1 + 0.2 + 0.3, 0.3 + 0.2 + 0.1]).toEqual([0.6000000000000001, 0.6]);
    const forward = await marchSums("forward.csv", DEALS);
    const backward = await marchSums("backward.csv", [...DEALS].reverse());
    expect(forward).toEqual([0.6, 0.6]);
    expect(backward).toEqual(forward);
  });
});
