/**
 * Golden manager reviews: the fixture managers' March 2026 reviews in English
 * and Chinese, compared byte for byte with the files in golden/. After a
 * wanted change, regenerate them with `UPDATE_GOLDEN=1 npx vitest run
 * test/reviews` and read every changed file before committing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/core/plan-model";
import { GOLDEN_MANAGERS, fixtureManagerReview } from "./fixture-managers";

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const LANGUAGES: Language[] = ["en", "zh"];

describe("golden manager reviews", () => {
  for (const { file, manager } of GOLDEN_MANAGERS) {
    for (const language of LANGUAGES) {
      it(`${file}.${language}.txt`, () => {
        const path = join(GOLDEN_DIR, `${file}.${language}.txt`);
        const text = fixtureManagerReview(manager, language) + "\n";
        if (UPDATE || !existsSync(path)) {
          if (!UPDATE) throw new Error(`missing golden file ${path}: run with UPDATE_GOLDEN=1`);
          writeFileSync(path, text, "utf8");
        }
        expect(text).toBe(readFileSync(path, "utf8"));
      });
    }
  }
});
