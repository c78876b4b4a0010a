/**
 * The Setup view: whether the input sheets exist (and a button creating the
 * missing templates), the schedule (on or off, owner "you" or "another
 * editor", day and hour, last run), "Recalculate now", "Restate period",
 * the latest input problems and the Run log's latest rows. Each action
 * calls the same server function the menu does; its outcome stays at the
 * top of the view (and takes the focus) while the view reloads.
 */
import type { App, View } from "./app-state";
import { el, field, replaceChildren, selectBox } from "./dom";
import { problemSection } from "./problem-list";
import { callServer } from "./server-calls";
import type { ActionResult, ScheduleView, SetupView } from "./sidebar-api";
import { t } from "./ui-text";
import { createLoader, runAction } from "./view-status";
import { seconds, whole } from "./value-format";

/** Run outcomes that are not a success for the person who asked. */
const WARNING_OUTCOMES = new Set(["already running", "failed"]);

/**
 * How an action's result is shown.
 *
 * @example
 * describeResult({ outcome: "failed", message: "The run failed (Error)" }).ok; // false
 */
export function describeResult(result: ActionResult): { text: string; ok: boolean } {
  return { text: result.message, ok: !WARNING_OUTCOMES.has(result.outcome) };
}

/**
 * Creates the Setup view.
 *
 * @example
 * const setup = createSetupView(app);
 * setup.show();
 */
