import stringWidth from 'string-width';

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;
const widthCache = new Map<string, number>();

/** Display width of a string in terminal columns (CJK and emoji 2, combining marks 0). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  return stringWidth(text);
}

/** Display width of one grapheme cluster, cached: the same few thousand clusters recur in every deck. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === 1) {
    const code = grapheme.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) return 1;
  }
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    width = stringWidth(grapheme);
    if (widthCache.size > 10000) widthCache.clear();
    widthCache.set(grapheme, width);
  }
  return width;
}

/**
 * Text is split into clusters this many characters at a time: V8's Intl.Segmenter takes time that
 * grows with the square of the text's length (100,000 characters of one paragraph: seconds), so a
 * long line from a deck would freeze the presenter.
 */
const SEGMENT_CHUNK = 512;

/** The grapheme clusters of a string: the units that are never split across lines or cells. */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  const out: string[] = [];
  let from = 0;
  let chunk = SEGMENT_CHUNK;
  while (from < text.length) {
    let end = from + chunk;
    if (end >= text.length) {
      for (const { segment } of graphemeSegmenter.segment(text.slice(from))) out.push(segment);
      break;
    }
    // Never between the halves of a surrogate pair; and the last cluster of a piece may go on past
    // it, so it is taken again at the start of the next (the boundary before it is final).
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    const pieces = Array.from(graphemeSegmenter.segment(text.slice(from, end)), ({ segment }) => segment);
    if (pieces.length < 2) {
      chunk *= 2;
      continue;
    }
    pieces.pop();
    for (const piece of pieces) {
      out.push(piece);
      from += piece.length;
    }
    chunk = SEGMENT_CHUNK;
  }
  return out;
}
