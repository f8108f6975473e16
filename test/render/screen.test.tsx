import chalk from 'chalk';
import { renderToString } from 'ink';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutScreen, type SlideScreenProps } from '../../src/render/index.js';
import { Lines, renderFrame } from '../../src/render/ink.js';
import { code, deck, heading, item, list, paragraph, plain, slide, text } from '../fixtures/render/slides.js';
import { testTheme } from '../fixtures/render/theme.js';

const original = chalk.level;
afterEach(() => {
  chalk.level = original;
});

const tour = deck([
  slide([heading(1, 'First'), paragraph('Hello'), list([item('a'), item('b', 1)])]),
  slide([heading(2, 'Second'), paragraph([{ kind: 'link', href: 'https://example.com/docs', children: [text('the docs')] }])]),
  slide([paragraph('No footer here')], { layout: { footer: false } }),
]);

const props = (over: Partial<SlideScreenProps> = {}): SlideScreenProps => ({
  deck: tour,
  position: { slide: 0, step: 0 },
  theme: testTheme,
  columns: 40,
  rows: 12,
  elapsedMs: 61_000,
  hyperlinks: false,
  ...over,
});

describe('renderFrame', () => {
  beforeEach(() => {
    chalk.level = 0;
  });

  it('is exactly rows lines, none wider than columns', () => {
    for (const [columns, rows] of [
      [40, 12],
      [80, 24],
      [30, 8],
      [29, 8],
      [10, 3],
      [120, 40],
    ] as const) {
      for (let slide = 0; slide < tour.slides.length; slide++) {
        const frame = renderFrame(props({ columns, rows, position: { slide, step: 1 } }));
        const lines = frame.split('\n');
        expect(lines).toHaveLength(rows);
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      }
    }
  });

  it('puts the footer on the last row unless the slide or the prop turns it off', () => {
    const last = (p: Partial<SlideScreenProps>): string => renderFrame(props(p)).split('\n').at(-1) ?? '';
    expect(last({})).toMatch(/^ Test deck ━+─+ 1 \/ 3 {2}01:01$/u);
    expect(last({ footer: false })).toBe('');
    expect(last({ position: { slide: 2, step: 0 } })).toBe('');
  });

  it('shows a banner on the first row', () => {
    const lines = renderFrame(props({ banner: { kind: 'error', text: 'reload failed:\nbad \u001b[31mthing' } })).split('\n');
    expect(lines[0]).toBe(' reload failed: bad ␛[31mthing');
    expect(lines).toHaveLength(12);
  });

  it('shows the too-small screen below 30×8', () => {
    const frame = renderFrame(props({ columns: 20, rows: 6 }));
    expect(frame.split('\n')).toHaveLength(6);
    expect(frame).toContain('too small');
    expect(frame).toContain('20×6');
  });

  it('clamps positions beyond the deck', () => {
    expect(renderFrame(props({ position: { slide: 9, step: 9 } }))).toContain('No footer here');
  });
});

describe('<Lines>', () => {
  it('paints OSC 8 hyperlinks without upsetting Ink’s width measurement', () => {
    chalk.level = 3;
    const frame = renderFrame(props({ position: { slide: 1, step: 0 }, hyperlinks: true }));
    expect(frame).toContain('\u001b]8;;https://example.com/docs\u001b\\');
    expect(frame).toContain('the docs\u001b]8;;\u001b\\');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    // A hyperlink at the end of a full-width line is not cut or wrapped by Ink.
    const url = 'https://example.com';
    const out = renderToString(<Lines lines={[[{ text: 'x'.repeat(16), style: {} }, { text: 'link', style: {}, href: url }]]} />, { columns: 20 });
    expect(out).toBe(`${'x'.repeat(16)}\u001b]8;;${url}\u001b\\link\u001b]8;;\u001b\\`);
  });

  it('fills the theme background across the full width', () => {
    chalk.level = 3;
    const theme = { ...testTheme, background: '#102030' };
    const frame = renderFrame(props({ theme }));
    const lines = frame.split('\n');
    expect(lines).toHaveLength(12);
    const bg = '\u001b[48;2;16;32;48m';
    for (const line of lines) {
      expect(line).toContain(bg);
      expect(stringWidth(line)).toBe(40);
    }
  });

  it('maps every TextStyle field to Ink, and "default" to no colour', () => {
    chalk.level = 3;
    const out = renderToString(
      <Lines
        lines={[
          [
            { text: 'a', style: { fg: '#ff0000', bg: '#00ff00', bold: true, italic: true, underline: true, strikethrough: true, inverse: true } },
            { text: 'b', style: { fg: 'default', bg: 'default', dim: true } },
          ],
        ]}
      />,
    );
    expect(out).toContain('\u001b[38;2;255;0;0m');
    expect(out).toContain('\u001b[48;2;0;255;0m');
    for (const code of ['\u001b[1m', '\u001b[3m', '\u001b[4m', '\u001b[9m', '\u001b[7m', '\u001b[2m']) expect(out).toContain(code);
    expect(stripAnsi(out)).toBe('ab');
    // 'b' has no colour of its own: no foreground or background code sits right before it.
    expect(out).toMatch(/\u001b\[2mb/u);
  });

  it('colours code tokens from the theme at colour level 3', () => {
    chalk.level = 3;
    const s = slide([code('ts', 'const s: string = "hi"; // note\nclass A extends B { f(x) { return 42; } }')]);
    const frame = renderFrame(props({ deck: deck([s]), columns: 80, rows: 10 }));
    const fg = (hex: string): string => chalk.hex(hex)('X').split('X')[0]!;
    expect(frame).toContain(`${fg('#c678dd')}const`);
    expect(frame).toContain(`${fg('#98c379')}"hi"`);
    expect(frame).toContain(`${fg('#5c6370')}`);
    expect(frame).toContain(`${fg('#e5c07b')}A`);
    expect(frame).toContain(`${fg('#d19a66')}42`);
    expect(frame).toContain(chalk.bgHex('#111111')('X').split('X')[0]);
  });
});

describe('layoutScreen', () => {
  it('returns rows lines whatever the size', () => {
    for (const [columns, rows] of [
      [0, 0],
      [1, 1],
      [10, 3],
      [30, 8],
      [200, 60],
    ] as const) {
      const lines = layoutScreen(props({ columns, rows }));
      expect(lines).toHaveLength(rows);
      for (const line of lines) expect(stringWidth(plain(line))).toBeLessThanOrEqual(columns);
    }
  });

  it('shows a message for a deck without slides', () => {
    const lines = layoutScreen(props({ deck: deck([]) }));
    expect(lines.map(plain).join('\n')).toContain('test.md: no slides');
  });

  it('lays out the step given', () => {
    const at = (step: number): string => layoutScreen(props({ position: { slide: 0, step } })).map(plain).join('\n');
    expect(at(0)).not.toContain('• b');
    expect(at(1)).toContain('• b');
  });
});
