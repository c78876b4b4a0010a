import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { SharedStringTable } from "./xlsx-shared-strings";

/** exceljs's own shared-string table and its XML, which the table replaces. */
const require = createRequire(import.meta.url);
const ExcelSharedStrings = require("exceljs/lib/utils/shared-strings.js") as new () => { add(text: string): number };
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js") as new () => {
  toXml(model: unknown): string;
};

const TEXTS = [
  "R101",
  "王芳",
  " leading",
  "trailing ",
  "two\nlines",
  "a < b & 'c' \"d\"",
  "",
  "R101",
  "\u0001x",
  "王芳",
];

describe("SharedStringTable", () => {
  it("gives the indexes exceljs's table gives", () => {
    const ours = new SharedStringTable();
    const theirs = new ExcelSharedStrings();
    expect(TEXTS.map((t) => ours.add(t))).toEqual(TEXTS.map((t) => theirs.add(t)));
    expect(ours.count).toBe(8);
    expect(ours.totalRefs).toBe(TEXTS.length);
    expect(ours.getString(1)).toBe("王芳");
  });

  it("writes the XML exceljs writes", () => {
    const ours = new SharedStringTable();
    const theirs = new ExcelSharedStrings();
    for (const text of TEXTS) {
      ours.add(text);
      theirs.add(text);
    }
    expect(ours.xml()).toBe(new SharedStringsXform().toXml(theirs));
  });
});
