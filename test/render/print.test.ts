import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { findOverflows, printDeck } from '../../src/render/index.js';
import { block, code, deck, heading, item, list, paragraph, slide, table, text } from '../fixtures/render/slides.js';
import { flatTheme } from '../fixtures/render/theme.js';

const sample = deck([
  slide([heading(1, 'Why unikernels'), paragraph('They are small.'), list([item('fast boot'), item('small attack surface', 1)])], {
    notes: 'Say *why*.',
    notesBlocks: [paragraph([text('Say '), { kind: 'emphasis', children: [text('why')] }, text('.')])],
    sources: [{ path: 'sources/a.md', startLine: 3, endLine: 5, quote: 'Unikernels are  small.', fingerprint: 'abc123', line: 9 }],
  }),
  slide([
    heading(2, 'Details'),
    table(['Name', 'Size'], [['nginx', '1 MB'], ['redis', '12 MB']], ['left', 'right']),
    code('sh', 'echo hi\n\tindented'),
    block({ kind: 'image', src: 'img/arch.png', alt: 'Architecture' }),
    block({ kind: 'quote', blocks: [paragraph('Quoted words.')] }),
    block({ kind: 'alert', alert: 'warning', blocks: [paragraph('Mind the gap.')] }),
    paragraph([{ kind: 'link', href: 'https://example.com', children: [text('site')] }, text(' \u001b[31mred')]),
    list([item('done', 0, true), item('open', 0, false)], false),
    list([item('first'), item('second')], true, 3),
  ]),
]);

describe('printDeck', () => {
  it('prints every slide as plain text with notes and sources', () => {
    expect(printDeck(sample, { width: 60 })).toBe(
      [
        'Slide 1 of 2: Why unikernels',
        '',
        'They are small.',
        '',
        '- fast boot',
        '- small attack surface',
        '',
        'Notes:',
        'Say why.',
        '',
        'Sources:',
        '- sources/a.md:3-5 "Unikernels are small."',
        '',
        '',
        'Slide 2 of 2: Details',
        '',
        'Name    Size',
        'nginx   1 MB',
        'redis  12 MB',
        '',
        '    echo hi',
        '        indented',
        '',
        '[image: Architecture (img/arch.png)]',
        '',
        '  Quoted words.',
        '',
        'Warning: Mind the gap.',
        '',
        'site (https://example.com) ␛[31mred',
        '',
        '[x] done',
        '[ ] open',
        '',
        '3. first',
        '4. second',
        '',
      ].join('\n'),
    );
  });

  it('wraps by display width and never emits escape codes or box drawing', () => {
    const zh = deck([slide([paragraph('单内核是一种应用程序，它被打包成完全在微处理器的特权模式下运行。'), table(['名称', '说明'], [['甲', '很长的说明文字需要换行显示出来']])])]);
    const out = printDeck(zh, { width: 20 });
    for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(out).not.toMatch(/[\u001b\u2500-\u257f]/u);
    expect(out).toContain('名称: 甲; 说明:');
  });
});

describe('findOverflows', () => {
  it('lists slides whose fully revealed content does not fit, with 1-based numbers', () => {
    const long = list(Array.from({ length: 30 }, (_, i) => item(`item ${i + 1}`, i % 3)));
    const d = deck([slide([paragraph('fits')]), slide([long]), slide([paragraph('fits too')]), slide([long], { layout: { footer: false } })]);
    // 24 rows: 23 for content with the footer (22 kept + marker), 24 without.
    expect(findOverflows(d, flatTheme, { columns: 80, rows: 24 })).toEqual([
      { slide: 2, hiddenLines: 8 },
      { slide: 4, hiddenLines: 7 },
    ]);
    expect(findOverflows(d, flatTheme, { columns: 80, rows: 40 })).toEqual([]);
  });
});
