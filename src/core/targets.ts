/**
 * Targets: which Targets row applies to a rep, a period and a metric.
 *
 * Precedence is the rep's own row, then `team:`, then `role:`, then `*`; team
 * and role rows are per-member targets. A quarter or year without its own row
 * takes, for an additive metric, the sum of its monthly targets when every
 * month has one. A monthly target is never derived from a longer one.
 */
import { monthsOf, periodKind } from "./periods";
import type { Period, RepKey, TargetRecord, TargetScope } from "./records";

type TargetSource = "rep" | "team" | "role" | "all" | "months";

export interface ResolvedTarget {
  value: number;
  source: TargetSource;
}

/** The parts of a rep that target precedence looks at. */
export interface TargetHolder {
  key: RepKey;
  team: string;
  role: string;
}

/** Targets by period and metric, then by scope: one lookup finds the few rows that could apply. */
export type TargetIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * The key of a target's scope: rep keys as they are, team and role names
 * trimmed and case-folded, so `team:East` and `team: east ` are one scope.
 *
 * @example
 * scopeKey({ level: "team", team: " East " }); // "team\u0001east"
 */
export function scopeKey(scope: TargetScope): string {
  switch (scope.level) {
    case "rep":
      return "rep\u0001" + scope.rep;
    case "team":
      return "team\u0001" + foldName(scope.team);
    case "role":
      return "role\u0001" + foldName(scope.role);
    case "all":
      return "all\u0001";
  }
}

function foldName(name: string): string {
  return name.trim().toLowerCase();
}

function periodMetricKey(period: Period, metric: string): string {
  return period + "\u0001" + metric;
}

/**
 * Indexes targets by period and metric, then scope. Duplicates at one level
 * were already left out by the table reader (both rows), so the next level
 * applies.
 *
 * @example
 * const index = buildTargetIndex([{ scope: { level: "all" }, period: "2026-03", metric: "revenue", target: 5000, row: 2 }]);
 */
export function buildTargetIndex(targets: readonly TargetRecord[]): TargetIndex {
  const index = new Map<string, Map<string, number>>();
  for (const t of targets) {
    const key = periodMetricKey(t.period, t.metric);
    let scopes = index.get(key);
    if (!scopes) {
      scopes = new Map();
      index.set(key, scopes);
    }
    scopes.set(scopeKey(t.scope), t.target);
  }
  return index;
}

// A holder's scope keys in precedence order, built once per rep.
const holderScopeCache = new WeakMap<TargetHolder, [TargetSource, string][]>();

function holderScopes(holder: TargetHolder): [TargetSource, string][] {
  let scopes = holderScopeCache.get(holder);
  if (scopes) return scopes;
  scopes = [["rep", scopeKey({ level: "rep", rep: holder.key })]];
  if (holder.team.trim()) scopes.push(["team", scopeKey({ level: "team", team: holder.team })]);
  if (holder.role.trim()) scopes.push(["role", scopeKey({ level: "role", role: holder.role })]);
  scopes.push(["all", scopeKey({ level: "all" })]);
  holderScopeCache.set(holder, scopes);
  return scopes;
}

/**
 * The target written for exactly this period, by precedence.
 *
 * @example
 * ownTarget(index, { key: "r1", team: "East", role: "rep" }, "2026-03", "revenue");
 * // { value: 5000, source: "all" }
 */
function ownTarget(index: TargetIndex, holder: TargetHolder, period: Period, metric: string): ResolvedTarget | null {
  const scopes = index.get(periodMetricKey(period, metric));
  if (!scopes) return null;
  for (const [source, scope] of holderScopes(holder)) {
    const value = scopes.get(scope);
    if (value !== undefined) return { value, source };
  }
  return null;
}

/**
 * The unadjusted target of a period: its own row, or for a quarter or year
 * of an additive metric the sum of the monthly targets when every month has one.
 *
 * @example
 * // Q1 without its own row, months 3000 + 3000 + 4000:
 * periodTarget(index, holder, "2026-Q1", "revenue", { additive: true, fiscalYearStartMonth: 1 });
 * // { value: 10000, source: "months" }
 */
export function periodTarget(
  index: TargetIndex,
  holder: TargetHolder,
  period: Period,
  metric: string,
  options: { additive: boolean; fiscalYearStartMonth: number },
): ResolvedTarget | null {
  const own = ownTarget(index, holder, period, metric);
  if (own || !options.additive || periodKind(period) === "month") return own;
  let sum = 0;
  for (const month of monthsOf(period, options.fiscalYearStartMonth)) {
    const monthly = ownTarget(index, holder, month, metric);
    if (!monthly) return null;
    sum += monthly.value;
  }
  return { value: sum, source: "months" };
}
