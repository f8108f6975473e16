import type { Theme } from '../theme/index.js';
import { joinSegments, truncateLine } from './line.js';
import { sanitizeText } from './sanitize.js';
import type { Segment, StyledLine } from './types.js';
import { displayWidth } from './width.js';

export interface FooterInput {
  title: string;
  /** 1-based. */
  slideNumber: number;
  slideCount: number;
  elapsedMs: number;
  columns: number;
  theme: Theme;
}

/** A narrower progress bar than this is dropped rather than drawn. */
const MIN_BAR = 4;
/** The title keeps at least this many columns (with an ellipsis) before the bar gives way. */
const MIN_TITLE = 12;

/** Elapsed time as `mm:ss`, or `h:mm:ss` from an hour on. */
export function formatElapsed(elapsedMs: number): string {
  const total = Math.max(0, Math.floor(elapsedMs / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${String(minutes).padStart(2, '0')}:${seconds}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${seconds}`;
}

/**
 * The footer line: deck title on the left, `n / N` and elapsed `mm:ss` on the right, a progress
 * bar filling the middle. At narrow widths the bar goes first, then the title is shortened with
 * an ellipsis, then the counter is compacted; the line never exceeds `columns`.
 */
export function layoutFooter(input: FooterInput): StyledLine {
  const { theme, columns } = input;
  const { footer } = theme;
  const pad = columns >= 20 ? 1 : 0;
  const inner = Math.max(0, columns - 2 * pad);
  const count = Math.max(0, input.slideCount);
  const number = Math.max(0, Math.min(input.slideNumber, count));
  const time = formatElapsed(input.elapsedMs);
  const rightChoices = [`${number} / ${count}  ${time}`, `${number}/${count} ${time}`, `${number}/${count}`];
  const right = rightChoices.find((text) => displayWidth(text) <= inner) ?? rightChoices[rightChoices.length - 1]!;
  const title = sanitizeText(input.title).replace(/\s+/gu, ' ').trim();
  const rightWidth = displayWidth(right);
  // What is left for `title ␣ bar ␣`.
  const room = inner - rightWidth;
  const titleWidth = displayWidth(title);
  let titleRoom = title === '' ? 0 : Math.min(titleWidth, Math.max(0, room - 1));
  let barWidth = room - (titleRoom > 0 ? titleRoom + 1 : 0) - 1;
  if (barWidth < MIN_BAR && titleRoom > MIN_TITLE) {
    titleRoom = Math.max(MIN_TITLE, titleRoom - (MIN_BAR - barWidth));
    barWidth = room - titleRoom - 2;
  }
  if (barWidth < MIN_BAR) {
    barWidth = 0;
    titleRoom = title === '' ? 0 : Math.min(titleWidth, Math.max(0, room - 1));
  }
  // A title cut to a letter or two and an ellipsis says nothing.
  if (titleRoom < Math.min(titleWidth, 4)) titleRoom = 0;
  const segments: Segment[] = [];
  if (pad) segments.push({ text: ' ', style: footer.text });
  let used = 0;
  if (titleRoom > 0) {
    const shown = truncateLine([{ text: title, style: footer.text }], titleRoom);
    segments.push(...shown, { text: ' ', style: footer.text });
    used += displayWidth(shown.map((s) => s.text).join('')) + 1;
  }
  if (barWidth > 0) {
    const filled = count > 0 ? Math.round((barWidth * number) / count) : 0;
    const fillChar = sanitizeText(footer.progressChar) || '█';
    const emptyChar = sanitizeText(footer.progressEmptyChar) || '░';
    segments.push(
      { text: fillChar.repeat(Math.floor(filled / Math.max(1, displayWidth(fillChar)))), style: footer.progress },
      { text: emptyChar.repeat(Math.floor((barWidth - filled) / Math.max(1, displayWidth(emptyChar)))), style: footer.progressEmpty },
    );
    used += barWidth;
  }
  const gap = Math.max(0, inner - used - rightWidth);
  segments.push({ text: ' '.repeat(gap), style: footer.text }, { text: right, style: footer.text });
  if (pad) segments.push({ text: ' ', style: footer.text });
  return truncateLine(joinSegments(segments), columns);
}
