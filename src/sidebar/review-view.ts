/**
 * The Review view: the generated review in an editable text area, in
 * English or Chinese, saved as the manager's review (the generated review,
 * the rep's reply and Acknowledged are kept), copied to the clipboard, and
 * the rep's reply beside it.
 *
 * What the text area holds: the saved manager's review when there is one,
 * else the generated review; after switching language, the generated review
 * in that language; "Use generated text" puts the generated review back.
 */
import type { App, View } from "./app-state";
import { copyFieldText } from "./clipboard";
import { append, el, replaceChildren, uniqueId } from "./dom";
import { renderRepPickers, settleRep, type RepChoiceResult } from "./rep-picker";
import { callServer } from "./server-calls";
import type { ReviewView, UiLanguage } from "./sidebar-api";
import { t } from "./ui-text";
import { createLoader, runAction } from "./view-status";

interface Loaded {
  choice: RepChoiceResult;
  review: ReviewView | null;
}

/**
 * Creates the Review view.
 *
 * @example
 * const review = createReviewView(app);
 * review.show();
 */
export function createReviewView(app: App): View {
  const panel = el("section", { class: "view review-view" });
  const controls = el("div", { class: "controls" });
  const languageBar = el("div", { class: "language-switch", role: "group" });
  const content = el("div", { class: "content" });
  panel.append(controls, languageBar, content);
  /** The review language asked for; null = the language the recalculation writes. */
  let language: UiLanguage | null = null;
  let loadedKey = "";
  const load = createLoader(content, () => {
    loadedKey = "";
  });
  const keyNow = () => [app.state.version, app.state.period ?? "", app.state.repId ?? "", language ?? ""].join("|");

  const show = () => {
    if (keyNow() === loadedKey) return;
    loadedKey = keyNow();
    load(fetchReview, render);
  };

  async function fetchReview(): Promise<Loaded> {
    const choice = await settleRep(app);
    if (choice.period === null || choice.repId === null) return { choice, review: null };
    const request = language === null ? { period: choice.period, repId: choice.repId } : { period: choice.period, repId: choice.repId, language };
    return { choice, review: await callServer("sidebarReview", request) };
  }

  function renderLanguageSwitch(review: ReviewView | null): void {
    languageBar.setAttribute("aria-label", t("reviewLanguage"));
    const current = review?.reviewLanguage ?? language;
    const button = (value: UiLanguage, label: string) =>
      el(
        "button",
        {
          type: "button",
          class: "toggle",
          lang: value === "zh" ? "zh-CN" : "en",
          "aria-pressed": current === value ? "true" : "false",
          on: {
            click: () => {
              if (current === value) return;
              language = value;
              show();
            },
          },
        },
        label,
      );
    replaceChildren(languageBar, el("span", { class: "group-label", "aria-hidden": "true" }, t("reviewLanguage")), button("en", t("english")), button("zh", t("chinese")));
  }

  function render({ choice, review }: Loaded): void {
    loadedKey = keyNow();
    renderRepPickers(app, controls, choice.team, () => {
      language = null;
      show();
    });
    renderLanguageSwitch(review);
    if (!review) {
      content.append(el("p", { class: "notice" }, t("noResults")));
      return;
    }
    append(content, ...reviewEditor(review, language !== null));
  }

  function reviewEditor(review: ReviewView, languageChosen: boolean): (HTMLElement | null)[] {
    const showManager = !languageChosen && review.managerReview !== "";
    const areaId = uniqueId("review-text");
    const area = el("textarea", { id: areaId, rows: 16, spellcheck: "true", lang: review.reviewLanguage === "zh" ? "zh-CN" : "en" });
    area.value = showManager ? review.managerReview : review.generated;
    // "Unsaved" means edited since it was shown or last saved.
    let savedText = area.value;
    const status = el("div", { class: "status", "aria-live": "polite" });
    const dirtyNote = el("span", { class: "dirty muted", "aria-live": "polite" });
    const markDirty = () => {
      dirtyNote.textContent = area.value !== savedText ? t("unsaved") : "";
    };
    area.addEventListener("input", markDirty);

    const save = el("button", { type: "button", class: "primary" }, t("save"));
    save.addEventListener("click", () =>
      runAction(
        save,
        status,
        () => callServer("sidebarSaveReview", { period: review.period, repId: review.repId, text: area.value }),
        (result) => ({ text: t("saved", { when: result.savedAt, row: result.row }), ok: true }),
        () => {
          savedText = area.value;
          markDirty();
        },
      ),
    );
    const copy = el("button", { type: "button", class: "secondary" }, t("copy"));
    copy.addEventListener("click", () => {
      void copyFieldText(area).then((outcome) => {
        replaceChildren(status, el("p", { role: "status", class: outcome === "copied" ? "notice ok" : "notice warn" }, t(outcome === "copied" ? "copied" : "copyManual")));
      });
    });
    const reset = el("button", { type: "button", class: "secondary" }, t("useGenerated"));
    reset.addEventListener("click", () => {
      area.value = review.generated;
      markDirty();
      area.focus();
    });

    const notes: (HTMLElement | null)[] = [
      el("p", { class: "muted" }, t(review.source === "sheet" ? "reviewFromSheet" : "reviewComputed")),
      review.inputsChanged && review.source === "computed" ? el("p", { class: "notice warn" }, t("reviewInputsChanged")) : null,
      review.changedAfterAcknowledgement ? el("p", { class: "notice warn" }, t("reviewChangedAfterAck")) : null,
      showManager ? el("p", { class: "notice" }, t("managerSaved")) : null,
    ];
    markDirty();
    return [
      ...notes,
      el("div", { class: "field" }, el("label", { for: areaId }, t("reviewText")), area),
      el("div", { class: "actions" }, save, copy, reset),
      el("p", {}, dirtyNote),
      status,
      el("h3", {}, t("reply")),
      review.reply ? el("blockquote", { class: "reply" }, review.reply) : el("p", { class: "muted" }, t("noReply")),
      el("p", { class: "muted" }, t("acknowledged", { value: t(review.acknowledged ? "yes" : "no") })),
    ];
  }

  return { panel, show };
}
