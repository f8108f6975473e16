import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadDeck, parseDeck } from '../../src/parse/index.js';
import { code, fixtureText, heading, item, list, messages, para, parseFixture, slide } from './helpers.js';

describe('splitting a deck into slides', () => {
  test('--- lines (trailing spaces allowed) and <!-- end_slide --> end slides', () => {
    const deck = parseFixture('slide-breaks.md');
    expect(deck.slides).toEqual([
      slide({ index: 1, title: 'One', blocks: [heading(1, 1, 'One')], location: { file: 'slide-breaks.md', line: 1, column: 1 } }),
      slide({ index: 2, title: 'Two', blocks: [heading(1, 4, 'Two')], location: { file: 'slide-breaks.md', line: 4, column: 1 } }),
      slide({ index: 3, title: 'Three', blocks: [heading(1, 6, 'Three')], location: { file: 'slide-breaks.md', line: 6, column: 1 } }),
      slide({ index: 4, title: 'Four', blocks: [heading(1, 8, 'Four')], location: { file: 'slide-breaks.md', line: 8, column: 1 } }),
    ]);
    expect(deck.diagnostics).toEqual([]);
  });

  test('slides with nothing but blank lines and // comments are dropped', () => {
    const deck = parseFixture('empty-slides-dropped.md');
    expect(deck.slides).toEqual([
      slide({ index: 1, title: 'Only slide', blocks: [heading(1, 5, 'Only slide')], location: { file: 'empty-slides-dropped.md', line: 5, column: 1 } }),
    ]);
    expect(deck.diagnostics).toEqual([]);
  });

  test('code fences (``` and ~~~~) keep ---, end_slide and pause as code', () => {
    const deck = parseFixture('fence-keeps-breaks.md');
    expect(deck.slides.map((s) => s.blocks)).toEqual([
      [
        heading(1, 1, 'Code'),
        code(3, 'markdown', '---\n<!-- end_slide -->\n<!-- pause -->'),
        code(9, '', '```\n---'),
        heading(1, 14, 'Still the same slide'),
      ],
      [heading(1, 16, 'Next')],
    ]);
    expect(deck.slides[0]?.steps).toBe(1);
    expect(deck.diagnostics).toEqual([]);
  });

  test('a --- inside a multi-line comment does not split; notes keep it as Markdown', () => {
    const deck = parseFixture('comment-spans-break.md');
    expect(deck.slides).toEqual([
      slide({
        index: 1,
        title: 'Slide',
        blocks: [heading(1, 1, 'Slide'), para(8, 'text')],
        notes: 'Before the dashes\n---\nafter them',
        // In notes, a --- under a line is a setext heading: notes are plain Markdown.
        notesBlocks: [heading(2, 4, 'Before the dashes'), para(6, 'after them')],
        location: { file: 'comment-spans-break.md', line: 1, column: 1 },
      }),
    ]);
  });

  test('a fence inside a list item ends with the item', () => {
    const deck = parseFixture('fence-in-list-item.md');
    expect(deck.slides.map((s) => s.blocks)).toEqual([
      [
        list(1, [item([para(1, 'item'), code(2, '', '---')]), item([para(5, 'other'), code(6, '', 'never closed inside the item')])]),
        para(9, 'next paragraph ends the item and its code'),
      ],
      [heading(1, 11, 'Second')],
    ]);
    expect(deck.diagnostics).toEqual([]);
  });

  test('an unclosed fence runs to the end of its slide, as in CommonMark, and is a warning at the fence', () => {
    const deck = parseFixture('unclosed-fence.md');
    expect(deck.slides.map((s) => s.blocks)).toEqual([[heading(1, 1, 'Slide'), code(3, 'js', 'let a = 1;')], [heading(1, 7, 'Next')]]);
    expect(messages(deck)).toEqual(['unclosed-fence.md:3:1: warning: this code block is never closed, so it runs to the end of its slide: add a line with ```']);
  });

  test('a fence closed later keeps the `---` inside it', () => {
    const deck = parseDeck('# A\n\n```\nx\n---\ny\n```\n\n---\n\n# B\n', { file: 'f.md' });
    expect(deck.slides.map((s) => s.title)).toEqual(['A', 'B']);
    expect(deck.diagnostics).toEqual([]);
  });

  test('an unclosed comment swallows the rest of the file and is an error where it opens', () => {
    const deck = parseFixture('unclosed-comment.md');
    expect(deck.slides.map((s) => s.blocks)).toEqual([[heading(1, 1, 'Slide'), para(3, 'text')]]);
    expect(messages(deck)).toEqual(['unclosed-comment.md:4:1: error: this comment is never closed: add `-->`; the rest of the file is ignored']);
  });

  test('a slide with only a directive or only notes is kept, as a blank slide', () => {
    const deck = parseDeck('# A\n---\n<!-- no_footer -->\n---\n<!-- notes: breathe -->\n---\n<!-- end_slide -->', { file: 'blank.md' });
    expect(deck.slides.map((s) => [s.index, s.blocks.length, s.layout.footer, s.notes, s.location.line])).toEqual([
      [1, 1, true, '', 1],
      [2, 0, false, '', 3],
      [3, 0, true, 'breathe', 5],
    ]);
  });

  test('an empty deck has no slides and says so', () => {
    expect(messages(parseDeck('', { file: 'empty.md' }))).toEqual(['empty.md:1:1: warning: the deck has no slides']);
    expect(parseDeck('\n\n---\n\n', { file: 'blank.md' }).slides).toEqual([]);
  });
});

describe('CRLF line ends and a byte-order mark', () => {
  const lf = fixtureText('crlf-bom.md');
  const crlf = `\uFEFF${lf.replace(/\n/gu, '\r\n')}`;
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-parse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const expected = [
    slide({
      index: 1,
      title: 'One',
      blocks: [heading(1, 4, 'One'), para(7, 'text', { step: 1 })],
      steps: 2,
      location: { file: 'crlf-bom.md', line: 4, column: 1 },
    }),
    slide({ index: 2, title: 'Two', blocks: [heading(1, 9, 'Two'), code(10, '', '---')], location: { file: 'crlf-bom.md', line: 9, column: 1 } }),
  ];

  test('parseDeck reads them like LF text', () => {
    expect(crlf.includes('\r\n')).toBe(true);
    const deck = parseDeck(crlf, { file: 'crlf-bom.md' });
    expect(deck.meta.title).toBe('Windows');
    expect(deck.slides).toEqual(expected);
    expect(deck.diagnostics).toEqual([]);
    expect(parseDeck(lf, { file: 'crlf-bom.md' }).slides).toEqual(expected);
  });

  test('loadDeck reads such a file from disk', () => {
    const path = join(dir, 'crlf-bom.md');
    writeFileSync(path, crlf, 'utf8');
    const deck = loadDeck(path);
    expect(deck.meta.title).toBe('Windows');
    expect(deck.slides.map((s) => s.blocks)).toEqual(expected.map((s) => s.blocks));
    expect(deck.diagnostics).toEqual([]);
  });

  test('a lone CR also ends a line', () => {
    expect(parseDeck('# A\r---\r# B', { file: 'cr.md' }).slides.map((s) => s.title)).toEqual(['A', 'B']);
  });
});
