/**
 * Golden tests of the engine: metrics, targets, scores, ranks and pay, each
 * with its arithmetic written out.
 */
import { describe, expect, it } from "vitest";
import { computePeriods } from "../../src/core/engine";
import { BUILT_IN_METRICS } from "../../src/core/metric-catalog";
import type { PeriodResult, RepPeriodResult } from "../../src/core/results";
import {
  adjustment,
  bonus,
  commission,
  day,
  metric,
  plan,
  records,
  rep,
  sale,
  score,
  target,
  variant,
  version,
} from "../fixtures/engine-fixtures";

function rowOf(results: PeriodResult[], period: string, repId: string): RepPeriodResult {
  const p = results.find((r) => r.period === period);
  if (!p) throw new Error("no period " + period);
  const row = p.rows.find((r) => r.id === repId);
  if (!row) throw new Error("no row " + repId + " in " + period);
  return row;
}

function actual(row: RepPeriodResult, key: string): number | null {
  const m = row.metrics.find((x) => x.key === key);
  if (!m) throw new Error("no metric " + key);
  return m.actual;
}

/** The notes about employment (the rest depend on data and pay). */
function employmentNotes(row: RepPeriodResult): RepPeriodResult["notes"] {
  return row.notes.filter((n) => n.code === "prorated" || n.code === "left" || n.code === "ramp");
}

const ALL_BUILT_INS = BUILT_IN_METRICS.map((m) =>
  metric(m.key, 1, m.direction === "lower" ? { direction: "lower" } : {}),
);

describe("built-in metrics", () => {
  const input = records({
    reps: [rep("A"), rep("B")],
    sales: [
      sale("A", "2026-03-02", 1000, { customer: "Acme", type: "new", opened: day("2026-02-20") }), // cycle 10 days
      sale("A", "2026-03-10", 3000, { customer: "Beta", type: "renewal", opened: day("2026-03-01"), split: 0.5 }), // cycle 9 days, 1500 credited
      sale("A", "2026-03-20", 500, { customer: "Acme", type: "expansion" }),
      sale("A", "2026-03-21", 9999, { customer: "Gamma", type: "renewal", status: "lost" }),
      sale("A", "2026-03-22", 7777, { customer: "Delta", type: "new", status: "lost" }),
      sale("A", "2026-03-23", 4444, { customer: "Eps", type: "new", status: "open" }),
      sale("A", "2026-04-01", 800, { customer: "Zeta", type: "new" }),
    ],
  });
  const { results } = computePeriods({
    records: input,
    plan: plan(version({ base: variant({ metrics: ALL_BUILT_INS }) })),
    periods: ["2026-03", "2026-Q1"],
  });
  const a = rowOf(results, "2026-03", "A");

  it("revenue sums won amounts at their split", () => {
    expect(actual(a, "revenue")).toBe(1000 + 3000 * 0.5 + 500); // 3000
  });
  it("deals_won counts won rows; lost and open deals do not count", () => {
    expect(actual(a, "deals_won")).toBe(3);
  });
  it("new_customers counts distinct customers with a won deal of Type new", () => {
    expect(actual(a, "new_customers")).toBe(1); // Acme; Delta was lost, Eps is open
  });
  it("avg_deal_size is revenue / deals_won", () => {
    expect(actual(a, "avg_deal_size")).toBeCloseTo(3000 / 3, 9);
  });
  it("win_rate is won / (won + lost)", () => {
    expect(actual(a, "win_rate")).toBeCloseTo(3 / (3 + 2), 9);
  });
  it("sales_cycle_days is the mean of Opened-to-Date days over won deals with an Opened date", () => {
    expect(actual(a, "sales_cycle_days")).toBeCloseTo((10 + 9) / 2, 9);
  });
  it("renewal_rate is won / (won + lost) among renewals", () => {
    expect(actual(a, "renewal_rate")).toBeCloseTo(1 / (1 + 1), 9);
  });
  it("a quarter is computed over its own deals", () => {
    expect(actual(rowOf(results, "2026-Q1", "A"), "revenue")).toBe(3000); // April's 800 is Q2
  });
  it("an employed rep with no deals has 0 for additive metrics and no data for ratios", () => {
    const b = rowOf(results, "2026-03", "B");
    expect(actual(b, "revenue")).toBe(0);
    expect(actual(b, "deals_won")).toBe(0);
    expect(actual(b, "new_customers")).toBe(0);
    expect(actual(b, "avg_deal_size")).toBeNull();
    expect(actual(b, "win_rate")).toBeNull();
    expect(actual(b, "sales_cycle_days")).toBeNull();
    expect(actual(b, "renewal_rate")).toBeNull();
    expect(b.score).toBeNull();
    // No one in this period has a target, so no score: ranks follow revenue, and B's 0 comes last.
    expect(b.rank).toBe(2);
    expect(b.notes).toContainEqual({ code: "ranked_by_revenue" });
  });

  it("without a Type column, new customers are those whose first won deal ever is in the period", () => {
    const noType = records({
      reps: [rep("A")],
      salesHaveType: false,
      sales: [
        sale("A", "2026-02-10", 100, { customer: "Old", type: null }),
        sale("A", "2026-03-10", 100, { customer: "Old", type: null }),
        sale("A", "2026-03-11", 100, { customer: "Fresh", type: null }),
        sale("A", "2026-03-12", 100, { customer: "Fresh", type: null }),
      ],
    });
    const out = computePeriods({
      records: noType,
      plan: plan(version({ base: variant({ metrics: [metric("new_customers", 1)] }) })),
      periods: ["2026-03"],
    });
    expect(actual(rowOf(out.results, "2026-03", "A"), "new_customers")).toBe(1); // Fresh only
  });

  it("manual metrics are the mean of the period's scores, and a quarter without its own is the mean of its months", () => {
    const input2 = records({
      reps: [rep("A")],
      scores: [score("A", "2026-01", "csat", 4), score("A", "2026-01", "csat", 5), score("A", "2026-02", "csat", 3)],
    });
    const p = plan(version({ base: variant({ metrics: [metric("csat", 1, { manual: true })] }) }));
    const out = computePeriods({ records: input2, plan: p, periods: ["2026-01", "2026-Q1", "2026-03"] });
    expect(actual(rowOf(out.results, "2026-01", "A"), "csat")).toBe((4 + 5) / 2);
    expect(actual(rowOf(out.results, "2026-Q1", "A"), "csat")).toBe((4.5 + 3) / 2); // January's mean, February's
    expect(actual(rowOf(out.results, "2026-03", "A"), "csat")).toBeNull();
  });
});

