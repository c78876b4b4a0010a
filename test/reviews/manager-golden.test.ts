/**
 * Golden manager reviews: the fixture managers' March 2026 reviews in English
 * and Chinese, compared byte for byte with the files in golden/
 * (golden-files.ts says how to regenerate them after a wanted change).
 */
import { describe, it } from "vitest";
import { GOLDEN_MANAGERS, fixtureManagerReview } from "./fixture-managers";
import { expectGoldenFile, GOLDEN_LANGUAGES } from "./golden-files";

describe("golden manager reviews", () => {
  for (const { file, manager } of GOLDEN_MANAGERS) {
    for (const language of GOLDEN_LANGUAGES) {
      it(`${file}.${language}.txt`, () =>
        expectGoldenFile(`${file}.${language}.txt`, fixtureManagerReview(manager, language)));
    }
  }
});
