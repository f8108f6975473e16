import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { coverDeck, coveredHeadings, coverageSummary } from '../../src/compile/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { slideText } from '../../src/deck/index.js';
import type { Talk, TalkSlide } from '../../src/compile/index.js';
import { shownText, writeDeck } from '../../src/compile/write-deck.js';

const DIR = 'test/fixtures/compile/coverage';
const deck = parseDeck(readFileSync(join(DIR, 'talk.md'), 'utf8'), { file: 'talk.md' });
const read = (path: string) => (path === 'article.md' ? readFileSync(join(DIR, path), 'utf8') : null);

describe('coverDeck', () => {
  test('a fixture with known coverage: one sentence on screen, one only in the notes, four left out', () => {
    const coverage = coverDeck(deck, read);
    expect(coverage.articles).toHaveLength(1);
    const [article] = coverage.articles;
    expect(article).toMatchObject({ path: 'article.md', error: null, sentences: 6, onScreen: 1, notesOnly: 1 });
    expect(article?.cited).toEqual([
      { startLine: 7, endLine: 7, quote: 'Anemones close their tentacles when the water drains away.', slides: [1] },
      { startLine: 12, endLine: 12, quote: 'Waves can knock visitors off slippery rocks.', slides: [2] },
    ]);
    expect(article?.headings.map((h) => [h.text, h.slides, h.cited, h.sentences])).toEqual([
      ['Life in the pools', [1], 1, 2],
      ['Dangers', [2], 1, 2],
      ['History', [], 0, 1],
    ]);
    // Ranked by the compiler's centrality: the article's opening sentence is its most central.
    expect(article?.missed.map((p) => p.startLine)).toEqual([3, 17, 13, 8]);
    expect(article?.missed[0]?.salience).toBe(1);
    expect(article?.missed[1]?.heading).toBe('History');
    // 11 words on slide 1, 5 on slide 2, over the deck's 2 minutes.
    expect(coverage).toMatchObject({ screenWords: 16, talkMinutes: 2, screenWordsPerMinute: 8 });
  });

  test('the headings covered, and the one-line summary build prints', () => {
    const coverage = coverDeck(deck, read);
    expect(coveredHeadings(coverage)).toEqual(['article.md#Life in the pools', 'article.md#Dangers']);
    expect(coverageSummary(coverage)).toBe(
      "coverage: 17% of the articles' 6 sentences on screen, 17% only in the notes; 2 of 3 headings have a slide; 8 words on screen a minute (talkdeck coverage DECK for the details)",
    );
  });

  test('an article that cannot be read is named with the reason, not thrown', () => {
    const coverage = coverDeck(deck, () => {
      throw new Error('article.md: outside the deck folder');
    });
    expect(coverage.articles[0]).toMatchObject({ path: 'article.md', error: 'article.md: outside the deck folder', sentences: 0 });
  });
});

describe('shownText', () => {
  test('is the text of the slide writeDeck writes, read back, for markup the writer escapes or keeps', () => {
    const bullet = (text: string, children: string[] = []) => ({ text, children });
    const slide = (kind: TalkSlide['kind'], title: string, extra: Partial<TalkSlide> = {}): TalkSlide => ({ kind, title, subtitle: '', bullets: [], notes: [], sources: [], timeSeconds: 30, ...extra });
    const talk: Talk = {
      title: 'Tricky C #',
      subtitle: '',
      author: '',
      date: '',
      lang: 'en',
      minutes: 3,
      sources: [],
      slides: [
        slide('title', 'Tricky C #', { subtitle: '1. not a list *nor emphasis*', bullets: [bullet('https://example.com/a_b_', ['www.example.com.'])] }),
        slide('agenda', 'Agenda ##', { bullets: [bullet('- dash'), bullet('# hash'), bullet('a `` ` `` b and ` x ` and `  `'), bullet('AT&T &amp; <b>bold</b> \\ back')] }),
        slide('section', 'Part #2', { subtitle: '> quoted | piped ~struck~' }),
        slide('content', 'Code', { bullets: [bullet('Run `npm test`'), bullet('Prefer ``load_config`` to ``ldcfg``, as `T` and `E` read')], figure: { kind: 'code', lang: 'sh', lines: ['echo `hi`', '', '  indented'] } }),
        slide('content', 'Table', { figure: { kind: 'table', header: ['a', 'b `|`', 'c'], rows: [['1', '2'], ['x|y', '*z*', 'w', 'extra']] } }),
        slide('content', 'Image', { figure: { kind: 'image', alt: 'a [bracketed] *alt*', src: 'img/a b.png', caption: 'Caption with _underscores_' } }),
        slide('questions', 'Questions?', { bullets: [bullet('https://example.com/q?x=1&y=2')] }),
      ],
    };
    const read = parseDeck(writeDeck(talk), { file: 'talk.md' });
    expect(talk.slides.map(shownText)).toEqual(read.slides.map(slideText));
  });
});

describe('writeDeck', () => {
  test('a code span of two backticks (reStructuredText\'s ``literal``) is written as it is and read back as code', () => {
    const talk: Talk = {
      title: 'T', subtitle: '', author: '', date: '', lang: 'en', minutes: 1, sources: [],
      slides: [{ kind: 'content', title: 'Names', subtitle: '', bullets: [{ text: 'Prefer ``load_config`` to ``ldcfg``', children: [] }], notes: [], sources: [], timeSeconds: 30 }],
    };
    const written = writeDeck(talk);
    expect(written).toContain('- Prefer ``load_config`` to ``ldcfg``');
    const read = parseDeck(written, { file: 'talk.md' });
    expect(read.slides.map(slideText)[0]).toContain('Prefer load_config to ldcfg');
  });
});