describe("targets", () => {
  const reps = [
    rep("A", { team: "East", role: "rep" }),
    rep("B", { team: "West", role: "rep" }),
    rep("C", { team: "West", role: "senior" }),
  ];
  const targets = [
    target("A", "2026-03", "revenue", 1000),
    target({ level: "team", team: "east" }, "2026-03", "revenue", 2000),
    target({ level: "team", team: "West" }, "2026-03", "revenue", 3000),
    target({ level: "role", role: "senior" }, "2026-03", "revenue", 4000),
    target({ level: "all" }, "2026-03", "revenue", 5000),
    target({ level: "role", role: "senior" }, "2026-04", "revenue", 4000),
    target({ level: "all" }, "2026-04", "revenue", 5000),
  ];
  const out = computePeriods({ records: records({ reps, targets }), plan: plan(), periods: ["2026-03", "2026-04"] });
  const targetOf = (period: string, id: string) => rowOf(out.results, period, id).metrics[0];

  it("the rep's own row wins over team, role and *", () => {
    expect(targetOf("2026-03", "A").target).toBe(1000);
    expect(targetOf("2026-03", "A").targetSource).toBe("rep");
  });
  it("team rows are per-member targets and beat role rows (team names case-insensitive)", () => {
    expect(targetOf("2026-03", "B").target).toBe(3000);
    expect(targetOf("2026-03", "C").target).toBe(3000);
  });
  it("role rows beat *, and * applies to everyone else", () => {
    expect(targetOf("2026-04", "C").target).toBe(4000);
    expect(targetOf("2026-04", "B").target).toBe(5000);
  });

  it("a quarter without its own target sums the monthly targets of an additive metric when every month has one", () => {
    const t = [
      target("A", "2026-01", "revenue", 3000),
      target("A", "2026-02", "revenue", 3000),
      target("A", "2026-03", "revenue", 4000),
      target("A", "2026-04", "revenue", 1),
    ];
    const r = computePeriods({
      records: records({ reps: [rep("A")], targets: t }),
      plan: plan(),
      periods: ["2026-Q1", "2026-Q2"],
    });
    expect(rowOf(r.results, "2026-Q1", "A").metrics[0].target).toBe(3000 + 3000 + 4000);
    expect(rowOf(r.results, "2026-Q1", "A").metrics[0].targetSource).toBe("months");
    expect(rowOf(r.results, "2026-Q2", "A").metrics[0].target).toBeNull(); // May and June have none
  });
  it("a ratio metric's quarter target is never summed from months", () => {
    const t = ["2026-01", "2026-02", "2026-03"].map((m) => target("A", m, "win_rate", 0.3));
    const r = computePeriods({
      records: records({ reps: [rep("A")], targets: t }),
      plan: plan(version({ base: variant({ metrics: [metric("win_rate", 1)] }) })),
      periods: ["2026-Q1"],
    });
    expect(rowOf(r.results, "2026-Q1", "A").metrics[0].target).toBeNull();
  });
  it("a monthly target is never derived from a quarter's", () => {
    const r = computePeriods({
      records: records({ reps: [rep("A")], targets: [target("A", "2026-Q1", "revenue", 9000)] }),
      plan: plan(),
      periods: ["2026-01", "2026-Q1"],
    });
    expect(rowOf(r.results, "2026-01", "A").metrics[0].target).toBeNull();
    expect(rowOf(r.results, "2026-Q1", "A").metrics[0].target).toBe(9000);
  });
});

