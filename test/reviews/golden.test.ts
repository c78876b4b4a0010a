/**
 * Golden reviews: the fixture team's March 2026 reviews in English and
 * Chinese, compared byte for byte with the files in golden/ (golden-files.ts
 * says how to regenerate them after a wanted change).
 */
import { describe, it } from "vitest";
import { GOLDEN_REPS, fixtureReview } from "./fixture-team";
import { expectGoldenFile, GOLDEN_LANGUAGES } from "./golden-files";

describe("golden reviews", () => {
  for (const { file, rep } of GOLDEN_REPS) {
    for (const language of GOLDEN_LANGUAGES) {
      it(`${file}.${language}.txt`, () => expectGoldenFile(`${file}.${language}.txt`, fixtureReview(rep, language)));
    }
  }
});
