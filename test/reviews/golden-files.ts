/**
 * The golden review files in test/reviews/golden/: a review compared byte
 * for byte with its file. After a wanted change, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run test/reviews` and read every changed file
 * before committing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Language } from "../../src/core/plan-model";

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** Both review languages, each with its own golden file. */
export const GOLDEN_LANGUAGES: readonly Language[] = ["en", "zh"];

/**
 * Expects `review` (plus a final newline) to be the golden file `name`;
 * with UPDATE_GOLDEN=1 writes it instead. A missing file fails, naming how
 * to make it.
 *
 * @example
 * expectGoldenFile("top-performer.en.txt", fixtureReview("r01", "en"));
 */
export function expectGoldenFile(name: string, review: string): void {
  const path = join(GOLDEN_DIR, name);
  const text = review + "\n";
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`missing golden file ${path}: run with UPDATE_GOLDEN=1`);
    writeFileSync(path, text, "utf8");
  }
  expect(text).toBe(readFileSync(path, "utf8"));
}
