/**
 * The simulated clock: one "now" shared by the simulator's services and by the
 * `Date` of every vm context the loader creates. Nothing here reads the host's
 * clock once the simulator is created.
 */

/** What a test may give as an instant: a Date, epoch milliseconds or an ISO string with an offset. */
export type InstantInput = Date | number | string;

/**
 * Converts an {@link InstantInput} to epoch milliseconds; throws on an invalid value.
 *
 * @example
 * toEpochMs("2026-03-31T12:00:00Z"); // 1774958400000
 */
export function toEpochMs(value: InstantInput): number {
  const ms = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new Error(`simulator: not a valid instant: ${String(value)}`);
  if (typeof value === "string" && !/(Z|[+-]\d\d:?\d\d)$/i.test(value.trim())) {
    throw new Error(
      `simulator: give the instant "${value}" with an explicit offset (Z or +hh:mm) so it does not depend on the host's TZ`,
    );
  }
  return ms;
}

/** The default "now" of a simulator: a fixed instant, so runs are reproducible. */
const DEFAULT_NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/**
 * A settable, advanceable clock.
 *
 * @example
 * const clock = new SimClock("2026-03-31T23:30:00Z");
 * clock.advance(60_000);
 * clock.now(); // 2026-03-31T23:31:00Z in epoch ms
 */
export class SimClock {
  private current: number;

  constructor(start: InstantInput = DEFAULT_NOW) {
    this.current = toEpochMs(start);
  }

  /** Epoch milliseconds of the simulated now. */
  now(): number {
    return this.current;
  }

  /** Moves the clock to an instant (backwards too). */
  set(value: InstantInput): void {
    this.current = toEpochMs(value);
  }

  /** Moves the clock forward by `ms` (must be >= 0). */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new Error(`simulator: advance() needs a finite ms >= 0, got ${ms}`);
    this.current += ms;
  }
}
