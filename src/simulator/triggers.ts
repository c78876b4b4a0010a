/**
 * ScriptApp: enums, installable triggers and the add-on trigger rules (one
 * trigger of each event type per user per document; 20 per user per script;
 * time-driven at most hourly).
 */
import { type Execution, type ServiceKinds, unwrapService } from "./execution";
import { AUTHORIZATION_STATUS, AuthorizationInfoFacade, requireScopes } from "./oauth-scopes";
import { dateMs, isDateLike } from "./realm";
import { isValidTimeZone } from "./time-zone";
import { enumOf } from "./service-enum";
import { signatureError } from "./signature-error";

/** An installable trigger. */
export interface TriggerModel {
  uid: string;
  handler: string;
  eventType: "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";
  source: "CLOCK" | "SPREADSHEETS";
  sourceId: string | null;
  user: string;
  /** The spreadsheet the trigger was created from (time-driven) or for (spreadsheet triggers). */
  documentId: string | null;
  schedule: Record<string, string | number>;
  createdAt: number;
}

/** Most installable triggers one user may have in one script. */
const MAX_TRIGGERS_PER_USER = 20;
/** Apps Script's message past {@link MAX_TRIGGERS_PER_USER}. */
const TOO_MANY_TRIGGERS_MESSAGE =
  "This script has too many triggers. Triggers must be deleted from the script before more can be added.";
/** The add-on message for a second time-driven trigger of a user in a document. */
const ADDON_CLOCK_TRIGGER_MESSAGE =
  "This add-on has created too many time-based triggers in this document for this Google Account user.";

/**
 * Installed triggers of the simulated script.
 *
 * @example
 * sim.triggers.list.filter((t) => t.eventType === "CLOCK");
 */
export class TriggerState {
  list: TriggerModel[] = [];
  private next = 1;

  /** A new unique id (numeric string, as Apps Script's). */
  nextUid(): string {
    return String(7_000_000_000 + this.next++);
  }

  /** The trigger with this id, or undefined. */
  byUid(uid: string): TriggerModel | undefined {
    return this.list.find((t) => t.uid === uid);
  }
}

/** ScriptApp.AuthMode. */
const AUTH_MODE = enumOf("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");
/** ScriptApp.TriggerSource. */
const TRIGGER_SOURCE = enumOf("SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR");
/** ScriptApp.EventType. */
const EVENT_TYPE = enumOf("CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE", "ON_EVENT_UPDATED");
/** ScriptApp.WeekDay. */
const WEEK_DAY = enumOf("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

const TRIGGER_KINDS: ServiceKinds = {};
const BUILDER_KINDS: ServiceKinds = { create: "write" };
const SCRIPT_APP_KINDS: ServiceKinds = { deleteTrigger: "write", getProjectTriggers: "read", getUserTriggers: "read" };

/**
 * A Trigger as the script sees it.
 *
 * @example
 * ScriptApp.getProjectTriggers()[0].getHandlerFunction(); // "onSchedule"
 */
export class TriggerFacade {
  constructor(readonly _model: TriggerModel) {}

  getUniqueId(): string {
    return this._model.uid;
  }
  getHandlerFunction(): string {
    return this._model.handler;
  }
  getEventType(): string {
    return this._model.eventType;
  }
  getTriggerSource(): string {
    return this._model.source;
  }
  getTriggerSourceId(): string | null {
    return this._model.sourceId;
  }
}

function intArg(value: unknown, method: string, allowed?: readonly number[], min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isInteger(value))
    throw signatureError(`ScriptApp.ClockTriggerBuilder.${method}`, typeof value);
  if ((allowed && !allowed.includes(value)) || value < min || value > max) {
    throw new Error(`Invalid argument: ${method}(${value})${allowed ? `: must be one of ${allowed.join(", ")}` : ""}`);
  }
  return value;
}

