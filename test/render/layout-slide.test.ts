import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/deck/index.js';
import { displayWidth, layoutSlide, lineWidth, type StyledLine } from '../../src/render/index.js';
import { flatTheme, testTheme } from '../fixtures/render/theme.js';
import { block, code, heading, item, list, paragraph, plain, slide, table, text } from '../fixtures/render/slides.js';

const opts = { hyperlinks: false };
const texts = (lines: StyledLine[]): string[] => lines.map(plain);

/** Lays out blocks fully revealed with no margins, as plain text lines. */
function lay(blocks: Block[], columns = 40, rows = 40, options = opts): string[] {
  const s = slide(blocks);
  const { lines } = layoutSlide(s, s.steps - 1, flatTheme, { columns, rows }, options);
  for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(columns);
  return texts(lines);
}

function layLines(blocks: Block[], columns = 40, rows = 40, options = opts): StyledLine[] {
  const s = slide(blocks);
  return layoutSlide(s, s.steps - 1, flatTheme, { columns, rows }, options).lines;
}

describe('layoutSlide: text blocks', () => {
  it('draws headings with the theme prefix, underline and hanging indent', () => {
    expect(lay([heading(1, 'Title'), heading(2, 'A second level heading that wraps', {})], 20)).toEqual([
      'Title',
      '━━━━━',
      '',
      '▌ A second level',
      '  heading that wraps',
    ]);
  });

  it('styles strong, emphasis, strike and inline code over the body text', () => {
    const [line] = layLines([
      paragraph([
        text('a '),
        { kind: 'strong', children: [text('b '), { kind: 'emphasis', children: [text('c')] }] },
        text(' '),
        { kind: 'strike', children: [text('d')] },
        text(' '),
        { kind: 'code', text: 'e' },
      ]),
    ]);
    expect(line).toEqual([
      { text: 'a ', style: { fg: '#cccccc' } },
      { text: 'b ', style: { fg: '#cccccc', bold: true } },
      { text: 'c', style: { fg: '#cccccc', bold: true, italic: true } },
      { text: ' ', style: { fg: '#cccccc' } },
      { text: 'd', style: { fg: '#cccccc', strikethrough: true } },
      { text: ' ', style: { fg: '#cccccc' } },
      { text: 'e', style: { fg: '#ffaa00' } },
    ]);
  });

  it('sanitises deck text everywhere', () => {
    const lines = lay([heading(2, 'x\u001b[31my'), paragraph('a\u009bb\u202ec'), code('', 'p\u0007q')]);
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
    expect(lines).toContain('▌ x␛[31my');
    expect(lines).toContain('a<U+009B>b<U+202E>c');
  });

  it('aligns blocks left, centre and right by display width', () => {
    expect(lay([paragraph('中文', { align: 'center' }), paragraph('右', { align: 'right' })], 10)).toEqual(['   中文', '', '        右']);
  });

  it('shows html blocks (their text content, from the parser) as dim text, and drops empty ones', () => {
    const lines = layLines([block({ kind: 'html', text: 'Hello <there>' }), block({ kind: 'html', text: ' \n ' })]);
    expect(lines).toEqual([[{ text: 'Hello <there>', style: { fg: '#cccccc', dim: true } }]]);
  });

  it('draws rules across the width and images as a framed placeholder', () => {
    expect(lay([block({ kind: 'rule' }), block({ kind: 'image', src: 'img/arch.png', alt: 'Architecture' })], 30)).toEqual([
      '──────────────────────────────',
      '',
      '┌─────────────────────┐',
      '│ image: Architecture │',
      '│ img/arch.png        │',
      '└─────────────────────┘',
    ]);
  });
});

describe('layoutSlide: links', () => {
  const link = (href: string, label: string): Block => paragraph([text('see '), { kind: 'link', href, children: [text(label)] }]);

  it('carries href for http, https and mailto when hyperlinks are on', () => {
    for (const href of ['https://example.com', 'http://example.com', 'mailto:a@example.com']) {
      const [line] = layLines([link(href, 'docs')], 40, 10, { hyperlinks: true });
      expect(line).toEqual([
        { text: 'see ', style: { fg: '#cccccc' } },
        { text: 'docs', style: { fg: '#00aaff', underline: true }, href },
      ]);
    }
  });

  it('follows the text with the URL in parentheses, dim, when hyperlinks are off', () => {
    const [line] = layLines([link('https://example.com', 'docs')]);
    expect(line).toEqual([
      { text: 'see ', style: { fg: '#cccccc' } },
      { text: 'docs', style: { fg: '#00aaff', underline: true } },
      { text: ' (https://example.com)', style: { fg: '#cccccc', dim: true } },
    ]);
  });

  it('shows the URL once when the text is the URL', () => {
    expect(lay([link('https://example.com', 'https://example.com')])).toEqual(['see https://example.com']);
    expect(lay([link('mailto:a@b.c', 'a@b.c')])).toEqual(['see a@b.c']);
  });

  it('never makes other schemes into hyperlinks', () => {
    const lines = layLines([link('javascript:alert(1)', 'click')], 40, 10, { hyperlinks: true });
    expect(lines.flat().some((s) => s.href !== undefined)).toBe(false);
    expect(texts(lines)).toEqual(['see click (javascript:alert(1))']);
  });
});

