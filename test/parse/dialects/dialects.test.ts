import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Block, Deck } from '../../../src/deck/index.js';
import { DIALECT_NAMES, detectDialect, normalizeDialect, parseDeck, parseDeckWithDialect, type DialectName } from '../../../src/parse/index.js';
import { printDeck } from '../../../src/render/index.js';
import { DECIDING_KEYS, decidingFrontMatter } from '../../../src/parse/dialects/detect.js';
import { Rewrite } from '../../../src/parse/dialects/lines.js';
import { fixtureText } from '../helpers.js';

function dialectText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/dialects/${name}`, import.meta.url)), 'utf8');
}

function read(name: string) {
  return parseDeckWithDialect(dialectText(name), { file: name });
}

/** A deck's slides in brief: title, reveal steps and notes. */
const brief = (deck: Deck) => deck.slides.map((s) => ({ title: s.title, steps: s.steps, notes: s.notes }));

/** Each block's kind with its step (and alignment when not left). */
const kinds = (blocks: readonly Block[]) => blocks.map((b) => `${b.kind}@${b.step}${b.align === 'left' ? '' : ` ${b.align}`}`);

const infos = (deck: Deck) => deck.diagnostics.map((d) => `${d.line}: ${d.severity}: ${d.message}`);

/** The first slide as `talkdeck print` shows it, 40 columns wide. */
const firstSlide = (deck: Deck) => printDeck({ ...deck, slides: deck.slides.slice(0, 1) }, { width: 40 });

describe('detecting the dialect', () => {
  test.each([
    ['marp.md', 'marp', 'front matter has `marp: true`'],
    ['patat.md', 'patat', 'front matter has a `patat:` block'],
    ['remark.md', 'remark', 'line 14: `???` speaker notes (remark)'],
    ['reveal-md.md', 'reveal-md', 'front matter has `revealOptions:`'],
    ['mdp.md', 'mdp', 'line 1 is an mdp header (%title:)'],
    ['lookatme.md', 'lookatme', 'front matter has lookatme `styles:`/`extensions:`'],
    ['slides.md', 'slides', 'front matter has `paging:` (slides)'],
    ['presenterm.md', 'presenterm', 'front matter has presenterm `options:`'],
  ])('%s is %s', (name, dialect, reason) => {
    expect(detectDialect(dialectText(name))).toEqual({ dialect, reason });
    expect(read(name)).toMatchObject({ dialect, reason });
  });

  test.each([
    ['Note: a\n', 'reveal-md'],
    ['# a\n\n<!-- stop -->\n\nb\n', 'lookatme'],
    ['# a\n\n. . .\n\nb\n', 'patat'],
    ['# a\n<!-- end_slide -->\n# b\n', 'presenterm'],
    ['# a\n\n----\n\n# b\n', 'reveal-md'],
  ])('markers alone: %j is %s', (text, dialect) => {
    expect(detectDialect(text).dialect).toBe(dialect);
  });

  test('markers inside code do not count, and talkdeck directives win', () => {
    expect(detectDialect('# a\n\n```\n???\nNote: x\n```\n').dialect).toBe('talkdeck');
    expect(detectDialect('# a\n<!-- notes: hi -->\n\n???\n')).toEqual({ dialect: 'talkdeck', reason: 'line 2 has a talkdeck directive' });
    expect(detectDialect('# plain\n\ntext\n')).toEqual({ dialect: 'talkdeck', reason: "no other presenter's markers found" });
  });

  test('front matter read without the YAML parser only when no key in it decides: the same answer as with it', () => {
    const key = fc.constantFrom('title', 'author', 'theme', 'marp', 'patat', 'paging', 'styles', 'options', 'location', 'footer', 'size', 'separator', 'duration', 'sources');
    const value = fc.constantFrom('true', 'dark', './my.yaml', '', '{ override: {} }', '[a, b]', '"x: y"', 'dark # a comment', '|', '&a dark');
    const indent = fc.constantFrom('', '', '', '  ', '\t', '"', '? ');
    const inner = fc.array(fc.tuple(fc.constantFrom(' ', '  ', '    ', '\t', ' \t'), fc.constantFrom('path: x', 'override: {}', '- item', 'marp: true', 'text')), { maxLength: 3 });
    const line = fc.tuple(indent, key, value, inner).map(([pad, k, v, lines]) => [`${pad}${k}:${v ? ` ${v}` : ''}`, ...lines.map(([i, t]) => `${i}${t}`)].join('\n'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), (lines) => {
        const r = new Rewrite(`---\n${lines.join('\n')}\n---\n\n# A slide\n`.split('\n'));
        const quick = decidingFrontMatter(r);
        const parsed = r.frontMatter();
        if (Object.keys(quick).length > 0) {
          expect(quick).toEqual(parsed);
          return;
        }
        // Read as nothing: then the parser finds no deciding key either, and no theme map.
        for (const name of DECIDING_KEYS) expect(parsed).not.toHaveProperty(name);
        expect(typeof parsed.theme === 'object' && parsed.theme !== null).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test("talkdeck's own decks parse exactly as when talkdeck is forced", () => {
    const dir = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));
    // front-matter-presenterm.md is presenterm's (its `options:` say so) and reads as presenterm does.
    const names = readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'front-matter-presenterm.md');
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const text = fixtureText(name);
      expect(parseDeck(text, { file: name }), name).toEqual(parseDeck(text, { file: name, dialect: 'talkdeck' }));
    }
  });

  test('a dialect can be forced; an unknown one is an error and reads as talkdeck', () => {
    const text = '# One\n\n- a\n--\n- b\n';
    expect(parseDeck(text, { file: 'x.md' }).slides[0]?.steps).toBe(1);
    const forced = parseDeckWithDialect(text, { file: 'x.md', dialect: 'remark' });
    expect(forced).toMatchObject({ dialect: 'remark', reason: 'asked for by the caller' });
    expect(forced.deck.slides[0]?.steps).toBe(2);
    const unknown = parseDeckWithDialect(text, { file: 'x.md', dialect: 'keynote' as DialectName });
    expect(unknown.dialect).toBe('talkdeck');
    expect(infos(unknown.deck)).toEqual([`1: error: unknown dialect "keynote"; read as talkdeck (known: ${DIALECT_NAMES.join(', ')})`]);
  });

  test('every rewrite keeps the number of lines', () => {
    for (const name of ['marp.md', 'patat.md', 'remark.md', 'reveal-md.md', 'mdp.md', 'lookatme.md', 'slides.md', 'presenterm.md']) {
      const lines = dialectText(name).split('\n');
      for (const dialect of DIALECT_NAMES) expect(normalizeDialect(dialect, lines).lines).toHaveLength(lines.length);
    }
  });
});

