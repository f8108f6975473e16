import { describe, expect, test } from 'vitest';
import { CompileError, compileTalk, compileTalkDetailed } from '../../src/compile/index.js';
import { bulletLength } from '../../src/compile/condense.js';
import { contentWords, hasCjk } from '../../src/compile/tokens.js';
import { displayWidth } from '../../src/compile/text-width.js';
import { fingerprintOf } from '../../src/parse/index.js';
import { findOverflows } from '../../src/render/index.js';
import { loadTheme } from '../../src/theme/index.js';
import { bulletsOf, compileCorpus, CORPORA, CORPUS_DIR, longArticle, parseIn, quoteInLines, readIn, roleOf, SCAFFOLDING, UNIKERNELS_DIR, BUNDLED, visibleLines } from './helpers.js';

const theme = loadTheme('dark', { themesDir: 'themes', cwd: process.cwd() });

describe.each(CORPORA)('a talk from $name at its natural length', (corpus) => {
  const text = compileCorpus(corpus);
  const deck = parseIn(corpus.dir, text);
  const slides = deck.slides;
  const roles = slides.map((s, i) => roleOf(s, i, slides.length));

  test('parses with no diagnostics, its sources checked by the parser too', () => {
    expect(deck.diagnostics).toEqual([]);
  });

  test('opens with the title and closes with takeaways and questions, content between', () => {
    expect(roles[0]).toBe('title');
    expect(roles[roles.length - 2]).toBe('takeaways');
    expect(roles[roles.length - 1]).toBe('questions');
    expect(roles.filter((r) => r === 'content').length).toBeGreaterThanOrEqual(2);
  });

  test('gives every slide a time budget that adds up to the duration', () => {
    expect(deck.meta.durationMs).toBeGreaterThan(0);
    for (const slide of slides) expect(slide.timeMs).toBeGreaterThan(0);
    expect(slides.reduce((sum, s) => sum + (s.timeMs ?? 0), 0)).toBe(deck.meta.durationMs);
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

  test('has 1 to 5 bullets per content slide that read at a glance: at most 20 words (40 Chinese characters)', () => {
    slides.forEach((slide, i) => {
      if (roles[i] !== 'content') return;
      const bullets = bulletsOf(slide);
      expect(bullets.length, `slide ${i + 1}`).toBeLessThanOrEqual(5);
      expect(bullets.length + slide.blocks.filter((b) => b.kind === 'code' || b.kind === 'table' || b.kind === 'image').length, `slide ${i + 1}`).toBeGreaterThanOrEqual(1);
      for (const bullet of bullets) {
        expect(displayWidth(bullet), bullet).toBeLessThanOrEqual(150);
        expect(bulletLength(bullet), bullet).toBeLessThanOrEqual(hasCjk(bullet) ? 40 : 20);
      }
      expect(slide.title.length).toBeGreaterThan(0);
    });
  });

  test('has no link syntax or URLs in content bullets', () => {
    slides.forEach((slide, i) => {
      if (roles[i] !== 'content') return;
      for (const bullet of bulletsOf(slide)) expect(bullet).not.toMatch(/\]\(|https?:\/\//u);
    });
  });

  test('repeats no slide title', () => {
    const titles = slides.filter((_, i) => roles[i] === 'content').map((s) => s.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  test('fits a terminal of 80x24 on every slide', () => {
    expect(findOverflows(deck, theme, { columns: 80, rows: 24 })).toEqual([]);
  });

  test('is deterministic: the same input gives the same bytes', () => {
    expect(compileCorpus(corpus)).toBe(text);
  });
});

describe('timing follows the content', () => {
  const essay = { path: 'sources/en-18f-working-in-public.md', text: readIn(`${CORPUS_DIR}articles/`, 'en-18f-working-in-public.md') ?? '' };

  test('without --minutes the talk is as long as the articles take to say, rounded up to minutes', () => {
    const compiled = compileTalkDetailed([essay]);
    expect(compiled.tooShort).toBe(false);
    expect(compiled.talk.minutes).toBe(compiled.naturalMinutes);
    expect(compiled.naturalMinutes).toBeGreaterThanOrEqual(Math.ceil(compiled.speechSeconds / 60));
    expect(compiled.naturalMinutes).toBeLessThanOrEqual(Math.ceil(compiled.speechSeconds / 60) + 3);
  });

  test('a short essay asked for 15 minutes says it holds less, and still fills the minutes asked for', () => {
    const compiled = compileTalkDetailed([essay], { minutes: 15 });
    expect(compiled.tooShort).toBe(true);
    expect(compiled.naturalMinutes).toBeLessThan(15);
    expect(compiled.talk.slides.reduce((a, s) => a + s.timeSeconds, 0)).toBe(15 * 60);
  });

  test('content slides get time in proportion to what their notes say', () => {
    const { talk } = compileTalkDetailed([{ path: BUNDLED[0] as string, text: readIn(UNIKERNELS_DIR, BUNDLED[0] as string) ?? '' }]);
    const content = talk.slides.filter((s) => s.kind === 'content');
    const words = content.map((s) => s.notes.reduce((a, n) => a + n.text.split(/\s+/u).length, 0));
    const ratios = content.map((s, i) => s.timeSeconds / ((words[i] ?? 0) / 2.3 + 5));
    // Rounded to five seconds each, the ratio of time to speech is the same for every slide, give or take.
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    for (const r of ratios) expect(Math.abs(r - mean)).toBeLessThan(0.35 * mean);
  });

  test('more minutes, more slides and more bullets, and the times add up to the minutes asked for', () => {
    const corpus = CORPORA[0] as (typeof CORPORA)[number];
    const counts = [5, 20, 40].map((minutes) => {
      const deck = parseIn(corpus.dir, compileCorpus(corpus, minutes));
      expect(deck.diagnostics).toEqual([]);
      expect(deck.slides.reduce((sum, s) => sum + (s.timeMs ?? 0), 0)).toBe(minutes * 60_000);
      const bullets = deck.slides.reduce((sum, s, i) => sum + (roleOf(s, i, deck.slides.length) === 'content' ? bulletsOf(s).length : 0), 0);
      return { slides: deck.slides.length, bullets };
    });
    const [five, twenty] = counts as [(typeof counts)[number], (typeof counts)[number]];
    expect(twenty.slides).toBeGreaterThan(five.slides);
    expect(twenty.bullets).toBeGreaterThan(five.bullets);
  });
});

describe('several articles', () => {
  const compiled = compileTalkDetailed(BUNDLED.map((path) => ({ path, text: readIn(UNIKERNELS_DIR, path) ?? '' })));
  const deck = parseIn(UNIKERNELS_DIR, compiled.markdown);

  test('the title slide reads as attribution: each source\'s title, author and address, no raw credit lines', () => {
    const title = deck.slides[0];
    expect(title?.title).toBe('Unikernels are unfit for production');
    expect(deck.meta.author).toBe('Bryan Cantrill');
    const shown = visibleLines(title as NonNullable<typeof title>);
    expect(shown).toEqual([
      'Unikernels are unfit for production',
      'Bryan Cantrill',
      'https://www.joyent.com/blog/unikernels-are-unfit-for-production',
      'Joyent 的技术总监认为，Unikernels 是无法调试的',
      'https://thenewstack.io/good-luck-debugging-unikernels-joyents-chief-technology-says/',
    ]);
    // No "via:" or "原文：" label, and an unfilled template line ("译者：[译者ID](…)") credits no one.
    expect(shown.join('\n')).not.toMatch(/via:|原文|译者ID/u);
    expect(new Set(title?.sources.map((s) => s.path))).toEqual(new Set(BUNDLED));
  });

  test('what the news report adds gets slides of its own, after a divider that says what it adds, titled for what they say', () => {
    const slides = compiled.talk.slides;
    const divider = slides.findIndex((s) => s.kind === 'section' && s.title === 'Joyent 的技术总监认为，Unikernels 是无法调试的');
    expect(divider).toBeGreaterThan(0);
    expect(slides[divider]?.subtitle).not.toBe('');
    const added = slides.slice(divider + 1).filter((s) => s.kind === 'content' && s.sources.every((r) => r.path === BUNDLED[1]));
    expect(added.length).toBeGreaterThanOrEqual(2);
    const said = added.flatMap((s) => [s.title, ...s.bullets.map((b) => b.text)]).join('\n');
    // Facts the English post does not state: Docker's own plans, reactions on Hacker News, who Cantrill is.
    expect(said).toMatch(/Docker 计划/u);
    expect(said).toMatch(/黑客新闻/u);
    expect(said).toMatch(/公正/u);
    // Not the post's own words quoted back ("他总结道", "这位…技术专家写道"), nor a garbled phrase ("uni nucles").
    expect(said).not.toMatch(/uni nucles|UNIX 内核|完蛋/iu);
    expect(slides[divider]?.subtitle).not.toMatch(/uni nucles|UNIX 内核|完蛋/iu);
  });

  test('the talk follows the essay: its introduction first, named by its question, then its parts, the report, the verdict', () => {
    const slides = compiled.talk.slides;
    const titles = slides.map((s) => s.title);
    expect(slides[2]?.title).toBe('What’s the problem with unikernels?');
    // The introduction: the definition and why the question is asked.
    expect(slides[2]?.sources.some((r) => r.quote.startsWith('Let’s get a definition first'))).toBe(true);
    const at = (re: RegExp) => titles.findIndex((t) => re.test(t));
    const report = at(/^Joyent 的技术总监认为/u);
    const verdict = slides.findIndex((s) => s.kind === 'content' && s.sources.some((r) => r.quote.startsWith('In the fullness of time')));
    expect(at(/Hypervisor vulnerabilities/u)).toBeGreaterThan(2);
    expect(at(/Unikernels are entirely undebuggable/u)).toBeGreaterThan(at(/Hypervisor vulnerabilities/u));
    expect(report).toBeGreaterThan(at(/Unikernels are entirely undebuggable/u));
    expect(verdict).toBeGreaterThan(report);
    expect(slides[verdict + 1]?.kind).toBe('takeaways');
  });

  test('"Also in" notes only where a passage shares names, numbers, links or glossary terms with the slide', () => {
    const supported = deck.slides.filter((s) => s.sources.some((r) => r.path === BUNDLED[1]) && s.sources.some((r) => r.path === BUNDLED[0]));
    expect(supported.length).toBeGreaterThanOrEqual(2);
    // The report lists the same missing tools, linked to the same pages.
    const tools = deck.slides.find((s) => s.sources.some((r) => r.path === BUNDLED[0] && r.quote.includes('no [htop]')));
    expect(tools?.sources.some((r) => r.path === BUNDLED[1] && r.quote.includes('htop'))).toBe(true);
  });

  test('an unrelated article adds no "Also in" notes to the first one\'s slides', () => {
    const essay = readIn(`${CORPUS_DIR}articles/`, 'en-18f-working-in-public.md') ?? '';
    const { talk } = compileTalkDetailed([
      { path: BUNDLED[0] as string, text: readIn(UNIKERNELS_DIR, BUNDLED[0] as string) ?? '' },
      { path: 'sources/essay.md', text: essay },
    ]);
    const also = talk.slides.flatMap((s) => s.notes.filter((n) => n.lead.startsWith('Also in')));
    expect(also).toEqual([]);
  });

  test('a title given in the options leads, the article title becomes the subtitle', () => {
    const titled = parseIn(UNIKERNELS_DIR, compileCorpus(CORPORA[0] as (typeof CORPORA)[number], 20, 'Why not unikernels'));
    expect(titled.meta.title).toBe('Why not unikernels');
    expect(titled.meta.subtitle).toBe('Unikernels are unfit for production');
    expect(titled.slides[0]?.title).toBe('Why not unikernels');
  });
});

describe("the talk's language", () => {
  const chinese = { path: BUNDLED[1] as string, text: readIn(UNIKERNELS_DIR, BUNDLED[1] as string) ?? '' };

  test('a Chinese article gives 议程, 要点 and 提问', () => {
    const { talk } = compileTalkDetailed([chinese], { minutes: 10 });
    expect(talk.lang).toBe('zh');
    expect(talk.slides.map((s) => s.title)).toEqual(expect.arrayContaining(['议程', '要点', '提问']));
  });

  test('--lang en gives English structure slides for the same article', () => {
    const { talk } = compileTalkDetailed([chinese], { minutes: 10, lang: 'en' });
    expect(talk.slides.map((s) => s.title)).toEqual(expect.arrayContaining(['Agenda', 'Takeaways', 'Questions?']));
    expect(talk.slides.map((s) => s.title)).not.toContain('议程');
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
    ['an article of only credits', '作者：[Someone](https://example.org)\n\nvia: https://example.org/a\n', /only credits/u],
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
    expect((error as CompileError).hint).toBeTruthy();
  });

  test('a 5 MB article compiles into a talk of a speakable size', { timeout: 300_000 }, () => {
    // Made of the bundled article's sentences over and over: its slides run out of new points soon.
    const text = longArticle(5 * 1024 * 1024);
    const deck = parseIn(UNIKERNELS_DIR, compileTalk([{ path: 'big.md', text }], { minutes: 20 }));
    expect(deck.slides.length).toBeGreaterThanOrEqual(5);
    expect(deck.slides.length).toBeLessThanOrEqual(30);
    for (const slide of deck.slides) {
      for (const ref of slide.sources) expect(quoteInLines(text, ref.startLine, ref.endLine, ref.quote)).toBe(true);
    }
  });
});

describe('section dividers', () => {
  const { talk } = compileTalkDetailed(BUNDLED.map((path) => ({ path, text: readIn(UNIKERNELS_DIR, path) ?? '' })));

  test('carry the section\'s name and what it will argue, not a sentence repeated on the next slide', () => {
    const dividers = talk.slides.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'section');
    expect(dividers.length).toBeGreaterThanOrEqual(2);
    for (const { s, i } of dividers) {
      expect(s.title.length).toBeGreaterThan(0);
      const next = talk.slides[i + 1];
      if (s.subtitle) expect(next?.bullets.map((b) => b.text)).not.toContain(s.subtitle);
    }
    expect(dividers.filter(({ s }) => s.subtitle !== '').length).toBeGreaterThanOrEqual(2);
  });
});