describe('layoutSlide: lists', () => {
  it('nests bullets by depth and indents wrapped text under the item', () => {
    const nested = list([item('inner one'), item([paragraph('inner two'), list([item('deepest')])])]);
    expect(lay([list([item('first item that is long enough to wrap'), item([paragraph('second'), nested])])], 24)).toEqual([
      '• first item that is',
      '  long enough to wrap',
      '• second',
      '  ◦ inner one',
      '  ◦ inner two',
      '    ▸ deepest',
    ]);
  });

  it('right-aligns ordered numbers from the start number', () => {
    const items = Array.from({ length: 3 }, (_, i) => item(`item ${i + 8}`));
    expect(lay([list(items, true, 8)])).toEqual([' 8. item 8', ' 9. item 9', '10. item 10']);
  });

  it('marks task items done or open', () => {
    expect(lay([list([item('done', 0, true), item('open', 0, false)])])).toEqual(['✔ done', '☐ open']);
  });

  it('colours markers with the theme', () => {
    const [line] = layLines([list([item('x')])]);
    expect(line![0]).toEqual({ text: '•', style: { fg: '#ff00aa' } });
  });
});

describe('layoutSlide: quotes and alerts', () => {
  it('draws a bar before quoted blocks', () => {
    expect(lay([block({ kind: 'quote', blocks: [paragraph('To be or not to be, that is the question.')] })], 24)).toEqual([
      '┃ To be or not to be,',
      '┃ that is the question.',
    ]);
  });

  it('gives alerts their icon and label, coloured', () => {
    const lines = layLines([block({ kind: 'alert', alert: 'caution', blocks: [paragraph('Hot.')] })]);
    expect(texts(lines)).toEqual(['┃ ■ Caution', '┃ Hot.']);
    expect(lines[0]).toEqual([
      { text: '┃ ', style: { fg: '#ff0000' } },
      { text: '■ Caution', style: { fg: '#ff0000', bold: true } },
    ]);
  });
});

describe('layoutSlide: tables', () => {
  const t = table(['Name', 'Qty', 'Note'], [['apple', '3', 'red and round'], ['banana', '12', 'yellow']], ['left', 'right', 'center']);

  it('draws borders and aligns each column', () => {
    expect(lay([t], 60)).toEqual([
      '┌────────┬─────┬───────────────┐',
      '│ Name   │ Qty │     Note      │',
      '├────────┼─────┼───────────────┤',
      '│ apple  │   3 │ red and round │',
      '│ banana │  12 │    yellow     │',
      '└────────┴─────┴───────────────┘',
    ]);
  });

  it('fits widths to a narrow area and wraps cells', () => {
    expect(lay([t], 26)).toEqual([
      '┌────────┬─────┬─────────┐',
      '│ Name   │ Qty │  Note   │',
      '├────────┼─────┼─────────┤',
      '│ apple  │   3 │ red and │',
      '│        │     │  round  │',
      '│ banana │  12 │ yellow  │',
      '└────────┴─────┴─────────┘',
    ]);
  });

  it('measures CJK cells by display width', () => {
    expect(lay([table(['名称', 'x'], [['中文字', 'y']])], 40)).toEqual([
      '┌────────┬───┐',
      '│ 名称   │ x │',
      '├────────┼───┤',
      '│ 中文字 │ y │',
      '└────────┴───┘',
    ]);
  });

  it('never exceeds the width, however narrow', () => {
    for (const columns of [5, 8, 12, 15, 20]) lay([t], columns);
  });
});

describe('layoutSlide: code', () => {
  it('numbers lines and highlights the chosen ones', () => {
    const lines = layLines([code('text', 'one\ntwo\nthree', { lineNumbers: true, highlight: [{ from: 2, to: 2 }] })]);
    // The marker in the padding column shows the highlight without colour.
    expect(texts(lines)).toEqual([' 1  one   ', '▌2  two   ', ' 3  three ']);
    expect(lines[1]!.every((s) => s.style.bg === '#333333')).toBe(true);
    expect(lines[0]!.every((s) => s.style.bg === '#111111')).toBe(true);
  });

  it('keeps indentation, expands tabs and wraps long lines hard', () => {
    expect(lay([code('', 'if x:\n\treturn "a very long string value"')], 20)).toEqual([
      ' if x:              ',
      '     return "a very ',
      '  long string value ',
      ' "                  ',
    ]);
  });
});

