import { converter, modeOklab, modeRgb, parseHex, useMode, type Oklab } from 'culori/fn';
import type { NamedColor } from './color.js';
import type { ColorLevel } from './color-level.js';
import { ANSI16_ORDER, ANSI16_RGB, ansi256Hex, colorHex, contrastRatio } from './palette.js';
import type { Color, Theme } from './types.js';

/** The conversion to OKLab, set up on first use: a truecolor terminal never needs it. */
let toOklab: ((color: ReturnType<typeof parseHex>) => Oklab) | null = null;

function oklab(hex: string): Oklab {
  if (!toOklab) {
    useMode(modeRgb);
    useMode(modeOklab);
    const convert = converter('oklab');
    toOklab = (color) => convert(color) as Oklab;
  }
  return toOklab(parseHex(hex));
}

/**
 * Squared Euclidean distance in OKLab, culori's `differenceEuclidean('oklab')` without its per-call
 * conversions: perceptually even, and cheap enough for every colour of a theme at start-up.
 */
function distance(a: Oklab, b: Oklab): number {
  return (a.l - b.l) ** 2 + (a.a - b.a) ** 2 + (a.b - b.b) ** 2;
}

/** A colour a terminal of some depth can show, and what it looks like. */
interface PaletteEntry {
  color: Color;
  hex: string;
  lab: Oklab;
}

let palette256: PaletteEntry[] | null = null;
let palette16: PaletteEntry[] | null = null;

/**
 * The 240 colours of the 256-colour palette that every terminal shows alike (the 6×6×6 cube and the
 * grey ramp). The first 16 are left out: users and terminal themes redefine them.
 */
function cube(): PaletteEntry[] {
  palette256 ??= Array.from({ length: 240 }, (_, i) => {
    const hex = ansi256Hex(16 + i);
    return { color: `ansi256(${16 + i})`, hex, lab: oklab(hex) };
  });
  return palette256;
}

/** The 16 named colours, as xterm shows them by default. */
function named(): PaletteEntry[] {
  palette16 ??= ANSI16_ORDER.map((name: NamedColor) => ({ color: name, hex: ANSI16_RGB[name], lab: oklab(ANSI16_RGB[name]) }));
  return palette16;
}

/** The palette of a depth, by distance from `hex`, nearest first. */
function byDistance(hex: string, level: 1 | 2): PaletteEntry[] {
  const target = oklab(hex);
  return (level === 2 ? cube() : named())
    .map((entry) => ({ entry, d: distance(target, entry.lab) }))
    .sort((a, b) => a.d - b.d)
    .map(({ entry }) => entry);
}

/** The palette colour of a depth nearest to `hex`. */
function nearest(hex: string, level: 1 | 2): PaletteEntry {
  const target = oklab(hex);
  let best: PaletteEntry | null = null;
  let bestD = Infinity;
  for (const entry of level === 2 ? cube() : named()) {
    const d = distance(target, entry.lab);
    if (d < bestD) {
      bestD = d;
      best = entry;
    }
  }
  return best!;
}

const nearestCache = new Map<string, Color>();

/**
 * A colour as a terminal of `level` depth should be asked to draw it: at 256 colours the
 * perceptually nearest of the 240 fixed palette colours (`ansi256(N)`), at 16 the nearest named
 * colour. Named colours, 'default' and truecolor or no-colour depths are left as they are.
 */
export function downsampleColor(color: Color, level: ColorLevel): Color {
  if (level === 0 || level === 3 || color === 'default' || color in ANSI16_RGB) return color;
  const key = `${level}|${color}`;
  let out = nearestCache.get(key);
  if (out === undefined) {
    const ansi = /^ansi256\((\d{1,3})\)$/u.exec(color);
    const hex = colorHex(color);
    if (hex === null) out = color;
    else if (level === 2 && ansi) out = color;
    else if (level === 1 && ansi && Number(ansi[1]) < 16) out = ANSI16_ORDER[Number(ansi[1])]!;
    else out = nearest(hex, level).color;
    nearestCache.set(key, out);
  }
  return out;
}

/** Whether a value is a colour of its own rather than the terminal's (or nothing). */
function concrete(color: Color | undefined): color is Color {
  return color !== undefined && color !== 'default';
}

