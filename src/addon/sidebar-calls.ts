/**
 * The server side of the sidebar's contract: every function the sidebar
 * calls through `google.script.run`, checked at compile time against
 * `SidebarCalls` (src/sidebar/sidebar-api.ts), the interface the sidebar's
 * `callServer` is typed from. A call missing here or there, renamed, or
 * taking or answering another type does not compile. The globals
 * themselves are the exports of src/entry-points.ts; a test checks they
 * are these functions.
 */
import type { SidebarCalls } from "../sidebar/sidebar-api";
import {
  sidebarRecalculate,
  sidebarRep,
  sidebarRestate,
  sidebarReview,
  sidebarSaveReview,
  sidebarSaveSettings,
  sidebarSchedule,
  sidebarSetUpSheets,
  sidebarSetup,
  sidebarTeam,
} from "./sidebar-server";
import { sidebarFillTargets, sidebarSaveColumns } from "./sidebar-setup-calls";
import { sidebarComparePlans, sidebarMakePlanDraft } from "./plan-comparison-calls";
import { sidebarApprove } from "./sidebar-server";
import { sidebarShareStatements } from "./statement-calls";

// As function-typed properties rather than the interface's methods, whose
// arguments TypeScript compares both ways (bivariantly) and so checks loosely.
type StrictCalls = {
  [Name in keyof SidebarCalls]: (...args: Parameters<SidebarCalls[Name]>) => ReturnType<SidebarCalls[Name]>;
};

/**
 * The sidebar's server calls by name.
 *
 * @example
 * Object.keys(SIDEBAR_CALLS); // ["sidebarTeam", "sidebarRep", ..., "sidebarFillTargets"]
 */
export const SIDEBAR_CALLS = {
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
  sidebarSaveColumns,
  sidebarFillTargets,
  sidebarComparePlans,
  sidebarMakePlanDraft,
  sidebarApprove,
  sidebarShareStatements,
} satisfies StrictCalls;
