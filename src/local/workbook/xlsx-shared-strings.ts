/**
 * The shared-string table of exceljs's streaming writer, kept in a Map and
 * written as one string: exceljs keys its table by a plain object, which slows
 * down once it holds hundreds of thousands of distinct texts (a big export's
 * deal IDs), and renders the table's XML through an XML tree. The file's bytes
 * are exceljs's own (same indexes, same XML).
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */
import { createRequire } from "node:module";
import type ExcelJS from "exceljs";

const excelUtils = createRequire(import.meta.url)("exceljs/lib/utils/utils.js") as {
  xmlEncode(text: string): string;
};

/** What exceljs's streaming writer reads of its shared strings, and the method that writes them (exceljs 4.4). */
interface SharedStringsOwner {
  sharedStrings: unknown;
  addSharedStrings(): Promise<void>;
  readonly zip: { append(content: string, options: { name: string }): void };
}

/**
 * Distinct texts in order of first use, with exceljs's SharedStrings interface.
 *
 * @example
 * const table = SharedStringTable.installIn(book);
 * table.add("R101"); // 0
 * table.add("R102"); // 1
 * table.add("R101"); // 0
 */
export class SharedStringTable {
  private readonly indexes = new Map<string, number>();
  private readonly texts: string[] = [];
  private references = 0;

  /**
   * A new table that the workbook writer uses for its cells and writes as
   * xl/sharedStrings.xml.
   */
  static installIn(book: ExcelJS.stream.xlsx.WorkbookWriter): SharedStringTable {
    const owner = book as unknown as SharedStringsOwner;
    const table = new SharedStringTable();
    owner.sharedStrings = table;
    owner.addSharedStrings = () => {
      if (table.count > 0) owner.zip.append(table.xml(), { name: "/xl/sharedStrings.xml" });
      return Promise.resolve();
    };
    return table;
  }

  get count(): number {
    return this.texts.length;
  }

  get values(): readonly string[] {
    return this.texts;
  }

  get totalRefs(): number {
    return this.references;
  }

  getString(index: number): string | undefined {
    return this.texts[index];
  }

  /** The index of a text, added at the end the first time it is seen. */
  add(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.indexes.set(text, index);
      this.texts.push(text);
    }
    return index;
  }

  /** xl/sharedStrings.xml, as exceljs's SharedStringsXform renders plain texts. */
  xml(): string {
    const parts: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.count}">`,
    ];
    for (const text of this.texts) {
      // Kept as written, where a reader would trim: the same test exceljs makes.
      const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
      parts.push(`<si><t${preserve}>${excelUtils.xmlEncode(text)}</t></si>`);
    }
    parts.push("</sst>");
    return parts.join("");
  }
}