/** Records a new trigger after enforcing the limits. */
function install(x: Execution, model: Omit<TriggerModel, "uid" | "user" | "createdAt">): TriggerFacade {
  const { sim } = x;
  const user = x.context.user;
  const mine = sim.triggers.list.filter((t) => t.user === user);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
  if (sim.options.addOn && model.documentId !== null) {
    const same = mine.filter((t) => t.documentId === model.documentId && t.eventType === model.eventType);
    if (same.length > 0) {
      throw new Error(
        model.eventType === "CLOCK"
          ? ADDON_CLOCK_TRIGGER_MESSAGE
          : `This add-on has created too many ${model.eventType} triggers in this document for this Google Account user.`,
      );
    }
  }
  const full: TriggerModel = { ...model, uid: sim.triggers.nextUid(), user, createdAt: sim.clock.now() };
  sim.triggers.list.push(full);
  return x.expose("Trigger", new TriggerFacade(full), TRIGGER_KINDS);
}

/**
 * ClockTriggerBuilder.
 *
 * @example
 * ScriptApp.newTrigger("onSchedule").timeBased().everyHours(1).create();
 */
export class ClockTriggerBuilderFacade {
  _schedule: Record<string, string | number> = {};

  constructor(
    readonly _x: Execution,
    readonly _handler: string,
  ) {}

  _set(key: string, value: string | number): this {
    this._schedule[key] = value;
    return this._x.expose("ClockTriggerBuilder", this, BUILDER_KINDS);
  }

  everyMinutes(n: unknown): this {
    return this._set("everyMinutes", intArg(n, "everyMinutes", [1, 5, 10, 15, 30]));
  }
  everyHours(n: unknown): this {
    return this._set("everyHours", intArg(n, "everyHours", [1, 2, 4, 6, 8, 12]));
  }
  everyDays(n: unknown): this {
    return this._set("everyDays", intArg(n, "everyDays", undefined, 1));
  }
  everyWeeks(n: unknown): this {
    return this._set("everyWeeks", intArg(n, "everyWeeks", undefined, 1));
  }
  atHour(hour: unknown): this {
    return this._set("atHour", intArg(hour, "atHour", undefined, 0, 23));
  }
  nearMinute(minute: unknown): this {
    return this._set("nearMinute", intArg(minute, "nearMinute", undefined, 0, 59));
  }
  onMonthDay(day: unknown): this {
    return this._set("onMonthDay", intArg(day, "onMonthDay", undefined, 1, 31));
  }
  onWeekDay(day: unknown): this {
    if (typeof day !== "string" || !(day in WEEK_DAY)) throw new Error("Invalid argument: onWeekDay");
    return this._set("onWeekDay", day);
  }
  inTimezone(timeZone: unknown): this {
    if (!isValidTimeZone(timeZone)) throw new Error(`Invalid argument: timezone`);
    return this._set("timezone", timeZone);
  }
  at(date: unknown): this {
    if (!isDateLike(date)) throw signatureError("ScriptApp.ClockTriggerBuilder.at");
    return this._set("at", dateMs(date));
  }
  after(ms: unknown): this {
    return this._set("after", intArg(ms, "after", undefined, 0));
  }
  atDate(year: unknown, month: unknown, day: unknown): this {
    this._set("atDateYear", intArg(year, "atDate"));
    this._set("atDateMonth", intArg(month, "atDate", undefined, 1, 12));
    return this._set("atDateDay", intArg(day, "atDate", undefined, 1, 31));
  }
  create(): TriggerFacade {
    const s = this._schedule;
    const recurring = ["everyMinutes", "everyHours", "everyDays", "everyWeeks", "onMonthDay", "onWeekDay"].some(
      (k) => k in s,
    );
    const once = "at" in s || "after" in s || "atDateYear" in s;
    if (!recurring && !once)
      throw new Error("Missing a frequency: call everyHours(), everyDays(), at(), after() or similar before create().");
    if (this._x.sim.options.addOn && "everyMinutes" in s) {
      throw new Error("Add-ons may not create time-driven triggers that run more often than once per hour.");
    }
    return install(this._x, {
      handler: this._handler,
      eventType: "CLOCK",
      source: "CLOCK",
      sourceId: null,
      documentId: this._x.sim.documentIdOf(this._x) ?? this._x.sim.triggerDocumentOf(this._x),
      schedule: { ...s },
    });
  }
}

/**
 * SpreadsheetTriggerBuilder.
 *
 * @example
 * ScriptApp.newTrigger("onEditHandler").forSpreadsheet(ss).onEdit().create();
 */
export class SpreadsheetTriggerBuilderFacade {
  _event: TriggerModel["eventType"] | null = null;

