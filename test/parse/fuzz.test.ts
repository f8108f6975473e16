import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Block, Deck } from '../../src/deck/index.js';
import { parseDeck } from '../../src/parse/index.js';

/** Lines that exercise the parser's corners, mixed with arbitrary text. */
const FRAGMENTS = [
  '---',
  '--- ',
  '***',
  '```',
  '```js +line_numbers {1,3-5}',
  '~~~',
  '````',
  '<!-- pause -->',
  '<!-- end_slide -->',
  '<!--',
  '-->',
  '<!-- notes:',
  '<!-- speaker_note: |',
  '  indented note',
  '<!-- columns: 1 1 -->',
  '<!-- column: 1 -->',
  '<!-- column: 5 -->',
  '<!-- reset_layout -->',
  '<!-- incremental_lists: true -->',
  '<!-- alignment: center -->',
  '<!-- jump_to_middle -->',
  '<!-- new_lines: 2 -->',
  '<!-- skip_slide -->',
  '<!-- no_footer -->',
  '<!-- time: 1:30 -->',
  '<!-- include: part.md -->',
  '<!-- include: self.md -->',
  '<!-- source: a.md:1-2 #abcdef "q" -->',
  '<!-- bogus -->',
  '<!-- // comment -->',
  'text <!-- pause --> inline',
  '# Heading',
  'Setext',
  '===',
  '- item',
  '  - nested',
  '1. one',
  '- [x] task',
  '> quote',
  '> [!WARNING]',
  '> <!-- pause -->',
  '| a | b |',
  '|:-|-:|',
  '![img](x.png)',
  '<div>&amp; <b>x</b>',
  '</div>',
  '<br>',
  '[ref]: http://x',
  '[ref]',
  '    indented code',
  'title: x',
  'duration: [',
  '\t- tab',
  '',
  '你好 🌏',
];

const line = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const document = fc
  .tuple(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, lineEnd]) => lines.join(lineEnd));

/** Single characters: Markdown punctuation often, any code point (lone surrogates included) sometimes. */
const character = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...'\n\r\t -`~<!>#*_|[](){}:\\&;'.split('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

function checkSteps(blocks: readonly Block[], steps: number): void {
  for (const block of blocks) {
    expect(block.step).toBeGreaterThanOrEqual(0);
    expect(block.step).toBeLessThan(steps);
    expect(block.line).toBeGreaterThanOrEqual(1);
    if (block.kind === 'list') {
      for (const item of block.items) {
        expect(item.step).toBeLessThan(steps);
        checkSteps(item.blocks, steps);
      }
    }
    if (block.kind === 'quote' || block.kind === 'alert') checkSteps(block.blocks, steps);
    if (block.kind === 'columns') for (const column of block.columns) checkSteps(column, steps);
  }
}

function checkDeck(deck: Deck, files: Record<string, string>): void {
  for (const d of deck.diagnostics) {
    expect(d.message).not.toMatch(/internal error/u);
    expect(Object.keys(files)).toContain(d.file);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(Math.max(1, (files[d.file] ?? '').split(/\r\n|\r|\n/u).length));
  }
  deck.slides.forEach((slide, i) => {
    expect(slide.index).toBe(i + 1);
    expect(slide.steps).toBeGreaterThanOrEqual(1);
    checkSteps(slide.blocks, slide.steps);
  });
}

describe('parseDeck on arbitrary input', () => {
  test('never throws, and every diagnostic and block is well located', () => {
    fc.assert(
      fc.property(document, document, (main, part) => {
        const files: Record<string, string> = { 'main.md': main, 'part.md': part, 'self.md': part };
        const deck = parseDeck(main, {
          file: 'main.md',
          readInclude: (path) => (path in files ? { file: path, text: files[path] ?? '' } : { error: 'no such file' }),
        });
        checkDeck(deck, files);
      }),
      { numRuns: 300 },
    );
  });

  test('survives arbitrary strings, including unpaired surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 400 }), (text) => {
        checkDeck(parseDeck(text, { file: 'main.md' }), { 'main.md': text });
      }),
      { numRuns: 300 },
    );
  });
});