describe('Marp', () => {
  const { deck } = read('marp.md');

  test('comments are notes; directives are dropped with an info', () => {
    expect(deck.meta.title).toBe('Marp deck');
    expect(deck.meta.theme).toBe('');
    expect(brief(deck)).toEqual([
      { title: 'Hello Marp', steps: 1, notes: 'Say hello to everyone.' },
      { title: 'Second', steps: 1, notes: 'Two-line\nnote' },
    ]);
    expect(infos(deck)).toEqual([
      '3: info: ignored Marp directive theme',
      '4: info: ignored Marp directive paginate',
      '8: info: ignored Marp directive _class',
      '20: info: Marp background images (![bg]) are shown as ordinary images',
    ]);
    expect(deck.slides[0]?.location.line).toBe(10);
  });

  test('headingDivider splits slides before headings', () => {
    const split = parseDeck('---\nmarp: true\nheadingDivider: 2\n---\n\n# A\n\ntext\n\n## B\n\n### C\n', { file: 'm.md' });
    expect(split.slides.map((s) => s.title)).toEqual(['A', 'B']);
  });

  test('several directives in one comment are all dropped; other comments are notes', () => {
    const d = parseDeck('---\nmarp: true\n---\n\n<!--\npaginate: true\n_footer: x\n-->\n\n# A\n\n<!-- a --> note -->\n', { file: 'm.md' });
    expect(infos(d)).toEqual(['5: info: ignored Marp directive paginate, _footer']);
    expect(d.slides.map((s) => s.title)).toEqual(['A']);
  });

  test('_paginate: false hides that slide\'s footer, and only that one', () => {
    const d = parseDeck('---\nmarp: true\n---\n\n# A\n\n---\n\n<!-- _paginate: false -->\n\n# B\n', { file: 'm.md' });
    expect(d.slides.map((s) => [s.title, s.layout.footer])).toEqual([
      ['A', true],
      ['B', false],
    ]);
    expect(infos(d)).toEqual(["9: info: Marp directive _paginate: false hides this slide's footer"]);
  });

  test('printed', () => {
    expect(firstSlide(deck)).toBe('Slide 1 of 1: Hello Marp\n\nWelcome\n\nNotes:\nSay hello to everyone.\n');
  });
});

