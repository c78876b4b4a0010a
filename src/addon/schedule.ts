/**
 * The schedule: one hourly time-driven trigger per spreadsheet whose handler
 * decides whether anything is due.
 *
 * - Installing records, in the spreadsheet's metadata, the owner (an opaque
 *   temporary user key, never an email), the trigger's ID and the time; and,
 *   in the installing user's properties, which spreadsheet the trigger opens
 *   (keyed by trigger ID: a time-driven trigger has no active spreadsheet).
 *   Installing twice leaves one trigger (the user's earlier ones for this
 *   spreadsheet are deleted first).
 * - Each firing writes a heartbeat, then returns unless a checkpoint is
 *   pending or a due period is not final (nor already found awaiting
 *   approval, which only a person gives), decided from the stored state
 *   alone: an idle firing costs a few service calls and logs nothing. A late
 *   or doubled firing finds the same state and does the same (or nothing).
 * - Another editor sees the owner's last firing and may take the schedule
 *   over when it is overdue; the old trigger then finds it is no longer the
 *   schedule's and deletes itself.
 */
import { makeWallClock } from "../core/calendar";
import { hasDueWork } from "./due-periods";
import { SCHEDULE_EVERY_HOURS, SCHEDULE_OVERDUE_MS } from "./platform-limits";
import { logEvent, recalculate, type RunSummary } from "./recalculation";
import { runStatements } from "./statement-run";
import { statementsPending } from "./statement-state";
import { acquireLease, newRunId, releaseLease } from "./run-guard";
import { settingsOf } from "./settings";
import {
  ScheduleRecordSchema,
  parseStored,
  readSpreadsheetState,
  runStateOf,
  writeStateEntry,
  type ScheduleRecord,
  type SpreadsheetState,
} from "./spreadsheet-state";

/** The global function the trigger calls (exported from entry-points.ts). */
const SCHEDULE_HANDLER = "onScheduledRun";

/** User property holding the spreadsheet ID a trigger opens: this prefix + the trigger's unique ID. */
const SCHEDULED_SPREADSHEET_PREFIX = "salesScorecard.scheduledSpreadsheet.";

/** What an editor is told about the schedule (JSON-safe). */
export interface ScheduleStatus {
  on: boolean;
  /** The schedule runs under this user's trigger. */
  mine: boolean;
  /** Epoch ms of the last firing, or null. */
  lastRun: number | null;
  installed: number | null;
  /** No firing for SCHEDULE_OVERDUE_MS: another editor may take it over. */
  overdue: boolean;
  day: number;
  hour: number;
}

export type ScheduleChange =
  | { ok: true; status: ScheduleStatus }
  | { ok: false; reason: "already_running" | "owned_by_another_editor"; status: ScheduleStatus };

function scheduleRecordOf(state: SpreadsheetState): ScheduleRecord | null {
  if (state.schedule.value === null) return null;
  const record = parseStored(ScheduleRecordSchema, state.schedule.value);
  return record && record.trigger !== "" ? record : null;
}

/**
 * The schedule as an editor sees it.
 *
 * @example
 * statusOf(record, "key-of-me", Date.now(), settings); // { on: true, mine: false, overdue: false, ... }
 */
function statusOf(
  record: ScheduleRecord | null,
  me: string,
  now: number,
  at: { day: number; hour: number },
): ScheduleStatus {
  if (!record)
    return { on: false, mine: false, lastRun: null, installed: null, overdue: false, day: at.day, hour: at.hour };
  const last = record.beat ?? record.installed;
  return {
    on: true,
    mine: record.owner === me,
    lastRun: record.beat,
    installed: record.installed,
    overdue: now - last > SCHEDULE_OVERDUE_MS,
    day: at.day,
    hour: at.hour,
  };
}

/**
 * The schedule's status for the current user.
 *
 * @example
 * scheduleStatus(SpreadsheetApp.getActiveSpreadsheet()).on; // true once installed
 */
export function scheduleStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ScheduleStatus {
  const state = readSpreadsheetState(ss);
  const settings = settingsOf(state);
  return statusOf(scheduleRecordOf(state), Session.getTemporaryActiveUserKey(), Date.now(), {
    day: settings.scheduleDay,
    hour: settings.scheduleHour,
  });
}

function deleteMyTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const properties = PropertiesService.getUserProperties();
  for (const trigger of ScriptApp.getUserTriggers(ss)) {
    if (trigger.getHandlerFunction() !== SCHEDULE_HANDLER) continue;
    const uid = trigger.getUniqueId();
    ScriptApp.deleteTrigger(trigger);
    properties.deleteProperty(SCHEDULED_SPREADSHEET_PREFIX + uid);
  }
}

/**
 * Turns the schedule on for the current user (or takes it over when the
 * other editor's schedule is overdue). Guarded like every writing action.
 *
 * @example
 * installSchedule(SpreadsheetApp.getActiveSpreadsheet()); // { ok: true, status: { on: true, mine: true, ... } }
 */
