/**
 * The settings of one version: the defaults, with the version's base
 * `setting` rows (payout period, fiscal year start, currency, language, the
 * promote and support signals, payout approval) and `training` rows laid over them.
 *
 * Separate because settings hold for the whole version, not per role (the
 * per-role target bonus is a variant's, in `plan-variants.ts`).
 */
import { DEFAULT_SETTINGS } from "../core/default-plan";
import type { PlanSettings } from "../core/plan-model";
import { planTrainingTopic } from "../core/training-topics";
import type { SettingValue } from "./plan-cells";
import type { RoleRows } from "./plan-rows";
import type { VersionReporter } from "./plan-sheet";

/**
 * A fresh copy of the default settings, safe to change.
 *
 * @example
 * defaultSettings().payoutPeriod; // "month"
 */
export function defaultSettings(): PlanSettings {
  return {
    ...DEFAULT_SETTINGS,
    signals: { ...DEFAULT_SETTINGS.signals },
    training: { ...DEFAULT_SETTINGS.training },
  };
}

/**
 * The version's settings: its base setting and training rows over the defaults.
 *
 * @example
 * // Base rows: `setting currency ¥` on row 11, `setting fiscal_year_start 4` on row 12
 * settingsOf(base, knownMetrics, reporter);
 * // { settings: { ...defaults, currency: "CNY", fiscalYearStartMonth: 4 }, fiscalYearRow: 12 }
 */
export function settingsOf(
  base: RoleRows,
  knownMetrics: Set<string>,
  reporter: VersionReporter,
): { settings: PlanSettings; fiscalYearRow: number | null } {
  const settings = defaultSettings();
  let fiscalYearRow: number | null = null;
  for (const row of base.rows) {
    if (row.kind === "setting") {
      applySetting(settings, row.entry);
      if (row.entry.setting === "fiscal_year_start") fiscalYearRow = row.row;
    }
    if (row.kind === "training") {
      if (knownMetrics.has(row.metric)) settings.training[row.metric] = planTrainingTopic(row.topic);
      else reporter.report(row.row, "key", "plan_unknown_metric", { metric: row.metric });
    }
  }
  return { settings, fiscalYearRow };
}

function applySetting(settings: PlanSettings, entry: SettingValue): void {
  switch (entry.setting) {
    case "target_bonus":
      return; // Per variant, not a version setting.
    case "payout_period":
      settings.payoutPeriod = entry.value;
      return;
    case "fiscal_year_start":
      settings.fiscalYearStartMonth = entry.value;
      return;
    case "currency":
      settings.currency = entry.value;
      return;
    case "language":
      settings.language = entry.value;
      return;
    case "promote_score":
      settings.signals.promoteScore = entry.value;
      return;
    case "promote_periods":
      settings.signals.promotePeriods = entry.value;
      return;
    case "support_score":
      settings.signals.supportScore = entry.value;
      return;
    case "support_periods":
      settings.signals.supportPeriods = entry.value;
      return;
    case "approval":
      settings.approval = entry.value;
      return;
  }
}
