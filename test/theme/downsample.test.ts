import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { layoutSlide, paintLines } from '../../src/render/index.js';
import {
  builtinThemeNames,
  colorHex,
  contrastRatio,
  downsampleColor,
  fitThemeToDepth,
  loadTheme,
  type ColorLevel,
  type Theme,
} from '../../src/theme/index.js';
import { look, readCells, type Cell } from './sgr.js';

const THEMES = builtinThemeNames('themes');
const load = (name: string): Theme => loadTheme(name, { themesDir: 'themes', cwd: process.cwd() });
const before = chalk.level;
afterEach(() => {
  chalk.level = before;
});

describe('downsampleColor', () => {
  const cases: [string, ColorLevel, string][] = [
    // The dark theme's background: chalk's rounding makes it ansi256(59), a mid grey.
    ['#1e1e2e', 2, 'ansi256(234)'],
    ['#313244', 2, 'ansi256(236)'],
    ['#000000', 2, 'ansi256(16)'],
    ['#ffffff', 2, 'ansi256(231)'],
    ['#808080', 2, 'ansi256(244)'],
    ['#ff0000', 2, 'ansi256(196)'],
    ['rgb(0,95,135)', 2, 'ansi256(24)'],
    ['#ff0000', 1, 'redBright'],
    ['#cd0000', 1, 'red'],
    ['#1e1e2e', 1, 'black'],
    ['#fafafa', 1, 'whiteBright'],
    ['#f0f0f0', 1, 'white'],
    ['ansi256(4)', 1, 'blue'],
    ['ansi256(196)', 1, 'redBright'],
    // What needs no change is left alone.
    ['ansi256(4)', 2, 'ansi256(4)'],
    ['blue', 2, 'blue'],
    ['default', 1, 'default'],
    ['#1e1e2e', 3, '#1e1e2e'],
    ['#1e1e2e', 0, '#1e1e2e'],
  ];
  it.each(cases)('%s at level %i is %s', (color, level, expected) => {
    expect(downsampleColor(color, level)).toBe(expected);
  });

  it('picks the perceptually nearest, not the nearest by channel: a dark blue-grey stays dark', () => {
    // Every channel of #1e1e2e rounds to the cube's second step, so chalk picks #5f5f5f.
    chalk.level = 2;
    expect(chalk.bgHex('#1e1e2e')('x')).toContain('48;5;59');
    const hex = colorHex(downsampleColor('#1e1e2e', 2))!;
    expect(contrastRatio(hex, '#1e1e2e')).toBeLessThan(1.1);
  });
});

/** The colours readability rests on, as the theme sets them (code falls back to the page, the highlight to the code). */
function roles(theme: Theme): Record<'page' | 'text' | 'code' | 'highlight', string> {
  const set = (c: string | undefined) => c !== undefined && c !== 'default';
  const code = set(theme.code.block.bg) ? theme.code.block.bg! : theme.background;
  return {
    page: theme.background,
    text: theme.text.fg ?? 'default',
    code,
    highlight: set(theme.code.highlightLine.bg) ? theme.code.highlightLine.bg! : code,
  };
}

const DECK = parseDeck(
  ['# Code', '', 'Plain text.', '', '```js {2}', 'const a = 1;', 'const b = 2;', 'const c = 3;', '```', ''].join('\n'),
  { file: 'code.md' },
);

/** The slide painted at a depth: the page (a margin cell), body text, a plain and a highlighted code line. */
function painted(theme: Theme, level: ColorLevel): { page: Cell; text: Cell; code: Cell[]; highlighted: Cell[] } {
  chalk.level = level;
  const fitted = fitThemeToDepth(theme, level);
  const size = { columns: 40, rows: 12 };
  const { lines } = layoutSlide(DECK.slides[0]!, 0, fitted, size, { hyperlinks: false });
  const rows = paintLines(lines, size.columns, fitted.background).split('\r\n').map(readCells);
  const textRow = rows.find((cells) => cells.map((c) => c.char).join('').includes('Plain text.'))!;
  const codeRow = rows.find((cells) => cells.map((c) => c.char).join('').includes('const a'))!;
  const litRow = rows.find((cells) => cells.map((c) => c.char).join('').includes('const b'))!;
  const at = (cells: Cell[], text: string) => cells.findIndex((_, i) => cells.slice(i, i + text.length).map((c) => c.char).join('') === text);
  return {
    page: textRow[0]!,
    text: textRow[at(textRow, 'Plain')]!,
    code: codeRow,
    highlighted: litRow,
  };
}

