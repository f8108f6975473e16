import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatElapsed, layoutFooter, layoutTooSmall, MIN_COLUMNS, MIN_ROWS } from '../../src/render/index.js';
import { plain } from '../fixtures/render/slides.js';
import { testTheme } from '../fixtures/render/theme.js';

const footer = (columns: number, over: { title?: string; slideNumber?: number; slideCount?: number; elapsedMs?: number } = {}): string =>
  plain(layoutFooter({ title: 'Unikernels in production', slideNumber: 3, slideCount: 12, elapsedMs: 125_000, columns, theme: testTheme, ...over }));

describe('layoutFooter', () => {
  it('puts the title left, the counter and time right and a progress bar between', () => {
    // 60 = 1 + title 24 + 1 + bar 19 + 1 + '3 / 12  02:05' 13 + 1; 3 of 12 fills round(19 / 4) = 5.
    expect(footer(60)).toBe(` Unikernels in production ${'━'.repeat(5)}${'─'.repeat(14)} 3 / 12  02:05 `);
    expect(stringWidth(footer(60))).toBe(60);
  });

  it('fills the bar in proportion to the slide number', () => {
    const bar = (n: number): string => footer(60, { slideNumber: n }).replace(/[^━─]/gu, '');
    // '12 / 12' is one column wider than '3 / 12', so the bar is one shorter.
    expect(bar(12)).toBe('━'.repeat(18));
    expect(bar(6)).toBe('━'.repeat(10) + '─'.repeat(9));
    expect(bar(0)).toBe('─'.repeat(19));
  });

  it('styles title, filled and empty bar from the theme', () => {
    const line = layoutFooter({ title: 'T', slideNumber: 1, slideCount: 2, elapsedMs: 0, columns: 30, theme: testTheme });
    expect(line.find((s) => s.text.includes('━'))?.style).toEqual(testTheme.footer.progress);
    expect(line.find((s) => s.text.includes('─'))?.style).toEqual(testTheme.footer.progressEmpty);
    expect(line.find((s) => s.text.includes('T'))?.style).toEqual(testTheme.footer.text);
  });

  it('gives way gracefully as the width shrinks: bar, then title, then counter', () => {
    for (let columns = 0; columns <= 100; columns++) expect(stringWidth(footer(columns))).toBeLessThanOrEqual(columns);
    expect(footer(45)).toBe(` Unikernels in production ━${'─'.repeat(3)} 3 / 12  02:05 `);
    expect(footer(40)).toBe(` Unikernels in prod… ━${'─'.repeat(3)} 3 / 12  02:05 `);
    expect(footer(30)).toBe(' Unikernels in… 3 / 12  02:05 ');
    expect(footer(20)).toBe(' Uni… 3 / 12  02:05 ');
    expect(footer(16)).toBe('   3 / 12  02:05');
    expect(footer(12)).toBe('  3/12 02:05');
    expect(footer(8)).toBe('    3/12');
    expect(footer(4)).toBe('3/12');
    expect(footer(3)).toBe('3/…');
  });

  it('sanitises the title', () => {
    expect(footer(40, { title: 'a\u001b[2Jb' })).toContain('a␛[2Jb');
  });

  it('formats elapsed time as mm:ss and h:mm:ss', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(59_999)).toBe('00:59');
    expect(formatElapsed(61_000)).toBe('01:01');
    expect(formatElapsed(3_599_000)).toBe('59:59');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});

describe('layoutTooSmall', () => {
  it('says what is needed and what there is', () => {
    expect(MIN_COLUMNS).toBe(30);
    expect(MIN_ROWS).toBe(8);
    const lines = layoutTooSmall(29, 8).map(plain);
    expect(lines.join(' ').replace(/\s+/gu, ' ').trim()).toBe('terminal too small (need 30×8, have 29×8)');
  });

  it('fits any size, down to nothing', () => {
    for (let columns = 0; columns <= 40; columns++) {
      for (let rows = 0; rows <= 10; rows++) {
        const lines = layoutTooSmall(columns, rows);
        expect(lines.length).toBeLessThanOrEqual(rows);
        for (const line of lines) expect(stringWidth(plain(line))).toBeLessThanOrEqual(columns);
      }
    }
  });

  it('keeps the sizes readable at 10×3', () => {
    expect(layoutTooSmall(10, 3).map(plain)).toEqual(['too small:', 'need 30×8,', 'have 10×3']);
    expect(layoutTooSmall(10, 1).map(plain)).toEqual(['  10×1 <']);
    expect(layoutTooSmall(5, 5).map(plain)).toEqual(['', '5×5 <', '30×8']);
  });
});
