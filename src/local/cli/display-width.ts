/**
 * How many terminal columns text takes: East Asian wide and full-width
 * characters (Chinese, Japanese, Korean, full-width forms, most emoji) take
 * two, combining marks and zero-width characters none, everything else one.
 * What aligning a table with Chinese names in a terminal needs.
 *
 * Node-only tooling (src/local); never part of the pushed bundle.
 */

const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions B and later
];

function isWide(code: number): boolean {
  for (const [from, to] of WIDE_RANGES) {
    if (code < from) return false;
    if (code <= to) return true;
  }
  return false;
}

function isZeroWidth(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) || // combining diacritics
    (code >= 0x200b && code <= 0x200f) || // zero-width space, joiners, marks
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    code === 0xfeff
  );
}

/**
 * Terminal columns of a text (one line).
 *
 * @example
 * displayWidth("Li Na"); // 5
 * displayWidth("王芳");   // 4
 * displayWidth("１２");   // 4 (full-width digits)
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || isZeroWidth(code)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/**
 * Pads text with spaces to a display width, on the right (`"left"`
 * alignment) or on the left (`"right"`).
 *
 * @example
 * padToWidth("王芳", 6);          // "王芳  "
 * padToWidth("1.25", 6, "right"); // "  1.25"
 */
export function padToWidth(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/**
 * Cuts text to at most `width` columns, ending with `…` when cut.
 *
 * @example
 * truncateToWidth("王芳王芳王芳", 7); // "王芳王…"
 *
 * @internal Exported only for test/local/start-parts.test.ts, which uses it directly: no source file calls it.
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "…";
}