/** The code block's padding column: the cell before the code's first character. */
const padding = (cells: Cell[]): Cell => cells[cells.findIndex((c) => c.char === 'c') - 1]!;

describe.each(THEMES)('the %s theme at 16, 256 and truecolor', (name) => {
  const theme = load(name);
  const truecolor = roles(theme);
  const pairs = [
    ['page', 'text'],
    ['page', 'code'],
    ['page', 'highlight'],
    ['code', 'highlight'],
    ['text', 'code'],
    ['text', 'highlight'],
  ] as const;

  it.each([1, 2, 3] as const)('keeps background, text, code background and highlighted line apart at level %i', (level) => {
    const fitted = roles(fitThemeToDepth(theme, level));
    for (const [a, b] of pairs) {
      if (truecolor[a] === truecolor[b]) continue;
      expect(fitted[a], `${a} and ${b}`).not.toBe(fitted[b]);
    }
    // The text still reads on the page and on both code backgrounds.
    const hex = (c: string) => colorHex(c);
    if (hex(fitted.text) && hex(fitted.page)) expect(contrastRatio(hex(fitted.text)!, hex(fitted.page)!)).toBeGreaterThanOrEqual(4.5);
    for (const bg of [fitted.code, fitted.highlight]) {
      if (hex(fitted.text) && hex(bg)) expect(contrastRatio(hex(fitted.text)!, hex(bg)!)).toBeGreaterThanOrEqual(3);
    }
  });

  it.each([1, 2, 3] as const)('paints them apart at level %i, and the highlighted line differs from its neighbours', (level) => {
    const { page, text, code, highlighted } = painted(theme, level);
    const codeCell = code.find((c) => c.char === 'c')!;
    const litCell = highlighted.find((c) => c.char === 'c')!;
    if (truecolor.page !== truecolor.code) expect(codeCell.bg).not.toBe(page.bg);
    if (truecolor.page !== truecolor.highlight) expect(litCell.bg).not.toBe(page.bg);
    if (truecolor.page !== truecolor.text) expect(text.fg).not.toBe(page.bg);
    // By colour or by attribute, the highlighted line looks unlike the others.
    expect(look(litCell)).not.toBe(look(codeCell));
    expect(padding(highlighted).char).toBe(theme.code.highlightMarker.char);
    expect(padding(code).char).toBe(' ');
    // Only colours the depth has.
    const codes = [page, text, codeCell, litCell].flatMap((c) => [c.fg, c.bg]).filter(Boolean);
    for (const c of codes) {
      if (level === 1) expect(c).toMatch(/^(?:3[0-7]|9[0-7]|4[0-7]|10[0-7])$/u);
      if (level === 2) expect(c).toMatch(/^(?:[34]8;5;\d+|3[0-7]|9[0-7]|4[0-7]|10[0-7])$/u);
    }
  });

  it('marks the highlighted line without any colour (NO_COLOR)', () => {
    const { code, highlighted } = painted(theme, 0);
    expect(padding(highlighted).char).toBe(theme.code.highlightMarker.char);
    expect(padding(code).char).toBe(' ');
    expect([...code, ...highlighted].every((c) => c.fg === '' && c.bg === '' && !c.bold)).toBe(true);
  });
});

describe('fitThemeToDepth', () => {
  it('leaves truecolor and no-colour themes as they are, and fits each theme once per depth', () => {
    const dark = load('dark');
    expect(fitThemeToDepth(dark, 3)).toBe(dark);
    expect(fitThemeToDepth(dark, 0)).toBe(dark);
    expect(fitThemeToDepth(dark, 2)).toBe(fitThemeToDepth(dark, 2));
  });

  it('turns every colour of a theme into one the depth has', () => {
    const dark = load('dark');
    const colours = (value: unknown): string[] =>
      typeof value !== 'object' || value === null
        ? []
        : Object.entries(value).flatMap(([k, v]) => ((k === 'fg' || k === 'bg' || k === 'background') && typeof v === 'string' ? [v] : colours(v)));
    expect(colours(fitThemeToDepth(dark, 2)).every((c) => /^ansi256\((?:1[6-9]|[2-9]\d|1\d\d|2[0-5]\d)\)$/u.test(c))).toBe(true);
    expect(colours(fitThemeToDepth(dark, 1)).every((c) => /^[a-z]+(?:Bright)?$/u.test(c))).toBe(true);
  });
});
