/** Characters a terminal draws two columns wide: CJK ideographs, kana, Hangul, full-width forms, emoji. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
// eslint-disable-next-line no-misleading-character-class -- matched one code point at a time, so a variation selector stands alone
const ZERO = /[\u0300-\u036F\u200B-\u200F\u2060\uFE00-\uFE0F]/u;

/**
 * Display columns of a string in a terminal: 2 per wide character (CJK), 0 for combining marks,
 * 1 otherwise. compile/ keeps its own copy so that the compiler bundle does not pull in the renderer.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x300) width += code < 0x20 ? 0 : 1;
    else if (WIDE.test(char)) width += 2;
    else if (!ZERO.test(char)) width += 1;
  }
  return width;
}
