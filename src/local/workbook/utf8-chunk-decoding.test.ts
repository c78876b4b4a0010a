import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decodeUtf8Chunks } from "./utf8-chunk-decoding";
import { readXlsx } from "./xlsx-workbook";

async function* chunksOf(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts;
}

async function joined(parts: Uint8Array[]): Promise<string> {
  let text = "";
  for await (const piece of decodeUtf8Chunks(chunksOf(parts))) text += piece;
  return text;
}

describe("decodeUtf8Chunks", () => {
  it("keeps a character whole when its bytes straddle two chunks, at every split", async () => {
    const text = "东方酒店有限公司 Café";
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await joined([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(text);
    }
  });

  it("passes text chunks through unchanged", async () => {
    const pieces: string[] = [];
    async function* texts(): AsyncGenerator<string> {
      yield "酒";
      yield "店";
    }
    for await (const piece of decodeUtf8Chunks(texts())) pieces.push(piece);
    expect(pieces).toEqual(["酒", "店"]);
  });
});

describe("readXlsx on a workbook of Chinese text larger than one zip chunk", () => {
  it("reads every character back as written", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sales");
    // Distinct texts go to the shared strings; 4,000 of them span several 16 KB chunks.
    const names = Array.from({ length: 4000 }, (_, i) => `东方酒店有限公司第${i}分店`);
    for (const name of names) sheet.addRow([name]);
    const path = join(await mkdtemp(join(tmpdir(), "utf8-")), "chinese.xlsx");
    await workbook.xlsx.writeFile(path);
    const read = await readXlsx(path);
    const column = read.sheets[0]?.values.map((row) => row[0]);
    expect(column).toEqual(names);
  });
});