describe("proration and ramp", () => {
  it("a rep hired on 15 March has 17 of 31 days: additive targets and the target bonus are prorated, ratios are not", () => {
    const input = records({
      reps: [rep("N", { start: day("2026-03-15") })],
      sales: [sale("N", "2026-03-20", 1700)],
      targets: [target("N", "2026-03", "revenue", 3100), target("N", "2026-03", "win_rate", 0.4)],
    });
    const p = plan(
      version({
        base: variant({
          metrics: [metric("revenue", 1), metric("win_rate", 1)],
          components: [bonus({ driver: { kind: "attainment", metric: "revenue" } })],
        }),
      }),
    );
    const row = rowOf(computePeriods({ records: input, plan: p, periods: ["2026-03"] }).results, "2026-03", "N");
    expect(row.daysEmployed).toBe(17); // 15..31 inclusive
    expect(row.proration).toBeCloseTo(17 / 31, 12);
    expect(row.metrics[0].target).toBeCloseTo(3100 * (17 / 31), 9); // 1700
    expect(row.metrics[0].attainment).toBeCloseTo(1700 / 1700, 9);
    expect(row.metrics[1].target).toBe(0.4);
    // attainment 1.0 -> step rate 1.0 x 1000 x 17/31 = 548.387... -> 548.39
    expect(row.payout!.total).toBe(548.39);
    expect(row.notes).toContainEqual({ code: "prorated", days: 17, of: 31 });
  });

  it("a leaver's last day counts: leaving on 10 April is 10 of 30 days; no row after", () => {
    const input = records({
      reps: [rep("L", { end: day("2026-04-10") })],
      targets: [target("L", "2026-04", "revenue", 3000)],
    });
    const out = computePeriods({ records: input, plan: plan(), periods: ["2026-04", "2026-05"] });
    const row = rowOf(out.results, "2026-04", "L");
    expect(row.daysEmployed).toBe(10);
    expect(row.metrics[0].target).toBeCloseTo(3000 * (10 / 30), 9); // 1000
    expect(out.results.find((r) => r.period === "2026-05")!.rows).toHaveLength(0);
  });

  it("a rep leaving on 12 March gets the left note with the day beside the proration (12 of 31 days), in March and Q1 only", () => {
    const input = records({
      reps: [
        rep("L", { end: day("2026-03-12") }),
        rep("S", { end: day("2026-04-17") }),
        rep("N", { start: day("2026-03-15") }),
      ],
    });
    const out = computePeriods({ records: input, plan: plan(), periods: ["2026-02", "2026-03", "2026-Q1"] });
    const march = rowOf(out.results, "2026-03", "L");
    expect(employmentNotes(march)).toEqual([
      { code: "prorated", days: 12, of: 31 }, // 1..12 March inclusive
      { code: "left", lastDay: day("2026-03-12") },
    ]);
    // The quarter ends 31 March, after the last day: 31 + 28 + 12 = 71 of 90 days.
    expect(employmentNotes(rowOf(out.results, "2026-Q1", "L"))).toEqual([
      { code: "prorated", days: 71, of: 90 },
      { code: "left", lastDay: day("2026-03-12") },
    ]);
    // February was a whole month before the End date; S leaves after March; N joined.
    expect(employmentNotes(rowOf(out.results, "2026-02", "L"))).toEqual([]);
    expect(rowOf(out.results, "2026-03", "S").notes.some((n) => n.code === "left")).toBe(false);
    expect(employmentNotes(rowOf(out.results, "2026-03", "N"))).toEqual([{ code: "prorated", days: 17, of: 31 }]);
  });

  it("leaving on the period's last day is a left note without proration", () => {
    const input = records({ reps: [rep("E", { end: day("2026-03-31") })] });
    const row = rowOf(computePeriods({ records: input, plan: plan(), periods: ["2026-03"] }).results, "2026-03", "E");
    expect(employmentNotes(row)).toEqual([{ code: "left", lastDay: day("2026-03-31") }]);
  });

  it("the new-hire ramp multiplies additive targets by tenure month", () => {
    const input = records({
      reps: [rep("R", { start: day("2026-01-01") })],
      targets: ["2026-01", "2026-02", "2026-03", "2026-04"].map((m) => target("R", m, "revenue", 1000)),
    });
    const p = plan(version({ base: variant({ ramp: [0.5, 0.75] }) }));
    const out = computePeriods({ records: input, plan: p, periods: ["2026-01", "2026-02", "2026-03", "2026-Q1"] });
    expect(rowOf(out.results, "2026-01", "R").metrics[0].target).toBe(1000 * 0.5);
    expect(rowOf(out.results, "2026-02", "R").metrics[0].target).toBe(1000 * 0.75);
    expect(rowOf(out.results, "2026-03", "R").metrics[0].target).toBe(1000);
    // The quarter sums the raw months (3000) and ramps by the mean of its months' factors.
    expect(rowOf(out.results, "2026-Q1", "R").metrics[0].target).toBeCloseTo(3000 * ((0.5 + 0.75 + 1) / 3), 9); // 2250
  });
});

