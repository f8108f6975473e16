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
}

/** Rewrites a dialect's lines (front matter included, `\n` line ends) into talkdeck's format. */
export type Normalizer = (lines: readonly string[]) => Normalized;
