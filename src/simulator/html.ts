/** HtmlService: HTML outputs from strings or from the built files (dist/*.html). */
import { SERVICE_TAG } from "./call-log";
import type { Execution } from "./execution";
import { enumOf } from "./service-enum";

/** HtmlService.SandboxMode. */
const SANDBOX_MODE = enumOf("EMULATED", "IFRAME", "NATIVE");
/** HtmlService.XFrameOptionsMode. */
const XFRAME_OPTIONS_MODE = enumOf("ALLOWALL", "DEFAULT");

/**
 * An HtmlOutput.
 *
 * @example
 * HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Scorecard").getContent();
 */
export class HtmlOutputFacade {
  _title = "";
  _width: number | null = null;
  _height: number | null = null;
  _sandbox = "IFRAME";
  _xframe = "DEFAULT";
  _meta: { name: string; content: string }[] = [];
  _favicon: string | null = null;

  constructor(
    readonly _x: Execution,
    public _content: string,
  ) {}

  _self(): this {
    return this._x.expose("HtmlOutput", this);
  }

  getContent(): string {
    return this._content;
  }
  setContent(content: unknown): this {
    this._content = String(content ?? "");
    return this._self();
  }
  append(content: unknown): this {
    this._content += String(content ?? "");
    return this._self();
  }
  appendUntrusted(content: unknown): this {
    this._content += String(content ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return this._self();
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: unknown): this {
    this._title = String(title);
    return this._self();
  }
  getWidth(): number | null {
    return this._width;
  }
  setWidth(width: unknown): this {
    this._width = Number(width);
    return this._self();
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(height: unknown): this {
    this._height = Number(height);
    return this._self();
  }
  setSandboxMode(mode: unknown): this {
    this._sandbox = String(mode);
    return this._self();
  }
  setXFrameOptionsMode(mode: unknown): this {
    this._xframe = String(mode);
    return this._self();
  }
  addMetaTag(name: unknown, content: unknown): this {
    this._meta.push({ name: String(name), content: String(content) });
    return this._self();
  }
  setFaviconUrl(url: unknown): this {
    this._favicon = String(url);
    return this._self();
  }
  getFaviconUrl(): string | null {
    return this._favicon;
  }
}

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/**
 * Evaluates a template supporting only printing scriptlets of a variable or
 * property path: `<?= name ?>` (HTML-escaped) and `<?!= name.path ?>` (raw).
 * Other scriptlets throw.
 *
 * @example
 * evaluateTemplate("<p><?= user ?></p>", { user: "<b>" }); // "<p>&lt;b&gt;</p>"
 */
function evaluateTemplate(source: string, vars: Record<string, unknown>): string {
  return source.replace(/<\?(!?=)?([\s\S]*?)\?>/g, (_match, mode: string | undefined, body: string) => {
    const path = body.trim();
    if (!mode || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(path)) {
      throw new Error(
        `simulator: template scriptlet not supported (only <?= name ?> and <?!= name ?>): <?${mode ?? ""}${body}?>`,
      );
    }
    let value: unknown = vars;
    for (const key of path.split("."))
      value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
    const text = value === undefined || value === null ? "" : String(value);
    return mode === "=" ? escapeHtml(text) : text;
  });
}

/**
 * HtmlService.
 *
 * @example
 * HtmlService.createHtmlOutput("<b>hi</b>").getContent(); // "<b>hi</b>"
 */
export class HtmlServiceFacade {
  readonly SandboxMode = SANDBOX_MODE;
  readonly XFrameOptionsMode = XFRAME_OPTIONS_MODE;

  constructor(readonly _x: Execution) {}

  _file(name: unknown): string {
    const key = String(name).replace(/\.html$/, "");
    const content = this._x.sim.htmlFiles.get(key);
    if (content === undefined) throw new Error(`No HTML file named ${key} was found.`);
    return content;
  }

  _template(source: string): Record<string, unknown> {
    const x = this._x;
    const realm = x.realm;
    const template = new realm.Object() as Record<string, unknown>;
    Object.defineProperty(template, SERVICE_TAG, { value: "HtmlTemplate", enumerable: false });
    const wrap = realm.wrapFunction ?? ((fn: (...args: unknown[]) => unknown) => fn);
    template.evaluate = wrap(() =>
      x.sim.invoke(x, "HtmlTemplate", "evaluate", "other", [], () => {
        const vars: Record<string, unknown> = {};
        for (const key of Object.keys(template)) if (typeof template[key] !== "function") vars[key] = template[key];
        return x.expose("HtmlOutput", new HtmlOutputFacade(x, evaluateTemplate(source, vars)));
      }),
    );
    template.getRawContent = wrap(() => x.sim.invoke(x, "HtmlTemplate", "getRawContent", "other", [], () => source));
    return template;
  }

  createHtmlOutput(html?: unknown): HtmlOutputFacade {
    return this._x.expose("HtmlOutput", new HtmlOutputFacade(this._x, html === undefined ? "" : String(html)));
  }
  createHtmlOutputFromFile(filename: unknown): HtmlOutputFacade {
    return this._x.expose("HtmlOutput", new HtmlOutputFacade(this._x, this._file(filename)));
  }
  createTemplate(html: unknown): Record<string, unknown> {
    return this._template(String(html));
  }
  createTemplateFromFile(filename: unknown): Record<string, unknown> {
    return this._template(this._file(filename));
  }
}
