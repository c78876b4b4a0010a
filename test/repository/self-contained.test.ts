/**
 * The repository explains itself: no file in src/, test/, build/ or the README
 * refers a reader to a document outside the repository. Comments cite the
 * README or docs/ instead (docs/sheet-formats.md holds the rules, with headings
 * to cite; docs/development.md says so). The failure lists each offending line
 * as `path:line: text`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** What is scanned: every text file under these folders, and these files. */
const SCANNED_FOLDERS = ["src", "test", "build"];
const SCANNED_FILES = ["README.md"];

/** Binary files (workbooks, images) hold no prose. */
const BINARY_EXTENSIONS = new Set([".xlsx", ".xls", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".zip", ".gz"]);

/** This file names the patterns it looks for, so it is not scanned itself. */
const THIS_FILE = "test/repository/self-contained.test.ts";

/** A way of citing a document that lives outside the repository, with what to write instead. */
interface OutsideReference {
  pattern: RegExp;
  instead: string;
}

const OUTSIDE_REFERENCES: readonly OutsideReference[] = [
  { pattern: /product[- ]spec/i, instead: "cite docs/sheet-formats.md#<heading> or the README" },
  { pattern: /\bspec(ification)? sections?\b/i, instead: "cite docs/sheet-formats.md#<heading>" },
  { pattern: /\(sections? \d|\bsections? \d+(\s*(-|and|,)\s*\d+)*\b(?! of the)/i, instead: "cite a docs/ heading" },
  { pattern: /\bthe spec\b(?!\w)/i, instead: "state the rule, or cite docs/sheet-formats.md" },
  { pattern: /(?<![\w/.-])domain\.md/i, instead: "docs/glossary.md or the README" },
  { pattern: /apps-script-notes\.md/i, instead: "docs/architecture.md#apps-script-limits" },
  { pattern: /(?<!docs\/)(?<![\w.-])architecture\.md/i, instead: "docs/architecture.md" },
  { pattern: /\.\.\/shared|\/work\/shared/i, instead: "a file inside the repository" },
  { pattern: /seed article|seed-zh/i, instead: "state the rule the product follows" },
  { pattern: /design card/i, instead: "docs/architecture.md" },
  { pattern: /\bthe article\b/i, instead: "state the rule the product follows" },
];

/** `docs/NAME.md` or `docs/NAME.md#heading`, as code and the README cite them. */
const DOCS_CITATION = /\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g;

/**
 * The anchor a Markdown heading gets (as GitHub makes it): lower case, code
 * marks and punctuation dropped, spaces as hyphens.
 */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of markdown.split("\n")) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(headingAnchor(heading[1]));
  }
  return anchors;
}

/** Every `docs/...` citation in the text whose file or heading does not exist, as `path:line: citation`. */
function brokenDocsCitationsIn(path: string, text: string): string[] {
  const broken: string[] = [];
  text.split("\n").forEach((line, index) => {
    for (const [citation, file, anchor] of line.matchAll(DOCS_CITATION)) {
      const target = join(ROOT, "docs", file);
      const exists = statSync(target, { throwIfNoEntry: false }) !== undefined;
      if (!exists || (anchor !== undefined && !anchorsOf(readFileSync(target, "utf8")).has(anchor)))
        broken.push(`${path}:${index + 1}: ${citation}`);
    }
  });
  return broken;
}

function scannedFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!BINARY_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  for (const folder of SCANNED_FOLDERS) walk(join(ROOT, folder));
  for (const file of SCANNED_FILES)
    if (statSync(join(ROOT, file), { throwIfNoEntry: false })) files.push(join(ROOT, file));
  return files.map((path) => relative(ROOT, path).split(sep).join("/")).filter((path) => path !== THIS_FILE);
}

/** Every line of the given text that cites an outside document, as `path:line: text (instead)`. */
function outsideReferencesIn(path: string, text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, index) => {
    const hit = OUTSIDE_REFERENCES.find((reference) => reference.pattern.test(line));
    if (hit) found.push(`${path}:${index + 1}: ${line.trim().slice(0, 160)}  (${hit.instead})`);
  });
  return found;
}

describe("the repository is self-contained", () => {
  it("finds the files it scans", () => {
    const files = scannedFiles();
    expect(files).toContain("README.md");
    expect(files).toContain("src/entry-points.ts");
    expect(files).toContain("build/build.mjs");
  });

  it("recognises each way of citing an outside document, and leaves docs/ citations alone", () => {
    const cited = [
      "// The tiers of spec section 5.",
      " * Reading the input sheets (product-spec section 1).",
      "/** Raw attainment (section 4); null = none. */",
      " * arithmetic (sections 3-5), never from the engine's output.",
      " * Rules where the spec is silent:",
      " * Sources: apps-script-notes.md (quota pages).",
      " * Read domain.md first.",
      " * as architecture.md asks",
      " * see ../shared/docs/notes.md",
      "// Kept under test/ so the top level stays as the design card fixes it.",
      " * the non-money rewards the article asks for",
    ];
    for (const line of cited) expect(outsideReferencesIn("x.ts", line), line).toHaveLength(1);
    const fine = [
      " * The layers are described in docs/architecture.md.",
      " * Pay rules: docs/sheet-formats.md#tiers-and-pay.",
      " * The Columns section's server side.",
      "const spec = specs[0]; // a column spec",
      " * Renders a number with a number pattern (sections, %, grouping).",
    ];
    for (const line of fine) expect(outsideReferencesIn("x.ts", line), line).toEqual([]);
  });

  it("makes heading anchors as GitHub does", () => {
    expect(headingAnchor("Problems, scopes and logs")).toBe("problems-scopes-and-logs");
    expect(headingAnchor("The plan: the `Plan` sheet")).toBe("the-plan-the-plan-sheet");
    expect(headingAnchor("Glossary · 术语表")).toBe("glossary--术语表");
  });

  it("cites only docs/ files and headings that exist", () => {
    const broken = scannedFiles().flatMap((path) =>
      brokenDocsCitationsIn(path, readFileSync(join(ROOT, path), "utf8")),
    );
    expect(broken, broken.join("\n")).toEqual([]);
  });

  it("has no file in src/, test/, build/ or the README citing a document outside the repository", () => {
    const found = scannedFiles().flatMap((path) => outsideReferencesIn(path, readFileSync(join(ROOT, path), "utf8")));
    expect(found, found.join("\n")).toEqual([]);
  });
});
