import type { Color } from '../theme/index.js';

/**
 * The named ANSI colours as CSS colours: the xterm defaults, which most terminals (and so the
 * presenter's output) show.
 */
const NAMED: Record<string, string> = {
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

const ANSI16 = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const ANSI256 = /^ansi256\((\d{1,3})\)$/;
const RGB = /^rgb\((\d{1,3}),(\d{1,3}),(\d{1,3})\)$/;

function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');
}

/** The xterm 256-colour palette entry `n` as #rrggbb. */
function ansi256(n: number): string {
  if (n < 8) return NAMED[ANSI16[n]];
  if (n < 16) return NAMED[`${ANSI16[n - 8]}Bright`];
  if (n < 232) {
    const i = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `#${hex2(level(Math.floor(i / 36)))}${hex2(level(Math.floor(i / 6) % 6))}${hex2(level(i % 6))}`;
  }
  const grey = 8 + (n - 232) * 10;
  return `#${hex2(grey)}${hex2(grey)}${hex2(grey)}`;
}

/**
 * A theme colour as a CSS colour (#rrggbb), or null for 'default' and for anything that is not a
 * theme colour. Only values built from fixed patterns come out, so the result is safe to put in CSS.
 */
export function cssColor(color: Color | undefined): string | null {
  if (color === undefined || color === 'default') return null;
  if (HEX.test(color)) {
    const h = color.slice(1).toLowerCase();
    return h.length === 3 ? `#${h[0]}${h[0]}${h[1]}${h[1]}${h[2]}${h[2]}` : `#${h}`;
  }
  const named = NAMED[color];
  if (named) return named;
  const a = ANSI256.exec(color);
  if (a) {
    const n = Number(a[1]);
    return n <= 255 ? ansi256(n) : null;
  }
  const rgb = RGB.exec(color);
  if (rgb) return `#${hex2(Number(rgb[1]))}${hex2(Number(rgb[2]))}${hex2(Number(rgb[3]))}`;
  return null;
}

/** Relative luminance (WCAG) of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The page's background and text colours: the theme's, or a readable pair when it leaves them to the terminal. */
export function pageColors(background: Color, text: Color | undefined): { background: string; text: string } {
  const bg = cssColor(background);
  const fg = cssColor(text);
  if (bg && fg) return { background: bg, text: fg };
  if (bg) return { background: bg, text: luminance(bg) > 0.4 ? '#1f2430' : '#e6e6e6' };
  if (fg) return { background: luminance(fg) > 0.4 ? '#1e1e2e' : '#ffffff', text: fg };
  return { background: '#ffffff', text: '#1f2430' };
}