export function installSchedule(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ScheduleChange {
  return underScheduleGuard(ss, ({ me, now, at, current, state }) => {
    if (current.on && !current.mine && !current.overdue)
      return { ok: false, reason: "owned_by_another_editor", status: current };
    deleteMyTriggers(ss);
    const trigger = ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().everyHours(SCHEDULE_EVERY_HOURS).create();
    const uid = trigger.getUniqueId();
    PropertiesService.getUserProperties().setProperty(SCHEDULED_SPREADSHEET_PREFIX + uid, ss.getId());
    const record: ScheduleRecord = { owner: me, trigger: uid, installed: now, beat: null };
    writeStateEntry(ss, state, "schedule", record);
    logEvent({ event: "schedule_on", trigger: uid, takeover: current.on && !current.mine });
    return { ok: true, status: statusOf(record, me, now, at) };
  });
}

/**
 * Turns the schedule off: deletes the current user's trigger for this
 * spreadsheet and clears the record when it was theirs. Another editor's
 * schedule can only be taken over (when overdue), not turned off.
 *
 * @example
 * removeSchedule(SpreadsheetApp.getActiveSpreadsheet()).status.on; // false
 */
export function removeSchedule(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ScheduleChange {
  return underScheduleGuard(ss, ({ me, now, at, current, record, state }) => {
    if (current.on && !current.mine && !current.overdue)
      return { ok: false, reason: "owned_by_another_editor", status: current };
    deleteMyTriggers(ss);
    if (record)
      writeStateEntry(ss, state, "schedule", {
        owner: "",
        trigger: "",
        installed: record.installed,
        beat: record.beat,
      });
    logEvent({ event: "schedule_off" });
    return { ok: true, status: statusOf(null, me, now, at) };
  });
}

interface ScheduleActionContext {
  me: string;
  now: number;
  at: { day: number; hour: number };
  record: ScheduleRecord | null;
  current: ScheduleStatus;
  state: SpreadsheetState;
}

/** Runs a schedule change under the run guard, refusing it while a run holds the spreadsheet. */
function underScheduleGuard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  change: (context: ScheduleActionContext) => ScheduleChange,
): ScheduleChange {
  const now = Date.now();
  const me = Session.getTemporaryActiveUserKey();
  const guard = acquireLease(ss, newRunId(now), now);
  const state = guard.state ?? readSpreadsheetState(ss);
  const settings = settingsOf(state);
  const at = { day: settings.scheduleDay, hour: settings.scheduleHour };
  const record = scheduleRecordOf(state);
  const current = statusOf(record, me, now, at);
  if (!guard.ok) return { ok: false, reason: "already_running", status: current };
  try {
    return change({ me, now, at, record, current, state: guard.state });
  } finally {
    releaseLease(ss, guard.state);
  }
}

function deleteTriggerById(uid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === uid) ScriptApp.deleteTrigger(trigger);
  }
  PropertiesService.getUserProperties().deleteProperty(SCHEDULED_SPREADSHEET_PREFIX + uid);
}

/**
 * The time-driven trigger's handler: opens the recorded spreadsheet (no
 * active spreadsheet, document lock or document properties here), writes the
 * heartbeat, and recalculates only when something is due or a checkpoint is
 * pending. Opens no other file.
 *
 * @example
 * runScheduledFiring({ triggerUid: "7000000001" }); // null when idle
 */
function runScheduledFiring(event: { triggerUid?: string } | undefined): RunSummary | null {
  const uid = event && typeof event.triggerUid === "string" ? event.triggerUid : "";
  const spreadsheetId = uid
    ? PropertiesService.getUserProperties().getProperty(SCHEDULED_SPREADSHEET_PREFIX + uid)
    : null;
  if (!spreadsheetId) {
    if (uid) deleteTriggerById(uid);
    logEvent({ event: "schedule_orphan", trigger: uid });
    return null;
  }
  const ss = SpreadsheetApp.openById(spreadsheetId);
  const state = readSpreadsheetState(ss);
  const record = scheduleRecordOf(state);
  if (!record || record.trigger !== uid) {
    deleteTriggerById(uid);
    logEvent({ event: "schedule_superseded", trigger: uid });
    return null;
  }
  const now = Date.now();
  writeStateEntry(ss, state, "schedule", { ...record, beat: now });
  const settings = settingsOf(state);
  const runState = runStateOf(state.run);
  const wall = makeWallClock(ss.getSpreadsheetTimeZone())(now);
  const due = hasDueWork({
    startMonth: settings.startPeriod || runState.start,
    now: wall,
    at: { day: settings.scheduleDay, hour: settings.scheduleHour },
    final: new Set(Object.keys(runState.final)),
    fyStart: runState.fy,
    pending: runState.pending,
    // A firing never approves: a month awaiting approval is recomputed like a provisional one (approval.ts).
    awaiting: new Set(runState.awaiting ?? []),
  });
  if (!due) {
    // Statement work left by an earlier run continues on its own (no recalculation is due).
    if (statementsPending(state)) runStatements(ss, "schedule", "continue");
    return null;
  }
  return recalculate({ ss, startedBy: "schedule", finality: "schedule" });
}

/**
 * The trigger's global handler (the name the trigger was created with).
 *
 * @example
 * onScheduledRun({ triggerUid: "7000000001" } as GoogleAppsScript.Events.TimeDriven);
 */
export function onScheduledRun(e?: GoogleAppsScript.Events.TimeDriven): void {
  runScheduledFiring(e as { triggerUid?: string } | undefined);
}
