/**
 * The Apps Script and Sheets numbers the add-on relies on, in one place, so a
 * quota change is one edit. Sources: Google's quota pages, the trigger
 * documentation and the Sheets limits, summed up in
 * docs/architecture.md#apps-script-limits.
 */

/** Apps Script kills a script run after 6 minutes, without running `finally`. */
export const SCRIPT_RUN_LIMIT_MS = 6 * 60_000;

/**
 * How long a recalculation may work before it checkpoints: well under the
 * 6-minute kill, leaving room for the writes that follow the computing and
 * for a slow service call.
 */
export const RUN_TIME_BUDGET_MS = 4.5 * 60_000;

/**
 * Share of the time budget kept for writing the output sheets: computing stops
 * (and checkpoints) once the run has used the rest.
 */
export const WRITE_RESERVE_MS = 60_000;

/**
 * The first write step of a run may end past the budget, up to here, when
 * the run's fixed calls alone leave no room for it within the budget: so
 * that every run saves something, while staying clear of the kill by the
 * time of a few slow calls.
 */
export const FIRST_STEP_LIMIT_MS = SCRIPT_RUN_LIMIT_MS - 20_000;

/**
 * A run's lease on a spreadsheet: a little longer than the 6-minute kill, so a
 * lease outlives its run only when the run was killed, and then expires.
 */
export const LEASE_MS = SCRIPT_RUN_LIMIT_MS + 30_000;

/** How long the short critical section waits for the script lock. */
export const SCRIPT_LOCK_WAIT_MS = 10_000;

/** Sheets refuses text over 50,000 characters in one cell. */
export const MAX_CELL_CHARS = 50_000;

/** The Run log's problem list is cut below the cell limit, leaving room for the "and N more" line. */
export const PROBLEM_LIST_MAX_CHARS = MAX_CELL_CHARS - 1_000;

/** A spreadsheet holds at most 10 million cells. */
export const MAX_SPREADSHEET_CELLS = 10_000_000;

/**
 * Developer metadata: Sheets limits the metadata of one location (here, the
 * spreadsheet) to 30,000 characters in total, so every value is kept small.
 */
export const METADATA_MAX_CHARS = 30_000;

/** An add-on's time-driven trigger fires at most hourly. */
export const SCHEDULE_EVERY_HOURS = 1;

/**
 * A schedule whose last firing is older than this is overdue and may be taken
 * over by another editor: two missed hourly firings plus the hour a trigger
 * may be late.
 */
export const SCHEDULE_OVERDUE_MS = 3 * 60 * 60_000;

/** The schedule's day of the month is 1-28 so that every month has it. */
export const SCHEDULE_LAST_DAY = 28;

/** Grid of a sheet `insertSheet` creates. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
