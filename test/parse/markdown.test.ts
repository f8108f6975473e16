import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/deck/index.js';
import { parseMarkdownBlocks } from '../../src/parse/index.js';
import { code, heading, item, list, messages, para, parseFixture, simpleList, text } from './helpers.js';

/** The blocks of a one-slide fixture. */
function blocksOf(name: string): Block[] {
  const deck = parseFixture(name);
  expect(deck.slides).toHaveLength(1);
  return deck.slides[0]?.blocks ?? [];
}

describe('Markdown elements', () => {
  test('ATX headings h1 to h6', () => {
    expect(blocksOf('headings.md')).toEqual([
      heading(1, 1, 'H1'),
      heading(2, 2, 'H2'),
      heading(3, 3, 'H3'),
      heading(4, 4, 'H4'),
      heading(5, 5, 'H5'),
      heading(6, 6, 'H6'),
    ]);
  });

  test('setext h1 with ===, while --- under a paragraph line breaks the slide', () => {
    const deck = parseFixture('setext-headings.md');
    expect(deck.slides.map((s) => s.blocks)).toEqual([
      [heading(1, 1, 'Big title'), para(4, 'A paragraph line')],
      [para(6, 'Second slide')],
    ]);
    expect(deck.slides[0]?.title).toBe('Big title');
  });

  test('inline styles, links, images, breaks, entities, escapes and stripped tags', () => {
    expect(blocksOf('inline-styles.md')).toEqual([
      para(1, [
        { kind: 'strong', children: [text('strong')] },
        text(' '),
        { kind: 'emphasis', children: [text('em')] },
        text(' '),
        { kind: 'emphasis', children: [text('em')] },
        text(' '),
        { kind: 'strike', children: [text('gone')] },
        text(' '),
        { kind: 'code', text: 'a <b>' },
        text(' '),
        { kind: 'link', href: 'https://example.com', children: [text('link '), { kind: 'emphasis', children: [text('x')] }] },
        text(' '),
        { kind: 'image', src: 'p.png', alt: 'pic' },
        text(' '),
        { kind: 'link', href: 'https://auto.link', children: [text('https://auto.link')] },
        text(' '),
        { kind: 'link', href: 'http://www.example.org', children: [text('www.example.org')] },
        text(' two spaces'),
        { kind: 'break' },
        text('break, backslash'),
        { kind: 'break' },
        text('break, tag'),
        { kind: 'break' },
        text('break, entities & © A B &nope; *escaped* span text and Ctrl'),
      ]),
    ]);
  });

  test('nested bullet lists and a loose item with two paragraphs', () => {
    expect(blocksOf('list-nested.md')).toEqual([
      list(1, [
        item([para(1, 'one'), list(2, [item([para(2, 'one.a'), simpleList(3, ['one.a.i'])])])]),
        item([para(4, 'two'), para(6, 'with a second paragraph')]),
      ]),
    ]);
  });

  test('ordered lists keep their start number', () => {
    expect(blocksOf('list-ordered-start.md')).toEqual([simpleList(1, ['seven', 'eight'], { ordered: true, start: 7 })]);
  });

  test('task list items are checked, open, or plain', () => {
    expect(blocksOf('list-tasks.md')).toEqual([
      list(1, [item([para(1, 'done')], 0, true), item([para(2, 'open')], 0, false), item([para(3, 'plain')])]),
    ]);
  });

  test('block quotes hold blocks, nested quotes included', () => {
    expect(blocksOf('block-quote.md')).toEqual([
      {
        kind: 'quote',
        blocks: [
          para(1, [text('Quoted '), { kind: 'emphasis', children: [text('text')] }, text(' over two lines')]),
          simpleList(4, ['a list']),
          { kind: 'quote', blocks: [para(6, 'nested')], step: 0, align: 'left', line: 6 },
        ],
        step: 0,
        align: 'left',
        line: 1,
      },
    ]);
  });

  test('GitHub alerts of all five kinds, case-insensitive; an unknown kind stays a quote', () => {
    const alert = (kind: string, line: number, blocks: Block[]): Block => ({ kind: 'alert', alert: kind as 'note', blocks, step: 0, align: 'left', line });
    expect(blocksOf('alerts.md')).toEqual([
      alert('note', 1, [para(2, 'note text')]),
      alert('tip', 4, [para(5, 'tip text')]),
      alert('important', 7, [para(8, 'important text')]),
      alert('warning', 10, [para(11, 'warning text')]),
      alert('caution', 13, [para(14, 'caution text on two lines')]),
      { kind: 'quote', blocks: [para(17, '[!FOO] not an alert')], step: 0, align: 'left', line: 17 },
    ]);
  });

  test('GFM tables with column alignment and inline cells', () => {
    expect(blocksOf('table-alignment.md')).toEqual([
      {
        kind: 'table',
        align: 'left',
        cellAlign: ['left', 'center', 'right', null],
        header: [[text('Left')], [text('Center')], [text('Right')], [text('None')]],
        rows: [
          [[text('a')], [{ kind: 'strong', children: [text('b')] }], [{ kind: 'code', text: 'c' }], [text('d')]],
          [[text('e')], [text('f')], [text('g')], []],
        ],
        step: 0,
        line: 1,
      },
    ]);
  });

  test('code fences: language, +line_numbers, highlight sets and groups, indented code', () => {
    const deck = parseFixture('code-info.md');
    expect(deck.slides[0]?.blocks).toEqual([
      code(1, 'rust', 'a\nb\nc\nd\ne', { lineNumbers: true, highlight: [{ from: 1, to: 1 }, { from: 3, to: 4 }] }),
      code(9, 'js', '1\n2\n3\n4\n5\n6', { highlight: [{ from: 1, to: 1 }, { from: 3, to: 3 }, { from: 5, to: 6 }] }),
      code(18, '', 'plain'),
      code(22, 'python', 'x = 1\ny = 2', { highlight: [{ from: 1, to: 2 }] }),
      code(27, '', 'indented code\nstays verbatim'),
      { ...code(30, 'sh', 'ls'), exec: { mode: 'exec', executor: null, code: 'ls', expected: null } } as Block,
    ]);
    expect(messages(deck)).toEqual([
      'code-info.md:30:1: warning: line highlight "9" is past the end of the code (1 line)',
      'code-info.md:30:1: warning: unknown code block attribute "+wat"; known: +line_numbers, +exec, +exec_replace, +auto_exec',
    ]);
  });

  test('***, ___ and - - - are rules', () => {
    const rule = (line: number): Block => ({ kind: 'rule', step: 0, align: 'left', line });
    expect(blocksOf('rules.md')).toEqual([para(1, 'above'), rule(3), rule(5), rule(7), para(9, 'below')]);
  });

  test('a paragraph that is only an image is an image block; <img> tags become images', () => {
    expect(blocksOf('image-paragraph.md')).toEqual([
      { kind: 'image', src: 'alone.png', alt: 'Alone', step: 0, align: 'left', line: 1 },
      para(3, [text('Text with '), { kind: 'image', src: 'inline.png', alt: 'inline' }, text(' image.')]),
      { kind: 'image', src: 'tag.png', alt: 'Tag image', step: 0, align: 'left', line: 5 },
    ]);
  });

  test('raw HTML keeps only its text; scripts vanish; <br> lines become spacers', () => {
    expect(blocksOf('html-blocks.md')).toEqual([
      { kind: 'html', text: 'Bold & friends →\nsecond line', step: 0, align: 'left', line: 1 },
      { kind: 'spacer', lines: 2, step: 0, align: 'left', line: 8 },
      para(11, 'After.'),
    ]);
  });

  test('link reference definitions hold across directives and slides', () => {
    const deck = parseFixture('link-references.md');
    const spec = (label: string) => ({ kind: 'link', href: 'https://spec.commonmark.org', children: [text(label)] });
    expect(deck.slides.map((s) => s.blocks)).toEqual([
      [para(1, [text('See '), spec('the spec'), text(' and '), spec('Spec'), text('.')] as never), para(5, 'More, after the pause.', { step: 1 })],
      [para(9, [text('Also on another slide: '), spec('spec'), text('.')] as never)],
    ]);
    expect(deck.diagnostics).toEqual([]);
  });
});

describe('parseMarkdownBlocks', () => {
  test('numbers lines from firstLine and starts every block at step 0, left-aligned', () => {
    expect(parseMarkdownBlocks('Say **hi**.\n\n- one\n- two', 'talk.md', 40)).toEqual([
      para(40, [text('Say '), { kind: 'strong', children: [text('hi')] }, text('.')]),
      simpleList(42, ['one', 'two']),
    ]);
  });

  test('handles CRLF line ends and empty input', () => {
    expect(parseMarkdownBlocks('a\r\n\r\nb', 'x.md', 1)).toEqual([para(1, 'a'), para(3, 'b')]);
    expect(parseMarkdownBlocks('', 'x.md', 1)).toEqual([]);
  });
});
