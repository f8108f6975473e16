import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompileError, compileTalk } from '../../src/compile/index.js';
import { DIALECT_NAMES, parseDeck, parseDeckWithDialect } from '../../src/parse/index.js';

/** Article-like text: words, Chinese, punctuation, Markdown markers, control characters. */
const fragment = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('The kernel', 'debugging', 'e.g.', 'Dr. Smith', '3.14', '单内核', '无法调试。', '# ', '## ', '- ', '> ', '```', '<svg>', '](http://x)', '\n\n', '. ', '\u001b[31m', '\u0000'),
);
const article = fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(' '));

describe('the compiler on random articles', () => {
  it('either compiles a deck the parser reads, or refuses with a CompileError naming the file', () => {
    let compiled = 0;
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 60 }), (text, minutes) => {
        let deck: string;
        try {
          deck = compileTalk([{ path: 'sources/a.md', text }], { minutes });
        } catch (error) {
          expect(error).toBeInstanceOf(CompileError);
          expect((error as CompileError).file).toBe('sources/a.md');
          return;
        }
        compiled++;
        const parsed = parseDeck(deck, { file: 'talk.md' });
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(compileTalk([{ path: 'sources/a.md', text }], { minutes })).toBe(deck);
      }),
      { numRuns: 150 },
    );
    // The property must have been exercised on real output, not only on refusals.
    expect(compiled).toBeGreaterThan(20);
  });
});

describe('the dialect reader on random decks', () => {
  const deckText = fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('---', '----', '--', '???', 'Note:', '. . .', '^', '%title: x', '<!-- stop -->', '<!-- _class: lead -->', 'class: center', ':::: columns', '::: column', '::::', 'marp: true', 'patat:', '<!-- end_slide -->', '# T', '-> x <-'),
      ),
      { maxLength: 60 },
    )
    .map((lines) => lines.join('\n'));

  it('never throws, keeps lines where they were, and locates every diagnostic', () => {
    fc.assert(
      fc.property(deckText, fc.constantFrom('auto', ...DIALECT_NAMES), (text, dialect) => {
        const { deck } = parseDeckWithDialect(text, { file: 'd.md', dialect: dialect as 'auto' });
        const lines = text.split('\n').length;
        for (const d of deck.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines + 1);
        }
        for (const slide of deck.slides) expect(slide.location.line).toBeLessThanOrEqual(lines + 1);
      }),
      { numRuns: 400 },
    );
  });
});
