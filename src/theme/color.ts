import { closestMatch } from '../text/index.js';

/** The named ANSI colours that chalk and Ink understand, in palette order. */
export const NAMED_COLORS = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'grey',
  'blackBright',
  'redBright',
  'greenBright',
  'yellowBright',
  'blueBright',
  'magentaBright',
  'cyanBright',
  'whiteBright',
] as const;

export type NamedColor = (typeof NAMED_COLORS)[number];

/** The colour value meaning "the terminal's own foreground or background". */
export const DEFAULT_COLOR = 'default';

const NAMED = new Set<string>(NAMED_COLORS);

/** Words people reach for that are not ANSI names, and the value they most likely want. */
const ALIASES: Record<string, string> = {
  purple: 'magenta',
  violet: 'magenta',
  pink: 'magentaBright',
  orange: 'yellow',
  aqua: 'cyan',
  teal: 'cyan',
  lime: 'greenBright',
  silver: 'white',
  none: DEFAULT_COLOR,
  inherit: DEFAULT_COLOR,
  transparent: DEFAULT_COLOR,
  reset: DEFAULT_COLOR,
};

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const BARE_HEX = /^(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const ANSI256 = /^ansi256\(\s*(\d{1,3})\s*\)$/;
const RGB = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/;

/** The outcome of reading a colour: its normal form, or why it is not one. */
export type ColorCheck = { ok: true; color: string } | { ok: false; message: string };

/**
 * Checks a colour value and returns it in the form Ink accepts: hex as written, a named ANSI
 * colour, 'ansi256(N)' or 'rgb(r,g,b)' without inner spaces (Ink's own pattern allows at most one
 * space), or 'default'. A failure carries a message naming the value and, when one is close, a
 * suggestion.
 */
export function checkColor(value: string): ColorCheck {
  if (value === DEFAULT_COLOR || NAMED.has(value) || HEX.test(value)) return { ok: true, color: value };

  const ansi = ANSI256.exec(value);
  if (ansi) {
    const n = Number(ansi[1]);
    return n <= 255
      ? { ok: true, color: `ansi256(${n})` }
      : { ok: false, message: `${quote(value)} is not a colour (ansi256 takes 0 to 255)` };
  }
  const rgb = RGB.exec(value);
  if (rgb) {
    const parts = rgb.slice(1, 4).map(Number);
    return parts.every((n) => n <= 255)
      ? { ok: true, color: `rgb(${parts.join(',')})` }
      : { ok: false, message: `${quote(value)} is not a colour (rgb components are 0 to 255)` };
  }
  return { ok: false, message: `${quote(value)} is not a colour${hintFor(value)}` };
}

function hintFor(value: string): string {
  const trimmed = value.trim();
  if (trimmed !== value && checkColor(trimmed).ok) return ` (did you mean ${quote(trimmed)}?)`;
  if (BARE_HEX.test(value) && /[0-9]/.test(value)) return ` (did you mean ${quote(`#${value}`)}?)`;
  if (value.startsWith('#')) return ' (hex colours are #rgb or #rrggbb)';
  if (/^ansi256\b/i.test(value)) return ' (write ansi256(N) with N from 0 to 255)';
  if (/^rgb\b/i.test(value)) return ' (write rgb(r,g,b) with each from 0 to 255)';
  const lower = value.toLowerCase();
  const alias = ALIASES[lower];
  if (alias) return ` (did you mean ${quote(alias)}?)`;
  const near = closestMatch(value, [...NAMED_COLORS, DEFAULT_COLOR, ...Object.keys(ALIASES)]);
  if (near) return ` (did you mean ${quote(ALIASES[near] ?? near)}?)`;
  return ' (use #rrggbb, a named ANSI colour such as "blue" or "cyanBright", ansi256(N), rgb(r,g,b) or "default")';
}

function quote(value: string): string {
  return JSON.stringify(value);
}
