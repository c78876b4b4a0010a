/**
 * The sidebar client: a title, the tablist of the five views (Team, Rep,
 * Review, Plans, Setup) and their panels. The Team view loads first; its answer
 * carries the spreadsheet's language, which relabels the interface.
 */
import { createApp } from "./app-state";
import { el, replaceChildren } from "./dom";
import { createRepView } from "./rep-view";
import { createPlanCompareView } from "./plan-compare-view";
import { createReviewView } from "./review-view";
import { createSetupView } from "./setup-view";
import { createTabs, type Tabs } from "./tabs";
import { createTeamView } from "./team-view";
import { t } from "./ui-text";

/**
 * Builds the sidebar into the page's #app element and opens the Team view.
 *
 * @example
 * startSidebar(document.getElementById("app")!);
 */
export function startSidebar(root: HTMLElement): Tabs {
  const title = el("h1", { class: "app-title" }, t("appTitle"));
  let tabs: Tabs | null = null;
  const app = createApp({
    onLanguage: () => {
      title.textContent = t("appTitle");
      tabs?.relabel();
    },
    onOpenRep: () => tabs?.select("rep", { focus: true }),
  });
  const team = createTeamView(app);
  const rep = createRepView(app);
  const review = createReviewView(app);
  const setup = createSetupView(app);
  const plans = createPlanCompareView(app);
  tabs = createTabs(
    [
      { id: "team", label: () => t("tabTeam"), panel: team.panel, onShow: team.show },
      { id: "rep", label: () => t("tabRep"), panel: rep.panel, onShow: rep.show },
      { id: "review", label: () => t("tabReview"), panel: review.panel, onShow: review.show },
      { id: "plans", label: () => t("tabPlans"), panel: plans.panel, onShow: plans.show },
      { id: "setup", label: () => t("tabSetup"), panel: setup.panel, onShow: setup.show },
    ],
    () => t("tabs"),
  );
  replaceChildren(root, title, tabs.list, team.panel, rep.panel, review.panel, plans.panel, setup.panel);
  tabs.select("team");
  return tabs;
}

const root = document.getElementById("app");
if (root) startSidebar(root);
