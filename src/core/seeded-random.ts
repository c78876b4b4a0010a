/**
 * One seeded pseudo-random generator for everything that must be the same
 * on every run: the demo workbook, the simulator's UUIDs, the fuzz test.
 */

/**
 * mulberry32: a tiny, fast, well-mixed 32-bit generator; numbers in [0, 1),
 * the same sequence for the same seed in every JavaScript engine.
 *
 * @example
 * const next = seededRandom(42);
 * next(); // 0.6011037519201636, and so on, identically on every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
