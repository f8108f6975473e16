import type { Severity } from '../../deck/index.js';

/** The presenters whose deck formats talkdeck reads; `talkdeck` is its own format. */
export const DIALECT_NAMES = ['talkdeck', 'presenterm', 'marp', 'slides', 'patat', 'lookatme', 'mdp', 'reveal-md', 'remark'] as const;

export type DialectName = (typeof DIALECT_NAMES)[number];

/** A message about the source deck from a normaliser, located by 1-based line and column. */
export interface DialectNote {
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

/**
 * A dialect deck rewritten into talkdeck's format, line for line: `lines[i]` comes from line i+1
 * of the source, so the parser's diagnostics and block lines stay right.
 */
export interface Normalized {
  lines: string[];
  notes: DialectNote[];
  /** Meta the dialect sets outside talkdeck's front matter, applied after parsing. */
  meta: { title?: string; author?: string; date?: string };
  /** Default for incremental lists the dialect asks for, if any. */
  incrementalLists?: boolean;
  /** Whether the deck opens with an intro slide made from its front matter (presenterm). */
  introSlide?: boolean;
  /**
   * Whether an incremental list starts with no item shown, its first item being a reveal step of
   * its own (pandoc and patat), rather than shown with what comes before it (presenterm, talkdeck).
   */
  listsRevealFirstItem?: boolean;
  /** Slides made from templates (remark), applied to the parsed slides. */
  slidePlan?: SlidePlan;
}

/**
 * The slides of a dialect deck whose slides repeat other slides' content (remark's layouts and
 * templates), applied after parsing: each slide of `slides` becomes one shown slide unless
 * hidden, its content after its template's (or in place of a `{{content}}` paragraph in it).
 */
export interface SlidePlan {
  slides: {
    /** 1-based first and last line of the slide in the source. */
    first: number;
    last: number;
    /** Not shown: a template only (remark's `layout: true`). */
    hidden: boolean;
    /** Index in `slides` of the slide whose content this one repeats first. */
    template: number | null;
    /** The slide's own properties, as written (`class`, `name`, `title`, …), for `{{ name }}`. */
    properties: Record<string, string>;
  }[];
}

/** Rewrites a dialect's lines (front matter included, `\n` line ends) into talkdeck's format. */
export type Normalizer = (lines: readonly string[]) => Normalized;
