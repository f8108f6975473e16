import { describe, expect, test } from 'vitest';
import { checkSources, compileTalkDetailed } from '../../src/compile/index.js';
import { bulletLength } from '../../src/compile/condense.js';
import { hasCjk } from '../../src/compile/tokens.js';
import { findOverflows } from '../../src/render/index.js';
import { loadTheme } from '../../src/theme/index.js';
import { CORPUS_ARTICLES, CORPUS_DIR, parseIn, readIn } from './helpers.js';

/**
 * Every real article of the corpus (test/corpus/articles, origins in its SOURCES.md) compiles, at its
 * natural length, to a deck that passes what `talkdeck check --size 80x24` checks: no diagnostics,
 * every citation found where it says, no slide overflowing an 80x24 terminal.
 */
const theme = loadTheme('dark', { themesDir: 'themes', cwd: process.cwd() });

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

test('the corpus holds at least 20 articles, each listed with its origin and licence', () => {
  expect(CORPUS_ARTICLES.length).toBeGreaterThanOrEqual(20);
  const sources = readIn(CORPUS_DIR, 'articles/SOURCES.md') ?? '';
  for (const name of CORPUS_ARTICLES) expect(sources, name).toContain(`| \`${name}\` |`);
});

describe.each(CORPUS_ARTICLES)('%s', (name) => {
  const path = `articles/${name}`;
  const compiled = compileTalkDetailed([{ path, text: readIn(CORPUS_DIR, path) ?? '' }]);
  const deck = parseIn(CORPUS_DIR, compiled.markdown);

  test('compiles to a deck that passes talkdeck check and check --size 80x24', () => {
    expect(deck.diagnostics).toEqual([]);
    expect(checkSources(deck, (p) => readIn(CORPUS_DIR, p))).toEqual([]);
    expect(findOverflows(deck, theme, { columns: 80, rows: 24 })).toEqual([]);
  });

  test('has bullets a speaker can show: English a median of 12 words and none over 20; Chinese a median of 30 characters', () => {
    const bullets = compiled.talk.slides.filter((s) => s.kind === 'content').flatMap((s) => s.bullets.map((b) => b.text));
    const english = bullets.filter((b) => !hasCjk(b)).map(bulletLength);
    const chinese = bullets.filter((b) => hasCjk(b)).map(bulletLength);
    if (english.length > 0) {
      expect(median(english)).toBeLessThanOrEqual(12);
      expect(Math.max(...english)).toBeLessThanOrEqual(20);
    }
    if (chinese.length > 0) expect(median(chinese)).toBeLessThanOrEqual(30);
  });
});
