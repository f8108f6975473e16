import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapSegments, type Segment } from '../../src/render/index.js';
import { plain } from '../fixtures/render/slides.js';

const seg = (text: string): Segment[] => [{ text, style: {} }];
const wrapText = (text: string, width: number): string[] => wrapSegments(seg(text), width).map(plain);
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (text: string): string[] => Array.from(graphemeSegmenter.segment(text), (s) => s.segment);

/** A long paragraph of Chinese from the bundled article (no Latin words, few spaces). */
function chineseParagraph(): string {
  const article = readFileSync(new URL('../../decks/unikernels/sources/unikernels-undebuggable-tns.zh.md', import.meta.url), 'utf8');
  const paragraphs = article.split(/\n\s*\n/u).map((p) => p.trim());
  const found = paragraphs.find((p) => p.startsWith('单内核是一种应用程序'));
  if (!found) throw new Error('paragraph not found in the article');
  return found;
}

const CLOSING = new Set(Array.from('，。、；：！？」』）'));

describe('wrapSegments', () => {
  it('wraps English at spaces, filling each line', () => {
    const text = 'The quick brown fox jumps over the lazy dog and keeps running until the end of the line';
    const lines = wrapText(text, 20);
    expect(lines).toEqual(['The quick brown fox', 'jumps over the lazy', 'dog and keeps', 'running until the', 'end of the line']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps styles and links per segment across wrapped lines', () => {
    const segments: Segment[] = [
      { text: 'plain words then ', style: {} },
      { text: 'bold words here', style: { bold: true } },
      { text: ' and a link', style: {}, href: 'https://example.com' },
    ];
    const lines = wrapSegments(segments, 16);
    expect(lines).toEqual([
      [{ text: 'plain words then', style: {} }],
      [{ text: 'bold words here', style: { bold: true } }],
      [{ text: 'and a link', style: {}, href: 'https://example.com' }],
    ]);
  });

  it('breaks Chinese between characters and fills every line to the width', () => {
    const text = chineseParagraph();
    for (const width of [10, 17, 24, 40, 61]) {
      const lines = wrapText(text, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      // Filled: only the last line is short, apart from a cluster moved down to keep punctuation attached.
      for (const line of lines.slice(0, -1)) expect(stringWidth(line)).toBeGreaterThanOrEqual(width - 3);
      // Nothing is lost or reordered (spaces at breaks aside).
      expect(lines.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
      // No line starts with closing punctuation.
      for (const line of lines.slice(1)) expect(CLOSING.has(Array.from(line)[0]!)).toBe(false);
    }
  });

  it('lays out a CJK line at exactly the width with 2-column characters', () => {
    expect(wrapText('一二三四五六七八九十', 8)).toEqual(['一二三四', '五六七八', '九十']);
    // An odd width leaves one column free: a wide character never straddles the edge.
    expect(wrapText('一二三四五六七八九十', 7)).toEqual(['一二三', '四五六', '七八九', '十']);
  });

  it('does not start a line with closing punctuation or end one with opening punctuation', () => {
    expect(wrapText('一二三，四五', 6)).toEqual(['一二', '三，四', '五']);
    expect(wrapText('一二「三四」', 6)).toEqual(['一二', '「三', '四」']);
    expect(wrapText('一二三「四」', 8)).toEqual(['一二三', '「四」']);
  });

  it('breaks between CJK and Latin words', () => {
    expect(wrapText('使用Docker容器', 8)).toEqual(['使用', 'Docker容', '器']);
  });

  it('never splits emoji ZWJ sequences, flags or combining marks', () => {
    const family = '👩‍👩‍👧‍👦';
    const flag = '🇯🇵';
    const text = `${family}${flag}${family}${flag} cafe\u0301 e\u0301e\u0301e\u0301e\u0301e\u0301 ${family}`;
    for (const width of [2, 3, 4, 5, 7]) {
      const lines = wrapText(text, width);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      const all = lines.flatMap(clusters);
      expect(all.filter((c) => c === family)).toHaveLength(3);
      expect(all.filter((c) => c === flag)).toHaveLength(2);
      expect(all.filter((c) => c === 'e\u0301')).toHaveLength(6);
    }
    expect(wrapText('e\u0301e\u0301e\u0301e\u0301', 2)).toEqual(['e\u0301e\u0301', 'e\u0301e\u0301']);
    expect(wrapText(`${family}${family}${family}`, 4)).toEqual([`${family}${family}`, family]);
  });

  it('splits a word wider than the line after hyphens and slashes first', () => {
    expect(wrapText('see https://example.com/very/long/path-name', 16)).toEqual(['see', 'https://', 'example.com/', 'very/long/path-', 'name']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('honours hard breaks and zero-width spaces, and drops zero-width clusters', () => {
    expect(wrapText('one\ntwo three', 20)).toEqual(['one', 'two three']);
    expect(wrapText('alpha\u200bbeta', 6)).toEqual(['alpha', 'beta']);
    expect(wrapText('a\u2060b\ufeffc', 10)).toEqual(['abc']);
  });

  it('replaces a cluster wider than the width', () => {
    expect(wrapText('中', 1)).toEqual(['…']);
  });

  it('never exceeds the width and loses no visible cluster (property)', () => {
    const pieces = fc.constantFrom('a', 'bc', ' ', '  ', '中', '文，', '「', '」', '👩‍👩‍👧‍👦', '🇫🇷', 'e\u0301', '-', '/', 'word', '\n', 'ｱ', '한');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (parts, width) => {
        const text = parts.join('');
        const lines = wrapText(text, width);
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        // Clusters wider than the whole width come out as '…'.
        const visible = (s: string): string[] =>
          clusters(s.replace(/\s/gu, '')).map((c) => (stringWidth(c) <= width ? c : '…'));
        expect(visible(lines.join(''))).toEqual(visible(text));
      }),
    );
  });
});
