import type { Segment, StyledLine } from './types.js';
import { graphemes, graphemeWidth } from './width.js';
import { joinSegments } from './line.js';

/** A grapheme cluster with its display width and the segment it came from. */
interface Cell {
  text: string;
  width: number;
  segment: number;
}

interface Token {
  space: boolean;
  cells: Cell[];
  width: number;
  /** Cell indices after a hyphen or slash: where a word too long for any line is split first. */
  softBreaks: number[];
}

/** Closing punctuation and small kana: a line should not start with them (kinsoku). */
const NO_BREAK_BEFORE = new Set(
  Array.from(
    '，。、；：！？」』）】》〉〕］｝〙〗’”…‥・ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ％‰' +
      ')]},.;:!?%',
  ),
);
/** Opening punctuation: a line should not end with them. */
const NO_BREAK_AFTER = new Set(Array.from('（「『【《〈〔［｛〘〖‘“([{'));
const ZERO_WIDTH_SPACE = '\u200b';

function isSpace(text: string): boolean {
  return text === ' ' || text === '\u3000';
}

/** Whether a line may break between two adjacent non-space clusters. */
function mayBreakBetween(before: string, beforeWidth: number, after: string, afterWidth: number): boolean {
  if (NO_BREAK_BEFORE.has(after) || NO_BREAK_AFTER.has(before)) return false;
  // Ideographic text has no spaces: every wide cluster is a break opportunity on either side.
  return beforeWidth === 2 || afterWidth === 2;
}

/** Whether a word too long for a line may be split here: after a hyphen or slash (compounds, paths, URLs). */
function isSoftBreak(before: string, after: string, beforeBefore: string | undefined): boolean {
  return (before === '-' || before === '/') && beforeBefore !== undefined && after !== before && !NO_BREAK_BEFORE.has(after);
}

/** Splits one logical line (no '\n') into words and spaces at its break opportunities. */
function tokenize(segments: readonly Segment[], width: number): Token[] {
  const tokens: Token[] = [];
  let word: Token | null = null;
  let previous: Cell | null = null;
  let beforePrevious: Cell | null = null;
  let forcedBreak = false;
  for (let index = 0; index < segments.length; index++) {
    for (let text of graphemes(segments[index]!.text)) {
      if (text === ZERO_WIDTH_SPACE) {
        forcedBreak = true;
        continue;
      }
      let cellWidth = graphemeWidth(text);
      // Ink advances one column for a zero-width cluster on its own, so such clusters are dropped.
      if (cellWidth === 0) continue;
      if (cellWidth > width) {
        text = '…';
        cellWidth = 1;
      }
      const cell: Cell = { text, width: cellWidth, segment: index };
      if (isSpace(text)) {
        word = null;
        const last = tokens.at(-1);
        if (last?.space) {
          last.cells.push(cell);
          last.width += cellWidth;
        } else tokens.push({ space: true, cells: [cell], width: cellWidth, softBreaks: [] });
      } else {
        if (word === null || forcedBreak || (previous !== null && mayBreakBetween(previous.text, previous.width, text, cellWidth))) {
          word = { space: false, cells: [], width: 0, softBreaks: [] };
          tokens.push(word);
        } else if (previous !== null && isSoftBreak(previous.text, text, beforePrevious?.text)) {
          word.softBreaks.push(word.cells.length);
        }
        word.cells.push(cell);
        word.width += cellWidth;
      }
      forcedBreak = false;
      beforePrevious = isSpace(text) ? null : previous;
      previous = isSpace(text) ? null : cell;
    }
  }
  return tokens;
}

function toLine(cells: readonly Cell[], segments: readonly Segment[]): StyledLine {
  const line: StyledLine = [];
  let current: Segment | null = null;
  let currentIndex = -1;
  for (const cell of cells) {
    if (current === null || cell.segment !== currentIndex) {
      const source = segments[cell.segment]!;
      current = source.href === undefined ? { text: '', style: source.style } : { text: '', style: source.style, href: source.href };
      currentIndex = cell.segment;
      line.push(current);
    }
    current.text += cell.text;
  }
  return joinSegments(line);
}

