/**
 * Reading the Targets sheet: a target per scope (a rep, a team, a role or
 * everyone), period and metric, with two rows for the same one both left out
 * so the next level of precedence applies.
 *
 * Separate because scopes, and the duplicate rule between them, belong to
 * Targets alone.
 */
import type { TargetRecord, TargetScope } from "../core/records";
import {
  displayValue,
  readPeriodCell,
  readPositiveNumber,
  readTargetScope,
  readText,
  textKey,
  type DayOfInstant,
  type ScopeCell,
} from "./cell-values";
import { readRowsPlain, requiredCells, resolvedField, type OpenSheet, type RowsReader } from "./input-rows";
import type { MetricResolvers } from "./metric-names";
import { resolveRep, type RepDirectory } from "./read-reps";
import { scopeKey } from "../core/targets";

const TARGET_CELLS = { scope: readTargetScope, period: readPeriodCell, metric: readText, target: readPositiveNumber };

/**
 * Reads the Targets sheet: a scope naming an unknown rep is an error, an
 * unknown team or role a warning, a metric no plan version knows
 * `unknown_metric`; those rows are left out. A missing sheet gives no targets.
 *
 * @example
 * // Targets: ["Rep ID", "Period", "Metric", "Target"], ["r1", "2026-03", "Revenue", "5,000"]
 * readTargets(targetsSheet, reps, wallClock, metrics);
 * // [{ row: 2, scope: { level: "rep", rep: "r1" }, period: "2026-03", metric: "revenue", target: 5000 }]
 */
export function readTargets(
  sheet: OpenSheet<"targets"> | null,
  reps: RepDirectory,
  dayOf: DayOfInstant,
  metrics: MetricResolvers,
  readRows: RowsReader = readRowsPlain,
): TargetRecord[] {
  if (!sheet) return [];
  const readers = requiredCells(sheet, dayOf, TARGET_CELLS);
  const candidates: TargetRecord[] = [];
  for (const row of readRows(sheet, readers)) {
    const scope = resolvedField(sheet, readers, row, "scope", (cell) => resolveScope(sheet, reps, row.row, cell));
    const metric = resolvedField(sheet, readers, row, "metric", (text) => planMetric(sheet, row.row, text, metrics));
    if (scope === null || metric === null || row.values === null) continue;
    candidates.push({ row: row.row, scope, period: row.values.period, metric, target: row.values.target });
  }
  return withoutDuplicateTargets(sheet, candidates);
}

/** A metric some plan version knows; any other is `unknown_metric`. */
function planMetric(sheet: OpenSheet<"targets">, row: number, text: string, metrics: MetricResolvers): string | null {
  const metric = metrics.plan(text);
  if (metric === null) sheet.report(row, "metric", "unknown_metric", { metric: displayValue(text) });
  return metric;
}

function resolveScope(
  sheet: OpenSheet<"targets">,
  reps: RepDirectory,
  row: number,
  cell: ScopeCell,
): TargetScope | null {
  switch (cell.level) {
    case "all":
      return { level: "all" };
    case "rep": {
      const rep = resolveRep(sheet, reps, row, "scope", cell.id);
      return rep === null ? null : { level: "rep", rep };
    }
    case "team":
    case "role": {
      const known = cell.level === "team" ? reps.teams : reps.roles;
      if (known.has(textKey(cell.name)))
        return cell.level === "team" ? { level: "team", team: cell.name } : { level: "role", role: cell.name };
      if (reps.readable) {
        const value = displayValue(sheet.values[row - 1][sheet.match.index.scope]);
        sheet.report(row, "scope", "unknown_scope", { column: sheet.match.label.scope, value }, "warning");
      }
      return null;
    }
  }
}

/**
 * Two rows at one precedence level for the same scope, period and metric are
 * both left out, each naming the other, so the next level of precedence applies.
 */
function withoutDuplicateTargets(sheet: OpenSheet<"targets">, targets: TargetRecord[]): TargetRecord[] {
  const groups = new Map<string, TargetRecord[]>();
  for (const target of targets) {
    const key = scopeKey(target.scope) + "\u0001" + target.period + "\u0001" + target.metric;
    const same = groups.get(key);
    if (same) same.push(target);
    else groups.set(key, [target]);
  }
  const kept: TargetRecord[] = [];
  for (const same of groups.values()) {
    if (same.length === 1) {
      kept.push(same[0]);
      continue;
    }
    same.forEach((target, position) => {
      const other = same[position === 0 ? 1 : 0];
      sheet.report(target.row, "scope", "duplicate_target", { other: sheet.cellOf(other.row, "scope") });
    });
  }
  return kept.sort((a, b) => a.row - b.row);
}
