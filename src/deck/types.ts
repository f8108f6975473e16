/**
 * The deck model: pure data shared by every stage. Nothing here knows about terminals,
 * Markdown parsers or files.
 */

/** Where a thing came from: a file (as given to the parser) and a 1-based line and column. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A located message about a deck, printed as `file:line:col: message`. */
export interface Diagnostic extends Location {
  severity: Severity;
  message: string;
}

/** A passage of an article that a slide or note is drawn from. */
export interface SourceRef {
  /** Path of the article relative to the deck file, with forward slashes. */
  path: string;
  /** First line of the passage, 1-based. */
  startLine: number;
  /** Last line of the passage, 1-based and inclusive. */
  endLine: number;
  /** The passage's text, verbatim from those lines (whitespace may be collapsed). */
  quote: string;
  /** Short hash of the whitespace-collapsed quote; see `fingerprintOf` in parse/. */
  fingerprint: string;
  /** Line of the deck where the reference is written. */
  line: number;
}

export type Alignment = 'left' | 'center' | 'right';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'emphasis'; children: Inline[] }
  | { kind: 'strike'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'image'; src: string; alt: string }
  | { kind: 'break' };

export type AlertKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';
export type CellAlign = 'left' | 'center' | 'right' | null;

export interface ListItem {
  /** `true`/`false` for a task item (checked or not), `null` for an ordinary item. */
  task: boolean | null;
  blocks: Block[];
  /** Reveal step at which this item appears (incremental lists); 0 = from the start. */
  step: number;
}

/** A set of line numbers to highlight in a code block, e.g. `{1,3-5}`. */
export interface LineRange {
  from: number;
  to: number;
}

/** A code block that runs (`+exec`, `+exec_replace`, `+auto_exec`). */
export interface CodeExec {
  /** `exec`: on Ctrl-E, output below; `auto`: as soon as the slide shows; `replace`: at once, the output in the block's place. */
  mode: 'exec' | 'auto' | 'replace';
  /** `+exec:NAME`: a named executor instead of the language's. */
  executor: string | null;
  /** The code that runs: every line, hidden ones included (their prefix removed). `text` is what shows. */
  code: string;
  /** The output `talkdeck check --exec` last recorded for it (`<!-- exec_output: #… -->` after the block). */
  expected: { fingerprint: string; text: string; line: number } | null;
}

/** Width of an image, when the deck gives one: a share of the space it is laid out in. */
export interface ImageSize {
  widthPercent: number;
}

interface BlockBase {
  /** Reveal step at which this block appears; 0 = from the start. */
  step: number;
  /** Horizontal alignment of the block's content. */
  align: Alignment;
  /** Line in the deck file where the block starts. */
  line: number;
}

export type Block = BlockBase &
  (
    | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
    | { kind: 'paragraph'; children: Inline[] }
    | { kind: 'list'; ordered: boolean; start: number; items: ListItem[] }
    | { kind: 'quote'; blocks: Block[] }
    | { kind: 'alert'; alert: AlertKind; blocks: Block[] }
    /** `cellAlign` aligns each column's cells; the block's own `align` places the whole table. */
    | { kind: 'table'; cellAlign: CellAlign[]; header: Inline[][]; rows: Inline[][][] }
    | {
        kind: 'code';
        lang: string;
        text: string;
        lineNumbers: boolean;
        /** Highlighted lines; empty = none highlighted. */
        highlight: LineRange[];
        /** Present when the block runs. */
        exec?: CodeExec;
      }
    | { kind: 'rule' }
    | { kind: 'image'; src: string; alt: string; size?: ImageSize }
    /** Raw HTML from the deck: shown as its text content only, never passed to the terminal. */
    | { kind: 'html'; text: string }
    /** Side-by-side columns; `widths` are relative units, e.g. [1, 1] or [2, 1]. */
    | { kind: 'columns'; widths: number[]; columns: Block[][] }
    /** Blank lines (`<!-- new_lines: N -->`). */
    | { kind: 'spacer'; lines: number }
    /** Following content starts at the vertical middle of the slide. */
    | { kind: 'middle' }
  );

export type BlockKind = Block['kind'];

export interface SlideLayout {
  /** Whether the footer is drawn on this slide. */
  footer: boolean;
}

export interface Slide {
  /** 1-based position among the deck's presented slides. */
  index: number;
  /** Plain-text title: the slide's first heading, or '' if it has none. */
  title: string;
  blocks: Block[];
  /** Number of reveal steps; 1 when everything shows at once. */
  steps: number;
  /** Speaker notes as Markdown source. */
  notes: string;
  /** Speaker notes parsed into blocks. */
  notesBlocks: Block[];
  sources: SourceRef[];
  layout: SlideLayout;
  /** Explicit time budget from `<!-- time: 45s -->`, if any. */
  timeMs: number | null;
  /** Where the slide starts (file and line of its first line). */
  location: Location;
}

export interface DeckMeta {
  title: string;
  subtitle: string;
  author: string;
  date: string;
  event: string;
  theme: string;
  /** Target talk length; null if not given. */
  durationMs: number | null;
  incrementalLists: boolean;
  /** Front-matter keys beyond the known ones, as parsed. */
  extra: Record<string, unknown>;
  /**
   * Theme fields the deck sets over its theme (presenterm's `theme.override`, mapped), in the
   * form of a theme file's fields (themes/README.md); absent when the deck sets none.
   */
  themeOverride?: Record<string, unknown>;
}

export interface Deck {
  /** The deck file as given to the parser. */
  file: string;
  meta: DeckMeta;
  slides: Slide[];
  diagnostics: Diagnostic[];
}
