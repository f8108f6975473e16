import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckWithDialect } from '../../src/parse/index.js';

const decks = ['decks/tour.md', 'decks/unikernels/talk.md', ...readdirSync('test/fixtures/dialects').map((name) => `test/fixtures/dialects/${name}`)];
const noIncludes = () => ({ error: 'no includes here' });

describe('headOnly: the first slide of a deck, and how many there are', () => {
  it.each(decks.filter((path) => path.endsWith('.md')))('%s: the same first slide, count, title and dialect as a full parse', (path) => {
    const text = readFileSync(path, 'utf8');
    const full = parseDeckWithDialect(text, { file: path, readInclude: noIncludes });
    const head = parseDeckWithDialect(text, { file: path, readInclude: noIncludes, headOnly: true });
    expect(head.dialect).toBe(full.dialect);
    expect(head.deck.meta).toEqual(full.deck.meta);
    expect(head.deck.slides.length).toBe(full.deck.slides.length);
    expect(head.deck.slides[0]).toEqual(full.deck.slides[0]);
    expect(head.deck.slides.slice(1).every((slide) => slide.blocks.length === 0)).toBe(true);
  });

  it('leaves skipped slides out of the count, before and after the first', () => {
    const text = '# Skipped\n<!-- skip_slide -->\n\n---\n\n# First\n\n---\n\n# Gone\n<!-- skip_slide -->\n\n---\n\n# Last\n';
    const head = parseDeckWithDialect(text, { file: 'deck.md', headOnly: true }).deck;
    expect(head.slides.map((slide) => slide.index)).toEqual([1, 2]);
    expect(head.slides[0]!.title).toBe('First');
    expect(parseDeckWithDialect(text, { file: 'deck.md' }).deck.slides.map((slide) => slide.title)).toEqual(['First', 'Last']);
  });
});