/** The colours a slide's readability rests on; they must never merge when the depth drops. */
interface Roles {
  background: Color;
  text: Color | undefined;
  code: Color | undefined;
  highlight: Color | undefined;
}

function roles(theme: Theme): Roles {
  const code = concrete(theme.code.block.bg) ? theme.code.block.bg : theme.background;
  return {
    background: theme.background,
    text: theme.text.fg,
    code,
    highlight: concrete(theme.code.highlightLine.bg) ? theme.code.highlightLine.bg : code,
  };
}

/** Body text keeps WCAG's AA contrast on the page; code keeps the large-text ratio on its backgrounds. */
const TEXT_CONTRAST = 4.5;
const CODE_CONTRAST = 3;
const NEUTRALS = new Set<Color>(['black', 'blackBright', 'white', 'whiteBright']);

/**
 * Picks the palette colour of each role in turn: the page background (the nearest on which the
 * text's own nearest colour reads), the text (the nearest that reads on it), then the code and
 * highlighted-line backgrounds (the nearest not taken by an earlier role and on which the text
 * reads). Roles the theme gives one colour share one; roles it tells apart stay apart.
 */
function fitRoles(theme: Theme, level: 1 | 2): Map<string, Color> {
  const r = roles(theme);
  const fixed = new Map<string, Color>();
  const taken: Color[] = [];
  const hexOf = (color: Color | undefined) => colorHex(color === undefined ? undefined : (fixed.get(color) ?? color));
  const choose = (color: Color | undefined, ok: (candidate: { color: Color; hex: string }) => boolean): void => {
    if (!concrete(color) || fixed.has(color)) return;
    const hex = colorHex(color);
    if (hex === null) return;
    if (color in ANSI16_RGB || (level === 2 && /^ansi256\(/u.test(color))) {
      fixed.set(color, color);
      taken.push(color);
      return;
    }
    const candidates = byDistance(hex, level);
    const free = candidates.filter((c) => !taken.includes(c.color));
    const pick = free.find(ok) ?? free[0] ?? candidates[0]!;
    fixed.set(color, pick.color);
    taken.push(pick.color);
  };
  const textGuess = concrete(r.text) ? colorHex(downsampleColor(r.text, level)) : null;
  // At 16 colours the page is one of the neutrals: the coloured ones differ most from terminal to terminal.
  const neutral = (c: { color: Color }) => level === 2 || NEUTRALS.has(c.color);
  choose(r.background, (c) => neutral(c) && (textGuess === null || contrastRatio(c.hex, textGuess) >= TEXT_CONTRAST));
  const page = hexOf(r.background);
  choose(r.text, (c) => page === null || contrastRatio(c.hex, page) >= TEXT_CONTRAST);
  const text = hexOf(r.text);
  const readable = (c: { hex: string }) => text === null || contrastRatio(c.hex, text) >= CODE_CONTRAST;
  choose(r.code, readable);
  choose(r.highlight, readable);
  return fixed;
}

function mapColors(value: unknown, map: (color: Color) => Color): unknown {
  if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = (key === 'fg' || key === 'bg' || key === 'background') && typeof field === 'string' ? map(field) : mapColors(field, map);
  }
  return out;
}

const fitted = new WeakMap<Theme, Map<ColorLevel, Theme>>();

/**
 * The theme as a terminal of `level` depth should draw it. At 256 and 16 colours every colour
 * becomes the perceptually nearest one the terminal has (OKLab distance), except that the slide
 * background, the text, the code background and the highlighted-line background, where the theme
 * tells them apart, stay apart: a role whose nearest colour an earlier role already took gets the
 * next nearest on which the text still reads. At truecolor and without colour the theme is returned
 * as it is. Memoised per theme object.
 */
export function fitThemeToDepth(theme: Theme, level: ColorLevel): Theme {
  if (level === 0 || level === 3) return theme;
  let byLevel = fitted.get(theme);
  if (!byLevel) fitted.set(theme, (byLevel = new Map()));
  const cached = byLevel.get(level);
  if (cached) return cached;
  const fixed = fitRoles(theme, level);
  const out = mapColors(theme, (color) => fixed.get(color) ?? downsampleColor(color, level)) as Theme;
  byLevel.set(level, out);
  return out;
}
