import { describe, expect, it } from 'vitest';
import { highlightMatches, type StyledLine } from '../../src/render/index.js';

const mark = { fg: '#000000', bg: '#ffff00' };

describe('highlightMatches', () => {
  it('marks every match, ignoring case, across segments, keeping the text and the other styles', () => {
    const line: StyledLine = [
      { text: 'Debugging with ', style: { fg: 'white' } },
      { text: 'DTrace', style: { bold: true }, href: 'https://dtrace.org' },
      { text: ' and more trace', style: {} },
    ];
    const [out] = highlightMatches([line], 'trace', mark);
    expect(out!.map((s) => s.text).join('')).toBe('Debugging with DTrace and more trace');
    expect(out).toEqual([
      { text: 'Debugging with ', style: { fg: 'white' } },
      { text: 'D', style: { bold: true }, href: 'https://dtrace.org' },
      { text: 'Trace', style: { bold: true, ...mark, underline: true }, href: 'https://dtrace.org' },
      { text: ' and more ', style: {} },
      { text: 'trace', style: { ...mark, underline: true } },
    ]);
    // A match split over two segments is marked in both.
    const [split] = highlightMatches([[{ text: 'unik', style: {} }, { text: 'ernel', style: { italic: true } }]], 'kern', mark);
    expect(split).toEqual([
      { text: 'uni', style: {} },
      { text: 'k', style: { ...mark, underline: true } },
      { text: 'ern', style: { italic: true, ...mark, underline: true } },
      { text: 'el', style: { italic: true } },
    ]);
  });

  it('leaves lines alone without a query or a match', () => {
    const lines: StyledLine[] = [[{ text: 'nothing here', style: {} }], []];
    expect(highlightMatches(lines, '', mark)).toBe(lines);
    expect(highlightMatches(lines, 'zzz', mark)).toEqual(lines);
  });
});
