import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

describe('what a deck names is read through its folder', () => {
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-load-'));
    mkdirSync(join(dir, 'deck'));
    writeFileSync(join(dir, 'secret.md'), '# Secret\n\nSECRET=hunter2\n');
    return dir;
  };

  test('an include that is a link out of the folder is refused, like a path out of it', () => {
    const dir = setup();
    symlinkSync('../secret.md', join(dir, 'deck', 'part.md'));
    symlinkSync('/etc/passwd', join(dir, 'deck', 'passwd.md'));
    writeFileSync(join(dir, 'deck', 'talk.md'), '# Talk\n\n<!-- include: part.md -->\n\n<!-- include: passwd.md -->\n');
    const deck = loadDeck(join(dir, 'deck', 'talk.md'));
    expect(messages(deck)).toEqual([
      `${join(dir, 'deck', 'talk.md')}:3:1: error: cannot include "part.md": it is outside the deck's folder; move it into that folder, or pass --allow-outside to present or check if you trust this deck`,
      `${join(dir, 'deck', 'talk.md')}:5:1: error: cannot include "passwd.md": it is outside the deck's folder; move it into that folder, or pass --allow-outside to present or check if you trust this deck`,
    ]);
    expect(JSON.stringify(deck)).not.toContain('hunter2');
    expect(JSON.stringify(loadDeck(join(dir, 'deck', 'talk.md'), { allowOutside: true }).slides)).toContain('hunter2');
    rmSync(dir, { recursive: true, force: true });
  });

  test('a cited file that is a link out of the folder is not read', () => {
    const dir = setup();
    symlinkSync('../secret.md', join(dir, 'deck', 'source.md'));
    writeFileSync(join(dir, 'deck', 'talk.md'), `# Talk\n\n<!-- source: source.md:3-3 #${sha('SECRET=hunter2')} "SECRET=hunter2" -->\n`);
    const deck = loadDeck(join(dir, 'deck', 'talk.md'), { checkSources: true });
    expect(messages(deck)).toEqual([
      `${join(dir, 'deck', 'talk.md')}:3:1: warning: cannot check source "source.md": it is outside the deck's folder (${join(dir, 'deck', 'source.md')})`,
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a pipe or a device, as the deck or an include, is an error naming it, at once', () => {
    const dir = setup();
    execFileSync('mkfifo', [join(dir, 'deck', 'pipe.md')]);
    symlinkSync('/dev/zero', join(dir, 'deck', 'zero.md'));
    writeFileSync(join(dir, 'deck', 'talk.md'), '# Talk\n\n<!-- include: pipe.md -->\n\n<!-- include: zero.md -->\n');
    const deck = loadDeck(join(dir, 'deck', 'talk.md'), { allowOutside: true });
    expect(messages(deck)).toEqual([
      `${join(dir, 'deck', 'talk.md')}:3:1: error: cannot include "pipe.md": is a named pipe (FIFO), not a regular file (${join(dir, 'deck', 'pipe.md')}); talkdeck reads only regular files: give one instead`,
      `${join(dir, 'deck', 'talk.md')}:5:1: error: cannot include "zero.md": is a character device, not a regular file (${join(dir, 'deck', 'zero.md')}); talkdeck reads only regular files: give one instead`,
    ]);
    const formatted = (path: string) => {
      try {
        loadDeck(path);
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
        return (error as ParseError).format();
      }
      return 'read';
    };
    expect(formatted(join(dir, 'deck', 'pipe.md'))).toBe(`${join(dir, 'deck', 'pipe.md')}: is a named pipe (FIFO), not a regular file; talkdeck reads only regular files: give one instead`);
    expect(formatted('/dev/zero')).toMatch(/^\/dev\/zero: is a character device, not a regular file/u);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('lines too long to read', () => {
  test('a 10 MB line is an error at its line, and the rest of the deck is read', () => {
    const deck = parseDeck(`# One\n\n${'a'.repeat(10 * 1024 * 1024)}\n\n---\n\n# Two\n`, { file: 'long.md' });
    expect(messages(deck)).toEqual([
      'long.md:3:1: error: this line is 10,485,760 characters long, over the limit of 1,000,000; it is left out: break it into shorter lines',
    ]);
    expect(deck.slides.map((s) => s.title)).toEqual(['One', 'Two']);
  });

  test('in an included file too', () => {
    const deck = parseDeck('# Main\n\n<!-- include: part.md -->\n', {
      file: 'main.md',
      readInclude: () => ({ file: 'part.md', text: `# Part\n\n${'b'.repeat(1_000_001)}\r\nafter\n` }),
    });
    expect(messages(deck)).toEqual(['part.md:3:1: error: this line is 1,000,001 characters long, over the limit of 1,000,000; it is left out: break it into shorter lines']);
    expect(deck.slides.at(-1)?.blocks.at(-1)).toMatchObject({ kind: 'paragraph', children: [{ kind: 'text', text: 'after' }] });
  });

  test('a block too large for the Markdown reader is an error, and its start is shown as text', () => {
    const block = Array.from({ length: 100_000 }, () => 'word '.repeat(20)).join('\n');
    const deck = parseDeck(`# Big\n\n${block}\n`, { file: 'big.md' });
    expect(messages(deck)).toEqual([
      'big.md:1:1: error: this block of 100,003 line(s), 10,100,007 characters, is too large to read as Markdown; its start is shown as plain text: split it into smaller paragraphs or slides',
    ]);
    const text = JSON.stringify(deck.slides[0]?.blocks);
    expect(text.length).toBeLessThan(200_000);
  });
});

describe('Markdown that would take the reader minutes', () => {
  // marked takes seconds on 100,000 characters of `*a` and minutes on lists nested thousands deep;
  // past a time budget far above what real Markdown needs, the block is shown as plain text.
  const SLOW = 'takes too long to read as Markdown (lists or quotes nested very deep, or thousands of unmatched * or _); its start is shown as plain text: simplify it, or split it into smaller paragraphs';

  test.each([
    ['100,000 characters of unmatched emphasis', '*a'.repeat(50_000)],
    ['100,000 characters of unmatched underscores', '_a'.repeat(50_000)],
    ['a list nested 500 deep', Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')],
  ])('%s: an error at its slide, the other slides read as usual', (_name, hostile) => {
    const deck = parseDeck(`# One\n\nFine *text*.\n\n---\n\n${hostile}\n\n---\n\n# Three\n\nFine _text_.\n`, { file: 'slow.md' });
    expect(messages(deck)).toEqual([expect.stringMatching(new RegExp(`^slow\\.md:7:1: error: this block of \\d+ line\\(s\\), [\\d,]+ characters, ${SLOW.replace(/[()*.]/gu, '\\$&')}$`, 'u'))]);
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One', '', 'Three']);
    expect(deck.slides[2]?.blocks.at(-1)).toMatchObject({ kind: 'paragraph', children: [{ kind: 'text', text: 'Fine ' }, { kind: 'emphasis' }, { kind: 'text', text: '.' }] });
  });
});