export function createSetupView(app: App): View {
  const panel = el("section", { class: "view setup-view" });
  const actionStatus = el("div", { class: "status action-status", tabindex: "-1" });
  const content = el("div", { class: "content" });
  panel.append(actionStatus, content);
  let loadedKey = "";
  const load = createLoader(content, () => {
    loadedKey = "";
  });

  const show = () => {
    const key = String(app.state.version);
    if (key === loadedKey) return;
    loadedKey = key;
    load(() => callServer("sidebarSetup"), render);
  };

  /** Runs an action, then reloads every view's data and this view. */
  const act = (button: HTMLButtonElement, action: () => Promise<ActionResult>) =>
    runAction(button, actionStatus, action, describeResult, () => {
      app.sheetsChanged();
      show();
      actionStatus.focus();
    });

  function render(setup: SetupView): void {
    app.setLanguage(setup.language);
    loadedKey = String(app.state.version);
    content.append(
      sheetsSection(setup),
      scheduleSection(setup.schedule, setup.timeZone),
      recalculateSection(setup),
      restateSection(setup),
      problemSection(setup.problems),
      runLogSection(setup),
    );
  }

  function sheetsSection(setup: SetupView): HTMLElement {
    const button = el("button", { type: "button", class: setup.setUp ? "secondary" : "primary" }, t("createSheets"));
    button.addEventListener("click", () => act(button, () => callServer("sidebarSetUpSheets")));
    return el(
      "section",
      { class: "card" },
      el("h3", {}, t("sheets")),
      el("p", {}, t(setup.setUp ? "setUpDone" : "setUpNeeded")),
      el(
        "ul",
        { class: "sheet-list" },
        ...setup.inputSheets.map((sheet) =>
          el(
            "li",
            { class: sheet.exists ? "present" : "missing" },
            el("span", { "aria-hidden": "true" }, sheet.exists ? "✓ " : "✗ "),
            el("span", { class: "sheet-name", title: sheet.name }, sheet.name),
            " — " + t(sheet.exists ? "sheetExists" : "sheetMissing"),
          ),
        ),
      ),
      button,
    );
  }

  function scheduleSection(schedule: ScheduleView, timeZone: string): HTMLElement {
    const stateText = !schedule.on ? t("scheduleOff") : schedule.owner === "you" ? t("scheduleOnYou") : t("scheduleOnOther");
    const day = el("input", { type: "number", min: 1, max: 28, step: 1, inputmode: "numeric", value: schedule.day, disabled: !schedule.canChange });
    let hour = schedule.hour;
    const hourPicker = selectBox({ disabled: !schedule.canChange }, Array.from({ length: 24 }, (_, h) => [String(h), String(h).padStart(2, "0") + ":00"] as const), String(schedule.hour), (value) => {
      hour = Number(value);
    });
    const request = (on: boolean) => {
      const typed = Number(day.value);
      return Number.isInteger(typed) ? { on, day: typed, hour } : { on, hour };
    };
    const buttons: HTMLButtonElement[] = [];
    const addButton = (label: string, on: boolean, primary: boolean) => {
      const button = el("button", { type: "button", class: primary ? "primary" : "secondary", disabled: !schedule.canChange }, label);
      button.addEventListener("click", () => act(button, () => callServer("sidebarSchedule", request(on))));
      buttons.push(button);
    };
    if (!schedule.on) addButton(t("turnOn"), true, true);
    else if (schedule.owner === "you") {
      addButton(t("updateTime"), true, false);
      addButton(t("turnOff"), false, false);
    } else if (schedule.canChange) addButton(t("takeOver"), true, true);
    return el(
      "section",
      { class: "card" },
      el("h3", {}, t("schedule")),
      el("p", {}, stateText + " " + (schedule.lastRun ? t("scheduleLast", { when: schedule.lastRun }) : schedule.on ? t("scheduleNever") : "")),
      schedule.on && schedule.owner === "another editor" ? el("p", { class: "muted" }, t(schedule.overdue ? "scheduleOverdue" : "scheduleOtherHint")) : null,
      el("p", { class: "muted" }, t("scheduleWhen", { day: schedule.day, hour: schedule.hour, zone: timeZone })),
      el("div", { class: "inline-fields" }, field(t("day"), day), field(t("hour"), hourPicker)),
      el("div", { class: "actions" }, ...buttons),
    );
  }

  function recalculateSection(setup: SetupView): HTMLElement {
    const button = el("button", { type: "button", class: "primary" }, t("recalculate"));
    button.addEventListener("click", () => act(button, () => callServer("sidebarRecalculate")));
    return el(
      "section",
      { class: "card" },
      el("h3", {}, t("recalculate")),
      el("p", {}, setup.lastRun ? t("lastRun", { when: setup.lastRun }) : t("neverRun")),
      setup.changedFinal.length > 0 ? el("p", { class: "notice warn" }, t("changedFinal", { periods: setup.changedFinal.join(", ") })) : null,
      button,
    );
  }

  function restateSection(setup: SetupView): HTMLElement {
    if (setup.finalPeriods.length === 0) return el("section", { class: "card" }, el("h3", {}, t("restate")), el("p", { class: "muted" }, t("noFinal")));
    let period = setup.changedFinal.find((p) => setup.finalPeriods.includes(p)) ?? setup.finalPeriods[0];
    const picker = selectBox({}, setup.finalPeriods.map((p) => [p, p] as const), period, (value) => {
      period = value;
    });
    const button = el("button", { type: "button", class: "secondary" }, t("restate"));
    button.addEventListener("click", () => act(button, () => callServer("sidebarRestate", { period })));
    return el("section", { class: "card" }, el("h3", {}, t("restate")), el("p", { class: "muted" }, t("restateHint")), field(t("period"), picker), button);
  }

  function runLogSection(setup: SetupView): HTMLElement {
    return el(
      "section",
      {},
      el("h3", {}, t("runLog")),
      setup.runLog.length === 0
        ? el("p", { class: "muted" }, t("runLogEmpty"))
        : el(
            "ul",
            { class: "run-log" },
            ...setup.runLog.map((line) =>
              el(
                "li",
                {},
                el("span", { class: "run-head" }, el("strong", {}, line.when), " · " + line.startedBy + " · " + line.outcome),
                el("span", { class: "sub" }, t("runLogLine", { rows: whole(line.rowsWritten), problems: whole(line.problems), seconds: seconds(line.seconds) })),
                line.periods ? el("span", { class: "sub periods", title: line.periods }, line.periods) : null,
              ),
            ),
          ),
    );
  }

  replaceChildren(actionStatus);
  return { panel, show };
}
