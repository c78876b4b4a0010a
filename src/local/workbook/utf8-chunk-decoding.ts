/**
 * exceljs's streaming reader decodes each zip chunk to text on its own
 * (exceljs issue #2063, open): a Chinese character whose UTF-8 bytes straddle
 * two 16 KB chunks turns into "��". Shared strings and worksheets are
 * decoded here with a streaming decoder instead, which carries a split
 * character over to the next chunk.
 */

/** The two reader methods that receive a part's raw chunks. */
interface ChunkedPartReader {
  _parseSharedStrings(entry: { setEncoding(encoding: "utf8"): void }): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown>;
}

/**
 * Chunks of UTF-8 bytes as text, a character split across chunks kept whole.
 *
 * @example
 * const bytes = new TextEncoder().encode("酒店");
 * const parts = decodeUtf8Chunks(toAsync([bytes.subarray(0, 4), bytes.subarray(4)]));
 * // yields "酒", then "店"
 *
 * @internal Exported for its test, which splits a text at every byte; readXlsx reaches it through decodeAcrossChunks.
 */
export async function* decodeUtf8Chunks(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

/**
 * Makes one exceljs WorkbookReader decode its shared strings and worksheets
 * across chunk boundaries. Call before iterating the reader.
 *
 * @example
 * const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, options);
 * decodeAcrossChunks(reader);
 * for await (const worksheet of reader) { ... }
 */
export function decodeAcrossChunks(reader: object): void {
  const parts = reader as ChunkedPartReader;
  const parseSharedStrings = parts._parseSharedStrings.bind(parts);
  const parseWorksheet = parts._parseWorksheet.bind(parts);
  // A Node stream with an encoding decodes with a StringDecoder, which keeps split characters whole.
  parts._parseSharedStrings = (entry) => {
    entry.setEncoding("utf8");
    return parseSharedStrings(entry);
  };
  parts._parseWorksheet = (chunks, sheetNo) => parseWorksheet(decodeUtf8Chunks(chunks), sheetNo);
}