/** A word cut at its soft breaks. */
function pieces(token: Token): Cell[][] {
  const out: Cell[][] = [];
  let from = 0;
  for (const at of [...token.softBreaks, token.cells.length]) {
    out.push(token.cells.slice(from, at));
    from = at;
  }
  return out;
}

function wrapLogicalLine(segments: readonly Segment[], width: number): StyledLine[] {
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let lineWidth = 0;
  let pending: Cell[] = [];
  let pendingWidth = 0;
  const flush = (): void => {
    lines.push(line);
    line = [];
    lineWidth = 0;
    pending = [];
    pendingWidth = 0;
  };
  for (const token of tokenize(segments, width)) {
    if (token.space) {
      // Spaces between words survive; spaces at a line's start or end do not.
      if (line.length > 0) {
        pending.push(...token.cells);
        pendingWidth += token.width;
      }
      continue;
    }
    if (lineWidth + pendingWidth + token.width <= width) {
      line.push(...pending, ...token.cells);
      lineWidth += pendingWidth + token.width;
      pending = [];
      pendingWidth = 0;
      continue;
    }
    if (line.length > 0) flush();
    pending = [];
    pendingWidth = 0;
    // A word wider than the whole line: split after hyphens and slashes, then between clusters.
    for (const piece of pieces(token)) {
      const pieceWidth = piece.reduce((sum, cell) => sum + cell.width, 0);
      if (lineWidth + pieceWidth > width && line.length > 0) flush();
      for (const cell of piece) {
        if (lineWidth + cell.width > width) flush();
        line.push(cell);
        lineWidth += cell.width;
      }
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((cells) => toLine(cells, segments));
}

/** Splits segments into logical lines at '\n'. */
function splitLogicalLines(segments: readonly Segment[]): Segment[][] {
  const result: Segment[][] = [[]];
  for (const segment of segments) {
    const parts = segment.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) result.push([]);
      if (part !== '') result.at(-1)?.push({ ...segment, text: part });
    });
  }
  return result;
}

/**
 * Wraps styled text to a display width: breaks at spaces, between CJK/wide clusters (never before
 * closing or after opening punctuation), after hyphens and slashes inside words, and at '\n';
 * words wider than the line are split between grapheme clusters. Every line is at most `width`
 * columns; there is always at least one line.
 */
export function wrapSegments(segments: readonly Segment[], width: number): StyledLine[] {
  const columns = Math.max(1, width);
  return splitLogicalLines(segments).flatMap((logical) => wrapLogicalLine(logical, columns));
}

/** Width of the widest unbreakable word: the narrowest a table column can be without splitting words. */
export function longestWordWidth(segments: readonly Segment[]): number {
  let longest = 0;
  for (const logical of splitLogicalLines(segments)) {
    for (const token of tokenize(logical, Number.MAX_SAFE_INTEGER)) if (!token.space) longest = Math.max(longest, token.width);
  }
  return longest;
}

/**
 * Breaks a line wherever it reaches `width`, keeping every space: for code, where whitespace
 * matters and words are not the unit.
 */
export function hardWrap(line: StyledLine, width: number): StyledLine[] {
  const columns = Math.max(1, width);
  const lines: Cell[][] = [[]];
  let lineWidth = 0;
  line.forEach((segment, index) => {
    for (let text of graphemes(segment.text)) {
      let cellWidth = graphemeWidth(text);
      if (cellWidth === 0) continue;
      if (cellWidth > columns) {
        text = '…';
        cellWidth = 1;
      }
      if (lineWidth + cellWidth > columns) {
        lines.push([]);
        lineWidth = 0;
      }
      lines.at(-1)?.push({ text, width: cellWidth, segment: index });
      lineWidth += cellWidth;
    }
  });
  return lines.map((cells) => toLine(cells, line));
}
