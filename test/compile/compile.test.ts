import { describe, expect, test } from 'vitest';
import { CompileError, compileTalk } from '../../src/compile/index.js';
import { contentWords } from '../../src/compile/tokens.js';
import { displayWidth } from '../../src/compile/text-width.js';
import { fingerprintOf } from '../../src/parse/index.js';
import { findOverflows } from '../../src/render/index.js';
import { loadTheme } from '../../src/theme/index.js';
import { bulletsOf, compileCorpus, CORPORA, longArticle, parseIn, quoteInLines, readIn, roleOf, SCAFFOLDING, UNIKERNELS_DIR, BUNDLED, visibleLines } from './helpers.js';

const theme = loadTheme('dark', { themesDir: 'themes', cwd: process.cwd() });

describe.each(CORPORA)('a 20-minute talk from $name', (corpus) => {
  const text = compileCorpus(corpus);
  const deck = parseIn(corpus.dir, text);
  const slides = deck.slides;
  const roles = slides.map((s, i) => roleOf(s, i, slides.length));

  test('parses with no diagnostics, its sources checked by the parser too', () => {
    expect(deck.diagnostics).toEqual([]);
  });

  test('has 12 to 30 slides: title, agenda, content, takeaways, questions', () => {
    expect(slides.length).toBeGreaterThanOrEqual(12);
    expect(slides.length).toBeLessThanOrEqual(30);
    expect(roles[0]).toBe('title');
    expect(roles[1]).toBe('agenda');
    expect(roles[roles.length - 2]).toBe('takeaways');
    expect(roles[roles.length - 1]).toBe('questions');
    expect(roles.filter((r) => r === 'content').length).toBeGreaterThanOrEqual(6);
  });

  test('gives every slide a time budget that adds up to the duration', () => {
    expect(deck.meta.durationMs).toBe(20 * 60_000);
    for (const slide of slides) expect(slide.timeMs).toBeGreaterThan(0);
    expect(slides.reduce((sum, s) => sum + (s.timeMs ?? 0), 0)).toBe(20 * 60_000);
  });

  test('cites at least one passage on every content slide, with notes that refer to the citations', () => {
    slides.forEach((slide, i) => {
      if (roles[i] !== 'content') return;
      expect(slide.sources.length, `slide ${i + 1}`).toBeGreaterThanOrEqual(1);
      expect(slide.notes).toMatch(/\[1\]/u);
      expect(slide.notes).not.toMatch(/<!--|-->/u);
    });
  });

  test('quotes every passage verbatim from its cited lines, with its fingerprint', () => {
    for (const slide of slides) {
      for (const ref of slide.sources) {
        const source = readIn(corpus.dir, ref.path);
        expect(source, ref.path).not.toBeNull();
        expect(quoteInLines(source ?? '', ref.startLine, ref.endLine, ref.quote), `${ref.path}:${ref.startLine} ${ref.quote}`).toBe(true);
        expect(ref.fingerprint).toBe(fingerprintOf(ref.quote));
      }
    }
  });

  test('is faithful: every word of substance on a slide comes from the passages it cites', () => {
    slides.forEach((slide, i) => {
      const cited = new Set(slide.sources.flatMap((ref) => contentWords(ref.quote)));
      for (const line of [slide.title, ...visibleLines(slide)]) {
        const invented = contentWords(line).filter((w) => !cited.has(w) && !SCAFFOLDING.has(w));
        expect(invented, `slide ${i + 1} (${roles[i]}): "${line}"`).toEqual([]);
      }
    });
  });

  test('has 2 to 5 bullets per content slide, each at most 150 columns', () => {
    slides.forEach((slide, i) => {
      if (roles[i] !== 'content') return;
      const bullets = bulletsOf(slide);
      expect(bullets.length, `slide ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(bullets.length, `slide ${i + 1}`).toBeLessThanOrEqual(5);
      for (const bullet of bullets) expect(displayWidth(bullet), bullet).toBeLessThanOrEqual(150);
      expect(slide.title.length).toBeGreaterThan(0);
    });
  });

  test('has no link syntax or URLs in content bullets', () => {
    slides.forEach((slide, i) => {
      if (roles[i] !== 'content') return;
      for (const bullet of bulletsOf(slide)) expect(bullet).not.toMatch(/\]\(|https?:\/\//u);
    });
  });

  test('fits a terminal of 80x24 on every slide', () => {
    expect(findOverflows(deck, theme, { columns: 80, rows: 24 })).toEqual([]);
  });

  test('is deterministic: the same input gives the same bytes', () => {
    expect(compileCorpus(corpus)).toBe(text);
  });
});

describe('the talk scales with its length', () => {
  const corpus = CORPORA[0] as (typeof CORPORA)[number];
  const counts = [5, 20, 40].map((minutes) => {
    const deck = parseIn(corpus.dir, compileCorpus(corpus, minutes));
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.reduce((sum, s) => sum + (s.timeMs ?? 0), 0)).toBe(minutes * 60_000);
    const bullets = deck.slides.reduce((sum, s, i) => sum + (roleOf(s, i, deck.slides.length) === 'content' ? bulletsOf(s).length : 0), 0);
    return { minutes, slides: deck.slides.length, bullets };
  });

  test('more minutes, more slides and more bullets', () => {
    const [five, twenty, forty] = counts as [(typeof counts)[number], (typeof counts)[number], (typeof counts)[number]];
    expect(five.slides).toBeGreaterThanOrEqual(5);
    expect(five.slides).toBeLessThanOrEqual(10);
    expect(twenty.slides).toBeGreaterThan(five.slides);
    expect(forty.slides).toBeGreaterThan(twenty.slides);
    expect(forty.slides).toBeLessThanOrEqual(50);
    expect(twenty.bullets).toBeGreaterThan(five.bullets);
    expect(forty.bullets).toBeGreaterThan(twenty.bullets);
  });
});

describe('several articles', () => {
  const text = compileCorpus(CORPORA[0] as (typeof CORPORA)[number]);
  const deck = parseIn(UNIKERNELS_DIR, text);

  test('the title slide names every source with its attribution lines', () => {
    const title = deck.slides[0];
    expect(title?.title).toBe('Unikernels are unfit for production');
    expect(deck.meta.author).toBe('Bryan Cantrill');
    const shown = visibleLines(title as NonNullable<typeof title>).join('\n');
    expect(shown).toContain('Bryan Cantrill');
    expect(shown).toContain('via: https://www.joyent.com/blog/unikernels-are-unfit-for-production');
    expect(shown).toContain('Joyent 的技术总监认为，Unikernels 是无法调试的');
    expect(shown).toContain('原文：https://thenewstack.io/good-luck-debugging-unikernels-joyents-chief-technology-says/');
    // An unfilled template line ("译者：[译者ID](…)") credits no one and is left out.
    expect(shown).not.toContain('译者ID');
    expect(new Set(title?.sources.map((s) => s.path))).toEqual(new Set(BUNDLED));
  });

  test('content slides cite the Chinese report where it corroborates the English post', () => {
    const supported = deck.slides.filter((s) => s.sources.some((r) => r.path === BUNDLED[1]) && s.sources.some((r) => r.path === BUNDLED[0]));
    expect(supported.length).toBeGreaterThanOrEqual(4);
    // The report lists the same missing tools, linked to the same pages: that slide cites both.
    const tools = deck.slides.find((s) => s.sources.some((r) => r.path === BUNDLED[0] && r.quote.includes('no [htop]')));
    expect(tools?.sources.some((r) => r.path === BUNDLED[1] && r.quote.includes('htop'))).toBe(true);
  });

  test('a title given in the options leads, the article title becomes the subtitle', () => {
    const titled = parseIn(UNIKERNELS_DIR, compileCorpus(CORPORA[0] as (typeof CORPORA)[number], 20, 'Why not unikernels'));
    expect(titled.meta.title).toBe('Why not unikernels');
    expect(titled.meta.subtitle).toBe('Unikernels are unfit for production');
    expect(titled.slides[0]?.title).toBe('Why not unikernels');
  });
});

describe('input', () => {
  const plain = readIn(CORPORA[3]?.dir ?? '', 'plain-text.txt') ?? '';

  test('a byte order mark and CRLF line ends change nothing', () => {
    const crlf = `\uFEFF${plain.replace(/\n/gu, '\r\n')}`;
    expect(compileTalk([{ path: 'plain-text.txt', text: crlf }], {})).toBe(compileTalk([{ path: 'plain-text.txt', text: plain }], {}));
  });

  test.each([
    ['an empty file', '', /is empty/u],
    ['a file of blank lines', '\n  \n\t\n', /is empty/u],
    ['a binary file', 'PK\u0003\u0004\u0000\u0000\u0014\u0000binary', /binary/u],
    ['text that is not UTF-8', 'caf\uFFFD au lait', /not valid UTF-8/u],
    ['an article of only code', '```js\nconst a = 1;\nconsole.log(a);\n```\n', /only code/u],
    ['an article of only headings', '# One\n\n## Two\n\n## Three\n', /only headings/u],
  ])('%s is a CompileError naming the file', (_what, text, message) => {
    let error: unknown;
    try {
      compileTalk([{ path: 'sources/main.md', text: plain }, { path: 'sources/bad.md', text }], {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).file).toBe('sources/bad.md');
    expect((error as CompileError).message).toMatch(message);
  });

  test('a 5 MB article compiles into a talk of the usual size', { timeout: 300_000 }, () => {
    const text = longArticle(5 * 1024 * 1024);
    const deck = parseIn(UNIKERNELS_DIR, compileTalk([{ path: 'big.md', text }], { minutes: 20 }));
    expect(deck.slides.length).toBeGreaterThanOrEqual(12);
    expect(deck.slides.length).toBeLessThanOrEqual(30);
    for (const slide of deck.slides) {
      for (const ref of slide.sources) expect(quoteInLines(text, ref.startLine, ref.endLine, ref.quote)).toBe(true);
    }
  });
});
