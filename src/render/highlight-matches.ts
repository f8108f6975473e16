import type { TextStyle } from '../theme/index.js';
import type { Segment, StyledLine } from './types.js';

/**
 * Marks every occurrence of `query` (ignoring case) on laid-out lines with `style` (the theme's
 * searchMatch) laid over the text's own, and underlined, so a match stays marked where colours
 * are off (NO_COLOR). Matches may span segments; one wrapped across two lines is marked on neither. The
 * characters and widths of the lines are unchanged.
 */
export function highlightMatches(lines: readonly StyledLine[], query: string, style: TextStyle): StyledLine[] {
  const needle = query.toLocaleLowerCase();
  if (needle === '') return lines as StyledLine[];
  return lines.map((line) => highlightLine(line, needle, style));
}

function highlightLine(line: StyledLine, needle: string, style: TextStyle): StyledLine {
  const text = line.map((segment) => segment.text).join('');
  // Lower-casing can change a string's length (İ becomes two code units): then match on the text as it is.
  const folded = text.toLocaleLowerCase();
  const haystack = folded.length === text.length ? folded : text;
  const ranges: Array<[number, number]> = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  if (ranges.length === 0) return line;
  const out: Segment[] = [];
  let offset = 0;
  for (const segment of line) {
    const start = offset;
    const end = offset + segment.text.length;
    offset = end;
    let cut = start;
    for (const [from, to] of ranges) {
      if (to <= cut || from >= end) continue;
      const a = Math.max(from, cut);
      const b = Math.min(to, end);
      if (a > cut) out.push({ ...segment, text: segment.text.slice(cut - start, a - start) });
      out.push({ ...segment, text: segment.text.slice(a - start, b - start), style: { ...segment.style, ...style, underline: true } });
      cut = b;
    }
    if (cut < end) out.push({ ...segment, text: segment.text.slice(cut - start) });
  }
  return out;
}
