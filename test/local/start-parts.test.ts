/**
 * The pieces of `npm start`'s output: display widths, the leaderboard table,
 * telling warnings from problems, the input's language, progress lines.
 */
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryFolder } from "../fixtures/temporary-folder";
import { displayWidth, padToWidth, truncateToWidth } from "../../src/local/cli/display-width";
import { inputLanguage } from "../../src/local/cli/input-language";
import { formatLeaderboard, formatTable, leaderboardRows } from "../../src/local/cli/leaderboard-table";
import { countProblems } from "../../src/local/cli/problem-severity";
import { createProgress } from "../../src/local/cli/progress";

describe("display width", () => {
  it("counts Chinese and full-width characters as two columns", () => {
    expect(displayWidth("Li Na")).toBe(5);
    expect(displayWidth("王芳")).toBe(4);
    expect(displayWidth("陈静 (R08)")).toBe(10);
    expect(displayWidth("１２％")).toBe(6);
    expect(displayWidth("e\u0301")).toBe(1); // e + combining acute
    expect(padToWidth("王芳", 6)).toBe("王芳  ");
    expect(padToWidth("1.25", 6, "right")).toBe("  1.25");
    expect(truncateToWidth("王芳王芳王芳", 7)).toBe("王芳王…");
  });
});

describe("the leaderboard", () => {
  const results = {
    name: "Results",
    values: [
      ["Period", "Rep ID", "Name", "Team", "Score", "Rank", "Team rank", "Bonus", "Notes"],
      ["2026-03", "R2", "王芳", "华东", 1.2345, 1, 1, 1234.5, null],
      ["2026-03", "R9", "New Hire", "East", null, null, null, 0, "no metric with data"],
      ["2026-03", "R1", "Li Na", "East", 0.9, 2, 1, null, null],
      ["2026-02", "R1", "Li Na", "East", 1.5, 1, 1, 99, null],
    ],
  };

  it("takes one period's rows, ranked first, unranked after", () => {
    expect(leaderboardRows(results, "2026-03").map((r) => r.repId)).toEqual(["R2", "R1", "R9"]);
  });

  it("lines the columns up by display width", () => {
    const lines = formatLeaderboard(leaderboardRows(results, "2026-03"), "en");
    expect(lines).toEqual([
      "Rank  Rep            Team  Score     Bonus",
      "----  -------------  ----  -----  --------",
      "   1  王芳 (R2)      华东  1.235  1,234.50",
      "   2  Li Na (R1)     East  0.900         –",
      "   –  New Hire (R9)  East      –      0.00",
    ]);
    const ends = lines.map(displayWidth);
    expect(new Set(ends).size).toBe(1);
  });

  it("without scores (no targets), orders the reps by revenue and shows it; a rep whose ID is the name shows once", () => {
    const bare = {
      name: "Results",
      values: [
        ["Period", "Rep ID", "Name", "Team", "Score", "Rank", "Team rank", "Bonus", "Notes", "revenue actual"],
        ["2026-01", "Ann Lee", "Ann Lee", null, null, null, null, 10, null, 1000],
        ["2026-01", "Eve Sun", "Eve Sun", null, null, null, null, 0, null, null],
        ["2026-01", "Bob Ray", "Bob Ray", null, null, null, null, 20, null, 2000],
      ],
    };
    expect(formatLeaderboard(leaderboardRows(bare, "2026-01"), "en")).toEqual([
      "Rank  Rep      Team  Score  Bonus   Revenue",
      "----  -------  ----  -----  -----  --------",
      "   –  Bob Ray  –         –  20.00  2,000.00",
      "   –  Ann Lee  –         –  10.00  1,000.00",
      "   –  Eve Sun  –         –   0.00         –",
    ]);
  });

  it("has Chinese headers in Chinese", () => {
    expect(formatLeaderboard([], "zh")[0]).toBe("排名  销售  团队  得分  奖金");
  });

  it("formats any table, trimming trailing spaces", () => {
    expect(
      formatTable(
        ["Rep", "Score"],
        [
          ["王芳", "1.25"],
          ["Li Na", "0.9"],
        ],
        ["left", "right"],
      ),
    ).toEqual(["Rep    Score", "-----  -----", "王芳    1.25", "Li Na    0.9"]);
  });
});

describe("problems and warnings", () => {
  it("counts the summary's errors as errors and the rest as warnings", () => {
    expect(countProblems({ problemCount: 3, errorCount: 1 })).toEqual({ errors: 1, warnings: 2 });
    expect(countProblems({ problemCount: 2, errorCount: 0 })).toEqual({ errors: 0, warnings: 2 });
  });
});

describe("the input's language", () => {
  it("is Chinese when the headers are", () => {
    expect(inputLanguage({ sheets: [{ name: "sales", values: [["日期", "销售编号", "金额", "Deal ID"]] }] })).toBe(
      "zh",
    );
    expect(
      inputLanguage({
        sheets: [
          {
            name: "Reps",
            values: [
              ["Rep ID", "Name"],
              ["R1", "王芳"],
            ],
          },
        ],
      }),
    ).toBe("en");
    expect(inputLanguage({ sheets: [{ name: "Other", values: [["日期"]] }] })).toBe("en");
  });
});

describe("progress lines", () => {
  const dir = temporaryFolder("progress-");

  const busy = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // a synchronous step: blocks the event loop, as the recalculation does
    }
    return "done";
  };

  it("prints a line for a step still running after the threshold, even a blocking one, and nothing for a quick step", async () => {
    const file = join(dir(), "progress.txt");
    const fd = openSync(file, "w");
    const progress = createProgress({ fd, afterMs: 150, inPlace: false });
    try {
      expect(await progress.step("Quick step", () => busy(10))).toBe("done");
      expect(await progress.step("Computing", () => busy(600))).toBe("done");
      await progress.step("Reading", () => new Promise((resolve) => setTimeout(resolve, 400)));
      await progress.step("Another quick one", () => 1);
    } finally {
      await progress.close();
      closeSync(fd);
    }
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("Computing …");
    // At least the time the step took; more on a loaded machine.
    expect(lines[1]).toMatch(/^Computing … done in (0\.[6-9]|[1-9]\d*\.\d) s$/);
    expect(lines[2]).toBe("Reading …");
    expect(lines[3]).toMatch(/^Reading … done in (0\.[4-9]|[1-9]\d*\.\d) s$/);
  });

  it("rewrites one line in place on a terminal", async () => {
    const file = join(dir(), "tty.txt");
    const fd = openSync(file, "w");
    const progress = createProgress({ fd, afterMs: 100, inPlace: true });
    try {
      await progress.step("Writing out.xlsx", () => busy(1300));
    } finally {
      await progress.close();
      closeSync(fd);
    }
    const text = readFileSync(file, "utf8");
    // Every update rewrites the same line; how many whole seconds get a tick depends on the machine's load.
    expect(text).toMatch(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress line is drawn with terminal escapes.
      /^(\r\x1b\[KWriting out\.xlsx … \d+ s)+\r\x1b\[KWriting out\.xlsx … done in [1-9]\d*\.\d s\n$/,
    );
    expect(text.startsWith("\r\x1b[KWriting out.xlsx … 0 s")).toBe(true);
  });
});
