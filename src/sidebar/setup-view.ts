/**
 * The Setup view: whether the input sheets exist (and a button creating the
 * missing templates), the schedule (on or off, owner "you" or "another
 * editor", day and hour, last run), "Recalculate now", "Restate period",
 * the latest input problems, the Run log's latest rows, the Columns (which
 * column holds each field, the date order, the stage words; see
 * columns-section.ts), "Fill Targets from history", and the Settings
 * (sheet names, language, start period). Each action calls the same server
 * function the menu does; its outcome stays at the top of the view (and
 * takes the focus) while the view reloads. A settings save that is refused
 * says why beside the form, which keeps what was typed.
 */
import type { App, View } from "./app-state";
import { card, foldingCard } from "./card";
import { columnsForm, fillTargetsForm, needsColumns } from "./columns-section";
import { el, field, replaceChildren, selectBox, uniqueId } from "./dom";
import { problemSection } from "./problem-list";
import { type SalesSourceFields, sameSalesSource, salesSourceFields } from "./sales-source-fields";
import { callServer } from "./server-calls";
import type {
  ActionResult,
  ColumnsView,
  LanguageSetting,
  ScheduleView,
  SettingsValues,
  SettingsView,
  SetupView,
  SheetNameField,
} from "./sidebar-api";
import { t } from "./ui-text";
import { runAction } from "./view-status";
import { showWhenChanged } from "./view-shell";
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

/** The Settings form's controls. */
interface SettingsControls {
  names: Map<SheetNameField["role"], HTMLInputElement>;
  language: HTMLSelectElement;
  startPeriod: HTMLInputElement;
  salesSource: SalesSourceFields;
}

/**
 * What the Settings form holds now, as the save call takes it.
 *
 * @example
 * typedSettings(controls); // { sheets: { reps: "Reps", sales: "Deals", ... }, language: "auto", startPeriod: "" }
 */
function typedSettings(controls: SettingsControls): SettingsValues {
  const sheets = Object.fromEntries(
    [...controls.names].map(([role, input]) => [role, input.value]),
  ) as SettingsValues["sheets"];
  return {
    sheets,
    language: controls.language.value as LanguageSetting,
    startPeriod: controls.startPeriod.value,
    salesSource: controls.salesSource.value(),
  };
}

function fillSettings(controls: SettingsControls, values: SettingsValues): void {
  for (const [role, input] of controls.names) input.value = values.sheets[role];
  controls.language.value = values.language;
  controls.startPeriod.value = values.startPeriod;
  controls.salesSource.fill(values.salesSource);
}

/**
 * Whether two sets of settings are the same once trimmed, as the server
 * stores them (so a stray space is not an unsaved change).
 *
 * @example
 * sameSettings({ ...saved, startPeriod: " 2026-01 " }, { ...saved, startPeriod: "2026-01" }); // true
 *
 * @internal Exported only for test/sidebar/sidebar-settings.test.ts, which checks it directly; the code uses it inside
 * this file.
 */
