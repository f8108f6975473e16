import type { Alignment } from '../deck/index.js';
import type { TextStyle } from '../theme/index.js';
import type { Segment, StyledLine } from './types.js';
import { displayWidth, graphemes, graphemeWidth } from './width.js';

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  if (a === b) return true;
  return (
    a.fg === b.fg &&
    a.bg === b.bg &&
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.dim === b.dim &&
    a.strikethrough === b.strikethrough &&
    a.inverse === b.inverse
  );
}

/** Merges neighbouring segments of the same style and link and drops empty ones. */
export function joinSegments(line: readonly Segment[]): StyledLine {
  const out: StyledLine = [];
  for (const segment of line) {
    if (segment.text === '') continue;
    const last = out.at(-1);
    if (last && last.href === segment.href && last.image === segment.image && sameStyle(last.style, segment.style)) {
      out[out.length - 1] = { ...last, text: last.text + segment.text };
    } else out.push(segment);
  }
  return out;
}

/** Display width of a line. */
export function lineWidth(line: readonly Segment[]): number {
  let width = 0;
  for (const segment of line) width += displayWidth(segment.text);
  return width;
}

/** A segment of `count` spaces. */
export function spaces(count: number, style: TextStyle = {}): Segment {
  return { text: ' '.repeat(Math.max(0, count)), style };
}

/** Pads a line with spaces to `width` columns. */
export function padLine(line: StyledLine, width: number, style: TextStyle = {}): StyledLine {
  const missing = width - lineWidth(line);
  return missing > 0 ? [...line, spaces(missing, style)] : line;
}

/** Cuts a line to at most `width` columns, ending it with `ellipsis` when something was cut. */
export function truncateLine(line: StyledLine, width: number, ellipsis = '…'): StyledLine {
  if (lineWidth(line) <= width) return line;
  const room = Math.max(0, width - displayWidth(ellipsis));
  const out: StyledLine = [];
  let used = 0;
  let lastStyle: TextStyle = {};
  for (const segment of line) {
    let text = '';
    for (const grapheme of graphemes(segment.text)) {
      const w = graphemeWidth(grapheme);
      if (used + w > room) break;
      text += grapheme;
      used += w;
    }
    lastStyle = segment.style;
    if (text !== '') out.push({ ...segment, text });
    if (text.length < segment.text.length) break;
  }
  if (width >= displayWidth(ellipsis) && ellipsis !== '') out.push({ text: ellipsis, style: lastStyle });
  return joinSegments(out);
}

/** Places a line within `width` columns by display width. */
export function alignLine(line: StyledLine, align: Alignment, width: number): StyledLine {
  if (align === 'left') return line;
  const free = width - lineWidth(line);
  if (free <= 0) return line;
  const left = align === 'center' ? Math.floor(free / 2) : free;
  return [spaces(left), ...line];
}

/**
 * Aligns a block's lines: each line on its own (`perLine`, for running text) or the block as a
 * unit by its widest line (lists, tables, code keep their inner alignment).
 */
export function alignLines(lines: StyledLine[], align: Alignment, width: number, perLine: boolean): StyledLine[] {
  if (align === 'left') return lines;
  if (perLine) return lines.map((line) => alignLine(line, align, width));
  const widest = Math.max(0, ...lines.map(lineWidth));
  const free = width - widest;
  if (free <= 0) return lines;
  const left = align === 'center' ? Math.floor(free / 2) : free;
  return lines.map((line) => (line.length === 0 ? line : [spaces(left), ...line]));
}

/** Puts a prefix before the first line and a same-width blank (or `rest`) before the others. */
export function prefixLines(lines: StyledLine[], first: StyledLine, rest?: StyledLine): StyledLine[] {
  const other = rest ?? [spaces(lineWidth(first))];
  return lines.map((line, i) => joinSegments([...(i === 0 ? first : other), ...line]));
}
