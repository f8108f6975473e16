import type { NamedColor } from './color.js';
import type { Color } from './types.js';

/**
 * The 16 named ANSI colours as xterm shows them by default. Terminals let users change these, so
 * they are a best guess; the 240 colours above them (the 6×6×6 cube and the grey ramp) are the
 * same everywhere.
 */
export const ANSI16_RGB: Readonly<Record<NamedColor, string>> = {
  black: '#000000',
  red: '#cd0000',
  green: '#00cd00',
  yellow: '#cdcd00',
  blue: '#0000ee',
  magenta: '#cd00cd',
  cyan: '#00cdcd',
  white: '#e5e5e5',
  gray: '#7f7f7f',
  grey: '#7f7f7f',
  blackBright: '#7f7f7f',
  redBright: '#ff0000',
  greenBright: '#00ff00',
  yellowBright: '#ffff00',
  blueBright: '#5c5cff',
  magentaBright: '#ff00ff',
  cyanBright: '#00ffff',
  whiteBright: '#ffffff',
};

/** The 16 colours in palette order (0–15), one name each. */
export const ANSI16_ORDER: readonly NamedColor[] = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'blackBright',
  'redBright',
  'greenBright',
  'yellowBright',
  'blueBright',
  'magentaBright',
  'cyanBright',
  'whiteBright',
];

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/u;
const ANSI256 = /^ansi256\((\d{1,3})\)$/u;
const RGB = /^rgb\((\d{1,3}),(\d{1,3}),(\d{1,3})\)$/u;

function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');
}

/** Entry `n` (0–255) of the xterm 256-colour palette as #rrggbb. */
export function ansi256Hex(n: number): string {
  if (n < 16) return ANSI16_RGB[ANSI16_ORDER[n]!];
  if (n < 232) {
    const i = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `#${hex2(level(Math.floor(i / 36)))}${hex2(level(Math.floor(i / 6) % 6))}${hex2(level(i % 6))}`;
  }
  const grey = 8 + (n - 232) * 10;
  return `#${hex2(grey)}${hex2(grey)}${hex2(grey)}`;
}

/**
 * A theme colour as #rrggbb (named and 256-palette colours as xterm shows them), or null for
 * 'default' and anything that is not a colour. Only values built from fixed patterns come out.
 */
export function colorHex(color: Color | undefined): string | null {
  if (color === undefined || color === 'default') return null;
  if (HEX.test(color)) {
    const h = color.slice(1).toLowerCase();
    return h.length === 3 ? `#${h[0]}${h[0]}${h[1]}${h[1]}${h[2]}${h[2]}` : `#${h}`;
  }
  const named = (ANSI16_RGB as Record<string, string>)[color];
  if (named) return named;
  const a = ANSI256.exec(color);
  if (a) {
    const n = Number(a[1]);
    return n <= 255 ? ansi256Hex(n) : null;
  }
  const rgb = RGB.exec(color);
  if (rgb) return `#${hex2(Number(rgb[1]))}${hex2(Number(rgb[2]))}${hex2(Number(rgb[3]))}`;
  return null;
}

/** Relative luminance (WCAG 2) of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
