import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildAnswerIndex } from '../../src/compile/index.js';
import { parseDeck } from '../../src/parse/index.js';

const read = (dir: string) => (path: string) => readFileSync(join(dir, path), 'utf8');

describe('buildAnswerIndex', () => {
  const dir = 'test/fixtures/compile/coverage';
  const deck = parseDeck(readFileSync(join(dir, 'talk.md'), 'utf8'), { file: 'talk.md' });
  const index = buildAnswerIndex(deck, read(dir));

  test('finds passages of the article, not of the slides, with the slide citing them and the cited lines', () => {
    expect(index.passages).toBe(4);
    const [best] = index.search('hermit crabs');
    expect(best).toMatchObject({ path: 'article.md', startLine: 7, endLine: 8, slide: 0, cited: [7] });
    expect(best?.lines).toEqual(['Anemones close their tentacles when the water drains away.', 'Hermit crabs trade shells as they grow larger.']);
    expect(index.search('naturalists')[0]).toMatchObject({ startLine: 17, slide: null, cited: [] });
    // Stemmed as the compiler stems: "naturalist" finds "Naturalists", "grows" finds "grow".
    expect(index.search('naturalist')[0]?.startLine).toBe(17);
    expect(index.search('grows')[0]?.startLine).toBe(7);
    expect(index.search('zeppelin')).toEqual([]);
    expect(index.search('the of and')).toEqual([]);
  });

  test('Chinese passages, cut by the compiler\'s segmenter', () => {
    const zhDir = 'decks/unikernels';
    const zhDeck = parseDeck(readFileSync(join(zhDir, 'talk.md'), 'utf8'), { file: 'talk.md' });
    const zh = buildAnswerIndex(zhDeck, read(zhDir));
    const [best] = zh.search('安全好处');
    expect(best?.path).toBe('sources/unikernels-undebuggable-tns.zh.md');
    expect(best?.lines.join('')).toContain('安全好处');
  });

  test('an article that cannot be read is left out', () => {
    const none = buildAnswerIndex(deck, () => {
      throw new Error('outside');
    });
    expect(none.passages).toBe(0);
    expect(none.search('hermit')).toEqual([]);
  });
});
