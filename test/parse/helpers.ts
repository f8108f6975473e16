import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Alignment, Block, Deck, Inline, ListItem, Slide } from '../../src/deck/index.js';
import { formatDiagnostic, parseDeck, type ParseDeckOptions } from '../../src/parse/index.js';

/** Absolute path of a file under test/fixtures/parse. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/parse/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Parses a fixture with its bare name as the deck's file name. */
export function parseFixture(name: string, options: Partial<ParseDeckOptions> = {}): Deck {
  return parseDeck(fixtureText(name), { file: name, ...options });
}

/** Diagnostics as the CLI prints them, easy to compare as a list of lines. */
export function messages(deck: Deck): string[] {
  return deck.diagnostics.map(formatDiagnostic);
}

interface At {
  step?: number;
  align?: Alignment;
}

const base = (line: number, at: At = {}) => ({ step: at.step ?? 0, align: at.align ?? 'left', line });

export const text = (value: string): Inline => ({ kind: 'text', text: value });

const inlines = (children: Inline[] | string): Inline[] => (typeof children === 'string' ? [text(children)] : children);

export const para = (line: number, children: Inline[] | string, at?: At): Block => ({ kind: 'paragraph', children: inlines(children), ...base(line, at) });

export const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, line: number, children: Inline[] | string, at?: At): Block => ({
  kind: 'heading',
  level,
  children: inlines(children),
  ...base(line, at),
});

export const item = (blocks: Block[], step = 0, task: boolean | null = null): ListItem => ({ task, blocks, step });

export const list = (line: number, items: ListItem[], options: { ordered?: boolean; start?: number } & At = {}): Block => ({
  kind: 'list',
  ordered: options.ordered ?? false,
  start: options.start ?? 1,
  items,
  ...base(line, options),
});

/** A list whose items are single-line paragraphs on consecutive lines, all at one step. */
export const simpleList = (line: number, words: string[], at?: At & { ordered?: boolean; start?: number }): Block =>
  list(
    line,
    words.map((w, i) => item([para(line + i, w, at)], at?.step ?? 0)),
    at,
  );

export const code = (line: number, lang: string, value: string, extra: { lineNumbers?: boolean; highlight?: { from: number; to: number }[] } & At = {}): Block => ({
  kind: 'code',
  lang,
  text: value,
  lineNumbers: extra.lineNumbers ?? false,
  highlight: extra.highlight ?? [],
  ...base(line, extra),
});

/** A slide with the defaults of a plain slide filled in. */
export function slide(fields: Partial<Slide> & Pick<Slide, 'index' | 'title' | 'blocks' | 'location'>): Slide {
  return {
    steps: 1,
    notes: '',
    notesBlocks: [],
    sources: [],
    layout: { footer: true },
    timeMs: null,
    ...fields,
  };
}
