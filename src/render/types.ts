import type { TextStyle } from '../theme/index.js';

/** A run of text drawn in one style; `href` makes it an OSC 8 hyperlink when painted. */
export interface Segment {
  text: string;
  style: TextStyle;
  href?: string;
}

/** One terminal row: segments drawn left to right. Its display width never exceeds the width it was laid out for. */
export type StyledLine = Segment[];

/** A rectangle of terminal cells. */
export interface LayoutSize {
  columns: number;
  rows: number;
}

export interface LayoutOptions {
  /** Whether links may be painted as OSC 8 hyperlinks instead of `text (url)`. */
  hyperlinks: boolean;
}

/** A laid-out slide: at most `rows` lines; `hiddenLines` counts the lines cut off when it overflows. */
export interface SlideLayout {
  lines: StyledLine[];
  overflow: boolean;
  hiddenLines: number;
}
