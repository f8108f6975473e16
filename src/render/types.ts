import type { TextStyle } from '../theme/index.js';

/** A run of text drawn in one style; `href` makes it an OSC 8 hyperlink when painted. */
export interface Segment {
  text: string;
  style: TextStyle;
  href?: string;
  /** This run of blank cells is row `row` of an image's box, which a graphics protocol draws over after painting. */
  image?: ImageMark;
}

/** Marks the cells reserved for an image drawn by a graphics protocol (kitty, iTerm2, sixel). */
export interface ImageMark {
  src: string;
  columns: number;
  rows: number;
  row: number;
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
  /** Runs of `+exec` blocks and whether running is allowed; without it, exec blocks show as code. */
  exec?: ExecLayout;
  /** How images are drawn; without it, an image is its framed alt text. */
  images?: ImageLayout;
  /** Changes whenever what `exec` or `images` give changes (a run's output, an image decoded): part of the layout cache's key. */
  extrasKey?: string;
}

/** How a run of a `+exec` block stands, as the layout shows it. */
export interface SnippetView {
  status: 'running' | 'done' | 'failed' | 'stopped' | 'timed-out' | 'unavailable';
  /** Raw output: made safe (text/sanitize.ts) where it is laid out. */
  output: string;
  exitCode: number | null;
  message?: string;
}

export interface ExecLayout {
  /** Runs by code block (the deck's own block objects). */
  runs: ReadonlyMap<object, SnippetView>;
  /** `-x`: `+exec` and `+auto_exec` blocks may run. */
  enabled: boolean;
  /** `-X`: `+exec_replace` blocks may run. */
  replaceEnabled: boolean;
  /** The key that runs a slide's code, as the help names it (default Ctrl-E). */
  key?: string;
}

/** One terminal cell of an image drawn in half blocks: the colours of its upper and lower pixel (`#rrggbb`), null where transparent. */
export type HalfBlockCell = readonly [top: string | null, bottom: string | null];

export interface ImageLayout {
  /** `graphics`: a box of blank cells a protocol draws over; `blocks`: half-block cells in colour; `none`: the framed alt text. */
  mode: 'graphics' | 'blocks' | 'none';
  /** The image's size in pixels, or null when it is not known (not read yet, or unreadable): then the framed alt text. */
  size(src: string): { width: number; height: number } | null;
  /** For `blocks`: the image scaled to `columns` × `rows` cells, or null until it has been decoded (a blank box meanwhile). */
  cells?(src: string, columns: number, rows: number): ReadonlyArray<ReadonlyArray<HalfBlockCell>> | null;
  /** A cell's height over its width, in pixels (default 2). */
  cellAspect?: number;
}

/** A laid-out slide: at most `rows` lines; `hiddenLines` counts the lines cut off when it overflows. */
export interface SlideLayout {
  lines: StyledLine[];
  overflow: boolean;
  hiddenLines: number;
}
