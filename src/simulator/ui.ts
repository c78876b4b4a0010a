/**
 * The spreadsheet Ui: menus, sidebars, dialogs, alerts, prompts and toasts,
 * recorded for tests. Answers to alerts and prompts come from a queue tests
 * fill with `sim.queueUiResponse(...)`.
 */
import { type Execution, unwrapService } from "./execution";
import { HtmlOutputFacade } from "./html";
import { enumOf } from "./service-enum";
import { signatureError } from "./signature-error";

/** Ui.Button. */
const BUTTON = enumOf("OK", "CANCEL", "YES", "NO", "CLOSE");
/** Ui.ButtonSet. */
const BUTTON_SET = enumOf("OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL");

/** A menu item, separator or submenu. */
type MenuEntry = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

/** A menu added with addToUi(). */
export interface MenuRecord {
  caption: string;
  addon: boolean;
  entries: MenuEntry[];
}

/** An answer a test queues for the next alert or prompt. */
export interface UiResponse {
  button?: keyof typeof BUTTON;
  text?: string;
}

/** Shown HTML (sidebar or dialog). */
export interface ShownHtml {
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  execution: number;
}

/**
 * Everything the Ui showed.
 *
 * @example
 * sim.ui.menus[0].entries; // [{ caption: "Recalculate now", functionName: "recalculateNow" }]
 */
export class UiState {
  menus: MenuRecord[] = [];
  shown: ShownHtml[] = [];
  alerts: { title: string; prompt: string; buttons: string; response: string }[] = [];
  prompts: { title: string; prompt: string; buttons: string; response: string; text: string }[] = [];
  toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  readonly responses: UiResponse[] = [];
}

/**
 * A Menu under construction.
 *
 * @example
 * ui.createAddonMenu().addItem("Set up", "setUp").addSeparator().addToUi();
 */
export class MenuFacade {
  constructor(
    readonly _x: Execution,
    readonly _record: MenuRecord,
  ) {}

  _self(): this {
    return this._x.expose("Menu", this);
  }

  addItem(caption: unknown, functionName: unknown): this {
    if (typeof caption !== "string" || typeof functionName !== "string") throw signatureError("Ui.Menu.addItem");
    this._record.entries.push({ caption, functionName });
    return this._self();
  }
  addSeparator(): this {
    this._record.entries.push({ separator: true });
    return this._self();
  }
  addSubMenu(menu: unknown): this {
    const sub = unwrapService(menu, MenuFacade);
    if (!sub) throw signatureError("Ui.Menu.addSubMenu");
    this._record.entries.push({ submenu: sub._record });
    return this._self();
  }
  addToUi(): void {
    const menus = this._x.sim.ui.menus;
    const existing = menus.findIndex((m) => m.caption === this._record.caption && m.addon === this._record.addon);
    if (existing >= 0) menus.splice(existing, 1, this._record);
    else menus.push(this._record);
  }
}

/**
 * A PromptResponse.
 *
 * @example
 * const response = ui.prompt("Period?"); response.getResponseText();
 */
export class PromptResponseFacade {
  constructor(
    readonly _button: string,
    readonly _text: string,
  ) {}

  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): string {
    return this._button;
  }
}

function dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: string } {
  const [a, b, c] = args;
  const result =
    args.length >= 3
      ? { title: String(a), prompt: String(b), buttons: String(c) }
      : args.length === 2
        ? { title: "", prompt: String(a), buttons: String(b) }
        : { title: "", prompt: String(a ?? ""), buttons: "OK" };
  if (!(result.buttons in BUTTON_SET)) throw new Error(`Invalid argument: buttons (${result.buttons})`);
  return result;
}

function defaultButton(buttons: string): string {
  return buttons.startsWith("YES") ? "YES" : "OK";
}

/**
 * The spreadsheet Ui.
 *
 * @example
 * SpreadsheetApp.getUi().alert("Done"); // "OK"
 */
export class UiFacade {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(readonly _x: Execution) {}

  _show(kind: ShownHtml["kind"], html: unknown, title?: unknown): void {
    const output = unwrapService(html, HtmlOutputFacade);
    if (!output) throw signatureError(`Ui.show${kind === "sidebar" ? "Sidebar" : "ModalDialog"}`);
    this._x.sim.ui.shown.push({
      kind,
      title: typeof title === "string" ? title : output._title,
      content: output._content,
      width: output._width,
      height: output._height,
      execution: this._x.id,
    });
  }

  createMenu(caption: unknown): MenuFacade {
    return this._x.expose("Menu", new MenuFacade(this._x, { caption: String(caption), addon: false, entries: [] }));
  }
  createAddonMenu(): MenuFacade {
    return this._x.expose("Menu", new MenuFacade(this._x, { caption: "", addon: true, entries: [] }));
  }
  alert(...args: unknown[]): string {
    const { title, prompt, buttons } = dialogArgs(args);
    const queued = this._x.sim.ui.responses.shift();
    const response = queued?.button ?? defaultButton(buttons);
    this._x.sim.ui.alerts.push({ title, prompt, buttons, response });
    return response;
  }
  prompt(...args: unknown[]): PromptResponseFacade {
    const { title, prompt, buttons } = dialogArgs(args);
    const queued = this._x.sim.ui.responses.shift();
    const response = queued?.button ?? defaultButton(buttons);
    const text = queued?.text ?? "";
    this._x.sim.ui.prompts.push({ title, prompt, buttons, response, text });
    return this._x.expose("PromptResponse", new PromptResponseFacade(response, text));
  }
  showSidebar(html: unknown): void {
    this._show("sidebar", html);
  }
  showModalDialog(html: unknown, title: unknown): void {
    this._show("modal", html, title);
  }
  showModelessDialog(html: unknown, title: unknown): void {
    this._show("modeless", html, title);
  }
}
