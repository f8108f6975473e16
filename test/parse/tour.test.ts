import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import type { AlertKind, Block, BlockKind, Deck, Inline } from '../../src/deck/index.js';
import { inlineText } from '../../src/deck/index.js';
import { collapseWhitespace, fingerprintOf, formatDiagnostic, loadDeck } from '../../src/parse/index.js';

const TOUR = 'decks/tour.md';
const WIDTH = 76;
const HEIGHT = 18;

const TITLES = [
  'Welcome to talkdeck',
  'A deck is a Markdown file',
  'Text styles',
  'Lists',
  'Tables',
  'Code with line numbers and highlights',
  'More languages',
  'Quotes, with their sources',
  'Alerts',
  'Images',
  'Columns',
  'Alignment',
  'Part two: presenting',
  'Reveal step by step',
  'Incremental lists',
  'Speaker notes and timing',
  'Running code',
  'Included from another file',
  'Wide characters 🌏',
  'When something is wrong',
  'Thank you',
];

/** Lines a text takes when its words are wrapped at `width` display columns. */
function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const w = stringWidth(word);
      if (line > 0 && line + 1 + w > width) {
        lines++;
        line = w;
      } else line += (line > 0 ? 1 : 0) + w;
    }
  }
  return lines;
}

/**
 * A renderer-independent estimate of the rows blocks need at a width: a blank row between
 * blocks, code padded by a row above and below, tables with three border rows, an alert's label.
 * Also checks that nothing which cannot wrap (code, table rows) is wider than `width`.
 */
function rows(blocks: readonly Block[], width: number, problems: string[]): number {
  let total = 0;
  blocks.forEach((block, i) => {
    if (i > 0 && block.kind !== 'middle' && blocks[i - 1]?.kind !== 'middle') total += 1;
    total += blockRows(block, width, problems);
  });
  return total;
}

function blockRows(block: Block, width: number, problems: string[]): number {
  const text = (inlines: Inline[]) => inlineText(inlines);
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return wrappedLines(text(block.children), width);
    case 'list':
      return block.items.reduce((sum, item) => sum + rows(item.blocks, width - 4, problems), 0);
    case 'quote':
      return rows(block.blocks, width - 2, problems);
    case 'alert':
      return 1 + rows(block.blocks, width - 2, problems);
    case 'table': {
      const cells = [block.header, ...block.rows];
      const widths = block.header.map((_, c) => Math.max(...cells.map((row) => stringWidth(text(row[c] ?? [])))));
      const tableWidth = widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1;
      if (tableWidth > width) problems.push(`table is ${tableWidth} columns wide`);
      return cells.length + 3;
    }
    case 'code': {
      const gutter = block.lineNumbers ? 5 : 0;
      for (const line of block.text.split('\n')) {
        if (stringWidth(line) + gutter + 2 > width) problems.push(`code line too wide: ${line}`);
      }
      return block.text.split('\n').length + 2;
    }
    case 'columns': {
      const sum = block.widths.reduce((a, b) => a + b, 0);
      return Math.max(0, ...block.columns.map((column, i) => rows(column, Math.floor((width * (block.widths[i] ?? 1)) / sum) - 2, problems)));
    }
    case 'html':
      return block.text.split('\n').reduce((sum, line) => sum + wrappedLines(line, width), 0);
    case 'spacer':
      return block.lines;
    case 'rule':
    case 'image':
      return 1;
    case 'middle':
      return 0;
  }
}

function kindsIn(blocks: readonly Block[], into: Set<BlockKind>): Set<BlockKind> {
  for (const block of blocks) {
    into.add(block.kind);
    if (block.kind === 'list') for (const item of block.items) kindsIn(item.blocks, into);
    if (block.kind === 'quote' || block.kind === 'alert') kindsIn(block.blocks, into);
    if (block.kind === 'columns') for (const column of block.columns) kindsIn(column, into);
  }
  return into;
}

function alertsIn(blocks: readonly Block[]): AlertKind[] {
  return blocks.flatMap((b) => (b.kind === 'alert' ? [b.alert] : b.kind === 'columns' ? b.columns.flatMap(alertsIn) : []));
}

