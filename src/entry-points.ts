/**
 * The public surface: every export here becomes a global function in Apps
 * Script (the build writes a top-level stub for each exported function) and a
 * member of the one namespace object. Nothing else is global.
 */
export { ATTAINMENT, KPI_SCORE, BONUS, NEXT_TIER_GAP, SUGGEST_TARGET, SEASONAL_SPLIT } from "./addon/custom-functions";
export { SCORECARD } from "./addon/scorecard-function";
export { FORECAST_REVENUE } from "./addon/forecast-function";
export { onOpen, onInstall, showSidebar } from "./addon/menu";
export { menuSetUpSheets, menuRecalculateNow, menuRestatePeriod, menuSchedule, menuHelp } from "./addon/menu";
export { menuComparePlans } from "./addon/menu";
export { menuShareStatements } from "./addon/menu";
export { sidebarShareStatements } from "./addon/statement-calls";
export { menuApprovePeriod } from "./addon/approval-menu";
export { onScheduledRun } from "./addon/schedule";
export { local } from "./addon/local-run";
export {
  sidebarTeam,
  sidebarRep,
  sidebarReview,
  sidebarSaveReview,
  sidebarSetup,
  sidebarSetUpSheets,
  sidebarRecalculate,
  sidebarRestate,
  sidebarSchedule,
  sidebarSaveSettings,
  sidebarApprove,
} from "./addon/sidebar-server";
export { sidebarSaveColumns, sidebarFillTargets } from "./addon/sidebar-setup-calls";
export { sidebarComparePlans, sidebarMakePlanDraft } from "./addon/plan-comparison-calls";