  constructor(
    readonly _x: Execution,
    readonly _handler: string,
    readonly _documentId: string,
  ) {}

  _on(event: TriggerModel["eventType"]): this {
    this._event = event;
    return this._x.expose("SpreadsheetTriggerBuilder", this, BUILDER_KINDS);
  }

  onOpen(): this {
    return this._on("ON_OPEN");
  }
  onEdit(): this {
    return this._on("ON_EDIT");
  }
  onChange(): this {
    return this._on("ON_CHANGE");
  }
  onFormSubmit(): this {
    return this._on("ON_FORM_SUBMIT");
  }
  create(): TriggerFacade {
    if (!this._event)
      throw new Error("Missing an event type: call onOpen(), onEdit(), onChange() or onFormSubmit() before create().");
    return install(this._x, {
      handler: this._handler,
      eventType: this._event,
      source: "SPREADSHEETS",
      sourceId: this._documentId,
      documentId: this._documentId,
      schedule: {},
    });
  }
}

/**
 * TriggerBuilder (from ScriptApp.newTrigger).
 *
 * @example
 * ScriptApp.newTrigger("run").timeBased();
 */
export class TriggerBuilderFacade {
  constructor(
    readonly _x: Execution,
    readonly _handler: string,
  ) {}

  timeBased(): ClockTriggerBuilderFacade {
    return this._x.expose("ClockTriggerBuilder", new ClockTriggerBuilderFacade(this._x, this._handler), BUILDER_KINDS);
  }
  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilderFacade {
    const id =
      typeof spreadsheet === "string" ? spreadsheet : (spreadsheet as { getId?: () => string } | null)?.getId?.();
    if (typeof id !== "string" || id !== this._x.sim.spreadsheet.id) throw new Error("Invalid argument: spreadsheet");
    return this._x.expose(
      "SpreadsheetTriggerBuilder",
      new SpreadsheetTriggerBuilderFacade(this._x, this._handler, id),
      BUILDER_KINDS,
    );
  }
}

/**
 * ScriptApp.
 *
 * @example
 * ScriptApp.getProjectTriggers().forEach((t) => ScriptApp.deleteTrigger(t));
 */
export class ScriptAppFacade {
  readonly AuthMode = AUTH_MODE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly EventType = EVENT_TYPE;
  readonly WeekDay = WEEK_DAY;
  readonly AuthorizationStatus = AUTHORIZATION_STATUS;

  constructor(readonly _x: Execution) {}

  _expose(model: TriggerModel): TriggerFacade {
    return this._x.expose("Trigger", new TriggerFacade(model), TRIGGER_KINDS);
  }

  getProjectTriggers(): TriggerFacade[] {
    return this._x.sim.triggers.list.filter((t) => t.user === this._x.context.user).map((t) => this._expose(t));
  }
  getUserTriggers(spreadsheet: unknown): TriggerFacade[] {
    const id = (spreadsheet as { getId?: () => string } | null)?.getId?.();
    return this._x.sim.triggers.list
      .filter((t) => t.user === this._x.context.user && t.documentId === id)
      .map((t) => this._expose(t));
  }
  newTrigger(functionName: unknown): TriggerBuilderFacade {
    if (typeof functionName !== "string" || functionName === "") throw new Error("Invalid argument: functionName");
    return this._x.expose("TriggerBuilder", new TriggerBuilderFacade(this._x, functionName));
  }
  deleteTrigger(trigger: unknown): void {
    const facade = unwrapService(trigger, TriggerFacade);
    if (!facade) throw signatureError("ScriptApp.deleteTrigger");
    const { triggers } = this._x.sim;
    triggers.list = triggers.list.filter((t) => !(t.uid === facade._model.uid && t.user === this._x.context.user));
  }
  getScriptId(): string {
    return this._x.sim.options.scriptId;
  }
  /** Granular consent (oauth-scopes.ts): ends the execution with a consent prompt when a scope is missing. */
  requireScopes(_authMode: unknown, scopes: unknown): void {
    requireScopes(this._x, scopes);
  }
  getAuthorizationInfo(_authMode: unknown, scopes?: unknown): AuthorizationInfoFacade {
    return this._x.expose("AuthorizationInfo", new AuthorizationInfoFacade(this._x, scopes));
  }
}

export { SCRIPT_APP_KINDS };
