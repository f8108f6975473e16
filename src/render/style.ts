import type { TextStyle } from '../theme/index.js';

const STYLE_KEYS = ['fg', 'bg', 'bold', 'italic', 'underline', 'dim', 'strikethrough', 'inverse'] as const;

/** The text-style fields of a theme entry, without its extras (prefix, bar, char, icon…). */
export function pickStyle(source: TextStyle): TextStyle {
  const out: TextStyle = {};
  for (const key of STYLE_KEYS) {
    const value = source[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Style `over` drawn on top of `base`: fields set in `over` win, unset ones inherit. */
export function mergeStyle(base: TextStyle, over: TextStyle): TextStyle {
  const out: TextStyle = { ...base };
  for (const key of STYLE_KEYS) {
    const value = over[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