export function sameSettings(a: SettingsValues, b: SettingsValues): boolean {
  const roles = new Set([...Object.keys(a.sheets), ...Object.keys(b.sheets)]) as Set<keyof SettingsValues["sheets"]>;
  return (
    a.language === b.language &&
    a.startPeriod.trim() === b.startPeriod.trim() &&
    sameSalesSource(a.salesSource, b.salesSource) &&
    [...roles].every((role) => (a.sheets[role] ?? "").trim() === (b.sheets[role] ?? "").trim())
  );
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
  // The Settings and Columns sections stay open across the reload that follows a save.
  const openCards = { settings: false, columns: false };

  const show = showWhenChanged(
    content,
    () => String(app.state.version),
    () => callServer("sidebarSetup"),
    render,
  );

  /** Runs an action, then reloads every view's data and this view. */
  const act = (button: HTMLButtonElement, action: () => Promise<ActionResult>) =>
    runAction(button, actionStatus, action, describeResult, () => {
      app.sheetsChanged();
      show();
      actionStatus.focus();
    });

  function render(setup: SetupView): void {
    app.setLanguage(setup.language);
    content.append(
      sheetsSection(setup),
      columnsSection(setup.columns),
      scheduleSection(setup.schedule, setup.timeZone),
      recalculateSection(setup),
      statementsSection(),
      restateSection(setup),
      fillTargetsSection(setup),
      problemSection(setup.problems),
      runLogSection(setup),
      settingsSection(setup.settings),
    );
  }

  function sheetsSection(setup: SetupView): HTMLElement {
    const button = el("button", { type: "button", class: setup.setUp ? "secondary" : "primary" }, t("createSheets"));
    button.addEventListener("click", () => act(button, () => callServer("sidebarSetUpSheets")));
    return card(
      {},
      t("sheets"),
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
    const stateText = !schedule.on
      ? t("scheduleOff")
      : schedule.owner === "you"
        ? t("scheduleOnYou")
        : t("scheduleOnOther");
    const day = el("input", {
      type: "number",
      min: 1,
      max: 28,
      step: 1,
      inputmode: "numeric",
      value: schedule.day,
      disabled: !schedule.canChange,
    });
    let hour = schedule.hour;
    const hourPicker = selectBox(
      { disabled: !schedule.canChange },
      Array.from({ length: 24 }, (_, h) => [String(h), String(h).padStart(2, "0") + ":00"] as const),
      String(schedule.hour),
      (value) => {
        hour = Number(value);
      },
    );
    const request = (on: boolean) => {
      const typed = Number(day.value);
      return Number.isInteger(typed) ? { on, day: typed, hour } : { on, hour };
    };
    const buttons: HTMLButtonElement[] = [];
    const addButton = (label: string, on: boolean, primary: boolean) => {
      const button = el(
        "button",
        { type: "button", class: primary ? "primary" : "secondary", disabled: !schedule.canChange },
        label,
      );
      button.addEventListener("click", () => act(button, () => callServer("sidebarSchedule", request(on))));
      buttons.push(button);
    };
    if (!schedule.on) addButton(t("turnOn"), true, true);
    else if (schedule.owner === "you") {
      addButton(t("updateTime"), true, false);
      addButton(t("turnOff"), false, false);
    } else if (schedule.canChange) addButton(t("takeOver"), true, true);
    return card(
      {},
      t("schedule"),
      el(
        "p",
        {},
        stateText +
          " " +
          (schedule.lastRun ? t("scheduleLast", { when: schedule.lastRun }) : schedule.on ? t("scheduleNever") : ""),
      ),
      schedule.on && schedule.owner === "another editor"
        ? el("p", { class: "muted" }, t(schedule.overdue ? "scheduleOverdue" : "scheduleOtherHint"))
        : null,
      el("p", { class: "muted" }, t("scheduleWhen", { day: schedule.day, hour: schedule.hour, zone: timeZone })),
      el("div", { class: "inline-fields" }, field(t("day"), day), field(t("hour"), hourPicker)),
      el("div", { class: "actions" }, ...buttons),
    );
  }

  function recalculateSection(setup: SetupView): HTMLElement {
    const button = el("button", { type: "button", class: "primary" }, t("recalculate"));
    button.addEventListener("click", () => act(button, () => callServer("sidebarRecalculate")));
    return card(
      {},
      t("recalculate"),
      el("p", {}, setup.lastRun ? t("lastRun", { when: setup.lastRun }) : t("neverRun")),
      setup.changedFinal.length > 0
        ? el("p", { class: "notice warn" }, t("changedFinal", { periods: setup.changedFinal.join(", ") }))
        : null,
      button,
    );
  }

  function statementsSection(): HTMLElement {
    const button = el("button", { type: "button" }, t("shareStatements"));
    button.addEventListener("click", () => act(button, () => callServer("sidebarShareStatements")));
    return card({}, t("shareStatements"), el("p", { class: "muted" }, t("shareStatementsHint")), button);
  }

  function restateSection(setup: SetupView): HTMLElement {
    if (setup.finalPeriods.length === 0) return card({}, t("restate"), el("p", { class: "muted" }, t("noFinal")));
    let period = setup.changedFinal.find((p) => setup.finalPeriods.includes(p)) ?? setup.finalPeriods[0];
    const picker = selectBox(
      {},
      setup.finalPeriods.map((p) => [p, p] as const),
      period,
      (value) => {
        period = value;
      },
    );
    const button = el("button", { type: "button", class: "secondary" }, t("restate"));
    button.addEventListener("click", () => act(button, () => callServer("sidebarRestate", { period })));
    return card({}, t("restate"), el("p", { class: "muted" }, t("restateHint")), field(t("period"), picker), button);
  }

  function columnsSection(columns: ColumnsView): HTMLElement {
    // Saved columns are what the runs read from now on.
    const form = columnsForm(columns, (request, button, status) =>
      saveAndReload("columns", button, status, () => callServer("sidebarSaveColumns", request)),
    );
    const open = openCards.columns || needsColumns(columns);
    return foldingCard("columns", t("columns"), open, (isOpen) => (openCards.columns = isOpen), form);
  }

  /**
   * Saves a folding card's form: a refusal stays beside the form, a success goes to the top like every action's,
   * the card stays open and the view reloads.
   */
  function saveAndReload(
    which: keyof typeof openCards,
    button: HTMLButtonElement,
    status: HTMLElement,
    save: () => Promise<ActionResult>,
  ): void {
    runAction(button, status, save, describeResult, (result) => {
      replaceChildren(actionStatus, el("p", { role: "status", class: "notice ok" }, result.message));
      openCards[which] = true;
      app.sheetsChanged();
      show();
      actionStatus.focus();
    });
  }

  function fillTargetsSection(setup: SetupView): HTMLElement {
    const form = fillTargetsForm(setup.fillTargets, (request, button) =>
      act(button, () => callServer("sidebarFillTargets", request)),
    );
    return card({ class: "fill-targets" }, t("fillTargets"), form);
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
                el(
                  "span",
                  { class: "run-head" },
                  el("strong", {}, line.when),
                  " · " + line.startedBy + " · " + line.outcome,
                ),
                el(
                  "span",
                  { class: "sub" },
                  t("runLogLine", {
                    rows: whole(line.rowsWritten),
                    problems: whole(line.problems),
                    seconds: seconds(line.seconds),
                  }),
                ),
                line.periods ? el("span", { class: "sub periods", title: line.periods }, line.periods) : null,
              ),
            ),
          ),
    );
  }

  function settingsSection(settings: SettingsView): HTMLElement {
    const controls: SettingsControls = {
      names: new Map(),
      language: selectBox(
        {},
        [
          ["auto", t("languageAuto")],
          ["en", t("english")],
          ["zh", t("chinese")],
        ],
        settings.current.language,
        () => markDirty(),
      ),
      startPeriod: el("input", {
        type: "text",
        inputmode: "numeric",
        placeholder: "2026-01",
        maxlength: 16,
        autocomplete: "off",
        spellcheck: "false",
      }),
      salesSource: salesSourceFields(() => markDirty()),
    };
    const nameFields = (output: boolean) =>
      settings.fields
        .filter((f) => f.output === output)
        .map((f) => {
          const input = el("input", {
            type: "text",
            maxlength: 100,
            autocomplete: "off",
            spellcheck: "false",
            "data-role": f.role,
          });
          controls.names.set(f.role, input);
          return field(f.label, input);
        });
    const readsSet = el("fieldset", {}, el("legend", {}, t("inputSheetsLegend")), ...nameFields(false));
    const writesSet = el("fieldset", {}, el("legend", {}, t("outputSheetsLegend")), ...nameFields(true));
    fillSettings(controls, settings.current);

    const status = el("div", { class: "status", "aria-live": "polite" });
    const dirtyNote = el("span", { class: "dirty muted", "aria-live": "polite" });
    const markDirty = () => {
      dirtyNote.textContent = sameSettings(typedSettings(controls), settings.current) ? "" : t("unsaved");
    };
    const save = el("button", { type: "submit", class: "primary" }, t("saveSettings"));
    const reset = el("button", { type: "button", class: "secondary" }, t("resetDefaults"));
    reset.addEventListener("click", () => {
      fillSettings(controls, settings.defaults);
      markDirty();
      replaceChildren(status, el("p", { role: "status", class: "notice" }, t("defaultsFilled")));
    });

    const hintId = uniqueId("start-period-hint");
    controls.startPeriod.setAttribute("aria-describedby", hintId);
    const form = el(
      "form",
      { novalidate: true, class: "settings-form" },
      el("p", { class: "muted" }, t("settingsHint")),
      readsSet,
      controls.salesSource.element,
      writesSet,
      el("p", { class: "muted" }, t("renameHint")),
      field(t("languageSetting"), controls.language),
      field(t("startPeriod"), controls.startPeriod),
      el("p", { class: "muted hint", id: hintId }, t("startPeriodHint")),
      el("div", { class: "actions" }, save, reset),
      el("p", {}, dirtyNote),
      status,
    );
    form.addEventListener("input", markDirty);
    // Enter in any field saves, as Save does; a second Enter while saving is ignored.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!save.disabled)
        saveAndReload("settings", save, status, () => callServer("sidebarSaveSettings", typedSettings(controls)));
    });

    return foldingCard("settings", t("settings"), openCards.settings, (isOpen) => (openCards.settings = isOpen), form);
  }

  replaceChildren(actionStatus);
  return { panel, show };
}