describe('decks/tour.md', () => {
  const deck: Deck = loadDeck(TOUR, { checkSources: true });

  test('parses with zero diagnostics', () => {
    expect(deck.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  test('has 21 slides (one more is skipped) with these titles', () => {
    expect(deck.slides.map((s) => s.title)).toEqual(TITLES);
    expect(deck.slides.map((s) => s.index)).toEqual(TITLES.map((_, i) => i + 1));
    expect(readFileSync(TOUR, 'utf8')).toContain('## A hidden slide');
  });

  test('front matter uses every key', () => {
    expect(deck.meta).toEqual({
      title: 'A tour of talkdeck',
      subtitle: 'Markdown decks for the terminal',
      author: 'The talkdeck authors',
      date: '2025-06-01',
      event: 'Terminal Tools Day',
      theme: 'dark',
      durationMs: 15 * 60_000,
      incrementalLists: false,
      extra: { tags: ['tour', 'demo'] },
    });
  });

  test('shows every kind of block, all five alerts, steps, notes, timing and a slide without footer', () => {
    const kinds = kindsIn(deck.slides.flatMap((s) => s.blocks), new Set());
    expect([...kinds].sort()).toEqual(
      ['alert', 'code', 'columns', 'heading', 'html', 'image', 'list', 'middle', 'paragraph', 'quote', 'rule', 'spacer', 'table'].sort(),
    );
    expect(deck.slides.flatMap((s) => alertsIn(s.blocks)).sort()).toEqual(['caution', 'important', 'note', 'tip', 'warning']);
    const code = deck.slides.flatMap((s) => s.blocks).filter((b) => b.kind === 'code');
    expect(new Set(code.map((b) => b.kind === 'code' && b.lang))).toEqual(new Set(['markdown', 'rust', 'python', 'typescript', 'text', 'bash']));
    expect(code.some((b) => b.kind === 'code' && b.lineNumbers && b.highlight.length > 0)).toBe(true);
    const bySlide = Object.fromEntries(deck.slides.map((s) => [s.title, s]));
    expect(bySlide['Reveal step by step']?.steps).toBe(5);
    expect(bySlide['Incremental lists']?.steps).toBe(4);
    expect(deck.slides.filter((s) => s.notes !== '').length).toBeGreaterThanOrEqual(15);
    expect(deck.slides.map((s) => s.timeMs).filter((t) => t !== null)).toEqual([30_000, 45_000]);
    expect(deck.slides.filter((s) => !s.layout.footer).map((s) => s.title)).toEqual(['Thank you']);
    expect(code.filter((b) => b.kind === 'code' && b.exec).map((b) => b.kind === 'code' && b.exec?.mode)).toEqual(['exec']);
    expect(bySlide['Included from another file']?.location.file).toMatch(/tour[\\/]included\.md$/u);
  });

  test('cites line 13 of the unikernels article with a correct fingerprint and a verbatim quote', () => {
    const sources = deck.slides.flatMap((s) => s.sources.map((ref) => ({ slide: s.title, ...ref })));
    expect(sources).toHaveLength(1);
    const [ref] = sources;
    expect(ref).toMatchObject({ slide: 'Quotes, with their sources', path: 'unikernels/sources/unikernels-are-unfit-for-production.md', startLine: 13, endLine: 13 });
    expect(ref?.fingerprint).toBe(fingerprintOf(ref?.quote ?? ''));
    const article = readFileSync('decks/unikernels/sources/unikernels-are-unfit-for-production.md', 'utf8').split('\n');
    const passage = collapseWhitespace(article.slice(12, 13).join('\n'));
    expect(passage).toBe(ref?.quote);
  });

  test('the CJK slide quotes line 17 of the Chinese article verbatim', () => {
    const line17 = readFileSync('decks/unikernels/sources/unikernels-undebuggable-tns.zh.md', 'utf8').split('\n')[16];
    const slide = deck.slides.find((s) => s.title.startsWith('Wide characters'));
    const quote = slide?.blocks.find((b) => b.kind === 'quote');
    expect(quote?.kind === 'quote' && quote.blocks[0]?.kind === 'paragraph' ? inlineText(quote.blocks[0].children) : null).toBe(line17);
  });

  test.each(TITLES.map((title, i) => [i + 1, title] as const))('slide %i (%s) fits 76 columns by 18 rows', (index) => {
    const slide = deck.slides[index - 1];
    expect(slide).toBeDefined();
    if (!slide) return;
    const problems: string[] = [];
    const middle = slide.blocks.findIndex((b) => b.kind === 'middle');
    // Content after jump_to_middle starts halfway down, so it has half the rows.
    const limit = middle >= 0 ? Math.floor(HEIGHT / 2) : HEIGHT;
    const height = rows(middle >= 0 ? slide.blocks.slice(middle + 1) : slide.blocks, WIDTH, problems);
    expect(problems).toEqual([]);
    expect(height).toBeLessThanOrEqual(limit);
  });
});