describe('patat', () => {
  const { deck } = read('patat.md');

  test('. . . pauses, comments are notes, incrementalLists, slides split at headings, columns', () => {
    expect(deck.meta).toMatchObject({ title: 'Patat deck', author: 'Jasper', incrementalLists: true, extra: {} });
    expect(brief(deck)).toEqual([
      { title: 'Intro', steps: 2, notes: 'Remember to smile.' },
      { title: 'Lists', steps: 3, notes: '' },
      { title: 'Columns', steps: 1, notes: '' },
    ]);
    expect(kinds(deck.slides[0]?.blocks ?? [])).toEqual(['heading@0', 'paragraph@0', 'paragraph@1']);
    const columns = deck.slides[2]?.blocks[1];
    expect(columns?.kind === 'columns' ? [columns.widths, columns.columns.map(kinds)] : null).toEqual([[4, 6], [['paragraph@0'], ['paragraph@0']]]);
    expect(infos(deck)).toEqual(['4: info: ignored patat setting wrap']);
  });

  test('slideLevel from the patat block; a deck with --- is not split at headings', () => {
    const levelled = parseDeck('---\npatat:\n  slideLevel: 2\n---\n\n# Part\n\n## A\n\na\n\n## B\n\nb\n', { file: 'p.md' });
    expect(levelled.slides.map((s) => s.title)).toEqual(['Part', 'A', 'B']);
    const ruled = parseDeck('# A\n\na\n\n# B\n\nb\n\n---\n\n# C\n', { file: 'p.md', dialect: 'patat' });
    expect(ruled.slides.map((s) => s.title)).toEqual(['A', 'C']);
  });

  test('printed', () => {
    expect(firstSlide(deck)).toBe('Slide 1 of 1: Intro\n\nHello\n\nWorld\n\nNotes:\nRemember to smile.\n');
  });
});

describe('remark', () => {
  const { deck } = read('remark.md');

  test('-- pauses, ??? notes run to the slide end, class maps to layout, name names the slide for templates', () => {
    expect(brief(deck)).toEqual([
      { title: 'Remark deck', steps: 1, notes: '' },
      { title: 'Agenda', steps: 2, notes: 'Speak slowly.\nMention the agenda.' },
      { title: 'End', steps: 1, notes: '' },
    ]);
    expect(kinds(deck.slides[0]?.blocks ?? [])).toEqual(['middle@0 center', 'heading@0 center']);
    expect(infos(deck)).toEqual([]);
  });

  test('??? on the last slide runs to the end of the file; --> inside notes stays text', () => {
    const d = parseDeck('# A\n\n???\nuse a -> b --> c\n', { file: 'r.md', dialect: 'remark' });
    expect(brief(d)).toEqual([{ title: 'A', steps: 1, notes: 'use a -> b -\\-> c' }]);
    expect(d.diagnostics).toEqual([]);
    expect(brief(parseDeck('# A\n\n???\n', { file: 'r.md', dialect: 'remark' }))).toEqual([{ title: 'A', steps: 1, notes: '' }]);
  });

  test('printed', () => {
    expect(firstSlide(deck)).toBe('Slide 1 of 1: Remark deck\n\nRemark deck\n');
  });
});

describe('reveal-md', () => {
  const { deck } = read('reveal-md.md');

  test('---- vertical slides are slides, Note: runs to the slide end', () => {
    expect(deck.meta.title).toBe('Reveal deck');
    expect(brief(deck)).toEqual([
      { title: 'Reveal', steps: 1, notes: 'This is a note.\nSecond note line.' },
      { title: 'Horizontal two', steps: 1, notes: '' },
      { title: 'Vertical child', steps: 1, notes: '' },
    ]);
    expect(infos(deck)).toEqual([
      '3: info: ignored reveal-md option theme',
      '4: info: ignored reveal-md option revealOptions',
      '23: info: ignored reveal.js attributes .slide',
    ]);
  });

  test('printed', () => {
    expect(firstSlide(deck)).toBe('Slide 1 of 1: Reveal\n\nIntro text\n\nNotes:\nThis is a note. Second note line.\n');
  });
});

