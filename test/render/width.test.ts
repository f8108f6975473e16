import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemes } from '../../src/render/width.js';

/** What Intl.Segmenter gives for the whole string at once: the reference. */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const reference = (text: string) => Array.from(segmenter.segment(text), ({ segment }) => segment);

/** Clusters that are more than one code unit: they must never be cut where the text is split into pieces. */
const CLUSTERS = ['e\u0301', '👩‍👩‍👧‍👦', '🇫🇷', '🇩🇪', '한', '\u1100\u1161\u11a8', 'क्षि', '\r\n', '👍🏽', 'a\u0301\u0302\u0303'];

describe('graphemes', () => {
  it('are the clusters Intl.Segmenter finds, however long the text and wherever a cluster falls', () => {
    const atoms = fc.constantFrom('a', ' ', '中', '…', ...CLUSTERS);
    fc.assert(
      fc.property(fc.array(atoms, { minLength: 300, maxLength: 1500 }), (parts) => {
        const text = parts.join('');
        expect(graphemes(text)).toEqual(reference(text));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a run of flags paired, and a cluster longer than a piece whole', () => {
    const flags = '🇫🇷'.repeat(700);
    expect(graphemes(`x${flags}`)).toEqual(reference(`x${flags}`));
    const zalgo = `a${'\u0301'.repeat(3000)}b`;
    expect(graphemes(zalgo)).toEqual(['a' + '\u0301'.repeat(3000), 'b']);
  });
});