describe('layoutSlide: columns, spacer, middle', () => {
  it('lays columns side by side by ratio, padded by display width', () => {
    const columns = block({ kind: 'columns', widths: [1, 1], columns: [[paragraph('left side text')], [paragraph('右边的中文内容')]] });
    expect(lay([columns], 23)).toEqual(['left side    右边的中文', 'text         内容']);
  });

  it('splits widths by ratio', () => {
    const columns = block({ kind: 'columns', widths: [3, 1], columns: [[paragraph('aaaa bbbb cccc dddd')], [paragraph('x')]] });
    expect(lay([columns], 23)).toEqual(['aaaa bbbb cccc    x', 'dddd']);
  });

  it('adds blank lines for spacers', () => {
    expect(lay([paragraph('a'), block({ kind: 'spacer', lines: 2 }), paragraph('b')])).toEqual(['a', '', '', '', 'b']);
  });

  it('centres what follows middle vertically, by its fully revealed height', () => {
    const blocks = [heading(2, 'Top'), block({ kind: 'middle' }), paragraph('one'), paragraph('two', { step: 1 })];
    const s = slide(blocks);
    const at = (step: number): string[] => texts(layoutSlide(s, step, flatTheme, { columns: 20, rows: 11 }, opts).lines);
    expect(at(1)).toEqual(['▌ Top', '', '', '', 'one', '', 'two']);
    expect(at(0)).toEqual(['▌ Top', '', '', '', 'one']);
  });
});

describe('layoutSlide: steps, margins, overflow', () => {
  it('hides blocks and items of later steps', () => {
    const s = slide([paragraph('always'), list([item('a'), item('b', 1), item('c', 2)]), paragraph('last', { step: 2 })]);
    const at = (step: number): string[] => texts(layoutSlide(s, step, flatTheme, { columns: 20, rows: 20 }, opts).lines);
    expect(at(0)).toEqual(['always', '', '• a']);
    expect(at(1)).toEqual(['always', '', '• a', '• b']);
    expect(at(2)).toEqual(['always', '', '• a', '• b', '• c', '', 'last']);
  });

  it('applies the theme margin, shrinking it on small terminals', () => {
    const s = slide([paragraph('hello world')]);
    const at = (columns: number, rows: number): string[] => texts(layoutSlide(s, 0, testTheme, { columns, rows }, opts).lines);
    expect(at(40, 24)).toEqual(['', '  hello world']);
    // At most a sixteenth of the width each side, a twelfth of the height on top.
    expect(at(24, 11)).toEqual([' hello world']);
    expect(at(10, 5)).toEqual(['hello', 'world']);
  });

  it('shortens the overflow marker on narrow areas', () => {
    const s = slide([list(Array.from({ length: 12 }, (_, i) => item(`item ${i + 1}`)))]);
    const marker = (columns: number): string => texts(layoutSlide(s, 0, flatTheme, { columns, rows: 6 }, opts).lines)[5]!;
    expect(marker(32)).toBe('▼ 7 more lines — slide overflows');
    expect(marker(31)).toBe('▼ 7 more lines');
    expect(marker(10)).toBe('▼ 7');
  });

  it('cuts overflowing content with a marker line', () => {
    const s = slide([list(Array.from({ length: 12 }, (_, i) => item(`item ${i + 1}`)))]);
    const result = layoutSlide(s, 0, flatTheme, { columns: 40, rows: 6 }, opts);
    expect(result.overflow).toBe(true);
    expect(result.hiddenLines).toBe(7);
    expect(texts(result.lines)).toEqual(['• item 1', '• item 2', '• item 3', '• item 4', '• item 5', '▼ 7 more lines — slide overflows']);
    expect(result.lines[5]![0]!.style).toEqual(flatTheme.overflow);
  });

  it('reports no overflow when the content fits exactly', () => {
    const s = slide([list(Array.from({ length: 6 }, (_, i) => item(`item ${i + 1}`)))]);
    const result = layoutSlide(s, 0, flatTheme, { columns: 40, rows: 6 }, opts);
    expect(result).toMatchObject({ overflow: false, hiddenLines: 0 });
    expect(result.lines).toHaveLength(6);
  });

  it('caches layouts per slide, step, size and theme', () => {
    const s = slide([paragraph('x')]);
    const a = layoutSlide(s, 0, flatTheme, { columns: 40, rows: 6 }, opts);
    expect(layoutSlide(s, 0, flatTheme, { columns: 40, rows: 6 }, opts)).toBe(a);
    expect(layoutSlide(s, 0, flatTheme, { columns: 41, rows: 6 }, opts)).not.toBe(a);
    expect(layoutSlide(s, 0, testTheme, { columns: 40, rows: 6 }, opts)).not.toBe(a);
  });

  it('keeps every line within the width at every size', () => {
    const s = slide([
      heading(1, '一个很长的中文标题，用来测试换行'),
      paragraph('Mixed English 和中文 with emoji 👩‍👩‍👧‍👦 and flags 🇯🇵 inline.'),
      table(['列一', 'Column two'], [['数据', 'a long cell that must wrap somewhere']]),
      code('js', 'const 变量 = "字符串";'),
      block({ kind: 'columns', widths: [1, 2], columns: [[paragraph('左边')], [list([item('右边的列表项')])]] }),
    ]);
    for (const columns of [1, 2, 5, 10, 17, 30, 41, 80]) {
      for (const rows of [1, 3, 12]) {
        const { lines } = layoutSlide(s, 0, testTheme, { columns, rows }, opts);
        expect(lines.length).toBeLessThanOrEqual(rows);
        for (const line of lines) expect(displayWidth(plain(line))).toBeLessThanOrEqual(columns);
      }
    }
  });
});
