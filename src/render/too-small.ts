import type { TextStyle } from '../theme/index.js';
import { alignLine, truncateLine } from './line.js';
import type { StyledLine } from './types.js';
import { wrapSegments } from './wrap.js';

/** The smallest terminal a slide is drawn in. */
export const MIN_COLUMNS = 30;
export const MIN_ROWS = 8;

/** Whether a terminal is too small to present in. */
export function isTooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

/**
 * The screen shown when the terminal is below MIN_COLUMNS×MIN_ROWS: "terminal too small (need
 * 30×8, have W×H)", wrapped and centred; at tiny sizes a shorter wording is used, and the text is
 * cut so it always fits `columns`×`rows`.
 */
export function layoutTooSmall(columns: number, rows: number, style: TextStyle = { bold: true }): StyledLine[] {
  if (columns <= 0 || rows <= 0) return [];
  const have = `${Math.max(0, columns)}×${Math.max(0, rows)}`;
  const need = `${MIN_COLUMNS}×${MIN_ROWS}`;
  const wordings = [`terminal too small (need ${need}, have ${have})`, `too small: need ${need}, have ${have}`, `${have} < ${need}`];
  let lines: StyledLine[] = [];
  for (const text of wordings) {
    lines = wrapSegments([{ text, style }], columns);
    if (lines.length <= rows) break;
  }
  const shown = lines.slice(0, rows).map((line) => alignLine(truncateLine(line, columns), 'center', columns));
  const top = Math.floor((rows - shown.length) / 2);
  return [...Array.from({ length: top }, (): StyledLine => []), ...shown];
}
