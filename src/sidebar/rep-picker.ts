/**
 * The period and rep pickers the Rep and Review views share, and how they
 * settle on a rep: the one chosen before when the period has a row for it,
 * else the period's first rep by rank.
 */
import type { App } from "./app-state";
import { field, replaceChildren, selectBox } from "./dom";
import type { TeamView } from "./sidebar-api";
import { t } from "./ui-text";

/** The period and rep a view shows, once the period's reps are known. */
export interface RepChoiceResult {
  team: TeamView;
  period: string | null;
  repId: string | null;
}

/**
 * Loads the period's Team answer (usually cached) and settles the rep.
 *
 * @example
 * const { period, repId } = await settleRep(app);
 */
export async function settleRep(app: App): Promise<RepChoiceResult> {
  const team = await app.teamFor(app.state.period);
  const period = team.period;
  if (period !== null) app.state.period = period;
  const known = team.rows.some((row) => row.repId === app.state.repId);
  if (!known) app.state.repId = team.rows[0]?.repId ?? null;
  return { team, period, repId: app.state.repId };
}

/**
 * Renders the two pickers into `container`; a change updates the shared
 * choice and calls `onChange`.
 *
 * @example
 * renderRepPickers(app, controls, team, () => view.show());
 */
export function renderRepPickers(app: App, container: HTMLElement, team: TeamView, onChange: () => void): void {
  const periodPicker = selectBox(
    { class: "period-picker" },
    team.periods.map((p) => [p, p] as const),
    team.period,
    (period) => {
      app.state.period = period;
      onChange();
    },
  );
  const repPicker = selectBox(
    { class: "rep-picker" },
    team.rows.map((row) => [row.repId, row.name ? row.name + " (" + row.repId + ")" : row.repId] as const),
    app.state.repId,
    (repId) => {
      app.state.repId = repId;
      onChange();
    },
  );
  replaceChildren(
    container,
    team.periods.length ? field(t("period"), periodPicker) : null,
    team.rows.length ? field(t("rep"), repPicker) : null,
  );
}
