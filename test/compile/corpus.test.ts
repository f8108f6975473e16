import { describe, expect, test } from 'vitest';
import { assessTalk, checkSources, compileTalkDetailed, coverDeck, coverTalk, type Compiled } from '../../src/compile/index.js';
import { shownText } from '../../src/compile/write-deck.js';
import { slideText, type Deck } from '../../src/deck/index.js';
import { bulletLength } from '../../src/compile/condense.js';
import { hasCjk } from '../../src/compile/tokens.js';
import { findOverflows } from '../../src/render/index.js';
import { loadTheme } from '../../src/theme/index.js';
import { BUNDLED, CORPUS_ARTICLES, CORPUS_DIR, parseIn, readIn, UNIKERNELS_DIR } from './helpers.js';

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

  test('no bullet says again what its slide\'s title or its section\'s divider says', () => {
    expect(repeatedBullets(compiled.talk.slides)).toEqual([]);
  });

  test('the quality report finds no fragment title or bullet, no boilerplate on a slide, no bullet that points at what is not there', () => {
    const quality = assessTalk([{ path, text: readIn(CORPUS_DIR, path) ?? '' }], compiled);
    expect({ titles: quality.fragmentExamples, bullets: quality.fragmentBulletExamples, boilerplate: quality.boilerplateExamples, dangling: quality.danglingBullets }).toEqual({ titles: [], bullets: [], boilerplate: [], dangling: 0 });
  });

  test('the coverage build computes from the plan is the coverage of the deck it writes, read back', () => {
    expectSameCoverage(compiled, deck);
  });
});

/** coverTalk (what build prints and records) against coverDeck of the written deck parsed, slide text included. */
function expectSameCoverage(compiled: Compiled, deck: Deck): void {
  expect(compiled.talk.slides.map(shownText)).toEqual(deck.slides.map(slideText));
  const read = (p: string) => compiled.articles.get(p)?.text ?? null;
  expect(coverTalk(compiled.talk, compiled.articles)).toEqual(coverDeck(deck, read, { missed: false, read: compiled.articles }));
}

test('the bundled talk: the coverage build computes from the plan is the coverage of the deck it writes', () => {
  const compiled = compileTalkDetailed(BUNDLED.map((path) => ({ path, text: readIn(UNIKERNELS_DIR, path) ?? '' })));
  expectSameCoverage(compiled, parseIn(UNIKERNELS_DIR, compiled.markdown));
});

test('the bundled talk: no bullet repeats its title or its divider ("There is nothing tautologically small about unikernels" once)', () => {
  const compiled = compileTalkDetailed(BUNDLED.map((path) => ({ path, text: readIn(UNIKERNELS_DIR, path) ?? '' })));
  expect(repeatedBullets(compiled.talk.slides)).toEqual([]);
  const small = compiled.talk.slides.find((s) => s.title === 'There is nothing tautologically small about unikernels');
  expect(small?.bullets.length).toBeGreaterThanOrEqual(2);
});

/** Bullets equal (but for case, spaces and a final stop, and a lead-in before them) to their slide's title or to the title or subtitle of the divider before it. */
function repeatedBullets(slides: readonly { kind: string; title: string; subtitle: string; bullets: readonly { text: string }[] }[]): string[] {
  const bare = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').trim().replace(/[.。!！?？]+$/u, '');
  const out: string[] = [];
  let divider: string[] = [];
  for (const slide of slides) {
    if (slide.kind === 'section') divider = [slide.title, slide.subtitle].filter(Boolean).map(bare);
    else if (slide.kind !== 'content') divider = [];
    if (slide.kind !== 'content') continue;
    // The same words, or the same words after a lead-in ("尽管有丰富的知识，Cantrill 本人并不是一个公正的观察者").
    const repeats = (text: string) => [bare(slide.title), ...divider].some((t) => text === t || (t.length >= 8 && text.endsWith(t) && t.length >= text.length * 0.6));
    for (const b of slide.bullets) if (repeats(bare(b.text))) out.push(`${slide.title}: ${b.text}`);
  }
  return out;
}
