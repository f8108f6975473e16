import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ParseError, loadDeck, parseDeck } from '../../src/parse/index.js';
import { code, fixturePath, heading, messages, para } from './helpers.js';

/** A fixture path relative to the working directory, as a user would type it. */
const rel = (name: string) => relative(process.cwd(), fixturePath(name));
const inc = (name: string) => rel(`includes/${name}`);
const sha = (quote: string) => createHash('sha256').update(quote).digest('hex').slice(0, 12);

describe('includes', () => {
  test('splice files relative to the including file, nested, with their own file and lines', () => {
    const deck = loadDeck(inc('main.md'));
    expect(deck.slides.map((s) => ({ title: s.title, blocks: s.blocks, location: s.location }))).toEqual([
      {
        title: 'Main',
        blocks: [heading(1, 1, 'Main'), para(1, 'From a, line 1'), para(1, 'From b, which sits next to a')],
        location: { file: inc('main.md'), line: 1, column: 1 },
      },
      { title: 'Slide from a', blocks: [heading(1, 4, 'Slide from a')], location: { file: inc('parts/a.md'), line: 4, column: 1 } },
      { title: 'Last', blocks: [heading(1, 5, 'Last')], location: { file: inc('main.md'), line: 5, column: 1 } },
    ]);
    expect(messages(deck)).toEqual([
      `${inc('parts/a.md')}:5:1: warning: this pause reveals nothing: no content follows it on this slide`,
      `${inc('parts/a.md')}:6:1: error: unknown directive "bogus"; to leave a comment, write <!-- // … -->`,
    ]);
  });

  test('a cycle is an error at the include that closes it', () => {
    const deck = loadDeck(inc('cycle.md'));
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 1, 'Cycle'), para(1, 'b includes the deck again')]);
    expect(messages(deck)).toEqual([`${inc('cycle-b.md')}:2:1: error: include cycle: ${inc('cycle.md')} → ${inc('cycle-b.md')} → ${inc('cycle.md')}; remove this include`]);
  });

  test("an include outside the deck's folder is an error unless allowOutside", () => {
    const denied = loadDeck(inc('escape.md'));
    expect(messages(denied)).toEqual([`${inc('escape.md')}:2:1: error: cannot include "../outside.md": it is outside the deck's folder; move it into that folder, or pass --allow-outside to present or check if you trust this deck`]);
    expect(denied.slides[0]?.blocks).toEqual([heading(1, 1, 'Escape')]);
    const allowed = loadDeck(inc('escape.md'), { allowOutside: true });
    expect(allowed.diagnostics).toEqual([]);
    expect(allowed.slides[0]?.blocks).toEqual([heading(1, 1, 'Escape'), para(1, 'Outside the includes folder')]);
  });

  test('a missing file or a directory is an error at the include', () => {
    expect(messages(loadDeck(inc('missing.md')))).toEqual([
      `${inc('missing.md')}:2:1: error: cannot include "nope.md": no such file (${inc('nope.md')}); check the path: it is relative to the file that includes it`,
      `${inc('missing.md')}:3:1: error: cannot include "parts": is a directory (${inc('parts')}); give a Markdown file instead, e.g. "parts/a.md"`,
    ]);
  });

  test('an included file may not have front matter', () => {
    const deck = loadDeck(inc('with-front-matter.md'));
    expect(messages(deck)).toEqual([`${inc('parts/has-front-matter.md')}:1:1: error: an included file may not have front matter; it is ignored: remove it, or move its keys to the front matter of the deck`]);
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 1, 'Host'), para(4, 'Body of the include')]);
  });

  test("an unclosed fence in an include ends with the include, not in the host's slides", () => {
    const deck = loadDeck(inc('fence-unclosed-in-include.md'));
    expect(deck.slides.map((s) => s.blocks)).toEqual([[heading(1, 1, 'Host'), code(1, 'js', 'let open = true;')], [heading(1, 4, 'After')]]);
    expect(messages(deck)).toEqual([`${inc('parts/open-fence.md')}:1:1: warning: this code block is never closed, so it runs to the end of its slide: add a line with \`\`\``]);
  });

  test('parseDeck without readInclude reports includes instead of reading them', () => {
    expect(messages(parseDeck('# A\n<!-- include: b.md -->', { file: 'a.md' }))).toEqual([
      'a.md:2:1: error: cannot include "b.md": this deck was not read from a file',
    ]);
  });

  test('a readInclude that throws becomes a diagnostic', () => {
    const deck = parseDeck('# A\n<!-- include: b.md -->', {
      file: 'a.md',
      readInclude: () => {
        throw new Error('disk on fire');
      },
    });
    expect(messages(deck)).toEqual(['a.md:2:1: error: cannot include "b.md": disk on fire']);
  });

  test('a readInclude that returns something odd becomes a diagnostic too', () => {
    const deck = parseDeck('# A\n<!-- include: b.md -->', { file: 'a.md', readInclude: () => null as never });
    expect(messages(deck)).toEqual(['a.md:2:1: error: cannot include "b.md"']);
  });

  test('an included file may hold slide breaks and directives of its own', () => {
    const files: Record<string, string> = { 'part.md': 'one\n---\n<!-- no_footer -->\ntwo\n<!-- pause -->\nthree' };
    const deck = parseDeck('# Host\n<!-- include: part.md -->\nafter', {
      file: 'host.md',
      readInclude: (path) => (path in files ? { file: path, text: files[path] ?? '' } : { error: 'missing' }),
    });
    expect(deck.slides.map((s) => [s.location.file, s.blocks.map((b) => [b.line, b.step]), s.layout.footer])).toEqual([
      ['host.md', [[1, 0], [1, 0]], true],
      ['part.md', [[4, 0], [6, 1], [3, 1]], false],
    ]);
    expect(deck.diagnostics).toEqual([]);
  });
});

