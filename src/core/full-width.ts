/**
 * Full-width ASCII forms (`２０２６－Ｑ１`, `ＲｅｐＩＤ`, `￥１２３`), which Chinese
 * input methods type, read as their ASCII forms. One function for every
 * reader of IDs, headers, periods, dates and numbers.
 */

const FULL_WIDTH_TO_ASCII_OFFSET = 0xfee0;
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_ASCII_OR_SPACE = /[\uFF01-\uFF5E\u3000]/g;

function hasFullWidth(text: string, withSpace: boolean): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0xff01 && code <= 0xff5e) || (withSpace && code === 0x3000)) return true;
  }
  return false;
}

/**
 * The text with full-width ASCII forms as ASCII; with `ideographicSpace`,
 * the ideographic space (U+3000) as a plain space too. Most cells hold no
 * full-width character and come back as they are, without a replace.
 *
 * @example
 * toHalfWidth("２０２６－Ｑ１");                                // "2026-Q1"
 * toHalfWidth("２０２６\u3000Ｑ１", { ideographicSpace: true }); // "2026 Q1"
 */
export function toHalfWidth(text: string, options: { ideographicSpace?: boolean } = {}): string {
  const withSpace = options.ideographicSpace === true;
  if (!hasFullWidth(text, withSpace)) return text;
  return text.replace(withSpace ? FULL_WIDTH_ASCII_OR_SPACE : FULL_WIDTH_ASCII, (c) =>
    c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_TO_ASCII_OFFSET),
  );
}
