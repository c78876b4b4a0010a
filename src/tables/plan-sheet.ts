/**
 * The Plan sheet as the reader sees it: its columns, its non-blank rows, and
 * where each problem goes (the cell of a field, or the first free header cell
 * for a column the sheet lacks), in row and column order.
 *
 * Separate from reading what a row declares (`plan-rows.ts`) and from building
 * versions (`plan-versions.ts`): this is the only plan code that knows sheet
 * positions.
 */
import { PLAN_COLUMNS, type PlanColumn } from "../core/default-plan";
import { versionLabel } from "../core/plan-lookup";
import { a1 } from "../core/a1-notation";
import { problemAt, type Problem, type ProblemCode, type Severity } from "../core/problems";
import type { Period } from "../core/records";
import { isBlankCell } from "./cell-values";
import { normalizeHeader } from "./header-matching";

/** The arguments of a problem's message. */
export type Args = Record<string, string | number>;

/** The Plan sheet's problems, gathered as they are found. */
export interface ProblemCollector {
  add(row: number, column: number, problem: Problem): void;
  sorted(): Problem[];
}

/**
 * Collects the Plan sheet's problems and gives them back by row and column;
 * problems of one cell keep the order they were found in.
 *
 * @example
 * const collector = problemCollector();
 * collector.add(5, 2, second);
 * collector.add(3, 4, first);
 * collector.sorted(); // [first, second]
 */
export function problemCollector(): ProblemCollector {
  const entries: { row: number; column: number; problem: Problem }[] = [];
  return {
    add: (row, column, problem) => entries.push({ row, column, problem }),
    // Array.prototype.sort is stable, so problems of one cell keep their order.
    sorted: () => entries.sort((a, b) => a.row - b.row || a.column - b.column).map((entry) => entry.problem),
  };
}

/** The Plan sheet with its matched headers, and where its problems go. */
export interface PlanSheet {
  name: string;
  /** 0-based column of each field; -1 when the sheet has none. */
  index: Record<PlanColumn, number>;
  /** A column's name as the sheet writes it, for messages. */
  label: Record<PlanColumn, string>;
  /** Reports a problem on a field's cell (the Type cell when the sheet has no such column). */
  reportAt(row: number, field: PlanColumn, code: ProblemCode, args: Args, severity?: Severity): void;
  /** Reports that a row needs a column the sheet lacks (once per column). */
  reportMissingColumn(field: PlanColumn): void;
}

/**
 * Opens the Plan sheet for reporting: problems go on the cell of their field,
 * and a column the sheet lacks is reported once, on the first free header
 * cell.
 *
 * @example
 * const sheet = openPlanSheet("Plan", match.index, match.label, ["Type", "Key"], collector);
 * sheet.reportAt(4, "weight", "plan_blank", { column: "Weight", version: "-" });
 * // a plan_blank error on Plan!A4, the Type cell, since the sheet has no Weight column
 */
export function openPlanSheet(
  name: string,
  index: Record<PlanColumn, number>,
  label: Record<PlanColumn, string>,
  headerRow: readonly unknown[],
  collector: ProblemCollector,
): PlanSheet {
  const missingReported = new Set<PlanColumn>();
  let freeColumn = lastUsedColumn(headerRow);
  return {
    name,
    index,
    label,
    reportAt(row, field, code, args, severity = "error") {
      const column = (index[field] >= 0 ? index[field] : index.type) + 1;
      collector.add(row, column, problemAt(name, a1(row, column), code, args, severity));
    },
    reportMissingColumn(field) {
      if (missingReported.has(field)) return;
      missingReported.add(field);
      // Like header matching: on the first free header cell, where it belongs.
      freeColumn += 1;
      collector.add(1, freeColumn, problemAt(name, a1(1, freeColumn), "missing_column", { column: label[field] }));
    },
  };
}

function lastUsedColumn(headerRow: readonly unknown[]): number {
  for (let position = headerRow.length - 1; position >= 0; position -= 1) {
    if (normalizeHeader(headerRow[position]) !== "") return position + 1;
  }
  return 0;
}

/** One non-blank row of the sheet. */
export interface SheetLine {
  /** 1-based sheet row. */
  row: number;
  cells: Record<PlanColumn, unknown>;
}

/**
 * Rows with something besides a Note: a Note alone is the manager's heading or comment.
 *
 * @example
 * planLines([["Type", "Key", "Note"], ["metric", "revenue", ""], ["", "", "Bonuses"], []], { type: 0, key: 1, note: 2, ... });
 * // [{ row: 2, cells: { type: "metric", key: "revenue", note: "", ... } }]
 */
export function planLines(values: unknown[][], index: Record<PlanColumn, number>): SheetLine[] {
  const lines: SheetLine[] = [];
  values.forEach((row, position) => {
    if (position === 0) return;
    const cells = {} as Record<PlanColumn, unknown>;
    for (const { column } of PLAN_COLUMNS) cells[column] = index[column] >= 0 ? row[index[column]] : "";
    const used = PLAN_COLUMNS.some(({ column }) => column !== "note" && !isBlankCell(cells[column]));
    if (used) lines.push({ row: position + 1, cells });
  });
  return lines;
}

/** The problems of one version: every message names the version, and an error makes it invalid. */
export interface VersionReporter {
  report(row: number, field: PlanColumn, code: ProblemCode, args?: Args, severity?: Severity): void;
  errorCount(): number;
}

/**
 * The reporter of one version: it adds the column and the version to every
 * message, counts the errors, and turns a blank cell of a missing column into
 * one `missing_column` for the sheet.
 *
 * @example
 * const reporter = versionReporter(sheet, "2026-04");
 * reporter.report(7, "weight", "plan_negative", { value: "-1" });
 * reporter.errorCount(); // 1
 */
export function versionReporter(sheet: PlanSheet, effectiveFrom: Period): VersionReporter {
  const label = versionLabel({ effectiveFrom });
  let errors = 0;
  return {
    report(row, field, code, args = {}, severity = "error") {
      if (severity === "error") errors += 1;
      if (code === "plan_blank" && sheet.index[field] < 0) {
        sheet.reportMissingColumn(field);
        return;
      }
      sheet.reportAt(row, field, code, { column: sheet.label[field], version: label, ...args }, severity);
    },
    errorCount: () => errors,
  };
}

/** The rows of one version: those sharing one Effective from month. */
export interface VersionLines {
  effectiveFrom: Period;
  lines: SheetLine[];
}