describe('loadDeck', () => {
  test('a missing deck throws ParseError, not a Node error', () => {
    let error: unknown;
    try {
      loadDeck('no/such/talk.md');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ name: 'ParseError', message: 'no such file', hint: 'check the path and its spelling', file: 'no/such/talk.md', line: undefined, column: undefined });
    expect((error as ParseError).format()).toBe('no/such/talk.md: no such file; check the path and its spelling');
    expect((error as NodeJS.ErrnoException).code).toBeUndefined();
  });

  test('a directory throws ParseError', () => {
    const dir = rel('includes');
    expect(() => loadDeck(dir)).toThrow(expect.objectContaining({ file: dir, message: 'is a directory', hint: `give a Markdown file instead, e.g. "${dir}/cycle-b.md"` }));
  });

  test('source references are checked against the cited articles when asked', () => {
    const deck = loadDeck(rel('checked-sources.md'), { checkSources: true });
    const file = rel('checked-sources.md');
    expect(deck.slides[0]?.sources.map((s) => `${s.path}:${s.startLine}-${s.endLine}`)).toEqual([
      'sources/article.md:3-4',
      'sources/article.md:6-6',
      'sources/article.md:40-41',
      'sources/missing.md:1-1',
      'sources/article.md:6-6',
    ]);
    expect(messages(deck)).toEqual([
      `${file}:4:1: warning: the quote is not in line 6 of "sources/article.md"`,
      `${file}:5:1: warning: lines 40-41 are past the end of "sources/article.md" (6 lines)`,
      `${file}:6:1: warning: cannot check source "sources/missing.md": no such file (${rel('sources/missing.md')})`,
      `${file}:7:1: warning: fingerprint #000000000000 does not match the quote (its fingerprint is #${sha('Another paragraph.')})`,
    ]);
    // By default only the fingerprint is checked; the articles are not read.
    expect(messages(loadDeck(file))).toEqual([
      `${file}:7:1: warning: fingerprint #000000000000 does not match the quote (its fingerprint is #${sha('Another paragraph.')})`,
    ]);
  });
});
