/**
 * The longest line the parser reads, in characters. Markdown's own regular expressions run out of
 * stack on lines of several megabytes (marked overflows between 8 and 10 MB of one line), and no
 * slide needs a line this long; a longer one is left out and reported at its line.
 */
export const MAX_LINE_CHARS = 1_000_000;

/** A line left out for its length: 1-based line number and its length in characters. */
export interface LongLine {
  line: number;
  length: number;
}

/**
 * Empties every line of `text` (line ends `\n`, `\r\n` or `\r`) longer than MAX_LINE_CHARS, keeping
 * the line itself so that every other line keeps its number.
 */
export function cutLongLines(text: string): { text: string; long: LongLine[] } {
  if (text.length <= MAX_LINE_CHARS) return { text, long: [] };
  const long: LongLine[] = [];
  const kept: string[] = [];
  const end = /\r\n|\r|\n/gu;
  let from = 0;
  let keptFrom = 0;
  let line = 1;
  for (;;) {
    const match = end.exec(text);
    const to = match ? match.index : text.length;
    if (to - from > MAX_LINE_CHARS) {
      kept.push(text.slice(keptFrom, from));
      long.push({ line, length: to - from });
      keptFrom = to;
    }
    if (!match) break;
    from = to + match[0].length;
    line++;
  }
  if (long.length === 0) return { text, long };
  kept.push(text.slice(keptFrom));
  return { text: kept.join(''), long };
}

/** The message for a line left out. */
export function longLineMessage(length: number): string {
  return `this line is ${length.toLocaleString('en')} characters long, over the limit of ${MAX_LINE_CHARS.toLocaleString('en')}; it is left out: break it into shorter lines`;
}
