import type { AlertKind } from '../deck/index.js';

/**
 * A colour as Ink/chalk accept it: a hex value ('#1e1e2e'), a named ANSI colour ('red',
 * 'blueBright', 'gray'), 'ansi256(N)', or 'default' for the terminal's own colour.
 */
export type Color = string;

/** How a piece of text looks. Every field optional: unset means inherit. */
export interface TextStyle {
  fg?: Color;
  bg?: Color;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
  strikethrough?: boolean;
  /** Swap foreground and background (Ink's `inverse`): visible on any palette, used for highlights. */
  inverse?: boolean;
}

export interface HeadingStyle extends TextStyle {
  /** Drawn before the heading text, e.g. '▌ ' or '## '. */
  prefix: string;
  /** Draw a line under the heading. */
  underlineChar: string;
}

export interface AlertStyle extends TextStyle {
  icon: string;
  label: string;
}

/** A fully resolved theme: every field present. Produced by theme/ from YAML/JSON. */
export interface Theme {
  name: string;
  /** Slide background; 'default' leaves the terminal's own. */
  background: Color;
  /** Body text. */
  text: TextStyle;
  headings: { h1: HeadingStyle; h2: HeadingStyle; h3: HeadingStyle; h4: HeadingStyle; h5: HeadingStyle; h6: HeadingStyle };
  strong: TextStyle;
  emphasis: TextStyle;
  strike: TextStyle;
  inlineCode: TextStyle;
  link: TextStyle;
  quote: TextStyle & { bar: string };
  alerts: Record<AlertKind, AlertStyle>;
  list: { bullets: string[]; marker: TextStyle; taskDone: string; taskOpen: string };
  code: {
    block: TextStyle;
    lineNumber: TextStyle;
    highlightLine: TextStyle;
    /**
     * Drawn in the padding column before each highlighted line, so the highlight shows without
     * colour too (NO_COLOR, the terminal's own palette, a monochrome printout).
     */
    highlightMarker: TextStyle & { char: string };
    /** highlight.js scope names ('keyword', 'string', 'comment', 'title.function', …) to styles. */
    tokens: Record<string, TextStyle>;
  };
  table: { border: TextStyle; header: TextStyle };
  rule: TextStyle & { char: string };
  image: TextStyle;
  footer: { text: TextStyle; progress: TextStyle; progressEmpty: TextStyle; progressChar: string; progressEmptyChar: string };
  /** The marker shown where content was cut off. */
  overflow: TextStyle;
  banner: { error: TextStyle; info: TextStyle };
  searchMatch: TextStyle;
  /** Blank columns left and right, and rows above, around slide content. */
  margin: { horizontal: number; vertical: number };
}
