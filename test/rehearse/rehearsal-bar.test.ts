import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { StyledLine } from '../../src/render/types.js';
import { layoutRehearsalBar, pace } from '../../src/rehearse/index.js';
import { loadTheme } from '../../src/theme/index.js';

const root = join(import.meta.dirname, '..', '..');
const theme = loadTheme('dark', { themesDir: join(root, 'themes'), cwd: root });

const text = (line: StyledLine) => line.map((segment) => segment.text).join('');
const width = (line: StyledLine) => stringWidth(text(line));

// 7:42 in, on a slide due at 8:02 that has been shown for 0:38 of its 0:45.
const ahead = pace({ budgets: [482_000, 45_000], slide: 1, elapsedMs: 462_000, slideElapsedMs: 38_000 });
const onTrack = pace({ budgets: [450_000, 45_000], slide: 1, elapsedMs: 462_000, slideElapsedMs: 12_000 });
const behind = pace({ budgets: [400_000, 45_000], slide: 1, elapsedMs: 462_000, slideElapsedMs: 62_000 });

describe('layoutRehearsalBar', () => {
  it.each([
    [80, '⏱ 07:42  slide 0:38 / 0:45  ▲ 0:20 ahead'],
    [40, '⏱ 07:42  slide 0:38 / 0:45  ▲ 0:20 ahead'],
    [39, '⏱ 07:42  0:38/0:45  ▲ 0:20 ahead'],
    [32, '⏱ 07:42  0:38/0:45  ▲ 0:20 ahead'],
    [31, '⏱ 07:42  ▲ 0:20 ahead'],
    [21, '⏱ 07:42  ▲ 0:20 ahead'],
    [20, '07:42 ▲ 0:20 ahead'],
    [17, '▲ 0:20 ahead'],
    [11, '▲ ahead'],
    [6, 'ahead'],
    [3, 'ahe'],
    [0, ''],
  ])('at %i columns reads %j', (columns, expected) => {
    expect(text(layoutRehearsalBar({ pace: ahead, elapsedMs: 462_000, columns, theme }))).toBe(expected);
  });

  it('says the pace in words and colours it green, yellow or red from the theme’s alerts', () => {
    const paceSegment = (line: StyledLine) => line[line.length - 1];
    const cases = [
      [ahead, '▲ 0:20 ahead', theme.alerts.warning.fg],
      [onTrack, '● on track', theme.alerts.tip.fg],
      [behind, '▼ 0:17 behind', theme.alerts.caution.fg],
    ] as const;
    for (const [result, words, fg] of cases) {
      const segment = paceSegment(layoutRehearsalBar({ pace: result, elapsedMs: 462_000, columns: 80, theme }));
      expect(segment).toEqual({ text: words, style: { fg, bold: true } });
    }
    expect(new Set(cases.map(([, , fg]) => fg)).size).toBe(3);
  });

  it('marks the slide’s own time when it runs over its budget', () => {
    const line = layoutRehearsalBar({ pace: behind, elapsedMs: 462_000, columns: 80, theme });
    expect(text(line)).toBe('⏱ 07:42  slide 1:02 / 0:45  ▼ 0:17 behind');
    expect(line[2]).toEqual({ text: 'slide 1:02 / 0:45', style: { fg: theme.alerts.caution.fg } });
    expect(layoutRehearsalBar({ pace: ahead, elapsedMs: 462_000, columns: 80, theme })[2]!.style).toEqual(theme.footer.text);
  });

  it('never exceeds the columns, and keeps the words whenever they fit', () => {
    for (const result of [ahead, onTrack, behind]) {
      for (let columns = 0; columns <= 60; columns++) {
        const line = layoutRehearsalBar({ pace: result, elapsedMs: 3_725_000, columns, theme });
        expect(width(line)).toBeLessThanOrEqual(columns);
        const status = result.status === 'on-track' ? 'on track' : result.status;
        if (columns >= status.length) expect(text(line)).toContain(status);
      }
    }
    expect(text(layoutRehearsalBar({ pace: ahead, elapsedMs: 3_725_000, columns: 80, theme }))).toBe('⏱ 1:02:05  slide 0:38 / 0:45  ▲ 0:20 ahead');
  });
});

describe('layoutRehearsalBar without its clock', () => {
  it('leaves the talk time to the screen that shows it already, at every width', () => {
    expect(text(layoutRehearsalBar({ pace: ahead, elapsedMs: 462_000, columns: 80, theme, clock: false }))).toBe('slide 0:38 / 0:45  ▲ 0:20 ahead');
    for (let columns = 0; columns <= 60; columns++) {
      const line = layoutRehearsalBar({ pace: ahead, elapsedMs: 462_000, columns, theme, clock: false });
      expect(text(line)).not.toMatch(/⏱|7:42/u);
      expect(width(line)).toBeLessThanOrEqual(columns);
    }
  });
});
