/**
 * A run's time, measured as it goes. The run times its own service calls
 * (with the clock it already reads) and learns what one call costs and what
 * one cell moved costs; before each write step it predicts the step's cost
 * from those and checkpoints instead of starting a step that would pass its
 * budget. Costs are learned as maxima, so a slow call makes the run more
 * careful, never less.
 */

/** The size of some work: service calls, and cells they move (read or written). */
export interface WorkSize {
  calls: number;
  cells: number;
}

/**
 * The sum of work sizes.
 *
 * @example
 * addWork({ calls: 2, cells: 10 }, { calls: 1, cells: 0 }); // { calls: 3, cells: 10 }
 */
export function addWork(...sizes: WorkSize[]): WorkSize {
  return sizes.reduce((sum, size) => ({ calls: sum.calls + size.calls, cells: sum.cells + size.cells }), {
    calls: 0,
    cells: 0,
  });
}

export const NO_WORK: WorkSize = { calls: 0, cells: 0 };

/**
 * Time used and predicted, against a budget.
 *
 * @example
 * const budget = new TimeBudget(Date.now(), 270_000);
 * const zone = budget.measure(() => ss.getSpreadsheetTimeZone(), () => ({ calls: 1, cells: 0 }));
 * budget.fits({ calls: 3, cells: 120_000 }, { calls: 8, cells: 11 }); // true when there is time for both
 */
export class TimeBudget {
  private perCallMs = 0;
  private perCellMs = 0;

  constructor(
    readonly startedAt: number,
    readonly budgetMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Time used since the execution started. */
  elapsed(): number {
    return this.now() - this.startedAt;
  }

  /** Runs some work and learns from how long it took for its size. */
  measure<T>(work: () => T, size: (result: T) => WorkSize): T {
    const before = this.now();
    const result = work();
    this.learn(size(result), this.now() - before);
    return result;
  }

  /**
   * Learns from work of a known size: work that moves no cells tells the
   * cost of a call; work that moves cells, the cost of a cell beyond its
   * calls.
   */
  learn(size: WorkSize, ms: number): void {
    if (size.calls <= 0 || !(ms >= 0)) return;
    if (size.cells === 0) this.perCallMs = Math.max(this.perCallMs, ms / size.calls);
    else this.perCellMs = Math.max(this.perCellMs, Math.max(0, ms - size.calls * this.perCallMs) / size.cells);
  }

  /** Predicted time of work of a size. */
  predict(size: WorkSize): number {
    return size.calls * this.perCallMs + size.cells * this.perCellMs;
  }

  /** Whether work, then the reserve (what must follow it), would end by `limitMs` (default: the budget). */
  fits(work: WorkSize, reserve: WorkSize, limitMs = this.budgetMs): boolean {
    return this.elapsed() + this.predict(work) + this.predict(reserve) <= limitMs;
  }

  /** The learned costs, for the Run log's details and the bench. */
  costs(): { perCallMs: number; perCellMs: number } {
    return { perCallMs: this.perCallMs, perCellMs: this.perCellMs };
  }
}