describe('mdp', () => {
  const { deck } = read('mdp.md');

  test('the % header is meta, ^ and <br> pause, -> <- centres', () => {
    expect(deck.meta).toMatchObject({ title: 'mdp deck', author: 'Ada', date: '2024-01-01' });
    expect(brief(deck)).toEqual([
      { title: 'Centered title', steps: 2, notes: '' },
      { title: 'Second', steps: 2, notes: '' },
    ]);
    expect(kinds(deck.slides[0]?.blocks ?? [])).toEqual(['heading@0 center', 'paragraph@0', 'paragraph@1']);
    expect(deck.slides[0]?.location.line).toBe(5);
    expect(deck.diagnostics).toEqual([]);
  });

  test('printed', () => {
    expect(firstSlide(deck)).toBe('Slide 1 of 1: Centered title\n\nIntro\n\nMore\n');
  });
});

describe('lookatme', () => {
  const { deck } = read('lookatme.md');

  test('<!-- stop --> pauses; without --- slides split at headings', () => {
    expect(deck.meta).toMatchObject({ title: 'Lookatme deck', author: 'Grace', extra: {} });
    expect(brief(deck)).toEqual([
      { title: 'Lookatme deck', steps: 1, notes: '' },
      { title: 'First', steps: 2, notes: '' },
      { title: 'Second', steps: 1, notes: '' },
    ]);
    expect(infos(deck)).toEqual(['4: info: ignored lookatme setting styles']);
  });

  test('printed', () => {
    expect(printDeck({ ...deck, slides: deck.slides.slice(1, 2) }, { width: 40 })).toBe('Slide 1 of 1: First\n\nPoint one\n\nPoint two\n');
  });
});

describe('slides (maaslalani)', () => {
  const { deck } = read('slides.md');

  test('author and date are read; theme, paging and ~~~command blocks get an info', () => {
    expect(deck.meta).toMatchObject({ author: 'Maas', date: '2022-06-01', theme: '', extra: {} });
    expect(brief(deck)).toEqual([
      { title: 'Welcome to Slides', steps: 1, notes: '' },
      { title: 'Code', steps: 1, notes: '' },
    ]);
    expect(deck.slides[1]?.blocks.map((b) => (b.kind === 'code' ? b.lang : b.kind))).toEqual(['heading', 'go', 'graph-easy']);
    expect(infos(deck)).toEqual([
      "2: info: ignored slides theme: glamour styles are not talkdeck themes (use --theme)",
      "5: info: ignored slides paging format: talkdeck's footer shows the slide number",
      '20: info: slides pre-processing blocks (~~~command) are shown as code, not run',
    ]);
  });

  test('printed', () => {
    expect(firstSlide(deck)).toBe('Slide 1 of 1: Welcome to Slides\n\nA terminal based presentation tool\n');
  });
});

describe('presenterm', () => {
  const { deck } = read('presenterm.md');

  test('an intro slide from the front matter, implicit_slide_ends, speaker notes, column_layout, code attributes; font_size gets an info', () => {
    expect(deck.meta).toMatchObject({ title: 'Presenterm deck', author: 'Ada, Grace' });
    expect(brief(deck)).toEqual([
      { title: 'Presenterm deck', steps: 1, notes: '' },
      { title: 'Intro', steps: 2, notes: 'Say hi' },
      { title: 'Columns', steps: 1, notes: '' },
    ]);
    expect(deck.slides[0]?.location).toEqual({ file: 'presenterm.md', line: 1, column: 1 });
    const [, columns, code] = deck.slides[2]?.blocks ?? [];
    expect(columns?.kind === 'columns' ? [columns.widths, columns.columns.map(kinds)] : null).toEqual([[2, 1], [['paragraph@0'], ['paragraph@0']]]);
    expect(code?.kind === 'code' ? [code.lang, code.lineNumbers, code.highlight.length > 0] : null).toEqual(['rust', true, true]);
    expect(infos(deck)).toEqual(['28: info: ignored presenterm command font_size: it has no meaning in talkdeck']);
  });

  test('printed: the intro slide', () => {
    expect(firstSlide(deck)).toBe('Slide 1 of 1: Presenterm deck\n\nPresenterm deck\n\nAda, Grace\n');
  });
});
