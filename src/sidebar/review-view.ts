/**
 * The Review view: the generated review in an editable text area, in
 * English or Chinese, saved as the manager's review (the generated review,
 * the rep's reply and Acknowledged are kept), copied to the clipboard, and
 * the rep's reply beside it.
 *
 * What the text area holds: the saved manager's review when there is one,
 * else the generated review; after switching language, the generated review
 * in that language; "Use generated text" puts the generated review back.
 *
 * A final period shows the review the Reviews sheet stores, never one
 * regenerated behind the manager's back: "Regenerate from today's inputs"
 * is an explicit button that says the result may differ from the final
 * figures, and "Show the stored review" goes back.
 */
import type { App, View } from "./app-state";
import { copyFieldText } from "./clipboard";
import { append, el, replaceChildren, uniqueId } from "./dom";
import { renderRepPickers, settleRep, type RepChoiceResult } from "./rep-picker";
import { callServer } from "./server-calls";
import type { ReviewView, UiLanguage } from "./sidebar-api";
import { t } from "./ui-text";
import { runAction } from "./view-status";
import { showWhenChanged, viewRegions } from "./view-shell";

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
  const languageBar = el("div", { class: "language-switch", role: "group" });
  const { panel, controls, content } = viewRegions("review-view", languageBar);
  /** The review language asked for; null = the language the recalculation writes. */
  let language: UiLanguage | null = null;
  /**
   * The period and rep whose review the manager asked to regenerate from
   * today's inputs; any other choice, made here or in another tab, shows
   * the stored review again.
   */
  let regenerateFor = "";
  const choiceKey = () => (app.state.period ?? "") + "|" + (app.state.repId ?? "");
  const regenerating = () => regenerateFor !== "" && regenerateFor === choiceKey();
  const keyNow = () =>
    [
      app.state.version,
      app.state.period ?? "",
      app.state.repId ?? "",
      language ?? "",
      regenerating() ? "regenerate" : "",
    ].join("|");

  const show = showWhenChanged(content, keyNow, fetchReview, render);

  async function fetchReview(): Promise<Loaded> {
    const choice = await settleRep(app);
    if (choice.period === null || choice.repId === null) return { choice, review: null };
    const request = {
      period: choice.period,
      repId: choice.repId,
      ...(language === null ? {} : { language }),
      ...(regenerating() ? { regenerate: true } : {}),
    };
    return { choice, review: await callServer("sidebarReview", request) };
  }

  function renderLanguageSwitch(review: ReviewView | null): void {
    languageBar.setAttribute("aria-label", t("reviewLanguage"));
    // A final period's stored review stays in its language: the button asked for shows pressed, and the note says why.
    const current =
      review?.final && review.source !== "computed"
        ? (language ?? review.reviewLanguage)
        : (review?.reviewLanguage ?? language);
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
    replaceChildren(
      languageBar,
      el("span", { class: "group-label", "aria-hidden": "true" }, t("reviewLanguage")),
      button("en", t("english")),
      button("zh", t("chinese")),
    );
  }

  function render({ choice, review }: Loaded): void {
    renderRepPickers(app, controls, choice.team, () => {
      language = null;
      regenerateFor = "";
      show();
    });
    renderLanguageSwitch(review);
    if (!review) {
      content.append(el("p", { class: "notice" }, t("noResults")));
      return;
    }
    append(content, ...reviewEditor(review, language !== null));
  }

  function setRegenerate(on: boolean): void {
    regenerateFor = on ? choiceKey() : "";
    show();
  }

  function finalNotes(review: ReviewView): (HTMLElement | null)[] {
    if (!review.final) return [];
    const languageName = (value: UiLanguage) => t(value === "zh" ? "chinese" : "english");
    const asked =
      review.source !== "computed" && language !== null && language !== review.reviewLanguage ? language : null;
    if (review.source === "computed") {
      const back = el(
        "button",
        { type: "button", class: "secondary", on: { click: () => setRegenerate(false) } },
        t("showStored"),
      );
      return [
        el("p", { class: "notice warn", role: "note" }, t("reviewRegenerated")),
        el("div", { class: "actions" }, back),
      ];
    }
    const helpId = uniqueId("regenerate-help");
    const again = el(
      "button",
      { type: "button", class: "secondary", "aria-describedby": helpId, on: { click: () => setRegenerate(true) } },
      t("regenerate"),
    );
    return [
      el("p", { class: "notice" }, t(review.source === "none" ? "reviewFinalNone" : "reviewFinalStored")),
      asked
        ? el(
            "p",
            { class: "notice warn" },
            t("reviewFinalOtherLanguage", { stored: languageName(review.reviewLanguage), asked: languageName(asked) }),
          )
        : null,
      el("div", { class: "actions" }, again),
      el("p", { id: helpId, class: "hint muted" }, t("regenerateHelp")),
    ];
  }

  function reviewEditor(review: ReviewView, languageChosen: boolean): (HTMLElement | null)[] {
    // A final period's stored view holds the manager's review as the sheet does, whatever language was asked.
    const storedView = review.final && review.source !== "computed";
    const showManager = review.managerReview !== "" && (storedView || !languageChosen);
    const areaId = uniqueId("review-text");
    const area = el("textarea", {
      id: areaId,
      rows: 16,
      spellcheck: "true",
      lang: review.reviewLanguage === "zh" ? "zh-CN" : "en",
    });
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
        replaceChildren(
          status,
          el(
            "p",
            { role: "status", class: outcome === "copied" ? "notice ok" : "notice warn" },
            t(outcome === "copied" ? "copied" : "copyManual"),
          ),
        );
      });
    });
    const reset = el("button", { type: "button", class: "secondary" }, t("useGenerated"));
    reset.addEventListener("click", () => {
      area.value = review.generated;
      markDirty();
      area.focus();
    });

    const notes: (HTMLElement | null)[] = [
      ...finalNotes(review),
      review.final
        ? null
        : el("p", { class: "muted" }, t(review.source === "sheet" ? "reviewFromSheet" : "reviewComputed")),
      review.inputsChanged && review.source === "computed" && !review.final
        ? el("p", { class: "notice warn" }, t("reviewInputsChanged"))
        : null,
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