describe("score and rank", () => {
  it("weights of metrics without data or target are spread over the rest", () => {
    const input = records({
      reps: [rep("A")],
      sales: [sale("A", "2026-03-05", 1200)],
      targets: [target("A", "2026-03", "revenue", 1000), target("A", "2026-03", "deals_won", 2)],
    });
    const p = plan(
      version({
        base: variant({ metrics: [metric("revenue", 0.5), metric("deals_won", 0.3), metric("win_rate", 0.2)] }),
      }),
    );
    const row = rowOf(computePeriods({ records: input, plan: p, periods: ["2026-03"] }).results, "2026-03", "A");
    // revenue 1.2, deals_won 1/2 = 0.5; win_rate has 1 win / 1 deal but no target -> left out.
    expect(row.score).toBeCloseTo((0.5 * 1.2 + 0.3 * 0.5) / (0.5 + 0.3), 12); // 0.9375
    expect(row.metrics[2].leftOut).toBe("no_target");
    expect(row.notes).toContainEqual({ code: "left_out", metrics: ["win_rate"] });
  });

  it("floors, caps and lower-is-better metrics", () => {
    const input = records({
      reps: [rep("A")],
      sales: [sale("A", "2026-03-11", 2000, { opened: day("2026-03-01") })], // 10-day cycle
      targets: [
        target("A", "2026-03", "revenue", 1000),
        target("A", "2026-03", "sales_cycle_days", 20),
        target("A", "2026-03", "deals_won", 4),
      ],
    });
    const p = plan(
      version({
        base: variant({
          metrics: [
            metric("revenue", 1, { cap: 1.5 }),
            metric("sales_cycle_days", 1, { direction: "lower" }),
            metric("deals_won", 1, { floor: 0.5 }),
          ],
        }),
      }),
    );
    const row = rowOf(computePeriods({ records: input, plan: p, periods: ["2026-03"] }).results, "2026-03", "A");
    expect(row.metrics[0].attainment).toBe(2); // 2000 / 1000
    expect(row.metrics[0].achievement).toBe(1.5); // capped
    expect(row.metrics[1].attainment).toBe(2); // 20 / 10, lower is better
    expect(row.metrics[2].attainment).toBe(0.25); // 1 / 4
    expect(row.metrics[2].achievement).toBe(0); // below the 0.5 floor
    expect(row.score).toBeCloseTo((1.5 + 1.5 + 0) / 3, 12);
  });

  it("ranks by score rounded to 4 decimals, ties share the better rank, with a team rank beside", () => {
    const reps = [
      rep("A", { team: "East" }),
      rep("B", { team: "East" }),
      rep("C", { team: "West" }),
      rep("D", { team: "West" }),
      rep("E", { team: "West" }),
    ];
    const sales = [
      sale("A", "2026-03-01", 1200),
      sale("B", "2026-03-01", 1000.00001),
      sale("C", "2026-03-01", 1000),
      sale("D", "2026-03-01", 900),
    ];
    const targets = [target({ level: "all" }, "2026-03", "revenue", 1000)];
    const out = computePeriods({ records: records({ reps, sales, targets }), plan: plan(), periods: ["2026-03"] });
    const ranks = Object.fromEntries(out.results[0].rows.map((r) => [r.id, [r.rank, r.teamRank]]));
    // A 1.2; B 1.00000001 and C 1.0 tie at 4 decimals; D 0.9; E has no deals: revenue 0, score 0 (not blank).
    expect(ranks).toEqual({ A: [1, 1], B: [2, 2], C: [2, 1], D: [4, 2], E: [5, 3] });
    expect(out.results[0].rows.map((r) => r.id)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("does not rank a manager beside the reps: M manages A, so ranks run over A and B only", () => {
    const reps = [rep("M", { team: "East" }), rep("A", { team: "East", manager: "m" }), rep("B", { team: "East" })];
    const sales = [sale("M", "2026-03-01", 5000), sale("A", "2026-03-01", 1200), sale("B", "2026-03-01", 900)];
    const targets = [target({ level: "all" }, "2026-03", "revenue", 1000)];
    const out = computePeriods({ records: records({ reps, sales, targets }), plan: plan(), periods: ["2026-03"] });
    const rows = Object.fromEntries(out.results[0].rows.map((r) => [r.id, r]));
    // M's score 5.0 is the highest, but a manager's result is the team's: no rank, and a note saying so.
    expect([rows.M.rank, rows.M.teamRank]).toEqual([null, null]);
    expect(rows.M.score).not.toBeNull();
    expect(rows.M.notes).toContainEqual({ code: "manager_not_ranked" });
    expect([rows.A.rank, rows.B.rank]).toEqual([1, 2]);
  });
});

describe("pay: the worked examples of docs/sheet-formats.md", () => {
  // Target bonus 1000, tiers (0.5, 0.5) (1.0, 1.0) (1.2, 1.5), driven by revenue attainment.
  function payFor(
    attainment: number,
    mode: "step" | "linear" | "marginal",
    options: { maxRate?: number; start?: string; adjust?: number } = {},
  ) {
    const monthDays = 31;
    const employedDays = options.start ? 31 - Number(options.start.slice(8)) + 1 : monthDays;
    const rawTarget = 31000;
    const prorated = (rawTarget * employedDays) / monthDays;
    const input = records({
      reps: [rep("P", { start: options.start ? day(options.start) : null })],
      sales: [sale("P", "2026-03-20", attainment * prorated)],
      targets: [target("P", "2026-03", "revenue", rawTarget)],
      adjustments: options.adjust !== undefined ? [adjustment("P", "2026-03", options.adjust, "correction")] : [],
    });
    const p = plan(
      version({
        base: variant({
          components: [
            bonus({ mode, maxRate: options.maxRate ?? null, driver: { kind: "attainment", metric: "revenue" } }),
          ],
        }),
      }),
    );
    return rowOf(computePeriods({ records: input, plan: p, periods: ["2026-03"] }).results, "2026-03", "P").payout!;
  }

  it("x = 1.1: step 1000, linear 1000 x (1.0 + 0.5 x 0.1/0.2) = 1250, marginal 1000 x (0.5 x 0.5 + 1.0 x 0.1) = 350", () => {
    expect(payFor(1.1, "step").total).toBe(1000);
    expect(payFor(1.1, "linear").total).toBe(1250);
    expect(payFor(1.1, "marginal").total).toBe(350);
  });

  it("x = 1.3, max_rate 1.4, hired 15 March (17/31), adjustment -100", () => {
    const step = payFor(1.3, "step", { maxRate: 1.4, start: "2026-03-15", adjust: -100 });
    expect(step.componentsTotal).toBe(767.74); // 1000 x 1.4 x 17/31 = 767.741...
    expect(step.total).toBe(667.74);
    expect(step.components[0].rawRate).toBe(1.5);
    expect(step.components[0].rate).toBe(1.4);
    const linear = payFor(1.3, "linear", { maxRate: 1.4, start: "2026-03-15", adjust: -100 });
    expect(linear.total).toBe(667.74); // the last rate (1.5) beyond the last point, capped at 1.4
    const marginal = payFor(1.3, "marginal", { maxRate: 1.4, start: "2026-03-15", adjust: -100 });
    expect(marginal.componentsTotal).toBe(329.03); // 1000 x (0.25 + 0.2 + 1.5 x 0.1) = 600, x 17/31 = 329.03
    expect(marginal.total).toBe(229.03);
    expect(marginal.adjustments).toEqual([expect.objectContaining({ amount: -100, reason: "correction" })]);
  });

  it("commission on 30000 with tiers (0, 5%) (10000, 7%) (25000, 10%): marginal 500 + 1050 + 500 = 2050, step 3000", () => {
    const input = records({ reps: [rep("C")], sales: [sale("C", "2026-03-03", 30000)] });
    const payWith = (mode: "step" | "marginal") =>
      rowOf(
        computePeriods({
          records: input,
          plan: plan(version({ base: variant({ components: [commission({ mode })] }) })),
          periods: ["2026-03"],
        }).results,
        "2026-03",
        "C",
      ).payout!;
    expect(payWith("marginal").total).toBe(2050);
    expect(payWith("step").total).toBe(3000);
    expect(payWith("marginal").components[0].slices.map((s) => s.amount)).toEqual([500, 1050, 500]);
  });

  it("a gate not met pays 0 and says so; adjustments are still paid and a negative total is flagged", () => {
    const input = records({
      reps: [rep("G")],
      sales: [sale("G", "2026-03-03", 500)],
      targets: [target("G", "2026-03", "revenue", 1000)],
      adjustments: [adjustment("G", "2026-03", -150, "clawback")],
    });
    const p = plan(version({ base: variant({ components: [bonus({ gate: 0.6, mode: "linear" })] }) }));
    const row = rowOf(computePeriods({ records: input, plan: p, periods: ["2026-03"] }).results, "2026-03", "G");
    expect(row.score).toBe(0.5);
    expect(row.payout!.components[0].gateMet).toBe(false);
    expect(row.payout!.componentsTotal).toBe(0);
    expect(row.payout!.total).toBe(-150);
    expect(row.payout!.negative).toBe(true);
    expect(row.notes).toContainEqual({ code: "gate_not_met", component: "target_bonus" });
    expect(row.notes).toContainEqual({ code: "negative_payout" });
  });

  it("a manager's bonus is driven by the team's total attainment", () => {
    const reps = [
      rep("M", { role: "manager", team: "East" }),
      rep("X", { manager: "m", team: "East" }),
      rep("Y", { manager: "m", team: "East" }),
    ];
    const sales = [sale("X", "2026-03-01", 1500), sale("Y", "2026-03-01", 600), sale("M", "2026-03-01", 1)];
    const targets = [target({ level: "all" }, "2026-03", "revenue", 1000)];
    const managerVariant = variant({
      role: "manager",
      components: [bonus({ driver: { kind: "team_attainment", metric: "revenue" }, mode: "linear" })],
    });
    const p = plan(version({ base: variant({ components: [bonus()] }), variants: { manager: managerVariant } }));
    const row = rowOf(
      computePeriods({ records: records({ reps, sales, targets }), plan: p, periods: ["2026-03"] }).results,
      "2026-03",
      "M",
    );
    // team attainment (1500 + 600) / (1000 + 1000) = 1.05 -> linear 1.0 + 0.5 x 0.05/0.2 = 1.125 -> 1125
    expect(row.payout!.components[0].driverValue).toBeCloseTo(1.05, 12);
    expect(row.payout!.total).toBe(1125);
  });

  it("quarterly payout: the monthly target bonus times the months employed; months are not payout periods", () => {
    const input = records({
      reps: [rep("Q", { start: day("2026-02-15") })],
      sales: [sale("Q", "2026-03-01", 2000)],
      targets: [target("Q", "2026-Q1", "revenue", 2000)],
      adjustments: [adjustment("Q", "2026-02", 50, "spiff"), adjustment("Q", "2026-04", 70, "next quarter")],
    });
    const p = plan(
      version({
        settings: { payoutPeriod: "quarter" },
        base: variant({ components: [bonus({ driver: { kind: "attainment", metric: "revenue" } })] }),
      }),
    );
    const out = computePeriods({ records: input, plan: p, periods: ["2026-03", "2026-Q1"] });
    expect(rowOf(out.results, "2026-03", "Q").payout).toBeNull();
    const q = rowOf(out.results, "2026-Q1", "Q");
    // employed 14 Feb days + 31 Mar days = 45 of 90 days; target 2000 x 45/90 = 1000; attainment 2.0 -> step 1.5
    // base: 1000 x 2 months employed; proration: 45 days / (28 + 31) days of those months
    expect(q.payout!.components[0].base).toBe(2000);
    expect(q.payout!.components[0].proration).toBeCloseTo(45 / 59, 12);
    expect(q.payout!.componentsTotal).toBe(Math.round(1.5 * 2000 * (45 / 59) * 100) / 100); // 2288.14
    expect(q.payout!.total).toBe(2288.14 + 50);
  });
});

describe("plan versions", () => {
  const reps = [rep("A")];
  const sales = [sale("A", "2026-03-05", 1000), sale("A", "2026-04-05", 1000)];
  const targets = [
    target("A", "2026-03", "revenue", 1000),
    target("A", "2026-04", "revenue", 1000),
    target("A", "2026-04", "deals_won", 2),
  ];

  it("each period uses the version in force at its start", () => {
    const v1 = version({ effectiveFrom: "", base: variant({ components: [bonus({ mode: "step" })] }) });
    const v2 = version({
      effectiveFrom: "2026-04",
      row: 20,
      base: variant({ metrics: [metric("revenue", 1), metric("deals_won", 1)], components: [bonus({ mode: "step" })] }),
    });
    const out = computePeriods({
      records: records({ reps, sales, targets }),
      plan: plan(v1, v2),
      periods: ["2026-03", "2026-04"],
    });
    expect(rowOf(out.results, "2026-03", "A").score).toBe(1); // revenue only
    expect(rowOf(out.results, "2026-04", "A").score).toBe((1 + 0.5) / 2); // revenue 1, deals 1/2
    expect(out.results.map((r) => r.planVersion)).toEqual(["", "2026-04"]);
  });

  it("an invalid version stops only the periods that use it", () => {
    const v1 = version({ effectiveFrom: "" });
    const v2 = version({ effectiveFrom: "2026-04", row: 20, valid: false });
    const out = computePeriods({
      records: records({ reps, sales, targets }),
      plan: plan(v1, v2),
      periods: ["2026-03", "2026-04"],
    });
    expect(out.results.map((r) => r.period)).toEqual(["2026-03"]);
    expect(out.problems.map((p) => [p.cell, p.code])).toEqual([["A20", "plan_version_invalid"]]);
  });
});
