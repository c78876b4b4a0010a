/**
 * What the views share: the language, the period and rep chosen, the
 * periods and reps known from the Team data, and a data version that
 * actions bump so every view reloads what it shows after the sheets change.
 * Team answers are cached per period and version, because the Rep and
 * Review views need the period's reps for their pickers too.
 */
import { callServer } from "./server-calls";
import type { TeamView, UiLanguage } from "./sidebar-api";
import { setUiLanguage, uiLanguage } from "./ui-text";

interface RepChoice {
  repId: string;
  name: string;
}

interface AppState {
  language: UiLanguage;
  currency: string;
  /** Periods with results, latest first. */
  periods: string[];
  period: string | null;
  repId: string | null;
  /** Bumped whenever an action may have changed the sheets. */
  version: number;
}

/** A view: its panel, and what to do each time its tab is selected (load what changed). */
export interface View {
  panel: HTMLElement;
  show(): void;
}

/** The shell's hooks the views call. */
export interface App {
  state: AppState;
  /** The Team answer of a period (null = the latest), cached for the current version. */
  teamFor(period: string | null): Promise<TeamView>;
  /** The reps of the cached Team answer of a period (empty until loaded). */
  repsOf(period: string | null): RepChoice[];
  /** Shows one rep in the Rep view. */
  openRep(repId: string): void;
  /** The sheets may have changed: cached answers are dropped. */
  sheetsChanged(): void;
  /** Applies the spreadsheet's language to the whole interface. */
  setLanguage(language: UiLanguage): void;
}

/**
 * Creates the shared state and hooks; `onLanguage` relabels the shell and
 * `onOpenRep` switches to the Rep view.
 *
 * @example
 * const app = createApp({ onLanguage: relabelTabs, onOpenRep: () => tabs.select("rep") });
 * await app.teamFor(null);
 */
export function createApp(hooks: { onLanguage: () => void; onOpenRep: () => void }): App {
  const state: AppState = {
    language: uiLanguage(),
    currency: "USD",
    periods: [],
    period: null,
    repId: null,
    version: 0,
  };
  const cache = new Map<string, Promise<TeamView>>();
  const answers = new Map<string, TeamView>();
  const cacheKey = (period: string | null) => state.version + "|" + (period ?? "");

  const app: App = {
    state,
    teamFor(period) {
      const key = cacheKey(period);
      let pending = cache.get(key);
      if (!pending) {
        pending = callServer("sidebarTeam", { period }).then((team) => {
          answers.set(key, team);
          if (team.period !== null) answers.set(cacheKey(team.period), team);
          state.periods = team.periods;
          state.currency = team.currency;
          if (state.period === null) state.period = team.period;
          app.setLanguage(team.language);
          return team;
        });
        pending.catch(() => cache.delete(key));
        cache.set(key, pending);
      }
      return pending;
    },
    repsOf(period) {
      const team = answers.get(cacheKey(period));
      return team ? team.rows.map((row) => ({ repId: row.repId, name: row.name })) : [];
    },
    openRep(repId) {
      state.repId = repId;
      hooks.onOpenRep();
    },
    sheetsChanged() {
      state.version += 1;
      cache.clear();
      answers.clear();
    },
    setLanguage(language) {
      if (language === state.language && language === uiLanguage()) return;
      state.language = language;
      setUiLanguage(language);
      hooks.onLanguage();
    },
  };
  return app;
}
